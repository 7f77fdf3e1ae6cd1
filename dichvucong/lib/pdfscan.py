"""Active content in a PDF: JavaScript, launch and other automatic actions,
embedded files. Framework-free; `scan(data)` raises PdfProblem with a short
code, the caller words the message.

Why a scanner of our own rather than a PDF library: the question is narrow
(does any object of the file name one of a few keys or action types?), and
a library answers it for the document tree it builds, after mending a
damaged file its own way, while Acrobat or a phone's viewer may mend it
another. lib/pdfsyntax.py reads every object the file holds, object streams
and escaped names included, so whatever any reader could find is judged.

What is refused (PdfProblem.code):
- "javascript": the names /JS or /JavaScript, or /RichMedia or /XFA (Flash
  content and XFA forms carry scripts of their own);
- "auto_action": /Launch, /AA (actions run on opening a page, focusing a
  field...), or an /OpenAction that is an action other than "go to a page"
  (an /OpenAction that is a destination, which most producers write, is
  fine; so is a "go to" action, unless its /Next chain does more);
- "embedded_file": /EmbeddedFile, /EmbeddedFiles, /FileAttachment;
- "encrypted": an encrypted file that keeps objects in object streams,
  which cannot be read without its key, so what they hold is unknown;
- "unreadable": no object at all, an object stream that cannot be decoded,
  or a file past the reading limits of lib/pdfsyntax.py.
Links (/URI on a click), form fields, bookmarks and page labels are
ordinary and pass.
"""

from __future__ import annotations

from typing import Any

from dichvucong.lib.pdfsyntax import Findings, PdfSyntaxError, Ref, read_file

JAVASCRIPT_NAMES = frozenset({"JS", "JavaScript", "RichMedia", "XFA"})
AUTO_ACTION_NAMES = frozenset({"Launch", "AA"})
EMBEDDED_NAMES = frozenset({"EmbeddedFile", "EmbeddedFiles", "FileAttachment"})
HARMLESS_ACTION = "GoTo"
MAX_ACTION_CHAIN = 32  # /Next links and references followed from an /OpenAction


class PdfProblem(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _harmless_action(value: Any, findings: Findings, depth: int = 0) -> bool:
    """Whether an action, with its /Next chain, only goes to a page."""
    if depth > MAX_ACTION_CHAIN:
        return False
    if isinstance(value, Ref):
        found = findings.objects.get(value.number, [])
        return all(_harmless_action(item, findings, depth + 1) for item in found)
    if isinstance(value, list):  # /Next may list several actions
        return all(_harmless_action(item, findings, depth + 1) for item in value)
    if not isinstance(value, dict):
        return True
    if value.get("S") != HARMLESS_ACTION:
        return False
    return _harmless_action(value.get("Next"), findings, depth + 1)


def _harmless_open_action(value: Any, findings: Findings, depth: int = 0) -> bool:
    """An /OpenAction is a destination (an array: a page and how to fit
    it) or an action dictionary, given directly or by reference."""
    if depth > MAX_ACTION_CHAIN:
        return False
    if isinstance(value, Ref):
        found = findings.objects.get(value.number, [])
        return all(_harmless_open_action(item, findings, depth + 1) for item in found)
    if isinstance(value, list):
        return True
    return _harmless_action(value, findings, depth)


def problem(findings: Findings, encrypted: bool = False) -> str | None:
    """The first reason to refuse the file, or None."""
    names = findings.names
    if not findings.objects and not findings.object_streams:
        return "unreadable"
    if names & JAVASCRIPT_NAMES:
        return "javascript"
    if names & AUTO_ACTION_NAMES or not all(
        _harmless_open_action(action, findings) for action in findings.open_actions
    ):
        return "auto_action"
    if names & EMBEDDED_NAMES:
        return "embedded_file"
    if encrypted and findings.object_streams:
        return "encrypted"
    return None


def scan(data: bytes) -> None:
    """Raise PdfProblem if the PDF in `data` carries active content, hides
    what it holds, or cannot be read."""
    try:
        findings, encrypted = read_file(data)
    except PdfSyntaxError:
        raise PdfProblem("unreadable") from None
    code = problem(findings, encrypted)
    if code is not None:
        raise PdfProblem(code)
