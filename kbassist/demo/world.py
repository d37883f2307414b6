"""The demo's world: technicians, clients and the recurring issue families, read from world.yaml.

``kbassist.demo.generator`` draws tickets from these. The data file says what each
entry means; the dataclasses below are its schema. Lists become tuples, and mappings
keep the file's order: the generator draws from them in that order.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from typing import Any

import yaml

DATA_FILE = "world.yaml"


@dataclass(frozen=True)
class Technician:
    name: str
    style: str  # a key of NOTE_STYLES, or "improving"
    layout: str  # labelled | prose | terse
    senior: bool = False
    speed: float = 1.0  # multiplies troubleshooting time
    workload: float = 1.0  # relative share of tickets
    joins: float = 0.0  # fraction of the period at which they start taking tickets
    leaves: float = 1.0  # fraction of the period after which they take none
    language: str = ""  # "de" or "es": occasionally writes closure notes in that language
    language_rate: float = 0.0


@dataclass(frozen=True)
class NoteStyle:
    rates: tuple[float, ...]  # per criterion, in CRITERIA order
    vague: float  # share of notes that are only "fixed", "done", ...
    link_factor: float  # how readily this kind of technician links the article


@dataclass(frozen=True)
class Client:
    name: str
    domain: str
    size: float  # relative ticket volume
    vpn: str = ""  # forticlient | globalprotect | "" (cloud only, no VPN)
    quickbooks: bool = False
    onprem: bool = True  # has on-premises AD, file server, print server
    staff: int = 25


@dataclass(frozen=True)
class Family:
    """A recurring issue: how tickets about it read, take time and get closed."""

    key: str
    label: str
    category: str
    weight: float  # relative frequency among all tickets
    minutes: float  # median troubleshooting minutes before any article
    sigma: float  # log-normal spread of troubleshooting minutes
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    problem: tuple[str, ...]
    cause: tuple[str, ...]
    steps: tuple[str, ...]
    verification: tuple[str, ...]
    commands: tuple[str, ...]
    errors: tuple[str, ...] = ("",)
    software: tuple[str, ...] = ("",)
    followup: tuple[str, ...] = ()
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    article: str | None = None
    minutes_saved: float | None = None  # planted drop of the median once the article is out
    null_effect: bool = False  # the article exists but changes nothing
    link_share: float = 0.0  # share of the family's tickets that link the article
    device: str = "workstation"  # a key of OS_BY_KIND
    device_slot: str = ""  # the device is the value of this slot (else one of the kind's)
    scope: str = "user"  # a key of SCOPES: does it hit one person or the site
    clients: str = ""  # forticlient | globalprotect | quickbooks | onprem | "" (any client)
    priority: str = "normal"  # a key of PRIORITY_PROFILES
    senior: bool = False  # mostly handled by senior technicians
    alert: bool = False  # tickets are raised by monitoring, not by a user's e-mail
    request: bool = False  # a service request rather than a fault
    escalation: float = 0.05  # base escalation probability


@dataclass(frozen=True)
class RevisionSpec:
    """A later edit of an article by a contributor, written to kb_revisions/."""

    article_id: str
    updated: str  # ISO date
    updated_by: str
    heading: str  # the section added or rewritten
    mode: str  # "insert" before the section named in ``before``, "replace", or "append"
    text: str
    before: str = ""


def _frozen(value: Any) -> Any:
    """Lists as tuples, all the way down, so the world cannot be changed by accident."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


def _read() -> dict[str, Any]:
    text = importlib.resources.files("kbassist.demo").joinpath(DATA_FILE).read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = _frozen(yaml.load(text, Loader=loader))
    return data


_DATA = _read()

COMMON_SLOTS: tuple[str, ...] = _DATA["common_slots"]
CRITERIA: tuple[str, ...] = _DATA["criteria"]
NOTE_STYLES = {name: NoteStyle(**style) for name, style in _DATA["note_styles"].items()}
IMPROVING_FROM: str = _DATA["improving_from"]
IMPROVING_TO: str = _DATA["improving_to"]
TECHNICIANS = tuple(Technician(**entry) for entry in _DATA["technicians"])
CLIENTS = tuple(Client(**entry) for entry in _DATA["clients"])
FIRST_NAMES: tuple[str, ...] = _DATA["first_names"]
LAST_NAMES: tuple[str, ...] = _DATA["last_names"]
OS_BY_KIND: dict[str, tuple[str, ...]] = _DATA["os_by_kind"]
DEVICES_BY_KIND: dict[str, tuple[str, ...]] = _DATA["devices_by_kind"]
FILESERVERS: tuple[str, ...] = _DATA["fileservers"]
SCOPES: dict[str, tuple[str, ...]] = _DATA["scopes"]
PRIORITY_PROFILES: dict[str, tuple[float, ...]] = _DATA["priority_profiles"]
DUPLICATES: dict[str, tuple[str, str]] = _DATA["duplicates"]
DUPLICATE_LINK_SHARE: float = _DATA["duplicate_link_share"]
STALE_ARTICLES: tuple[str, ...] = _DATA["stale_articles"]
STALE_REOPEN_BUMP: float = _DATA["stale_reopen_bump"]
FAMILIES = tuple(Family(**entry) for entry in _DATA["families"])
ENVIRONMENT: tuple[str, ...] = _DATA["environment"]
VERIFICATION: tuple[str, ...] = _DATA["verification"]
FOLLOWUP_LINKED: tuple[str, ...] = _DATA["followup_linked"]
FOLLOWUP: tuple[str, ...] = _DATA["followup"]
LABELS: dict[str, tuple[str, ...]] = _DATA["labels"]
VAGUE_NOTES: tuple[str, ...] = _DATA["vague_notes"]
FOREIGN: dict[str, dict[str, tuple[str, ...]]] = _DATA["foreign"]
SECRETS: tuple[str, ...] = _DATA["secrets"]
PASSWORDS: tuple[str, ...] = _DATA["passwords"]
PERSONAL: tuple[str, ...] = _DATA["personal"]
GREETINGS: tuple[str, ...] = _DATA["greetings"]
DETAILS: tuple[str, ...] = _DATA["details"]
REQUEST_DETAILS: tuple[str, ...] = _DATA["request_details"]
SIGNOFFS: tuple[str, ...] = _DATA["signoffs"]
ALERT_PREFIXES: tuple[str, ...] = _DATA["alert_prefixes"]
WORK_NOTES: tuple[str, ...] = _DATA["work_notes"]
ESCALATION_NOTE: str = _DATA["escalation_note"]
REOPEN_NOTE: str = _DATA["reopen_note"]
REVISIONS = tuple(RevisionSpec(**entry) for entry in _DATA["revisions"])
