"""Ticket import parsing: CSV and JSON Lines exports in, canonical TicketRecords out.

Pure: bytes (or a file's bytes) and a Preset in, a frozen ParseResult out; no
database, no clock (the time of the import comes in as ``now``). A row that
cannot be loaded becomes one or more Rejects (file, row, field, reason) and the
other rows are kept. Rows are physical line numbers in the file (the header of
a CSV is line 1), so a person can jump to them; for a CSV cell spanning several
lines it is the line where the row starts. Reading text into rows is
``kbassist.ingest.rows``; the field values are ``kbassist.ingest.values``. See
docs/import-formats.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kbassist.decoding import decode_text, path_text
from kbassist.errors import InvalidInput
from kbassist.hygiene import mask
from kbassist.ingest.presets import CANONICAL, CANONICAL_FIELDS, Preset, column_key
from kbassist.ingest.rows import Row, csv_rows, json_array_rows, json_lines_rows
from kbassist.ingest.values import (
    MAX_ID_LENGTH,
    PARSERS,
    FieldError,
    future_problem,
    parse_datetime,
    show,
)
from kbassist.records import Reject, TicketRecord

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_ID_LENGTH",
    "FieldError",
    "ParseResult",
    "build_record",
    "map_columns",
    "parse_datetime",
    "parse_ticket_bytes",
    "parse_ticket_row",
    "parse_tickets",
]

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
MAX_FILE_BYTES = 1024**3  # read whole into memory, several times over while parsing
_LISTED_COLUMNS = 12  # unknown columns named in the warning; the rest are counted


@dataclass(frozen=True)
class ParseResult:
    """What one import file yielded: good records, rejected rows and file-level warnings."""

    records: tuple[TicketRecord, ...]
    rejects: tuple[Reject, ...]
    warnings: tuple[str, ...]
    rows_read: int


# --- entry points ---------------------------------------------------------------


def parse_tickets(
    path: Path, preset: Preset | None = None, now: datetime | None = None
) -> ParseResult:
    """Parse a ticket export (.csv, .jsonl, .ndjson or .json) with a preset (default canonical).

    With ``now`` (the time of the import), dates after it are rejected.
    """
    path, shown = Path(path), path_text(path)
    if path.suffix.lower() not in FORMATS:
        raise InvalidInput(_unsupported(path_text(path.name)))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                f"Ticket file {shown} is {size / 1024**3:.1f} GiB, over the 1 GiB limit; "
                "split the export into several files."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"Ticket file {shown} does not exist.") from None
    except OSError as error:
        raise InvalidInput(f"Ticket file {shown} cannot be read: {error.strerror}.") from None
    return parse_ticket_bytes(data, shown, preset, now)


def parse_ticket_bytes(
    data: bytes, file: str, preset: Preset | None = None, now: datetime | None = None
) -> ParseResult:
    """Parse the bytes of an export; ``file`` names it in rejects and picks the format."""
    kind = FORMATS.get(Path(file).suffix.lower())
    if kind is None:
        raise InvalidInput(_unsupported(file))
    preset = preset or CANONICAL
    text, warnings = decode_text(data, file)
    if kind == "csv":
        rows = csv_rows(text, file, preset, warnings)
    elif kind == "json" and text.lstrip().startswith("["):
        rows = json_array_rows(text, file, warnings)
    else:
        rows = json_lines_rows(text)
    return _collect(rows, file, preset, warnings, now)


def _unsupported(name: str) -> str:
    return f"Cannot import {name}: use a .csv, .jsonl, .ndjson or .json file."


# --- rows to records ------------------------------------------------------------


def _collect(
    rows: Iterable[Row], file: str, preset: Preset, warnings: list[str], now: datetime | None
) -> ParseResult:
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
        outcome = build_record(values, file, row.line, preset, now)
        outcome = _reject_repeated(outcome, row, file, preset)
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
        warnings.append(_unknown_columns(file, list(unknown)))
    return ParseResult(tuple(records), tuple(rejects), tuple(warnings), rows_read)


def _reject_repeated(
    outcome: TicketRecord | list[Reject], row: Row, file: str, preset: Preset
) -> TicketRecord | list[Reject]:
    """A JSON object naming a field twice is ambiguous: json.loads would keep the last."""
    fields = [
        preset.lookup[column_key(key)][1]
        for key in row.repeated
        if column_key(key) in preset.lookup
    ]
    if not fields:
        return outcome
    record_id = outcome.id if isinstance(outcome, TicketRecord) else ""
    repeated = [
        Reject(file, row.line, name, f"{name} is given twice in the object (ambiguous)", record_id)
        for name in dict.fromkeys(fields)
    ]
    return repeated + (outcome if isinstance(outcome, list) else [])


def _unknown_columns(file: str, names: list[str]) -> str:
    """The warning naming ignored columns: masked (a header can hold a secret), capped."""
    shown = ", ".join(mask(_printable(name))[:60] for name in names[:_LISTED_COLUMNS])
    more = f" and {len(names) - _LISTED_COLUMNS} more" if len(names) > _LISTED_COLUMNS else ""
    return f"{file}: ignored {len(names)} unknown column(s): {shown}{more}."


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def map_columns(pairs: Iterable[tuple[str, Any]], preset: Preset) -> dict[str, Any]:
    """Raw values by canonical field; of several source columns the first non-empty wins.

    Two id columns with different values make the id ambiguous: the id is then a
    FieldError (kept as the value) and the row is rejected.
    """
    chosen: dict[str, tuple[int, Any]] = {}
    ids: dict[str, str] = {}
    for name, value in pairs:
        hit = preset.lookup.get(column_key(name))
        if hit is None or _is_empty(value):
            continue
        rank, target = hit
        if target == "id" and isinstance(value, str | int) and not isinstance(value, bool):
            ids.setdefault(str(value).strip(), name)
        if target not in chosen or rank < chosen[target][0]:
            chosen[target] = (rank, value)
    values = {target: value for target, (_, value) in chosen.items()}
    if len(ids) > 1:
        columns = " and ".join(repr(column) for column in dict.fromkeys(ids.values()))
        values["id"] = FieldError(f"id columns {columns} disagree; which id is meant is ambiguous")
    return values


def parse_ticket_row(
    row: Mapping[str, Any],
    file: str,
    row_number: int,
    preset: Preset | None = None,
    now: datetime | None = None,
) -> TicketRecord | list[Reject]:
    """One row (source column -> value) to a record, or the rejects that explain why not."""
    preset = preset or CANONICAL
    return build_record(map_columns(row.items(), preset), file, row_number, preset, now)


def build_record(
    values: Mapping[str, Any],
    file: str,
    row_number: int,
    preset: Preset,
    now: datetime | None = None,
) -> TicketRecord | list[Reject]:
    """Canonical raw values to a TicketRecord, collecting every problem of the row."""
    parsed: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name in CANONICAL_FIELDS:
        if name in values:
            try:
                if isinstance(values[name], FieldError):
                    raise values[name]
                parsed[name] = PARSERS[name](values[name], preset)
            except FieldError as error:
                problems.append((name, str(error)))
    failed = {name for name, _ in problems}
    for name in ("id", "title"):
        if not parsed.get(name) and name not in failed:
            problems.append((name, f"missing {name}"))
    problems += _date_problems(parsed, now)
    if problems:
        record_id = parsed.get("id", "")
        problems.sort(key=lambda problem: CANONICAL_FIELDS.index(problem[0]))
        return [Reject(file, row_number, name, reason, record_id) for name, reason in problems]
    return TicketRecord(**parsed, source=preset.name)


def _date_problems(parsed: Mapping[str, Any], now: datetime | None) -> list[tuple[str, str]]:
    """Dates in the wrong order, or after the import."""
    problems = []
    created = parsed.get("created_at")
    for name in ("created_at", "resolved_at", "closed_at"):
        moment = parsed.get(name)
        if name != "created_at" and created and moment and moment < created:
            problems.append((name, f"{name} {show(moment)} is before created_at {show(created)}"))
        elif problem := future_problem(moment, now):
            problems.append((name, f"{name}: {problem}"))
    for number, note in enumerate(parsed.get("notes", ()), start=1):
        if problem := future_problem(note.created_at, now):
            problems.append(("notes", f"note {number}: {problem}"))
    return problems


def _record_id(values: Mapping[str, Any]) -> str:
    value = values.get("id")
    if value is None or isinstance(value, FieldError):
        return ""
    try:
        return str(PARSERS["id"](value, CANONICAL))
    except FieldError:
        return ""


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
