"""Paying a fee by bank transfer: the agency's account (settings
VIETQR_*), and what the fee page shows: the VietQR code and the same
details in plain text for those who type them into their bank's app.

The reference in the transfer's description is the payment's txn_ref
(letters and digits only); payments.reconcile finds it again in the bank's
statement.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from dichvucong.env import ConfigError
from dichvucong.payments import vietqr

# Banks people in the district use most, by NAPAS BIN, to name the bank
# on the page; an unknown BIN is shown as such.
BANK_NAMES = {
    "970405": "Agribank",
    "970415": "VietinBank",
    "970418": "BIDV",
    "970436": "Vietcombank",
    "970422": "MB",
    "970407": "Techcombank",
    "970416": "ACB",
    "970432": "VPBank",
    "970423": "TPBank",
    "970403": "Sacombank",
}
MAX_ACCOUNT_NAME = 70


@dataclass(frozen=True)
class BankAccount:
    bank_bin: str
    number: str
    name: str

    @property
    def bank_name(self) -> str:
        known = BANK_NAMES.get(self.bank_bin)
        return known or _("Ngân hàng có mã BIN %(bin)s") % {"bin": self.bank_bin}


def _account(where: str, bank_bin: str, number: str, name: str) -> BankAccount:
    try:
        vietqr.check_bin(bank_bin)
        vietqr.check_account(number)
    except vietqr.VietQRError as error:
        raise ConfigError(f"{where}: {error}") from None
    if not name or len(name) > MAX_ACCOUNT_NAME:
        raise ConfigError(f"{where}: the account name must be 1-{MAX_ACCOUNT_NAME} characters")
    return BankAccount(bank_bin, number, name)


def default_account() -> BankAccount | None:
    values = {
        "VIETQR_BANK_BIN": settings.VIETQR_BANK_BIN,
        "VIETQR_ACCOUNT_NUMBER": settings.VIETQR_ACCOUNT_NUMBER,
        "VIETQR_ACCOUNT_NAME": settings.VIETQR_ACCOUNT_NAME,
    }
    if not any(values.values()):
        return None
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise ConfigError(f"bank transfer by VietQR also needs {', '.join(missing)}")
    return _account("VIETQR_*", *values.values())


def agency_accounts() -> dict[str, BankAccount]:
    """VIETQR_AGENCY_ACCOUNTS: "unit_code=BIN:account:name" entries
    separated by ";"."""
    accounts: dict[str, BankAccount] = {}
    entries = (part.strip() for part in settings.VIETQR_AGENCY_ACCOUNTS.split(";"))
    for entry in filter(None, entries):
        unit_code, _sep, account = (part.strip() for part in entry.partition("="))
        fields = [part.strip() for part in account.split(":", 2)]
        if not unit_code or len(fields) != 3:
            raise ConfigError(
                f"VIETQR_AGENCY_ACCOUNTS: {entry!r} is not unit_code=BIN:account:name"
            )
        if unit_code in accounts:
            raise ConfigError(f"VIETQR_AGENCY_ACCOUNTS names {unit_code!r} twice")
        accounts[unit_code] = _account(f"VIETQR_AGENCY_ACCOUNTS[{unit_code}]", *fields)
    return accounts


def check_settings() -> None:
    """Read every account once, so a bad value stops the start-up."""
    default_account()
    agency_accounts()


def account_for(agency) -> BankAccount | None:  # type: ignore[no-untyped-def]
    """The agency's own account, else its parent's, else the default;
    None when bank transfer is not set up (the page shows no QR code)."""
    own = agency_accounts()
    for unit in (agency, agency.parent):
        if unit is not None and unit.unit_code in own:
            return own[unit.unit_code]
    return default_account()


@dataclass(frozen=True)
class Transfer:
    """What the applicant needs to make the transfer."""

    account: BankAccount
    amount: int
    reference: str

    @property
    def payload(self) -> str:
        return vietqr.payload(
            self.account.bank_bin,
            self.account.number,
            self.amount,
            vietqr.check_reference(self.reference),
        )

    def qr_svg(self) -> SafeString:
        """Inline SVG: no script, no style attribute, nothing fetched, so
        the page's Content-Security-Policy holds. Error level M and a quiet
        zone of 4 modules, as phone cameras read best; a viewBox instead of
        a fixed size, so the stylesheet fits it to the screen."""
        svg = segno.make(self.payload, error="m", micro=False).svg_inline(
            scale=5,
            border=4,
            dark="#000",
            light="#fff",
            omitsize=True,
            title=_("Mã VietQR để chuyển khoản"),
        )
        return format_html("{}", SafeString(svg))
