"""Dossier rows with dates that fit their status, as dossiers.lifecycle
writes them: submitted, received (clock running), a supplement asked once,
a fee asked and paid, resolved early, on time or late, returned; refused,
withdrawn or stopped on the way. Nothing is dated after `now`."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.catalogue.models import Procedure
from dichvucong.demo.bulk.codes import Codes
from dichvucong.demo.bulk.people import Applicant
from dichvucong.demo.bulk.plan import PRACTICE_SHARE, STATUS_WEIGHTS, Master, Plan
from dichvucong.demo.bulk.writers import Row
from dichvucong.dossiers.constants import Delivery, Status

Clamp = Callable[[datetime], datetime]  # a moment, never after now
STATUSES = list(STATUS_WEIGHTS)
WEIGHTS = list(STATUS_WEIGHTS.values())
COUNCIL_FEE = 30_000
# Online dossiers go mostly to procedures offered online (levels 3 and 4).
LEVEL_WEIGHTS = {OnlineLevel.FULL: 4, OnlineLevel.PARTIAL: 3}
DELIVERIES = (Delivery.ONLINE, Delivery.ONLINE, Delivery.COUNTER, Delivery.POST)


class DossierMaker:
    def __init__(self, plan: Plan, master: Master, applicants: list[Applicant], codes: Codes):
        self.plan, self.codes, self.applicants = plan, codes, applicants
        self.procedures = master.procedures
        self.weights = [LEVEL_WEIGHTS.get(p.online_level, 1) for p in self.procedures]
        self.agencies = {p.pk: master.agency_ids_for(p) for p in self.procedures}
        self.zone = timezone.get_current_timezone()
        self.span = (plan.today - plan.first_day).days

    def row(self, dossier_id: int, rng: random.Random) -> Row:
        status = rng.choices(STATUSES, WEIGHTS)[0]
        procedure = rng.choices(self.procedures, self.weights)[0]
        applicant = rng.choice(self.applicants)
        submitted = self._moment(rng)
        row: Row = {
            "id": dossier_id,
            "public_id": uuid.uuid4(),
            "procedure_id": procedure.pk,
            "agency_id": rng.choice(self.agencies[procedure.pk]),
            "applicant_id": applicant.id,
            "applicant_name": applicant.name,
            "applicant_phone": applicant.phone,
            "applicant_id_number": applicant.id_number,
            "applicant_email": applicant.email,
            "form_data": {"ho_ten": applicant.name},
            "delivery": rng.choice(DELIVERIES),
            "status": status,
            "is_practice": rng.random() < PRACTICE_SHARE,
            "created_at": submitted - timedelta(minutes=rng.randint(5, 90)),
            "fee_amount": _fee(procedure, status),
        }
        if status != Status.DRAFT:
            row["submitted_at"] = submitted
            row["code"] = self.codes.issue(row["agency_id"], timezone.localdate(submitted))
            _lifecycle(row, procedure, rng, self.plan.now)
        row["updated_at"] = _last_date(row)
        return row

    def _moment(self, rng: random.Random) -> datetime:
        """A moment in office-ish hours, any day of the span up to now."""
        day = self.plan.first_day + timedelta(days=rng.randint(0, self.span))
        moment = datetime.combine(
            day, time(rng.randint(7, 21), rng.randint(0, 59), rng.randint(0, 59)), self.zone
        )
        return min(moment, self.plan.now - timedelta(minutes=rng.randint(1, 600)))


def _fee(procedure: Procedure, status: int) -> int | None:
    """The rule's amount for one copy or page; a council-set fee taken as
    a typical 30,000 đồng; a fee of sorts whenever payment is awaited."""
    rule = procedure.fee_rule or {}
    kind = rule.get("kind")
    if kind in ("fixed", "per_copy") and rule.get("amount"):
        return int(rule["amount"])
    if kind == "per_page" and rule.get("tiers"):
        return int(rule["tiers"][0]["amount"])
    if kind == "set_by_council" or status == Status.AWAITING_PAYMENT:
        return COUNCIL_FEE
    return None


def _last_date(row: Row) -> datetime:
    dated = [v for k, v in row.items() if k.endswith("_at") and isinstance(v, datetime)]
    return max(dated)


def _lifecycle(row: Row, procedure: Procedure, rng: random.Random, now: datetime) -> None:
    status, submitted = row["status"], row["submitted_at"]

    def at(moment: datetime) -> datetime:
        return min(moment, now)

    if status == Status.SUBMITTED:
        return
    if status == Status.REFUSED or (status == Status.WITHDRAWN and rng.random() < 0.3):
        row["closed_at"] = at(submitted + timedelta(hours=rng.randint(1, 20)))
        return
    if status == Status.SUPPLEMENT and rng.random() < 0.4:
        row["supplement_requested_at"] = at(submitted + timedelta(hours=2))
        row["supplement_status_from"] = Status.SUBMITTED
        return
    received = at(submitted + timedelta(hours=rng.randint(1, 30)))
    row["received_at"] = received
    row["due_date"] = _due(received, procedure)
    _after_reception(row, rng, at)


def _due(received: datetime, procedure: Procedure) -> date:
    """Working days as calendar days (weekends added): near enough for data."""
    days = procedure.working_days or 0
    return timezone.localdate(received) + timedelta(days=days + 2 * (days // 5))


def _after_reception(row: Row, rng: random.Random, at: Clamp) -> None:
    status, received = row["status"], row["received_at"]
    if row["fee_amount"] and status != Status.AWAITING_PAYMENT and rng.random() < 0.9:
        row["fee_paid_at"] = at(received + timedelta(minutes=rng.randint(5, 600)))
    if status in (Status.RESOLVED, Status.RETURNED):
        _resolved(row, rng, at)
    elif status in (Status.WITHDRAWN, Status.STOPPED):
        row["closed_at"] = at(received + timedelta(days=rng.randint(0, 5), hours=2))
    elif status == Status.SUPPLEMENT:
        row["supplement_requested_at"] = at(received + timedelta(days=1))
        row["supplement_status_from"] = Status.PROCESSING
    elif status in (Status.PROCESSING, Status.ACCEPTED) and rng.random() < 0.1:
        row["extended_due_date"] = row["due_date"] + timedelta(days=5)


def _resolved(row: Row, rng: random.Random, at: Clamp) -> None:
    """Mostly on time; some early, some late (a few at 00:30 the day after
    the due date: only the local date makes those late)."""
    received, due = row["received_at"], row["due_date"]
    offset = rng.choice((-3, -2, -1, -1, 0, 0, 0, 0, 1, 3))
    day = max(due + timedelta(days=offset), timezone.localdate(received))
    hour, minute = (0, 30) if offset == 1 and rng.random() < 0.3 else (rng.randint(8, 17), 0)
    moment = datetime.combine(day, time(hour, minute), received.tzinfo)
    row["resolved_at"] = resolved = at(max(moment, received + timedelta(hours=1)))
    if row["status"] == Status.RETURNED:
        row["returned_at"] = row["closed_at"] = at(resolved + timedelta(hours=rng.randint(1, 48)))
