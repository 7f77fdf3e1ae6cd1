import pytest

from dichvucong.dossiers.testing import make_cast


@pytest.fixture
def cast(db):
    return make_cast()
