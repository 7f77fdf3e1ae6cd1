from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Thứ Hai")
    TUESDAY = 1, _("Thứ Ba")
    WEDNESDAY = 2, _("Thứ Tư")
    THURSDAY = 3, _("Thứ Năm")
    FRIDAY = 4, _("Thứ Sáu")
    SATURDAY = 5, _("Thứ Bảy")
    SUNDAY = 6, _("Chủ nhật")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Đã đặt")
    CANCELLED = "cancelled", _("Đã hủy")
    SERVED = "served", _("Đã phục vụ")
    ABSENT = "absent", _("Vắng mặt")
