"""No person in public figures (Law 91/2025/QH15 on personal data
protection, Decree 13/2023): a figure about people shown outside the
office that needs it never describes fewer than MIN_PEOPLE of them.

Figures "about people" count persons: households online and ambassadors
per residential group, pupils per class (pupils, trained, practised,
succeeded, erased, households helped). Counts of dossiers per agency,
procedure or month are not: a dossier count names no household, and the
public statistics never place an applicant.

The rule, used by every page, export and API answer that shows such
figures:
- A row with a count from 1 to MIN_PEOPLE - 1 in any of its person
  columns is merged with the other such rows into one "khác" row. Zero is
  shown: it describes nobody.
- Complementary disclosure: if the merged row is itself still small, the
  smallest of the other rows joins it, again until it is not small. So the
  parent's total stays exact, and subtracting the rows shown from it gives
  the merged row, never a single hidden cell.
- If every row ends up merged, there is no breakdown at all: the parent's
  total is the only figure, and it is hidden (`hide`) when small.
- A series over time (`merge_runs`) shows a point only once at least
  MIN_PEOPLE have come since the previous one: a month with 2 new
  households is merged into the next shown month, and a small tail into
  the last month.

Framework-free but for the note, which is translated text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.utils.translation import gettext_lazy as _lazy

MIN_PEOPLE = 5
NOTE = _lazy("Các nhóm dưới 5 người được gộp/ẩn để bảo vệ dữ liệu cá nhân.")
T = TypeVar("T")


def is_small(count: int | None) -> bool:
    """Describes one to four people: never shown alone."""
    return count is not None and 0 < count < MIN_PEOPLE


def hide(count: int) -> int | None:
    """A figure with nothing to merge into: None (hidden) when small."""
    return None if is_small(count) else count


@dataclass(frozen=True)
class Merged(Generic[T]):
    """`kept`: rows shown as they are, in their order; `merged`: rows shown
    only as one combined row; `everything`: every row was merged, so no
    breakdown is shown, only the parent's total."""

    kept: list[T] = field(default_factory=list)
    merged: list[T] = field(default_factory=list)

    @property
    def everything(self) -> bool:
        return bool(self.merged) and not self.kept

    @property
    def suppressed(self) -> bool:
        return bool(self.merged)


def merge_small(rows: Sequence[T], counts: Callable[[T], Sequence[int]]) -> Merged[T]:
    """Split `rows` into those shown and those merged; `counts` gives a
    row's person counts (each column is judged on its own)."""
    kept = [i for i, row in enumerate(rows) if not any(is_small(n) for n in counts(row))]
    merged = [i for i in range(len(rows)) if i not in kept]
    while merged and kept and any(is_small(n) for n in summed([rows[i] for i in merged], counts)):
        smallest = min(kept, key=lambda i: (sum(counts(rows[i])), i))
        kept.remove(smallest)
        merged.append(smallest)
    return Merged([rows[i] for i in kept], [rows[i] for i in sorted(merged)])


def summed(rows: Sequence[T], counts: Callable[[T], Sequence[int]]) -> list[int]:
    """Column sums of the person counts of `rows`."""
    totals: list[int] = []
    for row in rows:
        values = list(counts(row))
        totals = [a + b for a, b in zip(totals, values, strict=True)] if totals else values
    return totals


def merge_runs(counts: Sequence[int]) -> list[int | None]:
    """A series over time: each shown point holds what came since the
    previous shown point, at least MIN_PEOPLE (or 0 when nothing is
    waiting); None where a point was merged into a later one. A small
    tail moves the last shown point to the end; a series too small in
    all is hidden in all."""
    shown: list[int | None] = [None] * len(counts)
    waiting = 0
    for index, count in enumerate(counts):
        waiting += count
        if waiting == 0 or waiting >= MIN_PEOPLE:
            shown[index], waiting = waiting, 0
    if waiting:
        last = max((i for i, n in enumerate(shown) if n), default=None)
        if last is None:
            return [None] * len(counts)
        waiting += shown[last] or 0
        shown[last + 1 :] = [None] * (len(counts) - last - 1)
        shown[last], shown[-1] = None, waiting
    return shown
