"""The corpus of files an upload must refuse, and of ordinary ones it must
take, built as bytes in code so every test can say exactly what it sends.

The PDFs are real: pypdf (a test dependency) reads each one back in
test_the_pdf_corpus_is_real_pdf.py, so they fool no reader but our own.
"""

from __future__ import annotations

import struct
import zlib

# --- PDFs -------------------------------------------------------------------------------

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def page(extra: bytes = b"") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R %s >>" % extra


CONTENT = b"BT /F1 12 Tf 20 100 Td (Giay chung sinh /JS /AA) Tj ET"


def content_stream(body: bytes = CONTENT) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)


def pdf(objects: list[bytes], *, trailer: bytes = b"", version: bytes = HEADER) -> bytes:
    """A well-formed PDF with a classic cross-reference table; objects are
    numbered from 1 and the first is the catalog."""
    out = bytearray(version)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def document(
    catalog: bytes = b"",
    page_extra: bytes = b"",
    more: list[bytes] | None = None,
    *,
    trailer: bytes = b"",
) -> bytes:
    """One page with a line of text; `catalog` and `page_extra` go into the
    catalog and page dictionaries, `more` are objects 5, 6..."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog,
        PAGES,
        page(page_extra),
        content_stream(),
        *(more or []),
    ]
    return pdf(objects, trailer=trailer)


def compressed(
    objects: dict[int, bytes],
    plain: dict[int, bytes],
    *,
    trailer: bytes = b"",
    encode=zlib.compress,
    filter_name: bytes = b"/FlateDecode",
) -> bytes:
    """A PDF 1.5 file keeping `objects` in a Flate object stream, `plain`
    ones outside it, found through a cross-reference stream. Object 1
    (the catalog) must be among them."""
    numbers = sorted(objects)
    bodies = [objects[n] for n in numbers]
    offsets, position = [], 0
    for body in bodies:
        offsets.append(position)
        position += len(body) + 1
    header = b" ".join(b"%d %d" % pair for pair in zip(numbers, offsets, strict=True)) + b"\n"
    packed = encode(header + b"\n".join(bodies) + b"\n")
    stream_number = max([*objects, *plain]) + 1
    xref_number = stream_number + 1
    out = bytearray(HEADER)
    located: dict[int, bytes] = {}
    for number in sorted(plain):
        located[number] = struct.pack(">BIH", 1, len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, plain[number])
    located[stream_number] = struct.pack(">BIH", 1, len(out), 0)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter %s /Length %d >>\nstream\n" % (
        stream_number,
        len(numbers),
        len(header),
        filter_name,
        len(packed),
    )
    out += packed + b"\nendstream\nendobj\n"
    for index, number in enumerate(numbers):
        located[number] = struct.pack(">BIH", 2, stream_number, index)
    located[xref_number] = struct.pack(">BIH", 1, len(out), 0)
    rows = b"".join(located.get(n, struct.pack(">BIH", 0, 0, 0)) for n in range(xref_number + 1))
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R %s /Length %d >>\nstream\n"
        % (xref_number, xref_number + 1, trailer, len(rows))
    )
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % _xref_offset(
        located[xref_number]
    )
    return bytes(out)


def _xref_offset(row: bytes) -> int:
    return struct.unpack(">BIH", row)[1]


def compressed_document(
    catalog: bytes = b"", more: dict[int, bytes] | None = None, **kwargs: object
) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog,
        2: PAGES,
        3: page(),
        **(more or {}),
    }
    return compressed(objects, {4: content_stream()}, **kwargs)  # type: ignore[arg-type]


JS = b"<< /S /JavaScript /JS (app.alert\\('Xin chao'\\);) >>"

# Refused, with the code lib/pdfscan.py gives.
OPEN_ACTION_JS = document(b"/OpenAction " + JS)
OPEN_ACTION_JS_ESCAPED = document(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")
OPEN_ACTION_JS_IN_OBJECT_STREAM = compressed_document(b"/OpenAction 5 0 R", {5: JS})
JS_ESCAPED_IN_OBJECT_STREAM = compressed_document(
    b"/Names << /J#61va#53cript << /Names [(a) 5 0 R] >> >>", {5: JS.replace(b"/JS", b"/J#53")}
)
JS_NAME_TREE = document(b"/Names << /JavaScript << /Names [(a) 5 0 R] >> >>", more=[JS])
LAUNCH_ON_CLICK = document(
    page_extra=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 200 200] "
    b"/A << /S /Launch /F (C:\\\\Windows\\\\System32\\\\cmd.exe) >> >>]"
)
PAGE_OPEN_ACTION = document(page_extra=b"/AA << /O << /S /URI /URI (http://lua-dao.example) >> >>")
OPEN_URL_ON_OPEN = document(b"/OpenAction << /S /URI /URI (http://lua-dao.example) >>")
OPEN_URL_BY_REFERENCE = document(
    b"/OpenAction 5 0 R", more=[b"<< /S /URI /URI (http://x.example) >>"]
)
GO_TO_THEN_URL = document(
    b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /URI /URI (http://x.example) >> >>"
)
OPEN_URL_IN_OBJECT_STREAM = compressed_document(
    b"/OpenAction 5 0 R", {5: b"<< /S /URI /URI (http://x.example) >>"}
)
EMBEDDED_FILE = document(
    b"/Names << /EmbeddedFiles << /Names [(hoa-don.exe) 5 0 R] >> >>",
    more=[
        b"<< /Type /Filespec /F (hoa-don.exe) /EF << /F 6 0 R >> >>",
        b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
    ],
)
FILE_ATTACHMENT = document(
    page_extra=b"/Annots [<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] "
    b"/FS << /Type /Filespec /F (a.txt) >> >>]"
)
XFA_FORM = document(b"/AcroForm << /Fields [] /XFA 5 0 R >>", more=[content_stream(b"<xdp/>")])
ENCRYPTED_OBJECT_STREAM = compressed_document(
    trailer=b"/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>",
    encode=lambda data: bytes(b ^ 0x5A for b in zlib.compress(data)),
)
NOTHING_INSIDE = b"%PDF-1.4\nday khong phai la tep PDF\n%%EOF\n"
BROKEN_OBJECT_STREAM = compressed_document(encode=lambda data: b"\x78\x9c" + data[:4] + b"hong")
ASCII_HEX_OBJECT_STREAM_JS = compressed_document(
    b"/OpenAction 5 0 R",
    {5: JS},
    encode=lambda data: data.hex().encode() + b">",
    filter_name=b"/ASCIIHexDecode",
)

ACTIVE_PDFS: dict[str, tuple[bytes, str]] = {
    "open-action-javascript": (OPEN_ACTION_JS, "javascript"),
    "javascript-hidden-by-name-escapes": (OPEN_ACTION_JS_ESCAPED, "javascript"),
    "javascript-in-a-flate-object-stream": (OPEN_ACTION_JS_IN_OBJECT_STREAM, "javascript"),
    "escaped-javascript-in-an-object-stream": (JS_ESCAPED_IN_OBJECT_STREAM, "javascript"),
    "javascript-in-an-ascii-hex-object-stream": (ASCII_HEX_OBJECT_STREAM_JS, "javascript"),
    "document-level-javascript": (JS_NAME_TREE, "javascript"),
    "xfa-form": (XFA_FORM, "javascript"),
    "launch-action": (LAUNCH_ON_CLICK, "auto_action"),
    "page-additional-action": (PAGE_OPEN_ACTION, "auto_action"),
    "open-action-opens-a-url": (OPEN_URL_ON_OPEN, "auto_action"),
    "open-action-by-reference": (OPEN_URL_BY_REFERENCE, "auto_action"),
    "go-to-then-a-url": (GO_TO_THEN_URL, "auto_action"),
    "open-action-in-an-object-stream": (OPEN_URL_IN_OBJECT_STREAM, "auto_action"),
    "embedded-files": (EMBEDDED_FILE, "embedded_file"),
    "file-attachment-annotation": (FILE_ATTACHMENT, "embedded_file"),
    "encrypted-object-stream": (ENCRYPTED_OBJECT_STREAM, "encrypted"),
    "no-object-at-all": (NOTHING_INSIDE, "unreadable"),
    "broken-object-stream": (BROKEN_OBJECT_STREAM, "unreadable"),
}

# Taken: what ordinary producers write.
ORDINARY_PDFS: dict[str, bytes] = {
    "one-page": document(),
    "open-at-first-page": document(b"/OpenAction [3 0 R /Fit] /PageLayout /OneColumn"),
    "open-with-go-to": document(b"/OpenAction << /S /GoTo /D [3 0 R /XYZ 0 200 0] >>"),
    "open-action-by-reference-to-a-destination": document(
        b"/OpenAction 5 0 R", more=[b"[3 0 R /FitH 200]"]
    ),
    "a-link-to-a-web-page": document(
        page_extra=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 50 10] "
        b"/A << /S /URI /URI (https://dichvucong.gov.vn) >> >>]"
    ),
    "names-in-strings-and-comments": document(
        b"/Metadata (/JavaScript /Launch /AA) % /JS /EmbeddedFiles in a comment\n"
    ),
    "active-names-inside-image-data": document(
        page_extra=b"/Resources << /XObject << /Im1 5 0 R >> >>",
        more=[
            b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length 24 >>\nstream\n/JS /AA /Launch /XFA \nendstream"
        ],
    ),
    "object-stream": compressed_document(b"/OpenAction [3 0 R /Fit]"),
    "bookmarks-and-page-labels": document(
        b"/Outlines 5 0 R /PageLabels << /Nums [0 << /S /D >>] >>",
        more=[b"<< /Type /Outlines /Count 0 >>"],
    ),
}

# --- Images ------------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int = 1, height: int = 1, *, pixels: bytes | None = None) -> bytes:
    """A grey PNG. A large size with the default pixels is a bomb: a few
    bytes that claim width × height (the IDAT holds one row only)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = pixels if pixels is not None else (b"\x00" + b"\x80" * min(width, 64)) * min(height, 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + (_chunk(b"IEND", b""))
    )


# A real 1 × 1 grey JPEG (JFIF, baseline), made once with Pillow.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a18"
    "1616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c"
    "656763ffc0000b080001000101011100ffc40014000100000000000000000000000000000000ffc4001410"
    "0100000000000000000000000000000000ffda0008010100003f003fffd9"
)
JPEG_SOF = b"\xff\xc0\x00\x0b\x08\x00\x01\x00\x01"


def jpeg(width: int = 1, height: int = 1) -> bytes:
    """The JPEG above with its frame header claiming width × height."""
    return JPEG.replace(JPEG_SOF, b"\xff\xc0\x00\x0b\x08" + struct.pack(">HH", height, width))


PNG_BOMB = png(30000, 30000)
JPEG_BOMB = jpeg(30000, 30000)
PNG_BAD_CRC = png()[:29] + b"\x00\x00\x00\x00" + png()[33:]
PNG_TRUNCATED = png()[:20]
JPEG_TRUNCATED = JPEG[:30]
JPEG_NO_FRAME = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"

# --- Markup -------------------------------------------------------------------------------

SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
    b'width="10" height="10"><script>alert(document.cookie)</script></svg>'
)
HTML = b"<!DOCTYPE html>\n<html><body><script>fetch('/ho-so/')</script></body></html>"
HTML_UTF16 = "\ufeff<html><script>alert(1)</script></html>".encode("utf-16-le")

# --- Uploads as a browser or a script sends them: (name, bytes, declared type) -------------

HOSTILE_UPLOADS: dict[str, tuple[str, bytes, str]] = {
    **{
        f"pdf-{label}": ("giay-chung-sinh.pdf", data, "application/pdf")
        for label, (data, _code) in ACTIVE_PDFS.items()
    },
    "png-30000x30000": ("anh-chup.png", PNG_BOMB, "image/png"),
    "jpeg-30000x30000": ("anh-chup.jpg", JPEG_BOMB, "image/jpeg"),
    "png-garbled-header": ("anh-chup.png", PNG_BAD_CRC, "image/png"),
    "jpeg-truncated-header": ("anh-chup.jpg", JPEG_TRUNCATED, "image/jpeg"),
    "svg": ("anh.svg", SVG, "image/svg+xml"),
    "svg-named-png": ("anh.png", SVG, "image/png"),
    "html-named-pdf": ("giay-chung-sinh.pdf", HTML, "application/pdf"),
    "double-extension": ("giay-chung-sinh.pdf.html", document(), "text/html"),
    "declared-type-lies": ("giay-chung-sinh.pdf", document(), "text/html"),
    "png-sent-as-pdf": ("giay-chung-sinh.pdf", png(), "application/pdf"),
}
