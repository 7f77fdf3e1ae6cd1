"""The fee is computed from the form's page and copy counts at submission.
A 40-digit count is refused by the e-form itself; the largest count it
takes still submits (the fee is then left for the receptionist to set)
and the dossier is accepted, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from dichvucong.dossiers import eforms, lifecycle, submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401

# The birth registration's own "copies" (at most 10) and a page count
# without a maximum, as a schema may well leave it.
PAGES = {"title": "Giấy tờ", "fields": [{"name": "pages", "label": "Số trang", "type": "number"}]}
PER_PAGE = {"kind": "per_page", "tiers": [{"from_page": 1, "amount": 2000}], "exemptions": []}


def test_a_forty_digit_count_is_refused_and_the_largest_taken_still_submits(cast, client):
    cast.procedure.form_schema = [*cast.procedure.form_schema, PAGES]
    cast.procedure.fee_rule = PER_PAGE
    cast.procedure.save()
    draft = make_draft(cast)
    draft.form_data["copies"] = 10
    draft.save()
    logged_in(client, cast.applicant)

    step = url("step", draft, 3)
    response = client.post(step, {"pages": "1" * 40, "action": "next"})
    assert "Nhập số không quá 999999999999999." in page_text(response)
    largest = str(eforms.NUMBER_LIMIT)
    assert client.post(step, {"pages": largest, "action": "next"}).status_code == 302

    draft.refresh_from_db()
    assert submission.submission_problems(draft) == []
    response = client.post(url("review", draft), follow=True)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.fee_amount is None
    dossier = lifecycle.accept(draft, cast.receptionist_a, fee_amount=50_000)
    assert dossier.fee_amount == 50_000
