"""The outreach campaign of each school year in the span: grade-8 classes
in the district's schools, pupils, training sessions and attendance, pupil
ambassadors with a login each, and the dossiers they help with (the
AssistedSubmission row and the "nộp hộ" event naming the ambassador, as
outreach.assisted.record_on_behalf writes it; the year-end report counts
a helped dossier only with that event)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.catalogue.models import Agency
from dichvucong.demo.bulk.ids import Ids
from dichvucong.demo.bulk.people import full_name, user_row
from dichvucong.demo.bulk.plan import Master, Plan
from dichvucong.demo.bulk.writers import Row, Writer
from dichvucong.outreach.constants import DEFAULT_GRADE, PUPIL_PSEUDONYM, ConfirmationChannel
from dichvucong.outreach.models import (
    Ambassador,
    AssistedSubmission,
    Attendance,
    Campaign,
    PracticeAttempt,
    Pupil,
    SchoolClass,
    TrainingSession,
)
from dichvucong.outreach.schoolyear import bounds, school_year_of

PUPILS_PER_CLASS = 35
AMBASSADOR_SHARE = 0.3
PRESENT_SHARE = 0.85
PRACTISED_SHARE = 0.7
MAX_PUPILS_PER_YEAR = 2000


@dataclass
class Helper:
    ambassador_id: int
    user_id: int
    since: date


@dataclass
class Year:
    """One school year's campaign and its ambassadors."""

    campaign_id: int
    first: date
    after: date
    helpers: list[Helper] = field(default_factory=list)


class Outreach:
    def __init__(self, plan: Plan, master: Master, ids: Ids, writer: Writer) -> None:
        self.plan, self.master, self.ids, self.writer = plan, master, ids, writer
        self.rng = plan.rng("outreach")
        self.years: list[Year] = []

    def build(self) -> None:
        if not self.master.schools or not self.master.groups:
            return
        lead = Agency.objects.order_by("pk").first()
        assert lead is not None
        day = self.plan.first_day
        while day <= self.plan.today:
            self.years.append(self._year(school_year_of(day), lead.pk))
            day = bounds(school_year_of(day))[1]

    def _year(self, school_year: str, lead_id: int) -> Year:
        """The school year's campaign (one a year: an earlier run's or the
        demo's is joined, with new classes), its schools and pupils."""
        first, after = bounds(school_year)
        campaign_id = self._campaign(school_year, lead_id)
        year = Year(campaign_id, first, after)
        for school in self.master.schools:
            self._school(year, school.pk, school_year)
        return year

    def _campaign(self, school_year: str, lead_id: int) -> int:
        first, after = bounds(school_year)
        existing = Campaign.objects.filter(start_date__gte=first, start_date__lt=after)
        found = existing.order_by("pk").values_list("pk", flat=True).first()
        if found is not None:
            self._join_schools(found)
            return found
        campaign_id = self.ids.one(Campaign)
        with translation.override("vi"):
            title = _("Đại sứ số năm học %(year)s") % {"year": school_year}
        self.writer.write(
            Campaign,
            [
                {
                    "id": campaign_id,
                    "title": title,
                    "lead_agency_id": lead_id,
                    "start_date": first + timedelta(days=35),
                    "end_date": after - timedelta(days=60),
                    "target_grade": DEFAULT_GRADE,
                    "success_rule": "result",
                    "created_at": self._at(first),
                    "updated_at": self._at(first),
                }
            ],
        )
        self._join_schools(campaign_id)
        return campaign_id

    def _join_schools(self, campaign_id: int) -> None:
        through = Campaign.schools.through
        taken = set(
            through.objects.filter(campaign_id=campaign_id).values_list("school_id", flat=True)
        )
        schools = [s.pk for s in self.master.schools if s.pk not in taken]
        self.writer.write(
            through,
            [
                {"id": pk, "campaign_id": campaign_id, "school_id": school_id}
                for pk, school_id in zip(self.ids.take(through, len(schools)), schools, strict=True)
            ],
        )

    def _school(self, year: Year, school_id: int, school_year: str) -> None:
        pupils = max(
            10, min(self.plan.dossiers // 100, MAX_PUPILS_PER_YEAR) // len(self.master.schools)
        )
        classes = max(1, pupils // PUPILS_PER_CLASS)
        class_ids = list(self.ids.take(SchoolClass, classes))
        self.writer.write(
            SchoolClass,
            [
                {
                    "id": pk,
                    "school_id": school_id,
                    "school_year": school_year,
                    "grade": DEFAULT_GRADE,
                    "name": f"8A{n}-{class_ids[0]}",
                }
                for n, pk in enumerate(class_ids, start=1)
            ],
        )
        session_id = self._session(year, school_id, class_ids)
        for class_id in class_ids:
            self._pupils(year, class_id, pupils // classes, session_id)

    def _session(self, year: Year, school_id: int, class_ids: list[int]) -> int:
        session_id = self.ids.one(TrainingSession)
        starts = self._at(year.first + timedelta(days=50)).replace(hour=14)
        self.writer.write(
            TrainingSession,
            [
                {
                    "id": session_id,
                    "campaign_id": year.campaign_id,
                    "school_id": school_id,
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=2),
                    "place": "Hội trường nhà trường",
                    "presenters": "Phòng GD&ĐT",
                }
            ],
        )
        through = TrainingSession.classes.through
        self.writer.write(
            through,
            [
                {"id": pk, "trainingsession_id": session_id, "schoolclass_id": class_id}
                for pk, class_id in zip(
                    self.ids.take(through, len(class_ids)), class_ids, strict=True
                )
            ],
        )
        return session_id

    def _pupils(self, year: Year, class_id: int, count: int, session_id: int) -> None:
        rng, pupil_ids = self.rng, list(self.ids.take(Pupil, count))
        born = year.first.year - 14
        self.writer.write(
            Pupil,
            [
                {
                    "id": pk,
                    "school_class_id": class_id,
                    "full_name": full_name(rng),
                    "birth_year": born,
                    "ambassador_group_id": rng.choice(self.master.groups).pk,
                }
                for pk in pupil_ids
            ],
        )
        present = [pk for pk in pupil_ids if rng.random() < PRESENT_SHARE]
        self.writer.write(
            Attendance,
            [
                {"id": a, "session_id": session_id, "pupil_id": p, "present": True}
                for a, p in zip(self.ids.take(Attendance, len(present)), present, strict=True)
            ],
        )
        self._practice(year, session_id, present)
        chosen = [pk for pk in present if rng.random() < AMBASSADOR_SHARE]
        self._ambassadors(year, class_id, chosen)

    def _practice(self, year: Year, session_id: int, pupil_ids: list[int]) -> None:
        """Practice dossiers completed in the training session by most of those present."""
        done = [pk for pk in pupil_ids if self.rng.random() < PRACTISED_SHARE]
        at = self._at(year.first + timedelta(days=50)).replace(hour=15)
        self.writer.write(
            PracticeAttempt,
            [
                {
                    "id": a,
                    "pupil_id": p,
                    "campaign_id": year.campaign_id,
                    "session_id": session_id,
                    "procedure_id": self.rng.choice(self.master.procedures).pk,
                    "started_at": at,
                    "completed_at": at + timedelta(minutes=20),
                }
                for a, p in zip(self.ids.take(PracticeAttempt, len(done)), done, strict=True)
            ],
        )

    def _ambassadors(self, year: Year, class_id: int, pupil_ids: list[int]) -> None:
        since = year.first + timedelta(days=55)
        user_ids = list(self.ids.take(User, len(pupil_ids)))
        self.writer.write(
            User,
            [
                user_row(u, f"Học sinh {p}", AccountKind.CITIZEN, self._at(since), "hs.sinh.")
                for u, p in zip(user_ids, pupil_ids, strict=True)
            ],
        )
        rows = []
        for pk, pupil_id, user_id in zip(
            self.ids.take(Ambassador, len(pupil_ids)), pupil_ids, user_ids, strict=True
        ):
            rows.append(
                {
                    "id": pk,
                    "campaign_id": year.campaign_id,
                    "user_id": user_id,
                    "pupil_id": pupil_id,
                    "school_class_id": class_id,
                    "since": since,
                    "residential_group_id": self.rng.choice(self.master.groups).pk,
                    "active": True,
                }
            )
            year.helpers.append(Helper(pk, user_id, since))
        self.writer.write(Ambassador, rows)

    def _at(self, day: date) -> datetime:
        return min(datetime.combine(day, time(9), timezone.get_current_timezone()), self.plan.now)

    # --- Helped dossiers ---------------------------------------------------------

    def helper_for(self, submitted: datetime, rng: random.Random) -> Helper | None:
        day = timezone.localdate(submitted)
        for year in self.years:
            if year.first <= day < year.after and year.helpers:
                helper = rng.choice(year.helpers)
                return helper if day >= helper.since else None
        return None

    def assist(self, row: Row, helper: Helper) -> tuple[dict[str, Any], Row]:
        """The event data (with its actor and note) and the AssistedSubmission row."""
        row["helper_id"] = helper.user_id
        with translation.override("vi"):
            note = _("Nộp hộ: %(helper)s khai giúp; người nộp xác nhận (%(how)s).") % {
                "helper": PUPIL_PSEUDONYM.format(user_id=helper.user_id),
                "how": str(ConfirmationChannel.LOGIN.label).lower(),
            }
        event = {
            "assisted": True,
            "helper": helper.user_id,
            "ambassador": helper.ambassador_id,
            "channel": "login",
            "actor": (row["applicant_id"], row["applicant_name"]),
            "note": note,
        }
        record = {
            "id": self.ids.one(AssistedSubmission),
            "dossier_id": row["id"],
            "ambassador_id": helper.ambassador_id,
            "household_key": f"u:{row['applicant_id']}",
            "channel": "login",
            "confirmed_at": row["submitted_at"],
            "created_at": row["submitted_at"] - timedelta(minutes=20),
        }
        return event, record
