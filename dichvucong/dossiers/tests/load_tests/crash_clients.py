"""Citizens in processes of their own who keep going while the server is
killed under them: each request is sent again until it is answered, as a
phone's browser or an integration would after a dropped connection. Creates
carry an Idempotency-Key and submitting is idempotent, so a request sent
again never makes a second dossier.

No Django here: these processes only speak HTTP."""

from __future__ import annotations

import time
import uuid
from typing import Any

import requests

from dichvucong.dossiers.tests.load_tests.clients import TOKEN, pdf_bytes, sha256

API = "/api/v1/applicant"
GIVE_UP_SECONDS = 180


class Unanswered(Exception):
    pass


class Patient:
    """Sends a request again after a dropped connection or a 502/503, until
    it gets an answer. Any 500 is recorded: it must never happen."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.server_errors: list[str] = []

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while time.monotonic() < deadline:
            try:
                response = self.session.request(method, self.base + path, timeout=30, **kwargs)
            except requests.RequestException:
                time.sleep(0.2)
                continue
            if response.status_code == 500:
                self.server_errors.append(f"{method} {path}")
            if response.status_code in (502, 503):
                time.sleep(0.2)
                continue
            return response
        raise Unanswered(f"{method} {path}")

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"X-CSRFToken": self.session.cookies.get("csrftoken", ""),
                   **kwargs.pop("headers", {})}
        return self.call(method, API + path, headers=headers, **kwargs)

    def log_in(self, login: str, password: str) -> None:
        token = TOKEN.search(self.call("GET", "/tai-khoan/dang-nhap/").text)
        assert token
        self.call("POST", "/tai-khoan/dang-nhap/", allow_redirects=False,
                  data={"csrfmiddlewaretoken": token.group(1), "username": login,
                        "password": password},
                  headers={"Referer": self.base + "/tai-khoan/dang-nhap/"})


def one_dossier(client: Patient, procedure: str, document: int, form: dict[str, Any],
                label: str) -> dict[str, Any]:
    """Create, fill, upload two files, submit: what the client was told."""
    created = client.api("POST", "/dossiers", json={"procedure": procedure},
                         headers={"Idempotency-Key": str(uuid.uuid4())})
    public_id = created.json()["id"]
    client.api("PUT", f"/dossiers/{public_id}/form", json={"data": form})
    told = []
    for number, kind in enumerate((document, None)):
        content = pdf_bytes(f"{label}-{number}")
        data = {"document": str(kind)} if kind else {}
        answer = client.api("POST", f"/dossiers/{public_id}/attachments", data=data,
                            files={"file": ("giay-to.pdf", content, "application/pdf")})
        if answer.status_code == 201:
            told.append(sha256(content))
    submitted = client.api("POST", f"/dossiers/{public_id}/submit")
    code = submitted.json().get("code") if submitted.status_code == 200 else None
    return {"id": public_id, "code": code, "files": told}


def citizen_process(base: str, login: str, password: str, procedure: str, document: int,
                    form: dict[str, Any], count: int) -> dict[str, Any]:
    """One process: log in, then `count` dossiers one after another."""
    client = Patient(base)
    client.log_in(login, password)
    dossiers = [one_dossier(client, procedure, document, form, f"{login}-{n}")
                for n in range(count)]
    return {"dossiers": dossiers, "server_errors": client.server_errors}
