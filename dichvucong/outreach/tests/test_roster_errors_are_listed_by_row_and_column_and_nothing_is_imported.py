from __future__ import annotations

from dichvucong.outreach.constants import ImportStatus
from dichvucong.outreach.models import Guardian, Pupil
from dichvucong.outreach.tests.helpers import GOOD_ROW, import_file, import_rows, problems
from dichvucong.outreach.tests.rosters import to_csv


def test_every_problem_is_reported_with_its_row_and_column_and_nothing_is_imported(oc):
    rows = [
        GOOD_ROW,
        ["THCS Khương Đình", "8A1", "", 2003, "Lê Văn Hùng", "0912345678"],
        ["THCS Khương Đình", "8A1", "Phạm Thu Trang", 2003, "Phạm Văn Nam", "12345"],
        ["THCS Khương Đình", "8A1", "Đỗ Đức Huy", "hai nghìn", "Đỗ Văn Long", "0987654321"],
        ["THCS Khương Đình", "8A1", "Vũ Ngọc Mai", 2003, "", "0987654322"],
    ]
    job = import_rows(oc.coordinator_a, rows, school=oc.school_a)
    assert job.status == ImportStatus.READY  # waiting for the coordinator
    assert job.valid == 1
    assert problems(job) == {
        (3, "Họ và tên"),
        (4, "SĐT phụ huynh"),
        (5, "Năm sinh"),
        (6, "Họ tên phụ huynh"),
    }
    assert not Pupil.objects.exists()
    assert not Guardian.objects.exists()


def test_missing_columns_are_named(oc):
    content = to_csv(
        [["THCS Khương Đình", "8A1", "Lê Minh Anh"]], header=["Trường", "Lớp", "Họ và tên"]
    )
    job = import_file(oc.coordinator_a, "thieu-cot.csv", content, school=oc.school_a)
    assert job.status == ImportStatus.FAILED
    message = job.errors[0]["message"]
    for column in ("Năm sinh", "Họ tên phụ huynh", "SĐT phụ huynh"):
        assert column in message
    assert "Họ và tên" not in message


def test_headers_match_without_case_or_diacritics_and_extra_columns_are_ignored(oc):
    header = [
        "STT",
        "TRUONG",
        "lop",
        "Ho va ten",
        "nam sinh",
        "Ghi chú",
        "HỌ TÊN PHỤ HUYNH",
        "sdt phu huynh",
    ]
    row = [1, *GOOD_ROW[:4], "nghỉ ốm", *GOOD_ROW[4:]]
    job = import_file(oc.coordinator_a, "ds.csv", to_csv([row], header=header), school=oc.school_a)
    assert job.status == ImportStatus.DONE, job.errors
    assert Pupil.objects.get().full_name == "Lê Minh Anh"


def test_the_uploaded_file_is_deleted_once_processed(oc):
    job = import_rows(oc.coordinator_a, [GOOD_ROW], school=oc.school_a)
    assert not job.file
    failed = import_rows(oc.coordinator_a, [GOOD_ROW[:2] + [""] + GOOD_ROW[3:]], school=oc.school_a)
    assert failed.status == ImportStatus.FAILED
    assert not failed.file


def test_a_damaged_excel_file_is_reported_not_crashed_on(oc):
    job = import_file(
        oc.coordinator_a, "hong.xlsx", b"PK\x03\x04 not really a workbook", school=oc.school_a
    )
    assert job.status == ImportStatus.FAILED
    assert "Excel" in job.errors[0]["message"]


def test_a_csv_not_in_utf8_is_reported(oc):
    content = "Trường,Lớp\n".encode("utf-16")  # what Excel calls "Unicode text"
    job = import_file(oc.coordinator_a, "ds.csv", content, school=oc.school_a)
    assert job.status == ImportStatus.FAILED
    assert "UTF-8" in job.errors[0]["message"]
