"""Payment settings come from the environment; a wrong or incomplete
configuration stops the start-up instead of failing a citizen later."""

from __future__ import annotations

import pytest

from dichvucong.env import ConfigError
from dichvucong.payments.conf import SANDBOX_TMN_CODE, load

NAMES = ("PAYMENT_GATEWAY", "VNPAY_TMN_CODE", "VNPAY_HASH_SECRET", "VNPAY_URL")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)


def test_the_embedded_default_is_the_sandbox_with_a_secret_of_its_own(settings):
    config = load()
    assert config.is_sandbox and config.url == ""
    assert config.tmn_code == SANDBOX_TMN_CODE and len(config.hash_secret) >= 32
    settings.SECRET_KEY = "another-installation-" + "x" * 40
    assert load().hash_secret != config.hash_secret


def test_vnpay_needs_its_three_variables(monkeypatch):
    monkeypatch.setenv("PAYMENT_GATEWAY", "vnpay")
    monkeypatch.setenv("VNPAY_TMN_CODE", "ABCD1234")
    with pytest.raises(ConfigError, match="VNPAY_HASH_SECRET, VNPAY_URL"):
        load()
    monkeypatch.setenv("VNPAY_HASH_SECRET", "s3cret")
    monkeypatch.setenv("VNPAY_URL", "https://pay.vnpay.vn/vpcpay.html")
    config = load()
    assert (config.gateway, config.tmn_code, config.hash_secret) == ("vnpay", "ABCD1234", "s3cret")


@pytest.mark.parametrize(
    ("name", "value"), [("PAYMENT_GATEWAY", "paypal"), ("VNPAY_URL", "ftp://pay.example")]
)
def test_a_bad_value_is_refused(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load()
