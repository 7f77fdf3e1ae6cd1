from django.test import RequestFactory, override_settings

from dichvucong.throttle import client_address


def _request(forwarded: str = "") -> object:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", **extra)


def test_without_proxies_the_forwarded_header_is_ignored():
    assert client_address(_request("1.2.3.4")) == "10.0.0.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_last_forwarded_entry_is_the_client():
    assert client_address(_request("6.6.6.6, 203.0.113.9")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_short_header_falls_back_to_the_connection_address():
    assert client_address(_request("203.0.113.9")) == "10.0.0.5"
