from django.urls import path

from dichvucong.appointments import views

app_name = "appointments_counter"

urlpatterns = [
    path("", views.counter, name="today"),
    path("<uuid:public_id>/danh-dau/", views.mark, name="mark"),
]
