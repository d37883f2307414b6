"""What a search returns: results as shown to a person, every text masked."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class SearchResult:
    """One hit as shown to a person: every text masked for secrets and personal data."""

    kind: str
    id: str
    title: str
    score: float
    snippet: str = ""
    highlights: tuple[tuple[int, int], ...] = ()
    snippet_html: str = ""
    anchor: str = ""
    section: str = ""
    article_type: str = ""
    author: str = ""
    updated: datetime | None = None
    quality: float | None = None
    client: str = ""
    category: str = ""
    status: str = ""
    reopen_count: int = 0
    lexical_score: float | None = None
    semantic_score: float | None = None
    answer: bool = False  # an article in the answers block
    note_score: float | None = None  # a ticket's closure-note score (0-100)
    exact: tuple[str, ...] = ()  # the query's exact tokens this record holds
    family_id: str | None = None  # the issue family (or "near:ID" for near-duplicates)
    similar_count: int = 0  # tickets of the same family collapsed under this one
    collapsed_ids: tuple[str, ...] = ()  # their ids, best first
    similar: tuple[CollapsedTicket, ...] = ()  # the first of them, to expand in place

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["key"] = self.key
        data["highlights"] = [list(span) for span in self.highlights]
        data["updated"] = self.updated.isoformat() if self.updated else None
        data["exact"] = list(self.exact)
        data["collapsed_ids"] = list(self.collapsed_ids)
        data["similar"] = [ticket.as_dict() for ticket in self.similar]
        return data


@dataclass(frozen=True)
class CollapsedTicket:
    """A ticket shown when its family's entry is expanded: masked title and closure note."""

    id: str
    title: str
    resolution: str
    updated: datetime | None = None
    note_score: float | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["updated"] = self.updated.isoformat() if self.updated else None
        return data


@dataclass(frozen=True)
class SearchResponse:
    query: str
    results: tuple[SearchResult, ...]
    did_you_mean: str | None = None
    log_id: int | None = None
    filters: dict[str, str] = field(default_factory=dict)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    exact: tuple[str, ...] = ()  # the codes, ids, host names and phrases the query names
    absent: tuple[str, ...] = ()  # those of them no document holds

    @property
    def answers(self) -> tuple[SearchResult, ...]:
        """The articles shown as answers, ahead of everything else."""
        return tuple(result for result in self.results if result.answer)

    @property
    def others(self) -> tuple[SearchResult, ...]:
        return tuple(result for result in self.results if not result.answer)

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "did_you_mean": self.did_you_mean,
            "log_id": self.log_id,
            "filters": self.filters,
            "facets": self.facets,
            "exact": list(self.exact),
            "absent": list(self.absent),
            "results": [result.as_dict() for result in self.results],
        }


@dataclass(frozen=True)
class LinkedArticle:
    id: str
    title: str  # empty when the article is not in the knowledge base


@dataclass(frozen=True)
class SimilarTicket:
    id: str
    title: str
    score: float
    resolution: str  # the closure note, masked
    status: str = ""
    client: str = ""
    category: str = ""
    resolved_at: datetime | None = None
    reopen_count: int = 0
    articles: tuple[LinkedArticle, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["resolved_at"] = self.resolved_at.isoformat() if self.resolved_at else None
        return data
