"""The outreach campaign's rows that follow a reorganisation of the
administrative tree (`manage.py reorganise`, dossiers/reorganise.py):
schools go to the ward that took theirs, ambassadors and pupils to the
residential group their old one became, a campaign to the agency that
took its lead agency's work. Only rows that point at a unit or agency
that ended the day before, and only those still running: an ambassador
whose role ended, a pupil erased, a campaign over, stay as they were.
Where there is no single successor (a school in a split ward, a campaign
led by a district office) the row is counted and left for a person."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from dichvucong.catalogue.services import unit_on, ward_on
from dichvucong.dossiers.reorganise import successor_agency
from dichvucong.outreach.models import Ambassador, Campaign, Pupil, School


def follow_reorganisation(day: date, *, dry_run: bool) -> list[str]:
    last_day = day - timedelta(days=1)
    moved: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for school in School.objects.filter(ward__valid_to=last_day).select_related("ward"):
        _follow(school, "ward", ward_on(school.ward, day), _("trường"), moved, left, dry_run)
    running = Q(until__isnull=True) | Q(until__gte=day)
    ambassadors = Ambassador.objects.filter(
        running, active=True, residential_group__valid_to=last_day
    )
    for ambassador in ambassadors.select_related("residential_group"):
        new = unit_on(ambassador.residential_group, day)
        _follow(ambassador, "residential_group", new, _("đại sứ số"), moved, left, dry_run)
    pupils = Pupil.objects.filter(erased_at__isnull=True, ambassador_group__valid_to=last_day)
    for pupil in pupils.select_related("ambassador_group"):
        new = unit_on(pupil.ambassador_group, day)
        _follow(pupil, "ambassador_group", new, _("học sinh"), moved, left, dry_run)
    campaigns = Campaign.objects.filter(lead_agency__valid_to=last_day, end_date__gte=day)
    for campaign in campaigns.select_related("lead_agency__admin_unit"):
        new = successor_agency(campaign.lead_agency, day)
        _follow(campaign, "lead_agency", new, _("chiến dịch"), moved, left, dry_run)
    return _lines(moved, left)


def _follow(
    row: models.Model,
    name: str,
    new: models.Model | None,
    what: str,
    moved: Counter[str],
    left: Counter[str],
    dry_run: bool,
) -> None:
    if new is None:
        left[what] += 1
        return
    moved[what] += 1
    if not dry_run:
        type(row).objects.filter(pk=row.pk).update(**{name: new})


def _lines(moved: Counter[str], left: Counter[str]) -> list[str]:
    lines = [
        _("Tuyên truyền: %(count)d %(what)s theo đơn vị mới") % {"count": n, "what": what}
        for what, n in moved.items()
    ]
    lines += [
        _("Tuyên truyền: %(count)d %(what)s chưa xác định được đơn vị mới, cần người quyết định")
        % {"count": n, "what": what}
        for what, n in left.items()
    ]
    return lines
