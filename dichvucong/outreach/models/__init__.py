"""The outreach campaign (DESIGN.md §6), one module per aggregate."""

from __future__ import annotations

from dichvucong.outreach.models.campaigns import (
    Campaign,
    Material,
    MaterialVersion,
    School,
    YearEndReport,
)
from dichvucong.outreach.models.helpers import Ambassador, AssistedSubmission, PracticeAttempt
from dichvucong.outreach.models.pupils import (
    Consent,
    Guardian,
    Pupil,
    PupilErasure,
    RosterImport,
    SchoolClass,
)
from dichvucong.outreach.models.sessions import Attendance, TrainingSession

__all__ = [
    "Ambassador",
    "AssistedSubmission",
    "Attendance",
    "Campaign",
    "Consent",
    "Guardian",
    "Material",
    "MaterialVersion",
    "PracticeAttempt",
    "Pupil",
    "PupilErasure",
    "RosterImport",
    "School",
    "SchoolClass",
    "TrainingSession",
    "YearEndReport",
]
