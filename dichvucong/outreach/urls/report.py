"""The year-end report and the electronic residential areas, mounted at
/bao-cao-tuyen-truyen/."""

from __future__ import annotations

from django.urls import path

from dichvucong.outreach.views import report as views_report
from dichvucong.outreach.views import report_detail as views_report_detail

app_name = "campaign_report"

urlpatterns = [
    path("", views_report.index, name="index"),
    path("khu-dan-cu-dien-tu/", views_report.residential_areas, name="areas"),
    path("chien-dich/<int:pk>/", views_report.detail, name="detail"),
    path("chien-dich/<int:pk>/tieu-chi/", views_report.criteria, name="criteria"),
    path("chien-dich/<int:pk>/gui/", views_report.submit, name="submit"),
    path("chien-dich/<int:pk>/phe-duyet/", views_report.approve, name="approve"),
    path("chien-dich/<int:pk>/tra-lai/", views_report.send_back, name="send_back"),
    # The dossiers behind the figures: of all the reader's schools, or one.
    path("chien-dich/<int:pk>/ho-so/", views_report_detail.dossiers, name="dossiers"),
    path(
        "chien-dich/<int:pk>/ho-so/truong/<int:school_id>/",
        views_report_detail.dossiers,
        name="school_dossiers",
    ),
    path(
        "chien-dich/<int:pk>/bao-cao.xlsx",
        views_report.export,
        {"fmt": "xlsx"},
        name="export_xlsx",
    ),
    path("chien-dich/<int:pk>/bao-cao.pdf", views_report.export, {"fmt": "pdf"}, name="export_pdf"),
    # Decree 30 documents: the report sent to the district, the draft decision.
    *[
        path(
            f"chien-dich/<int:pk>/{slug}.{fmt}",
            views_report.official,
            {"kind": kind, "fmt": fmt},
            name=f"{kind}_{fmt}",
        )
        for kind, slug in (("report", "van-ban-bao-cao"), ("decision", "du-thao-quyet-dinh"))
        for fmt in ("pdf", "docx")
    ],
]
