"""Seeded demo data: tickets from recurring issue families, with planted truth.

``generate`` is deterministic for a seed (``random.Random(seed)`` and numpy's
``default_rng(seed)``, nothing else) and touches no database. It reads only the
front matter of the knowledge base in ``kb_dir``: an article's ``created`` date
is its publication date, so the planted effects and ``kb/`` always agree.

What is planted (all recorded in the ground truth):

- Issue families (``world.FAMILIES``, from ``world.yaml``) with their own frequency, wording,
  log-normal troubleshooting time and client profile. Families without an
  article are the gaps.
- An article published mid-period multiplies its family's troubleshooting time
  by ``1 - minutes_saved / base median`` from its publication on (the median
  drops by ``minutes_saved`` at trend 0), and its reopen probability by
  ``PLANTED_REOPEN_FACTOR``. A null-effect article changes nothing. A share of
  the family's later tickets links it.
- ``trend``: every ticket's time is multiplied by ``(1 + trend) ** years`` since
  the start of the period, so a global speed-up is not any article's doing.
- Closure notes assembled from fragments per KCS criterion, each included or
  not by the technician's style; the truth records which criteria a note has.
  Poor notes get slightly longer times and more reopens and escalations.
"""

from __future__ import annotations

import html
import importlib.resources
import json
import math
import os
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from kbassist.articles import split_front_matter
from kbassist.demo import world
from kbassist.errors import InvalidInput
from kbassist.records import NoteRecord, TicketRecord

CRITERIA = world.CRITERIA
GOOD_NOTE_MIN_CRITERIA = 4
PLANTED_REOPEN_FACTOR = 0.75  # reopen probability multiplier once an effective article is out
POOR_NOTE_TIME_FACTOR = 1.1  # a poor closure note goes with a slightly longer job
REOPEN_RATE = {"good": 0.04, "poor": 0.13}
POOR_NOTE_ESCALATION = 0.07
SECRET_RATE = 0.015
PERSONAL_RATE = 0.015
HTML_RATE = 0.03
RESOLVED_ONLY_RATE = 0.02  # resolved but not yet closed at export time
WEEKDAY_WEIGHTS = (1.25, 1.1, 1.05, 1.0, 0.85, 0.12, 0.08)
WAIT_HOURS = {"P1": 1.0, "P2": 4.0, "P3": 18.0, "P4": 40.0}  # median wait before the fix
PRIORITIES = ("P1", "P2", "P3", "P4")
FIRST_TICKET_NUMBER = 100001


@dataclass(frozen=True)
class KbRevision:
    """A later version of an article, edited by a contributor (written to kb_revisions/)."""

    article_id: str
    filename: str
    text: str
    updated: date
    updated_by: str
    section: str
    mode: str
    chars_added: int


@dataclass(frozen=True)
class DemoData:
    """Everything ``write_demo`` writes: tickets, ground truth and article revisions."""

    seed: int
    tickets: tuple[TicketRecord, ...]
    ground_truth: dict[str, Any]
    revisions: tuple[KbRevision, ...]
    kb_dir: Path


@dataclass(frozen=True)
class KbArticle:
    """The front matter of one knowledge-base file that the generator needs."""

    id: str
    path: Path
    title: str
    author: str
    contributors: tuple[str, ...]
    created: date
    updated: date
    text: str


def default_kb_dir() -> Path:
    """The packaged demo knowledge base (``kb/`` in the repository)."""
    return Path(str(importlib.resources.files("kbassist.bundled.kb")))


def read_kb(kb_dir: Path) -> dict[str, KbArticle]:
    """Front matter of every ``*.md`` in kb_dir, by article id (files without an id skipped)."""
    articles: dict[str, KbArticle] = {}
    for path in sorted(Path(kb_dir).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        data, _, _ = split_front_matter(text)
        article_id = str(data.get("id") or "").strip()
        created = _as_date(data.get("created"))
        if not article_id or created is None:
            continue
        articles[article_id] = KbArticle(
            id=article_id,
            path=path,
            title=str(data.get("title") or ""),
            author=str(data.get("author") or ""),
            contributors=_names(data.get("contributors")),
            created=created,
            updated=_as_date(data.get("updated")) or created,
            text=text,
        )
    return articles


def period_start(end: date, months: int) -> date:
    """First day of the period of ``months`` months that ends on ``end``."""
    year, month = divmod(end.year * 12 + end.month - 1 - months, 12)
    month += 1
    last_day = _days_in_month(year, month)
    return date(year, month, min(end.day, last_day)) + timedelta(days=1)


def generate(
    seed: int = 7,
    n_tickets: int = 5000,
    months: int = 18,
    end: date = date(2026, 10, 31),
    trend: float = 0.0,
    kb_dir: Path | None = None,
) -> DemoData:
    """Generate the demo tickets and their ground truth; same arguments, same output."""
    if n_tickets < 1:
        raise InvalidInput("n_tickets: must be at least 1")
    if months < 1:
        raise InvalidInput("months: must be at least 1")
    if trend <= -1.0:
        raise InvalidInput("trend: must be above -1 (-0.2 means 20% faster per year)")
    kb_dir = Path(kb_dir) if kb_dir is not None else default_kb_dir()
    kb = read_kb(kb_dir)
    start = period_start(end, months)
    plan = _plan_families(kb, start)
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    staff = _staff(rnd)
    draws = _draw_tickets(rng, plan, start, end, n_tickets, trend)
    tickets, truth_tickets = _build_tickets(rnd, draws, plan, staff, start)
    revisions = _revisions(kb)
    truth = _ground_truth(seed, trend, start, end, kb, plan, tickets, truth_tickets, revisions)
    return DemoData(seed, tuple(tickets), truth, tuple(revisions), kb_dir)


def write_demo(data: DemoData, out_dir: Path) -> dict[str, Path]:
    """Write tickets.jsonl, ground_truth.json and kb_revisions/ under out_dir; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tickets_path = out_dir / "tickets.jsonl"
    lines = (json.dumps(ticket_json(t), ensure_ascii=False) + "\n" for t in data.tickets)
    _write_atomic(tickets_path, "".join(lines))
    truth_path = out_dir / "ground_truth.json"
    _write_atomic(truth_path, _truth_text(data.ground_truth))
    revisions_dir = out_dir / "kb_revisions"
    revisions_dir.mkdir(exist_ok=True)
    wanted = {revision.filename for revision in data.revisions}
    for old in sorted(revisions_dir.glob("*.md")):
        if old.name not in wanted:
            old.unlink()
    for revision in data.revisions:
        _write_atomic(revisions_dir / revision.filename, revision.text)
    return {"tickets": tickets_path, "ground_truth": truth_path, "kb_revisions": revisions_dir}


def ticket_json(ticket: TicketRecord) -> dict[str, Any]:
    """A ticket in the canonical JSON Lines shape (README, 'Import formats')."""
    return {
        "id": ticket.id,
        "title": ticket.title,
        "description": ticket.description,
        "resolution": ticket.resolution,
        "status": ticket.status,
        "priority": ticket.priority,
        "category": ticket.category,
        "client": ticket.client,
        "assignee": ticket.assignee,
        "created_at": _iso(ticket.created_at),
        "resolved_at": _iso(ticket.resolved_at),
        "closed_at": _iso(ticket.closed_at),
        "time_spent_minutes": ticket.time_spent_minutes,
        "reopen_count": ticket.reopen_count,
        "escalation_count": ticket.escalation_count,
        "kb_links": list(ticket.kb_links),
        "notes": [
            {
                "author": note.author,
                "created_at": _iso(note.created_at),
                "text": note.text,
                "internal": note.internal,
            }
            for note in ticket.notes
        ],
    }


# --- Planning: which family has which article, published when ---------------------------


@dataclass(frozen=True)
class _FamilyPlan:
    family: world.Family
    article: str | None
    published: date | None
    from_start: bool
    fraction_saved: float  # 0 when nothing is planted
    duplicates: tuple[tuple[str, date], ...]  # old duplicate articles and their dates


def _plan_families(kb: Mapping[str, KbArticle], start: date) -> tuple[_FamilyPlan, ...]:
    plans = []
    for family in world.FAMILIES:
        article = family.article if family.article in kb else None
        published = kb[article].created if article else None
        saved = family.minutes_saved if article and not family.null_effect else None
        fraction = (saved or 0.0) / family.minutes
        duplicates = tuple(
            (dup_id, kb[dup_id].created)
            for dup_id, (key, _) in sorted(world.DUPLICATES.items())
            if key == family.key and dup_id in kb
        )
        plans.append(
            _FamilyPlan(
                family=family,
                article=article,
                published=published,
                from_start=published is not None and published <= start,
                fraction_saved=fraction,
                duplicates=duplicates,
            )
        )
    return tuple(plans)


# --- Numeric draws, vectorised ------------------------------------------------------------


@dataclass(frozen=True)
class _Draws:
    created: np.ndarray  # seconds since the start of the period, sorted
    family: np.ndarray
    client: np.ndarray
    tech: np.ndarray
    criteria: np.ndarray  # bool, n x 6
    vague: np.ndarray
    minutes: np.ndarray
    linked: np.ndarray  # bool: links the family's article
    linked_duplicate: np.ndarray  # index into the family's duplicates, -1 for none
    reopens: np.ndarray
    escalations: np.ndarray
    priority: np.ndarray
    resolved: np.ndarray
    closed: np.ndarray  # -1 when not closed yet
    n_work_notes: np.ndarray
    secret: np.ndarray
    personal: np.ndarray
    html: np.ndarray
    foreign: np.ndarray  # technician writes this note in their other language


def _draw_tickets(
    rng: np.random.Generator,
    plan: Sequence[_FamilyPlan],
    start: date,
    end: date,
    n: int,
    trend: float,
) -> _Draws:
    n_days = (end - start).days + 1
    period_seconds = n_days * 86400
    days = [start + timedelta(days=d) for d in range(n_days)]
    # Mondays busiest, weekends quiet; a mild peak in mid-January.
    day_weights = np.array(
        [
            WEEKDAY_WEIGHTS[d.weekday()]
            * (1 + 0.08 * math.cos(2 * math.pi * (d.timetuple().tm_yday - 15) / 365))
            for d in days
        ]
    )
    day = rng.choice(n_days, size=n, p=day_weights / day_weights.sum())
    business = rng.random(n) < 0.9
    hour = np.where(business, np.clip(rng.normal(11.8, 2.4, n), 7.0, 18.9), rng.random(n) * 24)
    created = np.sort(day * 86400 + (hour * 60).astype(np.int64) * 60)
    fraction_of_period = created / period_seconds

    weights = np.array([p.family.weight for p in plan])
    family = rng.choice(len(plan), size=n, p=weights / weights.sum())

    client = np.zeros(n, dtype=np.int64)
    for index, item in enumerate(plan):
        members = np.flatnonzero(family == index)
        eligible = [c for c, cl in enumerate(world.CLIENTS) if _eligible(item.family, cl)]
        sizes = np.array([world.CLIENTS[c].size for c in eligible])
        client[members] = rng.choice(eligible, size=members.size, p=sizes / sizes.sum())

    tech = _assign_technicians(rng, plan, family, fraction_of_period)
    rates, vague_rate, link_factor = _note_style(tech, fraction_of_period)
    criteria = rng.random((n, len(CRITERIA))) < rates
    vague = (rng.random(n) < vague_rate) | ~criteria.any(axis=1)
    criteria[vague] = False
    good = criteria.sum(axis=1) >= GOOD_NOTE_MIN_CRITERIA

    published = np.array([_seconds_since(p.published, start) for p in plan], dtype=np.float64)
    after = created >= published[family]  # NaN (no article) compares False
    has_article = np.array([p.article is not None for p in plan])[family]
    share = np.array([p.family.link_share for p in plan])[family]
    linked = after & has_article & (rng.random(n) < np.minimum(share * link_factor, 0.95))
    linked_duplicate = np.full(n, -1, dtype=np.int64)
    duplicate_draw = rng.random(n)
    for index, item in enumerate(plan):
        for position, (_, dup_published) in enumerate(item.duplicates):
            since = created >= _seconds_since(dup_published, start)
            chosen = (family == index) & since & (duplicate_draw < world.DUPLICATE_LINK_SHARE)
            linked_duplicate[chosen] = position

    fraction_saved = np.array([p.fraction_saved for p in plan])[family]
    effective = after & (fraction_saved > 0)
    medians = np.array([p.family.minutes for p in plan])[family]
    sigmas = np.array([p.family.sigma for p in plan])[family]
    years = created / (365.25 * 86400)
    speed = np.array([t.speed for t in world.TECHNICIANS])[tech]
    minutes = (
        np.exp(np.log(medians) + sigmas * rng.standard_normal(n))
        * (1.0 + trend) ** years
        * speed
        * np.where(good, 1.0, POOR_NOTE_TIME_FACTOR)
        * np.where(effective, 1.0 - fraction_saved, 1.0)
    )
    quarter_hours = np.array([t.style in ("vague", "sparse") for t in world.TECHNICIANS])[tech]
    minutes = np.where(quarter_hours, np.ceil(minutes / 15) * 15, np.round(minutes))
    minutes = np.maximum(minutes, 5.0)

    stale = _stale_links(plan, family, linked, linked_duplicate)
    reopen_p = np.where(good, REOPEN_RATE["good"], REOPEN_RATE["poor"])
    reopen_p = reopen_p * np.where(effective, PLANTED_REOPEN_FACTOR, 1.0)
    reopen_p = reopen_p + np.where(stale, world.STALE_REOPEN_BUMP, 0.0)
    reopen_draw = rng.random(n)
    reopens = (reopen_draw < reopen_p).astype(np.int64) + (reopen_draw < reopen_p * 0.15)
    escalation_p = np.array([p.family.escalation for p in plan])[family]
    escalation_p = escalation_p + np.where(good, 0.0, POOR_NOTE_ESCALATION)
    escalation_draw = rng.random(n)
    escalations = (escalation_draw < escalation_p).astype(np.int64) + (
        escalation_draw < escalation_p * 0.2
    )

    priority = np.zeros(n, dtype=np.int64)
    for index, item in enumerate(plan):
        members = np.flatnonzero(family == index)
        profile = np.array(world.PRIORITY_PROFILES[item.family.priority])
        priority[members] = rng.choice(4, size=members.size, p=profile / profile.sum())

    wait_median = np.array([WAIT_HOURS[p] for p in PRIORITIES])[priority]
    wait_hours = wait_median * np.exp(0.8 * rng.standard_normal(n))
    wait_hours = wait_hours + reopens * rng.uniform(24, 72, n)
    spent_seconds = (minutes * 60).astype(np.int64)
    export = period_seconds
    resolved = created + (wait_hours * 3600).astype(np.int64) + spent_seconds
    resolved = np.minimum(resolved, np.maximum(created + spent_seconds, export - 60))
    resolved = resolved // 60 * 60
    resolved = np.maximum(resolved, created)
    confirm = rng.random(n) < 0.3
    close_hours = np.where(confirm, rng.uniform(0.1, 24, n), 72 + rng.uniform(0, 2, n))
    closed = resolved + (close_hours * 3600).astype(np.int64) // 60 * 60
    not_closed = (closed > export) | (rng.random(n) < RESOLVED_ONLY_RATE)
    closed = np.where(not_closed, -1, closed)

    n_work_notes = rng.integers(1, 4, n)
    secret = rng.random(n) < SECRET_RATE
    personal = rng.random(n) < PERSONAL_RATE
    html_note = rng.random(n) < HTML_RATE
    language_rate = np.array([t.language_rate for t in world.TECHNICIANS])[tech]
    foreign = rng.random(n) < language_rate
    return _Draws(
        created=created,
        family=family,
        client=client,
        tech=tech,
        criteria=criteria,
        vague=vague,
        minutes=minutes,
        linked=linked,
        linked_duplicate=linked_duplicate,
        reopens=reopens,
        escalations=escalations,
        priority=priority,
        resolved=resolved,
        closed=closed,
        n_work_notes=n_work_notes,
        secret=secret,
        personal=personal,
        html=html_note,
        foreign=foreign,
    )


def _eligible(family: world.Family, client: world.Client) -> bool:
    if family.clients == "forticlient" or family.clients == "globalprotect":
        return client.vpn == family.clients
    if family.clients == "quickbooks":
        return client.quickbooks
    if family.clients == "onprem":
        return client.onprem
    return True


def _assign_technicians(
    rng: np.random.Generator,
    plan: Sequence[_FamilyPlan],
    family: np.ndarray,
    fraction_of_period: np.ndarray,
) -> np.ndarray:
    technicians = world.TECHNICIANS
    senior_family = np.array([p.family.senior for p in plan])[family]
    weights = np.empty((family.size, len(technicians)))
    for k, tech in enumerate(technicians):
        active = (fraction_of_period >= tech.joins) & (fraction_of_period < tech.leaves)
        # Server and network families go mostly to the senior technicians.
        skill = np.where(senior_family, 4.0 if tech.senior else 0.5, 1.0)
        weights[:, k] = tech.workload * active * skill
    cumulative = np.cumsum(weights, axis=1)
    cumulative /= cumulative[:, -1:]
    draw = rng.random(family.size)[:, None]
    return np.minimum((cumulative < draw).sum(axis=1), len(technicians) - 1)


def _note_style(
    tech: np.ndarray, fraction_of_period: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per ticket: inclusion rate of each criterion, vague-note rate, link factor."""
    styles = [world.TECHNICIANS[k].style for k in range(len(world.TECHNICIANS))]

    def table(pick: Any) -> np.ndarray:
        return np.array([pick(world.NOTE_STYLES[_base_style(s)]) for s in styles])

    rates = table(lambda s: s.rates)[tech]
    vague = table(lambda s: s.vague)[tech]
    link = table(lambda s: s.link_factor)[tech]
    improving = np.array([s == "improving" for s in styles])[tech]
    if improving.any():
        low, high = world.NOTE_STYLES[world.IMPROVING_FROM], world.NOTE_STYLES[world.IMPROVING_TO]
        t = fraction_of_period[improving][:, None]
        rates[improving] = np.array(low.rates) + (np.array(high.rates) - np.array(low.rates)) * t
        vague[improving] = low.vague + (high.vague - low.vague) * t[:, 0]
        link[improving] = low.link_factor + (high.link_factor - low.link_factor) * t[:, 0]
    return rates, vague, link


def _base_style(style: str) -> str:
    return world.IMPROVING_FROM if style == "improving" else style


def _stale_links(
    plan: Sequence[_FamilyPlan], family: np.ndarray, linked: np.ndarray, duplicate: np.ndarray
) -> np.ndarray:
    stale_main = np.array([p.article in world.STALE_ARTICLES for p in plan])[family] & linked
    stale_dup = np.zeros(family.size, dtype=bool)
    for index, item in enumerate(plan):
        for position, (dup_id, _) in enumerate(item.duplicates):
            if dup_id in world.STALE_ARTICLES:
                stale_dup |= (family == index) & (duplicate == position)
    return stale_main | stale_dup


def _seconds_since(day: date | None, start: date) -> float:
    if day is None:
        return math.nan
    return float((day - start).days * 86400)


# --- Text: titles, descriptions, closure and work notes ---------------------------------


@dataclass(frozen=True)
class _Person:
    first: str
    last: str
    device: str
    os: str


def _staff(rnd: random.Random) -> tuple[tuple[_Person, ...], ...]:
    """Each client's staff, with their own laptop, so the same people call again."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    taken: set[str] = set()
    result = []
    for client in world.CLIENTS:
        people = []
        for _ in range(client.staff):
            while True:
                prefix = rnd.choice(("LAPTOP", "LAPTOP", "LAPTOP", "DESKTOP"))
                name = f"{prefix}-{''.join(rnd.choices(alphabet, k=4))}"
                if name not in taken:
                    taken.add(name)
                    break
            people.append(
                _Person(
                    first=rnd.choice(world.FIRST_NAMES),
                    last=rnd.choice(world.LAST_NAMES),
                    device=name,
                    os=rnd.choice(world.OS_BY_KIND["workstation"]),
                )
            )
        result.append(tuple(people))
    return tuple(result)


def _build_tickets(
    rnd: random.Random,
    draws: _Draws,
    plan: Sequence[_FamilyPlan],
    staff: Sequence[Sequence[_Person]],
    start: date,
) -> tuple[list[TicketRecord], dict[str, dict[str, Any]]]:
    origin = datetime(start.year, start.month, start.day)
    technicians = world.TECHNICIANS
    names = [t.name for t in technicians]
    tickets: list[TicketRecord] = []
    truth: dict[str, dict[str, Any]] = {}
    for i in range(draws.created.size):
        item = plan[int(draws.family[i])]
        family = item.family
        client = world.CLIENTS[int(draws.client[i])]
        people = staff[int(draws.client[i])]
        person = people[int(len(people) * rnd.random() ** 1.6)]
        other = people[rnd.randrange(len(people))]
        while other is person:
            other = people[rnd.randrange(len(people))]
        tech = technicians[int(draws.tech[i])]
        linked: list[str] = []
        if draws.linked[i] and item.article:
            linked.append(item.article)
        if draws.linked_duplicate[i] >= 0:
            linked.append(item.duplicates[int(draws.linked_duplicate[i])][0])
        slots = _slots(rnd, family, client, person, other, tech, names, linked, item.article)
        plain_title = rnd.choice(family.titles).format_map(slots)
        slots["title"] = plain_title
        title = _decorate_title(rnd, plain_title, slots["client"])
        description = _description(rnd, family, slots)
        flags = tuple(bool(v) for v in draws.criteria[i])
        language = tech.language if draws.foreign[i] else ""
        note = _closure_note(
            rnd, family, tech, flags, slots, bool(linked), language, bool(draws.vague[i])
        )
        has_secret, has_personal = bool(draws.secret[i]), bool(draws.personal[i])
        if has_secret or has_personal:
            note = _with_hygiene_leaks(
                rnd, note, tech.layout, slots, person, client, has_secret, has_personal
            )
        if draws.html[i]:
            note = _as_html(note)
        created = origin + timedelta(seconds=int(draws.created[i]))
        resolved = origin + timedelta(seconds=int(draws.resolved[i]))
        closed = origin + timedelta(seconds=int(draws.closed[i])) if draws.closed[i] >= 0 else None
        ticket_id = f"T-{FIRST_TICKET_NUMBER + i}"
        notes = _work_notes(rnd, draws, i, slots, tech.name, created, resolved)
        tickets.append(
            TicketRecord(
                id=ticket_id,
                title=title,
                description=description,
                resolution=note,
                status="Closed" if closed else "Resolved",
                priority=PRIORITIES[int(draws.priority[i])],
                category=family.category,
                client=client.name,
                assignee=tech.name,
                created_at=created,
                resolved_at=resolved,
                closed_at=closed,
                time_spent_minutes=float(draws.minutes[i]),
                reopen_count=int(draws.reopens[i]),
                escalation_count=int(draws.escalations[i]),
                kb_links=tuple(linked),
                notes=notes,
            )
        )
        count = sum(flags)
        truth[ticket_id] = {
            "family": family.key,
            "note_quality": "good" if count >= GOOD_NOTE_MIN_CRITERIA else "poor",
            "criteria": dict(zip(CRITERIA, flags, strict=True)),
            "vague": bool(draws.vague[i]),
            "has_secret": has_secret,
            "has_personal_data": has_personal,
            "language": language or "en",
            "html": bool(draws.html[i]),
        }
    return tickets, truth


def _slots(
    rnd: random.Random,
    family: world.Family,
    client: world.Client,
    person: _Person,
    other: _Person,
    tech: world.Technician,
    names: Sequence[str],
    linked: Sequence[str],
    article: str | None,
) -> dict[str, str]:
    if family.device == "workstation":
        device, os_name = person.device, person.os
    else:
        device = rnd.choice(world.DEVICES_BY_KIND[family.device])
        systems = world.OS_BY_KIND[family.device]
        if family.device == "mobile":  # an iPhone runs iOS, anything else Android
            systems = tuple(
                s for s in systems if s.startswith("iOS") == device.startswith("iPhone")
            )
        os_name = rnd.choice(systems)
    scope = rnd.choice(world.SCOPES[family.scope])
    other_tech = rnd.choice([name for name in names if name != tech.name])
    slots = {
        "user": f"{person.first} {person.last}",
        "first": person.first,
        "login": _login(person),
        "other_user": f"{other.first} {other.last}",
        "device": device,
        "os": os_name,
        "client": client.name,
        "domain": client.domain,
        "scope": scope,
        "scope_cap": scope[0].upper() + scope[1:],
        "fileserver": rnd.choice(world.FILESERVERS),
        "kb": linked[0] if linked else (article or ""),
        "tech": tech.name,
        "other_tech": other_tech,
        "title": "",
    }
    for name, values in family.slots.items():
        slots[name] = rnd.choice(values)
    if family.device_slot:
        slots["device"] = slots[family.device_slot]
    slots["software"] = rnd.choice(family.software)
    slots["error"] = rnd.choice(family.errors).format_map(slots)
    slots["command"] = rnd.choice(family.commands).format_map(slots)
    return slots


def _login(person: _Person) -> str:
    return "".join(ch for ch in (person.first[0] + person.last).lower() if ch.isalpha())


def _decorate_title(rnd: random.Random, title: str, client: str) -> str:
    """What a PSA title picks up on the way: shouting, mail prefixes, a client tag."""
    roll = rnd.random()
    if roll < 0.07:
        title = title.lower()
    elif roll < 0.10:
        title = "URGENT: " + title
    elif roll < 0.14:
        title = "RE: " + title
    elif roll < 0.16:
        title = "FW: " + title
    elif roll < 0.21:
        title = f"[{client}] {title}"
    return title


def _description(rnd: random.Random, family: world.Family, slots: Mapping[str, str]) -> str:
    body = rnd.choice(family.descriptions).format_map(slots)
    if family.alert:
        return rnd.choice(world.ALERT_PREFIXES) + body
    details = world.REQUEST_DETAILS if family.request else world.DETAILS
    parts = [rnd.choice(world.GREETINGS), body, rnd.choice(details)]
    parts.append(rnd.choice(world.SIGNOFFS).format_map(slots))
    separator = rnd.choice(("\n\n", " ", "\n"))
    return separator.join(part for part in parts if part)


def _closure_note(
    rnd: random.Random,
    family: world.Family,
    tech: world.Technician,
    flags: Sequence[bool],
    slots: Mapping[str, str],
    linked: bool,
    language: str,
    vague: bool,
) -> str:
    if vague:
        pool = world.FOREIGN[language]["vague"] if language else world.VAGUE_NOTES
        return rnd.choice(pool)
    parts: list[tuple[str, str]] = []
    for name, present in zip(CRITERIA, flags, strict=True):
        if present:
            parts.append((name, rnd.choice(_fragments(family, name, linked, language))))
    texts = [(name, template.format_map(slots)) for name, template in parts]
    if tech.layout == "labelled":
        return "\n".join(f"{rnd.choice(world.LABELS[name])} {text}" for name, text in texts)
    if tech.layout == "terse":
        return "; ".join(text.rstrip(".") for _, text in texts)
    return " ".join(text for _, text in texts)


def _fragments(family: world.Family, name: str, linked: bool, language: str) -> Sequence[str]:
    if language:
        foreign = world.FOREIGN[language]
        if name == "followup":
            return foreign["followup_linked"] if linked else foreign["followup"]
        return foreign[name]
    if name == "environment":
        return world.ENVIRONMENT
    if name == "verification":
        return family.verification + world.VERIFICATION[:1]
    if name == "followup":
        return world.FOLLOWUP_LINKED if linked else family.followup + world.FOLLOWUP
    fragments: Sequence[str] = getattr(family, name)
    return fragments


def _with_hygiene_leaks(
    rnd: random.Random,
    note: str,
    layout: str,
    slots: Mapping[str, str],
    person: _Person,
    client: world.Client,
    secret: bool,
    personal: bool,
) -> str:
    extra = {
        **slots,
        "password": rnd.choice(world.PASSWORDS),
        "code": f"{rnd.randrange(10**6):06d}",
        "digits2": f"{rnd.randrange(100):02d}",
        "digits3": f"{rnd.randrange(1000):03d}",
        "digits4": f"{rnd.randrange(10000):04d}",
        "email": f"{_login_part(person.first)}.{_login_part(person.last)}@{client.domain}",
    }
    leaks = []
    if secret:
        leaks.append(rnd.choice(world.SECRETS).format_map(extra))
    if personal:
        leaks.append(rnd.choice(world.PERSONAL).format_map(extra))
    if "\n" in note:
        return "\n".join([note, *leaks])
    if layout == "terse":
        return "; ".join([note, *(leak.rstrip(".") for leak in leaks)])
    return " ".join([note, *leaks])


def _login_part(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


def _as_html(note: str) -> str:
    lines = [html.escape(line, quote=False) for line in note.split("\n")]
    if len(lines) > 1:
        return "".join(f"<p>{line}</p>" for line in lines)
    return "<div>" + lines[0].replace(". ", ".<br>", 1) + "</div>"


def _work_notes(
    rnd: random.Random,
    draws: _Draws,
    i: int,
    slots: Mapping[str, str],
    author: str,
    created: datetime,
    resolved: datetime,
) -> tuple[NoteRecord, ...]:
    texts: list[tuple[str, bool]] = []
    if draws.escalations[i]:
        texts.append((world.ESCALATION_NOTE.format_map(slots), True))
    if draws.reopens[i]:
        texts.append((world.REOPEN_NOTE, False))
    wanted = max(int(draws.n_work_notes[i]) - len(texts), 0)
    for template in rnd.sample(world.WORK_NOTES, wanted):
        texts.append((template.format_map(slots), rnd.random() < 0.6))
    span = max((resolved - created).total_seconds(), 60.0)
    offsets = sorted(int(span * rnd.random()) // 60 * 60 for _ in texts)
    return tuple(
        NoteRecord(author, created + timedelta(seconds=offset), text, internal)
        for offset, (text, internal) in zip(offsets, texts, strict=True)
    )


# --- Article revisions ------------------------------------------------------------------


def _revisions(kb: Mapping[str, KbArticle]) -> list[KbRevision]:
    revisions = []
    for spec in world.REVISIONS:
        article = kb.get(spec.article_id)
        if article is None:
            continue
        updated = date.fromisoformat(spec.updated)
        text, added = revise_article(article.text, spec)
        revisions.append(
            KbRevision(
                article_id=spec.article_id,
                filename=article.path.name,
                text=text,
                updated=updated,
                updated_by=spec.updated_by,
                section=spec.heading,
                mode=spec.mode,
                chars_added=added,
            )
        )
    return revisions


def revise_article(text: str, spec: world.RevisionSpec) -> tuple[str, int]:
    """The article's markdown after the revision, and how many characters it adds."""
    lines = text.lstrip("\ufeff").split("\n")
    closing = next(
        (k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), len(lines)
    )
    if not lines[0].startswith("---") or closing == len(lines):
        raise InvalidInput(f"{spec.article_id}: no front matter to revise")
    front = [line for line in lines[1:closing] if not line.startswith(("updated:", "updated_by:"))]
    front += [f"updated: {spec.updated}", f"updated_by: {spec.updated_by}"]
    body = lines[closing + 1 :]
    section = [f"## {spec.heading}", "", *spec.text.rstrip("\n").split("\n"), ""]
    if spec.mode == "append":
        while body and not body[-1].strip():
            body.pop()
        body = [*body, "", *section]
        added = len(spec.text)
    elif spec.mode == "insert":
        where = _heading_line(body, spec.before, spec.article_id)
        body = body[:where] + section + body[where:]
        added = len(spec.text)
    elif spec.mode == "replace":
        where = _heading_line(body, spec.heading, spec.article_id)
        stop = next(
            (k for k in range(where + 1, len(body)) if body[k].startswith(("## ", "# "))),
            len(body),
        )
        old = "\n".join(body[where + 1 : stop])
        body = body[:where] + section + body[stop:]
        added = max(len(spec.text) - len(old.strip()), 0)
    else:
        raise InvalidInput(f"mode: unknown revision mode {spec.mode!r}")
    revised = "\n".join(["---", *front, "---", *body])
    return revised.rstrip("\n") + "\n", added


def _heading_line(body: Sequence[str], heading: str, article_id: str) -> int:
    for index, line in enumerate(body):
        if line.strip() == f"## {heading}":
            return index
    raise InvalidInput(f"{article_id}: no section '## {heading}' to revise")


# --- Ground truth -----------------------------------------------------------------------


def _ground_truth(
    seed: int,
    trend: float,
    start: date,
    end: date,
    kb: Mapping[str, KbArticle],
    plan: Sequence[_FamilyPlan],
    tickets: Sequence[TicketRecord],
    truth_tickets: dict[str, dict[str, Any]],
    revisions: Sequence[KbRevision],
) -> dict[str, Any]:
    by_family: dict[str, list[str]] = {p.family.key: [] for p in plan}
    for ticket in tickets:
        by_family[truth_tickets[ticket.id]["family"]].append(ticket.id)
    families = {}
    articles: dict[str, dict[str, Any]] = {
        article_id: {
            "family": None,
            "title": article.title,
            "author": article.author,
            "published": article.created.isoformat(),
            "planted_minutes_saved": None,
            "planted_fraction_saved": None,
            "null_effect": False,
            "existed_from_start": article.created <= start,
            "link_share": 0.0,
            "duplicate_of": None,
            "stale": article_id in world.STALE_ARTICLES,
        }
        for article_id, article in sorted(kb.items())
    }
    for item in plan:
        family = item.family
        planted = _planted_minutes(item)
        families[family.key] = {
            "label": family.label,
            "category": family.category,
            "article_id": item.article,
            "published": item.published.isoformat() if item.published else None,
            "planted_minutes_saved": planted,
            "planted_fraction_saved": round(item.fraction_saved, 6)
            if planted is not None
            else None,
            "null_effect": bool(item.article and family.null_effect),
            "gap": item.article is None,
            "existed_from_start": item.from_start,
            "base_median_minutes": family.minutes,
            "link_share": family.link_share if item.article else 0.0,
            "duplicate_articles": [dup_id for dup_id, _ in item.duplicates],
            "ticket_ids": by_family[family.key],
        }
        if item.article:
            articles[item.article].update(
                family=family.key,
                planted_minutes_saved=planted,
                planted_fraction_saved=families[family.key]["planted_fraction_saved"],
                null_effect=family.null_effect,
                link_share=family.link_share,
            )
        for dup_id, _ in item.duplicates:
            articles[dup_id].update(
                family=family.key,
                duplicate_of=world.DUPLICATES[dup_id][1],
                link_share=world.DUPLICATE_LINK_SHARE,
            )
    return {
        "seed": seed,
        "trend": trend,
        "trend_definition": "every ticket's minutes are multiplied by (1 + trend) ** years "
        "since the period start",
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "n_tickets": len(tickets),
        "criteria": list(CRITERIA),
        "good_note_min_criteria": GOOD_NOTE_MIN_CRITERIA,
        "planted_reopen_factor": PLANTED_REOPEN_FACTOR,
        "poor_note_time_factor": POOR_NOTE_TIME_FACTOR,
        "effect_definition": "after publication the family's minutes are multiplied by "
        "1 - planted_fraction_saved; planted_minutes_saved is the drop of the base median "
        "at trend 0; null if nothing is planted (gap, no article, or article from the start)",
        "families": families,
        "articles": articles,
        "technicians": _technician_truth(start, end),
        "clients": [client.name for client in world.CLIENTS],
        "revisions": [
            {
                "article_id": r.article_id,
                "filename": r.filename,
                "updated": r.updated.isoformat(),
                "updated_by": r.updated_by,
                "section": r.section,
                "mode": r.mode,
                "chars_added": r.chars_added,
            }
            for r in revisions
        ],
        "tickets": truth_tickets,
    }


def _planted_minutes(item: _FamilyPlan) -> float | None:
    family = item.family
    if item.article is None or item.from_start and not family.minutes_saved:
        return None
    if family.null_effect:
        return 0.0
    return float(family.minutes_saved) if family.minutes_saved is not None else None


def _technician_truth(start: date, end: date) -> dict[str, dict[str, Any]]:
    days = (end - start).days + 1
    result = {}
    for tech in world.TECHNICIANS:
        base = world.NOTE_STYLES[_base_style(tech.style)]
        entry: dict[str, Any] = {
            "style": tech.style,
            "layout": tech.layout,
            "senior": tech.senior,
            "speed": tech.speed,
            "workload": tech.workload,
            "active_from": (start + timedelta(days=int(tech.joins * days))).isoformat(),
            "active_to": (start + timedelta(days=int(tech.leaves * days) - 1)).isoformat(),
            "language": tech.language or None,
            "criteria_rates": dict(zip(CRITERIA, base.rates, strict=True)),
            "vague_rate": base.vague,
            "mostly_vague": base.vague >= 0.5,
        }
        if tech.style == "improving":
            target = world.NOTE_STYLES[world.IMPROVING_TO]
            entry["criteria_rates_end"] = dict(zip(CRITERIA, target.rates, strict=True))
            entry["vague_rate_end"] = target.vague
        result[tech.name] = entry
    return result


# --- Small helpers ----------------------------------------------------------------------


def _truth_text(truth: Mapping[str, Any]) -> str:
    """Readable JSON: indented, except one line per ticket so large sets stay compact."""
    parts = []
    for key, value in truth.items():
        if key == "tickets":
            rows = ",\n".join(
                f"  {json.dumps(tid)}: {json.dumps(info, ensure_ascii=False)}"
                for tid, info in value.items()
            )
            text = "{\n" + rows + "\n }" if rows else "{}"
        else:
            text = json.dumps(value, indent=1, ensure_ascii=False)
            text = _FLAT_LIST.sub(lambda m: "[" + re.sub(r",\n\s*", ", ", m.group(1)) + "]", text)
            text = text.replace("\n", "\n ")
        parts.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


# An indented JSON list of plain scalars (ticket ids, criteria names), to print on one line.
_FLAT_LIST = re.compile(r'\[\s*((?:"[^"\n]*"|[-\d.]+)(?:,\s*(?:"[^"\n]*"|[-\d.]+))*)\s*\]')


def _write_atomic(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _as_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip()[:10])


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    return tuple(str(name).strip() for name in value or () if str(name).strip())


def _days_in_month(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - timedelta(days=1)).day
