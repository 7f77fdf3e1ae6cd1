"""Each Decision 766 group is its maximum times one share, on counts small
enough to check by hand."""

from __future__ import annotations

import pytest

from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Field, Procedure, RequiredDocument
from dichvucong.reports import indicators
from dichvucong.reports.statistics import Figures


def card(**counts: int) -> dict[str, indicators.Indicator]:
    scorecard = indicators.scorecard(Figures(**counts), transparency=(3, 4))
    return {item.key: item for item in scorecard.indicators}


def test_the_six_groups_add_up_to_100_points():
    assert [(i.key, i.max_points) for i in indicators.scorecard(Figures(), (0, 0)).indicators] == [
        ("transparency", 18),
        ("progress", 20),
        ("online_service", 12),
        ("online_payment", 10),
        ("satisfaction", 18),
        ("digitisation", 22),
    ]


def test_progress_is_20_times_the_share_resolved_early_or_on_time():
    item = card(resolved=10, early=3, on_time=5, late=2)["progress"]
    assert (item.numerator, item.denominator) == (8, 10)
    assert item.points == pytest.approx(16.0)


def test_transparency_is_18_times_the_share_of_complete_procedures():
    assert card()["transparency"].points == pytest.approx(18 * 3 / 4)


def test_online_payment_is_10_times_the_share_of_paid_dossiers_paid_online():
    assert card(paid=8, paid_online=6)["online_payment"].points == pytest.approx(7.5)


def test_satisfaction_is_18_times_the_share_satisfied_or_very_satisfied():
    assert card(ratings=9, satisfied=6)["satisfaction"].points == pytest.approx(12.0)


def test_digitisation_is_22_times_the_share_of_resolved_with_electronic_files():
    assert card(resolved=10, digitised=7, early=10)["digitisation"].points == pytest.approx(15.4)


def test_online_service_counts_level_3_and_4_dossiers_all_of_which_came_online():
    assert card(received=10, level34=4)["online_service"].points == pytest.approx(12.0)
    assert card(received=10, level34=0)["online_service"].points is None


def test_a_group_with_nothing_to_divide_by_has_no_score_and_the_total_says_so():
    scorecard = indicators.scorecard(Figures(resolved=4, early=1, on_time=1, late=2), (0, 0))
    assert [i.key for i in scorecard.scored] == ["progress", "digitisation"]
    assert scorecard.points == pytest.approx(10.0 + 0.0)
    assert scorecard.max_scored == 42
    assert scorecard.max_points == 100


def test_the_formula_is_written_next_to_each_group(client, world, frozen):
    html = client.get("/thong-ke/").content.decode()
    for item in indicators.scorecard(Figures(), (0, 0)).indicators:
        assert str(item.formula) in html
        assert str(item.system_note) in html
    assert "Cách tính của hệ thống" in html


def test_transparency_needs_documents_fee_text_and_from_level_2_a_form(db):
    field = Field.objects.create(name="Thử")

    def procedure(code: str, level: int, fee: str = "Miễn phí", **extra) -> Procedure:
        return Procedure.objects.create(
            code=code,
            name=code,
            field=field,
            online_level=level,
            handling_level=HandlingLevel.WARD,
            fee_text=fee,
            **extra,
        )

    complete_eform = procedure("a", OnlineLevel.PARTIAL, form_schema=[{"title": "x"}])
    complete_file = procedure("b", OnlineLevel.FORMS)
    complete_level1 = procedure("c", OnlineLevel.INFORMATION)
    no_form = procedure("d", OnlineLevel.FULL)
    no_fee_text = procedure("e", OnlineLevel.INFORMATION, fee="")
    procedure("f", OnlineLevel.INFORMATION)  # no documents listed
    procedure("g", OnlineLevel.INFORMATION, is_active=False)
    for item in (complete_eform, complete_file, complete_level1, no_form, no_fee_text):
        RequiredDocument.objects.create(procedure=item, name="Tờ khai")
    RequiredDocument.objects.create(procedure=complete_file, name="Mẫu", template="forms/m.docx")
    counted = indicators.procedures_in_scope(None)
    assert indicators.transparency_counts(counted) == (3, 6)
