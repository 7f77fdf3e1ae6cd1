"""The page shows the buttons that would work for this officer now."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.actions import _OFFERED, ACTIONS, SHOWN_IN_ORDER
from dichvucong.backoffice.tests.helpers import detail_url
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

FORWARDED = 44  # status 4 after the specialist forwarded it

CASES = [
    (Status.SUBMITTED, "receptionist_a", ["accept", "supplement", "refuse"]),
    (Status.SUBMITTED, "leader_a", []),
    (Status.SUBMITTED, "specialist_a", []),
    (Status.ACCEPTED, "receptionist_a", ["apologise"]),
    (Status.ACCEPTED, "leader_a", ["assign", "apologise"]),
    (Status.PROCESSING, "specialist_a", ["forward", "supplement"]),
    (Status.PROCESSING, "leader_a", ["assign", "stop", "apologise"]),
    (FORWARDED, "leader_a", ["approve", "assign", "send_back", "stop", "apologise"]),
    (FORWARDED, "specialist_a", ["supplement"]),
    (Status.SUPPLEMENT, "receptionist_a", []),
    (Status.RESOLVED, "receptionist_a", ["return"]),
    (Status.RESOLVED, "leader_a", []),
    (Status.REFUSED, "leader_a", []),
    (Status.RETURNED, "receptionist_a", []),
]


@pytest.mark.parametrize(("status", "who", "expected"), CASES)
def test_offered_actions(client, cast, status: int, who: str, expected: list[str]) -> None:
    dossier = make_dossier(cast, Status.PROCESSING if status == FORWARDED else status)
    if status == FORWARDED:
        lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    login_verified(client, getattr(cast, who))
    response = client.get(detail_url(dossier))
    assert [action.slug for action, _form in response.context["actions"]] == expected
    page = response.content.decode()
    for slug in expected:
        assert f"/{slug}/" in page
    if not expected:
        assert "Hiện không có việc nào bạn cần làm với hồ sơ này." in page


def test_assignment_lists_only_this_wards_specialists(client, cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    login_verified(client, cast.leader_a)
    page = client.get(detail_url(dossier)).content.decode()
    assert "Phạm Chuyên Viên" in page
    assert "Đỗ Chuyên Viên" not in page


def test_every_action_has_a_rule_for_when_to_offer_it() -> None:
    assert set(SHOWN_IN_ORDER) == set(ACTIONS) == set(_OFFERED)


def test_no_apology_is_offered_while_the_clock_is_stopped(client, cast) -> None:
    """Waiting for a supplement asked in processing, the dossier keeps its
    due date but its clock is stopped: lifecycle refuses slip 04 then, so
    the page must not offer it."""
    dossier = make_dossier(cast, Status.PROCESSING)
    lifecycle.request_supplement(dossier, cast.specialist_a, ["Bản sao giấy chứng sinh"])
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT and dossier.due_date is not None
    for who in ("leader_a", "receptionist_a"):
        login_verified(client, getattr(cast, who))
        response = client.get(detail_url(dossier))
        assert "apologise" not in [action.slug for action, _form in response.context["actions"]]
