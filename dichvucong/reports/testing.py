"""Generated dossiers for the report tests and the benchmark.

Rows are written straight to the tables (bulk_create), with dates chosen
to cover what the rules must get right: dossiers before the period,
results on the due date, a day late, or just after midnight (where the
local date and the UTC date differ), apology dates, paused supplements,
fees paid online or at the counter, ratings, practice dossiers and drafts.
Test and benchmark code only."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from dichvucong.accounts.models import User
from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Field, Procedure, RequiredDocument
from dichvucong.dossiers.constants import Delivery, Status
from dichvucong.dossiers.models import Attachment, Dossier, ResultDocument
from dichvucong.lib.dossier_codes import format_code
from dichvucong.reports.tally.recording import recounted

STATUS_WEIGHTS = {
    Status.DRAFT: 8,
    Status.SUBMITTED: 6,
    Status.ACCEPTED: 6,
    Status.REFUSED: 5,
    Status.PROCESSING: 12,
    Status.SUPPLEMENT: 6,
    Status.AWAITING_PAYMENT: 4,
    Status.WITHDRAWN: 4,
    Status.STOPPED: 4,
    Status.RESOLVED: 15,
    Status.RETURNED: 30,
}
ONLINE_GATEWAY_NAMES = ("vnpay", "sandbox")


@dataclass
class World:
    agencies: list[Agency]
    procedures: list[Procedure]
    applicant: User
    officer: User


def extend_world(
    agencies: list[Agency], district: AdminUnit, applicant: User, officer: User
) -> World:
    """Adds a district department and two procedures (a level-4 one with a
    fee, a level-2 one in another field) to the given agencies."""
    department = Agency.objects.create(
        name="Phòng Tư pháp quận",
        unit_code="G.TP",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=district,
    )
    civil, business = (
        Field.objects.get_or_create(name=name)[0] for name in ("Hộ tịch", "Đăng ký kinh doanh")
    )
    full = Procedure.objects.create(
        code="2.000001",
        name="Cấp bản sao trích lục hộ tịch",
        field=civil,
        handling_level=HandlingLevel.DISTRICT,
        agency=department,
        online_level=OnlineLevel.FULL,
        working_days=2,
        fee_text="8.000 đồng/bản",
        fee_rule={"kind": "fixed", "amount": 8000},
    )
    RequiredDocument.objects.create(procedure=full, name="Tờ khai", position=1)
    forms_only = Procedure.objects.create(
        code="2.000002",
        name="Đăng ký hộ kinh doanh",
        field=business,
        handling_level=HandlingLevel.DISTRICT,
        agency=department,
        online_level=OnlineLevel.FORMS,
        working_days=3,
        fee_text="",
    )
    procedures = list(Procedure.objects.filter(is_active=True).order_by("pk"))
    assert forms_only in procedures
    return World([*agencies, department], procedures, applicant, officer)


def generate(
    world: World, count: int, *, today: date, days: int = 240, seed: int = 766
) -> list[Dossier]:
    """`count` dossiers submitted over the `days` before `today`, in every
    status; their attachments, results, payments and ratings."""
    rng = random.Random(seed)
    first = Dossier.objects.count()  # numbers go on from earlier batches: codes stay unique
    dossiers = [_dossier(world, rng, first + n, today, days) for n in range(count)]
    with transaction.atomic(), recounted():
        Dossier.objects.bulk_create(dossiers, batch_size=500)
        _attachments(world, rng, dossiers)
        _results(world, rng, dossiers)
        _payments(rng, dossiers)
        _ratings(rng, dossiers)
    return dossiers


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _now() -> datetime:
    return timezone.now()


def _dossier(world: World, rng: random.Random, index: int, today: date, days: int) -> Dossier:
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    procedure = rng.choice(world.procedures)
    dossier = Dossier(
        procedure=procedure,
        agency=rng.choice(world.agencies),
        applicant=world.applicant,
        applicant_name=f"Nguyễn Thị Mẫu {index}",
        applicant_phone=f"09{index:08d}",
        applicant_id_number=f"0011{index:08d}",
        applicant_email=f"mau{index}@example.vn",
        status=status,
        is_practice=rng.random() < 0.08,
        delivery=Delivery.ONLINE,
    )
    if status == Status.DRAFT:
        return dossier
    # As lifecycle.submit keeps it (dossiers.places): no e-form here.
    citizen = getattr(world.applicant, "citizen", None)
    dossier.residential_group_id = getattr(citizen, "residential_group_id", None)
    submitted_day = today - timedelta(days=rng.randint(0, days))
    dossier.submitted_at = min(_at(submitted_day, rng.randint(7, 22), rng.randint(0, 59)), _now())
    # Unique across days, as the table needs; real codes restart daily.
    dossier.code = format_code(dossier.agency.unit_code, submitted_day, index + 1)
    if procedure.online_level == OnlineLevel.FULL:
        dossier.fee_amount = 8000
    _lifecycle_dates(dossier, rng)
    return dossier


def _lifecycle_dates(dossier: Dossier, rng: random.Random) -> None:
    """Dates consistent with the status, as dossiers.lifecycle writes them."""
    status, submitted = dossier.status, dossier.submitted_at
    assert submitted is not None
    if status in (Status.SUBMITTED, Status.AWAITING_PAYMENT):
        return
    if status == Status.REFUSED or (status == Status.WITHDRAWN and rng.random() < 0.5):
        dossier.closed_at = min(submitted + timedelta(hours=4), _now())
        return
    if status == Status.SUPPLEMENT and rng.random() < 0.4:
        dossier.supplement_requested_at = min(submitted + timedelta(hours=2), _now())
        dossier.supplement_status_from = Status.SUBMITTED
        return
    _received(dossier, rng)


def _received(dossier: Dossier, rng: random.Random) -> None:
    assert dossier.submitted_at is not None
    received = min(dossier.submitted_at + timedelta(hours=rng.randint(1, 30)), _now())
    dossier.received_at = received
    dossier.due_date = timezone.localdate(received) + timedelta(days=rng.randint(1, 12))
    if dossier.fee_amount and rng.random() < 0.8:
        dossier.fee_paid_at = received
    status = dossier.status
    if status in (Status.RESOLVED, Status.RETURNED):
        _resolved(dossier, rng)
    elif status in (Status.WITHDRAWN, Status.STOPPED):
        dossier.closed_at = min(received + timedelta(days=rng.randint(0, 5)), _now())
    elif status == Status.SUPPLEMENT:
        dossier.supplement_requested_at = min(received + timedelta(days=1), _now())
        dossier.supplement_status_from = Status.PROCESSING
    elif rng.random() < 0.15:
        dossier.extended_due_date = dossier.due_date + timedelta(days=5)


def _resolved(dossier: Dossier, rng: random.Random) -> None:
    """On the due date, before, after, or at 00:30 the day after it (UTC
    still says the due date there: only the local date makes it late)."""
    assert dossier.due_date is not None and dossier.received_at is not None
    offset = rng.randint(-4, 4)
    day = dossier.due_date + timedelta(days=offset)
    hour, minute = (0, 30) if offset == 1 and rng.random() < 0.5 else (rng.randint(8, 17), 0)
    resolved = max(_at(day, hour, minute), dossier.received_at + timedelta(minutes=5))
    dossier.resolved_at = min(resolved, _now())
    if dossier.status == Status.RETURNED:
        returned = min(dossier.resolved_at + timedelta(hours=rng.randint(1, 48)), _now())
        dossier.returned_at = dossier.closed_at = returned


def _attachments(world: World, rng: random.Random, dossiers: list[Dossier]) -> None:
    rows = [
        Attachment(
            dossier=d,
            file="dossiers/mau.pdf",
            original_name="to-khai.pdf",
            content_type="application/pdf",
            size=1000,
            sha256="0" * 64,
            uploaded_by=world.applicant,
        )
        for d in dossiers
        if rng.random() < 0.85
    ]
    Attachment.objects.bulk_create(rows, batch_size=500)


def _results(world: World, rng: random.Random, dossiers: list[Dossier]) -> None:
    rows = [
        ResultDocument(
            dossier=d,
            verification_code=f"KQ{d.pk:010d}",
            file="results/kq.pdf",
            sha256=f"{d.pk:064d}",
            issued_at=d.resolved_at,
            issued_by=world.officer,
        )
        for d in dossiers
        if d.resolved_at is not None and rng.random() < 0.7
    ]
    ResultDocument.objects.bulk_create(rows, batch_size=500)


def _payments(rng: random.Random, dossiers: list[Dossier]) -> None:
    """Paid online or at the counter; a failed online try before some
    counter payments, which must not count as paid online."""
    try:
        from dichvucong.payments.models import Payment
    except ImportError:
        return
    rows: list[Any] = []
    for dossier in (d for d in dossiers if d.fee_paid_at is not None):
        online = rng.random() < 0.6
        if not online and rng.random() < 0.5:
            rows.append(
                Payment(
                    dossier=dossier,
                    amount=8000,
                    gateway="vnpay",
                    status="failed",
                    txn_ref=_txn_ref(dossier, 0),
                )
            )
        rows.append(
            Payment(
                dossier=dossier,
                amount=8000,
                txn_ref=_txn_ref(dossier, 1),
                gateway=rng.choice(ONLINE_GATEWAY_NAMES) if online else "counter",
                status="paid",
                paid_at=dossier.fee_paid_at,
                receipt_number=f"BL{dossier.pk:010d}",
            )
        )
    Payment.objects.bulk_create(rows, batch_size=500)


def _txn_ref(dossier: Dossier, attempt: int) -> str:
    """The real shape (local date and 12 hex digits), numbered from the
    dossier rather than drawn at random: random digits of one day collide
    at a hundred thousand payments, and bulk_create cannot draw again."""
    assert dossier.fee_paid_at is not None
    return f"{timezone.localdate(dossier.fee_paid_at):%y%m%d}{dossier.pk * 2 + attempt:012X}"


def _ratings(rng: random.Random, dossiers: list[Dossier]) -> None:
    try:
        from dichvucong.feedback.models import Rating
    except ImportError:
        return
    rated = [d for d in dossiers if d.resolved_at is not None and rng.random() < 0.6]
    ratings = Rating.objects.bulk_create(
        [Rating(dossier=d, level=rng.choice((3, 3, 2, 2, 1))) for d in rated], batch_size=500
    )
    # created_at is auto_now_add: the real dates are set afterwards.
    for rating, dossier in zip(ratings, rated, strict=True):
        assert dossier.resolved_at is not None
        rating.created_at = min(dossier.resolved_at + timedelta(days=1), _now())
    Rating.objects.bulk_update(ratings, ["created_at"], batch_size=500)
