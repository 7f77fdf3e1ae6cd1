"""Walks every outreach URL as each role. Citizens and staff without an
outreach role get 403 everywhere; anonymous visitors are sent to log in;
district leadership reads but never sees a pupil's name."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.testing import PDF_BYTES
from dichvucong.outreach import materials
from dichvucong.outreach.models import Material, RosterImport, TrainingSession
from dichvucong.outreach.tests.cast import add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUPIL_NAME = "Đoàn Khánh Vy"
E, L, C = "education", "leadership", "coordinator_a"

# (url template, {role: expected status}); roles not named get 200.
PAGES = [
    ("/tuyen-truyen/", {}),
    ("/tuyen-truyen/chien-dich/{campaign}/", {}),
    ("/tuyen-truyen/chien-dich/them/", {L: 403, C: 403}),
    ("/tuyen-truyen/chien-dich/{campaign}/sua/", {L: 403, C: 403}),
    ("/tuyen-truyen/chien-dich/{campaign}/lich/", {}),
    ("/tuyen-truyen/chien-dich/{campaign}/tai-lieu/them/", {L: 403, C: 403}),
    ("/tuyen-truyen/chien-dich/{campaign}/buoi/them/", {L: 403}),
    ("/tuyen-truyen/tai-lieu/{material}/", {}),
    ("/tuyen-truyen/tai-lieu/{material}/tai-ve/", {}),
    ("/tuyen-truyen/tai-lieu/phien-ban/{version}/tai-ve/", {}),
    ("/tuyen-truyen/buoi/{session}/", {}),
    ("/tuyen-truyen/buoi/{session}/sua/", {L: 403}),
    ("/tuyen-truyen/buoi/{session}/diem-danh/", {L: 404}),
    ("/tuyen-truyen/lop/", {}),
    ("/tuyen-truyen/lop/them/", {L: 403}),
    ("/tuyen-truyen/lop/{school_class}/", {L: 404}),
    ("/tuyen-truyen/hoc-sinh/{pupil}/", {L: 404}),
    ("/tuyen-truyen/nhap-danh-sach/", {L: 403}),
    ("/tuyen-truyen/nhap-danh-sach/mau.csv", {L: 403}),
    ("/tuyen-truyen/nhap-danh-sach/{roster_import}/", {L: 404}),
]


@pytest.fixture
def ids(oc) -> dict[str, int]:
    pupil = add_pupil(oc.class_a, PUPIL_NAME)
    session = TrainingSession.objects.create(
        campaign=oc.campaign,
        school=oc.school_a,
        place="Hội trường",
        starts_at=datetime(2017, 3, 2, 8, tzinfo=HANOI),
        ends_at=datetime(2017, 3, 2, 10, tzinfo=HANOI),
    )
    session.classes.set([oc.class_a])
    material = Material.objects.create(campaign=oc.campaign, title="Hướng dẫn", kind="guide")
    version = materials.add_version(material, ContentFile(PDF_BYTES, name="hd.pdf"))
    job = RosterImport.objects.create(
        uploaded_by=oc.coordinator_a,
        school=oc.school_a,
        school_year="2016-2017",
        original_name="a.csv",
    )
    return {
        "campaign": oc.campaign.pk,
        "material": material.pk,
        "version": version.pk,
        "session": session.pk,
        "school_class": oc.class_a.pk,
        "pupil": pupil.pk,
        "roster_import": job.pk,
    }


@pytest.mark.parametrize("role", [E, L, C])
def test_outreach_roles_get_the_expected_status_on_every_page(oc, ids, client, role):
    login_verified(client, getattr(oc, role))
    for template, expected in PAGES:
        url = template.format(**ids)
        response = client.get(url)
        assert response.status_code == expected.get(role, 200), url
        if role == L and response.status_code == 200 and "html" in response["Content-Type"]:
            assert PUPIL_NAME not in response.content.decode(), url


@pytest.mark.parametrize("role", ["citizen", "receptionist"])
def test_citizens_and_other_staff_get_403_everywhere(oc, ids, client, role):
    login_verified(client, getattr(oc, role))
    for template, _ in PAGES:
        url = template.format(**ids)
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code in (403, 405), url


def test_anonymous_visitors_are_sent_to_log_in(oc, ids, client):
    for template, _ in PAGES:
        response = client.get(template.format(**ids))
        assert response.status_code == 302
        assert "/tai-khoan/" in response["Location"]


def test_district_leadership_cannot_change_anything(oc, ids, client):
    login_verified(client, oc.leadership)
    posts = [
        "/tuyen-truyen/chien-dich/them/",
        "/tuyen-truyen/lop/them/",
        "/tuyen-truyen/nhap-danh-sach/",
        "/tuyen-truyen/chien-dich/{campaign}/buoi/them/",
        "/tuyen-truyen/tai-lieu/{material}/",
    ]
    for template in posts:
        assert client.post(template.format(**ids), {}).status_code == 403, template
    for template in (
        "/tuyen-truyen/hoc-sinh/{pupil}/xoa/",
        "/tuyen-truyen/hoc-sinh/{pupil}/dong-y/",
    ):
        assert client.post(template.format(**ids), {"confirm": "yes"}).status_code == 404
