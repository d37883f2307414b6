"""Keyword search behind one ``LexicalIndex`` protocol: tantivy by default, whoosh besides.

Both backends index the same ``SearchDoc``s (one per article section, one per
resolved ticket) with the same fields and boosts, and answer the same
``search``: any string a person can type is first sanitised by ``parse_query``
into words, quoted phrases, exclusions and filters, so a backend never sees
query syntax it could choke on. Typos are handled by expanding unknown words to
their nearest spellings in the index's own vocabulary (``Speller``), which also
gives the "did you mean" suggestion. Each index keeps a manifest (record key ->
content hash) next to its files, written after every commit, so the search
service can tell when the index is behind the database.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from datetime import time as day_time
from pathlib import Path
from typing import Any, Protocol

from kbassist.errors import Conflict, InvalidInput

KINDS = ("article", "ticket")
TITLE_BOOST = 2.0
HEADING_BOOST = 1.5
BODY_BOOST = 1.0
FUZZY_BOOST = 0.8  # a corrected spelling counts a little less than the word as typed
MAX_QUERY_CHARS = 4000  # longer input (a pasted log) is cut: the head carries the error
MAX_WORDS = 48
MAX_PHRASES = 8
ALL_CLIENTS = "*"  # articles without a client list apply to every client
SCHEMA_VERSION = 1
FACET_FIELDS = ("kind", "article_type", "client", "category")
# In an index of at least PRUNE_MIN_DOCUMENTS, a query term found in more than
# COMMON_TERM_SHARE of the documents is left out of the ranking query when rarer terms
# remain: its BM25 idf is at most ln(1 + 0.7 / 0.3) = 1.2 against 4.6 for a term in 1%
# of the documents, yet its postings are most of what the search reads ("the", "to",
# "user" in tickets). See docs/search.md for what it costs and saves (0.3 was chosen
# from 0.2-0.5 on stackfaq and 100,000 demo tickets); facets still count every term.
COMMON_TERM_SHARE = 0.3
PRUNE_MIN_DOCUMENTS = 1000
# Words not worth marking in a snippet. The ranking does not use this fixed list:
# dropping it from queries cost the hybrid 0.004-0.005 nDCG@10 on stackfaq, where
# leaving out terms by their share of documents (above) cost nothing.
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from has have how i if in into is it its me "
    "my no not of on or our so than that the their them then there these they this to was we "
    "were what when where which who why will with you your".split()
)

Progress = Callable[[int], None]


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class SearchDoc:
    """One indexed unit: an article section or a resolved ticket."""

    key: str  # "article:KB-0001#anchor" or "ticket:T-1"
    record: str  # "article:KB-0001" or "ticket:T-1": what the database row is
    kind: str
    ref_id: str
    title: str
    heading: str = ""
    body: str = ""
    anchor: str = ""
    article_type: str = ""
    clients: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    updated: datetime | None = None

    def filter_values(self) -> dict[str, tuple[str, ...]]:
        """Normalised values of the filterable fields (what the indexes store)."""
        clients = tuple(_value(c) for c in self.clients if _value(c))
        if self.kind == "article" and not clients:
            clients = (ALL_CLIENTS,)
        return {
            "kind": (self.kind,),
            "article_type": (_value(self.article_type),) if self.article_type else (),
            "client": clients,
            "category": tuple(_value(c) for c in self.categories if _value(c)),
        }


@dataclass(frozen=True)
class RecordDocs:
    """All documents of one database record, with the hash of what they were built from."""

    record: str
    content_hash: str
    docs: tuple[SearchDoc, ...]


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
        for name in FACET_FIELDS:
            wanted = getattr(self, name)
            if wanted is None:
                continue
            allowed = {_value(wanted)} | ({ALL_CLIENTS} if name == "client" else set())
            if not allowed & set(values[name]):
                return False
        if self.date_from or self.date_to:
            if doc.updated is None:
                return False
            if self.date_from and doc.updated < self.date_from:
                return False
            if self.date_to and doc.updated > self.date_to:
                return False
        return True

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


def _value(text: str) -> str:
    return " ".join(text.split()).lower()


# ---------------------------------------------------------------- query parsing

FILTER_PREFIXES = {
    "kind": "kind",
    "type": "article_type",
    "client": "client",
    "category": "category",
}
_WORD = re.compile(r"[^\W_]+")
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
            prose.append(text)
            words.extend(_words(text))
            continue
        prefixed = _PREFIX_PLAIN.match(token)
        if prefixed and prefixed.group(1).lower() in FILTER_PREFIXES:
            value = prefixed.group(2).strip("()'\"")
            if value:
                filters[FILTER_PREFIXES[prefixed.group(1).lower()]] = value
                continue
        if token in _OPERATORS or not _WORD.search(token):
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
    return [word.casefold() for word in _WORD.findall(text) if len(word) <= 40]


# ---------------------------------------------------------------- spelling


@dataclass(frozen=True)
class Correction:
    word: str
    suggestions: tuple[str, ...]  # best first


class Speller:
    """Nearest spellings from an index vocabulary (word -> document frequency).

    Candidates come from a one-deletion neighbourhood (SymSpell style), which
    catches every single edit and most double ones; they are then ranked by
    true edit distance, then frequency, then the word itself.
    """

    RARE = 2  # a word this rare may itself be a typo of a much commoner word
    DOMINANCE = 20  # ...if the commoner word is this many times as frequent

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.vocabulary = {w: n for w, n in vocabulary.items() if _correctable(w)}
        self._deletes: dict[str, list[str]] | None = None

    def _neighbours(self) -> dict[str, list[str]]:
        if self._deletes is None:
            deletes: dict[str, list[str]] = {}
            for word in sorted(self.vocabulary):
                for variant in _deletions(word):
                    deletes.setdefault(variant, []).append(word)
            self._deletes = deletes
        return self._deletes

    def candidates(self, word: str, limit: int = 3) -> tuple[tuple[str, int, int], ...]:
        """Up to ``limit`` (spelling, distance, frequency), nearest and commonest first."""
        if not _correctable(word):
            return ()
        neighbours = self._neighbours()
        seen: set[str] = set()
        for variant in _deletions(word):
            seen.update(neighbours.get(variant, ()))
        seen.discard(word)
        most = 1 if len(word) <= 4 else 2
        ranked = []
        for candidate in seen:
            distance = edit_distance(word, candidate)
            if distance <= most:
                ranked.append((candidate, distance, self.vocabulary[candidate]))
        ranked.sort(key=lambda item: (item[1], -item[2], item[0]))
        return tuple(ranked[:limit])

    def correct(self, word: str) -> Correction | None:
        """Suggestions for a word that is unknown, or rare beside a common near-twin."""
        frequency = self.vocabulary.get(word, 0)
        if frequency > self.RARE or not _correctable(word):
            return None
        found = self.candidates(word)
        if frequency:
            found = tuple(c for c in found if c[1] == 1 and c[2] >= self.DOMINANCE * frequency)
        if not found:
            return None
        return Correction(word, tuple(candidate for candidate, _, _ in found[:2]))


def _correctable(word: str) -> bool:
    # Codes and numbers are never "corrected": 0x80070005 and 0x80070050 are different errors.
    return word.isalpha() and 3 <= len(word) <= 30


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance (a transposition counts as one edit)."""
    if first == second:
        return 0
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def suggestion_text(parsed: ParsedQuery, corrections: Sequence[Correction]) -> str | None:
    """The query as typed with each misspelt word replaced by its best spelling."""
    if not corrections:
        return None
    text = parsed.text
    for correction in corrections:
        pattern = re.compile(rf"(?<![^\W_]){re.escape(correction.word)}(?![^\W_])", re.IGNORECASE)
        text = pattern.sub(correction.suggestions[0], text)
    return text if text.casefold() != parsed.text.casefold() else None


# ---------------------------------------------------------------- snippets


@dataclass(frozen=True)
class Snippet:
    """A short excerpt with the character spans of the query's words in it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def html(self) -> str:
        """The excerpt as escaped HTML with the matches in ``<mark>``."""
        parts, position = [], 0
        for start, end in self.spans:
            parts.append(html.escape(self.text[position:start]))
            parts.append(f"<mark>{html.escape(self.text[start:end])}</mark>")
            position = end
        parts.append(html.escape(self.text[position:]))
        return "".join(parts)


def make_snippet(text: str, terms: Iterable[str], width: int = 220) -> Snippet:
    """The window of ``text`` with the most distinct query words, matches marked."""
    flat = " ".join(text.split())
    # Marking every "at" and "the" in a snippet would hide the words that matter.
    wanted = {_match_key(term) for term in terms if term and term.casefold() not in STOPWORDS}
    matches = [m for m in _WORD.finditer(flat) if _match_key(m.group(0)) in wanted]
    start = 0
    if matches and len(flat) > width:
        best = (-1, -1, 0)
        for index, match in enumerate(matches):
            begin = max(0, match.start() - 40)
            inside = [m for m in matches[index:] if m.end() <= begin + width]
            score = (len({_match_key(m.group(0)) for m in inside}), len(inside), -begin)
            if score > best:
                best, start = score, begin
        start = _word_start(flat, start)
    end = min(len(flat), start + width)
    if end < len(flat):
        cut = flat.rfind(" ", start, end)
        end = cut if cut > start + width // 2 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    body = flat[start:end]
    spans = tuple(
        (m.start() - start + len(prefix), m.end() - start + len(prefix))
        for m in matches
        if m.start() >= start and m.end() <= end
    )
    return Snippet(prefix + body + suffix, spans)


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.find(" ", position)
    return space + 1 if 0 <= space < position + 20 else position


_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s")


def _match_key(word: str) -> str:
    """A light stem for highlighting: 'Prompting', 'prompts' and 'prompt' all match."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    for suffix in _SUFFIXES:
        if len(folded) > len(suffix) + 2 and folded.endswith(suffix):
            return folded[: -len(suffix)]
    return folded


# ---------------------------------------------------------------- results and protocol


@dataclass(frozen=True)
class LexicalHit:
    key: str
    record: str
    kind: str
    ref_id: str
    anchor: str
    score: float


@dataclass(frozen=True)
class LexicalResult:
    hits: tuple[LexicalHit, ...]
    terms: tuple[str, ...]  # words to highlight: the query's words and their corrections
    did_you_mean: str | None = None
    corrections: tuple[Correction, ...] = ()


class LexicalIndex(Protocol):
    """What every keyword-search backend offers (one contract test suite checks it)."""

    backend: str
    path: Path

    def update(self, upserts: Sequence[RecordDocs], deletes: Sequence[str] = ()) -> None:
        """Replace the documents of the given records, drop deleted ones, commit."""
        ...

    def rebuild(self, records: Iterable[RecordDocs], progress: Progress | None = None) -> None:
        """Replace the whole index with these records in one commit."""
        ...

    def manifest(self) -> dict[str, str]:
        """Record key -> content hash of everything committed."""
        ...

    def search(
        self, query: str | ParsedQuery, *, filters: Filters | None = None, limit: int = 10
    ) -> LexicalResult:
        """Best-first section/ticket hits; never raises on the query text."""
        ...

    def facets(
        self, query: str | ParsedQuery, *, filters: Filters | None = None
    ) -> dict[str, dict[str, int]]:
        """Counts of matching documents per kind, article type, client and category."""
        ...

    def documents(self, keys: Iterable[str]) -> dict[str, SearchDoc]:
        """The stored documents for the given keys (those present)."""
        ...

    def doc_count(self) -> int: ...

    def vocabulary(self) -> dict[str, int]:
        """Every unstemmed word in the index with its document frequency."""
        ...


def open_index(backend: str, path: Path) -> LexicalIndex:
    """The backend a setting names: ``tantivy`` or ``whoosh``."""
    if backend == "tantivy":
        return TantivyIndex(path)
    if backend == "whoosh":
        return WhooshIndex(path)
    raise InvalidInput(
        f"Unknown lexical backend {backend!r}: set KBASSIST_LEXICAL_BACKEND to tantivy or whoosh."
    )


# ---------------------------------------------------------------- shared machinery


@dataclass(frozen=True)
class _Plan:
    """A parsed query in a backend's own terms: analysed words with their weights."""

    terms: tuple[tuple[str, float], ...]
    phrases: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]


class _BaseIndex:
    """Manifest, spelling and query planning shared by both backends."""

    backend = ""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._manifest_cache: tuple[float, dict[str, str]] | None = None
        self._speller: tuple[Any, Speller] | None = None
        self._prepare()

    # -- backend hooks
    def _open(self, create: bool) -> None:
        raise NotImplementedError

    def _write(self, docs: Iterable[SearchDoc], delete_records: Sequence[str], clear: bool) -> None:
        raise NotImplementedError

    def _run(self, plan: _Plan, filters: Filters, limit: int) -> list[LexicalHit]:
        raise NotImplementedError

    def _facet_counts(self, plan: _Plan, filters: Filters) -> dict[str, dict[str, int]]:
        raise NotImplementedError

    def _analyze(self, text: str) -> list[str]:
        raise NotImplementedError

    def _generation(self) -> Any:
        raise NotImplementedError

    def vocabulary(self) -> dict[str, int]:
        raise NotImplementedError

    def documents(self, keys: Iterable[str]) -> dict[str, SearchDoc]:
        raise NotImplementedError

    def doc_count(self) -> int:
        raise NotImplementedError

    def _term_documents(self, term: str) -> int:
        """How many documents hold an analysed term in their body."""
        raise NotImplementedError

    # -- files
    @property
    def _manifest_path(self) -> Path:
        return self.path / "manifest.json"

    def _prepare(self) -> None:
        """Open the index, or start afresh when it is missing or from another schema version."""
        self.path.mkdir(parents=True, exist_ok=True)
        header = _read_json(self._manifest_path)
        current = header.get("schema") == SCHEMA_VERSION and header.get("backend") == self.backend
        if not current:
            for child in self.path.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        try:
            self._open(create=not current)
        except Exception:  # an unreadable index is a cache miss: rebuild from the database
            for child in self.path.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
            self._open(create=True)
            current = False
        if not current:
            self._save_manifest({})

    def manifest(self) -> dict[str, str]:
        try:
            mtime = self._manifest_path.stat().st_mtime_ns
        except FileNotFoundError:
            return {}
        if self._manifest_cache is None or self._manifest_cache[0] != mtime:
            records = _read_json(self._manifest_path).get("records", {})
            self._manifest_cache = (mtime, dict(records))
        return dict(self._manifest_cache[1])

    def _save_manifest(self, records: Mapping[str, str]) -> None:
        data = {
            "schema": SCHEMA_VERSION,
            "backend": self.backend,
            "records": dict(sorted(records.items())),
        }
        _write_json_atomic(self._manifest_path, data)

    # -- writes
    def update(self, upserts: Sequence[RecordDocs], deletes: Sequence[str] = ()) -> None:
        if not upserts and not deletes:
            return
        with self._lock:
            manifest = self.manifest()
            docs = [doc for item in upserts for doc in item.docs]
            self._write(docs, [item.record for item in upserts] + list(deletes), clear=False)
            for record in deletes:
                manifest.pop(record, None)
            for item in upserts:
                manifest[item.record] = item.content_hash
            self._save_manifest(manifest)

    def rebuild(self, records: Iterable[RecordDocs], progress: Progress | None = None) -> None:
        with self._lock:
            manifest: dict[str, str] = {}

            def docs() -> Iterable[SearchDoc]:
                for item in records:
                    manifest[item.record] = item.content_hash
                    yield from item.docs
                    if progress:
                        progress(1)

            self._write(docs(), (), clear=True)
            self._save_manifest(manifest)

    # -- reads
    def speller(self) -> Speller:
        generation = self._generation()
        if self._speller is None or self._speller[0] != generation:
            self._speller = (generation, Speller(self.vocabulary()))
        return self._speller[1]

    def _plan(self, parsed: ParsedQuery) -> tuple[_Plan, tuple[Correction, ...]]:
        weights: dict[str, float] = {}
        for word in parsed.words:
            for term in self._analyze(word):
                weights[term] = max(weights.get(term, 0.0), 1.0)
        corrections: list[Correction] = []
        speller: Speller | None = None
        for word in parsed.words:
            if not _correctable(word) or self._word_frequency(word) > Speller.RARE:
                continue
            speller = speller or self.speller()
            correction = speller.correct(word)
            if correction:
                corrections.append(correction)
                for suggestion in correction.suggestions:
                    for term in self._analyze(suggestion):
                        weights.setdefault(term, FUZZY_BOOST)
        phrases = tuple(
            tuple(t for word in phrase for t in self._analyze(word)) for phrase in parsed.phrases
        )
        excluded = tuple(t for word in parsed.excluded for t in self._analyze(word))
        plan = _Plan(
            tuple(weights.items())[: MAX_WORDS * 2], tuple(p for p in phrases if p), excluded
        )
        return plan, tuple(corrections)

    def _word_frequency(self, word: str) -> int:
        return self.speller().vocabulary.get(word, 0)

    def _informative(self, plan: _Plan) -> _Plan:
        """The plan without the terms many documents hold, when rarer terms remain to rank by."""
        if len(plan.terms) < 2:
            return plan
        total = self.doc_count()
        if total < PRUNE_MIN_DOCUMENTS:
            return plan
        cutoff = COMMON_TERM_SHARE * total
        kept = tuple(pair for pair in plan.terms if self._term_documents(pair[0]) <= cutoff)
        return replace(plan, terms=kept) if kept else plan

    def search(
        self, query: str | ParsedQuery, *, filters: Filters | None = None, limit: int = 10
    ) -> LexicalResult:
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        active = parsed.filters.merge(filters or Filters())
        if parsed.empty or limit <= 0:
            return LexicalResult((), ())
        plan, corrections = self._plan(parsed)
        hits = self._run(self._informative(plan), active, limit) if plan.terms else []
        hits.sort(key=lambda hit: (-hit.score, hit.key))
        terms = tuple(
            dict.fromkeys([*parsed.words, *(s for c in corrections for s in c.suggestions)])
        )
        return LexicalResult(
            tuple(hits[:limit]), terms, suggestion_text(parsed, corrections), corrections
        )

    def facets(
        self, query: str | ParsedQuery, *, filters: Filters | None = None
    ) -> dict[str, dict[str, int]]:
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if parsed.empty:
            return {name: {} for name in FACET_FIELDS}
        plan, _ = self._plan(parsed)
        if not plan.terms:
            return {name: {} for name in FACET_FIELDS}
        return self._facet_counts(plan, parsed.filters.merge(filters or Filters()))


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json_atomic(path: Path, data: Any) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def _retry_locked(action: Callable[[], Any], what: str, attempts: int = 60) -> Any:
    """Run a write, waiting (up to 30 s) while another process holds the index's writer lock."""
    for attempt in range(attempts):
        try:
            return action()
        except Exception as error:  # both backends signal a held lock with their own error
            if "lock" not in f"{type(error).__name__} {error}".lower():
                raise
            if attempt == attempts - 1:
                raise Conflict(
                    f"{what} is being written by another kbassist process; try again in a minute."
                ) from error
            time.sleep(0.5)
    return None


# ---------------------------------------------------------------- tantivy


class TantivyIndex(_BaseIndex):
    """The default backend: tantivy through its Python bindings."""

    backend = "tantivy"

    def _open(self, create: bool) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        for name in ("key", "record", "ref_id", "anchor"):
            builder.add_text_field(name, stored=True, tokenizer_name="raw")
        for name in FACET_FIELDS:
            builder.add_text_field(name, stored=True, tokenizer_name="raw", fast=True)
        for name in ("title", "heading", "body"):
            builder.add_text_field(name, stored=True, tokenizer_name="kb_stem")
        builder.add_text_field("spell", tokenizer_name="kb_plain", index_option="freq")
        builder.add_date_field("updated", stored=True, indexed=True, fast=True)
        self._schema = builder.build()
        location = self.path / "tantivy"
        location.mkdir(exist_ok=True)
        self._index = tantivy.Index(self._schema, path=str(location), reuse=not create)
        self._stem = _tantivy_analyzer(stem=True)
        self._plain = _tantivy_analyzer(stem=False)
        self._index.register_tokenizer("kb_stem", self._stem)
        self._index.register_tokenizer("kb_plain", self._plain)

    def _analyze(self, text: str) -> list[str]:
        return list(self._stem.analyze(text))

    def _generation(self) -> Any:
        return self._index.searcher().num_docs, self._manifest_path.stat().st_mtime_ns

    def _write(self, docs: Iterable[SearchDoc], delete_records: Sequence[str], clear: bool) -> None:
        writer = _retry_locked(
            lambda: self._index.writer(heap_size=64_000_000, num_threads=1), "The search index"
        )
        try:
            if clear:
                writer.delete_all_documents()
            for record in delete_records:
                writer.delete_documents_by_term("record", record)
            for doc in docs:
                writer.add_document(self._document(doc))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self._index.reload()

    def _document(self, doc: SearchDoc) -> Any:
        import tantivy

        document = tantivy.Document()
        for name in ("key", "record", "ref_id", "anchor", "title", "heading", "body"):
            document.add_text(name, getattr(doc, name))
        for name, values in doc.filter_values().items():
            for value in values:
                document.add_text(name, value)
        document.add_text("spell", f"{doc.title}\n{doc.heading}\n{doc.body}")
        if doc.updated is not None:
            document.add_date("updated", doc.updated.replace(tzinfo=UTC))
        return document

    def _query(self, plan: _Plan, filters: Filters) -> Any:
        from tantivy import Occur, Query

        schema = self._schema
        should = []
        for term, weight in plan.terms:
            for name, boost in (
                ("title", TITLE_BOOST),
                ("heading", HEADING_BOOST),
                ("body", BODY_BOOST),
            ):
                clause = Query.term_query(schema, name, term)
                should.append((Occur.Should, Query.boost_query(clause, boost * weight)))
        main = Query.boolean_query(should)
        if not plan.phrases and not plan.excluded and filters.is_empty():
            return main
        clauses = [(Occur.Must, main)]
        for phrase in plan.phrases:
            options = []
            for name in ("title", "heading", "body"):
                if len(phrase) == 1:
                    options.append((Occur.Should, Query.term_query(schema, name, phrase[0])))
                else:
                    options.append((Occur.Should, Query.phrase_query(schema, name, list(phrase))))
            clauses.append((Occur.Must, Query.boolean_query(options)))
        for term in plan.excluded:
            for name in ("title", "heading", "body"):
                clauses.append((Occur.MustNot, Query.term_query(schema, name, term)))
        for clause in self._filter_clauses(filters):
            # Filters must not change the ranking: they score zero.
            clauses.append((Occur.Must, Query.const_score_query(clause, 0.0)))
        return Query.boolean_query(clauses)

    def _filter_clauses(self, filters: Filters) -> list[Any]:
        import tantivy
        from tantivy import Occur, Query

        clauses = []
        for name in FACET_FIELDS:
            wanted = getattr(filters, name)
            if wanted is None:
                continue
            values = [_value(wanted)] + ([ALL_CLIENTS] if name == "client" else [])
            options = [(Occur.Should, Query.term_query(self._schema, name, v)) for v in values]
            clauses.append(Query.boolean_query(options))
        if filters.date_from or filters.date_to:
            clauses.append(
                Query.range_query(
                    self._schema,
                    "updated",
                    tantivy.FieldType.Date,
                    filters.date_from.replace(tzinfo=UTC) if filters.date_from else None,
                    filters.date_to.replace(tzinfo=UTC) if filters.date_to else None,
                )
            )
        return clauses

    def _run(self, plan: _Plan, filters: Filters, limit: int) -> list[LexicalHit]:
        searcher = self._index.searcher()
        # A few extra hits so equal scores at the cut are ordered by key, not by segment.
        result = searcher.search(self._query(plan, filters), limit + 5, count=False)
        found = result.hits
        # Stored fields cost the most: read the extra hits only when they tie at the cut.
        cut = min(limit, len(found))
        while 0 < cut < len(found) and found[cut][0] == found[cut - 1][0]:
            cut += 1
        hits = []
        for score, address in found[:cut]:
            stored = searcher.doc(address)
            hits.append(
                LexicalHit(
                    key=str(stored.get_first("key")),
                    record=str(stored.get_first("record")),
                    kind=str(stored.get_first("kind")),
                    ref_id=str(stored.get_first("ref_id")),
                    anchor=str(stored.get_first("anchor") or ""),
                    score=float(score),
                )
            )
        return hits

    def _facet_counts(self, plan: _Plan, filters: Filters) -> dict[str, dict[str, int]]:
        request = {name: {"terms": {"field": name, "size": 100}} for name in FACET_FIELDS}
        result = self._index.searcher().aggregate(self._query(plan, filters), request)
        return {
            name: {b["key"]: int(b["doc_count"]) for b in result.get(name, {}).get("buckets", [])}
            for name in FACET_FIELDS
        }

    def documents(self, keys: Iterable[str]) -> dict[str, SearchDoc]:
        from tantivy import Query

        wanted = sorted(set(keys))
        if not wanted:
            return {}
        searcher = self._index.searcher()
        query = Query.term_set_query(self._schema, "key", wanted)
        found = {}
        for _, address in searcher.search(query, len(wanted), count=False).hits:
            doc = _from_stored(searcher.doc(address).to_dict())
            found[doc.key] = doc
        return found

    def doc_count(self) -> int:
        return int(self._index.searcher().num_docs)

    def vocabulary(self) -> dict[str, int]:
        return {
            term: int(count)
            for term, count in self._index.searcher().terms_with_prefix("spell", "")
        }

    def _word_frequency(self, word: str) -> int:
        # Straight from the term dictionary: no need to build the speller for known words.
        return int(self._index.searcher().doc_freq("spell", word))

    def _term_documents(self, term: str) -> int:
        return int(self._index.searcher().doc_freq("body", term))


def _tantivy_analyzer(stem: bool) -> Any:
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

    builder = (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(40))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(Filter.stemmer("english"))
    return builder.build()


def _from_stored(stored: Mapping[str, list[Any]]) -> SearchDoc:
    def first(name: str) -> str:
        values = stored.get(name) or [""]
        return str(values[0])

    updated = (stored.get("updated") or [None])[0]
    if isinstance(updated, datetime):
        updated = updated.astimezone(UTC).replace(tzinfo=None)
    clients = tuple(v for v in stored.get("client", []) if v != ALL_CLIENTS)
    return SearchDoc(
        key=first("key"),
        record=first("record"),
        kind=first("kind"),
        ref_id=first("ref_id"),
        title=first("title"),
        heading=first("heading"),
        body=first("body"),
        anchor=first("anchor"),
        article_type=first("article_type"),
        clients=clients,
        categories=tuple(stored.get("category", [])),
        updated=updated,
    )


# ---------------------------------------------------------------- whoosh


class WhooshIndex(_BaseIndex):
    """The pure-Python alternative: whoosh (the maintained ``whoosh3`` fork)."""

    backend = "whoosh"

    def _open(self, create: bool) -> None:
        from whoosh import fields as w
        from whoosh import index

        stem, plain = _whoosh_analyzers()
        self._stem = stem
        schema = w.Schema(
            key=w.ID(stored=True, unique=True),
            record=w.ID(stored=True),
            ref_id=w.STORED(),
            anchor=w.STORED(),
            kind=w.ID(stored=True),
            article_type=w.ID(stored=True),
            client=w.KEYWORD(stored=True, commas=True),
            category=w.KEYWORD(stored=True, commas=True),
            title=w.TEXT(analyzer=stem, stored=True),
            heading=w.TEXT(analyzer=stem, stored=True),
            body=w.TEXT(analyzer=stem, stored=True),
            spell=w.TEXT(analyzer=plain, phrase=False),
            updated=w.DATETIME(stored=True),
        )
        location = self.path / "whoosh"
        location.mkdir(exist_ok=True)
        if create or not index.exists_in(str(location)):
            self._index = index.create_in(str(location), schema)
        else:
            self._index = index.open_dir(str(location))
        self._searcher: Any = None

    def _analyze(self, text: str) -> list[str]:
        return [token.text for token in self._stem(text)]

    def _generation(self) -> Any:
        return self._index.latest_generation(), self._manifest_path.stat().st_mtime_ns

    def _current(self) -> Any:
        with self._lock:
            if self._searcher is None:
                self._searcher = self._index.searcher()
            elif not self._searcher.up_to_date():
                # A fresh reader: refresh() reuses segment readers and can miss new deletions.
                self._searcher.close()
                self._searcher = self._index.searcher()
            return self._searcher

    def _write(self, docs: Iterable[SearchDoc], delete_records: Sequence[str], clear: bool) -> None:
        from whoosh import writing

        writer = _retry_locked(lambda: self._index.writer(limitmb=128), "The search index")
        try:
            for record in delete_records:
                writer.delete_by_term("record", record)
            for doc in docs:
                writer.add_document(**self._document(doc))
        except BaseException:
            writer.cancel()
            raise
        # CLEAR drops every older segment in the same commit: a rebuild is all or nothing.
        writer.commit(mergetype=writing.CLEAR if clear else writing.MERGE_SMALL)

    def _document(self, doc: SearchDoc) -> dict[str, Any]:
        values = doc.filter_values()
        fields_: dict[str, Any] = {
            "key": doc.key,
            "record": doc.record,
            "ref_id": doc.ref_id,
            "anchor": doc.anchor,
            "kind": doc.kind,
            "title": doc.title,
            "heading": doc.heading,
            "body": doc.body,
            "spell": f"{doc.title}\n{doc.heading}\n{doc.body}",
        }
        if values["article_type"]:
            fields_["article_type"] = values["article_type"][0]
        if values["client"]:
            fields_["client"] = ",".join(values["client"])
        if values["category"]:
            fields_["category"] = ",".join(values["category"])
        if doc.updated is not None:
            fields_["updated"] = doc.updated
        return fields_

    def _query(self, plan: _Plan) -> Any:
        from whoosh import query as q

        should = [
            q.Term(name, term, boost=boost * weight)
            for term, weight in plan.terms
            for name, boost in (
                ("title", TITLE_BOOST),
                ("heading", HEADING_BOOST),
                ("body", BODY_BOOST),
            )
        ]
        main: Any = q.Or(should)
        if plan.phrases:
            required = [
                q.Or(
                    [
                        q.Term(name, phrase[0])
                        if len(phrase) == 1
                        else q.Phrase(name, list(phrase), slop=1)
                        for name in ("title", "heading", "body")
                    ]
                )
                for phrase in plan.phrases
            ]
            main = q.AndMaybe(q.And(required), main)
        if plan.excluded:
            main = q.AndNot(
                main,
                q.Or([q.Term(n, t) for t in plan.excluded for n in ("title", "heading", "body")]),
            )
        return main

    def _filter(self, filters: Filters) -> Any:
        from whoosh import query as q

        clauses: list[Any] = []
        for name in FACET_FIELDS:
            wanted = getattr(filters, name)
            if wanted is None:
                continue
            values = [_value(wanted)] + ([ALL_CLIENTS] if name == "client" else [])
            clauses.append(q.Or([q.Term(name, v) for v in values]))
        if filters.date_from or filters.date_to:
            clauses.append(q.DateRange("updated", filters.date_from, filters.date_to))
        return q.And(clauses) if clauses else None

    def _run(self, plan: _Plan, filters: Filters, limit: int) -> list[LexicalHit]:
        with self._lock:
            searcher = self._current()
            results = searcher.search(
                self._query(plan), limit=limit + 5, filter=self._filter(filters)
            )
            hits = [
                LexicalHit(
                    key=hit["key"],
                    record=hit["record"],
                    kind=hit["kind"],
                    ref_id=hit["ref_id"],
                    anchor=hit.get("anchor") or "",
                    score=float(hit.score),
                )
                for hit in results
            ]
            return hits

    def _facet_counts(self, plan: _Plan, filters: Filters) -> dict[str, dict[str, int]]:
        from whoosh import sorting

        facets = {
            name: sorting.FieldFacet(name, allow_overlap=True, maptype=sorting.Count)
            for name in FACET_FIELDS
        }
        with self._lock:
            results = self._current().search(
                self._query(plan), limit=1, filter=self._filter(filters), groupedby=facets
            )
            return {
                name: {str(k): int(v) for k, v in results.groups(name).items() if k is not None}
                for name in FACET_FIELDS
            }

    def documents(self, keys: Iterable[str]) -> dict[str, SearchDoc]:
        found = {}
        with self._lock:
            searcher = self._current()
            for key in sorted(set(keys)):
                stored = searcher.document(key=key)
                if stored:
                    found[key] = _from_whoosh(stored)
        return found

    def doc_count(self) -> int:
        with self._lock:
            return int(self._current().doc_count())

    def vocabulary(self) -> dict[str, int]:
        with self._lock:
            reader = self._current().reader()
            return {
                (term.decode("utf-8") if isinstance(term, bytes) else str(term)): int(
                    info.doc_frequency()
                )
                for term, info in reader.iter_field("spell")
            }

    def _word_frequency(self, word: str) -> int:
        with self._lock:
            return int(self._current().doc_frequency("spell", word))

    def _term_documents(self, term: str) -> int:
        with self._lock:
            return int(self._current().doc_frequency("body", term))


def _whoosh_analyzers() -> tuple[Any, Any]:
    from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
    from whoosh.support.charset import accent_map

    plain = RegexTokenizer(r"[^\W_]+") | LowercaseFilter() | CharsetFilter(accent_map)
    return plain | StemFilter(), plain


def _from_whoosh(stored: Mapping[str, Any]) -> SearchDoc:
    clients = tuple(c for c in str(stored.get("client") or "").split(",") if c and c != ALL_CLIENTS)
    return SearchDoc(
        key=stored["key"],
        record=stored["record"],
        kind=stored["kind"],
        ref_id=stored.get("ref_id", ""),
        title=stored.get("title", ""),
        heading=stored.get("heading", ""),
        body=stored.get("body", ""),
        anchor=stored.get("anchor", ""),
        article_type=stored.get("article_type", ""),
        clients=clients,
        categories=tuple(c for c in str(stored.get("category") or "").split(",") if c),
        updated=stored.get("updated"),
    )
