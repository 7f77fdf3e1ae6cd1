"""Where the signing keys and the trust roots come from (settings.py,
"Digital signatures"): the office's PKCS#12 file or PKCS#11 token, with
agencies' own PKCS#12 files on top of it; or with neither the demo CA of
this installation, which gives each agency a certificate of its own.
Read once per process; a demo agency's key at its first signature."""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import x509
from django.conf import settings
from pyhanko.keys import load_certs_from_pemder
from pyhanko.sign import signers

from dichvucong.documents.signing import demo_ca

if TYPE_CHECKING:
    from dichvucong.catalogue.models import Agency


@dataclass(frozen=True)
class Keys:
    signer: signers.Signer  # the office's: agencies without their own sign with it
    trust_roots: tuple[x509.Certificate, ...]
    # The demo CA's root: documents it signed are labelled as demo ones.
    demo_root: x509.Certificate | None = None
    # SIGNING_AGENCY_PKCS12: the agencies' own, by unit code.
    agencies: Mapping[str, signers.Signer] = field(default_factory=dict)


def is_demo() -> bool:
    """Signing with the demo CA: nothing names a real certificate."""
    return not (settings.SIGNING_PKCS12_PATH or settings.SIGNING_PKCS11_MODULE)


def _trust_roots(paths: list[str]) -> tuple[x509.Certificate, ...]:
    return tuple(load_certs_from_pemder(paths))


def _from_pkcs12(path: str, password: str, whose: str = "") -> signers.Signer:
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            Path(path).read_bytes(), other_certs=[], passphrase=password.encode()
        )
    except ValueError:
        raise ValueError(
            f"cannot open {path}{whose}: wrong password or not a PKCS#12 file"
        ) from None


def _agencies() -> dict[str, signers.Signer]:
    passwords = settings.SIGNING_AGENCY_PKCS12_PASSWORDS
    return {
        code: _from_pkcs12(path, passwords[code], f" (agency {code})")
        for code, path in settings.SIGNING_AGENCY_PKCS12.items()
    }


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
    return Keys(signer, _trust_roots(settings.SIGNING_TRUST_ROOTS), agencies=_agencies())


@functools.cache
def keys() -> Keys:
    """The process's keys, loaded on first use (a PKCS#11 session is opened
    after the server forks its workers, never shared between them)."""
    return load()


_demo_agencies: dict[str, signers.Signer] = {}
_demo_lock = threading.Lock()


def _demo_agency(agency: Agency, office: signers.Signer) -> signers.Signer:
    """The demo CA's certificate of `agency`, made at its first signature
    (the office's if the demo CA cannot issue one: see ensure_agency)."""
    with _demo_lock:
        found = _demo_agencies.get(agency.unit_code)
        if found is None:
            folder = Path(settings.SIGNING_DEMO_DIR)
            path = demo_ca.ensure_agency(folder, agency.unit_code, agency.name)
            password = demo_ca.ensure(folder).password
            found = office if path is None else _from_pkcs12(str(path), password)
            _demo_agencies[agency.unit_code] = found
        return found


def signer_for(agency: Agency | None) -> signers.Signer:
    """Who signs a document `agency` issues: its own certificate if it has
    one, the office's otherwise (and for a document of no agency)."""
    loaded = keys()
    if agency is None:
        return loaded.signer
    own = loaded.agencies.get(agency.unit_code)
    if own is not None:
        return own
    if loaded.demo_root is not None:
        return _demo_agency(agency, loaded.signer)
    return loaded.signer


def reset(*args: Any, **kwargs: Any) -> None:
    """Forget the loaded keys (tests that change the settings)."""
    keys.cache_clear()
    with _demo_lock:
        _demo_agencies.clear()
