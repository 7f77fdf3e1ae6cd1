"""The ward and residential group columns of a roster, matched to the
catalogue's administrative units.

People write a group as "Tổ dân phố 5", "Tổ 5", "tổ dân phố số 05",
"TDP 5" or just "5", and a ward as "Phường Khương Đình", "P. Khương Đình"
or "khuong dinh". Names are compared first without diacritics or case;
when that finds more than one unit, with their diacritics; still more
than one is an error on that line, never a guess."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from dichvucong.catalogue.models import AdminUnit
from dichvucong.lib.text import fold
from dichvucong.outreach.models import School
from dichvucong.outreach.practice import ambassador_groups

WARD_PREFIXES = ("phuong ", "p. ", "p.", "xa ", "thi tran ")
GROUP_PREFIXES = ("to dan pho ", "to dan pho", "tdp ", "tdp", "to ", "so ")
_NUMBER = re.compile(r"\d+")


class PlaceError(Exception):
    """A ward or group that cannot be matched; (field, plain message)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _strip(key: str, prefixes: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :].strip(), True
    return key


def ward_key(name: str, *, accents: bool = False) -> str:
    key = _strip(fold(name), WARD_PREFIXES)
    if not accents:
        return key
    return _strip(" ".join(name.casefold().split()), ("phường ", "p. ", "p.", "xã ", "thị trấn "))


def group_key(name: str, *, accents: bool = False) -> str:
    """ "Tổ dân phố số 05" -> "5": prefixes gone, numbers without zeros."""
    text = " ".join(name.casefold().split()) if accents else fold(name)
    prefixes = GROUP_PREFIXES if not accents else ("tổ dân phố ", "tdp ", "tổ ", "số ")
    key = _strip(text, prefixes)
    return _NUMBER.sub(lambda match: str(int(match.group())), key)


def _one(units: list[AdminUnit], typed: str, keyer, field: str, what: str) -> AdminUnit:
    found = [unit for unit in units if keyer(unit.name) == keyer(typed)]
    if len(found) > 1:
        found = [u for u in found if keyer(u.name, accents=True) == keyer(typed, accents=True)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise PlaceError(
            field, _("Không tìm thấy %(what)s “%(name)s”.") % {"what": what, "name": typed}
        )
    names = ", ".join(sorted(unit.name for unit in found))
    raise PlaceError(
        field,
        _("“%(name)s” có thể là nhiều %(what)s (%(names)s); hãy ghi đúng tên.")
        % {"name": typed, "what": what, "names": names},
    )


class Places:
    """The residential groups each school's pupils may serve, by ward."""

    def __init__(self, schools: Iterable[School]) -> None:
        self.groups: dict[int, list[AdminUnit]] = {}
        for school in schools:
            self.groups[school.pk] = list(ambassador_groups(school).select_related("parent"))
        self.school_wards = {school.pk: school.ward_id for school in schools}

    def group_for(self, school: School, ward: str, group: str) -> AdminUnit | None:
        """The group named on a line (None when the line names none).
        Without a ward the school's own ward is meant."""
        if not group:
            return None
        candidates = self.groups.get(school.pk, [])
        if ward:
            wards = list({unit.parent_id: unit.parent for unit in candidates}.values())
            chosen = _one(wards, ward, ward_key, "ward", _("phường"))  # type: ignore[arg-type]
            candidates = [unit for unit in candidates if unit.parent_id == chosen.pk]
        elif self.school_wards.get(school.pk) is None:
            wards = {unit.parent_id for unit in candidates}
            if len(wards) > 1:
                raise PlaceError("ward", _("Hãy ghi tên phường của tổ dân phố này."))
        return _one(candidates, group, group_key, "group", _("tổ dân phố"))
