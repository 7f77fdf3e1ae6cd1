"""Issue 12, point 5: the applicant's code goes only to the phone of their
own account once its holder confirmed it (or the counter checked it);
never to a phone the helper typed. A new applicant's draft can still be
prepared; the applicant confirms it by logging in after confirming their
own phone, or after the counter checked their ID card. Typed phones of a
guardian on the roster, of the helper, or of another account are refused,
each with a sentence saying why."""

from __future__ import annotations

import pytest

from dichvucong.accounts import counter, phone_confirmation
from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.submission import AssuranceTooLow
from dichvucong.outreach import assisted
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    NEIGHBOUR,
    helper_url,
    ready_draft,
    send_code_on_page,
    start_on_page,
    text,
)

MADE_UP = assisted.ApplicantDetails(
    full_name="Đỗ Văn Tư", id_number="001085099001", phone="0966000111"
)


def _with_phone(phone: str) -> assisted.ApplicantDetails:
    return assisted.ApplicantDetails(MADE_UP.full_name, MADE_UP.id_number, phone=phone)


def test_a_new_applicants_draft_is_prepared_but_no_code_goes_to_the_typed_phone(
    hc, client, sent_sms
):
    dossier = ready_draft(hc, MADE_UP)
    profile = CitizenProfile.objects.get(id_number=MADE_UP.id_number)
    assert profile.assurance == AssuranceLevel.SELF_DECLARED
    client.force_login(hc.helper)
    response = send_code_on_page(client, dossier)
    assert sent_sms == []
    page = text(client.get(response.url))
    assert "chưa có tài khoản đã xác nhận số điện thoại" in page
    assert "Bộ phận Một cửa" in page and "Nộp hồ sơ</button>" not in page
    with pytest.raises(assisted.AssistRefused):
        assisted.send_code(dossier, hc.helper, "email")
    assert Dossier.objects.get(pk=dossier.pk).status == Status.DRAFT


def test_the_code_goes_to_the_accounts_confirmed_phone_not_the_one_typed(hc, client, sent_sms):
    typed = assisted.ApplicantDetails(NEIGHBOUR.full_name, NEIGHBOUR.id_number, phone="0966000222")
    dossier = ready_draft(hc, typed)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    assert [phone for phone, _text in sent_sms] == ["0977123456"]


@pytest.mark.parametrize(
    ("phone", "why"),
    [
        ("0903123456", "phụ huynh một học sinh trong danh sách"),  # the cast's guardians
        ("0977123456", "đã là số của một tài khoản khác"),  # Lan's own account
        ("0988777666", "số điện thoại (hoặc thư điện tử) của chính bạn"),  # the helper's
    ],
)
def test_a_typed_phone_that_is_not_the_applicants_is_refused_in_plain_words(hc, client, phone, why):
    CitizenProfile.objects.create(user=hc.helper, id_number="001205000777", phone="0988777666")
    client.force_login(hc.helper)
    response = start_on_page(client, hc, _with_phone(phone))
    assert response.status_code == 200 and why in text(response)
    assert not User.objects.filter(username=MADE_UP.id_number).exists()
    assert not Dossier.objects.filter(helper=hc.helper).exists()


def test_a_new_applicant_confirms_by_logging_in_after_confirming_their_own_phone(hc, sent_sms):
    dossier = ready_draft(hc, MADE_UP)
    applicant = User.objects.get(username=MADE_UP.id_number)
    with pytest.raises(AssuranceTooLow):
        assisted.confirm_by_login(dossier, applicant)
    phone_confirmation.send_code(applicant)
    phone_confirmation.confirm(applicant, last_code(sent_sms))
    submitted = assisted.confirm_by_login(dossier, applicant)
    assert submitted.status == Status.SUBMITTED
    note = submitted.events.order_by("seq").last()
    assert note.data["channel"] == "login" and note.actor == applicant


def test_after_the_counter_checked_the_id_card_the_code_goes_to_the_applicant(hc, client, sent_sms):
    dossier = ready_draft(hc, MADE_UP)
    profile = counter.find_citizen(MADE_UP.id_number)
    counter.verify_holder(hc.cast.receptionist_a, profile)
    client.force_login(hc.helper)
    response = send_code_on_page(client, dossier)
    assert [phone for phone, _text in sent_sms] == [MADE_UP.phone]
    client.post(helper_url("assisted_code", dossier), {"code": last_code(sent_sms)})
    assert Dossier.objects.get(pk=dossier.pk).status == Status.SUBMITTED
    assert response.status_code == 302
