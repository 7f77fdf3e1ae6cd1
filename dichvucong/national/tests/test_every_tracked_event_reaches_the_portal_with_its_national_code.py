"""Each event the portal tracks is sent with the national codes: the
procedure's code, the dossier's code, the status code of the table in
constants.py, dates as yyyyMMddHHmmss, the handling agency."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.national.constants import KIND_OF_STATUS, NATIONAL_STATUS, TrackedKind
from dichvucong.national.models import NationalMessage
from dichvucong.national.sending import drain


def _codes(portal, dossier) -> list[str]:
    return [entry["TrangThaiHoSo"] for entry in portal.taken(dossier.code)]


def test_every_status_but_draft_has_a_national_code_and_a_kind():
    assert set(NATIONAL_STATUS) == set(Status) - {Status.DRAFT}
    assert set(KIND_OF_STATUS) == set(NATIONAL_STATUS)


def test_a_dossier_from_submission_to_return_is_sent_step_by_step(cast, portal):
    dossier = make_dossier(cast, Status.RETURNED)
    assert drain() == 5
    taken = portal.taken(dossier.code)
    assert [entry["TrangThaiHoSo"] for entry in taken] == ["1", "2", "4", "9", "10"]
    first = taken[0]
    assert first["MaTTHC"] == "1.001193"
    assert first["TenTTHC"] == "Đăng ký khai sinh"
    assert first["DonViXuLy"] == "UBND phường Khương Mai"
    assert first["madonvi"] == "000.20.31.H26"
    assert first["isUpdating"] == "False"
    assert {entry["isUpdating"] for entry in taken[1:]} == {"True"}
    accepted = taken[1]
    local = timezone.localtime(dossier.received_at)
    assert accepted["NgayTiepNhan"] == local.strftime("%Y%m%d%H%M%S")
    assert accepted["NgayHenTra"] == f"{dossier.due_date:%Y%m%d}170000"
    assert taken[-1]["NgayTra"] == timezone.localtime(dossier.returned_at).strftime("%Y%m%d%H%M%S")
    assert portal.duplicates == portal.out_of_order == portal.bad_updates == []


def test_the_other_outcomes_carry_their_own_codes(cast, portal):
    refused = make_dossier(cast, Status.REFUSED)
    withdrawn = make_dossier(cast, Status.WITHDRAWN)
    stopped = make_dossier(cast, Status.STOPPED)
    supplement = make_dossier(cast, Status.SUPPLEMENT)
    lifecycle.supply(supplement, cast.applicant, "Đã bổ sung")
    drain()
    assert _codes(portal, refused) == ["1", "3"]
    assert _codes(portal, withdrawn) == ["1", "7"]
    assert _codes(portal, stopped) == ["1", "2", "4", "8"]
    assert _codes(portal, supplement) == ["1", "5", "1"]
    asked = portal.taken(supplement.code)[1]
    assert asked["DanhSachHoSoBoSung"][0]["NoiDungBoSung"] == "Giấy chứng sinh bản rõ nét"


def test_an_apology_sends_the_new_date_under_the_unchanged_status(cast, portal):
    dossier = make_dossier(cast, Status.PROCESSING)
    new_date = dossier.due_date + timedelta(days=7)
    while new_date.weekday() >= 5:
        new_date += timedelta(days=1)
    lifecycle.apologise(dossier, cast.leader_a, new_date, "Cần xác minh thêm")
    drain()
    last = portal.taken(dossier.code)[-1]
    assert (last["TrangThaiHoSo"], last["NgayHenTra"]) == ("4", f"{new_date:%Y%m%d}170000")
    assert "Mẫu 04" in last["GhiChu"]


def test_a_fee_to_pay_is_status_6(cast, portal):
    cast.procedure.fee_rule = {"kind": "fixed", "amount": 8000}
    cast.procedure.save()
    dossier = make_dossier(cast, Status.SUBMITTED)
    lifecycle.accept(dossier, cast.receptionist_a, fee_amount=8000)
    drain()
    assert _codes(portal, dossier) == ["1", "6"]


def test_every_tracked_kind_is_written_by_some_journey(cast, portal):
    make_dossier(cast, Status.RETURNED)
    test_the_other_outcomes_carry_their_own_codes(cast, portal)
    test_an_apology_sends_the_new_date_under_the_unchanged_status(cast, portal)
    test_a_fee_to_pay_is_status_6(cast, portal)
    kinds = set(NationalMessage.objects.values_list("kind", flat=True))
    # The transfer comes only from a reorganisation: its own test
    # (test_a_dossier_handed_to_a_successor_agency_is_told_to_the_portal).
    assert kinds == set(TrackedKind) - {TrackedKind.TRANSFERRED}


def test_the_unit_code_is_the_mapped_one_the_agencys_own_or_the_districts(settings):
    from dichvucong.national.client import unit_code

    settings.DVCQG_UNIT_CODE = "000.00.00.H26"
    settings.DVCQG_AGENCY_UNIT_CODES = {"T.KM": "000.00.03.H26"}
    assert unit_code("T.KM") == "000.00.03.H26"
    assert unit_code("000.00.05.H26") == "000.00.05.H26"
    assert unit_code("T.KD") == "000.00.00.H26"
