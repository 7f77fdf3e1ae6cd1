from __future__ import annotations

from datetime import date

import pytest
from django.forms.models import model_to_dict

from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier

pytestmark = pytest.mark.django_db


def cast_merger() -> dict[str, object]:
    """The test cast's ward A (Khương Mai) merged into a new ward, as the
    2025 file does with the real one."""
    return {
        "ended_units": [
            {"code": "T-TX", "valid_to": "2025-06-30"},
            {"code": "T-KM", "valid_to": "2025-06-30"},
        ],
        "new_wards": [
            {
                "name": "Phường Phương Liệt",
                "code": "T-PL",
                "parent": "T-H26",
                "valid_from": "2025-07-01",
                "agencies": [
                    {"name": "UBND phường Phương Liệt", "kind": "committee", "unit_code": "T.PL"}
                ],
            }
        ],
        "successions": [
            {
                "predecessor": "T-KM",
                "successor": "T-PL",
                "effective_date": "2025-07-01",
                "kind": "merged",
                "legal_basis": "Nghị quyết 1656/NQ-UBTVQH15",
            }
        ],
    }


def test_a_dossier_in_progress_stays_with_its_old_agency(cast):
    dossier = make_dossier(cast)
    before = model_to_dict(dossier)
    load_reorganisation(cast_merger())
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert model_to_dict(dossier) == before
    assert dossier.agency.valid_to == date(2025, 6, 30)
