"""demo/testing.py: a load run again from the same database copies the
rows (and keeps the files) the first run wrote; from anything else it
loads for real. Shown on a small loader so it runs in a moment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction

from dichvucong.catalogue.models import AdminUnit
from dichvucong.demo import testing

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    testing.forget()
    yield
    testing.forget()


class Loader:
    """Adds a district with two wards, renames the city, writes a file."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self) -> str:
        self.runs += 1
        AdminUnit.objects.filter(code="HN").update(name="Thành phố Hà Nội")
        city = AdminUnit.objects.get(code="HN")
        district = AdminUnit.objects.create(name="Quận X", code="X", level="district", parent=city)
        for code in ("X1", "X2"):
            name = f"Phường {code}"
            AdminUnit.objects.create(name=name, code=code, level="ward", parent=district)
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_bytes(b"demo")
        return f"loaded {self.runs}"

    @property
    def file(self) -> Path:
        return Path(settings.MEDIA_ROOT) / "demo-testing" / "x.txt"


@pytest.fixture
def city() -> AdminUnit:
    return AdminUnit.objects.create(name="Hà Nội", code="HN", level="city")


def load_and_read(loader: Loader) -> tuple[str, testing.Rows]:
    """The load in a transaction rolled back after reading every row."""
    with transaction.atomic():
        output = testing.loaded_once("small", loader)
        rows = testing._read(connection)
        transaction.set_rollback(True)
    return output, rows


def test_the_second_load_copies_every_row_of_the_first(city):
    loader = Loader()
    first = load_and_read(loader)
    assert AdminUnit.objects.filter(code__startswith="X").count() == 0

    second = load_and_read(loader)

    assert loader.runs == 1 and testing.copies("small") == 1
    assert second == first  # the output too
    assert first[0] == "loaded 1"
    names = {row[1] for row in first[1][AdminUnit._meta.db_table]}
    assert {"Thành phố Hà Nội", "Quận X", "Phường X1"} <= names


def rewind_keys() -> None:
    """The next key back to the highest in use, as after a flush that
    resets sequences: lower than the keys of the rolled-back load."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [AdminUnit]):
            cursor.execute(sql)
        if connection.vendor == "sqlite":
            table = AdminUnit._meta.db_table
            cursor.execute(
                f"UPDATE sqlite_sequence SET seq = (SELECT MAX(id) FROM {table}) WHERE name = %s",
                [table],
            )


def test_rows_added_after_a_copy_get_new_keys(city):
    loader = Loader()
    load_and_read(loader)
    rewind_keys()
    with transaction.atomic():
        testing.loaded_once("small", loader)
        district = AdminUnit.objects.get(code="X")
        ward = AdminUnit.objects.create(name="Phường X3", code="X3", level="ward", parent=district)
        assert ward.pk > district.pk
        transaction.set_rollback(True)
    assert testing.copies("small") == 1


def test_from_another_database_it_loads_for_real(city):
    loader = Loader()
    load_and_read(loader)
    AdminUnit.objects.create(name="Hồ Chí Minh", code="HCM", level="city")

    load_and_read(loader)

    assert loader.runs == 2 and testing.copies("small") == 0


def test_when_a_file_it_wrote_is_gone_it_loads_for_real(city):
    loader = Loader()
    load_and_read(loader)
    loader.file.unlink()

    load_and_read(loader)

    assert loader.runs == 2 and loader.file.exists()


@pytest.mark.django_db(transaction=True)
def test_a_load_that_leaves_work_for_the_commit_is_not_copied_outside_a_transaction():
    AdminUnit.objects.create(name="Hà Nội", code="HN", level="city")
    committed: list[str] = []
    runs: list[str] = []

    def load() -> str:
        runs.append("run")
        transaction.on_commit(lambda: committed.append("sent"))
        return "loaded"

    with transaction.atomic():  # as in a test module's fixture
        testing.loaded_once("hooks", load)
        assert testing.loaded_once("hooks", load) == "loaded"  # a copy: nothing to commit
        transaction.set_rollback(True)
    assert len(runs) == 1 and committed == []

    testing.loaded_once("hooks", load)  # on its own: committed, so loaded for real

    assert len(runs) == 2 and committed == ["sent"]
