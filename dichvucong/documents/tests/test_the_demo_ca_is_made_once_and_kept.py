"""With no certificate set, the installation makes its own demo CA once
(load_demo or the first signature) and keeps it, so yesterday's documents
still verify; it says "demo" wherever a person reads its names. Each
agency gets its own certificate from it at its first signature, kept too."""

from __future__ import annotations

import io
import stat

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.management import call_command
from django.test import override_settings
from pyhanko.pdf_utils.reader import PdfFileReader

from dichvucong.documents import signing
from dichvucong.documents.signing import demo_ca
from dichvucong.documents.tests.agencies import two_agencies
from dichvucong.documents.tests.signed import plain_pdf


def test_the_second_call_finds_the_first_ones_files(tmp_path) -> None:
    first = demo_ca.ensure(tmp_path)
    root = first.root.read_bytes()

    second = demo_ca.ensure(tmp_path)

    assert second == first
    assert second.root.read_bytes() == root


def test_the_office_certificate_is_issued_by_a_ca_named_demo(tmp_path) -> None:
    files = demo_ca.ensure(tmp_path)

    root = x509.load_pem_x509_certificate(files.root.read_bytes())
    key, office, chain = pkcs12.load_key_and_certificates(
        files.pkcs12.read_bytes(), files.password.encode()
    )

    assert key is not None and office is not None
    assert "DEMO" in root.subject.rfc4514_string()
    assert "thử nghiệm" in office.subject.rfc4514_string()
    assert office.issuer == root.subject
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert [c.subject for c in chain] == [root.subject]


def test_the_key_and_its_password_are_readable_by_the_owner_only(tmp_path) -> None:
    files = demo_ca.ensure(tmp_path)

    for path in (files.pkcs12, tmp_path / demo_ca.PASSWORD_FILE):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _certificate(files: demo_ca.DemoFiles, path) -> x509.Certificate:
    _, certificate, _ = pkcs12.load_key_and_certificates(
        path.read_bytes(), files.password.encode()
    )
    assert certificate is not None
    return certificate


def test_an_agencys_certificate_names_it_and_is_issued_once_by_the_demo_ca(tmp_path) -> None:
    files = demo_ca.ensure(tmp_path)
    first = demo_ca.ensure_agency(tmp_path, "T.KM", "UBND phường Khương Mai")
    assert first is not None
    made = first.read_bytes()

    again = demo_ca.ensure_agency(tmp_path, "T.KM", "UBND phường Khương Mai")
    other = demo_ca.ensure_agency(tmp_path, "T.KD", "UBND phường Khương Đình")

    assert again == first and first.read_bytes() == made
    assert other is not None and other != first
    certificate = _certificate(files, first)
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "UBND phường Khương Mai"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "T.KM"
    root = x509.load_pem_x509_certificate(files.root.read_bytes())
    assert certificate.issuer == root.subject
    assert stat.S_IMODE(first.stat().st_mode) == 0o600


def test_a_demo_ca_made_before_agencies_had_their_own_lets_them_sign_as_the_office(
    tmp_path,
) -> None:
    demo_ca.ensure(tmp_path)
    (tmp_path / demo_ca.CA_KEY_FILE).unlink()  # as an older demo CA left it

    assert demo_ca.ensure_agency(tmp_path, "T.KM", "UBND phường Khương Mai") is None


@pytest.mark.django_db
def test_in_the_demo_each_agency_signs_with_its_own_certificate_made_once(tmp_path) -> None:
    committee, office = two_agencies()
    with override_settings(SIGNING_DEMO_DIR=tmp_path):
        by_committee = signing.sign(plain_pdf(), committee)
        by_office = signing.sign(plain_pdf(), office)
        made = {path: path.read_bytes() for path in tmp_path.glob("agency-*.p12")}
        signing.sign(plain_pdf(), committee)
        verdicts = [signing.verify(by_committee), signing.verify(by_office)]

    assert len(made) == 2
    assert {path: path.read_bytes() for path in tmp_path.glob("agency-*.p12")} == made
    assert [v.signer for v in verdicts] == [
        "UBND quận Thanh Xuân – D.TX",
        "Phòng Giáo dục và Đào tạo – D.GD",
    ]
    assert all(v.genuine and v.demo for v in verdicts)
    signer = PdfFileReader(io.BytesIO(by_committee)).embedded_signatures[0].signer_cert
    assert signer.subject.native["common_name"] == "UBND quận Thanh Xuân"


def test_the_command_prints_a_configuration_with_the_agencies_own_certificates(tmp_path) -> None:
    output = io.StringIO()

    call_command(
        "signing_demo_ca", "--into", str(tmp_path), "--agency", "T.KM=UBND phường Khương Mai",
        stdout=output,
    )

    lines = dict(line.split("=", 1) for line in output.getvalue().splitlines())
    assert lines["SIGNING_AGENCY_PKCS12"] == f'"T.KM={demo_ca.agency_file(tmp_path, "T.KM")}"'
    assert lines["SIGNING_AGENCY_PKCS12_PASSWORDS"] == f'"T.KM={lines["SIGNING_PKCS12_PASSWORD"]}"'
    assert demo_ca.agency_file(tmp_path, "T.KM").exists()
