"""Ticket import parsing: CSV and JSON Lines exports in, canonical TicketRecords out.

Pure: bytes (or a file's bytes) and a Preset in, a frozen ParseResult out; no
database. A row that cannot be loaded becomes one or more Rejects (file, row,
field, reason) and the other rows are kept. Rows are physical line numbers in
the file (the header of a CSV is line 1), so a person can jump to them; for a CSV
cell spanning several lines it is the line where the row starts. See
docs/import-formats.md.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kbassist.errors import InvalidInput
from kbassist.htmltext import html_to_text, looks_like_html
from kbassist.ingest.presets import CANONICAL, CANONICAL_FIELDS, Preset, column_key
from kbassist.records import NoteRecord, Reject, TicketRecord

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
MAX_ID_LENGTH = 100  # tickets.id is String(100) in the store
_MAX_CELL = 64 * 1024 * 1024
_MINUTES_PER = {"minutes": 1.0, "hours": 60.0}
_SAMPLE_DATE = datetime(2024, 3, 1, 14, 5)


@dataclass(frozen=True)
class ParseResult:
    """What one import file yielded: good records, rejected rows and file-level warnings."""

    records: tuple[TicketRecord, ...]
    rejects: tuple[Reject, ...]
    warnings: tuple[str, ...]
    rows_read: int


class FieldError(ValueError):
    """A value that cannot be loaded into its field; the message is the reject reason."""


@dataclass(frozen=True)
class _Row:
    line: int
    pairs: list[tuple[str, Any]]  # (source column, raw value) in file order
    problem: str = ""  # set when the row could not be read at all


# --- entry points ---------------------------------------------------------------


def parse_tickets(path: Path, preset: Preset | None = None) -> ParseResult:
    """Parse a ticket export (.csv, .jsonl, .ndjson or .json) with a preset (default canonical)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InvalidInput(_unsupported(path.name))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"Ticket file {path} does not exist.") from None
    except OSError as error:
        raise InvalidInput(f"Ticket file {path} cannot be read: {error.strerror}.") from None
    return parse_ticket_bytes(data, str(path), preset)


def parse_ticket_bytes(data: bytes, file: str, preset: Preset | None = None) -> ParseResult:
    """Parse the bytes of an export; ``file`` names it in rejects and picks the format."""
    kind = FORMATS.get(Path(file).suffix.lower())
    if kind is None:
        raise InvalidInput(_unsupported(file))
    preset = preset or CANONICAL
    text, warnings = decode_bytes(data, file)
    if kind == "csv":
        rows = csv_rows(text, file, preset, warnings)
    elif kind == "json" and text.lstrip().startswith("["):
        rows = json_array_rows(text, file, warnings)
    else:
        rows = json_lines_rows(text)
    return _collect(rows, file, preset, warnings)


def _unsupported(name: str) -> str:
    return f"Cannot import {name}: use a .csv, .jsonl, .ndjson or .json file."


# --- bytes to text --------------------------------------------------------------


def decode_bytes(data: bytes, file: str) -> tuple[str, list[str]]:
    """UTF-8 (BOM optional) or UTF-16 with a BOM; otherwise Windows-1252, with a warning."""
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            # PSA exports from Windows tools are often Windows-1252; the five bytes that
            # code page leaves undefined become U+FFFD rather than stopping the import.
            text = data.decode("cp1252", errors="replace")
            warnings.append(
                f"{file} is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset "
                f"{error.start}); read it as Windows-1252."
            )
    if "\x00" in text:
        # NUL is never meaningful in a ticket and PostgreSQL refuses it in text columns.
        text = text.replace("\x00", "")
        warnings.append(f"{file} contains NUL characters; they were removed.")
    return text, warnings


# --- text to rows ---------------------------------------------------------------


def csv_rows(text: str, file: str, preset: Preset, warnings: list[str]) -> Iterator[_Row]:
    """Rows of a CSV export with the physical line each starts on; the header is checked."""
    # HTML descriptions with inline images exceed csv's default 128 KiB cell limit. The
    # limit is process-wide, so it is only ever raised, never lowered.
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_CELL))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    header: list[str] | None = None
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            warnings.append(f"{file}: stopped reading at line {line}: {error}.")
            yield _Row(line, [], f"unreadable CSV from here on: {error}")
            break
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
            _require_columns(header, file, preset)
            continue
        extra = cells[len(header) :]
        if any(cell.strip() for cell in extra):
            reason = f"row has {len(cells)} cells but the header has {len(header)} columns"
            yield _Row(line, [], reason)
            continue
        yield _Row(line, list(zip(header, cells, strict=False)))
    if header is None:
        warnings.append(f"{file} is empty: no header row and no tickets.")


def _sniff_delimiter(text: str) -> str:
    """Comma, or semicolon/tab when the header line uses those (European Excel, TSV)."""
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


def _require_columns(header: list[str], file: str, preset: Preset) -> None:
    present = {preset.lookup[key][1] for key in map(column_key, header) if key in preset.lookup}
    for required in ("id", "title"):
        if required not in present:
            expected = ", ".join(preset.sources_for(required))
            found = ", ".join(name for name in header[:15] if name)
            raise InvalidInput(
                f"{file}: no column for the required field {required!r} "
                f"(preset {preset.name} expects one of: {expected}). The header has: {found}. "
                "Pick the matching --preset NAME or describe the columns with --mapping FILE."
            )


def json_lines_rows(text: str) -> Iterator[_Row]:
    """Rows of a JSON Lines file; one object per line, blank lines skipped."""
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.strip()
        if line:
            yield _json_row(number, line)


def _json_row(number: int, line: str) -> _Row:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return _Row(number, [], f"invalid JSON: {error.msg} (column {error.colno})")
    except (ValueError, RecursionError) as error:
        return _Row(number, [], f"invalid JSON: {error}")
    if not isinstance(value, dict):
        return _Row(number, [], f"expected a JSON object, got {_kind(value)}")
    return _Row(number, list(value.items()))


def json_array_rows(text: str, file: str, warnings: list[str]) -> Iterator[_Row]:
    """Rows of a .json file holding one array of ticket objects; rows are start lines."""
    decoder = json.JSONDecoder()
    index = text.index("[") + 1
    line, counted = 1, 0
    while True:
        index = _skip_space(text, index)
        if index >= len(text) or text[index] == "]":
            return
        line += text.count("\n", counted, index)
        counted = index
        try:
            value, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError) as error:
            warnings.append(f"{file}: stopped reading at line {line}: the JSON array is broken.")
            yield _Row(line, [], f"invalid JSON: {getattr(error, 'msg', error)}")
            return
        if isinstance(value, dict):
            yield _Row(line, list(value.items()))
        else:
            yield _Row(line, [], f"expected a JSON object, got {_kind(value)}")
        index = _skip_space(text, index)
        if index < len(text) and text[index] == ",":
            index += 1


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


# --- rows to records ------------------------------------------------------------


def _collect(rows: Iterable[_Row], file: str, preset: Preset, warnings: list[str]) -> ParseResult:
    records: list[TicketRecord] = []
    rejects: list[Reject] = []
    first_seen: dict[str, int] = {}
    unknown: dict[str, None] = {}
    rows_read = 0
    for row in rows:
        rows_read += 1
        if row.problem:
            rejects.append(Reject(file, row.line, "*", row.problem))
            continue
        for name, _ in row.pairs:
            if name.strip() and column_key(name) not in preset.lookup:
                unknown.setdefault(name.strip())
        values = map_columns(row.pairs, preset)
        outcome = build_record(values, file, row.line, preset)
        record_id = _record_id(values)
        if record_id in first_seen:
            # The later row loses, even when the first one was itself rejected: which of
            # two versions of a ticket is right is for a person to decide.
            reason = f"duplicate id, first seen on row {first_seen[record_id]}"
            rejects.append(Reject(file, row.line, "id", reason, record_id))
        elif record_id:
            first_seen[record_id] = row.line
        if isinstance(outcome, list):
            rejects.extend(outcome)
        elif record_id in first_seen and first_seen[record_id] == row.line:
            records.append(outcome)
    if unknown:
        names = ", ".join(unknown)
        warnings.append(f"{file}: ignored {len(unknown)} unknown column(s): {names}.")
    return ParseResult(tuple(records), tuple(rejects), tuple(warnings), rows_read)


def map_columns(pairs: Iterable[tuple[str, Any]], preset: Preset) -> dict[str, Any]:
    """Raw values by canonical field; of several source columns the first non-empty wins."""
    chosen: dict[str, tuple[int, Any]] = {}
    for name, value in pairs:
        hit = preset.lookup.get(column_key(name))
        if hit is None or _is_empty(value):
            continue
        rank, target = hit
        if target not in chosen or rank < chosen[target][0]:
            chosen[target] = (rank, value)
    return {target: value for target, (_, value) in chosen.items()}


def parse_ticket_row(
    row: Mapping[str, Any], file: str, row_number: int, preset: Preset | None = None
) -> TicketRecord | list[Reject]:
    """One row (source column -> value) to a record, or the rejects that explain why not."""
    preset = preset or CANONICAL
    return build_record(map_columns(row.items(), preset), file, row_number, preset)


def build_record(
    values: Mapping[str, Any], file: str, row_number: int, preset: Preset
) -> TicketRecord | list[Reject]:
    """Canonical raw values to a TicketRecord, collecting every problem of the row."""
    parsed: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name in CANONICAL_FIELDS:
        if name in values:
            try:
                parsed[name] = _PARSERS[name](values[name], preset)
            except FieldError as error:
                problems.append((name, str(error)))
    failed = {name for name, _ in problems}
    for name in ("id", "title"):
        if not parsed.get(name) and name not in failed:
            problems.append((name, f"missing {name}"))
    created = parsed.get("created_at")
    for name in ("resolved_at", "closed_at"):
        moment = parsed.get(name)
        if created and moment and moment < created:
            problems.append((name, f"{name} {_show(moment)} is before created_at {_show(created)}"))
    if problems:
        record_id = parsed.get("id", "")
        problems.sort(key=lambda problem: CANONICAL_FIELDS.index(problem[0]))
        return [Reject(file, row_number, name, reason, record_id) for name, reason in problems]
    return TicketRecord(**parsed, source=preset.name)


def _record_id(values: Mapping[str, Any]) -> str:
    try:
        return _identifier(values["id"], CANONICAL) if "id" in values else ""
    except FieldError:
        return ""


# --- field parsers: raw value (text from CSV, any JSON value) -> field value ----------


def _identifier(value: Any, preset: Preset) -> str:
    text = _scalar_text(value).strip()
    if len(text) > MAX_ID_LENGTH:
        raise FieldError(f"id is longer than {MAX_ID_LENGTH} characters")
    return text


def _line(value: Any, preset: Preset) -> str:
    """Short text on one line (title, status, priority, ...): HTML removed, spaces collapsed."""
    text = _scalar_text(value)
    if looks_like_html(text):
        text = html_to_text(text)
    return " ".join(text.split())


def _rich(value: Any, preset: Preset) -> str:
    """Long text (description, resolution, notes): HTML to plain text, line ends normalised."""
    text = _scalar_text(value)
    if looks_like_html(text):
        return html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _date(value: Any, preset: Preset) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"expected a date as text, got {_kind(value)} {_quote(value)}")
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
        raise FieldError(f"unparseable date '{value}'; expected {expected}")
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            raise FieldError(f"date out of range: '{value}'") from None
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


_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_CLOCK = re.compile(r"(\d+):([0-5]?\d)(?::([0-5]?\d))?")
# ServiceNow exports raw durations as a date-time offset from the epoch.
_EPOCH_DURATION = re.compile(r"1970-01-(\d\d)[ T](\d\d):(\d\d):(\d\d)")
_WORD_PART = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b\s*,?",
    re.IGNORECASE,
)
_WORD_MINUTES = {"d": 1440.0, "h": 60.0, "m": 1.0, "s": 1 / 60}


def _duration(value: Any, preset: Preset) -> float | None:
    """Time spent in minutes: a number in the preset's unit, h:mm[:ss], or '1 hour 30 minutes'."""
    if value is None:
        return None
    unit = preset.time_unit
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise FieldError(f"expected a number of {unit}, got {_kind(value)}")
    minutes = _minutes(value, unit)
    if minutes is None or not math.isfinite(minutes):
        raise FieldError(f"not a number of {unit}: '{value}'")
    if minutes < 0:
        raise FieldError(f"negative time spent: '{value}'")
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


def _count(value: Any, preset: Preset) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        raise FieldError(f"not a whole number: '{value}'")
    number: float
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = float(value.strip().replace(",", "."))
    else:
        raise FieldError(f"not a whole number: {_quote(value)}")
    if not math.isfinite(number) or number != int(number):
        raise FieldError(f"not a whole number: {_quote(value)}")
    if number < 0:
        raise FieldError(f"negative count: {_quote(value)}")
    return int(number)


def _links(value: Any, preset: Preset) -> tuple[str, ...]:
    if isinstance(value, str):
        items: list[Any] = value.split(preset.list_separator)
    elif isinstance(value, list):
        items = value
    else:
        raise FieldError(f"expected a list of article ids, got {_kind(value)}")
    links: dict[str, None] = {}
    for item in items:
        text = _scalar_text(item).strip()
        if len(text) > MAX_ID_LENGTH:
            raise FieldError(f"article id {text[:40]!r}... is over {MAX_ID_LENGTH} characters")
        if text:
            links.setdefault(text)
    return tuple(links)


def _notes(value: Any, preset: Preset) -> tuple[NoteRecord, ...]:
    if isinstance(value, str):
        try:
            value = json.loads(value)  # a CSV cell may carry the notes as a JSON array
        except ValueError:
            raise FieldError("expected a list of notes, got text that is not JSON") from None
    if not isinstance(value, list):
        raise FieldError(f"expected a list of notes, got {_kind(value)}")
    notes = []
    for number, note in enumerate(value, start=1):
        if not isinstance(note, dict):
            raise FieldError(f"note {number}: expected an object, got {_kind(note)}")
        try:
            notes.append(
                NoteRecord(
                    author=_line(note.get("author"), preset),
                    created_at=_date(note.get("created_at"), preset),
                    text=_rich(note.get("text"), preset),
                    internal=_flag(note.get("internal")),
                )
            )
        except FieldError as error:
            raise FieldError(f"note {number}: {error}") from None
    return tuple(notes)


def _flag(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in {"true", "yes", "y", "1", "internal"}:
        return True
    if text in {"false", "no", "n", "0", "", "public", "external"}:
        return False
    raise FieldError(f"internal must be true or false, got {_quote(value)}")


_PARSERS = {
    "id": _identifier,
    "title": _line,
    "description": _rich,
    "resolution": _rich,
    "status": _line,
    "priority": _line,
    "category": _line,
    "client": _line,
    "assignee": _line,
    "created_at": _date,
    "resolved_at": _date,
    "closed_at": _date,
    "time_spent_minutes": _duration,
    "reopen_count": _count,
    "escalation_count": _count,
    "kb_links": _links,
    "notes": _notes,
}


# --- small helpers --------------------------------------------------------------


def _scalar_text(value: Any) -> str:
    """Text of a scalar cell; JSON numbers become their usual spelling."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\x00", "")  # a JSON "\u0000" escape; PostgreSQL refuses NUL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    raise FieldError(f"expected text, got {_kind(value)}")


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kind(value: Any) -> str:
    names = {dict: "object", list: "array", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "number")


def _quote(value: Any) -> str:
    return f"'{value}'"


def _show(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")
