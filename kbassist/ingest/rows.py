"""Ticket export text to rows: CSV, JSON Lines and JSON arrays, each row with its line.

Pure. A row is the (column, raw value) pairs of one ticket and the physical line
it starts on (a lone CR, an LF and a CRLF each end a line, as editors count
them), or the problem that kept it from being read. One broken row never costs
the rows after it: a CSV row whose quote never closes is reported and reading
resumes on the next line; a broken element of a JSON array is reported and
reading resumes at the next element; text after the array's end is reported.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kbassist.errors import InvalidInput
from kbassist.ingest.presets import Preset, column_key
from kbassist.ingest.values import MAX_CELL, MiB, kind

MAX_LINE = 4 * MAX_CELL  # a JSON line holds several fields
_LINE_END = re.compile(r"\r\n|\r|\n")
_OBJECT_SEPARATOR = re.compile(r"\}\s*,\s*\{")


@dataclass(frozen=True)
class Row:
    line: int
    pairs: list[tuple[str, Any]]  # (source column, raw value) in file order
    problem: str = ""  # set when the row could not be read at all
    repeated: tuple[str, ...] = ()  # keys a JSON object gives more than once


class Lines:
    """Physical line numbers of positions in a text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in _LINE_END.finditer(text)]

    def of(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position)

    def __len__(self) -> int:
        return len(self.starts)


# --- CSV --------------------------------------------------------------------------


def csv_rows(text: str, file: str, preset: Preset, warnings: list[str]) -> Iterator[Row]:
    """Rows of a CSV export with the physical line each starts on; the header is checked."""
    # HTML descriptions with inline images exceed csv's default 128 KiB cell limit. The
    # limit is process-wide, so it is only ever raised, never lowered.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    delimiter = _sniff_delimiter(text)
    lines = Lines(text)
    header: list[str] | None = None
    line: int | None = 1
    while line is not None:
        stream = io.StringIO(text, newline="")
        stream.seek(lines.starts[line - 1])
        reader = csv.reader(stream, delimiter=delimiter)
        base, line = line - 1, None
        while True:
            first = base + reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                yield Row(first, [], _csv_problem(error))
                line = first + 1  # what the bad row swallowed is read again
                break
            last = base + reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
                require_columns(header, file, preset)
                _warn_repeated_columns(header, file, warnings)
                continue
            if last > first and _runs_on(text, lines, first, last, cells, header, delimiter):
                yield Row(first, [], _unclosed_quote(first, last))
                line = first + 1
                break
            extra = cells[len(header) :]
            if any(cell.strip() for cell in extra):
                reason = f"row has {len(cells)} cells but the header has {len(header)} columns"
                yield Row(first, [], reason)
                continue
            yield Row(first, list(zip(header, cells, strict=False)))
    if header is None:
        warnings.append(f"{file} is empty: no header row and no tickets.")


def _csv_problem(error: csv.Error) -> str:
    if "field limit" in str(error):
        return f"a cell is larger than the {MAX_CELL // MiB} MiB limit"
    return f"unreadable CSV row: {error}"


def _runs_on(
    text: str,
    lines: Lines,
    first: int,
    last: int,
    cells: list[str],
    header: list[str],
    delimiter: str,
) -> bool:
    """Whether a multi-line row is a quote that never closed (or closed rows later)."""
    if any(cell.strip() for cell in cells[len(header) :]):
        return True  # the quote closed in a later row and shifted its cells
    end = lines.starts[last] if last < len(lines) else len(text)
    strict = csv.reader(io.StringIO(text[lines.starts[first - 1] : end], newline=""), strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as error:
        return "end of data" in str(error)  # the file ended inside the quoted cell
    return False


def _unclosed_quote(first: int, last: int) -> str:
    return (
        f"unclosed quote: a quoted cell opened on line {first} runs on to line {last}; "
        "the lines after it were read again as rows of their own"
    )


def _sniff_delimiter(text: str) -> str:
    """Comma, or semicolon/tab when the header line uses those (European Excel, TSV)."""
    first_line = _LINE_END.split(text, maxsplit=1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


def require_columns(header: list[str], file: str, preset: Preset) -> None:
    """Refuse a header without an id or a title column, naming the columns it has."""
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


def _warn_repeated_columns(header: list[str], file: str, warnings: list[str]) -> None:
    seen: dict[str, str] = {}
    for name in header:
        key = column_key(name)
        if key and key in seen:
            warnings.append(
                f"{file}: the column {seen[key]!r} appears more than once in the header; "
                "the first non-empty value of a row is used (rows whose ids differ are rejected)."
            )
        seen.setdefault(key, name)


# --- JSON -------------------------------------------------------------------------


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object that remembers the keys it was given more than once."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    value = _Object(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated.setdefault(key)
            seen.add(key)
        value.repeated = tuple(repeated)
    return value


# NaN and Infinity (not JSON, but Python writes them) are read; the fields refuse them.
_DECODER = json.JSONDecoder(object_pairs_hook=_object)


def _value_row(line: int, value: Any) -> Row:
    if not isinstance(value, dict):
        return Row(line, [], f"expected a JSON object, got {kind(value)}")
    return Row(line, list(value.items()), repeated=getattr(value, "repeated", ()))


def _json_problem(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON: {error.msg} (column {error.colno})"
    if isinstance(error, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {error}"


def json_lines_rows(text: str) -> Iterator[Row]:
    """Rows of a JSON Lines file; one object per line, blank lines skipped."""
    for number, raw_line in enumerate(_LINE_END.split(text), start=1):
        line = raw_line.strip()
        if not line:
            continue
        if len(line) > MAX_LINE:
            yield Row(number, [], f"line is larger than the {MAX_LINE // MiB} MiB limit")
            continue
        try:
            value, end = _DECODER.raw_decode(line)
            if end != len(line):
                raise json.JSONDecodeError("Extra data", line, end)
        except (ValueError, RecursionError) as error:
            yield Row(number, [], _json_problem(error))
            continue
        yield _value_row(number, value)


def json_array_rows(text: str, file: str, warnings: list[str]) -> Iterator[Row]:
    """Rows of a .json file holding one array of ticket objects; rows are start lines."""
    lines = Lines(text)
    index = text.index("[") + 1
    while True:
        index = _skip_space(text, index)
        if index >= len(text):
            warnings.append(
                f"{file}: the JSON array is not closed with ']' (the file may be cut short); "
                "the complete tickets before the end were read."
            )
            return
        if text[index] == "]":
            after = _skip_space(text, index + 1)
            if after < len(text):
                yield Row(
                    lines.of(after),
                    [],
                    "text after the end of the JSON array was not read "
                    "(two exports joined into one file?)",
                )
            return
        line = lines.of(index)
        try:
            value, index = _DECODER.raw_decode(text, index)
        except (ValueError, RecursionError) as error:
            yield Row(line, [], _json_problem(error))
            index = _next_element(text, index)
            if index < 0:
                warnings.append(f"{file}: no ticket found after the broken element on line {line}.")
                return
            continue
        yield _value_row(line, value)
        index = _skip_space(text, index)
        if index < len(text) and text[index] == ",":
            index += 1


def _next_element(text: str, start: int) -> int:
    """Where the array element after a broken one starts, or -1.

    In a pretty-printed array the next element is the next '{' at the broken
    one's indentation after a comma; in a compact one, the next '},{'.
    """
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    indent = text[line_start:start]
    if indent.strip() == "":
        pattern = re.compile(r"(?:\r\n|\r|\n)" + re.escape(indent) + r"\{")
        for match in pattern.finditer(text, start + 1):
            candidate = match.end() - 1
            before = match.start() - 1
            while before > start and text[before] in " \t\r\n":
                before -= 1
            if text[before] == ",":
                return candidate
        return -1
    separator = _OBJECT_SEPARATOR.search(text, start + 1)
    return separator.end() - 1 if separator else -1


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n\ufeff":
        index += 1
    return index
