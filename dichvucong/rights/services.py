"""Operations on data subjects' requests: filing, answering, and the
deletion of an account's data that a granted deletion carries out.

Every step is a RightsStep row (who, when, what in a few words); staff
answers also go to the security audit trail. The subject is told through
the notifications outbox (SMS to the account's phone or the guardian's,
e-mail when the account has one), after the commit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.accounts import services as accounts
from dichvucong.accounts.models import User
from dichvucong.audit import service as audit
from dichvucong.audit.constants import Action
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.notifications import service as outbox
from dichvucong.notifications.compose import ascii_fold
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach.models import Pupil
from dichvucong.rights.constants import (
    ANSWER_PERIOD_HOURS,
    PSEUDONYM,
    PSEUDONYM_USERNAME,
    RequestKind,
    RequestStatus,
    StepKind,
)
from dichvucong.rights.models import RightsRequest, RightsStep

BLANKED = "(đã xoá cùng dữ liệu của người yêu cầu)"


class AnswerRefused(Exception):
    """The answer cannot be saved as given; the message says why."""


def due_at(kind: str, received_at: Any) -> Any:
    return received_at + timedelta(hours=ANSWER_PERIOD_HOURS[kind])


def file_request(
    kind: str,
    details: str,
    *,
    by: User,
    account: User | None = None,
    pupil: Pupil | None = None,
    on_behalf_of: str = "",
) -> RightsRequest:
    """A request about `account` (filed by its holder) or `pupil` (filed by
    the school for the guardian), with its due time, its first step and the
    receipt sent to the subject."""
    now = timezone.now()
    with transaction.atomic():
        request = RightsRequest.objects.create(
            kind=kind,
            account=account,
            pupil=pupil,
            filed_by=by,
            on_behalf_of=on_behalf_of,
            details=details,
            received_at=now,
            due_at=due_at(kind, now),
        )
        RightsStep.objects.create(request=request, kind=StepKind.FILED, actor=by, at=now)
        _notify(request, "filed")
    return request


def answer_request(
    request: RightsRequest, *, by: User, status: str, answer: str, reasons: str
) -> RightsRequest:
    """Answer once, with reasons. A granted deletion deletes the account's
    data (or erases the pupil) in the same transaction; the subject is told
    before their contacts go."""
    if status not in RequestStatus.values or status == RequestStatus.RECEIVED:
        raise AnswerRefused(_("Hãy chọn kết quả trả lời."))
    if not answer.strip() or not reasons.strip():
        raise AnswerRefused(_("Hãy ghi cả nội dung trả lời và lý do, căn cứ."))
    with transaction.atomic():
        locked = RightsRequest.objects.select_for_update().get(pk=request.pk)
        if not locked.is_open:
            raise AnswerRefused(_("Yêu cầu này đã được trả lời."))
        locked.status, locked.answer, locked.reasons = status, answer.strip(), reasons.strip()
        locked.answered_by, locked.answered_at = by, timezone.now()
        locked.save()
        RightsStep.objects.create(
            request=locked, kind=StepKind.ANSWERED, actor=by, note=str(locked.get_status_display())
        )
        audit.record(
            Action.STAFF_ACTION,
            f"Trả lời yêu cầu về dữ liệu: {locked.get_kind_display()}",
            actor=by,
            target=f"rights={locked.pk}",
            detail={"status": status},
        )
        _notify(locked, "answered")
        if locked.kind == RequestKind.DELETION and status != RequestStatus.REFUSED:
            _delete_subject(locked, by)
    return locked


def _delete_subject(request: RightsRequest, by: User) -> None:
    if request.pupil_id is not None:
        from dichvucong.outreach import services as outreach

        outreach.erase_pupil(request.pupil, by)
        step = StepKind.PUPIL_ERASED
    else:
        pseudonymise_account(request.account, by)
        step = StepKind.PSEUDONYMISED
    RightsStep.objects.create(request=request, kind=step, actor=by)
    _blank_requests_of(request)


def _blank_requests_of(request: RightsRequest) -> None:
    """What the subject wrote in their requests may hold the very data just
    deleted: it goes; kind, dates, answer and reasons stay as the record
    that the request was handled."""
    subject = (
        {"pupil_id": request.pupil_id} if request.pupil_id else {"account_id": request.account_id}
    )
    RightsRequest.objects.filter(**subject).update(details=BLANKED, on_behalf_of="")


def pseudonymise_account(account: Any, by: Any) -> None:
    """What the account alone holds goes: the name becomes "Người dùng đã
    xoá #id", the e-mail, phone, ID number, birthday and address go with the
    profile, drafts are discarded, the e-ID link and API tokens removed,
    the password made unusable and the login closed (open sessions end, as
    the password changed). The row stays: submitted dossiers, results,
    payments and the hash-chained events point at it and keep what they
    recorded, as the archives rules ask; no event is touched, so the chain
    still verifies. Counts in reports do not change."""
    from dichvucong.accounts.models import CitizenProfile, NationalEidLink, OrganisationProfile
    from dichvucong.api.models import ApplicantToken

    _discard_drafts(account)
    CitizenProfile.objects.filter(user=account).delete()
    OrganisationProfile.objects.filter(user=account).delete()
    NationalEidLink.objects.filter(user=account).delete()
    ApplicantToken.objects.filter(user=account).delete()
    pseudonym = PSEUDONYM.format(user_id=account.pk)
    User.objects.filter(pk=account.pk).update(
        username=PSEUDONYM_USERNAME.format(user_id=account.pk),
        full_name=pseudonym,
        first_name="",
        last_name="",
        email="",
        password=make_password(None),
        is_active=False,
    )
    _scrub_admin_history(account.pk, pseudonym)


def _discard_drafts(account: Any) -> None:
    from dichvucong.dossiers import submission
    from dichvucong.dossiers.lifecycle import TransitionError

    for draft in Dossier.objects.filter(applicant=account, status=Status.DRAFT):
        try:
            submission.discard_draft(draft, account)
        except TransitionError:
            # An assisted draft waiting for confirmation: blanked instead.
            Dossier.objects.filter(pk=draft.pk).update(
                form_data={},
                applicant_name=PSEUDONYM.format(user_id=account.pk),
                applicant_id_number="",
                applicant_phone="",
                applicant_email="",
                delivery_address="",
            )


def _scrub_admin_history(user_id: int, pseudonym: str) -> None:
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user_id)
    ).update(object_repr=pseudonym, change_message="")


# --- Telling the subject ----------------------------------------------------------------

# SMS text without marks, as every SMS of the outbox (notifications.compose).

FILED_TEXT = (
    "Co quan da nhan yeu cau ve du lieu ca nhan so %(id)s cua ban (%(kind)s). "
    "Han tra loi: %(due)s. %(where)s"
)
ANSWERED_TEXT = (
    "Yeu cau ve du lieu ca nhan so %(id)s (%(kind)s) da duoc tra loi: %(status)s. %(where)s"
)
# A citizen reads it in their account; a guardian has none and asks the school.
WHERE_ACCOUNT = "Xem chi tiet tai muc Du lieu cua toi."
WHERE_SCHOOL = "Hoi nha truong de biet chi tiet."


def _notify(request: RightsRequest, step: str) -> None:
    values = {
        "id": request.pk,
        "kind": ascii_fold(str(request.get_kind_display())),
        "status": ascii_fold(str(request.get_status_display())),
        "due": timezone.localtime(request.due_at).strftime("%H:%M %d/%m/%Y"),
        "where": WHERE_SCHOOL if request.pupil_id is not None else WHERE_ACCOUNT,
    }
    body = (FILED_TEXT if step == "filed" else ANSWERED_TEXT) % values
    ids = [
        OutboxMessage.objects.create(
            channel=channel,
            recipient=recipient,
            body=body,
            subject=_("Yêu cầu về dữ liệu cá nhân") if channel == Channel.EMAIL else "",
            dedupe_key=f"rights:{request.pk}:{step}:{channel}",
        ).pk
        for channel, recipient in _recipients(request)
    ]
    if ids:
        transaction.on_commit(lambda: outbox.enqueue(ids))


def _recipients(request: RightsRequest) -> list[tuple[str, str]]:
    if request.pupil_id is not None:
        guardian = request.pupil.guardian
        return [(Channel.SMS, guardian.phone)] if guardian and guardian.phone else []
    account = request.account
    found = []
    phone = accounts.contact_phone(account)
    if phone:
        found.append((Channel.SMS, phone))
    if account.email:
        found.append((Channel.EMAIL, account.email))
    return found
