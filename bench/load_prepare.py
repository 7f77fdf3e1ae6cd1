"""What the load benchmark's simulated people need, read from the bench
database and written to a JSON file for locust (bench/locustfile.py).

    python bench/load_prepare.py OUT.json   (run by bench/load_bench.py)

Runs with the bench's production settings (DEBUG off, sessions in Redis),
so the sessions it opens are the ones gunicorn will find: a citizen with
the most dossiers, the demo receptionist of Khương Mai (second factor
verified, as after a real log-in) and the education office. No password is
typed and no second-factor code is guessed: the sessions are opened the
way Django's test client does, the only shortcut taken.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STAFF = {"receptionist": "kmai.motcua", "education": "gddt"}
SAMPLE = 200  # ids of each kind handed to locust, picked at random among them


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dichvucong.settings")
    import django

    django.setup()


def session_for(user: Any) -> str:
    """A logged-in session in the shared session store, its second factor
    verified with the user's confirmed device when it has one."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

    from dichvucong.accounts.middleware import stamp_login

    client = Client()
    client.force_login(user)
    session = client.session
    device = next(iter(devices_for_user(user)), None)
    if device is not None:
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    stamp_login(session)
    session.save()
    return session.session_key


def busiest_applicant() -> Any:
    """The account with the most dossiers: a big organisation's list."""
    from django.db.models import Count

    from dichvucong.accounts.models import User
    from dichvucong.dossiers.models import Dossier

    top = (
        Dossier.objects.values("applicant_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("applicant_id", "n")[:1]
    )
    applicant_id, count = top[0]
    return User.objects.get(pk=applicant_id), count


def sample(queryset: Any, field: str) -> list[Any]:
    """A few hundred values of `field`, spread over the table (the highest
    and some random ids), without sorting the whole table at random."""
    from django.db.models import Max

    top = queryset.aggregate(top=Max("pk"))["top"] or 0
    picks = random.Random(7).sample(range(1, top + 1), min(top, SAMPLE * 5))
    values = list(queryset.filter(pk__in=picks).values_list(field, flat=True)[:SAMPLE])
    if len(values) < SAMPLE:  # a small part of a big table: random ids miss it
        newest = queryset.order_by("-pk").values_list(field, flat=True)[:SAMPLE]
        values = list(dict.fromkeys([*values, *newest]))[:SAMPLE]
    return [str(value) for value in values]


def submission_plan(user: Any) -> dict[str, Any]:
    """A level-4 ward procedure (its fee is paid after the office accepts) and its form
    filled the way the demo fills one (demo.filled), with its required
    documents' ids: what the API's submission steps need."""
    from dichvucong.accounts.services import citizen_profile
    from dichvucong.catalogue.constants import OnlineLevel
    from dichvucong.catalogue.models import Procedure
    from dichvucong.demo import filled
    from dichvucong.dossiers.eforms import initial_for

    profile = citizen_profile(user)
    procedures = Procedure.objects.filter(online_level=OnlineLevel.FULL, handling_level="ward")
    procedure = procedures.exclude(form_schema=[]).order_by("-code").first()
    group = profile.residential_group or profile.ward.children.order_by("pk").first()
    neighbour = SimpleNamespace(ward=profile.ward, group=group, user=user)
    rng = random.Random(3)
    data = initial_for(procedure.form_schema, user)
    for step in procedure.form_schema:
        for spec in step.get("fields", []):
            if spec.get("required") and data.get(spec["name"]) in (None, ""):
                value = filled.sample_value(spec, rng, neighbour, lambda sex: "Nguyễn Văn An")
                if value is not None:
                    data[spec["name"]] = value
    documents = list(procedure.documents.filter(required=True).values_list("pk", flat=True))
    return {"procedure": procedure.code, "form": data, "documents": documents}


def lookups() -> list[dict[str, str]]:
    """(code, phone) pairs of real submitted dossiers: what a visitor types."""
    from dichvucong.dossiers.models import Dossier

    pks = sample(Dossier.objects.exclude(code=None).exclude(applicant_phone=""), "pk")
    rows = Dossier.objects.filter(pk__in=pks).values_list("code", "applicant_phone")
    return [{"code": code, "factor": phone} for code, phone in rows]


def state() -> dict[str, Any]:
    from dichvucong.accounts.models import User
    from dichvucong.catalogue.models import Procedure
    from dichvucong.demo.people import CITIZEN_ID
    from dichvucong.dossiers.models import Dossier
    from dichvucong.outreach.models import Campaign

    busiest, count = busiest_applicant()
    citizen = User.objects.get(username=CITIZEN_ID)
    receptionist = User.objects.get(username=STAFF["receptionist"])
    from django.db.models import Q

    ward = Q(agency__admin_unit__name__endswith="Khương Mai")  # "Phường Khương Mai"
    # What her queue lists: practice runs are no office's dossiers (404).
    ward_dossiers = Dossier.objects.filter(ward, is_practice=False).exclude(code=None)
    return {
        "dossiers": Dossier.objects.count(),
        "busiest": {"session": session_for(busiest), "dossiers": count},
        # Submitted ones: a draft's page redirects (302) to its form.
        "busiest_dossiers": sample(
            Dossier.objects.filter(applicant=busiest).exclude(status=0), "public_id"
        ),
        "citizen": {"session": session_for(citizen)},
        "submission": submission_plan(citizen),
        "receptionist": {"session": session_for(receptionist)},
        "ward_dossiers": sample(ward_dossiers, "public_id"),
        "education": {"session": session_for(User.objects.get(username=STAFF["education"]))},
        "campaign": Campaign.objects.order_by("-start_date").values_list("pk", flat=True)[0],
        "procedures": sample(Procedure.objects.all(), "code"),
        "lookups": lookups(),
    }


def main() -> None:
    setup()
    Path(sys.argv[1]).write_text(json.dumps(state(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
