"""The folder tree is the design's map (STYLE.md, Layout): each app keeps
its views in `views.py` or one `views/` package and its URL modules in
`urls.py` or one `urls/` package; `core` holds only the site shell that
sits above every app, and nothing below it imports it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
# The shell: base pages, navigation, headers and caching, the 503 on
# collisions, the production checks, the demo loader's command, the
# template filters every page uses.
CORE_SHELL = {
    "__init__.py",
    "apps.py",
    "caching.py",
    "checks.py",
    "management",
    "middleware.py",
    "navigation.py",
    "templates",
    "templatetags",
    "tests",
    "urls.py",
    "views.py",
}
# Modules above every app, which assemble the site from them.
ASSEMBLY = {"settings.py", "settings_test.py", "urls.py", "wsgi.py", "celery.py", "conftest.py"}


def apps() -> list[Path]:
    return sorted(p.parent for p in PACKAGE.glob("*/apps.py"))


def test_every_app_keeps_its_views_and_urls_in_one_place() -> None:
    stray = []
    for app in apps():
        stray += list(app.glob("views_*.py"))
        stray += list(app.glob("*_urls.py"))
        stray += list(app.glob("urls_*.py"))
    assert stray == [], "views go in views.py or views/, URL modules in urls.py or urls/"


def test_core_holds_only_the_site_shell() -> None:
    extra = {p.name for p in (PACKAGE / "core").iterdir() if p.name != "__pycache__"} - CORE_SHELL
    assert extra == set(), "core is the site shell; put these in the app they belong to"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_module_below_core_imports_it() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "core" or str(relative) in ASSEMBLY:
            continue
        if any(
            m == "dichvucong.core" or m.startswith("dichvucong.core.")
            for m in imported_modules(path)
        ):
            upward.append(str(relative))
    assert upward == [], "these import core from below it"
