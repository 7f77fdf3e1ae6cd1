from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("dichvucong.core.urls")),
    path("thu-tuc/", include("dichvucong.catalogue.urls")),
    path("tai-khoan/", include("dichvucong.accounts.urls")),
    path("ho-so/", include("dichvucong.dossiers.urls")),
    path("tra-cuu/", include("dichvucong.dossiers.lookup_urls")),
    path("phieu/", include("dichvucong.dossiers.slips.urls")),
    path("mot-cua/", include("dichvucong.backoffice.urls")),
    path("quan-tri/", admin.site.urls),
]
