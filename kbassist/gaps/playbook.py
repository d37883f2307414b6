"""Draft playbooks for gaps, extracted from the best closure notes of an issue family.

``compose_playbook`` is pure: it splits the chosen notes into sentences, sorts
each sentence into a section (Symptoms, Environment, Cause, Resolution steps,
Verification) by the cues technicians write, drops near-repeats (keeping their
citations), and renders markdown with the knowledge-base front matter. Every
sentence is copied from a note and links back to its ticket. ``draft_playbook``
reads the family; ``kbassist.pipeline.publish_article`` saves the edited markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

import yaml
from sqlalchemy.engine import Connection

from kbassist.errors import InvalidInput
from kbassist.gaps import queries, report
from kbassist.gaps.clustering import family_terms
from kbassist.gaps.naming import strip_hosts
from kbassist.hygiene import sensitive_spans
from kbassist.quality.criteria import check_note
from kbassist.records import slug

SECTIONS = ("Symptoms", "Environment", "Cause", "Resolution steps", "Verification")
MAX_NOTES = 8  # the best notes of the family that feed a draft
MAX_SENTENCES = {
    "Symptoms": 4,
    "Environment": 4,
    "Cause": 3,
    "Resolution steps": 8,
    "Verification": 3,
}
MAX_CITATIONS = 3  # tickets cited after one sentence that several notes repeat
REPEAT_OVERLAP = 0.6  # word overlap at which two sentences say the same thing

# Labels technicians put in front of a part of a note ("Cause: ...", "Fix: ...").
_LABELS = {
    "Symptoms": r"symptoms?|issue|problem|reported|complaint",
    "Environment": r"environment|env|affected|system|device|platform",
    "Cause": r"(?:root\s+)?cause|reason|diagnosis",
    "Resolution steps": r"resolution|fix|fixed|solution|steps|action(?:s)?(?:\s+taken)?|workaround",
    "Verification": r"verification|verified|verify|tested|test|confirmed|confirmation",
}
_LABEL_RE = re.compile(
    r"^\s*(?P<label>" + "|".join(f"(?:{p})" for p in _LABELS.values()) + r")\s*[:\-–]\s*",
    re.IGNORECASE,
)
# Cues in the wording, tried in this order: a sentence that names a cause and
# an action is about the cause; one that confirms the fix is verification.
_CUES = (
    (
        "Verification",
        r"\b(verif\w*|confirm\w*|tested|test (?:email|print|call|login)"
        r"|works? (?:now|again|fine)|working (?:now|again|normally)|signed off"
        r"|no further (?:issues|errors)|back to normal)\b",
    ),
    (
        "Cause",
        r"\b(root cause|caused by|cause was|because|due to|turned out|the reason|was (?:corrupt\w*"
        r"|expired|stale|misconfigured|missing|full|disabled|locked|outdated|wrong)|had expired"
        r"|culprit|traced to|found that|ran out|exceeded|orphaned|leftover|too (?:low|high|small"
        r"|old|many|aggressive)|overlap\w*|conflict\w*|mismatch\w*|clung|competed)\b",
    ),
    (
        "Resolution steps",
        r"\b(ran|run|reset|restart\w*|reboot\w*|reinstall\w*|clear\w*|delet\w*|remov\w*|updat\w*"
        r"|install\w*|re-?creat\w*|rebuil\w*|chang\w*|enabl\w*|disabl\w*|configur\w*|re-?map\w*"
        r"|mapp\w*|add(?:ed)?|assign\w*|renew\w*|replac\w*|roll\w* back|flush\w*|re-?enroll\w*"
        r"|re-?add\w*|re-?join\w*|rejoin\w*|sign(?:ed)? out|unlock\w*|grant\w*|set)\b",
    ),
    (
        "Environment",
        r"\b(windows (?:10|11|server)|server 20\d\d|macos|ios|android|office 365|microsoft 365"
        r"|m365|outlook (?:20\d\d|365)|version|build \d+|firmware|driver version|tenant|azure ad"
        r"|entra|intune|on-?prem\w*|x64|x86|model)\b",
    ),
    (
        "Symptoms",
        r"\b(error|unable|cannot|can't|could not|fail\w*|not (?:working|loading|opening|syncing"
        r"|connecting|printing)|keeps|prompt\w*|slow|crash\w*|freez\w*|offline|stuck|hangs?"
        r"|message|pop-?up|missing|disconnect\w*)\b",
    ),
)
_CUE_RES = tuple((section, re.compile(pattern, re.IGNORECASE)) for section, pattern in _CUES)
# A sentence that opens on the state of something ("Stale .ND file after ...")
# names a cause, even though it has no cause word.
_STATE_FIRST = re.compile(
    r"^(stale|expired|corrupt\w*|outdated|wrong|faulty|broken|full|misconfigured)\b", re.I
)
# Follow-ups ("Next: add a monitor") belong to no section of a playbook.
_FOLLOW_UP = re.compile(r"^\s*(next|follow[- ]?up|todo|to do)\s*[:\-]|\bnext time\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+|;\s+(?=[A-Z])")


@dataclass(frozen=True)
class SourceNote:
    """A closure note that may feed a draft, with its ticket and score."""

    ticket_id: str
    text: str
    score: float
    author: str = ""
    title: str = ""
    description: str = ""


@dataclass(frozen=True)
class Line:
    """One extracted sentence in a section, with the tickets it came from."""

    section: str
    text: str
    ticket_ids: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """A playbook draft: its markdown and where each sentence came from."""

    family_id: int
    article_id: str
    title: str
    markdown: str
    lines: tuple[Line, ...]
    notes_used: tuple[str, ...]

    @property
    def cited_ticket_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for line in self.lines for t in line.ticket_ids))


def split_sentences(text: str) -> list[str]:
    """Sentences (and list items) of a note, stripped of bullets and numbering.

    A sentence holding a secret or personal data (a password, a phone number)
    is left out: it must never be copied into an article.
    """
    pieces = []
    for raw in _SENTENCE_END.split(text.replace("\r", "")):
        piece = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", raw).strip()
        if len(re.findall(r"\w+", piece)) >= 3 and not sensitive_spans(piece):
            pieces.append(piece)
    return pieces


def classify_sentence(sentence: str) -> tuple[str | None, str]:
    """The section a sentence belongs to (or None) and the sentence without a leading label."""
    if _FOLLOW_UP.search(sentence):
        return None, sentence
    if _STATE_FIRST.match(sentence):
        return "Cause", sentence
    label = _LABEL_RE.match(sentence)
    if label:
        rest = sentence[label.end() :].strip()
        word = label.group("label").lower()
        for section, pattern in _LABELS.items():
            if re.fullmatch(pattern, word, re.IGNORECASE):
                return section, rest
    for section, cue in _CUE_RES:
        if cue.search(sentence):
            return section, sentence
    return None, sentence


def compose_playbook(
    family_id: int,
    notes: Sequence[SourceNote],
    *,
    title: str,
    author: str,
    day: date,
    tags: Sequence[str] = (),
    article_id: str | None = None,
) -> Draft:
    """Build the markdown draft from the notes given (best first)."""
    chosen: dict[str, list[Line]] = {section: [] for section in SECTIONS}
    used: list[str] = []
    for note in notes:
        for sentence in split_sentences(note.text):
            section, text = classify_sentence(sentence)
            if section is None or len(re.findall(r"\w+", text)) < 3:
                continue
            # A sentence already chosen (in any section) only gains a citation.
            home = _section_saying(chosen, text) or section
            if _add(chosen[home], home, text, note.ticket_id):
                used.append(note.ticket_id)
    if not chosen["Symptoms"]:
        # Notes rarely restate the symptom; the tickets' own descriptions do.
        for note in notes:
            for sentence in split_sentences(note.description or note.title):
                if _add(chosen["Symptoms"], "Symptoms", sentence, note.ticket_id):
                    used.append(note.ticket_id)
    contributors = sorted(
        {n.author for n in notes if n.author and n.ticket_id in used and n.author != author}
    )
    identifier = article_id or f"playbook-{slug(title)[:60] or family_id}"
    front = {
        "id": identifier,
        "title": title,
        "type": "playbook",
        "author": author,
        "contributors": contributors,
        "created": day.isoformat(),
        "updated": day.isoformat(),
        "tags": list(tags),
        "clients": [],
    }
    body = [f"# {title}", ""]
    for section in SECTIONS:
        body += [f"## {section}", ""]
        lines = chosen[section]
        if not lines:
            body += ["_No note of this family says this yet: fill it in._", ""]
            continue
        for number, line in enumerate(lines, start=1):
            bullet = f"{number}." if section == "Resolution steps" else "-"
            body.append(f"{bullet} {_with_period(line.text)} {_cite(line.ticket_ids)}")
        body.append("")
    markdown = (
        "---\n"
        + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=None)
        + "---\n\n"
        + "\n".join(body)
    )
    ordered = tuple(line for section in SECTIONS for line in chosen[section])
    return Draft(family_id, identifier, title, markdown, ordered, tuple(dict.fromkeys(used)))


def fallback_note_score(text: str) -> float:
    """The criteria score (0-100) of a note quality has not scored yet."""
    return float(check_note(text).criteria_score)


def _add(lines: list[Line], section: str, text: str, ticket_id: str) -> bool:
    words = _words(text)
    for index, line in enumerate(lines):
        other = _words(line.text)
        if words and other and len(words & other) / len(words | other) >= REPEAT_OVERLAP:
            if ticket_id not in line.ticket_ids and len(line.ticket_ids) < MAX_CITATIONS:
                lines[index] = Line(section, line.text, (*line.ticket_ids, ticket_id))
                return True
            return False
    if len(lines) >= MAX_SENTENCES[section]:
        return False
    lines.append(Line(section, text, (ticket_id,)))
    return True


def _section_saying(chosen: dict[str, list[Line]], text: str) -> str | None:
    words = _words(text)
    for section, lines in chosen.items():
        for line in lines:
            other = _words(line.text)
            if words and other and len(words & other) / len(words | other) >= REPEAT_OVERLAP:
                return section
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _with_period(text: str) -> str:
    # Rendering only: a label stripped from "Cause: the token..." leaves a lower-case start.
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?:" else text + "."


def _cite(ticket_ids: Sequence[str]) -> str:
    return "(" + ", ".join(f"[{t}](/tickets/{quote(t, safe='')})" for t in ticket_ids) + ")"


# ---------------------------------------------------------------- services


def draft_playbook(
    conn: Connection, family_id: int, *, author: str = "", day: date | None = None
) -> Draft:
    """A draft playbook for one family from its best-scoring closure notes."""
    family = report.get_family(conn, family_id)
    records = report.family_records(conn, family_id, masked=False)
    notes = best_notes(records)
    if not notes:
        raise InvalidInput(
            f"Issue family {family_id} has no closure notes to draft from; "
            "write the playbook by hand."
        )
    representative = next((r for r in records if r["id"] == family.representative), records[0])
    texts = [f"{r['title']}\n{r['description']}" for r in records]
    terms = family_terms(texts, [0] * len(texts), n_terms=4)[0] if texts else ()
    # The family's name (a manager's when renamed), never a host or device name.
    title = strip_hosts(family.label) or strip_hosts(_title_of(representative["title"]))
    return compose_playbook(
        family_id,
        notes,
        title=title or f"Issue family {family_id}",
        author=author,
        day=day or datetime.now(UTC).date(),
        tags=terms,
    )


def best_notes(records: Sequence[dict[str, Any]], limit: int = MAX_NOTES) -> list[SourceNote]:
    """The family's closure notes, best first (quality score, else our structural score)."""
    notes = []
    for record in records:
        text = (record.get("resolution") or "").strip()
        if not text:
            continue
        score = record.get("note_score")
        notes.append(
            SourceNote(
                ticket_id=record["id"],
                text=text,
                score=float(score) if score is not None else fallback_note_score(text),
                author=record.get("assignee") or "",
                title=record.get("title") or "",
                description=record.get("description") or "",
            )
        )
    notes.sort(key=lambda note: (-note.score, note.ticket_id))
    return notes[:limit]


def _title_of(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip().rstrip(".")


def author_name(conn: Connection, user: Any) -> str:
    """The name a signed-in user writes under: their technician's name, else their username."""
    technician_id = getattr(user, "technician_id", None)
    if technician_id is not None:
        name = queries.technician_name(conn, technician_id)
        if name:
            return str(name)
    return str(getattr(user, "username", "") or "")
