"""A draft is not a dossier: saved and resumed at will, with no code, no
deadline, and nothing for the office to see."""

from __future__ import annotations

from dichvucong.dossiers import access
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


def test_start_saves_a_draft_resumed_later_from_my_dossiers(cast, client) -> None:
    logged_in(client, cast.applicant)
    response = client.post("/ho-so/nop/1.001193/", {"ward": cast.ward_a.pk, "delivery": "counter"})
    dossier = Dossier.objects.get()
    assert response.url == url("step", dossier, 1)
    response = client.post(
        url("step", dossier, 1),
        {"action": "draft", "child_name": "Nguyễn Minh An", "birth_date": "", "sex": ""},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
    assert dossier.code is None
    assert dossier.due_date is None and dossier.submitted_at is None
    assert dossier.events.count() == 0
    assert dossier.form_data["child_name"] == "Nguyễn Minh An"
    assert not access.staff_dossiers(cast.receptionist_a).filter(pk=dossier.pk).exists()

    client.logout()
    logged_in(client, cast.applicant)
    mine = page_text(client.get("/ho-so/"))
    assert "Bản nháp chưa nộp" in mine
    assert url("review", dossier) in mine
    review = page_text(client.get(url("review", dossier)))
    assert "Nguyễn Minh An" in review
    assert "Hồ sơ chưa đủ để nộp" in review
    assert 'value="Nguyễn Minh An"' in page_text(client.get(url("step", dossier, 1)))


def test_a_draft_can_be_discarded_after_confirming(cast, client) -> None:
    logged_in(client, cast.applicant)
    client.post("/ho-so/nop/1.001193/", {"ward": cast.ward_a.pk, "delivery": "counter"})
    dossier = Dossier.objects.get()
    assert "Xóa bản nháp?" in page_text(client.get(url("discard", dossier)))
    assert Dossier.objects.exists()
    response = client.post(url("discard", dossier))
    assert response.url == "/ho-so/"
    assert not Dossier.objects.exists()
