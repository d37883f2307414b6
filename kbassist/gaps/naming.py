"""Family names a person would write: a short phrase from the family's most representative titles.

Pure functions. ``name_family`` takes the titles of a family's tickets (the
ones nearest its centroid first), cleans each of what must never name a family
(host and device names, IP addresses and paths, e-mail addresses and secrets,
the clients and people given, bracketed tags such as ``[Client]``, proper nouns
that only a few of its tickets mention: a requester's first name) and keeps the
cleaned title that shares the most words with the family's other titles. A
title that needed no cleaning is preferred to one that did, and a short one to a
long one. ``strip_hosts`` is also what keeps host names out of a playbook title.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kbassist.hygiene import sensitive_spans

MAX_CANDIDATES = 30  # titles nearest the centroid that may become the name
MAX_WORDS = 9
MAX_CHARS = 70
RARE_SHARE = 0.05  # a proper noun in fewer of the family's titles than this is a name
CLEANED_PENALTY = 0.8  # a title that needed cleaning scores this much of its overlap
SHORT_PENALTY = 0.85  # and a one-word title this much ("Leaver" says less than a phrase)

# Host and device names, addresses and paths. Server-style names are letters then
# digits (DC01, FS01, SRV-APP01, NAS01, FG-80F, WD19S); Windows' default names
# (DESKTOP-83BW, LAPTOP-KL6A); UNC paths, fully qualified names and IP addresses.
# Error codes stay: 0x800f0922 starts with a digit, H202 has one letter, KB5034441
# has more than three digits.
HOST_PATTERN = re.compile(
    r"\\\\[\w.$-]+(?:\\[\w.$-]+)*"
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?\b"
    r"|\b(?:DESKTOP|LAPTOP|WIN|PC|WS|NB|MAC)-[A-Z0-9]{3,}\b"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:local|lan|corp|internal|intra|ad)\b"
    r"|\b[A-Z]{2,}(?:-[A-Z]{2,})?-?\d{1,3}[A-Z]?\+?(?![\w.])"
)
_HOST_WITH_PREPOSITION = re.compile(
    r"(?:\b(?:on|at|from|to|for|in|via)\s+)?(?:" + HOST_PATTERN.pattern + ")", re.IGNORECASE
)
# Reply and forward prefixes and urgency tags a mail-to-ticket gateway leaves.
_PREFIX = re.compile(
    r"^(?:\s*(?:(?:re|fw|fwd|aw|wg|sv|tr)\s*:|urgent\s*[:!-]|\[(?:ext|external)\]))+\s*",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"(\s+[-–—|:]\s+|\s*[|]\s*|:\s+|\s+/\s+)")
_BRACKETS = re.compile(r"\[[^\]]{0,80}\]|\([^)]{0,80}\)")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'+.-]*")
_DANGLING = re.compile(
    r"(?:\s+(?:on|for|to|at|in|from|with|by|of|and|-|–|—|,|:|'s))+\s*$", re.IGNORECASE
)
_CLAUSES = frozenset("after since when while because during until as".split())
_STOP = frozenset(
    """a an the on for to at in of from with by and or is are was my our i me we can't cant
    can not won't wont does doesn't isn't keeps keep again still after when""".split()
)


@dataclass(frozen=True)
class Candidate:
    """A cleaned title and whether cleaning changed it."""

    text: str
    cleaned: bool


def name_family(
    titles: Sequence[str], avoid: Iterable[str] = (), max_candidates: int = MAX_CANDIDATES
) -> str:
    """A short name for a family from its titles (nearest the centroid first); "" if none fits."""
    titles = [t for t in titles if t and t.strip()]
    if not titles:
        return ""
    titles = [_PREFIX.sub("", t) or t for t in titles]
    avoid_re = _avoid_pattern(avoid)
    proper = rare_proper_nouns(titles) | slot_fillers(titles)
    words_of = [_content_words(strip_entities(t, avoid_re, proper).text) for t in titles]
    support = Counter(word for words in words_of for word in words)
    best: tuple[float, int, str] | None = None
    for title in titles[:max_candidates]:
        candidate = strip_entities(title, avoid_re, proper)
        text = tidy(shorten(candidate.text))
        key = text.lower()
        words = _content_words(text)
        if not words:
            continue
        overlap = sum(_jaccard(words, other) for other in words_of) / len(words_of)
        # Words most tickets share make a name; a rare word costs its share.
        common = sum(support[w] for w in words) / (len(words) * len(titles))
        score = (overlap + common) * (CLEANED_PENALTY if candidate.cleaned else 1.0)
        if len(words) < 2:
            score *= SHORT_PENALTY
        rank = (score, -len(text), key)
        if best is None or rank > (best[0], best[1], best[2].lower()):
            best = (score, -len(text), text)
    return best[2] if best else ""


def strip_entities(
    title: str, avoid: re.Pattern[str] | None = None, proper: Iterable[str] = ()
) -> Candidate:
    """A title without host names, secrets, e-mail addresses, tags and the names given."""
    text = _drop_sensitive(title)
    cleaned = text != title
    without_tags = _BRACKETS.sub(" ", text)
    cleaned |= without_tags != text
    proper_set = {p.lower() for p in proper}
    pieces = _SEPARATORS.split(without_tags)
    kept: list[str] = []
    for position in range(0, len(pieces), 2):
        segment = pieces[position]
        reduced = HOST_PATTERN.sub(" ", segment)
        if avoid is not None:
            reduced = avoid.sub(" ", reduced)
        reduced = " ".join(
            word for word in reduced.split() if _bare(word).lower() not in proper_set
        )
        if _norm(reduced) != _norm(segment):
            cleaned = True
            # A segment that named a host or a person is dropped whole ("- DC01",
            # "- Northgate Logistics"), unless it is all the title has.
            continue
        if kept and position:
            kept.append(pieces[position - 1])  # the separator before it, as written
        kept.append(segment)
    if not kept:
        leftover = HOST_PATTERN.sub(" ", without_tags)
        leftover = avoid.sub(" ", leftover) if avoid is not None else leftover
        leftover = " ".join(w for w in leftover.split() if _bare(w).lower() not in proper_set)
        kept = [leftover]
    return Candidate(" ".join("".join(kept).split()), cleaned)


def shorten(text: str, max_words: int = MAX_WORDS) -> str:
    """A long title cut before its first trailing clause ("... after the migration")."""
    words = text.split()
    if len(words) <= max_words:
        return text
    for index in range(3, len(words)):
        if words[index].lower() in _CLAUSES or words[index - 1].endswith((",", ";")):
            if index <= max_words:
                return " ".join(words[:index])
            break
    return " ".join(words[:max_words])


def strip_hosts(text: str) -> str:
    """Text without host or device names, addresses, secrets or e-mail addresses (a title)."""
    return tidy(_HOST_WITH_PREPOSITION.sub(" ", _drop_sensitive(text)))


def tidy(text: str) -> str:
    """Collapse spaces, drop dangling words and punctuation, capitalise, cap the length."""
    text = " ".join(text.replace("_", " ").split()).strip(" -–—|:,;.")
    for _ in range(3):
        text = _DANGLING.sub("", text).strip(" -–—|:,;.")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0]
        text = _DANGLING.sub("", text).strip(" -–—|:,;.")
    return text[:1].upper() + text[1:]


def rare_proper_nouns(titles: Sequence[str], share: float = RARE_SHARE) -> set[str]:
    """Capitalised words never written in lower case that few of the titles use (names)."""
    capitalised: Counter[str] = Counter()
    lower: set[str] = set()
    for title in titles:
        seen = set()
        for word in _WORD.findall(title):
            bare = _bare(word)
            if not bare or not bare[0].isalpha():
                continue
            if bare[0].isupper() and not bare.isupper() and bare[1:].islower():
                seen.add(bare.lower())
            elif bare.islower():
                lower.add(bare)
        capitalised.update(seen)
    if len(titles) < 3:
        return set()
    bar = max(1, math.floor(share * len(titles)))
    return {word for word, count in capitalised.items() if count <= bar and word not in lower}


def slot_fillers(titles: Sequence[str]) -> set[str]:
    """Capitalised words that fill one slot of an otherwise identical title ("Maria's PC slow").

    Two titles that differ only in one capitalised word come from one pattern
    with a person, a client or a device in the slot; the words filling it are
    never part of a name.
    """
    fillers: dict[tuple[str, ...], set[str]] = {}
    for title in set(titles):
        words = title.split()
        for index, word in enumerate(words):
            bare = _bare(word)
            if not bare or not bare[0].isupper() or (bare.isupper() and len(bare) > 1):
                continue
            pattern = tuple(w.lower() for w in words[:index]) + ("_",)
            pattern += tuple(w.lower() for w in words[index + 1 :])
            fillers.setdefault(pattern, set()).add(bare.lower())
    return {word for words in fillers.values() if len(words) > 1 for word in words}


def _drop_sensitive(text: str) -> str:
    spans = sensitive_spans(text)
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        text = text[: span.start] + " " + text[span.end :]
    return text


def _avoid_pattern(avoid: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted({a.strip() for a in avoid if a and len(a.strip()) >= 3}, key=len, reverse=True)
    if not names:
        return None
    parts = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)(?:{parts})(?:'s)?(?!\w)", re.IGNORECASE)


def _bare(word: str) -> str:
    word = word.strip("'.,;:!?\"()[]")
    return word[:-2] if word.lower().endswith("'s") else word


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _content_words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (_bare(x).lower() for x in _WORD.findall(text)) if w and w not in _STOP
    )


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def inherit_names(
    named: Sequence[tuple[int, Sequence[str]]], family_of: dict[str, int]
) -> dict[int, int]:
    """Which new family takes each given name: {new family: position in ``named``}.

    A renamed family's name passes to the new family holding most of its
    tickets, provided that is at least half of those still clustered; when two
    names claim one family, the one backed by more tickets wins (then the later
    rename, listed later).
    """
    claims: dict[int, tuple[int, int]] = {}  # new family -> (tickets, position)
    for position, (_, ticket_ids) in enumerate(named):
        counts = Counter(family_of[t] for t in ticket_ids if t in family_of)
        if not counts:
            continue
        family, held = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if held * 2 < sum(counts.values()):
            continue
        if family not in claims or (held, position) > claims[family]:
            claims[family] = (held, position)
    return {family: position for family, (_, position) in claims.items()}
