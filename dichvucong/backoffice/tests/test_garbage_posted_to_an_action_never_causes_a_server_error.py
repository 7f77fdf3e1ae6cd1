"""Whatever is posted, an action answers with a message (302) or the form
with its errors (400), never a 500, and a refused post changes nothing."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.actions import ACTIONS
from dichvucong.backoffice.tests.helpers import post_action, snapshot
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

GARBAGE = [
    {},
    {"reason": "", "opinion": "", "new_date": "", "specialist": "", "documents": ""},
    {"reason": "x" * 5000, "opinion": "\x00", "note": "y" * 5000},
    {"specialist": "abc", "documents": ["x", "999999", "-1"], "new_date": "32/13/2026"},
    {"specialist": "999999", "new_date": "00/00/0000", "reason": "   "},
    {"new_date": "31/02/2026", "reason": "x", "documents": "1e9"},
    {"specialist": ["1", "2"], "new_date": "1/1/99999", "other": "\n" * 100},
]
STATUSES = [Status.SUBMITTED, Status.PROCESSING, Status.RESOLVED]
STAFF = ["receptionist_a", "specialist_a", "leader_a"]


@pytest.mark.parametrize("action", list(ACTIONS))
def test_garbage_gets_a_message_or_a_400(client, cast, action: str) -> None:
    dossiers = [make_dossier(cast, status) for status in STATUSES]
    for who in STAFF:
        login_verified(client, getattr(cast, who))
        for dossier in dossiers:
            for data in GARBAGE:
                before = snapshot(dossier)
                response = post_action(client, dossier, action, data)
                assert response.status_code in (302, 400), (who, dossier.status, data)
                if response.status_code == 400:
                    assert snapshot(dossier) == before


def test_assigning_a_specialist_of_another_ward_is_refused(client, cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    before = snapshot(dossier)
    login_verified(client, cast.leader_a)
    response = post_action(client, dossier, "assign", {"specialist": cast.specialist_b.pk})
    assert response.status_code == 400
    assert "Chưa thực hiện được “Phân công”" in response.content.decode()
    assert snapshot(dossier) == before


def test_a_refusal_without_a_reason_keeps_the_form_open_with_its_error(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    before = snapshot(dossier)
    login_verified(client, cast.receptionist_a)
    response = post_action(client, dossier, "refuse", {"reason": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert '<details class="bo-action danger" open>' in page
    assert snapshot(dossier) == before
