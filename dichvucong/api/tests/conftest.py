"""The usual cast and API keys for it. Fuzzing (marker `fuzz`, declared in
pyproject.toml) runs only when asked for with `-m fuzz`, so a plain
`pytest dichvucong/api` stays fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from dichvucong.api.tests.helpers import Keys, make_keys
from dichvucong.dossiers.testing import Cast, make_cast

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "fuzz" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="fuzzing runs only with: pytest -m fuzz")
    for item in items:
        if item.get_closest_marker("fuzz") and HERE in Path(item.path).parents:
            item.add_marker(skip)


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


@pytest.fixture
def keys(cast: Cast) -> Keys:
    return make_keys(cast)
