"""Explainable quality criteria for KB articles (pure functions).

An article is judged on six criteria: a title in the words of its body, the
structure its type calls for (a playbook's Symptoms, Cause, Resolution and
Verification; a how-to's numbered steps), a length between thin and sprawling,
internal links that resolve, freshness (an old article whose tickets keep
reopening is stale) and no near-duplicate. Each unmet criterion is a finding
with a concrete suggestion; hygiene (secrets and personal data) is blocking.

The weights are documented in ``docs/quality.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kbassist.findings import Finding, sort_findings
from kbassist.hygiene import find_sensitive, mask
from kbassist.quality.criteria import MAX_CHARS, WORD, Assessment, note_text
from kbassist.records import ArticleRecord

ARTICLE_CRITERIA = ("title", "structure", "length", "links", "freshness", "unique")
ARTICLE_WEIGHTS: dict[str, int] = {
    "title": 10,
    "structure": 30,
    "length": 15,
    "links": 15,
    "freshness": 15,
    "unique": 15,
}
STALE_AFTER_DAYS = 365
# An old article is stale when the tickets citing it are reopened clearly more often than
# tickets in general: 1.5 times the base rate (at least 10%), or 20% when no base rate is known.
STALE_REOPEN_RATE = 0.2
STALE_REOPEN_RATIO = 1.5
STALE_REOPEN_FLOOR = 0.1
THIN_WORDS = 80
LONG_WORDS = 3000


@dataclass(frozen=True)
class ArticleAssessment(Assessment):
    """Which article criteria hold, the findings, and the criteria score 0-100."""

    age_days: int | None = None
    details: dict[str, Any] = field(default_factory=dict, compare=False)


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_ORDERED_ITEM = re.compile(r"^\s{0,3}\d+[.)]\s+\S", re.MULTILINE)
_MD_LINK = re.compile(r"\[[^\]\n]{0,200}\]\(\s*<?([^)\s>]{1,500})>?(?:\s+\"[^\"]*\")?\s*\)")
_WIKI_LINK = re.compile(r"\[\[([^\]\n|]{1,100})(?:\|[^\]\n]{0,100})?\]\]")
_TITLE_STOPWORDS = frozenset(
    "a an the and or of to in on for with how fix fixing when not is are does do from by at "
    "your you can cannot can't after before using use via".split()
)

_STRUCTURE: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "playbook": (
        ("symptoms", re.compile(r"symptom|problem|issue|signs", re.I)),
        ("cause", re.compile(r"cause|why|diagnos", re.I)),
        ("resolution", re.compile(r"resolution|fix|steps|solution|resolve|remediat", re.I)),
        ("verification", re.compile(r"verif|confirm|test|check", re.I)),
    ),
    "troubleshooting": (
        ("symptoms", re.compile(r"symptom|problem|issue|signs", re.I)),
        ("steps", re.compile(r"steps|check|resolution|fix|troubleshoot|diagnos", re.I)),
    ),
    "known-error": (
        ("symptoms", re.compile(r"symptom|problem|issue|error", re.I)),
        ("cause", re.compile(r"cause|why", re.I)),
        ("workaround", re.compile(r"workaround|resolution|fix|solution", re.I)),
    ),
}


def check_article(
    record: ArticleRecord,
    known_ids: frozenset[str],
    linked_reopen_rate: float | None,
    near_duplicates: tuple[str, ...],
    now: datetime,
    baseline_reopen_rate: float | None = None,
) -> ArticleAssessment:
    """Judge an article: title, structure for its type, length, links, freshness, duplicates.

    ``baseline_reopen_rate`` is the share of all tickets that were reopened; with it,
    "linked to reopened tickets" means reopened clearly more often than usual.
    """
    body = note_text(record.body) if "<" in record.body else record.body
    head = body[: MAX_CHARS * 5]
    words = len(WORD.findall(head))
    headings = [match.group(1) for match in _HEADING.finditer(head)]
    missing_parts = _missing_structure(record.type, headings, head)
    broken = _broken_links(head, known_ids, record.id)
    reference = record.updated or record.created
    age_days = (now - reference).days if reference else None
    stale = _is_stale(age_days, linked_reopen_rate, baseline_reopen_rate)
    criteria = {
        "title": _title_matches(record.title, head),
        "structure": not missing_parts,
        "length": THIN_WORDS <= words <= LONG_WORDS,
        "links": not broken,
        "freshness": not stale,
        "unique": not near_duplicates,
    }
    found = [
        _title_finding(record.title) if not criteria["title"] else None,
        _structure_finding(record.type, missing_parts) if missing_parts else None,
        _length_finding(words),
        _links_finding(broken) if broken else None,
        _freshness_finding(age_days, stale, linked_reopen_rate, baseline_reopen_rate),
        _duplicate_finding(near_duplicates) if near_duplicates else None,
    ]
    findings = [*find_sensitive(f"{record.title}\n{body}"), *filter(None, found)]
    score = float(sum(ARTICLE_WEIGHTS[name] for name in ARTICLE_CRITERIA if criteria[name]))
    return ArticleAssessment(
        criteria,
        sort_findings(findings),
        score,
        words,
        age_days,
        details={"broken_links": broken, "headings": headings[:50]},
    )


def _is_stale(
    age_days: int | None, linked_reopen_rate: float | None, baseline_reopen_rate: float | None
) -> bool:
    """Old, and the tickets citing it reopen clearly more often than tickets in general."""
    threshold = (
        STALE_REOPEN_RATE
        if baseline_reopen_rate is None
        else max(STALE_REOPEN_FLOOR, STALE_REOPEN_RATIO * baseline_reopen_rate)
    )
    return (
        age_days is not None
        and age_days > STALE_AFTER_DAYS
        and linked_reopen_rate is not None
        and linked_reopen_rate >= threshold
    )


def _title_finding(title: str) -> Finding:
    return Finding(
        "title",
        "minor",
        f"The title “{mask(title)}” names words the body never uses.",
        "Use a title in the words a technician would search for, matching what the "
        "article covers (symptom or task).",
        "title",
    )


def _structure_finding(article_type: str, missing_parts: list[str]) -> Finding:
    return Finding(
        "structure",
        "major",
        f"A {article_type} should have {', '.join(missing_parts)}.",
        _STRUCTURE_ADVICE.get(article_type, "Add headings that split the article into parts."),
        "structure",
    )


def _length_finding(words: int) -> Finding | None:
    if words < THIN_WORDS:
        return Finding(
            "length",
            "major",
            f"The article is thin ({words} words).",
            "Add the symptom, the cause and the exact steps; a reader should not need to "
            "ask anyone.",
            "length",
        )
    if words > LONG_WORDS:
        return Finding(
            "length",
            "minor",
            f"The article is long ({words:,} words).",
            "Split it into one article per issue or task, and link them.",
            "length",
        )
    return None


def _links_finding(broken: list[str]) -> Finding:
    return Finding(
        "links",
        "major",
        f"Internal links that resolve to no article: {mask(', '.join(broken[:5]))}.",
        "Fix the link targets or remove them; a dead link sends the reader nowhere.",
        "links",
    )


def _freshness_finding(
    age_days: int | None,
    stale: bool,
    linked_reopen_rate: float | None,
    baseline_reopen_rate: float | None,
) -> Finding | None:
    if stale:
        against = (
            f" (against {baseline_reopen_rate:.0%} of all tickets)."
            if baseline_reopen_rate is not None
            else "."
        )
        return Finding(
            "freshness",
            "major",
            f"The article was last updated {age_days} days ago and "
            f"{linked_reopen_rate:.0%} of the tickets that cite it were reopened{against}",
            "Re-test the steps on current versions and update the article; tickets that "
            "follow it are not staying fixed.",
            "freshness",
        )
    if age_days is not None and age_days > STALE_AFTER_DAYS:
        return Finding(
            "freshness",
            "info",
            f"The article is {age_days} days old, but tickets that cite it stay fixed.",
            "No action needed; review it at the next scheduled pass.",
            "freshness",
        )
    return None


def _duplicate_finding(near_duplicates: tuple[str, ...]) -> Finding:
    return Finding(
        "duplicate",
        "major",
        f"Near-duplicate of {', '.join(near_duplicates[:5])}.",
        "Merge them into one article and redirect the others, so fixes land in one place.",
        "unique",
    )


_STRUCTURE_ADVICE = {
    "playbook": "Give it the four parts of a playbook as headings: Symptoms, Cause, "
    "Resolution (numbered steps) and Verification.",
    "how-to": "Write the task as a numbered list of steps, one action each.",
    "troubleshooting": "Add a Symptoms section and numbered checks to work through.",
    "known-error": "Add Symptoms, Cause and Workaround sections.",
}


def _title_matches(title: str, body: str) -> bool:
    wanted = {
        word.lower()
        for word in WORD.findall(title)
        if len(word) > 2 and word.lower() not in _TITLE_STOPWORDS
    }
    if not wanted:
        return True
    present = {word.lower() for word in WORD.findall(body)}
    # Match stems loosely: "printing" in the title is covered by "print" or "printer".
    hits = sum(
        1 for word in wanted if word in present or any(p.startswith(word[:5]) for p in present)
    )
    return hits / len(wanted) >= 0.5


def _missing_structure(article_type: str, headings: list[str], body: str) -> list[str]:
    if article_type == "how-to":
        return [] if len(_ORDERED_ITEM.findall(body)) >= 2 else ["ordered steps (a numbered list)"]
    if article_type == "reference":
        return [] if headings or len(_ORDERED_ITEM.findall(body)) >= 2 else ["sections"]
    parts = _STRUCTURE.get(article_type, ())
    joined = "\n".join(headings)
    return [name for name, pattern in parts if not pattern.search(joined)]


def _broken_links(body: str, known_ids: frozenset[str], own_id: str) -> list[str]:
    """Internal link targets (relative links and [[wiki links]]) that name no known article."""
    known_lower = {known.lower() for known in known_ids}
    broken: list[str] = []
    targets = [match.group(1) for match in _MD_LINK.finditer(body)]
    targets += [match.group(1).strip() for match in _WIKI_LINK.finditer(body)]
    for target in targets:
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.lower().startswith("kb:"):
            continue  # http:, https:, mailto: ... are external
        if target.startswith("#"):
            continue  # an anchor in the same article
        name = target.removeprefix("kb:").split("#", 1)[0].rstrip("/")
        name = name.rsplit("/", 1)[-1]
        name = name.removesuffix(".md")
        if not name or name.lower() == own_id.lower():
            continue
        if name.lower() not in known_lower and target not in broken:
            broken.append(target)
    return broken
