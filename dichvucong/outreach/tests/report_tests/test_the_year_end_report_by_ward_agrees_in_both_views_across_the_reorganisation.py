"""Issue 15 point 3: the year-end report's dossiers by the ward of the
helped household, by the wards of the time or by today's after the 2025
reorganisation: a split ward's dossiers go by residential group, both
views add up to the schools' totals, nothing lost or counted twice."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import time_machine
from openpyxl import load_workbook
from pypdf import PdfReader

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import _citizen
from dichvucong.dossiers.tests.reorganisation_cast import add_groups_to_ward_b, reorganise_cast
from dichvucong.outreach import report, report_wards
from dichvucong.reports.tests.reorganised_world import HANOI
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY

AFTER = date(2025, 9, 30)


def _reorganised(world) -> dict[str, int]:
    """A third of the counted dossiers from each of ward B's groups (at
    ward B), a third left at ward A with no group; then the 2025 change."""
    dc = world.dc
    groups = add_groups_to_ward_b(dc)
    users = []
    for number, group in enumerate(groups, start=1):
        user = _citizen(f"00109000001{number}", f"Hộ {number}", f"09100000{number:02d}", dc.ward_b)
        user.citizen.residential_group = group
        user.citizen.save()
        users.append(user)
    counted = sorted(pk for ids, _p in report.dossier_ids(world.campaign).values() for pk in ids)
    for index, user in enumerate(users):
        ids = counted[index::3]
        Dossier.objects.filter(pk__in=ids).update(
            applicant=user, agency=dc.agency_b, residential_group=user.citizen.residential_group
        )
    reorganise_cast()
    return {"g1": len(counted[0::3]), "g2": len(counted[1::3]), "a": len(counted[2::3])}


def _by_name(rows) -> dict[str, int]:
    return {row.name: row.dossiers for row in rows}


def test_both_views_add_up_to_the_schools_totals_and_split_by_group(world):
    sizes = _reorganised(world)
    shown = report.present_all(world.campaign, with_names=False)
    today = report_wards.by_ward(shown, VIEW_TODAY, AFTER)
    of_the_time = report_wards.by_ward(shown, VIEW_OF_THE_TIME, AFTER)
    for rows in (today, of_the_time):
        assert report_wards.total(rows).dossiers == shown.totals.dossiers > 0
        assert report_wards.total(rows).pending == shown.totals.pending
        assert len({row.unit_id for row in rows}) == len(rows)
    assert _by_name(of_the_time) == {
        "Khương Đình": sizes["g1"] + sizes["g2"],
        "Khương Mai": sizes["a"],
    }
    assert _by_name(today) == {
        "Phường Phương Liệt": sizes["g1"] + sizes["a"],
        "Phường Khương Đình mới": sizes["g2"],
    }


def test_a_household_changing_group_leaves_its_dossiers_in_their_ward(world):
    # A dossier keeps the group it was submitted from (dossiers.places).
    _reorganised(world)
    shown = report.present_all(world.campaign, with_names=False)
    before = _by_name(report_wards.by_ward(shown, VIEW_TODAY, AFTER))
    household = User.objects.get(username="001090000011")
    household.citizen.residential_group = AdminUnit.objects.get(code="T-KD-2")
    household.citizen.save()
    assert _by_name(report_wards.by_ward(shown, VIEW_TODAY, AFTER)) == before


def test_the_report_page_offers_both_views_the_wards_of_its_year_first(world, client):
    _reorganised(world)
    url = f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/"
    with time_machine.travel(datetime(2025, 9, 30, 10, tzinfo=HANOI), tick=False):
        login_verified(client, world.oc.education)
        # 2016-2017 ended before the change: its own wards unless asked.
        page = client.get(url).content.decode()
        assert 'name="cach_xem"' in page
        # A ward of fewer than 5 dossiers is merged (lib/disclosure.py).
        shown = report.present_all(world.campaign, with_names=False)
        for view, name, gone in (
            (VIEW_OF_THE_TIME, "Khương Mai", "Phường Phương Liệt"),
            (VIEW_TODAY, "Phường Phương Liệt", "Khương Mai"),
        ):
            rows = report_wards.by_ward(shown, view, AFTER)
            big = {row.name for row in report_wards.disclosed(rows)[0]}
            page = client.get(url, {"cach_xem": view} if view == VIEW_TODAY else {})
            text = page.content.decode()
            assert f'<td data-label="Phường">{gone}' not in text
            assert (name in text) == (name in big), view
            assert ("Các phường khác (gộp)" in text) == (big != {r.name for r in rows})


def test_the_wards_cost_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    _reorganised(world)
    shown = report.present_all(world.campaign, with_names=False)
    with django_assert_max_num_queries(10):
        report_wards.by_ward(shown, VIEW_TODAY, AFTER)


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_xlsx_and_pdf_show_the_wards_in_the_view_asked_like_the_page(world, client):
    _reorganised(world)
    base = f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/"
    with time_machine.travel(datetime(2025, 9, 30, 10, tzinfo=HANOI), tick=False):
        login_verified(client, world.oc.education)
        shown = report.present_all(world.campaign, with_names=False)
        # The page's links carry its view to the files.
        page = client.get(base, {"cach_xem": VIEW_TODAY}).content.decode()
        assert f"bao-cao.xlsx?cach_xem={VIEW_TODAY}" in page
        for view, label in report_wards.VIEW_LABELS.items():
            rows, _merged = report_wards.disclosed(report_wards.by_ward(shown, view, AFTER))
            sheet = load_workbook(
                io.BytesIO(client.get(f"{base}bao-cao.xlsx", {"cach_xem": view}).content)
            )["Theo phường"]
            values = [row for row in sheet.iter_rows(values_only=True) if any(row)]
            assert str(label) in values[0][0]
            names = [row[0] for row in values]
            end = names.index("Cộng")
            assert names[2:end] == [row.name for row in rows], view
            assert values[end][1:3] == (shown.totals.dossiers, shown.totals.pending)
            text = _pdf_text(client.get(f"{base}bao-cao.pdf", {"cach_xem": view}).content)
            assert f"({label})" in text
            for row in rows:
                assert row.name in text, view
        # No choice: the page's default, today's wards for a year past the change.
        default = load_workbook(io.BytesIO(client.get(f"{base}bao-cao.xlsx").content))
        title = default["Theo phường"]["A1"].value
        assert str(report_wards.VIEW_LABELS[report_wards.chosen_view(None, shown)]) in title
