"""Ingest: idempotent upserts, versions, rejects kept apart, all-or-nothing runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kbassist import store
from kbassist.core import Core
from kbassist.ingest.service import ingest_kb, ingest_tickets, store_tickets
from kbassist.ingest.tickets import parse_tickets

DATA = Path(__file__).parent / "data"


def _dump(core: Core) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of the ingest tables (timestamps of the run excluded)."""
    tables = (
        store.tickets,
        store.ticket_notes,
        store.ticket_article_links,
        store.articles,
        store.article_versions,
        store.technicians,
        store.clients,
    )
    with core.connect() as conn:
        return {
            t.name: sorted(
                tuple(v for k, v in row._mapping.items() if k != "ingested_at")
                for row in conn.execute(select(t))
            )
            for t in tables
        }


def test_second_ingest_changes_nothing_and_says_so(loaded: Core, fixture_kb: Path) -> None:
    before = _dump(loaded)
    tickets = ingest_tickets(loaded, DATA / "tickets.jsonl")
    articles = ingest_kb(loaded, fixture_kb)
    assert (tickets.added, tickets.updated, tickets.unchanged) == (0, 0, 5)
    assert (articles.added, articles.updated, articles.unchanged) == (0, 0, 3)
    assert "nothing changed" in tickets.summary()
    assert _dump(loaded) == before


def test_ingest_stores_tickets_with_notes_links_and_people(loaded: Core) -> None:
    with loaded.connect() as conn:
        ticket = conn.execute(select(store.tickets).where(store.tickets.c.id == "T-1")).one()
        assert ticket.time_spent_minutes == 35 and ticket.client_id is not None
        notes = conn.execute(select(store.ticket_notes.c.text)).scalars().all()
        assert notes == ["Checked queue"]
        links = conn.execute(select(store.ticket_article_links)).all()
        assert ("T-1", "KB-T001") in [tuple(r) for r in links]
        names = set(conn.execute(select(store.technicians.c.name)).scalars())
        assert {"Dana Whitfield", "Tom Becker", "Marco Ruiz"} <= names


def test_changed_article_gets_a_new_version_by_its_editor(
    loaded: Core, fixture_kb: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "kb"
    shutil.copytree(fixture_kb, folder)
    path = folder / "printer-spooler.md"
    text = path.read_text().replace(
        "updated: 2025-09-15", "updated: 2025-12-01\nupdated_by: Marco Ruiz"
    )
    path.write_text(text + "\n## Prevention\nMonitor Event ID 7031 in the RMM and alert on it.\n")
    report = ingest_kb(loaded, folder)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    with loaded.connect() as conn:
        v = store.article_versions
        rows = conn.execute(
            select(v.c.version, store.technicians.c.name, v.c.chars_added)
            .join(store.technicians, store.technicians.c.id == v.c.editor_id)
            .where(v.c.article_id == "KB-T001")
            .order_by(v.c.version)
        ).all()
    assert [(r.version, r.name) for r in rows] == [(1, "Dana Whitfield"), (2, "Marco Ruiz")]
    assert 0 < rows[1].chars_added < rows[0].chars_added


def test_changed_ticket_is_updated_and_its_children_replaced(loaded: Core, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in (DATA / "tickets.jsonl").read_text().splitlines()]
    rows[0]["resolution"] += " Added monitoring."
    rows[0]["notes"] = []
    path = tmp_path / "tickets.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = ingest_tickets(loaded, path)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
    with loaded.connect() as conn:
        assert conn.execute(select(func.count()).select_from(store.ticket_notes)).scalar_one() == 0


def test_bad_rows_are_reported_and_good_rows_land(core: Core, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        "\ufeffid,title,created_at,closed_at,resolution\n"
        "A-1,Good ticket,2025-01-01T10:00:00,2025-01-01T12:00:00,<p>Restarted <b>spooler</b></p>\n"
        "A-2,,2025-01-02T10:00:00,,\n"
        "A-1,Duplicate,2025-01-03T10:00:00,,\n"
        "A-3,Bad date,31/31/2025,,\n".encode()
    )
    report = ingest_tickets(core, path)
    assert report.added == 1
    assert sorted((r.row, r.field) for r in report.rejects) == [
        (3, "title"),
        (4, "id"),
        (5, "created_at"),
    ]
    assert report.rejects_file and Path(report.rejects_file).read_text().count("\n") == 4
    with core.connect() as conn:
        note = conn.execute(select(store.tickets.c.resolution)).scalar_one()
    assert note == "Restarted spooler"


def test_a_killed_ingest_leaves_the_database_as_before(loaded: Core, tmp_path: Path) -> None:
    before = _dump(loaded)
    rows = [json.loads(line) for line in (DATA / "tickets.jsonl").read_text().splitlines()]
    extra = [dict(rows[1], id=f"X-{i}", title=f"New {i}") for i in range(1200)]
    path = tmp_path / "more.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows + extra))
    parsed = parse_tickets(path)
    calls = []

    def die(n: int) -> None:
        calls.append(n)
        if len(calls) == 2:  # after the first batch was written
            raise KeyboardInterrupt("killed")

    with pytest.raises(KeyboardInterrupt):
        store_tickets(loaded, parsed.records, source=str(path), progress=die)
    assert _dump(loaded) == before


def test_demo_tickets_ingested_twice_leave_identical_content(core: Core, tmp_path: Path) -> None:
    from kbassist.demo import generator as demo

    data = demo.generate(seed=11, n_tickets=300)
    paths = demo.write_demo(data, tmp_path / "demo")
    ingest_kb(core, core.kb_dir())
    first = ingest_tickets(core, paths["tickets"])
    assert (first.added, first.rejected) == (300, 0)
    before = _dump(core)
    second = ingest_tickets(core, paths["tickets"])
    assert (second.added, second.updated, second.unchanged, second.rejected) == (0, 0, 300, 0)
    assert _dump(core) == before
