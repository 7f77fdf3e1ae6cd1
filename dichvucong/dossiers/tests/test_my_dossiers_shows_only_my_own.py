"""An applicant sees and opens only their own dossiers; another's id, or a
made-up one, answers 404 on every page."""

from __future__ import annotations

import uuid

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier, make_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


def test_the_list_holds_my_dossiers_with_code_status_and_due_date(cast, client) -> None:
    mine = make_dossier(cast, Status.ACCEPTED)
    theirs = make_draft(cast, applicant=cast.other_applicant, agency=cast.agency_b)
    logged_in(client, cast.applicant)
    html = page_text(client.get("/ho-so/"))
    assert mine.code in html
    assert "Được tiếp nhận" in html
    assert mine.due_date.strftime("%d/%m/%Y") in html
    assert str(theirs.public_id) not in html


def test_an_anonymous_visitor_is_sent_to_log_in_and_back(client) -> None:
    response = client.get("/ho-so/")
    assert response.status_code == 302
    assert response.url.startswith("/tai-khoan/dang-nhap/?next=/ho-so/")


@pytest.mark.parametrize("page", ["detail", "review", "documents", "discard"])
def test_another_applicants_dossier_is_not_found(cast, client, page: str) -> None:
    theirs = make_draft(cast, applicant=cast.other_applicant, agency=cast.agency_b)
    logged_in(client, cast.applicant)
    assert client.get(url(page, theirs)).status_code == 404
    assert client.post(url(page, theirs)).status_code == 404


def test_made_up_ids_are_not_found(cast, client) -> None:
    logged_in(client, cast.applicant)
    made_up = uuid.uuid4()
    for path in (
        f"/ho-so/{made_up}/",
        f"/ho-so/{made_up}/buoc/1/",
        f"/ho-so/{made_up}/rut/",
        f"/ho-so/{made_up}/bo-sung/",
        f"/ho-so/tep/{made_up}/",
    ):
        assert client.post(path).status_code == 404, path
