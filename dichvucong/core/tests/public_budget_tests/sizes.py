"""Small and larger data for the public pages' query budgets, and the count
of the queries one anonymous request makes.

`grow` adds, each round, an agency in a new ward, procedures in a new field
with their documents, and generated dossiers of every status with their
files, results, payments and ratings (reports/testing.py). The shared page
cache is off here (conftest.py): every request builds its page. Test code only.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency, Field, Procedure, RequiredDocument
from dichvucong.dossiers.testing import Cast
from dichvucong.reports import testing as generated


@dataclasses.dataclass
class Data:
    cast: Cast
    world: generated.World
    rounds: int = 0


def small(cast: Cast) -> Data:
    world = generated.extend_world(
        [cast.agency_a, cast.agency_b], cast.district, cast.applicant, cast.leader_a
    )
    data = Data(cast, world)
    grow(data, 1)
    return data


def grow(data: Data, times: int = 3, dossiers: int = 30) -> Data:
    for _round in range(times):
        data.rounds += 1
        agency = _ward_agency(data)
        procedures = [_procedure(data, agency, n) for n in range(4)]
        data.world.agencies.append(agency)
        data.world.procedures.extend(procedures)
        past = timezone.localdate() - timedelta(days=20)
        generated.generate(data.world, dossiers, today=past, seed=data.rounds)
    return data


def _ward_agency(data: Data) -> Agency:
    n = data.rounds
    ward = AdminUnit.objects.create(
        name=f"Phường Thêm {n}", code=f"T-W{n}", level=UnitLevel.WARD, parent=data.cast.district
    )
    return Agency.objects.create(
        name=f"UBND phường Thêm {n}",
        unit_code=f"T.W{n}",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=ward,
    )


def _procedure(data: Data, agency: Agency, index: int) -> Procedure:
    field = Field.objects.get_or_create(name=f"Lĩnh vực {data.rounds}")[0]
    procedure = Procedure.objects.create(
        code=f"9.{data.rounds:03d}{index:03d}",
        name=f"Thủ tục khai sinh thêm {data.rounds}-{index}",
        field=field,
        handling_level=HandlingLevel.WARD,
        agency=agency,
        online_level=OnlineLevel.FULL if index % 2 else OnlineLevel.PARTIAL,
        working_days=index + 1,
        fee_text="8.000 đồng",
        fee_rule={"kind": "fixed", "amount": 8000},
    )
    for position in range(1, 4):
        RequiredDocument.objects.create(
            procedure=procedure, name=f"Giấy tờ {position}", position=position
        )
    return procedure


def queries(client: Any, url: str, data: Any = None, **headers: str) -> tuple[int, Any]:
    """How many queries one GET makes, and its response (which must be 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data or {}, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), response
