"""Issue 10 parts of the search benchmark: mixed, duplicates, spelling, latency.

Imported by bench/search.py (``--parts mixed,duplicates,spelling,latency``). Each
part runs today's ranking (``search(flat=True)``: the plain fused order, the old
"did you mean", the old similar tickets) beside the new one in the same run, on
the same instance, and reports ratios. The inputs are in bench/data (README
there); StackFAQ is read from the shared data folder, never copied.

Development split: for the StackFAQ parts, FAQs whose SHA-256 is even are the
development half; the answer bar and the other search parameters were set
beforehand, and every table gives the held-out half beside the whole set. The
misspelled queries of bench/data/misspellings.jsonl, misspellings_fresh.jsonl and
misspellings_dev2.jsonl are all development data now (their rows were read while
the speller's rules were chosen); the spelling part also measures
bench/data/misspellings_blind.jsonl, a test set written independently, when it
exists, and reports it beside the others without printing its rows.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
from data.mixed import build_duplicates, build_mixed, ndcg
from data.typos import random_typos

from kbassist.core import Core
from kbassist.records import ArticleRecord, TicketRecord, ticket_text
from kbassist.settings import Settings

HERE = Path(__file__).resolve().parent


def development(text: str) -> bool:
    """The development half: tuned on; the other half is held out."""
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0


def new_core(folder: Path, embedder: Any) -> Core:
    core = Core(Settings.load({"HOME": str(folder), "EMBEDDER": "minilm", "SECRET_KEY": "bench"}))
    core.init()
    core.resources.share_embedder(embedder)
    return core


def _stackfaq_tickets(tickets: Sequence[Any]) -> list[TicketRecord]:
    return [
        TicketRecord(
            id=t.id,
            title=t.title[:500],
            description=t.description,
            resolution=t.resolution,
            status="Closed",
            created_at=t.closed_at - timedelta(hours=3),
            resolved_at=t.closed_at,
            closed_at=t.closed_at,
        )
        for t in tickets
    ]


# ---------------------------------------------------------------- mixed: answers first


def mixed(embedder: Any, data: Path, folder: Path, distractors: Any) -> dict[str, Any]:
    """StackFAQ articles, half the paraphrases as closed tickets, the other half as queries."""
    from kbassist.gaps.service import recluster
    from kbassist.ingest.service import store_articles
    from kbassist.pipeline import refresh, store_tickets
    from kbassist.search.service import search

    articles, tickets, queries = build_mixed(data, "short")
    core = new_core(folder / "mixed", embedder)
    records = [ArticleRecord(a.id, a.title, "how-to", a.body) for a in articles]
    extra_tickets, extra_articles, source = distractors
    records += extra_articles
    print(f"Mixed: {len(records)} articles, {len(tickets)} StackFAQ tickets, {source} ...")
    report = store_articles(core, records, source="bench")
    refresh(core, [], report.changed_ids)
    store_tickets(core, _stackfaq_tickets(tickets) + list(extra_tickets), source="bench")
    recluster(core)  # the steady state: every ticket in a family
    rows: dict[str, list[dict[str, Any]]] = {"today": [], "new": []}
    for query in queries:
        graded = dict(query.relevance)
        article = f"article:{query.faq_id}"
        for mode, flat in (("today", True), ("new", False)):
            found = search(core, query.text, log=False, limit=10, flat=flat)
            keys = [r.key for r in found.results]
            # What a technician sees with every "+N similar" expanded in place.
            expanded = [
                key
                for r in found.results
                for key in (r.key, *(f"ticket:{ref}" for ref in r.collapsed_ids))
            ]
            only = search(core, query.text, log=False, limit=10, kind="article", flat=flat)
            answers = [r.key for r in found.results if r.answer]
            rows[mode].append(
                {
                    "dev": development(query.faq_id),
                    "top3": article in keys[:3],
                    "first": keys[:1] == [article],
                    "ndcg": ndcg(keys, graded),
                    "ndcg_expanded": ndcg(expanded, graded),
                    "articles_ndcg": ndcg([r.key for r in only.results], {article: 1}),
                    "answers": len(answers),
                    "right_answers": answers.count(article),
                    "before_tickets": _article_before_tickets(keys, article),
                }
            )
    return {
        "corpus": f"{len(articles)} FAQ articles + {len(tickets)} tickets; distractors: {source}",
        "queries": len(queries),
        "held_out_queries": sum(not r["dev"] for r in rows["new"]),
        "today": _mixed_table(rows["today"]),
        "new": _mixed_table(rows["new"]),
    }


def _article_before_tickets(keys: Sequence[str], article: str) -> bool:
    if article not in keys:
        return False
    position = keys.index(article)
    return not any(key.startswith("ticket:") for key in keys[:position])


def _mixed_table(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out = {}
    for name, chosen in (
        ("all", rows),
        ("held_out", [r for r in rows if not r["dev"]]),
    ):
        answers = sum(r["answers"] for r in chosen)
        out[name] = {
            "article_in_top3": round(statistics.mean(r["top3"] for r in chosen), 4),
            "article_first": round(statistics.mean(r["first"] for r in chosen), 4),
            "article_before_any_ticket": round(
                statistics.mean(r["before_tickets"] for r in chosen), 4
            ),
            "graded_ndcg@10": round(statistics.mean(r["ndcg"] for r in chosen), 4),
            "graded_ndcg@10_expanded": round(
                statistics.mean(r["ndcg_expanded"] for r in chosen), 4
            ),
            "articles_only_ndcg@10": round(statistics.mean(r["articles_ndcg"] for r in chosen), 4),
            "answers_per_query": round(answers / len(chosen), 3),
            "answer_precision": round(sum(r["right_answers"] for r in chosen) / answers, 4)
            if answers
            else 0.0,
        }
    return out


# ---------------------------------------------------------------- duplicates: similar tickets


def duplicates(embedder: Any, data: Path, folder: Path) -> dict[str, Any]:
    """Similar tickets on StackFAQ duplicates, short and long, against RRF of BM25 and MiniLM."""
    from kbassist.pipeline import store_tickets
    from kbassist.search.service import similar_tickets

    out: dict[str, Any] = {}
    for variant in ("short", "long"):
        tickets, probes = build_duplicates(data, variant)
        core = new_core(folder / f"duplicates-{variant}", embedder)
        print(f"Duplicates ({variant}): {len(tickets)} past tickets, {len(probes)} probes ...")
        store_tickets(core, _stackfaq_tickets(tickets), source="bench")
        baseline = rrf_baseline(embedder, tickets)
        runs: dict[str, list[tuple[bool, list[str], set[str]]]] = {
            "rrf": [],
            "today": [],
            "kbassist": [],
        }
        probe_vectors = embedder.encode([ticket_text(p.title, p.description) for p in probes])
        for probe, vector in zip(probes, probe_vectors, strict=True):
            wanted = set(probe.duplicates)
            dev = development(probe.faq_id)
            runs["rrf"].append((dev, baseline(probe.title, probe.description, vector), wanted))
            runs["today"].append((dev, legacy_similar(core, probe, vector), wanted))
            found = similar_tickets(core, probe.title, probe.description, limit=10)
            runs["kbassist"].append((dev, [t.id for t in found], wanted))
        out[variant] = {
            "past_tickets": len(tickets),
            "probes": len(probes),
            "methods": {name: _duplicate_table(rows) for name, rows in runs.items()},
        }
        mine, theirs = (out[variant]["methods"][m]["all"]["mrr"] for m in ("kbassist", "rrf"))
        out[variant]["kbassist_mrr_over_rrf"] = round(mine / theirs, 3) if theirs else None
    return out


def legacy_similar(core: Core, probe: Any, vector: np.ndarray) -> list[str]:
    """Similar tickets before issue 10: the whole text as the keyword query, one vector of
    title + description (cut by the model), matched against each ticket's first vector."""
    from kbassist.index.query import Filters, parse_query
    from kbassist.search.ranking import SIMILAR_FUSION, rank
    from kbassist.search.service import MIN_SIMILARITY

    vectors = core.resources.vectors
    ranking = rank(
        core.resources.lexical,
        vectors,
        vector,
        parse_query(ticket_text(probe.title, probe.description)),
        Filters(kind="ticket"),
        fusion=SIMILAR_FUSION,
        min_similarity=MIN_SIMILARITY["all-MiniLM-L6-v2"],
    )
    return [row.key.partition(":")[2] for row in ranking.records[:10]]


def rrf_baseline(embedder: Any, tickets: Sequence[Any]) -> Callable[..., list[str]]:
    """Plain reciprocal-rank fusion (k=60) of bm25s and MiniLM cosine over title + description."""
    import bm25s

    texts = [ticket_text(t.title, t.description) for t in tickets]
    ids = [t.id for t in tickets]
    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    matrix = embedder.encode(texts)

    def run(title: str, description: str, vector: np.ndarray, k: int = 60) -> list[str]:
        tokens = bm25s.tokenize(
            [ticket_text(title, description)], stopwords="en", show_progress=False
        )
        found, scores = model.retrieve(
            tokens, k=min(100, len(ids)), show_progress=False, n_threads=1
        )
        lexical = [ids[i] for i, s in zip(found[0], scores[0], strict=True) if s > 0]
        semantic = [ids[i] for i in np.argsort(-(matrix @ vector))[:100]]
        fused: dict[str, float] = {}
        for ranking in (lexical, semantic):
            for rank, ticket in enumerate(ranking, 1):
                fused[ticket] = fused.get(ticket, 0.0) + 1.0 / (k + rank)
        return sorted(fused, key=lambda t: (-fused[t], t))[:10]

    return run


def _duplicate_table(rows: Sequence[tuple[bool, list[str], set[str]]]) -> dict[str, Any]:
    out = {}
    for name, chosen in (("all", rows), ("held_out", [r for r in rows if not r[0]])):
        p5, r5, rr = [], [], []
        for _, found, wanted in chosen:
            top = found[:5]
            hits = [t in wanted for t in top]
            p5.append(sum(hits) / 5)
            r5.append(sum(hits) / len(wanted) if wanted else 0.0)
            first = next((i for i, t in enumerate(found) if t in wanted), None)
            rr.append(0.0 if first is None else 1.0 / (first + 1))
        out[name] = {
            "precision@5": round(statistics.mean(p5), 4),
            "recall@5": round(statistics.mean(r5), 4),
            "mrr": round(statistics.mean(rr), 4),
        }
    return out


# ---------------------------------------------------------------- spelling


# The misspelled queries. Every file but the blind one is development data: its rows were
# read while the speller's rules were chosen (misspellings.jsonl since issue 10, the fresh set
# and dev2 in session 4, the right-as-typed probes in session 3). The blind set is written by
# someone else and measured once, after the merge; nobody tuning the speller opens it.
SPELLING_SETS = (
    ("development", HERE / "data" / "misspellings.jsonl"),
    ("fresh", HERE / "data" / "misspellings_fresh.jsonl"),
    ("dev2", HERE / "data" / "misspellings_dev2.jsonl"),
    ("probes", HERE / "spelling_probes.jsonl"),
    ("blind", HERE / "data" / "misspellings_blind.jsonl"),
)
SPELLING_LABELS = {
    "development": "training: the rules were chosen on it (issue 10, sessions 3 and 4)",
    "fresh": "training since session 4 (written blind in session 3; its errors were studied)",
    "dev2": "training: rows written in session 4 while choosing the rules",
    "probes": "training: right-as-typed queries written in session 3 (any suggestion is wrong)",
    "blind": "BLIND TEST: written independently, never opened while choosing the rules",
    "synthetic": "stress test: one random edit in each training query (bench/data/typos.py)",
}
TRAINING_SETS = ("development", "fresh", "dev2", "probes")
# Sets whose wrong suggestions are not printed (they go to the JSON only): reading them
# would turn a test set into development data.
UNPRINTED = frozenset({"blind"})


def spelling(
    demo_records: Sequence[Any],
    folder: Path,
    sets: Sequence[tuple[str, Path]] = SPELLING_SETS,
    synthetic_from: Sequence[str] = TRAINING_SETS,
) -> dict[str, Any]:
    """The "did you mean" of each set of misspelled queries on the demo's index, today and new.

    A set whose file is missing is reported as missing (the blind set exists only once
    someone has written it). The JSON holds each set's summary, today's and the new
    speller's, and the new speller's wrong suggestions, not every row. A ``synthetic``
    set, one random edit in each intended query of the ``synthetic_from`` sets
    (bench/data/typos.py), is a stress test; it never draws on the blind set.
    """
    from kbassist.index.backends import open_index
    from kbassist.index.documents import RecordDocs

    index = open_index("tantivy", folder / "spelling")
    index.rebuild([RecordDocs(r.record, r.content_hash, r.docs) for r in demo_records])
    out: dict[str, Any] = {"sets": {}, "missing": []}
    sources: list[dict[str, Any]] = []
    for name, path in sets:
        if not path.is_file():
            out["missing"].append({"set": name, "file": _shown(path)})
            continue
        rows = read_misspellings(path)
        if name in synthetic_from and name not in UNPRINTED:
            sources.extend(rows)
        out["sets"][name] = _score_set(index, name, _shown(path), rows)
    if sources:
        source = "random edits of " + ", ".join(n for n in synthetic_from if n in out["sets"])
        out["sets"]["synthetic"] = _score_set(index, "synthetic", source, random_typos(sources))
    return out


def _score_set(index: Any, name: str, source: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    scored = [
        {
            **row,
            "today": legacy_suggestion(index, row["query"]),
            "new": index.search(row["query"], limit=1).did_you_mean,
        }
        for row in rows
    ]
    return {
        "label": SPELLING_LABELS.get(name, name),
        "file": source,
        "queries": len(rows),
        "misspelled": sum(r["query"] != r["intended"] for r in rows),
        "today": _spelling_table(scored, "today"),
        "new": _spelling_table(scored, "new"),
        "new_wrong": [
            {k: r[k] for k in ("kind", "query", "new", "intended")}
            for r in scored
            if r["new"] and _norm(r["new"]) != _norm(r["intended"])
        ],
    }


def read_misspellings(path: Path) -> list[dict[str, Any]]:
    """The rows of a misspellings file: ``query``, ``intended``, ``kind`` (and a note)."""
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row.get("query"), str) or not isinstance(row.get("intended"), str):
            raise ValueError(f"{path.name} line {number}: needs a 'query' and an 'intended' text")
        rows.append({**row, "kind": str(row.get("kind") or "other")})
    return rows


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(HERE.parent))
    except ValueError:
        return str(path)


def legacy_suggestion(index: Any, query: str) -> str | None:
    """The "did you mean" before issue 10: every rare or unknown word replaced by its nearest."""
    import re

    from kbassist.index.query import parse_query
    from kbassist.index.spelling import Speller, correctable

    parsed = parse_query(query)
    speller = getattr(index, "_legacy", None)
    if speller is None:
        speller = Speller(index.vocabulary())
        index._legacy = speller
    text = parsed.text
    for word in parsed.words:
        frequency = speller.vocabulary.get(word, 0)
        if not correctable(word) or frequency > Speller.RARE:
            continue
        found = speller.candidates(word)
        if frequency:
            found = tuple(c for c in found if c[1] == 1 and c[2] >= Speller.DOMINANCE * frequency)
        if found:
            pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.IGNORECASE)
            text = pattern.sub(found[0][0], text)
    return text if text.casefold() != parsed.text.casefold() else None


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _spelling_table(rows: Sequence[dict[str, Any]], side: str) -> dict[str, Any]:
    """Suggestions made, precision and corrected share of one side, over all rows and per kind."""
    out: dict[str, Any] = {}
    groups: dict[str, Sequence[dict[str, Any]]] = {"all": rows}
    for kind in sorted({r["kind"] for r in rows}):
        groups[kind] = [r for r in rows if r["kind"] == kind]
    for name, chosen in groups.items():
        made = [r for r in chosen if r[side]]
        right = [r for r in made if _norm(r[side]) == _norm(r["intended"])]
        misspelled = [r for r in chosen if r["query"] != r["intended"]]
        fixed = [r for r in right if r["query"] != r["intended"]]
        out[name] = {
            "suggestions": len(made),
            "wrong": len(made) - len(right),
            "precision": round(len(right) / len(made), 4) if made else None,
            "corrected": len(fixed),
            "corrected_share": round(len(fixed) / len(misspelled), 4) if misspelled else None,
            "rows": len(chosen),
            "misspelled": len(misspelled),
        }
    return out


# ---------------------------------------------------------------- latency at 100,000 documents

LATENCY_QUERIES = 200


def latency_instance(embedder: Any, tickets: Sequence[Any], n_embed: int, folder: Path) -> Path:
    """A full instance of demo tickets: rows, note scores, families and both indexes.

    Only ``n_embed`` texts are embedded with the model; the other vectors are those
    tiled with noise (cosine top-k costs the same for any vectors). Note scores are
    drawn from a hash of the id: latency only, the values do not matter.
    """
    from sqlalchemy import insert

    from kbassist import store
    from kbassist.index.documents import RecordDocs
    from kbassist.index.vectors import VectorRecord
    from kbassist.ingest.service import store_articles
    from kbassist.pipeline import refresh
    from kbassist.search.documents import ticket_record
    from kbassist.store import utc_now

    home = folder / "latency"
    core = new_core(home, embedder)
    now = utc_now()
    families = sorted({t["family"] or "none" for t in tickets})
    family_id = {name: number for number, name in enumerate(families, 1)}
    rows, records = [], []
    for t in tickets:
        digest = hashlib.sha256(t["id"].encode()).hexdigest()
        rows.append(
            {
                "id": t["id"],
                "title": t["title"],
                "description": t["description"],
                "resolution": t["resolution"],
                "status": "Closed",
                "resolved_at": t["resolved_at"],
                "content_hash": digest,
                "ingested_at": now,
            }
        )
        records.append(
            ticket_record(
                t["id"],
                t["title"],
                t["description"],
                t["resolution"],
                content_hash=digest,
                updated=t["resolved_at"],
            )
        )
    with core.begin() as conn:
        conn.execute(insert(store.tickets), rows)
        conn.execute(
            insert(store.note_scores),
            [
                {
                    "ticket_id": r["id"],
                    "content_hash": r["content_hash"],
                    "score": int(r["content_hash"][:2], 16) * 100 / 255,
                    "criteria_score": 0.0,
                    "scored_at": now,
                }
                for r in rows
            ],
        )
        conn.execute(
            insert(store.families),
            [{"id": n, "label": name, "size": 0} for name, n in family_id.items()],
        )
        conn.execute(
            insert(store.ticket_families),
            [
                {"ticket_id": t["id"], "family_id": family_id[t["family"] or "none"]}
                for t in tickets
            ],
        )
    from kbassist.articles import parse_folder

    articles = list(parse_folder(core.kb_dir()).records)
    report = store_articles(core, articles, source="bench")
    refresh(core, [], report.changed_ids)
    texts = [r.texts[0] for r in records]
    sample = embedder.encode(texts[:n_embed])
    rng = np.random.default_rng(7)
    reps = -(-len(records) // len(sample))
    matrix = np.vstack([sample] * reps)[: len(records)]
    matrix = matrix + rng.normal(0, 0.02, matrix.shape).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    core.resources.lexical.update([RecordDocs(r.record, r.content_hash, r.docs) for r in records])
    core.resources.vectors.update(
        [
            VectorRecord(r.record, r.content_hash, r.docs, matrix[i : i + 1].astype(np.float32))
            for i, r in enumerate(records)
        ]
    )
    return home


def latency_probe(home: Path, mode: str, queries: Sequence[str]) -> dict[str, Any]:
    """In a fresh process: the first search after start, then every query; today or new."""
    import time

    from kbassist.search.service import search, warm_up

    core = Core(Settings.load({"HOME": str(home), "EMBEDDER": "minilm", "SECRET_KEY": "bench"}))
    flat = mode == "today"
    warm = {}
    started = time.perf_counter()
    if flat:  # as `serve` did before issue 10: the model loads in a thread, requests come in
        import threading

        encode = core.resources.embedder.encode
        threading.Thread(target=encode, args=(["warm up"],), daemon=True).start()
    else:
        warm = warm_up(core)  # what `kbassist serve` does now before it accepts requests
    ready = time.perf_counter() - started
    started = time.perf_counter()
    search(core, queries[0], log=False, flat=flat, limit=20)
    first = time.perf_counter() - started
    times = []
    for query in queries[1:]:
        started = time.perf_counter()
        search(core, query, log=False, flat=flat, limit=20)
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "start_to_ready_s": round(ready, 2),
        "warm_up_steps_s": warm,
        "first_query_ms": round(1000 * first, 1),
        "p50_ms": round(1000 * times[len(times) // 2], 1),
        "p95_ms": round(1000 * times[int(len(times) * 0.95)], 1),
        "queries": len(queries),
    }


def latency(
    embedder: Any, tickets: Sequence[Any], queries: Sequence[str], n_embed: int, folder: Path
) -> dict[str, Any]:
    """First-query and p95 latency of the search service over these tickets, today and new."""
    import subprocess
    import sys

    print(f"Latency: building an instance of {len(tickets)} tickets ...", flush=True)
    home = latency_instance(embedder, tickets, n_embed, folder)
    (home / "queries.json").write_text(json.dumps(list(queries)))
    out: dict[str, Any] = {"documents": len(tickets), "queries": len(queries)}
    for mode in ("today", "new"):
        done = subprocess.run(
            [sys.executable, str(HERE / "search.py"), "--latency-probe", str(home), mode],
            check=True,
            capture_output=True,
            text=True,
        )
        out[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    for name in ("first_query_ms", "p95_ms"):
        today, new = out["today"][name], out["new"][name]
        out[f"{name}_new_over_today"] = round(new / today, 3) if today else None
    return out
