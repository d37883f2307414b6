"""Database records as index documents: article sections and resolved tickets.

Pure functions: a record's fields in, the documents both indexes store and the
texts to embed out. ``DOC_FORMAT`` is part of every manifest hash, so changing
how documents are built re-indexes every record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from kbassist.articles import section_anchors, split_sections
from kbassist.index.documents import SearchDoc
from kbassist.records import ticket_text
from kbassist.search.reports import PASSAGE_WORDS, clean_report, passages

DOC_FORMAT = "2"  # bump when documents are built differently: every record re-indexes

RESOLVED_STATUSES = frozenset(
    {"resolved", "closed", "complete", "completed", "done", "solved", "fixed", "closed complete"}
)
OPEN_STATUSES = frozenset(
    {
        "new",
        "open",
        "reopened",
        "re-opened",
        "in progress",
        "pending",
        "on hold",
        "waiting",
        "assigned",
        "active",
        "scheduled",
        "awaiting customer",
        "in-progress",
    }
)


@dataclass(frozen=True)
class IndexedRecord:
    """A database record as documents for both indexes, with the texts to embed."""

    record: str
    content_hash: str
    docs: tuple[SearchDoc, ...]
    texts: tuple[str, ...]  # one embedding text per document
    # Further windows of a long ticket, for the semantic index only (``ticket:ID#p2``...).
    passages: tuple[SearchDoc, ...] = ()
    passage_texts: tuple[str, ...] = ()


def index_hash(content_hash: str) -> str:
    """What the manifests store: the record's content hash under this document format."""
    return f"{DOC_FORMAT}:{content_hash}"


def is_resolved(status: str, resolved_at: datetime | None, closed_at: datetime | None) -> bool:
    """A ticket worth searching: resolved or closed (not reopened or still open)."""
    state = " ".join((status or "").lower().split())
    if state in RESOLVED_STATUSES:
        return True
    if state in OPEN_STATUSES:
        return False
    return resolved_at is not None or closed_at is not None


def article_record(
    article_id: str,
    title: str,
    article_type: str,
    body: str,
    *,
    content_hash: str,
    clients: Sequence[str] = (),
    tags: Sequence[str] = (),
    updated: datetime | None = None,
) -> IndexedRecord:
    """One document per section: key ``article:ID#anchor``, the heading path as its heading."""
    sections = split_sections(body)
    anchors = section_anchors(s.heading_path[-1] if s.heading_path else "" for s in sections)
    # A leading H1 is the page title again: keep it out of every heading path.
    page_title = sections[0].heading_path[:1] if sections and sections[0].level == 1 else ()
    docs, texts = [], []
    for section, anchor in zip(sections, anchors, strict=True):
        if not section.text.strip():
            continue  # a heading with nothing under it; its words live on in its subsections
        path = section.heading_path
        heading = " / ".join(path[1:] if page_title and path[:1] == page_title else path)
        docs.append(
            SearchDoc(
                key=f"article:{article_id}" + (f"#{anchor}" if anchor else ""),
                record=f"article:{article_id}",
                kind="article",
                ref_id=article_id,
                title=title,
                heading=heading,
                body=section.text,
                anchor=anchor,
                article_type=article_type,
                clients=tuple(clients),
                categories=tuple(tags),
                updated=updated,
            )
        )
        texts.append("\n".join(part for part in (title, heading, section.text) if part))
    if not docs:
        docs.append(
            SearchDoc(
                key=f"article:{article_id}",
                record=f"article:{article_id}",
                kind="article",
                ref_id=article_id,
                title=title,
                article_type=article_type,
                clients=tuple(clients),
                categories=tuple(tags),
                updated=updated,
            )
        )
        texts.append(title)
    return IndexedRecord(
        f"article:{article_id}", index_hash(content_hash), tuple(docs), tuple(texts)
    )


def ticket_record(
    ticket_id: str,
    title: str,
    description: str,
    resolution: str,
    *,
    content_hash: str,
    client: str = "",
    category: str = "",
    updated: datetime | None = None,
) -> IndexedRecord:
    """One document: title, description and closure note; embedded on title and description.

    A long description (a pasted e-mail with logs) is embedded as its prose only
    (``reports.clean_report``), cut into windows: the first with the title, the
    others as passages of their own, so nothing past the model's limit is lost.
    """
    doc = SearchDoc(
        key=f"ticket:{ticket_id}",
        record=f"ticket:{ticket_id}",
        kind="ticket",
        ref_id=ticket_id,
        title=title,
        body="\n\n".join(part for part in (description, resolution) if part),
        clients=(client,) if client else (),
        categories=(category,) if category else (),
        updated=updated,
    )
    windows = report_windows(description)
    extra = tuple(
        SearchDoc(
            key=f"{doc.key}#p{number}",
            record=doc.record,
            kind="ticket",
            ref_id=ticket_id,
            title=title,
            clients=doc.clients,
            categories=doc.categories,
            updated=updated,
        )
        for number in range(2, len(windows) + 1)
    )
    return IndexedRecord(
        doc.record,
        index_hash(content_hash),
        (doc,),
        (ticket_text(title, windows[0]),),
        extra,
        tuple(windows[1:]),
    )


def report_windows(description: str) -> list[str]:
    """A ticket description as the texts to embed: itself when short, else its prose in windows."""
    if len(description.split()) <= PASSAGE_WORDS:
        return [description]
    return passages(clean_report(description)) or [description[:2000]]


def split_records(records: Iterable[str]) -> tuple[list[str], list[str]]:
    """Record keys (``ticket:ID``, ``article:ID``) as sorted ticket ids and article ids."""
    tickets: list[str] = []
    articles: list[str] = []
    for record in sorted(set(records)):
        kind, _, ref = record.partition(":")
        (tickets if kind == "ticket" else articles).append(ref)
    return tickets, articles
