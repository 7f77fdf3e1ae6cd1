from __future__ import annotations

import pytest

from dichvucong.dossiers import reorganise
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
    submit_at_ward_b,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(cast, tmp_path, settings):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return add_groups_to_ward_b(cast)


def test_each_dossier_goes_to_the_new_ward_that_took_its_residential_group(cast, groups):
    group_1, group_2 = groups
    first = submit_at_ward_b(cast, group_1)
    second = submit_at_ward_b(cast, group_2)
    phuong_liet, khuong_dinh = reorganise_cast()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    assert Dossier.objects.get(pk=first.pk).agency == phuong_liet
    assert Dossier.objects.get(pk=second.pk).agency == khuong_dinh


def test_without_an_address_the_accounts_group_decides(cast, groups):
    _group_1, group_2 = groups
    dossier = submit_at_ward_b(cast, None, account_group=group_2)
    _phuong_liet, khuong_dinh = reorganise_cast()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    assert Dossier.objects.get(pk=dossier.pk).agency == khuong_dinh


def test_an_address_and_an_account_that_disagree_go_by_the_address(cast, groups):
    # The group a dossier is submitted from (dossiers.places): the e-form's
    # address first, as the reports' today view maps it.
    group_1, group_2 = groups
    dossier = submit_at_ward_b(cast, group_1, account_group=group_2)
    phuong_liet, _khuong_dinh = reorganise_cast()
    work = reorganise.plan(FIRST_DAY)
    assert work.undecided == []
    reorganise.apply(work)
    assert Dossier.objects.get(pk=dossier.pk).agency == phuong_liet


def test_a_dossier_without_a_group_is_reported_and_left_for_a_person(cast, groups):
    dossier = submit_at_ward_b(cast, None)
    reorganise_cast()
    work = reorganise.plan(FIRST_DAY)
    assert [pk for pk, _agency in work.undecided] == [dossier.pk]
    assert work.undecided_counts() == {"UBND phường Khương Đình (T.KD)": 1}
    reorganise.apply(work)
    after = Dossier.objects.get(pk=dossier.pk)
    assert (after.agency, after.event_count) == (cast.agency_b, dossier.event_count)


def test_a_group_outside_the_old_ward_decides_nothing(cast, groups):
    dossier = submit_at_ward_b(cast, None, account_group=cast.group_a)
    reorganise_cast()
    assert [pk for pk, _agency in reorganise.plan(FIRST_DAY).undecided] == [dossier.pk]
