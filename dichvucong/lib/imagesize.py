"""The width and height an image file declares, read from its header
without decoding a pixel. Framework-free.

A PNG or JPEG of a few kilobytes can declare 30000 × 30000 pixels: whoever
decodes it (a thumbnail, a viewer on the clerk's PC) needs gigabytes of
memory. The header is where that is seen, cheaply: the PNG IHDR chunk (with
its CRC, so a garbled header is told from a real one), the JPEG start-of-
frame segment (reached by walking the segments before it). A header that is
cut short or makes no sense raises ImageProblem("garbled").
"""

from __future__ import annotations

import struct
import zlib
from typing import BinaryIO

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SOI = b"\xff\xd8"
# Start-of-frame markers: baseline, extended, progressive, lossless, in
# Huffman and arithmetic coding. C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers that stand alone, without a length: TEM and the restart markers.
JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
JPEG_MAX_SEGMENTS = 1000
PNG_MAX_SIDE = 2**31 - 1  # the PNG specification's own limit
PNG_BIT_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}


class ImageProblem(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _exactly(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ImageProblem("garbled")
    return data


def png_size(stream: BinaryIO) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, which must come first."""
    stream.seek(0)
    head = _exactly(stream, 8 + 8 + 13 + 4)
    length, kind = struct.unpack(">I4s", head[8:16])
    body, crc = head[16:29], struct.unpack(">I", head[29:33])[0]
    if head[:8] != PNG_SIGNATURE or length != 13 or kind != b"IHDR":
        raise ImageProblem("garbled")
    if zlib.crc32(kind + body) != crc:
        raise ImageProblem("garbled")
    width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    if not (0 < width <= PNG_MAX_SIDE and 0 < height <= PNG_MAX_SIDE):
        raise ImageProblem("garbled")
    if depth not in PNG_BIT_DEPTHS.get(colour, set()):
        raise ImageProblem("garbled")
    return width, height


def _jpeg_marker(stream: BinaryIO) -> int:
    """The next marker; fill bytes (0xFF repeated) are allowed before it."""
    if _exactly(stream, 1) != b"\xff":
        raise ImageProblem("garbled")
    marker = 0xFF
    while marker == 0xFF:
        marker = _exactly(stream, 1)[0]
    return marker


def jpeg_size(stream: BinaryIO) -> tuple[int, int]:
    """(width, height) from the first start-of-frame segment. Thumbnails
    inside EXIF live within APP1's length and are stepped over with it."""
    stream.seek(0)
    if _exactly(stream, 2) != JPEG_SOI:
        raise ImageProblem("garbled")
    for _segment in range(JPEG_MAX_SEGMENTS):
        marker = _jpeg_marker(stream)
        if marker in JPEG_STANDALONE:
            continue
        if marker in (0xD8, 0xD9, 0xDA):  # SOI again, EOI or scan data before any frame
            raise ImageProblem("garbled")
        length = struct.unpack(">H", _exactly(stream, 2))[0]
        if length < 2:
            raise ImageProblem("garbled")
        if marker in JPEG_FRAMES:
            if length < 8:
                raise ImageProblem("garbled")
            height, width = struct.unpack(">xHH", _exactly(stream, 5))
            if width == 0 or height == 0:  # 0 = "said later", which no camera does
                raise ImageProblem("garbled")
            return width, height
        stream.seek(length - 2, 1)
    raise ImageProblem("garbled")
