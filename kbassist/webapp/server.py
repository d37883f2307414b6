"""Serving the app outside a test: bind, say where, serve (``kbassist serve``).

The address is printed after the socket is bound, so it names the port actually
served (``--port 0`` lets the system pick a free one).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from werkzeug.serving import make_server

from kbassist.errors import KbassistError
from kbassist.webapp.security import QuietRequestHandler


def served_url(host: str, port: int) -> str:
    """The address to open in a browser for a server bound to ``host:port``."""
    if host in ("", "0.0.0.0", "::"):
        return f"http://127.0.0.1:{port} (listening on every address)"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(app: Flask, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Bind ``host:port``, tell ``announce`` the address actually served, serve until stopped."""
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
