"""Every back-office action, posted from the dossier page by the officer
whose job it is, changes the dossier through lifecycle and says so."""

from __future__ import annotations

from datetime import date

import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import (
    at,
    detail_url,
    messages_of,
    post_action,
)
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results import service as results
from dichvucong.results.models import ResultTemplate


def _done(client, dossier, action, data=None):  # type: ignore[no-untyped-def]
    response = post_action(client, dossier, action, data)
    assert response.status_code == 302
    assert response["Location"] == detail_url(dossier)
    dossier.refresh_from_db()
    # Earlier messages of the session wait in the queue; the newest is ours.
    return messages_of(response)[-1:]


def test_receptionist_accepts_and_is_told_the_due_date(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        dossier = make_dossier(cast, Status.SUBMITTED)
        login_verified(client, cast.receptionist_a)
        messages = _done(client, dossier, "accept")
    assert dossier.status == Status.ACCEPTED
    assert dossier.due_date == date(2026, 3, 5)
    assert messages == ["Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả: 05/03/2026."]


def test_receptionist_asks_for_everything_missing_at_once(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    document = cast.procedure.documents.get(required=True)
    login_verified(client, cast.receptionist_a)
    messages = _done(
        client,
        dossier,
        "supplement",
        {
            "documents": [document.pk],
            "other": "Sổ hộ khẩu\n\n  Giấy đăng ký kết hôn  ",
            "note": "Nộp bản rõ nét",
        },
    )
    assert dossier.status == Status.SUPPLEMENT
    event = dossier.events.order_by("-seq").first()
    assert event.data["missing"] == ["Giấy chứng sinh", "Sổ hộ khẩu", "Giấy đăng ký kết hôn"]
    assert event.reason == "Nộp bản rõ nét"
    assert "Đã gửi yêu cầu bổ sung" in messages[0]


def test_receptionist_refuses_with_a_reason(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    _done(client, dossier, "refuse", {"reason": "Không thuộc thẩm quyền của phường"})
    assert dossier.status == Status.REFUSED
    assert dossier.events.order_by("-seq").first().reason == "Không thuộc thẩm quyền của phường"


def test_leader_assigns_a_specialist(client, cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    login_verified(client, cast.leader_a)
    messages = _done(client, dossier, "assign", {"specialist": cast.specialist_a.pk})
    assert dossier.status == Status.PROCESSING
    assert dossier.assignee == cast.specialist_a
    assert messages == ["Đã phân công cho Phạm Chuyên Viên."]


def test_specialist_asks_for_a_supplement_during_processing(client, cast) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.specialist_a)
    _done(client, dossier, "supplement", {"other": "Bản sao giấy tờ tùy thân"})
    assert dossier.status == Status.SUPPLEMENT
    assert dossier.supplement_status_from == Status.PROCESSING


def test_specialist_forwards_and_leader_approves(client, cast) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.specialist_a)
    ResultTemplate.objects.create(
        procedure_code="",
        title="Văn bản giải quyết",
        symbol="KQ",
        fields=[{"label": "Tên", "value": "{applicant_name}"}],
    )
    results.save_draft(dossier, cast.specialist_a, ["Nguyễn Văn Bình"], "Đã giải quyết")
    _done(client, dossier, "forward", {"opinion": "Đủ điều kiện cấp giấy khai sinh"})
    assert dossier.holder is None
    assert lifecycle.was_forwarded(dossier)
    login_verified(client, cast.leader_a)
    messages = _done(client, dossier, "approve")
    assert dossier.status == Status.RESOLVED
    assert messages == ["Đã phê duyệt. Hồ sơ đã xử lý xong, chờ trả kết quả."]


def test_leader_stops_processing_with_a_reason(client, cast) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.leader_a)
    _done(client, dossier, "stop", {"reason": "Giấy chứng sinh không hợp lệ"})
    assert dossier.status == Status.STOPPED


def test_receptionist_returns_the_result(client, cast) -> None:
    dossier = make_dossier(cast, Status.RESOLVED)
    login_verified(client, cast.receptionist_a)
    messages = _done(client, dossier, "return")
    assert dossier.status == Status.RETURNED
    assert messages == ["Đã trả kết quả cho người nộp."]


def test_leader_apologises_with_a_new_date(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
    with time_machine.travel(at(2026, 3, 4), tick=False):
        login_verified(client, cast.leader_a)
        messages = _done(
            client, dossier, "apologise", {"new_date": "10/03/2026", "reason": "Chờ xác minh"}
        )
    assert dossier.extended_due_date == date(2026, 3, 10)
    assert dossier.events.order_by("-seq").first().kind == EventKind.APOLOGY
    assert "10/03/2026" in messages[0]


def test_receptionist_may_apologise_too(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
        login_verified(client, cast.receptionist_a)
        _done(client, dossier, "apologise", {"new_date": "09/03/2026", "reason": "Chờ ký"})
    assert dossier.extended_due_date == date(2026, 3, 9)
