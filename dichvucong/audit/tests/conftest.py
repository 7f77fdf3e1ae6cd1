"""API keys for the cast, as the API tests make them; and the accounts
tests' citizen, wards and SMS inbox for the password recovery journeys."""

from __future__ import annotations

import pytest

from dichvucong.accounts.tests.conftest import citizen, sent_sms, units  # noqa: F401
from dichvucong.api.tests.helpers import Keys, make_keys
from dichvucong.dossiers.testing import Cast


@pytest.fixture
def keys(cast: Cast) -> Keys:
    return make_keys(cast)
