"""The vector index above VECTOR_ANN_ROWS: float16 rows, an HNSW graph, exact rescoring."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

import kbassist.index.ann as ann
from kbassist.index.ann import Graph, Lookup, row_ids
from kbassist.index.documents import SearchDoc
from kbassist.index.query import Filters
from kbassist.index.vectors import VectorIndex, VectorRecord

DIM = 24


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _clustered(count: int, seed: int) -> np.ndarray:
    """Unit vectors around 40 topic centres, as embeddings of tickets cluster."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng.normal(size=(40, DIM)))
    return _unit(centres[rng.integers(0, 40, count)] + 0.35 * rng.normal(size=(count, DIM)))


def _records(vectors: np.ndarray, prefix: str = "T") -> list[VectorRecord]:
    out = []
    for number, vector in enumerate(vectors):
        key = f"ticket:{prefix}-{number}"
        client = ("Acme",) if number % 3 == 0 else ("Globex",)
        doc = SearchDoc(key=key, record=key, kind="ticket", ref_id=key, title=key, clients=client)
        out.append(VectorRecord(key, f"h{number}", (doc,), vector.reshape(1, -1)))
    return out


def _keys(hits: list[tuple[str, float]]) -> list[str]:
    return [key for key, _ in hits]


def _files(folder: Path, pattern: str) -> list[str]:
    return sorted(path.name for path in folder.glob(pattern))


def test_small_index_is_exact_and_has_no_graph(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=1000)
    index.rebuild(_records(_clustered(200, 1)))
    assert index.describe()["mode"] == "exact"
    assert _files(tmp_path / "v", "graph-*") == []
    saved = np.load(tmp_path / "v" / _files(tmp_path / "v", "matrix-*")[0])
    assert saved.dtype == np.float16 and saved.shape == (200, DIM)


def test_large_index_finds_what_exact_search_finds(tmp_path: Path) -> None:
    vectors = _clustered(3000, 2)
    index = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=500)
    index.rebuild(_records(vectors))
    assert index.describe()["mode"] == "approximate"
    assert len(_files(tmp_path / "v", "graph-*.usearch")) == 1
    queries = _clustered(100, 3)
    found = 0
    for query in queries:
        approximate = index.search(query, limit=10)
        exact = index.search(query, limit=10, exact=True)
        found += len(set(_keys(approximate)) & set(_keys(exact)))
        # The graph only picks candidates: their scores are the exact ones.
        exact_scores = dict(index.search(query, limit=3000, exact=True))
        for key, score in approximate:
            assert score == pytest.approx(exact_scores[key], abs=1e-6)
    assert found / (10 * len(queries)) >= 0.95


def test_graph_follows_updates_and_survives_reopening(tmp_path: Path) -> None:
    vectors = _clustered(1200, 4)
    index = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=500)
    index.rebuild(_records(vectors))
    fresh = _clustered(5, 5)
    index.update(_records(fresh, prefix="N"), ["ticket:T-7", "ticket:T-8"])
    assert len(index) == 1203
    assert _keys(index.search(fresh[2], limit=1)) == ["ticket:N-2"]
    assert "ticket:T-7" not in _keys(index.search(vectors[7], limit=10))
    # Changed in place, not rebuilt: the new graph file replaced the old one.
    assert len(_files(tmp_path / "v", "graph-*.usearch")) == 1
    assert _files(tmp_path / "v", ".*.tmp") == []
    again = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=500)
    assert again.describe()["mode"] == "approximate"
    assert _keys(again.search(fresh[4], limit=1)) == ["ticket:N-4"]
    # Deleting below the threshold goes back to exact search and drops the graph.
    again.update([], [f"ticket:T-{n}" for n in range(800)])
    assert again.describe()["mode"] == "exact"
    assert _files(tmp_path / "v", "graph-*") == []


def test_a_reopened_graph_adds_and_searches_with_the_build_s_expansions(tmp_path: Path) -> None:
    # usearch's file keeps the connectivity but not the expansions: restored, they
    # were its defaults (128 while adding, 64 while searching), so rows an ingest
    # added were linked with less care than the build's.
    vectors = _clustered(600, 12)
    Graph.build(vectors, row_ids([f"k{n}" for n in range(600)])).save(tmp_path / "g.usearch")
    for writable in (True, False):
        graph = Graph.open(tmp_path / "g.usearch", writable=writable)
        assert graph._index.expansion_add == ann.EXPANSION_ADD
        assert graph._index.expansion_search == ann.EXPANSION_SEARCH
        assert (ann.EXPANSION_ADD, ann.EXPANSION_SEARCH) != (128, 64)


def test_a_damaged_graph_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    vectors = _clustered(800, 6)
    VectorIndex(tmp_path / "v", "m", DIM, ann_rows=500).rebuild(_records(vectors))
    graph = tmp_path / "v" / _files(tmp_path / "v", "graph-*.usearch")[0]
    graph.write_bytes(graph.read_bytes()[:1000])
    index = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=500)
    assert _keys(index.search(vectors[11], limit=1)) == ["ticket:T-11"]
    assert index.describe()["mode"] == "approximate"


def test_filters_hold_above_the_threshold(tmp_path: Path) -> None:
    vectors = _clustered(1500, 7)
    index = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=400)
    index.rebuild(_records(vectors))
    for query in _clustered(10, 8):
        # About a third of rows are Acme's: above the threshold, so the graph is asked.
        hits = index.search(query, limit=10, filters=Filters(client="acme"))
        exact = index.search(query, limit=10, filters=Filters(client="acme"), exact=True)
        assert len(hits) == 10
        assert all(int(key.split("-")[1]) % 3 == 0 for key in _keys(hits))
        assert len(set(_keys(hits)) & set(_keys(exact))) >= 8


def test_an_older_float32_matrix_still_loads(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    index = VectorIndex(folder, "m", DIM, ann_rows=1000)
    vectors = _clustered(50, 9)
    index.rebuild(_records(vectors))
    name = _files(folder, "matrix-*")[0]
    np.save(folder / name, vectors)  # what schema 1 wrote before rows were float16
    data = json.loads((folder / "rows.json").read_text())
    data.pop("graph")
    (folder / "rows.json").write_text(json.dumps(data))
    again = VectorIndex(folder, "m", DIM, ann_rows=1000)
    assert _keys(again.search(vectors[3], limit=1)) == ["ticket:T-3"]


def test_lookup_maps_ids_back_to_rows() -> None:
    ids = row_ids(["a", "b", "c"])
    lookup = Lookup(ids)
    assert lookup.unique
    assert lookup.positions(ids[[2, 0]]).tolist() == [2, 0]
    assert lookup.positions(row_ids(["zzz"])).tolist() == []
    assert not Lookup(np.array([5, 5], dtype=np.uint64)).unique


def test_a_crash_before_the_commit_point_keeps_the_previous_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kbassist.index.vectors as vectors_module

    folder = tmp_path / "v"
    vectors = _clustered(700, 10)
    VectorIndex(folder, "m", DIM, ann_rows=500).rebuild(_records(vectors))
    real_replace = os.replace

    def crash_at_rows(source: object, target: object) -> None:
        if str(target).endswith("rows.json"):
            raise OSError("disk full")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(vectors_module.os, "replace", crash_at_rows)
    with pytest.raises(OSError):
        VectorIndex(folder, "m", DIM, ann_rows=500).update(_records(_clustered(3, 11), "N"))
    monkeypatch.setattr(vectors_module.os, "replace", real_replace)
    # The new matrix and graph were written, but rows.json still names the old ones.
    assert len(_files(folder, "graph-*.usearch")) == 2
    index = VectorIndex(folder, "m", DIM, ann_rows=500)
    assert len(index) == 700 and index.describe()["mode"] == "approximate"
    assert _keys(index.search(vectors[5], limit=1)) == ["ticket:T-5"]
    index.update([], ["ticket:T-0"])  # the next save clears the leftovers
    assert len(_files(folder, "graph-*.usearch")) == 1
    assert len(_files(folder, "matrix-*.npy")) == 1


def test_the_setting_reaches_the_index(tmp_path: Path) -> None:
    from kbassist.core import Core
    from kbassist.settings import Settings

    settings = {"HOME": str(tmp_path), "EMBEDDER": "hashing", "SECRET_KEY": "k"}
    core = Core(Settings.load({**settings, "VECTOR_ANN_ROWS": "1234"}))
    assert core.resources.vectors.ann_rows == 1234


def test_the_app_searches_the_same_above_the_threshold(tmp_path: Path, fixture_kb: Path) -> None:
    from kbassist.core import Core
    from kbassist.pipeline import ingest_kb, ingest_tickets
    from kbassist.search.indexing import rebuild_indexes
    from kbassist.search.service import search
    from kbassist.settings import Settings

    def instance(name: str, ann_rows: str) -> Core:
        settings = {"HOME": str(tmp_path / name), "EMBEDDER": "hashing", "SECRET_KEY": "k"}
        core = Core(Settings.load({**settings, "VECTOR_ANN_ROWS": ann_rows}))
        core.init()
        ingest_kb(core, fixture_kb)
        ingest_tickets(core, fixture_kb.parent / "tickets.jsonl")
        return core

    exact, approximate = instance("exact", "200000"), instance("approximate", "2")
    assert rebuild_indexes(exact)["vector_search"] == "exact"
    assert rebuild_indexes(approximate)["vector_search"] == "approximate"
    for query in ("Forticlient eror -14", "printer offline", "reset a password"):
        expected = [(r.id, r.score) for r in search(exact, query, log=False).results]
        found = [(r.id, r.score) for r in search(approximate, query, log=False).results]
        assert [i for i, _ in found] == [i for i, _ in expected]
        assert [s for _, s in found] == pytest.approx([s for _, s in expected], abs=1e-6)


def test_reindex_says_how_semantic_search_runs(loaded: object, runner: object) -> None:
    result = runner.invoke(["reindex"])  # type: ignore[attr-defined]
    assert result.exit_code == 0, result.output
    assert "semantic search is exact." in result.output


def test_rows_saved_by_schema_1_still_load_and_are_rewritten_as_columns(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    vectors = _clustered(30, 12)
    np.save(folder / "matrix-old.npy", vectors.astype(np.float16))
    rows = [
        [f"ticket:T-{n}", f"ticket:T-{n}", {"kind": ["ticket"], "client": ["acme"]}, None]
        if n % 2
        else [
            f"ticket:T-{n}",
            f"ticket:T-{n}",
            {"kind": ["ticket"]},
            f"2024-03-0{1 + n % 9}T10:00:00",
        ]
        for n in range(30)
    ]
    records = {f"ticket:T-{n}": f"h{n}" for n in range(30)}
    data = {"schema": 1, "model": "m", "dim": DIM, "matrix": "matrix-old.npy", "graph": None}
    (folder / "rows.json").write_text(json.dumps({**data, "records": records, "rows": rows}))
    index = VectorIndex(folder, "m", DIM, ann_rows=1000)
    assert len(index) == 30 and index.manifest() == records
    assert _keys(index.search(vectors[4], limit=1)) == ["ticket:T-4"]
    acme = _keys(index.search(vectors[4], limit=30, filters=Filters(client="acme")))
    assert sorted(acme) == sorted(f"ticket:T-{n}" for n in range(1, 30, 2))
    index.update([], ["ticket:T-1"])
    saved = json.loads((folder / "rows.json").read_text())
    assert saved["schema"] == 2 and "rows" not in saved
    again = VectorIndex(folder, "m", DIM, ann_rows=1000)
    assert len(again) == 29 and "ticket:T-1" not in again.manifest()
    acme = _keys(again.search(vectors[4], limit=30, filters=Filters(client="acme")))
    assert len(acme) == 14 and "ticket:T-1" not in acme


def test_columns_keep_keys_filters_and_dates_through_updates(tmp_path: Path) -> None:
    from datetime import datetime

    def doc(key: str, record: str, client: str, day: int) -> SearchDoc:
        return SearchDoc(
            key=key,
            record=record,
            kind="article" if "#" in key else "ticket",
            ref_id=record,
            title=key,
            clients=(client,),
            updated=datetime(2024, 5, day, 12),
        )

    index = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=4)
    vectors = _clustered(6, 13)
    docs = [
        doc("article:KB-1#a", "article:KB-1", "Acme", 1),
        doc("article:KB-1#b", "article:KB-1", "Globex", 2),
        doc("ticket:T-9", "ticket:T-9", "Acme", 3),
        doc("ticket:T-ÄÖ", "ticket:T-ÄÖ", "Globex", 4),  # keys are UTF-8, any length
        doc("ticket:T-7", "odd:record", "Acme", 5),  # a record that is not the key's prefix
    ]
    index.rebuild(
        [
            VectorRecord("article:KB-1", "a", tuple(docs[:2]), vectors[:2]),
            VectorRecord("ticket:T-9", "b", (docs[2],), vectors[2:3]),
            VectorRecord("ticket:T-ÄÖ", "c", (docs[3],), vectors[3:4]),
            VectorRecord("odd:record", "d", (docs[4],), vectors[4:5]),
        ]
    )
    assert index.describe()["mode"] == "approximate"
    # Dropping the article keeps every other row's key, client and date.
    index.update([], ["article:KB-1", "odd:record"])
    again = VectorIndex(tmp_path / "v", "m", DIM, ann_rows=4)
    assert sorted(again.manifest()) == ["ticket:T-9", "ticket:T-ÄÖ"]
    everything = _keys(again.search(vectors[3], limit=10, exact=True))
    assert everything[0] == "ticket:T-ÄÖ" and sorted(everything) == ["ticket:T-9", "ticket:T-ÄÖ"]
    assert _keys(again.search(vectors[3], limit=10, filters=Filters(client="acme"))) == [
        "ticket:T-9"
    ]
    late = Filters(date_from=datetime(2024, 5, 4), date_to=datetime(2024, 5, 30))
    assert _keys(again.search(vectors[2], limit=10, filters=late)) == ["ticket:T-ÄÖ"]
    assert set(again.vectors_of(["ticket:T-9", "article:KB-1#a", "nope"])) == {"ticket:T-9"}
    np.testing.assert_allclose(
        again.vectors_of(["ticket:T-ÄÖ"])["ticket:T-ÄÖ"], vectors[3], atol=2e-3
    )
