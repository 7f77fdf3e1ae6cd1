"""Issued results for the demo, made the real way: the latest finished
dossiers (and the demo citizen's own) get their result drafted from the
procedure's template, numbered in their agency's register of the year and
printed, as of the day the leader approved them. Only the latest few: the
older ones were handed over on paper in 2017 (see activity.py), and each
PDF takes a moment to draw."""

from __future__ import annotations

from dichvucong.demo.activity import as_of
from dichvucong.demo.people import CITIZEN_ID
from dichvucong.demo.store import Tally
from dichvucong.dossiers.constants import FINISHED_STATUSES, Status
from dichvucong.dossiers.models import Dossier, ResultDocument
from dichvucong.results.service import issue_result
from dichvucong.results.template_data import load_templates

ISSUED_IN_DEMO = 12


def load_results(tally: Tally) -> int:
    """Templates (kept if already there), then the latest results; safe to
    run twice. Returns how many results were issued."""
    tally.created["results.resulttemplate"] += load_templates()
    issued = 0
    for dossier in sorted(latest_finished(), key=lambda d: d.resolved_at):
        if ResultDocument.objects.filter(dossier=dossier).exists():
            continue
        approval = dossier.events.filter(to_status=Status.RESOLVED).order_by("seq").first()
        if approval is None or approval.actor is None:
            continue
        with as_of(dossier.resolved_at):
            issue_result(dossier, approval.actor)
        issued += 1
    tally.created["dossiers.resultdocument"] += issued
    return issued


def latest_finished() -> set[Dossier]:
    """The dossiers the demo issues results for: the latest finished ones
    and the demo citizen's own."""
    finished = Dossier.objects.filter(
        status__in=FINISHED_STATUSES, is_practice=False, resolved_at__isnull=False
    )
    # Several dossiers are approved at the same minute: without the id,
    # the database may pick another of them the next time (PostgreSQL's
    # order of equal rows follows where they lie), and a second load
    # would issue one more result.
    latest = set(finished.order_by("-resolved_at", "-pk")[:ISSUED_IN_DEMO])
    # The demo citizen downloads their own e-result (people.CITIZEN_ID).
    return latest | set(finished.filter(applicant__username=CITIZEN_ID))
