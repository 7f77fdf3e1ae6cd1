"""Starting the real system in a fresh process, as an operator would, with
a chosen environment: the production checks run at start-up, which an
in-process test (settings already loaded, with the test allowances) cannot
show."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from dichvucong.documents.signing import demo_ca

ROOT = Path(__file__).resolve().parents[3]

# Every variable the production checks read, dropped from the inherited
# environment so that each test states what it sets.
CHECKED = (
    "DEBUG", "SECRET_KEY", "PAYMENT_GATEWAY", "VNPAY_TMN_CODE", "VNPAY_HASH_SECRET",
    "VNPAY_URL", "EMAIL_BACKEND", "SMS_PROVIDER", "ALLOW_INSECURE_SECRET",
    "ALLOW_PAYMENT_SANDBOX", "ALLOW_CONSOLE_EMAIL", "ALLOW_LOG_SMS", "DATABASE_URL",
    "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE", "S3_BUCKET", "EVENT_LOG_KEY",
    "ALLOW_DERIVED_EVENT_KEY", "SITE_URL", "DEMO_MODE", "ALLOW_DEMO_MODE",
    "SIGNING_PKCS12_PATH", "SIGNING_PKCS12_PASSWORD", "SIGNING_PKCS11_MODULE",
    "SIGNING_PKCS11_TOKEN_LABEL", "SIGNING_PKCS11_KEY_LABEL", "SIGNING_PKCS11_CERT_LABEL",
    "SIGNING_PKCS11_PIN", "SIGNING_TRUST_ROOTS", "SIGNING_DEMO_DIR", "ALLOW_DEMO_SIGNING",
    "SIGNING_AGENCY_PKCS12", "SIGNING_AGENCY_PKCS12_PASSWORDS",
)
# The agency's certificate of the safe configuration: a CA of the test
# run's own, as files, the way an operator names real ones.
OFFICE = demo_ca.issue(
    Path(tempfile.mkdtemp(prefix="dichvucong-test-office-")), "Test CA", "Test office"
)
# A production configuration with none of the unsafe defaults. The SMS
# adapter is a test one (it keeps what it is given); any class would do.
SAFE = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "PAYMENT_GATEWAY": "vnpay",
    "VNPAY_TMN_CODE": "TXTEST01",
    "VNPAY_HASH_SECRET": secrets.token_hex(16),
    "VNPAY_URL": "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "SMS_PROVIDER": "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider",
    "EVENT_LOG_KEY": secrets.token_urlsafe(40),
    "SITE_URL": "https://dichvucong.example.vn",
    "SIGNING_PKCS12_PATH": str(OFFICE.pkcs12),
    "SIGNING_PKCS12_PASSWORD": OFFICE.password,
    "SIGNING_TRUST_ROOTS": str(OFFICE.root),
}
# Every allowance, and the public address: SITE_URL has none (E006).
ALLOW_ALL = {
    "SITE_URL": "https://dichvucong.example.vn",
    "ALLOW_INSECURE_SECRET": "true",
    "ALLOW_PAYMENT_SANDBOX": "true",
    "ALLOW_CONSOLE_EMAIL": "true",
    "ALLOW_LOG_SMS": "true",
    "ALLOW_DERIVED_EVENT_KEY": "true",
    "ALLOW_DEMO_SIGNING": "true",
}


def environment(data_dir: Path, variables: dict[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in CHECKED}
    env.update(variables, DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="dichvucong.settings")
    return env


def run(data_dir: Path, args: list[str], **variables: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in the project folder; its output as text."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment(data_dir, variables),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
