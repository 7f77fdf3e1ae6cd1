"""What goes in and out of the API. Shapes only: every rule is checked by
the operation the endpoint calls."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Header, Schema
from pydantic import AfterValidator, ConfigDict, StrictBool, StrictInt
from pydantic_core import PydanticCustomError

from dichvucong.api.constants import MAX_ID, MAX_PAGE_SIZE, PAGE_SIZE
from dichvucong.dossiers.constants import CREATION_KEY_PATTERN


def _safe(value: str) -> str:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (no database
    stores it): refused here as a 422, never a 500 further down."""
    if "\x00" in value:
        raise PydanticCustomError("unsafe_text", "unsafe text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("unsafe_text", "unsafe text") from None
    return value


def _iso_day(value: str) -> date:
    """A calendar day written YYYY-MM-DD: pydantic's own date would also
    take a number of seconds since 1970 (`on=0`), which no client means."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_from_datetime_parsing", "not a day YYYY-MM-DD") from None


Text = Annotated[str, AfterValidator(_safe)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
IsoDay = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"}),
    AfterValidator(_iso_day),
]
Delivery = Literal["counter", "online", "post"]
# Across a reorganisation: today's units or those of the time (reports.unitmap).
ReportView = Literal["hien-nay", "tai-thoi-diem"]


class BodyIn(Schema):
    """A JSON body: an object with only the documented fields, so a typo in
    a field name is a 422, not a silently ignored value."""

    model_config = ConfigDict(extra="forbid")


# --- Errors -----------------------------------------------------------------


class ErrorItem(Schema):
    field: str | None
    code: str
    message: str


class ErrorOut(Schema):
    code: str = Field(description="Mã lỗi ổn định cho máy đọc, ví dụ not_found.")
    message: str = Field(description="Thông báo tiếng Việt cho người đọc.")
    field: str | None = Field(description="Trường gây lỗi đầu tiên, nếu có.")
    errors: list[ErrorItem]


# --- Common -----------------------------------------------------------------


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class AgencyOut(Schema):
    unit_code: str
    name: str


class ProcedureRefOut(Schema):
    code: str
    name: str


# --- Log-in -------------------------------------------------------------------


class TokenIn(BodyIn):
    username: Text = Field(
        min_length=1,
        max_length=150,
        description="Số định danh cá nhân, mã số thuế hoặc tên đăng nhập, như trên web.",
    )
    password: Text = Field(min_length=1, max_length=128)


class TokenOut(Schema):
    access_token: str = Field(description="Gửi kèm: Authorization: Bearer <mã>.")
    token_type: Literal["Bearer"]
    expires_in: int = Field(description="Số giây mã còn hiệu lực.")
    expires_at: datetime


# --- Catalogue ----------------------------------------------------------------


class ProcedureQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Tìm theo mã hoặc tên, không cần dấu.")
    field: Id | None = Field(None, description="Mã số lĩnh vực.")
    online_level: int | None = Field(None, ge=1, le=4, description="Mức độ trực tuyến 1–4.")


class FieldOut(Schema):
    id: int
    name: str


class DocumentOut(Schema):
    id: int
    name: str
    required: bool


class ProcedureSummaryOut(Schema):
    code: str
    name: str
    field: FieldOut
    handling_level: str
    online_level: int
    working_days: int
    fee_text: str
    accepts_online: bool


class ProcedurePageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[ProcedureSummaryOut]


class ProcedureOut(ProcedureSummaryOut):
    agency: AgencyOut | None = Field(
        description="Cơ quan tiếp nhận; null khi agency_level là ward hoặc unset."
    )
    agency_level: Literal["agency", "ward", "unset"] = Field(
        description=(
            "agency: hồ sơ nộp tới `agency`; ward: tới UBND phường/xã người nộp chọn (trường "
            "`ward` khi tạo hồ sơ, danh sách ở `agencies_url`); unset: chưa có cơ quan tiếp nhận."
        )
    )
    agencies_url: str = Field(description="Danh sách cơ quan tiếp nhận thủ tục này.")
    result_type: str
    min_assurance: str = Field(
        description="Mức xác thực tối thiểu của tài khoản để nộp trực tuyến (xem /applicant/me)."
    )
    notes: str
    documents: list[DocumentOut]
    delivery_choices: list[str]
    form_schema: list[dict[str, Any]] = Field(
        description="Biểu mẫu điện tử: danh sách bước, mỗi bước có title và fields."
    )


class AgencyQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Tìm theo tên hoặc mã đơn vị.")
    kind: Literal["committee", "department"] | None = None
    unit: Text | None = Field(None, max_length=40, description="Mã đơn vị hành chính (địa bàn).")
    procedure: Text | None = Field(
        None, max_length=20, description="Chỉ các cơ quan tiếp nhận thủ tục có mã này."
    )
    on: IsoDay | None = Field(
        None,
        description="Các cơ quan có vào ngày này (YYYY-MM-DD); mặc định hôm nay. "
        "Cơ quan đã giải thể sau sắp xếp đơn vị hành chính chỉ hiện với ngày trước đó.",
    )


class AdminUnitRefOut(Schema):
    code: str
    name: str
    level: str


class AgencyDetailOut(Schema):
    unit_code: str = Field(description="Mã đơn vị, tiền tố của mã hồ sơ.")
    name: str
    kind: str = Field(description="committee (UBND) hoặc department (phòng chuyên môn).")
    admin_unit: AdminUnitRefOut
    parent: str | None = Field(description="Mã đơn vị của cơ quan chủ quản.")


class AgencyPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[AgencyDetailOut]


class AdminUnitQuery(PageQuery):
    level: Literal["city", "district", "ward", "group"] | None = None
    parent: Text | None = Field(None, max_length=40, description="Mã đơn vị cấp trên.")
    receiving: bool = Field(
        False, description="Chỉ phường/xã có UBND nhận hồ sơ (giá trị `ward` khi tạo hồ sơ)."
    )
    on: IsoDay | None = Field(
        None,
        description="Các đơn vị có vào ngày này (YYYY-MM-DD); mặc định hôm nay. "
        "Đơn vị đã sắp xếp lại chỉ hiện với ngày trước đó.",
    )


class AdminUnitOut(AdminUnitRefOut):
    parent: str | None = Field(description="Mã đơn vị cấp trên.")
    committee: str | None = Field(description="Mã đơn vị của UBND tại đây, nếu có.")


class AdminUnitPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[AdminUnitOut]


# --- Dossiers, both sides -------------------------------------------------------


class AttachmentOut(Schema):
    id: uuid.UUID
    document: int | None
    kind: str
    name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class DossierSummaryOut(Schema):
    id: uuid.UUID
    code: str | None
    status: int
    status_label: str
    procedure: ProcedureRefOut
    agency: AgencyOut
    created_at: datetime
    submitted_at: datetime | None
    due_date: date | None


class DossierPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[DossierSummaryOut]


class DossierFields(Schema):
    delivery: str
    delivery_address: str
    received_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    closed_at: datetime | None
    fee_amount: int | None
    form_data: dict[str, Any]
    attachments: list[AttachmentOut]


# --- Applicant ----------------------------------------------------------------


ASSURANCE_HELP = (
    "Mức xác thực tài khoản: self_declared (tự khai), phone_confirmed (đã xác nhận số "
    "điện thoại), counter_verified (đã xác minh tại Bộ phận Một cửa), national_eid (VNeID)."
)


class MeOut(Schema):
    username: str
    full_name: str
    kind: str
    assurance: str = Field(description=ASSURANCE_HELP)


# A client's key for one create: retried with the same key, the request
# gives back what the first made (draft-ietf-httpapi-idempotency-key-header).
IdempotencyKey = Header[
    str | None,
    {
        "alias": "Idempotency-Key",
        "pattern": f"^{CREATION_KEY_PATTERN}$",
        "description": "Khóa chống tạo trùng do máy khách sinh, ví dụ một UUID.",
    },
]


class DraftIn(BodyIn):
    procedure: Text = Field(max_length=20, description="Mã thủ tục, ví dụ 1.001193.")
    ward: Text | None = Field(
        None,
        max_length=40,
        description="Mã phường/xã nơi nộp (thủ tục cấp phường); mặc định phường của tài khoản.",
    )
    delivery: Delivery = "counter"
    delivery_address: Text = Field("", max_length=300)


class FormDataIn(BodyIn):
    data: dict[str, Any] = Field(
        description=(
            "Giá trị theo tên trường của biểu mẫu; trường không gửi giữ nguyên giá trị đã lưu."
        )
    )


class WithdrawIn(BodyIn):
    reason: Text = Field("", max_length=500)


class MomentOut(Schema):
    at: datetime
    who: str
    text: str
    reason: str
    items: list[str]


class ApplicantDossierOut(DossierSummaryOut, DossierFields):
    problems: list[str] = Field(description="Những gì còn thiếu để nộp (chỉ với bản nháp).")
    timeline: list[MomentOut]


# --- Staff ---------------------------------------------------------------------


class StaffDossierQuery(PageQuery):
    status: int | None = Field(None, ge=1, le=10)
    code: Text | None = Field(None, max_length=60)
    procedure: Text | None = Field(None, max_length=20, description="Mã thủ tục, ví dụ 1.001193.")


class StaffDossierSummaryOut(DossierSummaryOut):
    applicant_name: str
    assignee: str | None
    holder: str | None


class StaffDossierPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[StaffDossierSummaryOut]


class EventOut(Schema):
    seq: int
    at: datetime
    kind: str
    from_status: int | None
    to_status: int | None
    actor: str | None
    actor_name: str
    reason: str
    data: dict[str, Any]


class StaffDossierOut(StaffDossierSummaryOut, DossierFields):
    applicant_id_number: str
    applicant_phone: str
    applicant_email: str
    applicant_assurance: str = Field(description=ASSURANCE_HELP)
    fee_exemption: str
    fee_paid_at: datetime | None
    extended_due_date: date | None
    postal_tracking: str
    events: list[EventOut]


class PaymentOut(Schema):
    id: uuid.UUID
    amount: int = Field(description="Số tiền (đồng).")
    gateway: str = Field(description="counter, vnpay, bank…")
    receipt_number: str | None
    paid_at: datetime | None


class CounterPaymentOut(Schema):
    recorded: bool = Field(
        description="true: khoản thu vừa được ghi; false: hồ sơ đã nộp phí từ trước "
        "(gửi lại cùng yêu cầu không thu hai lần)."
    )
    payment: PaymentOut
    dossier: StaffDossierOut


class SpecialistOut(Schema):
    username: str
    full_name: str


class AcceptIn(BodyIn):
    fee_amount: StrictInt | None = Field(
        None, ge=0, le=1_000_000_000, description="Lệ phí (đồng) khi danh mục chưa có mức."
    )
    exemption_confirmed: StrictBool | None = Field(
        None, description="Xác nhận (true) hoặc bác (false) đối tượng miễn, giảm đã kê khai."
    )


class ReasonIn(BodyIn):
    reason: Text = Field(min_length=1, max_length=2000)


class SupplementIn(BodyIn):
    missing: list[Annotated[Text, Field(max_length=300)]] = Field(min_length=1, max_length=50)
    note: Text = Field("", max_length=2000)


class AssignIn(BodyIn):
    specialist: Text = Field(max_length=150, description="Tên đăng nhập của chuyên viên.")


class ForwardIn(BodyIn):
    opinion: Text = Field(min_length=1, max_length=2000)


class ReturnIn(BodyIn):
    tracking_number: Text = Field(
        "", max_length=40, description="Mã bưu gửi, khi gửi qua bưu chính."
    )


class ApologyIn(BodyIn):
    new_date: date
    reason: Text = Field(min_length=1, max_length=2000)


# --- Statistics ------------------------------------------------------------------


class StatusCountOut(Schema):
    status: int
    label: str
    count: int


class StatusCountsQuery(Schema):
    cach_xem: ReportView | None = Field(
        None,
        description="Qua lần sắp xếp đơn vị hành chính: hien-nay (hồ sơ mà cơ quan hiện nay "
        "đảm nhận, kể cả của đơn vị cũ đã sáp nhập vào; phường bị chia tách theo tổ dân phố "
        "của người nộp) hoặc tai-thoi-diem (hồ sơ do chính cơ quan giải quyết). Mặc định "
        "hien-nay, như trang thống kê cho kỳ đến hôm nay.",
    )


class StatusCountsOut(Schema):
    agency: AgencyOut
    view: ReportView = Field(
        description="Cách xem của số liệu (tham số cach_xem)."
    )
    total: int
    by_status: list[StatusCountOut]
