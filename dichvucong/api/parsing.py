"""Reading JSON bodies. Python's parser recurses once per level of
nesting, so how deep a body may go would otherwise depend on how deep the
stack already is (middleware, workers, threads): a body nested hundreds of
levels was sometimes a 422 and sometimes a 400. Here depth is measured
first, without recursion, and anything deeper than any e-form needs is
refused the same way every time."""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import HttpRequest
from ninja.parser import Parser

from dichvucong.api.errors import ApiError

# An e-form value is at most a table of rows: a handful of levels.
MAX_JSON_DEPTH = 32
MSG_TOO_DEEP = f"Dữ liệu gửi lên lồng nhau quá nhiều tầng (tối đa {MAX_JSON_DEPTH} tầng)."

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


def nesting_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects, brackets inside strings
    not counted. Malformed input gets a number too; the parser judges it."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', body)):
        depth += 1 if match.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


class DepthLimitedParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        body = request.body
        if nesting_depth(body) > MAX_JSON_DEPTH:
            raise ApiError(422, "too_deep", MSG_TOO_DEEP)
        return json.loads(body)
