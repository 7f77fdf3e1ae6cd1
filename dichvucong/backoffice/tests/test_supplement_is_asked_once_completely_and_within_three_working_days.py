"""Decree 61/2018: missing documents are asked for once, all together,
within 3 working days of receipt. The page does not offer what lifecycle
would refuse, and lifecycle refuses it anyway when posted."""

from __future__ import annotations

import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import (
    at,
    detail_url,
    messages_of,
    post_action,
    snapshot,
)
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

ONCE = "Hồ sơ đã được yêu cầu bổ sung một lần; chỉ được yêu cầu bổ sung một lần, đầy đủ."
LATE = "Đã quá 3 ngày làm việc kể từ ngày tiếp nhận, không được yêu cầu bổ sung."


def _offered(client, dossier) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.slug for action, _form in client.get(detail_url(dossier)).context["actions"]]


def test_a_second_supplement_request_is_refused(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    lifecycle.supply(dossier, cast.applicant, "Đã nộp bản rõ nét")
    before = snapshot(dossier)
    login_verified(client, cast.receptionist_a)
    assert "supplement" not in _offered(client, dossier)
    response = post_action(client, dossier, "supplement", {"other": "Thêm một giấy nữa"})
    assert messages_of(response) == [ONCE]
    assert snapshot(dossier) == before


def test_a_request_listing_nothing_is_refused(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    before = snapshot(dossier)
    login_verified(client, cast.receptionist_a)
    response = post_action(client, dossier, "supplement", {"other": "  \n  ", "note": "x"})
    assert messages_of(response) == ["Vui lòng liệt kê đầy đủ các giấy tờ cần bổ sung."]
    assert snapshot(dossier) == before


def test_the_specialist_may_ask_on_the_third_working_day(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):  # Monday
        dossier = make_dossier(cast, Status.PROCESSING)
    with time_machine.travel(at(2026, 3, 5), tick=False):  # Thursday: 3 working days on
        login_verified(client, cast.specialist_a)
        assert "supplement" in _offered(client, dossier)
        post_action(client, dossier, "supplement", {"other": "Bản sao CCCD"})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT


def test_the_specialist_may_not_ask_after_three_working_days(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):  # Monday
        dossier = make_dossier(cast, Status.PROCESSING)
    before = snapshot(dossier)
    with time_machine.travel(at(2026, 3, 6), tick=False):  # Friday: 4 working days on
        login_verified(client, cast.specialist_a)
        assert "supplement" not in _offered(client, dossier)
        response = post_action(client, dossier, "supplement", {"other": "Bản sao CCCD"})
    assert messages_of(response) == [LATE]
    assert snapshot(dossier) == before


def test_the_weekend_does_not_count_towards_the_three_days(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 5), tick=False):  # Thursday
        dossier = make_dossier(cast, Status.PROCESSING)
    with time_machine.travel(at(2026, 3, 10), tick=False):  # Tuesday: Fri, Mon, Tue
        login_verified(client, cast.specialist_a)
        assert "supplement" in _offered(client, dossier)


def test_processing_may_still_ask_once_after_reception_asked(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    lifecycle.supply(dossier, cast.applicant, "Đã nộp")
    lifecycle.accept(dossier, cast.receptionist_a)
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    login_verified(client, cast.specialist_a)
    assert "supplement" in _offered(client, dossier)
    post_action(client, dossier, "supplement", {"other": "Bản sao CCCD"})
    lifecycle.supply(dossier, cast.applicant, "Đã nộp")
    before = snapshot(dossier)
    assert "supplement" not in _offered(client, dossier)
    response = post_action(client, dossier, "supplement", {"other": "Thêm nữa"})
    assert messages_of(response)[-1] == ONCE
    assert snapshot(dossier) == before
