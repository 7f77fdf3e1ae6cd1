"""Does a frozen year-end report still hold? (issue 12, point 6)

A submitted or approved report is read from its snapshot; here it is
computed again from the dossiers and their events as they are now, with
the criteria it was frozen with, and compared figure by figure for the
district, each school and each class, and dossier by dossier where the
snapshot kept its dossiers' ids. A difference means something counted
changed after submission (a status set back, an event edited, a helper
moved): the report should be looked at again before it is relied on.
`manage.py recompute_report` prints the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import report
from dichvucong.outreach.constants import ReportState
from dichvucong.outreach.models import Campaign, YearEndReport
from dichvucong.outreach.report_exports import COLUMNS

# Codes listed per difference; more are summed up as "…".
MAX_CODES = 20


@dataclass(frozen=True)
class Difference:
    where: str  # "Toàn quận", a school, or "school – class"
    figure: str
    frozen: str
    now: str


def frozen_report(campaign: Campaign) -> tuple[YearEndReport, report.Report] | None:
    """The report as submitted; None while there is none (a draft)."""
    row = YearEndReport.objects.filter(campaign=campaign).first()
    if row is None or row.state == ReportState.DRAFT or not row.snapshot.get("version"):
        return None
    return row, report.Report.from_json(row.snapshot)


def differences(campaign: Campaign, frozen: report.Report) -> list[Difference]:
    """Every figure (and kept dossier) of `frozen` that the dossiers no
    longer give, in the report's order."""
    now = report.build_report(campaign, frozen.criteria)
    found = _figures(_("Toàn quận"), frozen.totals, now.totals)
    current = {school.school_id: school for school in now.schools}
    ids_now = report.dossier_ids(campaign)
    for school in frozen.schools:
        twin = current.get(school.school_id) or report.SchoolRow(
            school.school_id, "", report.Figures()
        )
        found += _figures(school.name, school.figures, twin.figures)
        found += _classes(school, twin)
        found += _dossiers(school, ids_now.get(school.school_id, ([], [])))
    return found


def _figures(where: str, frozen: report.Figures, now: report.Figures) -> list[Difference]:
    return [
        Difference(where, str(label), str(getattr(frozen, name)), str(getattr(now, name)))
        for name, label in COLUMNS
        if getattr(frozen, name) != getattr(now, name)
    ]


def _classes(frozen: report.SchoolRow, now: report.SchoolRow) -> list[Difference]:
    current = {row.class_id: row.figures for row in now.classes}
    found = []
    for row in frozen.classes:
        where = f"{frozen.name} – {row.name}"
        found += _figures(where, row.figures, current.get(row.class_id, report.Figures()))
    return found


def _dossiers(school: report.SchoolRow, now: tuple[list[int], list[int]]) -> list[Difference]:
    """Dossiers counted (or pending) then and not now, and the reverse, by
    code; nothing when the snapshot kept no ids (frozen before they were)."""
    found = []
    kept = [(_("Hồ sơ được tính"), school.dossier_ids), (_("Hồ sơ chưa tính"), school.pending_ids)]
    for (label, then), today in zip(kept, now, strict=True):
        if then is None or set(then) == set(today):
            continue
        gone, new = sorted(set(then) - set(today)), sorted(set(today) - set(then))
        found.append(Difference(school.name, label, _codes(gone), _codes(new)))
    return found


def _codes(ids: list[int]) -> str:
    if not ids:
        return "–"
    codes = (
        Dossier.objects.filter(pk__in=ids[:MAX_CODES]).order_by("pk").values_list("code", flat=True)
    )
    more = f", … (+{len(ids) - MAX_CODES})" if len(ids) > MAX_CODES else ""
    return ", ".join(code or "?" for code in codes) + more
