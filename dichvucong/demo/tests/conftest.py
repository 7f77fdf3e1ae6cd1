from __future__ import annotations

import pytest
from django.db import transaction

from dichvucong.demo import testing


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module (demo/testing.py), rolled back
    at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        testing.load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_mode(settings):
    settings.DEMO_MODE = True
    return settings
