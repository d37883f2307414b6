"""The default lexical backend: tantivy through its Python bindings.

tantivy itself is imported where it is used, so that importing kbassist stays light.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
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


class TantivyIndex(BaseIndex):
    """The default backend: tantivy through its Python bindings."""

    backend = "tantivy"

    def _open(self, create: bool) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        for name in ("key", "record", "ref_id", "anchor"):
            builder.add_text_field(name, stored=True, tokenizer_name="raw")
        for name in FACET_FIELDS:
            builder.add_text_field(name, stored=True, tokenizer_name="raw", fast=True)
        for name in TEXT_FIELDS:
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
        writer = retry_locked(
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

    def _query(self, plan: QueryPlan, filters: Filters, searcher: Any = None) -> Any:
        from tantivy import Occur, Query

        schema = self._schema
        should = []
        for term, weight in plan.terms:
            for name, boost in FIELD_BOOSTS:
                # A term no document holds in this field scores nothing, but its empty
                # clause keeps tantivy from skipping blocks (block-max WAND) on the
                # others: left out, the same hits come back faster (docs/scale.md).
                if searcher is not None and not searcher.doc_freq(name, term):
                    continue
                clause = Query.term_query(schema, name, term)
                should.append((Occur.Should, Query.boost_query(clause, boost * weight)))
        main = Query.boolean_query(should)
        if not plan.phrases and not plan.excluded and filters.is_empty():
            return main
        clauses = [(Occur.Must, main)]
        for phrase in plan.phrases:
            options = []
            for name in TEXT_FIELDS:
                if len(phrase) == 1:
                    options.append((Occur.Should, Query.term_query(schema, name, phrase[0])))
                else:
                    options.append((Occur.Should, Query.phrase_query(schema, name, list(phrase))))
            clauses.append((Occur.Must, Query.boolean_query(options)))
        for term in plan.excluded:
            for name in TEXT_FIELDS:
                clauses.append((Occur.MustNot, Query.term_query(schema, name, term)))
        for clause in self._filter_clauses(filters):
            # Filters must not change the ranking: they score zero.
            clauses.append((Occur.Must, Query.const_score_query(clause, 0.0)))
        return Query.boolean_query(clauses)

    def _filter_clauses(self, filters: Filters) -> list[Any]:
        import tantivy
        from tantivy import Occur, Query

        clauses = []
        for name, values in filters.wanted_values().items():
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

    def _run(self, plan: QueryPlan, filters: Filters, limit: int) -> list[LexicalHit]:
        searcher = self._index.searcher()
        # A few extra hits so equal scores at the cut are ordered by key, not by segment.
        result = searcher.search(self._query(plan, filters, searcher), limit + 5, count=False)
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

    def _facet_counts(self, plan: QueryPlan, filters: Filters) -> dict[str, dict[str, int]]:
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
