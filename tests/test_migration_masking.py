"""Migration 0003 masks what an instance stored in clear before ingest masked it.

The instance is built at revision 0001 with rows written the old way (raw text,
content hashes of the raw input) and indexes built from them; upgrading masks
every stored text, keeps the hashes, and the next catch-up rebuilds the indexes
so a search no longer finds the secret.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, select

from kbassist import store
from kbassist.core import Core
from kbassist.hygiene import mask
from kbassist.records import content_hash
from kbassist.search import indexing
from kbassist.search import service as search
from kbassist.settings import Settings

NOTE = "Reset the account and gave her temp pw Summer2025! over the phone. Verified login."
WHEN = datetime(2025, 3, 3, 9, 0)
VALUES = ("Summer2025", "C@stle!Fgt80", "jane.doe1970", "Ac0unt!Name", "Rev1ew!Note")


def _core(home: Path) -> Core:
    return Core(Settings.load({"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "k"}))


def _old_instance(core: Core) -> str:
    """An instance at 0001 holding secrets in clear, as the release before 0003 stored them."""
    core.home.mkdir(parents=True, exist_ok=True)
    store.migrate(core.engine, "0001")
    digest = content_hash({"raw": NOTE})
    with core.begin() as conn:
        client = store.inserted_id(
            conn.execute(store.clients.insert().values(name="Acme (pw Ac0unt!Name)"))
        )
        conn.execute(store.clients.insert().values(name="Acme (pw ••••••)"))  # a clash to come
        conn.execute(
            store.tickets.insert().values(
                id="T-1", title="Locked out, mailed jane.doe1970@gmail.com", description="",
                resolution=NOTE, status="Closed", client_id=client, created_at=WHEN,
                resolved_at=WHEN, content_hash=digest, ingested_at=WHEN,
            )
        )  # fmt: skip
        conn.execute(
            store.ticket_notes.insert().values(
                ticket_id="T-1", seq=1, author="Dana", text="admin / C@stle!Fgt80 worked"
            )
        )
        conn.execute(
            store.articles.insert().values(
                id="KB-1", title="VPN", type="how-to", body="## Steps\n\npassword: Summer2025!",
                tags=json.dumps(["vpn", "pw Summer2025!"]), content_hash="a" * 64,
                ingested_at=WHEN,
            )
        )  # fmt: skip
        conn.execute(
            store.article_versions.insert().values(
                article_id="KB-1", version=1, title="VPN", body="password: Summer2025!",
                content_hash="a" * 64,
            )
        )  # fmt: skip
        run = store.inserted_id(conn.execute(store.cluster_runs.insert().values(started_at=WHEN)))
        conn.execute(
            store.families.insert().values(run_id=run, label="locked / jane.doe1970@gmail.com")
        )
        conn.execute(store.search_log.insert().values(query="temp pw Summer2025!", created_at=WHEN))
        finding = {"rule": "secret", "message": "A password: “temp pw Summer2025!”"}
        conn.execute(
            store.note_scores.insert().values(
                ticket_id="T-1", content_hash=digest, score=40.0, criteria_score=40.0,
                findings=json.dumps([finding]), blocking=True, scored_at=WHEN,
            )
        )  # fmt: skip
        _review_comment(conn, "never write pw Rev1ew!Note")
    return digest


def _review_comment(conn: Any, comment: str) -> None:
    """A reviewer's comment on T-1 stored as typed (as before a comment was masked)."""
    conn.execute(
        store.review_labels.insert().values(
            ticket_id="T-1", label="needs-work", comment=comment, created_at=WHEN
        )
    )


def _dump(core: Core) -> str:
    tables = (
        store.tickets, store.ticket_notes, store.clients, store.articles,
        store.article_versions, store.families, store.search_log, store.note_scores,
        store.review_labels,
    )  # fmt: skip
    with core.connect() as conn:
        # Reflected: an instance at 0001 lacks the columns later migrations add.
        found = [Table(t.name, MetaData(), autoload_with=conn) for t in tables]
        return json.dumps(
            [[list(map(str, row)) for row in conn.execute(select(t))] for t in found],
            ensure_ascii=False,
        )


def test_upgrading_masks_the_stored_rows_and_rebuilds_the_indexes(tmp_path: Path) -> None:
    old = _core(tmp_path / "instance")
    digest = _old_instance(old)
    indexing.rebuild_indexes(old)
    assert old.resources.lexical.search("Summer2025").hits  # the old index holds it
    assert all(value in _dump(old) for value in VALUES)

    upgraded = _core(tmp_path / "instance")
    upgraded.init()
    assert store.schema_version(upgraded.engine) == store.newest_revision()
    stored = _dump(upgraded)
    assert [value for value in VALUES if value in stored] == []
    assert "temp pw ••••••" in stored and "j•••@gmail.com" in stored
    with upgraded.connect() as conn:
        assert conn.execute(select(store.tickets.c.content_hash)).scalar() == digest
        names = sorted(conn.execute(select(store.clients.c.name)).scalars())
        assert upgraded.get_meta(conn, "search_index_stale")
    assert names == ["Acme (pw ••••••)", "Acme (pw ••••••) #1"]

    # The hashes did not change, so only the mark tells the catch-up to rebuild.
    assert indexing.catch_up(upgraded) == 2
    with upgraded.connect() as conn:
        assert upgraded.get_meta(conn, "search_index_stale") is None
    assert not upgraded.resources.lexical.search("Summer2025").hits
    assert "summer2025" not in upgraded.resources.lexical.vocabulary()
    found = search.search(upgraded, "temp pw", log=False)
    assert [r.id for r in found.results] == ["T-1"] and "Summer2025" not in found.results[0].snippet
    assert indexing.catch_up(_core(tmp_path / "instance")) == 0  # nothing left to do


def test_masking_what_the_migration_stored_changes_nothing(tmp_path: Path) -> None:
    """Masking is idempotent on its own output, so running the migration again is a no-op."""
    core = _core(tmp_path / "instance")
    _old_instance(core)
    core.init()
    cells = [cell for table in json.loads(_dump(core)) for row in table for cell in row]
    texts = [text for cell in cells for text in _strings(cell)]
    assert any("••••••" in text for text in texts)
    assert [text for text in texts if mask(text) != text] == []


def _strings(cell: str) -> list[str]:
    """A stored cell's text; the strings inside it when it holds JSON (tags, findings)."""
    try:
        value = json.loads(cell) if cell[:1] in "[{" else cell
    except ValueError:
        value = cell
    if isinstance(value, list):
        return [
            s
            for item in value
            for s in _strings(json.dumps(item) if isinstance(item, dict) else str(item))
        ]
    if isinstance(value, dict):
        return [str(v) for v in value.values()]
    return [str(value)]


def test_0007_masks_again_what_an_instance_at_0006_holds_in_clear(tmp_path: Path) -> None:
    """Text that reached the store in clear after 0003 (a reviewer's comment stored as typed,
    a family name a manager typed) is masked by 0007; an instance with nothing left in clear
    keeps its indexes."""
    core = _core(tmp_path / "instance")
    core.home.mkdir(parents=True, exist_ok=True)
    store.migrate(core.engine, "0006")
    with core.begin() as conn:
        conn.execute(
            store.tickets.insert().values(
                id="T-1", title="Locked out", description="", resolution="Reset it. Verified.",
                status="Closed", created_at=WHEN, resolved_at=WHEN,
                content_hash=content_hash({"raw": "x"}), ingested_at=WHEN,
            )
        )  # fmt: skip
        _review_comment(conn, "never write pw Rev1ew!Note")
        run = store.inserted_id(conn.execute(store.cluster_runs.insert().values(started_at=WHEN)))
        conn.execute(
            store.families.insert().values(
                run_id=run, label="locked", name="Lockouts (admin / C@stle!Fgt80)"
            )
        )
    core.init()
    assert store.schema_version(core.engine) == store.newest_revision()
    stored = _dump(core)
    assert "Rev1ew!Note" not in stored and "C@stle!Fgt80" not in stored
    assert "never write pw ••••••" in stored
    with core.connect() as conn:
        assert "0007" in (core.get_meta(conn, "search_index_stale") or "")

    clean = _core(tmp_path / "clean")
    clean.home.mkdir(parents=True, exist_ok=True)
    store.migrate(clean.engine, "0006")
    clean.init()
    with clean.connect() as conn:
        assert clean.get_meta(conn, "search_index_stale") is None
