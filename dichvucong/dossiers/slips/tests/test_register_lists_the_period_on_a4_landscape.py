from datetime import date

import pytest
import time_machine

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.slips.register import register
from dichvucong.dossiers.slips.tests.pdftext import (
    A4_LANDSCAPE_POINTS,
    MONDAY_MORNING,
    all_text,
    page_size,
    page_text,
    reader,
)
from dichvucong.dossiers.testing import make_dossier

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def two_dossiers(cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        return [make_dossier(cast, Status.ACCEPTED), make_dossier(cast, Status.RETURNED)]


def test_the_register_lists_each_dossier_and_the_totals(cast, two_dossiers):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        data = register(two_dossiers, cast.agency_a, *MARCH)
    text = page_text(data)
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Mẫu số 07" in text
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    for dossier in two_dossiers:
        assert dossier.code in text
    assert "Được tiếp nhận" in text
    assert "Đã trả kết quả" in text
    assert "05/03/2026" in text
    assert "Tổng số hồ sơ: 2" in text
    assert "Trước hạn: 1" in text
    assert "Trong hạn: 1" in text


def test_the_register_is_a4_landscape(cast, two_dossiers):
    width, height = page_size(register(two_dossiers, cast.agency_a, *MARCH))
    assert width == pytest.approx(A4_LANDSCAPE_POINTS[0], abs=0.5)
    assert height == pytest.approx(A4_LANDSCAPE_POINTS[1], abs=0.5)


def test_a_long_register_repeats_the_table_heading_on_every_page(cast, two_dossiers):
    data = register(two_dossiers * 40, cast.agency_a, *MARCH)
    pages = len(reader(data).pages)
    assert pages >= 3
    for page in range(1, pages - 1):
        text = page_text(data, page)
        assert "Mã hồ sơ" in text and "Đúng/trễ hạn" in text
        assert f"Trang {page + 1}/{pages}" in text
    assert "Tổng số hồ sơ: 80" in all_text(data)


def test_the_register_reads_the_office_calendar_once_however_many_rows(
    cast, django_assert_max_num_queries
):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        made = [make_dossier(cast, Status.ACCEPTED).pk for _ in range(6)]
        rows = list(Dossier.objects.select_related("procedure").filter(pk__in=made))
        with django_assert_max_num_queries(1):
            register(rows, None, *MARCH)
