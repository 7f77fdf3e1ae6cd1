"""The casts of the apps whose pages collect personal data, borrowed
from their own tests: accounts (units), dossiers (cast, in the root
conftest), the ambassadors (hc) and the schools (oc)."""

from __future__ import annotations

from dichvucong.accounts.tests.conftest import provider, units  # noqa: F401
from dichvucong.outreach.tests.conftest import media_root, oc  # noqa: F401
from dichvucong.outreach.tests.helpers_tests.conftest import (  # noqa: F401
    ambassador,
    fresh_cache,
    hc,
    sent_sms,
)
