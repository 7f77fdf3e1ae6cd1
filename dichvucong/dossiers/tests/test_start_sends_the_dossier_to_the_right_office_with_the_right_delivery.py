"""Starting a dossier: ward procedures go to the People's Committee of the
ward chosen (the applicant's own by default), district ones to their
agency; level 3 offers pickup at the counter only, level 4 also online and
by post."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dichvucong.catalogue.constants import AgencyKind, HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Agency, Procedure
from dichvucong.dossiers.constants import Delivery, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media  # noqa: F401

START = "/ho-so/nop/1.001193/"


def test_a_ward_procedure_goes_to_the_chosen_wards_committee(cast, client) -> None:
    logged_in(client, cast.applicant)
    client.post(START, {"ward": cast.ward_b.pk, "delivery": "counter"})
    dossier = Dossier.objects.get()
    assert dossier.agency == cast.agency_b
    assert dossier.status == Status.DRAFT and dossier.code is None
    assert (dossier.applicant_name, dossier.applicant_id_number, dossier.applicant_phone) == (
        "Nguyễn Văn Bình",
        "001090012345",
        "0912345678",
    )


def test_the_applicants_own_ward_is_the_default(cast, client) -> None:
    assert start_draft(cast.applicant, cast.procedure).agency == cast.agency_a
    logged_in(client, cast.applicant)
    html = page_text(client.get(START))
    assert f'<option value="{cast.ward_a.pk}" selected>' in html


def test_a_district_procedure_goes_to_its_agency(cast) -> None:
    office = Agency.objects.create(
        name="Phòng Quản lý đô thị",
        unit_code="T.QLDT",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=cast.district,
    )
    cast.procedure.handling_level = HandlingLevel.DISTRICT
    cast.procedure.agency = office
    cast.procedure.save()
    assert start_draft(cast.applicant, cast.procedure, ward=cast.ward_b).agency == office


def test_level_3_offers_only_pickup_at_the_counter(cast, client) -> None:
    logged_in(client, cast.applicant)
    html = page_text(client.get(START))
    assert 'value="counter"' in html and 'value="post"' not in html
    response = client.post(START, {"ward": cast.ward_a.pk, "delivery": "post"})
    assert response.status_code == 200
    assert "Lựa chọn không hợp lệ" in page_text(response)
    assert not Dossier.objects.exists()
    with pytest.raises(ValidationError):
        start_draft(cast.applicant, cast.procedure, delivery=Delivery.ONLINE)


def test_level_4_offers_post_which_needs_an_address(cast, client) -> None:
    Procedure.objects.filter(pk=cast.procedure.pk).update(online_level=OnlineLevel.FULL)
    logged_in(client, cast.applicant)
    html = page_text(client.get(START))
    assert 'value="online"' in html and 'value="post"' in html
    response = client.post(START, {"ward": cast.ward_a.pk, "delivery": "post"})
    assert "Vui lòng nhập địa chỉ nhận kết quả qua bưu chính." in page_text(response)
    client.post(
        START,
        {
            "ward": cast.ward_a.pk,
            "delivery": "post",
            "delivery_address": "12 Khương Trung, Thanh Xuân",
        },
    )
    dossier = Dossier.objects.get()
    assert (dossier.delivery, dossier.delivery_address) == ("post", "12 Khương Trung, Thanh Xuân")


def test_a_procedure_below_level_3_cannot_be_started(cast, client) -> None:
    Procedure.objects.filter(pk=cast.procedure.pk).update(online_level=OnlineLevel.FORMS)
    cast.procedure.refresh_from_db()
    logged_in(client, cast.applicant)
    response = client.post(START, {"ward": cast.ward_a.pk, "delivery": "counter"})
    assert "Thủ tục này chưa nộp trực tuyến được." in page_text(response)
    assert not Dossier.objects.exists()
    with pytest.raises(ValidationError):
        start_draft(cast.applicant, cast.procedure)


def test_a_retired_procedure_is_not_found(cast, client) -> None:
    Procedure.objects.filter(pk=cast.procedure.pk).update(is_active=False)
    logged_in(client, cast.applicant)
    assert client.get(START).status_code == 404


def test_an_anonymous_visitor_logs_in_first_and_comes_back(client, cast) -> None:
    response = client.get(START)
    assert response.status_code == 302
    assert response.url == "/tai-khoan/dang-nhap/?next=/ho-so/nop/1.001193/"
