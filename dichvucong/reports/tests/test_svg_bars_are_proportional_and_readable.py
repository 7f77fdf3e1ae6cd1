"""The charts: bar lengths proportional to the numbers, numbers written as
text, readable sizes, and no script."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from dichvucong.reports import svg

NS = {"s": "http://www.w3.org/2000/svg"}


def bars(markup: str) -> list[tuple[float, str]]:
    """(width, tooltip) of every rect that has a tooltip, i.e. every bar."""
    root = ET.fromstring(markup)
    return [
        (float(rect.get("width")), rect.find("s:title", NS).text)
        for rect in root.iter("{http://www.w3.org/2000/svg}rect")
        if rect.find("s:title", NS) is not None
    ]


def test_bar_lengths_are_proportional_to_the_values():
    markup = svg.bar_chart(
        "c",
        "Hồ sơ",
        ["01/2025", "02/2025"],
        [
            svg.Series("Tiếp nhận", [40, 10], "#0b4a8b"),
            svg.Series("Đã giải quyết", [20, 0], "#1b6e20", hatched=True),
        ],
    )
    widths = [width for width, _ in bars(markup)]
    longest = svg.WIDTH - svg.VALUE_ROOM
    assert widths == pytest.approx([longest, longest / 2, longest / 4, 0])
    assert [title for _, title in bars(markup)][1] == "Đã giải quyết 01/2025: 20"


def test_each_bar_has_its_number_as_text_and_series_differ_by_pattern_too():
    markup = svg.bar_chart(
        "c",
        "t",
        ["03/2025"],
        [
            svg.Series("Tiếp nhận", [1234], "#0b4a8b"),
            svg.Series("Đã giải quyết", [987], "#1b6e20", hatched=True),
        ],
    )
    texts = [node.text for node in ET.fromstring(markup).iter("{http://www.w3.org/2000/svg}text")]
    assert {"1.234", "987", "Tiếp nhận", "Đã giải quyết", "03/2025"} <= set(texts)
    assert 'fill="url(#c-s1)"' in markup and "<pattern" in markup


def test_all_zero_values_draw_empty_bars_not_an_error():
    markup = svg.bar_chart("c", "t", ["01/2025"], [svg.Series("A", [0], "#000")])
    assert [width for width, _ in bars(markup)] == [0]


def test_stacked_bar_splits_the_width_by_share_and_spells_out_each_part():
    markup = svg.stacked_bar(
        "s",
        "Tiến độ",
        [
            svg.Part("Trước hạn", 50, "#1b6e20"),
            svg.Part("Đúng hạn", 30, "#0b4a8b"),
            svg.Part("Trễ hạn", 20, "#b3261e"),
        ],
    )
    assert [width for width, _ in bars(markup)] == pytest.approx([160, 96, 64])
    assert "Trễ hạn: 20 (20,0%)" in markup


def test_share_bars_fill_to_the_share_and_say_when_there_is_no_data():
    markup = svg.share_bars("p", "Tỷ lệ", [("Hài lòng", 0.953), ("Thanh toán", None)])
    assert [width for width, _ in bars(markup)] == pytest.approx(
        [(svg.WIDTH - svg.VALUE_ROOM) * 0.953]
    )
    assert "95,3%" in markup and "chưa có dữ liệu" in markup


def test_text_is_escaped_and_the_chart_is_accessible_and_scales():
    markup = svg.bar_chart("c", "<b>", ["A & B <script>"], [svg.Series("x", [1], "#000")])
    root = ET.fromstring(markup)  # well-formed despite the markup in the labels
    assert "<script" not in markup
    assert root.get("role") == "img" and root.get("viewBox") == f"0 0 {svg.WIDTH} " + re.search(
        r'viewBox="0 0 \d+ ([\d.]+)"', markup
    ).group(1)
    assert root.find("s:title", NS).text == "<b>"
    # 15 units in a 320-unit-wide chart stay above 12 px on a 320 px phone
    # (284 px of content once the page margins are taken).
    assert int(root.get("font-size")) * 284 / svg.WIDTH >= 12
