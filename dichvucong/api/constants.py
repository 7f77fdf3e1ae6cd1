"""What an API key may do, and the limits of the API."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import Role
from dichvucong.dossiers.constants import MAX_FILE_BYTES


class KeyRole(models.TextChoices):
    """The back-office role a key acts with, or READ for statistics only.
    A key's acting user holds exactly this StaffRole, so lifecycle's own
    role checks decide what the key may do."""

    RECEPTIONIST = Role.RECEPTIONIST.value, Role.RECEPTIONIST.label
    SPECIALIST = Role.SPECIALIST.value, Role.SPECIALIST.label
    LEADER = Role.LEADER.value, Role.LEADER.label
    READ = "read", _("Chỉ đọc thống kê")


API_PREFIX = "/api/v1/"
KEY_PREFIX_LENGTH = 8
# A key lives 90 days unless its administrator chooses otherwise, a year
# at most.
KEY_DEFAULT_DAYS = 90
KEY_MAX_DAYS = 366
# An applicant's bearer token (POST /auth/token) lives this long: a stolen
# one is worth little, a script logs in again.
TOKEN_LIFETIME_SECONDS = 15 * 60
# A JSON body is small: the largest is an e-form's data.
MAX_JSON_BODY_BYTES = 256 * 1024
# A multipart body carries one attachment plus its form fields.
MAX_MULTIPART_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024
# `last_used_at` is written at most this often, not on every request.
LAST_USED_RESOLUTION_SECONDS = 60
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Ids in paths and queries are bounded so that a huge number is a 422,
# never a database overflow.
MAX_ID = 2**31 - 1
