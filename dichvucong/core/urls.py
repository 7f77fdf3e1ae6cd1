from django.urls import path

from dichvucong.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("bat-dau/", views.after_login, name="after_login"),
]
