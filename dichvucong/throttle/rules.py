"""Every limit of the system, in one table; the numbers are settings
(settings.py, README "Configuration"), read at each use.

Apps import the limit they apply from here; the scope names the counter
in the cache and, for a refusal, in the audit trail.
"""

from __future__ import annotations

from dichvucong.throttle.limits import Limit, Lockout

HOUR = 3600

# Passwords typed on the login pages (the site's and the admin's).
LOGIN = Lockout(
    "login",
    pair_limit="LOGIN_MAX_FAILURES",
    address_limit="LOGIN_ADDRESS_MAX_FAILURES",
    account_limit="LOGIN_ACCOUNT_MAX_FAILURES",
    window="LOGIN_LOCKOUT_SECONDS",
)
# Second-factor codes (authenticator or recovery code), after the password
# or in place of a lock (accounts.two_factor).
TWO_FACTOR = Lockout(
    "two-factor",
    pair_limit="TWO_FACTOR_MAX_FAILURES",
    address_limit="CODE_ADDRESS_MAX_FAILURES",
    account_limit="TWO_FACTOR_ACCOUNT_MAX_FAILURES",
    window="TWO_FACTOR_LOCKOUT_SECONDS",
)
# Wrong one-time codes sent by SMS or e-mail (password recovery, assisted
# submission), per client address; each code also dies after 5 wrong tries.
CODE_FAILURES = Limit("code-failures", "CODE_ADDRESS_MAX_FAILURES", HOUR)
# Codes and reset links sent (SMS cost, mailbox flooding), per address.
CODE_SENDS = Limit("code-sends", "CODE_SENDS_PER_ADDRESS", HOUR)
# Failed public dossier lookups per address.
LOOKUP_FAILURES = Limit("lookup-failures", "LOOKUP_MAX_FAILURES", "LOOKUP_WINDOW_SECONDS")
# Dossiers submitted (web and API), per account and per address.
SUBMISSIONS_BY_ACCOUNT = Limit("submissions-account", "SUBMISSIONS_PER_ACCOUNT", HOUR)
SUBMISSIONS_BY_ADDRESS = Limit("submissions-address", "SUBMISSIONS_PER_ADDRESS", HOUR)
# API keys: wrong keys per address, requests per key.
API_BAD_KEYS = Limit("api-bad-keys", "API_BAD_KEYS_PER_ADDRESS", 15 * 60)
API_REQUESTS = Limit("api-requests", "API_REQUESTS_PER_KEY_PER_MINUTE", 60)
