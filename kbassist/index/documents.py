"""What the indexes store: one ``SearchDoc`` per article section or resolved ticket.

The lexical backends and the semantic index keep the same documents with the
same filterable fields (kind, article type, client, category, date), normalised
here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

KINDS = ("article", "ticket")
ALL_CLIENTS = "*"  # articles without a client list apply to every client
FACET_FIELDS = ("kind", "article_type", "client", "category")


@dataclass(frozen=True)
class SearchDoc:
    """One indexed unit: an article section or a resolved ticket."""

    key: str  # "article:KB-0001#anchor" or "ticket:T-1"
    record: str  # "article:KB-0001" or "ticket:T-1": what the database row is
    kind: str
    ref_id: str
    title: str
    heading: str = ""
    body: str = ""
    anchor: str = ""
    article_type: str = ""
    clients: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    updated: datetime | None = None

    def filter_values(self) -> dict[str, tuple[str, ...]]:
        """Normalised values of the filterable fields (what the indexes store)."""
        clients = tuple(filter_value(c) for c in self.clients if filter_value(c))
        if self.kind == "article" and not clients:
            clients = (ALL_CLIENTS,)
        return {
            "kind": (self.kind,),
            "article_type": (filter_value(self.article_type),) if self.article_type else (),
            "client": clients,
            "category": tuple(filter_value(c) for c in self.categories if filter_value(c)),
        }


@dataclass(frozen=True)
class RecordDocs:
    """All documents of one database record, with the hash of what they were built from."""

    record: str
    content_hash: str
    docs: tuple[SearchDoc, ...]


def filter_value(text: str) -> str:
    """A filter value as the indexes store it: spaces folded, lower case."""
    return " ".join(text.split()).lower()
