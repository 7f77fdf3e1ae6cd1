"""After submission the helper sees the code, the procedure, the
applicant's name, the status and dates, and nothing else: the dossier's
page, its files, slips, result and draft pages are 404 to them."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers import lifecycle
from dichvucong.outreach import assisted
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.steps import dossier_url, helper_url, ready_draft, text

PRIVATE = ["Nguyễn Minh An", "001185012345", "0977123456", "giay-chung-sinh.pdf", "Khương Trung"]


def submitted(hc):  # type: ignore[no-untyped-def]
    dossier = ready_draft(hc)
    record = AssistedSubmission.objects.get(dossier=dossier)
    dossier = assisted.submit_confirmed(record, dossier.applicant, "login")
    return lifecycle.accept(dossier, hc.cast.receptionist_a)


def test_the_helper_sees_the_status_only(hc, client) -> None:
    dossier = submitted(hc)
    client.force_login(hc.helper)
    for page in (
        client.get(helper_url("assisted_list")),
        client.get(helper_url("assisted_status", dossier)),
    ):
        body = text(page)
        assert dossier.code in body
        assert "Đăng ký khai sinh" in body and "Phạm Thị Lan" in body
        assert "Được tiếp nhận" in body
        assert dossier.due_date.strftime("%d/%m/%Y") in body
        assert [item for item in PRIVATE if item in body] == []


def test_the_helper_gets_404_on_the_dossier_and_its_documents(hc, client) -> None:
    dossier = submitted(hc)
    attachment = dossier.attachments.get()
    client.force_login(hc.helper)
    urls = [
        dossier_url("detail", dossier),
        dossier_url("review", dossier),
        dossier_url("step", dossier, 1),
        dossier_url("documents", dossier),
        reverse("dossiers:attachment", args=[attachment.public_id]),
        reverse("slips:dossier_slip", args=[dossier.public_id, "01"]),
        reverse("results:download", args=[dossier.public_id]),
        helper_url("assisted_cancel", dossier),
    ]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 404)
    assert client.post(dossier_url("withdraw", dossier), {"confirm": "on"}).status_code == 404


def test_only_the_listed_columns_are_read_for_the_helper(hc) -> None:
    submitted(hc)
    (helped,) = assisted.helped_dossiers(hc.helper)
    assert not {"form_data", "attachments", "applicant_phone"} & set(vars(helped))
