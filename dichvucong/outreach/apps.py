from django.apps import AppConfig


class OutreachConfig(AppConfig):
    verbose_name = "Tuyên truyền"
    name = "dichvucong.outreach"
    label = "outreach"
