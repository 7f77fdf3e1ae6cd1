from django.urls import path

from dichvucong.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/mau/<int:document_id>/", views.document_template, name="document_template"),
]
