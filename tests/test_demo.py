"""The demo generator: deterministic, consistent with kb/, and planting what its truth says."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from kbassist.articles import iter_links, parse_article
from kbassist.demo import generator as demo
from kbassist.demo import world
from kbassist.errors import InvalidInput
from kbassist.records import ARTICLE_TYPES

KB_DIR = demo.default_kb_dir()
REQUIRED_KEYS = ("id", "title", "author", "contributors", "created", "updated", "type", "tags")
TECH_NAMES = {tech.name for tech in world.TECHNICIANS}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\(?\+?\d{1,3}\)?[ -]\d{3,4}[ -]\d{3,4}")


@pytest.fixture(scope="module")
def data() -> demo.DemoData:
    return demo.generate(seed=7, n_tickets=500)


@pytest.fixture(scope="module")
def large() -> demo.DemoData:
    return demo.generate(seed=11, n_tickets=3000)


@pytest.fixture(scope="module")
def written(data: demo.DemoData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return demo.write_demo(data, tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def front_matter() -> dict[str, dict]:
    result = {}
    for path in sorted(KB_DIR.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("---\n"), path.name
        meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
        meta["_path"] = path
        meta["_text"] = text
        result[meta["id"]] = meta
    return result


def _truth(data: demo.DemoData, ticket_id: str) -> dict:
    return data.ground_truth["tickets"][ticket_id]


# --- Determinism --------------------------------------------------------------------------


def _written_bytes(paths: dict[str, Path]) -> dict[str, bytes]:
    files = {"tickets": paths["tickets"].read_bytes(), "truth": paths["ground_truth"].read_bytes()}
    for path in sorted(paths["kb_revisions"].glob("*.md")):
        files[path.name] = path.read_bytes()
    return files


def test_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = demo.write_demo(demo.generate(seed=3, n_tickets=300), tmp_path / "a")
    second = demo.write_demo(demo.generate(seed=3, n_tickets=300), tmp_path / "b")
    assert _written_bytes(first) == _written_bytes(second)


# SHA-256 of what seed 7 with 300 tickets writes. The demo's numbers feed the benchmarks
# (bench/results/), so a refactoring must leave them alone; change these only with the
# world on purpose, and rerun the benchmarks when you do.
SEED_7_DIGESTS = {
    "tickets": "db591ab5ce5e909c6e08176279b17646e68fba4967885b8bc82a0a8b5b5f65af",
    "ground_truth": "295bcec2742dba5de359ffcb238407b10236c25aea1fe621b59424c7dc7b3117",
    "kb_revisions": "86a58e88262aa93ca6dd68876d887127c9ba5cee6a2d7055a01a4923b3003c8f",
}


def test_seed_7_output_is_unchanged(tmp_path: Path) -> None:
    paths = demo.write_demo(demo.generate(seed=7, n_tickets=300), tmp_path)
    revisions = hashlib.sha256()
    for path in sorted(paths["kb_revisions"].glob("*.md")):
        revisions.update(path.name.encode() + b"\0" + path.read_bytes())
    digests = {
        "tickets": hashlib.sha256(paths["tickets"].read_bytes()).hexdigest(),
        "ground_truth": hashlib.sha256(paths["ground_truth"].read_bytes()).hexdigest(),
        "kb_revisions": revisions.hexdigest(),
    }
    assert digests == SEED_7_DIGESTS


def test_a_different_seed_gives_different_tickets(tmp_path: Path) -> None:
    first = demo.write_demo(demo.generate(seed=3, n_tickets=300), tmp_path / "a")
    other = demo.write_demo(demo.generate(seed=4, n_tickets=300), tmp_path / "b")
    assert first["tickets"].read_bytes() != other["tickets"].read_bytes()


def test_rewriting_replaces_the_output(tmp_path: Path) -> None:
    demo.write_demo(demo.generate(seed=3, n_tickets=200), tmp_path)
    paths = demo.write_demo(demo.generate(seed=5, n_tickets=150), tmp_path)
    assert len(paths["tickets"].read_text().splitlines()) == 150
    assert not list(tmp_path.glob("*.partial"))


# --- Shape and counts ---------------------------------------------------------------------


def test_counts_ids_people_and_families(data: demo.DemoData) -> None:
    tickets = data.tickets
    assert len(tickets) == 500
    ids = [t.id for t in tickets]
    assert len(set(ids)) == 500
    assert all(re.fullmatch(r"T-1\d{5}", ticket_id) for ticket_id in ids)
    assert [t.created_at for t in tickets] == sorted(t.created_at for t in tickets)
    assert {t.assignee for t in tickets} <= TECH_NAMES
    assert len({t.assignee for t in tickets}) >= 13
    assert {t.client for t in tickets} <= {c.name for c in world.CLIENTS}
    assert len({t.client for t in tickets}) >= 18
    families = data.ground_truth["families"]
    assert 30 <= len(families) <= 40
    assert set(data.ground_truth["tickets"]) == set(ids)
    listed = [ticket_id for f in families.values() for ticket_id in f["ticket_ids"]]
    assert sorted(listed) == sorted(ids)
    assert {t.priority for t in tickets} == {"P1", "P2", "P3", "P4"}
    assert Counter(t.priority for t in tickets).most_common(1)[0][0] == "P3"


def test_n_tickets_scales_the_output() -> None:
    small = demo.generate(seed=7, n_tickets=40)
    assert len(small.tickets) == 40
    assert len(small.ground_truth["tickets"]) == 40


def test_jsonl_is_the_canonical_schema(written: dict[str, Path]) -> None:
    lines = written["tickets"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 500
    first = json.loads(lines[0])
    assert list(first) == [
        "id",
        "title",
        "description",
        "resolution",
        "status",
        "priority",
        "category",
        "client",
        "assignee",
        "created_at",
        "resolved_at",
        "closed_at",
        "time_spent_minutes",
        "reopen_count",
        "escalation_count",
        "kb_links",
        "notes",
    ]
    for line in lines:
        row = json.loads(line)
        datetime.fromisoformat(row["created_at"])
        assert all(
            set(note) == {"author", "created_at", "text", "internal"} for note in row["notes"]
        )


def test_ground_truth_file_is_json_with_the_documented_keys(written: dict[str, Path]) -> None:
    truth = json.loads(written["ground_truth"].read_text(encoding="utf-8"))
    for key in ("seed", "trend", "families", "articles", "tickets", "technicians", "revisions"):
        assert key in truth
    family = next(iter(truth["families"].values()))
    for key in ("label", "category", "article_id", "published", "planted_minutes_saved"):
        assert key in family
    for key in ("null_effect", "gap", "ticket_ids"):
        assert key in family
    ticket = next(iter(truth["tickets"].values()))
    assert set(ticket["criteria"]) == set(world.CRITERIA)
    assert ticket["note_quality"] in ("good", "poor")


# --- The knowledge base -------------------------------------------------------------------


def test_every_kb_article_has_valid_front_matter(front_matter: dict[str, dict]) -> None:
    assert 35 <= len(front_matter) <= 45
    for article_id, meta in front_matter.items():
        for key in REQUIRED_KEYS:
            assert meta.get(key) not in (None, ""), f"{article_id}: {key}"
        assert "clients" in meta, article_id
        assert meta["type"] in ARTICLE_TYPES, article_id
        assert meta["_path"].name.startswith(article_id + "-")
        assert isinstance(meta["created"], date) and isinstance(meta["updated"], date)
        assert meta["created"] <= meta["updated"], article_id
        assert all(isinstance(meta[k], list) for k in ("contributors", "tags", "clients"))
        assert meta["author"] in TECH_NAMES, article_id
        assert set(meta["contributors"]) <= TECH_NAMES, article_id
        parse_article(meta["_text"], path=meta["_path"].name)  # the ingest parser agrees
    assert len({meta["author"] for meta in front_matter.values()}) >= 8
    assert {meta["type"] for meta in front_matter.values()} == set(ARTICLE_TYPES)


def test_kb_plants_the_hygiene_and_link_problems(front_matter: dict[str, dict]) -> None:
    texts = {article_id: meta["_text"] for article_id, meta in front_matter.items()}
    assert [a for a, text in texts.items() if "the local admin password is Summer2024!" in text]
    contact = [a for a, text in texts.items() if EMAIL.search(text) and PHONE.search(text)]
    assert len(contact) == 1
    assert len([a for a, text in texts.items() if EMAIL.search(text)]) == 1
    links = {
        article_id: [target for target in iter_links(meta["_text"]) if target.startswith("KB-")]
        for article_id, meta in front_matter.items()
    }
    targets = [target for found in links.values() for target in found]
    assert len(targets) >= 8
    broken = [target for target in targets if target not in front_matter]
    assert broken == ["KB-0099"]


def test_kb_holds_thin_stale_and_duplicate_articles(front_matter: dict[str, dict]) -> None:
    bodies = {a: meta["_text"].split("\n---\n", 1)[1].strip() for a, meta in front_matter.items()}
    thin = [a for a, body in bodies.items() if len(body.splitlines()) <= 3]
    assert len(thin) >= 2
    stale = [a for a, meta in front_matter.items() if meta["updated"] < date(2024, 1, 1)]
    assert len(stale) >= 3
    for duplicate, (_, original) in world.DUPLICATES.items():
        assert duplicate in front_matter and original in front_matter
        shared = set(front_matter[duplicate]["tags"]) & set(front_matter[original]["tags"])
        assert shared, (duplicate, original)


# --- Ground truth against kb/ and the tickets ----------------------------------------------


def test_ground_truth_agrees_with_front_matter(
    data: demo.DemoData, front_matter: dict[str, dict]
) -> None:
    truth = data.ground_truth
    assert set(truth["articles"]) == set(front_matter)
    for article_id, info in truth["articles"].items():
        assert info["published"] == front_matter[article_id]["created"].isoformat()
    for key, family in truth["families"].items():
        if family["article_id"]:
            created = front_matter[family["article_id"]]["created"].isoformat()
            assert family["published"] == created, key
            assert truth["articles"][family["article_id"]]["family"] == key


def test_planted_families_cover_gaps_nulls_and_early_articles(data: demo.DemoData) -> None:
    families = data.ground_truth["families"]
    start = date.fromisoformat(data.ground_truth["period"]["start"])
    end = date.fromisoformat(data.ground_truth["period"]["end"])
    gaps = [k for k, f in families.items() if f["gap"]]
    nulls = [k for k, f in families.items() if f["null_effect"]]
    early = [k for k, f in families.items() if f["existed_from_start"]]
    planted = [k for k, f in families.items() if f["planted_minutes_saved"]]
    assert len(gaps) >= 6 and len(nulls) >= 3 and len(early) >= 3 and len(planted) >= 10
    for key in planted:
        family = families[key]
        assert 5 <= family["planted_minutes_saved"] <= 40
        assert start < date.fromisoformat(family["published"]) < end
    for key in nulls:
        assert families[key]["planted_minutes_saved"] == 0.0 and families[key]["article_id"]


def test_gaps_have_no_article_and_no_links(data: demo.DemoData) -> None:
    truth = data.ground_truth
    covered = {info["family"] for info in truth["articles"].values()}
    by_id = {t.id: t for t in data.tickets}
    for key, family in truth["families"].items():
        if family["gap"]:
            assert family["article_id"] is None and family["published"] is None
            assert key not in covered
            assert all(not by_id[ticket_id].kb_links for ticket_id in family["ticket_ids"])


def test_some_gaps_are_frequent_and_costly(large: demo.DemoData) -> None:
    hours: dict[str, float] = defaultdict(float)
    for ticket in large.tickets:
        hours[_truth(large, ticket.id)["family"]] += (ticket.time_spent_minutes or 0) / 60
    costliest = sorted(hours, key=hours.__getitem__, reverse=True)[:5]
    families = large.ground_truth["families"]
    assert sum(families[key]["gap"] for key in costliest) >= 2


def test_links_only_point_at_articles_published_before_the_ticket(
    data: demo.DemoData, front_matter: dict[str, dict]
) -> None:
    linked = [t for t in data.tickets if t.kb_links]
    assert len(linked) >= 100
    for ticket in linked:
        family = _truth(data, ticket.id)["family"]
        for article_id in ticket.kb_links:
            assert article_id in front_matter
            assert ticket.created_at.date() >= front_matter[article_id]["created"]
            assert data.ground_truth["articles"][article_id]["family"] == family


def test_link_share_after_publication_is_in_the_planted_range(large: demo.DemoData) -> None:
    by_id = {t.id: t for t in large.tickets}
    for key, family in large.ground_truth["families"].items():
        if not family["article_id"]:
            continue
        after = [
            by_id[ticket_id]
            for ticket_id in family["ticket_ids"]
            if by_id[ticket_id].created_at.date().isoformat() >= family["published"]
        ]
        if len(after) < 40:
            continue
        share = sum(family["article_id"] in t.kb_links for t in after) / len(after)
        assert 0.3 <= share <= 0.8, key


# --- Dates, statuses, work notes ----------------------------------------------------------


def test_dates_are_ordered_and_inside_the_period(data: demo.DemoData) -> None:
    start = datetime.fromisoformat(data.ground_truth["period"]["start"])
    end = datetime.fromisoformat(data.ground_truth["period"]["end"])
    for ticket in data.tickets:
        assert start <= ticket.created_at < end.replace(hour=23, minute=59, second=59)
        assert ticket.created_at <= ticket.resolved_at
        if ticket.closed_at is not None:
            assert ticket.resolved_at <= ticket.closed_at
            assert ticket.status == "Closed"
        else:
            assert ticket.status == "Resolved"
    statuses = Counter(t.status for t in data.tickets)
    assert statuses["Closed"] > 0.9 * len(data.tickets) and statuses["Resolved"] > 0


def test_work_notes_fall_inside_the_ticket(data: demo.DemoData) -> None:
    for ticket in data.tickets:
        assert 1 <= len(ticket.notes) <= 3
        for note in ticket.notes:
            assert note.author in TECH_NAMES and note.text
            assert ticket.created_at <= note.created_at <= ticket.resolved_at
        if ticket.escalation_count:
            assert any("Escalated to" in note.text for note in ticket.notes)


def test_weekdays_are_busier_than_weekends(large: demo.DemoData) -> None:
    weekdays = Counter(t.created_at.weekday() for t in large.tickets)
    assert min(weekdays[d] for d in range(5)) > 3 * max(weekdays[5], weekdays[6])


# --- Wording ------------------------------------------------------------------------------


def test_a_frequent_family_is_worded_many_ways(large: demo.DemoData) -> None:
    families = large.ground_truth["families"]
    biggest = max(families, key=lambda key: len(families[key]["ticket_ids"]))
    by_id = {t.id: t for t in large.tickets}
    tickets = [by_id[ticket_id] for ticket_id in families[biggest]["ticket_ids"]]
    titles = {t.title for t in tickets}
    openings = {" ".join(t.title.lower().split()[:2]) for t in tickets}
    assert len(titles) >= 0.3 * len(tickets)
    assert len(openings) >= 8
    assert len({t.description for t in tickets}) >= 0.8 * len(tickets)


def test_every_template_fills_from_the_documented_slots() -> None:
    for family in world.FAMILIES:
        slots = {name: f"<{name}>" for name in world.COMMON_SLOTS}
        slots.update({name: values[0] for name, values in family.slots.items()})
        slots.update(scope_cap="<Scope>", command="<command>")
        assert family.software and all(family.software), family.key
        assert family.device in world.OS_BY_KIND, family.key
        assert not family.device_slot or family.device_slot in family.slots, family.key
        assert family.scope in world.SCOPES and family.priority in world.PRIORITY_PROFILES
        assert family.commands and all(family.commands), family.key
        groups = (
            family.titles,
            family.descriptions,
            family.problem,
            family.cause,
            family.steps,
            family.verification,
            family.commands,
            family.errors,
            family.followup,
        )
        for template in (t for group in groups for t in group):
            template.format_map(slots)
        for group in (world.ENVIRONMENT, world.VERIFICATION, world.FOLLOWUP, world.FOLLOWUP_LINKED):
            for template in group:
                template.format_map(slots)
        for language in world.FOREIGN.values():
            for templates in language.values():
                for template in templates:
                    template.format_map(slots)
        assert len(family.titles) >= 6 and len(family.descriptions) >= 3, family.key


# --- Closure notes and their labels -------------------------------------------------------


def test_quality_label_follows_the_criteria(data: demo.DemoData) -> None:
    vague = set(world.VAGUE_NOTES) | {v for lang in world.FOREIGN.values() for v in lang["vague"]}
    for ticket in data.tickets:
        info = _truth(data, ticket.id)
        count = sum(info["criteria"].values())
        assert info["note_quality"] == ("good" if count >= 4 else "poor")
        if count == 0 and not (info["has_secret"] or info["has_personal_data"] or info["html"]):
            assert ticket.resolution in vague


def test_poor_technicians_mostly_lack_criteria(large: demo.DemoData) -> None:
    counts: dict[str, list[int]] = defaultdict(list)
    for ticket in large.tickets:
        counts[ticket.assignee].append(sum(_truth(large, ticket.id)["criteria"].values()))
    technicians = large.ground_truth["technicians"]
    vague = [name for name, info in technicians.items() if info["mostly_vague"]]
    exemplary = [name for name, info in technicians.items() if info["style"] == "exemplary"]
    assert len(vague) == 2 and len(exemplary) >= 2
    for name in vague:
        assert statistics.mean(counts[name]) < 1.0, name
    for name in exemplary:
        assert statistics.mean(counts[name]) > 4.5, name


def test_fragments_appear_only_for_planted_criteria(data: demo.DemoData) -> None:
    families = {family.key: family for family in world.FAMILIES}
    checked = 0
    for ticket in data.tickets:
        info = _truth(data, ticket.id)
        if info["language"] != "en" or info["html"]:
            continue
        family = families[info["family"]]
        # Cause and steps fragments are family-specific; slot-free ones can be looked up whole.
        for criterion in ("cause", "steps"):
            fragments = [t.rstrip(".") for t in getattr(family, criterion) if "{" not in t]
            if fragments and not info["criteria"][criterion]:
                assert not any(f in ticket.resolution for f in fragments), (ticket.id, criterion)
                checked += 1
    assert checked > 100


def test_poor_notes_go_with_more_reopens_and_escalations(large: demo.DemoData) -> None:
    groups: dict[str, list] = defaultdict(list)
    for ticket in large.tickets:
        groups[_truth(large, ticket.id)["note_quality"]].append(ticket)

    def rate(tickets: list, field: str) -> float:
        return sum(getattr(t, field) > 0 for t in tickets) / len(tickets)

    assert rate(groups["poor"], "reopen_count") > 1.5 * rate(groups["good"], "reopen_count")
    assert rate(groups["poor"], "escalation_count") > rate(groups["good"], "escalation_count")


def test_hygiene_plants_are_recorded(large: demo.DemoData) -> None:
    secrets = [t for t in large.tickets if _truth(large, t.id)["has_secret"]]
    personal = [t for t in large.tickets if _truth(large, t.id)["has_personal_data"]]
    assert 10 <= len(secrets) <= 0.05 * len(large.tickets)
    assert 10 <= len(personal) <= 0.05 * len(large.tickets)
    for ticket in large.tickets:
        leaked = (
            any(p in ticket.resolution for p in world.PASSWORDS)
            or "the MFA code" in ticket.resolution
        )
        assert leaked == _truth(large, ticket.id)["has_secret"], ticket.id
        contact = bool(
            EMAIL.search(ticket.resolution) or re.search(r"555|7700 900", ticket.resolution)
        )
        assert contact == _truth(large, ticket.id)["has_personal_data"], ticket.id


def test_some_notes_are_html_or_not_in_english(large: demo.DemoData) -> None:
    html = [t for t in large.tickets if _truth(large, t.id)["html"]]
    assert html and all(t.resolution.startswith(("<p>", "<div>")) for t in html)
    languages = Counter(_truth(large, t.id)["language"] for t in large.tickets)
    assert languages["de"] >= 5 and languages["es"] >= 5
    german = [t for t in large.tickets if _truth(large, t.id)["language"] == "de"]
    assert all(t.assignee == "Tom Becker" for t in german)


# --- Planted effects ----------------------------------------------------------------------


def _median_before_after(data: demo.DemoData, key: str) -> tuple[float, float]:
    family = data.ground_truth["families"][key]
    by_id = {t.id: t for t in data.tickets}
    tickets = [by_id[ticket_id] for ticket_id in family["ticket_ids"]]
    published = family["published"]
    before = [t.time_spent_minutes for t in tickets if t.created_at.date().isoformat() < published]
    after = [t.time_spent_minutes for t in tickets if t.created_at.date().isoformat() >= published]
    return statistics.median(before), statistics.median(after)


def test_a_planted_article_speeds_up_its_family(large: demo.DemoData) -> None:
    before, after = _median_before_after(large, "windows_update_0x800f0922")
    assert after < 0.8 * before
    before, after = _median_before_after(large, "printer_spooler")
    assert after < before


def test_a_null_article_leaves_its_family_alone(large: demo.DemoData) -> None:
    before, after = _median_before_after(large, "teams_audio")
    assert 0.75 < after / before < 1.33


def test_global_trend_changes_times_without_touching_the_rest() -> None:
    flat = demo.generate(seed=5, n_tickets=800)
    faster = demo.generate(seed=5, n_tickets=800, trend=-0.3)
    assert [t.id for t in flat.tickets] == [t.id for t in faster.tickets]
    assert flat.ground_truth["families"] == faster.ground_truth["families"]
    assert faster.ground_truth["trend"] == -0.3
    end = flat.tickets[-1].created_at
    late = [
        b.time_spent_minutes / a.time_spent_minutes
        for a, b in zip(flat.tickets, faster.tickets, strict=True)
        if (end - a.created_at).days < 90
    ]
    early = [
        b.time_spent_minutes / a.time_spent_minutes
        for a, b in zip(flat.tickets, faster.tickets, strict=True)
        if (a.created_at - flat.tickets[0].created_at).days < 30
    ]
    assert statistics.median(late) < 0.72
    assert statistics.median(early) > 0.9


# --- Revisions ----------------------------------------------------------------------------


def test_revisions_add_a_second_editor(
    data: demo.DemoData, written: dict[str, Path], front_matter: dict[str, dict]
) -> None:
    files = sorted(written["kb_revisions"].glob("*.md"))
    assert len(files) == len(world.REVISIONS) >= 6
    recorded = {r["article_id"]: r for r in data.ground_truth["revisions"]}
    for path in files:
        revised = parse_article(path.read_text(encoding="utf-8"), path=path.name)
        original = front_matter[revised.id]
        assert path.name == original["_path"].name
        assert revised.updated.date() > original["updated"]
        assert revised.updated_by in original["contributors"]
        assert revised.updated_by != original["author"]
        assert revised.title == original["title"]
        assert f"## {recorded[revised.id]['section']}" in revised.body
        assert recorded[revised.id]["updated_by"] == revised.updated_by
        assert len(revised.body) > len(original["_text"].split("\n---\n", 1)[1]) - 50


def test_an_article_missing_from_kb_becomes_a_gap(tmp_path: Path) -> None:
    for path in KB_DIR.glob("*.md"):
        if not path.name.startswith("KB-0005-"):
            shutil.copy(path, tmp_path / path.name)
    data = demo.generate(seed=7, n_tickets=300, kb_dir=tmp_path)
    family = data.ground_truth["families"]["onedrive_sync"]
    assert family["gap"] and family["article_id"] is None
    assert not any("KB-0005" in t.kb_links for t in data.tickets)
    assert "KB-0005" not in data.ground_truth["articles"]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(InvalidInput):
        demo.generate(n_tickets=0)
    with pytest.raises(InvalidInput):
        demo.generate(n_tickets=10, trend=-1.0)
    with pytest.raises(InvalidInput):
        demo.generate(n_tickets=10, months=0)


def test_period_start_counts_calendar_months() -> None:
    assert demo.period_start(date(2026, 10, 31), 18) == date(2025, 5, 1)
    assert demo.period_start(date(2026, 3, 15), 1) == date(2026, 2, 16)
