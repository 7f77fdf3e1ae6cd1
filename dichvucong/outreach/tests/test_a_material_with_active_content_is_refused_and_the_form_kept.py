"""Campaign materials go through the same upload rule as dossier files: a
PDF with a script, an HTML page renamed .pdf or a double extension is
refused next to the file field, with the title and description kept and
no material created; a real PDF is taken."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.accounts.testing import login_verified
from dichvucong.lib.tests import hostile_files as corpus
from dichvucong.outreach.models import Material, MaterialVersion


def _post(client, oc, name: str, content: bytes, declared: str = "application/pdf"):
    return client.post(
        f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/tai-lieu/them/",
        {
            "title": "Hướng dẫn nộp hồ sơ trực tuyến",
            "kind": "guide",
            "description": "Dành cho học sinh lớp 8",
            "file": SimpleUploadedFile(name, content, content_type=declared),
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("huong-dan.pdf", corpus.OPEN_ACTION_JS_IN_OBJECT_STREAM, "Tệp PDF có chứa mã lệnh"),
        ("huong-dan.pdf", corpus.EMBEDDED_FILE, "Tệp PDF có tệp khác đính kèm bên trong"),
        ("huong-dan.pdf", corpus.HTML, "Tệp là một trang web (HTML)"),
        ("huong-dan.pdf.html", corpus.document(), "Tên tệp có hai đuôi"),
        ("anh.svg", corpus.SVG, "Tệp là ảnh SVG"),
    ],
    ids=["javascript", "embedded-file", "html", "double-extension", "svg"],
)
def test_a_hostile_material_is_refused_and_the_form_kept(oc, client, name, content, message):
    login_verified(client, oc.education)
    response = _post(client, oc, name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Hướng dẫn nộp hồ sơ trực tuyến"' in html
    assert "Dành cho học sinh lớp 8</textarea>" in html
    assert not Material.objects.exists() and not MaterialVersion.objects.exists()


def test_a_real_pdf_and_a_real_slide_deck_are_taken(oc, client):
    login_verified(client, oc.education)
    assert _post(client, oc, "huong-dan.pdf", corpus.document()).status_code == 302
    version = MaterialVersion.objects.get()
    assert (version.original_name, version.content_type) == ("huong-dan.pdf", "application/pdf")
