"""Structured logs: one JSON object per line on stderr, each with the request id it belongs to.

The web layer sets ``request_id`` for the duration of a request (from the
client's X-Request-ID or a fresh one), so every line a request causes, in any
module, can be grepped together. Messages and extra fields are masked
(``hygiene.mask``): a log never carries a password or a card number.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id: ContextVar[str] = ContextVar("kbassist_request_id", default="")

# Attributes every LogRecord has; anything else was passed as ``extra=`` and is logged.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """A LogRecord as one JSON line: time, level, logger, message, request id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        from kbassist.hygiene import mask

        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": mask(record.getMessage()),
            "pid": record.process,
        }
        current = request_id.get()
        if current:
            entry["request_id"] = current
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = mask(value) if isinstance(value, str) else value
        if record.exc_info:
            entry["error"] = mask(self.formatException(record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(level: str = "INFO") -> None:
    """Send kbassist's, gunicorn's and huey's logs to stderr as JSON lines (idempotent)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.set_name("kbassist-json")
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if h.get_name() != "kbassist-json"]
    root.addHandler(handler)
    root.setLevel(getattr(logging, str(level).upper(), logging.INFO))
    for name in ("gunicorn.error", "huey", "huey.consumer"):
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
    os.environ.setdefault("KBASSIST_LOG_JSON", "1")
