"""The demo's words: each drawn ticket written out, from its family's templates.

Titles, descriptions, closure notes (one fragment per KCS criterion the draw planted,
in the technician's layout and sometimes language, with the odd leaked secret or HTML)
and work notes. Every choice comes from one ``random.Random`` in a fixed order.
"""

from __future__ import annotations

import html
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kbassist.demo import world
from kbassist.demo.draws import CRITERIA, GOOD_NOTE_MIN_CRITERIA, PRIORITIES, Draws
from kbassist.demo.plan import FamilyPlan
from kbassist.records import NoteRecord, TicketRecord

FIRST_TICKET_NUMBER = 100001


@dataclass(frozen=True)
class Person:
    """A member of a client's staff, with their own workstation."""

    first: str
    last: str
    device: str
    os: str


def draw_staff(rnd: random.Random) -> tuple[tuple[Person, ...], ...]:
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
                Person(
                    first=rnd.choice(world.FIRST_NAMES),
                    last=rnd.choice(world.LAST_NAMES),
                    device=name,
                    os=rnd.choice(world.OS_BY_KIND["workstation"]),
                )
            )
        result.append(tuple(people))
    return tuple(result)


def build_tickets(
    rnd: random.Random,
    draws: Draws,
    plan: Sequence[FamilyPlan],
    staff: Sequence[Sequence[Person]],
    start: date,
) -> tuple[list[TicketRecord], dict[str, dict[str, Any]]]:
    """The tickets of the draws, written out, and what each one plants (by ticket id)."""
    origin = datetime(start.year, start.month, start.day)
    tickets: list[TicketRecord] = []
    truth: dict[str, dict[str, Any]] = {}
    for i in range(draws.created.size):
        item = plan[int(draws.family[i])]
        ticket = _ticket(rnd, draws, i, item, staff[int(draws.client[i])], origin)
        tickets.append(ticket)
        truth[ticket.id] = _ticket_truth(draws, i, item.family.key)
    return tickets, truth


def _ticket(
    rnd: random.Random,
    draws: Draws,
    i: int,
    item: FamilyPlan,
    people: Sequence[Person],
    origin: datetime,
) -> TicketRecord:
    family = item.family
    client = world.CLIENTS[int(draws.client[i])]
    person = people[int(len(people) * rnd.random() ** 1.6)]
    other = people[rnd.randrange(len(people))]
    while other is person:
        other = people[rnd.randrange(len(people))]
    tech = world.TECHNICIANS[int(draws.tech[i])]
    linked: list[str] = []
    if draws.linked[i] and item.article:
        linked.append(item.article)
    if draws.linked_duplicate[i] >= 0:
        linked.append(item.duplicates[int(draws.linked_duplicate[i])][0])
    slots = _slots(rnd, family, client, person, other, tech, linked, item.article)
    plain_title = rnd.choice(family.titles).format_map(slots)
    slots["title"] = plain_title
    title = _decorate_title(rnd, plain_title, slots["client"])
    description = _description(rnd, family, slots)
    note = _resolution(rnd, draws, i, family, tech, slots, bool(linked), person, client)
    created = origin + timedelta(seconds=int(draws.created[i]))
    resolved = origin + timedelta(seconds=int(draws.resolved[i]))
    closed = origin + timedelta(seconds=int(draws.closed[i])) if draws.closed[i] >= 0 else None
    notes = _work_notes(rnd, draws, i, slots, tech.name, created, resolved)
    return TicketRecord(
        id=f"T-{FIRST_TICKET_NUMBER + i}",
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


def _ticket_truth(draws: Draws, i: int, family_key: str) -> dict[str, Any]:
    flags = _criteria_flags(draws, i)
    return {
        "family": family_key,
        "note_quality": "good" if sum(flags) >= GOOD_NOTE_MIN_CRITERIA else "poor",
        "criteria": dict(zip(CRITERIA, flags, strict=True)),
        "vague": bool(draws.vague[i]),
        "has_secret": bool(draws.secret[i]),
        "has_personal_data": bool(draws.personal[i]),
        "language": _note_language(draws, i) or "en",
        "html": bool(draws.html[i]),
    }


def _criteria_flags(draws: Draws, i: int) -> tuple[bool, ...]:
    return tuple(bool(v) for v in draws.criteria[i])


def _note_language(draws: Draws, i: int) -> str:
    """The language of the closure note: "" for English, else the technician's other one."""
    return world.TECHNICIANS[int(draws.tech[i])].language if draws.foreign[i] else ""


def _slots(
    rnd: random.Random,
    family: world.Family,
    client: world.Client,
    person: Person,
    other: Person,
    tech: world.Technician,
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
    other_tech = rnd.choice([t.name for t in world.TECHNICIANS if t.name != tech.name])
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


def _login(person: Person) -> str:
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


def _resolution(
    rnd: random.Random,
    draws: Draws,
    i: int,
    family: world.Family,
    tech: world.Technician,
    slots: Mapping[str, str],
    linked: bool,
    person: Person,
    client: world.Client,
) -> str:
    """The closure note as written: the planted criteria, maybe a leak, maybe as HTML."""
    flags = _criteria_flags(draws, i)
    language = _note_language(draws, i)
    vague = bool(draws.vague[i])
    note = _closure_note(rnd, family, tech, flags, slots, linked, language, vague)
    has_secret, has_personal = bool(draws.secret[i]), bool(draws.personal[i])
    if has_secret or has_personal:
        note = _with_hygiene_leaks(
            rnd, note, tech.layout, slots, person, client, has_secret, has_personal
        )
    if draws.html[i]:
        note = _as_html(note)
    return note


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
    person: Person,
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
    draws: Draws,
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
