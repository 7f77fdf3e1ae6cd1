"""`manage.py check` (and so runserver, migrate and the other commands)
with DEBUG off refuses each unsafe embedded default on its own, names the
variable that allows it, and passes once that variable is set, saying at
start-up what it allowed. With DEBUG on (make run) nothing is refused."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.startup import ALLOW_ALL, SAFE, run

CHECK = ["manage.py", "check"]
IDS = tuple(f"dichvucong.E00{number}" for number in range(1, 6))

# Each unsafe default: the check that refuses it, the variable that allows
# it, and what in the safe configuration turns it back on.
UNSAFE = [
    pytest.param("dichvucong.E001", "ALLOW_INSECURE_SECRET", {"SECRET_KEY": ""}, id="secret"),
    pytest.param("dichvucong.E002", "ALLOW_PAYMENT_SANDBOX", {"PAYMENT_GATEWAY": "sandbox"},
                 id="payment-sandbox"),
    pytest.param("dichvucong.E003", "ALLOW_CONSOLE_EMAIL",
                 {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
                 id="console-email"),
    pytest.param("dichvucong.E003", "ALLOW_CONSOLE_EMAIL",
                 {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"},
                 id="file-email"),
    pytest.param("dichvucong.E004", "ALLOW_LOG_SMS", {"SMS_PROVIDER": "log"}, id="log-sms"),
    pytest.param("dichvucong.E005", "ALLOW_DERIVED_EVENT_KEY", {"EVENT_LOG_KEY": ""},
                 id="derived-event-key"),
    pytest.param("dichvucong.E007", "ALLOW_DEMO_MODE", {"DEMO_MODE": "true"}, id="demo-mode"),
    pytest.param("dichvucong.E008", "ALLOW_DEMO_SIGNING",
                 {"SIGNING_PKCS12_PATH": "", "SIGNING_PKCS12_PASSWORD": "",
                  "SIGNING_TRUST_ROOTS": ""}, id="demo-signing"),
]


@pytest.mark.parametrize(("check_id", "allowed_by", "unsafe"), UNSAFE)
def test_the_unsafe_default_alone_is_refused(tmp_path, check_id, allowed_by, unsafe) -> None:
    started = run(tmp_path, CHECK, **{**SAFE, **unsafe})

    assert started.returncode != 0
    assert check_id in started.stderr
    assert f"set {allowed_by}=true" in started.stderr
    assert [other for other in IDS if other != check_id and other in started.stderr] == []


@pytest.mark.parametrize(("check_id", "allowed_by", "unsafe"), UNSAFE)
def test_its_variable_allows_it_and_start_up_says_so(
    tmp_path, check_id, allowed_by, unsafe
) -> None:
    started = run(tmp_path, CHECK, **{**SAFE, **unsafe, allowed_by: "true"})

    assert started.returncode == 0, started.stderr
    assert "Unsafe defaults allowed with DEBUG off" in started.stderr
    assert f"{allowed_by}=true" in started.stderr
    assert started.stderr.count("Unsafe defaults allowed") == 1


def test_with_no_variable_at_all_every_unsafe_default_is_refused(tmp_path) -> None:
    started = run(tmp_path, CHECK)

    assert started.returncode != 0
    assert [check_id for check_id in IDS if check_id in started.stderr] == list(IDS)


def test_a_safe_production_configuration_passes_without_a_word(tmp_path) -> None:
    started = run(tmp_path, CHECK, **SAFE)

    assert started.returncode == 0, started.stderr
    assert "Unsafe defaults" not in started.stderr


def test_the_embedded_default_with_debug_on_needs_no_variable(tmp_path) -> None:
    started = run(tmp_path, CHECK, DEBUG="true")

    assert started.returncode == 0, started.stderr
    assert "Unsafe defaults" not in started.stderr


def test_an_allowance_is_not_the_default_any_more(tmp_path) -> None:
    """ALLOW_INSECURE_SECRET used to default to true; now every allowance
    is opt-in, and `false` says the same as leaving it unset."""
    started = run(tmp_path, CHECK, **{**ALLOW_ALL, "ALLOW_INSECURE_SECRET": "false"})

    assert started.returncode != 0
    assert [check_id for check_id in IDS if check_id in started.stderr] == ["dichvucong.E001"]
