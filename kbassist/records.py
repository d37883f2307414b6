"""Plain records that flow between parsing, ingest and the services.

They are frozen dataclasses with no I/O; ``content_hash`` is what ingest and
every downstream cache (scores, embeddings, indexes) use to skip unchanged data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


def content_hash(value: Any) -> str:
    """SHA-256 of a canonical JSON rendering (datetimes as ISO strings)."""
    text = json.dumps(
        value, sort_keys=True, default=_iso, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    """SHA-256 of a text, the key of the embedding cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ticket_text(title: str, description: str) -> str:
    """What a ticket is embedded as: search, similar tickets and clustering share the cache."""
    return f"{title}\n{description or ''}".strip()


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not serialisable: {type(value).__name__}")


@dataclass(frozen=True)
class NoteRecord:
    author: str
    created_at: datetime | None
    text: str
    internal: bool = False


@dataclass(frozen=True)
class TicketRecord:
    """One ticket in the canonical import schema (see README, 'Import formats')."""

    id: str
    title: str
    description: str = ""
    resolution: str = ""
    status: str = ""
    priority: str = ""
    category: str = ""
    client: str = ""
    assignee: str = ""
    created_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    time_spent_minutes: float | None = None
    reopen_count: int = 0
    escalation_count: int = 0
    kb_links: tuple[str, ...] = ()
    notes: tuple[NoteRecord, ...] = ()
    source: str = "canonical"

    @property
    def content_hash(self) -> str:
        data = asdict(self)
        data.pop("source")
        return content_hash(data)


@dataclass(frozen=True)
class Section:
    """A part of an article under one heading path, for search and scoring."""

    heading_path: tuple[str, ...]
    text: str
    line: int  # 1-based line in the markdown body where the section starts
    level: int = 0  # heading level, 0 for text before the first heading

    @property
    def anchor(self) -> str:
        return slug(self.heading_path[-1]) if self.heading_path else ""


@dataclass(frozen=True)
class ArticleRecord:
    """One knowledge-base article parsed from markdown with YAML front matter."""

    id: str
    title: str
    type: str
    body: str
    author: str = ""
    contributors: tuple[str, ...] = ()
    created: datetime | None = None
    updated: datetime | None = None
    tags: tuple[str, ...] = ()
    clients: tuple[str, ...] = ()
    path: str = ""
    updated_by: str = ""  # who made this revision; defaults to the author
    sections: tuple[Section, ...] = field(default=(), compare=False)

    @property
    def content_hash(self) -> str:
        data = asdict(self)
        for transient in ("sections", "path"):
            data.pop(transient)
        return content_hash(data)


@dataclass(frozen=True)
class Reject:
    """A row that was not loaded: where it is, which field, and why."""

    file: str
    # 1-based physical line in the file: the CSV header is line 1, and a multi-line
    # CSV row is reported at its first line.
    row: int
    field: str
    reason: str
    record_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


ARTICLE_TYPES = ("playbook", "how-to", "troubleshooting", "known-error", "reference")


def slug(text: str) -> str:
    """A URL anchor for a heading: lower case, words joined by hyphens."""
    kept = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in kept.split("-") if part)
