"""The applicant may withdraw while the dossier waits for or has passed
reception (status 1 or 2), not once processing has started."""

from __future__ import annotations

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ACCEPTED])
def test_withdrawing_at_status_1_or_2_closes_the_dossier(cast, client, status: int) -> None:
    dossier = make_dossier(cast, status)
    logged_in(client, cast.applicant)
    assert "Rút hồ sơ</button>" in page_text(client.get(url("detail", dossier)))
    response = client.post(
        url("withdraw", dossier), {"reason": "Nộp nhầm thủ tục", "confirm": "on"}, follow=True
    )
    assert "Đã rút hồ sơ." in page_text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN
    assert dossier.events.order_by("-seq").first().reason == "Nộp nhầm thủ tục"


def test_withdrawing_during_processing_is_refused_with_a_message(cast, client) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    logged_in(client, cast.applicant)
    assert "Rút hồ sơ</button>" not in page_text(client.get(url("detail", dossier)))
    response = client.post(url("withdraw", dossier), {"confirm": "on"}, follow=True)
    assert "Không thực hiện được: hồ sơ đang ở trạng thái “Đang xử lý”." in page_text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING


def test_withdrawing_needs_the_tick_and_keeps_the_reason_typed(cast, client) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    logged_in(client, cast.applicant)
    response = client.post(url("withdraw", dossier), {"reason": "Đổi ý"})
    assert response.status_code == 200
    html = page_text(response)
    assert "Vui lòng đánh dấu để xác nhận rút hồ sơ." in html
    assert "Đổi ý</textarea>" in html
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_only_the_applicant_can_withdraw(cast, client) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    logged_in(client, cast.other_applicant)
    assert client.post(url("withdraw", dossier), {"confirm": "on"}).status_code == 404
