"""Cheap pre-checks that tell which lines a detect-secrets plugin cannot report anything on.

Most plugins look for fixed text: ``AKIA`` or ``aws`` for AWS keys, ``ghp``-style prefixes
for GitHub tokens, ``BEGIN ... PRIVATE KEY``, a secret-sounding word (``password``,
``api_key``...) before an assignment. A line without that text cannot match, so the plugin
need not run on it. The texts are read from each plugin's own regexes when the plugins are
built, never written out here: a detect-secrets upgrade that changes or adds a pattern
changes the cue with it. A regex that gives no fixed text leaves its plugin without a cue,
so the plugin then runs on every line, as before.

How the fixed text is read: Python parses a regex into a sequence of items. Characters
that follow one another in that sequence ("A", "K", "I", "A") appear one after the other
in every match, so the match contains that text; a class of a few characters (``['"`]``)
gives each of them as a text. An alternation gives a text only if each of its branches
does, and then the match contains one of them. Groups and repeats that must occur at least
once are read the same way; anything else (classes with ranges or negated, optional parts,
look-arounds, back-references, groups with their own flags) gives nothing, which only
makes the cue let more lines through.

The texts are then looked for with ``in``, much faster than a regex of alternatives. A
case-insensitive regex is checked on the line folded by :func:`fold`, which maps every
character that ``re.IGNORECASE`` takes for an ASCII letter to that letter in lower case;
its texts are lower-cased and cut to ASCII (a piece of a text is found wherever the text is).
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

# A cue gets the line and fold(line); False means the plugin cannot report anything on it.
Cue = Callable[[str, str], bool]

try:  # the standard library's regex parser (sre_parse); private, hence the fallback
    _parser: Any = importlib.import_module("re._parser")
    _REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):  # pragma: no cover - another Python: no cues
    _parser = None

# One requirement of a regex: whether it is case-insensitive, and texts one of which every
# match contains (lower-cased ASCII when case-insensitive).
Texts = tuple[bool, tuple[str, ...]]


def fold(line: str) -> str:
    """The line as case-insensitive cues read it (see the module's docstring)."""
    if line.isascii():
        return line.lower()
    # What re.IGNORECASE matches besides the ASCII letters themselves: dotted capital I and
    # dotless i for "i", long s for "s", the Kelvin sign for "k" (lower() gives "k" for it).
    return line.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s").lower()


def plugin_cue(plugin: Any, filename: str) -> Cue | None:
    """A pre-check for one plugin, or None when it must run on every line."""
    patterns = plugin_patterns(plugin, filename)
    if patterns is None:
        return None
    needs = [required_texts(pattern) for pattern in patterns]
    if not all(needs):
        return None  # one regex has no fixed text: it may match any line
    needs = _merge_single_texts(needs)

    def cue(line: str, folded: str) -> bool:
        # Plain loops: this runs for every plugin on every scanned line.
        for need in needs:  # the plugin reports something if one of its regexes matches
            for texts in need:  # a regex can match only if each of its requirements holds
                if not _holds(line, folded, texts):
                    break
            else:
                return True
        return False

    return cue


def _merge_single_texts(needs: list[list[Texts]]) -> list[list[Texts]]:
    """Regexes that each need one text (the eight private key headers) as one need."""
    single = [need[0] for need in needs if len(need) == 1]
    merged = [need for need in needs if len(need) > 1]
    for ignore_case in (False, True):
        texts = frozenset(t for case, options in single if case == ignore_case for t in options)
        if texts:
            merged.insert(0, [(ignore_case, _fewest(texts))])
    return merged


def _holds(line: str, folded: str, texts: Texts) -> bool:
    ignore_case, options = texts
    where = folded if ignore_case else line
    for text in options:
        if text in where:
            return True
    return False


def plugin_patterns(plugin: Any, filename: str) -> list[re.Pattern[str]] | None:
    """Every regex whose match is needed for the plugin to report a value, if we know them.

    A regex-based plugin reports only what its ``denylist`` regexes find (the JWT plugin
    then drops some). The keyword plugin reports only what the regexes it picks for the
    file type find. Other plugins are not read: they get no cue.
    """
    from detect_secrets.plugins.base import RegexBasedDetector
    from detect_secrets.plugins.keyword import (
        QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP,
        REGEX_BY_FILETYPE,
        KeywordDetector,
    )
    from detect_secrets.util.filetype import determine_file_type

    if isinstance(plugin, RegexBasedDetector):
        return list(plugin.denylist)
    if isinstance(plugin, KeywordDetector):
        # KeywordDetector.analyze_line picks the regexes this way.
        chosen = REGEX_BY_FILETYPE.get(
            determine_file_type(filename), QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP
        )
        return list(chosen)
    return None


def required_texts(pattern: re.Pattern[str]) -> list[Texts]:
    """What every string the pattern matches somewhere must contain; empty if unknown.

    The most specific requirement (longest shortest text) comes first, so a line that
    fails usually fails on the first.
    """
    if _parser is None:  # pragma: no cover
        return []
    try:
        found = _literal_sets(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a pattern we cannot read just gets no cue
        return []
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    needs: list[Texts] = []
    for texts in found:
        if ignore_case:
            texts = frozenset(_ascii_piece(text).lower() for text in texts)
        if texts and all(texts):  # an empty text is found anywhere: no requirement
            needs.append((ignore_case, _fewest(texts)))
    needs.sort(key=lambda need: min(len(text) for text in need[1]), reverse=True)
    return needs


def _ascii_piece(text: str) -> str:
    """The longest run of ASCII characters in the text."""
    return max(re.findall(r"[\x00-\x7f]*", text), key=len)


def _fewest(texts: frozenset[str]) -> tuple[str, ...]:
    """The texts without those that contain another one ("password" holds "pass")."""
    return tuple(sorted(t for t in texts if not any(o != t and o in t for o in texts)))


def _shortest(texts: frozenset[str]) -> int:
    return min(len(text) for text in texts)


def _literal_sets(items: Sequence[tuple[Any, Any]]) -> list[frozenset[str]]:
    """For a parsed regex: sets of texts such that every match contains a text of each set."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in [*items, (None, None)]:
        if op is _parser.LITERAL:
            run.append(chr(argument))
            continue
        if run:  # the characters so far follow one another in every match
            found.append(frozenset({"".join(run)}))
            run = []
        if op is _parser.SUBPATTERN and not argument[1] and not argument[2]:
            found += _literal_sets(argument[3])  # (group, flags on, flags off, items)
        elif op is _parser.ATOMIC_GROUP:
            found += _literal_sets(argument)
        elif op in _REPEATS and argument[0] >= 1:
            found += _literal_sets(argument[2])  # (at least, at most, items)
        elif op is _parser.IN and all(kind is _parser.LITERAL for kind, _ in argument):
            found.append(frozenset(chr(code) for _, code in argument))  # a class like ['"`]
        elif op is _parser.BRANCH:
            # Each branch must give a text; the match then holds one of the branches' texts.
            # Texts that several branches share are preferred: fewer texts to look for.
            choices = [_literal_sets(branch) for branch in argument[1]]
            if all(choices):
                counts = Counter(texts for choice in choices for texts in set(choice))
                picked = [max(c, key=lambda t: (counts[t], _shortest(t))) for c in choices]
                found.append(frozenset().union(*picked))
    return found


def long_run_cue(charset: str, shortest_kept: int) -> Cue:
    """True on lines with a run of at least ``shortest_kept`` characters of the charset.

    A high-entropy plugin reports runs of its charset only (in quotes, or bare when eager);
    its regex writes the class the same way.
    """
    run = re.compile(rf"[{re.escape(charset)}]{{{shortest_kept}}}")
    return lambda line, folded: run.search(line) is not None
