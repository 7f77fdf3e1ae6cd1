"""A small certificate authority of its own, for the demo and the tests:
a root ("DEMO CA") and one office signing certificate issued by it, kept
as PEM and PKCS#12 files in a folder (var/signing-demo/ by default, never
committed). Made once and reused, so documents signed yesterday still
verify today.

`issue` is also what `manage.py signing_demo_ca --into DIR` runs, to try a
configuration with real files (SIGNING_PKCS12_PATH, SIGNING_TRUST_ROOTS).
Keys are ECDSA P-256: quick to make and to sign with; a real agency's
certificate may be RSA, pyHanko takes either."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

# Both names say "demo" where the verification page shows them.
# (A name is at most 64 characters.)
CA_NAME = "dichvucong DEMO CA (thử nghiệm)"
OFFICE_NAME = "UBND quận Thanh Xuân (chứng thư thử nghiệm)"
ORGANISATION = "Bản trình diễn – không có giá trị pháp lý"
ROOT_FILE = "demo-ca.pem"
SIGNER_FILE = "signer.p12"
PASSWORD_FILE = "signer.password"
CA_YEARS = 20
# Valid from well before it is made: documents dated back (tests that
# travel in time, a demo of last year's dossiers) still verify.
VALID_FROM = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
SIGNER_YEARS = 10


@dataclass(frozen=True)
class DemoFiles:
    root: Path  # PEM: the trust root
    pkcs12: Path  # the office certificate, its key and the chain
    password: str


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _usage(*, sign_documents: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign_documents,
        content_commitment=sign_documents,  # non-repudiation, which pyHanko asks of signers
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not sign_documents,
        crl_sign=not sign_documents,
        encipher_only=False,
        decipher_only=False,
    )


def _certificate(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Name,
    issuer_key: ec.EllipticCurvePrivateKey,
    years: int,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    is_ca = subject == issuer
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=0 if is_ca else None), True)
        .add_extension(_usage(sign_documents=not is_ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
        .sign(issuer_key, hashes.SHA256())
    )


def issue(folder: Path, ca_name: str = CA_NAME, office_name: str = OFFICE_NAME) -> DemoFiles:
    """A new CA and office certificate written into `folder` (replacing
    any there). The files appear whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = _certificate(_name(ca_name), ca_key, _name(ca_name), ca_key, CA_YEARS)
    office = _certificate(_name(office_name), key, root.subject, ca_key, SIGNER_YEARS)
    password = secrets.token_urlsafe(18)
    bundle = pkcs12.serialize_key_and_certificates(
        b"signer", key, office, [root], serialization.BestAvailableEncryption(password.encode())
    )
    files = DemoFiles(folder / ROOT_FILE, folder / SIGNER_FILE, password)
    _write(folder / PASSWORD_FILE, password.encode())
    _write(files.pkcs12, bundle)
    # The root last: its presence says the set is complete.
    _write(files.root, root.public_bytes(serialization.Encoding.PEM), 0o644)  # public
    return files


def _write(path: Path, data: bytes, mode: int = 0o600) -> None:
    partial = path.with_suffix(path.suffix + ".part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(partial, path)


def _existing(folder: Path) -> DemoFiles | None:
    root, bundle, password = folder / ROOT_FILE, folder / SIGNER_FILE, folder / PASSWORD_FILE
    if not (root.exists() and bundle.exists() and password.exists()):
        return None
    return DemoFiles(root, bundle, password.read_text().strip())


def ensure(folder: Path) -> DemoFiles:
    """The demo CA in `folder`, made on first use. A file lock keeps two
    processes starting together (gunicorn workers, Celery) from making two
    CAs, which would leave one's documents unverifiable."""
    found = _existing(folder)
    if found is not None:
        return found
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _existing(folder) or issue(folder)
