from __future__ import annotations

from django.urls import path

from dichvucong.backoffice import views

app_name = "backoffice"
urlpatterns = [
    path("", views.queues, name="queues"),
    # No id in the address: the ID number is posted (backoffice.identity).
    path("xac-minh-danh-tinh/", views.identity_check, name="identity"),
    path("ho-so/<uuid:public_id>/", views.dossier_detail, name="detail"),
    path("ho-so/<uuid:public_id>/du-thao-ket-qua/", views.result_draft, name="result_draft"),
    path("ho-so/<uuid:public_id>/<slug:action>/", views.dossier_action, name="action"),
]
