"""People: one login model for everyone, a profile per kind of account,
and staff roles held per agency."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import AccountKind, AssuranceLevel, CodePurpose, Role


class User(AbstractUser):
    """Citizens log in with their 12-digit personal ID number, organisations
    with their tax code, staff with the user name the administrator gives."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    kind = models.CharField(
        _("loại tài khoản"), max_length=12, choices=AccountKind.choices, default=AccountKind.CITIZEN
    )

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    @property
    def is_officer(self) -> bool:
        return self.kind == AccountKind.STAFF

    def has_role(self, role: str, agency_id: int | None = None) -> bool:
        roles = self.staff_roles.filter(role=role)
        if agency_id is not None:
            roles = roles.filter(agency_id=agency_id)
        return roles.exists()


class CitizenProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="citizen")
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, unique=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=10)
    address = models.CharField(_("địa chỉ (số nhà, đường)"), max_length=300, blank=True)
    ward = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phường/xã"),
    )
    residential_group = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tổ dân phố"),
    )
    # How sure the office is that the account is this person's (constants).
    # Self-registration starts at SELF_DECLARED and says so itself; the
    # default covers accounts made by people the office trusts (the admin,
    # the demo), and was given to every account made before the levels.
    assurance = models.CharField(
        _("mức xác thực"),
        max_length=16,
        choices=AssuranceLevel.choices,
        default=AssuranceLevel.PHONE_CONFIRMED,
    )
    # Status messages by Zalo (ZNS) instead of SMS, with SMS when Zalo
    # fails; offered only while the Zalo channel is configured.
    notify_by_zalo = models.BooleanField(_("nhận thông báo qua Zalo"), default=False)

    class Meta:
        verbose_name = _("hồ sơ công dân")
        verbose_name_plural = _("hồ sơ công dân")

    def __str__(self) -> str:
        return str(self.user)


class OrganisationProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="organisation")
    name = models.CharField(_("tên tổ chức, doanh nghiệp"), max_length=300)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, unique=True)
    representative = models.CharField(_("người đại diện"), max_length=150)
    phone = models.CharField(_("số điện thoại"), max_length=10)
    address = models.CharField(_("địa chỉ trụ sở"), max_length=300, blank=True)
    ward = models.ForeignKey(
        "catalogue.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phường/xã"),
    )
    # How sure the office is that the account is this person's (constants).
    # Self-registration starts at SELF_DECLARED and says so itself; the
    # default covers accounts made by people the office trusts (the admin,
    # the demo), and was given to every account made before the levels.
    assurance = models.CharField(
        _("mức xác thực"),
        max_length=16,
        choices=AssuranceLevel.choices,
        default=AssuranceLevel.PHONE_CONFIRMED,
    )

    class Meta:
        verbose_name = _("hồ sơ tổ chức")
        verbose_name_plural = _("hồ sơ tổ chức")

    def __str__(self) -> str:
        return self.name


class StaffRole(models.Model):
    """A role one officer holds in one agency. A school coordinator's role
    also names the school."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.PROTECT,
        related_name="staff_roles",
        verbose_name=_("cơ quan"),
    )
    school = models.ForeignKey(
        "outreach.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinators",
        verbose_name=_("trường"),
    )

    class Meta:
        verbose_name = _("vai trò cán bộ")
        verbose_name_plural = _("vai trò cán bộ")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "agency"], name="unique_staff_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.agency}"


class PasswordRecovery(models.Model):
    """One recovery started on "Quên mật khẩu" (accounts/recovery.py tells
    the story). `token` is the opaque id kept in the resident's session;
    the code exists only as a keyed hash. A row without a user is a decoy,
    made when nothing matched, so that every answer looks the same.

    A table rather than the cache: spending a code is one conditional
    UPDATE that exactly one of several concurrent requests wins, and the
    wrong-try counter must survive; a cache may evict either at any time
    (locmem keeps 300 entries, Redis evicts under memory pressure), and a
    lost counter is five more guesses. Rows older than a day are pruned
    whenever a new one is written."""

    token = models.CharField(max_length=64, unique=True)
    # The same codes confirm a phone (accounts/phone_confirmation.py); a
    # code for one purpose never serves the other.
    purpose = models.CharField(
        max_length=8, choices=CodePurpose.choices, default=CodePurpose.RECOVERY
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code_hash = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lấy lại mật khẩu")
        verbose_name_plural = _("lấy lại mật khẩu")


class NationalEidLink(models.Model):
    """The national e-ID (VNeID or another OpenID Connect provider) that
    logs in to this citizen account: the provider's `iss` and the person's
    `sub` there. While it exists the name, date of birth, ID number and
    address are the provider's and the citizen cannot change them
    (vneid/service.py). Made on the first e-ID log-in: for a new person
    with the account, for an existing account only after a code sent to
    its phone came back."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="national_eid")
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)
    linked_at = models.DateTimeField()
    last_login_at = models.DateTimeField()

    class Meta:
        verbose_name = _("liên kết định danh điện tử")
        verbose_name_plural = _("liên kết định danh điện tử")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="unique_national_eid"),
        ]

    def __str__(self) -> str:
        return str(self.user)
