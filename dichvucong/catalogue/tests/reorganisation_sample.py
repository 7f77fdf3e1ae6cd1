"""The demo's quận Thanh Xuân (2017) with the 2025 reorganisation loaded
on top, for the tests of dated units and successions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.demo import read_master_data
from dichvucong.demo.master import load_master
from dichvucong.demo.store import Tally

DATA_FILE = Path(__file__).parents[1] / "data" / "reorganisation_2025_thanh_xuan.json"


def reorganisation_data() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = json.load(stream)
    return data


def load_thanh_xuan_2017() -> None:
    load_master(read_master_data(), Tally())


def load_thanh_xuan_2025() -> None:
    load_thanh_xuan_2017()
    load_reorganisation(reorganisation_data())
