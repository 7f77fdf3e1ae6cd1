"""A coordinator uploads a 500-pupil file with ward and residential group
columns; the preview names the bad lines, nothing is saved before
"Nhập", a double click imports once, and groups are matched however
people write them."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach.constants import ImportStatus
from dichvucong.outreach.models import Pupil, RosterImport, School
from dichvucong.outreach.roster.places import PlaceError, Places
from dichvucong.outreach.tests.ambassador_setup import consent
from dichvucong.outreach.tests.helpers import import_file
from dichvucong.outreach.tests.rosters import HEADER, roster_rows, to_csv, to_xlsx, upload

FULL_HEADER = [*HEADER, "Phường", "Tổ dân phố"]
WAYS = ["Tổ dân phố {n}", "Tổ {n}", "tổ dân phố số {n}", "{n}", "TDP 0{n}", "to dan pho {n}"]


@pytest.fixture
def groups(oc):
    for number in range(2, 13):
        AdminUnit.objects.create(
            name=f"Tổ dân phố {number}",
            code=f"O-KD-{number}",
            level=UnitLevel.GROUP,
            parent=oc.ward_a,
        )
    return {g.name: g for g in AdminUnit.objects.filter(parent=oc.ward_a)}


def rows_with_groups(oc, count):
    rows = roster_rows([oc.class_a], count)
    for index, row in enumerate(rows):
        number = index % 9 + 1
        ward = ["Phường Khương Đình", "khuong dinh", ""][index % 3]
        row += [ward, WAYS[index % len(WAYS)].format(n=number)]
    return rows


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_500_pupils_are_previewed_then_saved_once_with_their_groups(
    oc, groups, client, django_capture_on_commit_callbacks, kind
):
    rows = rows_with_groups(oc, 500)
    content = to_csv(rows, FULL_HEADER) if kind == "csv" else to_xlsx(rows, FULL_HEADER)
    login_verified(client, oc.coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/tuyen-truyen/nhap-danh-sach/",
            {
                "file": upload(f"danh-sach.{kind}", content),
                "school": oc.school_a.pk,
                "campaign": oc.campaign.pk,
            },
        )
    job = RosterImport.objects.get()
    assert (job.status, job.valid) == (ImportStatus.READY, 500), job.errors[:2]
    assert job.errors == []
    assert job.file  # kept on the server until the coordinator decides
    assert not Pupil.objects.exists()
    preview = client.get(response["Location"]).content.decode()
    assert "Nhập 500 học sinh" in preview
    for _click in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(response["Location"] + "nhap/")
    job.refresh_from_db()
    assert (job.status, job.created, job.updated) == (ImportStatus.DONE, 500, 0)
    assert Pupil.objects.count() == 500
    assert not job.file
    # New pupils have no consent yet: their groups wait (the consent rule).
    assert job.groups_held == 500
    assert not Pupil.objects.filter(ambassador_group__isnull=False).exists()


def test_groups_are_saved_for_consented_pupils_when_the_file_comes_again(oc, groups):
    rows = rows_with_groups(oc, 12)
    content = to_csv(rows, FULL_HEADER)
    import_file(oc.coordinator_a, "ds.csv", content, school=oc.school_a)
    for pupil in Pupil.objects.all()[:6]:
        consent(pupil, oc.coordinator_a)
    again = import_file(oc.coordinator_a, "ds.csv", content, school=oc.school_a)
    assert (again.created, again.groups_set, again.groups_held) == (0, 6, 6)
    by_name = {row[2]: row[7] for row in rows}
    for pupil in Pupil.objects.filter(ambassador_group__isnull=False):
        number = "".join(ch for ch in by_name[pupil.full_name] if ch.isdigit()).lstrip("0")
        assert pupil.ambassador_group.name == f"Tổ dân phố {number}"


def test_bad_lines_are_shown_with_their_numbers_and_nothing_is_saved(oc, groups, client):
    rows = rows_with_groups(oc, 5)
    rows[1][7] = "Tổ 99"
    rows[2][6] = "Phường Kim Giang"  # not the school's ward
    rows[3][2] = ""
    job = import_file(
        oc.coordinator_a, "ds.csv", to_csv(rows, FULL_HEADER), school=oc.school_a, confirm=False
    )
    assert job.status == ImportStatus.READY
    assert job.valid == 2
    lines = {(e["row"], e["column"]) for e in job.errors}
    assert lines == {(3, "Tổ dân phố"), (4, "Phường"), (5, "Họ và tên")}
    login_verified(client, oc.coordinator_a)
    html = client.get(f"/tuyen-truyen/nhap-danh-sach/{job.pk}/").content.decode()
    assert "Không tìm thấy tổ dân phố “Tổ 99”." in html
    assert "Chưa có học sinh nào được lưu." in html
    assert not Pupil.objects.exists()


def test_cancelling_a_preview_saves_nothing_and_deletes_the_file(oc, groups, client):
    job = import_file(
        oc.coordinator_a,
        "ds.csv",
        to_csv(rows_with_groups(oc, 3), FULL_HEADER),
        school=oc.school_a,
        confirm=False,
    )
    login_verified(client, oc.coordinator_a)
    client.post(f"/tuyen-truyen/nhap-danh-sach/{job.pk}/huy/")
    client.post(f"/tuyen-truyen/nhap-danh-sach/{job.pk}/nhap/")
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    assert not job.file
    assert not Pupil.objects.exists()


def test_a_group_number_without_a_ward_is_ambiguous_for_a_school_without_one(oc, groups):
    school = School.objects.create(name="THCS Không Phường")
    oc.campaign.schools.add(school)
    AdminUnit.objects.create(
        name="Tổ dân phố 1", code="O-KG-1", level=UnitLevel.GROUP, parent=oc.ward_b
    )
    places = Places([school])
    with pytest.raises(PlaceError) as error:
        places.group_for(school, "", "Tổ 1")
    assert error.value.field == "ward"
    assert places.group_for(school, "P. Kim Giang", "1").parent == oc.ward_b
    assert places.group_for(school, "KHƯƠNG ĐÌNH", "tổ dân phố số 01") == groups["Tổ dân phố 1"]


def test_the_sample_files_have_example_pupils_of_the_school(oc, groups, client):
    login_verified(client, oc.coordinator_a)
    csv_text = client.get("/tuyen-truyen/nhap-danh-sach/mau.csv").content.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0] == ",".join([*FULL_HEADER, "Mã học sinh"])
    assert len(lines) >= 4
    assert all(line.startswith("THCS Khương Đình,8A1,") for line in lines[1:])
    xlsx = client.get("/tuyen-truyen/nhap-danh-sach/mau.xlsx")
    assert xlsx.content[:2] == b"PK"
    # The sample imports as it is, groups and all.
    job = import_file(oc.coordinator_a, "mau.xlsx", xlsx.content, school=oc.school_a)
    assert job.status == ImportStatus.DONE, job.errors
    assert job.created == len(lines) - 1
    assert Pupil.objects.exclude(pupil_code="").count() == len(lines) - 2  # the last has none


def test_a_preview_left_unconfirmed_for_two_days_is_cancelled_and_its_file_deleted(oc, groups):
    from datetime import timedelta

    from dichvucong.outreach.tasks import expire_roster_previews_task

    content = to_csv(rows_with_groups(oc, 3), FULL_HEADER)
    old = import_file(oc.coordinator_a, "a.csv", content, school=oc.school_a, confirm=False)
    fresh = import_file(oc.coordinator_a, "b.csv", content, school=oc.school_a, confirm=False)
    RosterImport.objects.filter(pk=old.pk).update(created_at=old.created_at - timedelta(days=3))
    expire_roster_previews_task.delay()
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, bool(old.file)) == (ImportStatus.CANCELLED, False)
    assert (fresh.status, bool(fresh.file)) == (ImportStatus.READY, True)
