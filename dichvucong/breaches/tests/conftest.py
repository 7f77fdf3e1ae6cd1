from __future__ import annotations

import pytest

from dichvucong.breaches.tests.helpers import administrator


@pytest.fixture
def admin_user(cast):  # type: ignore[no-untyped-def]
    return administrator(cast)
