from django.urls import path

from dichvucong.dossiers import views, views_apply, views_files, views_follow

app_name = "dossiers"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nop/<str:code>/", views_apply.start, name="start"),
    path("tep/<uuid:public_id>/", views_files.attachment, name="attachment"),
    path("<uuid:public_id>/", views_follow.detail, name="detail"),
    path("<uuid:public_id>/buoc/<int:number>/", views_apply.step, name="step"),
    path("<uuid:public_id>/giay-to/", views_apply.documents, name="documents"),
    path("<uuid:public_id>/kiem-tra/", views_apply.review, name="review"),
    path("<uuid:public_id>/xoa/", views.discard, name="discard"),
    path("<uuid:public_id>/rut/", views_follow.withdraw, name="withdraw"),
    path("<uuid:public_id>/bo-sung/", views_follow.supplement, name="supplement"),
]
