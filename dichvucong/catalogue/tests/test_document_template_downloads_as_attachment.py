from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.catalogue.models import RequiredDocument
from dichvucong.catalogue.tests.sample_catalogue import BIRTH_FORM_BYTES


def template_url(document: RequiredDocument) -> str:
    return reverse("catalogue:document_template", args=[document.procedure.code, document.pk])


def test_form_downloads_as_an_attachment(catalogue_sample, client):
    response = client.get(template_url(catalogue_sample.birth_form))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "to-khai-khai-sinh" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == BIRTH_FORM_BYTES


def test_detail_page_links_the_form(catalogue_sample, client):
    body = client.get(reverse("catalogue:detail", args=["1.001193"])).content.decode()
    assert f'href="{template_url(catalogue_sample.birth_form)}"' in body
    assert body.count("Tải mẫu đơn, tờ khai") == 1


def test_document_without_file_is_not_found(catalogue_sample, client):
    document = catalogue_sample.birth.documents.get(name="Giấy chứng sinh")
    assert client.get(template_url(document)).status_code == 404


def test_document_of_another_procedure_is_not_found(catalogue_sample, client):
    url = reverse("catalogue:document_template", args=["1.000894", catalogue_sample.birth_form.pk])
    assert client.get(url).status_code == 404


def test_level_1_procedure_offers_no_download(catalogue_sample, client):
    permit = catalogue_sample.building_permit
    document = RequiredDocument(procedure=permit, name="Đơn đề nghị cấp giấy phép xây dựng")
    document.template.save("don-xin-phep.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    assert permit.online_level == OnlineLevel.INFORMATION
    body = client.get(reverse("catalogue:detail", args=[permit.code])).content.decode()
    assert "Tải mẫu đơn, tờ khai" not in body
    assert client.get(template_url(document)).status_code == 404


def test_missing_file_on_disk_is_not_found(catalogue_sample, client):
    catalogue_sample.birth_form.template.storage.delete(catalogue_sample.birth_form.template.name)
    assert client.get(template_url(catalogue_sample.birth_form)).status_code == 404
