"""On time or late, decided by the office calendar, shown everywhere."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue.calendar import office_calendar
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.workdays import WorkingCalendar

DUE_SOON_WORKING_DAYS = 1


class Timeliness(models.TextChoices):
    EARLY = "early", _("Trước hạn")
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Trễ hạn")
    NOT_DUE = "not_due", _("Trong hạn")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    PAUSED = "paused", _("Tạm dừng chờ bổ sung")
    NONE = "none", _("Chưa tính hạn")


def timeliness(
    dossier: Dossier, today: date | None = None, calendar: WorkingCalendar | None = None
) -> Timeliness:
    """A finished dossier is judged by the day its result was ready against
    the statutory due date (an apology's new date does not make a late
    dossier on time); an open one by today against its current due date.
    A caller judging many dossiers passes one `calendar` (else each open
    dossier reads the office calendar)."""
    if dossier.due_date is None:
        return Timeliness.NONE
    if dossier.resolved_at is not None:
        done = timezone.localdate(dossier.resolved_at)
        if done < dossier.due_date:
            return Timeliness.EARLY
        return Timeliness.ON_TIME if done == dossier.due_date else Timeliness.LATE
    if dossier.status == Status.SUPPLEMENT:
        return Timeliness.PAUSED
    if dossier.status not in (Status.ACCEPTED, Status.PROCESSING, Status.AWAITING_PAYMENT):
        return Timeliness.NONE
    return _open_timeliness(dossier.effective_due_date, today or timezone.localdate(), calendar)


def _open_timeliness(due: date, today: date, calendar: WorkingCalendar | None) -> Timeliness:
    if today > due:
        return Timeliness.OVERDUE
    if (calendar or office_calendar()).working_days_between(today, due) <= DUE_SOON_WORKING_DAYS:
        return Timeliness.DUE_SOON
    return Timeliness.NOT_DUE
