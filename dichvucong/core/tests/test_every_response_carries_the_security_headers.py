"""Every response, pages, errors, API answers and static files alike,
carries the Content-Security-Policy (our own files only, no inline style or
script, no outside host, no framing), nosniff and a same-origin
Referrer-Policy, pages also X-Frame-Options DENY; HSTS (one year,
subdomains) on HTTPS only."""

from __future__ import annotations

import re

import pytest

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
PATHS = [
    "/",
    "/thu-tuc/",
    "/tai-khoan/dang-nhap/",
    "/khong-co-trang-nay/",
    "/ho-so/",
    "/api/v1/catalogue/procedures",
    "/api/v1/applicant/me",
    "/healthz",
    "/quan-tri/login/",
    "/static/css/site.css",
]


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return dict(parts)  # type: ignore[arg-type]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_the_response_carries_the_policy_and_headers(client, path) -> None:
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    assert directives(policy) == POLICY
    assert "unsafe" not in policy
    assert not re.search(r"https?:|\*|data:", policy)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    if not path.startswith("/static/"):
        # For browsers older than frame-ancestors; static files go out
        # before Django's clickjacking middleware, with the policy alone.
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_hsts_comes_with_https_only(client) -> None:
    assert "Strict-Transport-Security" not in client.get("/")

    secure = client.get("/", secure=True)

    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
def test_behind_the_proxy_its_header_makes_the_request_secure(client, settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True

    plain = client.get("/thu-tuc/")
    proxied = client.get("/thu-tuc/", headers={"X-Forwarded-Proto": "https"})

    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/thu-tuc/"
    assert proxied.status_code == 200
    assert proxied["Strict-Transport-Security"].startswith("max-age=31536000")
