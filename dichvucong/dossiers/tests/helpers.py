"""Shared pieces of the applicant-side tests.

`tmp_media` is autouse: a test module that imports it keeps uploaded files
in a temporary folder instead of the developer's var/media.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.models import Dossier


@pytest.fixture(autouse=True)
def tmp_media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def logged_in(client: Client, user: Any) -> Client:
    login_verified(client, user)
    return client


def url(name: str, dossier: Dossier, *more: Any) -> str:
    return reverse(f"dossiers:{name}", args=[dossier.public_id, *more])


def page_text(response: Any) -> str:
    return response.content.decode()
