"""mask secrets and personal data in the text already stored

Revision ID: 0003
Revises: 0002

Before this revision, tickets and articles were stored as they came and masked
only when shown. Since then ingest masks before storing; this brings the rows of
an existing instance to the same state: every free-text column that holds
ingested or typed text is passed through ``kbassist.hygiene.mask`` (which leaves
text already masked as it is). Content hashes are left alone (they are the hash
of the raw input, so re-ingesting the same file stays "unchanged"), which is why
the search indexes, keyed by those hashes, would not notice: the migration marks
them for a full rebuild (``search_index_stale`` in ``meta``), which the next
search, ``kbassist serve`` or ``kbassist reindex`` carries out.

It uses the masking code of the release it ships in; running it again later
with better detectors masks what they find.
"""

import json
from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 500
STALE_KEY = "search_index_stale"  # kbassist.search.indexing.STALE_KEY

# table -> (primary key columns, plain text columns, JSON list-of-strings columns)
PLAIN: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "tickets": (
        ("id",),
        ("title", "description", "resolution", "status", "priority", "category"),
        (),
    ),
    "ticket_notes": (("id",), ("author", "text"), ()),
    "articles": (("id",), ("title", "body", "path"), ("tags", "clients")),
    "article_versions": (("id",), ("title", "body"), ()),
    "families": (("id",), ("label",), ()),
    "search_log": (("id",), ("query",), ()),
    "review_labels": (("id",), ("reason", "comment"), ()),
}
# Findings are stored as JSON lists of objects; their words are masked field by field.
FINDINGS: dict[str, str] = {"note_scores": "ticket_id", "article_scores": "article_id"}
# Names are unique: a masked name that collides with another keeps its row id.
NAMES = ("clients", "technicians")


def upgrade() -> None:
    from kbassist.hygiene import mask

    connection = op.get_bind()
    for name, (keys, columns, lists) in PLAIN.items():
        _remask(connection, name, keys, columns, lists, mask)
    for name, key in FINDINGS.items():
        _remask_findings(connection, name, key, mask)
    for name in NAMES:
        _remask_names(connection, name, mask)
    tickets = sa.table("tickets", sa.column("id"))
    articles = sa.table("articles", sa.column("id"))
    held = (
        connection.execute(sa.select(tickets.c.id).limit(1)).first()
        or connection.execute(sa.select(articles.c.id).limit(1)).first()
    )
    if held is None:  # a new instance: no index was built from clear text
        return
    meta = sa.table("meta", sa.column("key"), sa.column("value"))
    connection.execute(sa.delete(meta).where(meta.c.key == STALE_KEY))
    connection.execute(sa.insert(meta).values(key=STALE_KEY, value="0003: stored text masked"))


def downgrade() -> None:
    # What was masked is gone: there is nothing to restore.
    pass


def _rows(connection: Any, table: Any, key: str, columns: tuple[str, ...]) -> Iterator[list[Any]]:
    """The rows of a table in primary-key order, a batch at a time (bounded memory)."""
    last = None
    while True:
        query = sa.select(*(table.c[c] for c in (key, *columns))).order_by(table.c[key])
        if last is not None:
            query = query.where(table.c[key] > last)
        batch = connection.execute(query.limit(BATCH)).fetchall()
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def _remask(
    connection: Any,
    name: str,
    keys: tuple[str, ...],
    columns: tuple[str, ...],
    lists: tuple[str, ...],
    mask: Callable[[str], str],
) -> int:
    """Mask a table's text columns; the number of rows changed (0007 reuses it)."""
    (key,) = keys
    table = sa.table(name, *(sa.column(c) for c in (key, *columns, *lists)))
    changed = 0
    for batch in _rows(connection, table, key, (*columns, *lists)):
        changes = []
        for row in batch:
            values = dict(zip((key, *columns, *lists), row, strict=True))
            new = {c: mask(values[c]) for c in columns if values[c]}
            new.update({c: _masked_list(values[c], mask) for c in lists if values[c]})
            new = {c: v for c, v in new.items() if v != values[c]}
            if new:
                changes.append((values[key], new))
        changed += _apply(connection, table, key, changes)
    return changed


def _masked_list(raw: str, mask: Callable[[str], str]) -> str:
    try:
        items = json.loads(raw)
    except ValueError:
        return mask(raw)
    if not isinstance(items, list):
        return mask(raw)
    return json.dumps([mask(item) if isinstance(item, str) else item for item in items])


def _remask_findings(connection: Any, name: str, key: str, mask: Callable[[str], str]) -> int:
    table = sa.table(name, sa.column(key), sa.column("findings"))
    changes = []
    for batch in _rows(connection, table, key, ("findings",)):
        for row_key, raw in batch:
            try:
                findings = json.loads(raw or "[]")
            except ValueError:
                changes.append((row_key, {"findings": "[]"}))
                continue
            masked = (
                [
                    {k: mask(v) if isinstance(v, str) else v for k, v in item.items()}
                    if isinstance(item, dict)
                    else item
                    for item in findings
                ]
                if isinstance(findings, list)
                else []
            )
            if masked != findings:
                changes.append((row_key, {"findings": json.dumps(masked)}))
    return _apply(connection, table, key, changes)


def _remask_names(connection: Any, name: str, mask: Callable[[str], str]) -> int:
    table = sa.table(name, sa.column("id"), sa.column("name"))
    taken = {row.name for row in connection.execute(sa.select(table.c.name))}
    changes = []
    for row in connection.execute(sa.select(table.c.id, table.c.name).order_by(table.c.id)):
        masked = mask(row.name)
        if masked == row.name:
            continue
        if masked in taken:
            masked = f"{masked} #{row.id}"
        taken.add(masked)
        changes.append((row.id, {"name": masked}))
    return _apply(connection, table, "id", changes)


def _apply(connection: Any, table: Any, key: str, changes: list[tuple[Any, dict[str, str]]]) -> int:
    for row_key, values in changes:
        connection.execute(sa.update(table).where(table.c[key] == row_key).values(**values))
    return len(changes)
