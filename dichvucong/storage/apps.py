from __future__ import annotations

from django.apps import AppConfig


class StorageConfig(AppConfig):
    verbose_name = "Lưu trữ"
    name = "dichvucong.storage"
    label = "storage"
