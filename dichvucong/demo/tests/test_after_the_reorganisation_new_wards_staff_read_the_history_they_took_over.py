"""Issue 15, staff reach: after `reorganise` on the demo, the staff of a
new ward read the ended dossiers of the wards it took over — all of a
ward merged whole into it, of a split ward only those whose applicant's
residential group went to it, by the one map of reports.unitmap — in the
back office's lists, on the dossier's page (which offers no action) and in
the dashboard's figures. The old wards' staff, whose roles ended, read
nothing."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.actions import ACTIONS
from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers import access
from dichvucong.dossiers.constants import CLOSED_STATUSES, ENDED_STATUSES
from dichvucong.dossiers.models import Dossier
from dichvucong.reports import report, statistics
from dichvucong.reports.access import dashboard_scope
from dichvucong.reports.forms import Filters
from dichvucong.reports.statistics import Period
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY, UnitMap

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "catalogue/data/reorganisation_2025_thanh_xuan.json"
PHUONG_LIET = "000.00.33.H26"  # took Thanh Xuân Nam whole, parts of three split wards
ALL_YEARS = Period(date(2015, 1, 1), date.today())


def _staff(username: str, agency: Agency) -> User:
    user = User.objects.create_user(username=username, full_name=username, kind=AccountKind.STAFF)
    StaffRole.objects.create(user=user, role=Role.RECEPTIONIST, agency=agency)
    return user


def _history_by_the_map(agency: Agency) -> set[int]:
    """The ended dossiers of ended committees that reports.unitmap gives
    to `agency` today, worked out dossier by dossier."""
    unit_map = UnitMap(date.today())
    rows = Dossier.objects.filter(
        status__in=CLOSED_STATUSES,
        is_practice=False,
        agency__valid_to__lt=date.today(),
        agency__kind=AgencyKind.PEOPLES_COMMITTEE,
    ).values_list("pk", "agency_id", "procedure_id", "applicant__citizen__residential_group_id")
    return {
        pk
        for pk, agency_id, procedure_id, group in rows
        if unit_map.agency_today(agency_id, procedure_id, group) == agency.pk
    }


def test_a_new_wards_staff_read_what_it_took_over_and_the_old_wards_staff_nothing(
    demo, client
) -> None:
    call_command("load_reorganisation", str(DATA), stdout=StringIO())
    phuong_liet = Agency.objects.get(unit_code=PHUONG_LIET)
    before = {role.user_id for role in StaffRole.objects.filter(agency__valid_to__isnull=False)}
    call_command("reorganise", "--date", "2025-07-01", stdout=StringIO())
    officer = _staff("tiepnhan.phuongliet", phuong_liet)

    expected = _history_by_the_map(phuong_liet)
    read = set(
        access.readable_staff_dossiers(officer)
        .exclude(agency=phuong_liet)
        .values_list("pk", flat=True)
    )
    assert read == expected and read
    sources = Dossier.objects.filter(pk__in=read).values_list("agency__admin_unit__code", flat=True)
    took = set(sources)
    assert "H26.TX.03" in took  # merged whole: every ended dossier of it
    whole = Dossier.objects.filter(
        agency__admin_unit__code="H26.TX.03", status__in=CLOSED_STATUSES, is_practice=False
    )
    assert set(whole.values_list("pk", flat=True)) <= read
    # A split ward: only the part whose groups went to Phương Liệt.
    split = Dossier.objects.filter(
        agency__admin_unit__code="H26.TX.02", status__in=CLOSED_STATUSES, is_practice=False
    )
    mine = split.filter(pk__in=read)
    others = split.exclude(pk__in=read)
    assert mine.exists() and others.exists()
    # Acting stays where the dossiers are: the user acts on their own agency's only.
    assert not access.staff_dossiers(officer).exclude(agency=phuong_liet).exists()

    login_verified(client, officer)
    public_id = mine.first().public_id
    page = client.get(reverse("backoffice:detail", args=[public_id]))
    assert page.status_code == 200
    for slug in ACTIONS:  # nothing offered to act on
        assert reverse("backoffice:action", args=[public_id, slug]) not in page.content.decode()
    other = others.first().public_id
    assert client.get(reverse("backoffice:detail", args=[other])).status_code == 404
    listed = mine.filter(status__in=ENDED_STATUSES).first()
    closed = client.get(reverse("backoffice:queues"), {"queue": "closed", "q": listed.code})
    assert reverse("backoffice:detail", args=[listed.public_id]) in closed.content.decode()
    hidden = others.filter(status__in=ENDED_STATUSES).first()
    closed = client.get(reverse("backoffice:queues"), {"queue": "closed", "q": hidden.code})
    assert reverse("backoffice:detail", args=[hidden.public_id]) not in closed.content.decode()

    # The dashboard counts the same dossiers, by either map.
    scope = dashboard_scope(officer)
    assert scope is not None
    direct = statistics.table(access.readable_staff_dossiers(officer), ALL_YEARS, (), date.today())
    for view in (VIEW_TODAY, VIEW_OF_THE_TIME):
        filters = Filters(ALL_YEARS, None, None, [], view)
        tables = report.figure_tables(scope, filters, ("agency",), date.today())
        assert statistics.total(tables["agency"]) == direct[0].figures, view

    # The old wards' staff whose roles ended keep no reach.
    ended = User.objects.filter(pk__in=before, staff_roles__isnull=True)
    assert ended.exists()
    for user in ended:
        assert not access.readable_staff_dossiers(user).exists()
