"""The applicant's operations around submission: start a draft, save an
e-form step, add files, check completeness, submit, send a supplement,
discard a draft. Status changes themselves stay in dossiers.lifecycle.

A draft may have a helper (an outreach ambassador filling it in for the
applicant): the helper edits the draft like the applicant, but only the
applicant's confirmation submits it (outreach.assisted). A practice draft
(outreach sandbox) is never submitted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from dichvucong.accounts.services import assurance_refusal, citizen_profile, organisation_profile
from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Procedure, RequiredDocument
from dichvucong.catalogue.services import handling_agency, handling_on, ward_on
from dichvucong.conflicts import operation
from dichvucong.dossiers import eforms, lifecycle, uploads
from dichvucong.dossiers.constants import AttachmentKind, Delivery, Refusal, Status
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.reorganise import places_of

POSTAL_ADDRESS_MAX = 300

AGENCY_ENDED = _lazy(
    "%(agency)s không còn tiếp nhận hồ sơ sau khi sắp xếp đơn vị hành chính. "
    "Vui lòng xóa bản nháp này và nộp lại để chọn nơi nộp hồ sơ mới."
)


class AssuranceTooLow(TransitionError):
    """The applicant's account is not sure enough to be theirs for this
    procedure; the message says how to raise its level. The draft stays."""

    default_code = Refusal.ASSURANCE_TOO_LOW


class IncompleteDossier(TransitionError):
    """The draft cannot be submitted yet; `problems` says what is missing."""

    default_code = Refusal.INCOMPLETE

    def __init__(self, problems: list[str]) -> None:
        super().__init__(_("Hồ sơ chưa đủ để nộp.") + " " + " ".join(problems))
        self.problems = problems


# --- Starting a draft ----------------------------------------------------------


def accepts_online(procedure: Procedure) -> bool:
    return procedure.is_active and procedure.online_level >= OnlineLevel.PARTIAL


def delivery_choices(procedure: Procedure) -> list[Delivery]:
    """Level 3: the result is collected at the office. Level 4: online,
    at the office, or by post."""
    if procedure.online_level >= OnlineLevel.FULL:
        return [Delivery.ONLINE, Delivery.COUNTER, Delivery.POST]
    return [Delivery.COUNTER]


def is_ward_procedure(procedure: Procedure) -> bool:
    """Is the procedure handled today by the applicant's ward? (A district
    procedure became one on 01/07/2025: catalogue.services.handling_on.)"""
    level, _agency = handling_on(procedure, timezone.localdate())
    return level == HandlingLevel.WARD


def receiving_wards() -> QuerySet[AdminUnit]:
    """Wards that exist today and whose People's Committee receives
    dossiers today."""
    today = timezone.localdate()
    committees = Agency.objects.valid_on(today).filter(kind=AgencyKind.PEOPLES_COMMITTEE)
    return (
        AdminUnit.objects.valid_on(today)
        .filter(level=UnitLevel.WARD, pk__in=committees.values("admin_unit_id"))
        .order_by("name")
    )


def home_place(user: Any) -> AdminUnit | None:
    """The account's residential group, else its ward, as saved (perhaps a
    unit that has ended since)."""
    profile = citizen_profile(user) or organisation_profile(user)
    if profile is None:
        return None
    return getattr(profile, "residential_group", None) or profile.ward


def home_ward(user: Any) -> AdminUnit | None:
    """The ward the account's address lies in today, following a
    reorganisation by its residential group; None when unknown."""
    place = home_place(user)
    return ward_on(place, timezone.localdate()) if place is not None else None


def _receiving_agency(user: Any, procedure: Procedure, ward: AdminUnit | None) -> Agency:
    """Who handles the procedure today (catalogue.services.handling_agency):
    for a ward procedure, the People's Committee of the ward chosen, else
    of the applicant's own ward today; otherwise the procedure's agency."""
    today = timezone.localdate()
    level, agency = handling_on(procedure, today)
    if level != HandlingLevel.WARD:
        if agency is None or not agency.is_valid_on(today):
            raise ValidationError(_("Thủ tục chưa có cơ quan tiếp nhận trực tuyến."))
        return agency
    place = ward or home_place(user)
    agency = handling_agency(procedure, place, today) if place is not None else None
    if agency is None:
        raise ValidationError({"ward": _("Vui lòng chọn phường/xã nơi nộp hồ sơ.")})
    return agency


def agency_today(dossier: Dossier) -> Agency | None:
    """Where a draft goes if submitted today: its agency, or, when that
    agency has ended since the draft began (a reorganisation), the agency
    handling its procedure today for the place its e-form or account
    declares; None when that is not one agency."""
    today = timezone.localdate()
    agency = dossier.agency
    if agency.is_valid_on(today) or agency.valid_to is None:
        return agency
    places = places_of(dossier, agency, agency.valid_to)
    found = {handling_agency(dossier.procedure, place, today) for place in places}
    return found.pop() if len(found) == 1 else None


def _check_delivery(procedure: Procedure, delivery: str, address: str) -> None:
    if delivery not in delivery_choices(procedure):
        raise ValidationError(
            {"delivery": _("Hình thức nhận kết quả này không áp dụng cho thủ tục.")}
        )
    if delivery == Delivery.POST and not address:
        raise ValidationError(
            {"delivery_address": _("Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.")}
        )


def applicant_snapshot(user: Any) -> dict[str, str]:
    """What the dossier keeps of its applicant (also the second factor of
    public lookup): a citizen's ID number, an organisation's tax code."""
    citizen, organisation = citizen_profile(user), organisation_profile(user)
    snapshot = {
        "applicant_name": user.get_full_name(),
        "applicant_email": user.email or "",
        "applicant_id_number": "",
        "applicant_phone": "",
    }
    if citizen is not None:
        snapshot.update(applicant_id_number=citizen.id_number, applicant_phone=citizen.phone)
    elif organisation is not None:
        snapshot.update(
            applicant_name=organisation.name,
            applicant_id_number=organisation.tax_code,
            applicant_phone=organisation.phone,
        )
    return snapshot


def start_draft(
    user: Any,
    procedure: Procedure,
    ward: AdminUnit | None = None,
    delivery: str = Delivery.COUNTER,
    delivery_address: str = "",
    *,
    helper: Any = None,
    practice: bool = False,
    form_data: dict[str, Any] | None = None,
    creation_key: str | None = None,
) -> Dossier:
    """A new draft (no code, no deadline) with the e-form prefilled from
    the account, or with `form_data` when given (a helper must not see
    what the applicant's account holds). Raises ValidationError when the
    procedure is not offered online or a choice does not apply.

    With a `creation_key` (the client's Idempotency-Key), a retried or
    double-clicked create gives back the draft the first one made, even
    when both arrive at once; the same key for another procedure is
    refused."""
    if creation_key:
        existing = _created_with(user, creation_key, procedure)
        if existing is not None:
            return existing
    if not accepts_online(procedure):
        raise ValidationError(_("Thủ tục này chưa nộp trực tuyến được."))
    delivery_address = (delivery_address or "").strip()[:POSTAL_ADDRESS_MAX]
    _check_delivery(procedure, delivery, delivery_address)
    agency = _receiving_agency(user, procedure, ward)
    if form_data is None:
        form_data = eforms.initial_for(procedure.form_schema, user)
    fields = {
        "procedure": procedure,
        "agency": agency,
        "applicant": user,
        **applicant_snapshot(user),
        "form_data": form_data,
        "delivery": delivery,
        "delivery_address": delivery_address if delivery == Delivery.POST else "",
        "helper": helper,
        "is_practice": practice,
        "creation_key": creation_key or None,
    }
    return _create_once(user, creation_key, procedure, fields)


def _create_once(
    user: Any, creation_key: str | None, procedure: Procedure, fields: dict[str, Any]
) -> Dossier:
    """Insert the draft; if a concurrent request with the same key won the
    race, the unique constraint says so and its draft is the answer."""
    try:
        with transaction.atomic():
            return Dossier.objects.create(**fields)
    except IntegrityError:
        existing = _created_with(user, creation_key, procedure) if creation_key else None
        if existing is None:
            raise
        return existing


def _created_with(user: Any, creation_key: str, procedure: Procedure) -> Dossier | None:
    existing = Dossier.objects.filter(applicant=user, creation_key=creation_key).first()
    if existing is not None and existing.procedure_id != procedure.pk:
        raise ValidationError(
            {"idempotency_key": _("Khóa chống gửi trùng này đã dùng cho một hồ sơ khác.")}
        )
    return existing


# --- Editing a draft -------------------------------------------------------------


def _lock_own(dossier: Dossier, user: Any, status: int) -> Dossier:
    locked = lock_dossier(dossier, "procedure")
    user_id = getattr(user, "pk", None)
    # The helper fills in the draft; after submission only the applicant acts.
    helping = status == Status.DRAFT and user_id is not None and locked.helper_id == user_id
    if locked.applicant_id != user_id and not helping:
        raise TransitionError(
            _("Chỉ người nộp hồ sơ được thực hiện thao tác này."), Refusal.NOT_APPLICANT
        )
    if locked.status != status:
        if status == Status.DRAFT:
            raise TransitionError(
                _("Hồ sơ đã nộp, không sửa nội dung ở đây được nữa."), Refusal.ALREADY_SUBMITTED
            )
        raise TransitionError(
            _("Không thực hiện được: hồ sơ đang ở trạng thái “%(status)s”.")
            % {"status": locked.get_status_display()},
            Refusal.WRONG_STATUS,
        )
    return locked


@operation
def save_step(dossier: Dossier, user: Any, index: int, cleaned_data: dict[str, Any]) -> Dossier:
    """Store the values of step `index` (1-based) of a draft. Only the
    step's own fields are taken; fields left out keep their stored value."""
    locked = _lock_own(dossier, user, Status.DRAFT)
    schema = locked.procedure.form_schema or []
    if not 1 <= index <= len(schema):
        raise TransitionError(_("Bước này không có trong biểu mẫu."), Refusal.UNKNOWN_STEP)
    names = {spec.get("name") for spec in schema[index - 1].get("fields", [])}
    form_data = {
        **(locked.form_data or {}),
        **{key: value for key, value in cleaned_data.items() if key in names},
    }
    Dossier.objects.filter(pk=locked.pk, status=Status.DRAFT).update(
        form_data=form_data, updated_at=timezone.now()
    )
    dossier.form_data = form_data
    return dossier


def add_files(
    dossier: Dossier,
    user: Any,
    files: Iterable[tuple[RequiredDocument | None, UploadedFile]],
    kind: str = AttachmentKind.APPLICATION,
) -> dict[str, list[str]]:
    """Store each file on its own, so one refused file does not lose the
    others. Application files go on drafts, supplements on dossiers
    waiting for one. Returns the refusals, keyed by document id or
    "other", each message naming its file."""
    wanted = Status.SUPPLEMENT if kind == AttachmentKind.SUPPLEMENT else Status.DRAFT
    operation(_lock_own)(dossier, user, wanted)
    refused: dict[str, list[str]] = {}
    for document, upload in files:
        try:
            uploads.add_attachment(dossier, user, upload, document=document, kind=kind)
        except uploads.UploadError as error:
            key = str(document.pk) if document is not None else "other"
            name = uploads.safe_name(upload.name or "")
            refused.setdefault(key, []).append(f"{name}: {error}")
    return refused


def add_supplement_files(
    dossier: Dossier, user: Any, files: Iterable[tuple[str, UploadedFile]]
) -> dict[str, list[str]]:
    """Supplement files, each tied to the document it answers: `files`
    pairs the name the office's request listed ("" for anything else) with
    the upload. A name that is a catalogue document of the procedure is
    linked to it too. Refusals as add_files gives them, under "other"."""
    operation(_lock_own)(dossier, user, Status.SUPPLEMENT)
    catalogue = {document.name: document for document in dossier.procedure.documents.all()}
    refused: dict[str, list[str]] = {}
    for requested, upload in files:
        try:
            uploads.add_attachment(dossier, user, upload, document=catalogue.get(requested),
                                   kind=AttachmentKind.SUPPLEMENT, requested=requested)
        except uploads.UploadError as error:
            name = uploads.safe_name(upload.name or "")
            refused.setdefault("other", []).append(f"{name}: {error}")
    return refused


@operation
def remove_file(attachment: Attachment, user: Any) -> None:
    _lock_own(attachment.dossier, user, Status.DRAFT)
    uploads.remove_attachment(attachment, user)


@operation
def discard_draft(dossier: Dossier, user: Any) -> None:
    """Delete a draft and its files. A submitted dossier is never deleted."""
    locked = _lock_own(dossier, user, Status.DRAFT)
    for attachment in locked.attachments.all():
        uploads.remove_attachment(attachment, user)
    try:
        locked.delete()
    except ProtectedError as error:
        # A draft waiting for the applicant's confirmation of an assisted
        # submission: it is declined or cancelled on that page instead.
        raise TransitionError(
            _("Bản nháp này do người hỗ trợ khai giúp: mở bản nháp và chọn “Không nộp”."),
            Refusal.ASSISTED_DRAFT,
        ) from error


# --- Completeness and submission --------------------------------------------------


def missing_documents(dossier: Dossier) -> list[RequiredDocument]:
    given = set(
        dossier.attachments.filter(kind=AttachmentKind.APPLICATION).values_list(
            "document_id", flat=True
        )
    )
    return [doc for doc in dossier.procedure.documents.filter(required=True) if doc.pk not in given]


def submission_problems(dossier: Dossier) -> list[str]:
    """Everything that stops the draft from being submitted, each as a
    sentence the applicant can act on; empty when it is complete."""
    problems: list[str] = []
    if not accepts_online(dossier.procedure):
        problems.append(_("Thủ tục này hiện không nhận hồ sơ trực tuyến."))
    schema = dossier.procedure.form_schema or []
    for number, errors in eforms.validate_all(dossier.procedure, dossier.form_data).items():
        title = schema[number - 1].get("title", "")
        for label, messages in errors.items():
            for message in messages:
                problems.append(
                    _("Bước %(n)d (%(title)s) – %(label)s: %(message)s")
                    % {"n": number, "title": title, "label": label, "message": message}
                )
    for document in missing_documents(dossier):
        problems.append(_("Chưa tải lên giấy tờ bắt buộc: %(name)s.") % {"name": document.name})
    if dossier.delivery == Delivery.POST and not dossier.delivery_address:
        problems.append(_("Chưa có địa chỉ nhận kết quả qua bưu chính."))
    return problems


@operation
def submit_dossier(dossier: Dossier, user: Any, *, assisted: bool = False) -> Dossier:
    """Check completeness, then submit (lifecycle.submit gives the code).
    A dossier already submitted comes back unchanged, so a double click or
    a resubmitted page makes one dossier with one code.

    A practice draft is never submitted. A draft a helper filled in is
    submitted only with `assisted=True`, by outreach.assisted, which
    records the applicant's confirmation in the same transaction."""
    locked = lock_dossier(dossier, "procedure")
    if locked.applicant_id != getattr(user, "pk", None):
        raise TransitionError(
            _("Chỉ người nộp hồ sơ được thực hiện thao tác này."), Refusal.NOT_APPLICANT
        )
    if locked.is_practice:
        raise TransitionError(
            _("Hồ sơ thực hành không được gửi tới cơ quan nào."), Refusal.PRACTICE_DOSSIER
        )
    if locked.status == Status.DRAFT:
        if locked.helper_id is not None and not assisted:
            raise TransitionError(
                _("Hồ sơ này do người hỗ trợ khai giúp: vui lòng bấm “Xác nhận và nộp”."),
                Refusal.ASSISTED_DRAFT,
            )
        refusal = assurance_refusal(user, locked.procedure.min_assurance)
        if refusal is not None:
            raise AssuranceTooLow(refusal)
        problems = submission_problems(locked)
        if problems:
            raise IncompleteDossier(problems)
        _send_to_agency_of_today(locked)
    return lifecycle.submit(locked, user)


def _send_to_agency_of_today(draft: Dossier) -> None:
    """A draft begun before a reorganisation goes to today's agency."""
    agency = agency_today(draft)
    if agency is None:
        raise IncompleteDossier([AGENCY_ENDED % {"agency": draft.agency.name}])
    if agency.pk != draft.agency_id:
        Dossier.objects.filter(pk=draft.pk).update(agency=agency)
        draft.agency = agency


# --- After submission ----------------------------------------------------------------


def supplement_request(dossier: Dossier) -> dict[str, Any] | None:
    """What the office asked for when it last requested a supplement:
    {"missing": [...], "note": "...", "at": datetime}."""
    event = dossier.events.filter(to_status=Status.SUPPLEMENT).order_by("-seq").first()
    if event is None:
        return None
    missing = event.data.get("missing") if isinstance(event.data, dict) else None
    return {"missing": [str(item) for item in missing or []], "note": event.reason, "at": event.at}


@operation
def send_supplement(dossier: Dossier, user: Any, note: str = "") -> Dossier:
    """The applicant sends what was asked for: back to reception, or back
    to processing with the deadline counted again (lifecycle.supply)."""
    locked = _lock_own(dossier, user, Status.SUPPLEMENT)
    if not locked.attachments.filter(
        kind=AttachmentKind.SUPPLEMENT, uploaded_at__gte=locked.supplement_requested_at
    ).exists():
        raise TransitionError(
            _("Vui lòng tải lên giấy tờ bổ sung trước khi gửi."), Refusal.SUPPLEMENT_NOT_UPLOADED
        )
    return lifecycle.supply(locked, user, (note or "").strip()[:1000])
