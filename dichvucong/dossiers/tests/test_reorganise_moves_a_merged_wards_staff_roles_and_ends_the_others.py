from __future__ import annotations

import pytest

from dichvucong.accounts.constants import Role
from dichvucong.dossiers import reorganise
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
    submit_at_ward_b,
)

pytestmark = pytest.mark.django_db


def test_a_merged_wards_roles_move_to_the_new_committee(cast):
    add_groups_to_ward_b(cast)
    phuong_liet, _khuong_dinh = reorganise_cast()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    for officer, role in [
        (cast.receptionist_a, Role.RECEPTIONIST),
        (cast.specialist_a, Role.SPECIALIST),
        (cast.leader_a, Role.LEADER),
    ]:
        assert list(officer.staff_roles.values_list("role", "agency")) == [(role, phuong_liet.pk)]


def test_a_split_wards_roles_end_and_are_listed_by_login(cast):
    add_groups_to_ward_b(cast)
    reorganise_cast()
    work = reorganise.plan(FIRST_DAY)
    assert {c.to_agency for c in work.roles if c.from_agency == cast.agency_b} == {None}
    outcome = reorganise.apply(work)
    assert not cast.receptionist_b.staff_roles.exists()
    assert f"{cast.leader_b.username} – Lãnh đạo – T.KD" in outcome.ended_roles
    assert outcome.roles_ended == 3


def test_a_dossier_held_by_an_officer_whose_role_ended_is_released(cast, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    group_1, _group_2 = add_groups_to_ward_b(cast)
    dossier = submit_at_ward_b(cast, group_1)
    Dossier.objects.filter(pk=dossier.pk).update(
        status=Status.PROCESSING, assignee=cast.specialist_b, holder=cast.specialist_b
    )
    reorganise_cast()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    after = Dossier.objects.get(pk=dossier.pk)
    assert (after.assignee, after.holder) == (None, None)
    assert after.events.get(seq=after.event_count).data["cleared"] == ["assignee", "holder"]
