"""The place a dossier is about (issue 15): the one rule for the
residential group a dossier is submitted from, which the dossier keeps
(Dossier.residential_group, set by lifecycle.submit) so that a citizen who
later corrects their group does not move their old dossiers between the
wards that split their ward; reorganise and the reports' today view read it.

The rule: the groups the dossier's e-form addresses name, in the order of
the form, then the applicant account's group; the first that is a
residential group on record wins."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, Subquery

from dichvucong.accounts.models import CitizenProfile
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit


def is_id(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.isdigit()
    )


def address_units(form_data: Any, key: str) -> list[int]:
    """The unit ids (`key`: "group" or "ward") the e-form addresses name,
    in the order of the form."""
    if not isinstance(form_data, dict):
        return []
    found = (value.get(key) for value in form_data.values() if isinstance(value, dict))
    return [int(pk) for pk in found if is_id(pk)]


def declared_groups(form_data: Any, account_group_id: int | None) -> list[int]:
    """The rule's candidates, best first: the e-form addresses' groups,
    then the account's."""
    ids = address_units(form_data, "group")
    if account_group_id is not None:
        ids.append(account_group_id)
    return list(dict.fromkeys(ids))


def first_group(candidates: list[int], known: set[int]) -> int | None:
    return next((pk for pk in candidates if pk in known), None)


def submitted_from(dossier: Any) -> int | None:
    """The residential group `dossier` is submitted from, by the rule
    above; None for an organisation or a citizen with no group. One query:
    the e-form's groups on record and the account's, read together."""
    named = address_units(dossier.form_data, "group")
    account = CitizenProfile.objects.filter(user_id=dossier.applicant_id)
    found = set(
        AdminUnit.objects.filter(level=UnitLevel.GROUP)
        .filter(Q(pk__in=named) | Q(pk=Subquery(account.values("residential_group_id")[:1])))
        .values_list("pk", flat=True)
    )
    # Any other group found is the account's.
    return first_group(named, found) or next(iter(found - set(named)), None)
