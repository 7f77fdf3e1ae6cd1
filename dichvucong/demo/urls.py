from django.urls import path

from dichvucong.demo import views

app_name = "demo"
urlpatterns = [path("", views.demo_page, name="page")]
