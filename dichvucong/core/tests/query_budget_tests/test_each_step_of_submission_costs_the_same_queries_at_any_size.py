"""Each request of the submission journey (start → form steps → files →
check → submit) costs the same queries for an applicant with a few
dossiers as for one with many, in a district with many more."""

from __future__ import annotations

import uuid
from typing import Any

from dichvucong.core.tests.query_budget_tests.sizes import (
    drafts,
    grow,
    logged_in,
    queries,
    small,
)
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, pdf_upload
from dichvucong.dossiers.views.apply import RECENT_DRAFTS

START = "/ho-so/nop/1.001193/"
# The dearest request is the submission itself, 27 today: session, user,
# profile, the draft locked, the code's daily sequence, the event, the
# dossier's update, the notification rows, inside savepoints, and the kept
# statistics (reports/tally: one read, the entries, the dossier's tally).
# +2 at submission: the notice shown, recorded with the dossier (privacy/);
# +1: the agency handling the procedure today for the applicant's place;
# +1: the residential group the dossier is submitted from (dossiers.places)
BUDGET = 32

STEP_FIELDS = (
    ("child_name", "birth_date", "sex"),
    ("declarant_name", "declarant_id", "declarant_phone", "copies"),
)


def _journey(client: Any, cast: Any) -> list[tuple[str, int]]:
    """Every request of one submission, with the queries it made."""
    costs = []

    def call(name: str, method: str, url: str, data: Any = None) -> Any:
        count, response = queries(client, method, url, data)
        assert response.status_code in (200, 302), (name, response.status_code)
        costs.append((name, count))
        return response

    call("start", "get", START)
    key = uuid.uuid4().hex
    call(
        "start-post",
        "post",
        START,
        {"ward": cast.ward_a.pk, "delivery": "counter", "creation_key": key},
    )
    draft = Dossier.objects.get(creation_key=key)
    base = f"/ho-so/{draft.public_id}/"
    for number, fields in enumerate(STEP_FIELDS, start=1):
        call(f"step-{number}", "get", f"{base}buoc/{number}/")
        answers = {name: BIRTH_FORM_DATA[name] for name in fields}
        call(f"step-{number}-post", "post", f"{base}buoc/{number}/", {**answers, "action": "next"})
    document = cast.procedure.documents.get(required=True)
    call("files", "get", f"{base}giay-to/")
    upload = {f"doc-{document.pk}": pdf_upload(), "action": "next"}
    call("files-post", "post", f"{base}giay-to/", upload)
    call("review", "get", f"{base}kiem-tra/")
    call("submit", "post", f"{base}kiem-tra/")
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    call("dossier", "get", f"{base}")
    return costs


def test_each_step_of_submission_costs_the_same_queries_at_any_size(client, cast) -> None:
    data = small(cast)
    logged_in(client, cast.applicant)
    few = _journey(client, cast)
    grow(data)
    many = _journey(client, cast)
    print(f"submission: {few} / {many}")
    assert few == many
    assert max(count for _name, count in many) <= BUDGET


def test_the_start_page_offers_the_latest_drafts_and_leads_to_the_rest(client, cast) -> None:
    drafts(cast, 30)
    page = logged_in(client, cast.applicant).get(START)
    assert len(page.context["drafts"]) == RECENT_DRAFTS and page.context["more_drafts"]
    assert page.content.decode().count("Làm tiếp bản nháp") == RECENT_DRAFTS
    assert 'href="/ho-so/#ban-nhap"' in page.content.decode()
