"""The six indicator groups of Decision 766/QĐ-TTg (2022), 100 points.

Each group here is scored as its maximum times one share that this system
records, and the page shows the formula next to the score:

- transparency (18) = 18 × procedures with complete public information ÷
  procedures in force. Complete: a list of documents, a processing time
  (always recorded: 0 means the same day), a fee text, and from online
  level 2 up a downloadable form or an e-form.
- processing progress (20) = 20 × dossiers resolved early or on time ÷
  dossiers resolved in the period (with a due date).
- online service (12) = 12 × dossiers of level 3-4 procedures submitted
  online ÷ dossiers of level 3-4 procedures received. Every dossier comes
  through the portal (statistics.ONLINE_CHANNEL_RECORDED), so this is 12
  whenever there is any such dossier: counter submissions are not recorded.
- online payment (10) = 10 × paid dossiers paid through an online gateway ÷
  dossiers whose fee was paid.
- satisfaction (18) = 18 × ratings "rất hài lòng" or "hài lòng" ÷ ratings.
- digitisation (22) = 22 × resolved dossiers with electronic attachments and
  an electronic result (ResultDocument) ÷ dossiers resolved in the period.

The Decision's own method also uses data this system does not hold (what
is published and synchronised on the national portal, petitions handled,
reuse of digitised data...); `system_note` says so per group rather than
inventing a figure. A group with nothing to divide by has no score, and the
total is given over the groups that have one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel, UnitLevel
from dichvucong.catalogue.models import Agency, Procedure, RequiredDocument
from dichvucong.reports.formatting import share
from dichvucong.reports.statistics import Figures, payments_recorded, ratings_recorded


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str | Promise
    max_points: int
    formula: str | Promise
    system_note: str | Promise
    numerator: int
    denominator: int
    recorded: bool = True  # False when the app holding the data is absent

    @property
    def share(self) -> float | None:
        return share(self.numerator, self.denominator) if self.recorded else None

    @property
    def points(self) -> float | None:
        value = self.share
        return None if value is None else self.max_points * value


@dataclass(frozen=True)
class Scorecard:
    indicators: list[Indicator]

    @property
    def scored(self) -> list[Indicator]:
        return [item for item in self.indicators if item.points is not None]

    @property
    def points(self) -> float | None:
        return sum(item.points or 0 for item in self.scored) if self.scored else None

    @property
    def max_scored(self) -> int:
        return sum(item.max_points for item in self.scored)

    @property
    def max_points(self) -> int:
        return sum(item.max_points for item in self.indicators)


def scorecard(figures: Figures, transparency: tuple[int, int]) -> Scorecard:
    """The six groups from the period's figures and the (complete, total)
    count of procedures in force."""
    return Scorecard(
        [
            _transparency(*transparency),
            _progress(figures),
            _online_service(figures),
            _online_payment(figures),
            _satisfaction(figures),
            _digitisation(figures),
        ]
    )


def _transparency(complete: int, total: int) -> Indicator:
    return Indicator(
        "transparency",
        _("Công khai, minh bạch"),
        18,
        _("18 × số thủ tục công khai đầy đủ ÷ số thủ tục đang áp dụng"),
        _(
            "Thủ tục công khai đầy đủ: có danh sách thành phần hồ sơ, thời hạn giải quyết, "
            "nội dung phí, lệ phí, và từ mức độ 2 trở lên có mẫu đơn tải về hoặc biểu mẫu "
            "điện tử. Quyết định 766 còn chấm việc công khai, đồng bộ trên Cổng Dịch vụ công "
            "quốc gia; hệ thống không lưu dữ liệu đó nên chỉ tính theo danh mục thủ tục."
        ),
        complete,
        total,
    )


def _progress(figures: Figures) -> Indicator:
    return Indicator(
        "progress",
        _("Tiến độ giải quyết"),
        20,
        _("20 × số hồ sơ giải quyết trước hạn và đúng hạn ÷ số hồ sơ đã giải quyết trong kỳ"),
        _(
            "Ngày giải quyết là ngày có kết quả, so với ngày hẹn trả theo quy định; ngày hẹn "
            "lại trong phiếu xin lỗi không làm hồ sơ trễ hạn thành đúng hạn."
        ),
        figures.early + figures.on_time,
        figures.judged,
    )


def _online_service(figures: Figures) -> Indicator:
    # Every dossier comes through the portal: online == received (see module doc).
    return Indicator(
        "online_service",
        _("Cung cấp dịch vụ trực tuyến"),
        12,
        _(
            "12 × số hồ sơ nộp trực tuyến của thủ tục mức độ 3, 4 ÷ số hồ sơ của thủ tục "
            "mức độ 3, 4 tiếp nhận trong kỳ"
        ),
        _(
            "Hệ thống chỉ nhận hồ sơ qua Cổng, chưa ghi nhận hồ sơ nộp trực tiếp tại Bộ phận "
            "Một cửa, nên tỷ lệ này là 100% khi có hồ sơ; chưa phản ánh hồ sơ giấy."
        ),
        figures.level34,
        figures.level34,
    )


def _online_payment(figures: Figures) -> Indicator:
    return Indicator(
        "online_payment",
        _("Thanh toán trực tuyến"),
        10,
        _("10 × số hồ sơ nộp phí, lệ phí qua cổng thanh toán trực tuyến ÷ số hồ sơ đã nộp phí"),
        _(
            "Tính trên hồ sơ tiếp nhận trong kỳ đã nộp phí, lệ phí; nộp tại Bộ phận Một cửa "
            "không tính là trực tuyến."
        ),
        figures.paid_online,
        figures.paid,
        recorded=payments_recorded(),
    )


def _satisfaction(figures: Figures) -> Indicator:
    return Indicator(
        "satisfaction",
        _("Mức độ hài lòng"),
        18,
        _("18 × số đánh giá “Rất hài lòng” và “Hài lòng” ÷ tổng số đánh giá trong kỳ"),
        _(
            "Chỉ tính đánh giá của người nộp hồ sơ sau khi có kết quả; việc tiếp nhận, "
            "trả lời phản ánh, kiến nghị chưa được tính điểm."
        ),
        figures.satisfied,
        figures.ratings,
        recorded=ratings_recorded(),
    )


def _digitisation(figures: Figures) -> Indicator:
    return Indicator(
        "digitisation",
        _("Số hóa hồ sơ"),
        22,
        _(
            "22 × số hồ sơ đã giải quyết có thành phần hồ sơ điện tử và kết quả điện tử ÷ "
            "số hồ sơ đã giải quyết trong kỳ"
        ),
        _(
            "Kết quả điện tử là văn bản kết quả có mã xác thực do hệ thống cấp; thành phần "
            "hồ sơ điện tử là tệp đính kèm. Việc khai thác, sử dụng lại dữ liệu đã số hóa "
            "chưa được ghi nhận."
        ),
        figures.digitised,
        figures.resolved,
    )


# --- Transparency, counted on the catalogue ---------------------------------------


def procedures_in_scope(agency_ids: set[int] | None) -> QuerySet[Procedure]:
    """Procedures in force offered by these agencies (None: everywhere).
    Ward procedures name no agency: every ward's People's Committee offers them."""
    procedures = Procedure.objects.filter(is_active=True)
    if agency_ids is None:
        return procedures
    offered = Q(agency_id__in=agency_ids)
    ward_committees = Agency.objects.filter(
        pk__in=agency_ids, kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit__level=UnitLevel.WARD
    )
    if ward_committees.exists():
        offered |= Q(handling_level=HandlingLevel.WARD, agency__isnull=True)
    return procedures.filter(offered)


def transparency_counts(procedures: QuerySet[Procedure]) -> tuple[int, int]:
    """(complete, total). The processing time is always recorded (0 is the
    same day), so it needs no test."""
    documents = RequiredDocument.objects.filter(procedure=OuterRef("pk"))
    has_form = Q(Exists(documents.exclude(template=""))) | ~Q(form_schema=[])
    complete = (
        Q(Exists(documents)) & ~Q(fee_text="") & (Q(online_level__lt=OnlineLevel.FORMS) | has_form)
    )
    counts = procedures.aggregate(total=Count("pk"), complete=Count("pk", filter=complete))
    return counts["complete"], counts["total"]
