from __future__ import annotations

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    verbose_name = "Văn bản hành chính"
    name = "dichvucong.documents"
    label = "documents"
