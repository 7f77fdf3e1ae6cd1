"""What the account already knows is filled in for the applicant."""

from __future__ import annotations

from datetime import date

from dichvucong.dossiers import eforms
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.testing import BIRTH_SCHEMA
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401

ADDRESS_SCHEMA = [
    {
        "title": "Người khai",
        "fields": [
            {"name": "home", "label": "Nơi cư trú", "type": "address", "prefill": "address"},
            {"name": "born", "label": "Ngày sinh", "type": "date", "prefill": "date_of_birth"},
            {"name": "mail", "label": "Thư điện tử", "type": "email", "prefill": "email"},
            {"name": "child", "label": "Tên con", "type": "text"},
        ],
    }
]


def test_names_numbers_and_phone_come_from_the_citizen_profile(cast) -> None:
    assert eforms.initial_for(BIRTH_SCHEMA, cast.applicant) == {
        "declarant_name": "Nguyễn Văn Bình",
        "declarant_id": "001090012345",
        "declarant_phone": "0912345678",
    }


def test_address_and_date_of_birth_are_prefilled_as_stored_values(cast) -> None:
    profile = cast.applicant.citizen
    profile.date_of_birth = date(1990, 5, 17)
    profile.residential_group = cast.group_a
    profile.save()
    assert eforms.initial_for(ADDRESS_SCHEMA, cast.applicant) == {
        "home": {"ward": cast.ward_a.pk, "group": cast.group_a.pk, "street": "12 Khương Trung"},
        "born": "1990-05-17",
        "mail": "001090012345@example.vn",
    }


def test_a_new_draft_shows_the_prefilled_values_on_its_step(cast, client) -> None:
    dossier = start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)
    logged_in(client, cast.applicant)
    html = page_text(client.get(url("step", dossier, 2)))
    assert 'value="Nguyễn Văn Bình"' in html
    assert 'value="001090012345"' in html
    assert 'value="0912345678"' in html
