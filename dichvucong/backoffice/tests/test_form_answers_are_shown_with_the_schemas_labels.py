"""The e-form answers read as the applicant saw them: the schema's labels
and step titles, dd/mm/yyyy dates, ward and group names for an address, a
table for a repeated group."""

from __future__ import annotations

from typing import Any

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import detail_url
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, BIRTH_SCHEMA, make_dossier

EXTRA_STEP: dict[str, Any] = {
    "title": "Nơi cư trú và người làm chứng",
    "fields": [
        {"name": "home", "label": "Nơi cư trú", "type": "address"},
        {
            "name": "witnesses",
            "label": "Người làm chứng",
            "type": "group",
            "fields": [
                {"name": "who", "label": "Họ tên người làm chứng", "type": "text"},
                {"name": "born", "label": "Ngày sinh người làm chứng", "type": "date"},
            ],
        },
    ],
}


def test_answers_are_laid_out_with_the_schema(client, cast) -> None:
    cast.procedure.form_schema = [*BIRTH_SCHEMA, EXTRA_STEP]
    cast.procedure.save()
    dossier = make_dossier(cast)
    Dossier.objects.filter(pk=dossier.pk).update(
        form_data={
            **BIRTH_FORM_DATA,
            "home": {"street": "12 Khương Trung", "group": cast.group_a.pk, "ward": cast.ward_a.pk},
            "witnesses": [{"who": "Lê Văn A", "born": "1980-02-01"}, {"who": "Trần Thị B"}],
        }
    )
    login_verified(client, cast.receptionist_a)
    page = client.get(detail_url(dossier)).content.decode()
    for text in [
        "<h3>Người được khai sinh</h3>",
        "<h3>Nơi cư trú và người làm chứng</h3>",
        "<dt>Họ, chữ đệm và tên</dt>",
        "20/11/2026",
        "12 Khương Trung, Tổ dân phố 1, Khương Mai",
        '<th scope="col">Họ tên người làm chứng</th>',
        "<td>Lê Văn A</td>",
        "<td>01/02/1980</td>",
        "<td>Trần Thị B</td>",
        "<td>—</td>",
    ]:
        assert text in page, text


def test_a_procedure_without_an_e_form_says_so(client, cast) -> None:
    cast.procedure.form_schema = []
    cast.procedure.save()
    dossier = make_dossier(cast)
    login_verified(client, cast.receptionist_a)
    page = client.get(detail_url(dossier)).content.decode()
    assert "Thủ tục này không có tờ khai điện tử." in page
