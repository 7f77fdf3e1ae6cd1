"""What an uploaded file may be, decided by its content: the one rule for
every place the system takes a file from someone (dossier attachments and
supplements, on the web and through the API; campaign materials; the blank
forms an administrator publishes). Framework-free; the callers translate
the messages, which are Vietnamese msgids, as lib/identity.py's are.

`check_upload(name, declared, stream, accepted)` returns the name to keep
and the file's type, or raises FileRefused saying why. In order:

1. The name is neutralised, never refused for its characters: the base name
   only (no folder, so no `../`), NFC, without control or invisible
   formatting characters (NUL, right-to-left override...), other unsafe
   characters replaced by "_". A browser already sends only the base name;
   a citizen whose phone adds odd characters still gets the file through.
2. Markup is refused whatever the name says: an SVG image or an HTML page
   runs scripts when opened in a browser.
3. The type comes from the last extension. `x.pdf.html` is refused with its
   own message: the second extension is there to mislead.
4. The content must start as that type does (magic bytes).
5. The type the browser declared must be that type (or say "unknown"): a
   PDF sent as text/html, or a PNG sent as application/pdf, was renamed.
6. Deep checks: a PDF must carry no active content (lib/pdfscan.py), an
   image must declare at most `max_pixels` pixels with a sound header
   (lib/imagesize.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from dichvucong.lib import imagesize, pdfscan


def gettext_noop(message: str) -> str:
    """Marks a msgid for extraction; the caller translates."""
    return message


HEAD_BYTES = 1024
NAME_MAX = 100
DEFAULT_MAX_PIXELS = 40_000_000
UNSAFE_NAME_CHARS = re.compile(r"[^\w\-. ()]+")
# What a browser sends when it does not know the type: never a lie.
UNKNOWN_DECLARED = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/unknown",
        "application/force-download",
    }
)
# The start of an HTML document, as browsers sniff it (WHATWG MIME Sniffing 7.1).
HTML_STARTS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a ",
    b"<a>",
    b"<style",
    b"<title",
    b"<b ",
    b"<b>",
    b"<body",
    b"<br",
    b"<p ",
    b"<p>",
    b"<!--",
)
ZIP = b"PK\x03\x04"  # .docx, .pptx, .odt, .odp are zip containers
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc and .ppt
ZIP_DECLARED = frozenset({"application/zip", "application/x-zip-compressed"})

MSG_ONLY = gettext_noop("Chỉ nhận tệp %(kinds)s.")
MSG_DOUBLE = gettext_noop(
    "Tên tệp có hai đuôi (“%(tail)s”) nên thực chất là tệp %(real)s. Chỉ nhận tệp %(kinds)s."
)
MSG_SVG = gettext_noop(
    "Tệp là ảnh SVG, loại ảnh có thể chứa mã tự chạy nên không được nhận. Chỉ nhận tệp %(kinds)s."
)
MSG_HTML = gettext_noop("Tệp là một trang web (HTML), không phải giấy tờ. Chỉ nhận tệp %(kinds)s.")
MSG_CONTENT = gettext_noop("Nội dung tệp không đúng định dạng %(ext)s.")
MSG_DECLARED = gettext_noop(
    "Loại tệp trình duyệt gửi kèm (“%(declared)s”) không khớp với nội dung (%(label)s); "
    "tệp có thể đã bị đổi tên. Vui lòng chọn lại đúng tệp."
)
MSG_PDF = {
    "javascript": gettext_noop(
        "Tệp PDF có chứa mã lệnh (JavaScript) nên không được nhận. Vui lòng mở tệp, chọn "
        "In → “Lưu dưới dạng PDF” (Microsoft Print to PDF) để có bản sạch, rồi tải lên bản đó."
    ),
    "auto_action": gettext_noop(
        "Tệp PDF có lệnh tự chạy khi mở (mở chương trình hoặc trang web khác) nên không được "
        "nhận. Vui lòng mở tệp, chọn In → “Lưu dưới dạng PDF” rồi tải lên bản đó."
    ),
    "embedded_file": gettext_noop(
        "Tệp PDF có tệp khác đính kèm bên trong nên không được nhận. Vui lòng tải từng "
        "giấy tờ lên thành một tệp riêng."
    ),
    "encrypted": gettext_noop(
        "Tệp PDF bị khóa bằng mật khẩu hoặc mã hóa nên không kiểm tra được. Vui lòng gỡ mật "
        "khẩu (hoặc In → “Lưu dưới dạng PDF”) rồi tải lên."
    ),
    "unreadable": gettext_noop(
        "Không đọc được tệp PDF: tệp bị hỏng hoặc chưa tải về đủ. Vui lòng mở thử tệp trên "
        "máy, lưu lại rồi tải lên."
    ),
}
MSG_IMAGE_GARBLED = gettext_noop(
    "Tệp ảnh bị hỏng, không đọc được kích thước ảnh. Vui lòng chụp hoặc lưu lại ảnh rồi tải lên."
)
MSG_IMAGE_HUGE = gettext_noop(
    "Ảnh quá lớn: %(width)d × %(height)d điểm ảnh (%(mp)s megapixel), tối đa %(max)s "
    "megapixel. Vui lòng thu nhỏ ảnh, hoặc chụp lại ở chế độ thường."
)


class FileRefused(ValueError):
    """The file is refused; `message` is a Vietnamese msgid with `params`."""

    def __init__(self, message: str, code: str, **params: Any) -> None:
        super().__init__(message % params)
        self.message, self.code, self.params = message, code, params

    def text(self, gettext: Callable[[str], str]) -> str:
        return gettext(self.message) % self.params


@dataclass(frozen=True)
class FileType:
    label: str  # as people call it: "PDF", "JPG"
    content_type: str
    extensions: tuple[str, ...]
    signatures: tuple[tuple[int, bytes], ...]  # (offset, bytes): any one must match
    also_declared: frozenset[str] = frozenset()  # other types browsers send for it
    deep: str = ""  # "pdf", "png", "jpeg": the deep check of step 6

    def matches(self, head: bytes) -> bool:
        return any(head[at : at + len(sig)] == sig for at, sig in self.signatures)

    def declares(self, declared: str) -> bool:
        return declared == self.content_type or declared in self.also_declared


@dataclass(frozen=True)
class Accepted:
    """The types one place takes, and how its messages name them."""

    types: tuple[FileType, ...]
    kinds: str  # a msgid: "PDF, JPG hoặc PNG"
    by_extension: dict[str, FileType] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        table = {ext: kind for kind in self.types for ext in kind.extensions}
        object.__setattr__(self, "by_extension", table)


@dataclass(frozen=True)
class Checked:
    name: str  # the neutralised name, to keep and to show
    file_type: FileType

    @property
    def extension(self) -> str:
        return self.file_type.extensions[0]


PDF = FileType(
    "PDF",
    "application/pdf",
    (".pdf",),
    ((0, b"%PDF-"),),
    frozenset({"application/x-pdf", "application/acrobat", "applications/vnd.pdf"}),
    "pdf",
)
JPEG = FileType(
    "JPG",
    "image/jpeg",
    (".jpg", ".jpeg"),
    ((0, b"\xff\xd8\xff"),),
    frozenset({"image/jpg", "image/pjpeg"}),
    "jpeg",
)
PNG = FileType(
    "PNG",
    "image/png",
    (".png",),
    ((0, imagesize.PNG_SIGNATURE),),
    frozenset({"image/x-png"}),
    "png",
)
DOCX = FileType(
    "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
    ((0, ZIP),),
    ZIP_DECLARED,
)
DOC = FileType(
    "Word",
    "application/msword",
    (".doc",),
    ((0, OLE),),
    frozenset({"application/doc", "application/ms-doc", "application/vnd.ms-word"}),
)
ODT = FileType(
    "OpenDocument",
    "application/vnd.oasis.opendocument.text",
    (".odt",),
    ((0, ZIP),),
    ZIP_DECLARED,
)
PPTX = FileType(
    "PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
    ((0, ZIP),),
    ZIP_DECLARED,
)
PPT = FileType(
    "PowerPoint",
    "application/vnd.ms-powerpoint",
    (".ppt",),
    ((0, OLE),),
    frozenset({"application/mspowerpoint", "application/powerpoint", "application/x-mspowerpoint"}),
)
ODP = FileType(
    "OpenDocument",
    "application/vnd.oasis.opendocument.presentation",
    (".odp",),
    ((0, ZIP),),
    ZIP_DECLARED,
)
MP4 = FileType(
    "MP4",
    "video/mp4",
    (".mp4",),
    ((4, b"ftyp"),),
    frozenset({"application/mp4", "video/x-m4v"}),
)
WEBM = FileType("WebM", "video/webm", (".webm",), ((0, b"\x1a\x45\xdf\xa3"),))

# A dossier's documents: what a citizen scans or photographs.
DOCUMENTS = Accepted((PDF, JPEG, PNG), gettext_noop("PDF, JPG hoặc PNG"))
# Campaign materials: guides, slides and short training videos.
MATERIALS = Accepted(
    (PDF, PPTX, DOCX, ODP, ODT, PPT, DOC, MP4, WEBM),
    gettext_noop("PDF, Word, PowerPoint, OpenDocument hoặc video MP4, WebM"),
)
# The blank forms (mẫu đơn, tờ khai) citizens download from a procedure's page.
FORM_TEMPLATES = Accepted(
    (PDF, DOCX, DOC, ODT), gettext_noop("PDF, Word (.doc, .docx) hoặc OpenDocument (.odt)")
)


# --- Step 1: the name ---------------------------------------------------------------


def clean_name(name: str) -> str:
    """The base name only, NFC, without control or formatting characters,
    other unsafe characters as "_", at most NAME_MAX characters with the
    extension kept, never empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch) not in ("Cc", "Cf"))
    base = UNSAFE_NAME_CHARS.sub("_", base).strip(" .") or "tep"
    stem, dot, ext = base.rpartition(".")
    if dot and stem and len(ext) <= 5:
        return f"{stem[: NAME_MAX - 10]}.{ext.lower()}"
    return base[:NAME_MAX]


def _extension(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def type_for_name(name: str, accepted: Accepted) -> FileType:
    """The type the (clean) name's last extension says; a second extension
    in front of a refused one is named in the refusal."""
    ext = _extension(name)
    if ext in accepted.by_extension:
        return accepted.by_extension[ext]
    inner = _extension(PurePosixPath(name).stem)
    if ext and inner in accepted.by_extension:
        raise FileRefused(
            MSG_DOUBLE, "double_extension", tail=inner + ext, real=ext, kinds=accepted.kinds
        )
    raise FileRefused(MSG_ONLY, "type_not_accepted", kinds=accepted.kinds)


# --- Steps 2 to 5: what the content is ------------------------------------------------


def markup_kind(head: bytes) -> str | None:
    """ "svg" or "html" when the bytes are such a document (any text
    encoding browsers guess: UTF-8 with or without BOM, UTF-16), else None."""
    text = head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    text = text.removeprefix(b"\xef\xbb\xbf").lstrip(b"\x00\t\n\x0c\r ").lower()
    if not text.startswith(b"<"):
        return None
    if b"<svg" in text:
        return "svg"
    if text.startswith(HTML_STARTS) or b"<html" in text or b"<script" in text:
        return "html"
    return None


def check_declared(declared: str | None, file_type: FileType) -> None:
    value = (declared or "").split(";")[0].strip().lower()
    if value in UNKNOWN_DECLARED or file_type.declares(value):
        return
    shown = "".join(ch for ch in value[:60] if ch.isprintable())
    raise FileRefused(MSG_DECLARED, "declared_type_mismatch", declared=shown, label=file_type.label)


def _refuse_markup(head: bytes, accepted: Accepted) -> None:
    kind = markup_kind(head)
    if kind == "svg":
        raise FileRefused(MSG_SVG, "svg", kinds=accepted.kinds)
    if kind == "html":
        raise FileRefused(MSG_HTML, "html", kinds=accepted.kinds)


# --- Step 6: deep checks -----------------------------------------------------------------


def check_pdf(stream: BinaryIO) -> None:
    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    try:
        pdfscan.scan(data)
    except pdfscan.PdfProblem as problem:
        raise FileRefused(MSG_PDF[problem.code], f"pdf_{problem.code}") from None


def check_image(file_type: FileType, stream: BinaryIO, max_pixels: int) -> None:
    read_size = imagesize.png_size if file_type.deep == "png" else imagesize.jpeg_size
    try:
        width, height = read_size(stream)
    except imagesize.ImageProblem:
        raise FileRefused(MSG_IMAGE_GARBLED, "image_garbled") from None
    finally:
        stream.seek(0)
    if width * height > max_pixels:
        raise FileRefused(
            MSG_IMAGE_HUGE,
            "image_too_large",
            width=width,
            height=height,
            mp=_megapixels(width * height),
            max=_megapixels(max_pixels),
        )


def _megapixels(pixels: int) -> str:
    # "40", "899,6": Vietnamese write a decimal comma.
    value = f"{pixels / 1_000_000:.1f}".removesuffix(".0")
    return value.replace(".", ",")


# --- The whole rule ------------------------------------------------------------------------


def check_upload(
    name: str,
    declared: str | None,
    stream: BinaryIO,
    accepted: Accepted = DOCUMENTS,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> Checked:
    """Steps 1 to 6 of the module docstring; `stream` is read from its
    start and left at its start."""
    clean = clean_name(name)
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    _refuse_markup(head, accepted)
    file_type = type_for_name(clean, accepted)
    if not file_type.matches(head):
        raise FileRefused(MSG_CONTENT, "content_mismatch", ext=_extension(clean))
    check_declared(declared, file_type)
    if file_type.deep == "pdf":
        check_pdf(stream)
    elif file_type.deep in ("png", "jpeg"):
        check_image(file_type, stream, max_pixels)
    return Checked(clean, file_type)
