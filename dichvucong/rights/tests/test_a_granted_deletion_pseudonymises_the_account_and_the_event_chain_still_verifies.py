from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import events
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_draft
from dichvucong.notifications.models import OutboxMessage
from dichvucong.rights.models import RightsRequest
from dichvucong.rights.tests.helpers import accepted_dossier, filed

ANSWER = {"answer": "Đã xoá thông tin tài khoản", "reasons": "Luật 91/2025/QH15, điều 4, 14"}


@pytest.fixture
def world(cast):  # type: ignore[no-untyped-def]
    dossier = accepted_dossier(cast)
    draft = make_draft(cast)
    return dossier, draft, filed(cast, kind="deletion", details="Tôi không dùng nữa")


def test_the_page_explains_what_the_law_keeps(client, cast):
    client.force_login(cast.applicant)
    assert "hồ sơ đã nộp" in client.get("/tai-khoan/du-lieu-cua-toi/").content.decode()


def test_granting_it_pseudonymises_the_account_and_keeps_dossiers_and_events(
    client, cast, administrator, world
):
    dossier, draft, request = world
    chain_before = list(dossier.events.values_list("hash", flat=True))
    login_verified(client, administrator)
    client.post(f"/quyen-du-lieu/{request.pk}/", {"status": "granted", **ANSWER})
    user = User.objects.get(pk=cast.applicant.pk)
    assert user.full_name == f"Người dùng đã xoá #{user.pk}"
    assert user.username == f"da-xoa.tk.{user.pk}"
    assert user.email == "" and not user.is_active and not user.has_usable_password()
    assert not CitizenProfile.objects.filter(user_id=user.pk).exists()
    assert not Dossier.objects.filter(pk=draft.pk).exists()
    kept = Dossier.objects.get(pk=dossier.pk)
    assert kept.applicant_id == user.pk and kept.code == dossier.code
    assert list(kept.events.values_list("hash", flat=True)) == chain_before
    assert events.verify(kept) == []
    out = io.StringIO()
    call_command("verify_events", stdout=out)  # raises CommandError on any break
    assert "nhật ký nguyên vẹn" in out.getvalue()
    assert RightsRequest.objects.get().details == "(đã xoá cùng dữ liệu của người yêu cầu)"
    assert [s.kind for s in RightsRequest.objects.get().steps.all()] == [
        "filed",
        "answered",
        "pseudonymised",
    ]
    # The answer went out to the phone before the phone was deleted.
    told = OutboxMessage.objects.get(dedupe_key=f"rights:{request.pk}:answered:sms")
    assert told.recipient == "0912345678"


def test_the_citizen_can_no_longer_log_in(client, cast, administrator, world):
    _dossier, _draft, request = world
    login_verified(client, administrator)
    client.post(f"/quyen-du-lieu/{request.pk}/", {"status": "granted", **ANSWER})
    client.logout()
    assert not client.login(username=cast.applicant.username, password="matkhau-demo-1")


def test_a_refused_deletion_changes_nothing(client, cast, administrator, world):
    _dossier, draft, request = world
    login_verified(client, administrator)
    client.post(
        f"/quyen-du-lieu/{request.pk}/",
        {"status": "refused", "answer": "Chưa xoá", "reasons": "Hồ sơ đang xử lý"},
    )
    user = User.objects.get(pk=cast.applicant.pk)
    assert user.is_active and user.full_name == cast.applicant.full_name
    assert Dossier.objects.filter(pk=draft.pk).exists()
