"""The key paths of dichvucong, one locust user class each, for the load
benchmark (bench/load_bench.py runs them one at a time, headless).

Each simulated person comes through the reverse proxy production has: the
request says it arrived over HTTPS (X-Forwarded-Proto) from its own
address (X-Forwarded-For, a new one per request: a city's visitors, not
one machine that the per-address limits would rightly slow down).
Cookies are sent by hand: production marks them Secure, and the loopback
connection is plain HTTP. The people and ids come from the JSON file that
bench/load_prepare.py wrote (BENCH_STATE).
"""

from __future__ import annotations

import json
import os
import random
import uuid
from pathlib import Path
from typing import Any

from locust import FastHttpUser, constant, task

STATE: dict[str, Any] = json.loads(Path(os.environ["BENCH_STATE"]).read_text(encoding="utf-8"))
# A CSRF secret of the length Django accepts unmasked, in the cookie and in
# the form or header alike (what a browser holding the cookie sends).
CSRF = "benchbenchbenchbenchbenchbench12"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


HOSTS = [host for host in os.environ.get("BENCH_HOSTS", "").split(",") if host]


def address() -> str:
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


def multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple:
    """A multipart/form-data body (locust's fast client builds none)."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"'
        f"\r\nContent-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class Visitor(FastHttpUser):
    """Anonymous unless `who` names a session of the state file."""

    abstract = True
    wait_time = constant(0)
    who = ""

    def headers(self, **extra: str) -> dict[str, str]:
        cookie = f"csrftoken={CSRF}"
        if self.who:
            cookie += f"; sessionid={STATE[self.who]['session']}"
        origin = self.host.replace("http://", "https://")
        return {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": address(),
            "Cookie": cookie,
            "Origin": origin,
            "Referer": origin + "/",
            "Accept-Encoding": "gzip",
            **extra,
        }

    def url(self, path: str) -> str:
        """On a cluster (BENCH_HOSTS), each request to any app server."""
        return random.choice(HOSTS) + path if HOSTS else path

    def get(self, path: str, name: str | None = None) -> None:
        with self.client.get(
            self.url(path),
            headers=self.headers(),
            name=name or path,
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")


class Floor(Visitor):
    @task
    def healthz(self) -> None:
        self.get("/healthz")


class Home(Visitor):
    @task
    def home(self) -> None:
        self.get("/")


class Catalogue(Visitor):
    @task
    def catalogue(self) -> None:
        self.get("/thu-tuc/")


class CatalogueSearch(Visitor):
    WORDS = ("khai sinh", "kết hôn", "chứng thực", "hộ kinh doanh", "xây dựng", "cư trú")

    @task
    def search(self) -> None:
        self.get(f"/thu-tuc/?q={random.choice(self.WORDS)}", name="/thu-tuc/?q=")


class Procedure(Visitor):
    @task
    def procedure(self) -> None:
        self.get(f"/thu-tuc/{random.choice(STATE['procedures'])}/", name="/thu-tuc/<code>/")


class Lookup(Visitor):
    @task
    def lookup(self) -> None:
        pair = random.choice(STATE["lookups"])
        data = {"csrfmiddlewaretoken": CSRF, "code": pair["code"], "factor": pair["factor"]}
        with self.client.post(
            self.url("/tra-cuu/"),
            data=data,
            headers=self.headers(),
            name="/tra-cuu/ (POST)",
            catch_response=True,
        ) as answer:
            if answer.status_code != 200 or pair["code"] not in answer.text:
                answer.failure(f"{answer.status_code}: dossier not found")


class Statistics(Visitor):
    @task
    def statistics(self) -> None:
        self.get("/thong-ke/")


class OpenData(Visitor):
    @task
    def open_data(self) -> None:
        self.get("/du-lieu-mo/thong-ke.json")


class ApiCatalogue(Visitor):
    @task
    def api_catalogue(self) -> None:
        self.get("/api/v1/catalogue/procedures")


class MyDossiers(Visitor):
    who = "busiest"

    @task
    def mine(self) -> None:
        self.get("/ho-so/")


class MyDossier(Visitor):
    who = "busiest"

    @task
    def one(self) -> None:
        self.get(f"/ho-so/{random.choice(STATE['busiest_dossiers'])}/", name="/ho-so/<id>/")


class StaffHome(Visitor):
    who = "receptionist"

    @task
    def home(self) -> None:
        self.get("/mot-cua/")


class Queue(Visitor):
    who = "receptionist"
    FILTERS = ("?queue=new", "?queue=done&q=khai", "?queue=overdue", "?queue=done&page=2")

    @task
    def queue(self) -> None:
        self.get("/mot-cua/" + random.choice(self.FILTERS), name="/mot-cua/?filters")


class BackofficeDossier(Visitor):
    who = "receptionist"

    @task
    def dossier(self) -> None:
        public_id = random.choice(STATE["ward_dossiers"])
        self.get(f"/mot-cua/ho-so/{public_id}/", name="/mot-cua/ho-so/<id>/")


class Submission(Visitor):
    """Draft -> form -> file -> submit through the applicant API: one
    dossier per round, counted as "submitted" when the code comes back."""

    who = "citizen"

    def api(self, method: str, path: str, name: str, **kwargs: Any) -> Any:
        headers = self.headers(**{"X-CSRFToken": CSRF, **kwargs.pop("headers", {})})
        with self.client.request(
            method,
            self.url("/api/v1/applicant" + path),
            headers=headers,
            name=name,
            catch_response=True,
            **kwargs,
        ) as answer:
            if answer.status_code >= 300:
                answer.failure(f"{answer.status_code}: {answer.text[:200]}")
            return answer

    @task
    def submit(self) -> None:
        plan = STATE["submission"]
        draft = self.api(
            "POST",
            "/dossiers",
            "submission 1 draft",
            json={"procedure": plan["procedure"]},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        if draft.status_code != 201:
            return
        path = f"/dossiers/{draft.json()['id']}"
        self.api("PUT", path + "/form", "submission 2 form", json={"data": plan["form"]})
        for document in plan["documents"] or [None]:
            data = {"document": str(document)} if document else {}
            body, kind = multipart(data, "file", "giay-to.pdf", PDF)
            self.api(
                "POST",
                path + "/attachments",
                "submission 3 file",
                data=body,
                headers={"Content-Type": kind},
            )
        self.api("POST", path + "/submit", "submission 4 submit")


class YearEndReport(Visitor):
    who = "education"

    @task
    def report(self) -> None:
        self.get(
            f"/bao-cao-tuyen-truyen/chien-dich/{STATE['campaign']}/",
            name="/bao-cao-tuyen-truyen/chien-dich/<id>/",
        )


class YearEndReportXlsx(Visitor):
    who = "education"

    @task
    def xlsx(self) -> None:
        self.get(
            f"/bao-cao-tuyen-truyen/chien-dich/{STATE['campaign']}/bao-cao.xlsx",
            name="/bao-cao-tuyen-truyen/chien-dich/<id>/bao-cao.xlsx",
        )
