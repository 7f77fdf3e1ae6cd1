"""District leadership reads the commendation list by school and counts:
no "Họ và tên" or "Lớp" column at all (not columns of dashes), on the page
and in the spreadsheet; the education office keeps both."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from dichvucong.accounts.testing import login_verified


def _page(client, world, suffix: str = ""):  # type: ignore[no-untyped-def]
    return client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/{suffix}")


def _headers(client, world) -> set[str]:  # type: ignore[no-untyped-def]
    workbook = load_workbook(io.BytesIO(_page(client, world, "bao-cao.xlsx").content))
    return {str(v) for ws in workbook.worksheets for r in ws.iter_rows(values_only=True) for v in r}


def test_leadership_gets_no_name_columns(world, client) -> None:
    login_verified(client, world.oc.leadership)
    page = _page(client, world)
    html = page.content.decode()
    assert page.context["listed"], "the world has commended pupils"
    assert page.context["shown"].names is None
    assert '<th scope="col">Họ và tên</th>' not in html
    assert "data-label='Họ và tên'" not in html and 'data-label="Họ và tên"' not in html
    assert "Họ tên và lớp của học sinh chỉ hiển thị cho Phòng GD&ĐT và nhà trường." in html
    assert "Họ và tên" not in _headers(client, world)


def test_the_education_office_keeps_the_names(world, client) -> None:
    login_verified(client, world.oc.education)
    page = _page(client, world)
    html = page.content.decode()
    assert page.context["shown"].names
    assert '<th scope="col">Họ và tên</th>' in html
    assert "Họ và tên" in _headers(client, world)
