"""Signals other apps listen to. Sent inside the transaction that changed
the dossier, so a receiver that writes rows (the notification outbox, the
national portal's outbox) commits or rolls back with the change."""

from django.dispatch import Signal

# sender=Dossier; kwargs: dossier, event
status_changed = Signal()

# sender=Dossier; kwargs: dossier, event. The apology and new date (slip
# 04): the status stays, so status_changed is not sent, but the national
# portal tracks the new date.
due_date_extended = Signal()

# sender=Dossier; kwargs: dossier, event. Handed to the successor of an
# agency ended by a reorganisation (dossiers/reorganise.py): the status
# stays, but the applicant is told where the dossier now is.
agency_changed = Signal()
