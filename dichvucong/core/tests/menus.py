"""Reads the links of a menu out of a page, as a screen reader lists them."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from django.http import HttpResponse

MAIN = "main-nav"
OUTREACH = "or-subnav"


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str
    current: bool


class _MenuParser(HTMLParser):
    def __init__(self, nav_class: str) -> None:
        super().__init__()
        self.nav_class = nav_class
        self.inside = False
        self.open: dict[str, str | None] | None = None
        self.text: list[str] = []
        self.links: list[MenuLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "nav" and self.nav_class in (found.get("class") or "").split():
            self.inside = True
        elif tag == "a" and self.inside:
            self.open, self.text = found, []

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self.inside = False
        elif tag == "a" and self.open is not None:
            label = " ".join("".join(self.text).split())
            current = self.open.get("aria-current") == "page"
            self.links.append(MenuLink(label, self.open.get("href") or "", current))
            self.open = None


def menu(response: HttpResponse, nav_class: str = MAIN) -> list[MenuLink]:
    parser = _MenuParser(nav_class)
    parser.feed(response.content.decode())
    return parser.links


def labels(response: HttpResponse, nav_class: str = MAIN) -> list[str]:
    return [link.label for link in menu(response, nav_class)]
