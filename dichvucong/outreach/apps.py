from __future__ import annotations

from django.apps import AppConfig


class OutreachConfig(AppConfig):
    verbose_name = "Tuyên truyền"
    name = "dichvucong.outreach"
    label = "outreach"

    def ready(self) -> None:
        from dichvucong.accounts.services import (
            register_helper_name_rule,
            register_record_name_rule,
        )
        from dichvucong.dossiers.reorganise import register_follower
        from dichvucong.outreach.reorganise import follow_reorganisation
        from dichvucong.outreach.services import pupil_helper_name, pupil_pseudonym

        register_record_name_rule(pupil_pseudonym)
        register_helper_name_rule(pupil_helper_name)
        register_follower(follow_reorganisation)
