"""A training session's classes and materials are multiple choices; an id
past any database column, posted by hand, is a wrong choice, never a
server error (SQLite raised OverflowError on the `pk__in` query)."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import TrainingSession

HUGE = ["1" * 40, str(2**63), "-" + "9" * 40]


@pytest.mark.parametrize("field", ["classes", "materials"])
@pytest.mark.parametrize("value", HUGE)
def test_a_huge_id_is_refused_and_the_session_not_saved(oc, client, field: str, value: str):
    login_verified(client, oc.coordinator_a)
    data = {
        "school": oc.school_a.pk,
        "day": "02/03/2017",
        "start": "08:00",
        "end": "10:00",
        "place": "Hội trường",
        "classes": [oc.class_a.pk],
        field: [value],
    }
    response = client.post(f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/buoi/them/", data)
    assert response.status_code == 200
    assert f"{value} không phải là một trong các lựa chọn khả thi" in response.content.decode()
    assert not TrainingSession.objects.exists()
