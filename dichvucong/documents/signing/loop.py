"""pyHanko's synchronous calls run an asyncio loop of their own, which
asyncio refuses inside a thread whose loop is already running (an ASGI
server, Playwright's sync API in the browser tests). There they run in a
short-lived thread of their own."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def outside_any_loop(call: Callable[[], T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()  # the usual case: a WSGI worker, a command, a task
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()
