"""One gap per issue, names a person would write, renames that outlive `kbassist cluster`,
the precomputed snapshot the pages read, and the paginated family page."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import select

from kbassist import pipeline, store
from kbassist.core import Core
from kbassist.gaps import naming, pages, playbook, queries, snapshot
from kbassist.gaps import report as gaps_report
from kbassist.gaps import service as gaps
from kbassist.gaps.clustering import ClusterParams, cluster_vectors, silhouette
from kbassist.gaps.merging import family_evidence, merge_families
from kbassist.ingest.service import store_tickets
from kbassist.records import TicketRecord

START = datetime(2024, 5, 1, 9, 0)

# One issue (OneDrive stuck syncing) in three wordings that share almost no words,
# fixed the same way every time; two other issues with fixes of their own.
ONEDRIVE_WORDINGS = [
    ("OneDrive stuck on processing changes", "OneDrive says processing changes for hours"),
    ("Red icons on synced folders", "The synced folders show red icons and files never upload"),
    ("Changes started but files never finish syncing", "Files stuck syncing since the update"),
]
ONEDRIVE_NOTES = [
    "Cause: the OneDrive cache was corrupt after the client update. Reset OneDrive with "
    "onedrive.exe /reset, signed in again and let the library resync. Verified the files "
    "upload and the sync icons are green.",
    "Reset the OneDrive client (onedrive.exe /reset) because the sync cache was corrupt, "
    "then re-signed in; library resynced. User confirmed files upload again.",
    "Corrupt OneDrive sync cache. Ran onedrive.exe /reset, signed back in, library "
    "resynced and the icons turned green. Confirmed with the user.",
]
OTHERS = {
    "printer": (
        ("Printer offline and jobs stuck in the queue", "Nothing prints, the queue is full"),
        "Restarted the Print Spooler service, cleared C:\\Windows\\System32\\spool\\PRINTERS "
        "and re-added the printer by IP. Test page printed.",
    ),
    "vpn": (
        ("VPN disconnects from home every few minutes", "Remote VPN tunnel keeps dropping"),
        "Raised the FortiClient keepalive and DPD timers on the firewall, updated "
        "FortiClient to 7.2.4. Tunnel stable for an hour.",
    ),
}


def _ticket(number: int, title: str, description: str, note: str, day: int) -> TicketRecord:
    return TicketRecord(
        id=f"T-{number}",
        title=title,
        description=description,
        resolution=note,
        status="Closed",
        client="Harbor Dental",
        assignee=f"Tech {number % 2}",
        created_at=START + timedelta(days=day),
        resolved_at=START + timedelta(days=day, hours=2),
        time_spent_minutes=45,
    )


def plant_three_ways(core: Core) -> dict[str, list[str]]:
    records, planted = [], {"onedrive": [], "printer": [], "vpn": []}
    number = 500000
    for index in range(18):
        title, description = ONEDRIVE_WORDINGS[index % 3]
        number += 1
        note = ONEDRIVE_NOTES[(index // 3) % 3]
        records.append(_ticket(number, title, f"{description} ({index})", note, index))
        planted["onedrive"].append(f"T-{number}")
    for name, ((title, description), note) in OTHERS.items():
        for index in range(7):
            number += 1
            records.append(_ticket(number, title, f"{description} ({index})", note, 2 * index))
            planted[name].append(f"T-{number}")
    store_tickets(core, records, source="test")
    return planted


def test_a_planted_issue_written_three_ways_is_one_gap(core: Core) -> None:
    planted = plant_three_ways(core)
    # Wording alone splits it: the clustering by text puts the three wordings apart.
    with core.connect() as conn:
        rows = queries.resolved_tickets(conn)
    vectors = core.resources.embedder.encode([f"{r.title}\n{r.description}" for r in rows])
    by_text = cluster_vectors(vectors)
    text_family = {r.id: label for r, label in zip(rows, by_text.labels, strict=True)}
    assert len({text_family[t] for t in planted["onedrive"]}) == 3
    # The resolutions say it is one issue.
    gaps.recluster(core)
    with core.connect() as conn:
        found = gaps_report.find_gaps(conn)
        family_of = queries.families_of(conn)
    assert len({family_of[t] for t in planted["onedrive"]}) == 1
    holding = [g for g in found.gaps if set(g.ticket_ids) & set(planted["onedrive"])]
    assert len(holding) == 1 and set(holding[0].ticket_ids) == set(planted["onedrive"])
    assert sorted(len(g.ticket_ids) for g in found.gaps) == [7, 7, 18]  # nothing else merged


def test_without_the_merge_the_same_issue_is_three_gaps(core: Core) -> None:
    planted = plant_three_ways(core)
    gaps.recluster(core, merge_similarity=None)
    with core.connect() as conn:
        found = gaps_report.find_gaps(conn)
    holding = [g for g in found.gaps if set(g.ticket_ids) & set(planted["onedrive"])]
    assert len(holding) == 3


def test_merging_needs_more_than_wording() -> None:
    # Two parts with near-identical text but different fixes and articles stay apart;
    # two parts in different words with one fix and one article merge.
    vectors = np.array([[1.0, 0.0, 0.0], [0.99, 0.1, 0.0], [0.0, 0.0, 1.0], [0.3, 0.0, 0.95]])
    notes = [
        "Restarted the spooler service and cleared the queue folder",
        "Replaced the fuser unit and ran a cleaning page on the printer",
        "Reset the sync client with the reset switch and signed in again",
        "Reset the sync client with the reset switch, signed in again, resynced",
    ]
    links = [["KB-1"], ["KB-2"], ["KB-9"], ["KB-9"]]
    evidence = family_evidence([0, 1, 2, 3], vectors, notes, links)
    merged = merge_families([0, 1, 2, 3], evidence, [0, 0, 1, 2], 0.4)
    assert merged[0] != merged[1]
    assert merged[2] == merged[3]


def test_the_number_of_families_is_found_not_given() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(6, 32))
    vectors = np.vstack([c + 0.15 * rng.normal(size=(12, 32)) for c in centres])
    truth = np.repeat(np.arange(6), 12)
    found = cluster_vectors(vectors)
    assert len(found.families) == 6
    assert len(set(zip(truth.tolist(), found.labels, strict=True))) == 6
    assert found.choice is not None and found.choice.silhouette > 0.5
    # Many copies of one text are one point, not a family of their own.
    copies = np.vstack([vectors, np.repeat(vectors[:1], 40, axis=0)])
    assert len(cluster_vectors(copies).families) == 6


def test_silhouette_of_a_perfect_split() -> None:
    distances = np.array([[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 1, 0, 0]], float)
    assert silhouette(distances, np.array([0, 0, 1, 1])) == pytest.approx(1.0)
    assert silhouette(distances, np.array([0, 1, 0, 1])) < 0


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("titles", "avoid", "expected"),
    [
        (
            [
                "OneDrive stuck on 'Processing changes'",
                "OneDrive stuck on 'Processing changes' - Harbor Dental",
                "Maria's OneDrive stuck on 'Processing changes'",
                "OneDrive not syncing on DESKTOP-83BW",
            ],
            ["Harbor Dental"],
            "OneDrive stuck on 'Processing changes'",
        ),
        (
            ["RAID degraded on NAS01", "RAID degraded on NAS02", "NAS01 beeping, RAID degraded"],
            [],
            "RAID degraded",
        ),
        (
            [
                "[Pinecrest Legal] Wi-Fi keeps dropping",
                "Wi-Fi keeps dropping - Olga",
                "Wi-Fi keeps dropping",
            ],
            ["Pinecrest Legal"],
            "Wi-Fi keeps dropping",
        ),
    ],
)
def test_a_family_is_named_from_its_titles(
    titles: list[str], avoid: list[str], expected: str
) -> None:
    assert naming.name_family(titles, avoid) == expected


def test_names_never_hold_hosts_addresses_or_secrets() -> None:
    titles = [
        "Cannot reach \\\\FS01\\share from 10.0.4.17 (ask maria.lopez@harbor.com)",
        "Password reset to Winter2024! for jsmith on SRV-APP01",
        "File share unreachable on fs01.corp.local",
    ] * 3
    name = naming.name_family(titles)
    for bad in ("FS01", "10.0.4", "@", "Winter2024", "SRV-APP01", "corp.local"):
        assert bad.lower() not in name.lower(), name
    assert naming.strip_hosts("Disk full on SRV-FILE01 at 192.168.1.10") == "Disk full"
    assert naming.strip_hosts("Windows Update fails with 0x800f0922") == (
        "Windows Update fails with 0x800f0922"
    )


def test_a_draft_title_is_the_family_name_without_host_names(core: Core) -> None:
    records = [
        _ticket(
            700000 + i,
            f"Disk full on {host}",
            f"C: drive on {host} below 5% free",
            "Cleared the WinSxS store with DISM /StartComponentCleanup and moved old IIS logs. "
            "Free space back to 40%. Verified with the RMM monitor.",
            i,
        )
        for i, host in enumerate(["SRV-FILE01", "FS01", "DC02", "SRV-APP01", "RDS01", "PRN01"])
    ]
    store_tickets(core, records, source="test")
    gaps.recluster(core)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[records[0].id]
        family = gaps_report.get_family(conn, family_id)
        draft = playbook.draft_playbook(
            conn, family_id, author="Dana Whitfield", day=date(2024, 6, 1)
        )
    assert draft.title == family.label == "Disk full"
    assert "title: Disk full\n" in draft.markdown and "author: Dana Whitfield" in draft.markdown
    for host in ("SRV-FILE01", "FS01", "DC02", "SRV-APP01", "RDS01", "PRN01"):
        assert host not in draft.title
    assert all(line.ticket_ids for line in draft.lines)  # every step cites its tickets


def test_names_pass_to_the_family_holding_most_of_the_tickets() -> None:
    named = [(11, ["a", "b", "c", "d"]), (12, ["x", "y"]), (13, ["p", "q", "r"])]
    family_of = {"a": 0, "b": 0, "c": 0, "d": 1, "x": 0, "y": 0, "p": 2, "q": 3, "r": 4}
    inherited = naming.inherit_names(named, family_of)
    assert inherited == {0: 0}  # family 0 holds more of name 11's tickets; 13 is scattered


# ---------------------------------------------------------------- renames


def test_a_renamed_family_keeps_its_name_after_kbassist_cluster(core: Core, runner) -> None:  # type: ignore[no-untyped-def]
    planted = plant_three_ways(core)
    assert runner.invoke(["cluster"]).exit_code == 0
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["printer"][0]]
    result = runner.invoke(["name-family", str(family_id), "Print queue jammed", "--by", "Morgan"])
    assert result.exit_code == 0, result.output
    assert "Print queue jammed" in result.output
    assert runner.invoke(["cluster"]).exit_code == 0
    with core.connect() as conn:
        new_id = queries.families_of(conn)[planted["printer"][0]]
        labels = queries.family_labels(conn)  # what credit and the weekly review read
    assert new_id != family_id  # a new run, new ids
    assert labels[new_id] == "Print queue jammed"
    families = json.loads(runner.invoke(["clusters", "--json"]).output)
    renamed = next(f for f in families if f["id"] == new_id)
    assert (renamed["name"], renamed["named_by"]) == ("Print queue jammed", "Morgan")
    assert renamed["generated_name"] and renamed["generated_name"] != "Print queue jammed"
    found = json.loads(runner.invoke(["gaps", "--json"]).output)
    assert "Print queue jammed" in [g["label"] for g in found]
    # An empty name goes back to kbassist's.
    runner.invoke(["name-family", str(new_id), ""])
    with core.connect() as conn:
        assert queries.family_labels(conn)[new_id] == renamed["generated_name"]


def test_a_name_must_not_hold_a_secret(core: Core) -> None:
    planted = plant_three_ways(core)
    gaps.recluster(core)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["vpn"][0]]
    # A personal address and a password are refused; a work address is work identity.
    for name in ("VPN for bob.smith@gmail.com", "VPN temp password Summer2024!"):
        with pytest.raises(Exception, match="password, key, e-mail"):
            gaps.rename_family(core, family_id, name, "Morgan")
    with pytest.raises(Exception, match="No issue family"):
        gaps.rename_family(core, 999999, "VPN", "Morgan")


# ---------------------------------------------------------------- snapshot and pages


def test_the_pipeline_refreshes_the_snapshot_the_pages_read(core: Core) -> None:
    planted = plant_three_ways(core)
    gaps.recluster(core)
    with core.connect() as conn:
        first = snapshot.load(conn)
    assert first is not None and first.coverage
    late = _ticket(
        600001, "Scanner cannot email scans", "Copier scan to email fails", "Fixed SMTP relay.", 30
    )
    pipeline.store_tickets(core, [late], source="late")
    with core.connect() as conn:
        second = snapshot.load(conn)
        rows = conn.execute(select(store.gap_snapshots.c.id)).all()
    assert second is not None and second.created_at >= first.created_at
    assert len(rows) <= 3  # only a few kept
    with core.connect() as conn:
        onedrive = queries.families_of(conn)[planted["onedrive"][0]]
    assert onedrive in second.coverage and not second.coverage[onedrive].covered


def test_a_family_page_is_paginated(core: Core) -> None:
    planted = plant_three_ways(core)
    gaps.recluster(core)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["onedrive"][0]]
        first = pages.family_page(conn, family_id, per_page=5)
        last = pages.family_page(conn, family_id, page=4, per_page=5)
        beyond = pages.family_page(conn, family_id, page=99, per_page=5)
    assert (first.pages, len(first.tickets), len(last.tickets)) == (4, 5, 3)
    assert beyond.page == 4
    seen = [t["id"] for p in range(1, 5) for t in _page(core, family_id, p)]
    assert sorted(seen) == sorted(planted["onedrive"])
    assert first.notes and first.notes[0].score >= first.notes[-1].score


def test_a_family_page_shows_titles_and_notes_masked(core: Core) -> None:
    planted = plant_three_ways(core)
    gaps.recluster(core)
    ticket_id = planted["onedrive"][0]
    with core.begin() as conn:  # stored before ingest masked, as an old instance may hold
        conn.execute(
            store.tickets.update()
            .where(store.tickets.c.id == ticket_id)
            .values(
                title="OneDrive stuck, temp pw Summer2024!",
                resolution="Reset the OneDrive cache and gave the user temp pw Summer2024! "
                "over the phone; sync finished and the user confirmed it works now.",
            )
        )
    with core.connect() as conn:
        family_id = queries.families_of(conn)[ticket_id]
        shown = pages.family_page(conn, family_id, per_page=100)
    rendered = json.dumps(
        [shown.tickets, [note.text for note in shown.notes]], default=str, ensure_ascii=False
    )
    assert "Summer2024" not in rendered, rendered
    assert "temp pw ••••••" in rendered
    assert all("description" not in t and "resolution" not in t for t in shown.tickets)


def _page(core: Core, family_id: int, number: int) -> tuple[dict, ...]:  # type: ignore[type-arg]
    with core.connect() as conn:
        return pages.family_page(conn, family_id, page=number, per_page=5).tickets


def test_family_pages_and_renames_on_the_web(app, client, login, csrf, core: Core) -> None:  # type: ignore[no-untyped-def]
    planted = plant_three_ways(core)
    gaps.recluster(core)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["onedrive"][0]]
    for role in ("tech", "reviewer"):
        login(role)
        assert client.get(f"/gaps/{family_id}").status_code == 403
        denied = client.post(f"/gaps/{family_id}/name", data={"name": "x", "csrf_token": csrf()})
        assert denied.status_code == 403
        client.post("/logout", data={"csrf_token": csrf()})
    login("manager")
    page = client.get(f"/gaps/{family_id}?page=2")
    assert page.status_code == 200
    assert client.get(f"/gaps/{family_id}?page=zero").status_code == 400
    renamed = client.post(
        f"/gaps/{family_id}/name",
        data={"name": "OneDrive stuck syncing", "csrf_token": csrf(f"/gaps/{family_id}")},
    )
    assert renamed.status_code == 302
    assert "OneDrive stuck syncing" in client.get("/gaps").get_data(as_text=True)
    assert "<h1>OneDrive stuck syncing</h1>" in client.get(f"/gaps/{family_id}").get_data(
        as_text=True
    )


def test_rename_api_for_managers_only(app, client, core: Core, users) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    planted = plant_three_ways(core)
    gaps.recluster(core)
    with core.connect() as conn:
        family_id = queries.families_of(conn)[planted["vpn"][0]]
    url = f"/api/v1/clusters/{family_id}/name"
    for role in ("tech", "reviewer"):
        headers = {"Authorization": f"Bearer {create_token(core, role)}"}
        assert client.put(url, json={"name": "VPN drops"}, headers=headers).status_code == 403
    manager = {"Authorization": f"Bearer {create_token(core, 'manager')}"}
    response = client.put(url, json={"name": "VPN drops at home"}, headers=manager)
    assert response.status_code == 200 and response.json == {
        "id": family_id,
        "name": "VPN drops at home",
    }
    assert client.put(url, json={"title": "x"}, headers=manager).status_code == 400
    assert (
        client.put("/api/v1/clusters/999999/name", json={"name": "x"}, headers=manager).status_code
        == 404
    )


def test_the_sampled_path_keeps_parts_inside_families() -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(5, 16))
    vectors = np.vstack([c + 0.1 * rng.normal(size=(30, 16)) for c in centres])
    found = cluster_vectors(vectors, ClusterParams(max_direct=60))
    assert found.rounds >= 1 and len(found.families) == 5
    family_of_part: dict[int, int] = {}
    for part, family in zip(found.parts, found.labels, strict=True):
        assert family_of_part.setdefault(part, family) == family


def test_people_in_a_title_pattern_and_mail_prefixes_never_name_a_family() -> None:
    titles = [
        "Naomi unable to vpn",
        "Carlos unable to vpn",
        "RE: Naomi unable to vpn",
        "FW: Laptop cannot connect to vpn",
        "URGENT: Unable to vpn",
    ]
    assert naming.slot_fillers(titles) >= {"naomi", "carlos"}
    assert naming.name_family(titles) == "Unable to vpn"
    assert naming.name_family(["RE: Computer very slow", "FW: Computer very slow"]) == (
        "Computer very slow"
    )
