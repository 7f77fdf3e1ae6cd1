"""The agency's certificate is named whole or not at all: a PKCS#12 file
without its password, a certificate without trust roots, a file that is
not there, or a password that does not open the file stop the start-up
instead of the first approval."""

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
