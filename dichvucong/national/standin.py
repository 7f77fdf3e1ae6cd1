"""A local stand-in for the national portal's integration endpoints, for
the tests and the demo (`manage.py dvcqg_standin`).

It speaks the protocol client.py describes over real HTTP on 127.0.0.1
and keeps what it was sent. It checks what the real portal would and
what our promises are:

- a session from the login is required (401 after `expire_sessions`);
- a message id already taken is not taken twice (`duplicates`);
- per dossier, messages must arrive in the order of their events: one
  with a lower event number than one already taken is recorded in
  `out_of_order`; the first message of a dossier must say
  isUpdating "False" and every later one "True" (`bad_updates`);
- it can be down (every answer a 503), fail the next N requests with a
  500, fail the messages of the dossiers in `failing_dossiers` with a
  500, refuse the procedure codes in `unknown_procedures` (error_code 3,
  a code of ours, not the portal's), and take a message but lose the
  answer (`lose_answers`: the connection is cut after it was recorded).
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

UNKNOWN_PROCEDURE = "3"


@dataclass
class PortalStandIn:
    username: str = "dichvucong"
    password: str = "demo-secret"
    host: str = "127.0.0.1"
    port: int = 0
    down: bool = False
    fail_next: int = 0
    lose_answers: int = 0
    unknown_procedures: set[str] = field(default_factory=set)
    # Dossier codes whose messages meet a 500, as a portal-side fault might.
    failing_dossiers: set[str] = field(default_factory=set)
    echo: bool = False
    accepted: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)
    bad_updates: list[str] = field(default_factory=list)
    logins: int = 0
    sessions: set[str] = field(default_factory=set)
    server: ThreadingHTTPServer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def sync_url(self) -> str:
        return f"{self.base_url}/api/dongbo"

    @property
    def auth_url(self) -> str:
        return f"{self.base_url}/api/xacthuc"

    def expire_sessions(self) -> None:
        self.sessions.clear()

    def taken(self, code: str) -> list[dict[str, Any]]:
        """The messages taken for one dossier, in the order they came."""
        return [entry for entry in self.accepted if entry["MaHoSo"] == code]

    def start(self) -> PortalStandIn:
        self.server = ThreadingHTTPServer((self.host, self.port), _handler(self))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # --- the two endpoints: (HTTP status, answer), or None to cut the line --

    def login(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if body.get("username") != self.username or body.get("password") != self.password:
            return 200, {"error_code": 1, "message": "Sai tài khoản hoặc mật khẩu"}
        session = secrets.token_urlsafe(16)
        with self.lock:
            self.logins += 1
            self.sessions.add(session)
        return 200, {"error_code": 0, "session": session}

    def sync(self, body: dict[str, Any], message_id: str) -> tuple[int, dict[str, Any]] | None:
        if body.get("session") not in self.sessions:
            return 401, {"error_code": "401", "message": "Phiên làm việc không hợp lệ"}
        data = (body.get("data") or [{}])[0]
        if data.get("MaHoSo") in self.failing_dossiers:
            return 500, {"error_code": "500", "message": "Lỗi xử lý hồ sơ"}
        if data.get("MaTTHC") in self.unknown_procedures:
            return 200, {"error_code": UNKNOWN_PROCEDURE, "message": "MaTTHC không tồn tại"}
        with self.lock:
            if any(entry["message_id"] == message_id for entry in self.accepted):
                self.duplicates.append(message_id)
                return 200, {"error_code": "0", "message": "Đã nhận trước đó"}
            self._check_order(data, message_id, body.get("isUpdating"))
            self.accepted.append(
                {
                    "message_id": message_id,
                    "madonvi": body.get("madonvi"),
                    "isUpdating": body.get("isUpdating"),
                    **data,
                }
            )
            if self.lose_answers > 0:
                self.lose_answers -= 1
                return None
        if self.echo:
            print(
                f"DVCQG stand-in: {message_id} TrangThaiHoSo={data.get('TrangThaiHoSo')} "
                f"NgayHenTra={data.get('NgayHenTra')}",
                flush=True,
            )
        return 200, {"error_code": "0", "message": "Thành công"}

    def _check_order(self, data: dict[str, Any], message_id: str, updating: Any) -> None:
        earlier = self.taken(data.get("MaHoSo", ""))
        seq = _seq(message_id)
        if any(_seq(entry["message_id"]) > seq for entry in earlier):
            self.out_of_order.append(message_id)
        if updating != ("True" if earlier else "False"):
            self.bad_updates.append(message_id)


def _seq(message_id: str) -> int:
    return int(message_id.rpartition(":")[2] or 0)


def _handler(standin: PortalStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            # For people watching the demo: what was taken so far.
            self._answer(200, {"accepted": standin.accepted, "duplicates": standin.duplicates})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            try:
                body = json.loads(self.rfile.read(length).decode())
            except ValueError:
                return self._answer(400, {"error_code": "400", "message": "JSON không hợp lệ"})
            outcome = self._outcome(body)
            if outcome is None:
                self.close_connection = True
                self.connection.shutdown(2)
                return None
            return self._answer(*outcome)

        def _outcome(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
            if standin.down:
                return 503, {"error_code": "503", "message": "Service Unavailable"}
            with standin.lock:
                failing = standin.fail_next > 0
                standin.fail_next -= failing
            if failing:
                return 500, {"error_code": "500", "message": "Internal Server Error"}
            if self.path == "/api/xacthuc":
                return standin.login(body)
            if self.path == "/api/dongbo":
                return standin.sync(body, self.headers.get("Idempotency-Key", ""))
            return 404, {"error_code": "404", "message": "Not Found"}

        def _answer(self, status: int, answer: dict[str, Any]) -> None:
            data = json.dumps(answer, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # tests read what matters from the stand-in itself

    return Handler
