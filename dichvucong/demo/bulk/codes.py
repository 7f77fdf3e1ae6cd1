"""Dossier codes as the portal issues them (lib/dossier_codes.py): a
per-agency sequence restarting each day, continued after every code already
in the database and every DailySequence, which is moved on as well so live
submissions after a generated day do not take a generated number."""

from __future__ import annotations

from datetime import date

from dichvucong.catalogue.models import Agency
from dichvucong.demo.bulk.ids import Ids
from dichvucong.demo.bulk.writers import Writer
from dichvucong.dossiers.models import DailySequence, Dossier
from dichvucong.lib.dossier_codes import format_code, parse_code


class Codes:
    def __init__(self) -> None:
        self.units = dict(Agency.objects.values_list("pk", "unit_code"))
        self.last: dict[tuple[int, date], int] = {}
        self.stored: dict[tuple[int, date], int] = {}  # DailySequence pk
        for pk, agency_id, day, last in DailySequence.objects.values_list(
            "pk", "agency_id", "day", "last"
        ):
            self.last[(agency_id, day)] = last
            self.stored[(agency_id, day)] = pk
        self.loaded = dict(self.last)
        self._read_codes()

    def _read_codes(self) -> None:
        """Codes written without a DailySequence (older generators) count too."""
        rows = Dossier.objects.filter(code__isnull=False).values_list("agency_id", "code")
        for agency_id, code in rows.iterator(chunk_size=20_000):
            parsed = parse_code(code)
            if parsed is not None:
                key = (agency_id, parsed[1])
                self.last[key] = max(self.last.get(key, 0), parsed[2])

    def issue(self, agency_id: int, day: date) -> str:
        key = (agency_id, day)
        number = self.last.get(key, 0) + 1
        self.last[key] = number
        return format_code(self.units[agency_id], day, number)

    def save(self, ids: Ids, writer: Writer) -> None:
        new = [key for key in self.last if key not in self.stored]
        rows = [
            {"id": pk, "agency_id": agency_id, "day": day, "last": self.last[(agency_id, day)]}
            for pk, (agency_id, day) in zip(ids.take(DailySequence, len(new)), new, strict=True)
        ]
        writer.write(DailySequence, rows)
        # Rows moved on are deleted and written again with the same ids:
        # far quicker than updating thousands one by one.
        moved = {key: pk for key, pk in self.stored.items() if self.last[key] != self.loaded[key]}
        pks = list(moved.values())
        for start in range(0, len(pks), 5000):
            DailySequence.objects.filter(pk__in=pks[start : start + 5000]).delete()
        writer.write(
            DailySequence,
            [
                {"id": pk, "agency_id": key[0], "day": key[1], "last": self.last[key]}
                for key, pk in moved.items()
            ],
        )
