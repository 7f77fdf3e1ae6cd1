"""Every dossier already submitted keeps the residential group it was
submitted from, by the rule new submissions follow (dossiers.places): the
account's group in one UPDATE, then, only for the dossiers whose e-form
names a group, the e-form's group, read in windows of primary keys."""

from django.db import migrations
from django.db.models import Exists, Max, Min, OuterRef, Subquery, TextField
from django.db.models.functions import Cast

from dichvucong.dossiers.places import address_units, declared_groups, first_group

DRAFT = 0
GROUP = "group"
WINDOW = 20000


def backfill(apps, schema_editor):
    Dossier = apps.get_model("dossiers", "Dossier")
    CitizenProfile = apps.get_model("accounts", "CitizenProfile")
    AdminUnit = apps.get_model("catalogue", "AdminUnit")
    submitted = Dossier.objects.exclude(status=DRAFT)
    account = CitizenProfile.objects.filter(user_id=OuterRef("applicant_id"))
    # Only the dossiers of an account with a group are written.
    with_group = account.filter(residential_group__isnull=False)
    submitted.filter(Exists(with_group), residential_group__isnull=True).update(
        residential_group_id=Subquery(account.values("residential_group_id")[:1])
    )
    known = set(AdminUnit.objects.filter(level=GROUP).values_list("pk", flat=True))
    if not known:
        return
    named = submitted.annotate(text=Cast("form_data", TextField())).filter(
        text__contains='"group"'
    )
    bounds = submitted.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return
    # Windows of primary keys, each read by the key's index: one pass over
    # the table in all, whatever share of it names a group.
    for low in range(bounds["low"], bounds["high"] + 1, WINDOW):
        rows = named.filter(pk__gte=low, pk__lt=low + WINDOW).values_list(
            "pk", "form_data", "residential_group_id"
        )
        _choose(Dossier, rows, known)


def _choose(Dossier, rows, known):
    changed: dict[int | None, list[int]] = {}
    for pk, form_data, group in rows:
        if not address_units(form_data, "group"):
            continue
        chosen = first_group(declared_groups(form_data, group), known)
        if chosen != group:
            changed.setdefault(chosen, []).append(pk)
    # One UPDATE per group of the window: a few groups, many dossiers.
    for chosen, ids in changed.items():
        Dossier.objects.filter(pk__in=ids).update(residential_group_id=chosen)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_national_eid_link"),
        ("dossiers", "0010_dossier_residential_group"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
