from django.db import models
from django.utils.translation import gettext_lazy as _


class RatingLevel(models.IntegerChoices):
    """The three levels of satisfaction (Decision 766/QĐ-TTg, DESIGN.md §7)."""

    VERY_SATISFIED = 3, _("Rất hài lòng")
    SATISFIED = 2, _("Hài lòng")
    DISSATISFIED = 1, _("Không hài lòng")


class PetitionStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã đóng")


MAX_COMMENT_CHARS = 1000
MAX_PETITION_CHARS = 5000
MAX_ANSWER_CHARS = 5000
