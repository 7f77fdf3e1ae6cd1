"""Migration 0011: the dossiers submitted before Dossier.residential_group
existed get it by the rule submission uses (dossiers.places): the e-form
address's group first, then the account's; drafts get none."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from dichvucong.accounts.models import CitizenProfile
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.places import submitted_from
from dichvucong.dossiers.testing import make_dossier, make_draft
from dichvucong.dossiers.tests.reorganisation_cast import add_groups_to_ward_b, submit_at_ward_b

pytestmark = pytest.mark.django_db
backfill = import_module("dichvucong.dossiers.migrations.0011_backfill_dossier_residential_group")


def test_the_backfill_follows_the_submission_rule(cast, tmp_path, settings, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(backfill, "WINDOW", 1)  # every window boundary is crossed
    group_1, group_2 = add_groups_to_ward_b(cast)
    by_address = submit_at_ward_b(cast, group_1, account_group=group_2)
    CitizenProfile.objects.filter(user=cast.applicant).update(residential_group=cast.group_a)
    by_account = make_dossier(cast, Status.RETURNED)
    unknown = make_dossier(cast, Status.REFUSED)
    address = {"ward": cast.ward_a.pk, "group": 999999, "street": "1 Phố Lạ"}
    Dossier.objects.filter(pk=unknown.pk).update(form_data={"home": address, "x": [1]})
    draft = make_draft(cast)
    expected = {
        by_address.pk: group_1.pk,
        by_account.pk: cast.group_a.pk,
        unknown.pk: cast.group_a.pk,
        draft.pk: None,
    }
    assert by_address.residential_group_id == group_1.pk
    Dossier.objects.update(residential_group=None)

    backfill.backfill(apps, None)

    found = dict(Dossier.objects.values_list("pk", "residential_group_id"))
    assert found == expected
    # The same rule as a submission today.
    for pk in (by_address.pk, by_account.pk, unknown.pk):
        assert submitted_from(Dossier.objects.get(pk=pk)) == expected[pk]
