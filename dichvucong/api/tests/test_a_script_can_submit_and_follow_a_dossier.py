"""The whole journey through HTTP only, as an integrator's script would do
it: the applicant logs in on the web page and works with the session and
its CSRF token; the ward's one-stop office, leader and specialist work
with their API keys."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from dichvucong.api.tests.helpers import API, Key, Keys, at, send
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, Cast, pdf_upload


def _logged_in_applicant(cast: Cast) -> tuple[Client, dict[str, str]]:
    client = Client(enforce_csrf_checks=True)
    client.get("/tai-khoan/dang-nhap/")
    response = client.post(
        "/tai-khoan/dang-nhap/",
        {
            "username": cast.applicant.username,
            "password": "matkhau-demo-1",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302
    assert client.get(f"{API}/applicant/me").json()["username"] == cast.applicant.username
    return client, {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}


def _find_procedure(client: Client) -> dict[str, Any]:
    found = client.get(f"{API}/catalogue/procedures", {"q": "dang ky khai sinh"}).json()
    code = next(item["code"] for item in found["items"] if item["name"] == "Đăng ký khai sinh")
    return client.get(f"{API}/catalogue/procedures/{code}").json()


def _submit(client: Client, csrf: dict[str, str], procedure: dict[str, Any]) -> dict[str, Any]:
    created = send(client, "POST", "/applicant/dossiers", {"procedure": procedure["code"]}, **csrf)
    assert created.status_code == 201, created.content
    url = f"/applicant/dossiers/{created.json()['id']}"
    saved = send(client, "PUT", f"{url}/form", {"data": BIRTH_FORM_DATA}, **csrf)
    assert saved.status_code == 200, saved.content
    document = next(doc["id"] for doc in procedure["documents"] if doc["required"])
    uploaded = client.post(
        f"{API}{url}/attachments", {"file": pdf_upload(), "document": document}, **csrf
    )
    assert uploaded.status_code == 201, uploaded.content
    submitted = send(client, "POST", f"{url}/submit", **csrf)
    assert submitted.status_code == 200, submitted.content
    return submitted.json()


def _act(key: Key, dossier_id: str, action: str, data: dict[str, Any] | None = None) -> int:
    response = send(
        Client(), "POST", f"/staff/dossiers/{dossier_id}/{action}", data or {}, **key.headers
    )
    assert response.status_code == 200, response.content
    return int(response.json()["status"])


def _office_handles(keys: Keys, code: str) -> None:
    office = Client()
    listed = office.get(f"{API}/staff/dossiers", {"code": code}, **keys.receptionist_a.headers)
    dossier_id = listed.json()["items"][0]["id"]
    assert _act(keys.receptionist_a, dossier_id, "accept") == 2
    specialists = office.get(
        f"{API}/staff/dossiers/{dossier_id}/specialists", **keys.leader_a.headers
    ).json()
    assert keys.specialist_a.user.username in [s["username"] for s in specialists]
    assign = {"specialist": keys.specialist_a.user.username}
    assert _act(keys.leader_a, dossier_id, "assign", assign) == 4
    assert _act(keys.specialist_a, dossier_id, "forward", {"opinion": "Đủ điều kiện"}) == 4
    assert _act(keys.leader_a, dossier_id, "approve") == 9
    assert _act(keys.receptionist_a, dossier_id, "return") == 10


def test_a_script_can_submit_and_follow_a_dossier(cast: Cast, keys: Keys) -> None:
    with time_machine.travel(at(2026, 12, 1), tick=False):
        client, csrf = _logged_in_applicant(cast)
        procedure = _find_procedure(client)
        submitted = _submit(client, csrf, procedure)
        assert submitted["status"] == 1 and submitted["code"].startswith("T.KM-261201-")
        _office_handles(keys, submitted["code"])
        followed = client.get(f"{API}/applicant/dossiers/{submitted['id']}").json()
    assert followed["status"] == 10
    assert followed["status_label"] == "Đã trả kết quả"
    texts = [moment["text"] for moment in followed["timeline"]]
    assert texts[0] == "Hồ sơ đã được nộp trực tuyến."
    assert texts[-1] == "Đã trả kết quả."
    assert any(text.startswith("Hồ sơ đã được tiếp nhận.") for text in texts)
