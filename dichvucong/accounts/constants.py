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
