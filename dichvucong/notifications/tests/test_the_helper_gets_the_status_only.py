"""Someone who helped an applicant submit (an ambassador, a neighbour) is
told how the dossier moves on, and nothing the applicant has not shared
with them: no due date, no lookup link, no contact data."""

from __future__ import annotations

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage


def test_the_helper_gets_the_status_and_the_applicant_name_only(cast):
    helper = cast.other_applicant
    dossier = make_dossier(cast)
    Dossier.objects.filter(pk=dossier.pk).update(helper=helper)
    dossier.refresh_from_db()
    lifecycle.accept(dossier, cast.receptionist_a)
    dossier.refresh_from_db()

    rows = {
        row.channel: row for row in OutboxMessage.objects.filter(dedupe_key__endswith=":helper")
    }
    assert rows[Channel.EMAIL].recipient == helper.email
    assert rows[Channel.SMS].recipient == "0987654321"
    assert "Nguyễn Văn Bình" in rows[Channel.EMAIL].body
    assert "Được tiếp nhận" in rows[Channel.EMAIL].subject + rows[Channel.EMAIL].body
    assert rows[Channel.SMS].body == f"DVC: Ho so {dossier.code} ban ho tro nop: Duoc tiep nhan."
    private = [
        dossier.applicant_phone,
        dossier.applicant_email,
        dossier.applicant_id_number,
        f"{dossier.due_date:%d/%m/%Y}",
        "tra-cuu",
        cast.procedure.name,
    ]
    for row in rows.values():
        text = row.subject + row.body
        assert dossier.code in text
        assert [item for item in private if item in text] == []


def test_the_applicant_still_gets_everything(cast):
    dossier = make_dossier(cast)
    Dossier.objects.filter(pk=dossier.pk).update(helper=cast.other_applicant)
    dossier.refresh_from_db()
    lifecycle.accept(dossier, cast.receptionist_a)
    dossier.refresh_from_db()
    email = OutboxMessage.objects.get(
        dedupe_key__endswith=":email:applicant", subject__contains="Được tiếp nhận"
    )
    assert email.recipient == cast.applicant.email
    assert f"{dossier.due_date:%d/%m/%Y}" in email.body
    assert "tra-cuu" in email.body
