from __future__ import annotations

from collections import Counter
from datetime import date

from django.utils import timezone

from dichvucong.accounts.models import CitizenProfile
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import areas
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.tests.report_tests.areas_data import build_places


def _first_dossiers() -> dict[int, date]:
    """Citizen profile -> the first day (Hà Nội time) of their first online dossier."""
    first: dict[int, date] = {}
    for dossier in Dossier.objects.all():
        if dossier.is_practice or dossier.status == 0 or dossier.submitted_at is None:
            continue
        day = timezone.localtime(dossier.submitted_at).date()
        if dossier.applicant_id not in first or day < first[dossier.applicant_id]:
            first[dossier.applicant_id] = day
    return {p.pk: first[p.user_id] for p in CitizenProfile.objects.all() if p.user_id in first}


def _place(profile: CitizenProfile) -> tuple[int | None, int | None]:
    group = profile.residential_group
    return (group.parent_id if group else profile.ward_id), profile.residential_group_id


def test_households_ambassadors_and_months_equal_direct_counts(oc, cast):
    places = build_places(oc, cast)
    found = areas.areas(areas.wards_for(oc.education))
    first = _first_dossiers()
    profiles = {p.pk: p for p in CitizenProfile.objects.select_related("residential_group")}
    households = Counter(_place(profiles[pk]) for pk in first)
    ambassadors = Counter(a.residential_group_id for a in Ambassador.objects.all() if a.active)

    assert {w.ward_id for w in found.wards} == {oc.ward_a.pk, oc.ward_b.pk}
    for ward in found.wards:
        for group in ward.groups:
            assert group.households == households[(ward.ward_id, group.group_id)]
            if group.group_id is not None:
                assert group.ambassadors == ambassadors[group.group_id]
        assert ward.households == sum(n for (w, _g), n in households.items() if w == ward.ward_id)
    assert found.households > 0 and found.ambassadors > 0
    visible_groups = {g.pk for g in places.groups}
    assert found.ambassadors == sum(n for g, n in ambassadors.items() if g in visible_groups)
    assert found.ambassadors < sum(ambassadors.values())  # one active far away
    assert any(g.group_id is None for w in found.wards for g in w.groups)

    visible = [pk for pk in first if _place(profiles[pk])[0] in (oc.ward_a.pk, oc.ward_b.pk)]
    months = Counter(first[pk].replace(day=1) for pk in visible)
    assert {row.month: row.new for row in found.months if row.new} == dict(months)
    assert [row.month for row in found.months][0] == min(months)
    assert found.months[-1].cumulative == len(visible) == found.households
    february = next(row for row in found.months if row.month == date(2017, 2, 1))
    assert february.new == 0


def test_one_ward_alone(oc, cast):
    build_places(oc, cast)
    both = areas.areas(areas.wards_for(oc.education))
    alone = areas.areas(areas.wards_for(oc.education).filter(pk=oc.ward_b.pk))
    ward_b = next(w for w in both.wards if w.ward_id == oc.ward_b.pk)
    assert [w.ward_id for w in alone.wards] == [oc.ward_b.pk]
    assert alone.households == ward_b.households < both.households
