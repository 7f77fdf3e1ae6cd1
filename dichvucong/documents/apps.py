from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core.signals import setting_changed


def _forget_keys(*, setting: str, **kwargs: Any) -> None:
    # Tests that point signing at other files must not get the keys of before.
    if setting.startswith("SIGNING_"):
        from dichvucong.documents.signing import keys

        keys.reset()


class DocumentsConfig(AppConfig):
    verbose_name = "Văn bản hành chính"
    name = "dichvucong.documents"
    label = "documents"

    def ready(self) -> None:
        setting_changed.connect(_forget_keys, dispatch_uid="documents.signing.forget_keys")
