"""The applicant reads the SMS code to the helper, who types it in: the
dossier is submitted by the applicant, records its helper, gets one code;
the confirmation, the household and an event noting the help (naming the
pupil by pseudonym) are stored with it; the one-time code is spent."""

from __future__ import annotations

from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import assisted
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    helper_url,
    ready_draft,
    send_code_on_page,
    text,
)


def test_the_right_code_submits_the_dossier_with_the_helper_recorded(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    response = send_code_on_page(client, dossier)
    assert response.url == helper_url("assisted_code", dossier)
    page = text(client.get(response.url))
    assert "09xx***456" in page and "Còn 5 lần nhập." in page
    phone, _sms = sent_sms[-1]
    assert phone == "0977123456"
    code = last_code(sent_sms)

    response = client.post(helper_url("assisted_code", dossier), {"code": code})
    assert response.url == helper_url("assisted_status", dossier)
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED and dossier.code
    assert dossier.helper == hc.helper
    submit, note = dossier.events.order_by("seq")
    assert (submit.to_status, submit.actor) == (Status.SUBMITTED, dossier.applicant)
    assert note.kind == EventKind.NOTE and note.actor == hc.helper
    ambassador = AssistedSubmission.objects.get(dossier=dossier).ambassador_id
    assert note.data == {
        "assisted": True,
        "helper": hc.helper.pk,
        "ambassador": ambassador,
        "channel": "sms",
    }
    # The log is never erased: it names the pupil by pseudonym only.
    assert f"Đại sứ số #{hc.helper.pk}" in note.reason and "Trần Thu Hà" not in note.reason
    record = AssistedSubmission.objects.get(dossier=dossier)
    assert record.confirmed_at is not None and record.channel == "sms"
    assert record.code_hash == ""
    assert record.household_key == f"u:{dossier.applicant_id}"
    assert f"Mã hồ sơ là {dossier.code}" in text(client.get(response.url))

    # A second click, or the same code again: still one dossier with one code.
    first_code = dossier.code
    response = client.post(helper_url("assisted_code", dossier), {"code": code})
    assert response.url == helper_url("assisted_status", dossier)
    again = assisted.confirm_by_code(dossier, hc.helper, code)
    assert again.code == first_code
    assert Dossier.objects.filter(code__isnull=False).count() == 1
    assert dossier.events.count() == 2
