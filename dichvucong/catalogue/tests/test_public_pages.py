from __future__ import annotations

from django.test import Client
from django.urls import reverse


def page_text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def detail_url(code: str) -> str:
    return reverse("catalogue:detail", args=[code])


def test_catalogue_row_shows_what_a_citizen_needs(catalogue_sample, client):
    body = page_text(client, reverse("catalogue:list") + "?q=giay+phep+xay+dung")
    assert "Cấp giấy phép xây dựng đối với nhà ở riêng lẻ" in body
    assert "1.013225" in body
    assert "Hoạt động xây dựng" in body
    assert "Cấp quận · Phòng Quản lý đô thị" in body
    assert "Mức độ 1 – Thông tin" in body
    assert "15 ngày làm việc" in body
    assert "75.000 đ/giấy phép" in body


def test_catalogue_row_says_same_day_and_ward_committee(catalogue_sample, client):
    body = page_text(client, reverse("catalogue:list") + "?q=1.001193")
    assert "Trong ngày" in body
    assert "Cấp phường · UBND phường" in body


def test_detail_page_shows_the_procedure(catalogue_sample, client):
    body = page_text(client, detail_url("1.001193"))
    assert "<h1>Đăng ký khai sinh</h1>" in body
    assert "Hộ tịch" in body
    assert "Cấp phường" in body
    assert "Trong ngày" in body
    assert "Hồ sơ nhận từ 15:00 trở đi được trả kết quả vào ngày làm việc tiếp theo." in body
    assert "Miễn lệ phí khi đăng ký đúng hạn" in body
    assert "Giấy khai sinh" in body
    assert "Một phần" in body
    assert "Nghị định 42/2022" in body


def test_detail_page_lists_documents_required_or_if_any(catalogue_sample, client):
    body = page_text(client, detail_url("1.001193"))
    assert body.index("Tờ khai đăng ký khai sinh") < body.index("Giấy chứng sinh")
    birth_certificate = body[body.index("Giấy chứng sinh") :]
    assert birth_certificate.index("Bắt buộc") < birth_certificate.index("Văn bản ủy quyền")
    power_of_attorney = body[body.index("Văn bản ủy quyền") :]
    assert "Nếu có" in power_of_attorney[:200]


def test_detail_page_computes_a_fixed_fee(catalogue_sample, client):
    body = page_text(client, detail_url("1.013225"))
    assert "Số tiền phải nộp: 75.000 đ" in body
    assert "15 ngày làm việc" in body
    assert "Hồ sơ nhận từ 15:00" not in body


def test_detail_page_gives_no_amount_for_a_per_page_fee(catalogue_sample, client):
    body = page_text(client, detail_url("2.000815"))
    assert "2.000 đ/trang" in body
    assert "Số tiền phải nộp" not in body


def test_detail_page_explains_each_online_level_plainly(catalogue_sample, client):
    assert "chỉ cung cấp thông tin" in page_text(client, detail_url("1.013225"))
    assert "tải mẫu đơn, tờ khai về" in page_text(client, detail_url("2.000815"))
    assert "nộp phí trực tuyến" in page_text(client, detail_url("1.000894"))


def test_unknown_procedure_gives_a_vietnamese_404(catalogue_sample, client):
    response = client.get(detail_url("9.999999"))
    assert response.status_code == 404
    assert "Không tìm thấy trang bạn cần" in response.content.decode()


def test_inactive_procedure_is_not_found(catalogue_sample, client):
    assert client.get(detail_url("2.000528")).status_code == 404


def test_home_links_fields_to_the_filtered_catalogue(catalogue_sample, client):
    body = page_text(client, reverse("core:home"))
    field_link = f"{reverse('catalogue:list')}?field={catalogue_sample.civil_status.pk}"
    assert f'href="{field_link}"' in body
    assert 'Hộ tịch <span class="count">(2)</span>' in body
    assert 'href="/tra-cuu/"' in body
    assert "Hướng dẫn" in body
    assert "Đăng ký kết hôn" in body
