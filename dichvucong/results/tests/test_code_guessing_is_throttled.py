from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.results.tests.helpers import resolved
from dichvucong.results.views import CODE_GUESSES

pytestmark = pytest.mark.django_db
URL = reverse("results:verify")


def test_after_20_failed_lookups_the_client_gets_429(client, cast):
    code = resolved(cast).result.verification_code
    for _ in range(CODE_GUESSES.limit):
        assert client.get(URL, {"ma": "AAAA-BBBB-CCCC"}).status_code == 200

    blocked = client.get(URL, {"ma": code})

    assert blocked.status_code == 429
    assert "Tạm dừng" in blocked.content.decode()
    assert code not in blocked.content.decode()


def test_another_client_is_not_blocked(client, cast):
    code = resolved(cast).result.verification_code
    for _ in range(CODE_GUESSES.limit):
        client.get(URL, {"ma": "AAAA-BBBB-CCCC"}, REMOTE_ADDR="10.0.0.1")

    response = client.get(URL, {"ma": code}, REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 200
    assert "Mã xác thực hợp lệ" in response.content.decode()


def test_successful_lookups_do_not_count(client, cast):
    code = resolved(cast).result.verification_code
    for _ in range(CODE_GUESSES.limit + 5):
        assert client.get(URL, {"ma": code}).status_code == 200
