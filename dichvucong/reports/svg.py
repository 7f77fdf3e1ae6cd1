"""Charts drawn on the server as inline SVG: no JavaScript, no library.

Made for a phone first: the viewBox is 320 units wide, about the width of a
phone screen, so the 15-unit text stays above 12 px even on a 320 px
phone; bars run horizontally so that a category's name and its numbers
never squeeze between columns. Colour is never the only cue: every bar carries its number
as text, series also differ by a hatch pattern, and the legend spells out
what each colour means. Each chart has a <title> for screen readers, and
the same figures are in the tables below the charts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext as _

from dichvucong.reports.formatting import format_count, format_share

WIDTH = 320
FONT = 15
LINE = 21  # height of a line of text
BAR = 16  # thickness of a bar
VALUE_ROOM = 64  # room right of the longest bar for its number
TRACK = "#e3e6ea"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int]
    colour: str
    hatched: bool = False


@dataclass(frozen=True)
class Part:
    name: str
    value: int
    colour: str


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _text(x: float, y: float, content: str, **attributes: object) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{_attr(v)}"' for name, v in attributes.items())
    return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(content)}</text>'


def _rect(x: float, y: float, width: float, height: float, fill: str, title: str = "") -> str:
    tooltip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" '
        f'fill="{_attr(fill)}">{tooltip}</rect>'
    )


def _svg(chart_id: str, title: str, height: float, body: list[str], defs: str = "") -> str:
    title_id = f"{chart_id}-title"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{_attr(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height:g}" role="img" aria-labelledby="{_attr(title_id)}" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">'
        f'<title id="{_attr(title_id)}">{escape(title)}</title>'
        f"{f'<defs>{defs}</defs>' if defs else ''}{''.join(body)}</svg>"
    )


def _hatch(pattern_id: str, colour: str) -> str:
    return (
        f'<pattern id="{_attr(pattern_id)}" width="6" height="6" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{_attr(colour)}"/>'
        f'<rect width="2.5" height="6" fill="#fff" fill-opacity="0.55"/></pattern>'
    )


def scale(values: Sequence[int], room: float) -> Callable[[int], float]:
    """Value -> length, the largest value filling `room`; all zero -> 0."""
    largest = max(values, default=0)
    return lambda value: room * value / largest if largest else 0.0


def _legend(chart_id: str, series: Sequence[Series], y: float) -> tuple[list[str], float]:
    items: list[str] = []
    for index, item in enumerate(series):
        fill = f"url(#{chart_id}-s{index})" if item.hatched else item.colour
        items.append(_rect(0, y + 3, BAR, BAR - 2, fill))
        items.append(_text(BAR + 6, y + FONT, item.name))
        y += LINE
    return items, y


def bar_chart(
    chart_id: str, title: str, categories: Sequence[str], series: Sequence[Series]
) -> str:
    """Grouped horizontal bars: for each category its name, then one bar
    per series with its number at the end of the bar."""
    defs = "".join(
        _hatch(f"{chart_id}-s{index}", item.colour)
        for index, item in enumerate(series)
        if item.hatched
    )
    body, y = _legend(chart_id, series, 0)
    length = scale([value for item in series for value in item.values], WIDTH - VALUE_ROOM)
    for position, category in enumerate(categories):
        y += 8
        body.append(_text(0, y + FONT, category, font_weight="600"))
        y += LINE
        for index, item in enumerate(series):
            value = item.values[position]
            fill = f"url(#{chart_id}-s{index})" if item.hatched else item.colour
            width = length(value)
            label = f"{item.name} {category}: {format_count(value)}"
            body.append(_rect(0, y, width, BAR, fill, label))
            body.append(_text(width + 4, y + BAR - 3, format_count(value)))
            y += BAR + 3
    return _svg(chart_id, title, y + 4, body, defs)


def stacked_bar(chart_id: str, title: str, parts: Sequence[Part]) -> str:
    """One bar split into parts by their share of the whole, white gaps
    between them, and a legend line per part with its count and share."""
    whole = sum(part.value for part in parts)
    body: list[str] = []
    x = 0.0
    for part in parts:
        width = WIDTH * part.value / whole if whole else 0.0
        if width:
            tooltip = f"{part.name}: {format_count(part.value)}"
            body.append(_rect(x, 0, width, BAR * 2, part.colour, tooltip))
            x += width
            body.append(_rect(x - 1, 0, 1, BAR * 2, "#fff"))
    if not whole:
        body.append(_rect(0, 0, WIDTH, BAR * 2, TRACK))
        body.append(_text(8, BAR + 5, _("chưa có dữ liệu")))
    y = BAR * 2 + 8
    for part in parts:
        body.append(_rect(0, y + 3, BAR, BAR - 2, part.colour))
        share = format_share(part.value / whole if whole else None)
        line = f"{part.name}: {format_count(part.value)} ({share})"
        body.append(_text(BAR + 6, y + FONT, line))
        y += LINE
    return _svg(chart_id, title, y + 4, body)


def share_bars(chart_id: str, title: str, items: Sequence[tuple[str, float | None]]) -> str:
    """One 0-100% track per item, filled to its share, the percentage
    written after it; an unknown share says so instead of drawing 0."""
    body: list[str] = []
    room = WIDTH - VALUE_ROOM
    y = 0.0
    for name, value in items:
        body.append(_text(0, y + FONT, name))
        y += LINE
        body.append(_rect(0, y, room, BAR, TRACK))
        if value is not None:
            body.append(_rect(0, y, room * max(0.0, min(value, 1.0)), BAR, "#0b4a8b", name))
        text = format_share(value) if value is not None else _("chưa có dữ liệu")
        body.append(_text(room + 4 if value is not None else 4, y + BAR - 3, text))
        y += BAR + 10
    return _svg(chart_id, title, y, body)
