"""Outreach pages, mounted at /tuyen-truyen/."""

from __future__ import annotations

from django.urls import path

from dichvucong.outreach.views import ambassadors, campaigns, materials, rosters, schools, sessions

app_name = "outreach"

urlpatterns = [
    path("", campaigns.campaign_list, name="campaign_list"),
    path("chien-dich/them/", campaigns.campaign_create, name="campaign_create"),
    path("chien-dich/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("chien-dich/<int:pk>/sua/", campaigns.campaign_edit, name="campaign_edit"),
    path("chien-dich/<int:pk>/lich/", campaigns.calendar, name="calendar"),
    path("chien-dich/<int:pk>/tai-lieu/them/", materials.material_create, name="material_create"),
    path("chien-dich/<int:pk>/buoi/them/", sessions.session_create, name="session_create"),
    path("tai-lieu/<int:pk>/", materials.material_detail, name="material_detail"),
    path("tai-lieu/<int:pk>/tai-ve/", materials.latest_download, name="material_download"),
    path(
        "tai-lieu/phien-ban/<int:pk>/tai-ve/", materials.version_download, name="version_download"
    ),
    path("buoi/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("buoi/<int:pk>/sua/", sessions.session_edit, name="session_edit"),
    path("buoi/<int:pk>/diem-danh/", sessions.attendance, name="attendance"),
    path("lop/", schools.class_list, name="class_list"),
    path("lop/them/", schools.class_create, name="class_create"),
    path("lop/<int:pk>/", schools.class_detail, name="class_detail"),
    path("lop/<int:pk>/cap-tai-khoan/", ambassadors.class_logins, name="class_logins"),
    path("lop/<int:pk>/chon-nhieu/", ambassadors.class_bulk, name="class_bulk"),
    path("hoc-sinh/<int:pk>/", schools.pupil_detail, name="pupil_detail"),
    path("hoc-sinh/<int:pk>/dong-y/", schools.consent_record, name="consent_record"),
    path("hoc-sinh/<int:pk>/xoa/", schools.pupil_erase, name="pupil_erase"),
    path("hoc-sinh/<int:pk>/to-dan-pho/", ambassadors.group_set, name="pupil_group"),
    path("hoc-sinh/<int:pk>/tai-khoan/", ambassadors.pupil_login, name="pupil_login"),
    path("nhap-danh-sach/", rosters.roster_upload, name="roster_upload"),
    path("nhap-danh-sach/mau.csv", rosters.roster_sample, {"kind": "csv"}, name="roster_sample"),
    path(
        "nhap-danh-sach/mau.xlsx",
        rosters.roster_sample,
        {"kind": "xlsx"},
        name="roster_sample_xlsx",
    ),
    path("nhap-danh-sach/<int:pk>/", rosters.roster_progress, name="roster_progress"),
    path("nhap-danh-sach/<int:pk>/nhap/", rosters.roster_confirm, name="roster_confirm"),
    path("nhap-danh-sach/<int:pk>/huy/", rosters.roster_cancel, name="roster_cancel"),
]
