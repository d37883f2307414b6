"""Scorecard periods: calendar months and quarters, in words, and the ones the data covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kbassist.credit.estimation import month_of, quarter_of
from kbassist.errors import InvalidInput, NotFound

_PERIOD = re.compile(r"^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Period:
    """A calendar month or quarter: [start, end)."""

    label: str
    kind: str  # month, quarter
    start: datetime
    end: datetime

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end

    def key(self, moment: datetime) -> str:
        return month_of(moment) if self.kind == "month" else quarter_of(moment)

    @property
    def title(self) -> str:
        """In words: "May 2024", "Q2 2024 (Apr to Jun)"."""
        return period_title(self.label)

    @property
    def short(self) -> str:
        """For column headers: "May 2024", "Q2 2024"."""
        return period_title(self.label).split(" (")[0]


def parse_period(spec: str, latest: datetime | None) -> Period:
    """``month``/``quarter`` (holding the newest closed ticket), ``YYYY-MM`` or ``YYYY-Qn``."""
    spec = (spec or "month").strip()
    if spec in ("month", "quarter"):
        if latest is None:
            raise NotFound("No closed tickets yet: ingest tickets first (`kbassist ingest`).")
        spec = month_of(latest) if spec == "month" else quarter_of(latest)
    match = _PERIOD.match(spec)
    if not match:
        raise InvalidInput(
            f"period: {spec!r} is not month, quarter, YYYY-MM or YYYY-Qn (e.g. 2024-05, 2024-Q2)."
        )
    year = int(match.group(1))
    if match.group(2):
        month, length, kind = int(match.group(2)), 1, "month"
    else:
        month, length, kind = (int(match.group(3)) - 1) * 3 + 1, 3, "quarter"
    end_month = month + length
    end = datetime(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return Period(spec, kind, datetime(year, month, 1), end)


def period_title(label: str) -> str:
    """A period label in words: 2024-05 is "May 2024", 2024-Q2 "Q2 2024 (Apr to Jun)"."""
    year, part = label.split("-")
    if part.startswith("Q"):
        first = (int(part[1]) - 1) * 3
        return f"{part} {year} ({_MONTH_NAMES[first][:3]} to {_MONTH_NAMES[first + 2][:3]})"
    return f"{_MONTH_NAMES[int(part) - 1]} {year}"


def period_choices(
    earliest: datetime | None, latest: datetime | None, months: int = 24, quarters: int = 8
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The months and quarters from ``latest`` back (at most ``months``, ``quarters``).

    Newest first, each as (label, title); nothing before ``earliest``.
    """
    if latest is None:
        return (), ()
    first = earliest or latest
    month_labels: list[str] = []
    year, month = latest.year, latest.month
    while len(month_labels) < months and (year, month) >= (first.year, first.month):
        month_labels.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    quarter_labels: list[str] = []
    year, quarter = latest.year, (latest.month - 1) // 3 + 1
    while len(quarter_labels) < quarters and (year, quarter) >= (
        first.year,
        (first.month - 1) // 3 + 1,
    ):
        quarter_labels.append(f"{year:04d}-Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return (
        tuple((label, period_title(label)) for label in month_labels),
        tuple((label, period_title(label)) for label in quarter_labels),
    )
