"""Weigh the public and citizen pages in Chromium under "Fast 3G".

    .venv/bin/python bench/page_weight.py [--markdown] [--verbose]

Builds a throw-away data dir in a temporary folder (never var/), runs
`migrate` and `load_demo`, then `manage.py runserver` with DEBUG=true as
`make run` does (whitenoise serves the static files, as in `make run`).
Each page loads in Chromium (/usr/bin/chromium, no download), 360x640,
cache disabled and cold, DevTools' "Fast 3G" network; no CPU throttling.
Bytes are the sum of encodedDataLength of Network.loadingFinished (over the
wire, headers included); LCP is the last largest-contentful-paint entry.
Targets: every page <= 60 KB; home, catalogue, procedure, lookup LCP <= 2500 ms.
Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CITIZEN = "001090012345"  # dichvucong/demo/people.py CITIZEN_ID
PASSWORD = "demo12345"  # dichvucong/demo/people.py DEMO_PASSWORD
MAX_KB = 60.0
MAX_LCP_MS = 2500.0
LCP_PAGES = {"home", "catalogue", "procedure", "lookup"}
# Chrome DevTools' "Fast 3G" preset (front_end/core/sdk/NetworkManager.ts):
# download 1.6 Mbit/s * 0.9, upload 750 kbit/s * 0.9, latency 150 ms * 3.75.
FAST_3G = {
    "offline": False,
    "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
    "uploadThroughput": 750 * 1000 / 8 * 0.9,
    "latency": 150 * 3.75,
}
LCP_JS = """() => new Promise(done => {
  new PerformanceObserver(list => {
    const e = list.getEntries(); done(e.length ? e[e.length - 1].startTime : null);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => done(null), 500);
})"""


@dataclass
class Result:
    name: str
    path: str
    bytes: float = 0.0
    requests: int = 0
    lcp: float | None = None
    resources: list[tuple[float, str]] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env_for(data_dir: str) -> dict[str, str]:
    env = dict(os.environ, DATA_DIR=data_dir, DEBUG="true")
    env.pop("DATABASE_URL", None)
    return env


def prepare(env: dict[str, str]) -> None:
    for cmd in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(  # noqa: S603 (our own manage.py)
            [PY, "manage.py", *cmd],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    args = [PY, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(  # noqa: S603 (our own manage.py)
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the server did not answer")


def measure(context: BrowserContext, base: str, name: str, path: str) -> Result:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    urls: dict[str, str] = {}
    result = Result(name, path)

    def sent(e: dict) -> None:
        urls[e["requestId"]] = e["request"]["url"]

    def done(e: dict) -> None:
        result.bytes += e["encodedDataLength"]
        result.requests += 1
        result.resources.append((e["encodedDataLength"], urls.get(e["requestId"], "?")))

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", done)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", FAST_3G)
    page.goto(base + path, wait_until="load", timeout=120_000)
    page.wait_for_timeout(1000)
    result.lcp = page.evaluate(LCP_JS)
    result.resources.sort(reverse=True)
    page.close()
    return result


def first_link(page: Page, pattern: str) -> str:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        if re.fullmatch(pattern, href or ""):
            return str(href)
    raise SystemExit(f"no link matching {pattern} on {page.url}: {hrefs}")


def discover(context: BrowserContext, base: str, start: str, pattern: str) -> str:
    page = context.new_page()
    page.goto(base + start)
    href = first_link(page, pattern)
    page.close()
    return href


def log_in(context: BrowserContext, base: str) -> None:
    page = context.new_page()
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", CITIZEN)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_load_state("load")
    if "/dang-nhap/" in page.url:
        raise SystemExit("demo citizen log-in failed")
    page.close()


def public_pages(context: BrowserContext, base: str) -> list[tuple[str, str]]:
    procedure = discover(context, base, "/thu-tuc/", r"/thu-tuc/[^/]+/")
    return [
        ("home", "/"),
        ("catalogue", "/thu-tuc/"),
        ("procedure", procedure),
        ("lookup", "/tra-cuu/"),
        ("statistics", "/thong-ke/"),
        ("log-in", "/tai-khoan/dang-nhap/"),
        ("registration", "/tai-khoan/dang-ky/"),
        ("demo", "/demo/"),
    ]


def citizen_pages(context: BrowserContext, base: str, procedure: str) -> list[tuple[str, str]]:
    code = procedure.strip("/").split("/")[-1]
    pages = [
        ("my dossiers", "/ho-so/"),
        ("apply start", f"/ho-so/nop/{code}/"),
        ("profile", "/tai-khoan/"),
    ]
    try:  # the demo citizen's list may hold no dossier: then that row is skipped
        pages.insert(
            1, ("dossier detail", discover(context, base, "/ho-so/", r"/ho-so/[0-9a-f-]{36}/.*"))
        )
    except SystemExit as exc:
        print("skipped dossier detail:", str(exc)[:120], file=sys.stderr)
    return pages


def run(base: str) -> list[Result]:
    results: list[Result] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        opts = {"viewport": {"width": 360, "height": 640}}
        with browser.new_context(**opts) as ctx:
            pages = public_pages(ctx, base)
        for name, path in pages:
            with browser.new_context(**opts) as ctx:
                results.append(measure(ctx, base, name, path))
        with browser.new_context(**opts) as ctx:
            log_in(ctx, base)
            for name, path in citizen_pages(ctx, base, pages[2][1]):
                results.append(measure(ctx, base, name, path))
        browser.close()
    return results


def fmt_lcp(r: Result) -> str:
    return "-" if r.lcp is None else f"{r.lcp:.0f}"


def table(results: list[Result], markdown: bool) -> str:
    rows = [(r.name, r.path, f"{r.bytes / 1024:.1f}", str(r.requests), fmt_lcp(r)) for r in results]
    head = ("page", "URL path", "KB", "requests", "LCP ms")
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|---|---|--:|--:|--:|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    return "\n".join(f"{a:<15} {b:<48} {c:>7} {d:>8} {e:>7}" for a, b, c, d, e in [head, *rows])


def breakdown(results: list[Result]) -> str:
    out = []
    for r in results:
        out.append(f"{r.name}:")
        out += [f"  {size / 1024:7.1f} KB  {url}" for size, url in r.resources[:3]]
    return "\n".join(out)


def misses(results: list[Result]) -> list[str]:
    bad = []
    for r in results:
        if r.bytes / 1024 > MAX_KB:
            bad.append(f"{r.name} {r.path}: {r.bytes / 1024:.1f} KB > {MAX_KB:.0f} KB")
        if r.name in LCP_PAGES and (r.lcp is None or r.lcp > MAX_LCP_MS):
            bad.append(f"{r.name} {r.path}: LCP {fmt_lcp(r)} ms > {MAX_LCP_MS:.0f} ms")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--verbose", action="store_true", help="top 3 resources per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="page-weight-") as data_dir:
        env = env_for(data_dir)
        prepare(env)
        port = free_port()
        server = start_server(env, port)
        try:
            results = run(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(table(results, args.markdown))
    if args.verbose:
        print("\n" + breakdown(results))
    bad = misses(results)
    for line in bad:
        print("MISSED:", line)
    print("all targets met" if not bad else f"{len(bad)} target(s) missed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
