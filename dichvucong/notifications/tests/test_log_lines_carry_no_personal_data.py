from __future__ import annotations

import logging

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.sending import drain_outbox


class RefusingSmsProvider:
    def send(self, phone: str, text: str) -> None:
        raise RuntimeError(f"number {phone} is not a subscriber")


def test_log_lines_carry_no_personal_data(
    cast, settings, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    dossier = make_dossier(cast)
    Dossier.objects.filter(pk=dossier.pk).update(helper=cast.other_applicant)
    dossier.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.accept(dossier, cast.receptionist_a)
    settings.SMS_PROVIDER = f"{__name__}.RefusingSmsProvider"
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    drain_outbox()

    assert "SMS to 09xx***678" in caplog.text
    assert "SMS to 09xx***321" in caplog.text
    assert "attempt 1 failed" in caplog.text
    personal = [
        "0912345678",
        "0987654321",
        "912345678",
        "001090012345",
        "001190054321",
        "example.vn",
        "Nguyễn Văn Bình",
        "Trần Thị Hoa",
    ]
    assert [item for item in personal if item in caplog.text] == []
