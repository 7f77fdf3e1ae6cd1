"""The account for transfers comes from the settings: none set means no QR
code; a half-set or malformed account stops the start-up instead of
printing a QR code that sends a citizen's money nowhere."""

from __future__ import annotations

import pytest

from dichvucong.env import ConfigError
from dichvucong.payments import bank_transfer


@pytest.fixture(autouse=True)
def nothing_set(settings):
    settings.VIETQR_BANK_BIN = ""
    settings.VIETQR_ACCOUNT_NUMBER = ""
    settings.VIETQR_ACCOUNT_NAME = ""
    settings.VIETQR_AGENCY_ACCOUNTS = ""


def test_with_nothing_set_there_is_no_account():
    bank_transfer.check_settings()
    assert bank_transfer.default_account() is None


def test_a_half_set_account_names_what_is_missing(settings):
    settings.VIETQR_BANK_BIN = "970415"
    with pytest.raises(ConfigError, match="VIETQR_ACCOUNT_NUMBER, VIETQR_ACCOUNT_NAME"):
        bank_transfer.check_settings()


@pytest.mark.parametrize(
    ("bank_bin", "number", "message"),
    [("97041", "113366668888", "BIN"), ("970415", "1133 6666", "account")],
)
def test_a_malformed_account_is_refused(settings, bank_bin, number, message):
    settings.VIETQR_BANK_BIN = bank_bin
    settings.VIETQR_ACCOUNT_NUMBER = number
    settings.VIETQR_ACCOUNT_NAME = "UBND QUAN THANH XUAN"
    with pytest.raises(ConfigError, match=message):
        bank_transfer.check_settings()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("T.KM=970415:113366668888", "unit_code=BIN:account:name"),
        ("T.KM=9704:113366668888:UBND", "BIN"),
        ("T.KM=970415:1:A; T.KM=970436:2:B", "twice"),
    ],
)
def test_a_malformed_agency_account_is_refused(settings, value, message):
    settings.VIETQR_AGENCY_ACCOUNTS = value
    with pytest.raises(ConfigError, match=message):
        bank_transfer.check_settings()


def test_an_agency_account_is_read_with_the_bank_named(settings):
    settings.VIETQR_AGENCY_ACCOUNTS = " T.KM = 970436:0011001234567:UBND PHUONG KHUONG MAI ; "
    account = bank_transfer.agency_accounts()["T.KM"]
    assert (account.bank_bin, account.number) == ("970436", "0011001234567")
    assert account.name == "UBND PHUONG KHUONG MAI" and account.bank_name == "Vietcombank"
