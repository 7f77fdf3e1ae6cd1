from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from dichvucong.accounts import views
from dichvucong.accounts.forms import NewPasswordForm, ResetRequestForm
from dichvucong.accounts.vneid import views as vneid

app_name = "accounts"

login_view = views.LoginView.as_view()
password_reset = auth_views.PasswordResetView.as_view(
    form_class=ResetRequestForm,
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html",
)
password_reset_confirm = views.PasswordResetConfirmView.as_view(
    form_class=NewPasswordForm,
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html",
)

urlpatterns = [
    path("", views.profile, name="profile"),
    path("thong-bao/", views.notification_channel, name="notification_channel"),
    path("sua-thong-tin/", views.edit_details, name="edit_details"),
    path("dang-nhap/", login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    # Log in with the national e-ID (vneid/): to the provider and back, and
    # the code that links an account that already has the ID number.
    path("vneid/", vneid.start, name="vneid_start"),
    path("vneid/ve/", vneid.callback, name="vneid_callback"),
    path("vneid/lien-ket/", vneid.link, name="vneid_link"),
    path("vneid/lien-ket/gui-lai-ma/", vneid.link_resend, name="vneid_link_resend"),
    # The staff second factor (two_factor.py).
    path("xac-thuc/", views.two_factor_verify, name="two_factor"),
    path("xac-thuc/cai-dat/", views.two_factor_setup, name="two_factor_setup"),
    path("xac-thuc/ma-du-phong/", views.two_factor_codes, name="two_factor_codes"),
    path("dang-ky/", views.register_citizen, name="register"),
    path("dang-ky/to-chuc/", views.register_organisation, name="register_organisation"),
    # The phone typed at registration, confirmed by a code (phone_confirmation.py).
    path("xac-nhan-so-dien-thoai/", views.confirm_phone, name="confirm_phone"),
    path(
        "xac-nhan-so-dien-thoai/gui-lai-ma/",
        views.confirm_phone_resend,
        name="confirm_phone_resend",
    ),
    # Residents recover by SMS code; the e-mail link stays for staff and for
    # accounts without a phone (recovery.py).
    path("quen-mat-khau/", views.password_recovery, name="password_recovery"),
    path("quen-mat-khau/nhap-ma/", views.password_recovery_code, name="password_recovery_code"),
    path(
        "quen-mat-khau/gui-lai-ma/",
        views.password_recovery_resend,
        name="password_recovery_resend",
    ),
    path("quen-mat-khau/thu-dien-tu/", password_reset, name="password_reset"),
    path("quen-mat-khau/da-gui/", password_reset_done, name="password_reset_done"),
    path("quen-mat-khau/xong/", password_reset_complete, name="password_reset_complete"),
    path("quen-mat-khau/<uidb64>/<token>/", password_reset_confirm, name="password_reset_confirm"),
]
