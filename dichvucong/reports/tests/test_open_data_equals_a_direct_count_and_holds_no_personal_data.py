"""Open data per agency and month: the same counts as a row-by-row count,
and nothing that names a person or a dossier."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.dossiers.models import Dossier
from dichvucong.reports.opendata import COUNT_FIELDS
from dichvucong.reports.tests.expected import count

NAMES = {name: attr for name, (_d, attr) in COUNT_FIELDS.items()}


def expected_records(start: date, end: date, today: date) -> dict[tuple, dict[str, int]]:
    counts = count("agency_month", start, end, today)
    records = {}
    for key, c in counts.items():
        # "online" is every received dossier: all come through the portal.
        values = {name: c["received" if attr == "online" else attr] for name, attr in NAMES.items()}
        records[key] = values
    return records


def test_json_equals_a_direct_count(client, world, frozen):
    response = client.get("/du-lieu-mo/thong-ke.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document["ky_bao_cao"] == {"tu_ngay": "2025-01-01", "den_ngay": "2025-12-31"}
    shown = {
        (r["ma_co_quan"], r["nam"], r["thang"]): {n: r[n] for n in NAMES}
        for r in document["du_lieu"]
    }
    assert shown == expected_records(date(2025, 1, 1), date(2025, 12, 31), frozen)
    assert set(document["truong_du_lieu"]) == set(document["du_lieu"][0])


def test_csv_equals_a_direct_count_for_a_date_range(client, world, frozen):
    response = client.get(
        "/du-lieu-mo/thong-ke.csv", {"tu_ngay": "01/11/2024", "den_ngay": "31/01/2025"}
    )
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    shown = {
        (r["ma_co_quan"], int(r["nam"]), int(r["thang"])): {n: int(r[n]) for n in NAMES}
        for r in rows
    }
    assert shown == expected_records(date(2024, 11, 1), date(2025, 1, 31), frozen)
    assert {r["co_quan"] for r in rows} >= {"UBND phường Khương Mai"}


def test_no_personal_data_in_either_file(client, cast, world, frozen):
    dossiers = list(Dossier.objects.exclude(code=None))
    secrets = set()
    for dossier in dossiers:
        secrets |= {
            dossier.applicant_name,
            dossier.applicant_phone,
            dossier.applicant_id_number,
            dossier.applicant_email,
            dossier.code,
        }
    for profile in CitizenProfile.objects.all():
        secrets |= {profile.id_number, profile.phone, profile.address}
    secrets |= {user.get_full_name() for user in User.objects.all()}
    secrets |= {str(dossier.public_id) for dossier in dossiers}
    assert len(secrets) > 300
    for url in (
        "/du-lieu-mo/thong-ke.json",
        "/du-lieu-mo/thong-ke.csv",
        "/du-lieu-mo/thong-ke.json?nam=2024",
    ):
        body = client.get(url).content.decode("utf-8-sig")
        body = json.dumps(json.loads(body), ensure_ascii=False) if url.find("json") > 0 else body
        leaked = [secret for secret in secrets if secret and secret in body]
        assert leaked == [], url


def test_the_public_page_shows_no_personal_data_either(client, world, frozen):
    body = client.get("/thong-ke/").content.decode()
    for dossier in Dossier.objects.exclude(code=None):
        assert dossier.code not in body
        assert dossier.applicant_name not in body
        assert dossier.applicant_phone not in body
