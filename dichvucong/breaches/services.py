"""The operations on an incident. Each writes its IncidentEvent and an
audit entry in the same transaction; nothing personal goes into either
(counts and dates only)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action
from dichvucong.breaches.affected import Affected, affected
from dichvucong.breaches.constants import DataKind, EventKind, IncidentStatus
from dichvucong.breaches.models import Incident, IncidentEvent
from dichvucong.breaches.people import Person, people
from dichvucong.notifications import service as outbox
from dichvucong.notifications.compose import ascii_fold, tidy
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.pdf import Section


def note(incident: Incident, actor: Any, kind: str, **data: Any) -> IncidentEvent:
    event = IncidentEvent.objects.create(incident=incident, actor=actor, kind=kind, data=data)
    audit.record(
        Action.STAFF_ACTION,
        f"Sự cố dữ liệu: {EventKind(kind).label}",
        actor=actor,
        target=f"incident={incident.pk}",
        detail={"incident": incident.pk, **data},
    )
    return event


@transaction.atomic
def record_incident(actor: Any, incident: Incident) -> Incident:
    """Saves the incident the form built (not yet saved)."""
    incident.recorded_by = actor
    incident.save()
    note(incident, actor, EventKind.RECORDED, systems=list(incident.systems))
    return incident


@transaction.atomic
def update_incident(actor: Any, incident: Incident) -> Incident:
    incident.save()
    note(incident, actor, EventKind.EDITED, systems=list(incident.systems))
    return incident


@transaction.atomic
def mark_authority_notified(
    actor: Any, incident: Incident, at: datetime, late_reason: str
) -> Incident:
    """The notice was sent to the authority at `at`. After the deadline,
    the reasons for the delay go with it (Decree 13/2023 art. 23 cl. 1)."""
    if incident.notified_authority_at is not None:
        raise ValidationError(_("Thời điểm thông báo đã được ghi nhận trước đó."))
    if at > timezone.now():
        raise ValidationError(_("Thời điểm thông báo không thể ở tương lai."))
    if at < incident.found_at:
        raise ValidationError(_("Thời điểm thông báo không thể trước khi phát hiện sự cố."))
    late = at > incident.deadline
    if late and not late_reason.strip():
        raise ValidationError(_("Thông báo sau 72 giờ: cần ghi lý do thông báo chậm."))
    incident.notified_authority_at = at
    incident.late_reason = late_reason.strip() if late else ""
    if incident.status == IncidentStatus.OPEN:
        incident.status = IncidentStatus.NOTIFIED
    incident.save(update_fields=["notified_authority_at", "late_reason", "status"])
    note(incident, actor, EventKind.AUTHORITY_NOTIFIED, late=late)
    return incident


@transaction.atomic
def close_incident(actor: Any, incident: Incident) -> Incident:
    incident.status = IncidentStatus.CLOSED
    incident.save(update_fields=["status"])
    note(incident, actor, EventKind.CLOSED)
    return incident


def kind_labels(kinds: tuple[str, ...] | list[str]) -> list[str]:
    return [str(DataKind(kind).label) for kind in kinds]


@transaction.atomic
def affected_csv(actor: Any, incident: Incident) -> bytes:
    """The office's list: one row per person, with how to reach them."""
    listed = people(affected(incident))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Đối tượng"),
            _("Họ và tên"),
            _("Thư điện tử"),
            _("Số điện thoại"),
            _("Loại dữ liệu"),
            _("Số bản ghi"),
        ]
    )
    for person in listed:
        who = _("Học sinh (liên hệ phụ huynh)") if person.is_pupil else _("Tài khoản")
        writer.writerow(
            [
                who,
                person.name,
                person.email,
                person.phone,
                "; ".join(kind_labels(person.kinds)),
                person.records,
            ]
        )
    note(incident, actor, EventKind.LIST_DOWNLOADED, people=len(listed))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def notice_context(incident: Incident, found: Affected) -> dict[str, Any]:
    return {
        "incident": incident,
        "found": found,
        "kinds": [(str(DataKind(kind).label), n) for kind, n in found.kinds().items()],
        "systems": incident.system_labels(),
        "sections": authority_sections(incident, found),
    }


def _moment(value: datetime | None) -> str:
    return f"{timezone.localtime(value):%d/%m/%Y %H:%M}" if value else _("chưa rõ")


def authority_sections(incident: Incident, found: Affected) -> list[Section]:
    """The notice to the authority, section by section: the same text on
    the printable page and in the PDF. The order follows form 03 of
    Decree 13/2023 as far as it could be read (README: Incidents)."""
    office = [
        incident.office_name,
        incident.office_address,
        _("Người liên hệ: %(name)s – điện thoại %(phone)s – thư điện tử %(email)s")
        % {
            "name": incident.contact_name,
            "phone": incident.contact_phone,
            "email": incident.contact_email or "–",
        },
    ]
    what = [
        _("Thời điểm phát hiện: %s") % _moment(incident.found_at),
        _("Thời gian xảy ra: từ %(start)s đến %(end)s")
        % {"start": _moment(incident.started_at), "end": _moment(incident.ended_at)},
        _("Phần hệ thống bị ảnh hưởng: %s") % ", ".join(incident.system_labels()),
        incident.description,
    ]
    scale = [
        _(
            "Số người bị ảnh hưởng (ước tính từ nhật ký truy cập): %(n)d, trong đó %(pupils)d "
            "học sinh là trẻ em"
        )
        % {"n": len(found.subjects), "pupils": found.count("pupil")},
        _("Số bản ghi liên quan: %d") % found.records,
        *[f"– {DataKind(kind).label}: {n}" for kind, n in found.kinds().items()],
    ]
    sections = [
        Section(_("1. Thông tin về cơ quan thông báo"), office),
        Section(_("2. Mô tả sự cố"), what),
        Section(_("3. Loại dữ liệu cá nhân và số lượng liên quan"), scale),
        Section(_("4. Hậu quả, thiệt hại có thể xảy ra"), [incident.consequences or "–"]),
        Section(_("5. Biện pháp đã và sẽ thực hiện"), [incident.measures or "–"]),
    ]
    if incident.is_late():
        sections.append(Section(_("6. Lý do thông báo chậm"), [incident.late_reason or "–"]))
    return sections


def subject_notice(incident: Incident, kinds: tuple[str, ...]) -> str:
    """The notice to one person, as text (e-mail body)."""
    context = {"incident": incident, "kinds": kind_labels(kinds)}
    return tidy(render_to_string("breaches/subject_notice.txt", context))


def subject_sms(incident: Incident, *, for_guardian: bool = False) -> str:
    """One plain-ASCII SMS (160 characters); a pupil's goes to the guardian."""
    context = {"incident": incident, "for_guardian": for_guardian}
    return ascii_fold(render_to_string("breaches/subject_notice_sms.txt", context))


@transaction.atomic
def send_notices(actor: Any, incident: Incident) -> dict[str, int]:
    """Writes one outbox message per affected person who can be reached
    (e-mail, else SMS; a pupil through the guardian's phone). The key
    "breach:<incident>:<person>" is unique in the outbox: sending again
    writes nothing for those already written."""
    # One sender at a time per incident: a double click waits, then finds
    # the keys the first one wrote.
    Incident.objects.select_for_update().filter(pk=incident.pk).first()
    listed = people(affected(incident))
    prefix = f"breach:{incident.pk}:"
    done = set(
        OutboxMessage.objects.filter(dedupe_key__startswith=prefix).values_list(
            "dedupe_key", flat=True
        )
    )
    written, unreachable = [], 0
    for person in listed:
        key = prefix + person.key
        if key in done:
            continue
        message = _message(incident, person, key)
        if message is None:
            unreachable += 1
            continue
        written.append(message.pk)
    counts = {"written": len(written), "already": len(done), "unreachable": unreachable}
    note(incident, actor, EventKind.NOTICES_SENT, **counts)
    transaction.on_commit(lambda: outbox.enqueue(written))
    return counts


def _message(incident: Incident, person: Person, key: str) -> OutboxMessage | None:
    if person.email:
        channel, recipient, body = (
            Channel.EMAIL,
            person.email,
            subject_notice(incident, person.kinds),
        )
    elif person.phone:
        channel, recipient, body = (
            Channel.SMS,
            person.phone,
            subject_sms(incident, for_guardian=person.is_pupil),
        )
    else:
        return None
    subject = _("Thông báo về sự cố dữ liệu cá nhân")
    return OutboxMessage.objects.create(
        dedupe_key=key, channel=channel, recipient=recipient, subject=subject, body=body
    )
