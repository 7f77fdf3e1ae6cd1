"""manage.py verify_events prints one line per break: the dossier's code,
the event's number and what is wrong; and exits non-zero."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Event
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.chain_tools import edit_reason, recompute


def _run(capsys) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError):
        call_command("verify_events")
    return capsys.readouterr().err


def test_an_edited_event(cast, capsys):
    dossier = make_dossier(cast, Status.REFUSED)
    edit_reason(dossier, 2, "đã sửa")
    assert f"{dossier.code}, sự kiện 2: nội dung đã bị sửa" in _run(capsys)


def test_an_edit_hidden_by_recomputing_the_chain(cast, capsys):
    dossier = make_dossier(cast, Status.REFUSED)
    edit_reason(dossier, 2, "đã sửa")
    recompute(dossier, from_seq=2)
    assert f"{dossier.code}, sự kiện 2: mã băm không khóa sau một sự kiện có khóa" in _run(capsys)


def test_a_deleted_middle_event(cast, capsys):
    dossier = make_dossier(cast, Status.PROCESSING)
    Event.objects.filter(dossier=dossier, seq=2)._raw_delete(Event.objects.db)
    assert f"{dossier.code}, sự kiện 3: thiếu sự kiện số 2" in _run(capsys)


def test_a_cut_tail(cast, capsys):
    dossier = make_dossier(cast, Status.PROCESSING)
    Event.objects.filter(dossier=dossier, seq__gte=2)._raw_delete(Event.objects.db)
    err = _run(capsys)
    assert f"{dossier.code}, sự kiện 2: chuỗi bị cắt: hồ sơ ghi 3 sự kiện, chỉ còn 1" in err


def test_only_the_broken_dossier_is_named_and_the_total_is_given(cast, capsys):
    intact = make_dossier(cast, Status.ACCEPTED)
    broken = make_dossier(cast, Status.REFUSED)
    edit_reason(broken, 1, "x")
    with pytest.raises(CommandError, match="Phát hiện 1 lỗi"):
        call_command("verify_events")
    err = capsys.readouterr().err
    assert broken.code in err and intact.code not in err


def test_old_unkeyed_chains_are_counted_when_all_is_well(cast, capsys):
    dossier = make_dossier(cast, Status.ACCEPTED)
    recompute(dossier)
    call_command("verify_events")
    assert "1 hồ sơ có chuỗi ghi trước khi có EVENT_LOG_KEY" in capsys.readouterr().out
