"""Keyword search behind one ``LexicalIndex`` protocol: tantivy by default, whoosh besides.

Both backends (``tantivy_backend``, ``whoosh_backend``) index the same
``SearchDoc``s (one per article section, one per resolved ticket) with the same
fields and boosts, and answer the same ``search`` through the machinery here:
the query is parsed safely first (``kbassist.index.query``), unknown words are
expanded to their nearest spellings in the index's own vocabulary
(``kbassist.index.spelling``), which also gives the "did you mean" suggestion,
and very common terms are left out of the ranking query. Each index keeps a
manifest (record key -> content hash) next to its files, written after every
commit, so the search service can tell when the index is behind the database.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from kbassist.errors import Conflict
from kbassist.index.documents import FACET_FIELDS, RecordDocs, SearchDoc
from kbassist.index.exact import protected_words
from kbassist.index.query import MAX_WORDS, Filters, ParsedQuery, parse_query
from kbassist.index.spelling import NEGATIONS, Correction, Speller, correctable, suggestion_text
from kbassist.index.vocabulary import common_english, english_words, product_words

TITLE_BOOST = 2.0
HEADING_BOOST = 1.5
BODY_BOOST = 1.0
TEXT_FIELDS = ("title", "heading", "body")  # the analysed fields a query searches
FIELD_BOOSTS = (("title", TITLE_BOOST), ("heading", HEADING_BOOST), ("body", BODY_BOOST))
FUZZY_BOOST = 0.8  # a corrected spelling counts a little less than the word as typed
SCHEMA_VERSION = 1
# In an index of at least PRUNE_MIN_DOCUMENTS, a query term found in more than
# COMMON_TERM_SHARE of the documents is left out of the ranking query when rarer terms
# remain: its BM25 idf is at most ln(1 + 0.7 / 0.3) = 1.2 against 4.6 for a term in 1%
# of the documents, yet its postings are most of what the search reads ("the", "to",
# "user" in tickets). See docs/search.md for what it costs and saves (0.3 was chosen
# from 0.2-0.5 on stackfaq and 100,000 demo tickets); facets still count every term.
COMMON_TERM_SHARE = 0.3
PRUNE_MIN_DOCUMENTS = 1000

Progress = Callable[[int], None]


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

    def containing(
        self, words: Sequence[str], *, filters: Filters | None = None, limit: int = 200
    ) -> tuple[LexicalHit, ...]:
        """Documents holding these words in this order (a code, a host name, a phrase)."""
        ...

    def speller(self) -> Speller:
        """The speller over this index's vocabulary, the product words and common English."""
        ...

    def documents(self, keys: Iterable[str]) -> dict[str, SearchDoc]:
        """The stored documents for the given keys (those present)."""
        ...

    def doc_count(self) -> int: ...

    def vocabulary(self) -> dict[str, int]:
        """Every unstemmed word in the index with its document frequency."""
        ...


# ---------------------------------------------------------------- shared machinery


@dataclass(frozen=True)
class QueryPlan:
    """A parsed query in a backend's own terms: analysed words with their weights."""

    terms: tuple[tuple[str, float], ...]
    phrases: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]


class BaseIndex:
    """Manifest, spelling and query planning shared by both backends."""

    backend = ""

    def __init__(self, path: Path, vocabulary_file: Path | None = None) -> None:
        self.path = Path(path)
        self.vocabulary_file = vocabulary_file  # the instance's own product words
        self._lock = threading.RLock()
        self._manifest_cache: tuple[float, dict[str, str]] | None = None
        self._speller: tuple[Any, Speller] | None = None
        self._prepare()

    # -- backend hooks
    def _open(self, create: bool) -> None:
        raise NotImplementedError

    def _write(self, docs: Iterable[SearchDoc], delete_records: Sequence[str], clear: bool) -> None:
        raise NotImplementedError

    def _run(self, plan: QueryPlan, filters: Filters, limit: int) -> list[LexicalHit]:
        raise NotImplementedError

    def _facet_counts(self, plan: QueryPlan, filters: Filters) -> dict[str, dict[str, int]]:
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
            speller = Speller(
                self.vocabulary(),
                products=product_words(self.vocabulary_file),
                english=english_words(),
                common=common_english(),
            )
            self._speller = (generation, speller)
        return self._speller[1]

    def _plan(
        self, parsed: ParsedQuery
    ) -> tuple[QueryPlan, tuple[Correction, ...], dict[str, str]]:
        """The backend query, the spellings added to it, and the "did you mean" replacements."""
        weights: dict[str, float] = {}
        for word in parsed.words:
            for term in self._analyze(word):
                weights[term] = max(weights.get(term, 0.0), 1.0)
        corrections: list[Correction] = []
        replacements: dict[str, str] = {}
        protected = protected_words(parsed)  # codes and host names stay as typed
        rare: list[str] = []  # unknown or rare words: "did you mean" may replace them
        for word in parsed.words:
            if not correctable(word) or word in protected or word in NEGATIONS:
                continue
            if self._word_frequency(word) > Speller.RARE:
                continue
            speller = self.speller()
            correction = speller.correct(word)
            if correction:
                corrections.append(correction)
                for suggestion in correction.suggestions:
                    for term in self._analyze(suggestion):
                        weights.setdefault(term, FUZZY_BOOST)
            rare.append(word)
        if rare:
            replacements = self.speller().suggestions(rare)
        phrases = tuple(
            tuple(t for word in phrase for t in self._analyze(word)) for phrase in parsed.phrases
        )
        excluded = tuple(t for word in parsed.excluded for t in self._analyze(word))
        plan = QueryPlan(
            tuple(weights.items())[: MAX_WORDS * 2], tuple(p for p in phrases if p), excluded
        )
        return plan, tuple(corrections), replacements

    def _word_frequency(self, word: str) -> int:
        return self.speller().vocabulary.get(word, 0)

    def _informative(self, plan: QueryPlan) -> QueryPlan:
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
        plan, corrections, replacements = self._plan(parsed)
        hits = self._run(self._informative(plan), active, limit) if plan.terms else []
        hits.sort(key=lambda hit: (-hit.score, hit.key))
        terms = tuple(
            dict.fromkeys([*parsed.words, *(s for c in corrections for s in c.suggestions)])
        )
        return LexicalResult(
            tuple(hits[:limit]), terms, suggestion_text(parsed, replacements), corrections
        )

    def containing(
        self, words: Sequence[str], *, filters: Filters | None = None, limit: int = 200
    ) -> tuple[LexicalHit, ...]:
        terms = tuple(term for word in words for term in self._analyze(word))
        if not terms or limit <= 0:
            return ()
        plan = QueryPlan(tuple((term, 1.0) for term in dict.fromkeys(terms)), (terms,), ())
        hits = self._run(plan, filters or Filters(), limit)
        hits.sort(key=lambda hit: (-hit.score, hit.key))
        return tuple(hits[:limit])

    def facets(
        self, query: str | ParsedQuery, *, filters: Filters | None = None
    ) -> dict[str, dict[str, int]]:
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if parsed.empty:
            return {name: {} for name in FACET_FIELDS}
        plan, _, _ = self._plan(parsed)
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


def retry_locked(action: Callable[[], Any], what: str, attempts: int = 60) -> Any:
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
