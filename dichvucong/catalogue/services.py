"""What other apps and views ask of the catalogue."""

from __future__ import annotations

import string
from typing import Any

from django.db.models import Count, Q, QuerySet

from dichvucong.catalogue import fees
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Agency, Field, Procedure, RequiredDocument
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
