"""The forms an ambassador and a receptionist fill say what to type, with
an example, instead of "Vui lòng nhập thông tin này"."""

from __future__ import annotations

import pytest

from dichvucong.backoffice.forms import AcceptForm
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import tmp_media  # noqa: F401
from dichvucong.outreach.views.assisted import AssistedStartForm, CodeForm

pytestmark = pytest.mark.django_db


def test_the_confirmation_code_form_gives_an_example():
    assert CodeForm({"code": ""}).errors["code"] == [
        "Nhập mã xác nhận 6 chữ số người nộp nhận được, ví dụ 123456."
    ]
    assert CodeForm({"code": "12ab"}).errors["code"] == ["Mã xác nhận gồm 6 chữ số. Ví dụ: 123456."]


def test_the_assisted_start_form_says_what_to_type_for_the_applicant(hc, ambassador):
    form = AssistedStartForm({}, procedure=hc.cast.procedure, user=hc.helper, ambassador=ambassador)
    errors = form.errors
    assert errors["full_name"] == [
        "Nhập họ và tên người nộp như trên thẻ căn cước, ví dụ Nguyễn Văn Bình."
    ]
    assert "ví dụ 001090012345" in errors["id_number"][0]
    assert errors["agreed"] == ["Đánh dấu ô này khi người nộp đã nhờ bạn khai giúp."]


def test_reception_typing_a_fee_in_words_is_told_to_type_digits(cast):
    dossier = make_dossier(cast)
    # The catalogue has no amount for it: reception types one.
    dossier.fee_amount = None
    form = AcceptForm({"fee_amount": "tám nghìn"}, dossier=dossier)
    assert form.errors["fee_amount"] == [
        "Nhập số tiền lệ phí chỉ gồm chữ số, ví dụ 8000; nhập 0 nếu miễn."
    ]
