"""Included at the site root: /danh-gia/<dossier>/ and /phan-anh/..."""

from django.urls import path

from dichvucong.feedback import views

app_name = "feedback"
urlpatterns = [
    path("danh-gia/<uuid:public_id>/", views.rate, name="rate"),
    path("phan-anh/", views.public_list, name="public_list"),
    path("phan-anh/gui/", views.submit, name="submit"),
    path("phan-anh/gui/da-nhan/", views.submitted, name="submitted"),
    path("phan-anh/tra-cuu/", views.lookup, name="lookup"),
    path("phan-anh/quan-ly/", views.manage, name="manage"),
    path("phan-anh/quan-ly/<uuid:public_id>/", views.manage_detail, name="manage_detail"),
]
