"""The agency's certificate is named whole or not at all: a PKCS#12 file
without its password, a certificate without trust roots, a file that is
not there, or a password that does not open the file stop the start-up
instead of the first approval. So do the wards' own certificates
(SIGNING_AGENCY_PKCS12) half-set, misspelt or not opening."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.startup import SAFE, run
from dichvucong.documents.signing import demo_ca

SIGNING = ("SIGNING_PKCS12_PATH", "SIGNING_PKCS12_PASSWORD", "SIGNING_TRUST_ROOTS")


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> dict[str, str]:
    files = demo_ca.issue(tmp_path_factory.mktemp("office"), "Test CA", "Test office")
    return {
        "SIGNING_PKCS12_PATH": str(files.pkcs12),
        "SIGNING_PKCS12_PASSWORD": files.password,
        "SIGNING_TRUST_ROOTS": str(files.root),
    }


def _check(tmp_path, **variables: str):
    return run(tmp_path, ["manage.py", "check"], **{**SAFE, **variables})


def test_the_three_together_start(tmp_path, office) -> None:
    started = _check(tmp_path, **office)

    assert started.returncode == 0, started.stderr


@pytest.mark.parametrize("missing", SIGNING)
def test_any_one_missing_stops_the_start_up(tmp_path, office, missing) -> None:
    started = _check(tmp_path, **{**office, missing: ""})

    assert started.returncode != 0
    assert "Digital signatures half-configured" in started.stderr


def test_a_file_that_is_not_there_stops_the_start_up(tmp_path, office) -> None:
    started = _check(tmp_path, **{**office, "SIGNING_TRUST_ROOTS": str(tmp_path / "no.pem")})

    assert started.returncode != 0
    assert "no such file" in started.stderr


def test_a_wrong_password_stops_the_start_up(tmp_path, office) -> None:
    started = _check(tmp_path, **{**office, "SIGNING_PKCS12_PASSWORD": "not-it"})

    assert started.returncode != 0
    assert "dichvucong.E009" in started.stderr
    assert "wrong password" in started.stderr


def test_a_file_and_a_token_together_stop_the_start_up(tmp_path, office) -> None:
    token = {
        "SIGNING_PKCS11_MODULE": office["SIGNING_PKCS12_PATH"],
        "SIGNING_PKCS11_TOKEN_LABEL": "office",
        "SIGNING_PKCS11_KEY_LABEL": "signer",
    }
    started = _check(tmp_path, **office, **token)

    assert started.returncode != 0
    assert "not both" in started.stderr


# --- Agencies' own certificates (SIGNING_AGENCY_PKCS12) ---------------------


@pytest.fixture(scope="module")
def wards(tmp_path_factory) -> dict[str, str]:
    """Two wards' certificates from the office's CA, named by unit code."""
    folder = tmp_path_factory.mktemp("wards")
    files = demo_ca.issue(folder, "Test CA", "Test office")
    km = demo_ca.ensure_agency(folder, "T.KM", "UBND phường Khương Mai")
    kd = demo_ca.ensure_agency(folder, "T.KD", "UBND phường Khương Đình")
    return {
        "SIGNING_PKCS12_PATH": str(files.pkcs12),
        "SIGNING_PKCS12_PASSWORD": files.password,
        "SIGNING_TRUST_ROOTS": str(files.root),
        "SIGNING_AGENCY_PKCS12": f"T.KM={km}; T.KD={kd}",
        "SIGNING_AGENCY_PKCS12_PASSWORDS": f"T.KM={files.password}; T.KD={files.password}",
    }


def test_two_wards_certificates_with_their_passwords_start(tmp_path, wards) -> None:
    started = _check(tmp_path, **wards)

    assert started.returncode == 0, started.stderr


def _changed(wards: dict[str, str], **variables: str) -> dict[str, str]:
    return {**wards, **variables}


@pytest.mark.parametrize(
    ("change", "said"),
    [
        pytest.param(
            lambda w: {"SIGNING_AGENCY_PKCS12_PASSWORDS": w["SIGNING_AGENCY_PKCS12_PASSWORDS"]
                       .split(";")[0]},
            "no password for T.KD", id="a-code-without-password",
        ),
        pytest.param(
            lambda w: {"SIGNING_AGENCY_PKCS12": w["SIGNING_AGENCY_PKCS12"].split(";")[0]},
            "a password for T.KD but no file", id="a-password-without-file",
        ),
        pytest.param(
            lambda w: {"SIGNING_AGENCY_PKCS12": "T.KM /etc/khuongmai.p12"},
            "is not UNIT_CODE=VALUE", id="bad-format",
        ),
        pytest.param(
            lambda w: {"SIGNING_AGENCY_PKCS12": "T.KM=/nowhere/km.p12; T.KD=/nowhere/kd.p12"},
            "no such file: /nowhere/km.p12", id="missing-file",
        ),
        pytest.param(
            lambda w: {"SIGNING_PKCS12_PATH": "", "SIGNING_PKCS12_PASSWORD": "",
                       "SIGNING_TRUST_ROOTS": ""},
            "on top of the office's certificate", id="without-the-office-certificate",
        ),
    ],
)
def test_half_configured_agency_certificates_stop_the_start_up(
    tmp_path, wards, change, said
) -> None:
    started = _check(tmp_path, **_changed(wards, **change(wards)))

    assert started.returncode != 0
    assert "ConfigError" in started.stderr
    assert said in started.stderr


def test_a_malformed_password_list_is_refused_without_showing_it(tmp_path, wards) -> None:
    started = _check(tmp_path, **_changed(wards, SIGNING_AGENCY_PKCS12_PASSWORDS="s3cr3t-p4ss"))

    assert started.returncode != 0
    assert "SIGNING_AGENCY_PKCS12_PASSWORDS: part 1 is not UNIT_CODE=VALUE" in started.stderr
    assert "s3cr3t-p4ss" not in started.stderr


def test_a_wards_wrong_password_stops_the_start_up(tmp_path, wards) -> None:
    right = wards["SIGNING_AGENCY_PKCS12_PASSWORDS"].split(";")[0]
    started = _check(tmp_path, **_changed(
        wards, SIGNING_AGENCY_PKCS12_PASSWORDS=f"{right}; T.KD=not-it"
    ))

    assert started.returncode != 0
    assert "dichvucong.E009" in started.stderr
    assert "(agency T.KD): wrong password" in started.stderr
