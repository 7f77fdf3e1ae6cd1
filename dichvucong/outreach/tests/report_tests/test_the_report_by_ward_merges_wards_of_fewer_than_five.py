"""The year-end report's dossiers by the helped household's ward never
point at one to four households (lib/disclosure.py): such wards are merged
into one row, and the total stays exact."""

from __future__ import annotations

from dichvucong.outreach.report_wards import WardRow, disclosed, total


def _row(pk: int, dossiers: int, pending: int = 0) -> WardRow:
    return WardRow(pk, f"Phường {pk}", str(pk), dossiers, pending)


def test_wards_of_fewer_than_five_are_merged_and_the_total_is_unchanged() -> None:
    rows = [_row(1, 12), _row(2, 3), _row(3, 2), _row(4, 7, 5)]
    shown, merged = disclosed(rows)
    assert merged
    assert [row.unit_id for row in shown] == [1, 4, None]
    other = shown[-1]
    assert (other.dossiers, other.pending) == (5, 0)
    assert total(shown) == total(rows)
    for row in shown:
        for count in (row.dossiers, row.pending):
            assert count == 0 or count >= 5, (row.name, count)


def test_a_merged_row_still_small_takes_the_next_smallest_ward() -> None:
    rows = [_row(1, 20), _row(2, 2), _row(3, 6)]
    shown, merged = disclosed(rows)
    assert merged and [row.unit_id for row in shown] == [1, None]
    assert shown[-1].dossiers == 8 and total(shown) == total(rows)


def test_no_small_ward_leaves_the_table_as_it_is() -> None:
    rows = [_row(1, 5), _row(2, 0, 9)]
    assert disclosed(rows) == (rows, False)
