"""Changes made in the Django admin, as audit entries.

The admin writes its own history (LogEntry) for each object added, changed
or deleted; each such row becomes an entry with the address, naming the
object by its type and id only: the admin's `object_repr` is the object's
str(), often a person's name (a pupil's, which must go on erasure), and
its change message may quote inline objects the same way, so only the
names of the changed fields are kept.

Deleting several objects at once is written by the admin in one bulk
insert, which sends no signal; AuditMiddleware records that request with
the ids selected (`selected_objects`).
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.http import HttpRequest

from dichvucong.audit import service
from dichvucong.audit.constants import Action

VERBS = {ADDITION: "Thêm", CHANGE: "Sửa", DELETION: "Xóa"}
MAX_IDS = 100


def changed_fields(change_message: str) -> list[str]:
    """The field names of the admin's JSON change message; nothing else."""
    try:
        parts = json.loads(change_message or "[]")
    except ValueError:
        return []
    fields: list[str] = []
    for part in parts if isinstance(parts, list) else []:
        for change in part.values() if isinstance(part, dict) else []:
            if isinstance(change, dict):
                fields += [str(name) for name in change.get("fields", []) if name not in fields]
    return fields


def record_entry(entry: LogEntry) -> None:
    content_type = entry.content_type
    model = content_type.model_class() if content_type else None
    kind = str(model._meta.verbose_name) if model else getattr(content_type, "model", "?")
    label = f"{content_type.app_label}.{content_type.model}" if content_type else "?"
    service.record(
        Action.ADMIN,
        f"{VERBS.get(entry.action_flag, 'Thay đổi')} {kind}",
        actor=entry.user,
        target=f"{label} #{entry.object_id}",
        detail={"fields": changed_fields(entry.change_message)},
    )


def selected_objects(request: HttpRequest) -> dict[str, Any]:
    """For a request in the admin: the changelist action chosen and the ids
    of the objects it was applied to (ids only, never their names)."""
    match = getattr(request, "resolver_match", None)
    in_admin = match is not None and match.namespace == "admin"
    if not in_admin or request.method != "POST" or "form" not in request.content_type:
        return {}
    ids = request.POST.getlist(ACTION_CHECKBOX_NAME)
    if not ids:
        return {}
    return {"admin_action": request.POST.get("action", "")[:50], "ids": ids[:MAX_IDS]}
