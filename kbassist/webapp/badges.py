"""Score badge colours: one rule, from the settings, for every page that shows a score.

A score under the team's bar (``NOTE_QUALITY_BAR``) is ``poor`` (red), up to
``BAND_MARGIN`` points above it ``fair`` (amber), and higher ``good`` (green).
Templates never compare a score themselves: they call the ``band`` filter (or the
``score_badge`` macro in ``_macros.html``, which calls it), so a 57 is the same
colour in the review queue, on a ticket page and in search.
"""

from __future__ import annotations

from flask import Flask

from kbassist.webapp.context import core

BAND_MARGIN = 15  # points above the bar at which a score turns from amber to green


def score_band(score: float, bar: float) -> str:
    """``poor`` under the bar, ``fair`` up to ``BAND_MARGIN`` above it, ``good`` beyond."""
    if score < bar:
        return "poor"
    return "fair" if score < bar + BAND_MARGIN else "good"


def band(score: float) -> str:
    """The Jinja filter: the band of a score against this instance's bar."""
    return score_band(float(score), float(core().settings["NOTE_QUALITY_BAR"]))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["band"] = band
