"""Demo data for quận Thanh Xuân, Hà Nội (2017): the administrative tree,
agencies, schools, the procedure catalogue with e-forms, and an account for
every role. Safe to load any number of times: rows are matched by natural
key (unit code, agency unit code, school name, procedure code, user name)
and written only when they differ.

The data files are copies of shared/data kept inside the package, so a clean
clone works without anything beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from dichvucong.catalogue.importer import ImportResult, import_procedures
from dichvucong.demo.activity import load_activity
from dichvucong.demo.appointments import load_appointment_slots
from dichvucong.demo.eforms import load_eforms
from dichvucong.demo.master import load_master
from dichvucong.demo.outreach import load_outreach
from dichvucong.demo.people import DEMO_PASSWORD, DemoAccount, load_people
from dichvucong.demo.pupil_helper import load_pupil_helper
from dichvucong.demo.results import load_results
from dichvucong.demo.store import Tally
from dichvucong.reports.tally.recording import recounted

DATA_DIR = Path(__file__).resolve().parent / "data"
MASTER_FILE = DATA_DIR / "thanh_xuan_2017.json"
PROCEDURES_FILE = DATA_DIR / "procedures_hanoi.csv"

__all__ = ["DEMO_PASSWORD", "DemoReport", "load_demo", "read_master_data"]


@dataclass
class DemoReport:
    tally: Tally
    procedures: ImportResult
    accounts: list[DemoAccount]

    @property
    def writes(self) -> int:
        return self.tally.writes + len(self.procedures.created) + len(self.procedures.updated)


def load_demo(*, reset_passwords: bool = False) -> DemoReport:
    tally = Tally()
    with transaction.atomic(), recounted():
        master = load_master(read_master_data(), tally)
        load_appointment_slots(tally)
        with PROCEDURES_FILE.open(encoding="utf-8", newline="") as stream:
            procedures = import_procedures(stream)
        load_eforms(tally)
        accounts = load_people(master, tally, reset_passwords=reset_passwords)
        load_outreach(master, tally)
        load_activity(tally)
        load_results(tally)
        helper = load_pupil_helper(tally, reset_password=reset_passwords)
    return DemoReport(tally, procedures, [*accounts, *([helper] if helper else [])])


def read_master_data() -> dict[str, Any]:
    with MASTER_FILE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = json.load(stream)
    return data
