"""The kbassist command line: a thin shell over the services (the only package importing click).

Every command that reports takes ``--json``; errors become a clean message on
stderr and a non-zero exit code. ``KBASSIST_HOME`` and ``KBASSIST_DATABASE_URL``
are honoured through the settings.
"""

from __future__ import annotations

# Command modules register themselves on ``main`` when imported.
from kbassist.cli import admin, credit, gaps, jobs, quality, search  # noqa: F401
from kbassist.cli.group import main

__all__ = ["main"]
