"""Sending SMS through a provider chosen by the SMS_PROVIDER setting.

"log" (the embedded default) writes each SMS to the log with the number
masked. Anything else is the dotted path of a class with a `send(phone,
text)` method, e.g. an adapter for a brandname SMS gateway; it raises on
failure and the outbox retries.
"""

from __future__ import annotations

import logging
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from dichvucong.notifications import demo_inbox
from dichvucong.notifications.masking import mask_phone

logger = logging.getLogger(__name__)


class SmsProvider(Protocol):
    def send(self, phone: str, text: str) -> None:
        """Hand the SMS over, or raise."""


class LogSmsProvider:
    """Writes the SMS to the log. SMS bodies carry no personal data (see
    the sms.txt template), so only the number needs masking."""

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", mask_phone(phone), text)


BUILT_IN: dict[str, type] = {"log": LogSmsProvider}
CODE_MASK = "******"


def get_provider() -> SmsProvider:
    name = getattr(settings, "SMS_PROVIDER", "log") or "log"
    try:
        provider_class = BUILT_IN.get(name) or import_string(name)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"SMS_PROVIDER must be 'log' or the dotted path of a class, not {name!r}"
        ) from error
    provider: SmsProvider = provider_class()
    return provider


def send_code(phone: str, text: str, code: str) -> None:
    """An SMS carrying a one-time code, straight to the provider (a code
    never waits in the outbox). The log provider writes bodies to the log,
    fine for status messages but not for a code: whoever reads the log
    could use it. So for that provider the code is masked and the SMS is
    readable nowhere; embedded installs use e-mail or a login instead.
    In demo mode the code is written in full and shown on /demo/."""
    provider = get_provider()
    if isinstance(provider, LogSmsProvider):
        if settings.DEMO_MODE:
            # Demo mode (never production: check E007): the code is the
            # demo's only way through, so it is printed in full and kept
            # for the demo page.
            demo_inbox.keep(mask_phone(phone), text)
        else:
            text = text.replace(code, CODE_MASK)
    provider.send(phone, text)
