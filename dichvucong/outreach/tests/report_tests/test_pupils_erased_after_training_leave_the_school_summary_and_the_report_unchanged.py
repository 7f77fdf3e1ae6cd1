"""Erasing a pupil removes their personal data, never them from the
anonymous counts: the campaign page's school summary and the year-end
report count pupils and those trained the same way, erased pupils
included, so erasing every trained pupil changes neither (the report's
"erased" column aside, which says how many were erased)."""

from __future__ import annotations

import dataclasses

from dichvucong.outreach import report, services, summaries
from dichvucong.outreach.models import Pupil


def summary(world) -> list[tuple[int, int, int, int, int]]:  # type: ignore[no-untyped-def]
    schools = world.campaign.schools.values_list("pk", flat=True)
    rows = summaries.school_rows(world.campaign, schools)
    return sorted((r.school.pk, r.classes, r.pupils, r.sessions, r.trained) for r in rows)


def figures(world) -> dict:  # type: ignore[no-untyped-def]
    """Every figure of the live report but the number erased."""
    built = report.build_report(world.campaign)

    def kept(figures: report.Figures) -> dict[str, int]:
        return {k: v for k, v in dataclasses.asdict(figures).items() if k != "erased"}

    found = {"total": kept(built.totals)}
    for school in built.schools:
        found[f"school {school.school_id}"] = kept(school.figures)
        for row in school.classes:
            found[f"class {row.class_id}"] = kept(row.figures)
    return found


def test_the_school_summary_counts_as_the_report_does(world) -> None:
    built = report.build_report(world.campaign)
    by_school = {s.school_id: s.figures for s in built.schools}
    for school_id, _classes, pupils, _sessions, trained in summary(world):
        assert (pupils, trained) == (by_school[school_id].pupils, by_school[school_id].trained)
    assert built.totals.erased > 0


def test_pupils_erased_after_training_change_no_count(world) -> None:
    trained = Pupil.objects.filter(
        report.attended(world.campaign), erased_at__isnull=True
    ).order_by("pk")
    to_erase = list(trained)
    assert len(to_erase) > 1
    summary_before, figures_before = summary(world), figures(world)
    erased_before = report.build_report(world.campaign).totals.erased

    for pupil in to_erase:
        assert services.erase_pupil(pupil, world.oc.education)

    assert summary(world) == summary_before
    assert figures(world) == figures_before
    in_campaign = report.campaign_pupils(world.campaign).filter(pk__in=[p.pk for p in to_erase])
    erased_after = report.build_report(world.campaign).totals.erased
    assert erased_after == erased_before + in_campaign.count()
