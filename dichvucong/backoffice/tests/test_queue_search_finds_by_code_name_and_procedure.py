"""One search box for the counter: code, applicant, ID number, phone or
procedure; procedures match without diacritics."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier, make_draft


@pytest.fixture
def marriage(cast):  # type: ignore[no-untyped-def]
    procedure = Procedure.objects.create(
        code="1.000894",
        name="Đăng ký kết hôn",
        field=cast.procedure.field,
        handling_level=cast.procedure.handling_level,
        online_level=3,
        working_days=5,
    )
    draft = make_draft(cast, applicant=cast.other_applicant)
    draft.procedure = procedure
    draft.save()
    lifecycle.submit(draft, cast.other_applicant)
    draft.refresh_from_db()
    return draft


def _found(client, **params) -> set[str]:  # type: ignore[no-untyped-def]
    response = client.get(QUEUES_URL, {"queue": "new", **params})
    assert response.status_code == 200
    return {row.dossier.code for row in response.context["listing"].rows}


@pytest.fixture
def birth(cast):  # type: ignore[no-untyped-def]
    return make_dossier(cast, Status.SUBMITTED)


@pytest.mark.parametrize(
    ("text", "which"),
    [
        ("", {"birth", "marriage"}),
        ("Bình", {"birth"}),
        ("nguyễn văn", {"birth"}),
        ("Trần Thị Hoa", {"marriage"}),
        ("dang ky ket hon", {"marriage"}),
        ("KHAI SINH", {"birth"}),
        ("1.000894", {"marriage"}),
        ("0987654321", {"marriage"}),
        ("001090012345", {"birth"}),
        ("khai sinh Hoa", set()),
        ("không có ai", set()),
    ],
)
def test_search(client, cast, birth, marriage, text, which) -> None:
    login_verified(client, cast.receptionist_a)
    codes = {"birth": birth.code, "marriage": marriage.code}
    assert _found(client, q=text) == {codes[name] for name in which}


def test_search_by_part_of_the_code(client, cast, birth, marriage) -> None:
    login_verified(client, cast.receptionist_a)
    assert _found(client, q=birth.code[-4:]) == {birth.code}
    assert _found(client, q=birth.code.lower()) == {birth.code}


def test_filter_by_procedure_and_ignore_a_bad_one(client, cast, birth, marriage) -> None:
    login_verified(client, cast.receptionist_a)
    assert _found(client, procedure=marriage.procedure_id) == {marriage.code}
    assert _found(client, procedure="abc") == {birth.code, marriage.code}


def test_the_procedure_filter_offers_only_procedures_the_ward_has_dossiers_of(
    client, cast, birth
) -> None:
    Procedure.objects.create(
        code="2.000001",
        name="Chứng thực bản sao",
        field=cast.procedure.field,
        handling_level="ward",
        working_days=0,
    )
    login_verified(client, cast.receptionist_a)
    choices = client.get(QUEUES_URL).context["form"].fields["procedure"].queryset
    assert list(choices) == [cast.procedure]


def test_counts_follow_the_search(client, cast, birth, marriage) -> None:
    login_verified(client, cast.receptionist_a)
    response = client.get(QUEUES_URL, {"q": "kết hôn"})
    assert dict(response.context["listing"].tabs)["new"] == 1
