"""The pure-Python lexical backend: whoosh (the maintained ``whoosh3`` fork).

whoosh itself is imported where it is used, so that importing kbassist stays light.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kbassist.index.documents import ALL_CLIENTS, FACET_FIELDS, SearchDoc
from kbassist.index.lexical import (
    FIELD_BOOSTS,
    TEXT_FIELDS,
    BaseIndex,
    LexicalHit,
    QueryPlan,
    retry_locked,
)
from kbassist.index.query import Filters


class WhooshIndex(BaseIndex):
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

        writer = retry_locked(lambda: self._index.writer(limitmb=128), "The search index")
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

    def _query(self, plan: QueryPlan) -> Any:
        from whoosh import query as q

        should = [
            q.Term(name, term, boost=boost * weight)
            for term, weight in plan.terms
            for name, boost in FIELD_BOOSTS
        ]
        main: Any = q.Or(should)
        if plan.phrases:
            required = [
                q.Or(
                    [
                        q.Term(name, phrase[0])
                        if len(phrase) == 1
                        else q.Phrase(name, list(phrase), slop=1)
                        for name in TEXT_FIELDS
                    ]
                )
                for phrase in plan.phrases
            ]
            main = q.AndMaybe(q.And(required), main)
        if plan.excluded:
            main = q.AndNot(
                main,
                q.Or([q.Term(n, t) for t in plan.excluded for n in TEXT_FIELDS]),
            )
        return main

    def _filter(self, filters: Filters) -> Any:
        from whoosh import query as q

        clauses: list[Any] = []
        for name, values in filters.wanted_values().items():
            clauses.append(q.Or([q.Term(name, v) for v in values]))
        if filters.date_from or filters.date_to:
            clauses.append(q.DateRange("updated", filters.date_from, filters.date_to))
        return q.And(clauses) if clauses else None

    def _run(self, plan: QueryPlan, filters: Filters, limit: int) -> list[LexicalHit]:
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

    def _facet_counts(self, plan: QueryPlan, filters: Filters) -> dict[str, dict[str, int]]:
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
