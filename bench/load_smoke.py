"""Load smoke test: N concurrent clients searching the app served by `kbassist serve`.

    .venv/bin/python bench/load_smoke.py                          # this tree, 12/16/50 clients
    .venv/bin/python bench/load_smoke.py --baseline-ref main      # side by side with a git ref
    .venv/bin/python bench/load_smoke.py --clients 50 --seconds 20 --embedder hashing

It builds a demo instance once (``--tickets``; kept under ``--home`` when given,
each run works on a copy), creates a user and an API token, starts the
development server on a free port and lets each client search back to back for
``--seconds``: through the search page, signed in with a session cookie like a
browser (``--surface page``, the default: where the probe saw the stall), through
``GET /api/v1/search`` with the token (``api``), or half and half (``mixed``).
A request counts as an error when its status is not 200 (a redirect included);
an API error whose body is not JSON is counted apart (the API promises JSON).
With ``--baseline-ref`` that git ref (its files unpacked into a temporary
folder) is served too, on its own copy of the instance, and each level runs
against both servers in turn, so a busy machine weighs on both alike; the
figures are printed side by side. Results go to bench/results/load_smoke.json.
The full serving benchmark is bench/load.py (issue 12).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from _env import RESULTS_DIR, ROOT

RESULTS = RESULTS_DIR / "load_smoke.json"
USER, PASSWORD = "loadtest", "load-test-password"
QUERIES = (
    "printer offline",
    "outlook keeps asking for password",
    "vpn disconnects every few minutes",
    "reset mfa for a user",
    "disk full on file server",
    "scanner to email not working",
    "teams camera not detected",
    "account locked out",
    "slow computer after update",
    "shared mailbox permissions",
    "wifi drops in the conference room",
    "onedrive sync stuck",
)


def cli(source: Path, env: dict[str, str], *args: str, check: bool = True) -> str:
    """Run the kbassist CLI of one source tree; its stdout."""
    code = f"import sys; sys.path.insert(0, {str(source)!r}); from kbassist.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        sys.exit(f"kbassist {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def prepare(source: Path, home: Path, embedder: str, tickets: int) -> None:
    """A demo instance under ``home`` (kept when it exists already)."""
    env = {**os.environ, "KBASSIST_HOME": str(home), "KBASSIST_EMBEDDER": embedder}
    if (home / "kbassist.db").exists():
        return
    print(f"building a demo instance ({tickets} tickets, {embedder}) in {home}", flush=True)
    cli(source, env, "demo", "--tickets", str(tickets))


def token_for(source: Path, env: dict[str, str]) -> str:
    """An API token of a tech user made for the run (the user is added once)."""
    password = "load-test-password"
    cli(
        source,
        env,
        "user",
        "add",
        "loadtest",
        "--role",
        "tech",
        "--password",
        password,
        check=False,
    )
    return str(json.loads(cli(source, env, "token", "create", "loadtest", "--json"))["token"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(source: Path, env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    code = f"import sys; sys.path.insert(0, {str(source)!r}); from kbassist.cli import main; main()"
    server = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return server
        except OSError:
            if server.poll() is not None:
                sys.exit("the server exited before answering /healthz")
            time.sleep(0.5)
    server.kill()
    sys.exit("the server did not answer /healthz within 300 s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to count (a search sent to /login is an error), not to follow."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Client:
    """One simulated user: searching the page (signed in with a session) or the API (token)."""

    def __init__(self, port: int, token: str, surface: str) -> None:
        self.base, self.token, self.surface = f"http://127.0.0.1:{port}", token, surface
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def sign_in(self) -> None:
        """Sign in through the form, as a browser does (the page surface only)."""
        if self.surface != "page":
            return
        with self.opener.open(f"{self.base}/login", timeout=120) as response:
            page = response.read().decode()
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        form = {"username": USER, "password": PASSWORD, "csrf_token": csrf.group(1) if csrf else ""}
        data = urllib.parse.urlencode(form).encode()
        try:
            self.opener.open(f"{self.base}/login", data=data, timeout=120).close()
        except urllib.error.HTTPError as answer:
            if answer.code != 302:
                raise

    def search(self, query: str) -> tuple[int, bool, float]:
        """(status, body is JSON, seconds) of one search; status 0 for a transport failure."""
        quoted = urllib.parse.quote_plus(query)
        if self.surface == "page":
            request = urllib.request.Request(f"{self.base}/search?q={quoted}")
        else:
            request = urllib.request.Request(
                f"{self.base}/api/v1/search?q={quoted}&limit=10",
                headers={"Authorization": f"Bearer {self.token}"},
            )
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except OSError:
            return 0, False, time.monotonic() - started
        try:
            json.loads(body)
            is_json = True
        except ValueError:
            is_json = False
        return status, is_json, time.monotonic() - started


def run_level(
    port: int, token: str, clients: int, seconds: float, surface: str = "page"
) -> dict[str, Any]:
    """``clients`` users searching back to back for ``seconds`` (mixed: even pages, odd API)."""
    outcomes: list[tuple[str, int, bool, float]] = []
    lock = threading.Lock()
    kinds = {"page": ["page"], "api": ["api"], "mixed": ["page", "api"]}[surface]
    users = [Client(port, token, kinds[n % len(kinds)]) for n in range(clients)]
    for user in users:
        user.sign_in()
    barrier = threading.Barrier(clients)

    def client(number: int) -> None:
        user = users[number]
        barrier.wait()
        deadline = time.monotonic() + seconds
        sent = 0
        while time.monotonic() < deadline:
            outcome = user.search(QUERIES[(number + sent) % len(QUERIES)])
            sent += 1
            with lock:
                outcomes.append((user.surface, *outcome))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    errors = [o for o in outcomes if o[1] != 200]
    latencies = sorted(o[3] for o in outcomes)
    return {
        "clients": clients,
        "requests": len(outcomes),
        "errors": len(errors),
        "page_errors": sum(1 for o in errors if o[0] == "page"),
        "api_errors": sum(1 for o in errors if o[0] == "api"),
        "api_errors_not_json": sum(1 for o in errors if o[0] == "api" and not o[2]),
        "statuses": {
            str(s): sum(1 for o in outcomes if o[1] == s) for s in sorted({o[1] for o in outcomes})
        },
        "requests_per_s": round(len(outcomes) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1)
        if latencies
        else None,
        "seconds": round(elapsed, 1),
    }


class Server:
    """One source tree served on its own copy of the instance."""

    def __init__(self, name: str, source: Path, home: Path, embedder: str) -> None:
        env = {**os.environ, "KBASSIST_HOME": str(home), "KBASSIST_EMBEDDER": embedder}
        env.pop("KBASSIST_DATABASE_URL", None)
        self.name, self.token, self.port = name, token_for(source, env), free_port()
        self.process = start_server(source, env, self.port)
        Client(self.port, self.token, "api").search("warm up")  # loads the model

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def report(name: str, row: dict[str, Any]) -> None:
    print(
        f"  {name:<10} {row['clients']:>3} clients: {row['requests']:>5} requests,"
        f" {row['errors']:>4} errors (page {row['page_errors']}, API {row['api_errors']},"
        f" {row['api_errors_not_json']} of those not JSON), {row['requests_per_s']:>6} req/s,"
        f" p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms",
        flush=True,
    )


def export(ref: str, folder: Path) -> None:
    """The files of a git ref, unpacked into ``folder`` (no worktree, the repository untouched)."""
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)


def _cell(row: dict[str, Any]) -> str:
    return f"{row['errors']}/{row['requests']}  {row['requests_per_s']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[12, 16, 50])
    parser.add_argument("--seconds", type=float, default=15.0, help="per level")
    parser.add_argument("--tickets", type=int, default=1000, help="demo tickets")
    parser.add_argument("--embedder", default="minilm", help="minilm (as served) or hashing")
    parser.add_argument("--home", type=Path, help="keep the instance here (reused when present)")
    parser.add_argument("--baseline-ref", help="git ref to measure too, side by side")
    parser.add_argument(
        "--surface",
        choices=["mixed", "page", "api"],
        default="page",
        help="page: the search page, signed in (where the stall was); api: the search API;"
        " mixed: even clients the page, odd ones the API",
    )
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="kbassist-load-"))
    home = args.home or scratch / "instance"
    runs: dict[str, list[dict[str, Any]]] = {}
    servers: list[Server] = []
    try:
        trees = [("this_tree", ROOT)]
        if args.baseline_ref:
            trees.insert(0, ("baseline", scratch / "baseline"))
            export(args.baseline_ref, scratch / "baseline")
        # Built by the oldest tree, so each copy migrates forward; ``home`` stays as built.
        prepare(trees[0][1], home, args.embedder, args.tickets)
        for name, source in trees:
            shutil.copytree(home, scratch / f"{name}-instance")
            servers.append(Server(name, source, scratch / f"{name}-instance", args.embedder))
        for clients in args.clients:  # levels interleaved: a busy machine hurts both alike
            for server in servers:
                row = run_level(server.port, server.token, clients, args.seconds, args.surface)
                report(server.name, row)
                runs.setdefault(server.name, []).append(row)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)

    if "baseline" in runs:
        print(
            "\nclients | baseline errors/requests  req/s | this tree errors/requests  req/s"
            " | req/s ratio"
        )
        for old, new in zip(runs["baseline"], runs["this_tree"], strict=True):
            ratio = new["requests_per_s"] / old["requests_per_s"] if old["requests_per_s"] else 0
            print(f"{old['clients']:>7} | {_cell(old):>31} | {_cell(new):>32} | {ratio:>11.2f}")
    result = {
        "command": " ".join(["bench/load_smoke.py", *sys.argv[1:]]),
        "baseline_ref": args.baseline_ref,
        "embedder": args.embedder,
        "tickets": args.tickets,
        "seconds_per_level": args.seconds,
        "surface": args.surface,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        **runs,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
