"""A database that held dossiers before the kept counts existed is counted
directly (the figures stay right) until `manage.py rebuild_statistics`;
`--check` compares the kept counts with a direct count and names what
differs; a rebuild repairs them."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from dichvucong.reports import tally
from dichvucong.reports.models import DayTally, MonthTally, TallyState


def test_the_page_counts_directly_until_the_rebuild_and_check_finds_a_difference(
    client, world, frozen
):
    TallyState.objects.filter(pk=1).update(built=False)
    assert not tally.ready()
    before = client.get("/thong-ke/").content
    call_command("rebuild_statistics")
    assert tally.ready()
    assert client.get("/thong-ke/").content == before
    call_command("rebuild_statistics", "--check")

    MonthTally.objects.filter(received__gt=0).update(received=0)
    DayTally.objects.filter(received__gt=0).update(received=0)
    with pytest.raises(CommandError, match="khác với cách đếm trực tiếp"):
        call_command("rebuild_statistics", "--check")
    call_command("rebuild_statistics")
    call_command("rebuild_statistics", "--check")
