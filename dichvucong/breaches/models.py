"""A personal-data incident as the administrator records it, and its
history. Who is affected is not stored: it is read from the audit trail
each time (breaches/affected.py), so a late-found entry counts too."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.breaches.constants import NOTIFY_WITHIN, EventKind, IncidentStatus, System


class Incident(models.Model):
    found_at = models.DateTimeField(_("phát hiện lúc"))
    started_at = models.DateTimeField(_("bắt đầu từ"))
    # Empty while it may still be going on: the window runs to when found.
    ended_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    description = models.TextField(_("mô tả sự cố"))
    # Values of constants.System.
    systems = models.JSONField(_("phần hệ thống bị ảnh hưởng"), default=list)
    consequences = models.TextField(_("hậu quả, thiệt hại có thể xảy ra"), blank=True)
    measures = models.TextField(_("biện pháp đã và sẽ thực hiện"), blank=True)
    # The controller that notifies (form 03 opens with the organisation).
    office_name = models.CharField(_("cơ quan"), max_length=300)
    office_address = models.CharField(_("địa chỉ cơ quan"), max_length=300, blank=True)
    contact_name = models.CharField(_("người liên hệ"), max_length=150)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=20)
    contact_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    notified_authority_at = models.DateTimeField(
        _("đã thông báo cơ quan chuyên trách lúc"), null=True, blank=True
    )
    late_reason = models.TextField(_("lý do thông báo chậm"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("sự cố dữ liệu cá nhân")
        verbose_name_plural = _("sự cố dữ liệu cá nhân")
        ordering = ["-found_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {timezone.localtime(self.found_at):%d/%m/%Y %H:%M}"

    def system_labels(self) -> list[str]:
        return [str(System(value).label) for value in self.systems if value in System.values]

    @property
    def window_end(self) -> datetime:
        return self.ended_at or self.found_at

    @property
    def deadline(self) -> datetime:
        return self.found_at + NOTIFY_WITHIN

    @property
    def deadline_from_start(self) -> datetime:
        """72 hours from when it began: Decree 13's stricter reading, shown
        beside the deadline for the administrator to weigh (constants)."""
        return self.started_at + NOTIFY_WITHIN

    def is_late(self, now: datetime | None = None) -> bool:
        """Notified after the deadline, or not yet and the deadline passed."""
        moment = self.notified_authority_at or now or timezone.now()
        return moment > self.deadline


class IncidentEvent(models.Model):
    """One thing done about an incident; never edited."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    # Counts and dates only: never a name, number or address.
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("incident events are append-only")
        super().save(*args, **kwargs)
