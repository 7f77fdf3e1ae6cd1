from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.accounts.testing import login_verified
from dichvucong.lib.tests.hostile_files import document
from dichvucong.outreach.models import Material, MaterialVersion

V1 = document(b"/Lang (vi) % phien ban 1\n")
V2 = document(b"/Lang (vi) % phien ban thu hai\n")


def pdf(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _create(client, oc, content=V1, name="huong-dan.pdf"):
    return client.post(
        f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/tai-lieu/them/",
        {
            "title": "Tài liệu hướng dẫn",
            "kind": "guide",
            "note": "Bản đầu",
            "file": pdf(name, content),
        },
    )


def test_each_upload_is_a_new_version_and_the_latest_is_downloaded(oc, client):
    login_verified(client, oc.education)
    assert _create(client, oc).status_code == 302
    material = Material.objects.get()
    client.post(
        f"/tuyen-truyen/tai-lieu/{material.pk}/",
        {"file": pdf("huong-dan-v2.pdf", V2), "note": "Sửa mục 3"},
    )
    assert list(material.versions.values_list("number", "size")) == [(2, len(V2)), (1, len(V1))]

    latest = client.get(f"/tuyen-truyen/tai-lieu/{material.pk}/tai-ve/")
    assert b"".join(latest.streaming_content) == V2
    assert latest["Content-Disposition"].startswith("attachment")
    assert "huong-dan-v2.pdf" in latest["Content-Disposition"]
    assert latest["Cache-Control"] == "private, no-store"
    first = material.versions.get(number=1)
    older = client.get(f"/tuyen-truyen/tai-lieu/phien-ban/{first.pk}/tai-ve/")
    assert b"".join(older.streaming_content) == V1


def test_the_material_page_shows_versions_with_their_size(oc, client):
    login_verified(client, oc.education)
    _create(client, oc)
    html = client.get(f"/tuyen-truyen/tai-lieu/{Material.objects.get().pk}/").content.decode()
    assert "huong-dan.pdf" in html and f"{len(V1)}\xa0byte" in html


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(oc, client):
    login_verified(client, oc.education)
    response = _create(client, oc, content=b"MZ\x90\x00 not a pdf", name="virus.pdf")
    assert response.status_code == 200
    assert not Material.objects.exists() and not MaterialVersion.objects.exists()


def test_schools_download_but_only_the_education_office_uploads(oc, client):
    login_verified(client, oc.education)
    _create(client, oc)
    material = Material.objects.get()
    login_verified(client, oc.coordinator_a)
    assert client.get(f"/tuyen-truyen/tai-lieu/{material.pk}/tai-ve/").status_code == 200
    response = client.post(f"/tuyen-truyen/tai-lieu/{material.pk}/", {"file": pdf("x.pdf", V2)})
    assert response.status_code == 403
    assert material.versions.count() == 1


def test_files_are_stored_under_generated_names(oc, client):
    login_verified(client, oc.education)
    _create(client, oc)
    version = MaterialVersion.objects.get()
    assert "huong-dan" not in version.file.name
    assert version.original_name == "huong-dan.pdf"
