"""Records as they are stored: every secret and piece of personal data masked first.

A secret written in a ticket must not reach the database, the indexes, a page
or an export, so ingest stores these masked copies; the record's
``content_hash`` is taken from the raw input before masking, so the same file
ingested again is still "unchanged". Every free-text field is masked, names and
labels included (a client or category field can hold anything an export put
there); identifiers (ticket and article ids, linked article ids) and the article
type are kept as they are.
"""

from __future__ import annotations

from dataclasses import replace

from kbassist.articles import split_sections
from kbassist.hygiene import mask
from kbassist.records import ArticleRecord, NoteRecord, Reject, TicketRecord


def masked_ticket(record: TicketRecord) -> TicketRecord:
    """The ticket with its text, names and labels masked."""
    return replace(
        record,
        title=mask(record.title),
        description=mask(record.description),
        resolution=mask(record.resolution),
        status=mask(record.status),
        priority=mask(record.priority),
        category=mask(record.category),
        client=mask(record.client),
        assignee=mask(record.assignee),
        notes=tuple(_masked_note(note) for note in record.notes),
    )


def _masked_note(note: NoteRecord) -> NoteRecord:
    return replace(note, author=mask(note.author), text=mask(note.text))


def masked_article(record: ArticleRecord) -> ArticleRecord:
    """The article with its title, body, names, tags and clients masked."""
    body = mask(record.body)
    return replace(
        record,
        title=mask(record.title),
        body=body,
        author=mask(record.author),
        contributors=tuple(mask(name) for name in record.contributors),
        tags=tuple(mask(tag) for tag in record.tags),
        clients=tuple(mask(name) for name in record.clients),
        path=mask(record.path),
        updated_by=mask(record.updated_by),
        sections=split_sections(body) if record.sections else (),
    )


def masked_reject(reject: Reject) -> Reject:
    """A rejected row's report without the values it may quote ("not a date: 'pw=...'")."""
    return replace(
        reject,
        file=mask(reject.file),
        field=mask(reject.field),
        reason=mask(reject.reason),
        record_id=mask(reject.record_id),
    )
