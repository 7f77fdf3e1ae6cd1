"""A change to the catalogue (a procedure renamed, a document added or
removed, a procedure imported) makes the next request build the pages
afresh under a new ETag; a browser's old ETag gets the new page."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command

from dichvucong import public_pages
from dichvucong.catalogue.models import Procedure, RequiredDocument

SOURCE = Path(__file__).parents[3] / "demo" / "data" / "procedures_hanoi.csv"


def _page(client, path: str, etag: str = ""):  # type: ignore[no-untyped-def]
    headers = {"If-None-Match": etag} if etag else {}
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return response


def _text(response) -> str:  # type: ignore[no-untyped-def]
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def test_a_renamed_procedure_shows_at_once_on_its_page_the_catalogue_and_the_api(
    client, cast
) -> None:
    paths = ["/", "/thu-tuc/", f"/thu-tuc/{cast.procedure.code}/", "/api/v1/catalogue/procedures"]
    before = {path: _page(client, path)["ETag"] for path in paths}
    cast.procedure.name = "Đăng ký khai sinh lưu động"
    cast.procedure.save()
    for path in paths:
        after = _page(client, path, before[path])
        assert after["ETag"] != before[path]
        assert "Đăng ký khai sinh lưu động" in _text(after)


def test_a_document_added_or_removed_shows_at_once(client, cast) -> None:
    path = f"/thu-tuc/{cast.procedure.code}/"
    _page(client, path)
    document = RequiredDocument.objects.create(
        procedure=cast.procedure, name="Tờ khai đăng ký khai sinh", position=3
    )
    assert "Tờ khai đăng ký khai sinh" in _page(client, path).content.decode()
    document.delete()
    assert "Tờ khai đăng ký khai sinh" not in _page(client, path).content.decode()


def test_an_imported_procedure_shows_at_once(client, cast, tmp_path: Path) -> None:
    _page(client, "/thu-tuc/")
    csv = tmp_path / "thu-tuc.csv"
    source = SOURCE.read_text(encoding="utf-8").splitlines()
    csv.write_text(f"{source[0]}\n{source[2]}\n", encoding="utf-8")
    assert "1.000689" not in _page(client, "/thu-tuc/?q=khai+sinh").content.decode()
    call_command("import_procedures", str(csv))
    assert "1.000689" in _page(client, "/thu-tuc/?q=khai+sinh").content.decode()


def test_a_bulk_write_shows_once_its_writer_bumps_or_the_version_expires(client, cast) -> None:
    path = f"/thu-tuc/{cast.procedure.code}/"
    _page(client, path)
    Procedure.objects.filter(pk=cast.procedure.pk).update(name="Khai sinh theo lô")
    assert "Khai sinh theo lô" not in _page(client, path).content.decode()  # no signal
    public_pages.bump(public_pages.CATALOGUE)
    assert "Khai sinh theo lô" in _page(client, path).content.decode()
    Procedure.objects.filter(pk=cast.procedure.pk).update(name="Khai sinh lần hai")
    cache.delete(public_pages.VERSION_KEY.format(area=public_pages.CATALOGUE))  # expired
    assert "Khai sinh lần hai" in _page(client, path).content.decode()
