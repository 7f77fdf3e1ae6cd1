"""The order we send VNPay is signed exactly as VNPay signs it: checked
against a vector computed outside Python (openssl), and against a second,
independent implementation written the way VNPay's sample reads."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

import pytest

from dichvucong.dossiers.models import Dossier
from dichvucong.payments.conf import PaymentConfig
from dichvucong.payments.gateways.vnpay import VNPayGateway, sign, signing_data
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import query_of

SECRET = "VNPAYTESTSECRET0123456789ABCDEF"
CONFIG = PaymentConfig(
    gateway="vnpay",
    tmn_code="DVCTEST1",
    hash_secret=SECRET,
    url="https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
)
RETURN_URL = "https://dichvucong.example.vn/thanh-toan/vnpay/return"
# The parameters sorted by key, each value encoded with quote_plus.
SIGNED_DATA = (
    "vnp_Amount=2400000&vnp_Command=pay&vnp_CreateDate=20260316090000&vnp_CurrCode=VND"
    "&vnp_ExpireDate=20260316091500&vnp_IpAddr=203.0.113.5&vnp_Locale=vn"
    "&vnp_OrderInfo=Thanh+toan+ho+so+T.KM-260316-0001&vnp_OrderType=other"
    "&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.example.vn%2Fthanh-toan%2Fvnpay%2Freturn"
    "&vnp_TmnCode=DVCTEST1&vnp_TxnRef=260316A1B2C3D4&vnp_Version=2.1.0"
)
# printf '%s' "$SIGNED_DATA" | openssl dgst -sha512 -hmac "$SECRET"
KNOWN_HASH = (
    "249358c8120264b7ce70b4b98b5bebdae04fc3a83b683b8d59bbfe4a8832345f"
    "db77846198149790580a81621de23843f2bbaad141e750f9f3d2158701fc30ee"
)


def _payment() -> Payment:
    # Unsaved: the signature needs no database. 09:00 in Hà Nội is 02:00 UTC;
    # VNPay's dates must come out in Vietnam's time all the same.
    created = datetime(2026, 3, 16, 2, 0, tzinfo=ZoneInfo("UTC"))
    return Payment(
        dossier=Dossier(code="T.KM-260316-0001"),
        amount=24_000,
        txn_ref="260316A1B2C3D4",
        gateway="vnpay",
        created_at=created,
    )


def _params() -> dict[str, str]:
    return VNPayGateway(CONFIG).request_params(_payment(), "203.0.113.5", RETURN_URL)


def _independent_hash(params: dict[str, str], secret: str) -> str:
    fields = sorted((k, v) for k, v in params.items() if k != "vnp_SecureHash")
    data = urlencode(fields)
    return hmac.new(secret.encode(), data.encode(), hashlib.sha512).hexdigest()


def test_the_order_parameters_follow_vnpay_2_1_0():
    params = _params()
    assert params["vnp_Version"] == "2.1.0" and params["vnp_Command"] == "pay"
    assert params["vnp_Amount"] == "2400000"
    assert params["vnp_CreateDate"] == "20260316090000"
    assert params["vnp_ExpireDate"] == "20260316091500"
    assert params["vnp_OrderInfo"] == "Thanh toan ho so T.KM-260316-0001"


def test_the_signed_data_and_hash_match_the_vector_computed_by_openssl():
    params = _params()
    assert signing_data(params) == SIGNED_DATA
    assert sign(params, SECRET) == KNOWN_HASH


def test_an_independent_implementation_gives_the_same_hash():
    params = _params()
    assert _independent_hash(params, SECRET) == sign(params, SECRET) == KNOWN_HASH
    # Diacritics and symbols encode the same way in both.
    odd = {**params, "vnp_OrderInfo": "Hồ sơ số 1 & 2 / 50% = xong"}
    assert _independent_hash(odd, SECRET) == sign(odd, SECRET)


def test_the_payment_url_carries_the_known_hash():
    url = VNPayGateway(CONFIG).payment_url(_payment(), "203.0.113.5", RETURN_URL)
    assert url.startswith(CONFIG.url + "?")
    assert urlsplit(url).query == f"{SIGNED_DATA}&vnp_SecureHash={KNOWN_HASH}"
    assert query_of(url)["vnp_ReturnUrl"] == RETURN_URL


def test_verify_accepts_the_vector_in_either_case_and_refuses_any_change():
    gateway = VNPayGateway(CONFIG)
    params = {**_params(), "vnp_SecureHash": KNOWN_HASH}
    assert gateway.verify(params)
    assert gateway.verify({**params, "vnp_SecureHash": KNOWN_HASH.upper()})
    # The hash type and parameters outside vnp_* are not part of the signature.
    assert gateway.verify({**params, "vnp_SecureHashType": "HmacSHA512", "utm": "x"})
    assert not gateway.verify({**params, "vnp_Amount": "2400100"})
    assert not gateway.verify({k: v for k, v in params.items() if k != "vnp_SecureHash"})


@pytest.mark.parametrize("forged", ["", "0" * 128, "ẞ" * 10, KNOWN_HASH[:-1]])
def test_verify_refuses_forged_hashes(forged):
    assert not VNPayGateway(CONFIG).verify({**_params(), "vnp_SecureHash": forged})
