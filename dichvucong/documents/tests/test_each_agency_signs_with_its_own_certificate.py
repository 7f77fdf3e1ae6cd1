"""A district system hosts many agencies, and a ward's document carries
the ward's signature: with SIGNING_AGENCY_PKCS12 naming two wards'
certificates (issued by the test's own CA), each ward's slip is signed
with its own, and an agency without one signs with the office's."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings
from pyhanko.pdf_utils.reader import PdfFileReader

from dichvucong.documents import signing
from dichvucong.documents.signing import demo_ca
from dichvucong.documents.tests.signed import plain_pdf
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.slips.service import render_slip
from dichvucong.dossiers.testing import make_dossier

pytestmark = pytest.mark.django_db


def signers_subject(data: bytes) -> dict[str, str]:
    """The subject of the certificate that signed `data`, read by pyHanko."""
    signature = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
    return dict(signature.signer_cert.subject.native)


@pytest.fixture
def wards_certificates(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """The office's certificate and the two wards' own, all from one test
    CA, named in settings as an operator names them."""
    office = demo_ca.issue(tmp_path, "Test CA", "Test office")
    wards = {
        "T.KM": demo_ca.ensure_agency(tmp_path, "T.KM", "UBND phường Khương Mai"),
        "T.KD": demo_ca.ensure_agency(tmp_path, "T.KD", "UBND phường Khương Đình"),
    }
    with override_settings(
        SIGNING_PKCS12_PATH=str(office.pkcs12),
        SIGNING_PKCS12_PASSWORD=office.password,
        SIGNING_TRUST_ROOTS=[str(office.root)],
        SIGNING_AGENCY_PKCS12={code: str(path) for code, path in wards.items()},
        SIGNING_AGENCY_PKCS12_PASSWORDS=dict.fromkeys(wards, office.password),
    ):
        yield {code: path for code, path in wards.items() if path is not None}


def _slip_of(dossier: Dossier) -> bytes:
    return render_slip(dossier, "01") or b""


def test_each_wards_slip_is_signed_with_that_wards_certificate(cast, wards_certificates):
    ward_a = make_dossier(cast, Status.ACCEPTED)
    ward_b = make_dossier(cast, Status.ACCEPTED)
    Dossier.objects.filter(pk=ward_b.pk).update(agency=cast.agency_b)
    ward_b.refresh_from_db()

    slip_a, slip_b = _slip_of(ward_a), _slip_of(ward_b)

    assert signers_subject(slip_a)["common_name"] == "UBND phường Khương Mai"
    assert signers_subject(slip_a)["organization_name"] == "T.KM"
    assert signers_subject(slip_b)["common_name"] == "UBND phường Khương Đình"
    assert signers_subject(slip_b)["organization_name"] == "T.KD"
    for slip in (slip_a, slip_b):
        verdict = signing.verify(slip)
        assert verdict.genuine and not verdict.demo


def test_the_page_names_the_ward_that_signed(cast, wards_certificates):
    verdict = signing.verify(_slip_of(make_dossier(cast, Status.ACCEPTED)))

    assert verdict.signer == "UBND phường Khương Mai – T.KM"


def test_an_agency_without_its_own_certificate_signs_with_the_offices(cast, wards_certificates):
    # Only ward B (T.KD) named: ward A's slip falls back to the office's.
    password = demo_ca.ensure(wards_certificates["T.KD"].parent).password
    with override_settings(
        SIGNING_AGENCY_PKCS12={"T.KD": str(wards_certificates["T.KD"])},
        SIGNING_AGENCY_PKCS12_PASSWORDS={"T.KD": password},
    ):
        slip = _slip_of(make_dossier(cast, Status.ACCEPTED))
        of_no_agency = signing.sign(plain_pdf())
        genuine = signing.verify(slip).genuine

    assert signers_subject(slip)["common_name"] == "Test office"
    assert signers_subject(of_no_agency)["common_name"] == "Test office"
    assert genuine
