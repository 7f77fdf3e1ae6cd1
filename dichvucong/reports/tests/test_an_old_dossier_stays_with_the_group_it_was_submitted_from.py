"""Issue 15: a dossier keeps the residential group it was submitted from
(dossiers.places). A citizen of a split ward who later changes their group
does not move their old dossiers between the wards that took theirs: not
in the statistics by today's units, not in the successor staff's reach;
and reorganise and the reports send a dossier whose e-form address names
another group than the account to the same new ward."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.dossiers import reorganise
from dichvucong.dossiers.access import readable_staff_dossiers
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import add_former_wards, former_dossier
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
    submit_at_ward_b,
)
from dichvucong.reports import access, report
from dichvucong.reports.forms import Filters
from dichvucong.reports.statistics import Period
from dichvucong.reports.unitmap import VIEW_TODAY

pytestmark = pytest.mark.django_db


def _received_today_by_agency() -> dict[str, int]:
    today = timezone.localdate()
    filters = Filters(Period(date(2025, 1, 1), today), None, None, [], VIEW_TODAY)
    tables = report.figure_tables(access.public_scope(), filters, ("agency",), today)
    return {row.codes["agency"]: row.figures.received for row in tables["agency"]}


def _reach(user: User) -> set[int]:
    fresh = User.objects.get(pk=user.pk)  # the reach is kept on the user object
    return set(readable_staff_dossiers(fresh).values_list("pk", flat=True))


def test_a_citizen_changing_group_leaves_their_old_dossier_where_it_was(cast, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    former = add_former_wards(cast)
    dossier = former_dossier(cast, former.split, former.resident_to_a, Status.RETURNED)
    assert dossier.residential_group == former.group_to_a
    before = _received_today_by_agency()
    assert before.get(cast.agency_a.unit_code) and cast.agency_b.unit_code not in before
    assert dossier.pk in _reach(cast.receptionist_a)

    # The portal asks after a reorganisation; the citizen names the other group.
    CitizenProfile.objects.filter(user=former.resident_to_a).update(
        residential_group=former.group_to_b
    )
    assert _received_today_by_agency() == before
    assert dossier.pk in _reach(cast.receptionist_a)
    assert dossier.pk not in _reach(cast.receptionist_b)


def test_reorganise_and_the_reports_follow_the_eforms_group_over_the_accounts(
    cast, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    group_1, group_2 = add_groups_to_ward_b(cast)
    dossier = submit_at_ward_b(cast, group_1, account_group=group_2)
    assert dossier.residential_group == group_1
    phuong_liet, khuong_dinh = reorganise_cast()
    # Still at the ended ward B: the today view maps it by its group.
    before = _received_today_by_agency()
    assert before.get(phuong_liet.unit_code) == 1 and khuong_dinh.unit_code not in before
    reorganise.apply(reorganise.plan(FIRST_DAY))
    assert Dossier.objects.get(pk=dossier.pk).agency == phuong_liet
    assert _received_today_by_agency() == before
