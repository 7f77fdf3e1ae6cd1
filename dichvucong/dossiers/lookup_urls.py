from django.urls import path

from dichvucong.dossiers import views_lookup

app_name = "lookup"
urlpatterns = [
    path("", views_lookup.lookup, name="form"),
]
