"""How long each kind of personal data is kept, from the RETENTION_*
settings (dichvucong/settings.py), and why the defaults are what they are.

The Law on Personal Data Protection (No. 91/2025/QH15, in force on
1 January 2026) and Decree 13/2023/NĐ-CP ask that personal data be kept
no longer than its purpose needs and deleted when that purpose is spent;
neither sets a number of days for any kind below. Where a default rests on
another law it says which; otherwise it is the office's choice, to be
changed by setting the variable.

- RETENTION_DRAFT_DAYS = 180 (office's choice): a draft untouched for six
  months is abandoned; the applicant loses nothing that a new draft cannot
  give back. Counted from the draft's last change.
- RETENTION_ENDED_FILES_DAYS = 365: the files of a dossier refused or
  withdrawn are no longer needed for the service, but the decision can
  still be challenged: a complaint within 90 days (Law on Complaints
  2011, art. 9) and an administrative lawsuit within one year (Law on
  Administrative Procedures 2015, art. 116(2)). One year after closing.
- RETENTION_CODES_DAYS = 1 (office's choice): a one-time code is spent or
  expired within minutes; the row is kept one more day for the wrong-try
  counter and troubleshooting. Counted from its expiry.
- RETENTION_SESSIONS_DAYS = 0 (office's choice): an expired session is of
  no use to anyone; deleted at the next run. Counted from its expiry.
- RETENTION_NOTIFICATION_BODY_DAYS = 90: what a message said and to whom
  is evidence while a complaint about a missed notice can still be made
  (90 days, Law on Complaints 2011, art. 9); the row stays, blanked, so
  the statistics still count it. Counted from sending.
- RETENTION_ACCESS_LOG_DAYS = 730 (office's choice): the security log is
  kept two years, longer than the 12 months Decree 53/2022/NĐ-CP asks of
  system logs (see the README for what could not be verified).
- RETENTION_PRACTICE_DAYS = 30 (office's choice): practice dossiers are
  rehearsals, mostly by pupils (minors, Decree 13/2023 art. 20); the
  practice attempt row, which the campaign report counts, is kept without
  its dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from dichvucong.retention.constants import Kind

SETTING = {
    Kind.DRAFTS: "RETENTION_DRAFT_DAYS",
    Kind.ENDED_FILES: "RETENTION_ENDED_FILES_DAYS",
    Kind.CODES: "RETENTION_CODES_DAYS",
    Kind.SESSIONS: "RETENTION_SESSIONS_DAYS",
    Kind.NOTIFICATION_BODIES: "RETENTION_NOTIFICATION_BODY_DAYS",
    Kind.ACCESS_LOG: "RETENTION_ACCESS_LOG_DAYS",
    Kind.PRACTICE: "RETENTION_PRACTICE_DAYS",
}


@dataclass(frozen=True)
class Period:
    kind: Kind
    days: int

    def cutoff(self, now: datetime | None = None) -> datetime:
        """Anything older than this has expired."""
        return (now or timezone.now()) - timedelta(days=self.days)


def period(kind: Kind) -> Period:
    return Period(kind, int(getattr(settings, SETTING[kind])))


def periods() -> list[Period]:
    return [period(kind) for kind in Kind]
