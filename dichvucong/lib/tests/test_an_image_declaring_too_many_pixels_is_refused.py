"""An image is judged by the size its header declares, without decoding
it: a few kilobytes claiming 30000 × 30000 pixels (a decompression bomb)
are refused, as is a header cut short or garbled; real photos pass."""

from __future__ import annotations

import io

import pytest

from dichvucong.lib import filecheck, imagesize
from dichvucong.lib.tests import hostile_files as corpus


def check(name: str, data: bytes, declared: str, max_pixels: int = 40_000_000) -> None:
    filecheck.check_upload(name, declared, io.BytesIO(data), max_pixels=max_pixels)


def refused(name: str, data: bytes, declared: str, **kwargs: int) -> filecheck.FileRefused:
    with pytest.raises(filecheck.FileRefused) as caught:
        check(name, data, declared, **kwargs)
    return caught.value


def test_the_header_sizes_are_read_as_declared() -> None:
    assert imagesize.png_size(io.BytesIO(corpus.png(640, 480))) == (640, 480)
    assert imagesize.jpeg_size(io.BytesIO(corpus.jpeg(4000, 3000))) == (4000, 3000)
    assert imagesize.jpeg_size(io.BytesIO(corpus.JPEG)) == (1, 1)


@pytest.mark.parametrize(
    ("name", "data", "declared"),
    [("anh.png", corpus.PNG_BOMB, "image/png"), ("anh.jpg", corpus.JPEG_BOMB, "image/jpeg")],
    ids=["png", "jpeg"],
)
def test_a_30000_by_30000_image_is_refused_saying_how_big_it_is(name, data, declared) -> None:
    assert len(data) < 1000
    error = refused(name, data, declared)
    assert error.code == "image_too_large"
    assert error.text(str) == (
        "Ảnh quá lớn: 30000 × 30000 điểm ảnh (900 megapixel), tối đa 40 megapixel. "
        "Vui lòng thu nhỏ ảnh, hoặc chụp lại ở chế độ thường."
    )


def test_the_limit_is_a_parameter_and_a_photo_under_it_passes() -> None:
    check("anh.jpg", corpus.jpeg(8000, 5000), "image/jpeg")  # 40 MP exactly
    assert refused("anh.jpg", corpus.jpeg(8000, 5001), "image/jpeg").code == "image_too_large"
    limited = refused("a.png", corpus.png(4000, 3050), "image/png", max_pixels=12_000_000)
    assert limited.text(str) == (
        "Ảnh quá lớn: 4000 × 3050 điểm ảnh (12,2 megapixel), tối đa 12 megapixel. "
        "Vui lòng thu nhỏ ảnh, hoặc chụp lại ở chế độ thường."
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("anh.png", corpus.PNG_BAD_CRC),
        ("anh.png", corpus.PNG_TRUNCATED),
        ("anh.png", corpus.png(0, 10)),
        ("anh.jpg", corpus.JPEG_TRUNCATED),
        ("anh.jpg", corpus.JPEG_NO_FRAME),
        ("anh.jpg", corpus.jpeg(0, 10)),
    ],
    ids=[
        "png-bad-crc",
        "png-cut-short",
        "png-zero-width",
        "jpeg-cut-short",
        "jpeg-no-frame",
        "jpeg-zero-width",
    ],
)
def test_a_garbled_or_truncated_header_is_refused(name: str, data: bytes) -> None:
    error = refused(name, data, "")
    assert error.code == "image_garbled"
    assert "Tệp ảnh bị hỏng" in error.text(str)


def test_real_tiny_images_pass() -> None:
    check("anh.png", corpus.png(), "image/png")
    check("anh.jpeg", corpus.JPEG, "image/pjpeg")
