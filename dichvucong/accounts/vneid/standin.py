"""A small, real OpenID Connect provider standing in for VNeID.

It speaks the protocol our client (client.py) speaks to the real service:
a discovery document, an authorization endpoint where the tester picks
who logs in, a token endpoint (client secret by HTTP Basic or in the form,
PKCE S256 required, codes good once and for a minute), RS256-signed ID
tokens with `nonce` and `exp`, a JWKS and a userinfo endpoint.

Two ways to serve it, over real HTTP both times:

- `StandIn(...).start()`: its own server on 127.0.0.1 in a thread, for the
  tests, which can also make it misbehave (`expired_id_tokens`,
  `rogue_signature`) and read what it was asked (`redeemed`).
- `demo_provider(...)` behind demo/urls.py: in demo mode with no provider
  configured, the same Django serves it under /demo/vneid/, so that
  `make run` shows the whole journey. Never in production (client.py).

The people it knows are made up; `DEMO_PEOPLE` has the demo citizen's ID
number (to show linking an existing account) and a new person.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

CODE_LIFETIME = 60
TOKEN_LIFETIME = 300


@dataclass(frozen=True)
class Person:
    """Someone the stand-in can log in: `key` is what the choice form
    posts (never the ID number), `claims` what the provider says."""

    key: str
    claims: dict[str, Any]


DEMO_PEOPLE = (
    # The demo citizen (demo/people.py): logging in links to that account
    # once the code sent to its phone (0912345678) is typed back.
    Person(
        "an",
        {
            "sub": "vneid-7f3a9c01",
            "name": "Nguyễn Văn An",
            "birthdate": "1990-05-14",
            "id_number": "001090012345",
            "phone_number": "+84912345678",
            "address": {
                "street_address": "Số 15, ngõ 2",
                "locality": "Khương Mai",
                "region": "Hà Nội",
                "country": "VN",
            },
        },
    ),
    # Nobody the system knows: logging in creates her account.
    Person(
        "lan",
        {
            "sub": "vneid-2b8e4d77",
            "name": "Trần Thị Lan",
            "birthdate": "1994-11-02",
            "id_number": "001194023456",
            "phone_number": "+84987001122",
            "address": {
                "street_address": "Số 8, ngõ 12 Khương Đình",
                "locality": "Khương Đình",
                "region": "Hà Nội",
                "country": "VN",
            },
        },
    ),
)
# Claims that also go into the ID token; the rest only through userinfo,
# as many providers do.
ID_TOKEN_CLAIMS = ("name", "birthdate")


@dataclass
class Answer:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    location: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def _json(status: int, data: dict[str, Any], **headers: str) -> Answer:
    return Answer(
        status, json.dumps(data).encode(), headers={"Cache-Control": "no-store", **headers}
    )


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str
    scope: str
    person: Person
    expires_at: float
    used: bool = False
    access_tokens: list[str] = field(default_factory=list)


@dataclass
class StandIn:
    client_id: str
    client_secret: str
    # Exact redirect URIs the client registered.
    redirect_uris: list[str]
    people: tuple[Person, ...] = DEMO_PEOPLE
    # Set by start(), or given when another server serves it.
    issuer: str = ""
    expired_id_tokens: bool = False
    rogue_signature: bool = False
    redeemed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def __post_init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": secrets.token_hex(8)})
        self.rogue_key = RSAKey.generate_key(2048, parameters={"kid": self.key.kid})
        self._grants: dict[str, Grant] = {}
        self._tokens: dict[str, tuple[Person, float]] = {}
        self._lock = threading.Lock()

    # --- Serving -------------------------------------------------------------------

    def start(self) -> StandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._reply(standin.handle("GET", *self._parts(), {}, dict(self.headers)))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                self._reply(standin.handle("POST", *self._parts(), form, dict(self.headers)))

            def _parts(self) -> tuple[str, dict[str, str]]:
                parts = urlsplit(self.path)
                return parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}

            def _reply(self, answer: Answer) -> None:
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                if answer.location:
                    self.send_header("Location", answer.location)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # tests read what matters from the stand-in itself

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        host, port = self.server.server_address[:2]
        self.issuer = f"http://{host}:{port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def handle(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        form: dict[str, str],
        headers: dict[str, str],
    ) -> Answer:
        """One request; `path` is relative to the issuer."""
        headers = {name.lower(): value for name, value in headers.items()}
        routes = {
            ("GET", "/.well-known/openid-configuration"): lambda: _json(200, self.discovery()),
            ("GET", "/jwks"): lambda: _json(200, self.jwks()),
            ("GET", "/authorize"): lambda: self.authorize_page(query),
            ("POST", "/authorize"): lambda: self.authorize_decision(form),
            ("POST", "/token"): lambda: self.token(form, headers.get("authorization", "")),
            ("GET", "/userinfo"): lambda: self.userinfo(headers.get("authorization", "")),
        }
        route = routes.get((method, path))
        return route() if route else _json(404, {"error": "not_found"})

    # --- Metadata --------------------------------------------------------------------

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "profile", "address", "phone"],
        }

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.key.as_dict(private=False, use="sig", alg="RS256")]}

    # --- Authorization endpoint -----------------------------------------------------

    def _authorize_error(self, params: dict[str, str]) -> str | None:
        """Why the request is refused outright (an unknown client or a
        redirect URI it never registered: never redirect there)."""
        if params.get("client_id") != self.client_id:
            return "unknown client"
        if params.get("redirect_uri") not in self.redirect_uris:
            return "redirect_uri not registered"
        return None

    def _redirect_error(self, params: dict[str, str]) -> str | None:
        if params.get("response_type") != "code":
            return "unsupported_response_type"
        if "openid" not in params.get("scope", "").split():
            return "invalid_scope"
        if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
            return "invalid_request"  # PKCE S256 is required
        return None

    def authorize_page(self, params: dict[str, str]) -> Answer:
        refusal = self._authorize_error(params)
        if refusal:
            return Answer(400, refusal.encode(), "text/plain; charset=utf-8")
        error = self._redirect_error(params)
        if error:
            return self._back(params, {"error": error})
        return Answer(200, self._choice_page(params).encode(), "text/html; charset=utf-8")

    def _choice_page(self, params: dict[str, str]) -> str:
        kept = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in params.items()
            if k != "person"
        )
        choices = "".join(
            f'<p><label><input type="radio" name="person" value="{p.key}"'
            f"{' checked' if i == 0 else ''}> {html.escape(p.claims['name'])}"
            f" ({html.escape(p.claims['birthdate'])})</label></p>"
            for i, p in enumerate(self.people)
        )
        return (
            '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>VNeID (giả lập)</title></head><body>"
            "<h1>VNeID (giả lập để thử nghiệm)</h1>"
            "<p>Máy chủ định danh giả lập: chọn người đăng nhập.</p>"
            f'<form method="post" action="{html.escape(self.issuer)}/authorize">{kept}'
            f"<fieldset><legend>Người đăng nhập</legend>{choices}</fieldset>"
            '<button type="submit" name="decision" value="allow">Đồng ý và đăng nhập</button> '
            '<button type="submit" name="decision" value="deny">Từ chối</button>'
            "</form></body></html>"
        )

    def _back(self, params: dict[str, str], answer: dict[str, str]) -> Answer:
        if params.get("state"):
            answer["state"] = params["state"]
        answer["iss"] = self.issuer
        return Answer(302, location=f"{params['redirect_uri']}?{urlencode(answer)}")

    def authorize_decision(self, form: dict[str, str]) -> Answer:
        refusal = self._authorize_error(form)
        if refusal:
            return Answer(400, refusal.encode(), "text/plain; charset=utf-8")
        error = self._redirect_error(form)
        person = next((p for p in self.people if p.key == form.get("person")), None)
        if error or person is None or form.get("decision") != "allow":
            return self._back(form, {"error": error or "access_denied"})
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._grants[code] = Grant(
                client_id=self.client_id,
                redirect_uri=form["redirect_uri"],
                code_challenge=form["code_challenge"],
                nonce=form.get("nonce", ""),
                scope=form.get("scope", ""),
                person=person,
                expires_at=time.time() + CODE_LIFETIME,
            )
        return self._back(form, {"code": code})

    # --- Token endpoint --------------------------------------------------------------

    def _client_authenticated(self, form: dict[str, str], authorization: str) -> bool:
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        if authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:]).decode()
            except ValueError:
                return False
            client_id, _, secret = decoded.partition(":")
        return hmac.compare_digest(client_id, self.client_id) and hmac.compare_digest(
            secret, self.client_secret
        )

    def token(self, form: dict[str, str], authorization: str) -> Answer:
        if not self._client_authenticated(form, authorization):
            return _json(401, {"error": "invalid_client"}, **{"WWW-Authenticate": "Basic"})
        if form.get("grant_type") != "authorization_code":
            return _json(400, {"error": "unsupported_grant_type"})
        code = form.get("code", "")
        with self._lock:
            grant = self._grants.get(code)
            refusal = self._grant_refusal(grant, form)
            if grant is not None and grant.used:
                # A replayed code: refused, and what it gave is revoked (RFC 6749 §4.1.2).
                for token in grant.access_tokens:
                    self._tokens.pop(token, None)
            if refusal:
                self.refused.append(refusal)
                return _json(400, {"error": "invalid_grant", "error_description": refusal})
            assert grant is not None
            grant.used = True
            self.redeemed.append(code)
            access_token = secrets.token_urlsafe(32)
            grant.access_tokens.append(access_token)
            self._tokens[access_token] = (grant.person, time.time() + TOKEN_LIFETIME)
        return _json(
            200,
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": TOKEN_LIFETIME,
                "scope": grant.scope,
                "id_token": self.id_token(grant),
            },
        )

    def _grant_refusal(self, grant: Grant | None, form: dict[str, str]) -> str | None:
        if grant is None:
            return "unknown code"
        if grant.used:
            return "code already used"
        if grant.expires_at < time.time():
            return "code expired"
        if form.get("redirect_uri") != grant.redirect_uri:
            return "redirect_uri does not match"
        verifier = form.get("code_verifier", "")
        challenge = _b64url(hashlib.sha256(verifier.encode()).digest())
        if not verifier or not hmac.compare_digest(challenge, grant.code_challenge):
            return "PKCE verification failed"
        return None

    def id_token(self, grant: Grant) -> str:
        now = int(time.time())
        if self.expired_id_tokens:
            now -= 3600
        claims = {
            "iss": self.issuer,
            "sub": grant.person.claims["sub"],
            "aud": self.client_id,
            "iat": now,
            "exp": now + TOKEN_LIFETIME,
            "auth_time": now,
            **{name: grant.person.claims[name] for name in ID_TOKEN_CLAIMS},
        }
        if grant.nonce:
            claims["nonce"] = grant.nonce
        key = self.rogue_key if self.rogue_signature else self.key
        return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    # --- Userinfo endpoint -----------------------------------------------------------

    def userinfo(self, authorization: str) -> Answer:
        token = authorization[7:] if authorization.lower().startswith("bearer ") else ""
        with self._lock:
            person, expires_at = self._tokens.get(token, (None, 0.0))
        if person is None or expires_at < time.time():
            return _json(401, {"error": "invalid_token"}, **{"WWW-Authenticate": "Bearer"})
        return _json(200, dict(person.claims))


# --- The demo's provider, served by Django (demo/urls.py) ------------------------------

DEMO_CLIENT_ID = "dichvucong-demo"
_demo_providers: dict[str, StandIn] = {}
_demo_lock = threading.Lock()


def demo_provider(issuer: str, redirect_uri: str, client_secret: str) -> StandIn:
    """One provider per address the demo is reached at (127.0.0.1 or
    localhost give different issuers), kept for the life of the process."""
    with _demo_lock:
        provider = _demo_providers.get(issuer)
        if provider is None:
            provider = StandIn(DEMO_CLIENT_ID, client_secret, [redirect_uri], issuer=issuer)
            _demo_providers[issuer] = provider
        return provider
