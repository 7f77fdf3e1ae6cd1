from __future__ import annotations

from django.apps import AppConfig
from django.core import checks as django_checks


class CoreConfig(AppConfig):
    verbose_name = "Chung"
    name = "dichvucong.core"
    label = "core"

    def ready(self) -> None:
        from dichvucong import lookups
        from dichvucong.core import checks

        lookups.register()

        # Unsafe embedded defaults refused with DEBUG off (core/checks.py);
        # `check --deploy` runs it too, being tagged security.
        django_checks.register(checks.unsafe_defaults_check, django_checks.Tags.security)
        checks.log_allowances()
