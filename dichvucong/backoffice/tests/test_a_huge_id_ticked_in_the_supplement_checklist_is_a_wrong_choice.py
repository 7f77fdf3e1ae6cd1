"""The supplement checklist is a multiple choice of the procedure's
documents. An id no database column can hold (40 digits, 2**63, hugely
negative), posted by hand, is a wrong choice with a message, never a
server error: on SQLite it used to raise OverflowError."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import post_action
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

HUGE = ["1" * 40, "-" + "9" * 40, str(2**63), str(-(2**63) - 1), str(2**64)]


@pytest.mark.parametrize("value", HUGE)
def test_a_huge_document_id_is_refused_with_a_message(client, cast, value: str) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    document = cast.procedure.documents.get(required=True)
    response = post_action(
        client, dossier, "supplement", {"documents": [str(document.pk), value], "note": "x"}
    )
    assert response.status_code == 400  # the page again, with the form's errors
    assert (
        f"Hãy chọn một lựa chọn hợp lệ. {value} không phải là một trong các lựa chọn khả thi."
        in response.content.decode()
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_the_real_documents_are_still_asked_for(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    document = cast.procedure.documents.get(required=True)
    post_action(client, dossier, "supplement", {"documents": [str(document.pk)]})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT
