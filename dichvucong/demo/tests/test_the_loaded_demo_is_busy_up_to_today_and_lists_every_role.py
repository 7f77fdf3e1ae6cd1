"""The demo's own dossiers run up to today: the newest is a few days old,
this year's statistics are not empty, dossiers are open in several
statuses, and only a plausible few are overdue (not every dossier of
2017). The demo citizen (the first account a visitor tries) has three
dossiers of their own, one with an e-result to download; demo officers
hold a full set of recovery codes. In demo mode /demo/ (linked from the
log-in page) lists a demo account for every role with the password and,
for staff, the second-factor code of now, which really logs the officer
in; without demo mode the page and the link do not exist. One module, so
the demo loads once.
(A chosen "now": outreach/tests/report_tests/test_the_demo_year_...)"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken

from dichvucong.accounts.models import User
from dichvucong.accounts.two_factor import RECOVERY_CODE_COUNT, recovery_codes_left
from dichvucong.demo.guide import ROLES
from dichvucong.demo.people import CITIZEN_ID, STAFF
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, ResultDocument
from dichvucong.reports.statistics import overdue_dossiers

pytestmark = pytest.mark.django_db
CLOSED = (Status.RETURNED, Status.REFUSED, Status.WITHDRAWN, Status.STOPPED)


def submitted():
    return Dossier.objects.exclude(submitted_at=None)


def test_the_newest_dossier_is_a_few_days_old(demo):
    newest = submitted().aggregate(Max("submitted_at"))["submitted_at__max"]

    assert timezone.now() - newest < timedelta(days=4)


def test_this_years_statistics_are_not_empty_and_recent_weeks_are_busy(demo):
    this_year = submitted().filter(submitted_at__year=timezone.localdate().year)
    recent = submitted().filter(submitted_at__gte=timezone.now() - timedelta(days=42))

    assert this_year.count() >= 60
    assert recent.count() >= 50
    months = {
        timezone.localtime(at).month for at in this_year.values_list("submitted_at", flat=True)
    }
    assert len(months) >= min(6, timezone.localdate().month)


def test_open_dossiers_are_in_several_statuses_and_few_are_overdue(demo):
    open_now = submitted().exclude(status__in=CLOSED)
    overdue = overdue_dossiers(Dossier.objects.all(), timezone.localdate())

    assert len(set(open_now.values_list("status", flat=True))) >= 4
    assert open_now.count() >= 15
    assert overdue.count() <= max(3, open_now.count() // 4)
    assert not overdue.filter(submitted_at__year__lt=2025).exists()


def test_no_event_lies_in_the_future(demo):
    from dichvucong.dossiers.models import Event

    assert not Event.objects.filter(at__gt=timezone.now()).exists()


def test_my_dossiers_lists_three_dossiers_in_three_states(demo, client):
    citizen = User.objects.get(username=CITIZEN_ID)
    mine = Dossier.objects.filter(applicant=citizen)
    client.force_login(citizen)

    page = client.get("/ho-so/").content.decode()

    assert set(mine.values_list("status", flat=True)) == {
        Status.RETURNED,
        Status.PROCESSING,
        Status.SUPPLEMENT,
    }
    links = set(re.findall(r'href="(/ho-so/[0-9a-f-]{36}/)"', page))
    assert len(links) == 3
    for link in links:
        assert client.get(link).status_code == 200


def test_the_returned_dossier_has_an_e_result_its_applicant_downloads(demo, client):
    citizen = User.objects.get(username=CITIZEN_ID)
    returned = Dossier.objects.get(applicant=citizen, status=Status.RETURNED)
    client.force_login(citizen)

    assert ResultDocument.objects.filter(dossier=returned).exists()
    answer = client.get(reverse("results:download", args=[returned.public_id]))

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"


def test_every_demo_officer_has_a_full_set_of_recovery_codes(demo):
    for spec in STAFF:
        assert recovery_codes_left(User.objects.get(username=spec.username)) == RECOVERY_CODE_COUNT


def test_a_second_load_keeps_the_codes_an_officer_already_has(demo):
    before = set(StaticToken.objects.values_list("token", flat=True))
    call_command("load_demo", stdout=StringIO())

    assert set(StaticToken.objects.values_list("token", flat=True)) == before


def test_every_role_is_listed_with_its_login_and_password(client, demo, demo_mode):
    page = client.get("/demo/").content.decode()

    for role, username, _what in ROLES:
        assert str(role) in page
        if username:
            assert f'<code class="demo-username">{username}</code>' in page
    assert page.count('<code class="demo-password">demo12345</code>') == len(ROLES)
    # Every officer (six of them) has a code; citizens, the organisation
    # and the pupil need none.
    assert len(re.findall(r'<code class="demo-code">\d{6}</code>', page)) == 6


def test_the_log_in_page_links_to_it(client, demo_mode):
    assert 'href="/demo/"' in client.get("/tai-khoan/dang-nhap/").content.decode()


def test_the_code_shown_logs_the_receptionist_in(client, demo, demo_mode):
    page = client.get("/demo/").content.decode()
    row = page[page.index("kmai.motcua") :]
    code = re.search(r'<code class="demo-code">(\d{6})</code>', row).group(1)

    client.post("/tai-khoan/dang-nhap/", {"username": "kmai.motcua", "password": "demo12345"})
    verified = client.post("/tai-khoan/xac-thuc/", {"code": code}, follow=True)

    assert verified.redirect_chain
    assert client.get("/mot-cua/").status_code == 200


def test_without_demo_mode_there_is_no_page_and_no_link(client, demo, settings):
    settings.DEMO_MODE = False

    assert client.get("/demo/").status_code == 404
    assert 'href="/demo/"' not in client.get("/tai-khoan/dang-nhap/").content.decode()
