"""On PostgreSQL the generator writes with COPY; the INSERT writer (the
one SQLite uses) must give the very same rows, and both leave the id
sequences past the rows they wrote."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, models, transaction
from django.utils import timezone

from dichvucong.accounts.models import User
from dichvucong.demo.bulk import Plan, generate
from dichvucong.demo.bulk.plan import load_master

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]
NOW = timezone.make_aware(datetime(2026, 3, 16, 10, 30))


def table_rows(tables: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables by id, random ids (UUIDs) left out."""
    by_table = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    dump = {}
    for table in tables:
        model = by_table[table]
        names = [
            f.attname for f in model._meta.concrete_fields if not isinstance(f, models.UUIDField)
        ]
        dump[table] = list(model._default_manager.order_by("pk").values_list(*names))
    return dump


def generated_with(writer: str) -> tuple[dict[str, int], dict[str, list[tuple[Any, ...]]]]:
    with transaction.atomic():
        summary = generate(Plan(dossiers=400, years=2, seed=9, now=NOW), writer=writer)
        rows = table_rows(list(summary.rows))
        transaction.set_rollback(True)  # the next run starts from the same ids
    return summary.rows, rows


def test_copy_and_insert_write_the_same_rows():
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    load_master()  # kept by both runs: its ids come from sequences, never rolled back
    copied_counts, copied = generated_with("copy")
    inserted_counts, inserted = generated_with("insert")
    assert copied_counts == inserted_counts
    assert copied_counts["dossiers_dossier"] == 400
    for table, rows in copied.items():
        assert rows == inserted[table], table


def test_after_copy_the_database_hands_out_fresh_ids():
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    generate(Plan(dossiers=100, years=1, seed=9, now=NOW), writer="copy")
    top = User.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert User.objects.create(username="sau-khi-sinh").pk > top
