"""The OpenAPI document names each schema by its class name, so two
classes of the same name silently share one definition (a list of
administrative units was once documented with the statistics' unit
shape). Every schema class of the API has a name of its own."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict

from ninja import Schema

import dichvucong.api


def test_every_schema_class_has_its_own_name() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for module_info in pkgutil.iter_modules(dichvucong.api.__path__):
        module = importlib.import_module(f"dichvucong.api.{module_info.name}")
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, Schema) and value is not Schema:
                owners[value.__name__].add(f"{value.__module__}.{value.__qualname__}")
    shared = {name: where for name, where in owners.items() if len(where) > 1}
    assert shared == {}
