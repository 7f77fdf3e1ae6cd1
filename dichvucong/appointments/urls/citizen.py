from django.urls import path

from dichvucong.appointments import views

app_name = "appointments"

urlpatterns = [
    path("", views.start, name="start"),
    path("co-quan/<int:agency_id>/", views.book, name="book"),
    path("cua-toi/", views.mine, name="mine"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/phieu.pdf", views.slip_pdf, name="pdf"),
    path("<uuid:public_id>/huy/", views.cancel, name="cancel"),
]
