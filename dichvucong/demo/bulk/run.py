"""Generating a city's worth of data: the steps in order, a chunk of
dossiers at a time, in one transaction (all or nothing)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as clock

from django.db import transaction
from django.utils import timezone

from dichvucong.demo.bulk import extras
from dichvucong.demo.bulk.chain import chain, key_read_once
from dichvucong.demo.bulk.codes import Codes
from dichvucong.demo.bulk.dossiers import DossierMaker
from dichvucong.demo.bulk.ids import Ids
from dichvucong.demo.bulk.outreach import Outreach
from dichvucong.demo.bulk.people import make_applicants
from dichvucong.demo.bulk.plan import ASSISTED_SHARE, DOSSIERS_PER_APPLICANT, Plan, load_master
from dichvucong.demo.bulk.staff import Actor, officers
from dichvucong.demo.bulk.writers import Row, Writer, writer_for
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier, Event, ResultDocument
from dichvucong.feedback.models import Rating
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.payments.models import Payment
from dichvucong.reports.tally.recording import recounted

Progress = Callable[[int, int], None]


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Batch:
    """The rows of one chunk of dossiers, by table, in the order written."""

    tables: dict[type, list[Row]] = field(default_factory=dict)

    def add(self, model: type, rows: list[Row]) -> None:
        self.tables.setdefault(model, []).extend(rows)


def generate(plan: Plan, *, writer: str = "auto", progress: Progress | None = None) -> Summary:
    started = time.perf_counter()
    out = writer_for(writer)
    with transaction.atomic(), key_read_once(), recounted():
        _generate(plan, out, progress or (lambda done, total: None))
        out.finish()
    return Summary(dict(sorted(out.counts.items())), time.perf_counter() - started)


def _generate(plan: Plan, out: Writer, progress: Progress) -> None:
    master, ids = load_master(), Ids()
    joined = datetime.combine(plan.first_day, clock(8), timezone.get_current_timezone())
    applicants = make_applicants(
        max(20, plan.dossiers // DOSSIERS_PER_APPLICANT), plan.rng("people"), ids, out, joined
    )
    staff = officers(ids, out, joined)
    outreach = Outreach(plan, master, ids, out)
    outreach.build()
    codes = Codes()
    maker = DossierMaker(plan, master, applicants, codes)
    rng, done = plan.rng("dossiers"), 0
    while done < plan.dossiers:
        count = min(plan.chunk, plan.dossiers - done)
        batch = Batch()
        for dossier_id in ids.take(Dossier, count):
            _one(maker.row(dossier_id, rng), batch, rng, ids, staff, outreach)
        for model, rows in batch.tables.items():
            out.write(model, rows)
        done += count
        progress(done, plan.dossiers)
    codes.save(ids, out)


HELD = (Status.PROCESSING, Status.SUPPLEMENT, Status.AWAITING_PAYMENT)


def _assign(row: Row, officer: Actor) -> None:
    """Past reception, the officer is the assignee; while in progress, the
    holder too (lifecycle.assign), so back-office queues have work in them."""
    if row.get("received_at") is None or row["status"] == Status.ACCEPTED:
        return
    row["assignee_id"] = officer[0]
    if row["status"] in HELD:
        row["holder_id"] = officer[0]


def _one(
    row: Row,
    batch: Batch,
    rng: random.Random,
    ids: Ids,
    staff: dict[int, Actor],
    outreach: Outreach,
) -> None:
    officer = staff.get(row["agency_id"], (None, ""))
    _assign(row, officer)
    helped = None
    if row["status"] != Status.DRAFT and not row["is_practice"] and rng.random() < ASSISTED_SHARE:
        helper = outreach.helper_for(row["submitted_at"], rng)
        if helper is not None:
            helped, record = outreach.assist(row, helper)
            batch.add(AssistedSubmission, [record])
    events = chain(row, (row["applicant_id"], row["applicant_name"]), officer, helped)
    for event, pk in zip(events, ids.take(Event, len(events)), strict=True):
        event["id"] = pk
    batch.add(Dossier, [row])
    batch.add(Event, events)
    batch.add(Attachment, extras.attachments(row, rng, ids))
    batch.add(ResultDocument, extras.result(row, rng, ids, officer[0]))
    batch.add(Payment, extras.payments(row, rng, ids))
    batch.add(Rating, extras.rating(row, rng, ids))
