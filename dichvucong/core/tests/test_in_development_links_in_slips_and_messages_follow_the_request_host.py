"""In development (DEBUG on, SITE_URL unset) every link that leaves the
page follows the address the browser used: the receipt slip's QR code, the
e-mail and the SMS of a status change. With SITE_URL set, and for work
with no request (a Celery worker), SITE_URL is used."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import post_action
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.pdf import lookup_url, qr_png
from dichvucong.dossiers.slips.tests.pdftext import reader
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage
from dichvucong.public_url import public_url

HOST = "dvc.lan:8000"


@pytest.fixture
def development(settings):
    settings.DEBUG = True
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["dvc.lan", "testserver"]
    return settings


def test_the_email_and_sms_of_a_change_made_on_host_x_link_to_x(client, cast, development):
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    client.defaults["HTTP_HOST"] = HOST

    assert post_action(client, dossier, "accept").status_code == 302

    dossier.refresh_from_db()
    link = f"http://{HOST}/tra-cuu/?ma={dossier.code}"
    messages = OutboxMessage.objects.filter(dossier=dossier, dedupe_key__contains=":")
    bodies = {message.channel: message.body for message in messages.order_by("pk")}
    assert link in bodies[Channel.EMAIL]
    assert link in bodies[Channel.SMS]


def test_the_receipt_slips_qr_code_printed_on_host_x_leads_to_x(client, cast, development):
    dossier = make_dossier(cast, Status.ACCEPTED)
    login_verified(client, cast.receptionist_a)

    response = client.get(f"/phieu/{dossier.public_id}/01.pdf", HTTP_HOST=HOST)

    assert response.status_code == 200
    embedded = reader(response.content).pages[0].images[0].image.convert("L")
    wanted = Image.open(qr_png(f"http://{HOST}/tra-cuu/?ma={dossier.code}")).convert("L")
    assert ImageChops.difference(embedded, wanted).getbbox() is None


def test_a_set_site_url_wins_over_the_host(rf, development):
    development.SITE_URL = "https://dichvucong.example.vn"
    request = rf.get("/", HTTP_HOST=HOST)

    assert public_url("/tra-cuu/", request) == "https://dichvucong.example.vn/tra-cuu/"


def test_without_a_request_a_worker_uses_site_url(settings):
    settings.SITE_URL = "https://dichvucong.example.vn"

    assert lookup_url("X1") == "https://dichvucong.example.vn/tra-cuu/?ma=X1"


def test_in_production_the_host_header_never_makes_a_link(rf, settings):
    settings.DEBUG = False
    settings.SITE_URL = "https://dichvucong.example.vn"
    request = rf.get("/", HTTP_HOST="evil.example")

    assert public_url("/xac-thuc/", request) == "https://dichvucong.example.vn/xac-thuc/"
