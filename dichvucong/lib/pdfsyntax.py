"""Reads the syntax of a whole PDF file, every object in file order, for
lib/pdfscan.py. Framework-free.

Not a PDF reader: it builds no document tree and resolves no cross-
reference table. It reads every indirect object the file contains, the way
a reader rebuilding a damaged file does, so an object hidden from the tree
(or from one reader's idea of it) is still seen:

- Tokens outside stream data are read as PDF syntax: strings, hex strings
  and comments are stepped over as the syntax says, so `/JS` inside a
  string is not a name, and the bytes of an image are never read at all.
- Names are decoded (`/J#61vaScript` is `/JavaScript`, PDF 1.2 escapes).
- Object streams (`/Type /ObjStm`, PDF 1.5), where most objects of a
  modern file live, are decoded (Flate, ASCIIHex, ASCII85; capped against
  decompression bombs) and read the same way, each object under its number.
- A stream is taken to end at the first `endstream` after it; whatever sits
  between its declared /Length and that keyword is read as syntax too, so
  neither a reader that trusts /Length nor one that searches for the
  keyword sees an object that was not read here.

Values: dictionaries as dict (keys without the slash), arrays as list,
names as str (the only str values made), whole numbers as int, references
as Ref, true/false/null as bool/None, everything else (strings, reals) as
TEXT. Crafted input cannot make the reading slow or greedy: past the MAX_*
limits below, which no real file comes near, it stops with
PdfSyntaxError.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

MAX_DEPTH = 64  # nesting of arrays and dictionaries (real files: under 10)
MAX_ITEMS = 100_000  # entries in one array or dictionary
MAX_ITEMS_TOTAL = 3_000_000  # names, numbers, strings... in the whole file
MAX_OBJECTS = 250_000  # indirect objects (a 10 MB file rarely has 50 000)
MAX_TOKENS = 2_000_000  # brackets and keywords in the whole file (real: ~30 per object)
MAX_DECODED_STREAM = 16 * 1024 * 1024  # one object stream, decoded
MAX_DECODED_TOTAL = 64 * 1024 * 1024  # all object streams of a file
CACHE_SIZE = 100_000  # distinct atoms remembered (names and numbers repeat)

WHITESPACE = b"\x00\t\n\x0c\r "
_WS = rb"[\x00\t\n\x0c\r ]"
_SKIP = rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*)*+"  # whitespace and comments
_NAME = rb"/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*"
_REF = rb"\d{1,18}" + _WS + rb"+\d{1,9}" + _WS + rb"+R(?![A-Za-z])"
_OBJ = rb"\d{1,18}" + _WS + rb"+\d{1,9}" + _WS + rb"+obj(?![A-Za-z])"
_NUMBER = rb"[+-]?(?:\d+\.?\d*|\.\d+)"
_STRING = rb"\([^()\\]*\)"  # a string without nesting or escapes; others: skip_string
_HEX = rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]*>"
# A keyword other than those that shape the file: true, xref, n, f, trailer...
_WORD = rb"(?!(?:R|obj|endobj|stream)(?![A-Za-z]))[A-Za-z]+"
_ATOM = b"|".join((_REF, _NAME, _NUMBER, _STRING, _HEX, _WORD))
# Splits a run into its atoms; comments are matched so that a "/JS" inside
# one is not taken for a name, then dropped.
ATOM = re.compile(rb"%[^\r\n]*|" + _ATOM)
# One step of reading: a run of up to 512 atoms (names, numbers, strings,
# references...), or one bracket or keyword. Runs keep long arrays cheap.
TOKEN = re.compile(
    _SKIP
    + rb"(?:(?P<obj>"
    + _OBJ
    + rb")|(?P<atoms>(?:(?:"
    + _ATOM
    + rb")"
    + _SKIP
    + rb"){1,512})|(?P<dopen><<)|(?P<dclose>>>)|(?P<aopen>\[)|(?P<aclose>\])"
    + rb"|(?P<nested>\()|(?P<keyword>[A-Za-z]+)|(?P<other>.)|(?P<end>\Z))",
    re.DOTALL,
)
NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
STRING_BYTE = re.compile(rb"[()\\]")
CONSTANTS = {b"true": True, b"false": False, b"null": None}
MISSING = object()


class PdfSyntaxError(ValueError):
    """The file cannot be read: past a limit, or an object stream that
    cannot be decoded."""


@dataclass(frozen=True)
class Ref:
    number: int


class _Text:
    """A string, a real number or a keyword: never looked into here."""


TEXT = _Text()


@dataclass
class Findings:
    names: set[str] = field(default_factory=set)
    objects: dict[int, list[Any]] = field(default_factory=dict)
    open_actions: list[Any] = field(default_factory=list)
    object_streams: int = 0
    decoded_bytes: int = 0
    tokens: int = 0
    items: int = 0
    started: int = 0  # objects begun, object streams' included

    def start_object(self) -> None:
        self.started += 1
        if self.started > MAX_OBJECTS:
            raise PdfSyntaxError("too many objects")


def decode_name(raw: bytes) -> str:
    """The name as a reader compares it: #xx escapes replaced by their byte."""
    if b"#" in raw:
        raw = NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    return raw.decode("latin-1")


def skip_string(data: bytes, pos: int, findings: Findings) -> int:
    """The position after the literal string opening at `pos`: balanced
    parentheses, a backslash escapes the next byte. An unclosed string runs
    to the end, as a reader would take it. Each parenthesis or backslash
    counts as a token: a string made of nothing else is a crafted one."""
    depth = 0
    while True:
        match = STRING_BYTE.search(data, pos)
        if match is None:
            return len(data)
        findings.tokens += 1
        if findings.tokens > MAX_TOKENS:
            raise PdfSyntaxError("too many tokens")
        char, pos = match.group(), match.end()
        if char == b"\\":
            pos += 1
        elif char == b"(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return pos


def stream_start(data: bytes, pos: int) -> int:
    """Stream data begins after the end of line that follows `stream`."""
    if data.startswith(b"\r\n", pos):
        return pos + 2
    if data[pos : pos + 1] in (b"\n", b"\r"):
        return pos + 1
    return pos


class Reader:
    """Reads syntax from a buffer into `findings`. At the top level of a
    file (`streams=True`) it steps over stream data and keeps the object
    streams, for read_file to decode."""

    def __init__(self, data: bytes, findings: Findings, *, streams: bool) -> None:
        self.data, self.findings, self.streams = data, findings, streams
        self.stack: list[tuple[bool, list[Any]]] = []  # (is a dictionary, its items)
        self.recent: list[Any] = []  # the last two top-level values
        self.current: int | None = None  # the number of the object being read
        self.object_streams: list[tuple[dict[str, Any], bytes]] = []
        self.endstream = (-1, -1)  # the last search: (from, found at)
        self.cache: dict[bytes, Any] = {}

    def read(self, start: int = 0, end: int | None = None) -> None:
        data, pos, findings = self.data, start, self.findings
        end = len(data) if end is None else end
        match = TOKEN.match
        while pos < end:
            token = match(data, pos, end)
            assert token is not None  # "end" matches where nothing else does
            kind, pos = token.lastgroup, token.end()
            if kind == "atoms":
                self._atoms(token.group(kind))
                continue
            if kind == "end":
                return
            findings.tokens += 1
            if findings.tokens > MAX_TOKENS:
                raise PdfSyntaxError("too many tokens")
            pos = self._structure(kind or "", token, pos)

    def _structure(self, kind: str, token: re.Match[bytes], pos: int) -> int:
        if kind in ("dopen", "aopen"):
            if len(self.stack) >= MAX_DEPTH:
                raise PdfSyntaxError("nested too deep")
            self.stack.append((kind == "dopen", []))
        elif kind in ("dclose", "aclose"):
            self._close(kind == "dclose")
        elif kind == "obj":
            self._start_object(int(token.group(kind).split()[0]))
        elif kind == "nested":
            self._value(TEXT)
            return skip_string(self.data, token.start(kind), self.findings)
        elif kind == "keyword":
            return self._keyword(token.group(kind), pos)
        return pos

    # --- values -------------------------------------------------------------------

    def _atom(self, raw: bytes) -> Any:
        first = raw[:1]
        if first == b"/":
            value: Any = decode_name(raw[1:])
            self.findings.names.add(value)
        elif raw in CONSTANTS:
            value = CONSTANTS[raw]
        elif raw[-1:] == b"R" and first.isdigit():
            value = Ref(int(raw.split()[0]))
        else:
            digits = raw.lstrip(b"+-")
            # Object numbers and lengths are short; a long run of digits is
            # only a number here (and int() would refuse 4300 digits).
            value = int(raw) if digits.isdigit() and len(digits) < 19 else TEXT
        if len(self.cache) < CACHE_SIZE:
            self.cache[raw] = value
        return value

    def _atoms(self, chunk: bytes) -> None:
        raws = ATOM.findall(chunk)
        if b"%" in chunk:
            raws = [raw for raw in raws if raw[:1] != b"%"]
        self.findings.items += len(raws)
        if self.findings.items > MAX_ITEMS_TOTAL:
            raise PdfSyntaxError("too many items")
        if not self.stack:
            # At the top level only names and the last two values matter.
            if b"/" in chunk:
                for raw in raws[:-2]:
                    if raw[:1] == b"/":
                        self._atom(raw)
            for raw in raws[-2:]:
                self._value(self._atom(raw))
            return
        get, items = self.cache.get, self.stack[-1][1]
        for raw in raws:
            value = get(raw, MISSING)
            items.append(self._atom(raw) if value is MISSING else value)
        if len(items) > MAX_ITEMS:
            raise PdfSyntaxError("too many items in one array or dictionary")

    def _value(self, value: Any) -> None:
        if self.stack:
            self.stack[-1][1].append(value)
            return
        self.recent = [*self.recent[-1:], value]
        if self.current is not None:
            self.findings.objects.setdefault(self.current, []).append(value)

    def _close(self, is_dictionary: bool) -> None:
        if not self.stack or self.stack[-1][0] != is_dictionary:
            return  # a stray closing bracket: readers skip it too
        items = self.stack.pop()[1]
        self._value(self._dictionary(items) if is_dictionary else items)

    def _dictionary(self, items: list[Any]) -> dict[str, Any]:
        """Key-value pairs; an item out of place (not a name where a key is
        due) is skipped, as lenient readers do."""
        result: dict[str, Any] = {}
        index = 0
        while index + 1 < len(items):
            if type(items[index]) is not str:
                index += 1
                continue
            result[items[index]] = items[index + 1]
            index += 2
        if "OpenAction" in result:
            self.findings.open_actions.append(result["OpenAction"])
        return result

    # --- objects and streams ---------------------------------------------------------

    def _start_object(self, number: int | None) -> None:
        self.findings.start_object()
        self.stack, self.current = [], number

    def _keyword(self, word: bytes, pos: int) -> int:
        if word == b"R":  # a reference split by a comment or a line of its own
            self._reference()
        elif word == b"obj" and not self.stack:
            number = self.recent[0] if len(self.recent) == 2 else None
            self._start_object(number if type(number) is int else None)
        elif word == b"endobj":
            self.stack, self.current = [], None
        elif word == b"stream" and self.streams and not self.stack:
            return self._stream(pos)
        return pos

    def _reference(self) -> None:
        items = self.stack[-1][1] if self.stack else self.recent
        if len(items) >= 2 and all(type(v) is int for v in items[-2:]):
            number = items[-2]
            del items[-2:]
            if self.stack:
                items.append(Ref(number))
            else:
                self._value(Ref(number))

    def _find_endstream(self, start: int) -> int:
        # Searches start further on each time; remembering the last answer
        # keeps many streams before one far "endstream" from costing n².
        searched_from, found = self.endstream
        if not (searched_from <= start <= found or found < 0 <= searched_from <= start):
            found = self.data.find(b"endstream", start)
            self.endstream = (start, found)
        return len(self.data) if found < 0 else found

    def _stream(self, pos: int) -> int:
        """Step over the data of the stream whose dictionary was just read;
        reading goes on at its declared end when "endstream" comes at or
        after it, else after "endstream" (see the module docstring)."""
        recent = self.recent[-1] if self.recent else None
        head = recent if isinstance(recent, dict) else {}
        start = stream_start(self.data, pos)
        stop = self._find_endstream(start)
        length = head.get("Length")
        fits = type(length) is int and length >= 0 and start + length <= stop
        if head.get("Type") == "ObjStm":
            self.object_streams.append((head, self.data[start : start + length if fits else stop]))
        return start + length if fits else stop + len(b"endstream")


# --- Object streams --------------------------------------------------------------------


def _filters(head: dict[str, Any]) -> list[str]:
    raw = head.get("Filter")
    items = raw if isinstance(raw, list) else [] if raw is None else [raw]
    if not all(type(item) is str for item in items):
        raise PdfSyntaxError("filter is not a name")
    params = head.get("DecodeParms")
    for param in params if isinstance(params, list) else [params]:
        if isinstance(param, dict) and param.get("Predictor") not in (None, 1):
            # Predictors are for images and cross-reference streams; an
            # object stream with one is not what an ordinary producer writes.
            raise PdfSyntaxError("predictor on an object stream")
    return list(items)


def _inflate(raw: bytes, limit: int) -> bytes:
    for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # with, then without, the zlib header
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(raw, limit + 1)
        except zlib.error:
            continue
        if len(out) > limit:
            raise PdfSyntaxError("decodes to too much (a decompression bomb)")
        return out
    raise PdfSyntaxError("not Flate data")


def _decode_one(name: str, raw: bytes, limit: int) -> bytes:
    try:
        if name in ("FlateDecode", "Fl"):
            return _inflate(raw, limit)
        if name in ("ASCIIHexDecode", "AHx"):
            digits = bytes(b for b in raw.split(b">")[0] if b not in WHITESPACE)
            return binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        if name in ("ASCII85Decode", "A85"):
            text = bytes(b for b in raw.split(b"~>")[0] if b not in WHITESPACE)
            return base64.a85decode(text)
    except (ValueError, binascii.Error):
        raise PdfSyntaxError(f"bad {name} data") from None
    raise PdfSyntaxError(f"filter {name} is not used for object streams")


def decode_stream(head: dict[str, Any], raw: bytes, limit: int = MAX_DECODED_STREAM) -> bytes:
    data = raw
    for name in _filters(head):
        data = _decode_one(name, data, limit)
        if len(data) > limit:
            raise PdfSyntaxError("decodes to too much")
    return data


def read_object_stream(head: dict[str, Any], data: bytes, findings: Findings) -> None:
    """Each object of a decoded object stream, read under its own number;
    the header and any bytes between objects are read too."""
    first = head.get("First")
    if type(first) is not int or not 0 <= first <= len(data):
        raise PdfSyntaxError("object stream without a sound /First")
    numbers = [int(n) for n in re.findall(rb"\d{1,18}", data[:first])]
    starts = sorted(
        (first + offset, number)
        for number, offset in zip(numbers[::2], numbers[1::2], strict=False)
        if first + offset < len(data)
    )
    bounds: list[tuple[int, int | None]] = [(0, None), (first, None), *starts, (len(data), None)]
    for (start, number), (end, _next) in zip(bounds, bounds[1:], strict=False):
        if number is not None:
            findings.start_object()
        reader = Reader(data, findings, streams=False)
        reader.current = number
        reader.read(start, end)


def read_file(data: bytes) -> tuple[Findings, bool]:
    """Everything the file says, object streams included, and whether it
    is encrypted (then its object streams are not read: without the key
    they are noise)."""
    findings = Findings()
    top = Reader(data, findings, streams=True)
    top.read()
    findings.object_streams = len(top.object_streams)
    encrypted = "Encrypt" in findings.names
    if encrypted:
        return findings, True
    for head, raw in top.object_streams:
        budget = MAX_DECODED_TOTAL - findings.decoded_bytes
        decoded = decode_stream(head, raw, min(MAX_DECODED_STREAM, budget))
        findings.decoded_bytes += len(decoded)
        read_object_stream(head, decoded, findings)
    return findings, False
