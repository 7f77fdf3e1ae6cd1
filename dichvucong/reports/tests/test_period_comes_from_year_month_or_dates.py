from __future__ import annotations

from datetime import date

import pytest
from django.http import QueryDict

from dichvucong.catalogue.models import Agency
from dichvucong.reports.forms import ReportFilterForm, read_filters

TODAY = date(2025, 6, 20)


def period(query: str) -> str:
    form = ReportFilterForm(QueryDict(query), agencies=Agency.objects.all(), today=TODAY)
    return read_filters(form).period.label


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("", "01/01/2025 – 31/12/2025"),
        ("nam=2024", "01/01/2024 – 31/12/2024"),
        ("nam=2024&thang=2", "01/02/2024 – 29/02/2024"),
        ("thang=12", "01/12/2025 – 31/12/2025"),
        ("tu_ngay=15/12/2024&den_ngay=10/02/2025", "15/12/2024 – 10/02/2025"),
        ("tu_ngay=01/05/2025", "01/05/2025 – 20/06/2025"),
        ("den_ngay=10/03/2025", "01/01/2025 – 10/03/2025"),
        ("nam=2023&tu_ngay=01/05/2025&den_ngay=02/05/2025", "01/05/2025 – 02/05/2025"),
    ],
)
def test_period(db, query, label):
    assert period(query) == label
