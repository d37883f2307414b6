"""The findings of a note judged by the model: the rules explain, the model decides.

The per-criterion model says which criteria a note meets; the rules of
``kbassist.quality.criteria`` and the cue values say why. A finding and its
criterion never contradict each other: a criterion the model finds met has no
"missing" finding, and one it finds missing has exactly one, worded from what
the note does say when that explains the miss (a hope instead of a test, a
guess instead of a cause, boilerplate instead of a follow-up). Pure functions.
"""

from __future__ import annotations

from collections.abc import Mapping

from kbassist.findings import Finding, sort_findings
from kbassist.quality.criteria import MISSING, NOTE_CRITERIA
from kbassist.quality.cues import tokenize
from kbassist.quality.lexicon import STOPWORDS

LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "nl": "Dutch",
    "pt": "Portuguese",
    "it": "Italian",
}
# Rule findings the model's decisions replace: the six "missing" findings, the rules'
# "not English" warning (the model judges content in seven languages).
REPLACED_RULES = frozenset({*NOTE_CRITERIA, "language"})

# (criterion, cue, message): when the cue is present, the missing finding says so.
_BECAUSE: tuple[tuple[str, str, str], ...] = (
    (
        "verification",
        "hedge",
        "The note hopes or asks (“should work now”, “please test”) but records no check "
        "that passed.",
    ),
    (
        "followup",
        "boilerplate",
        "“Let us know if it happens again” is boilerplate: no follow-up or prevention is recorded.",
    ),
    (
        "steps",
        "pointer_only",
        "A pointer to a KB article or procedure is not steps: another technician could not "
        "repeat the fix from this note.",
    ),
    (
        "steps",
        "vague_actions",
        "“Rebooted”, “fixed” or “reinstalled” alone cannot be repeated: the note does not "
        "say what was done to what.",
    ),
    (
        "cause",
        "guess",
        "The cause is only guessed (“probably”, “a glitch”), with nothing that locates the fault.",
    ),
    (
        "cause",
        "no_cause",
        "The note says the cause was not found and records nothing that was ruled out.",
    ),
    (
        "problem",
        "vague_problem",
        "The note only says something was “not working” or had an “issue”: the next "
        "technician could not recognise the problem from it.",
    ),
)


def language_of(plain: str) -> str:
    """The note's language code ("en", "de", ...) by stop-word share; "en" when unsure."""
    tokens = tokenize(plain[:4000].lower())
    if len(tokens) < 6:
        return "en"
    shares = {code: sum(1 for t in tokens if t in words) for code, words in STOPWORDS.items()}
    best = max(shares, key=lambda code: (shares[code], code == "en"))
    return best if shares[best] > shares["en"] else "en"


def missing_finding(criterion: str, cues: Mapping[str, float]) -> Finding:
    """The finding for a criterion the model finds missing, explained by the cues present."""
    generic = MISSING[criterion]
    for name, cue, message in _BECAUSE:
        if name == criterion and cues.get(cue, 0.0) > 0:
            return Finding(generic.rule, generic.severity, message, generic.suggestion, criterion)
    return generic


def judged_findings(
    rule_findings: tuple[Finding, ...],
    met: Mapping[str, bool],
    cues: Mapping[str, float],
    language: str = "en",
) -> tuple[Finding, ...]:
    """The rules' findings reconciled with the model's criteria (see the module docstring)."""
    replaced = set(REPLACED_RULES)
    if sum(bool(value) for value in met.values()) >= 2:
        replaced.add("vague")  # the rules found it vague; the model finds content in it
    kept = [finding for finding in rule_findings if finding.rule not in replaced]
    kept.extend(missing_finding(name, cues) for name in NOTE_CRITERIA if not met[name])
    if language != "en":
        kept.append(
            Finding(
                "language",
                "info",
                f"The note reads as {LANGUAGE_NAMES.get(language, language)}; it was judged "
                "by its content, as an English note would be.",
                "Nothing to change for the score; write in the language your team reads.",
            )
        )
    return sort_findings(kept)
