"""Ticket field values: a raw cell (CSV text or any JSON value) to the field's value, or why not.

Pure. Each parser takes the raw value and the Preset and returns the parsed
value or raises FieldError, whose message is the reject reason. Values are
bounded: text larger than MAX_CELL, counts above MAX_COUNT, time spent above
MAX_MINUTES and dates after the import (checked in ``future_problems``) are
refused, because one absurd value skews every chart and report built on it.
A reason never repeats a rejected value unless it is short and shaped like
what the field expects (a date, a number), so a secret typed into the wrong
column does not travel on into the summary and the rejects file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from kbassist.decoding import id_problem, unpaired_surrogate
from kbassist.htmltext import html_to_text, looks_like_html
from kbassist.hygiene import mask
from kbassist.ingest.presets import Preset
from kbassist.records import NoteRecord

MiB = 1024 * 1024
MAX_ID_LENGTH = 100  # tickets.id is String(100) in the store
MAX_CELL = 64 * MiB  # characters of one raw value (HTML with inline images is large)
MAX_COUNT = 10_000  # reopens or escalations of one ticket
MAX_MINUTES = 525_600.0  # a year of work on one ticket
FUTURE_TOLERANCE = timedelta(days=1)  # clocks and time zones of the exporting tool
_MINUTES_PER = {"minutes": 1.0, "hours": 60.0}
_SAMPLE_DATE = datetime(2024, 3, 1, 14, 5)


class FieldError(ValueError):
    """A value that cannot be loaded into its field; the message is the reject reason."""


# --- text -------------------------------------------------------------------------


def scalar_text(value: Any) -> str:
    """Text of a scalar cell; JSON numbers become their usual spelling."""
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) > MAX_CELL:
            raise FieldError(f"text is larger than the {MAX_CELL // MiB} MiB limit of a field")
        if surrogate := unpaired_surrogate(value):
            raise FieldError(
                f"contains an unpaired surrogate ({surrogate}), which is not valid Unicode text"
            )
        return value.replace("\x00", "")  # a JSON "\u0000" escape; PostgreSQL refuses NUL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FieldError(f"expected text, got the number {value!r}")
        return str(int(value)) if value.is_integer() else repr(value)
    raise FieldError(f"expected text, got {kind(value)}")


def identifier(value: Any, preset: Preset) -> str:
    """A ticket id: text or a whole number, visible characters only, at most 100 characters."""
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise FieldError(f"id must be text or a whole number, got {kind(value)} {quote(value)}")
    text = scalar_text(value).strip()
    if len(text) > MAX_ID_LENGTH:
        raise FieldError(f"id is longer than {MAX_ID_LENGTH} characters")
    if problem := id_problem(text):
        raise FieldError(f"id {problem}")
    return text


def line(value: Any, preset: Preset) -> str:
    """Short text on one line (title, status, priority, ...): HTML removed, spaces collapsed."""
    text = scalar_text(value)
    if looks_like_html(text):
        text = html_to_text(text)
    return " ".join(text.split())


def rich(value: Any, preset: Preset) -> str:
    """Long text (description, resolution, notes): HTML to plain text, line ends normalised."""
    text = scalar_text(value)
    if looks_like_html(text):
        return html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- dates ------------------------------------------------------------------------


def date(value: Any, preset: Preset) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"expected a date as text, got {kind(value)} {quote(value)}".rstrip())
    return parse_datetime(value, preset.date_formats)


def parse_datetime(value: str, formats: Iterable[str] = ()) -> datetime | None:
    """ISO 8601 (date, date-time, Z or offset) or one of ``formats``, as naive UTC."""
    text = value.strip()
    if not text:
        return None
    moment = _try_iso(text) or _try_formats(text, formats)
    if moment is None:
        examples = [_SAMPLE_DATE.strftime(fmt) for fmt in list(formats)[:2]]
        expected = " or ".join(["ISO 8601 such as 2024-03-01T14:05:00Z", *examples])
        shown = f" {quote(value)}" if quote(value) else ""
        raise FieldError(f"unparseable date{shown}; expected {expected}")
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            raise FieldError(saying("date out of range", value)) from None
    return moment


def _try_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _try_formats(text: str, formats: Iterable[str]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def future_problem(moment: datetime | None, now: datetime | None) -> str:
    """Why a date cannot be right because it lies after the import ('' when it can)."""
    if moment is None or now is None or moment <= now + FUTURE_TOLERANCE:
        return ""
    return f"date {show(moment)} is in the future (the import ran at {show(now)})"


# --- numbers ----------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_CLOCK = re.compile(r"(\d+):([0-5]?\d)(?::([0-5]?\d))?")
# ServiceNow exports raw durations as a date-time offset from the epoch.
_EPOCH_DURATION = re.compile(r"1970-01-(\d\d)[ T](\d\d):(\d\d):(\d\d)")
_WORD_PART = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b\s*,?",
    re.IGNORECASE,
)
_WORD_MINUTES = {"d": 1440.0, "h": 60.0, "m": 1.0, "s": 1 / 60}


def duration(value: Any, preset: Preset) -> float | None:
    """Time spent in minutes: a number in the preset's unit, h:mm[:ss], or '1 hour 30 minutes'."""
    if value is None:
        return None
    unit = preset.time_unit
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise FieldError(f"expected a number of {unit}, got {kind(value)}")
    try:
        minutes = _minutes(value, unit)
    except OverflowError:
        minutes = math.inf
    if minutes is None or math.isnan(minutes) or (minutes == -math.inf):
        raise FieldError(saying(f"not a number of {unit}", value))
    if minutes < 0:
        raise FieldError(saying("negative time spent", value))
    if minutes > MAX_MINUTES:
        raise FieldError(
            f"time spent is out of range: more than a year ({MAX_MINUTES:,.0f} minutes) on one "
            f"ticket; check that the column holds {unit}"
        )
    return round(minutes, 2)


def _minutes(value: int | float | str, unit: str) -> float | None:
    if not isinstance(value, str):
        return float(value) * _MINUTES_PER[unit]
    text = value.strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return float(text.replace(",", ".")) * _MINUTES_PER[unit]
    if match := _CLOCK.fullmatch(text):
        hours, mins, secs = (int(part or 0) for part in match.groups())
        return hours * 60 + mins + secs / 60
    if match := _EPOCH_DURATION.fullmatch(text):
        day, hours, mins, secs = (int(part) for part in match.groups())
        return (day - 1) * 1440 + hours * 60 + mins + secs / 60
    parts = _WORD_PART.findall(text)
    if parts and "".join(_WORD_PART.sub("", text).split()) == "":
        return sum(float(amount) * _WORD_MINUTES[word[0].lower()] for amount, word in parts)
    return None


def count(value: Any, preset: Preset) -> int:
    """A count of reopens or escalations: a whole number from 0 to MAX_COUNT."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise FieldError(saying("not a whole number", value))
    number: float
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = float(value.strip().replace(",", "."))
    else:
        raise FieldError(saying("not a whole number", value))
    if not math.isfinite(number) or number != int(number):
        raise FieldError(saying("not a whole number", value))
    if number < 0:
        raise FieldError(saying("negative count", value))
    if number > MAX_COUNT:
        raise FieldError(f"count is out of range: more than {MAX_COUNT:,} for one ticket")
    return int(number)


# --- lists ------------------------------------------------------------------------


def links(value: Any, preset: Preset) -> tuple[str, ...]:
    """Linked article ids: a list, or text split on the preset's separator."""
    if isinstance(value, str):
        items: list[Any] = scalar_text(value).split(preset.list_separator)
    elif isinstance(value, list):
        items = value
    else:
        raise FieldError(f"expected a list of article ids, got {kind(value)}")
    found: dict[str, None] = {}
    for item in items:
        if isinstance(item, dict | list):
            raise FieldError(f"expected a list of article ids, got a list holding {kind(item)}")
        text = scalar_text(item).strip()
        if len(text) > MAX_ID_LENGTH:
            raise FieldError(f"article id {text[:40]!r}... is over {MAX_ID_LENGTH} characters")
        if text:
            found.setdefault(text)
    return tuple(found)


def notes(value: Any, preset: Preset) -> tuple[NoteRecord, ...]:
    """Work notes: a JSON array of {author, created_at, text, internal} objects."""
    if isinstance(value, str):
        try:
            value = json.loads(scalar_text(value))  # a CSV cell may carry the notes as JSON
        except (ValueError, RecursionError):
            raise FieldError("expected a list of notes, got text that is not JSON") from None
    if not isinstance(value, list):
        raise FieldError(f"expected a list of notes, got {kind(value)}")
    parsed = []
    for number, note in enumerate(value, start=1):
        if not isinstance(note, dict):
            raise FieldError(f"note {number}: expected an object, got {kind(note)}")
        try:
            parsed.append(
                NoteRecord(
                    author=line(note.get("author"), preset),
                    created_at=date(note.get("created_at"), preset),
                    text=rich(note.get("text"), preset),
                    internal=flag(note.get("internal")),
                )
            )
        except FieldError as error:
            raise FieldError(f"note {number}: {error}") from None
    return tuple(parsed)


def flag(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if not isinstance(value, str | int | float):
        raise FieldError(f"internal must be true or false, got {kind(value)}")
    text = str(value).strip().lower()
    if text in {"true", "yes", "y", "1", "internal"}:
        return True
    if text in {"false", "no", "n", "0", "", "public", "external"}:
        return False
    raise FieldError(f"internal must be true or false, got {quote(value) or kind(value)}")


PARSERS = {
    "id": identifier,
    "title": line,
    "description": rich,
    "resolution": rich,
    "status": line,
    "priority": line,
    "category": line,
    "client": line,
    "assignee": line,
    "created_at": date,
    "resolved_at": date,
    "closed_at": date,
    "time_spent_minutes": duration,
    "reopen_count": count,
    "escalation_count": count,
    "kb_links": links,
    "notes": notes,
}


# --- small helpers ----------------------------------------------------------------

# What a reason may repeat of a rejected value: short, date- or number-shaped text.
_QUOTABLE = re.compile(r"[0-9A-Za-z :/.,+\-]{1,32}")
_LONG_NUMBER = re.compile(r"\d{9}")  # a card, account or phone number
_PLAIN_WORDS = re.compile(r"[A-Za-z][a-z]*( [a-z]+)*")  # 'yesterday', 'two hours'; no Mixed1


def quote(value: Any) -> str:
    """The value in quotes for a reject reason, or '' when it might be private text."""
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, int | str):
        text = str(value) if isinstance(value, str) or value.bit_length() < 100 else ""
    else:
        return ""
    if not _QUOTABLE.fullmatch(text):
        return ""
    digits = sum(character.isdigit() for character in text)
    letters = sum(character.isalpha() for character in text)
    shaped = digits >= letters or _PLAIN_WORDS.fullmatch(text)
    if not shaped or _LONG_NUMBER.search(text) or mask(text) != text:
        return ""
    return f"'{text}'"


def saying(message: str, value: Any) -> str:
    """``message: 'value'`` when the value may be repeated, else the message alone."""
    quoted = quote(value)
    return f"{message}: {quoted}" if quoted else message


def kind(value: Any) -> str:
    names = {dict: "object", list: "array", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "number")


def show(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")
