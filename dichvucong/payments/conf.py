"""Payment settings, read from the environment (README, "Thanh toán").

PAYMENT_GATEWAY   "sandbox" (default) or "vnpay".
VNPAY_TMN_CODE    the merchant code VNPay issued (vnp_TmnCode).
VNPAY_HASH_SECRET the secret VNPay issued for HMAC-SHA512 signatures.
VNPAY_URL         VNPay's payment page; empty means the built-in sandbox.

In the sandbox (the embedded default) the three VNPAY_* variables may stay
unset: the merchant code is a fixed test value and the secret is derived
from SECRET_KEY, so it differs between installations and nobody outside can
sign a notification. With PAYMENT_GATEWAY=vnpay all three are required.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

from dichvucong.env import ConfigError, env_str
from dichvucong.payments.constants import ONLINE_GATEWAYS, GatewayName

SANDBOX_TMN_CODE = "DVCTEST1"


@dataclass(frozen=True)
class PaymentConfig:
    gateway: str
    tmn_code: str
    hash_secret: str
    # Empty for the built-in sandbox, whose address comes from the URLconf.
    url: str

    @property
    def is_sandbox(self) -> bool:
        return self.gateway == GatewayName.SANDBOX


def _sandbox_secret() -> str:
    return salted_hmac(
        "dichvucong.payments.sandbox", "vnpay-hash-secret", algorithm="sha256"
    ).hexdigest()


def load() -> PaymentConfig:
    gateway = env_str("PAYMENT_GATEWAY", GatewayName.SANDBOX).strip().lower()
    if gateway not in ONLINE_GATEWAYS:
        raise ConfigError(
            f"PAYMENT_GATEWAY must be one of {', '.join(ONLINE_GATEWAYS)}, not {gateway!r}"
        )
    tmn_code = env_str("VNPAY_TMN_CODE", "").strip()
    secret = env_str("VNPAY_HASH_SECRET", "").strip()
    url = env_str("VNPAY_URL", "").strip()
    if gateway == GatewayName.VNPAY:
        wanted = {"VNPAY_TMN_CODE": tmn_code, "VNPAY_HASH_SECRET": secret, "VNPAY_URL": url}
        missing = [name for name, value in wanted.items() if not value]
        if missing:
            raise ConfigError(f"PAYMENT_GATEWAY=vnpay needs {', '.join(missing)}")
    if url and not url.startswith(("https://", "http://", "/")):
        raise ConfigError(f"VNPAY_URL must be an http(s) address, not {url!r}")
    return PaymentConfig(
        gateway=gateway,
        tmn_code=tmn_code or SANDBOX_TMN_CODE,
        hash_secret=secret or _sandbox_secret(),
        url=url,
    )


@functools.cache
def config() -> PaymentConfig:
    """The settings, read once per process (at start-up, from apps.ready)."""
    return load()
