"""HTTP clients that behave as the people of a one-stop office do, for the
load and crash tests: citizens through the web log-in and the applicant
API, staff through their agency's API keys. Every response is recorded so
a test can assert that none was a server error."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

API = "/api/v1"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Ledger:
    """What every client saw, shared by all threads."""

    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, method: str, path: str, response: requests.Response) -> None:
        with self.lock:
            self.statuses[response.status_code] += 1
            if response.status_code >= 500:
                text = response.text[:300]
                self.failures.append(f"{method} {path}: {response.status_code} {text}")

    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


class Http:
    """A requests session that records each answer in the ledger."""

    def __init__(self, base: str, ledger: Ledger) -> None:
        self.base, self.ledger = base, ledger
        self.session = requests.Session()

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", 120)
        response = self.session.request(method, self.base + path, **kwargs)
        self.ledger.note(method, path, response)
        return response

    def csrf(self) -> str:
        return self.session.cookies.get("csrftoken", "")


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def pdf_bytes(label: str) -> bytes:
    """A small, valid, distinct PDF per file, so files can be told apart."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        + f"% {label}\n".encode()
        + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


@dataclass
class Citizen:
    http: Http
    login_name: str
    password: str
    # public_id -> sha256 of every file this citizen was told was stored
    files: dict[str, list[str]] = field(default_factory=dict)

    def log_in(self) -> None:
        page = self.http.call("GET", "/tai-khoan/dang-nhap/")
        token = TOKEN.search(page.text)
        assert token, "no CSRF token on the login page"
        answer = self.http.call(
            "POST", "/tai-khoan/dang-nhap/",
            data={"csrfmiddlewaretoken": token.group(1), "username": self.login_name,
                  "password": self.password},
            headers={"Referer": self.http.base + "/tai-khoan/dang-nhap/"},
            allow_redirects=False,
        )
        assert answer.status_code == 302, f"log-in failed: {answer.status_code}"

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"X-CSRFToken": self.http.csrf(), **kwargs.pop("headers", {})}
        return self.http.call(method, API + "/applicant" + path, headers=headers, **kwargs)

    def create_draft(self, procedure: str, key: str) -> requests.Response:
        return self.api("POST", "/dossiers", json={"procedure": procedure},
                        headers={"Idempotency-Key": key})

    def upload(self, public_id: str, document: int | None, content: bytes) -> requests.Response:
        data = {"document": str(document)} if document else {}
        answer = self.api("POST", f"/dossiers/{public_id}/attachments", data=data,
                          files={"file": ("giay-to.pdf", content, "application/pdf")})
        if answer.status_code == 201:
            self.files.setdefault(public_id, []).append(sha256(content))
        return answer

    def status_of(self, public_id: str) -> dict[str, Any]:
        answer = self.api("GET", f"/dossiers/{public_id}")
        return answer.json() if answer.status_code == 200 else {}

    def pay(self, public_id: str) -> None:
        """Through the sandbox gateway, as a browser would: the order page,
        then the bank's answer, which notifies the office server-to-server."""
        page = self.http.call("GET", f"/thanh-toan/ho-so/{public_id}/")
        token = TOKEN.search(page.text)
        if not token:
            return
        start = self.http.call("POST", f"/thanh-toan/ho-so/{public_id}/",
                               data={"csrfmiddlewaretoken": token.group(1)},
                               headers={"Referer": self.http.base}, allow_redirects=False)
        location = start.headers.get("Location", "")
        if "/thanh-toan/sandbox/" not in location:
            return
        order = dict(parse_qsl(urlsplit(location).query))
        bank = self.http.call("GET", "/thanh-toan/sandbox/", params=order)
        token = TOKEN.search(bank.text)
        if token:
            self.http.call("POST", "/thanh-toan/sandbox/",
                           data={**order, "code": "00", "csrfmiddlewaretoken": token.group(1)},
                           headers={"Referer": self.http.base}, allow_redirects=False)

    def supplement(self, public_id: str, content: bytes) -> requests.Response:
        page = self.http.call("GET", f"/ho-so/{public_id}/")
        token = TOKEN.search(page.text)
        answer = self.http.call(
            "POST", f"/ho-so/{public_id}/bo-sung/",
            data={"csrfmiddlewaretoken": token.group(1) if token else "", "action": "send",
                  "note": "Bổ sung giấy chứng sinh"},
            files={"files": ("bo-sung.pdf", content, "application/pdf")},
            headers={"Referer": self.http.base}, allow_redirects=False,
        )
        if answer.status_code == 302:
            self.files.setdefault(public_id, []).append(sha256(content))
        return answer


@dataclass
class Staff:
    """One agency's integration: a key per back-office role."""

    http: Http
    keys: dict[str, str]  # role -> secret
    specialist_login: str

    def call(self, role: str, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.keys[role]}"}
        return self.http.call(method, API + "/staff" + path, headers=headers, **kwargs)

    def listed(self, role: str, status: int) -> list[dict[str, Any]]:
        answer = self.call(role, "GET", "/dossiers", params={"status": status, "page_size": 100})
        return answer.json().get("items", []) if answer.status_code == 200 else []


def until(deadline: float, done: threading.Event, pause: float = 0.05) -> bool:
    """True while there is time left and the test has not said stop."""
    time.sleep(pause)
    return time.monotonic() < deadline and not done.is_set()
