"""One account for each role of the demo, on the usual casts: the dossiers
cast with the ambassador cast on top (citizen, ward A's receptionist,
specialist and leader, pupil ambassador Hà with her login), the outreach
cast (education office, coordinator of school A, district leadership) and
an administrator as the demo makes one (Django admin included)."""

from __future__ import annotations

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.outreach.tests.cast import make_outreach_cast
from dichvucong.outreach.tests.helpers_tests.cast import make_helpers_cast

ROLES = (
    "citizen",
    "receptionist",
    "specialist",
    "leader",
    "administrator",
    "education office",
    "school coordinator",
    "district leadership",
    "pupil ambassador",
)


def make_everyone() -> dict[str, User]:
    oc = make_outreach_cast()
    # Both casts name their citizen 001090012345.
    User.objects.filter(pk=oc.citizen.pk).update(username="oc-001090012345")
    hc = make_helpers_cast()
    cast = hc.cast
    administrator = User.objects.create_user(
        username="quantri",
        password="matkhau-demo-1",
        full_name="Quản trị hệ thống",
        kind=AccountKind.STAFF,
        is_staff=True,
        is_superuser=True,
    )
    StaffRole.objects.create(user=administrator, role=Role.ADMINISTRATOR, agency=oc.committee)
    return {
        "citizen": cast.applicant,
        "receptionist": cast.receptionist_a,
        "specialist": cast.specialist_a,
        "leader": cast.leader_a,
        "administrator": administrator,
        "education office": oc.education,
        "school coordinator": oc.coordinator_a,
        "district leadership": oc.leadership,
        "pupil ambassador": hc.helper,
    }
