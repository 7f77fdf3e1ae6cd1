from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "dichvucong.appointments"
    verbose_name = "Đặt lịch hẹn tại Bộ phận Một cửa"
