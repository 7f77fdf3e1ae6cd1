"""The dossier, its attachments, its append-only event log, and the daily
code sequence per agency."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from dichvucong.dossiers.constants import (
    ENDED_STATUSES,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    AttachmentKind,
    Delivery,
    EventKind,
    Status,
)
from dichvucong.lib.money import format_vnd


class Dossier(models.Model):
    """A dossier from draft to returned result. Status changes only through
    dossiers.lifecycle, which writes the event in the same transaction."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("mã hồ sơ"), max_length=60, unique=True, null=True, blank=True)
    procedure = models.ForeignKey(
        "catalogue.Procedure",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("thủ tục"),
    )
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("cơ quan tiếp nhận"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("người nộp"),
    )
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="helped_dossiers",
        verbose_name=_("người hỗ trợ"),
    )
    # What the applicant declared, kept on the dossier so that later profile
    # edits do not rewrite history; also the second factor of public lookup.
    applicant_name = models.CharField(_("họ tên người nộp"), max_length=150)
    applicant_id_number = models.CharField(max_length=14, blank=True)
    applicant_phone = models.CharField(max_length=10, blank=True)
    applicant_email = models.EmailField(blank=True)
    form_data = models.JSONField(default=dict, blank=True)
    # The residential group the dossier was submitted from (dossiers.places
    # says how it is chosen), kept so that a citizen correcting their group
    # later does not move old dossiers between the wards that split theirs.
    residential_group = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tổ dân phố khi nộp"),
    )
    delivery = models.CharField(
        _("hình thức nhận kết quả"),
        max_length=8,
        choices=Delivery.choices,
        default=Delivery.COUNTER,
    )
    delivery_address = models.CharField(max_length=300, blank=True)
    status = models.PositiveSmallIntegerField(
        _("trạng thái"), choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    is_practice = models.BooleanField(default=False, db_index=True)
    # The Idempotency-Key the draft was created with (API header, or the
    # token of the web form): a retried or double-clicked create finds this
    # draft instead of making a second one. Unique per applicant.
    creation_key = models.CharField(max_length=100, null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), null=True, blank=True)
    due_date = models.DateField(_("ngày hẹn trả"), null=True, blank=True)
    extended_due_date = models.DateField(_("ngày hẹn trả mới"), null=True, blank=True)
    supplement_requested_at = models.DateTimeField(null=True, blank=True)
    supplement_status_from = models.PositiveSmallIntegerField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_dossiers",
        verbose_name=_("chuyên viên xử lý"),
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="held_dossiers",
    )
    # Fees (DESIGN.md §5): computed from the procedure's rule at submission,
    # confirmed at reception (with any exemption the applicant proved).
    fee_amount = models.PositiveIntegerField(_("lệ phí (đồng)"), null=True, blank=True)
    fee_exemption = models.CharField(_("đối tượng miễn, giảm"), max_length=30, blank=True)
    fee_exemption_confirmed = models.BooleanField(null=True, blank=True)
    fee_paid_at = models.DateTimeField(null=True, blank=True)
    postal_tracking = models.CharField(_("mã bưu gửi"), max_length=40, blank=True)
    last_event_hash = models.CharField(max_length=64, blank=True)
    event_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            models.Index(fields=["agency", "status"]),
            # The back office's procedure filter: which procedures an
            # office's dossiers use, one probe per procedure.
            models.Index(fields=["agency", "procedure"], name="dossier_agency_procedure"),
            # "Hồ sơ của tôi": an applicant's dossiers newest first, and
            # their drafts (count and page), without sorting all of them.
            models.Index(fields=["applicant", "-submitted_at"], name="dossier_applicant_submitted"),
            models.Index(
                fields=["applicant", "status", "-updated_at"], name="dossier_applicant_drafts"
            ),
            # The back office's tabs (backoffice.queues), each counted and
            # paged along its own part of an index, in the tab's order, so a
            # page reads 25 rows and a count reads the index alone, not
            # every dossier the office ever had. Practice runs are left out
            # of the index, as the queues leave them out.
            # History, newest first: read from the end of the office's part.
            models.Index(
                fields=["agency", "resolved_at", "id"],
                condition=models.Q(status__in=FINISHED_STATUSES, is_practice=False),
                name="dossier_agency_done",
            ),
            models.Index(
                fields=["agency", "closed_at", "id"],
                condition=models.Q(status__in=ENDED_STATUSES, is_practice=False),
                name="dossier_agency_closed",
            ),
            # Work in progress: new oldest first; supplements by request;
            # open ones by their effective due date (the apology's new date
            # when there is one), also the ranges "due soon" and "overdue".
            models.Index(
                fields=["agency", "submitted_at", "id"],
                condition=models.Q(status=Status.SUBMITTED, is_practice=False),
                name="dossier_agency_new",
            ),
            models.Index(
                fields=["agency", "supplement_requested_at", "id"],
                condition=models.Q(status=Status.SUPPLEMENT, is_practice=False),
                name="dossier_agency_supplement",
            ),
            models.Index(
                models.F("agency"),
                Coalesce("extended_due_date", "due_date"),
                models.F("submitted_at"),
                models.F("id"),
                condition=models.Q(status__in=OPEN_STATUSES, is_practice=False),
                name="dossier_agency_open",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "creation_key"], name="dossier_creation_key_once"
            )
        ]

    def __str__(self) -> str:
        return self.code or str(_("Bản nháp"))

    @property
    def effective_due_date(self) -> date | None:
        return self.extended_due_date or self.due_date

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def status_text(self) -> str:
        """The status as people read it, the same on every page and message:
        a dossier waiting for its fee says so, with the amount."""
        if self.status == Status.AWAITING_PAYMENT and self.fee_amount:
            return _("Chờ nộp phí: %(amount)s") % {"amount": format_vnd(self.fee_amount)}
        return str(self.get_status_display())


class Attachment(models.Model):
    """An uploaded file, stored under a generated name outside the web root
    and served only by views that check access."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "catalogue.RequiredDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(
        max_length=12, choices=AttachmentKind.choices, default=AttachmentKind.APPLICATION
    )
    file = models.FileField(upload_to="dossiers/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=200)
    # A supplement file answers one document the office asked for: its name
    # as the request listed it (a catalogue document or a line staff wrote).
    requested = models.CharField(_("giấy tờ được yêu cầu"), max_length=300, blank=True)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def document_name(self) -> str:
        """What the file is: the requested or the catalogue document."""
        return self.requested or (self.document.name if self.document else "")


class Event(models.Model):
    """One change to a dossier. Append-only: each row carries the hash of
    the dossier's previous event, so an edit or deletion afterwards breaks
    the chain and `manage.py verify_events` finds it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    from_status = models.PositiveSmallIntegerField(null=True, blank=True, choices=Status.choices)
    to_status = models.PositiveSmallIntegerField(null=True, blank=True, choices=Status.choices)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["dossier", "seq"]
        constraints = [models.UniqueConstraint(fields=["dossier", "seq"], name="unique_event_seq")]

    def __str__(self) -> str:
        return f"{self.dossier_id}#{self.seq} {self.kind}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("events are append-only")


class ResultDocument(models.Model):
    """The electronic result: a PDF whose SHA-256 and verification code are
    recorded, so anyone holding it can check it against the system."""

    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="result")
    verification_code = models.CharField(max_length=20, unique=True)
    file = models.FileField(upload_to="results/%Y/%m/")
    sha256 = models.CharField(max_length=64, db_index=True)
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return self.verification_code


class DailySequence(models.Model):
    """The last number issued by one agency on one day, for dossier codes."""

    agency = models.ForeignKey("catalogue.Agency", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="unique_seq_day")]
