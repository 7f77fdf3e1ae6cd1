"""The one-stop rules, by the date they apply from.

A dossier is handled by the rules in force on the day it was submitted (the
day the one-stop system received it), whatever today's date is: a dossier
filed on 30/06/2025 keeps Decree 61/2018 to its end, one filed on 01/07/2025
is under Decree 118/2025. The code that applies a rule (lifecycle, slips)
asks `rules_of(dossier)` instead of reading a constant.

Only what research verified to differ is different; every other value is the
Decree 61/2018 behaviour carried over, and named in `unverified` so the table
in docs/rules.md can say so. Sources: docs/rules.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from dichvucong.dossiers.models import Dossier


class Slip(StrEnum):
    """The papers of the one-stop desk, whatever number a circular gives them."""

    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP = "stop"
    CONTROL = "control"
    REGISTER = "register"


@dataclass(frozen=True)
class Form:
    number: str  # "01"
    title: str

    @property
    def label(self) -> str:
        return f"Mẫu số {self.number}"


@dataclass(frozen=True)
class Rules:
    key: str
    name: str  # short, for tables
    decree: str  # as cited on a slip
    circular: str  # the circular whose appendix gives the forms
    starts: date | None  # first day in force; None: before this system began
    forms: Mapping[Slip, Form]
    supplement_window_working_days: int
    supplement_once_per_stage: bool
    apology_days_before_due: int
    new_date_once: bool
    digitise_at_receipt: bool
    unverified: frozenset[str]

    def form(self, slip: Slip) -> Form | None:
        return self.forms.get(slip)

    def basis(self, slip: Slip) -> str:
        """The legal basis a slip prints under its title."""
        form = self.forms[slip]
        return f"Theo {self.decree}; {form.label} ban hành kèm theo {self.circular}"


def _forms(*entries: tuple[Slip, str, str]) -> Mapping[Slip, Form]:
    return MappingProxyType({slip: Form(number, title) for slip, number, title in entries})


RECEIPT = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
SUPPLEMENT = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
REFUSAL = "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
CONTROL = "Phiếu kiểm soát quá trình giải quyết hồ sơ"
REGISTER = "Sổ theo dõi hồ sơ"

# Circular 01/2018/TT-VPCP, appendix: forms 01 to 06.
FORMS_2018 = _forms(
    (Slip.RECEIPT, "01", RECEIPT),
    (Slip.SUPPLEMENT, "02", SUPPLEMENT),
    (Slip.REFUSAL, "03", REFUSAL),
    (Slip.APOLOGY, "04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    (Slip.CONTROL, "05", CONTROL),
    (Slip.REGISTER, "06", REGISTER),
)
# Circular 03/2025/TT-VPCP, Appendix I: forms 01 to 07 (a stop notice is new
# as 05, so the control slip and the register move up one).
FORMS_2025 = _forms(
    (Slip.RECEIPT, "01", RECEIPT),
    (Slip.SUPPLEMENT, "02", SUPPLEMENT),
    (Slip.REFUSAL, "03", REFUSAL),
    (Slip.APOLOGY, "04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
    (Slip.STOP, "05", "Thông báo dừng giải quyết hồ sơ"),
    (Slip.CONTROL, "06", CONTROL),
    (Slip.REGISTER, "07", REGISTER),
)

DECREE_61 = "Nghị định số 61/2018/NĐ-CP"
DECREE_118 = "Nghị định số 118/2025/NĐ-CP"
CIRCULAR_01 = "Thông tư số 01/2018/TT-VPCP"
CIRCULAR_03 = "Thông tư số 03/2025/TT-VPCP"

# What Decree 61/2018 and its practice here say. Carried over unchanged into
# the 2025 rules: the 2025 texts on these points could not be read.
NOT_READ_IN_118 = frozenset(
    {
        "supplement_window_working_days",
        "supplement_once_per_stage",
        "apology_days_before_due",
        "new_date_once",
        "digitise_at_receipt",
    }
)


def _regime(
    key: str,
    name: str,
    decree: str,
    circular: str,
    starts: date | None,
    forms: Mapping[Slip, Form],
    unverified: frozenset[str],
) -> Rules:
    return Rules(
        key=key,
        name=name,
        decree=decree,
        circular=circular,
        starts=starts,
        forms=forms,
        supplement_window_working_days=3,
        supplement_once_per_stage=True,
        apology_days_before_due=1,
        new_date_once=True,
        digitise_at_receipt=False,
        unverified=unverified,
    )


DECREE_61_RULES = _regime(
    "nd61-2018", "Nghị định 61/2018/NĐ-CP", DECREE_61, CIRCULAR_01, None, FORMS_2018, frozenset()
)
# Decree 118/2025 is in force from 01/07/2025; its guiding circular with the
# new forms is dated 15/09/2025. Which forms were printed between the two
# could not be verified: the 2018 forms are kept, and said to be unverified.
DECREE_118_RULES_BEFORE_FORMS = _regime(
    "nd118-2025-tt01",
    "Nghị định 118/2025/NĐ-CP (trước Thông tư 03/2025)",
    DECREE_118,
    CIRCULAR_01,
    date(2025, 7, 1),
    FORMS_2018,
    NOT_READ_IN_118 | {"forms"},
)
DECREE_118_RULES = _regime(
    "nd118-2025",
    "Nghị định 118/2025/NĐ-CP",
    DECREE_118,
    CIRCULAR_03,
    date(2025, 9, 15),
    FORMS_2025,
    NOT_READ_IN_118,
)

# Oldest first; each applies from its `starts` until the next one's.
REGIMES = (DECREE_61_RULES, DECREE_118_RULES_BEFORE_FORMS, DECREE_118_RULES)


def rules_for(received_on: date) -> Rules:
    """The rules in force on `received_on`."""
    current = REGIMES[0]
    for regime in REGIMES[1:]:
        if regime.starts is not None and received_on >= regime.starts:
            current = regime
    return current


def regime_day(dossier: Dossier) -> date:
    """The day that fixes a dossier's rules: its submission (set once, never
    moved, unlike `received_at` which a supplement restarts); a dossier
    never submitted is judged by today."""
    moment: datetime | None = dossier.submitted_at or dossier.received_at
    return timezone.localdate(moment) if moment else timezone.localdate()


def rules_of(dossier: Dossier) -> Rules:
    return rules_for(regime_day(dossier))
