"""The people and procedures of the load and crash tests, made in the test
database before the server starts."""

from __future__ import annotations

from dataclasses import dataclass

from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.api import keys as api_keys
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Procedure, RequiredDocument
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, BIRTH_SCHEMA, Cast

PASSWORD = "matkhau-demo-1"
ROLES = ("receptionist", "leader", "specialist")


@dataclass
class World:
    cast: Cast
    fee_procedure: Procedure
    citizens: list[User]
    keys: dict[str, dict[str, str]]  # agency unit code -> role -> secret
    specialists: dict[str, str]  # agency unit code -> the specialist key's login
    # procedure code -> its required document's id (read once: the client
    # threads must not open database connections of their own)
    required_document: dict[str, int]


def fee_procedure(cast: Cast) -> Procedure:
    """A level-4 ward procedure with a fixed fee, paid online."""
    procedure = Procedure.objects.create(
        code="1.999999", name="Cấp bản sao trích lục hộ tịch", field=cast.procedure.field,
        handling_level=HandlingLevel.WARD, online_level=OnlineLevel.FULL, working_days=1,
        fee_text="8.000 đồng/bản", fee_rule={"kind": "fixed", "amount": 8000, "unit": "bản"},
        result_type="Bản sao trích lục", form_schema=BIRTH_SCHEMA,
    )
    RequiredDocument.objects.create(procedure=procedure, name="Tờ khai", position=1)
    return procedure


def citizens(cast: Cast, count: int) -> list[User]:
    """Half live in ward A, half in ward B: two agencies, one procedure row."""
    people = []
    for number in range(count):
        login = f"0010900{number:05d}"
        user = User.objects.create_user(username=login, password=PASSWORD,
                                        full_name=f"Công dân {number}")
        ward = cast.ward_a if number % 2 == 0 else cast.ward_b
        CitizenProfile.objects.create(user=user, id_number=login, phone=f"09{number:08d}",
                                      address="1 Khương Trung", ward=ward)
        people.append(user)
    return people


def make_world(cast: Cast, count: int) -> World:
    keys: dict[str, dict[str, str]] = {}
    specialists: dict[str, str] = {}
    for agency in (cast.agency_a, cast.agency_b):
        keys[agency.unit_code] = {}
        for role in ROLES:
            key, secret = api_keys.create_key(agency, role, f"Tải {role}")
            keys[agency.unit_code][role] = secret
            if role == "specialist":
                specialists[agency.unit_code] = key.user.username
    paid = fee_procedure(cast)
    required = {
        procedure.code: procedure.documents.get(required=True).pk
        for procedure in (cast.procedure, paid)
    }
    return World(cast, paid, citizens(cast, count), keys, specialists, required)


FORM_DATA = dict(BIRTH_FORM_DATA)
