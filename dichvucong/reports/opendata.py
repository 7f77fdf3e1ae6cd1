"""Open data: the district's figures per agency and month, as CSV and JSON.

Aggregates only. Nothing here names a person or a dossier: no applicant
names, phones, ID numbers, dossier codes or comments, only counts per
agency and month, and the public names and codes of agencies and wards."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from dichvucong.dbrouting import replica_reads
from dichvucong.reports import statistics
from dichvucong.reports.statistics import Period, Row
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY

# Field name -> (description, how to read it off a row).
COUNT_FIELDS: dict[str, tuple[Promise, str]] = {
    "tiep_nhan": (_lazy("Số hồ sơ tiếp nhận (nộp) trong tháng"), "received"),
    "nop_truc_tuyen": (_lazy("Số hồ sơ nộp qua Cổng dịch vụ công"), "online"),
    "muc_do_4": (_lazy("Số hồ sơ tiếp nhận của thủ tục mức độ 4"), "level4"),
    "da_nop_phi": (_lazy("Số hồ sơ tiếp nhận đã nộp phí, lệ phí"), "paid"),
    "thanh_toan_truc_tuyen": (_lazy("Số hồ sơ nộp phí, lệ phí trực tuyến"), "paid_online"),
    "da_giai_quyet": (_lazy("Số hồ sơ có kết quả trong tháng"), "resolved"),
    "truoc_han": (_lazy("Số hồ sơ giải quyết trước hạn"), "early"),
    "dung_han": (_lazy("Số hồ sơ giải quyết đúng hạn"), "on_time"),
    "tre_han": (_lazy("Số hồ sơ giải quyết trễ hạn"), "late"),
    "dang_xu_ly_trong_han": (_lazy("Số hồ sơ đang xử lý trong hạn tại ngày cuối tháng"), "not_due"),
    "dang_xu_ly_qua_han": (_lazy("Số hồ sơ đang xử lý quá hạn tại ngày cuối tháng"), "overdue"),
    "cho_bo_sung": (_lazy("Số hồ sơ tạm dừng chờ bổ sung tại ngày cuối tháng"), "paused"),
    "luot_danh_gia": (_lazy("Số lượt đánh giá trong tháng"), "ratings"),
    "hai_long": (_lazy("Số lượt đánh giá “Rất hài lòng” hoặc “Hài lòng”"), "satisfied"),
}
KEY_FIELDS: dict[str, Promise] = {
    "nam": _lazy("Năm"),
    "thang": _lazy("Tháng"),
    "ma_co_quan": _lazy("Mã đơn vị của cơ quan (dùng trong mã hồ sơ)"),
    "co_quan": _lazy("Tên cơ quan"),
    "ma_dia_ban": _lazy("Mã đơn vị hành chính nơi cơ quan đóng"),
    "dia_ban": _lazy("Tên đơn vị hành chính"),
}
VIEW_FIELD: dict[str, Promise] = {
    "cach_xem": _lazy(
        "Cách xem: “hien-nay” theo cơ quan, địa bàn hiện nay (hồ sơ của đơn vị đã sắp xếp "
        "lại được tính cho đơn vị kế thừa theo tổ dân phố của người nộp); “tai-thoi-diem” "
        "theo cơ quan, địa bàn tại thời điểm phát sinh hồ sơ"
    ),
}
FIELDS = [*VIEW_FIELD, *KEY_FIELDS, *COUNT_FIELDS]
VIEW_NOTES: dict[str, Promise] = {
    VIEW_TODAY: _lazy(
        "Số liệu theo đơn vị hành chính hiện nay: hồ sơ của cơ quan, địa bàn đã kết thúc "
        "khi sắp xếp lại được tính cho đơn vị kế thừa (phường bị chia tách: theo tổ dân phố "
        "của người nộp). Tổng số bằng tổng số theo đơn vị tại thời điểm phát sinh hồ sơ."
    ),
    VIEW_OF_THE_TIME: _lazy(
        "Số liệu theo cơ quan, địa bàn tại thời điểm phát sinh hồ sơ (kể cả đơn vị đã kết "
        "thúc khi sắp xếp lại). Tổng số bằng tổng số theo đơn vị hành chính hiện nay."
    ),
}


def rows(
    dossiers: Any,
    period: Period,
    today: date,
    count: Callable[..., list[Row]] | None = None,
    view: str = VIEW_OF_THE_TIME,
) -> list[dict[str, Any]]:
    """One dict per agency and month with anything to count, read from the
    replica when there is one (dbrouting.py). `count` as statistics.tables;
    `view` only names the view `count` gives (reports.unitmap)."""
    with replica_reads():
        grouped = (count or statistics.table)(dossiers, period, ("agency", "ward", "month"), today)
    return [
        {
            "cach_xem": view,
            "nam": row.buckets["month"].year,
            "thang": row.buckets["month"].month,
            "ma_co_quan": row.codes["agency"],
            "co_quan": row.names["agency"],
            "ma_dia_ban": row.codes["ward"],
            "dia_ban": row.names["ward"],
            **{name: getattr(row.figures, attr) for name, (_d, attr) in COUNT_FIELDS.items()},
        }
        for row in sorted(grouped, key=lambda row: (row.buckets["month"], row.codes["agency"]))
    ]


def csv_bytes(records: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads the Vietnamese names."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue().encode("utf-8-sig")


def document(
    records: list[dict[str, Any]],
    period: Period,
    today: date,
    problems: list[str],
    view: str = VIEW_OF_THE_TIME,
) -> dict[str, Any]:
    """The JSON document: what the figures are, then the figures."""
    return {
        "tieu_de": _("Thống kê giải quyết thủ tục hành chính theo cơ quan và tháng"),
        "ky_bao_cao": {"tu_ngay": period.start.isoformat(), "den_ngay": period.end.isoformat()},
        "so_lieu_den_ngay": period.as_of(today).isoformat(),
        "cach_xem": view,
        "ghi_chu": [
            str(VIEW_NOTES[view]),
            _("Không gồm hồ sơ nháp và hồ sơ thực hành của chương trình tập huấn."),
            _(
                "Mọi hồ sơ trong hệ thống đều nộp qua Cổng; hồ sơ nộp trực tiếp tại Bộ phận "
                "Một cửa chưa được ghi nhận."
            ),
        ],
        "canh_bao": problems,
        "truong_du_lieu": {
            **{name: str(description) for name, description in VIEW_FIELD.items()},
            **{name: str(description) for name, description in KEY_FIELDS.items()},
            **{name: str(description) for name, (description, _a) in COUNT_FIELDS.items()},
        },
        "du_lieu": records,
    }
