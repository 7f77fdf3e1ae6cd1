from django.urls import path

from dichvucong.dossiers.views import apply, files, follow, mine

app_name = "dossiers"
urlpatterns = [
    path("", mine.mine, name="mine"),
    path("nop/<str:code>/", apply.start, name="start"),
    path("tep/<uuid:public_id>/", files.attachment, name="attachment"),
    path("<uuid:public_id>/", follow.detail, name="detail"),
    path("<uuid:public_id>/buoc/<int:number>/", apply.step, name="step"),
    path("<uuid:public_id>/giay-to/", apply.documents, name="documents"),
    path("<uuid:public_id>/kiem-tra/", apply.review, name="review"),
    path("<uuid:public_id>/xoa/", mine.discard, name="discard"),
    path("<uuid:public_id>/rut/", follow.withdraw, name="withdraw"),
    path("<uuid:public_id>/bo-sung/", follow.supplement, name="supplement"),
]
