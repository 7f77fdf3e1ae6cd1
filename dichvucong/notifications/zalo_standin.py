"""A local stand-in for Zalo's ZNS and OAuth endpoints, for tests.

It speaks the protocol zalo.py's docstring describes, over real HTTP on
127.0.0.1, and keeps what it was asked: the sends it accepted, the refresh
tokens presented. It can refuse a phone, expire the access token once,
rotate refresh tokens (a reused one is refused, as Zalo does) and be down
(every answer a 503). Point ZALO_ZNS_URL and ZALO_OAUTH_URL at `zns_url`
and `oauth_url`.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

TOKEN_ERROR = -124
# Stand-in for "this phone cannot receive ZNS"; the real number is not
# verified (zalo.py treats every non-token error alike).
PHONE_ERROR = -108


@dataclass
class ZaloStandIn:
    app_id: str
    secret_key: str
    refresh_token: str
    refused_phones: set[str] = field(default_factory=set)
    down: bool = False
    # Seconds the OAuth endpoint takes to answer, so that concurrent
    # refreshes overlap in tests.
    refresh_delay: float = 0.0
    sent: list[dict[str, Any]] = field(default_factory=list)
    refreshes: list[str] = field(default_factory=list)
    access_token: str = ""
    spent: set[str] = field(default_factory=set)
    server: ThreadingHTTPServer | None = None
    # 0: any free port (tests); the demo's command gives a fixed one.
    port: int = 0
    # The demo's command prints each message taken, phone masked, and
    # takes any refresh token: the one the database kept from the last
    # run is unknown to a stand-in started afresh.
    echo: bool = False

    @property
    def zns_url(self) -> str:
        return f"{self._base}/message/template"

    @property
    def oauth_url(self) -> str:
        return f"{self._base}/v4/oa/access_token"

    @property
    def _base(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def expire_access_token(self) -> None:
        self.access_token = ""

    def start(self) -> ZaloStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length).decode()
                if standin.down:
                    self._answer(503, {"error": -1, "message": "Service Unavailable"})
                elif self.path == "/message/template":
                    self._answer(200, standin.template(self.headers.get("access_token", ""), body))
                elif self.path == "/v4/oa/access_token":
                    self._answer(200, standin.token(self.headers.get("secret_key", ""), body))
                else:
                    self._answer(404, {"error": -1, "message": "Not Found"})

            def _answer(self, status: int, answer: dict[str, Any]) -> None:
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # tests read what matters from the stand-in itself

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def template(self, access_token: str, body: str) -> dict[str, Any]:
        if not self.access_token or access_token != self.access_token:
            return {"error": TOKEN_ERROR, "message": "Access token is invalid"}
        request = json.loads(body)
        if request["phone"] in self.refused_phones:
            return {"error": PHONE_ERROR, "message": "Phone number is invalid"}
        self.sent.append(request)
        if self.echo:
            masked = request["phone"][:4] + "***" + request["phone"][-3:]
            print(f"ZNS -> {masked}: {request['template_id']} {request['template_data']}",
                  flush=True)
        return {"error": 0, "message": "Success", "data": {"msg_id": secrets.token_hex(8)}}

    def token(self, secret_key: str, body: str) -> dict[str, Any]:
        form = {name: values[0] for name, values in parse_qs(body).items()}
        presented = form.get("refresh_token", "")
        self.refreshes.append(presented)
        time.sleep(self.refresh_delay)
        valid = (
            secret_key == self.secret_key
            and form.get("app_id") == self.app_id
            and form.get("grant_type") == "refresh_token"
            and (self.echo or (presented == self.refresh_token and presented not in self.spent))
        )
        if not valid:
            return {"error": -14014, "error_name": "Invalid refresh token"}
        self.spent.add(presented)
        self.access_token = secrets.token_urlsafe(16)
        self.refresh_token = secrets.token_urlsafe(16)
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_in": "90000",
        }
