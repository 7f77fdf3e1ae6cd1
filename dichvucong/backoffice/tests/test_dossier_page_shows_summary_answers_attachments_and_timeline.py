"""Everything an officer needs to decide, on one page."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import detail_url
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def test_the_page_shows_the_dossier(client, cast) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    lifecycle.forward(dossier, cast.specialist_a, "Đề nghị cấp giấy khai sinh")
    login_verified(client, cast.leader_a)
    page = client.get(detail_url(dossier)).content.decode()
    for text in [
        f"Hồ sơ {dossier.code}",
        "Đăng ký khai sinh",
        "Nguyễn Văn Bình",
        "0912345678",
        "UBND phường Khương Mai",
        dossier.due_date.strftime("%d/%m/%Y"),
        # answers, with the schema's labels
        "Họ, chữ đệm và tên",
        "Nguyễn Minh An",
        "20/11/2026",
        # timeline: who, from -> to, reason
        "Lê Tiếp Nhận",
        "Mới đăng ký → <strong>Được tiếp nhận</strong>",
        "Chuyên viên: Phạm Chuyên Viên",
        "Đề nghị cấp giấy khai sinh",
        "Đã trình, chờ lãnh đạo phê duyệt",
        "Trong hạn",
    ]:
        assert text in page, text


def test_attachments_link_to_the_download_view(client, cast) -> None:
    dossier = make_dossier(cast)
    attachment = dossier.attachments.get()
    login_verified(client, cast.receptionist_a)
    page = client.get(detail_url(dossier)).content.decode()
    assert "giay-chung-sinh.pdf" in page
    assert f"/tep/{attachment.public_id}/" in page


def test_the_page_needs_few_queries(client, cast, django_assert_max_num_queries) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.leader_a)
    client.get(detail_url(dossier))
    # A fixed number whatever the dossier holds; the main menu's own
    # checks (core.navigation) take five of them, the result panel (draft,
    # issued file, last send-back) a few more, and one INSERT notes the
    # officer's reading of it for the applicant (rights.reads).
    with django_assert_max_num_queries(27):
        assert client.get(detail_url(dossier)).status_code == 200
