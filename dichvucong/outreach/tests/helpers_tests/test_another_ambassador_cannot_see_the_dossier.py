"""An ambassador of another group sees nothing of a dossier another
ambassador helps with, draft or submitted: not in their list, and 404 on
every page of it."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.outreach.tests.helpers_tests.steps import dossier_url, helper_url, ready_draft, text


def test_another_ambassador_cannot_see_the_dossier(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.other_helper)
    assert "Phạm Thị Lan" not in text(client.get(helper_url("assisted_list")))
    gets = [
        helper_url("assisted_status", dossier),
        helper_url("assisted_code", dossier),
        helper_url("assisted_cancel", dossier),
        dossier_url("review", dossier),
        dossier_url("step", dossier, 1),
        dossier_url("documents", dossier),
        reverse("dossiers:attachment", args=[dossier.attachments.get().public_id]),
    ]
    assert {url: client.get(url).status_code for url in gets} == dict.fromkeys(gets, 404)
    for url in (helper_url("assisted_send_code", dossier), helper_url("assisted_code", dossier)):
        assert client.post(url, {"channel": "sms", "code": "123456"}).status_code == 404
    assert sent_sms == []

    client.force_login(hc.helper)
    assert client.get(helper_url("assisted_status", dossier)).status_code == 200
