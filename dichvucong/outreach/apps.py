from __future__ import annotations

from django.apps import AppConfig


class OutreachConfig(AppConfig):
    verbose_name = "Tuyên truyền"
    name = "dichvucong.outreach"
    label = "outreach"

    def ready(self) -> None:
        from dichvucong.accounts.services import register_record_name_rule
        from dichvucong.outreach.services import pupil_pseudonym

        register_record_name_rule(pupil_pseudonym)
