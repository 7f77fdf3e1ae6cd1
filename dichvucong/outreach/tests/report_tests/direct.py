"""Counts taken directly from the model rows, written without report.py:
plain Python over every row of each table. Acceptance is read from the
dossier's event log (a status change to 2 is the office issuing the
receipt), not from `received_at` as report.py does, so the two sides do
not share the rule's wording either."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.constants import SuccessRule
from dichvucong.outreach.models import (
    AssistedSubmission,
    Attendance,
    Campaign,
    PracticeAttempt,
    Pupil,
    SchoolClass,
)


def campaign_classes(campaign: Campaign) -> dict[int, SchoolClass]:
    school_ids = {school.pk for school in campaign.schools.all()}
    return {
        c.pk: c
        for c in SchoolClass.objects.all()
        if c.school_id in school_ids
        and c.school_year == campaign.school_year
        and c.grade == campaign.target_grade
    }


def campaign_pupils(campaign: Campaign) -> list[Pupil]:
    classes = campaign_classes(campaign)
    return [pupil for pupil in Pupil.objects.all() if pupil.school_class_id in classes]


def trained(campaign: Campaign) -> set[int]:
    return {
        row.pupil_id
        for row in Attendance.objects.select_related("session")
        if row.present and row.session.campaign_id == campaign.pk
    }


def practised(campaign: Campaign) -> set[int]:
    found = set()
    for attempt in PracticeAttempt.objects.select_related("session"):
        direct = attempt.campaign_id == campaign.pk
        via_session = attempt.campaign_id is None and (
            attempt.session is not None and attempt.session.campaign_id == campaign.pk
        )
        if attempt.completed_at is not None and (direct or via_session):
            found.add(attempt.pupil_id)
    return found


def reached(dossier: Dossier, statuses: tuple[int, ...], campaign: Campaign) -> Any:
    """When the dossier's events first moved it into one of `statuses`,
    or None."""
    moves = [e.at for e in dossier.events.all() if e.to_status in statuses]
    return min(moves) if moves else None


def in_year(moment: Any, campaign: Campaign) -> bool:
    start = int(campaign.school_year[:4])
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    return datetime(start, 8, 1, tzinfo=zone) <= moment < datetime(start + 1, 8, 1, tzinfo=zone)


def is_success(dossier: Dossier, campaign: Campaign) -> bool:
    """DESIGN.md §6 read from the events: the rule's outcome reached
    within the school year."""
    if dossier.is_practice:
        return False
    wanted = (Status.RETURNED,)
    if campaign.success_rule == SuccessRule.RESULT:
        wanted = (Status.RESOLVED, Status.RETURNED)
    moment = reached(dossier, wanted, campaign)
    return moment is not None and in_year(moment, campaign)


def is_pending(dossier: Dossier, campaign: Campaign) -> bool:
    """Accepted before the year's end, neither refused, withdrawn nor
    stopped, and the rule's outcome not reached before the year's end."""
    if dossier.is_practice or dossier.status in (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED):
        return False
    after = datetime(int(campaign.school_year[:4]) + 1, 8, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    accepted = reached(dossier, (Status.ACCEPTED,), campaign)
    if accepted is None or accepted >= after:
        return False
    wanted = (Status.RETURNED,)
    if campaign.success_rule == SuccessRule.RESULT:
        wanted = (Status.RESOLVED, Status.RETURNED)
    moment = reached(dossier, wanted, campaign)
    return moment is None or moment >= after


def successes(campaign: Campaign, judge: Any = is_success) -> list[tuple[int, str]]:
    """(pupil id, household key) of every assisted dossier `judge` keeps:
    by default the successful ones."""
    pupil_ids = {pupil.pk for pupil in campaign_pupils(campaign)}
    found = []
    for row in AssistedSubmission.objects.select_related("dossier", "ambassador"):
        if (
            row.confirmed_at is not None
            and row.ambassador.campaign_id == campaign.pk
            and row.ambassador.pupil_id in pupil_ids
            and judge(row.dossier, campaign)
        ):
            found.append((row.ambassador.pupil_id, row.household_key))
    return found


def figures(pupils: list[Pupil], campaign: Campaign, done: list[tuple[int, str]]) -> dict[str, int]:
    ids = {pupil.pk for pupil in pupils}
    mine = [(pupil_id, key) for pupil_id, key in done if pupil_id in ids]
    waiting = [pupil_id for pupil_id, _key in successes(campaign, is_pending) if pupil_id in ids]
    return {
        "pupils": len(pupils),
        "erased": sum(1 for pupil in pupils if pupil.erased_at is not None),
        "trained": len(ids & trained(campaign)),
        "practised": len(ids & practised(campaign)),
        "succeeded": len({pupil_id for pupil_id, _key in mine}),
        "dossiers": len(mine),
        "households": len({key for _pupil_id, key in mine}),
        "pending": len(waiting),
    }


def direct_counts(campaign: Campaign) -> dict[str, Any]:
    """{"classes": {id: figures}, "schools": {id: figures}, "total": figures}."""
    classes = campaign_classes(campaign)
    pupils = campaign_pupils(campaign)
    done = successes(campaign)
    by_class = {
        pk: figures([p for p in pupils if p.school_class_id == pk], campaign, done)
        for pk in classes
    }
    by_school = {
        school.pk: figures(
            [p for p in pupils if classes[p.school_class_id].school_id == school.pk],
            campaign,
            done,
        )
        for school in campaign.schools.all()
    }
    return {"classes": by_class, "schools": by_school, "total": figures(pupils, campaign, done)}


def commended(campaign: Campaign, criteria: dict[str, Any]) -> list[int]:
    """Pupil ids meeting the criteria, grouped by school name, best first."""
    pupils = {pupil.pk: pupil for pupil in campaign_pupils(campaign)}
    per_pupil: dict[int, list[str]] = {}
    for pupil_id, key in successes(campaign):
        per_pupil.setdefault(pupil_id, []).append(key)
    present = trained(campaign)
    rows = []
    for pupil_id, keys in per_pupil.items():
        pupil = pupils[pupil_id]
        if pupil.erased_at is not None or len(keys) < criteria["min_dossiers"]:
            continue
        if len(set(keys)) < criteria["min_households"]:
            continue
        if criteria["require_trained"] and pupil_id not in present:
            continue
        school = pupil.school_class.school.name
        rows.append((school, -len(keys), -len(set(keys)), pupil.school_class.name, pupil_id))
    rows.sort()
    kept: list[int] = []
    taken: dict[str, int] = {}
    for school, *_rest, pupil_id in rows:
        quota = criteria.get("quota_per_school")
        if quota is None or taken.get(school, 0) < quota:
            taken[school] = taken.get(school, 0) + 1
            kept.append(pupil_id)
    return kept
