"""Practice mode (DESIGN.md §6): an ambassador rehearses a real procedure's
e-form steps and uploads in a sandbox.

A practice draft is an ordinary draft with `is_practice=True`, filled in
on the applicant's own pages (the real e-form and upload rules), with the
ambassador as its applicant. It never becomes a dossier: the dossiers app
refuses to submit it, officers' queues, lookup, statistics and the outbox
leave it out. Finishing checks completeness exactly as a submission would,
then records the achievement (PracticeAttempt.completed_at); no code, no
lifecycle step.

Also here: who counts as an ambassador, the residential group a pupil
serves (set_ambassador_group), and the logins a school hands its pupils on
paper (create_pupil_account, issue_pupil_logins).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.catalogue.constants import AgencyKind, OnlineLevel, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Procedure
from dichvucong.dossiers import submission
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import access, services
from dichvucong.outreach.models import (
    Ambassador,
    Campaign,
    PracticeAttempt,
    Pupil,
    School,
    TrainingSession,
)
from dichvucong.outreach.schoolyear import bounds

# --- Who is an ambassador -------------------------------------------------------


def _rows(user: Any) -> list[Ambassador]:
    """The user's active ambassador rows, the latest first (a pupil has one
    per school year at most)."""
    if not getattr(user, "is_authenticated", False):
        return []
    rows = Ambassador.objects.filter(user=user, active=True).select_related(
        "pupil", "campaign", "residential_group__parent"
    )
    return list(rows.order_by("-since", "-pk")[:3])


def ambassadorship(user: Any) -> Ambassador | None:
    """The user's ambassador row for today: active, within its period (the
    campaign's school year, from the day the role began to the day the
    pupil left), the latest first. A pupil's row counts only while the
    guardian's (and, from age 7, the pupil's own) consent stands: practice
    and help both keep a minor's typing."""
    today = timezone.localdate()
    for row in _rows(user):
        if row.refusal_on(today) is not None:
            continue
        if row.pupil is not None and not services.has_full_consent(row.pupil):
            return None
        return row
    return None


def help_refusal(user: Any) -> str | None:
    """Why a (former) ambassador may not help today, in words for them;
    None when they may, or were never an ambassador."""
    if ambassadorship(user) is not None:
        return None
    today = timezone.localdate()
    rows = _rows(user)
    return rows[0].refusal_on(today) if rows else None


def online_procedures(query: str = "") -> QuerySet[Procedure]:
    """Procedures an applicant can submit online (level 3 and 4): the ones
    worth rehearsing and the ones a helper can fill in."""
    found = Procedure.objects.filter(is_active=True, online_level__gte=OnlineLevel.PARTIAL)
    for word in query.split()[:5]:
        found = found.filter(Q(name__icontains=word) | Q(code__icontains=word))
    return found.order_by("name")


# --- Practice --------------------------------------------------------------------


def practice_ward(ambassador: Ambassador) -> AdminUnit | None:
    """The ward a practice of a ward procedure is addressed to: the one of
    the ambassador's residential group, else the school's."""
    group = ambassador.residential_group
    if group is not None and group.parent is not None:
        return group.parent
    if ambassador.pupil is not None:
        return ambassador.pupil.school_class.school.ward
    return None


def _ward_committee_ward(ward: AdminUnit | None) -> AdminUnit | None:
    """`ward` if its People's Committee receives dossiers, else any ward
    that has one: a practice must look like a real ward submission."""
    committees = Agency.objects.filter(kind=AgencyKind.PEOPLES_COMMITTEE)
    if ward is not None and committees.filter(admin_unit=ward).exists():
        return ward
    return submission.receiving_wards().first()


def _todays_session(pupil: Pupil) -> TrainingSession | None:
    """The training session the pupil's class has today, if any, so a
    practice during a session is counted with it."""
    today = timezone.localdate()
    return TrainingSession.objects.filter(
        classes=pupil.school_class_id, starts_at__date=today
    ).first()


@transaction.atomic
def start_practice(user: Any, procedure: Procedure) -> Dossier:
    """A practice draft of `procedure` for the ambassador `user`, and for
    a pupil the PracticeAttempt that will record the achievement. Raises
    PermissionDenied for a non-ambassador, ValidationError when the
    procedure cannot be submitted online."""
    ambassador = ambassadorship(user)
    if ambassador is None:
        raise PermissionDenied
    if not submission.accepts_online(procedure):
        raise ValidationError(_("Thủ tục này chưa nộp trực tuyến được."))
    ward = _ward_committee_ward(practice_ward(ambassador))
    dossier = submission.start_draft(user, procedure, ward=ward, practice=True)
    if ambassador.pupil is not None:
        PracticeAttempt.objects.create(
            pupil=ambassador.pupil,
            campaign=ambassador.campaign,
            session=_todays_session(ambassador.pupil),
            procedure=procedure,
            dossier=dossier,
        )
    return dossier


def practice_dossiers(user: Any) -> QuerySet[Dossier]:
    if not getattr(user, "is_authenticated", False):
        return Dossier.objects.none()
    found = Dossier.objects.filter(applicant=user, is_practice=True, status=Status.DRAFT)
    return found.select_related("procedure").order_by("-updated_at")


def finished(dossier: Dossier) -> tuple[bool, datetime | None]:
    """Whether the practice on this draft is finished, and when. A pupil's
    finish is recorded; an adult volunteer's (nothing is recorded for
    them) counts once the draft is complete."""
    attempt = PracticeAttempt.objects.filter(dossier=dossier).first()
    if attempt is not None:
        return attempt.completed_at is not None, attempt.completed_at
    return not submission.submission_problems(dossier), None


def finish_practice(dossier: Dossier, user: Any) -> PracticeAttempt | None:
    """Check the practice draft as a submission would be checked (raises
    submission.IncompleteDossier listing what is missing), then record the
    achievement once: the first finish counts, later ones change nothing.
    No code is issued and the draft stays a draft. Returns the attempt
    (None for an adult volunteer: attempts are counted for pupils)."""
    with transaction.atomic():
        locked = lock_dossier(dossier, "procedure")
        if not locked.is_practice or locked.applicant_id != user.pk:
            raise PermissionDenied
        problems = submission.submission_problems(locked)
        if problems:
            raise submission.IncompleteDossier(problems)
        PracticeAttempt.objects.filter(dossier=locked, completed_at__isnull=True).update(
            completed_at=timezone.now()
        )
        return PracticeAttempt.objects.filter(dossier=locked).first()


# --- Pupil ambassadors: residential group and login --------------------------------

# No 0/O, 1/l/i: the password is read off a paper slip.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 10
# ValidationError code of a pupil who has a login already (issuing without reset).
LOGIN_EXISTS = "login_exists"


@dataclass(frozen=True)
class PupilLogin:
    pupil: Pupil
    username: str
    password: str
    created: bool


@dataclass
class IssuedLogins:
    """What one issuing run did. The passwords exist only in `issued`:
    the accounts keep their hashes, so they are shown once and lost."""

    issued: list[PupilLogin] = field(default_factory=list)
    existing: list[Pupil] = field(default_factory=list)  # kept their login
    refused: list[tuple[Pupil, str]] = field(default_factory=list)  # and why


def pupil_username(pupil: Pupil) -> str:
    """hs.<school>.<pupil>: unique, and says nothing about the child."""
    return f"hs.{pupil.school_class.school_id}.{pupil.pk}"


def new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def login_usernames(pupil_ids: Iterable[int]) -> dict[int, str]:
    """The user name of each pupil's login, for those who have one."""
    rows = Ambassador.objects.filter(pupil_id__in=list(pupil_ids), user__isnull=False)
    return dict(rows.order_by("pk").values_list("pupil_id", "user__username"))


def ambassador_groups(school: School) -> QuerySet[AdminUnit]:
    """The residential groups a pupil of `school` may serve: those of the
    school's ward; for a school with no ward recorded, those of every ward
    of the districts whose campaigns it takes part in."""
    groups = AdminUnit.objects.filter(level=UnitLevel.GROUP)
    if school.ward_id is not None:
        return groups.filter(parent_id=school.ward_id)
    districts = Campaign.objects.filter(schools=school).values("lead_agency__admin_unit")
    return groups.filter(parent__parent__in=districts)


def _consent_refusal(pupil: Pupil) -> str | None:
    """Why this pupil may not act as an ambassador (None: they may)."""
    if pupil.is_erased:
        return _("Dữ liệu học sinh đã bị xóa.")
    if not services.has_full_consent(pupil):
        return _("Chưa có đủ ý kiến đồng ý của phụ huynh và học sinh.")
    return None


def _pupil_campaign(pupil: Pupil) -> Campaign | None:
    """The campaign of the pupil's school year and grade (a school may
    already have next year's campaign: this year's pupils still help for
    this one, and a pupil now in grade 9 for none)."""
    year = pupil.school_class.school_year
    first, after = bounds(year)
    return (
        Campaign.objects.filter(
            schools=pupil.school_class.school_id,
            target_grade=pupil.school_class.grade,
            start_date__gte=first,
            start_date__lt=after,
        )
        .order_by("-start_date", "-pk")
        .first()
    )


def _login_refusal(pupil: Pupil) -> str | None:
    """Why this pupil may not have a login yet (None: they may)."""
    refusal = _consent_refusal(pupil)
    if refusal is not None:
        return refusal
    if not pupil.ambassadorships.exists() and pupil.ambassador_group_id is None:
        return _("Chưa chọn tổ dân phố mà học sinh hỗ trợ.")
    if not pupil.ambassadorships.exists() and _pupil_campaign(pupil) is None:
        return _("Trường chưa tham gia chiến dịch nào.")
    return None


def _check_keeper(pupil: Pupil, by: Any) -> None:
    """`by` keeps the pupil's school roster (None: an operator at the
    command line)."""
    if by is not None and not access.pupils_for(by).filter(pk=pupil.pk).exists():
        raise PermissionDenied


@transaction.atomic
def set_ambassador_group(pupil: Pupil, group: AdminUnit, by: Any) -> None:
    """The residential group the pupil serves as ambassador, with the same
    consent rule as a login. The pupil's active ambassador rows move with
    it, so their help counts for the group they now serve. Raises
    ValidationError (consent missing, a group outside the school's area)."""
    _check_keeper(pupil, by)
    locked = Pupil.objects.select_for_update(of=("self",)).select_related("school_class__school")
    pupil = locked.get(pk=pupil.pk)
    refusal = _consent_refusal(pupil)
    if refusal is not None:
        raise ValidationError(refusal)
    if not ambassador_groups(pupil.school_class.school).filter(pk=group.pk).exists():
        raise ValidationError(_("Tổ dân phố này không thuộc địa bàn của trường."))
    Pupil.objects.filter(pk=pupil.pk).update(ambassador_group=group)
    pupil.ambassadorships.filter(active=True).update(residential_group=group)


def _pupil_user(pupil: Pupil, password: str) -> tuple[User, bool]:
    existing = pupil.ambassadorships.exclude(user=None).select_related("user").first()
    if existing is not None and existing.user is not None:
        existing.user.set_password(password)
        existing.user.is_active = True
        existing.user.save(update_fields=["password", "is_active"])
        return existing.user, False
    user = User.objects.create_user(
        username=pupil_username(pupil),
        password=password,
        full_name=pupil.full_name,
        kind=AccountKind.CITIZEN,
    )
    return user, True


@transaction.atomic
def create_pupil_account(pupil: Pupil, by: Any, *, reset: bool = True) -> PupilLogin:
    """The login a school hands a pupil on paper, linked through the
    pupil's ambassador row (created for the school's latest campaign and
    the pupil's residential group when there is none yet). Run again, it
    sets a new password (a lost slip); with `reset=False` a pupil who has a
    login keeps it (ValidationError code LOGIN_EXISTS), checked under the
    row lock so two clicks cannot reset each other's passwords. `by` is
    the coordinator or the education office (PermissionDenied outside
    their schools), None for an operator at the command line. Raises
    ValidationError when the pupil may not have one (no consent, no
    residential group, erased). Only the password's hash is stored."""
    _check_keeper(pupil, by)
    pupil = (
        Pupil.objects.select_for_update(of=("self",))
        .select_related("school_class")
        .get(pk=pupil.pk)
    )
    if not reset and pupil.ambassadorships.exclude(user=None).exists():
        raise ValidationError(_("Học sinh đã có tài khoản."), code=LOGIN_EXISTS)
    refusal = _login_refusal(pupil)
    if refusal is not None:
        raise ValidationError(refusal)
    password = new_password()
    user, created = _pupil_user(pupil, password)
    if not pupil.ambassadorships.exists():
        Ambassador.objects.create(
            campaign=_pupil_campaign(pupil),
            pupil=pupil,
            residential_group_id=pupil.ambassador_group_id,
            since=timezone.localdate(),
        )
    pupil.ambassadorships.filter(user=None).update(user=user)
    return PupilLogin(pupil=pupil, username=user.username, password=password, created=created)


def issue_pupil_logins(pupils: Iterable[Pupil], by: Any, *, reset: bool = False) -> IssuedLogins:
    """Logins for those of `pupils` who may have one, each pupil in its own
    transaction so one refusal stops nobody else. Without `reset` a pupil
    who has a login keeps it, so issuing a class again issues nothing new;
    with it every login gets a new password. The command and the class
    and pupil pages all issue through here."""
    done = IssuedLogins()
    for pupil in pupils:
        try:
            done.issued.append(create_pupil_account(pupil, by, reset=reset))
        except ValidationError as error:
            if error.code == LOGIN_EXISTS:
                done.existing.append(pupil)
            else:
                done.refused.append((pupil, error.messages[0]))
    return done
