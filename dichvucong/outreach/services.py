"""The operations other code calls: consent, erasure, the name records keep
for a pupil's account, attendance, household keys. Each rule lives here
once; views only call these."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.lib.identity import clean_mobile_phone
from dichvucong.outreach.constants import (
    CHILD_CONSENT_AGE,
    ERASED_NAME,
    PUPIL_PSEUDONYM,
    ConsentGiver,
)
from dichvucong.outreach.models import (
    Ambassador,
    Attendance,
    Consent,
    Guardian,
    PracticeAttempt,
    Pupil,
    PupilErasure,
    TrainingSession,
)
from dichvucong.privacy.constants import NoticeKind
from dichvucong.privacy.services import acknowledge

# --- Consent (Decree 13/2023/ND-CP art. 20) ----------------------------------


def needs_own_consent(birth_year: int | None, today: date | None = None) -> bool:
    """Whether the pupil's own consent is needed besides the guardian's.
    Only the year of birth is kept, so a child who turns 7 this year counts
    as 7 already; an unknown year of birth also asks for both."""
    if birth_year is None:
        return True
    return (today or timezone.localdate()).year - birth_year >= CHILD_CONSENT_AGE


def latest_consents(pupil_ids: Iterable[int]) -> dict[int, dict[str, bool]]:
    """For each pupil, the latest answer of each giver (a later record, e.g.
    a withdrawal, supersedes an earlier one). One query for a whole class."""
    latest: dict[int, dict[str, bool]] = {}
    rows = (
        Consent.objects.filter(pupil_id__in=list(pupil_ids))
        .order_by("pupil_id", "giver", "-recorded_at", "-pk")
        .values_list("pupil_id", "giver", "given")
    )
    for pupil_id, giver, given in rows:
        latest.setdefault(pupil_id, {}).setdefault(giver, given)
    return latest


def full_consent_given(
    answers: dict[str, bool], birth_year: int | None, today: date | None = None
) -> bool:
    if not answers.get(ConsentGiver.GUARDIAN, False):
        return False
    return not needs_own_consent(birth_year, today) or answers.get(ConsentGiver.PUPIL, False)


def has_full_consent(pupil: Pupil, today: date | None = None) -> bool:
    """The guardian agreed and, from age 7, the pupil too; an erased pupil
    never has consent."""
    if pupil.is_erased:
        return False
    answers = latest_consents([pupil.pk]).get(pupil.pk, {})
    return full_consent_given(answers, pupil.birth_year, today)


def record_consent(
    pupil: Pupil, *, giver: str, given: bool, method: str, by: Any, note: str = ""
) -> Consent:
    """The consent, with the version of the campaign's notice the school
    gave the family (privacy/), saved together."""
    if pupil.is_erased:
        raise ValueError("erased pupil")
    with transaction.atomic():
        consent = Consent.objects.create(
            pupil=pupil,
            giver=giver,
            given=given,
            method=method,
            recorded_at=timezone.now(),
            recorded_by=by,
            note=note,
        )
        acknowledge(NoticeKind.ROSTER, consent=consent)
    return consent


# --- The name records keep for a pupil's login ----------------------------------


def pupil_pseudonym(user: Any) -> str | None:
    """The name records that are never erased keep for a pupil ambassador's
    login (accounts.services.name_for_records asks here): a minor's name
    must stay erasable, so they get the account's number instead. None for
    anyone else: adult volunteers, applicants and staff keep their names."""
    is_pupil = Ambassador.objects.filter(user_id=user.pk, pupil__isnull=False).exists()
    return PUPIL_PSEUDONYM.format(user_id=user.pk) if is_pupil else None


def pupil_helper_name(user: Any) -> str | None:
    """The back office's name for a pupil ambassador who helped an
    applicant (accounts.services.helper_name_for_staff asks here): name and
    school, nothing more; the pseudonym once the pupil's data is erased."""
    ambassador = (
        Ambassador.objects.filter(user_id=user.pk, pupil__isnull=False)
        .select_related("pupil__school_class__school")
        .order_by("-since")
        .first()
    )
    if ambassador is None:
        return None
    pupil = ambassador.pupil
    if pupil.erased_at is not None:
        return PUPIL_PSEUDONYM.format(user_id=user.pk)
    school = pupil.school_class.school.name
    return _("%(name)s – học sinh %(school)s") % {"name": pupil.full_name, "school": school}


# --- Erasure ------------------------------------------------------------------


def erase_pupil(pupil: Pupil, by: Any) -> bool:
    """Erase a pupil's personal data on request, keeping the row so that
    attendance, practice and assisted-submission counts stay right. Records
    who and when, nothing of what. False if already erased."""
    with transaction.atomic():
        locked = Pupil.objects.select_for_update().get(pk=pupil.pk)
        if locked.is_erased:
            return False
        now = timezone.now()
        Pupil.objects.filter(pk=locked.pk).update(
            full_name=ERASED_NAME,
            birth_year=None,
            guardian=None,
            ambassador_group=None,
            erased_at=now,
        )
        _drop_orphan_guardians([locked.guardian_id])
        Consent.objects.filter(pupil=locked).update(note="")
        user_ids = _retire_ambassadorships(locked)
        _blank_practice_dossiers(locked, user_ids, by)
        _empty_accounts(user_ids)
        _scrub_admin_history(locked.pk, user_ids)
        PupilErasure.objects.create(pupil=locked, erased_by=by, erased_at=now)
    pupil.refresh_from_db()
    return True


def _drop_orphan_guardians(guardian_ids: Iterable[int | None]) -> None:
    ids = {pk for pk in guardian_ids if pk is not None}
    Guardian.objects.filter(pk__in=ids, pupils__isnull=True).delete()


def _retire_ambassadorships(pupil: Pupil) -> list[int]:
    """The ambassador rows stay (households were helped), inactive.
    Returns the ids of the pupil's logins."""
    rows = Ambassador.objects.filter(pupil=pupil)
    user_ids = {pk for pk in rows.values_list("user_id", flat=True) if pk is not None}
    rows.update(active=False)
    return sorted(user_ids)


def _empty_accounts(user_ids: list[int]) -> None:
    """Strip everything personal from the pupil's logins and make them
    unusable. The rows stay (dossiers point at them as helper) with nothing
    left: no name, e-mail or password, no user name that could be an ID
    number, no citizen or organisation profile (ID number, phone, address,
    birthday). The event log only ever held a pseudonym for them."""
    from dichvucong.accounts.models import CitizenProfile, OrganisationProfile, User

    CitizenProfile.objects.filter(user_id__in=user_ids).delete()
    OrganisationProfile.objects.filter(user_id__in=user_ids).delete()
    for user_id in user_ids:
        User.objects.filter(pk=user_id).update(
            username=f"da-xoa.{user_id}",
            full_name=ERASED_NAME,
            first_name="",
            last_name="",
            email="",
            password=make_password(None),
            is_active=False,
        )


def _scrub_admin_history(pupil_id: int, user_ids: list[int]) -> None:
    """Django admin's history keeps each object's str() (the pupil's or the
    login's name) as it was when edited: the entries stay, the names go."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from dichvucong.accounts.models import User

    for model, ids in ((Pupil, [pupil_id]), (User, user_ids)):
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ).update(object_repr=ERASED_NAME, change_message="")


def _blank_practice_dossiers(pupil: Pupil, user_ids: list[int], by: Any) -> None:
    """Practice drafts hold whatever the pupil typed and uploaded, often
    their own name: the form, the contacts and the files go."""
    from dichvucong.dossiers import uploads
    from dichvucong.dossiers.models import Attachment, Dossier

    attempts = PracticeAttempt.objects.filter(pupil=pupil).values_list("dossier_id", flat=True)
    practice = Dossier.objects.filter(is_practice=True).filter(
        Q(pk__in=attempts) | Q(applicant_id__in=user_ids)
    )
    for attachment in Attachment.objects.filter(dossier__in=practice):
        uploads.remove_attachment(attachment, by)
    practice.update(
        form_data={},
        applicant_name=ERASED_NAME,
        applicant_id_number="",
        applicant_phone="",
        applicant_email="",
        delivery_address="",
    )


# --- Attendance -----------------------------------------------------------------


def session_pupils(session: TrainingSession) -> QuerySet[Pupil]:
    """The pupils a session's attendance is taken from: its classes' list,
    without erased pupils (their recorded attendance stays as it was)."""
    return (
        Pupil.objects.filter(school_class__in=session.classes.all(), erased_at__isnull=True)
        .select_related("school_class")
        .order_by("school_class__name", "full_name", "pk")
    )


def save_attendance(session: TrainingSession, present_ids: Iterable[int]) -> tuple[int, int]:
    """Mark every listed pupil present or absent in one statement; ids not
    on the session's class lists are ignored. Returns (present, total)."""
    present = set(present_ids)
    pupil_ids = list(session_pupils(session).values_list("pk", flat=True))
    rows = [Attendance(session=session, pupil_id=pk, present=pk in present) for pk in pupil_ids]
    Attendance.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["session", "pupil"], update_fields=["present"]
    )
    return sum(1 for pk in pupil_ids if pk in present), len(pupil_ids)


# --- Households ------------------------------------------------------------------


def household_key(*, user_id: int | None = None, phone: str | None = None) -> str:
    """A key that is the same for every dossier of one household and says
    nothing by itself: the applicant's account, or a keyed hash of their
    phone when they have none. Used by AssistedSubmission.household_key."""
    if user_id is not None:
        return f"u:{user_id}"
    if not phone:
        raise ValueError("user_id or phone needed")
    number = clean_mobile_phone(phone)
    digest = hmac.new(settings.SECRET_KEY.encode(), number.encode(), hashlib.sha256)
    return f"p:{digest.hexdigest()}"
