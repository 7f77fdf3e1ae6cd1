"""The NAPAS VietQR payload: an EMVCo merchant-presented QR code asking for
a 24/7 interbank transfer (NAPAS 247) to a bank account.

Sources, read for this module:
- EMVCo, "QR Code Specification for Payment Systems: Merchant-Presented
  Mode" v1.1: every data object is ID (2 digits), length (2 digits, 01-99)
  and value; the CRC (ID 63, always last) is CRC-16 with polynomial 0x1021
  and initial value 0xFFFF (CRC-16/CCITT-FALSE) over the whole payload up
  to and including "6304", written as 4 upper-case hex digits.
- NAPAS, "Technical Specifications on NAPAS QR Switching, Part IV: QR Code
  Format" v1.5.2 (January 2021), the VietQR format: Merchant Account
  Information in ID 38 holding the GUID "A000000727" (00), the beneficiary
  organisation (01: the acquirer/beneficiary bank's BIN in 00, 6 digits,
  and the account number in 01, up to 19 characters) and the service code
  (02: "QRIBFTTA", transfer to an account); currency 704, country "VN",
  Point of Initiation "11" static or "12" dynamic (one amount, one
  payment); the purpose of the transaction in ID 62 sub-tag 08, up to 25
  characters. The same layout, with the sample tag 38 for BIN 970415 and
  account 113366668888, is tabled in github.com/giautm/emvqr-go (README);
  a complete published payload (github.com/subiz/vietqr, README) is
  rebuilt to the character in the tests.

Pure functions of their arguments, no Django: the account comes from the
caller (payments.bank_transfer reads it from the settings).
"""

from __future__ import annotations

import binascii
import re

PAYLOAD_FORMAT = "01"
STATIC = "11"
DYNAMIC = "12"
GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY = "VN"
CRC_TAG = "6304"

MAX_VALUE = 99
MAX_ACCOUNT = 19
MAX_PURPOSE = 25
MAX_AMOUNT_DIGITS = 13

_BIN = re.compile(r"\d{6}")
_ACCOUNT = re.compile(r"[0-9A-Za-z]+")
# What every bank keeps of a transfer's description: ASCII letters and
# digits (no diacritics, no punctuation), with single spaces between words.
_PURPOSE = re.compile(r"[0-9A-Za-z]+(?: [0-9A-Za-z]+)*")
_REFERENCE = re.compile(r"[0-9A-Za-z]+")


class VietQRError(ValueError):
    """A value the format cannot carry; the message says which and why."""


def crc16(data: bytes) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no
    final xor): binascii.crc_hqx is exactly that CRC."""
    return f"{binascii.crc_hqx(data, 0xFFFF):04X}"


def data_object(tag: str, value: str) -> str:
    """ID, length, value. The length counts characters; every value this
    module writes is ASCII, so characters and bytes are the same."""
    if not value:
        raise VietQRError(f"field {tag} is empty")
    if len(value) > MAX_VALUE:
        raise VietQRError(f"field {tag} is {len(value)} characters long, at most {MAX_VALUE}")
    if not value.isascii():
        raise VietQRError(f"field {tag} holds characters outside ASCII")
    return f"{tag}{len(value):02d}{value}"


def check_bin(bank_bin: str) -> str:
    if not _BIN.fullmatch(bank_bin):
        raise VietQRError(f"the bank BIN must be 6 digits, not {bank_bin!r}")
    return bank_bin


def check_account(number: str) -> str:
    if not _ACCOUNT.fullmatch(number) or len(number) > MAX_ACCOUNT:
        raise VietQRError(
            f"the account number must be 1-{MAX_ACCOUNT} letters or digits, not {number!r}"
        )
    return number


def check_reference(reference: str) -> str:
    """A payment reference: letters and digits only, so that no bank drops
    or changes a character of it on the way to the statement."""
    if not _REFERENCE.fullmatch(reference) or len(reference) > MAX_PURPOSE:
        raise VietQRError(
            f"a payment reference must be 1-{MAX_PURPOSE} letters or digits, not {reference!r}"
        )
    return reference


def _check_purpose(purpose: str) -> str:
    if not _PURPOSE.fullmatch(purpose) or len(purpose) > MAX_PURPOSE:
        raise VietQRError(
            f"the purpose must be 1-{MAX_PURPOSE} ASCII letters, digits and single spaces"
        )
    return purpose


def _check_amount(amount: int) -> str:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise VietQRError(f"the amount must be a positive whole number of đồng, not {amount!r}")
    text = str(amount)
    if len(text) > MAX_AMOUNT_DIGITS:
        raise VietQRError(f"the amount has more than {MAX_AMOUNT_DIGITS} digits")
    return text


def merchant_account(bank_bin: str, account: str) -> str:
    """The value of ID 38: GUID, beneficiary (BIN + account), service."""
    beneficiary = data_object("00", check_bin(bank_bin)) + data_object("01", check_account(account))
    return (
        data_object("00", GUID)
        + data_object("01", beneficiary)
        + data_object("02", SERVICE_TO_ACCOUNT)
    )


def payload(bank_bin: str, account: str, amount: int | None = None, purpose: str = "") -> str:
    """The text to encode in the QR code. With an amount the code is
    dynamic (12): for this one payment; without, static (11)."""
    parts = [
        data_object("00", PAYLOAD_FORMAT),
        data_object("01", STATIC if amount is None else DYNAMIC),
        data_object("38", merchant_account(bank_bin, account)),
        data_object("53", CURRENCY_VND),
    ]
    if amount is not None:
        parts.append(data_object("54", _check_amount(amount)))
    parts.append(data_object("58", COUNTRY))
    if purpose:
        parts.append(data_object("62", data_object("08", _check_purpose(purpose))))
    body = "".join(parts) + CRC_TAG
    return body + crc16(body.encode("ascii"))


def parse(text: str) -> dict[str, str]:
    """The top-level data objects of a payload, tag -> value, after its CRC
    is checked: for tests and for anyone checking a printed code."""
    if len(text) < 8 or text[-8:-4] != CRC_TAG:
        raise VietQRError("the payload does not end with its CRC (6304....)")
    if crc16(text[:-4].encode("ascii")) != text[-4:]:
        raise VietQRError("the CRC does not match the payload")
    return split(text)


def split(text: str) -> dict[str, str]:
    """ID-length-value objects of one level, in order."""
    fields: dict[str, str] = {}
    position = 0
    while position < len(text):
        tag, length = text[position : position + 2], text[position + 2 : position + 4]
        if not length.isdigit() or position + 4 + int(length) > len(text):
            raise VietQRError(f"field {tag!r} at {position} is cut short")
        fields[tag] = text[position + 4 : position + 4 + int(length)]
        position += 4 + int(length)
    return fields
