from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.constants import ImportStatus
from dichvucong.outreach.models import Guardian, Pupil, School, SchoolClass
from dichvucong.outreach.tests.helpers import import_file
from dichvucong.outreach.tests.rosters import roster_rows, to_csv, to_xlsx, upload

ROWS = 2500


@pytest.fixture
def district_classes(oc):
    """Ten schools of six grade-8 classes, as in the article's district."""
    schools = [oc.school_a, oc.school_b] + [
        School.objects.create(name=f"THCS Thử nghiệm {n}") for n in range(1, 9)
    ]
    oc.campaign.schools.set(schools)
    SchoolClass.objects.bulk_create(
        SchoolClass(school=school, name=f"8A{n}", school_year="2016-2017")
        for school in schools
        for n in range(1, 7)
        if (school, n) != (oc.school_a, 1)
    )
    return list(SchoolClass.objects.filter(school_year="2016-2017").select_related("school"))


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_2500_rows_import_in_a_bounded_number_of_queries(oc, district_classes, kind):
    rows = roster_rows(district_classes, ROWS)
    content = to_xlsx(rows) if kind == "xlsx" else to_csv(rows)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        job = import_file(oc.education, f"ds.{kind}", content, campaign=oc.campaign)
    elapsed = time.perf_counter() - started
    print(f"\n{ROWS} rows ({kind}): {elapsed:.2f} s, {len(queries)} queries")
    assert job.status == ImportStatus.DONE, job.errors[:5]
    assert job.done == job.total == ROWS
    assert Pupil.objects.count() == ROWS
    assert Guardian.objects.count() <= ROWS
    # Bulk writes in batches of 500, the file checked twice (the preview,
    # then the save): the count must not grow with the rows.
    assert len(queries) < 100
    assert elapsed < 30  # about a second on a laptop; generous for CI


def test_reimporting_2500_rows_changes_nothing(oc, district_classes):
    content = to_xlsx(roster_rows(district_classes, ROWS))
    import_file(oc.education, "ds.xlsx", content, campaign=oc.campaign)
    again = import_file(oc.education, "ds.xlsx", content, campaign=oc.campaign)
    assert (again.created, again.updated, again.total) == (0, 0, ROWS)
    assert Pupil.objects.count() == ROWS


def test_upload_page_checks_the_file_and_after_confirming_shows_it_done(
    oc, district_classes, client, django_capture_on_commit_callbacks
):
    content = to_csv(roster_rows(district_classes, ROWS), bom=False, delimiter=";")
    login_verified(client, oc.education)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/tuyen-truyen/nhap-danh-sach/",
            {"file": upload("danh-sach.csv", content), "campaign": oc.campaign.pk},
        )
    assert response.status_code == 302
    assert not Pupil.objects.exists()  # the preview first
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(response["Location"] + "nhap/")
    assert confirmed["Location"] == response["Location"]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert f'<progress class="or-progress" value="{ROWS}" max="{ROWS}">' in html
    assert 'http-equiv="refresh"' not in html
    assert "Refresh" not in page
    assert Pupil.objects.count() == ROWS


def test_a_running_import_refreshes_itself_every_two_seconds(oc, client):
    from dichvucong.outreach.models import RosterImport

    job = RosterImport.objects.create(
        uploaded_by=oc.coordinator_a,
        school=oc.school_a,
        school_year="2016-2017",
        status=ImportStatus.CHECKING,
        total=2500,
        done=1000,
        original_name="ds.xlsx",
    )
    login_verified(client, oc.coordinator_a)
    page = client.get(f"/tuyen-truyen/nhap-danh-sach/{job.pk}/")
    html = page.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress class="or-progress" value="1000" max="2500">' in html
    assert page["Refresh"] == "2"
