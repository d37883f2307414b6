"""The mixed search benchmark and the duplicate-ticket sets, built from StackFAQ.

From ``stackfaq/`` (125 FAQ threads, about five paraphrases of each question):

- each FAQ thread is an **article**, one ``## Answer n`` section per answer;
- half of each FAQ's paraphrases become **past tickets**, closed with a note
  that holds one of the FAQ's answers (trimmed to a closure note's length);
- the other half are the **queries**, graded: the FAQ's article 2, its
  tickets 1, everything else 0.

``build_mixed`` gives (articles, tickets, queries) for "answers first" search;
``build_duplicates`` gives (tickets, probes) for similar tickets, where a probe
is a new ticket whose duplicates are its FAQ's past tickets. Both take
``variant="long"`` to bury every ticket's question in a long report
(``longreports.long_report``). The split and every text are deterministic.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .longreports import long_report

ARTICLE_GRADE = 2
TICKET_GRADE = 1
NOTE_MAX_CHARS = 600  # a long closure note; most answers are shorter (median ~280 characters)
VARIANTS = ("short", "long")
FIRST_CLOSED = datetime(2024, 1, 8, 9, 0)
CLOSED_SPAN_DAYS = 700


@dataclass(frozen=True)
class Article:
    id: str  # the FAQ's doc_id, e.g. "faq000"
    title: str
    body: str  # markdown: "## Answer 1\n\n...", one section per answer

    @property
    def key(self) -> str:
        return f"article:{self.id}"


@dataclass(frozen=True)
class Ticket:
    id: str  # "SF-" + the paraphrase's query_id, e.g. "SF-faq000_q00"
    faq_id: str
    title: str
    description: str
    resolution: str  # the closure note: one of the FAQ's answers, trimmed
    closed_at: datetime

    @property
    def key(self) -> str:
        return f"ticket:{self.id}"


@dataclass(frozen=True)
class Query:
    id: str  # the paraphrase's query_id
    faq_id: str
    text: str
    relevance: Mapping[str, int]  # record key ("article:..." / "ticket:...") -> grade


@dataclass(frozen=True)
class Probe:
    """A new ticket for the similar-tickets benchmark; its duplicates are past ticket ids."""

    id: str
    faq_id: str
    title: str
    description: str
    duplicates: tuple[str, ...]


# ---------------------------------------------------------------- public builders


def build_mixed(
    data_dir: str | Path, variant: str = "short"
) -> tuple[list[Article], list[Ticket], list[Query]]:
    """Articles, past tickets and graded queries for the mixed benchmark."""
    docs, paraphrases = load_stackfaq(data_dir)
    past, asked = split_paraphrases(paraphrases)
    articles = [faq_article(doc) for doc in docs]
    answers = {doc["doc_id"]: doc["answers"] for doc in docs}
    tickets = _tickets(past, answers, variant)
    by_faq: dict[str, list[str]] = {}
    for ticket in tickets:
        by_faq.setdefault(ticket.faq_id, []).append(ticket.key)
    queries = []
    for item in asked:
        relevance = {f"article:{item['faq_id']}": ARTICLE_GRADE}
        relevance.update({key: TICKET_GRADE for key in by_faq.get(item["faq_id"], ())})
        queries.append(Query(item["query_id"], item["faq_id"], item["text"], relevance))
    return articles, tickets, queries


def build_duplicates(
    data_dir: str | Path, variant: str = "short"
) -> tuple[list[Ticket], list[Probe]]:
    """Past tickets and new tickets (probes) whose duplicates are their FAQ's past tickets."""
    docs, paraphrases = load_stackfaq(data_dir)
    past, asked = split_paraphrases(paraphrases)
    answers = {doc["doc_id"]: doc["answers"] for doc in docs}
    tickets = _tickets(past, answers, variant)
    by_faq: dict[str, list[str]] = {}
    for ticket in tickets:
        by_faq.setdefault(ticket.faq_id, []).append(ticket.id)
    probes = []
    for item in asked:
        title, description = _ticket_text(item, variant, role="probe")
        duplicates = tuple(by_faq.get(item["faq_id"], ()))
        probes.append(
            Probe(f"NEW-{item['query_id']}", item["faq_id"], title, description, duplicates)
        )
    return tickets, probes


# ---------------------------------------------------------------- pieces, pure where possible


def load_stackfaq(data_dir: str | Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The FAQ documents and the paraphrases, each paraphrase with the FAQ it belongs to.

    ``data_dir`` is the shared data folder or its ``stackfaq/`` subfolder. The FAQ of a
    paraphrase comes from ``qrels.jsonl`` (its relevant document), else from ``faq_id``.
    """
    folder = Path(data_dir)
    if (folder / "stackfaq").is_dir():
        folder = folder / "stackfaq"
    missing = [n for n in ("corpus.jsonl", "queries.jsonl") if not (folder / n).is_file()]
    if missing:
        raise FileNotFoundError(
            f"No StackFAQ data in {folder} (missing {', '.join(missing)}): point data_dir, or "
            "KBASSIST_BENCH_DATA, at the shared data folder (../shared/data)."
        )
    docs = sorted(_read_jsonl(folder / "corpus.jsonl"), key=lambda doc: doc["doc_id"])
    relevant = {}
    if (folder / "qrels.jsonl").is_file():
        for row in _read_jsonl(folder / "qrels.jsonl"):
            if row["relevance"] > 0:
                relevant[row["query_id"]] = row["doc_id"]
    known = {doc["doc_id"] for doc in docs}
    paraphrases = []
    for row in _read_jsonl(folder / "queries.jsonl"):
        faq_id = relevant.get(row["query_id"], row.get("faq_id"))
        if faq_id in known:
            paraphrases.append({"query_id": row["query_id"], "text": row["text"], "faq_id": faq_id})
    paraphrases.sort(key=lambda row: (row["faq_id"], row["query_id"]))
    return docs, paraphrases


def split_paraphrases(
    paraphrases: Sequence[Mapping[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(past tickets, queries): every other paraphrase of each FAQ, in query_id order.

    Which half takes the odd one out of an odd count is decided by a hash of the FAQ id, so
    tickets and queries come out about even overall and the split never depends on which
    other FAQs are present.
    """
    by_faq: dict[str, list[Mapping[str, Any]]] = {}
    for row in paraphrases:
        by_faq.setdefault(row["faq_id"], []).append(row)
    past: list[dict[str, Any]] = []
    asked: list[dict[str, Any]] = []
    for faq_id in sorted(by_faq):
        offset = _stable_int(faq_id) % 2
        for position, row in enumerate(sorted(by_faq[faq_id], key=lambda r: r["query_id"])):
            (past if (position + offset) % 2 == 0 else asked).append(dict(row))
    return past, asked


def faq_article(doc: Mapping[str, Any]) -> Article:
    """A FAQ thread as an article with one section per answer (as bench/search.py indexes it)."""
    body = "\n\n".join(
        f"## Answer {n}\n\n{answer.strip()}" for n, answer in enumerate(doc["answers"], 1)
    )
    return Article(doc["doc_id"], doc["title"], body)


def closure_note(answer: str, max_chars: int = NOTE_MAX_CHARS) -> str:
    """An answer trimmed to a closure note: whole sentences up to ``max_chars`` where possible."""
    text = re.sub(r"\s+", " ", answer).strip()
    if len(text) <= max_chars:
        return text
    head = text[: max_chars + 1]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", head)]
    if ends and ends[-1] >= max_chars // 3:
        return head[: ends[-1]]
    return head[: max_chars - 4].rsplit(" ", 1)[0].rstrip(",;:") + " ..."


def ndcg(ranking: Sequence[str], relevance: Mapping[str, int], k: int = 10) -> float:
    """Graded nDCG@k of a ranking of record keys (gain 2^grade - 1, log2 discount)."""
    gains = [2 ** relevance.get(key, 0) - 1 for key in ranking[:k]]
    ideal = sorted((2**grade - 1 for grade in relevance.values() if grade > 0), reverse=True)[:k]
    best = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal))
    if best == 0:
        return 0.0
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains)) / best


# ---------------------------------------------------------------- helpers


def _tickets(
    past: Sequence[Mapping[str, Any]], answers: Mapping[str, Sequence[str]], variant: str
) -> list[Ticket]:
    if variant not in VARIANTS:
        raise ValueError(f"Unknown variant {variant!r}: use one of {', '.join(VARIANTS)}.")
    tickets: list[Ticket] = []
    seen: dict[str, int] = {}  # FAQ -> tickets so far, so its tickets take different answers
    for item in past:
        faq_id = item["faq_id"]
        order = seen[faq_id] = seen.get(faq_id, -1) + 1
        faq_answers = answers[faq_id]
        note = closure_note(faq_answers[order % len(faq_answers)]) if faq_answers else ""
        title, description = _ticket_text(item, variant, role="ticket")
        closed = FIRST_CLOSED + timedelta(
            minutes=_stable_int("closed:" + item["query_id"]) % (CLOSED_SPAN_DAYS * 24 * 60)
        )
        tickets.append(Ticket(f"SF-{item['query_id']}", faq_id, title, description, note, closed))
    return tickets


def _ticket_text(item: Mapping[str, Any], variant: str, role: str) -> tuple[str, str]:
    """(title, description): the paraphrase as typed, or buried in a long report."""
    text = item["text"].strip()
    if variant == "short":
        return text, text
    if variant != "long":
        raise ValueError(f"Unknown variant {variant!r}: use one of {', '.join(VARIANTS)}.")
    report = long_report(text, _stable_int(f"{role}:{item['query_id']}"))
    return report["title"], report["description"]


def _stable_int(text: str) -> int:
    """A seed from a string that is the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


if __name__ == "__main__":  # python -m searchdata.mixed [data_dir]: counts and one example
    import sys

    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    for name in VARIANTS:
        arts, tics, qs = build_mixed(data, name)
        past_tickets, probes = build_duplicates(data, name)
        words = sorted(len(t.description.split()) for t in tics)
        print(
            f"{name}: {len(arts)} articles, {len(tics)} tickets, {len(qs)} queries, "
            f"{len(probes)} probes; ticket description words median {words[len(words) // 2]}, "
            f"max {words[-1]}"
        )
