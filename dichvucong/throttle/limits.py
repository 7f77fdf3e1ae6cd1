"""The two kinds of limit: a plain count per key (`Limit`), and the
lock-out for secrets typed by people (`Lockout`), which an attacker must
not be able to turn against the owner of the account."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache

from dichvucong.throttle import counters
from dichvucong.throttle.counters import Refusal


class Refused(Exception):
    """Too many attempts: answered 429 with Retry-After (a page, or the
    API's JSON error) by whoever catches it, else by ThrottleMiddleware."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.scope)
        self.refusal = refusal

    @property
    def retry_after(self) -> int:
        return self.refusal.retry_after


def _refuse(scope: str, key: str, seconds: int) -> Refused:
    # One "first" refusal per key and window, so an attack leaves one audit
    # row per address and lock, not one per request.
    first = bool(cache.add(f"{key}:told", 1, seconds))
    return Refused(Refusal(scope, seconds, first))


@dataclass(frozen=True)
class Limit:
    """At most `limit` counted events per key in a fixed window that starts
    with the first. `limit` and `window` are numbers or setting names."""

    scope: str
    limit: int | str
    window: int | str

    @property
    def max(self) -> int:
        return counters.setting(self.limit)

    @property
    def seconds(self) -> int:
        return counters.setting(self.window)

    def key(self, *parts: str) -> str:
        return counters.hashed_key(self.scope, *parts)

    def check(self, *parts: str) -> None:
        """Refused when the count for `parts` has reached the limit."""
        key = self.key(*parts)
        if counters.count(key) >= self.max:
            raise _refuse(self.scope, key, counters.seconds_left(key, self.seconds))

    def hit(self, *parts: str) -> int:
        return counters.count_one(self.key(*parts), self.seconds)

    def take(self, *parts: str) -> None:
        """Check, then count: for uses that count whether or not they
        succeed (a code sent, a dossier submitted, an API request)."""
        self.check(*parts)
        self.hit(*parts)

    def clear(self, *parts: str) -> None:
        counters.clear(self.key(*parts))


@dataclass(frozen=True)
class Lockout:
    """Failed attempts at a secret (a password, a one-time code), limited
    so that no one can lock the owner out (the design is in __init__):

    - pair: `pair_limit` failures of one account from one address lock
      that pair for a window from the locking failure;
    - address: `address_limit` failures from one address, whatever the
      accounts, lock the address for a window;
    - account: past `account_limit` failures of one account from all
      addresses together, the account is guarded for the rest of the
      window: only addresses with no failure in their window may try.

    `account` and `address` are hashed into the keys, never stored.
    """

    scope: str
    pair_limit: int | str
    address_limit: int | str
    account_limit: int | str
    window: int | str

    @property
    def seconds(self) -> int:
        return counters.setting(self.window)

    def _keys(self, account: str, address: str) -> tuple[str, str, str]:
        return (
            counters.hashed_key(f"{self.scope}-pair", account, address),
            counters.hashed_key(f"{self.scope}-address", address),
            counters.hashed_key(f"{self.scope}-account", account),
        )

    def check(self, account: str, address: str) -> None:
        """Refused when this address may not try this account now."""
        pair, by_address, by_account = self._keys(account, address)
        for key, name in ((pair, "pair"), (by_address, "address")):
            left = counters.lock_left(key)
            if left is not None:
                raise _refuse(f"{self.scope}-{name}", key, left)
        guarded = counters.count(by_account) >= counters.setting(self.account_limit)
        if guarded and counters.count(by_address) > 0:
            left = min(
                counters.seconds_left(by_account, self.seconds),
                counters.seconds_left(by_address, self.seconds),
            )
            raise _refuse(f"{self.scope}-account", f"{by_account}:{by_address}", left)

    def failed(self, account: str, address: str) -> None:
        pair, by_address, by_account = self._keys(account, address)
        window = self.seconds
        if counters.count_one(pair, window) >= counters.setting(self.pair_limit):
            counters.lock(pair, window)
            counters.clear(pair)
        if counters.count_one(by_address, window) >= counters.setting(self.address_limit):
            counters.lock(by_address, window)
            counters.clear(by_address)
        counters.count_one(by_account, window)

    def is_guarded(self, account: str) -> bool:
        by_account = counters.hashed_key(f"{self.scope}-account", account)
        return counters.count(by_account) >= counters.setting(self.account_limit)

    def succeeded(self, account: str, address: str) -> None:
        """The owner got it right from here: this pair starts afresh. The
        account's count stays: the owner's success forgives no attacker."""
        pair, _, _ = self._keys(account, address)
        counters.clear(pair)
        counters.unlock(pair)

    def forgive(self, account: str) -> None:
        """The owner proved who they are another way (a password reset):
        the account is no longer guarded. Pair locks elsewhere stay, they
        hold the attackers' addresses."""
        _, _, by_account = self._keys(account, "")
        counters.clear(by_account)
