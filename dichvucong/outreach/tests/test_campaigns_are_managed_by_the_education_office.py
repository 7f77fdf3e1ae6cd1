from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import HandlingLevel
from dichvucong.catalogue.models import Field, Procedure
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.constants import SuccessRule
from dichvucong.outreach.models import Campaign

FORM = {
    "title": "Tuyên truyền năm học 2017-2018",
    "approved_by": "UBND quận Thanh Xuân",
    "start_date": "05/03/2018",
    "end_date": "20/03/2018",
    "target_grade": "8",
    "goals": "Mọi học sinh lớp 8",
    "target_pupils": "2100",
    "success_rule": "returned",
}


def test_the_education_office_creates_a_campaign_with_its_schools(oc, client):
    login_verified(client, oc.education)
    data = dict(FORM, lead_agency=oc.education_agency.pk, schools=[oc.school_a.pk, oc.school_b.pk])
    response = client.post("/tuyen-truyen/chien-dich/them/", data)
    assert response.status_code == 302
    campaign = Campaign.objects.get(title=FORM["title"])
    assert campaign.start_date == date(2018, 3, 5)
    assert campaign.success_rule == SuccessRule.RETURNED
    assert campaign.school_year == "2017-2018"
    assert set(campaign.schools.all()) == {oc.school_a, oc.school_b}


def test_an_end_before_the_start_is_refused(oc, client):
    login_verified(client, oc.education)
    data = dict(FORM, lead_agency=oc.education_agency.pk, end_date="01/03/2018")
    assert client.post("/tuyen-truyen/chien-dich/them/", data).status_code == 200
    assert not Campaign.objects.filter(title=FORM["title"]).exists()


def test_the_success_rule_follows_the_design(oc):
    field = Field.objects.create(name="Hộ tịch")
    procedure = Procedure.objects.create(
        code="1.001193", name="Đăng ký khai sinh", field=field, handling_level=HandlingLevel.WARD
    )
    Dossier.objects.bulk_create(
        Dossier(
            procedure=procedure,
            agency=oc.ward_agency,
            applicant=oc.citizen,
            applicant_name="Nguyễn Văn An",
            status=status,
            # Received by the office: accepted, processed, withdrawn after
            # acceptance. 1, 3, 5 and 6 here never got a receipt.
            received_at=timezone.now() if status in (2, 4, 7, 8, 9, 10) else None,
        )
        for status in range(11)
    )

    def counted(campaign: Campaign) -> list[int]:
        return sorted(Dossier.objects.filter(campaign.success_q()).values_list("status", flat=True))

    # Only a result reached within the school year (DESIGN.md §6, 2026).
    with time_machine.travel(datetime(2017, 5, 15, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        Dossier.objects.filter(status__in=(9, 10)).update(resolved_at=timezone.now())
        Dossier.objects.filter(status=10).update(returned_at=timezone.now())
    assert counted(oc.campaign) == [9, 10]
    assert counted(Campaign(success_rule=SuccessRule.RETURNED, start_date=date(2017, 3, 1))) == [10]


def test_a_campaign_page_shows_figures_per_school(oc, client):
    login_verified(client, oc.leadership)
    html = client.get(f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/").content.decode()
    assert "THCS Khương Đình" in html and "THCS Kim Giang" in html
    assert "Sửa chiến dịch" not in html
