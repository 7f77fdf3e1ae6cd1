from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.models import UnitSuccession
from dichvucong.catalogue.tests.reorganisation_sample import load_thanh_xuan_2025

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client, django_user_model):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_superuser("quantri", password="x")
    login_verified(client, user)
    load_thanh_xuan_2025()
    return client


def test_the_unit_list_shows_when_a_ward_ended(administrator):
    response = administrator.get(reverse("admin:catalogue_adminunit_changelist") + "?q=Hạ Đình")
    assert response.status_code == 200
    assert 'field-valid_to nowrap">30/06/2025<' in response.content.decode()


def test_a_split_shows_the_residential_groups_that_went_to_the_successor(administrator):
    split = UnitSuccession.objects.filter(kind="split").first()
    response = administrator.get(reverse("admin:catalogue_unitsuccession_change", args=[split.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('name="group_rows-') >= split.group_rows.count()
