"""What other apps and views ask of the catalogue."""

from __future__ import annotations

import string
from datetime import date
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.utils import timezone

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
    ProcedureHandling,
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


def active_procedures(day: date | None = None) -> QuerySet[Procedure]:
    """Active procedures, each annotated with who handles it on `day`
    (today by default): `level_on_day`, `agency_id_on_day` and
    `agency_name_on_day` (None for a ward procedure), from its dated
    handling for that day, else its own level and agency."""
    rules = ProcedureHandling.objects.valid_on(day or timezone.localdate())
    rule = rules.filter(procedure=OuterRef("pk")).order_by("valid_from", "pk")

    def on_day(rule_value: str, own_value: str, output: Any) -> Case:
        return Case(
            When(Exists(rule), then=Subquery(rule.values(rule_value)[:1])),
            default=F(own_value),
            output_field=output,
        )

    procedures = Procedure.objects.filter(is_active=True).select_related("field", "agency")
    return procedures.annotate(
        level_on_day=on_day("handling_level", "handling_level", CharField()),
        agency_id_on_day=on_day("agency_id", "agency_id", IntegerField()),
        agency_name_on_day=on_day("agency__name", "agency__name", CharField()),
    )


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
        procedures = procedures.filter(level_on_day=HandlingLevel.WARD)
    elif agency is not None:
        procedures = procedures.filter(agency_id_on_day=agency)
    if level:
        procedures = procedures.filter(level_on_day=level)
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
    """Agencies that handle at least one active procedure today; offering
    the others (an ended district office) would only lead to empty results."""
    handling = active_procedures().filter(agency_id_on_day__isnull=False)
    return (
        Agency.objects.valid_on(timezone.localdate())
        .filter(pk__in=handling.values("agency_id_on_day"))
        .order_by("name")
    )


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


def agencies_handling(procedure: Procedure, day: date | None = None) -> QuerySet[Agency]:
    """Who receives a procedure's dossiers on `day` (today by default): its
    agency, or for a ward procedure the People's Committee of every ward
    (the applicant picks the ward; dossiers.submission._receiving_agency)."""
    day = day or timezone.localdate()
    level, agency = handling_on(procedure, day)
    if level == HandlingLevel.WARD:
        return Agency.objects.valid_on(day).filter(
            kind=AgencyKind.PEOPLES_COMMITTEE, admin_unit__level=UnitLevel.WARD
        )
    return Agency.objects.valid_on(day).filter(pk=agency.pk if agency else None)


def list_agencies(
    query: str = "",
    kind: str | None = None,
    unit_code: str | None = None,
    procedure_code: str | None = None,
    day: date | None = None,
) -> QuerySet[Agency]:
    """Agencies that exist on `day` (today by default) by name or code
    words, kind, place, and the procedure they receive that day (none for
    an unknown procedure)."""
    day = day or timezone.localdate()
    agencies = Agency.objects.valid_on(day).select_related("admin_unit", "parent")
    if procedure_code:
        procedure = procedure_by_code(procedure_code)
        if procedure is None:
            return agencies.none()
        agencies = agencies.filter(pk__in=agencies_handling(procedure, day).values("pk"))
    for word in query.split():
        agencies = agencies.filter(Q(name__icontains=word) | Q(unit_code__icontains=word))
    if kind:
        agencies = agencies.filter(kind=kind)
    if unit_code:
        agencies = agencies.filter(admin_unit__code=unit_code)
    return agencies


def list_units(
    level: str | None = None,
    parent_code: str | None = None,
    receiving: bool = False,
    day: date | None = None,
) -> QuerySet[AdminUnit]:
    """Units that exist on `day` (today by default) with their parent and,
    for a ward, the unit code of its People's Committee that day
    (`committee_code`, None elsewhere), in one query."""
    day = day or timezone.localdate()
    committee = (
        Agency.objects.valid_on(day)
        .filter(admin_unit=OuterRef("pk"), kind=AgencyKind.PEOPLES_COMMITTEE)
        .order_by("pk")
    )
    units = (
        AdminUnit.objects.valid_on(day)
        .select_related("parent")
        .annotate(committee_code=Subquery(committee.values("unit_code")[:1]))
    )
    if level:
        units = units.filter(level=level)
    if parent_code:
        units = units.filter(parent__code=parent_code)
    if receiving:
        units = units.filter(level=UnitLevel.WARD, committee_code__isnull=False)
    return units


def residential_groups(ward_code: str, day: date | None = None) -> QuerySet[AdminUnit] | None:
    """The residential groups (tổ dân phố) a ward holds on `day` (today by
    default), or None when no ward has that code."""
    day = day or timezone.localdate()
    ward = AdminUnit.objects.filter(code=ward_code, level=UnitLevel.WARD).first()
    if ward is None:
        return None
    # One query, so one hop of merges (groups_of_ward follows them all).
    merged_in = UnitSuccession.objects.filter(
        successor=ward, kind=SuccessionKind.MERGED, effective_date__lte=day
    ).values("predecessor_id")
    groups = AdminUnit.objects.valid_on(day).filter(level=UnitLevel.GROUP)
    return groups.filter(Q(parent=ward) | Q(parent__in=merged_in))


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
    return committee_of(ward, day) if ward is not None else None


# --- What a citizen may pick today ------------------------------------------------------


def wards_on(day: date) -> QuerySet[AdminUnit]:
    """The wards that exist on `day`: what an address offers."""
    return AdminUnit.objects.valid_on(day).filter(level=UnitLevel.WARD)


def groups_by_ward_on(day: date) -> dict[int, list[AdminUnit]]:
    """The residential groups that exist on `day`, by the id of the ward
    that holds them then: their own ward, or the ward it was merged into
    (Kim Giang's groups lay in Hạ Đình for the first half of 2025). Two
    queries, whatever the number of wards."""
    groups = AdminUnit.objects.valid_on(day).filter(level=UnitLevel.GROUP).select_related("parent")
    merged_into = dict(
        UnitSuccession.objects.filter(
            kind=SuccessionKind.MERGED, effective_date__lte=day
        ).values_list("predecessor_id", "successor_id")
    )
    by_ward: dict[int, list[AdminUnit]] = {}
    for group in groups:
        ward_id = group.parent_id
        for _hop in range(MAX_SUCCESSIONS):
            if ward_id not in merged_into:
                break
            ward_id = merged_into[ward_id]
        if ward_id is not None:
            by_ward.setdefault(ward_id, []).append(group)
    return by_ward


def committee_of(ward: AdminUnit, day: date) -> Agency | None:
    """The People's Committee of `ward` on `day`."""
    committees = ward.agencies.valid_on(day).filter(kind=AgencyKind.PEOPLES_COMMITTEE)
    return committees.order_by("pk").first()
