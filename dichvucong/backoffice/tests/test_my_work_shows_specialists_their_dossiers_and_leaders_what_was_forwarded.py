"""The "Chỉ hồ sơ của tôi" box: a specialist's assigned dossiers; for a
leader, those a specialist forwarded for approval."""

from __future__ import annotations

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def _codes(client, **params) -> set[str]:  # type: ignore[no-untyped-def]
    response = client.get(QUEUES_URL, {"queue": "processing", **params})
    return {row.dossier.code for row in response.context["listing"].rows}


def test_my_work(client, cast) -> None:
    other = User.objects.create_user(
        username="chuyenvien.a2",
        password="x-pass-123",
        full_name="Ngô Chuyên Viên",
        kind=AccountKind.STAFF,
    )
    StaffRole.objects.create(user=other, role=Role.SPECIALIST, agency=cast.agency_a)
    mine = make_dossier(cast, Status.PROCESSING)
    forwarded = make_dossier(cast, Status.PROCESSING)
    lifecycle.forward(forwarded, cast.specialist_a, "Đủ điều kiện")
    theirs = make_dossier(cast, Status.PROCESSING)
    lifecycle.assign(theirs, cast.leader_a, other)
    waiting = make_dossier(cast, Status.ACCEPTED)

    login_verified(client, cast.specialist_a)
    assert _codes(client) == {mine.code, forwarded.code, theirs.code, waiting.code}
    assert _codes(client, mine="1") == {mine.code, forwarded.code}
    login_verified(client, cast.leader_a)
    assert _codes(client, mine="1") == {forwarded.code}
    login_verified(client, other)
    assert _codes(client, mine="1") == {theirs.code}


def test_reception_is_not_offered_the_box(client, cast) -> None:
    login_verified(client, cast.receptionist_a)
    response = client.get(QUEUES_URL)
    assert response.context["offers_mine"] is False
    assert 'name="mine"' not in response.content.decode()
