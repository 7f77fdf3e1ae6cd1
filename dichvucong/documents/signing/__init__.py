"""Digitally signed documents (PAdES, pyHanko): `sign` the finished bytes
of a result, receipt or slip once, `verify` any PDF a person holds.

The issuing agency's certificate, or the office's (one for the
installation) for agencies without one, comes from settings; with none
set, a demo CA of this installation (demo_ca.py) issues one per agency,
signs and is the only trust root."""

from __future__ import annotations

import warnings

# pyHanko imports cryptography's DSA, deprecated there; we never use DSA.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")

from dichvucong.documents.signing.checking import (  # noqa: E402
    Outcome,
    Verdict,
    verify,
    verify_stored,
)
from dichvucong.documents.signing.keys import is_demo  # noqa: E402
from dichvucong.documents.signing.signature import sign  # noqa: E402

__all__ = ["Outcome", "Verdict", "is_demo", "sign", "verify", "verify_stored"]
