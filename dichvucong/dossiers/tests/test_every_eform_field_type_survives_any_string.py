"""Every e-form field type, given any string through the web page, answers
with a message next to the field or keeps a clean value: never a server
error, never a value the database, the fee or a slip cannot take."""

from __future__ import annotations

import pytest

from dichvucong.dossiers import eforms, submission
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.tests.helpers import logged_in, tmp_media, url  # noqa: F401
from dichvucong.dossiers.tests.hostile_strings import HOSTILE_STRINGS, SCHEMA, is_clean, web_keys

IDS = [repr(s[:12]) + (f"…{len(s)}" if len(s) > 12 else "") for s in HOSTILE_STRINGS]


@pytest.fixture
def draft(cast):  # type: ignore[no-untyped-def]
    cast.procedure.form_schema = SCHEMA
    cast.procedure.save()
    return start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)


def posted(value: str) -> dict[str, str]:
    return {**dict.fromkeys(web_keys(), value), "group_f-rows": "1"}


@pytest.mark.parametrize("value", HOSTILE_STRINGS, ids=IDS)
@pytest.mark.parametrize("partial", [True, False], ids=["save", "next"])
def test_each_field_has_a_message_or_a_clean_value(db, value: str, partial: bool) -> None:
    form = eforms.step_form(SCHEMA, 1, posted(value), partial=partial)
    values = form.values()
    for entry in form.entries:
        name = entry.spec["name"]
        failed = [n for n in entry.names if n in form.errors]
        if failed:
            assert all(str(m) for n in failed for m in form.errors[n]), name
            assert name not in values
        else:
            assert is_clean(values[name]), (name, values[name])


@pytest.mark.parametrize("value", HOSTILE_STRINGS, ids=IDS)
def test_the_step_page_saves_or_explains_and_the_draft_stays_usable(
    cast, client, draft, value: str
) -> None:
    logged_in(client, cast.applicant)
    for action in ("save", "next"):
        response = client.post(url("step", draft, 1), {**posted(value), "action": action})
        assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert is_clean(draft.form_data)
    assert client.get(url("review", draft)).status_code == 200
    assert isinstance(submission.submission_problems(draft), list)
