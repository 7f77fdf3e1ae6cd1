"""Staff actions that are not dossier events are recorded too, from the
page they were sent to: a consent recorded by a school coordinator, a
pupil's data erased (leaving the name nowhere in the trail), pupils'
logins issued, a petition answered. A fee taken at the counter is a
dossier event with its address."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS, everything_kept
from dichvucong.feedback.tests.helpers import petition
from dichvucong.lib.text import fold
from dichvucong.outreach.models import Pupil
from dichvucong.outreach.tests.ambassador_setup import consent, slips_on
from dichvucong.outreach.tests.cast import OutreachCast, add_pupil, make_outreach_cast
from dichvucong.payments.tests.helpers import awaiting_payment

PUPIL = "Trần Thu Hà"


@pytest.fixture
def oc(db, settings, tmp_path) -> OutreachCast:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_outreach_cast()


def _sent(view: str) -> AuditEntry:
    [entry] = AuditEntry.objects.filter(action=Action.STAFF_ACTION, detail__view=view)
    return entry


def test_a_consent_recorded_by_a_school_coordinator(client, oc):
    pupil = add_pupil(oc.class_a, PUPIL)
    login_verified(client, oc.coordinator_a)
    data = {"giver": "guardian", "given": "yes", "method": "paper"}
    client.post(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/dong-y/", data, **FROM_ADDRESS)
    entry = _sent("outreach:consent_record")
    assert (entry.actor, entry.address) == (oc.coordinator_a, ADDRESS)
    assert entry.target == f"pk={pupil.pk}"
    assert entry.detail["status"] == 302


def test_a_pupils_erasure_is_recorded_and_the_name_stays_out_of_the_trail(client, oc):
    pupil = add_pupil(oc.class_a, PUPIL)
    login_verified(client, oc.coordinator_a)
    client.post(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/xoa/", {"confirm": "yes"}, **FROM_ADDRESS)
    assert Pupil.objects.get(pk=pupil.pk).is_erased
    assert _sent("outreach:pupil_erase").target == f"pk={pupil.pk}"
    kept = everything_kept()
    assert PUPIL not in kept and fold(PUPIL) not in fold(kept)


def test_pupils_logins_issued_and_a_password_replaced_keep_no_password(client, oc):
    pupil = add_pupil(oc.class_a, PUPIL)
    consent(pupil, oc.coordinator_a)
    Pupil.objects.filter(pk=pupil.pk).update(ambassador_group=oc.group_a)
    login_verified(client, oc.coordinator_a)
    issued = client.post(f"/tuyen-truyen/lop/{oc.class_a.pk}/cap-tai-khoan/", **FROM_ADDRESS)
    assert _sent("outreach:class_logins").address == ADDRESS
    # A lost slip: a new password from the pupil's page.
    again = client.post(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/tai-khoan/", **FROM_ADDRESS)
    [entry] = AuditEntry.objects.filter(action=Action.PASSWORD)
    assert (entry.actor, entry.address) == (oc.coordinator_a, ADDRESS)
    assert entry.what == "Đặt mật khẩu cho tài khoản khác"
    assert entry.target.startswith("hs.")
    passwords = [slips_on(r.content.decode()) for r in (issued, again)]
    assert all(passwords)
    kept = everything_kept()
    assert not any(p in kept for slip in passwords for p in slip.values())


def test_a_petition_answered(client, cast):
    found, _code = petition(cast.agency_a)
    login_verified(client, cast.specialist_a)
    url = reverse("feedback:manage_detail", args=[found.public_id])
    client.post(url, {"action": "answer", "answer": "Đã xử lý."}, **FROM_ADDRESS)
    entry = _sent("feedback:manage_detail")
    assert (entry.actor, entry.address) == (cast.specialist_a, ADDRESS)
    assert entry.target == f"public_id={found.public_id}"
    assert entry.detail["button"] == "answer"
    assert "Đã xử lý." not in everything_kept()  # what was typed is not the trail's


def test_a_fee_taken_at_the_counter(client, cast):
    dossier = awaiting_payment(cast)
    login_verified(client, cast.receptionist_a)
    client.post(reverse("payments:counter", args=[dossier.public_id]), **FROM_ADDRESS)
    dossier.refresh_from_db()
    entry = AuditEntry.objects.filter(action=Action.STAFF_ACTION, target=dossier.code).first()
    assert entry is not None and entry.address == ADDRESS
    assert (entry.actor, entry.detail["to"]) == (cast.receptionist_a, dossier.status)
