"""What other apps and views ask of the catalogue."""

from __future__ import annotations

import string
from datetime import date
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from dichvucong.catalogue import fees
from dichvucong.catalogue.constants import (
    AgencyKind,
    HandlingLevel,
    OnlineLevel,
    SuccessionKind,
    UnitLevel,
)
from dichvucong.catalogue.models import (
    AdminUnit,
    Agency,
    Field,
    Procedure,
    RequiredDocument,
    UnitSuccession,
)
from dichvucong.lib.text import fold

# The agency filter's value for "the People's Committee of a ward": ward
# procedures carry no agency because the applicant picks the ward.
ANY_WARD_COMMITTEE = "ward"

# A long query is someone pasting a paragraph; past this many words the
# search only gets slower, not better.
MAX_QUERY_WORDS = 12

# Dots stay: they are part of national codes such as 1.001193.
_EDGE_PUNCTUATION = string.punctuation.replace(".", "") + "“”‘’…–—"


def active_procedures() -> QuerySet[Procedure]:
    return Procedure.objects.filter(is_active=True).select_related("field", "agency")


def featured_procedures(limit: int = 6) -> QuerySet[Procedure]:
    return active_procedures().order_by("-online_level", "name")[:limit]


def query_words(query: str) -> list[str]:
    """The words of `query`, folded like `Procedure.search_text`, so that
    "Đăng ký", "dang ky" and "ĐĂNG KÝ" all give ["dang", "ky"]."""
    words = (word.strip(_EDGE_PUNCTUATION) for word in fold(query).split())
    return [word for word in words if word][:MAX_QUERY_WORDS]


def search_procedures(
    query: str = "",
    field_id: int | None = None,
    agency: int | str | None = None,
    level: str | None = None,
    online_level: int | None = None,
) -> QuerySet[Procedure]:
    """Active procedures whose code and name contain every word of `query`
    (in any order, ignoring diacritics and case), narrowed by the filters
    that are given. `agency` is an Agency id or ANY_WARD_COMMITTEE."""
    procedures = active_procedures()
    for word in query_words(query):
        procedures = procedures.filter(search_text__contains=word)
    if field_id is not None:
        procedures = procedures.filter(field_id=field_id)
    if agency == ANY_WARD_COMMITTEE:
        procedures = procedures.filter(handling_level=HandlingLevel.WARD)
    elif agency is not None:
        procedures = procedures.filter(agency_id=agency)
    if level:
        procedures = procedures.filter(handling_level=level)
    if online_level is not None:
        procedures = procedures.filter(online_level=online_level)
    return procedures


def fields_in_use() -> QuerySet[Field]:
    """Fields with at least one active procedure, with how many."""
    return (
        Field.objects.annotate(
            procedure_count=Count("procedures", filter=Q(procedures__is_active=True))
        )
        .filter(procedure_count__gt=0)
        .order_by("name")
    )


def agencies_in_use() -> QuerySet[Agency]:
    """Agencies that handle at least one active procedure; offering the
    others in a filter would only lead to empty results."""
    return Agency.objects.filter(procedures__is_active=True).distinct().order_by("name")


def procedure_by_code(code: str) -> Procedure | None:
    """The active procedure with this national code, documents loaded."""
    return active_procedures().prefetch_related("documents").filter(code=code).first()


def offers_form_downloads(procedure: Procedure) -> bool:
    """Level 2 and up publish the forms to download (Decree 43/2011 art. 3)."""
    return procedure.online_level >= OnlineLevel.FORMS


def downloadable_template(code: str, document_id: int) -> RequiredDocument | None:
    """The document whose blank form may be downloaded; None for an unknown
    or inactive procedure, a level 1 procedure, or no file uploaded."""
    document = (
        RequiredDocument.objects.select_related("procedure")
        .filter(pk=document_id, procedure__code=code, procedure__is_active=True)
        .first()
    )
    if document is None or not document.template:
        return None
    if not offers_form_downloads(document.procedure):
        return None
    return document


def fixed_fee_amount(fee_rule: dict[str, Any]) -> int | None:
    """The fee in đồng when it is the same for every dossier: free, a fixed
    sum per case, or a council-set sum already entered. None when it depends
    on the dossier (per page, per copy), is not set yet, or the rule is not
    one catalogue/fees.py accepts: better no figure than a wrong one."""
    if not isinstance(fee_rule, dict):
        return None
    if fee_rule.get("kind") not in (fees.FREE, fees.FIXED, fees.SET_BY_COUNCIL):
        return None
    try:
        return fees.compute_fee(fee_rule)
    except ValueError:  # includes FeeNotSet
        return None


# --- The administrative tree and agencies, as integrations read them -----------------


def agencies_handling(procedure: Procedure) -> QuerySet[Agency]:
    """Who receives a procedure's dossiers: its agency, or for a ward
    procedure the People's Committee of every ward (the applicant picks
    the ward; dossiers.submission._receiving_agency)."""
    if procedure.handling_level == HandlingLevel.WARD:
        return Agency.objects.filter(
            kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit__level=UnitLevel.WARD
        )
    return Agency.objects.filter(pk=procedure.agency_id)


def list_agencies(
    query: str = "",
    kind: str | None = None,
    unit_code: str | None = None,
    procedure_code: str | None = None,
) -> QuerySet[Agency]:
    """Agencies by name or code words, kind, place, and the procedure they
    receive (none for an unknown procedure)."""
    agencies = Agency.objects.select_related("admin_unit", "parent")
    if procedure_code:
        procedure = procedure_by_code(procedure_code)
        if procedure is None:
            return agencies.none()
        agencies = agencies.filter(pk__in=agencies_handling(procedure).values("pk"))
    for word in query.split():
        agencies = agencies.filter(Q(name__icontains=word) | Q(unit_code__icontains=word))
    if kind:
        agencies = agencies.filter(kind=kind)
    if unit_code:
        agencies = agencies.filter(admin_unit__code=unit_code)
    return agencies


def list_units(
    level: str | None = None, parent_code: str | None = None, receiving: bool = False
) -> QuerySet[AdminUnit]:
    """Units with their parent and, for a ward, the unit code of its
    People's Committee (`committee_code`, None elsewhere), in one query."""
    committee = Agency.objects.filter(
        admin_unit=OuterRef("pk"), kind=AgencyKind.PEOPLES_COMMITTEE
    ).order_by("pk")
    units = AdminUnit.objects.select_related("parent").annotate(
        committee_code=Subquery(committee.values("unit_code")[:1])
    )
    if level:
        units = units.filter(level=level)
    if parent_code:
        units = units.filter(parent__code=parent_code)
    if receiving:
        units = units.filter(level=UnitLevel.WARD, committee_code__isnull=False)
    return units


def residential_groups(ward_code: str) -> QuerySet[AdminUnit] | None:
    """The residential groups (tổ dân phố) of a ward, or None when no ward
    has that code."""
    ward = AdminUnit.objects.filter(code=ward_code, level=UnitLevel.WARD).first()
    if ward is None:
        return None
    return ward.children.filter(level=UnitLevel.GROUP)


# A chain of reorganisations longer than this is a loop in the data.
MAX_SUCCESSIONS = 20


def units_on(day: date) -> QuerySet[AdminUnit]:
    """The administrative units that existed on `day`."""
    return AdminUnit.objects.valid_on(day)


def groups_of_ward(ward: AdminUnit, day: date) -> list[AdminUnit]:
    """The residential groups `ward` held on `day`: its own and those of
    the wards merged into it by then (Kim Giang's, in Hạ Đình, in 2025)."""
    groups = list(ward.children.valid_on(day).filter(level=UnitLevel.GROUP).order_by("code"))
    merged_in = UnitSuccession.objects.filter(
        successor=ward, kind=SuccessionKind.MERGED, effective_date__lte=day
    ).select_related("predecessor")
    for succession in merged_in:
        groups += groups_of_ward(succession.predecessor, day)
    return groups


def ward_on(unit: AdminUnit, day: date) -> AdminUnit | None:
    """The ward that held `unit` (a ward or a residential group) on `day`,
    following merges and splits; None when the unit did not exist yet, or
    is a ward that was split and no residential group says which part."""
    group = unit if unit.level == UnitLevel.GROUP else None
    ward = unit.parent if group is not None else unit
    for _hop in range(MAX_SUCCESSIONS):
        if ward is None or ward.is_valid_on(day):
            return ward
        ward = _successor_on(ward, group, day)
    raise RuntimeError(f"Successions of {unit.code} loop.")


def _successor_on(ward: AdminUnit, group: AdminUnit | None, day: date) -> AdminUnit | None:
    successions = list(ward.successions.filter(effective_date__lte=day).select_related("successor"))
    if len(successions) == 1 and successions[0].kind != SuccessionKind.SPLIT:
        return successions[0].successor
    if group is None:
        return None
    for succession in successions:
        if succession.group_rows.filter(group=group).exists():
            return succession.successor
    return None


def unit_on(unit: AdminUnit, day: date) -> AdminUnit | None:
    """What `unit` was on `day`: itself while it existed, then the unit it
    was merged into or renamed to (an old residential group's group under
    the new ward); None for a ward that was split, or before it existed."""
    for _hop in range(MAX_SUCCESSIONS):
        if unit.is_valid_on(day):
            return unit
        successions = list(
            unit.successions.filter(effective_date__lte=day).select_related("successor")
        )
        if len(successions) != 1 or successions[0].kind == SuccessionKind.SPLIT:
            return None
        unit = successions[0].successor
    raise RuntimeError(f"Successions of {unit.code} loop.")


def handling_on(procedure: Procedure, day: date) -> tuple[str, Agency | None]:
    """The level and agency that handle `procedure` on `day`: its dated
    rule for that day, else its own `handling_level` and `agency`."""
    rule = procedure.handlings.valid_on(day).select_related("agency").first()
    if rule is not None:
        return rule.handling_level, rule.agency
    return procedure.handling_level, procedure.agency


def handling_agency(procedure: Procedure, unit: AdminUnit, day: date) -> Agency | None:
    """The agency that handles `procedure` on `day` for an applicant living
    in `unit` (a ward or a residential group): the People's Committee of the
    ward that held it that day for a ward procedure, the procedure's agency
    otherwise. None when no agency existed that day to handle it."""
    level, agency = handling_on(procedure, day)
    if level != HandlingLevel.WARD:
        return agency if agency is not None and agency.is_valid_on(day) else None
    ward = ward_on(unit, day)
    if ward is None:
        return None
    committees = ward.agencies.valid_on(day).filter(kind=AgencyKind.PEOPLES_COMMITTEE)
    return committees.order_by("pk").first()
