"""Ingest: idempotent upserts of tickets and articles, all or nothing per run.

Parsing is pure (``kbassist.ingest.tickets``, ``kbassist.articles``); this service
writes what parsed into the store inside one transaction, reports the counts
and the ids that changed, and writes the rejects next to the summary. Records are
stored masked (``kbassist.ingest.redaction``) under the hash of their raw input,
and rejects and warnings are masked before they are reported. What follows an
ingest (scores, indexes, families) is ``kbassist.pipeline``'s work.
"""

from __future__ import annotations

import csv
import difflib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.articles import Source, parse_folder, parse_sources
from kbassist.core import Core
from kbassist.decoding import path_text
from kbassist.errors import InvalidInput
from kbassist.hygiene import mask
from kbassist.ingest.archives import read_files, read_zip
from kbassist.ingest.redaction import masked_article, masked_reject, masked_ticket
from kbassist.records import ArticleRecord, Reject, TicketRecord
from kbassist.store import utc_now

Progress = Callable[[int], None]
BATCH = 500


@dataclass
class IngestReport:
    """What one ingest run did; ``as_dict`` is the CLI's and the API's ``--json`` output."""

    kind: str
    source: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejects_file: str | None = None
    changed_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source": self.source,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "rejects": [r.as_dict() for r in self.rejects],
            "warnings": list(self.warnings),
            "rejects_file": self.rejects_file,
        }

    def summary(self) -> str:
        line = (
            f"{self.kind} from {self.source}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.rejected} rejected"
        )
        if self.added == self.updated == self.rejected == 0 and self.unchanged:
            line += " (nothing changed)"
        for reject in self.rejects[:20]:
            line += f"\n  {reject.file}:{reject.row} {reject.field}: {reject.reason}"
        if len(self.rejects) > 20:
            line += f"\n  ... {len(self.rejects) - 20} more"
        if self.rejects_file:
            line += f"\nRejected rows written to {self.rejects_file}"
        for warning in self.warnings:
            line += f"\nWarning: {warning}"
        return line


# ---------------------------------------------------------------- tickets


def ingest_tickets(
    core: Core,
    path: Path,
    *,
    preset: str | None = None,
    mapping: Path | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Load a ticket export (JSON Lines or CSV, canonical or through a preset or mapping)."""
    from kbassist.ingest.presets import PRESETS, load_mapping
    from kbassist.ingest.tickets import parse_tickets

    if preset and mapping:
        raise InvalidInput("Use either --preset or --mapping, not both.")
    chosen = None
    if preset:
        if preset not in PRESETS:
            raise InvalidInput(
                f"Unknown preset {preset!r}; choose one of: {', '.join(sorted(PRESETS))}."
            )
        chosen = PRESETS[preset]
    elif mapping:
        chosen = load_mapping(Path(mapping))
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"{path_text(path)}: no such file.")
    parsed = parse_tickets(path, chosen, now=utc_now())
    return store_tickets(
        core,
        parsed.records,
        source=path_text(path),
        rejects=list(parsed.rejects),
        warnings=list(parsed.warnings),
        progress=progress,
    )


def store_tickets(
    core: Core,
    records: Sequence[TicketRecord],
    *,
    source: str,
    rejects: list[Reject] | None = None,
    warnings: list[str] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Upsert parsed tickets in one transaction; the report names the ids that changed.

    The masking (about a millisecond a ticket) is done before the transaction, so
    the database's write lock is held for the inserts only: on SQLite, every
    other writer (a search's log line, a pre-close check) waits while it is held.
    """
    report = _new_report("tickets", source, rejects, warnings)
    now = utc_now()
    masked = _masked_in_advance(core, records, progress)
    with core.begin() as conn:
        people = _NameCache(conn, store.technicians)
        companies = _NameCache(conn, store.clients)
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            existing = _existing_hashes(conn, store.tickets, [r.id for r in batch])
            added: list[dict[str, Any]] = []
            changed: list[TicketRecord] = []
            for index, record in enumerate(batch, start=start):
                digest = record.content_hash
                old = existing.get(record.id)
                if old == digest:
                    report.unchanged += 1
                    continue
                record = masked.get(index) or masked_ticket(record)
                row = _ticket_row(record, digest, now, people, companies)
                if old is None:
                    added.append(row)
                else:
                    conn.execute(
                        store.tickets.update().where(store.tickets.c.id == record.id).values(**row)
                    )
                    report.updated += 1
                changed.append(record)
            # One statement per table and batch: row-by-row inserts dominated ingest time.
            if added:
                conn.execute(store.tickets.insert(), added)
                report.added += len(added)
            _replace_children(conn, changed, people)
            report.changed_ids.extend(record.id for record in changed)
    report.rejected = len(report.rejects)
    report.rejects_file = _write_rejects(core, report.source, report.rejects)
    return report


def _masked_in_advance(
    core: Core, records: Sequence[TicketRecord], progress: Progress | None
) -> dict[int, TicketRecord]:
    """The masked form of each record (by position) that differs from what is stored now.

    Read outside the write transaction; ``store_tickets`` checks the hashes again
    inside it and masks on the spot whatever changed in between. This is the slow
    part of storing, so it is what ``progress`` counts.
    """
    masked: dict[int, TicketRecord] = {}
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        with core.connect() as conn:
            existing = _existing_hashes(conn, store.tickets, [record.id for record in batch])
        for index, record in enumerate(batch, start=start):
            if existing.get(record.id) != record.content_hash:
                masked[index] = masked_ticket(record)
        if progress:
            progress(len(batch))
    return masked


def _ticket_row(
    record: TicketRecord, digest: str, now: datetime, people: _NameCache, companies: _NameCache
) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "description": record.description,
        "resolution": record.resolution,
        "status": record.status,
        "priority": record.priority,
        "category": record.category,
        "client_id": companies.get(record.client),
        "assignee_id": people.get(record.assignee),
        "created_at": record.created_at,
        "resolved_at": record.resolved_at,
        "closed_at": record.closed_at,
        "time_spent_minutes": record.time_spent_minutes,
        "reopen_count": record.reopen_count,
        "escalation_count": record.escalation_count,
        "source": record.source,
        "content_hash": digest,
        "ingested_at": now,
    }


def _replace_children(conn: Connection, records: list[TicketRecord], people: _NameCache) -> None:
    """Write the notes and article links of changed tickets, dropping their old ones."""
    if not records:
        return
    ids = [record.id for record in records]
    conn.execute(delete(store.ticket_notes).where(store.ticket_notes.c.ticket_id.in_(ids)))
    links_table = store.ticket_article_links
    conn.execute(delete(links_table).where(links_table.c.ticket_id.in_(ids)))
    notes = [
        {
            "ticket_id": record.id,
            "seq": seq,
            "author": note.author,
            "author_id": people.find(note.author),
            "created_at": note.created_at,
            "text": note.text,
            "internal": note.internal,
        }
        for record in records
        for seq, note in enumerate(record.notes, start=1)
    ]
    if notes:
        conn.execute(store.ticket_notes.insert(), notes)
    links = [
        {"ticket_id": record.id, "article_id": link}
        for record in records
        for link in sorted(set(record.kb_links))
    ]
    if links:
        conn.execute(links_table.insert(), links)


# ---------------------------------------------------------------- articles


def ingest_kb(core: Core, folder: Path, *, progress: Progress | None = None) -> IngestReport:
    """Load a folder of markdown articles; a changed article gets a new version."""
    parsed = parse_folder(Path(folder), now=utc_now())
    return store_articles(
        core,
        parsed.records,
        source=path_text(folder),
        rejects=list(parsed.rejects),
        warnings=list(parsed.warnings),
        progress=progress,
    )


def ingest_kb_upload(
    core: Core,
    archive: tuple[str, BinaryIO] | None = None,
    files: Sequence[tuple[str, BinaryIO]] = (),
) -> IngestReport:
    """Load uploaded articles: one zip archive (name, stream) and/or loose markdown files."""
    return store_upload(core, read_kb_upload(archive, files))


def read_kb_upload(
    archive: tuple[str, BinaryIO] | None = None,
    files: Sequence[tuple[str, BinaryIO]] = (),
) -> KbUpload:
    """The markdown of an upload read in memory with the archive limits; nothing stored.

    Raises InvalidInput when there is nothing to load (not a zip, no markdown).
    """
    parts = [read_zip(archive[1], archive[0])] if archive else []
    if files:
        parts.append(read_files(files))
    sources = [source for part in parts for source in part.sources]
    if not sources and not any(part.rejects for part in parts):
        if archive:
            raise InvalidInput(f"file: {archive[0]} holds no markdown (.md) files.")
        raise InvalidInput("files: attach markdown files as 'files' or a zip as 'file'.")
    return KbUpload(
        archive[0] if archive else "upload",
        tuple(sources),
        tuple(reject for part in parts for reject in part.rejects),
        tuple(warning for part in parts for warning in part.warnings),
    )


@dataclass(frozen=True)
class KbUpload:
    """An upload's markdown files (already read and checked) and what was refused."""

    source: str
    sources: tuple[Source, ...]
    rejects: tuple[Reject, ...] = ()
    warnings: tuple[str, ...] = ()


def store_upload(core: Core, upload: KbUpload) -> IngestReport:
    """Parse and store the articles of a read upload (its rejects reported with the rest)."""
    parsed = parse_sources(upload.sources, now=utc_now())
    return store_articles(
        core,
        parsed.records,
        source=upload.source,
        rejects=list(upload.rejects) + list(parsed.rejects),
        warnings=list(upload.warnings) + list(parsed.warnings),
    )


def store_articles(
    core: Core,
    records: Sequence[ArticleRecord],
    *,
    source: str,
    rejects: list[Reject] | None = None,
    warnings: list[str] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Upsert articles and their version history in one transaction."""
    report = _new_report("articles", source, rejects, warnings)
    now = utc_now()
    with core.begin() as conn:
        people = _NameCache(conn, store.technicians)
        companies = _NameCache(conn, store.clients)
        existing = _existing_hashes(conn, store.articles, [r.id for r in records])
        for record in records:
            digest = record.content_hash
            old = existing.get(record.id)
            if old == digest:
                report.unchanged += 1
            else:
                stored = masked_article(record)
                _upsert_article(conn, stored, digest, old is not None, now, people, companies)
                if old is None:
                    report.added += 1
                else:
                    report.updated += 1
                report.changed_ids.append(record.id)
            if progress:
                progress(1)
    report.rejected = len(report.rejects)
    report.rejects_file = _write_rejects(core, report.source, report.rejects)
    return report


def _upsert_article(
    conn: Connection,
    record: ArticleRecord,
    digest: str,
    exists: bool,
    now: datetime,
    people: _NameCache,
    companies: _NameCache,
) -> None:
    table, versions = store.articles, store.article_versions
    previous = conn.execute(
        select(versions.c.version, versions.c.body)
        .where(versions.c.article_id == record.id)
        .order_by(versions.c.version.desc())
        .limit(1)
    ).first()
    version = (previous.version + 1) if previous else 1
    editor_name = record.updated_by or (
        record.author if version == 1 or not record.contributors else record.contributors[-1]
    )
    added, removed = _chars_changed(previous.body if previous else "", record.body)
    row = {
        "title": record.title,
        "type": record.type,
        "body": record.body,
        "author_id": people.get(record.author),
        "created": record.created,
        "updated": record.updated,
        "tags": json.dumps(list(record.tags)),
        "clients": json.dumps(list(record.clients)),
        "path": record.path,
        "content_hash": digest,
        "version": version,
        "ingested_at": now,
    }
    if exists:
        conn.execute(table.update().where(table.c.id == record.id).values(**row))
    else:
        conn.execute(table.insert().values(id=record.id, **row))
    conn.execute(
        versions.insert().values(
            article_id=record.id,
            version=version,
            editor_id=people.get(editor_name),
            changed_at=record.updated or record.created or now,
            title=record.title,
            body=record.body,
            content_hash=digest,
            chars_added=added,
            chars_removed=removed,
        )
    )
    conn.execute(
        delete(store.article_contributors).where(
            store.article_contributors.c.article_id == record.id
        )
    )
    contributor_ids = sorted(
        {tid for name in record.contributors if (tid := people.get(name)) is not None}
    )
    if contributor_ids:
        conn.execute(
            store.article_contributors.insert(),
            [{"article_id": record.id, "technician_id": tid} for tid in contributor_ids],
        )
    for name in record.clients:
        companies.get(name)


def _chars_changed(before: str, after: str) -> tuple[int, int]:
    """Characters in lines added and removed between two bodies (line diff)."""
    added = removed = 0
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("+ "):
            added += len(line) - 2
        elif line.startswith("- "):
            removed += len(line) - 2
    return added, removed


# ---------------------------------------------------------------- helpers


def _new_report(
    kind: str, source: str, rejects: list[Reject] | None, warnings: list[str] | None
) -> IngestReport:
    """A report whose rejects and warnings quote no secret (they end up in a CSV and a page)."""
    return IngestReport(
        kind,
        mask(source),
        rejects=[masked_reject(reject) for reject in rejects or []],
        warnings=[mask(warning) for warning in warnings or []],
    )


class _NameCache:
    """Get-or-create rows of a (id, name) table by name within one transaction."""

    def __init__(self, conn: Connection, table: Any) -> None:
        self.conn = conn
        self.table = table
        self.ids: dict[str, int] = {
            name: row_id for row_id, name in conn.execute(select(table.c.id, table.c.name))
        }

    def find(self, name: str) -> int | None:
        return self.ids.get(name.strip()) if name else None

    def get(self, name: str) -> int | None:
        name = (name or "").strip()
        if not name:
            return None
        if name not in self.ids:
            result = self.conn.execute(self.table.insert().values(name=name))
            self.ids[name] = store.inserted_id(result)
        return self.ids[name]


def _existing_hashes(conn: Connection, table: Any, ids: Iterable[str]) -> dict[str, str]:
    ids = list(ids)
    found: dict[str, str] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for row_id, digest in conn.execute(
            select(table.c.id, table.c.content_hash).where(table.c.id.in_(chunk))
        ):
            found[row_id] = digest
    return found


def _write_rejects(core: Core, source: str, rejects: list[Reject]) -> str | None:
    """Write rejects as CSV under HOME/rejects/, named after the source; None when none."""
    if not rejects:
        return None
    folder = core.home / "rejects"
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(source).name or "input"
    path = folder / f"{name}.rejects.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "row", "field", "reason", "record_id"])
        writer.writeheader()
        for reject in rejects:
            writer.writerow(asdict(reject))
    return str(path)
