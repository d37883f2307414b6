"""Search benchmark: quality on stackfaq, speed at 100,000 documents, ingest overhead.

    .venv/bin/python bench/search.py            # the full run (10-12 minutes on 2 cores)
    .venv/bin/python bench/search.py --quick    # smaller corpora, for a smoke test

One run prints every figure side by side and writes them to
bench/results/search.json. Nothing is hard-coded: every number is measured.

- Quality: nDCG@10, Recall@10 and MRR on ../shared/data/stackfaq (625 queries,
  125 FAQ documents) for bm25s (the neutral baseline), our lexical backends,
  semantic search and hybrid fusions; once on the FAQ alone and once mixed
  into >= 5,000 distractor documents (the demo generator's tickets and articles
  when ``kbassist.demo.generator`` exists, else synthetic help-desk tickets; the output
  says which). FAQ threads are indexed as articles, one section per answer,
  exactly as the app indexes a knowledge-base article.
- Similar tickets: for distractor tickets with a known issue family, how many
  of the top 5 similar tickets share the family (precision@5).
- Speed at 100,000 documents: build time and warm p50/p95 query latency for
  tantivy, whoosh, bm25s, semantic and hybrid, against embedding the query alone.
- Ingest: documents per second for store + index with embeddings, against raw
  ``model.encode`` on the same texts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import search_answers as answers_bench
from _env import RESULTS_DIR, ROOT, data_dir

from kbassist.index import lexical
from kbassist.index.backends import open_index
from kbassist.index.documents import RecordDocs
from kbassist.index.query import Filters, parse_query
from kbassist.index.vectors import VectorIndex, VectorRecord, one_thread
from kbassist.search.documents import IndexedRecord, article_record, ticket_record
from kbassist.search.service import (
    CANDIDATES,
    MIN_SIMILARITY,
    SEARCH_FUSION,
    SIMILAR_FUSION,
    rank,
)

DATA = data_dir("stackfaq")
RESULTS = RESULTS_DIR / "search.json"
SEED = 7
INGEST_ROUNDS = 3
PRUNE_SHARES = (1.0, 0.5, 0.4, 0.3, 0.2)  # share of documents above which a term is left out


# ---------------------------------------------------------------- data


def load_stackfaq() -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The FAQ documents and (query text, relevant doc id) pairs."""
    if not DATA.is_dir():
        sys.exit(f"No stackfaq data at {DATA}: set KBASSIST_BENCH_DATA to the shared data folder.")
    docs = [json.loads(line) for line in (DATA / "corpus.jsonl").read_text().splitlines() if line]
    queries = {}
    for line in (DATA / "queries.jsonl").read_text().splitlines():
        if line:
            item = json.loads(line)
            queries[item["query_id"]] = item["text"]
    relevant = {}
    for line in (DATA / "qrels.jsonl").read_text().splitlines():
        if line:
            item = json.loads(line)
            if item["relevance"] > 0:
                relevant[item["query_id"]] = item["doc_id"]
    pairs = [(queries[qid], relevant[qid]) for qid in sorted(relevant)]
    return docs, pairs


def faq_records(docs: Sequence[dict[str, Any]]) -> list[IndexedRecord]:
    """Each FAQ thread as a knowledge-base article with one section per answer."""
    records = []
    for doc in docs:
        body = "\n\n".join(
            f"## Answer {n}\n\n{answer.strip()}" for n, answer in enumerate(doc["answers"], 1)
        )
        records.append(
            article_record(doc["doc_id"], doc["title"], "how-to", body, content_hash=doc["doc_id"])
        )
    return records


FAMILIES = [
    (
        "outlook-password",
        [
            "Outlook keeps asking for password",
            "Outlook prompts for credentials over and over",
            "Email client keeps asking me to sign in",
            "Credential prompt in Outlook every few minutes",
            "Outlook password box pops up constantly",
        ],
        "Cleared cached credentials in Credential Manager, removed the old "
        "profile and recreated it; modern auth enabled.",
    ),
    (
        "printer-offline",
        [
            "Printer shows offline",
            "Printer offline on {floor} floor",
            "Cannot print, printer says offline",
            "Print jobs stuck in the queue",
            "Network printer not reachable",
        ],
        "Restarted the print spooler, cleared stuck jobs, re-added the printer "
        "by IP, updated to the universal PCL6 driver.",
    ),
    (
        "vpn",
        [
            "VPN will not connect",
            "VPN connection fails from home",
            "Cannot connect to VPN, error 809",
            "GlobalProtect stuck on connecting",
            "Remote access VPN drops every hour",
        ],
        "Reinstalled the VPN client, removed the stale certificate, confirmed "
        "UDP 500/4500 open on the home router.",
    ),
    (
        "lockout",
        [
            "User locked out of account",
            "Forgot password, needs a reset",
            "Account locked after too many attempts",
            "Password expired and cannot log in",
            "Locked out of Windows",
        ],
        "Unlocked the account in AD, reset the password, user set a new one at "
        "next logon; reminded about self-service reset.",
    ),
    (
        "mfa",
        [
            "Authenticator app not receiving push",
            "MFA prompt never arrives",
            "New phone, need to move MFA",
            "Two-factor codes rejected",
            "Cannot approve sign-in request",
        ],
        "Re-registered the authenticator on the new phone, removed the old "
        "method in Entra ID, verified the sign-in.",
    ),
    (
        "onedrive",
        [
            "OneDrive not syncing",
            "Files not syncing to SharePoint",
            "OneDrive shows red X on files",
            "Sync conflict copies everywhere",
            "OneDrive stuck processing changes",
        ],
        "Reset the OneDrive client, renamed files with invalid characters, "
        "shortened paths over 400 characters.",
    ),
    (
        "teams-audio",
        [
            "No sound in Teams calls",
            "Microphone not working in Teams",
            "Teams echo during meetings",
            "Headset not detected in Teams",
            "Others cannot hear me on Teams",
        ],
        "Selected the right audio device in Teams settings, updated the "
        "headset firmware, cleared the Teams cache.",
    ),
    (
        "shared-mailbox",
        [
            "Need access to shared mailbox",
            "Shared mailbox missing in Outlook",
            "Cannot send as shared mailbox",
            "Add user to the accounts mailbox",
            "Shared inbox disappeared",
        ],
        "Granted Full Access and Send As in Exchange admin; automapping "
        "brought the mailbox in after an Outlook restart.",
    ),
    (
        "slow-pc",
        [
            "Laptop very slow",
            "PC takes ages to boot",
            "Computer freezing constantly",
            "High disk usage, everything slow",
            "Everything is sluggish since the update",
        ],
        "Disabled startup apps, ran disk cleanup, replaced the failing HDD "
        "with an SSD and reimaged.",
    ),
    (
        "wifi",
        [
            "Wireless keeps disconnecting",
            "Wi-Fi drops in meeting rooms",
            "Cannot connect to office Wi-Fi",
            "Guest Wi-Fi not working",
            "Laptop will not join the wireless network",
        ],
        "Updated the wireless driver, forgot and re-joined the network, moved "
        "the access point channel away from interference.",
    ),
    (
        "excel-locked",
        [
            "Excel says file is locked for editing",
            "Cannot open spreadsheet, in use by another user",
            "Excel opens read-only on the shared drive",
            "Spreadsheet locked by me",
        ],
        "Closed the orphaned session on the file server, deleted the ~$ owner "
        "file, enabled co-authoring on SharePoint.",
    ),
    (
        "onboarding",
        [
            "New employee onboarding",
            "Set up laptop for new hire",
            "Create accounts for new starter",
            "Onboarding request for Monday",
        ],
        "Created the AD and M365 accounts, assigned licences, enrolled the "
        "laptop in Intune, added groups per role.",
    ),
    (
        "offboarding",
        [
            "Disable account for leaver",
            "Employee leaving, remove access",
            "Offboarding request",
            "Convert mailbox of departed user",
        ],
        "Disabled the account, converted the mailbox to shared, moved OneDrive "
        "files to the manager, wiped the device.",
    ),
    (
        "disk-full",
        [
            "Server C drive full",
            "Low disk space alert on file server",
            "SQL server out of disk",
            "Backup failing, disk full",
        ],
        "Cleared old logs and WinSxS, moved the page file, extended the "
        "volume; added a disk space alert.",
    ),
    (
        "backup",
        [
            "Nightly backup failed",
            "Veeam job error",
            "Backup did not complete",
            "Offsite replication failing",
        ],
        "Restarted the VSS writers, fixed repository permissions, reran the job successfully.",
    ),
    (
        "calendar",
        [
            "Share calendar with assistant",
            "Cannot see colleague's calendar",
            "Delegate access to calendar",
            "Calendar permissions wrong",
        ],
        "Set Editor permission with delegate access from the owner's Outlook; "
        "the assistant now books meetings.",
    ),
    (
        "mail-missing",
        [
            "Emails from client not arriving",
            "Not receiving external email",
            "Messages going to junk",
            "Mail delayed by hours",
        ],
        "Message trace showed quarantine by the spam filter; released and "
        "allow-listed the sender domain.",
    ),
    (
        "phishing",
        [
            "Suspicious email received",
            "User clicked a phishing link",
            "Fake invoice email",
            "Possible compromised account",
        ],
        "Purged the message tenant-wide, reset the password, revoked sessions, "
        "checked mailbox rules for forwarding.",
    ),
    (
        "install",
        [
            "Please install Adobe Reader",
            "Need Visio installed",
            "Request to install Zoom",
            "Install Python on my laptop",
        ],
        "Deployed the package through the Intune company portal; the user "
        "installed it self-service.",
    ),
    (
        "monitor",
        [
            "Second screen not working",
            "Docking station monitors black",
            "External display not detected",
            "Monitor flickering",
        ],
        "Updated the dock firmware and display driver, replaced the DisplayPort cable.",
    ),
    (
        "browser",
        [
            "Chrome keeps crashing",
            "Website not loading in Edge",
            "Browser redirects to ads",
            "Certificate error on intranet site",
        ],
        "Reset the browser profile, removed a malicious extension, re-imported "
        "the internal CA certificate.",
    ),
    (
        "share-access",
        [
            "Access denied to shared drive",
            "Cannot map network drive",
            "Lost access to finance folder",
            "Mapped drive missing after reboot",
        ],
        "Added the user to the right security group, ran gpupdate, mapped the "
        "drive through group policy.",
    ),
    (
        "phones",
        [
            "Desk phone not registering",
            "Cannot transfer calls",
            "Voicemail not working",
            "Softphone no audio",
        ],
        "Re-provisioned the handset on the PBX, corrected the SIP credentials, "
        "reset the voicemail PIN.",
    ),
    (
        "windows-update",
        [
            "Windows update stuck at 0%",
            "Update error 0x80070005",
            "Feature update failed",
            "Updates keep rolling back",
        ],
        "Reset Windows Update components, cleared SoftwareDistribution, "
        "installed the cumulative update manually.",
    ),
    (
        "bsod",
        [
            "BSOD on startup",
            "Laptop crashes with blue screen",
            "Stop code MEMORY_MANAGEMENT",
            "Random restarts",
        ],
        "Ran memory diagnostics, replaced a faulty RAM module, updated the "
        "BIOS and chipset drivers.",
    ),
]
FLOORS = ["first", "second", "third", "ground", "fourth"]
OPENERS = ["Hi team,", "Hello,", "", "Urgent:", "Good morning,", "Hi,", "Ticket from portal:"]
DETAILS = [
    "It started this morning.",
    "Since yesterday after the update.",
    "Happens for the whole team.",
    "Only on my laptop.",
    "Rebooting did not help.",
    "This is blocking my work.",
    "I tried logging out and in again.",
    "Colleagues have the same problem.",
    "It worked fine last week.",
    "Please call me back on my mobile.",
    "Happens at random times.",
    "The client has a deadline today.",
    "Reported by the office manager.",
]
CLIENTS = [
    "Acme Legal",
    "Northwind Dental",
    "Contoso Build",
    "Fabrikam Logistics",
    "Tailspin Travel",
    "Wingtip Accounting",
    "Litware Clinic",
    "Proseware Architects",
    "Adatum Realty",
    "Woodgrove Finance",
]
CLOSERS = [
    "Confirmed with user.",
    "User confirmed working.",
    "Closed after follow-up.",
    "",
    "Monitoring for a week.",
]


def synthetic_tickets(n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """Plausible help-desk tickets in 25 issue families (used when the demo generator is absent)."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1)
    out = []
    for i in range(n):
        family, titles, fix = FAMILIES[rng.randrange(len(FAMILIES))]
        title = rng.choice(titles).format(floor=rng.choice(FLOORS))
        details = " ".join(rng.sample(DETAILS, 2))
        opener = rng.choice(OPENERS)
        description = f"{opener} {title.lower()}. {details} Client: {rng.choice(CLIENTS)}.".strip()
        if rng.random() < 0.7:
            resolution = fix
        else:
            resolution = rng.choice(["fixed", "done", "resolved, see notes", fix.split(",")[0]])
        out.append(
            {
                "id": f"SYN-{seed}-{i:06d}",
                "title": title,
                "description": description,
                "resolution": f"{resolution} {rng.choice(CLOSERS)}".strip(),
                "family": family,
                "client": rng.choice(CLIENTS),
                "resolved_at": start + timedelta(minutes=rng.randrange(60 * 24 * 540)),
            }
        )
    return out


def demo_corpus(
    n_tickets: int, seed: int = SEED
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    """Resolved tickets (with their issue family) and articles of the demo, or None without one."""
    try:
        from kbassist.demo import generator as demo
    except ImportError:
        return None
    from kbassist.articles import parse_folder
    from kbassist.search.documents import is_resolved

    data = demo.generate(n_tickets=n_tickets, seed=seed)
    truth = data.ground_truth.get("tickets", {})
    tickets = [
        {
            "id": t.id,
            "title": t.title,
            "description": t.description,
            "resolution": t.resolution,
            "family": truth.get(t.id, {}).get("family"),
            "client": t.client,
            "resolved_at": t.resolved_at or t.closed_at,
            "record": t,
        }
        for t in data.tickets
        if is_resolved(t.status, t.resolved_at, t.closed_at)
    ]
    articles = [
        {"id": a.id, "title": a.title, "type": a.type, "body": a.body}
        for a in parse_folder(Path(data.kb_dir)).records
    ]
    return tickets, articles


def distractors(n: int) -> tuple[list[IndexedRecord], list[dict[str, Any]], str]:
    """Distractor records (tickets, and the demo's articles) and where they came from."""
    demo = demo_corpus(n)
    if demo is not None:
        tickets, articles = demo
        source = f"demo generator: {len(tickets)} tickets, {len(articles)} articles"
    else:
        tickets, articles = synthetic_tickets(n), []
        source = f"synthetic help-desk tickets ({len(tickets)}; kbassist.demo missing)"
    records = [_ticket(t) for t in tickets]
    records += [
        article_record(a["id"], a["title"], a["type"], a["body"], content_hash=a["id"])
        for a in articles
    ]
    return records, tickets, source


def _ticket(t: dict[str, Any]) -> IndexedRecord:
    return ticket_record(
        t["id"],
        t["title"],
        t["description"],
        t["resolution"],
        content_hash=t["id"],
        client=t.get("client") or "",
        updated=t.get("resolved_at"),
    )


# ---------------------------------------------------------------- metrics


def metrics(rankings: Sequence[Sequence[str]], relevant: Sequence[str]) -> dict[str, float]:
    """nDCG@10, Recall@10 and MRR with one relevant document per query."""
    ndcg = recall = mrr = 0.0
    for ranking, gold in zip(rankings, relevant, strict=True):
        ranking = list(ranking)
        if gold in ranking:
            position = ranking.index(gold)
            mrr += 1.0 / (position + 1)
            if position < 10:
                ndcg += 1.0 / math.log2(position + 2)
                recall += 1.0
    n = len(relevant)
    return {
        "ndcg@10": round(ndcg / n, 4),
        "recall@10": round(recall / n, 4),
        "mrr": round(mrr / n, 4),
    }


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "p50_ms": round(1000 * ordered[len(ordered) // 2], 3),
        "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 3),
    }


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = function()
    return value, time.perf_counter() - started


# ---------------------------------------------------------------- building blocks


class Corpus:
    """One corpus indexed every way we compare: bm25s, tantivy, whoosh and vectors."""

    def __init__(
        self,
        records: Sequence[IndexedRecord],
        vectors: np.ndarray,
        folder: Path,
        dim: int,
        model: str,
        backends: Sequence[str] = ("tantivy", "whoosh"),
    ) -> None:
        self.records = list(records)
        self.build_seconds: dict[str, float] = {}
        items = [RecordDocs(r.record, r.content_hash, r.docs) for r in self.records]
        self.lexical = {}
        for backend in backends:
            index = open_index(backend, folder / backend)
            _, self.build_seconds[backend] = timed(lambda index=index: index.rebuild(items))
            self.lexical[backend] = index
        self.vectors = VectorIndex(folder / "vectors", model, dim)
        vector_records, position = [], 0
        for r in self.records:
            count = len(r.docs)
            vector_records.append(
                VectorRecord(r.record, r.content_hash, r.docs, vectors[position : position + count])
            )
            position += count
        _, self.build_seconds["semantic"] = timed(lambda: self.vectors.rebuild(vector_records))
        import bm25s

        # bm25s sees each record as one text: title plus every section (its natural use).
        self.bm25_ids = [r.record for r in self.records]
        texts = [" ".join([r.docs[0].title] + [d.body for d in r.docs]) for r in self.records]

        def build_bm25() -> Any:
            model = bm25s.BM25(k1=1.2, b=0.75)
            model.index(
                bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False
            )
            return model

        self.bm25, self.build_seconds["bm25s"] = timed(build_bm25)

    def bm25_search(self, queries: Sequence[str], k: int = CANDIDATES) -> list[list[str]]:
        import bm25s

        tokens = bm25s.tokenize(list(queries), stopwords="en", show_progress=False)
        k = min(k, len(self.bm25_ids))
        results, scores = self.bm25.retrieve(tokens, k=k, show_progress=False, n_threads=1)
        return [
            [self.bm25_ids[i] for i, s in zip(row, srow, strict=True) if s > 0]
            for row, srow in zip(results, scores, strict=True)
        ]

    def lexical_search(self, backend: str, query: str, filters: Filters | None = None) -> list[str]:
        result = self.lexical[backend].search(query, filters=filters, limit=CANDIDATES)
        return _records_in_order((h.record, h.score) for h in result.hits)

    def semantic_search(self, vector: np.ndarray, filters: Filters | None = None) -> list[str]:
        return _records_in_order(
            (key.split("#", 1)[0], s)
            for key, s in self.vectors.search(vector, limit=CANDIDATES, filters=filters)
        )

    def hybrid(
        self,
        backend: str,
        query: str,
        vector: np.ndarray,
        fusion: tuple[str, dict[str, float]],
        min_similarity: float,
        filters: Filters | None = None,
    ) -> list[str]:
        ranking = rank(
            self.lexical[backend],
            self.vectors,
            vector,
            parse_query(query),
            filters or Filters(),
            fusion=fusion,
            min_similarity=min_similarity,
        )
        return [row.key for row in ranking.records]


def _records_in_order(pairs: Any) -> list[str]:
    seen: dict[str, None] = {}
    for record, _ in pairs:
        seen.setdefault(record, None)
    return list(seen)


def embed_records(embedder: Any, records: Sequence[IndexedRecord]) -> np.ndarray:
    texts = [text for r in records for text in r.texts]
    return embedder.encode(texts)


# ---------------------------------------------------------------- the parts


METHODS = (
    ("bm25s", "baseline"),
    ("tantivy", "lexical"),
    ("whoosh", "lexical"),
    ("semantic", "semantic"),
    ("hybrid", "adaptive blend (default), tantivy"),
    ("hybrid-whoosh", "adaptive blend, whoosh"),
    ("hybrid-blend", "fixed blend 0.12"),
    ("hybrid-rrf", "reciprocal rank fusion k=60"),
)


GRID: list[tuple[str, dict[str, float]]] = (
    [("blend", {"weight": w}) for w in (0.05, 0.10, 0.15, 0.20, 0.30)]
    + [
        ("adaptive", {"base": b, "gain": g, "ceiling": 0.6})
        for b in (0.05, 0.10, 0.15)
        for g in (0.1, 0.3, 0.5)
    ]
    + [("rrf", {"k": 60.0, "semantic_weight": w}) for w in (1.0, 3.0)]
)


def quality(embedder: Any, n_distractors: int, folder: Path, grid: bool = False) -> dict[str, Any]:
    docs, pairs = load_stackfaq()
    queries = [q for q, _ in pairs]
    relevant = [f"article:{doc_id}" for _, doc_id in pairs]
    faq = faq_records(docs)
    print(
        f"Embedding {sum(len(r.texts) for r in faq)} FAQ sections and {len(queries)} queries ...",
        flush=True,
    )
    faq_vectors = embed_records(embedder, faq)
    query_vectors = embedder.encode(queries)
    extra, tickets, source = distractors(n_distractors)
    print(
        f"Embedding {sum(len(r.texts) for r in extra)} distractor documents ({source}) ...",
        flush=True,
    )
    extra_vectors = embed_records(embedder, extra)
    floor = MIN_SIMILARITY.get(embedder.name, 0.0)
    out: dict[str, Any] = {"distractors": source, "queries": len(queries)}
    corpora = {
        "faq": (faq, faq_vectors),
        "faq+distractors": (faq + extra, np.vstack([faq_vectors, extra_vectors])),
    }
    for name, (records, vectors) in corpora.items():
        corpus = Corpus(records, vectors, folder / name, embedder.dim, embedder.name)
        rankings: dict[str, list[list[str]]] = {"bm25s": corpus.bm25_search(queries)}
        for backend in ("tantivy", "whoosh"):
            rankings[backend] = [corpus.lexical_search(backend, q) for q in queries]
        rankings["semantic"] = [corpus.semantic_search(v) for v in query_vectors]
        rankings["hybrid"] = [
            corpus.hybrid("tantivy", q, v, SEARCH_FUSION, floor)
            for q, v in zip(queries, query_vectors, strict=True)
        ]
        rankings["hybrid-whoosh"] = [
            corpus.hybrid("whoosh", q, v, SEARCH_FUSION, floor)
            for q, v in zip(queries, query_vectors, strict=True)
        ]
        rankings["hybrid-blend"] = [
            corpus.hybrid("tantivy", q, v, ("blend", {"weight": 0.12}), floor)
            for q, v in zip(queries, query_vectors, strict=True)
        ]
        rankings["hybrid-rrf"] = [
            corpus.hybrid("tantivy", q, v, ("rrf", {"k": 60.0}), floor)
            for q, v in zip(queries, query_vectors, strict=True)
        ]
        table = {method: metrics(rankings[method], relevant) for method, _ in METHODS}
        base = table["bm25s"]["ndcg@10"]
        for row in table.values():
            row["ndcg_vs_bm25s"] = round(row["ndcg@10"] / base, 3) if base else None
        half = _split_half(rankings, relevant)
        out[name] = {
            "documents": sum(len(r.docs) for r in records),
            "records": len(records),
            "methods": table,
            "split_half_ndcg@10": half,
        }
        if grid:
            out[name]["grid"] = [
                {
                    "fusion": method,
                    **params,
                    "ndcg@10": metrics(
                        [
                            corpus.hybrid("tantivy", q, v, (method, params), floor)
                            for q, v in zip(queries, query_vectors, strict=True)
                        ],
                        relevant,
                    )["ndcg@10"],
                }
                for method, params in GRID
            ]
        if name == "faq+distractors":
            out["similar_tickets"] = similar_quality(
                corpus, tickets, embedder, extra, extra_vectors, floor, grid=grid
            )
    best_single = {
        name: max(
            out[name]["methods"][m]["ndcg@10"] for m in ("bm25s", "tantivy", "whoosh", "semantic")
        )
        for name in corpora
    }
    out["hybrid_beats_best_single"] = {
        name: out[name]["methods"]["hybrid"]["ndcg@10"] > best_single[name] for name in corpora
    }
    return out


def _split_half(
    rankings: dict[str, list[list[str]]], relevant: Sequence[str]
) -> dict[str, dict[str, float]]:
    """nDCG@10 on even and odd queries separately: a gain that holds on both halves is not luck."""
    out = {}
    for method in ("semantic", "hybrid"):
        halves = {}
        for label, parity in (("even", 0), ("odd", 1)):
            chosen = [i for i in range(len(relevant)) if i % 2 == parity]
            halves[label] = metrics(
                [rankings[method][i] for i in chosen], [relevant[i] for i in chosen]
            )["ndcg@10"]
        out[method] = halves
    return out


def similar_quality(
    corpus: Corpus,
    tickets: Sequence[dict[str, Any]],
    embedder: Any,
    records: Sequence[IndexedRecord],
    vectors: np.ndarray,
    floor: float,
    n: int = 200,
    grid: bool = False,
) -> dict[str, Any]:
    """Ticket-to-ticket: share of the top 5 similar tickets from the query ticket's own family."""
    labelled = [t for t in tickets if t.get("family")]
    if not labelled:
        return {"note": "no issue-family labels in the distractors"}
    rng = random.Random(SEED)
    sample = rng.sample(labelled, min(n, len(labelled)))
    family = {f"ticket:{t['id']}": t["family"] for t in labelled}
    row_of = {r.record: i for i, r in enumerate(records)}  # one text per ticket record
    only_tickets = Filters(kind="ticket")
    profiles = {
        "hybrid-search": SEARCH_FUSION,
        "hybrid-similar": SIMILAR_FUSION,
        "hybrid-rrf": ("rrf", {"k": 60.0}),
    }
    if grid:
        for base in (0.1, 0.2, 0.3, 0.4, 0.5):
            profiles[f"adaptive base {base}"] = (
                "adaptive",
                {"base": base, "gain": 0.3, "ceiling": 0.7},
            )
    scores: dict[str, list[float]] = {m: [] for m in ("tantivy", "semantic", *profiles)}
    for t in sample:
        own = f"ticket:{t['id']}"
        text = f"{t['title']}\n{t['description']}"
        vector = vectors[row_of[own]]
        runs = {
            "tantivy": corpus.lexical_search("tantivy", text, only_tickets),
            "semantic": corpus.semantic_search(vector, only_tickets),
            **{
                name: corpus.hybrid("tantivy", text, vector, fusion, floor, only_tickets)
                for name, fusion in profiles.items()
            },
        }
        for method, ranking in runs.items():
            top = [r for r in ranking if r != own][:5]
            scores[method].append(sum(family.get(r) == t["family"] for r in top) / 5)
    return {
        "queries": len(sample),
        "precision@5": {m: round(statistics.mean(v), 4) for m, v in scores.items()},
    }


def speed(embedder: Any, n_docs: int, n_embed: int, n_whoosh: int, folder: Path) -> dict[str, Any]:
    demo = demo_corpus(int(n_docs * 1.1), seed=SEED + 1)  # a few are still open: not indexed
    tickets = demo[0] if demo else synthetic_tickets(n_docs, seed=SEED + 1)
    source = "demo generator" if demo else "synthetic help-desk tickets"
    records = [_ticket(t) for t in tickets[:n_docs]]
    print(
        f"Speed corpus: {len(records)} tickets ({source}); embedding {n_embed} of them ...",
        flush=True,
    )
    texts = [r.texts[0] for r in records]
    sample, embed_seconds = timed(lambda: embedder.encode(texts[:n_embed]))
    # The rest of the matrix: the embedded rows repeated with a little noise, renormalised.
    # Cosine top-k costs the same whatever the vectors are, so latency is unaffected.
    rng = np.random.default_rng(SEED)
    reps = math.ceil(len(records) / len(sample))
    matrix = np.vstack([sample] * reps)[: len(records)]
    matrix = matrix + rng.normal(0, 0.02, matrix.shape).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    corpus = Corpus(
        records,
        matrix.astype(np.float32),
        folder / "speed",
        embedder.dim,
        embedder.name,
        backends=("tantivy",),
    )
    # whoosh is pure Python: ~3 ms a document to index and seconds a query at 100,000
    # documents, so by default it is measured on a slice (--full-whoosh: all of them).
    whoosh = open_index("whoosh", folder / "speed-whoosh")
    whoosh_items = [RecordDocs(r.record, r.content_hash, r.docs) for r in records[:n_whoosh]]
    print(f"Building whoosh on {len(whoosh_items)} documents ...", flush=True)
    _, corpus.build_seconds[f"whoosh ({len(whoosh_items)} docs)"] = timed(
        lambda: whoosh.rebuild(whoosh_items)
    )
    _, pairs = load_stackfaq()
    rng_q = random.Random(SEED)
    queries = [q for q, _ in rng_q.sample(pairs, 100)] + [
        f"{t['title']} {t['description'][:60]}" for t in rng_q.sample(tickets, 100)
    ]
    for q in queries[:10]:  # warm caches, readers and the model
        corpus.lexical_search("tantivy", q)
        whoosh.search(q, limit=10)
        embedder.encode([q])
    floor = MIN_SIMILARITY.get(embedder.name, 0.0)
    latency: dict[str, dict[str, float]] = {}

    def measure(name: str, run: Callable[[str], Any], subset: Sequence[str] = queries) -> None:
        times = []
        for q in subset:
            _, seconds = timed(lambda q=q: run(q))
            times.append(seconds)
        latency[name] = percentiles(times)

    measure("tantivy (top 10)", lambda q: corpus.lexical["tantivy"].search(q, limit=10))
    measure(
        "tantivy (top 100 candidates)",
        lambda q: corpus.lexical["tantivy"].search(q, limit=CANDIDATES),
    )
    measure(
        f"whoosh (top 10, {len(whoosh_items)} docs)",
        lambda q: whoosh.search(q, limit=10),
        queries[:20] + queries[100:120],
    )
    measure("bm25s (top 10)", lambda q: corpus.bm25_search([q], k=10))

    def embed(q: str) -> np.ndarray:
        with one_thread():  # as the search service embeds a query
            return embedder.encode([q])[0]

    measure("embed query alone", embed)
    query_vectors = dict(zip(queries, embedder.encode(queries), strict=True))
    measure(
        "cosine top-100 alone", lambda q: corpus.vectors.search(query_vectors[q], limit=CANDIDATES)
    )
    measure(
        "semantic (embed + top 10)",
        lambda q: corpus.vectors.search(embed(q), limit=10),
    )
    measure(
        "hybrid (embed + both + fuse)",
        lambda q: rank(
            corpus.lexical["tantivy"],
            corpus.vectors,
            embed(q),
            parse_query(q),
            Filters(),
            min_similarity=floor,
        ),
    )
    pruning = prune_sweep(corpus.lexical["tantivy"], tickets[:n_docs])
    hybrid_p95 = latency["hybrid (embed + both + fuse)"]["p95_ms"]
    embed_p95 = latency["embed query alone"]["p95_ms"]
    return {
        "documents": len(records),
        "corpus": source,
        "embedding": f"{n_embed} texts embedded with the model "
        f"({round(n_embed / embed_seconds, 1)} texts/s); the other {len(records) - n_embed} "
        "rows are those vectors tiled with noise (sigma 0.02) and renormalised, "
        "since cosine top-k costs the same for any vectors",
        "build_seconds": {k: round(v, 2) for k, v in corpus.build_seconds.items()},
        "latency": latency,
        "hybrid_p95_over_embed_p95": round(hybrid_p95 / embed_p95, 2) if embed_p95 else None,
        "common_term_pruning": pruning,
        "targets": {
            "hybrid p95 <= 3x embed p95": hybrid_p95 <= 3 * embed_p95,
            "hybrid p95 < 50 ms": hybrid_p95 < 50,
            "tantivy p95 < 5 ms": latency["tantivy (top 10)"]["p95_ms"] < 5,
        },
    }


def prune_sweep(
    index: Any,
    tickets: Sequence[dict[str, Any]],
    n: int = 300,
    shares: Sequence[float] = PRUNE_SHARES,
) -> list[dict[str, Any]]:
    """What leaving out common terms costs and saves: same-family precision@10 and latency.

    Each of n pasted tickets (title and the start of its description) is searched for
    among the others; a hit is right when it is a ticket of the same issue family.
    """
    family = {t["id"]: t["family"] for t in tickets if t.get("family")}
    sample = random.Random(SEED + 2).sample([t for t in tickets if t["id"] in family], n)
    queries = [(f"{t['title']} {t['description'][:60]}", t["id"]) for t in sample]
    saved = lexical.COMMON_TERM_SHARE
    right = dict.fromkeys(shares, 0)
    total = dict.fromkeys(shares, 0)
    times: dict[float, list[float]] = {share: [] for share in shares}
    try:
        # Every share on each query in turn, so the machine's drifting load falls on all alike.
        for query, own in queries:
            for share in shares:
                lexical.COMMON_TERM_SHARE = share
                result, seconds = timed(lambda query=query: index.search(query, limit=11))
                times[share].append(seconds)
                found = [h.ref_id for h in result.hits if h.ref_id != own][:10]
                right[share] += sum(family.get(ref) == family[own] for ref in found)
                total[share] += len(found)
    finally:
        lexical.COMMON_TERM_SHARE = saved
    rows = [
        {
            "leave_out_terms_in_more_than": "never" if share >= 1 else f"{share:.0%}",
            "precision@10_same_family": round(right[share] / max(total[share], 1), 4),
            **percentiles(times[share]),
        }
        for share in shares
    ]
    return rows


def ingest(embedder: Any, n_docs: int, folder: Path) -> dict[str, Any]:
    """Store + index (with embeddings) against raw model.encode on the same texts."""
    from kbassist.core import Core
    from kbassist.embedding import MAX_CHARS
    from kbassist.ingest.service import store_tickets
    from kbassist.records import TicketRecord, ticket_text
    from kbassist.search.indexing import update_indexes
    from kbassist.settings import Settings

    demo = demo_corpus(int(n_docs * 1.1), seed=SEED + 2)
    if demo is not None:
        source = "demo generator"
        tickets = demo[0][:n_docs]
        records = [t["record"] for t in tickets]
    else:
        source = "synthetic help-desk tickets"
        tickets = synthetic_tickets(n_docs, seed=SEED + 2)
        records = [
            TicketRecord(
                id=t["id"],
                title=t["title"],
                description=t["description"],
                resolution=t["resolution"],
                status="Closed",
                category=t["family"],
                client=t["client"],
                resolved_at=t["resolved_at"],
                created_at=t["resolved_at"] - timedelta(hours=2),
            )
            for t in tickets
        ]
    n_docs = len(records)
    texts = [ticket_text(t["title"], t["description"])[:MAX_CHARS] for t in tickets]
    ids = [t["id"] for t in tickets]
    # A first pass over the same texts: the CPU kernels are prepared per input shape, and
    # that one-off cost would otherwise fall on whichever side runs first.
    embedder.model.encode(texts, batch_size=embedder.batch_size, show_progress_bar=False)
    rounds = []
    # Paired rounds (raw encode, then store + index into a fresh instance): the shared
    # machine's load drifts over a minute, so each round's ratio is read on its own and
    # the median round is reported.
    for number in range(INGEST_ROUNDS):
        _, raw = timed(
            lambda: embedder.model.encode(
                texts, batch_size=embedder.batch_size, show_progress_bar=False
            )
        )
        core = Core(
            Settings.load(
                {
                    "HOME": str(folder / f"instance-{number}"),
                    "EMBEDDER": "minilm",
                    "SECRET_KEY": "bench",
                }
            )
        )
        core.init()
        core.resources.share_embedder(embedder)  # the model already loaded
        _, stored = timed(lambda core=core: store_tickets(core, records, source="bench"))
        _, indexed = timed(lambda core=core: update_indexes(core, ids, []))
        rounds.append({"raw": raw, "stored": stored, "indexed": indexed})
    rounds.sort(key=lambda r: (r["stored"] + r["indexed"]) / r["raw"])
    middle = rounds[len(rounds) // 2]
    raw, stored, indexed = middle["raw"], middle["stored"], middle["indexed"]
    return {
        "documents": n_docs,
        "corpus": source,
        "rounds": INGEST_ROUNDS,
        "raw_model_encode_docs_per_s": round(n_docs / raw, 1),
        "index_with_embeddings_docs_per_s": round(n_docs / indexed, 1),
        "store_and_index_docs_per_s": round(n_docs / (stored + indexed), 1),
        "index_overhead_vs_raw_encode": round(indexed / raw - 1, 3),
        "store_and_index_overhead_vs_raw_encode": round((stored + indexed) / raw - 1, 3),
        "store_and_index_overhead_each_round": [
            round((r["stored"] + r["indexed"]) / r["raw"] - 1, 3) for r in rounds
        ],
        "note": "index = search update_indexes (embedding cache, tantivy, vectors); "
        "store = ingest.store_tickets without the downstream scoring and clustering steps; "
        "figures from the median of the paired rounds",
    }


# ---------------------------------------------------------------- report


def render_quality(q: dict[str, Any]) -> str:
    lines = [
        f"Search quality on stackfaq ({q['queries']} queries); distractors: {q['distractors']}"
    ]
    lines.append(
        f"{'method':<16}" + "".join(f"{c:>34}" for c in ("125 FAQ docs", "FAQ + distractors"))
    )
    lines.append(f"{'':<16}" + "".join(f"{'nDCG@10  R@10   MRR   x bm25s':>34}" for _ in range(2)))
    for method, _ in METHODS:
        cells = []
        for name in ("faq", "faq+distractors"):
            m = q[name]["methods"][method]
            cells.append(
                f"{m['ndcg@10']:>10.4f}{m['recall@10']:>7.3f}{m['mrr']:>7.4f}"
                f"{m['ndcg_vs_bm25s']:>8.3f}  "
            )
        lines.append(f"{method:<16}" + "".join(f"{c:>34}" for c in cells))
    lines.append(f"hybrid beats the best single method: {q['hybrid_beats_best_single']}")
    for name in ("faq", "faq+distractors"):
        lines.append(f"split halves ({name}) nDCG@10: {q[name]['split_half_ndcg@10']}")
    for name in ("faq", "faq+distractors"):
        for row in q[name].get("grid", []):
            params = ", ".join(f"{k}={v}" for k, v in row.items() if k not in ("fusion", "ndcg@10"))
            lines.append(f"grid ({name}): {row['fusion']}({params}) nDCG@10 {row['ndcg@10']}")
    sim = q.get("similar_tickets", {})
    if "precision@5" in sim:
        lines.append(
            f"similar tickets, precision@5 over {sim['queries']} tickets: {sim['precision@5']}"
        )
    return "\n".join(lines)


def render_speed(s: dict[str, Any]) -> str:
    lines = [f"Speed on {s['documents']} documents ({s['corpus']}); {s['embedding']}"]
    lines.append("build seconds: " + ", ".join(f"{k} {v}" for k, v in s["build_seconds"].items()))
    lines.append(f"{'query (warm)':<36}{'p50 ms':>10}{'p95 ms':>10}")
    for name, values in s["latency"].items():
        lines.append(f"{name:<36}{values['p50_ms']:>10.2f}{values['p95_ms']:>10.2f}")
    lines.append(
        f"hybrid p95 / embed p95 = {s['hybrid_p95_over_embed_p95']}; targets met: {s['targets']}"
    )
    lines.append("leaving out common terms (300 pasted tickets, tickets of the same family):")
    lines.append(f"{'leave out terms in more than':<36}{'P@10':>10}{'p50 ms':>10}{'p95 ms':>10}")
    for row in s.get("common_term_pruning", []):
        lines.append(
            f"{row['leave_out_terms_in_more_than']:<36}{row['precision@10_same_family']:>10.4f}"
            f"{row['p50_ms']:>10.2f}{row['p95_ms']:>10.2f}"
        )
    return "\n".join(lines)


def render_ingest(i: dict[str, Any]) -> str:
    return (
        f"Ingest of {i['documents']} tickets ({i['corpus']}): raw model.encode "
        f"{i['raw_model_encode_docs_per_s']} docs/s, index with embeddings "
        f"{i['index_with_embeddings_docs_per_s']} docs/s "
        f"(overhead {100 * i['index_overhead_vs_raw_encode']:.1f}%), store + index "
        f"{i['store_and_index_docs_per_s']} docs/s "
        f"(overhead {100 * i['store_and_index_overhead_vs_raw_encode']:.1f}%; median of "
        f"{i.get('rounds', 1)} paired rounds: "
        + ", ".join(f"{100 * v:.1f}%" for v in i.get("store_and_index_overhead_each_round", []))
        + ")"
    )


def demo_distractors(n: int) -> tuple[list[Any], list[Any], str]:
    """Demo tickets (as records to store) and the demo's articles, for the mixed benchmark."""
    from kbassist.articles import parse_folder
    from kbassist.demo import generator as demo
    from kbassist.search.documents import is_resolved

    data = demo.generate(n_tickets=n, seed=SEED)
    tickets = [t for t in data.tickets if is_resolved(t.status, t.resolved_at, t.closed_at)]
    articles = list(parse_folder(Path(data.kb_dir)).records)
    return tickets, articles, f"demo generator: {len(tickets)} tickets, {len(articles)} articles"


def render_mixed(m: dict[str, Any]) -> str:
    lines = [
        f"Mixed StackFAQ ({m['queries']} queries, {m['held_out_queries']} held out): {m['corpus']}"
    ]
    lines.append(
        f"{'':<28}{'today':>10}{'new':>10}{'ratio':>8}"
        f"{'today (held out)':>18}{'new (held out)':>16}"
    )
    for metric in m["new"]["all"]:
        today, new = m["today"]["all"][metric], m["new"]["all"][metric]
        ratio = f"{new / today:.3f}" if today else "-"
        lines.append(
            f"{metric:<28}{today:>10}{new:>10}{ratio:>8}"
            f"{m['today']['held_out'][metric]:>18}{m['new']['held_out'][metric]:>16}"
        )
    return "\n".join(lines)


def render_duplicates(d: dict[str, Any]) -> str:
    lines = ["Similar tickets on StackFAQ duplicates (past tickets alone), all / held out:"]
    for variant in ("short", "long"):
        part = d[variant]
        lines.append(f"{variant}: {part['past_tickets']} past tickets, {part['probes']} probes")
        for method, table in part["methods"].items():
            cells = "  ".join(
                f"{name} P@5 {row['precision@5']:.4f} R@5 {row['recall@5']:.4f}"
                f" MRR {row['mrr']:.4f}"
                for name, row in table.items()
            )
            lines.append(f"  {method:<10} {cells}")
        lines.append(f"  kbassist MRR / RRF MRR = {part['kbassist_mrr_over_rrf']}")
    return "\n".join(lines)


def render_spelling(s: dict[str, Any]) -> str:
    lines = ["Did you mean: today's speller beside the new one, on each set of misspelled queries"]
    sets = s["sets"]
    if sets:
        lines.append(
            f"{'set':<13}{'rows':>6}{'today: made':>13}{'wrong':>7}{'precision':>10}"
            f"{'corrected':>10}{'new: made':>11}{'wrong':>7}{'precision':>10}{'corrected':>10}"
        )
    for name, part in sets.items():
        for kind, new in part["new"].items():
            today = part["today"][kind]
            label = name if kind == "all" else f"  {kind}"
            lines.append(
                f"{label:<13}{new['rows']:>6}{today['suggestions']:>13}{today['wrong']:>7}"
                f"{str(today['precision']):>10}{str(today['corrected_share']):>10}"
                f"{new['suggestions']:>11}{new['wrong']:>7}{str(new['precision']):>10}"
                f"{str(new['corrected_share']):>10}"
            )
    for name, part in sets.items():
        lines.append(f"{name}: {part['label']}; {part['queries']} queries from {part['file']}")
    for missing in s["missing"]:
        lines.append(f"{missing['set']}: no {missing['file']} (not measured)")
    for name, part in sets.items():
        for row in part["new_wrong"] if name not in answers_bench.UNPRINTED else ():
            lines.append(
                f"  wrong on {name} ({row['kind']}): {row['query']!r} -> {row['new']!r}, "
                f"meant {row['intended']!r}"
            )
    for name in answers_bench.UNPRINTED & sets.keys():
        lines.append(
            f"  {name}: {len(sets[name]['new_wrong'])} wrong suggestions, in the JSON only "
            "(not printed: nothing may be decided on them)"
        )
    return "\n".join(lines)


def latency_part(embedder: Any, n_docs: int, n_embed: int, folder: Path) -> dict[str, Any]:
    demo = demo_corpus(int(n_docs * 1.1), seed=SEED + 1)
    tickets = (demo[0] if demo else synthetic_tickets(n_docs, seed=SEED + 1))[:n_docs]
    _, pairs = load_stackfaq()
    rng = random.Random(SEED + 3)
    queries = [q for q, _ in rng.sample(pairs, 100)] + [
        t["title"] for t in rng.sample(tickets, answers_bench.LATENCY_QUERIES - 100)
    ]
    return answers_bench.latency(embedder, tickets, queries, n_embed, folder)


def render_latency(s: dict[str, Any]) -> str:
    lines = [f"Search service latency at {s['documents']} documents ({s['queries']} queries):"]
    lines.append(f"{'':<26}{'today':>10}{'new':>10}{'new/today':>11}")
    for name in ("start_to_ready_s", "first_query_ms", "p50_ms", "p95_ms"):
        today, new = s["today"][name], s["new"][name]
        ratio = f"{new / today:.3f}" if today else "-"
        lines.append(f"{name:<26}{today:>10}{new:>10}{ratio:>11}")
    lines.append(f"warm-up steps (new, seconds): {s['new']['warm_up_steps_s']}")
    return "\n".join(lines)


PARTS = ("quality", "speed", "ingest", "mixed", "duplicates", "spelling", "latency")
DEFAULT_PARTS = PARTS
RENDER = {
    "quality": render_quality,
    "speed": render_speed,
    "ingest": render_ingest,
    "mixed": render_mixed,
    "duplicates": render_duplicates,
    "spelling": render_spelling,
    "latency": render_latency,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="small corpora: a smoke test, not figures"
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help="which parts to run (comma-separated); the others keep their last figures",
    )
    parser.add_argument(
        "--full-whoosh",
        action="store_true",
        help="measure whoosh on all 100,000 documents (about 10 more minutes)",
    )
    parser.add_argument(
        "--grid", action="store_true", help="also sweep the fusion parameters (how they were tuned)"
    )
    parser.add_argument(
        "--latency-probe", nargs=2, metavar=("HOME", "MODE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.latency_probe:  # a fresh process for the latency part: print one JSON line
        home, mode = args.latency_probe
        queries = json.loads((Path(home) / "queries.json").read_text())
        print(json.dumps(answers_bench.latency_probe(Path(home), mode, queries)))
        return
    parts = [part for part in args.parts.split(",") if part]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts {sorted(unknown)}; choose from {', '.join(PARTS)}")
    from kbassist.embedding import MiniLMEmbedder, resolve_dtype

    embedder = MiniLMEmbedder("auto")
    embedder.encode(["warm up"])
    quick = {
        "distractors": 600,
        "speed": 5000,
        "embed": 1000,
        "whoosh": 2000,
        "ingest": 300,
        "mixed": 300,
    }
    full = {
        "mixed": 2000,
        "distractors": 5000,
        "speed": 100_000,
        "embed": 10_000,
        "whoosh": 20_000,
        "ingest": 2000,
    }
    sizes = quick if args.quick else full
    if args.full_whoosh:
        sizes["whoosh"] = sizes["speed"]
    report: dict[str, Any] = {}
    if RESULTS.exists() and not args.quick:
        report = json.loads(RESULTS.read_text())
    report.update(
        {
            "command": "python bench/search.py " + " ".join(sys.argv[1:]),
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "embedder": embedder.name,
                "dtype": resolve_dtype(embedder.dtype),
            },
            "fusion": {
                "search": SEARCH_FUSION,
                "similar": SIMILAR_FUSION,
                "min_similarity": MIN_SIMILARITY,
            },
        }
    )
    runs: dict[str, Callable[[Path], Any]] = {
        "quality": lambda folder: quality(embedder, sizes["distractors"], folder, grid=args.grid),
        "speed": lambda folder: speed(
            embedder, sizes["speed"], sizes["embed"], sizes["whoosh"], folder
        ),
        "ingest": lambda folder: ingest(embedder, sizes["ingest"], folder),
        "mixed": lambda folder: answers_bench.mixed(
            embedder, DATA, folder, demo_distractors(sizes["mixed"])
        ),
        "duplicates": lambda folder: answers_bench.duplicates(embedder, DATA, folder),
        "spelling": lambda folder: answers_bench.spelling(distractors(5000)[0], folder),
        "latency": lambda folder: latency_part(embedder, sizes["speed"], sizes["embed"], folder),
    }
    failed = False
    for part in parts:
        when = datetime.now(UTC).isoformat(timespec="seconds")
        load = [round(x, 2) for x in os.getloadavg()]
        with tempfile.TemporaryDirectory(prefix="kbassist-bench-") as tmp:
            try:
                result, seconds = timed(lambda part=part, tmp=tmp: runs[part](Path(tmp)))
            except Exception as error:  # report the part that broke, keep the others
                failed = True
                print(f"\n{part}: FAILED: {type(error).__name__}: {error}", flush=True)
                continue
        result.update({"when": when, "load_average_at_start": load, "seconds": round(seconds, 1)})
        # Parts run at different times keep the machine and command they were measured with.
        result.update({"machine": report["machine"], "command": report["command"]})
        report[part] = result
        print(f"\n{RENDER[part](result)}\n({part}: {round(seconds, 1)} s)", flush=True)
    if not args.quick:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"Written to {RESULTS.relative_to(ROOT)}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
