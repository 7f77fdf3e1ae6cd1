"""Unsafe embedded defaults refused in production.

The embedded default (make run) needs no variable: it signs with a built-in
key, takes payments in the sandbox, prints e-mail to the console and writes
SMS to the log. With DEBUG off each of these is refused unless its ALLOW_*
variable says it is meant, because each one silently breaks a promise:
sessions and signatures anyone can forge, fees marked paid with no money,
password-reset links in a log instead of a mailbox, SMS nobody receives.

The refusal runs wherever the system starts: as a Django system check
(manage.py commands, runserver, `check --deploy`), from wsgi.py (gunicorn
runs no system checks) and from celery.py (workers and beat). Start-up
logs once which of them are allowed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# Django's e-mail backends that send nothing: they print, write to files,
# keep in memory or drop each message.
UNSENT_EMAIL_BACKENDS = frozenset(
    f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("console", "filebased", "locmem", "dummy")
)


def _embedded_secret() -> bool:
    return bool(settings.SECRET_KEY == settings.EMBEDDED_SECRET_KEY)


def _payment_sandbox() -> bool:
    from dichvucong.payments import conf

    return conf.config().is_sandbox


def _email_not_sent() -> bool:
    return settings.EMAIL_BACKEND in UNSENT_EMAIL_BACKENDS


def _event_key_derived() -> bool:
    return not settings.EVENT_LOG_KEY


def _demo_mode() -> bool:
    return bool(settings.DEMO_MODE)


def _demo_signing() -> bool:
    from dichvucong.documents import signing

    return signing.is_demo()


def _sms_in_log() -> bool:
    from dichvucong.notifications import sms

    return isinstance(sms.get_provider(), sms.LogSmsProvider)


@dataclass(frozen=True)
class UnsafeDefault:
    check_id: str
    allowed_by: str  # the setting (and environment variable) that allows it
    in_use: Callable[[], bool]
    name: str
    what: str
    remedy: str

    @property
    def allowed(self) -> bool:
        return bool(getattr(settings, self.allowed_by))


UNSAFE_DEFAULTS: Sequence[UnsafeDefault] = (
    UnsafeDefault(
        "dichvucong.E001",
        "ALLOW_INSECURE_SECRET",
        _embedded_secret,
        "the built-in SECRET_KEY",
        "SECRET_KEY is the built-in key anyone can read: sessions, password-reset "
        "links and other signed values could be forged.",
        "Set SECRET_KEY to a long random value, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
    ),
    UnsafeDefault(
        "dichvucong.E002",
        "ALLOW_PAYMENT_SANDBOX",
        _payment_sandbox,
        "the payment sandbox",
        "PAYMENT_GATEWAY is the sandbox: anyone can mark a fee paid and no money moves.",
        "Set PAYMENT_GATEWAY=vnpay with VNPAY_TMN_CODE, VNPAY_HASH_SECRET and VNPAY_URL.",
    ),
    UnsafeDefault(
        "dichvucong.E003",
        "ALLOW_CONSOLE_EMAIL",
        _email_not_sent,
        "e-mail printed, not sent",
        "EMAIL_BACKEND sends nothing (console, file, memory or dummy): password-reset "
        "links and notices go to the server's output instead of people's mailboxes.",
        "Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the EMAIL_* variables.",
    ),
    UnsafeDefault(
        "dichvucong.E004",
        "ALLOW_LOG_SMS",
        _sms_in_log,
        "SMS written to the log, not sent",
        "SMS_PROVIDER is 'log': SMS are written to the log and nobody receives them.",
        "Set SMS_PROVIDER to the dotted path of your SMS gateway's adapter class.",
    ),
    UnsafeDefault(
        "dichvucong.E005",
        "ALLOW_DERIVED_EVENT_KEY",
        _event_key_derived,
        "the event-log key derived from SECRET_KEY",
        "EVENT_LOG_KEY is not set, so the dossier event log is keyed from SECRET_KEY: "
        "rotating SECRET_KEY (say after a leak) would make every event read as edited.",
        "Set EVENT_LOG_KEY to its own long random value (at least 32 characters) and keep "
        "it with the backups, outside the database.",
    ),
    UnsafeDefault(
        "dichvucong.E007",
        "ALLOW_DEMO_MODE",
        _demo_mode,
        "demo mode",
        "DEMO_MODE is on: /demo/ shows the demo accounts' passwords and second-factor "
        "codes to anyone, and one-time codes are printed in full.",
        "Set DEMO_MODE=false.",
    ),
    UnsafeDefault(
        "dichvucong.E008",
        "ALLOW_DEMO_SIGNING",
        _demo_signing,
        "documents signed by the demo CA",
        "No signing certificate is set: results, receipts and slips would be signed by a "
        "demo CA this machine made itself, which no one outside trusts and which gives a "
        "result no legal value.",
        "Set SIGNING_PKCS12_PATH and SIGNING_PKCS12_PASSWORD (or the SIGNING_PKCS11_* "
        "variables) to the agency's certificate, and SIGNING_TRUST_ROOTS to its CA's root.",
    ),
)


def refused() -> list[UnsafeDefault]:
    """The unsafe defaults in use and not allowed; none with DEBUG on."""
    if settings.DEBUG:
        return []
    return [item for item in UNSAFE_DEFAULTS if not item.allowed and item.in_use()]


def site_url_refused() -> list[CheckMessage]:
    """A public address is required with DEBUG off, and no allowance
    lifts it: links to a loopback or plain-http address on slips, QR codes,
    SMS and e-mails are wrong for everyone who gets them."""
    from dichvucong.public_url import site_url_problem

    problem = "" if settings.DEBUG else site_url_problem(settings.SITE_URL)
    if not problem:
        return []
    hint = "Set SITE_URL to the site's public https:// address, e.g. https://dichvucong.example.vn."
    return [Error(problem, hint=hint, id="dichvucong.E006")]


def signing_refused() -> list[CheckMessage]:
    """A configured certificate must open now, not at the first approval
    (which would then fail): a wrong password, a file that is no PKCS#12,
    a token not found."""
    from dichvucong.documents.signing import keys

    if keys.is_demo():
        return []
    try:
        keys.load()
    except Exception as error:  # whatever the file or token says, said at start-up
        hint = (
            "Check SIGNING_PKCS12_*, SIGNING_PKCS11_* or SIGNING_AGENCY_PKCS12* "
            "(README: Digitally signed documents)."
        )
        return [
            Error(
                f"The signing certificate cannot be used: {error}", hint=hint, id="dichvucong.E009"
            )
        ]
    return []


def unsafe_defaults_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """The Django system check (registered in CoreConfig.ready)."""
    return (
        [
            Error(
                item.what,
                hint=f"{item.remedy} Or, if this is meant, set {item.allowed_by}=true.",
                id=item.check_id,
            )
            for item in refused()
        ]
        + site_url_refused()
        + signing_refused()
    )


def refuse_unsafe_defaults() -> None:
    """For the entry points that run no system checks: stop with every
    refusal spelt out."""
    errors = unsafe_defaults_check()
    if errors:
        lines = [f"{error.id}: {error.msg} HINT: {error.hint}" for error in errors]
        raise ImproperlyConfigured("Refusing to start with DEBUG off:\n" + "\n".join(lines))


def log_allowances() -> None:
    """One warning at start-up naming every unsafe default allowed."""
    if settings.DEBUG:
        return
    allowed = [item for item in UNSAFE_DEFAULTS if item.allowed and item.in_use()]
    if allowed:
        logger.warning(
            "Unsafe defaults allowed with DEBUG off: %s",
            ", ".join(f"{item.allowed_by}=true ({item.name})" for item in allowed),
        )
