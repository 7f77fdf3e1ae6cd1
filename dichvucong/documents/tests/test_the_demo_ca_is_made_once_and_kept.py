"""With no certificate set, the installation makes its own demo CA once
(load_demo or the first signature) and keeps it, so yesterday's documents
still verify; it says "demo" wherever a person reads its names."""

from __future__ import annotations

import stat

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12

from dichvucong.documents.signing import demo_ca


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
