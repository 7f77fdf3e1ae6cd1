"""One dossier event in the national portal's words: the `data` object of
a DongBoHoSoMC call (constants.py has the codes, README.md the table).

Built in the transaction of the event, from the dossier as it is then,
and stored on the outbox row; only the envelope (session, unit code) is
added when it is sent.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from dichvucong.accounts.constants import AccountKind
from dichvucong.dossiers.constants import Delivery, EventKind, Status
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.national.constants import (
    APPLICANT_CITIZEN,
    APPLICANT_ORGANISATION,
    CHANNEL_ONLINE,
    DATE_FORMAT,
    DUE_TIME,
    KIND_OF_STATUS,
    NATIONAL_STATUS,
    NOTES,
    RESULT_AT_OFFICE,
    RESULT_BY_POST,
    TrackedKind,
)


def tracked_kind(event: Event) -> TrackedKind | None:
    """What the portal is told this event is; None if it does not track it."""
    if event.kind == EventKind.APOLOGY:
        return TrackedKind.APOLOGY
    # Handed to a successor agency (catalogue reorganisation): the status
    # is unchanged, DonViXuLy names the new agency.
    if event.kind == EventKind.TRANSFER:
        return TrackedKind.TRANSFERRED
    if event.kind != EventKind.STATUS or event.to_status not in KIND_OF_STATUS:
        return None
    if event.from_status == Status.SUPPLEMENT:
        return TrackedKind.SUPPLEMENT_RECEIVED
    return KIND_OF_STATUS[event.to_status]


def moment(value: datetime | None) -> str:
    """yyyyMMddHHmmss in Vietnam's time; empty when there is none."""
    if value is None:
        return ""
    return value.astimezone(ZoneInfo(settings.TIME_ZONE)).strftime(DATE_FORMAT)


def day(value: date | None) -> str:
    return f"{value:%Y%m%d}{DUE_TIME}" if value else ""


def procedure_codes(dossier: Dossier) -> dict[str, str]:
    """The catalogue's part, read again when an administrator resends a
    refused message after correcting the procedure."""
    procedure = dossier.procedure
    return {
        "MaTTHC": procedure.code,
        "TenTTHC": procedure.name,
        "TenLinhVuc": procedure.field.name,
        "DonViXuLy": dossier.agency.name,
    }


def message_data(dossier: Dossier, event: Event, kind: TrackedKind) -> dict[str, Any]:
    status = dossier.status
    return {
        "MaHoSo": dossier.code,
        **procedure_codes(dossier),
        "MaLinhVuc": "",
        "KenhThucHien": CHANNEL_ONLINE,
        "ChuHoSo": dossier.applicant_name,
        "LoaiDoiTuong": _applicant_type(dossier),
        "SoDienThoai": dossier.applicant_phone,
        "Email": dossier.applicant_email,
        "TrichYeuHoSo": dossier.procedure.name,
        "NgayNopHoSo": moment(dossier.submitted_at),
        "NgayTiepNhan": moment(dossier.received_at or dossier.submitted_at),
        "NgayHenTra": day(dossier.effective_due_date),
        "TrangThaiHoSo": NATIONAL_STATUS[status],
        "ThoiDiemXuLy": moment(event.at),
        "NgayKetThucXuLy": moment(dossier.resolved_at or dossier.closed_at),
        "NgayTra": moment(dossier.returned_at),
        "HinhThuc": RESULT_BY_POST if dossier.delivery == Delivery.POST else RESULT_AT_OFFICE,
        "GhiChu": NOTES[kind],
        "DanhSachHoSoBoSung": _supplement(event, kind),
    }


def _applicant_type(dossier: Dossier) -> str:
    if dossier.applicant.kind == AccountKind.ORGANISATION:
        return APPLICANT_ORGANISATION
    return APPLICANT_CITIZEN


def _supplement(event: Event, kind: TrackedKind) -> list[dict[str, str]]:
    """The request to supplement (what is missing, when) in the portal's
    list of supplements. An apology's new date goes in NgayHenTra."""
    if kind != TrackedKind.SUPPLEMENT_REQUESTED:
        return []
    missing = "; ".join(event.data.get("missing", []))
    return [{"NoiDungBoSung": missing, "NgayBoSung": moment(event.at)}]
