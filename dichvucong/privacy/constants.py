"""The notices shown where personal data is collected, and the legal
bases a purpose rests on (issue 16, points 1 and 6)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Basis(models.TextChoices):
    # An administrative procedure is processed because a law says so: the
    # applicant is told, not asked (asking would suggest they could refuse
    # and still have their dossier handled).
    LAW = "law", _("Theo quy định của pháp luật (không cần sự đồng ý)")
    CONSENT = "consent", _("Sự đồng ý của chủ thể dữ liệu")


class NoticeKind(models.TextChoices):
    REGISTRATION = "registration", _("Đăng ký tài khoản")
    EFORM = "eform", _("Khai và nộp hồ sơ trực tuyến")
    ASSISTED_APPLICANT = "assisted_applicant", _("Hồ sơ do đại sứ số khai giúp (người nộp)")
    ASSISTED_GUARDIAN = "assisted_guardian", _("Học sinh làm đại sứ số (cha mẹ, người giám hộ)")
    ROSTER = "roster", _("Danh sách học sinh và ý kiến đồng ý (chiến dịch)")
