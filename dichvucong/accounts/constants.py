from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Staff roles, each held for one agency (DESIGN.md §2)."""

    RECEPTIONIST = "receptionist", _("Cán bộ Bộ phận Một cửa")
    SPECIALIST = "specialist", _("Chuyên viên")
    LEADER = "leader", _("Lãnh đạo")
    ADMINISTRATOR = "administrator", _("Quản trị")
    EDUCATION_OFFICE = "education", _("Phòng GD&ĐT")
    SCHOOL_COORDINATOR = "school", _("Nhà trường")
    DISTRICT_LEADERSHIP = "district", _("Lãnh đạo UBND quận")


class AccountKind(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")
    STAFF = "staff", _("Cán bộ")


class AssuranceLevel(models.TextChoices):
    """How sure the office is that an account belongs to the person whose
    ID number (or tax code) it carries, weakest first. National e-ID is
    given by a log-in with the national e-ID (accounts/vneid/)."""

    SELF_DECLARED = "self_declared", _("Tự khai")
    PHONE_CONFIRMED = "phone_confirmed", _("Đã xác nhận số điện thoại")
    COUNTER_VERIFIED = "counter_verified", _("Đã xác minh tại Bộ phận Một cửa")
    NATIONAL_EID = "national_eid", _("Định danh điện tử quốc gia (VNeID)")


# Weakest first, so a level compares by its place here.
ASSURANCE_ORDER = [level.value for level in AssuranceLevel]
# A procedure can ask for any level but the lowest: an account whose phone
# nobody confirmed submits nothing (accounts.services.assurance_refusal).
PROCEDURE_MINIMUM_CHOICES = [
    (level.value, level.label) for level in AssuranceLevel if level != AssuranceLevel.SELF_DECLARED
]


def assurance_rank(level: str) -> int:
    """0 for self-declared up to 3 for national e-ID; an unknown value
    counts as the weakest."""
    return ASSURANCE_ORDER.index(level) if level in ASSURANCE_ORDER else 0


class CodePurpose(models.TextChoices):
    """What a one-time code sent by SMS to an account's phone is for."""

    RECOVERY = "recovery", _("Lấy lại mật khẩu")
    PHONE = "phone", _("Xác nhận số điện thoại")
    # The holder of an account agrees that a national e-ID log-in with the
    # same ID number may use it (vneid/service.py).
    EID_LINK = "eid_link", _("Liên kết định danh điện tử")


# What a national e-ID provider says about a linked account, which the
# citizen then cannot change (accounts/vneid/service.py). The ID number is
# the account's user name and is never editable.
EID_LOCKED_FIELDS = ("full_name", "date_of_birth", "address", "ward")
