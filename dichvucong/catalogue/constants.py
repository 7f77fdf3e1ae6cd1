from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    """Levels of the administrative tree, from the top down. The 2025
    two-tier model simply has no DISTRICT level in its tree."""

    CITY = "city", _("Tỉnh/Thành phố")
    DISTRICT = "district", _("Quận/Huyện")
    WARD = "ward", _("Phường/Xã")
    GROUP = "group", _("Tổ dân phố")


UNIT_LEVEL_ORDER = [UnitLevel.CITY, UnitLevel.DISTRICT, UnitLevel.WARD, UnitLevel.GROUP]


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "committee", _("Ủy ban nhân dân")
    DEPARTMENT = "department", _("Phòng chuyên môn")


class HandlingLevel(models.TextChoices):
    """Which level of government handles a procedure."""

    WARD = "ward", _("Cấp phường")
    DISTRICT = "district", _("Cấp quận")
    CITY = "city", _("Cấp thành phố")


class SuccessionKind(models.TextChoices):
    """How a unit passed to its successor on a reorganisation. A split
    predecessor has one succession per successor, each naming the
    residential groups that went there."""

    MERGED = "merged", _("Sáp nhập toàn bộ")
    SPLIT = "split", _("Chia tách một phần")
    RENAMED = "renamed", _("Đổi tên")


class OnlineLevel(models.IntegerChoices):
    """Decree 43/2011 art. 3; Decree 42/2022 calls 3 "một phần", 4 "toàn trình"."""

    INFORMATION = 1, _("Mức độ 1 – Thông tin")
    FORMS = 2, _("Mức độ 2 – Tải biểu mẫu")
    PARTIAL = 3, _("Mức độ 3 – Một phần")
    FULL = 4, _("Mức độ 4 – Toàn trình")


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "off", _("Ngày nghỉ")
    WORKING_DAY = "work", _("Ngày làm việc bù")
