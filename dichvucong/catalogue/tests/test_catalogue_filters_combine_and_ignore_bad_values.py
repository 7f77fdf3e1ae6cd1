from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse


def found_codes(client: Client, **params: str) -> set[str]:
    response = client.get(reverse("catalogue:list"), params)
    assert response.status_code == 200
    return {procedure.code for procedure in response.context["page"]}


ALL_ACTIVE = {"1.001193", "1.000894", "2.000815", "1.013225"}


def test_filter_by_field(catalogue_sample, client):
    field_id = str(catalogue_sample.civil_status.pk)
    assert found_codes(client, field=field_id) == {"1.001193", "1.000894"}


def test_filter_by_agency(catalogue_sample, client):
    agency_id = str(catalogue_sample.urban_office.pk)
    assert found_codes(client, agency=agency_id) == {"1.013225"}


def test_filter_by_ward_committee_means_ward_procedures(catalogue_sample, client):
    assert found_codes(client, agency="ward") == {"1.001193", "1.000894", "2.000815"}


def test_filter_by_handling_level(catalogue_sample, client):
    assert found_codes(client, level="district") == {"1.013225"}


def test_filter_by_online_level(catalogue_sample, client):
    assert found_codes(client, online="3") == {"1.001193"}
    assert found_codes(client, online="4") == {"1.000894"}


def test_filters_combine_with_search(catalogue_sample, client):
    field_id = str(catalogue_sample.civil_status.pk)
    assert found_codes(client, q="dang ky", field=field_id, online="4") == {"1.000894"}
    assert found_codes(client, q="dang ky", agency=str(catalogue_sample.urban_office.pk)) == set()


@pytest.mark.parametrize(
    "params",
    [
        {"online": "abc"},
        {"online": "9"},
        {"field": "abc"},
        {"field": "999999"},
        {"agency": "999999"},
        {"agency": "x'; drop table"},
        {"level": "planet"},
        {"q": "\x00"},
    ],
)
def test_bad_filter_value_is_ignored(catalogue_sample, client, params):
    assert found_codes(client, **params) == ALL_ACTIVE


def test_bad_filter_value_keeps_the_good_ones(catalogue_sample, client):
    assert found_codes(client, online="abc", level="district") == {"1.013225"}


def test_agency_choices_offer_ward_committee_and_only_agencies_with_procedures(
    catalogue_sample, client
):
    body = client.get(reverse("catalogue:list")).content.decode()
    assert '<option value="ward">UBND phường</option>' in body
    assert "Phòng Quản lý đô thị" in body
    # Phòng Tư pháp only has an inactive procedure here: choosing it would
    # always give nothing.
    assert "Phòng Tư pháp" not in body
