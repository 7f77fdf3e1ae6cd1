"""One money format everywhere (issue 11, point 8): "1.234.567 đ", through
lib/money.format_vnd and the `vnd` filter.

Two checks: no template or text builder holds another way of printing
money; and the real pages, PDF receipt, e-mail and SMS of a dossier that
owes a fee print every amount in that one shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

import dichvucong
from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.fees import describe_fee, parse_fee
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.slips.tests.pdftext import all_text
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import tmp_media  # noqa: F401
from dichvucong.lib.money import format_vnd
from dichvucong.notifications.compose import drafts_for
from dichvucong.payments import services
from dichvucong.payments.receipts import receipt_pdf

ROOT = Path(dichvucong.__file__).parent
AMOUNT = 1234567
PRINTED = "1.234.567 đ"
# Anything that looks like an amount: digits, then a currency word.
ANY_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:đồng|vnđ|vnd|đ)(?![^\W\d_])", re.IGNORECASE)
ONE_FORMAT = re.compile(r"^\d{1,3}(?:\.\d{3})* đ$")
# The same, folded to ASCII as SMS are (compose.py says why).
ANY_AMOUNT_ASCII = re.compile(r"\d[\d.,]*\s*(?:dong|vnd|d)\b", re.IGNORECASE)
ONE_FORMAT_ASCII = re.compile(r"^\d{1,3}(?:\.\d{3})* d$")

FORBIDDEN_IN_TEMPLATES = {
    "intcomma": re.compile(r"intcomma|humanize"),
    "floatformat": re.compile(r"floatformat"),
    "VNĐ / VND": re.compile(r"VNĐ|vnđ|\bVND\b"),
    "digits then đồng": re.compile(r"\d\s*đồng"),
}
# Python that may group digits itself: the money module, counts in reports
# and byte sizes in the backup command.
GROUPING_ALLOWED = {
    "lib/money.py",
    "reports/formatting.py",
    "storage/management/commands/backup.py",
}


def _sources(pattern: str) -> list[Path]:
    return [p for p in ROOT.rglob(pattern) if "tests" not in p.relative_to(ROOT).parts]


def test_no_template_prints_money_another_way():
    templates = [
        p for p in _sources("*") if "templates" in p.parts and p.suffix in (".html", ".txt")
    ]
    assert len(templates) > 50
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in templates
        for name, pattern in FORBIDDEN_IN_TEMPLATES.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_text_builder_groups_digits_or_writes_vnd_itself():
    found = []
    for path in _sources("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if relative not in GROUPING_ALLOWED and re.search(r":,[}.]|\{:,\}", text):
            found.append(f"{relative}: groups digits")
        if relative != "lib/money.py" and re.search(r"[\"'][^\"'\n]*\bVNĐ\b", text):
            found.append(f"{relative}: VNĐ")
    assert found == []


def _amounts_of(
    text: str, shape: re.Pattern[str] = ONE_FORMAT, find: re.Pattern[str] = ANY_AMOUNT
) -> list[str]:
    amounts = [match.group(0) for match in find.finditer(text)]
    assert all(shape.match(amount) for amount in amounts), amounts
    return amounts


@pytest.fixture
def owing(cast):  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast)
    lifecycle.accept(dossier, cast.receptionist_a, fee_amount=AMOUNT)
    dossier.refresh_from_db()
    return dossier


def _page(client, user, name: str, public_id) -> str:  # type: ignore[no-untyped-def]
    login_verified(client, user)
    response = client.get(reverse(name, args=[public_id]))
    assert response.status_code == 200, name
    return response.content.decode()


def test_pages_of_a_dossier_owing_a_fee_print_the_one_format(cast, client, owing):
    pages = [
        _page(client, cast.applicant, "dossiers:detail", owing.public_id),
        _page(client, cast.applicant, "payments:pay", owing.public_id),
        _page(client, cast.receptionist_a, "backoffice:detail", owing.public_id),
        _page(client, cast.receptionist_a, "payments:counter", owing.public_id),
    ]
    for html in pages:
        assert PRINTED in _amounts_of(html)


def test_the_receipt_pdf_and_the_timeline_note_print_the_one_format(cast, owing):
    payment = services.record_counter_payment(owing, cast.receptionist_a)
    assert PRINTED in _amounts_of(all_text(receipt_pdf(payment)))
    assert PRINTED in _amounts_of(services.paid_note(payment))


def test_the_fee_notice_by_email_and_sms_prints_the_one_format(owing):
    email, sms = drafts_for(owing)
    assert PRINTED in _amounts_of(email.subject)
    assert PRINTED in _amounts_of(email.body)
    assert "1.234.567 d" in _amounts_of(sms.body, ONE_FORMAT_ASCII, ANY_AMOUNT_ASCII)


def test_a_catalogue_fee_line_typed_otherwise_is_shown_in_the_one_format(cast, client):
    procedure = cast.procedure
    procedure.fee_text = "8000 đồng / bản sao; 1,000,000 VNĐ/lần"
    procedure.fee_rule = parse_fee("8000 đồng / bản sao")
    procedure.save()
    html = client.get(reverse("catalogue:detail", args=[procedure.code])).content.decode()
    assert {"8.000 đ", "1.000.000 đ"} <= set(_amounts_of(html))
    assert _amounts_of(describe_fee(procedure.fee_rule)) == [format_vnd(8000)]
