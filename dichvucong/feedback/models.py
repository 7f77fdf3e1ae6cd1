"""The applicant's rating of a dossier, and petitions (phản ánh, kiến nghị)
from anyone, with the office's answer."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.feedback.constants import (
    MAX_ANSWER_CHARS,
    MAX_COMMENT_CHARS,
    MAX_PETITION_CHARS,
    PetitionStatus,
    RatingLevel,
)


class Rating(models.Model):
    """One per dossier, by its applicant, once the result is ready."""

    dossier = models.OneToOneField(
        "dossiers.Dossier", on_delete=models.PROTECT, related_name="rating", verbose_name=_("hồ sơ")
    )
    level = models.PositiveSmallIntegerField(_("mức độ hài lòng"), choices=RatingLevel.choices)
    comment = models.TextField(_("góp ý"), max_length=MAX_COMMENT_CHARS, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.get_level_display()}"


class Petition(models.Model):
    """A petition sent without login. The tracking code is shown once and
    only its SHA-256 is kept, so nobody, staff included, can read it back."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tracking_digest = models.CharField(max_length=64, unique=True)
    sender_name = models.CharField(_("họ và tên"), max_length=150)
    sender_phone = models.CharField(_("số điện thoại"), max_length=10, blank=True)
    sender_email = models.EmailField(_("thư điện tử"), blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=200)
    content = models.TextField(_("nội dung"), max_length=MAX_PETITION_CHARS)
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
        verbose_name=_("cơ quan"),
    )
    # As typed: checking it against the dossiers would tell a stranger
    # which codes exist.
    dossier_code = models.CharField(_("mã hồ sơ liên quan"), max_length=60, blank=True)
    allow_publication = models.BooleanField(_("cho phép công khai"), default=False)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=PetitionStatus.choices,
        default=PetitionStatus.RECEIVED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    answer = models.TextField(_("nội dung trả lời"), max_length=MAX_ANSWER_CHARS, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    close_note = models.CharField(_("lý do đóng"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["allow_publication", "answered_at"])]

    def __str__(self) -> str:
        return self.subject
