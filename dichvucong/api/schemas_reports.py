"""What goes in and out of the report endpoints: the public statistics
(the figures of /thong-ke/) and the outreach campaign's counts. Shapes
only, as in schemas.py; the numbers come from reports and outreach."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from dichvucong.api.schemas import AgencyOut, Id, ReportView, Text

Dimension = Literal["agency", "ward", "procedure", "field", "month", "year"]
ReportStateName = Literal["draft", "submitted", "approved"]

# --- Public statistics ------------------------------------------------------------


class PublicFilterQuery(Schema):
    """The filters of the page /thong-ke/, with its parameter names."""

    nam: int | None = Field(
        None, ge=1, le=9999, description="Năm (một trong 10 năm gần nhất); mặc định năm nay."
    )
    thang: int | None = Field(None, ge=1, le=12, description="Tháng 1–12 của năm đã chọn.")
    tu_ngay: Text | None = Field(
        None, max_length=10, description="Từ ngày, dạng dd/mm/yyyy; thay cho năm và tháng."
    )
    den_ngay: Text | None = Field(
        None, max_length=10, description="Đến ngày, dạng dd/mm/yyyy; tối đa 5 năm kể từ ngày đầu."
    )
    co_quan: Id | None = Field(None, description="Mã số (id) cơ quan, như trong bảng theo cơ quan.")
    dia_ban: Id | None = Field(None, description="Mã số (id) địa bàn, như trong bảng theo địa bàn.")
    cach_xem: ReportView | None = Field(
        None,
        description="Qua lần sắp xếp đơn vị hành chính: hien-nay (cơ quan, địa bàn hiện nay; "
        "phường bị chia tách theo tổ dân phố của người nộp) hoặc tai-thoi-diem (đơn vị lúc "
        "phát sinh hồ sơ). Mặc định hien-nay, trừ kỳ kết thúc trước lần sắp xếp gần nhất. "
        "Tổng số hai cách xem bằng nhau.",
    )


class TableQuery(PublicFilterQuery):
    dimension: Dimension = Field(
        description="Nhóm theo: agency (cơ quan), ward (địa bàn), procedure (thủ tục), "
        "field (lĩnh vực), month (tháng), year (năm)."
    )


class PeriodOut(Schema):
    start: date
    end: date
    as_of: date = Field(description="Ngày tính số hồ sơ đang xử lý: cuối kỳ, hoặc hôm nay.")


class FilteredAgencyOut(AgencyOut):
    id: int


class UnitOut(Schema):
    id: int
    code: str
    name: str


class FiltersOut(Schema):
    period: PeriodOut
    agency: FilteredAgencyOut | None
    unit: UnitOut | None
    view: ReportView = Field(description="Cách xem của số liệu (tham số cach_xem).")


class FiguresOut(Schema):
    """Counts of the period; shares are fractions 0–1, null with nothing to divide."""

    received: int = Field(description="Hồ sơ tiếp nhận (nộp) trong kỳ.")
    online: int = Field(description="Tiếp nhận qua Cổng: mọi hồ sơ của hệ thống.")
    level4: int = Field(description="Tiếp nhận, của thủ tục mức độ 4 (toàn trình).")
    level34: int = Field(description="Tiếp nhận, của thủ tục mức độ 3 và 4.")
    paid: int = Field(description="Tiếp nhận, đã nộp phí, lệ phí.")
    paid_online: int = Field(description="Đã nộp phí qua cổng thanh toán trực tuyến.")
    resolved: int = Field(description="Đã giải quyết trong kỳ.")
    early: int
    on_time: int
    late: int
    digitised: int = Field(description="Đã giải quyết, có thành phần và kết quả điện tử.")
    not_due: int = Field(description="Đang xử lý trong hạn (tại ngày as_of).")
    overdue: int = Field(description="Đang xử lý quá hạn (tại ngày as_of).")
    paused: int = Field(description="Đang chờ bổ sung (tại ngày as_of).")
    in_progress: int
    ratings: int = Field(description="Số đánh giá trong kỳ.")
    satisfied: int = Field(description="Đánh giá “Rất hài lòng” và “Hài lòng”.")
    on_time_share: float | None
    late_share: float | None
    online_share: float | None
    level4_share: float | None
    online_payment_share: float | None
    satisfaction_share: float | None


class StatsRowOut(Schema):
    id: int | None = Field(description="Mã số cơ quan, địa bàn, thủ tục hoặc lĩnh vực.")
    label: str
    code: str | None = Field(description="Mã đơn vị, mã địa bàn hoặc mã thủ tục, nếu có.")
    period_start: date | None = Field(description="Ngày đầu tháng hoặc năm (bảng theo thời gian).")
    figures: FiguresOut


class StatsTableOut(FiltersOut):
    dimension: Dimension
    title: str
    heading: str
    rows: list[StatsRowOut]
    total: FiguresOut | None = Field(
        description="Dòng tổng cộng; null theo tháng, năm (một hồ sơ có thể ở hai kỳ)."
    )
    note: str
    online_channel_recorded: bool = Field(description="false: chưa ghi nhận hồ sơ nộp tại quầy.")
    payments_recorded: bool
    ratings_recorded: bool


class IndicatorOut(Schema):
    key: str
    title: str
    max_points: int
    points: float | None
    share: float | None
    numerator: int
    denominator: int
    recorded: bool = Field(description="false: hệ thống chưa có dữ liệu cho nhóm này.")
    formula: str
    system_note: str


class IndicatorsOut(FiltersOut):
    indicators: list[IndicatorOut]
    points: float | None = Field(description="Tổng điểm các nhóm có số liệu.")
    max_scored: int = Field(description="Điểm tối đa của các nhóm có số liệu.")
    max_points: int


# --- Outreach ------------------------------------------------------------------------


class CampaignOut(Schema):
    id: int
    title: str
    start_date: date
    end_date: date
    school_year: str
    lead_agency: AgencyOut
    target_grade: int
    target_pupils: int | None
    schools: int = Field(description="Số trường tham gia.")
    success_rule: str
    report_state: ReportStateName | None = Field(description="null: chưa lập báo cáo cuối năm.")


class CampaignPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[CampaignOut]


class OutreachFiguresOut(Schema):
    pupils: int = Field(description="Học sinh của các lớp tham gia (kể cả đã xóa theo yêu cầu).")
    erased: int
    trained: int = Field(description="Đã dự ít nhất một buổi tuyên truyền.")
    practised: int = Field(description="Đã hoàn thành ít nhất một lần thực hành.")
    succeeded: int = Field(description="Có ít nhất một hồ sơ hỗ trợ thành công.")
    dossiers: int = Field(description="Hồ sơ hỗ trợ thành công.")
    households: int = Field(description="Số hộ được hỗ trợ; không cộng dồn giữa các dòng.")
    pending: int = Field(
        0,
        description="Hồ sơ hỗ trợ đã tiếp nhận nhưng còn đang giải quyết lúc hết năm học; "
        "chỉ để biết, không được tính.",
    )


class ClassReportOut(Schema):
    id: int | None = Field(
        description="null: dòng gộp các lớp có nhóm dưới 5 học sinh (bảo vệ dữ liệu cá nhân); "
        "khi mọi lớp đều phải gộp, danh sách lớp để trống và chỉ còn số liệu toàn trường."
    )
    name: str
    figures: OutreachFiguresOut


class SchoolReportOut(Schema):
    id: int
    name: str
    figures: OutreachFiguresOut
    classes: list[ClassReportOut]


class CampaignReportOut(Schema):
    campaign_id: int
    campaign_title: str
    school_year: str
    state: ReportStateName
    state_label: str
    frozen: bool = Field(
        description="true khi đã gửi hoặc đã phê duyệt: số liệu là bản chốt lúc gửi, không đổi."
    )
    generated_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    success_rule: str
    success_rule_label: str
    target_pupils: int | None
    target_share: float | None = Field(description="Học sinh đã dự tuyên truyền ÷ số dự kiến.")
    schools: list[SchoolReportOut]
    totals: OutreachFiguresOut
    commended: int = Field(description="Số học sinh trong danh sách khen thưởng (không kèm tên).")
    note: str | None = Field(None, description="Ghi chú khi số liệu theo lớp được gộp hoặc ẩn.")


SMALL_CELLS = (
    "Không nhóm nào dưới 5 người được nêu riêng (Luật Bảo vệ dữ liệu cá nhân): tổ dân phố, "
    "phường dưới 5 hộ hoặc dưới 5 đại sứ số được gộp vào dòng “khác”; "
)


class AreaGroupOut(Schema):
    id: int | None = Field(
        description="null: hộ chưa rõ tổ dân phố, hoặc dòng gộp các tổ dưới 5 người "
        "(merged_groups > 0)."
    )
    name: str
    merged_groups: int = Field(0, description="Số tổ dân phố gộp vào dòng này (0: không gộp).")
    households: int
    ambassadors: int


class AreaWardOut(Schema):
    id: int
    name: str
    merged: bool = Field(
        False, description=SMALL_CELLS + "true: số liệu của phường nằm trong other_wards."
    )
    households: int | None = Field(None, description="Hộ có ít nhất một hồ sơ trực tuyến.")
    ambassadors: int | None = Field(None, description="Đại sứ số đang hoạt động.")
    groups_online: int | None = Field(None, description="Tổ dân phố có ít nhất một hộ trực tuyến.")
    groups: list[AreaGroupOut]


class AreaMonthOut(Schema):
    month: date
    new: int | None = Field(
        description="Hộ có hồ sơ trực tuyến đầu tiên từ tháng được nêu trước đến tháng này; "
        "null: dưới 5 hộ, gộp vào tháng sau."
    )
    cumulative: int | None


class AreasOut(Schema):
    households: int | None = Field(description="null: dưới 5 hộ.")
    ambassadors: int | None = Field(description="null: dưới 5 đại sứ số.")
    wards: list[AreaWardOut]
    other_wards: AreaGroupOut | None = Field(
        None, description=SMALL_CELLS + "đây là dòng gộp các phường đó."
    )
    months: list[AreaMonthOut]
    note: str | None = Field(None, description="Ghi chú khi có nhóm được gộp hoặc ẩn.")
