from __future__ import annotations

import io
import json
import zipfile

from pypdf import PdfReader

from dichvucong.dossiers.testing import PDF_BYTES
from dichvucong.rights.tests.helpers import accepted_dossier, filed

PAGE = "/tai-khoan/du-lieu-cua-toi/"


def test_the_zip_holds_the_json_and_every_uploaded_file(client, cast):
    dossier = accepted_dossier(cast)
    filed(cast)
    client.force_login(cast.applicant)
    response = client.get(PAGE + "tai-ve.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("du-lieu.json"))
    assert data["account"]["id_number"] == cast.applicant.citizen.id_number
    assert [d["code"] for d in data["dossiers"]] == [dossier.code]
    assert data["dossiers"][0]["form_data"] == dossier.form_data
    assert data["files"][0]["name"] == dossier.attachments.get().original_name
    assert data["staff_actions"][0]["role"] == "Cán bộ Bộ phận Một cửa"
    assert data["requests"][0]["kind"] == "Chỉnh sửa dữ liệu"
    assert any(e["to_status"] == "Được tiếp nhận" for e in data["events"])
    files = [name for name in archive.namelist() if name.startswith("tep/")]
    assert len(files) == 1 and files[0].startswith(f"tep/{dossier.code}/")
    assert archive.read(files[0]) == PDF_BYTES


def test_the_pdf_is_readable_text_with_the_same_data(client, cast):
    dossier = accepted_dossier(cast)
    client.force_login(cast.applicant)
    response = client.get(PAGE + "ban-in.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "DỮ LIỆU CÁ NHÂN CỦA TÔI" in text
    assert cast.applicant.full_name in text
    assert dossier.code in text
    assert "Cán bộ Bộ phận Một cửa" in text
