"""Registration, every page of an e-form, the assisted submission (for the
applicant and, where a pupil helps, for the guardian), the roster and the
consent pages each show the notice that fits them, in its current version;
the public page shows them all."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.testing import make_draft
from dichvucong.outreach.tests.cast import add_pupil
from dichvucong.outreach.tests.helpers_tests.steps import helper_url, ready_draft
from dichvucong.privacy.constants import NoticeKind
from dichvucong.privacy.tests.notice_on_page import shows_notice


def test_both_registration_forms_show_the_registration_notice(client, units) -> None:
    for name in ("accounts:register", "accounts:register_organisation"):
        assert shows_notice(client.get(reverse(name)), "registration"), name


def test_every_page_of_an_applicants_own_dossier_shows_the_eform_notice(client, cast) -> None:
    dossier = make_draft(cast)
    client.force_login(cast.applicant)
    pages = [
        reverse("dossiers:start", args=[cast.procedure.code]),
        reverse("dossiers:step", args=[dossier.public_id, 1]),
        reverse("dossiers:step", args=[dossier.public_id, 2]),
        reverse("dossiers:documents", args=[dossier.public_id]),
        reverse("dossiers:review", args=[dossier.public_id]),
    ]
    for url in pages:
        response = client.get(url)
        assert shows_notice(response, "eform"), url
        assert not shows_notice(response, "assisted_applicant"), url


def test_a_helped_draft_shows_the_applicants_notice_and_a_pupil_also_the_guardians(
    client, hc
) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    start = client.get(reverse("helpers:assisted_start", args=[hc.cast.procedure.code]))
    assert shows_notice(start, "assisted_applicant")
    assert shows_notice(start, "assisted_guardian")
    for url in (
        reverse("dossiers:step", args=[dossier.public_id, 1]),
        reverse("dossiers:review", args=[dossier.public_id]),
        helper_url("assisted_code", dossier),
    ):
        assert shows_notice(client.get(url), "assisted_applicant"), url
    # The applicant, logged in to confirm, reads the same notice.
    client.force_login(hc.neighbour)
    review = client.get(reverse("dossiers:review", args=[dossier.public_id]))
    assert shows_notice(review, "assisted_applicant")


def test_the_roster_and_consent_pages_show_the_campaign_notice(client, oc) -> None:
    pupil = add_pupil(oc.class_a, year=2003)
    login_verified(client, oc.coordinator_a)
    assert shows_notice(client.get(reverse("outreach:roster_upload")), "roster")
    detail = client.get(reverse("outreach:pupil_detail", args=[pupil.pk]))
    assert shows_notice(detail, "roster")
    assert shows_notice(detail, "assisted_guardian")


def test_the_public_page_shows_every_notice_without_login(
    client, db, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(2):
        response = client.get("/bao-ve-du-lieu/")
    for kind in NoticeKind:
        assert shows_notice(response, kind), kind
    assert "Luật Bảo vệ dữ liệu cá nhân" in response.content.decode()
