"""``kbassist serve``: the app under gunicorn, with the job worker beside it.

Both servers print the address they serve once the socket is bound, so it names
the port actually served (``--port 0`` lets the system pick a free one).

gunicorn's master forks ``workers`` processes (gthread: ``threads`` requests
each). Nothing heavy happens in the master, which only applies migrations:
each worker builds its own Core (its own database pool, its own models, loaded
by its sync thread: see ``kbassist.jobs.sync``) after the fork, so no worker
inherits a torch thread pool or a database connection from its parent.

Unless told otherwise the master also starts ``kbassist worker`` as a child
process (the huey consumer that runs the jobs) and stops it on the way out.
Prometheus samples of all workers meet in a fresh folder named by
``PROMETHEUS_MULTIPROC_DIR``, set before anything imports prometheus_client.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from kbassist.core import Core
from kbassist.errors import KbassistError
from kbassist.logs import JsonFormatter
from kbassist.settings import SETTINGS

if TYPE_CHECKING:
    from flask import Flask

WORKER_STOP_SECONDS = 10


def prepare_metrics_dir(core: Core) -> str:
    """A fresh folder for this server's multiprocess metrics, exported to the environment."""
    folder = core.home / "run" / f"metrics-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    return str(folder)


def settings_environment(core: Core) -> dict[str, str]:
    """The environment a child process needs to build the same Core."""
    env = dict(os.environ)
    for setting in SETTINGS:
        value = core.settings[setting.name]
        env[f"KBASSIST_{setting.name}"] = str(value)
    env["KBASSIST_HOME"] = str(core.home)
    return env


@contextlib.contextmanager
def job_worker(core: Core, enabled: bool = True) -> Iterator[subprocess.Popen[bytes] | None]:
    """Run ``kbassist worker`` as a child for the block (it dies with us, even on SIGKILL)."""
    if not enabled:
        yield None
        return
    child = subprocess.Popen(
        [sys.executable, "-m", "kbassist", "worker"],
        env=settings_environment(core),
        preexec_fn=_die_with_parent,
    )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(WORKER_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def catch_up_first(core: Core) -> None:
    """Run ``kbassist catch-up`` (see ``pipeline.catch_up``) to its end, in a child process."""
    done = subprocess.run(
        [sys.executable, "-m", "kbassist", "catch-up"], env=settings_environment(core), check=False
    )
    if done.returncode != 0:
        raise KbassistError(
            "The catch-up before serving failed (see above); fix it or run "
            "`kbassist catch-up` to see why, then start again."
        )


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to send SIGTERM when the parent dies."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: `kbassist serve` still stops the worker on a normal exit


def gunicorn_options(
    host: str, port: int, workers: int, threads: int, timeout: int, log_level: str
) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": timeout,
        "graceful_timeout": 30,
        "keepalive": 5,
        "accesslog": None,  # the app logs each request as a JSON line with its id
        "errorlog": "-",
        "loglevel": log_level.lower(),
        "logger_class": _json_logger_class(),
        "child_exit": _child_exit,
        "when_ready": _announce,
        "proc_name": "kbassist",
        "control_socket_disable": True,  # one per user by default: servers side by side clash
        # Forwarded headers are the app's business (KBASSIST_TRUSTED_PROXIES, ProxyFix).
        "forwarded_allow_ips": "127.0.0.1",
    }


def _announce(server: Any) -> None:
    """Once gunicorn has bound its sockets: the address actually served (``--port 0``)."""
    for listener in server.LISTENERS:
        host, port = listener.sock.getsockname()[:2]
        print(f"kbassist serving on {served_url(host, port)}", file=sys.stderr, flush=True)


def _child_exit(_server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def serve(core: Core, options: dict[str, Any]) -> None:
    """Run gunicorn with these options until it is stopped (SIGTERM or Ctrl-C)."""
    from gunicorn.app.base import BaseApplication

    overrides = {name: core.settings[name] for name in core.settings.values}
    overrides["HOME"] = str(core.home)

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                if key in self.cfg.settings:  # settings newer gunicorns added are skipped
                    self.cfg.set(key, value)

        def load(self) -> Any:
            # In the worker, after the fork: a Core of its own, and its sync thread.
            from kbassist.jobs.sync import sync_for
            from kbassist.search.service import warm_up
            from kbassist.webapp import create_app

            worker_core = Core.from_env(overrides)
            app = create_app(core=worker_core)
            # The worker accepts requests only once search is warm (model, vectors, speller):
            # the first search answers as fast as the hundredth.
            warm_up(worker_core)
            sync_for(worker_core).start()
            return app

    from gunicorn.http import wsgi as gunicorn_wsgi

    # No 'Server: gunicorn' banner, as with the development server (security.py).
    gunicorn_wsgi.SERVER = "kbassist"
    core.engine.dispose()  # the master's connections stay with the master
    Server().run()


def _json_logger_class() -> Any:
    from gunicorn.glogging import Logger

    class JsonLogger(Logger):  # type: ignore[misc]
        """gunicorn's own messages (worker started, timed out) as JSON lines too."""

        def setup(self, cfg: Any) -> None:
            super().setup(cfg)
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonFormatter())

    return JsonLogger


def served_url(host: str, port: int) -> str:
    """The address to open in a browser for a server bound to ``host:port``."""
    if host in ("", "0.0.0.0", "::"):
        return f"http://127.0.0.1:{port} (listening on every address)"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve_dev(app: Flask, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Bind ``host:port``, tell ``announce`` the address actually served, serve until stopped."""
    from werkzeug.serving import make_server

    from kbassist.webapp.security import QuietRequestHandler

    try:
        server = make_server(
            host,
            port,
            app,
            threaded=True,
            request_handler=QuietRequestHandler,  # no 'Server: Werkzeug/...' header
        )
    except OSError as error:
        raise KbassistError(
            f"Cannot serve on {host}:{port} ({error.strerror or error}). "
            "Pick another port with --port."
        ) from error
    announce(served_url(host, server.server_port))
    server.serve_forever()
