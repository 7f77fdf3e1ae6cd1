from __future__ import annotations

from django.urls import path

from dichvucong.backoffice import views

app_name = "backoffice"
urlpatterns = [
    path("", views.queues, name="queues"),
    path("ho-so/<uuid:public_id>/", views.dossier_detail, name="detail"),
    path("ho-so/<uuid:public_id>/<slug:action>/", views.dossier_action, name="action"),
]
