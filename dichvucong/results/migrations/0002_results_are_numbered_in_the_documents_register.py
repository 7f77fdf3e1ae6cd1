"""Results take their numbers of issue from documents' register (one
NumberSeries of kind "KQ" per agency and year) instead of their own
ResultRegister: each register's counter becomes the series' last number,
and each issued draft's number an IssuedNumber "results.draft:<pk>".
Reversing writes the counters back and removes what was moved."""

from django.db import migrations

KIND = "KQ"  # results.service.REGISTER_KIND, frozen here
PREFIX = "results.draft:"


def _series(NumberSeries, agency_id, year, last):
    series, _created = NumberSeries.objects.get_or_create(
        agency_id=agency_id, kind=KIND, year=year
    )
    if series.last_number < last:
        series.last_number = last
        series.save(update_fields=["last_number"])
    return series


def forwards(apps, schema_editor):
    ResultRegister = apps.get_model("results", "ResultRegister")
    ResultDraft = apps.get_model("results", "ResultDraft")
    NumberSeries = apps.get_model("documents", "NumberSeries")
    IssuedNumber = apps.get_model("documents", "IssuedNumber")
    for register in ResultRegister.objects.all():
        _series(NumberSeries, register.agency_id, register.year, register.last)
    issued = ResultDraft.objects.exclude(number=None).exclude(agency=None).exclude(year=None)
    for draft in issued.order_by("agency_id", "year", "number"):
        series = _series(NumberSeries, draft.agency_id, draft.year, draft.number)
        IssuedNumber.objects.get_or_create(
            reference=f"{PREFIX}{draft.pk}",
            defaults={
                "series": series,
                "number": draft.number,
                "issued_at": draft.issued_at or draft.updated_at,
            },
        )


def backwards(apps, schema_editor):
    ResultRegister = apps.get_model("results", "ResultRegister")
    NumberSeries = apps.get_model("documents", "NumberSeries")
    IssuedNumber = apps.get_model("documents", "IssuedNumber")
    for series in NumberSeries.objects.filter(kind=KIND):
        ResultRegister.objects.update_or_create(
            agency_id=series.agency_id, year=series.year, defaults={"last": series.last_number}
        )
    IssuedNumber.objects.filter(reference__startswith=PREFIX).delete()
    NumberSeries.objects.filter(kind=KIND, numbers=None).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0001_initial"),
        ("results", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="ResultRegister"),
    ]
