"""The Content-Security-Policy forbids inline style and script, so none may
be written: no <style> block, style attribute, inline <script>, event
handler attribute or javascript: link, in any template or in the Python
that builds HTML or SVG (the report charts). The browser test sees the
pages it visits; this sees every template, visited or not."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

INLINE = re.compile(
    r"(?i:<style\b|\sstyle=[\"']|<script(?![^>]*\bsrc=)[^>]*>)"
    r"|\son[a-z]+=[\"']"  # an event handler attribute (lower case, as HTML is written)
    r"|(?i:(?:href|src|action)=[\"']\s*javascript:)"
)
PACKAGE = Path(settings.BASE_DIR) / "dichvucong"


def offences_in(path: Path) -> list[str]:
    return [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE.search(line)
    ]


def offences(paths: list[Path]) -> list[str]:
    return [offence for path in paths for offence in offences_in(path)]


def test_no_template_has_inline_style_or_script() -> None:
    templates = sorted(PACKAGE.rglob("templates/**/*.html"))

    assert len(templates) > 50
    assert offences(templates) == []


# Modules that look for markup in what people upload, and write none.
READS_MARKUP = {PACKAGE / "lib" / "filecheck.py"}


def test_no_python_writes_inline_style_or_script_into_html() -> None:
    sources = [
        path
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and path not in READS_MARKUP
    ]

    assert offences(sources) == []


def test_the_check_finds_each_kind_of_inline_code(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<style>p{}</style>\n<p style="color:red">\n<script>alert(1)</script>\n'
        '<a onclick="go()">\n<a href="javascript:go()">\n<script src="/static/a.js"></script>\n',
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in offences_in(page)]

    assert len(found) == 5
    assert '<script src="/static/a.js"></script>' not in found
