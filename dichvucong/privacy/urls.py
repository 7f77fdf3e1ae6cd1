from django.urls import path

from dichvucong.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.notice_page, name="notice"),
]
