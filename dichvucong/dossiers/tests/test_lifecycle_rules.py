"""The one-stop rules of Decree 61/2018 as the lifecycle enforces them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier, make_draft

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=HANOI)


def test_accepting_sets_the_due_date_from_the_calendar(cast):
    # Monday 07/12/2026 10:00, 3 working days -> Thursday 10/12/2026.
    with time_machine.travel(at(2026, 12, 7, 10, 0), tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
    assert dossier.due_date == date(2026, 12, 10)


def test_a_dossier_accepted_after_15h_counts_from_the_next_working_day(cast):
    # Friday 27/11/2026 15:30 -> reception day Monday 30/11 -> due Thursday 03/12.
    with time_machine.travel(at(2026, 11, 27, 15, 30), tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
    assert dossier.due_date == date(2026, 12, 3)


def test_supplement_during_processing_restarts_the_deadline_from_zero(cast):
    with time_machine.travel(at(2026, 12, 7, 9, 0), tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
    with time_machine.travel(at(2026, 12, 8, 9, 0), tick=False):
        lifecycle.request_supplement(dossier, cast.specialist_a, ["Bản sao CCCD của mẹ"])
    with time_machine.travel(at(2026, 12, 14, 9, 0), tick=False):
        lifecycle.supply(dossier, cast.applicant)
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.due_date == date(2026, 12, 17)


def test_supplement_asked_at_reception_goes_back_to_reception(cast):
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    lifecycle.supply(dossier, cast.applicant)
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert dossier.due_date is None


def test_reception_and_processing_may_each_ask_for_a_supplement_once(cast):
    dossier = make_dossier(cast, Status.SUPPLEMENT)
    lifecycle.supply(dossier, cast.applicant)
    with pytest.raises(TransitionError, match="một lần"):
        lifecycle.request_supplement(dossier, cast.receptionist_a, ["Giấy khác"])
    lifecycle.accept(dossier, cast.receptionist_a)
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    lifecycle.request_supplement(dossier, cast.specialist_a, ["Bản sao CCCD"])
    lifecycle.supply(dossier, cast.applicant)
    with pytest.raises(TransitionError, match="một lần"):
        lifecycle.request_supplement(dossier, cast.specialist_a, ["Giấy khác nữa"])


def test_specialist_may_not_ask_for_a_supplement_after_three_working_days(cast):
    with time_machine.travel(at(2026, 12, 7, 9, 0), tick=False):
        dossier = make_dossier(cast, Status.PROCESSING)
    with time_machine.travel(at(2026, 12, 11, 9, 0), tick=False):
        with pytest.raises(TransitionError, match="3 ngày làm việc"):
            lifecycle.request_supplement(dossier, cast.specialist_a, ["Giấy khác"])
    with time_machine.travel(at(2026, 12, 10, 9, 0), tick=False):
        lifecycle.request_supplement(dossier, cast.specialist_a, ["Giấy khác"])


def test_a_supplement_request_must_list_what_is_missing(cast):
    dossier = make_dossier(cast)
    with pytest.raises(TransitionError):
        lifecycle.request_supplement(dossier, cast.receptionist_a, ["  "])
    assert Dossier.objects.get(pk=dossier.pk).status == Status.SUBMITTED


def test_approving_a_refused_dossier_is_refused_and_changes_nothing(cast):
    dossier = make_dossier(cast, Status.REFUSED)
    events_before = dossier.event_count
    with pytest.raises(TransitionError, match="Không được tiếp nhận"):
        lifecycle.approve(dossier, cast.leader_a)
    dossier.refresh_from_db()
    assert dossier.status == Status.REFUSED
    assert dossier.event_count == events_before


def test_the_leader_approves_only_what_the_specialist_forwarded(cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    with pytest.raises(TransitionError, match="chưa trình"):
        lifecycle.approve(dossier, cast.leader_a)


def test_refusing_needs_a_reason(cast):
    dossier = make_dossier(cast)
    with pytest.raises(TransitionError, match="lý do"):
        lifecycle.refuse(dossier, cast.receptionist_a, "   ")


def test_staff_of_another_ward_cannot_act(cast):
    dossier = make_dossier(cast)
    with pytest.raises(TransitionError, match="quyền"):
        lifecycle.accept(dossier, cast.receptionist_b)


def test_a_specialist_cannot_accept_at_reception(cast):
    dossier = make_dossier(cast)
    with pytest.raises(TransitionError, match="quyền"):
        lifecycle.accept(dossier, cast.specialist_a)


def test_only_a_specialist_of_the_agency_can_be_assigned(cast):
    dossier = make_dossier(cast, Status.ACCEPTED)
    with pytest.raises(TransitionError, match="không phải chuyên viên"):
        lifecycle.assign(dossier, cast.leader_a, cast.specialist_b)


def test_withdrawal_is_allowed_before_processing_only(cast):
    accepted = make_dossier(cast, Status.ACCEPTED)
    lifecycle.withdraw(accepted, cast.applicant, "Không cần nữa")
    assert Dossier.objects.get(pk=accepted.pk).status == Status.WITHDRAWN
    processing = make_dossier(cast, Status.PROCESSING)
    with pytest.raises(TransitionError):
        lifecycle.withdraw(processing, cast.applicant)


def test_another_applicant_cannot_withdraw_or_submit(cast):
    draft = make_draft(cast)
    with pytest.raises(TransitionError):
        lifecycle.submit(draft, cast.other_applicant)
    assert Dossier.objects.get(pk=draft.pk).code is None


def test_submitting_twice_gives_one_code_and_one_event(cast):
    draft = make_draft(cast)
    first = lifecycle.submit(draft, cast.applicant)
    second = lifecycle.submit(Dossier.objects.get(pk=draft.pk), cast.applicant)
    assert first.code == second.code
    assert second.events.filter(to_status=Status.SUBMITTED).count() == 1


def test_codes_restart_each_day_per_agency(cast):
    with time_machine.travel(at(2026, 12, 7, 9, 0), tick=False):
        first = make_dossier(cast)
        second = make_dossier(cast)
    with time_machine.travel(at(2026, 12, 8, 9, 0), tick=False):
        third = make_dossier(cast)
    assert first.code == "T.KM-261207-0001"
    assert second.code == "T.KM-261207-0002"
    assert third.code == "T.KM-261208-0001"


class TestApology:
    def _processing(self, cast):
        with time_machine.travel(at(2026, 12, 7, 9, 0), tick=False):
            return make_dossier(cast, Status.PROCESSING)  # due 10/12/2026

    def test_an_apology_sets_a_new_date_once(self, cast):
        dossier = self._processing(cast)
        with time_machine.travel(at(2026, 12, 9, 9, 0), tick=False):
            lifecycle.apologise(dossier, cast.leader_a, date(2026, 12, 15), "Cần xác minh")
            with pytest.raises(TransitionError, match="một lần"):
                lifecycle.apologise(dossier, cast.leader_a, date(2026, 12, 16), "Lần hai")
        dossier.refresh_from_db()
        assert dossier.extended_due_date == date(2026, 12, 15)
        assert dossier.effective_due_date == date(2026, 12, 15)

    def test_an_apology_on_the_due_day_is_too_late(self, cast):
        dossier = self._processing(cast)
        with time_machine.travel(at(2026, 12, 10, 8, 0), tick=False):
            with pytest.raises(TransitionError, match="trước hạn"):
                lifecycle.apologise(dossier, cast.leader_a, date(2026, 12, 15), "Muộn")

    def test_the_new_date_must_be_a_later_working_day(self, cast):
        dossier = self._processing(cast)
        with time_machine.travel(at(2026, 12, 8, 8, 0), tick=False):
            with pytest.raises(TransitionError, match="sau ngày hẹn"):
                lifecycle.apologise(dossier, cast.leader_a, date(2026, 12, 10), "Sớm")
            with pytest.raises(TransitionError, match="ngày làm việc"):
                lifecycle.apologise(dossier, cast.leader_a, date(2026, 12, 13), "Chủ nhật")


def test_a_posted_result_needs_its_tracking_number(cast):
    dossier = make_dossier(cast, Status.RESOLVED)
    Dossier.objects.filter(pk=dossier.pk).update(delivery="post", delivery_address="1 Láng Hạ")
    with pytest.raises(TransitionError, match="mã bưu gửi"):
        lifecycle.return_result(dossier, cast.receptionist_a)
    returned = lifecycle.return_result(dossier, cast.receptionist_a, "EV123456789VN")
    assert returned.status == Status.RETURNED and returned.postal_tracking == "EV123456789VN"


def test_an_online_result_is_returned_when_the_applicant_first_downloads_it(cast):
    dossier = make_dossier(cast, Status.RESOLVED)
    Dossier.objects.filter(pk=dossier.pk).update(delivery="online")
    first = lifecycle.result_collected_online(dossier, cast.applicant)
    again = lifecycle.result_collected_online(dossier, cast.applicant)
    assert first.status == again.status == Status.RETURNED
    assert again.events.filter(to_status=Status.RETURNED).count() == 1


def test_a_forwarded_dossier_cannot_be_forwarded_again(cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    with pytest.raises(TransitionError, match="đã được trình"):
        lifecycle.forward(dossier, cast.specialist_a, "Lần nữa")
