"""The statistics kept counted (reports.tally): what each dossier adds to
the figures, by local day, agency and procedure.

- TallyEntry: what a change added or took away, written in the same
  transaction as the change; inserts only, so two clerks never wait on the
  same row.
- DayTally and MonthTally: the entries summed, by day and by month, moved
  there by reports.tally.compaction.
- DossierTally: what each dossier adds today, so the next change writes
  only the difference.
- TallyState: one row; whether the counts were built (an upgraded database
  is counted directly until `manage.py rebuild_statistics`).

Flows (received, resolved, ratings...) are counts of the day. The three in
progress columns are changes: +1 on the day a dossier enters the state,
-1 on the day it leaves; what is in progress at the end of a day is the
sum of every change up to that day."""

from __future__ import annotations

from django.db import models

FLOWS = (
    "received",
    "paid",
    "paid_online",
    "resolved",
    "early",
    "on_time",
    "late",
    "digitised",
    "ratings",
    "satisfied",
)
CHANGES = ("not_due", "overdue", "paused")
COLUMNS = FLOWS + CHANGES


class Counts(models.Model):
    agency = models.ForeignKey("catalogue.Agency", on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(
        "catalogue.Procedure", on_delete=models.CASCADE, related_name="+"
    )
    received = models.IntegerField(default=0)
    paid = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    resolved = models.IntegerField(default=0)
    early = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    late = models.IntegerField(default=0)
    digitised = models.IntegerField(default=0)
    ratings = models.IntegerField(default=0)
    satisfied = models.IntegerField(default=0)
    not_due = models.IntegerField(default=0)
    overdue = models.IntegerField(default=0)
    paused = models.IntegerField(default=0)

    class Meta:
        abstract = True


class DayTally(Counts):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "agency", "procedure"], name="reports_daytally_key"
            )
        ]


class MonthTally(Counts):
    month = models.DateField()  # the first day of the month

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "agency", "procedure"], name="reports_monthtally_key"
            )
        ]


class TallyEntry(Counts):
    id = models.BigAutoField(primary_key=True)
    day = models.DateField()


class DossierTally(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # {"<yyyy-mm-dd> <agency id> <procedure id>": {"<column>": n}}
    counted = models.JSONField(default=dict)


class TallyState(models.Model):
    built = models.BooleanField(default=False)
    built_at = models.DateTimeField(null=True, blank=True)
    compacted_at = models.DateTimeField(null=True, blank=True)
