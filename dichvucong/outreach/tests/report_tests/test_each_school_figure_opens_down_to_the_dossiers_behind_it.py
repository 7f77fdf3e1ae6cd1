"""Each school's figures open down to the dossiers they counted (issue 12,
point 6): live while a draft, exactly the snapshot's once frozen; pupils
named only to those who keep the school's roster; nothing of applicants
beyond their ward."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import report, report_detail
from dichvucong.outreach.constants import ReportState
from dichvucong.outreach.models import AssistedSubmission, YearEndReport


def _url(world, school=None, **params) -> str:
    base = f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/ho-so/"
    if school is not None:
        base += f"truong/{school.pk}/"
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def _codes(listing) -> list[str]:
    return [line.code for line in listing.lines]


def _expected(world, school, kind: str) -> list[str]:
    rows = report.successful_submissions(world.campaign)
    if kind == "pending":
        rows = report.helped_submissions(world.campaign).filter(
            world.campaign.pending_q("dossier__")
        )
    rows = rows.filter(ambassador__school_class__school=school).order_by("dossier_id")
    return list(rows.values_list("dossier__code", flat=True))


def test_a_draft_lists_the_dossiers_its_figures_count_now(world, client):
    login_verified(client, world.oc.education)
    school = world.oc.school_a
    detail = client.get(_url(world, school)).context["detail"]
    assert not detail.frozen and detail.school.name == school.name
    assert _codes(detail.counted) == _expected(world, school, "counted")
    assert _codes(detail.pending) == _expected(world, school, "pending")
    figures = next(
        s for s in report.build_report(world.campaign).schools if s.school_id == school.pk
    )
    assert len(detail.counted.lines) == figures.figures.dossiers > 0
    assert len(detail.pending.lines) == figures.figures.pending


def test_a_submitted_report_lists_exactly_what_it_counted_after_dossiers_change(world, client):
    report.submit(world.campaign, world.oc.education)
    school = world.oc.school_a
    counted = _expected(world, school, "counted")
    changed = Dossier.objects.get(code=counted[0])
    Dossier.objects.filter(pk=changed.pk).update(status=Status.PROCESSING, resolved_at=None)
    login_verified(client, world.oc.education)
    page = client.get(_url(world, school))
    detail = page.context["detail"]
    assert detail.frozen and _codes(detail.counted) == counted
    assert detail.counted.lines[0].status == str(Status.PROCESSING.label)
    assert _expected(world, school, "counted") != counted
    whole = client.get(_url(world)).context["detail"]
    assert sorted(_codes(whole.counted)) == sorted(
        counted + _expected(world, world.oc.school_b, "counted")
    )


def test_a_report_frozen_before_ids_were_kept_says_the_detail_was_not_kept(world, client):
    report.submit(world.campaign, world.oc.education)
    row = YearEndReport.objects.get(campaign=world.campaign)
    old = {**row.snapshot, "version": 1}
    for school in old["schools"]:
        del school["dossier_ids"], school["pending_ids"]
    YearEndReport.objects.filter(pk=row.pk).update(snapshot=old)
    login_verified(client, world.oc.leadership)
    page = client.get(_url(world, world.oc.school_b))
    assert not page.context["detail"].counted.kept
    assert "không còn chi tiết" in page.content.decode()
    assert report.current_report(world.campaign)[0].state == ReportState.SUBMITTED


def _helpers(world, school) -> dict[str, tuple[str, str]]:
    rows = AssistedSubmission.objects.filter(dossier__code__in=_expected(world, school, "counted"))
    return {
        row.dossier.code: (row.ambassador.pupil.full_name, row.ambassador.school_class.name)
        for row in rows.select_related("dossier", "ambassador__pupil", "ambassador__school_class")
    }


def test_roster_keepers_see_the_pupil_and_class_leadership_a_pseudonym(world, client):
    school = world.oc.school_a
    helpers = _helpers(world, school)
    for user in (world.oc.education, world.oc.coordinator_a):
        login_verified(client, user)
        detail = client.get(_url(world, school)).context["detail"]
        assert detail.names
        assert {line.code: (line.helper, line.class_name) for line in detail.counted.lines} == (
            helpers
        )
    login_verified(client, world.oc.leadership)
    page = client.get(_url(world, school))
    detail, text = page.context["detail"], page.content.decode()
    assert not detail.names
    for line in detail.counted.lines:
        assert line.helper.startswith("HS-") and line.class_name == ""
    for name, _class_name in helpers.values():
        assert name not in text
    assert "Khương Mai" in text  # the applicant's ward, and nothing else of theirs


def test_no_personal_data_of_applicants_and_dates_as_day_month_year(world, client):
    login_verified(client, world.oc.education)
    page = client.get(_url(world))
    text = page.content.decode()
    applicant = world.dc.applicant
    for private in (
        applicant.full_name,
        applicant.username,
        applicant.citizen.phone,
        "Khương Trung",
    ):
        assert private not in text
    line = page.context["detail"].counted.lines[0]
    assert line.day is not None
    assert line.day.astimezone(world.campaign.year_window()[0].tzinfo).strftime("%d/%m/%Y") in text
    assert page["Cache-Control"] == "private, no-store"


def test_the_pseudonym_is_stable_within_a_campaign_and_differs_across_campaigns(world):
    pupil = world.pupils[1].pk
    first = report_detail.pseudonym(world.campaign, pupil)
    assert first == report_detail.pseudonym(world.campaign, pupil)
    assert first != report_detail.pseudonym(world.other_campaign, pupil)
    assert first != report_detail.pseudonym(world.campaign, world.pupils[2].pk)


def test_the_report_page_links_each_school_and_the_total_to_its_dossiers(world, client):
    login_verified(client, world.oc.leadership)
    text = client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/").content.decode()
    for school in (world.oc.school_a, world.oc.school_b):
        assert f'href="{_url(world, school)}"' in text
    assert f'href="{_url(world)}"' in text
