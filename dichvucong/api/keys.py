"""Making, checking and revoking API keys.

A key reads "dvc_<prefix>_<secret>": the prefix finds the row, the SHA-256
of the whole key must match the stored one. The secret is 256 random bits,
so a plain SHA-256 is enough (a slow hash protects guessable passwords,
not random keys) and keeps every request cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import StaffRole, User
from dichvucong.api.constants import (
    KEY_MAX_DAYS,
    KEY_PREFIX_LENGTH,
    LAST_USED_RESOLUTION_SECONDS,
    KeyRole,
)
from dichvucong.api.models import ApiKey
from dichvucong.catalogue.models import Agency

KEY_START = "dvc_"
_PREFIX_ALPHABET = string.ascii_lowercase + string.digits
_PREFIX_ATTEMPTS = 5


class KeyRefused(Exception):
    """The right secret of a key that no longer works: `code` says why
    (key_expired, key_revoked), the message tells the integrator what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


MSG_EXPIRED = "Khóa API đã hết hạn: đề nghị quản trị viên cấp khóa mới."
MSG_REVOKED = "Khóa API đã bị thu hồi."


def latest_expiry(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) + timedelta(days=KEY_MAX_DAYS)


def check_expiry(expires_at: datetime, now: datetime | None = None) -> str | None:
    """Why this expiry cannot be given to a new key, or None."""
    now = now or timezone.now()
    if expires_at <= now:
        return "Ngày hết hạn phải ở tương lai."
    if expires_at > latest_expiry(now):
        return f"Khóa API có hạn tối đa {KEY_MAX_DAYS} ngày."
    return None


def _digest(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def _new_prefix() -> str:
    return "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(KEY_PREFIX_LENGTH))


def _service_account(prefix: str, name: str, agency: Agency, role: str) -> User:
    """One account per key, so the event log tells integrations apart. It
    cannot log in on the web; it holds the key's role at the key's agency
    (a read key holds none, so lifecycle refuses it everything)."""
    user = User(username=f"api-{prefix}", full_name=f"API: {name}"[:150], kind=AccountKind.STAFF)
    user.set_unusable_password()
    user.save()
    if role != KeyRole.READ:
        StaffRole.objects.create(user=user, role=role, agency=agency)
    return user


def create_key(
    agency: Agency, role: str, name: str, expires_at: datetime | None = None
) -> tuple[ApiKey, str]:
    """A new key and its service account; returns the key and the raw
    secret, which is shown once and never stored. Without `expires_at`
    the key lives KEY_DEFAULT_DAYS; past KEY_MAX_DAYS is a ValueError."""
    extra = {} if expires_at is None else {"expires_at": expires_at}
    if expires_at is not None and (problem := check_expiry(expires_at)):
        raise ValueError(problem)
    for _attempt in range(_PREFIX_ATTEMPTS):
        prefix = _new_prefix()
        raw = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
        try:
            with transaction.atomic():
                user = _service_account(prefix, name, agency, role)
                key = ApiKey.objects.create(
                    name=name,
                    agency=agency,
                    role=role,
                    user=user,
                    prefix=prefix,
                    secret_hash=_digest(raw),
                    **extra,
                )
        except IntegrityError:  # prefix or user name already taken: draw again
            continue
        return key, raw
    raise RuntimeError("could not draw a free key prefix")


def _prefix_of(raw_key: str) -> str | None:
    if not raw_key.startswith(KEY_START):
        return None
    prefix, sep, secret = raw_key[len(KEY_START) :].partition("_")
    if not sep or not secret or len(prefix) != KEY_PREFIX_LENGTH:
        return None
    return prefix


def authenticate(raw_key: str | None) -> ApiKey | None:
    """The live key matching `raw_key`, or None for an unknown key or a
    wrong secret. The right secret of a revoked (or switched off) or
    expired key raises KeyRefused, so the integrator learns why."""
    raw = (raw_key or "").strip()
    prefix = _prefix_of(raw)
    if prefix is None:
        return None
    key = ApiKey.objects.select_related("agency", "user").filter(prefix=prefix).first()
    if key is None or not hmac.compare_digest(key.secret_hash, _digest(raw)):
        return None
    if key.is_revoked or not key.user.is_active:
        raise KeyRefused("key_revoked", MSG_REVOKED)
    if key.is_expired():
        raise KeyRefused("key_expired", MSG_EXPIRED)
    _note_use(key)
    return key


def _note_use(key: ApiKey) -> None:
    now = timezone.now()
    stale = now - timedelta(seconds=LAST_USED_RESOLUTION_SECONDS)
    if key.last_used_at is None or key.last_used_at < stale:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now


@transaction.atomic
def revoke(prefix: str) -> ApiKey | None:
    """Revoke the key and switch its account off, so it can no longer be
    assigned dossiers either. Revoking twice keeps the first date."""
    key = ApiKey.objects.select_for_update().filter(prefix=prefix).first()
    if key is None:
        return None
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    User.objects.filter(pk=key.user_id).update(is_active=False)
    return key
