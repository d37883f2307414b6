"""Gaps service and report, playbook drafts and the gaps CLI on a small planted instance."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kbassist import pipeline, store
from kbassist.articles import parse_article
from kbassist.core import Core
from kbassist.gaps import playbook, queries
from kbassist.gaps import report as gaps_report
from kbassist.gaps import service as gaps
from kbassist.gaps.clustering import NEIGHBOUR_SIZES
from kbassist.gaps.merging import MERGE_SIMILARITY
from kbassist.ingest.service import store_articles, store_tickets
from kbassist.records import TicketRecord

START = datetime(2024, 3, 1, 9, 0)

# Each family: the words every ticket of it shares, what varies, minutes per ticket.
FAMILIES = {
    "outlook": (
        "Outlook keeps prompting for the mailbox password after the migration",
        [
            "on the laptop",
            "for the finance mailbox",
            "since this morning",
            "in the office",
            "for the shared mailbox",
            "again after reboot",
            "on the new desktop",
        ],
        95,
    ),
    "printer": (
        "Printer shows offline and the print spooler service stopped",
        [
            "in accounting",
            "on floor two",
            "for the label printer",
            "after the update",
            "for everyone",
            "at reception",
        ],
        40,
    ),
    "vpn": (
        "VPN client disconnects every few minutes on home wifi",
        [
            "for the sales rep",
            "since yesterday",
            "on the new laptop",
            "during calls",
            "at the branch",
            "on hotel wifi",
        ],
        60,
    ),
    "drive": (
        "Shared drive mapping missing after login",
        [
            "for the new hire",
            "on the terminal server",
            "after password change",
            "for marketing",
            "on two desktops",
        ],
        30,
    ),
}
NOTES = {
    "outlook": [
        "Cause: the cached credentials in Windows Credential Manager had expired after the "
        "tenant migration. Removed the stale Outlook entries from Credential Manager. "
        "Restarted Outlook and signed in with modern auth. Verified that mail syncs and the "
        "prompt is gone.",
        "Cleared the old credentials and recreated the Outlook profile. User confirmed it works. "
        "Set a temporary password: Winter2024! for the user.",
        "fixed",
    ],
    "printer": ["Restarted the print spooler service and cleared the queue. Test print OK."],
    "vpn": ["Updated the VPN client. Confirmed stable for an hour."],
    "drive": ["Re-mapped the drive through group policy. Verified on next login."],
}


def plant(core: Core) -> dict[str, list[str]]:
    """Tickets of four repeat issues, a small one and some strays; articles for two issues."""
    records, planted = [], {}
    number = 100000
    for family, (base, variants, minutes) in FAMILIES.items():
        planted[family] = []
        for index, variant in enumerate(variants):
            number += 1
            ticket_id = f"T-{number}"
            planted[family].append(ticket_id)
            notes = NOTES[family]
            records.append(
                TicketRecord(
                    id=ticket_id,
                    title=base,
                    description=f"{base} {variant}",
                    resolution=notes[index % len(notes)],
                    status="Closed",
                    client=f"Client {index % 3}",
                    assignee=f"Tech {index % 2}",
                    created_at=START + timedelta(days=3 * index + len(planted)),
                    resolved_at=START + timedelta(days=3 * index + len(planted), hours=2),
                    time_spent_minutes=minutes,
                    reopen_count=1 if family == "printer" and index < 3 else 0,
                    escalation_count=1 if family == "outlook" and index < 2 else 0,
                    kb_links=("KB-VPN",) if family == "vpn" and index < 3 else (),
                )
            )
    strays = ["Keyboard spilled coffee", "Request new monitor for desk", "Teams camera black"]
    for index, title in enumerate(strays):
        number += 1
        records.append(
            TicketRecord(
                id=f"T-{number}",
                title=title,
                description=title,
                resolution="Done.",
                status="Closed",
                created_at=START + timedelta(days=index),
                resolved_at=START + timedelta(days=index, hours=1),
                time_spent_minutes=15,
            )
        )
    store_tickets(core, records, source="test")
    articles = [
        ("KB-VPN", "VPN drops on home networks", "Update the client."),
        ("KB-DRIVE", "Shared drive mapping missing after login", "Map it by policy."),
    ]
    store_articles(
        core,
        [
            parse_article(
                f"---\nid: {a}\ntitle: {t}\ntype: how-to\nauthor: Tech 0\n"
                f"created: 2024-01-01\n---\n\n## Steps\n\n{b}\n"
            )
            for a, t, b in articles
        ],
        source="test",
    )
    return planted


@pytest.fixture
def planted(core: Core) -> dict[str, list[str]]:
    families = plant(core)
    gaps.recluster(core)
    return families


def test_planted_families_are_found(core: Core, planted: dict[str, list[str]]) -> None:
    with core.connect() as conn:
        membership = queries.families_of(conn)
        for family, ticket_ids in planted.items():
            found = {membership[t] for t in ticket_ids}
            assert len(found) == 1, family
            assert queries.family_tickets(conn, found.pop()) == sorted(ticket_ids)
        listed = gaps_report.list_families(conn, min_size=5)
    assert sorted(f.size for f in listed) == [5, 6, 6, 7]
    outlook = next(f for f in listed if f.size == 7)
    assert "outlook" in outlook.label or "mailbox" in outlook.label
    assert outlook.representative in planted["outlook"]
    vpn = next(f for f in listed if set(f.ticket_ids) == set(planted["vpn"]))
    assert vpn.link_rate == pytest.approx(3 / 6)


def test_full_run_replaces_the_previous_one(core: Core, planted: dict[str, list[str]]) -> None:
    gaps.recluster(core)
    with core.connect() as conn:
        runs = conn.execute(select(store.cluster_runs.c.id)).all()
        assert len(runs) == 2
        run = queries.last_run(conn)
        families = conn.execute(select(store.families.c.run_id).distinct()).all()
    assert run is not None and run["n_tickets"] == 27
    assert run["params"]["merge_similarity"] == pytest.approx(MERGE_SIMILARITY)
    assert run["params"]["chosen_cut"] > 0 and run["params"]["chosen_neighbours"] in (
        NEIGHBOUR_SIZES
    )
    assert families == [(run["id"],)]


def test_a_family_whose_article_exists_is_not_a_gap(
    core: Core, planted: dict[str, list[str]]
) -> None:
    embedder = core.resources.embedder
    with core.connect() as conn:
        report = gaps_report.find_gaps(conn, embedder)
        membership = queries.families_of(conn)
        vpn = membership[planted["vpn"][0]]
        drive = membership[planted["drive"][0]]
        by_links = gaps_report.family_coverage(conn, vpn, embedder)
        by_title = gaps_report.family_coverage(conn, drive, embedder)
    labels = {gap.family_id for gap in report.gaps}
    assert labels == {membership[planted["outlook"][0]], membership[planted["printer"][0]]}
    assert by_links.covered and by_links.linked == (("KB-VPN", 3),)
    assert by_title.covered and by_title.matching[0][0] == "KB-DRIVE"
    assert report.covered_families == 2


def test_gaps_are_ranked_by_hours_with_their_costs(
    core: Core, planted: dict[str, list[str]]
) -> None:
    with core.connect() as conn:
        report = gaps_report.find_gaps(conn, core.resources.embedder)
    first, second = report.gaps
    assert (first.rank, second.rank) == (1, 2)
    assert first.ticket_ids == tuple(sorted(planted["outlook"]))
    assert first.hours == pytest.approx(7 * 95 / 60)
    assert (first.escalations, first.clients, first.covered) == (2, 3, False)
    assert second.reopens == 3 and second.reopen_rate == pytest.approx(0.5)
    assert report.pareto.count == 2  # outlook alone is 73% of the hours
    assert report.pareto.total_hours == pytest.approx(7 * 95 / 60 + 6 * 40 / 60, abs=0.01)


def test_min_tickets_and_window_filter_gaps(core: Core, planted: dict[str, list[str]]) -> None:
    with core.connect() as conn:
        assert [g.size for g in gaps_report.find_gaps(conn, None, min_tickets=7).gaps] == [7]
        # A window of 5 days before the newest ticket holds only a few tickets per family.
        assert gaps_report.find_gaps(conn, None, window_days=5).gaps == ()
        later = gaps_report.find_gaps(conn, None, now=START + timedelta(days=400))
    assert later.gaps == ()


def test_failed_searches_that_match_a_family_count_as_evidence(
    core: Core, planted: dict[str, list[str]]
) -> None:
    when = START + timedelta(days=10)
    with core.begin() as conn:
        conn.execute(
            store.search_log.insert(),
            [
                {"query": text, "n_results": n, "created_at": when, "result_ids": "[]"}
                for text, n in [
                    ("Outlook keeps prompting for the mailbox password", 0),
                    ("Outlook keeps prompting for the mailbox password again", 0),
                    ("Printer shows offline and the print spooler service stopped", 4),
                ]
            ],
        )
    gaps.refresh_snapshot(core)  # the pipeline does this after every ingest
    with core.connect() as conn:
        report = gaps_report.find_gaps(conn, core.resources.embedder)
    evidence = {gap.ticket_ids[0]: gap.evidence_searches for gap in report.gaps}
    assert evidence[sorted(planted["outlook"])[0]] == 2
    # The printer search was logged with results and nothing opened: failed too.
    assert evidence[sorted(planted["printer"])[0]] == 1


def test_near_duplicate_articles_are_reported(core: Core, planted: dict[str, list[str]]) -> None:
    body = "## Steps\n\nOpen the console, reset the token and sign in again with the new code.\n"
    store_articles(
        core,
        [
            parse_article(f"---\nid: {i}\ntitle: Reset the MFA token\ntype: how-to\n---\n\n{body}")
            for i in ("KB-MFA-1", "KB-MFA-2")
        ],
        source="test",
    )
    with core.connect() as conn:
        pairs = gaps_report.find_duplicates(conn, core.resources.embedder)
    assert [(p.first_id, p.second_id) for p in pairs] == [("KB-MFA-1", "KB-MFA-2")]
    assert pairs[0].similarity == pytest.approx(1.0)


def test_a_ticket_ingested_after_clustering_joins_its_family_incrementally(
    core: Core, planted: dict[str, list[str]]
) -> None:
    with core.connect() as conn:
        before = queries.families_of(conn)
        runs_before = queries.last_run(conn)
    outlook = before[planted["outlook"][0]]
    base = FAMILIES["outlook"][0]
    late = [
        TicketRecord(
            id="T-200001",
            title=base,
            description=f"{base} for the CEO",
            resolution="Cleared credentials.",
            status="Closed",
            created_at=START + timedelta(days=60),
            time_spent_minutes=50,
        ),
        TicketRecord(
            id="T-200002",
            title="Scanner emails never arrive",
            description="Scan to email from the copier never arrives",
            status="Closed",
            created_at=START + timedelta(days=61),
        ),
        TicketRecord(id="T-200003", title="Open ticket still in progress", status="In progress"),
    ]
    store_tickets(core, late, source="late")
    assert gaps.assign_new_tickets(core, ["T-200001", "T-200002", "T-200003"]) == 2
    assert gaps.assign_new_tickets(core, ["T-200001"]) == 0  # idempotent
    with core.connect() as conn:
        after = queries.families_of(conn)
        assert queries.last_run(conn) == runs_before  # no full recompute
        rows = conn.execute(
            select(store.ticket_families).where(store.ticket_families.c.ticket_id.like("T-2%"))
        ).all()
        family_size = conn.execute(
            select(store.families.c.size).where(store.families.c.id == outlook)
        ).scalar()
    assert after["T-200001"] == outlook
    assert after["T-200002"] not in set(before.values())
    assert "T-200003" not in after
    assert {row.assigned_by for row in rows} == {"incremental"}
    assert family_size == 8
    assert {t: after[t] for t in before} == before


def test_first_assignment_without_a_run_clusters_everything(core: Core) -> None:
    planted = plant(core)
    assert gaps.assign_new_tickets(core, planted["vpn"]) == 6
    with core.connect() as conn:
        assert len(queries.families_of(conn)) == 27


def test_pareto_counts_gaps_up_to_eighty_percent() -> None:
    view = gaps_report.pareto([50.0, 30.0, 10.0, 10.0])
    assert view.count == 2 and view.total_hours == 100.0
    assert view.cumulative == (0.5, 0.8, 0.9, 1.0)
    assert gaps_report.pareto([]).count == 0


def test_coverage_needs_more_than_one_stray_citation() -> None:
    assert not gaps_report.coverage_of(40, {"KB-1": 1}, {}).covered
    assert gaps_report.coverage_of(40, {"KB-1": 2}, {}).covered
    assert not gaps_report.coverage_of(100, {"KB-1": 2}, {}).covered  # under 5% of its tickets
    assert gaps_report.coverage_of(10, {}, {"KB-2": gaps_report.COVER_SIMILARITY}).covered
    assert not gaps_report.coverage_of(
        10, {}, {"KB-2": gaps_report.COVER_SIMILARITY - 0.01}
    ).covered


# ---------------------------------------------------------------- playbook


def test_a_draft_playbook_cites_only_real_notes_of_its_family(
    core: Core, planted: dict[str, list[str]]
) -> None:
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["outlook"][0]]
        draft = playbook.draft_playbook(conn, family_id, author="Morgan Lee", day=date(2024, 6, 1))
        rows = conn.execute(select(store.tickets)).all()
    notes = {row.id: row.resolution for row in rows}
    descriptions = {row.id: row.description for row in rows}
    assert draft.lines
    for line in draft.lines:
        assert set(line.ticket_ids) <= set(planted["outlook"])
        # Copied word for word from the first ticket cited; the others said nearly the same.
        source = line.ticket_ids[0]
        if line.section == "Symptoms":
            assert line.text in notes[source] or line.text in descriptions[source], line
        else:
            assert line.text in notes[source], line
    cited = re.findall(r"\(\[(T-\d+)\]\(/tickets/(T-\d+)\)", draft.markdown)
    assert cited and all(a == b and a in planted["outlook"] for a, b in cited)
    sections = re.findall(r"^## (.+)$", draft.markdown, flags=re.M)
    assert sections == list(playbook.SECTIONS)
    record = parse_article(draft.markdown)
    assert (record.type, record.author) == ("playbook", "Morgan Lee")
    assert record.contributors == ("Tech 0", "Tech 1")  # the authors of the notes quoted
    assert "Credential Manager had expired" in draft.markdown.split("## Cause")[1]
    assert "fixed" not in [line.text for line in draft.lines]
    assert "Winter2024" not in draft.markdown  # a sentence holding a secret is never copied


def test_sentences_are_sorted_into_sections() -> None:
    assert playbook.classify_sentence("Root cause: the token expired")[0] == "Cause"
    assert playbook.classify_sentence("Reinstalled the driver") == (
        "Resolution steps",
        "Reinstalled the driver",
    )
    assert playbook.classify_sentence("User confirmed printing works now")[0] == "Verification"
    assert playbook.classify_sentence("Affects Windows 11 laptops")[0] == "Environment"
    assert playbook.classify_sentence("Nice chat with the user")[0] is None
    assert playbook.classify_sentence("Stale .ND file after the IP change")[0] == "Cause"
    assert playbook.classify_sentence("Next: added a monitor for this")[0] is None
    assert playbook.split_sentences("1. Cleared the cache.\n2. Rebooted the PC. Fine.") == [
        "Cleared the cache.",
        "Rebooted the PC.",
    ]


def test_repeated_sentences_keep_every_citation() -> None:
    notes = [
        playbook.SourceNote("T-1", "Restarted the print spooler service.", 90),
        playbook.SourceNote("T-2", "Restarted the print spooler service again.", 80),
    ]
    draft = playbook.compose_playbook(
        7, notes, title="Printer offline", author="", day=date.today()
    )
    steps = [line for line in draft.lines if line.section == "Resolution steps"]
    assert [line.ticket_ids for line in steps] == [("T-1", "T-2")]
    assert "([T-1](/tickets/T-1), [T-2](/tickets/T-2))" in draft.markdown


def test_saved_draft_becomes_an_article_that_covers_the_family(
    core: Core, planted: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:

    # Scoring and indexing are not what this test is about; the gaps refresh is.
    monkeypatch.setattr(pipeline.quality, "rescore", lambda *args, **kwargs: None)
    monkeypatch.setattr(pipeline.search, "update_indexes", lambda *args, **kwargs: None)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["printer"][0]]
        draft = playbook.draft_playbook(conn, family_id, author="Morgan Lee")
    edited = draft.markdown.replace("_No note of this family says this yet: fill it in._", "TBD")
    article_id = pipeline.publish_article(core, edited, "Morgan Lee")
    with core.connect() as conn:
        saved = conn.execute(
            select(store.articles.c.title, store.articles.c.type).where(
                store.articles.c.id == article_id
            )
        ).one()
        report = gaps_report.find_gaps(conn, core.resources.embedder)
    assert saved == (draft.title, "playbook")
    assert family_id not in {gap.family_id for gap in report.gaps}


# ---------------------------------------------------------------- CLI


def test_cli_cluster_clusters_and_gaps_json_shapes(core: Core, runner) -> None:  # type: ignore[no-untyped-def]
    planted = plant(core)
    result = runner.invoke(["cluster", "--json"])
    assert result.exit_code == 0, result.output
    run = json.loads(result.output)
    assert run["n_tickets"] == 27 and run["n_families"] >= 4

    families = json.loads(runner.invoke(["clusters", "--json"]).output)
    assert isinstance(families, list) and len(families) == run["n_families"]
    assert {"id", "label", "ticket_ids", "size", "representative", "link_rate"} <= set(families[0])
    assert (
        sorted(t for f in families for t in f["ticket_ids"])
        == sorted(t for f in families for t in f["ticket_ids"])
        and len({t for f in families for t in f["ticket_ids"]}) == 27
    )

    found = json.loads(runner.invoke(["gaps", "--json"]).output)
    assert [g["ticket_ids"] for g in found] == [
        sorted(planted["outlook"]),
        sorted(planted["printer"]),
    ]
    keys = {
        "family_id",
        "label",
        "size",
        "ticket_ids",
        "hours",
        "reopens",
        "escalations",
        "clients",
        "covered",
        "article_ids",
        "rank",
        "reopen_rate",
        "evidence_searches",
    }
    assert keys <= set(found[0])
    assert found[0]["covered"] is False and found[0]["hours"] == pytest.approx(11.08)
    assert (
        json.loads(runner.invoke(["gaps", "--min-tickets", "7", "--json"]).output)[0]["size"] == 7
    )
    assert json.loads(runner.invoke(["gaps", "--window-days", "5", "--json"]).output) == []


def test_cli_draft_writes_markdown(core: Core, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    planted = plant(core)
    gaps.recluster(core)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["outlook"][0]]
    out = tmp_path / "draft.md"
    result = runner.invoke(["draft", str(family_id), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert parse_article(out.read_text()).type == "playbook"
    missing = runner.invoke(["draft", "999999"])
    assert missing.exit_code == 2 and "No issue family 999999" in missing.output


def test_cli_text_output_names_the_gaps(core: Core, runner) -> None:  # type: ignore[no-untyped-def]
    plant(core)
    runner.invoke(["cluster"])
    text = runner.invoke(["gaps"]).output
    assert "1." in text and "hours" in text and "80%" in text


# ---------------------------------------------------------------- web (test client)


@pytest.fixture
def gaps_app(app, planted):  # type: ignore[no-untyped-def]
    # Until the lead lists kbassist.webapp.gaps in BLUEPRINT_MODULES, register it here.
    if "gaps" not in app.blueprints:
        from kbassist.webapp import gaps as gaps_web

        app.register_blueprint(gaps_web.bp)
        app.register_blueprint(gaps_web.api, url_prefix="/api/v1")
    return app


def test_gaps_pages_for_managers_and_refused_for_techs(
    gaps_app, client, login, csrf, core: Core, planted: dict[str, list[str]]
) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    assert client.get("/gaps").status_code == 403
    client.post("/logout", data={"csrf_token": csrf()})
    login("manager")
    page = client.get("/gaps")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "<svg" in text and "2 of 2 gaps" in text
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["outlook"][0]]
    assert text.index(f'data-family="{family_id}"') < text.index(
        "data-family=", text.index(f'data-family="{family_id}"') + 1
    )
    detail = client.get(f"/gaps/{family_id}").get_data(as_text=True)
    assert "Not covered" in detail and planted["outlook"][0] in detail
    assert "recreated the Outlook profile" in detail and "Winter2024" not in detail
    assert client.get("/gaps/999999").status_code == 404
    assert client.get("/gaps?min_tickets=abc").status_code == 400


def test_draft_flow_saves_a_new_article(
    gaps_app, client, login, core: Core, planted: dict[str, list[str]], monkeypatch
) -> None:  # type: ignore[no-untyped-def]

    monkeypatch.setattr(pipeline.quality, "rescore", lambda *args, **kwargs: None)
    monkeypatch.setattr(pipeline.search, "update_indexes", lambda *args, **kwargs: None)
    login("manager")
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["outlook"][0]]
    form = client.get(f"/gaps/{family_id}/draft").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    markdown = re.search(r"<textarea[^>]*>(.*?)</textarea>", form, re.S).group(1)
    import html

    markdown = html.unescape(markdown).replace("## Environment", "## Environment\n\nM365 tenant.")
    bad = client.post(f"/gaps/{family_id}/draft", data={"csrf_token": token, "markdown": "x"})
    assert bad.status_code == 400 and "could not be saved" in bad.get_data(as_text=True)
    saved = client.post(
        f"/gaps/{family_id}/draft", data={"csrf_token": token, "markdown": markdown}
    )
    assert saved.status_code == 302 and "/articles/playbook-outlook" in saved.headers["Location"]
    with core.connect() as conn:
        body = conn.execute(
            select(store.articles.c.body).where(store.articles.c.type == "playbook")
        ).scalar()
        assert "M365 tenant." in body
        assert family_id not in {
            g.family_id for g in gaps_report.find_gaps(conn, core.resources.embedder).gaps
        }


def test_gaps_api_shapes_and_roles(gaps_app, client, core: Core, users) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    tech = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    manager = {"Authorization": f"Bearer {create_token(core, 'manager')}"}
    assert client.get("/api/v1/gaps", headers=tech).status_code == 403
    assert client.get("/api/v1/clusters").status_code == 401
    families = client.get("/api/v1/clusters", headers=manager).json
    assert {"id", "label", "ticket_ids"} <= set(families[0])
    found = client.get("/api/v1/gaps?min_tickets=7", headers=manager).json
    assert [g["size"] for g in found] == [7]
    assert {"family_id", "hours", "covered", "article_ids"} <= set(found[0])
