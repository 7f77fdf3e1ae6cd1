"""What changes the public statistics gives them a new version, so the
pages and open data that show them are built afresh
(dichvucong/public_pages.py): a dossier's status change or any other event
(apology, supplement), a payment, a rating. Rows written in bulk (the
data generator) send no signals: their callers bump the version."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from dichvucong import public_pages
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.signals import status_changed
from dichvucong.feedback.models import Rating
from dichvucong.payments.models import Payment


def statistics_changed(sender: Any, **kwargs: Any) -> None:
    public_pages.bump(public_pages.STATISTICS)


def connect() -> None:
    status_changed.connect(statistics_changed, dispatch_uid="public-pages:status")
    for model in (Event, Rating, Payment):
        uid = f"public-pages:{model._meta.label}"
        post_save.connect(statistics_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(statistics_changed, sender=model, dispatch_uid=uid)
    post_delete.connect(statistics_changed, sender=Dossier, dispatch_uid="public-pages:dossier")
