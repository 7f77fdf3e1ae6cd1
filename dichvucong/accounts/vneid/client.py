"""Our side of the OpenID Connect conversation, through Authlib.

Authlib does the protocol: the discovery document, `state` and `nonce`
(kept in the session, each good once), PKCE S256, the code exchange, the
ID token's RS256 signature against the provider's JWKS, its `iss`,
`aud`, `exp`, `iat` and `nonce`. This module chooses the provider from
the settings, adds the userinfo claims (their `sub` must be the ID
token's), and turns every failure into `LoginFailed`, logged by type only:
a provider's error text may carry what the person typed there.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.crypto import salted_hmac
from joserfc.errors import JoseError
from requests import RequestException

from dichvucong.accounts.vneid import standin

logger = logging.getLogger(__name__)

NAME = "vneid"
# The network calls to the provider: a slow provider must not hold a worker.
TIMEOUT_SECONDS = 10
# Clock difference allowed on `exp` and `iat`, in seconds.
LEEWAY_SECONDS = 60
DEMO_PATH = "/demo/vneid"


class LoginFailed(Exception):
    """The log-in did not come back valid; nobody is logged in."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    demo: bool = False


def provider(request: HttpRequest) -> Provider | None:
    """The configured provider; in demo mode with none configured, the
    stand-in this site serves; else None (and no button)."""
    if settings.VNEID_ISSUER:
        return Provider(
            settings.VNEID_ISSUER,
            settings.VNEID_CLIENT_ID,
            settings.VNEID_CLIENT_SECRET,
            settings.VNEID_SCOPES,
        )
    if settings.DEMO_MODE:
        issuer = request.build_absolute_uri(DEMO_PATH)
        return Provider(issuer, standin.DEMO_CLIENT_ID, demo_secret(), settings.VNEID_SCOPES, True)
    return None


def demo_secret() -> str:
    return salted_hmac("dichvucong.accounts.vneid.demo", "client").hexdigest()


def redirect_uri(request: HttpRequest) -> str:
    """The address registered at the provider: on SITE_URL in production
    (whatever Host a proxy passes on), else where the browser is."""
    path = reverse("accounts:vneid_callback")
    return settings.SITE_URL + path if settings.SITE_URL else request.build_absolute_uri(path)


@functools.lru_cache(maxsize=8)
def _app(chosen: Provider) -> Any:
    """One Authlib client per provider, keeping its discovery document and
    keys (fetched again when a token names a key it does not know)."""
    oauth = OAuth()
    return oauth.register(
        NAME,
        client_id=chosen.client_id,
        client_secret=chosen.client_secret,
        server_metadata_url=f"{chosen.issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": chosen.scopes,
            "code_challenge_method": "S256",
            "default_timeout": TIMEOUT_SECONDS,
        },
    )


def start(request: HttpRequest, chosen: Provider) -> HttpResponse:
    """The redirect to the provider's log-in page."""
    try:
        response: HttpResponse = _app(chosen).authorize_redirect(request, redirect_uri(request))
    except (RequestException, ValueError, KeyError, AuthlibBaseError) as error:
        logger.warning("national e-ID unreachable: %s", type(error).__name__)
        raise LoginFailed from error
    return response


def finish(request: HttpRequest, chosen: Provider) -> dict[str, Any]:
    """The claims of the person the provider logged in, from a validated ID
    token and the userinfo endpoint. Raises LoginFailed."""
    app = _app(chosen)
    try:
        token = app.authorize_access_token(request, leeway=LEEWAY_SECONDS)
        claims = dict(token.get("userinfo") or {})
        if not claims.get("sub"):
            raise LoginFailed("no ID token")
        if app.load_server_metadata().get("userinfo_endpoint"):
            extra = dict(app.userinfo(token=token))
            if extra.get("sub") != claims["sub"]:
                raise LoginFailed("userinfo is someone else's")
            claims = {**extra, **claims}
    except (AuthlibBaseError, JoseError, RequestException, ValueError, KeyError) as error:
        logger.warning("national e-ID log-in refused: %s", type(error).__name__)
        raise LoginFailed from error
    claims["iss"] = app.load_server_metadata()["issuer"]
    return claims
