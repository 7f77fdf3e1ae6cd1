"""A change to any catalogue row (unit, agency, field, procedure, its
documents and form, the calendar), through the admin, the importer or
code, gives the catalogue a new version: the public pages that show it
are built afresh (dichvucong/public_pages.py). Bulk writes send no signals:
their callers bump the version themselves."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from dichvucong import public_pages


def catalogue_changed(sender: Any, **kwargs: Any) -> None:
    public_pages.bump(public_pages.CATALOGUE)


def connect() -> None:
    for model in apps.get_app_config("catalogue").get_models():
        uid = f"public-pages:{model._meta.label}"
        post_save.connect(catalogue_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(catalogue_changed, sender=model, dispatch_uid=uid)
