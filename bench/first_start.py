"""First start: how long `make run` takes, after the install, to a working page.

Run it in a fresh clone whose `make setup` is done (the install is not timed):

    d=$(mktemp -d) && git clone -q . $d && make -C $d setup
    .venv/bin/python bench/first_start.py --checkout $d

It starts `make run PORT=...` there and reports, from the start: the sign-in
page answering, a signed-in search returning results (the model loaded), the
server ready (`/readyz`), and (with --wait-rest) the background demo job done.
Alongside each, the CPU seconds the run's processes used so far: on a shared
machine the wall-clock figures grow with the load, the CPU seconds do not. The
progress lines `make run` prints (its output is not a terminal here) are kept
in the checkout's first-start.log. Writes bench/results/first_start.json.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import _env  # noqa: F401  (offline switches before kbassist)
from _env import RESULTS_DIR

TICK = os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, required=True, help="a clone after make setup")
    parser.add_argument("--wait-rest", action="store_true", help="also wait for the demo job")
    parser.add_argument("--deadline", type=float, default=1800.0)
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    if not (checkout / ".venv" / ".installed").exists():
        raise SystemExit(f"run `make -C {checkout} setup` first (the install is not timed)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBASSIST_")}
    log = (checkout / "first-start.log").open("wb")
    started = time.monotonic()
    load = os.getloadavg()[0]
    make = subprocess.Popen(
        ["make", "-C", str(checkout), "run", f"PORT={port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    marks: dict[str, Any] = {}
    try:
        marks["sign-in page"] = _until(
            make, started, args.deadline, lambda: _status(url + "/login") == 200
        )
        marks["signed-in search with results"] = _until(
            make, started, args.deadline, lambda: _search_works(url)
        )
        marks["ready (/readyz 200)"] = _until(
            make, started, args.deadline, lambda: _status(url + "/readyz") == 200
        )
        if args.wait_rest:
            marks["rest of the demo loaded"] = _until(
                make, started, args.deadline, lambda: _rest_done(checkout), every=5.0
            )
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(60)
        log.close()
    print(f"make run in {checkout} (load average at start {load:.1f} on {os.cpu_count()} cores)")
    for name, (seconds, cpu) in marks.items():
        print(f"  {name:<32} {seconds:7.1f} s wall   {cpu:7.1f} s CPU")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = {
        "ran_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "load_average_at_start": round(load, 2),
        "cores": os.cpu_count(),
        "marks": {name: {"wall_s": s, "cpu_s": c} for name, (s, c) in marks.items()},
    }
    (RESULTS_DIR / "first_start.json").write_text(json.dumps(out, indent=2) + "\n")


def _until(make: Any, started: float, deadline: float, check: Any, every: float = 0.5) -> Any:
    while time.monotonic() - started < deadline:
        if make.poll() is not None:
            raise SystemExit("make run stopped; see first-start.log in the checkout")
        try:
            if check():
                return round(time.monotonic() - started, 1), round(_cpu_seconds(make.pid), 1)
        except OSError:
            pass
        time.sleep(every)
    raise SystemExit("deadline passed")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _search_works(url: str) -> bool:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url + "/login", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if token is None:
        return False
    form = {"username": "tech", "password": "tech-demo-pass", "csrf_token": token.group(1)}
    opener.open(url + "/login", urllib.parse.urlencode(form).encode(), timeout=30).read()
    html = opener.open(url + "/search?q=printer+offline", timeout=120).read().decode()
    return 'class="result"' in html


def _rest_done(checkout: Path) -> bool:
    done = subprocess.run(
        [str(checkout / ".venv" / "bin" / "kbassist"), "jobs", "--json"],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("KBASSIST_")},
    )
    jobs = json.loads(done.stdout or "[]")
    return any(job["kind"] == "demo" and job["status"] == "done" for job in jobs)


def _cpu_seconds(root: int) -> float:
    """CPU used by a process tree: the live processes' own, plus their waited-for children's."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = sum(int(value) for value in fields[11:15]) / TICK
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        total += times.get(pid, 0.0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


if __name__ == "__main__":
    main()
