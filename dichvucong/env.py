"""Typed readers for environment variables.

Every setting of the system comes from the environment. A bad value fails
loudly at start-up rather than silently falling back to a default.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit


class ConfigError(RuntimeError):
    pass


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_by_code(name: str, *, secret: bool = False) -> dict[str, str]:
    """A value per unit code: "T.KM=value; T.KD=value" (the form of
    DVCQG_AGENCY_UNIT_CODES). A part that is not CODE=VALUE, or a code
    given twice, is refused; a `secret` one without quoting the part."""
    values: dict[str, str] = {}
    parts = (part.strip() for part in os.environ.get(name, "").split(";"))
    for number, part in enumerate(filter(None, parts), start=1):
        code, _, value = (side.strip() for side in part.partition("="))
        shown = f"part {number}" if secret else repr(part)
        if not code or not value:
            raise ConfigError(f"{name}: {shown} is not UNIT_CODE=VALUE")
        if code in values:
            raise ConfigError(f"{name}: {code} is given twice")
        values[code] = value
    return values


def env_url(name: str, default: str = "") -> str:
    """An http:// or https:// address, or the default when unset."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{name} must be an http:// or https:// address, not {raw!r}")
    return raw
