"""One demo ambassador pupil with a login and the demo password, so the
helper's journey (help a neighbour submit, the neighbour confirms with a
code) can be tried from the demo page. The first active ambassador with
full consent, after the activity is loaded."""

from __future__ import annotations

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.demo.people import DEMO_PASSWORD, DemoAccount
from dichvucong.demo.store import Tally
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.practice import pupil_username
from dichvucong.outreach.services import has_full_consent


def load_pupil_helper(tally: Tally, *, reset_password: bool = False) -> DemoAccount | None:
    ambassador = _chosen()
    if ambassador is None or ambassador.pupil is None:
        return None
    user = ambassador.user
    if user is None:
        user = User.objects.create_user(
            username=pupil_username(ambassador.pupil),
            password=DEMO_PASSWORD,
            full_name=ambassador.pupil.full_name,
            kind=AccountKind.CITIZEN,
        )
        Ambassador.objects.filter(pk=ambassador.pk).update(user=user)
        tally.created[User._meta.label] += 1
    elif reset_password or not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    school = ambassador.pupil.school_class.school.name
    return DemoAccount("Học sinh đại sứ số", user.username, school)


def _chosen() -> Ambassador | None:
    rows = Ambassador.objects.filter(active=True, pupil__isnull=False).select_related(
        "pupil__school_class__school", "user"
    )
    for row in rows.order_by("pk")[:50]:
        if row.pupil is not None and has_full_consent(row.pupil):
            return row
    return None


def pupil_helper() -> User | None:
    """The demo's pupil helper, once loaded."""
    ambassador = _chosen()
    return ambassador.user if ambassador is not None else None
