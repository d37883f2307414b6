"""Queries as people type them, made safe: words, phrases, exclusions and filters.

Any string is first sanitised by ``parse_query``, so no backend ever sees query
syntax it could choke on; ``Filters`` restricts a search by kind, article type,
client, category and date, whether typed as ``client:acme`` or sent as request
parameters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from datetime import time as day_time
from typing import Any

from kbassist.errors import InvalidInput
from kbassist.index.documents import ALL_CLIENTS, FACET_FIELDS, KINDS, SearchDoc, filter_value

MAX_QUERY_CHARS = 4000  # longer input (a pasted log) is cut: the head carries the error
MAX_WORDS = 48
MAX_PHRASES = 8


@dataclass(frozen=True)
class Filters:
    """Restrictions on kind, article type, client, category and date (inclusive)."""

    kind: str | None = None
    article_type: str | None = None
    client: str | None = None
    category: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> Filters:
        """Filters from request parameters; raises InvalidInput naming a bad value."""
        data = data or {}
        values: dict[str, Any] = {}
        for name in ("kind", "article_type", "client", "category"):
            raw = data.get(name) if name != "article_type" else data.get(name, data.get("type"))
            if raw not in (None, ""):
                values[name] = str(raw).strip()
        if values.get("kind") and values["kind"] not in KINDS:
            raise InvalidInput(f"kind: {values['kind']!r} is not one of {', '.join(KINDS)}")
        for name, end in (("date_from", False), ("date_to", True)):
            raw = data.get(name)
            if isinstance(raw, datetime):
                values[name] = raw
            elif raw not in (None, ""):
                values[name] = _parse_date(name, str(raw), end)
        return cls(**values)

    def merge(self, other: Filters) -> Filters:
        """These filters with every value set in ``other`` taking precedence."""
        changes = {f.name: getattr(other, f.name) for f in fields(other) if getattr(other, f.name)}
        return replace(self, **changes)

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def matches(self, doc: SearchDoc) -> bool:
        """Whether a document passes these filters (the semantic index applies it this way)."""
        values = doc.filter_values()
        for name, allowed in self.wanted_values().items():
            if not set(allowed) & set(values[name]):
                return False
        if self.date_from or self.date_to:
            if doc.updated is None:
                return False
            if self.date_from and doc.updated < self.date_from:
                return False
            if self.date_to and doc.updated > self.date_to:
                return False
        return True

    def wanted_values(self) -> dict[str, tuple[str, ...]]:
        """Per facet filter set, the stored values that pass it (ALL_CLIENTS passes a client)."""
        return {
            name: (filter_value(wanted),) + ((ALL_CLIENTS,) if name == "client" else ())
            for name in FACET_FIELDS
            if (wanted := getattr(self, name)) is not None
        }

    def as_dict(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[f.name] = value.isoformat() if isinstance(value, datetime) else str(value)
        return out


def _parse_date(name: str, raw: str, end_of_day: bool) -> datetime:
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            return datetime.combine(day, day_time.max if end_of_day else day_time.min)
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as error:
        raise InvalidInput(f"{name}: {raw!r} is not a date (use YYYY-MM-DD)") from error
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


FILTER_PREFIXES = {
    "kind": "kind",
    "type": "article_type",
    "client": "client",
    "category": "category",
}
WORD = re.compile(r"[^\W_]+")  # letters and digits: what both backends and snippets call a word
_OPERATORS = {"AND", "OR", "NOT", "&&", "||", "!"}
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_PREFIX_QUOTED = re.compile(r'(?<!\S)([A-Za-z_]+):"([^"]*)"')
_PREFIX_PLAIN = re.compile(r"^([A-Za-z_]+):(\S+)$")
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query made safe: words, quoted phrases, excluded words and filters."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    filters: Filters = Filters()
    text: str = ""  # the query as prose, for the embedder and for "did you mean"

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases


def parse_query(text: str) -> ParsedQuery:
    """Turn any string into a ParsedQuery; never raises.

    Balanced double quotes make phrases (a stray quote is ignored); ``kind:``,
    ``type:``, ``client:`` and ``category:`` become filters; ``-word`` excludes a
    word; ``AND``/``OR``/``NOT``, brackets, other ``field:`` prefixes and
    symbols are treated as plain text.
    """
    cleaned = _clean(text)[:MAX_QUERY_CHARS]
    filters: dict[str, str] = {}

    def take_filter(match: re.Match[str]) -> str:
        name = FILTER_PREFIXES.get(match.group(1).lower())
        if name is None or not match.group(2).strip():
            return match.group(0)
        filters[name] = match.group(2).strip()
        return " "

    cleaned = _PREFIX_QUOTED.sub(take_filter, cleaned)
    phrases: list[tuple[str, ...]] = []
    prose: list[str] = []

    quoted: list[str] = []

    def take_phrase(match: re.Match[str]) -> str:
        words = tuple(_words(match.group(1)))[:12]
        if words and len(phrases) < MAX_PHRASES:
            phrases.append(words)
        quoted.append(match.group(1))
        # A placeholder keeps the phrase's place in the prose; control characters
        # cannot come from the user (``_clean`` removed them).
        return f" \x01{len(quoted) - 1} "

    rest = _PHRASE.sub(take_phrase, cleaned).replace('"', " ")
    words: list[str] = []
    excluded: list[str] = []
    for token in rest.split():
        if token.startswith("\x01"):
            text = quoted[int(token[1:])]
            prose.append(f'"{text}"')  # a suggestion keeps the quotes
            words.extend(_words(text))
            continue
        prefixed = _PREFIX_PLAIN.match(token)
        if prefixed and prefixed.group(1).lower() in FILTER_PREFIXES:
            value = prefixed.group(2).strip("()'\"")
            if value:
                filters[FILTER_PREFIXES[prefixed.group(1).lower()]] = value
                continue
        if token in _OPERATORS or not WORD.search(token):
            continue
        prose.append(token)
        if len(token) > 1 and token[0] == "-" and token[1].isalpha():
            excluded.extend(_words(token))
            continue
        words.extend(_words(token))
    kind = filters.get("kind", "").lower()
    filter_record = Filters(
        kind=kind if kind else None,
        article_type=filters.get("article_type"),
        client=filters.get("client"),
        category=filters.get("category"),
    )
    return ParsedQuery(
        words=tuple(dict.fromkeys(words))[:MAX_WORDS],
        phrases=tuple(phrases),
        excluded=tuple(dict.fromkeys(excluded))[:MAX_WORDS],
        filters=filter_record,
        text=" ".join(prose)[:MAX_QUERY_CHARS],
    )


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTES)
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)


def _words(text: str) -> list[str]:
    # Both backends drop tokens over 40 characters; a 10,000-character run is no word.
    return [word.casefold() for word in WORD.findall(text) if len(word) <= 40]
