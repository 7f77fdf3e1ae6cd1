"""Included at the site root: /ket-qua/<dossier>/ and /xac-thuc/ (the
address printed under every result's QR code)."""

from django.urls import path

from dichvucong.results import views

app_name = "results"
urlpatterns = [
    path("ket-qua/<uuid:public_id>/", views.download, name="download"),
    path("xac-thuc/", views.verify, name="verify"),
]
