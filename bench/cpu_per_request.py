"""CPU per request of the staff paths through gunicorn, on a busy machine.

    BENCH_DATABASE_URL=postgres://…/hq_bench .venv/bin/python bench/cpu_per_request.py

When other work shares the cores, requests/s say more about the machine
than about the page. This counts the CPU the gunicorn workers and the
database's backends spent (from /proc, Linux) over 40 requests of each
page, 20 at a time, with the load benchmark's production settings and
sessions (load_prepare.py): a figure that the neighbours change little.
Also the time of one request alone (median of 5) and the requests/s.
Uses Redis db 6 for its sessions and cache; port 8496.
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_bench  # noqa: E402

PORT = 8496
REQUESTS, AT_ONCE = 40, 20


def cpu_ms(database: str) -> tuple[float, float]:
    """CPU milliseconds so far of the server's processes and the database's."""
    tick = os.sysconf("SC_CLK_TCK")
    server = backends = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        spent = (int(fields[11]) + int(fields[12])) * 1000 / tick
        if b"gunicorn" in command and str(PORT).encode() in command:
            server += spent
        elif database.encode() in command:
            backends += spent
    return server, backends


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL", load_bench.DEFAULT_DATABASE)
    database = url.rsplit("/", 1)[1]
    folder = Path(tempfile.mkdtemp(prefix="dichvucong-cpu-"))
    env = load_bench.production_env(url, secrets.token_urlsafe(50), str(folder / "data"))
    env["REDIS_URL"] = "redis://127.0.0.1:6379/6"
    load_bench.manage(env, "collectstatic", "--noinput")
    state = folder / "state.json"
    prepare = [sys.executable, "bench/load_prepare.py", str(state)]
    subprocess.run(prepare, cwd=load_bench.ROOT, env=env, check=True, capture_output=True)  # noqa: S603
    session = json.loads(state.read_text())["receptionist"]["session"]
    dossier = json.loads(state.read_text())["ward_dossiers"][0]
    server = load_bench.start_server(env, PORT, 5, folder / "access.log")

    def get(path: str) -> float:
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.1.2.3",
                   "Cookie": f"sessionid={session}"}
        started = time.perf_counter()
        answer = requests.get(server.url + path, headers=headers, timeout=120)
        answer.raise_for_status()
        return (time.perf_counter() - started) * 1000

    pages = ["/mot-cua/", "/mot-cua/?queue=new", "/mot-cua/?queue=done&q=khai",
             "/mot-cua/?queue=overdue", "/mot-cua/?queue=done&page=2", f"/mot-cua/ho-so/{dossier}/"]
    try:
        print("| page | alone ms | req/s (20 at a time) | CPU ms gunicorn | CPU ms PostgreSQL |")
        print("|---|---:|---:|---:|---:|")
        for path in pages:
            get(path)
            alone = statistics.median(get(path) for _n in range(5))
            before, started = cpu_ms(database), time.perf_counter()
            with ThreadPoolExecutor(AT_ONCE) as pool:
                list(pool.map(lambda _n, p=path: get(p), range(REQUESTS)))
            elapsed, after = time.perf_counter() - started, cpu_ms(database)
            shown = path.replace(dossier, "<id>")
            server_ms, database_ms = ((a - b) / REQUESTS for a, b in zip(after, before))  # noqa: B905
            print(f"| {shown} | {alone:.0f} | {REQUESTS / elapsed:.1f} | "
                  f"{server_ms:.0f} | {database_ms:.0f} |")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
