"""Junk posted to any of the applicant's forms gets a page or a redirect,
never a server error."""

from __future__ import annotations

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import logged_in, tmp_media, url  # noqa: F401

GROUP_SCHEMA = [
    {
        "title": "Thông tin",
        "fields": [
            {"name": "home", "label": "Nơi ở", "type": "address", "required": True},
            {"name": "born", "label": "Ngày sinh", "type": "date", "max": "today"},
            {
                "name": "kids",
                "label": "Con",
                "type": "group",
                "max": 2,
                "fields": [
                    {"name": "name", "label": "Tên", "type": "text", "required": True},
                    {"name": "born", "label": "Ngày sinh", "type": "date"},
                    {"name": "home", "label": "Nơi ở", "type": "address"},
                ],
            },
        ],
    }
]

JUNK = [
    {},
    {"action": "zzz", "row": "explode", "ward": "abc", "delivery": "rocket"},
    {"row": "add:kids", "kids-rows": "99999999999999999999"},
    {"row": "remove:kids:999", "kids-rows": "-3"},
    {"row": "remove:kids:x:y:z", "kids-0-name": "a" * 5000},
    {"row": "add:", "home-ward": "1' OR 1=1", "home-group": "999999", "born": "99/99/9999"},
    {
        "action": "next",
        "born": "01/01/0001",
        "home-street": "\u202e" * 300,
        "kids-rows": "2",
        "kids-1-home-group": "-1",
        "kids-1-born": "32/13/2020",
    },
    {
        "remove": "not-a-uuid",
        "code": "x" * 500,
        "factor": "\x00",
        "reason": "r" * 9000,
        "confirm": "maybe",
        "note": "n" * 9000,
        "delivery_address": "a" * 1000,
    },
]


@pytest.fixture
def draft(cast):  # type: ignore[no-untyped-def]
    cast.procedure.form_schema = [*cast.procedure.form_schema, *GROUP_SCHEMA]
    cast.procedure.save()
    return start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)


@pytest.mark.parametrize("data", JUNK)
def test_junk_on_the_submission_pages(cast, client, draft, data) -> None:  # type: ignore[no-untyped-def]
    logged_in(client, cast.applicant)
    paths = [
        "/ho-so/nop/1.001193/",
        url("step", draft, 1),
        url("step", draft, 2),
        url("step", draft, 3),
        url("documents", draft),
        url("review", draft),
    ]
    for path in paths:
        assert client.post(path, data).status_code < 500, path
    for path in (url("step", draft, 0), url("step", draft, 99)):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize("data", JUNK)
def test_junk_on_a_submitted_dossier(cast, client, data) -> None:  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    logged_in(client, cast.applicant)
    for path in (
        url("withdraw", dossier),
        url("supplement", dossier),
        url("detail", dossier),
        url("step", dossier, 1),
        url("discard", dossier),
    ):
        assert client.post(path, data).status_code < 500, path


@pytest.mark.parametrize("data", JUNK)
def test_junk_on_the_public_lookup(client, db, data) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/tra-cuu/", data).status_code < 500
    assert client.get("/tra-cuu/", {"ma": "x" * 5000}).status_code == 200


def test_the_other_pages_answer_bad_page_numbers_and_codes(cast, client) -> None:
    logged_in(client, cast.applicant)
    assert client.get("/ho-so/", {"trang": "-1x"}).status_code == 200
    assert client.get("/ho-so/nop/khong-co/").status_code == 404
