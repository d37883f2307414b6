"""The search service over the fixture knowledge base and tickets (hashing embedder)."""

from __future__ import annotations

import json
from datetime import datetime

import numpy as np
import pytest
from sqlalchemy import delete, func, select, update

from kbassist import store
from kbassist.articles import section_anchors
from kbassist.core import Core
from kbassist.errors import InvalidInput, NotFound
from kbassist.index.documents import SearchDoc
from kbassist.index.query import Filters
from kbassist.index.vectors import VectorIndex, VectorRecord
from kbassist.search.documents import is_resolved
from kbassist.search.indexing import (
    catch_up,
    lexical_index,
    rebuild_indexes,
    update_indexes,
    vector_index,
)
from kbassist.search.queries import failed_searches
from kbassist.search.service import record_open, search, similar_tickets
from kbassist.settings import Settings


def _core(home, **overrides: str) -> Core:  # type: ignore[no-untyped-def]
    settings = {"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "test-key", **overrides}
    core = Core(Settings.load(settings))
    core.init()
    return core


def hits(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [result.key for result in response.results]


def indexed(core: Core) -> tuple[set[str], set[str]]:
    return set(lexical_index(core).manifest()), set(vector_index(core).manifest())


# ---------------------------------------------------------------- searching


def test_a_typoed_error_message_finds_its_article_section(loaded: Core) -> None:
    response = search(loaded, "Forticlient eror -14 at 40%")
    top = response.results[0]
    assert (top.kind, top.id, top.anchor) == ("article", "KB-T002", "symptoms")
    assert response.did_you_mean == "Forticlient error -14 at 40%"
    assert top.article_type == "troubleshooting" and top.author == "Marco Ruiz"
    assert top.updated == datetime(2025, 7, 10)
    assert "<mark>error</mark>" in top.snippet_html
    assert [top.snippet[a:b].lower() for a, b in top.highlights][:1] == ["forticlient"]


def test_the_leading_h1_does_not_become_a_section(loaded: Core) -> None:
    top = search(loaded, "corrupt job crashes the spooler", kind="article").results[0]
    assert (top.id, top.anchor, top.section) == ("KB-T001", "cause", "Cause")


def test_resolved_tickets_are_searchable_with_their_details(loaded: Core) -> None:
    response = search(loaded, "spooler event 7031", kind="ticket", flat=True)
    assert set(hits(response)) >= {"ticket:T-1", "ticket:T-5"}
    first = response.results[0]
    assert first.client in {"Acme Dental", "Cedar Clinic"} and first.category == "Printing"
    assert first.status == "Closed"


def test_kind_and_filters(loaded: Core) -> None:
    assert all(key.startswith("ticket:") for key in hits(search(loaded, "printer", kind="ticket")))
    only_playbooks = search(loaded, "printer spooler", filters={"type": "playbook"})
    assert hits(only_playbooks) == ["article:KB-T001"]
    assert only_playbooks.filters == {"article_type": "playbook"}
    with pytest.raises(InvalidInput, match="date_from"):
        search(loaded, "printer", filters={"date_from": "last tuesday"})


def test_secrets_never_show_in_results(loaded: Core) -> None:
    response = search(loaded, "outlook password profile")
    thin = next(r for r in response.results if r.id == "KB-T003")
    assert "Summer2024!" not in json.dumps(thin.as_dict())
    assert "Summer2024" not in json.dumps([r.as_dict() for r in response.results])


def test_reopened_tickets_and_weak_articles_are_demoted(core: Core) -> None:
    from kbassist.ingest.service import store_articles, store_tickets
    from kbassist.records import ArticleRecord, TicketRecord

    resolved = datetime(2025, 5, 1)
    twins = [
        # Identical text: without the reopen factor, the key (T-80 before T-81) would decide.
        TicketRecord(
            id=ref,
            title="Scanner jams on tray 2",
            description="Paper jam, tray 2.",
            resolution="Replaced the pickup roller.",
            status="Closed",
            resolved_at=resolved,
            reopen_count=reopens,
        )
        for ref, reopens in (("T-80", 2), ("T-81", 0))
    ]
    store_tickets(core, twins, source="test")
    articles = [
        ArticleRecord(
            id=ref, title="Scanner jams", type="how-to", body="Replace the pickup roller.\n"
        )
        for ref in ("KB-80", "KB-81")
    ]
    store_articles(core, articles, source="test")
    with core.begin() as conn:
        for ref, score in (("KB-80", 20.0), ("KB-81", 90.0)):
            conn.execute(
                store.article_scores.insert().values(
                    article_id=ref,
                    content_hash="h",
                    score=score,
                    criteria_score=score,
                    scored_at=resolved,
                )
            )
    update_indexes(core, ["T-80", "T-81"], ["KB-80", "KB-81"])
    tickets = search(core, "scanner jams tray", kind="ticket", log=False, flat=True).results
    assert [t.id for t in tickets] == ["T-81", "T-80"] and tickets[1].reopen_count == 2
    # Arranged, the twins are one entry: the ticket whose fix held represents them.
    (entry,) = search(core, "scanner jams tray", kind="ticket", log=False).results
    assert (entry.id, entry.collapsed_ids, entry.similar_count) == ("T-81", ("T-80",), 1)
    found = search(core, "scanner jams", kind="article", log=False).results
    assert [(a.id, a.quality) for a in found] == [("KB-81", 90.0), ("KB-80", 20.0)]


@pytest.mark.parametrize(
    "query", ["", "AND OR (", '"', "😀", "x" * 10_000, "kind:nonsense printer"]
)
def test_hostile_queries_are_answered_and_logged(loaded: Core, query: str) -> None:
    if query.startswith("kind:"):
        with pytest.raises(InvalidInput):
            search(loaded, query)
        return
    response = search(loaded, query)
    assert response.results == () and response.log_id is not None


def test_roles_see_only_what_they_may_open(loaded: Core) -> None:
    assert hits(search(loaded, "printer", role="tech"))
    assert search(loaded, "printer", role="nobody").results == ()


def test_search_is_deterministic(loaded: Core) -> None:
    first = search(loaded, "printer queue stuck", log=False)
    again = search(loaded, "printer queue stuck", log=False)
    assert [r.as_dict() for r in first.results] == [r.as_dict() for r in again.results]


def test_facets_on_request(loaded: Core) -> None:
    facets = search(loaded, "printer spooler", facets=True).facets
    assert facets["kind"]["ticket"] >= 2 and facets["category"]["printing"] >= 3


# ---------------------------------------------------------------- the search log


def test_every_search_is_logged(loaded: Core, users: dict[str, object]) -> None:
    tech = users["tech"]
    response = search(loaded, "forticlient error", user_id=tech.id)  # type: ignore[attr-defined]
    with loaded.connect() as conn:
        row = conn.execute(
            select(store.search_log).where(store.search_log.c.id == response.log_id)
        ).one()
    assert row.query == "forticlient error" and row.user_id == tech.id  # type: ignore[attr-defined]
    assert json.loads(row.result_ids) == hits(response)
    assert row.n_results == len(response.results) and row.opened_id is None


def test_failed_searches_are_those_with_nothing_opened(loaded: Core) -> None:
    empty = search(loaded, "zzzz qqqq")
    opened = search(loaded, "forticlient error")
    ignored = search(loaded, "printer queue")
    record_open(loaded, opened.log_id, opened.results[0].key)  # type: ignore[arg-type]
    with loaded.connect() as conn:
        failed = {f.id: f for f in failed_searches(conn)}
        assert set(failed) == {empty.log_id, ignored.log_id}
        assert failed[empty.log_id].reason == "no results"  # type: ignore[index]
        assert failed[ignored.log_id].reason == "nothing opened"  # type: ignore[index]
        assert failed_searches(conn, since=datetime(2999, 1, 1)) == []


def test_record_open_checks_the_key(loaded: Core) -> None:
    response = search(loaded, "forticlient error")
    with pytest.raises(InvalidInput):
        record_open(loaded, response.log_id, "article:KB-NOPE")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        record_open(loaded, 99_999, "article:KB-T002")
    # The first open is the one that counts.
    record_open(loaded, response.log_id, response.results[0].key)  # type: ignore[arg-type]
    record_open(loaded, response.log_id, response.results[1].key)  # type: ignore[arg-type]
    with loaded.connect() as conn:
        opened = conn.execute(
            select(store.search_log.c.opened_id).where(store.search_log.c.id == response.log_id)
        ).scalar_one()
    assert opened == response.results[0].key


# ---------------------------------------------------------------- similar tickets


def test_similar_tickets_bring_closure_notes_and_articles(loaded: Core) -> None:
    found = similar_tickets(loaded, "Print queue stuck", "Jobs will not print, spooler stopped")
    assert {found[0].id, found[1].id} == {"T-1", "T-5"}
    top = {t.id: t for t in found}
    assert "Spooler" in top["T-5"].resolution
    assert [a.id for a in top["T-5"].articles] == ["KB-T001"]
    assert top["T-5"].articles[0].title == "Print spooler stops and jobs stay queued"
    assert similar_tickets(loaded, "", "") == []


def test_similar_can_leave_out_the_ticket_itself(loaded: Core) -> None:
    found = similar_tickets(loaded, "Printer queue stuck again", "", exclude_id="T-5")
    assert "T-5" not in [t.id for t in found]


# ---------------------------------------------------------------- consistency


def _insert_ticket(
    core: Core, ticket_id: str, title: str, description: str, status: str = "Closed"
) -> None:
    now = datetime(2025, 12, 1)
    with core.begin() as conn:
        conn.execute(
            store.tickets.insert().values(
                id=ticket_id,
                title=title,
                description=description,
                resolution="Replaced the toner.",
                status=status,
                content_hash=f"hash-{ticket_id}",
                ingested_at=now,
                resolved_at=now,
            )
        )


def test_catch_up_heals_a_crash_between_database_and_index(loaded: Core) -> None:
    search(loaded, "warm up", log=False)  # this process has checked its indexes
    assert catch_up(loaded) == 0
    # 1. The database has a ticket the indexes never saw (crash before update_indexes).
    _insert_ticket(loaded, "T-90", "Toner low warning on the plotter", "Plotter says toner low.")
    # 2. A row changed behind the index's back: its hash is stale.
    with loaded.begin() as conn:
        conn.execute(
            update(store.tickets)
            .where(store.tickets.c.id == "T-4")
            .values(title="Outlook crashes when opening calendar", content_hash="changed")
        )
    # 3. A row the indexes hold was deleted.
    with loaded.begin() as conn:
        conn.execute(delete(store.ticket_notes).where(store.ticket_notes.c.ticket_id == "T-3"))
        conn.execute(delete(store.tickets).where(store.tickets.c.id == "T-3"))
    assert "ticket:T-90" not in hits(search(loaded, "plotter toner", log=False))

    loaded = Core(loaded.settings)  # as after a restart
    assert catch_up(loaded) == 3
    lexical, semantic = indexed(loaded)
    assert "ticket:T-90" in lexical and "ticket:T-90" in semantic
    assert "ticket:T-3" not in lexical and "ticket:T-3" not in semantic
    assert hits(search(loaded, "plotter toner", log=False))[0] == "ticket:T-90"
    assert (
        hits(search(loaded, "outlook calendar crashes", kind="ticket", log=False))[0]
        == "ticket:T-4"
    )
    assert catch_up(loaded) == 0


def test_the_first_search_of_a_process_catches_up(loaded: Core) -> None:
    _insert_ticket(loaded, "T-91", "Plotter paper jam", "Paper jam in the plotter.")
    restarted = Core(loaded.settings)
    assert hits(search(restarted, "plotter jam", log=False))[0] == "ticket:T-91"


def test_catch_up_rebuilds_a_lost_vector_file(loaded: Core) -> None:
    for path in vector_index(loaded).path.glob("*"):
        path.unlink()
    assert catch_up(loaded) == len(lexical_index(loaded).manifest())
    lexical, semantic = indexed(loaded)
    assert lexical == semantic


def test_update_indexes_drops_a_reopened_ticket(loaded: Core) -> None:
    with loaded.begin() as conn:
        conn.execute(
            update(store.tickets)
            .where(store.tickets.c.id == "T-1")
            .values(status="Reopened", content_hash="x")
        )
    update_indexes(loaded, ["T-1"], [])
    assert "ticket:T-1" not in indexed(loaded)[0] | indexed(loaded)[1]


def test_update_indexes_embeds_each_text_once(loaded: Core) -> None:
    with loaded.connect() as conn:
        before = conn.execute(select(func.count()).select_from(store.embeddings)).scalar_one()
    update_indexes(loaded, ["T-1", "T-5"], ["KB-T001"])
    rebuild_indexes(loaded)
    with loaded.connect() as conn:
        after = conn.execute(select(func.count()).select_from(store.embeddings)).scalar_one()
    assert after == before


def test_rebuild_counts_what_it_indexed(loaded: Core) -> None:
    counts = rebuild_indexes(loaded)
    assert (counts["articles"], counts["tickets"], counts["backend"]) == (3, 5, "tantivy")
    assert counts["sections"] == 8  # KB-T001: 5 under its H1, KB-T002: 2, KB-T003: 1 (no headings)


def test_the_whoosh_backend_serves_the_same_service(tmp_path, fixture_kb) -> None:  # type: ignore[no-untyped-def]
    from kbassist.ingest.service import ingest_kb, ingest_tickets

    core = _core(tmp_path / "whoosh", LEXICAL_BACKEND="whoosh")
    ingest_kb(core, fixture_kb)
    ingest_tickets(core, fixture_kb.parent / "tickets.jsonl")
    assert lexical_index(core).backend == "whoosh"
    assert search(core, "Forticlient eror -14").results[0].id == "KB-T002"


# ---------------------------------------------------------------- pure pieces and the vector index


def test_resolved_statuses() -> None:
    assert is_resolved("Closed", None, None) and is_resolved("resolved", None, None)
    assert not is_resolved("Reopened", datetime(2025, 1, 1), None)
    assert is_resolved("", None, datetime(2025, 1, 1)) and not is_resolved("", None, None)


def test_section_anchors_number_repeats() -> None:
    assert section_anchors(["Steps", "Steps", "", "Café & Tea"]) == [
        "steps",
        "steps-2",
        "",
        "café-tea",
    ]


def _doc(key: str, kind: str = "ticket", **extra: object) -> SearchDoc:
    return SearchDoc(key=key, record=key.split("#")[0], kind=kind, ref_id=key, title=key, **extra)  # type: ignore[arg-type]


def test_vector_index_filters_and_persists(tmp_path) -> None:  # type: ignore[no-untyped-def]
    index = VectorIndex(tmp_path / "v", "test-model", 2)
    rows = [
        VectorRecord(
            "ticket:a", "h1", (_doc("ticket:a", clients=("Acme",)),), np.array([[1.0, 0.0]])
        ),
        VectorRecord(
            "ticket:b",
            "h2",
            (_doc("ticket:b", updated=datetime(2024, 1, 1)),),
            np.array([[0.8, 0.6]]),
        ),
        VectorRecord(
            "article:c", "h3", (_doc("article:c#x", kind="article"),), np.array([[0.6, 0.8]])
        ),
    ]
    index.rebuild(rows)
    query = np.array([1.0, 0.0], dtype=np.float32)
    assert [k for k, _ in index.search(query, limit=3)] == ["ticket:a", "ticket:b", "article:c#x"]
    assert [k for k, _ in index.search(query, filters=Filters(kind="article"))] == ["article:c#x"]
    # A general article (no clients) passes any client filter, as in the lexical index.
    assert [k for k, _ in index.search(query, filters=Filters(client="ACME"))] == [
        "ticket:a",
        "article:c#x",
    ]
    assert [k for k, _ in index.search(query, filters=Filters(date_from=datetime(2023, 6, 1)))] == [
        "ticket:b"
    ]
    again = VectorIndex(tmp_path / "v", "test-model", 2)
    assert again.manifest() == {"ticket:a": "h1", "ticket:b": "h2", "article:c": "h3"}
    again.update([], ["ticket:a"])
    assert len(VectorIndex(tmp_path / "v", "test-model", 2)) == 2
    # Vectors of another model are never mixed in: that index starts empty.
    assert VectorIndex(tmp_path / "v", "other-model", 2).manifest() == {}


def test_vector_ties_are_ordered_by_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    index = VectorIndex(tmp_path / "v", "m", 2)
    same = np.array([[1.0, 0.0]])
    index.rebuild(
        [VectorRecord(f"ticket:{k}", "h", (_doc(f"ticket:{k}"),), same) for k in ("c", "a", "b")]
    )
    assert [k for k, _ in index.search(np.array([1.0, 0.0]), limit=3)] == [
        "ticket:a",
        "ticket:b",
        "ticket:c",
    ]


# ---------------------------------------------------------------- the command line


def test_cli_search_json(loaded: Core, runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(
        ["search", "forticlient eror", "--kind", "article", "--limit", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert 1 <= len(rows) <= 2
    assert {"kind", "id", "title", "score"} <= set(rows[0]) and rows[0]["id"] == "KB-T002"


def test_cli_batch_queries_one_array_per_line(loaded: Core, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    queries = tmp_path / "queries.txt"
    queries.write_text("forticlient error\nprinter spooler\nAND OR (\n")
    result = runner.invoke(["search", "--queries", str(queries), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 3 and lines[2] == [] and lines[0][0]["id"] == "KB-T002"
    with loaded.connect() as conn:  # evaluations stay out of the search log
        assert conn.execute(select(func.count()).select_from(store.search_log)).scalar_one() == 0


def test_cli_search_needs_a_query(loaded: Core, runner) -> None:  # type: ignore[no-untyped-def]
    assert runner.invoke(["search"]).exit_code == 2


def test_cli_similar_and_reindex(loaded: Core, runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(
        ["similar", "--title", "VPN error -14", "--description", "FortiClient at 40%", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["id"] == "T-3"
    result = runner.invoke(["reindex", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["tickets"] == 5


# ---------------------------------------------------------------- the real model


@pytest.mark.model
def test_the_real_model_finds_a_paraphrase(tmp_path, fixture_kb) -> None:  # type: ignore[no-untyped-def]
    from kbassist.ingest.service import ingest_kb

    core = _core(tmp_path / "model", EMBEDDER="minilm")
    ingest_kb(core, fixture_kb)
    # No keyword in common with the article's symptoms: only meaning connects them.
    response = search(
        core, "nothing comes out of the printer, documents wait forever", kind="article"
    )
    assert response.results[0].id == "KB-T001"
