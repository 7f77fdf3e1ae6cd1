"""Where the signing key and the trust roots come from (settings.py,
"Digital signatures"): a PKCS#12 file, a PKCS#11 token, or with neither
the demo CA of this installation. Read once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import x509
from django.conf import settings
from pyhanko.keys import load_certs_from_pemder
from pyhanko.sign import signers

from dichvucong.documents.signing import demo_ca


@dataclass(frozen=True)
class Keys:
    signer: signers.Signer
    trust_roots: tuple[x509.Certificate, ...]
    # The demo CA's root: documents it signed are labelled as demo ones.
    demo_root: x509.Certificate | None = None


def is_demo() -> bool:
    """Signing with the demo CA: nothing names a real certificate."""
    return not (settings.SIGNING_PKCS12_PATH or settings.SIGNING_PKCS11_MODULE)


def _trust_roots(paths: list[str]) -> tuple[x509.Certificate, ...]:
    return tuple(load_certs_from_pemder(paths))


def _from_pkcs12(path: str, password: str) -> signers.Signer:
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            Path(path).read_bytes(), other_certs=[], passphrase=password.encode()
        )
    except ValueError:
        raise ValueError(f"cannot open {path}: wrong password or not a PKCS#12 file") from None


def _from_pkcs11() -> signers.Signer:
    # Imported here: python-pkcs11 is needed only by those who use a token.
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    session = pkcs11.open_pkcs11_session(
        settings.SIGNING_PKCS11_MODULE,
        token_criteria=TokenCriteria(label=settings.SIGNING_PKCS11_TOKEN_LABEL),
        user_pin=settings.SIGNING_PKCS11_PIN or None,
    )
    key_label = settings.SIGNING_PKCS11_KEY_LABEL
    return pkcs11.PKCS11Signer(
        session,
        key_label=key_label,
        cert_label=settings.SIGNING_PKCS11_CERT_LABEL or key_label,
        # Hash here, sign the digest on the token (CKM_RSA_PKCS, CKM_ECDSA):
        # the mechanisms every token has; several (SoftHSM among them)
        # lack the combined hash-and-sign ones for ECDSA.
        use_raw_mechanism=True,
    )


def _demo() -> Keys:
    files = demo_ca.ensure(Path(settings.SIGNING_DEMO_DIR))
    roots = _trust_roots([str(files.root)])
    return Keys(_from_pkcs12(str(files.pkcs12), files.password), roots, roots[0])


def load() -> Keys:
    if settings.SIGNING_PKCS12_PATH:
        signer = _from_pkcs12(settings.SIGNING_PKCS12_PATH, settings.SIGNING_PKCS12_PASSWORD)
    elif settings.SIGNING_PKCS11_MODULE:
        signer = _from_pkcs11()
    else:
        return _demo()
    return Keys(signer, _trust_roots(settings.SIGNING_TRUST_ROOTS))


@functools.cache
def keys() -> Keys:
    """The process's keys, loaded on first use (a PKCS#11 session is opened
    after the server forks its workers, never shared between them)."""
    return load()


def reset(*args: Any, **kwargs: Any) -> None:
    """Forget the loaded keys (tests that change the settings)."""
    keys.cache_clear()
