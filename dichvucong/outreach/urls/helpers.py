"""The ambassadors' pages, mounted at /dai-su-so/: practice mode and
assisted submission. The drafts themselves are filled in on the
applicant's pages under /ho-so/."""

from __future__ import annotations

from django.urls import path

from dichvucong.outreach.views import assisted as views_assisted
from dichvucong.outreach.views import practice as views_practice

app_name = "helpers"

urlpatterns = [
    path("", views_practice.home, name="home"),
    path("thuc-hanh/", views_practice.practice_list, name="practice"),
    path("thuc-hanh/bat-dau/<str:code>/", views_practice.practice_start, name="practice_start"),
    path(
        "thuc-hanh/<uuid:public_id>/hoan-thanh/",
        views_practice.practice_finish,
        name="practice_finish",
    ),
    path("ho-tro/", views_assisted.helped_list, name="assisted_list"),
    path("ho-tro/moi/", views_assisted.pick_procedure, name="assisted_pick"),
    path("ho-tro/moi/<str:code>/", views_assisted.start, name="assisted_start"),
    path("ho-tro/<uuid:public_id>/", views_assisted.status, name="assisted_status"),
    path("ho-tro/<uuid:public_id>/gui-ma/", views_assisted.send_code, name="assisted_send_code"),
    path("ho-tro/<uuid:public_id>/nhap-ma/", views_assisted.enter_code, name="assisted_code"),
    path("ho-tro/<uuid:public_id>/huy/", views_assisted.cancel, name="assisted_cancel"),
    path(
        "ho-tro/<uuid:public_id>/xac-nhan/",
        views_assisted.applicant_confirm,
        name="assisted_confirm",
    ),
]
