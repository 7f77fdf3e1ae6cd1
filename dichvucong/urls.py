from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("dichvucong.core.urls")),
    path("thu-tuc/", include("dichvucong.catalogue.urls")),
    path("tai-khoan/", include("dichvucong.accounts.urls")),
    path("quan-tri/", admin.site.urls),
]
