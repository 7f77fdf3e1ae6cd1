from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.notifications.models import OutboxMessage
from dichvucong.rights.tests.helpers import accepted_dossier

PAGE = "/tai-khoan/du-lieu-cua-toi/"


def test_the_page_lists_account_dossiers_files_notifications_and_the_office_by_role(client, cast):
    dossier = accepted_dossier(cast)
    client.force_login(cast.applicant)
    page = client.get(PAGE).content.decode()
    assert cast.applicant.full_name in page
    assert cast.applicant.citizen.phone in page
    assert dossier.code in page
    attachment = dossier.attachments.get()
    assert attachment.original_name in page
    assert f"/ho-so/tep/{attachment.public_id}/" in page  # the access-checked download
    assert OutboxMessage.objects.filter(dossier=dossier).exists()
    assert "Thông báo đã gửi cho bạn (0)" not in page
    # The receptionist's acceptance: office and role, never the officer's name.
    assert "Cán bộ Bộ phận Một cửa" in page
    assert cast.agency_a.name in page
    assert cast.receptionist_a.full_name not in page


def test_the_helper_who_filled_in_the_dossier_is_named(client, cast):
    from dichvucong.dossiers.models import Dossier

    dossier = accepted_dossier(cast)
    Dossier.objects.filter(pk=dossier.pk).update(helper=cast.other_applicant)
    client.force_login(cast.applicant)
    page = client.get(PAGE).content.decode()
    assert "Người hỗ trợ đã khai, nộp giúp bạn" in page
    assert cast.other_applicant.full_name in page


def test_another_citizen_sees_nothing_of_it_and_its_files_answer_404(client, cast):
    dossier = accepted_dossier(cast)
    client.force_login(cast.other_applicant)
    page = client.get(PAGE).content.decode()
    assert dossier.code not in page
    assert cast.applicant.full_name not in page
    assert cast.applicant.citizen.phone not in page
    attachment = dossier.attachments.get()
    assert client.get(f"/ho-so/tep/{attachment.public_id}/").status_code == 404
    zipped = client.get(PAGE + "tai-ve.zip").content
    assert dossier.code.encode() not in zipped


def test_staff_and_visitors_have_no_such_page(client, cast):
    assert client.get(PAGE).status_code == 302  # to log in
    login_verified(client, cast.receptionist_a)
    assert client.get(PAGE).status_code == 403


def test_the_profile_links_to_it(client, cast):
    client.force_login(cast.applicant)
    assert PAGE in client.get("/tai-khoan/").content.decode()
