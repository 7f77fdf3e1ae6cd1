from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.results.template_data import load_templates
from dichvucong.results.tests.helpers import resolved

pytestmark = pytest.mark.django_db


def test_the_verification_page_names_the_document_and_its_number(client, cast):
    load_templates()
    resolved(cast)
    result = resolved(cast).result

    page = client.get(reverse("results:verify"), {"ma": result.verification_code})

    text = page.content.decode()
    assert "Trích lục khai sinh" in text
    assert "2/TLKS" in text
