from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.feedback import service
from dichvucong.feedback.constants import RatingLevel
from dichvucong.feedback.models import Rating

pytestmark = pytest.mark.django_db


def _url(dossier) -> str:
    return reverse("feedback:rate", args=[dossier.public_id])


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.RETURNED])
def test_the_applicant_rates_once_the_result_is_ready(client, cast, status):
    dossier = make_dossier(cast, status)
    client.force_login(cast.applicant)

    response = client.post(_url(dossier), {"level": "3", "comment": "Nhanh, chu đáo."}, follow=True)

    rating = Rating.objects.get(dossier=dossier)
    assert rating.level == RatingLevel.VERY_SATISFIED
    assert rating.comment == "Nhanh, chu đáo."
    page = response.content.decode()
    assert "Cảm ơn bạn đã đánh giá." in page
    assert "Rất hài lòng" in page


def test_a_second_rating_is_refused_with_a_message(client, cast):
    dossier = make_dossier(cast, Status.RESOLVED)
    client.force_login(cast.applicant)
    client.post(_url(dossier), {"level": "3"})

    response = client.post(_url(dossier), {"level": "1"}, follow=True)

    assert Rating.objects.get(dossier=dossier).level == RatingLevel.VERY_SATISFIED
    assert "mỗi hồ sơ chỉ đánh giá một lần" in response.content.decode()


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PROCESSING, Status.STOPPED])
def test_no_rating_before_the_result(client, cast, status):
    dossier = make_dossier(cast, status)
    client.force_login(cast.applicant)

    page = client.get(_url(dossier)).content.decode()
    response = client.post(_url(dossier), {"level": "2"}, follow=True)

    assert 'name="level"' not in page
    assert "khi hồ sơ đã có kết quả" in page
    assert not Rating.objects.exists()
    assert "Chỉ đánh giá được khi hồ sơ đã có kết quả." in response.content.decode()


def test_the_form_asks_for_a_level_and_limits_the_comment(client, cast):
    dossier = make_dossier(cast, Status.RESOLVED)
    client.force_login(cast.applicant)

    missing = client.post(_url(dossier), {"comment": "x"}).content.decode()
    too_long = client.post(_url(dossier), {"level": "2", "comment": "x" * 1001})

    assert "Vui lòng chọn mức độ hài lòng." in missing
    assert "Tối đa 1000 ký tự" in too_long.content.decode()
    assert not Rating.objects.exists()


def test_the_service_refuses_anyone_but_the_applicant(cast):
    dossier = make_dossier(cast, Status.RESOLVED)

    with pytest.raises(service.FeedbackError):
        service.rate(dossier, cast.other_applicant, RatingLevel.SATISFIED)

    assert not Rating.objects.exists()
