"""Helpers for tests that run real ``kbassist serve`` and ``kbassist worker`` processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kbassist.core import Core
from kbassist.settings import SETTINGS, Settings

KBASSIST = [sys.executable, "-m", "kbassist"]
DEADLINE = 120.0  # seconds a server or a job may take on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment(home: Path, **settings: Any) -> dict[str, str]:
    """A clean environment for a child: only these KBASSIST_* settings, offline, hashing model."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBASSIST_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    values = {"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "test-key", **settings}
    known = {s.name for s in SETTINGS}
    for name, value in values.items():
        assert name in known, name
        env[f"KBASSIST_{name}"] = str(value)
    return env


def core_at(home: Path, **overrides: Any) -> Core:
    """A migrated instance at ``home`` with the hashing embedder (another server's view)."""
    core = Core(
        Settings.load(
            {"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "test-key", **overrides}
        )
    )
    core.init()
    return core


def wait_for(check: Callable[[], Any], what: str, deadline: float = DEADLINE) -> Any:
    """Poll ``check`` until it returns something true; fail with ``what`` after the deadline."""
    end = time.monotonic() + deadline
    last: Any = None
    while time.monotonic() < end:
        try:
            found = check()
        except (OSError, urllib.error.URLError, ValueError) as error:
            last = error  # not up yet
        else:
            if found:
                return found
            last = found
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what} (last: {last!r})")


class Server:
    """A ``kbassist serve`` child on a free port."""

    def __init__(self, env: dict[str, str], *args: str, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        handle = log.open("ab")
        self.process = subprocess.Popen(
            [*KBASSIST, "serve", "--port", str(self.port), *args],
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        handle.close()

    def get(self, path: str, token: str | None = None) -> tuple[int, Any, dict[str, str]]:
        """(status, JSON body or text, headers) of a GET."""
        request = urllib.request.Request(self.url + path)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, _body(response.read()), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, _body(error.read()), dict(error.headers)

    def wait_ready(self) -> None:
        def ready() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {self.log.read_text()[-3000:]}")
            return self.get("/readyz")[0] == 200

        wait_for(ready, f"{self.url}/readyz")

    def workers(self) -> list[int]:
        """Pids of the gunicorn workers (the master's children, the job worker left out)."""
        return children(self.process.pid, job_worker=False)

    def job_workers(self) -> list[int]:
        """Pid of the `kbassist worker` child, when it runs."""
        return children(self.process.pid, job_worker=True)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def children(parent: int, *, job_worker: bool) -> list[int]:
    """Pids of a process's children: its `kbassist worker`, or the others."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
            cmdline = (status.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"\nPPid:\t{parent}\n" in text and (b"worker" in cmdline) == job_worker:
            found.append(int(status.parent.name))
    return found


def _body(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


def post_file(url: str, token: str, path: Path, field: str = "file") -> tuple[int, Any]:
    """POST one file as multipart/form-data; (status, JSON)."""
    boundary = "kbassist-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return _post(url, token, body, f"multipart/form-data; boundary={boundary}")


def post_json(url: str, token: str, data: Any) -> tuple[int, Any]:
    return _post(url, token, json.dumps(data).encode(), "application/json")


def _post(url: str, token: str, body: bytes, content_type: str) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", content_type)
    request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, _body(response.read())
    except urllib.error.HTTPError as error:
        return error.code, _body(error.read())


def ticket_export(path: Path, count: int, prefix: str, word: str) -> Path:
    """A JSON Lines export of ``count`` resolved tickets mentioning ``word``."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            row = {
                "id": f"{prefix}-{n:05d}",
                "title": f"{word} printer jam on floor {n % 7}",
                "description": f"The {word} unit jams on every second page (case {n}).",
                "resolution": f"Cleared the {word} roller, updated the driver, printed a test.",
                "status": "Closed",
                "created_at": "2026-01-05T09:00:00",
                "closed_at": "2026-01-05T10:30:00",
            }
            handle.write(json.dumps(row) + "\n")
    return path
