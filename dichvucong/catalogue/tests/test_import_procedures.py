from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import ProtectedError

from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.importer import ImportFailed, import_procedures
from dichvucong.catalogue.models import Agency, Field, Procedure, RequiredDocument
from dichvucong.demo import PROCEDURES_FILE, read_master_data
from dichvucong.demo.master import load_master
from dichvucong.demo.store import Tally

pytestmark = pytest.mark.django_db

HEADER = (
    "code,name,field,level_2017,agency_2017,processing_working_days,"
    "same_day_with_15h_rule,fee,main_documents,notes"
)
BIRTH = "1.001193,Đăng ký khai sinh,Hộ tịch,ward,UBND phường,0,yes,0,Tờ khai; Giấy chứng sinh,"
WILL = "2.001019,Chứng thực di chúc,Chứng thực,ward,UBND phường,2,no,50000 đồng/di chúc,Dự thảo,"
JUSTICE = "2.000528,Khai sinh nước ngoài,Hộ tịch,district,phòng tư pháp,0,no,0,Tờ khai,"


@pytest.fixture
def agencies():
    load_master(read_master_data(), Tally())


def run(*lines: str, **options) -> object:
    return import_procedures(io.StringIO("\n".join(lines) + "\n"), **options)


def errors_of(*lines: str) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        run(*lines)
    return [str(error) for error in failure.value.errors]


def test_the_real_catalogue_imports_all_23_procedures(agencies):
    call_command("import_procedures", str(PROCEDURES_FILE), stdout=io.StringIO())
    assert Procedure.objects.count() == 23
    assert Field.objects.count() == 5
    birth = Procedure.objects.get(code="1.001193")
    assert birth.handling_level == HandlingLevel.WARD and birth.agency is None
    assert birth.same_day_cutoff and birth.working_days == 0
    assert birth.online_level == OnlineLevel.FORMS
    assert birth.fee_rule["kind"] == "free"
    assert [(d.name, d.required) for d in birth.documents.all()] == [
        ("Tờ khai đăng ký khai sinh", True),
        ("Giấy chứng sinh (hoặc văn bản của người làm chứng / giấy cam đoan)", True),
        ("Văn bản ủy quyền (nếu có)", False),
    ]
    permit = Procedure.objects.get(code="1.013225")
    assert permit.agency == Agency.objects.get(name="Phòng Quản lý đô thị")
    assert permit.working_days == 15 and not permit.same_day_cutoff
    assert "post-2025" in permit.notes


def test_district_procedures_need_an_existing_agency():
    messages = errors_of(HEADER, BIRTH, JUSTICE)
    assert messages == ["Dòng 3, cột agency_2017: Không có cơ quan tên 'phòng tư pháp'."]
    assert Procedure.objects.count() == 0


def test_agency_names_match_regardless_of_case(agencies):
    run(HEADER, JUSTICE)
    assert Procedure.objects.get(code="2.000528").agency.name == "Phòng Tư pháp"


def test_a_bad_row_is_reported_by_line_and_column_and_nothing_is_imported(agencies):
    bad_code = "1.00119,Tên,Hộ tịch,ward,UBND phường,0,yes,0,Tờ khai,"
    messages = errors_of(HEADER, BIRTH, bad_code, WILL)
    assert len(messages) == 1
    assert messages[0].startswith("Dòng 3, cột code:")
    assert Procedure.objects.count() == 0
    assert Field.objects.count() == 0


def test_every_bad_cell_is_reported(agencies):
    row = "1.000001,,Hộ tịch,commune,,-1,maybe,2000 đồng,Tờ khai,"
    columns = [message.split(":")[0] for message in errors_of(HEADER, row)]
    assert columns == [
        "Dòng 2, cột name",
        "Dòng 2, cột level_2017",
        "Dòng 2, cột processing_working_days",
        "Dòng 2, cột same_day_with_15h_rule",
        "Dòng 2, cột fee",
    ]


def test_line_numbers_count_physical_lines_of_quoted_cells(agencies):
    multi_line = '1.000002,"Tên\ntrên hai dòng",Hộ tịch,ward,UBND phường,0,yes,0,Tờ khai,'
    bad = "1.000003,Tên,Hộ tịch,ward,UBND phường,x,yes,0,Tờ khai,"
    assert errors_of(HEADER, multi_line, bad) == [
        "Dòng 4, cột processing_working_days: Số ngày làm việc phải là số nguyên từ 0 đến 365."
    ]


def test_a_code_twice_in_one_file_is_an_error(agencies):
    assert errors_of(HEADER, BIRTH, WILL, BIRTH) == ["Dòng 4, cột code: Mã trùng với dòng 2."]


def test_missing_and_unknown_columns_are_reported_on_line_1():
    header = HEADER.replace(",notes", ",onlne_level")
    assert errors_of(header, BIRTH) == [
        "Dòng 1, cột notes: Thiếu cột bắt buộc.",
        "Dòng 1, cột onlne_level: Cột không xác định.",
    ]


def test_malformed_fee_is_an_error(agencies):
    row = BIRTH.replace(",yes,0,", ",yes,2000 đồng mỗi lần,")
    messages = errors_of(HEADER, row)
    assert len(messages) == 1 and messages[0].startswith("Dòng 2, cột fee: Không hiểu mức phí")


def test_reimport_updates_by_code_and_replaces_documents(agencies):
    run(HEADER, BIRTH, WILL)
    Procedure.objects.filter(code="1.001193").update(
        online_level=OnlineLevel.PARTIAL,
        form_schema=[{"title": "B", "fields": []}],
    )
    renamed = BIRTH.replace("Đăng ký khai sinh", "Đăng ký khai sinh (mới)").replace(
        "Tờ khai; Giấy chứng sinh", "Tờ khai; Giấy tờ tùy thân"
    )
    result = run(HEADER, renamed, WILL)
    assert (len(result.created), result.updated, result.unchanged) == (
        0,
        ["1.001193"],
        ["2.001019"],
    )
    assert Procedure.objects.count() == 2
    birth = Procedure.objects.get(code="1.001193")
    assert birth.name == "Đăng ký khai sinh (mới)"
    assert list(birth.documents.values_list("name", flat=True)) == ["Tờ khai", "Giấy tờ tùy thân"]
    assert RequiredDocument.objects.count() == 3
    assert birth.online_level == OnlineLevel.PARTIAL
    assert birth.form_schema == [{"title": "B", "fields": []}]


def test_reimporting_the_same_file_writes_nothing(agencies):
    run(HEADER, BIRTH, WILL)
    result = run(HEADER, BIRTH, WILL)
    assert (result.created, result.updated) == ([], [])
    assert result.unchanged == ["1.001193", "2.001019"]


def test_optional_columns_set_online_level_and_result_type(agencies):
    header = HEADER + ",online_level,result_type"
    run(header, BIRTH + ",4,Giấy khai sinh", WILL + ",,")
    birth = Procedure.objects.get(code="1.001193")
    assert (birth.online_level, birth.result_type) == (4, "Giấy khai sinh")
    assert Procedure.objects.get(code="2.001019").online_level == OnlineLevel.FORMS
    assert errors_of(header, BIRTH + ",5,") == [
        "Dòng 2, cột online_level: Mức độ trực tuyến phải là 1, 2, 3 hoặc 4."
    ]


def test_reimport_keeps_the_council_amount_the_administrator_entered(agencies):
    council = BIRTH.replace(",yes,0,", ",no,HĐND thành phố quy định,")
    run(HEADER, council)
    procedure = Procedure.objects.get(code="1.001193")
    procedure.fee_rule = {**procedure.fee_rule, "amount": 20000}
    procedure.save()
    run(HEADER, council)
    procedure.refresh_from_db()
    assert procedure.fee_rule["amount"] == 20000


def test_dry_run_checks_without_writing(agencies):
    result = run(HEADER, BIRTH, dry_run=True)
    assert result.created == ["1.001193"]
    assert Procedure.objects.count() == 0


def test_command_fails_with_every_error_and_imports_nothing(tmp_path, agencies):
    path = tmp_path / "procedures.csv"
    path.write_text("\n".join([HEADER, BIRTH, "x,,,,,,,,,"]) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as failure:
        call_command("import_procedures", str(path), stdout=io.StringIO())
    assert "Dòng 3, cột code" in str(failure.value)
    assert "Dòng 3, cột name" in str(failure.value)
    assert Procedure.objects.count() == 0


def test_a_document_dossiers_still_use_cannot_be_dropped(agencies, monkeypatch):
    run(HEADER, BIRTH)

    def refuse(document, *args, **kwargs):
        raise ProtectedError("in use", set())

    # Stands in for an attachment of a filed dossier pointing at the document.
    monkeypatch.setattr(RequiredDocument, "delete", refuse)
    dropped = BIRTH.replace("Tờ khai; Giấy chứng sinh", "Tờ khai")
    assert errors_of(HEADER, WILL, dropped) == [
        "Dòng 3, cột main_documents: Không bỏ được giấy tờ đã có hồ sơ nộp kèm: "
        "Giấy chứng sinh. Giữ nguyên tên giấy tờ đó trong tệp."
    ]
    assert not Procedure.objects.filter(code="2.001019").exists()
