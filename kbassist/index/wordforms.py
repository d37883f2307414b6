"""Regular English word forms, for the speller: is an unknown word a known word's form?

"Did you mean" must not "correct" a real word it has never seen. Many such words
are regular forms of words it knows: ``scheduler`` (schedule + r), ``resync`` (re +
sync), ``bootloop`` (boot + loop). And a misspelt form should be fixed to the
right form, not stripped to its stem: ``prioritys`` means priorities, not
priority; ``dockd`` means docked, not dock. Pure functions over a ``known``
predicate; the English rules are the textbook ones (e-dropping, y to i, doubled
final consonants, -es after sibilants).
A British spelling is a right spelling too: ``organisation``, ``colour``,
``licence``, ``cancelled`` and ``enrolment`` are the same words as their American
forms, which the English word list favours.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Suffix classes and the endings a typed word may carry for each (well or badly spelt).
ENDINGS = {
    "s": ("s", "es", "ies"),
    "ed": ("d", "ed", "ied"),
    "ing": ("ing", "ng"),
    "er": ("r", "er", "ier"),
    "ers": ("rs", "ers", "iers"),
    "y": ("y",),  # glitchy, laggy, noisy
}
# Prefixes that make a new word from any verb or noun: re+sync, un+mount, pre+install.
PREFIXES = ("re", "un", "pre", "de", "dis", "mis", "non", "sub", "multi", "auto", "over", "under")
_VOWELS = frozenset("aeiou")
_SIBILANT = ("s", "x", "z", "ch", "sh")
MIN_STEM = 3  # stems shorter than this explain too much
COMPOUND_PART = 4  # parts of a run-together word: "boot" + "loop", not "pas" + "word"

Known = Callable[[str], bool]


def forms(stem: str, suffix: str) -> set[str]:
    """The regular spellings of ``stem`` + a suffix class (both doubled and plain where
    English stress would decide: the caller checks which one is a word)."""
    consonant_y = len(stem) > 1 and stem.endswith("y") and stem[-2] not in _VOWELS
    if suffix == "s":
        if consonant_y:
            return {stem[:-1] + "ies"}
        return {stem + "es"} if stem.endswith(_SIBILANT) else {stem + "s"}
    if suffix == "y":
        if stem.endswith("e"):
            return {stem[:-1] + "y"}
        return {stem + "y", stem + stem[-1] + "y"} if _doubles(stem) else {stem + "y"}
    tail = suffix  # ed, ing, er, ers
    if consonant_y and tail != "ing":
        return {stem[:-1] + "i" + tail}
    if stem.endswith("e") and tail != "ing":
        return {stem + tail[1:]}
    if stem.endswith("e") and not stem.endswith("ee"):
        return {stem[:-1] + tail}
    out = {stem + tail}
    if _doubles(stem):
        out.add(stem + stem[-1] + tail)
    return out


def _doubles(stem: str) -> bool:
    """Consonant-vowel-consonant at the end (stop, plan): the consonant may double."""
    return (
        len(stem) >= 3
        and stem[-1] not in _VOWELS | set("wxy")
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    )


def stems(word: str) -> list[tuple[str, str]]:
    """(stem, suffix class) pairs ``word`` could be a form of, well spelt or not."""
    found: list[tuple[str, str]] = []
    for suffix, endings in ENDINGS.items():
        for ending in endings:
            if not word.endswith(ending) or len(word) - len(ending) < MIN_STEM - 1:
                continue
            base = word[: -len(ending)]
            candidates = {base, base + "e"}
            if ending.startswith("i"):
                candidates.add(base + "y")
            if len(base) > 2 and base[-1] == base[-2]:
                candidates.add(base[:-1])
            found.extend((stem, suffix) for stem in sorted(candidates) if len(stem) >= MIN_STEM)
    return found


# British endings and their American forms: organise/organize, colour/color, centre/center,
# licence/license, cancelled/canceled, enrolment/enrollment, catalogue/catalog... Endings
# that are also common slips stay out ("aftre" is after swapped; "ful" is full short an l).
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|er|ers|ation|ations|able)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|ful|er|ers)?$"), r"or\1"),
    (re.compile(r"ntre(s|d)?$"), r"nter\1"),
    (re.compile(r"enc(e|es|ed|ing)$"), r"ens\1"),
    (re.compile(r"([^aeiou][aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"([aeiou])lment(s)?$"), r"\1llment\2"),
    (re.compile(r"(og|gog)ue(s)?$"), r"\1\2"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"dgement(s)?$"), r"dgment\1"),
)


def american_spellings(word: str) -> set[str]:
    """The American spellings a British ``word`` may have (none for most words)."""
    found = {pattern.sub(american, word) for pattern, american in _BRITISH}
    found.discard(word)
    return found


def regular_form(word: str, known: Known, domain: Known) -> bool:
    """Whether an unknown ``word`` is a right form of known words: a British spelling of
    one, stem + suffix (when no other spelling of that form is a word), prefix + word, or
    two of the domain's words (``domain``: the index and product words, not all English)
    run together."""
    if any(known(other) for other in american_spellings(word)):
        return True
    if _inflected(word, known):
        return True
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and (known(rest) or _inflected(rest, known)):
            return True
    return any(
        domain(word[:cut]) and domain(word[cut:])
        for cut in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1)
    )


def _inflected(word: str, known: Known) -> bool:
    """A right form of a known stem, and no other reading of it gives a known word
    ("cuting" could be cute + ing, but cut + ing gives cutting, a word)."""
    right = False
    for stem, suffix in stems(word):
        if not known(stem) or (word[len(stem) :][:1] == stem[-1] and not _doubles(stem)):
            continue  # unknown, or a key pressed twice ("proxyy") rather than a doubling
        spellings = forms(stem, suffix)
        if any(known(other) for other in spellings - {word}):
            return False
        right = right or word in spellings
    return right


def right_forms(word: str, known: Known) -> dict[str, str]:
    """The known right spellings of the form ``word`` misspells, each with its stem: a
    known stem with its ending spelt wrongly (``jamed``: jammed, of jam; ``deliverd``:
    delivered, of deliver). Empty for most words. Adjectives in -y are left out: their
    variant spellings (flakey, flaky) are both right."""
    out: dict[str, str] = {}
    for stem, suffix in stems(word):
        if suffix == "y" or not known(stem):
            continue
        if word[len(stem) :][:1] == stem[-1] and not _doubles(stem):
            continue  # a key pressed twice ("proxyy") rather than a doubling
        for spelling in sorted(forms(stem, suffix) - {word}):
            if known(spelling):
                out.setdefault(spelling, stem)
    return out


def related_forms(word: str, known: Known) -> set[str]:
    """Every regular form of each known stem ``word`` may be a form of (pointer: point,
    pointed, points...), and of ``word`` itself."""
    out = all_forms(word)
    for stem, _ in stems(word):
        if known(stem):
            out |= all_forms(stem)
    return out


def all_forms(stem: str) -> set[str]:
    """Every regular form of ``stem``, itself included (dock: docks, docked, docking...)."""
    return {stem}.union(*(forms(stem, suffix) for suffix in ENDINGS))


def inflection_of(word: str, stem: str, known: Known) -> set[str] | None:
    """When ``word`` is ``stem`` plus an ending (``prioritys``: priority + s), the known
    right spellings of that form ({priorities}, maybe none); None when it is no such form."""
    ending = word[len(stem) :]
    if not word.startswith(stem) or not ending or ending[0] == stem[-1]:
        return None  # not a stem, or a doubled letter ("printerss") rather than an ending
    classes = [suffix for suffix, endings in ENDINGS.items() if ending in endings]
    if not classes:
        return None
    return {form for suffix in classes for form in forms(stem, suffix) if known(form)}
