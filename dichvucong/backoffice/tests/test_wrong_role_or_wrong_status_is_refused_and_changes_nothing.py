"""Whatever the page showed, the server asks lifecycle; a refusal comes
back as lifecycle's Vietnamese message and the dossier is untouched."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import detail_url, messages_of, post_action, snapshot
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

NO_RIGHT = "Bạn không có quyền thực hiện thao tác này với hồ sơ."
ONLY_ASSIGNEE = "Chỉ chuyên viên được phân công mới thực hiện được."


def _status(label: str) -> str:
    return f"Không thực hiện được: hồ sơ đang ở trạng thái “{label}”."


CASES = [
    # (status, who, action, data, message)
    (Status.SUBMITTED, "specialist_a", "accept", {}, NO_RIGHT),
    (Status.SUBMITTED, "leader_a", "refuse", {"reason": "x"}, NO_RIGHT),
    (Status.ACCEPTED, "receptionist_a", "accept", {}, _status("Được tiếp nhận")),
    (Status.ACCEPTED, "receptionist_a", "assign", {"specialist": "SPECIALIST"}, NO_RIGHT),
    (Status.PROCESSING, "leader_a", "forward", {"opinion": "x"}, ONLY_ASSIGNEE),
    (Status.PROCESSING, "leader_a", "approve", {}, "Chuyên viên chưa trình hồ sơ để phê duyệt."),
    (Status.PROCESSING, "receptionist_a", "approve", {}, NO_RIGHT),
    (Status.PROCESSING, "specialist_a", "stop", {"reason": "x"}, NO_RIGHT),
    (Status.PROCESSING, "receptionist_a", "return", {}, _status("Đang xử lý")),
    (Status.PROCESSING, "receptionist_a", "supplement", {"other": "x"}, ONLY_ASSIGNEE),
    (Status.REFUSED, "leader_a", "approve", {}, _status("Không được tiếp nhận")),
    (
        Status.REFUSED,
        "leader_a",
        "assign",
        {"specialist": "SPECIALIST"},
        _status("Không được tiếp nhận"),
    ),
    (Status.RESOLVED, "leader_a", "return", {}, NO_RIGHT),
    (Status.RESOLVED, "leader_a", "stop", {"reason": "x"}, _status("Đã xử lý xong")),
    (Status.RETURNED, "receptionist_a", "return", {}, _status("Đã trả kết quả")),
    (Status.WITHDRAWN, "receptionist_a", "accept", {}, _status("Công dân yêu cầu rút hồ sơ")),
    (Status.STOPPED, "leader_a", "approve", {}, _status("Dừng xử lý")),
    (Status.SUPPLEMENT, "receptionist_a", "refuse", {"reason": "x"}, _status("Yêu cầu bổ sung")),
]


@pytest.mark.parametrize(("status", "who", "action", "data", "message"), CASES)
def test_a_refused_action_shows_lifecycles_message_and_changes_nothing(
    client, cast, status, who, action, data, message
) -> None:  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast, status)
    if data.get("specialist") == "SPECIALIST":
        data = {"specialist": cast.specialist_a.pk}
    before = snapshot(dossier)
    login_verified(client, getattr(cast, who))
    response = post_action(client, dossier, action, data)
    assert response.status_code == 302
    assert response["Location"] == detail_url(dossier)
    assert messages_of(response) == [message]
    assert snapshot(dossier) == before


def test_the_refusal_message_is_on_the_page_after_the_redirect(client, cast) -> None:
    dossier = make_dossier(cast, Status.REFUSED)
    login_verified(client, cast.leader_a)
    response = client.post(f"{detail_url(dossier)}approve/", follow=True)
    assert response.status_code == 200
    assert "Không được tiếp nhận" in response.content.decode()
    assert "msg-error" in response.content.decode()
