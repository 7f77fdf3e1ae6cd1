from django.urls import path

from dichvucong.dossiers.views import lookup

app_name = "lookup"
urlpatterns = [
    path("", lookup.lookup, name="form"),
]
