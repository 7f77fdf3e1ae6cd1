"""Throttling: how many times a client may try something, counted in the
shared cache. It sits below every app that uses it and imports none of
them (only dichvucong.lib and Django).

Past a limit the caller raises `Refused`; the person gets HTTP 429 with
`Retry-After` and a page in Vietnamese saying when to try again
(responses.py), the API its JSON error with 429 (api/errors.py). The
limits and their settings are listed in rules.py.

Counters
--------
Keys are keyed hashes (HMAC-SHA256 with SECRET_KEY) of what is counted,
so the cache holds no address, login name or ID number in clear. Windows
are fixed, from the first counted event; locks run a full window from the
failure that set them. Redis and locmem behave the same (add/incr/set with
a timeout); a counter the cache loses only loosens a limit.

Log-in: why an attacker cannot lock a clerk out
-----------------------------------------------
Staff user names follow a pattern, so anyone can guess one. A lock per
account name alone would let them lock the clerk out at will; no lock
would let them guess passwords for ever. `Lockout` (limits.py) counts a
failed password three ways, in one window (LOGIN_LOCKOUT_SECONDS, 1 h):

1. per (account, address): LOGIN_MAX_FAILURES (10) failures lock that
   pair for the window. The attacker's address is locked for that account;
   the clerk, from any other address, is not affected.
2. per address, all accounts together: LOGIN_ADDRESS_MAX_FAILURES (50)
   lock the address. Stops one address from trying 10 passwords on each
   of many names.
3. per account, all addresses together: past LOGIN_ACCOUNT_MAX_FAILURES
   (100) the account is guarded for the rest of the window: an address
   with a failed login in its window is refused for it, an address with
   none may still try. A distributed guesser gets one try per fresh
   address; the clerk at her desk, which has not failed, gets in.

A refused login is never checked and never counted (a lock cannot be
prolonged by hammering it). A success clears its own pair only: the
owner's success forgives no attacker. A password reset lifts the guard.

When a clerk is refused all the same (her office shares an address with
the attacker, or she mistyped while guarded), the second factor lets her
in: on the refused page a member of staff with an authenticator types its
code with the password; the code is checked first, under its own lock-out
(rules.TWO_FACTOR: 5 per pair, 30 per address, 20 per account in 15 min),
and only a right code lets the password be checked. Without the device an
attacker gets no password guess this way, and an account's code guesses
are capped. A citizen without a second factor waits for the lock to end
or uses "Quên mật khẩu", which lifts the guard.

The same `Lockout` guards second-factor codes typed after the password
(the verification page), so a thief with the password cannot lock the
clerk's device either: django-otp's own per-device throttling, which
anyone could trigger, is switched off (OTP_*_THROTTLE_FACTOR = 0).
"""

from __future__ import annotations

from dichvucong.throttle.counters import client_address, within_hourly_limit
from dichvucong.throttle.limits import Limit, Lockout, Refused
from dichvucong.throttle.responses import ThrottleMiddleware, refused, too_many, when_context

__all__ = [
    "Limit",
    "Lockout",
    "Refused",
    "ThrottleMiddleware",
    "client_address",
    "refused",
    "too_many",
    "when_context",
    "within_hourly_limit",
]
