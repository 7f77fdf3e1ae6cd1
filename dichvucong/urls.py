from django.contrib import admin
from django.urls import include, path

from dichvucong.api.main import api

urlpatterns = [
    path("", include("dichvucong.core.urls")),
    path("thu-tuc/", include("dichvucong.catalogue.urls")),
    path("", include("dichvucong.rights.urls")),
    path("tai-khoan/", include("dichvucong.accounts.urls")),
    path("ho-so/", include("dichvucong.dossiers.urls.applicant")),
    path("tra-cuu/", include("dichvucong.dossiers.urls.lookup")),
    path("phieu/", include("dichvucong.dossiers.slips.urls")),
    path("mot-cua/lich-hen/", include("dichvucong.appointments.urls.counter")),
    path("mot-cua/", include("dichvucong.backoffice.urls")),
    path("dat-lich/", include("dichvucong.appointments.urls.citizen")),
    path("thanh-toan/", include("dichvucong.payments.urls")),
    path("", include("dichvucong.results.urls")),
    path("", include("dichvucong.feedback.urls")),
    path("tuyen-truyen/", include("dichvucong.outreach.urls.campaign")),
    path("bao-cao-tuyen-truyen/", include("dichvucong.outreach.urls.report")),
    path("dai-su-so/", include("dichvucong.outreach.urls.helpers")),
    path("", include("dichvucong.reports.urls")),
    path("bao-ve-du-lieu/", include("dichvucong.privacy.urls")),
    path("demo/", include("dichvucong.demo.urls")),
    path("api/v1/", api.urls),
    # Before the admin: incidents are worked on here, not in the admin.
    path("quan-tri/su-co/", include("dichvucong.breaches.urls")),
    path("quan-tri/", admin.site.urls),
]
