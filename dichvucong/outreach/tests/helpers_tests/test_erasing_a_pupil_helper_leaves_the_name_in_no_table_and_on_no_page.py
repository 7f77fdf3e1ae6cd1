"""A pupil ambassador who practised and helped a neighbour is erased on
request: afterwards the name is in no table of outreach, accounts or
dossiers (with or without diacritics), the login is empty and dead, no page
shows the name (the applicant's timeline and draft, the back office, the
helper pages), while the dossiers, their helper link, the counts and the
event chain stay as they were."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.hashers import is_password_usable
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import submission, uploads
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import pdf_upload
from dichvucong.lib.text import fold
from dichvucong.outreach import practice, services
from dichvucong.outreach.constants import ERASED_NAME
from dichvucong.outreach.models import Ambassador, AssistedSubmission, PracticeAttempt
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    NEIGHBOUR,
    dossier_url,
    helper_url,
    ready_draft,
    send_code_on_page,
    text,
)
from dichvucong.outreach.tests.helpers_tests.test_the_applicant_confirms_by_logging_in import BINH

NAME = "Trần Thu Hà"
OWNING_APPS = ("outreach", "accounts", "dossiers")


def stored_text() -> str:
    """Every text and JSON value of every table those apps own."""
    found = []
    for label in OWNING_APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField | models.JSONField)
            ]
            for values in model.objects.values_list(*fields):
                found.extend(str(value) for value in values)
    return "\n".join(found)


def holds_name(stored: str) -> bool:
    return NAME in stored or fold(NAME) in fold(stored)


def the_pupils_year(hc, client, sent_sms) -> tuple[Dossier, Dossier, Dossier]:  # type: ignore[no-untyped-def]
    """A practice with the pupil's own name typed and in a file name, a
    neighbour's dossier submitted with a code, and a draft for Bình still
    waiting for his confirmation."""
    rehearsal = practice.start_practice(hc.helper, hc.cast.procedure)
    submission.save_step(rehearsal, hc.helper, 1, {"child_name": NAME})
    uploads.add_attachment(rehearsal, hc.helper, pdf_upload("giay-khai-sinh-tran-thu-ha.pdf"))
    helped = ready_draft(hc, NEIGHBOUR)
    client.force_login(hc.helper)
    send_code_on_page(client, helped)
    client.post(helper_url("assisted_code", helped), {"code": last_code(sent_sms)})
    helped.refresh_from_db()
    assert helped.code
    waiting = ready_draft(hc, BINH)
    return rehearsal, helped, waiting


def counts() -> dict[str, int]:
    return {
        "dossiers": Dossier.objects.count(),
        "events": sum(Dossier.objects.values_list("event_count", flat=True)),
        "assisted": AssistedSubmission.objects.count(),
        "ambassadors": Ambassador.objects.count(),
        "practice": PracticeAttempt.objects.filter(completed_at__isnull=True).count(),
        "users": User.objects.count(),
    }


def test_after_erasure_the_name_is_in_no_table(hc, client, sent_sms, capsys) -> None:
    rehearsal, helped, _waiting = the_pupils_year(hc, client, sent_sms)
    assert holds_name(stored_text())
    before = counts()

    assert services.erase_pupil(hc.pupil, hc.cast.leader_a)

    assert not holds_name(stored_text())
    assert counts() == before
    helped.refresh_from_db()
    assert helped.helper_id == hc.helper.pk
    assert not Attachment.objects.filter(dossier=rehearsal).exists()
    call_command("verify_events")
    assert "nguyên vẹn" in capsys.readouterr().out


def test_the_login_is_emptied_and_can_no_longer_be_used(hc, client, sent_sms) -> None:
    the_pupils_year(hc, client, sent_sms)
    username = hc.helper.username
    services.erase_pupil(hc.pupil, hc.cast.leader_a)

    account = User.objects.get(pk=hc.helper.pk)
    assert (account.full_name, account.email, account.is_active) == (ERASED_NAME, "", False)
    assert not is_password_usable(account.password)
    assert not hasattr(account, "citizen") and not hasattr(account, "organisation")
    assert not client.login(username=username, password=hc.helper_password)
    # A session opened before the erasure is over too.
    assert client.get(helper_url("assisted_list")).status_code == 302


def test_no_page_shows_the_name_after_erasure(hc, client, sent_sms) -> None:
    _rehearsal, helped, waiting = the_pupils_year(hc, client, sent_sms)
    office = reverse("backoffice:detail", args=[helped.public_id])
    login_verified(client, hc.cast.receptionist_a)
    # Before: the dossier records who helped, from the (erasable) account.
    assert NAME in text(client.get(office))

    services.erase_pupil(hc.pupil, hc.cast.leader_a)

    neighbour = User.objects.get(username=NEIGHBOUR.id_number)
    pages = [
        (hc.cast.receptionist_a, office),
        (neighbour, dossier_url("detail", helped)),
        (hc.cast.applicant, dossier_url("review", waiting)),
        (hc.cast.applicant, reverse("dossiers:mine")),
        (hc.other_helper, helper_url("assisted_list")),
        (hc.other_helper, reverse("helpers:home")),
    ]
    for user, url in pages:
        login_verified(client, user)
        response = client.get(url)
        assert response.status_code == 200, url
        assert not holds_name(text(response)), url
    client.force_login(hc.cast.applicant)
    review = text(client.get(dossier_url("review", waiting)))
    assert "Hồ sơ này do một đại sứ số khai giúp bạn." in review
    assert ERASED_NAME not in review
