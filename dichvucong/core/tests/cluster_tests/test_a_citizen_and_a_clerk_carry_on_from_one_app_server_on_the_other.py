"""Two application servers on different ports share PostgreSQL, Redis, a
Celery worker and object storage, started as `make demo-cluster` starts
them (bench/cluster.py) with the production settings, DEBUG off. A citizen
logs in on one and carries on on the other with the same cookie, starts a
dossier and uploads a file on one, submits on the other; both servers show
the dossier and hand out the file, which is in the bucket and on no local
disk; the open data counts it (read through the alias "replica"); a clerk
logs in with the second factor on one and works on the other; the worker
sends the submission's messages.

Needs PostgreSQL (the servers share the test database), Redis
(CELERY_TEST_BROKER_URL, also the cache and sessions unless
CLUSTER_TEST_REDIS_URL names another) and moto."""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from bench import cluster
from dichvucong.accounts.two_factor import APP_DEVICE_NAME
from dichvucong.demo.guide import current_code
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, Cast, make_cast
from dichvucong.dossiers.tests.load_tests import server as load_server
from dichvucong.dossiers.tests.load_tests.clients import TOKEN, pdf_bytes
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage

BROKER_URL = os.environ.get("CELERY_TEST_BROKER_URL", "")
REDIS_URL = os.environ.get("CLUSTER_TEST_REDIS_URL", "") or BROKER_URL
PASSWORD = "matkhau-demo-1"  # the cast's (dossiers/testing.py)
API = "/api/v1/applicant"
WAIT_SECONDS = 60


@dataclass
class Cluster:
    one: str
    two: str
    shared: cluster.Shared

    @property
    def worker_log(self) -> Path:
        return self.shared.data_dir / "celery-worker.log"


@pytest.fixture
def running_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cluster]:
    if connection.vendor != "postgresql":
        pytest.skip("the servers share only a PostgreSQL test database")
    if not BROKER_URL:
        pytest.skip("set CELERY_TEST_BROKER_URL (e.g. redis://127.0.0.1:6379/3) to run it")
    pytest.importorskip("moto.server")
    pytest.importorskip("storages")
    s3, endpoint = cluster.start_s3()
    queue = f"dcv-cluster-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("CLUSTER_CELERY_QUEUE", queue)
    # Plain static names: no collectstatic (5 s) for files this test never asks for.
    monkeypatch.setenv("STATIC_MANIFEST", "false")
    database = load_server.test_database_url()
    shared = cluster.Shared(
        database_url=database,
        replica_url=database,  # reports read through the alias "replica"
        redis_url=REDIS_URL,
        broker_url=BROKER_URL,
        s3_endpoint=endpoint,
        bucket=f"dichvucong-{uuid.uuid4().hex[:12]}",
        data_dir=tmp_path,
        settings_module="dichvucong.core.tests.cluster_tests.cluster_settings",
    )
    try:
        cluster.make_bucket(endpoint, shared.bucket)
        with cluster.running(
            shared, [load_server.free_port(), load_server.free_port()], 2, tmp_path, queue
        ) as urls:
            yield Cluster(*urls, shared)
    finally:
        _delete_queue(queue)
        s3.stop()


def _delete_queue(queue: str) -> None:
    """Leave the broker as we found it: no queue, no binding."""
    from kombu import Connection, Exchange, Queue

    with Connection(BROKER_URL) as broker:
        bound = Queue(queue, Exchange(queue), routing_key=queue)(broker.default_channel)
        bound.declare()
        bound.delete()
        bound.exchange.delete()


class Browser:
    """One person's cookies, sent to whichever server is named: as a
    browser behind a load balancer, one jar for the site."""

    def __init__(self) -> None:
        self.session = requests.Session()

    def get(self, url: str) -> requests.Response:
        return self.session.get(url, timeout=30)

    def post(self, url: str, **kwargs: object) -> requests.Response:
        token = {"X-CSRFToken": self.session.cookies.get("csrftoken", "")}
        return self.session.post(url, headers=token, timeout=30, **kwargs)  # type: ignore[arg-type]

    def log_in(self, server: str, login: str) -> requests.Response:
        token = TOKEN.search(self.get(f"{server}/tai-khoan/dang-nhap/").text)
        assert token, "no CSRF token on the login page"
        form = {"csrfmiddlewaretoken": token.group(1), "username": login, "password": PASSWORD}
        return self.post(f"{server}/tai-khoan/dang-nhap/", data=form, allow_redirects=False)


def _start_and_upload(citizen: Browser, server: str, cast: Cast) -> tuple[str, str]:
    """A draft with its form and its required file: (dossier id, file id)."""
    draft = citizen.post(f"{server}{API}/dossiers", json={"procedure": cast.procedure.code})
    assert draft.status_code == 201, draft.text
    dossier = draft.json()["id"]
    form = citizen.session.put(
        f"{server}{API}/dossiers/{dossier}/form",
        json={"data": dict(BIRTH_FORM_DATA)},
        headers={"X-CSRFToken": citizen.session.cookies.get("csrftoken", "")},
        timeout=30,
    )
    assert form.status_code == 200, form.text
    document = cast.procedure.documents.get(required=True).pk
    upload = citizen.post(
        f"{server}{API}/dossiers/{dossier}/attachments",
        data={"document": str(document)},
        files={"file": ("giay-chung-sinh.pdf", pdf_bytes("cluster"), "application/pdf")},
    )
    assert upload.status_code == 201, upload.text
    return dossier, upload.json()[0]["id"]


def _wait_until_sent(dossier: Dossier, worker_log: Path) -> list[OutboxMessage]:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        messages = list(OutboxMessage.objects.filter(dossier=dossier))
        if messages and all(m.status == MessageStatus.SENT for m in messages):
            return messages
        if time.monotonic() > deadline:
            log = worker_log.read_text(errors="replace")[-3000:]
            pytest.fail(f"not sent: {[m.status for m in messages]}; worker log:\n{log}")
        time.sleep(0.25)


def _citizen_submits_across_servers(one: str, two: str, cast: Cast) -> tuple[str, str, str]:
    """Logs in on one, carries on on two; (dossier id, file id, code)."""
    citizen = Browser()
    assert citizen.log_in(one, cast.applicant.username).status_code == 302
    me = citizen.get(f"{two}{API}/me")
    assert me.status_code == 200 and me.json()["username"] == cast.applicant.username
    public_id, file_id = _start_and_upload(citizen, one, cast)
    submitted = citizen.post(f"{two}{API}/dossiers/{public_id}/submit")
    assert submitted.status_code == 200, submitted.text
    code = submitted.json()["code"]
    assert code and code in citizen.get(f"{one}/ho-so/{public_id}/").text
    for server in (one, two):
        assert citizen.get(f"{server}/ho-so/tep/{file_id}/").content == pdf_bytes("cluster")
    figures = citizen.get(f"{one}/du-lieu-mo/thong-ke.json")  # read through the replica alias
    assert sum(row["tiep_nhan"] for row in figures.json()["du_lieu"]) == 1
    return public_id, file_id, code


def _clerk_works_across_servers(
    one: str, two: str, cast: Cast, submitted: tuple[str, str, str]
) -> None:
    """Password and second factor on two, the dossier and its file on one."""
    public_id, file_id, code = submitted
    device = TOTPDevice.objects.create(
        user=cast.receptionist_a, name=APP_DEVICE_NAME, confirmed=True
    )
    clerk = Browser()
    assert clerk.log_in(two, cast.receptionist_a.username).status_code == 302
    token = clerk.session.cookies["csrftoken"]
    verified = clerk.post(
        f"{two}/tai-khoan/xac-thuc/",
        data={"csrfmiddlewaretoken": token, "code": current_code(device)},
        allow_redirects=False,
    )
    assert verified.status_code == 302, verified.text
    page = clerk.get(f"{one}/mot-cua/ho-so/{public_id}/")
    assert page.status_code == 200 and code in page.text
    assert clerk.get(f"{one}/ho-so/tep/{file_id}/").content == pdf_bytes("cluster")


@pytest.mark.postgres_only
@pytest.mark.celery
@pytest.mark.s3
@pytest.mark.django_db(transaction=True)
def test_a_citizen_and_a_clerk_carry_on_from_one_app_server_on_the_other(
    running_cluster: Cluster,
) -> None:
    one, two = running_cluster.one, running_cluster.two
    cast = make_cast()
    submitted = _citizen_submits_across_servers(one, two, cast)
    _clerk_works_across_servers(one, two, cast, submitted)

    dossier = Dossier.objects.get(public_id=submitted[0])
    stored = Attachment.objects.get(dossier=dossier).file.name
    assert stored in _bucket_names(running_cluster.shared)
    assert not (running_cluster.shared.data_dir / "media").exists(), "a file went to local disk"
    _wait_until_sent(dossier, running_cluster.worker_log)
    assert re.search(r"SMS to 09xx\*+", running_cluster.worker_log.read_text(errors="replace"))


def _bucket_names(shared: cluster.Shared) -> set[str]:
    """The stored objects, read straight from the bucket, named as the app names them."""
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=shared.s3_endpoint,
        region_name=cluster.S3_REGION,
        aws_access_key_id=cluster.S3_KEY,
        aws_secret_access_key=cluster.S3_SECRET,
    )
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=shared.bucket)
    keys = {item["Key"] for page in pages for item in page.get("Contents", [])}
    return {key.removeprefix(f"{cluster.S3_PREFIX}/") for key in keys}
