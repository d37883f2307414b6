"""Load: 50 simulated technicians against `kbassist serve` on loopback, side by side.

Three runs of the same load (default 60 s each), every technician in a closed
loop with no think time: search (`GET /api/v1/search`, a query drawn from the
instance's own ticket titles), open a ticket from the results
(`GET /api/v1/tickets/{id}`), pre-close check (`POST /api/v1/score`):

1. `kbassist serve --workers 1`
2. `kbassist serve --workers 4`
3. `--workers 4` while an ingest job of 20,000 new tickets (API upload, 202, the
   server's job worker) runs: once with the job worker at niceness 0 and once at
   the default 10 (`KBASSIST_JOB_NICENESS`; `--niceness` picks), each on a fresh
   copy of the instance, with how far the job got by the end of the run.

For each: requests/s, p50/p95/p99 per operation and overall, errors (by kind).
The ratio that matters: search p95 under the ingest against the unloaded
4-worker p95 (target <= 3x), and zero errors. The load generator runs on the
same 2 cores as the server (Python threads, one connection per request), so
the figures are what one box does with its own client competing for it.

    .venv/bin/python bench/load.py --home instance-load   # builds the demo there once (slow)
    .venv/bin/python bench/load.py --home DIR --quick     # 10 s runs, 2,000-ticket ingest
    .venv/bin/python bench/load.py --home DIR --tickets 1000 --quick   # smaller base too

The base instance (a --tickets demo, 5,000 by default, with the real model) is
built once under --home and reused; the third run works on a copy so the base
stays clean. Writes bench/results/load.json (load_quick.json with --quick).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import _env  # noqa: F401  (offline switches before kbassist)
from _env import RESULTS_DIR, ROOT

KBASSIST = [sys.executable, "-m", "kbassist"]
INGEST_RUN = "4 workers + ingest"
NOTE = (
    "Cause: the print spooler crashed after the driver update. Fix: stopped the spooler, "
    "cleared C:\\Windows\\System32\\spool\\PRINTERS, reinstalled the v4 driver, restarted. "
    "Verified a test page with the user."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=ROOT / "instance-load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ingest", type=int, default=20_000, help="tickets in the ingest job")
    parser.add_argument("--quick", action="store_true", help="10 s runs, 2,000-ticket ingest")
    parser.add_argument(
        "--niceness",
        type=int,
        nargs="+",
        default=[0, 10],
        help="job worker niceness of each ingest run (KBASSIST_JOB_NICENESS; 10 is the default)",
    )
    parser.add_argument(
        "--tickets", type=int, default=5_000, help="demo tickets in a newly built base instance"
    )
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.ingest = 10.0, 2_000
    home = args.home.resolve()
    env = _environment(home)
    _ensure_instance(home, env, args.tickets)
    tokens = _tokens(env)
    queries, ticket_ids = _workload(home)
    load = Load(args.users, args.seconds, queries, tokens["tech"])
    runs: dict[str, Any] = {}
    for workers in (1, 4):
        with Server(env, workers, worker=False) as server:
            run = load.run(server.url)
            run["worker_rss_mb"] = server.memory_mb()
            runs[f"{workers} worker{'s' if workers > 1 else ''}"] = run
    for niceness in args.niceness:
        copy = home.with_name(home.name + "-ingest")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(home, copy, ignore=shutil.ignore_patterns("run", "jobs"))
        copy_env = _environment(copy)
        copy_env["KBASSIST_JOB_NICENESS"] = str(niceness)
        export = _export(copy, args.ingest)
        with Server(copy_env, 4, worker=True) as server:
            job = _upload(server.url, tokens["admin"], export)
            time.sleep(5)  # the job worker has taken it and is storing tickets
            result = load.run(server.url)
            result["ingest_job"] = _job(server.url, tokens["admin"], job)
            result["job_niceness"] = niceness
            result["worker_rss_mb"] = server.memory_mb()
        runs[f"{INGEST_RUN} (nice {niceness})"] = result
    _report(runs, args, ticket_ids)


# ---------------------------------------------------------------- the instance


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBASSIST_")}
    env.update(KBASSIST_HOME=str(home), KBASSIST_LOG_LEVEL="WARNING")
    return env


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([*KBASSIST, *args], env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"kbassist {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _ensure_instance(home: Path, env: dict[str, str], tickets: int) -> None:
    if (home / "kbassist.db").exists():
        return
    print(f"Building the demo instance in {home} ({tickets:,} tickets, real model; minutes)...")
    _run(env, "demo", "--if-empty", "--tickets", str(tickets), "--json")


def _tokens(env: dict[str, str]) -> dict[str, str]:
    return {
        role: json.loads(_run(env, "token", "create", role, "--name", "bench-load", "--json"))[
            "token"
        ]
        for role in ("tech", "admin")
    }


def _workload(home: Path) -> tuple[list[str], list[str]]:
    rows = [
        json.loads(line)
        for line in (home / "demo" / "tickets.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rng = random.Random(12)
    titles = [row["title"] for row in rows]
    rng.shuffle(titles)
    return titles[:500], [row["id"] for row in rows]


def _export(home: Path, count: int) -> Path:
    """`count` new tickets: the demo generator with another seed, ids prefixed NEW-."""
    from kbassist.demo import generator
    from kbassist.demo.generator import ticket_json

    data = generator.generate(seed=99, n_tickets=count)
    path = home / "load-ingest.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for ticket in data.tickets:
            row = ticket_json(ticket)
            row["id"] = f"NEW-{row['id']}"
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _upload(url: str, token: str, path: Path) -> str:
    boundary = "kbassist-bench"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"'
            "\r\nContent-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, answer = _request(
        url,
        "POST",
        "/api/v1/ingest/tickets",
        token,
        body,
        f"multipart/form-data; boundary={boundary}",
    )
    if status != 202:
        sys.exit(f"ingest upload failed: {status} {answer[:500]!r}")
    return str(json.loads(answer)["id"])


def _job(url: str, token: str, job_id: str) -> dict[str, Any]:
    _, answer = _request(url, "GET", f"/api/v1/jobs/{job_id}", token)
    job = json.loads(answer)
    return {key: job[key] for key in ("status", "step", "done", "total", "attempts")}


# ---------------------------------------------------------------- the server


class Server:
    """`kbassist serve --workers N` on a free port for the block; warmed before it yields."""

    def __init__(self, env: dict[str, str], workers: int, worker: bool) -> None:
        self.env, self.workers, self.worker = env, workers, worker
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        args = ["serve", "--port", str(self.port), "--workers", str(self.workers)]
        if not self.worker:
            args.append("--no-worker")
        log = Path(self.env["KBASSIST_HOME"]) / f"serve-{self.port}.log"
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            [*KBASSIST, *args], env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        end = time.monotonic() + 300
        ready = 0
        while ready < 3 * self.workers:  # every worker answered ready (requests spread)
            if time.monotonic() > end or self.process.poll() is not None:
                raise SystemExit(f"the server did not get ready; see {log}")
            try:
                status, _ = _request(self.url, "GET", "/readyz")
                ready = ready + 1 if status == 200 else 0
            except OSError:
                pass
            time.sleep(0.5)
        return self

    def memory_mb(self) -> list[float]:
        """Resident memory of each web worker (the master's children but the job worker)."""
        sizes = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
                cmdline = (status.parent / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if f"\nPPid:\t{self.process.pid}\n" in text and b"worker" not in cmdline:
                kb = next(line for line in text.splitlines() if line.startswith("VmRSS:"))
                sizes.append(round(int(kb.split()[1]) / 1024, 1))
        return sorted(sizes)

    def __exit__(self, *_: Any) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


# ---------------------------------------------------------------- the load


def _request(
    base: str,
    method: str,
    path: str,
    token: str | None = None,
    body: bytes | None = None,
    content_type: str | None = None,
) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if content_type:
        headers["Content-Type"] = content_type
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Load:
    """`users` technicians in closed loops for `seconds`; latencies per operation."""

    def __init__(self, users: int, seconds: float, queries: list[str], token: str) -> None:
        self.users, self.seconds, self.queries, self.token = users, seconds, queries, token

    def run(self, url: str) -> dict[str, Any]:
        samples: dict[str, list[float]] = defaultdict(list)
        errors: Counter[str] = Counter()
        lock = threading.Lock()
        stop_at = time.monotonic() + self.seconds
        load = _load_average()

        def technician(number: int) -> None:
            rng = random.Random(number)
            while time.monotonic() < stop_at:
                self._session(url, rng, samples, errors, lock)

        threads = [threading.Thread(target=technician, args=(n,)) for n in range(self.users)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        return _summary(samples, errors, elapsed, load)

    def _session(
        self,
        url: str,
        rng: random.Random,
        samples: dict[str, list[float]],
        errors: Counter[str],
        lock: threading.Lock,
    ) -> None:
        query = urllib.parse.quote(rng.choice(self.queries))
        status, body = self._timed(
            url, "search", "GET", f"/api/v1/search?q={query}&limit=10", samples, errors, lock
        )
        ids = []
        if status == 200:
            ids = [r["id"] for r in json.loads(body)["results"] if r["kind"] == "ticket"]
        if ids:
            ticket = urllib.parse.quote(rng.choice(ids))
            self._timed(
                url, "open ticket", "GET", f"/api/v1/tickets/{ticket}", samples, errors, lock
            )
        note = json.dumps({"text": NOTE, "kind": "note"}).encode()
        self._timed(url, "pre-close check", "POST", "/api/v1/score", samples, errors, lock, note)

    def _timed(
        self,
        url: str,
        name: str,
        method: str,
        path: str,
        samples: dict[str, list[float]],
        errors: Counter[str],
        lock: threading.Lock,
        body: bytes | None = None,
    ) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            status, answer = _request(
                url, method, path, self.token, body, "application/json" if body else None
            )
        except OSError as error:
            status, answer = 0, type(error).__name__.encode()
        seconds = time.perf_counter() - started
        with lock:
            samples[name].append(seconds)
            if status != 200:
                errors[f"{name}: {status} {answer[:120].decode('utf-8', 'replace')}"] += 1
        return status, answer


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _summary(
    samples: dict[str, list[float]], errors: Counter[str], elapsed: float, load: float | None
) -> dict[str, Any]:
    every = [value for values in samples.values() for value in values]
    operations = {
        name: {
            "requests": len(values),
            "p50_ms": round(1000 * _percentile(values, 0.50), 1),
            "p95_ms": round(1000 * _percentile(values, 0.95), 1),
            "p99_ms": round(1000 * _percentile(values, 0.99), 1),
        }
        for name, values in sorted(samples.items())
    }
    return {
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "requests_per_second": round(len(every) / elapsed, 1),
        "p50_ms": round(1000 * _percentile(every, 0.50), 1),
        "p95_ms": round(1000 * _percentile(every, 0.95), 1),
        "p99_ms": round(1000 * _percentile(every, 0.99), 1),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(10)),
        "operations": operations,
        "load_average_at_start": load,
    }


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _report(runs: dict[str, Any], args: argparse.Namespace, ticket_ids: list[str]) -> None:
    print(f"\n{args.users} technicians, {args.seconds:.0f} s per run, loopback, 2-core box")
    print(f"{'run':<20} {'req/s':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'errors':>7}  search p95")
    for name, run in runs.items():
        search = run["operations"].get("search", {})
        print(
            f"{name:<20} {run['requests_per_second']:>7} {run['p50_ms']:>6}ms "
            f"{run['p95_ms']:>6}ms {run['p99_ms']:>6}ms {run['errors']:>7}  "
            f"{search.get('p95_ms', float('nan'))} ms"
        )
    for name, run in runs.items():
        for operation, figures in run["operations"].items():
            print(
                f"  {name:<20} {operation:<16} {figures['requests']:>6} requests  "
                f"p50 {figures['p50_ms']} ms  p95 {figures['p95_ms']} ms  "
                f"p99 {figures['p99_ms']} ms"
            )
    unloaded = runs["4 workers"]["operations"]["search"]["p95_ms"]
    ratios = {}
    for name, run in runs.items():
        if name.startswith(INGEST_RUN):
            loaded = run["operations"]["search"]["p95_ms"]
            ratios[name] = round(loaded / unloaded, 2) if unloaded else None
            print(f"{name}: search p95 / unloaded (4 workers): {ratios[name]} (target <= 3)")
            print(f"  ingest job at the end of the run: {run['ingest_job']}")
    print(
        f"4 workers / 1 worker, requests/s: "
        f"{runs['4 workers']['requests_per_second'] / runs['1 worker']['requests_per_second']:.2f}"
    )
    for name, run in runs.items():
        print(f"web worker memory ({name}): {run['worker_rss_mb']} MB resident")
    for name, run in runs.items():
        for kind, count in run["error_kinds"].items():
            print(f"  error in {name}: {count} x {kind}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = {
        "ran_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "quick": args.quick,
        "users": args.users,
        "seconds_per_run": args.seconds,
        "ingest_tickets": args.ingest,
        "instance_tickets": len(ticket_ids),
        "search_p95_ratio_under_ingest": ratios,
        "runs": runs,
    }
    path = RESULTS_DIR / ("load_quick.json" if args.quick else "load.json")
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
