"""Included at the site root: /thong-ke/, /thong-ke/noi-bo/, /du-lieu-mo/."""

from __future__ import annotations

from django.urls import path

from dichvucong.reports import views

app_name = "reports"
urlpatterns = [
    path("thong-ke/", views.public, name="public"),
    path("thong-ke/noi-bo/", views.dashboard, name="dashboard"),
    path("du-lieu-mo/thong-ke.csv", views.open_data, {"fmt": "csv"}, name="open_data_csv"),
    path("du-lieu-mo/thong-ke.json", views.open_data, {"fmt": "json"}, name="open_data_json"),
]
