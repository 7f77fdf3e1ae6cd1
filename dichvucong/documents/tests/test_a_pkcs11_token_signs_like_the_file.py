"""The agency's key may sit on a token (USB token or HSM) instead of a
file: SoftHSM stands in for one, holding the key and certificate of a CA
of the test's own, named by the SIGNING_PKCS11_* settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.test import override_settings

from dichvucong.documents import signing
from dichvucong.documents.signing import demo_ca
from dichvucong.documents.tests.signed import plain_pdf

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN = "246810"


def _token(folder: Path, files: demo_ca.DemoFiles) -> None:
    """A SoftHSM token "office" with the key and certificate as "signer"."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    (folder / "tokens").mkdir()
    (folder / "softhsm2.conf").write_text(f"directories.tokendir = {folder / 'tokens'}\n")
    os.environ["SOFTHSM2_CONF"] = str(folder / "softhsm2.conf")
    key, cert, _ = pkcs12.load_key_and_certificates(
        files.pkcs12.read_bytes(), files.password.encode()
    )
    assert key is not None and cert is not None
    pem = folder / "key.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    init = f"softhsm2-util --init-token --free --label office --so-pin 1357911 --pin {PIN}"
    load = f"softhsm2-util --import {pem} --token office --label signer --id 01 --pin {PIN}"
    assert os.system(f"{init} >/dev/null && {load} >/dev/null") == 0  # noqa: S605
    token = pkcs11.lib(str(MODULE)).get_token(token_label="office")
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "signer",
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: cert.subject.public_bytes(),
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            }
        )


@pytest.mark.skipif(not MODULE.exists(), reason="SoftHSM is not installed (apt install softhsm2)")
def test_a_document_signed_on_the_token_verifies_as_genuine(tmp_path, monkeypatch) -> None:
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")
    monkeypatch.setenv("SOFTHSM2_CONF", "")
    files = demo_ca.issue(tmp_path / "ca", "Token CA", "UBND phường Token")
    _token(tmp_path, files)

    with override_settings(
        SIGNING_PKCS11_MODULE=str(MODULE),
        SIGNING_PKCS11_TOKEN_LABEL="office",
        SIGNING_PKCS11_KEY_LABEL="signer",
        SIGNING_PKCS11_PIN=PIN,
        SIGNING_TRUST_ROOTS=[str(files.root)],
    ):
        verdict = signing.verify(signing.sign(plain_pdf()))

    assert verdict.genuine
    assert "UBND phường Token" in verdict.signer
