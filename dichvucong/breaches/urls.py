from __future__ import annotations

from django.urls import path

from dichvucong.breaches import views

app_name = "breaches"
urlpatterns = [
    path("", views.incident_list, name="list"),
    path("moi/", views.incident_create, name="create"),
    path("<int:pk>/", views.incident_detail, name="detail"),
    path("<int:pk>/sua/", views.incident_edit, name="edit"),
    path("<int:pk>/danh-sach.csv", views.affected_list, name="affected_csv"),
    path("<int:pk>/thong-bao-co-quan/", views.authority_notice, name="authority_notice"),
    path("<int:pk>/thong-bao-co-quan.pdf", views.authority_notice_pdf, name="authority_pdf"),
    path("<int:pk>/da-thong-bao/", views.mark_notified, name="mark_notified"),
    path("<int:pk>/gui-thong-bao/", views.send_notices, name="send_notices"),
    path("<int:pk>/ket-thuc/", views.close, name="close"),
]
