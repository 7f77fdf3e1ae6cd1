"""A result's first draft: the procedure's template filled from the
dossier (its e-form answers as a person reads them, and a few facts of
the dossier itself). No database writes; service.py stores drafts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.eforms import Answer, answers
from dichvucong.dossiers.models import Dossier
from dichvucong.results.models import ResultTemplate

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
GENERIC = ResultTemplate(
    procedure_code="",
    title="Văn bản giải quyết",
    symbol="KQ",
    fields=[],  # none listed: every answer of the e-form
    body="{agency_name} đã giải quyết hồ sơ nêu trên theo quy định.",
)
# Contact details are how the office reached the applicant, not facts a
# result certifies; leaving them out keeps them off every copy made.
CONTACT_TYPES = {"phone", "email"}
SIGNER_BY_KIND = {
    AgencyKind.PEOPLES_COMMITTEE: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
    AgencyKind.DEPARTMENT: "TRƯỞNG PHÒNG",
}


@dataclass
class Draft:
    """What the document says, before it is stored or printed."""

    title: str
    symbol: str
    fields: list[dict[str, str]] = field(default_factory=list)
    body: str = ""
    signer_title: str = ""


def template_for(dossier: Dossier) -> ResultTemplate:
    """The procedure's own template, else the stored fallback (empty code),
    else the built-in one."""
    rows = {
        t.procedure_code: t
        for t in ResultTemplate.objects.filter(procedure_code__in=[dossier.procedure.code, ""])
    }
    return rows.get(dossier.procedure.code) or rows.get("") or GENERIC


def _answer_text(answer: Answer, spec: dict[str, Any]) -> str:
    if not answer.rows:
        return answer.text
    subs = [sub for sub in spec.get("fields") or [] if isinstance(sub, dict)]
    shown = [sub.get("type") not in CONTACT_TYPES for sub in subs]
    rows = (
        "; ".join(
            f"{c.label}: {c.text}"
            for c, keep in zip(row, shown + [True] * len(row), strict=False)
            if c.text and keep
        )
        for row in answer.rows
    )
    return " | ".join(row for row in rows if row)


def _form_answers(dossier: Dossier) -> list[tuple[dict[str, Any], Answer]]:
    schema = [step for step in dossier.procedure.form_schema or [] if isinstance(step, dict)]
    pairs = []
    for step, step_answers in zip(schema, answers(schema, dossier.form_data or {}), strict=True):
        specs = [s for s in step.get("fields", []) if isinstance(s, dict) and "name" in s]
        pairs.extend(zip(specs, step_answers, strict=True))
    return pairs


def form_values(dossier: Dossier) -> dict[str, str]:
    """Each e-form field's name -> its answer as text (dates dd/mm/yyyy,
    unit names for addresses, group rows on one line)."""
    return {
        str(spec["name"]): _answer_text(answer, spec) for spec, answer in _form_answers(dossier)
    }


def every_answer(dossier: Dossier) -> list[dict[str, str]]:
    """The facts of a template that lists none: the applicant, then each
    answered field of the e-form but the contact details."""
    facts = [{"label": "Người nộp hồ sơ", "value": dossier.applicant_name}]
    for spec, answer in _form_answers(dossier):
        text = _answer_text(answer, spec)
        if text and spec.get("type") not in CONTACT_TYPES:
            facts.append({"label": answer.label, "value": text})
    return facts


def dossier_values(dossier: Dossier) -> dict[str, str]:
    received = timezone.localdate(dossier.received_at) if dossier.received_at else None
    return {
        **form_values(dossier),
        "applicant_name": dossier.applicant_name,
        "dossier_code": dossier.code or "",
        "procedure_name": dossier.procedure.name,
        "procedure_code": dossier.procedure.code,
        "agency_name": dossier.agency.name,
        "received_on": received.strftime("%d/%m/%Y") if received else "",
    }


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with each {name} replaced; an unknown or empty one becomes
    nothing, and a line left with only punctuation becomes empty."""
    filled = PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text or "")
    filled = re.sub(r"\(\s*\)", "", filled).strip(" ,;")
    return filled if any(ch.isalnum() for ch in filled) else ""


def signer_title(template: ResultTemplate, agency: Agency) -> str:
    return template.signer_title.strip() or SIGNER_BY_KIND.get(agency.kind, "THỦ TRƯỞNG CƠ QUAN")


def _title(template: ResultTemplate, dossier: Dossier) -> str:
    """The fallback's title gives way to the result the catalogue names."""
    if not template.procedure_code and dossier.procedure.result_type.strip():
        return dossier.procedure.result_type.strip()
    return template.title


def first_draft(dossier: Dossier, template: ResultTemplate | None = None) -> Draft:
    template = template or template_for(dossier)
    values = dossier_values(dossier)
    rows = [row for row in template.fields or [] if isinstance(row, dict)]
    facts = [
        {"label": str(row.get("label", "")), "value": fill(str(row.get("value", "")), values)}
        for row in rows
    ]
    return Draft(
        title=_title(template, dossier),
        symbol=template.symbol,
        fields=facts or every_answer(dossier),
        body=fill(template.body, values),
        signer_title=signer_title(template, dossier.agency),
    )
