"""Ratings and petitions: who may do what, once, in one place.

Ratings belong to the applicant of a dossier whose result is ready (status
9 or 10), one per dossier. Petitions come from anyone; staff see those
addressed to the agencies they work for (a People's Committee covers its
departments, as for dossiers), and the one-stop office of the district
(or, in a two-tier model, of the city) also those addressed to nobody.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dichvucong.accounts.constants import Role
from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import Agency
from dichvucong.conflicts import operation
from dichvucong.dossiers import access
from dichvucong.dossiers.constants import FINISHED_STATUSES
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.feedback.constants import PetitionStatus, RatingLevel
from dichvucong.feedback.models import Petition, Rating
from dichvucong.lib.identity import InvalidIdentity, clean_mobile_phone

# No 0/O or 1/I: the code is copied down by hand.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
# Units whose one-stop office takes petitions addressed to no agency.
UNADDRESSED_LEVELS = (UnitLevel.DISTRICT, UnitLevel.CITY)
PUBLIC_PAGE_SIZE = 20
ALREADY_RATED = gettext_lazy("Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.")


class FeedbackError(Exception):
    """Not allowed now; the message is for the user."""


# --- Ratings ------------------------------------------------------------------


def can_rate(dossier: Dossier) -> bool:
    return dossier.status in FINISHED_STATUSES and not dossier.is_practice


@operation
def rate(dossier: Dossier, applicant: Any, level: int, comment: str = "") -> Rating:
    """The applicant's one rating of a dossier with a result."""
    dossier = lock_dossier(dossier)
    if dossier.applicant_id != getattr(applicant, "pk", None):
        raise FeedbackError(_("Chỉ người nộp hồ sơ được đánh giá."))
    if not can_rate(dossier):
        raise FeedbackError(_("Chỉ đánh giá được khi hồ sơ đã có kết quả."))
    if level not in RatingLevel.values:
        raise FeedbackError(_("Vui lòng chọn mức độ hài lòng."))
    if Rating.objects.filter(dossier=dossier).exists():
        raise FeedbackError(str(ALREADY_RATED))
    try:
        with transaction.atomic():
            return Rating.objects.create(dossier=dossier, level=level, comment=comment.strip())
    except IntegrityError:  # a second request in the same instant (no row lock on SQLite)
        raise FeedbackError(str(ALREADY_RATED)) from None


# --- Tracking codes ---------------------------------------------------------------


def _grouped(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_code(text: str) -> str | None:
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return _grouped(raw)


def _digest(code: str) -> str:
    # 60 random bits: a plain hash is enough, nobody can try them all.
    return hashlib.sha256(code.encode()).hexdigest()


def _new_code() -> str:
    for _attempt in range(5):
        code = _grouped("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))
        if not Petition.objects.filter(tracking_digest=_digest(code)).exists():
            return code
    raise RuntimeError("no unused tracking code after 5 draws")


# --- Petitions ----------------------------------------------------------------------


def submit_petition(**fields: Any) -> tuple[Petition, str]:
    """Store a petition; returns it with its tracking code, which is not
    kept and cannot be shown again. `fields` are Petition's own fields, as
    the form cleaned them (at least a phone or an e-mail address)."""
    if not (fields.get("sender_phone") or fields.get("sender_email")):
        raise FeedbackError(_("Vui lòng để lại số điện thoại hoặc thư điện tử."))
    code = _new_code()
    petition = Petition.objects.create(tracking_digest=_digest(code), **fields)
    return petition, code


def _contact_matches(petition: Petition, contact: str) -> bool:
    contact = (contact or "").strip()
    if "@" in contact:
        typed, known = contact.casefold(), petition.sender_email.casefold()
    else:
        try:
            typed = clean_mobile_phone(contact)
        except InvalidIdentity:
            return False
        known = petition.sender_phone
    return bool(known) and hmac.compare_digest(typed.encode(), known.encode())


def find_petition(code: str, contact: str) -> Petition | None:
    """The petition with this tracking code, if the phone or e-mail matches
    the sender's; None otherwise, without telling which was wrong."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    petition = (
        Petition.objects.select_related("agency")
        .filter(tracking_digest=_digest(normalised))
        .first()
    )
    if petition is None or not _contact_matches(petition, contact):
        return None
    return petition


def _takes_unaddressed(user: Any) -> bool:
    ids = access.agency_ids_for(user, (Role.RECEPTIONIST,))
    return Agency.objects.filter(
        pk__in=ids, kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit__level__in=UNADDRESSED_LEVELS
    ).exists()


def staff_petitions(user: Any) -> QuerySet[Petition]:
    """The petitions the user may read and answer; none for non-staff."""
    ids = access.agency_ids_for(user)
    if not ids:
        return Petition.objects.none()
    scope = Q(agency_id__in=ids) | Q(agency__parent_id__in=ids)
    if _takes_unaddressed(user):
        scope |= Q(agency__isnull=True)
    return Petition.objects.filter(scope).select_related("agency", "answered_by")


def _require_scope(petition: Petition, staff: Any) -> None:
    if not staff_petitions(staff).filter(pk=petition.pk).exists():
        raise FeedbackError(_("Bạn không có quyền xử lý phản ánh này."))


@transaction.atomic
def answer_petition(petition: Petition, staff: Any, text: str) -> Petition:
    """Received -> answered, recording who answered and when."""
    _require_scope(petition, staff)
    text = (text or "").strip()
    if not text:
        raise FeedbackError(_("Vui lòng nhập nội dung trả lời."))
    updated = Petition.objects.filter(pk=petition.pk, status=PetitionStatus.RECEIVED).update(
        status=PetitionStatus.ANSWERED, answer=text, answered_by=staff, answered_at=timezone.now()
    )
    if updated != 1:
        raise FeedbackError(_("Phản ánh đã được trả lời hoặc đã đóng."))
    petition.refresh_from_db()
    return petition


@transaction.atomic
def close_petition(petition: Petition, staff: Any, note: str = "") -> Petition:
    """-> closed. Closing without an answer (a duplicate, spam) needs the
    reason; an answered petition keeps its answer, published or not."""
    _require_scope(petition, staff)
    note = (note or "").strip()
    if petition.status == PetitionStatus.RECEIVED and not note:
        raise FeedbackError(_("Vui lòng ghi lý do đóng phản ánh chưa được trả lời."))
    updated = Petition.objects.filter(
        pk=petition.pk, status__in=(PetitionStatus.RECEIVED, PetitionStatus.ANSWERED)
    ).update(
        status=PetitionStatus.CLOSED, closed_by=staff, closed_at=timezone.now(), close_note=note
    )
    if updated != 1:
        raise FeedbackError(_("Phản ánh đã được đóng."))
    petition.refresh_from_db()
    return petition


@dataclass(frozen=True)
class PublicPetition:
    """What the public list shows: never who sent it or how to reach them."""

    subject: str
    content: str
    agency: str
    sent_at: datetime
    answer: str
    answered_at: datetime


def public_petitions(page: Any) -> tuple[Page[Any], list[PublicPetition]]:
    """One page of answered petitions whose senders allowed publication,
    newest answer first. Only the listed columns are read, so the sender's
    name and contact cannot reach the page even by mistake."""
    rows = (
        Petition.objects.filter(allow_publication=True, answered_at__isnull=False)
        .order_by("-answered_at", "-pk")
        .values_list("subject", "content", "agency__name", "created_at", "answer", "answered_at")
    )
    found = Paginator(rows, PUBLIC_PAGE_SIZE).get_page(page)
    items = [
        PublicPetition(subject, content, agency or "", sent, answer, answered)
        for subject, content, agency, sent, answer, answered in found.object_list
    ]
    return found, items
