"""Everything the system holds about one account, gathered once, in a fixed
number of queries whatever the number of dossiers: the page, the JSON and
the PDF all show this one object (Law 91/2025/QH15, art. 4: the right to
know, to see and to have a copy).

Staff who acted on the subject's dossiers are named by office and role,
not by name (see `staff_actions`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from dichvucong.accounts import services as accounts
from dichvucong.accounts.models import StaffRole, User
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.dossiers.access import applicant_dossiers
from dichvucong.dossiers.models import Attachment, Dossier, Event, ResultDocument
from dichvucong.notifications.models import OutboxMessage
from dichvucong.rights.models import RightsRequest

Row = dict[str, Any]


@dataclass
class HeldData:
    account: Row
    dossiers: list[Row] = field(default_factory=list)
    files: list[Row] = field(default_factory=list)
    results: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    bookings: list[Row] = field(default_factory=list)
    notifications: list[Row] = field(default_factory=list)
    helpers: list[Row] = field(default_factory=list)
    staff_actions: list[Row] = field(default_factory=list)
    staff_reads: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    requests: list[Row] = field(default_factory=list)
    # For the ZIP: the stored files themselves, not shown on the page.
    attachment_objects: list[Attachment] = field(default_factory=list)


def held_about(user: User) -> HeldData:
    dossiers = list(
        applicant_dossiers(user).select_related("helper").order_by("-created_at", "-pk")
    )
    data = HeldData(account=account_row(user))
    data.dossiers = [dossier_row(d) for d in dossiers]
    data.helpers = [helper_row(d) for d in dossiers if d.helper_id]
    ids = [d.pk for d in dossiers]
    codes = {d.pk: d.code or "" for d in dossiers}
    _files(data, ids, codes)
    _results_and_payments(data, ids, codes)
    data.bookings = _bookings(user)
    data.notifications = _notifications(user, ids, codes)
    data.staff_actions = staff_actions(dossiers)
    data.staff_reads = staff_reads(dossiers)
    data.events = _events(ids, codes)
    data.requests = [request_row(r) for r in RightsRequest.objects.filter(account=user)]
    return data


def account_row(user: User) -> Row:
    row: Row = {
        "kind": user.get_kind_display(),
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }
    citizen = accounts.citizen_profile(user)
    if citizen is not None:
        row.update(
            id_number=citizen.id_number,
            date_of_birth=citizen.date_of_birth,
            phone=citizen.phone,
            address=accounts.full_address(citizen.address, citizen.residential_group, citizen.ward),
            assurance=citizen.get_assurance_display(),
            notify_by_zalo=citizen.notify_by_zalo,
        )
    organisation = accounts.organisation_profile(user)
    if organisation is not None:
        row.update(
            organisation=organisation.name,
            tax_code=organisation.tax_code,
            representative=organisation.representative,
            phone=organisation.phone,
            address=accounts.full_address(organisation.address, None, organisation.ward),
            assurance=organisation.get_assurance_display(),
        )
    link = getattr(user, "national_eid", None)
    if link is not None:
        row["national_eid_linked_at"] = link.linked_at
    return row


def dossier_row(dossier: Dossier) -> Row:
    return {
        "public_id": str(dossier.public_id),
        "code": dossier.code or "",
        "procedure": dossier.procedure.name,
        "agency": dossier.agency.name,
        "status": dossier.get_status_display(),
        "is_draft": dossier.status == 0,
        "created_at": dossier.created_at,
        "submitted_at": dossier.submitted_at,
        "due_date": dossier.extended_due_date or dossier.due_date,
        "applicant_name": dossier.applicant_name,
        "applicant_id_number": dossier.applicant_id_number,
        "applicant_phone": dossier.applicant_phone,
        "applicant_email": dossier.applicant_email,
        "delivery_address": dossier.delivery_address,
        "form_data": dossier.form_data,
    }


def helper_row(dossier: Dossier) -> Row:
    return {
        "dossier": dossier.code or "",
        "procedure": dossier.procedure.name,
        "helper": accounts.helper_name_for_staff(dossier.helper),
        "at": dossier.submitted_at or dossier.created_at,
    }


def request_row(request: RightsRequest) -> Row:
    return {
        "id": request.pk,
        "kind": request.get_kind_display(),
        "details": request.details,
        "status": request.get_status_display(),
        "is_open": request.is_open,
        "received_at": request.received_at,
        "due_at": request.due_at,
        "answer": request.answer,
        "reasons": request.reasons,
        "answered_at": request.answered_at,
    }


def _files(data: HeldData, ids: list[int], codes: dict[int, str]) -> None:
    attachments = list(Attachment.objects.filter(dossier_id__in=ids).order_by("dossier_id", "pk"))
    data.attachment_objects = attachments
    data.files = [
        {
            "public_id": str(a.public_id),
            "dossier": codes[a.dossier_id],
            "name": a.original_name,
            "size": a.size,
            "content_type": a.content_type,
            "sha256": a.sha256,
            "uploaded_at": a.uploaded_at,
        }
        for a in attachments
    ]


def _results_and_payments(data: HeldData, ids: list[int], codes: dict[int, str]) -> None:
    from dichvucong.payments.models import Payment

    results = ResultDocument.objects.filter(dossier_id__in=ids).select_related("dossier")
    data.results = [
        {
            "dossier": codes[r.dossier_id],
            "dossier_public_id": str(r.dossier.public_id),
            "verification_code": r.verification_code,
            "issued_at": r.issued_at,
        }
        for r in results
    ]
    payments = Payment.objects.filter(dossier_id__in=ids).order_by("created_at")
    data.payments = [
        {
            "dossier": codes[p.dossier_id],
            "amount": p.amount,
            "gateway": p.get_gateway_display(),
            "status": p.get_status_display(),
            "paid_at": p.paid_at,
            "receipt_number": p.receipt_number,
        }
        for p in payments
    ]


def _bookings(user: User) -> list[Row]:
    from dichvucong.appointments.models import Booking

    rows = Booking.objects.filter(citizen=user).select_related("agency", "procedure")
    return [
        {
            "code": b.code,
            "agency": b.agency.name,
            "procedure": b.procedure.name,
            "day": b.day,
            "visitor_name": b.visitor_name,
            "visitor_phone": b.visitor_phone,
            "status": b.get_status_display(),
        }
        for b in rows.order_by("-day")
    ]


def _contacts(user: User) -> list[str]:
    contacts = [user.email, accounts.contact_phone(user)]
    return [c for c in contacts if c]


def _notifications(user: User, ids: list[int], codes: dict[int, str]) -> list[Row]:
    to_them = Q(dossier_id__in=ids) | Q(recipient__in=_contacts(user))
    return [
        {
            "dossier": codes.get(m.dossier_id or 0, ""),
            "channel": m.get_channel_display(),
            "recipient": m.recipient,
            "subject": m.subject,
            "body": m.body,
            "status": m.get_status_display(),
            "created_at": m.created_at,
            "sent_at": m.sent_at,
        }
        for m in OutboxMessage.objects.filter(to_them).order_by("-created_at", "-pk")
    ]


def staff_actions(dossiers: list[Dossier]) -> list[Row]:
    """Who at the office acted on the subject's dossiers, from the security
    audit trail: the office, the role, what and when; not the officer's
    name. The subject's right is to know who processes their data (art. 4):
    the controller is the office, and an officer acts in its name; an
    officer's name is their own personal data, and naming them invites
    pressure on one person for an office's decision. A name is given on a
    request, when the office judges it needed (a complaint, a conflict of
    interest). Reads are in staff_reads."""
    agency_of = {d.code: d.agency for d in dossiers if d.code}
    if not agency_of:
        return []
    entries = list(
        AuditEntry.objects.filter(
            action=Action.STAFF_ACTION, target__in=list(agency_of), actor__isnull=False
        ).order_by("-at", "-pk")
    )
    roles = _roles_by_actor({e.actor_id for e in entries})
    rows = []
    for entry in entries:
        agency = agency_of[entry.target]
        held = roles.get((entry.actor_id, agency.pk)) or roles.get((entry.actor_id, None), "")
        rows.append(
            {
                "dossier": entry.target,
                "office": agency.name,
                "role": held,
                "what": entry.what,
                "at": entry.at,
            }
        )
    return rows


def staff_reads(dossiers: list[Dossier]) -> list[Row]:
    """Who at the office opened the subject's dossiers, a day at a time:
    office and role, as staff_actions, for the same reasons."""
    from dichvucong.rights.models import DossierRead

    by_id = {d.pk: d for d in dossiers}
    reads = list(
        DossierRead.objects.filter(dossier_id__in=list(by_id)).order_by("-first_at", "-pk")
    )
    roles = _roles_by_actor({r.actor_id for r in reads})
    rows = []
    for read in reads:
        agency = by_id[read.dossier_id].agency
        held = roles.get((read.actor_id, agency.pk)) or roles.get((read.actor_id, None), "")
        rows.append(
            {
                "dossier": by_id[read.dossier_id].code or "",
                "office": agency.name,
                "role": held,
                "day": read.day,
            }
        )
    return rows


def _roles_by_actor(actor_ids: set[int | None]) -> dict[tuple[int, int | None], str]:
    """(actor, agency) → the role's name there; (actor, None) → any role."""
    found: dict[tuple[int, int | None], str] = {}
    for role in StaffRole.objects.filter(user_id__in=actor_ids).order_by("pk"):
        label = str(role.get_role_display())
        found[(role.user_id, role.agency_id)] = label
        found.setdefault((role.user_id, None), label)
    return found


def _events(ids: list[int], codes: dict[int, str]) -> list[Row]:
    """The dossiers' history as the subject's copy: what happened and when;
    the officers by their event only (see staff_actions)."""
    events = Event.objects.filter(dossier_id__in=ids).order_by("dossier_id", "seq")
    return [
        {
            "dossier": codes[e.dossier_id],
            "seq": e.seq,
            "at": e.at,
            "kind": e.get_kind_display(),
            "from_status": e.get_from_status_display() if e.from_status is not None else "",
            "to_status": e.get_to_status_display() if e.to_status is not None else "",
            "reason": e.reason,
        }
        for e in events
    ]


# --- A pupil, for the guardian ------------------------------------------------------------


def held_about_pupil(pupil: Any) -> dict[str, Any]:
    """What the campaign holds about a pupil, for the guardian's copy (the
    school hands it over: guardians have no login). Dossiers the pupil
    helped with are other people's: counted, not shown."""
    from dichvucong.outreach.models import Ambassador, Attendance, Consent, PracticeAttempt

    school_class = pupil.school_class
    guardian = pupil.guardian
    ambassadors = list(Ambassador.objects.filter(pupil=pupil).select_related("user"))
    helped = Dossier.objects.filter(helper_id__in=[a.user_id for a in ambassadors if a.user_id])
    return {
        "pupil": {
            "full_name": pupil.full_name,
            "pupil_code": pupil.pupil_code,
            "birth_year": pupil.birth_year,
            "class": school_class.name,
            "school_year": school_class.school_year,
            "school": school_class.school.name,
            "residential_group": pupil.ambassador_group.name if pupil.ambassador_group else "",
        },
        "guardian": {"full_name": guardian.full_name, "phone": guardian.phone} if guardian else {},
        "consents": [
            {
                "giver": c.get_giver_display(),
                "given": c.given,
                "method": c.get_method_display(),
                "recorded_at": c.recorded_at,
                "note": c.note,
            }
            for c in Consent.objects.filter(pupil=pupil)
        ],
        "attendance": [
            {"session": a.session.starts_at, "place": a.session.place, "present": a.present}
            for a in Attendance.objects.filter(pupil=pupil).select_related("session")
        ],
        "logins": [
            {"username": a.user.username if a.user else "", "active": a.active} for a in ambassadors
        ],
        "practice_attempts": PracticeAttempt.objects.filter(pupil=pupil).count(),
        "dossiers_helped": helped.count(),
        "requests": [request_row(r) for r in RightsRequest.objects.filter(pupil=pupil)],
    }
