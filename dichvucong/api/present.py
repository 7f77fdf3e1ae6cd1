"""Models as the API's response shapes (schemas.py), built explicitly so a
model field never leaks into a response by being added to the model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db.models import Model, QuerySet
from django.utils import timezone

from dichvucong.accounts.services import account_assurance
from dichvucong.api.constants import API_PREFIX
from dichvucong.api.schemas import PageQuery
from dichvucong.catalogue.constants import HandlingLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Procedure
from dichvucong.catalogue.services import handling_on
from dichvucong.dossiers import submission
from dichvucong.dossiers.models import Attachment, Dossier, Event
from dichvucong.dossiers.views.follow import timeline
from dichvucong.lib.money import normalize_amounts
from dichvucong.payments.models import Payment

M = TypeVar("M", bound=Model)


def page(rows: QuerySet[M], query: PageQuery, one: Callable[[M], dict[str, Any]]) -> dict[str, Any]:
    """One page of `rows`; a page past the end is empty, not an error."""
    start = (query.page - 1) * query.page_size
    return {
        "count": rows.count(),
        "page": query.page,
        "page_size": query.page_size,
        "items": [one(row) for row in rows[start : start + query.page_size]],
    }


def agency(value: Agency | None) -> dict[str, Any] | None:
    return None if value is None else {"unit_code": value.unit_code, "name": value.name}


# --- Catalogue -------------------------------------------------------------------


def procedure_summary(procedure: Procedure) -> dict[str, Any]:
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field": {"id": procedure.field_id, "name": procedure.field.name},
        # Today's, when catalogue.services.active_procedures annotated it.
        "handling_level": getattr(procedure, "level_on_day", procedure.handling_level),
        "online_level": procedure.online_level,
        "working_days": procedure.working_days,
        "fee_text": normalize_amounts(procedure.fee_text),
        "accepts_online": submission.accepts_online(procedure),
    }


AGENCIES_URL = f"{API_PREFIX}catalogue/agencies"


def _handling_today(procedure: Procedure) -> tuple[str, Agency | None]:
    today = timezone.localdate()
    level, handler = handling_on(procedure, today)
    if level == HandlingLevel.WARD:
        return "ward", None
    if handler is None or not handler.is_valid_on(today):
        return "unset", None
    return "agency", handler


def procedure_detail(procedure: Procedure) -> dict[str, Any]:
    schema = procedure.form_schema if isinstance(procedure.form_schema, list) else []
    level, handler = _handling_today(procedure)
    return {
        **procedure_summary(procedure),
        "agency": agency(handler) if handler is not None else None,
        "agency_level": level,
        "agencies_url": f"{AGENCIES_URL}?{urlencode({'procedure': procedure.code})}",
        "result_type": procedure.result_type,
        "min_assurance": procedure.min_assurance,
        "notes": procedure.notes,
        "documents": [
            {"id": doc.pk, "name": doc.name, "required": doc.required}
            for doc in procedure.documents.all()
        ],
        "delivery_choices": [
            str(choice.value) for choice in submission.delivery_choices(procedure)
        ],
        "form_schema": [step for step in schema if isinstance(step, dict)],
    }


def unit_ref(unit: AdminUnit) -> dict[str, Any]:
    return {"code": unit.code, "name": unit.name, "level": unit.level}


def agency_detail(value: Agency) -> dict[str, Any]:
    return {
        "unit_code": value.unit_code,
        "name": value.name,
        "kind": value.kind,
        "admin_unit": unit_ref(value.admin_unit),
        "parent": None if value.parent is None else value.parent.unit_code,
    }


def unit(value: AdminUnit) -> dict[str, Any]:
    """From catalogue.services.list_units, which annotates committee_code."""
    return {
        **unit_ref(value),
        "parent": None if value.parent is None else value.parent.code,
        "committee": getattr(value, "committee_code", None),
    }


# --- Dossiers ----------------------------------------------------------------------


def attachment(item: Attachment) -> dict[str, Any]:
    return {
        "id": item.public_id,
        "document": item.document_id,
        "kind": item.kind,
        "name": item.original_name,
        "content_type": item.content_type,
        "size": item.size,
        "sha256": item.sha256,
        "uploaded_at": item.uploaded_at,
    }


def dossier_summary(dossier: Dossier) -> dict[str, Any]:
    return {
        "id": dossier.public_id,
        "code": dossier.code,
        "status": dossier.status,
        "status_label": dossier.status_text,
        "procedure": {"code": dossier.procedure.code, "name": dossier.procedure.name},
        "agency": agency(dossier.agency),
        "created_at": dossier.created_at,
        "submitted_at": dossier.submitted_at,
        "due_date": dossier.effective_due_date,
    }


def _dossier_fields(dossier: Dossier) -> dict[str, Any]:
    return {
        "delivery": dossier.delivery,
        "delivery_address": dossier.delivery_address,
        "received_at": dossier.received_at,
        "resolved_at": dossier.resolved_at,
        "returned_at": dossier.returned_at,
        "closed_at": dossier.closed_at,
        "fee_amount": dossier.fee_amount,
        "form_data": dossier.form_data if isinstance(dossier.form_data, dict) else {},
        "attachments": [attachment(a) for a in dossier.attachments.all()],
    }


def applicant_dossier(dossier: Dossier) -> dict[str, Any]:
    """What the applicant's own dossier page shows, staff named by their
    office only (dossiers.views.follow.timeline)."""
    return {
        **dossier_summary(dossier),
        **_dossier_fields(dossier),
        "problems": submission.submission_problems(dossier) if dossier.is_draft else [],
        "timeline": [asdict(moment) for moment in timeline(dossier)],
    }


def _username(user: Any) -> str | None:
    return None if user is None else user.username


def staff_summary(dossier: Dossier) -> dict[str, Any]:
    return {
        **dossier_summary(dossier),
        "applicant_name": dossier.applicant_name,
        "assignee": _username(dossier.assignee),
        "holder": _username(dossier.holder),
    }


def event(item: Event) -> dict[str, Any]:
    return {
        "seq": item.seq,
        "at": item.at,
        "kind": item.kind,
        "from_status": item.from_status,
        "to_status": item.to_status,
        "actor": _username(item.actor),
        "actor_name": item.actor_name,
        "reason": item.reason,
        "data": item.data if isinstance(item.data, dict) else {},
    }


def payment(item: Payment) -> dict[str, Any]:
    return {
        "id": item.public_id,
        "amount": item.amount,
        "gateway": item.gateway,
        "receipt_number": item.receipt_number,
        "paid_at": item.paid_at,
    }


def staff_dossier(dossier: Dossier) -> dict[str, Any]:
    """The whole dossier and its event log, as the back office sees it."""
    return {
        **staff_summary(dossier),
        **_dossier_fields(dossier),
        "applicant_id_number": dossier.applicant_id_number,
        "applicant_phone": dossier.applicant_phone,
        "applicant_email": dossier.applicant_email,
        "applicant_assurance": account_assurance(dossier.applicant_id),
        "fee_exemption": dossier.fee_exemption,
        "fee_paid_at": dossier.fee_paid_at,
        "extended_due_date": dossier.extended_due_date,
        "postal_tracking": dossier.postal_tracking,
        "events": [event(e) for e in dossier.events.select_related("actor").order_by("seq")],
    }
