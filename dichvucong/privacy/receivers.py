"""A dossier submitted (dossiers.signals.status_changed, inside the
submitting transaction): the version of the notice its pages showed is
recorded with it (notices.kind_for_dossier says which notice)."""

from __future__ import annotations

from typing import Any

from dichvucong.dossiers.constants import Status
from dichvucong.privacy.notices import kind_for_dossier
from dichvucong.privacy.services import acknowledge


def on_status_changed(sender: Any, dossier: Any, event: Any, **kwargs: Any) -> None:
    if event.from_status == Status.DRAFT and event.to_status == Status.SUBMITTED:
        acknowledge(kind_for_dossier(dossier), dossier=dossier)
