"""Counter appointments: the slots an agency offers on each weekday, and
the bookings of one slot on one working day.

Capacity holds under concurrency through the seat number: each active
booking takes a seat from 1 to the slot's capacity, and a unique
constraint on (slot, day, seat) of active bookings lets only one of two
simultaneous clients have a seat (services.book retries with the next)."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.appointments.constants import BookingStatus, Weekday

ACTIVE = Q(status=BookingStatus.BOOKED)


class Slot(models.Model):
    agency = models.ForeignKey("catalogue.Agency", on_delete=models.CASCADE,
                               related_name="appointment_slots", verbose_name=_("cơ quan"))
    weekday = models.PositiveSmallIntegerField(_("thứ"), choices=Weekday.choices)
    start = models.TimeField(_("giờ bắt đầu"))
    duration_minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"), default=30)
    capacity = models.PositiveSmallIntegerField(_("số chỗ"), default=4)
    place = models.CharField(_("địa điểm quầy"), max_length=300, blank=True,
                             help_text=_("Địa chỉ Bộ phận Một cửa, in trên phiếu hẹn."))
    is_active = models.BooleanField(_("đang mở"), default=True)

    class Meta:
        verbose_name = _("khung giờ hẹn")
        verbose_name_plural = _("khung giờ hẹn")
        ordering = ["agency", "weekday", "start"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "weekday", "start"],
                                    name="appointment_slot_once_per_weekday"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}"

    def end(self) -> datetime:
        return datetime.combine(datetime.min, self.start) + timedelta(minutes=self.duration_minutes)


def _short_code() -> str:
    # Eight characters without 0/O and 1/I: read aloud at the counter.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Booking(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("mã lịch hẹn"), max_length=8, unique=True, default=_short_code,
                            editable=False)
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings",
                             verbose_name=_("khung giờ"))
    # The slot's agency, kept here for the one-booking-per-day constraint.
    agency = models.ForeignKey("catalogue.Agency", on_delete=models.PROTECT,
                               related_name="appointments", verbose_name=_("cơ quan"))
    day = models.DateField(_("ngày hẹn"))
    seat = models.PositiveSmallIntegerField(_("số thứ tự trong khung giờ"))
    procedure = models.ForeignKey("catalogue.Procedure", on_delete=models.PROTECT,
                                  related_name="appointments", verbose_name=_("thủ tục"))
    citizen = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="appointments", verbose_name=_("công dân"))
    # Booked for someone else (a neighbour, a parent) by the account above:
    # who comes to the counter, and their phone for the reminder. Blank when
    # the account's holder comes themself.
    visitor_name = models.CharField(_("người đến làm thủ tục"), max_length=100, blank=True)
    visitor_phone = models.CharField(_("số điện thoại người đến"), max_length=10, blank=True)
    status = models.CharField(_("trạng thái"), max_length=9, choices=BookingStatus.choices,
                              default=BookingStatus.BOOKED)
    created_at = models.DateTimeField(_("đặt lúc"), auto_now_add=True)
    changed_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("lịch hẹn")
        verbose_name_plural = _("lịch hẹn")
        ordering = ["day", "slot__start", "seat"]
        indexes = [models.Index(fields=["agency", "day"])]
        constraints = [
            models.UniqueConstraint(fields=["slot", "day", "seat"], condition=ACTIVE,
                                    name="appointment_one_booking_per_seat"),
            # One a day at an agency for each person who comes: the account's
            # holder (visitor_phone blank) and each person booked for.
            models.UniqueConstraint(fields=["citizen", "agency", "day", "visitor_phone"],
                                    condition=ACTIVE,
                                    name="appointment_one_per_visitor_agency_day"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def for_someone_else(self) -> bool:
        return bool(self.visitor_name)

    def visitor(self) -> str:
        """Who comes to the counter."""
        return self.visitor_name or self.citizen.get_full_name()

    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.day, self.slot.start))
