"""The small-cells rule (lib/disclosure.py): a figure about people never
describes one to four of them, alone or by subtraction from a total."""

from __future__ import annotations

import itertools

from dichvucong.lib.disclosure import MIN_PEOPLE, hide, is_small, merge_runs, merge_small, summed


def one(row: tuple[str, int]) -> tuple[int]:
    return (row[1],)


def pair(row: tuple[str, int, int]) -> tuple[int, int]:
    return (row[1], row[2])


def test_one_to_four_is_small_zero_and_five_are_not() -> None:
    assert MIN_PEOPLE == 5
    assert [is_small(n) for n in (0, 1, 4, 5, 30)] == [False, True, True, False, False]
    assert (hide(3), hide(0), hide(5)) == (None, 0, 5)


def test_nothing_moves_when_no_row_is_small() -> None:
    rows = [("a", 5), ("b", 0), ("c", 12)]
    split = merge_small(rows, one)
    assert split.kept == rows and split.merged == [] and not split.suppressed


def test_small_rows_are_merged_into_one_row_of_at_least_five() -> None:
    rows = [("a", 2), ("b", 9), ("c", 3), ("d", 40)]
    split = merge_small(rows, one)
    assert split.kept == [("b", 9), ("d", 40)]
    assert split.merged == [("a", 2), ("c", 3)] and summed(split.merged, one) == [5]


def test_a_lone_small_row_takes_the_smallest_other_with_it() -> None:
    """Else the total minus the rows shown would give the hidden row."""
    rows = [("a", 3), ("b", 9), ("c", 6), ("d", 40)]
    split = merge_small(rows, one)
    assert split.kept == [("b", 9), ("d", 40)]
    assert split.merged == [("a", 3), ("c", 6)]


def test_each_column_is_judged_on_its_own() -> None:
    rows = [("a", 10, 1), ("b", 8, 0), ("c", 7, 6)]
    split = merge_small(rows, pair)
    # a has one ambassador: merged; alone it stays small in that column, so
    # the smallest other row (b) joins it... still 1: then c too.
    assert split.kept == [] and split.everything
    assert summed(split.merged, pair) == [25, 7]


def test_when_everything_is_merged_only_the_total_is_left() -> None:
    split = merge_small([("a", 1), ("b", 2)], one)
    assert split.everything and split.kept == []
    assert hide(sum(n for _name, n in split.merged)) is None


def test_a_series_shows_a_point_only_after_five_new_people() -> None:
    assert merge_runs([6, 2, 0, 3, 7]) == [6, None, None, 5, 7]
    assert merge_runs([0, 5, 0]) == [0, 5, 0]


def test_a_small_tail_moves_the_last_point_to_the_end() -> None:
    # The cumulative total at the end must not reveal the last two months.
    assert merge_runs([5, 0, 3]) == [None, None, 8]
    assert merge_runs([7, 5, 1, 1]) == [7, None, None, 7]


def test_a_series_too_small_in_all_is_hidden_in_all() -> None:
    assert merge_runs([1, 0, 2]) == [None, None, None]
    assert merge_runs([]) == []


def test_no_shown_point_or_difference_of_points_is_small() -> None:
    for series in itertools.product((0, 1, 2, 4, 5), repeat=4):
        shown = merge_runs(list(series))
        assert not any(is_small(n) for n in shown)
        if any(n is not None for n in shown):
            assert sum(n or 0 for n in shown) == sum(series)
