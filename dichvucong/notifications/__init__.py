"""Notifications: an outbox of e-mails and SMS written with each dossier
status change and sent after the commit, retried, never sent twice."""
