"""Digital ambassadors and what they do: practice in the sandbox, and
submissions made for an applicant who then confirms them."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dichvucong.outreach.constants import ConfirmationChannel
from dichvucong.outreach.schoolyear import bounds
from dichvucong.reports.formatting import format_date


class Ambassador(models.Model):
    """A pupil (or an adult volunteer) who helps the households of one
    residential group. A pupil ambassador may log in through an account
    created for them (`user`)."""

    campaign = models.ForeignKey(
        "outreach.Campaign",
        on_delete=models.PROTECT,
        related_name="ambassadors",
        verbose_name=_("chiến dịch"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambassadorships",
        verbose_name=_("tài khoản"),
    )
    pupil = models.ForeignKey(
        "outreach.Pupil",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ambassadorships",
        verbose_name=_("học sinh"),
    )
    volunteer_name = models.CharField(_("tình nguyện viên (người lớn)"), max_length=150, blank=True)
    residential_group = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        related_name="ambassadors",
        limit_choices_to={"level": "group"},
        verbose_name=_("tổ dân phố"),
    )
    # The pupil's class at the time: help stays with the class and school
    # of its year when the pupil later moves (a transfer, grade 9).
    school_class = models.ForeignKey(
        "outreach.SchoolClass",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ambassadorships",
        verbose_name=_("lớp"),
    )
    active = models.BooleanField(_("đang hoạt động"), default=True)
    since = models.DateField(_("từ ngày"))
    # Set when the pupil leaves (a transfer); the role also ends with the
    # campaign's school year (Campaign.help_q).
    until = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("đại sứ số")
        verbose_name_plural = _("đại sứ số")
        constraints = [
            # Either a pupil or a named adult volunteer, never both or neither.
            models.CheckConstraint(
                condition=(Q(pupil__isnull=False) & Q(volunteer_name=""))
                | (Q(pupil__isnull=True) & ~Q(volunteer_name="")),
                name="ambassador_is_pupil_or_volunteer",
            ),
            models.UniqueConstraint(
                fields=["campaign", "pupil"],
                condition=Q(pupil__isnull=False),
                name="unique_pupil_ambassador_per_campaign",
            ),
        ]

    def __str__(self) -> str:
        return self.volunteer_name or f"#{self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        # The pupil's class when the role begins: the class of its year.
        if self.school_class_id is None and self.pupil_id is not None:
            self.school_class_id = self.pupil.school_class_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    # The period of help (DESIGN.md §6: help counts for the campaign of the
    # pupil's school year). Campaign.help_q says the same to the database.

    def first_day(self) -> date:
        first, _after = bounds(self.campaign.school_year)
        return max(self.since, first)

    def last_day(self) -> date:
        """The day they left, or the last day of the campaign's school year."""
        _first, after = bounds(self.campaign.school_year)
        year_end = after - timedelta(days=1)
        return min(self.until, year_end) if self.until else year_end

    def refusal_on(self, day: date) -> str | None:
        """Why help given on `day` would not count (None: it would)."""
        if day < self.first_day():
            return gettext("Vai trò đại sứ số của em bắt đầu từ ngày %(day)s.") % {
                "day": format_date(self.first_day())
            }
        if day > self.last_day():
            return gettext(
                "Vai trò đại sứ số của em trong năm học %(year)s đã kết thúc ngày %(day)s: "
                "hồ sơ giúp từ nay không còn được tính. Nếu em vẫn tham gia năm học này, "
                "hãy hỏi thầy cô phụ trách ở trường."
            ) % {"year": self.campaign.school_year, "day": format_date(self.last_day())}
        return None


class PracticeAttempt(models.Model):
    """A rehearsal of a procedure's e-form in the sandbox; `completed_at`
    set means the pupil got through it (the achievement counted)."""

    pupil = models.ForeignKey(
        "outreach.Pupil",
        on_delete=models.PROTECT,
        related_name="practice_attempts",
        verbose_name=_("học sinh"),
    )
    campaign = models.ForeignKey(
        "outreach.Campaign",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practice_attempts",
        verbose_name=_("chiến dịch"),
    )
    session = models.ForeignKey(
        "outreach.TrainingSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_attempts",
        verbose_name=_("trong buổi"),
    )
    procedure = models.ForeignKey(
        "catalogue.Procedure", on_delete=models.PROTECT, related_name="+", verbose_name=_("thủ tục")
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"is_practice": True},
    )
    started_at = models.DateTimeField(_("bắt đầu"), auto_now_add=True)
    completed_at = models.DateTimeField(_("hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần thực hành")
        verbose_name_plural = _("lần thực hành")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.pupil_id} – {self.procedure_id}"


class AssistedSubmission(models.Model):
    """A real dossier an ambassador submitted for an applicant, and the
    applicant's confirmation. `household_key` identifies the household
    helped (services.household_key) so households can be counted without
    keeping more personal data here; the code is kept only as a hash."""

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        on_delete=models.PROTECT,
        related_name="assisted",
        verbose_name=_("hồ sơ"),
    )
    ambassador = models.ForeignKey(
        Ambassador,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("đại sứ số"),
    )
    household_key = models.CharField(max_length=80, db_index=True)
    channel = models.CharField(
        _("cách xác nhận"), max_length=8, choices=ConfirmationChannel.choices
    )
    code_hash = models.CharField(max_length=128, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    expires_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("người nộp xác nhận lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hồ sơ nộp hộ")
        verbose_name_plural = _("hồ sơ nộp hộ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.dossier)
