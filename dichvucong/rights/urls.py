from django.urls import path

from dichvucong.rights import views

app_name = "rights"
urlpatterns = [
    path("tai-khoan/du-lieu-cua-toi/", views.my_data, name="my_data"),
    path("tai-khoan/du-lieu-cua-toi/tai-ve.zip", views.my_data_zip, name="my_data_zip"),
    path("tai-khoan/du-lieu-cua-toi/ban-in.pdf", views.my_data_pdf, name="my_data_pdf"),
    path("tai-khoan/du-lieu-cua-toi/yeu-cau/", views.file_request, name="file_request"),
    path("quyen-du-lieu/", views.queue, name="queue"),
    path("quyen-du-lieu/<int:pk>/", views.request_detail, name="request_detail"),
    path("quyen-du-lieu/hoc-sinh/<int:pupil_id>/", views.pupil_request, name="pupil_request"),
    path("quyen-du-lieu/hoc-sinh/<int:pupil_id>/du-lieu.json", views.pupil_data, name="pupil_data"),
]
