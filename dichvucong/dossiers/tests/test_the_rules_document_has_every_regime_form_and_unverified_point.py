"""docs/rules.md is the 2025 column of DESIGN.md's rule table: it must name
every period, every form the code prints, and every point the code keeps
from 2018 because it could not be verified."""

from __future__ import annotations

from pathlib import Path

from dichvucong.dossiers.rules import REGIMES

DOC = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
# How each unverified field of a Rules is named in the document's table.
ROWS = {
    "supplement_window_working_days": "Supplement window in processing",
    "supplement_once_per_stage": "Supplement requested once, completely",
    "apology_days_before_due": "Apology at least one day before the deadline",
    "new_date_once": "New date set only once",
    "digitise_at_receipt": "Digitisation of paper dossiers at receipt",
    "forms": "Forms used 01/07–14/09/2025",
}


def test_every_regime_and_form_the_code_prints_is_in_the_document():
    text = DOC.read_text(encoding="utf-8")
    for rules in REGIMES:
        assert f"`{rules.key}`" in text
        assert rules.circular in text
        for form in rules.forms.values():
            assert form.title in text


def test_every_point_kept_from_2018_is_marked_not_verified():
    lines = DOC.read_text(encoding="utf-8").splitlines()
    for rules in REGIMES:
        for point in rules.unverified:
            row = next(line for line in lines if line.startswith(f"| {ROWS[point]}"))
            assert "**not verified**" in row
