from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.parametrize("code", ["1.001193", "1.000894"])
def test_levels_3_and_4_offer_online_submission(catalogue_sample, client, code):
    body = client.get(reverse("catalogue:detail", args=[code])).content.decode()
    assert f'href="/ho-so/nop/{code}/"' in body
    assert "Nộp hồ sơ trực tuyến" in body


@pytest.mark.parametrize("code", ["1.013225", "2.000815"])
def test_levels_1_and_2_send_the_citizen_to_the_office(catalogue_sample, client, code):
    body = client.get(reverse("catalogue:detail", args=[code])).content.decode()
    assert "/ho-so/nop/" not in body
    assert "Nộp hồ sơ trực tuyến" not in body
    assert "chưa nộp trực tuyến được" in body
