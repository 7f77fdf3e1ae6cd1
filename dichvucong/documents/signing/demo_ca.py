"""A small certificate authority of its own, for the demo and the tests:
a root ("DEMO CA") and one office signing certificate issued by it, kept
as PEM and PKCS#12 files in a folder (var/signing-demo/ by default, never
committed). Made once and reused, so documents signed yesterday still
verify today. Each agency that signs gets a certificate of its own from
the same root (`ensure_agency`), made at its first signature and kept.

`issue` is also what `manage.py signing_demo_ca --into DIR` runs, to try a
configuration with real files (SIGNING_PKCS12_PATH, SIGNING_TRUST_ROOTS).
Keys are ECDSA P-256: quick to make and to sign with; a real agency's
certificate may be RSA, pyHanko takes either."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import re
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
CA_KEY_FILE = "demo-ca.key"  # to issue agencies' certificates later
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


def agency_name(unit_code: str, name: str) -> x509.Name:
    """An agency's subject: its name (cut to the 64 characters a name may
    have) and its unit code as the organisation; "demo" in the unit."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit_code[:64]),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, name[:64]),
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
    ca_pem = ca_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password.encode()),
    )
    _write(folder / CA_KEY_FILE, ca_pem)
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


def agency_file(folder: Path, unit_code: str) -> Path:
    """Where the agency's certificate is kept: the unit code made safe for
    a file name, and a short hash of it so that two codes never share one."""
    safe = re.sub(r"[^A-Za-z0-9.-]", "_", unit_code)
    digest = hashlib.sha256(unit_code.encode()).hexdigest()[:8]
    return folder / f"agency-{safe}-{digest}.p12"


def ensure_agency(folder: Path, unit_code: str, name: str) -> Path | None:
    """The PKCS#12 file (with the demo CA's password) of the agency's
    certificate, issued by the demo CA in `folder` on first use; None for
    a demo CA made before agencies had their own (no CA key kept), whose
    agencies sign with the office certificate."""
    files = ensure(folder)
    path = agency_file(folder, unit_code)
    if path.exists():
        return path
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path
        return _issue_agency(folder, files, path, agency_name(unit_code, name))


def _issue_agency(folder: Path, files: DemoFiles, path: Path, subject: x509.Name) -> Path | None:
    if not (folder / CA_KEY_FILE).exists():
        return None
    ca_key = serialization.load_pem_private_key(
        (folder / CA_KEY_FILE).read_bytes(), files.password.encode()
    )
    assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
    root = x509.load_pem_x509_certificate(files.root.read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate(subject, key, root.subject, ca_key, SIGNER_YEARS)
    encryption = serialization.BestAvailableEncryption(files.password.encode())
    bundle = pkcs12.serialize_key_and_certificates(b"signer", key, certificate, [root], encryption)
    _write(path, bundle)
    return path
