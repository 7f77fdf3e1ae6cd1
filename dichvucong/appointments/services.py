"""The rules of counter appointments, in one place: which days and slots
may be booked, booking with its capacity, cancelling, marking at the
counter, and the reminders of tomorrow's bookings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.appointments.constants import BookingStatus
from dichvucong.appointments.models import Booking, Slot
from dichvucong.catalogue.calendar import office_calendar
from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, UnitLevel
from dichvucong.catalogue.models import Agency, Procedure
from dichvucong.notifications import service as outbox
from dichvucong.notifications.compose import chose_zalo
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage
from dichvucong.throttle.limits import Limit

# The ZALO_TEMPLATES key of the reminder's template ("*" serves if absent).
REMINDER_TEMPLATE = "appointment"
# Bookings made per account per hour: a stranger cannot fill every slot.
BOOKINGS_BY_ACCOUNT = Limit("appointment-bookings", "APPOINTMENT_BOOKINGS_PER_ACCOUNT", 3600)


class BookingRefused(Exception):
    """A booking the rules do not allow; the message is for the citizen."""


@dataclass(frozen=True)
class Opening:
    slot: Slot
    day: date
    free: int

    @property
    def value(self) -> str:
        return f"{self.slot.pk}:{self.day.isoformat()}"


def counter_agencies() -> QuerySet[Agency]:
    """Agencies that receive dossiers today: the People's Committees of the
    wards and of the district (its one-stop office), with slots."""
    return Agency.objects.valid_on(timezone.localdate()).filter(
        kind=AgencyKind.PEOPLES_COMMITTEE, appointment_slots__is_active=True
    ).distinct().order_by("name")


def procedures_for(agency: Agency) -> QuerySet[Procedure]:
    level = HandlingLevel.WARD if agency.admin_unit.level == UnitLevel.WARD else (
        HandlingLevel.DISTRICT)
    return Procedure.objects.filter(is_active=True, handling_level=level).order_by("name")


def bookable_days(today: date | None = None) -> list[date]:
    """The next N working days (APPOINTMENT_BOOKING_DAYS), today included."""
    today = today or timezone.localdate()
    calendar = office_calendar()
    days: list[date] = []
    day = today
    while len(days) < settings.APPOINTMENT_BOOKING_DAYS:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def openings(agency: Agency) -> list[Opening]:
    """Slots not yet started on the bookable days, with their free seats."""
    days = bookable_days()
    slots = list(Slot.objects.filter(agency=agency, is_active=True).order_by("start"))
    counts = (
        Booking.objects.filter(agency=agency, day__in=days, status=BookingStatus.BOOKED)
        .values("slot_id", "day").annotate(n=Count("pk"))
    )
    taken = {(row["slot_id"], row["day"]): row["n"] for row in counts}
    now = timezone.localtime()
    result = []
    for day in days:
        for slot in slots:
            if slot.weekday != day.weekday():
                continue
            if day == now.date() and slot.start <= now.time():
                continue
            result.append(Opening(slot, day, slot.capacity - taken.get((slot.pk, day), 0)))
    return result


def _check(slot: Slot, day: date, procedure: Procedure) -> None:
    if day not in bookable_days():
        if day < timezone.localdate():
            raise BookingRefused(_("Không thể đặt lịch cho ngày đã qua."))
        if not office_calendar().is_working_day(day):
            raise BookingRefused(_("Ngày này là ngày nghỉ, Bộ phận Một cửa không làm việc."))
        raise BookingRefused(_("Chỉ đặt được lịch trong %(n)s ngày làm việc tới.")
                             % {"n": settings.APPOINTMENT_BOOKING_DAYS})
    if not slot.is_active or slot.weekday != day.weekday():
        raise BookingRefused(_("Khung giờ này không có vào ngày đã chọn."))
    if timezone.make_aware(datetime.combine(day, slot.start)) <= timezone.now():
        raise BookingRefused(_("Khung giờ này đã bắt đầu."))
    if not procedures_for(slot.agency).filter(pk=procedure.pk).exists():
        raise BookingRefused(_("Cơ quan này không giải quyết thủ tục đã chọn."))


def book(  # type: ignore[no-untyped-def]
    citizen, slot: Slot, day: date, procedure: Procedure, visitor: tuple[str, str] = ("", "")
) -> Booking:
    """Book the first free seat of the slot on the day, for the account's
    holder or, with `visitor` (name, phone), for someone they help. Two
    clients taking the same seat at once: the unique constraint lets one
    in, the other tries the next seat, until the slot is full."""
    _check(slot, day, procedure)
    visitor_name, visitor_phone = visitor
    taken = set(Booking.objects.filter(slot=slot, day=day, status=BookingStatus.BOOKED)
                .values_list("seat", flat=True))
    for seat in (n for n in range(1, slot.capacity + 1) if n not in taken):
        try:
            with transaction.atomic():
                return Booking.objects.create(
                    slot=slot, agency=slot.agency, day=day, seat=seat, procedure=procedure,
                    citizen=citizen, visitor_name=visitor_name, visitor_phone=visitor_phone,
                )
        except IntegrityError:
            if Booking.objects.filter(citizen=citizen, agency=slot.agency, day=day,
                                      visitor_phone=visitor_phone,
                                      status=BookingStatus.BOOKED).exists():
                raise BookingRefused(_already_booked(visitor_name)) from None
    raise BookingRefused(_("Khung giờ này đã hết chỗ. Vui lòng chọn giờ khác."))


def _already_booked(visitor_name: str) -> str:
    if visitor_name:
        return _("Bạn đã đặt hộ người có số điện thoại này một lịch hẹn tại cơ quan này trong "
                 "ngày đó. Hãy hủy lịch cũ nếu muốn đổi giờ.")
    return _("Bạn đã có một lịch hẹn tại cơ quan này trong ngày đó. "
             "Hãy hủy lịch cũ nếu muốn đổi giờ.")


def can_cancel(booking: Booking) -> bool:
    return booking.status == BookingStatus.BOOKED and booking.starts_at() > timezone.now()


def cancel(booking: Booking) -> bool:
    """The citizen cancels until the slot starts; the seat is free again."""
    if not can_cancel(booking):
        return False
    return bool(Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED)
                .update(status=BookingStatus.CANCELLED, changed_at=timezone.now()))


def mark(booking: Booking, status: str) -> bool:
    """The counter marks a booking of today served or absent, once."""
    if status not in (BookingStatus.SERVED, BookingStatus.ABSENT):
        return False
    return bool(Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED,
                                       day=timezone.localdate())
                .update(status=status, changed_at=timezone.now()))


def todays_bookings(agency_ids: set[int]) -> QuerySet[Booking]:
    return (Booking.objects.filter(agency_id__in=agency_ids, day=timezone.localdate())
            .exclude(status=BookingStatus.CANCELLED)
            .select_related("slot", "procedure", "citizen", "agency")
            .order_by("agency__name", "slot__start", "seat"))


def citizen_bookings(user) -> QuerySet[Booking]:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    return Booking.objects.filter(citizen=user).select_related("slot", "procedure", "agency")


def _reminder_text(booking: Booking) -> str:
    return _("Nhắc lịch hẹn %(code)s: %(time)s ngày %(day)s tại %(agency)s, thủ tục %(proc)s.") % {
        "code": booking.code, "time": booking.slot.start.strftime("%H:%M"),
        "day": booking.day.strftime("%d/%m/%Y"), "agency": booking.agency.name,
        "proc": booking.procedure.name,
    }


def _reminded_phone(booking: Booking) -> str:
    """The person who comes: the one booked for, else the account's holder."""
    return booking.visitor_phone or booking.citizen.citizen.phone


def _reminder_channel(booking: Booking) -> dict[str, object]:
    """By Zalo for an account's holder who chose it (SMS when Zalo fails,
    as for status messages: notifications/sending.py); by SMS for a person
    booked for, who chose nothing."""
    if booking.visitor_phone or not chose_zalo(booking.citizen):
        return {"channel": Channel.SMS}
    fields = {"code": booking.code, "time": booking.slot.start.strftime("%H:%M"),
              "day": booking.day.strftime("%d/%m/%Y"), "agency": booking.agency.name,
              "procedure": booking.procedure.name}
    return {"channel": Channel.ZALO, "template_kind": REMINDER_TEMPLATE,
            "template_fields": fields}


def write_reminders(today: date | None = None) -> list[int]:
    """One SMS per active booking of tomorrow, written in the outbox once
    (its dedupe key), sent after commit; ids of the rows written."""
    tomorrow = (today or timezone.localdate()) + timedelta(days=1)
    bookings = (Booking.objects.filter(day=tomorrow, status=BookingStatus.BOOKED)
                .select_related("slot", "agency", "procedure", "citizen__citizen")
                .filter(Q(citizen__citizen__isnull=False) | ~Q(visitor_phone="")))
    ids: list[int] = []
    with transaction.atomic():
        for booking in bookings:
            message, created = OutboxMessage.objects.get_or_create(
                dedupe_key=f"appointment:{booking.pk}:reminder",
                defaults={"recipient": _reminded_phone(booking),
                          "body": _reminder_text(booking), **_reminder_channel(booking)},
            )
            if created:
                ids.append(message.pk)
        transaction.on_commit(lambda: outbox.enqueue(ids))
    return ids
