"""Signals other apps listen to. Sent inside the transaction that changed
the dossier, so a receiver that writes rows (the notification outbox)
commits or rolls back with the change."""

from django.dispatch import Signal

# sender=Dossier; kwargs: dossier, event
status_changed = Signal()
