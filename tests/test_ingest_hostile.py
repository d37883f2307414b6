"""Issue 13's ingest findings, each as its reproducer: bad input is refused row by row.

Finding 1 (YAML bombs in front matter), 3 (zip bombs and same-name members),
5 (one bad value lost the whole import), 6 (good rows vanished silently),
9 (an interrupted ingest did not heal) and 10 (no bounds on values). The
hostile corpus (tests/hostile) holds many more inputs of each kind.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kbassist import pipeline, store
from kbassist.core import Core
from kbassist.ingest import service as ingest_service
from kbassist.settings import Settings

DATA = Path(__file__).parent / "data"


def _article(article_id: str, front: str = "", title: str = "Restart the print spooler") -> str:
    return (
        f"---\nid: {article_id}\ntitle: {title}\ntype: how-to\nauthor: Dana Whitfield\n{front}"
        "---\n\n## Steps\n\n1. Restart the spooler service.\n2. Print a test page.\n"
    )


def _ticket(ticket_id: str, **fields: object) -> dict[str, object]:
    return {
        "id": ticket_id,
        "title": f"Printer offline ({ticket_id})",
        "description": "Jobs stuck in the queue since this morning.",
        "resolution": "Restarted the spooler, printed a test page with the user: works.",
        "status": "Closed",
        "created_at": "2025-10-01T09:00:00Z",
        "resolved_at": "2025-10-01T10:00:00Z",
        **fields,
    }


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _ids(core: Core, table: str) -> list[str]:
    with core.connect() as conn:
        return sorted(conn.execute(select(store.metadata.tables[table].c.id)).scalars())


def _rejects(report: object) -> list[tuple[int, str]]:
    return [(reject.row, reject.field) for reject in report.rejects]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- finding 1


def test_finding_1_yaml_aliases_in_front_matter_are_refused(core: Core, tmp_path: Path) -> None:
    # Six levels of nine aliases: 531,441 'lol's under tags from a 500-byte file (nine
    # levels, in the hostile corpus, are 387 million and took the instance down).
    levels = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, name in zip("abcde", "bcdef", strict=True):
        levels += f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
    (tmp_path / "bomb.md").write_text(_article("KB-BOMB", levels + "tags: *f\n"))
    (tmp_path / "good.md").write_text(_article("KB-GOOD"))
    report = pipeline.ingest_kb(core, tmp_path)
    assert _ids(core, "articles") == ["KB-GOOD"]
    (reject,) = report.rejects
    assert reject.file.endswith("bomb.md") and "anchors or aliases" in reject.reason


# ---------------------------------------------------------------- finding 3


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as bundle:
        for name, data in members.items():
            bundle.writestr(zipfile.ZipInfo(name, (2025, 6, 1, 0, 0, 0)), data, compression)
    return buffer.getvalue()


@pytest.fixture
def upload(client, core, users):  # type: ignore[no-untyped-def]
    """``upload(zip_bytes)``: POST /api/v1/ingest/kb as an admin; the response."""
    from kbassist.auth import create_token

    headers = {"Authorization": f"Bearer {create_token(core, 'admin')}"}

    def post(data: bytes, name: str = "kb.zip"):  # type: ignore[no-untyped-def]
        form = {"file": (io.BytesIO(data), name)}
        return _run_job(client, core, client.post("/api/v1/ingest/kb", data=form, headers=headers))

    return post


class _Answer:
    """A queued ingest's final answer: the job's result as the body (issue 12: 202 + job)."""

    def __init__(self, status_code: int, data: dict, accepted: dict) -> None:  # type: ignore[type-arg]
        self.status_code, self.is_json = status_code, True
        self._data, self.accepted = data, accepted

    def get_json(self) -> dict:  # type: ignore[type-arg]
        return self._data


def _run_job(client, core, response):  # type: ignore[no-untyped-def]
    """Run the job a 202 queued and answer with its result; other answers as they are."""
    if response.status_code != 202:
        return response
    from kbassist.jobs.queue import queue_for

    queue_for(core).drain()
    with core.connect() as conn:
        from kbassist.jobs import state

        job = state.get(conn, response.get_json()["id"])
    assert job is not None and job.status == "done", job
    return _Answer(202, job.result, response.get_json())


def test_finding_3_a_zip_bomb_member_is_refused_and_the_rest_loads(upload, core: Core) -> None:
    bomb = _article("KB-BOMB").encode() + b"A" * (64 * 1024 * 1024)  # 64 MiB from 64 KB
    archive = _zip({"good.md": _article("KB-GOOD").encode(), "bomb.md": bomb})
    assert len(archive) < 256 * 1024
    response = upload(archive)
    assert response.status_code == 202 and response.is_json
    assert _ids(core, "articles") == ["KB-GOOD"]
    assert response.accepted["rejects"] == response.get_json()["rejects"]  # said at once too
    (reject,) = response.get_json()["rejects"]
    assert reject["file"] == "kb.zip:bomb.md" and "over the 10 MiB limit" in reject["reason"]


def test_finding_3_same_names_in_two_folders_are_two_articles(upload, core: Core) -> None:
    archive = _zip(
        {
            "clientA/setup.md": _article("KB-SETUP-A").encode(),
            "clientB/setup.md": _article("KB-SETUP-B").encode(),
        }
    )
    response = upload(archive)
    assert (response.status_code, response.get_json()["added"]) == (202, 2)
    assert _ids(core, "articles") == ["KB-SETUP-A", "KB-SETUP-B"]


def test_finding_3_unreadable_members_are_rejected_in_json(upload, core: Core) -> None:
    archive = bytearray(_zip({"good.md": _article("KB-GOOD").encode(), "x.md": b"x"}, 0))
    # Mark x.md encrypted in its local and central headers, as a password-protected zip does.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = archive.rfind(signature)
        archive[start + offset] |= 0x01
    response = upload(bytes(archive))
    assert response.status_code == 202 and response.is_json  # was an HTML 500
    assert _ids(core, "articles") == ["KB-GOOD"]
    assert [r["reason"][:9] for r in response.get_json()["rejects"]] == ["encrypted"]
    not_a_zip = upload(b"just text", "kb.zip")
    assert not_a_zip.status_code == 400 and "not a zip archive" in not_a_zip.get_json()["error"]
    no_markdown = upload(_zip({"readme.txt": b"no articles here"}))
    assert no_markdown.get_json()["error"] == "file: kb.zip holds no markdown (.md) files."


def test_loose_markdown_uploads_load_and_other_files_are_skipped(client, core, users) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    headers = {"Authorization": f"Bearer {create_token(core, 'admin')}"}
    files = [
        (io.BytesIO(_article("KB-LOOSE").encode()), "loose.md"),
        (io.BytesIO(b"not an article"), "notes.txt"),
    ]
    sent = client.post("/api/v1/ingest/kb", data={"files": files}, headers=headers)
    response = _run_job(client, core, sent)
    assert response.status_code == 202
    assert response.get_json()["warnings"] == ["skipped 1 uploaded file(s) that are not markdown."]
    assert _ids(core, "articles") == ["KB-LOOSE"]


# ---------------------------------------------------------------- finding 5


def test_finding_5_one_bad_ticket_value_costs_only_its_row(core: Core, tmp_path: Path) -> None:
    path = tmp_path / "tickets.jsonl"
    lines = [
        json.dumps(_ticket("T-1")),
        json.dumps(_ticket("T-2", reopen_count=2**63)),  # SQLite INTEGER overflow
        json.dumps(_ticket("T-3")).replace("Printer offline", "Printer \\ud800 offline"),
        json.dumps(_ticket("T-4")),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = pipeline.ingest_tickets(core, path)
    assert _ids(core, "tickets") == ["T-1", "T-4"]
    assert _rejects(report) == [(2, "reopen_count"), (3, "title")]
    assert "out of range" in report.rejects[0].reason
    assert "unpaired surrogate (U+D800)" in report.rejects[1].reason
    json.dumps(report.as_dict()).encode("utf-8")  # the report itself is valid text


def test_finding_5_one_bad_front_matter_value_costs_only_its_article(
    core: Core, tmp_path: Path
) -> None:
    (tmp_path / "a-date.md").write_text(_article("KB-DATE", "created: 2025-13-45\n"))
    (tmp_path / "b-surrogate.md").write_text(_article("KB-SUR", title='"Lone \\ud800 half"'))
    (tmp_path / "c-digits.md").write_text(_article("9" * 5000))
    (tmp_path / "d-good.md").write_text(_article("KB-GOOD"))
    report = pipeline.ingest_kb(core, tmp_path)
    assert _ids(core, "articles") == ["KB-GOOD"]
    assert [(Path(r.file).name, r.field) for r in report.rejects] == [
        ("a-date.md", "created"),
        ("b-surrogate.md", "title"),
        ("c-digits.md", "id"),
    ]


def test_a_file_name_that_is_not_utf8_is_stored_escaped(core: Core, tmp_path: Path) -> None:
    # os keeps the byte 0xff of a name as a lone surrogate, which the database refused.
    name = os.fsdecode(b"bad\xffname.md")
    (tmp_path / name).write_text(_article("KB-NAME"), encoding="utf-8")
    (tmp_path / name.replace(".md", ".csv")).write_text("id,title\nT-1,ok\n", encoding="utf-8")
    report = pipeline.ingest_kb(core, tmp_path)
    assert (report.added, report.rejected) == (1, 0)
    with core.connect() as conn:
        assert conn.execute(select(store.articles.c.path)).scalar() == "bad\\xffname.md"
    tickets = pipeline.ingest_tickets(core, tmp_path / name.replace(".md", ".csv"))
    assert tickets.source.endswith("bad\\xffname.csv") and tickets.added == 1


# ---------------------------------------------------------------- finding 6


def test_finding_6_an_unclosed_csv_quote_costs_only_its_row(core: Core, tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "id,title,description,status\n"
        "C-1,Printer offline,Jobs stuck,Closed\n"
        'C-2,VPN drops,"Opened a quote and never closed it,Closed\n'
        "C-3,Mapped drive missing,Drive S gone,Closed\n"
        "C-4,Teams camera,Not detected,Closed\n",
        encoding="utf-8",
    )
    report = pipeline.ingest_tickets(core, path)
    assert _ids(core, "tickets") == ["C-1", "C-3", "C-4"]
    assert _rejects(report) == [(3, "*")] and "unclosed quote" in report.rejects[0].reason


def test_finding_6_a_broken_json_array_element_costs_only_itself(
    core: Core, tmp_path: Path
) -> None:
    elements = [json.dumps(_ticket(f"J-{n}"), indent=2) for n in range(1, 5)]
    elements[1] = elements[1].replace('"description":', '"description"', 1)  # no colon
    path = tmp_path / "tickets.json"
    path.write_text("[\n" + ",\n".join(elements) + "\n]\n", encoding="utf-8")
    report = pipeline.ingest_tickets(core, path)
    assert _ids(core, "tickets") == ["J-1", "J-3", "J-4"]
    assert [(r.field, r.reason[:12]) for r in report.rejects] == [("*", "invalid JSON")]
    assert report.rejects[0].row == 1 + elements[0].count("\n") + 2  # where J-2 starts


# ---------------------------------------------------------------- finding 9


def _downstream(core: Core) -> dict[str, object]:
    from kbassist.search.indexing import lexical_index, vector_index

    with core.connect() as conn:
        counts = {
            table: conn.execute(
                select(func.count()).select_from(store.metadata.tables[table])
            ).scalar()
            for table in ("note_scores", "article_scores", "ticket_families", "families")
        }
    return {
        **counts,
        "lexical": sorted(lexical_index(core).manifest().items()),
        "vectors": sorted(vector_index(core).manifest().items()),
    }


def test_finding_9_a_rerun_after_a_kill_following_the_commit_heals(
    core: Core, tmp_path: Path, fixture_kb: Path
) -> None:
    reference = Core(Settings.load({**core.settings.values, "HOME": str(tmp_path / "reference")}))
    reference.init()
    pipeline.ingest_kb(reference, fixture_kb)
    pipeline.ingest_tickets(reference, DATA / "tickets.jsonl")
    # What a kill right after each commit leaves: the rows stored, nothing downstream.
    ingest_service.ingest_kb(core, fixture_kb)
    ingest_service.ingest_tickets(core, DATA / "tickets.jsonl")
    report = pipeline.ingest_tickets(core, DATA / "tickets.jsonl")
    assert (report.added, report.updated) == (0, 0)  # nothing changed, and yet:
    healed = _downstream(core)
    assert healed == _downstream(reference)
    assert healed["note_scores"] == 5 and healed["ticket_families"] > 0


def test_finding_9_the_catch_up_command_heals_what_serve_would(
    core: Core, runner, fixture_kb: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_service.ingest_kb(core, fixture_kb)
    ingest_service.ingest_tickets(core, DATA / "tickets.jsonl")
    result = runner.invoke(["catch-up", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["tickets_refreshed"] == 5
    assert _downstream(core)["note_scores"] == 5
    again = runner.invoke(["catch-up"])
    assert again.output.startswith("Nothing to catch up")


# ---------------------------------------------------------------- finding 10


def test_finding_10_a_ticket_from_2099_and_1e308_minutes_are_refused(
    core: Core, tmp_path: Path
) -> None:
    from kbassist.gaps import queries

    path = _jsonl(
        tmp_path / "tickets.jsonl",
        [
            _ticket("B-1"),
            _ticket("B-2", created_at="2099-01-01T09:00:00Z", resolved_at="2099-01-01T10:00:00Z"),
            _ticket("B-3", time_spent_minutes=1e308),
            _ticket("B-4", time_spent_minutes=90),
        ],
    )
    report = pipeline.ingest_tickets(core, path)
    assert _ids(core, "tickets") == ["B-1", "B-4"]
    assert _rejects(report) == [(2, "created_at"), (2, "resolved_at"), (3, "time_spent_minutes")]
    assert "in the future" in report.rejects[0].reason
    assert "out of range" in report.rejects[2].reason
    with core.connect() as conn:
        assert queries.newest_ticket(conn).year == 2025  # the gaps window is not moved to 2099


def test_finding_10_an_article_updated_in_2099_is_refused(core: Core, tmp_path: Path) -> None:
    (tmp_path / "future.md").write_text(_article("KB-FUT", "updated: 2099-01-01\n"))
    report = pipeline.ingest_kb(core, tmp_path)
    assert _ids(core, "articles") == []
    assert [(r.field, r.reason) for r in report.rejects] == [
        ("updated", "2099-01-01 is in the future")
    ]
