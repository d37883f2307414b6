"""Multilingual cue features of a closure note (pure functions, no I/O, no models).

Cue groups (``kbassist.quality.lexicon``) are word lists in English, German,
Spanish, French, Dutch, Portuguese and Italian, matched as whole-token n-grams of
the lower-cased note in one pass (dictionary lookups, so the feature path stays
well above 1,000 notes a second). A handful of language-independent shapes
(quoted text, error codes, host names, versions, paths, commands, menu paths,
ticket numbers) are regular expressions written so that they fail fast.

Clauses that the labelling guide says earn nothing are masked before the cues
they would fake are counted: a hedge or request ("should work now", "please
test") hides the verification cues in it, boilerplate ("let us know if it
happens again") hides follow-up cues, and a guess ("probably a glitch") hides
cause cues.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from kbassist.quality.lexicon import (
    GROUPS,
    MASK_BEFORE,
    MASK_REACH,
    MASKED_BY,
    PEOPLE_WORDS,
    STOPWORDS,
)

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_CLAUSE_BREAK = frozenset(".!?;\n")


def tokenize(lower: str) -> list[str]:
    """The word tokens of lower-case text (apostrophes and hyphens stay inside words)."""
    return _TOKEN.findall(lower.replace("’", "'"))


@dataclass(frozen=True)
class Lexicon:
    """Cue groups compiled for a one-pass n-gram lookup."""

    names: tuple[str, ...]
    phrases: dict[str, tuple[int, ...]]  # "token token" -> group indexes
    stems: dict[str, tuple[tuple[str, int], ...]]  # first 3 letters -> (prefix, group index)
    partials: frozenset[str]  # every proper token-prefix of a multi-token phrase

    @classmethod
    def build(cls, groups: dict[str, str]) -> Lexicon:
        """Compile '|'-separated entries per group (``*`` at the end = token prefix)."""
        names = tuple(groups)
        phrases: dict[str, set[int]] = {}
        stems: dict[str, set[tuple[str, int]]] = {}
        partials: set[str] = set()
        for index, name in enumerate(names):
            for entry in _entries(groups[name]):
                if entry.endswith("*"):
                    stem = entry[:-1]
                    if len(stem) < 3 or len(tokenize(stem)) != 1:
                        raise ValueError(f"prefix entry {entry!r} in {name} must be one token")
                    stems.setdefault(stem[:3], set()).add((stem, index))
                    continue
                tokens = tokenize(entry)
                if not tokens:
                    continue
                phrases.setdefault(" ".join(tokens), set()).add(index)
                for cut in range(1, len(tokens)):
                    partials.add(" ".join(tokens[:cut]))
        return cls(
            names,
            {key: tuple(sorted(value)) for key, value in phrases.items()},
            {key: tuple(sorted(value)) for key, value in stems.items()},
            frozenset(partials),
        )

    def matches(self, tokens: Sequence[str]) -> list[tuple[int, int, int, str]]:
        """Every (group, start token, length, matched text) in the tokens."""
        found: list[tuple[int, int, int, str]] = []
        phrases, stems, partials = self.phrases, self.stems, self.partials
        count = len(tokens)
        for start, token in enumerate(tokens):
            groups = phrases.get(token)
            if groups:
                for group in groups:
                    found.append((group, start, 1, token))
            candidates = stems.get(token[:3])
            if candidates:
                for stem, group in candidates:
                    if token.startswith(stem):
                        found.append((group, start, 1, token))
            text, end = token, start + 1
            while text in partials and end < count:
                text = f"{text} {tokens[end]}"
                end += 1
                groups = phrases.get(text)
                if groups:
                    for group in groups:
                        found.append((group, start, end - start, text))
        return found


def _entries(text: str) -> list[str]:
    return [entry.strip().lower() for entry in " ".join(text.split()).split("|") if entry.strip()]


LEXICON = Lexicon.build(GROUPS)

# --- language-independent shapes ------------------------------------------------------

QUOTED = re.compile(
    r"\"[^\"\n]{4,200}\"|“[^”\n]{4,200}”|„[^“”\n]{4,200}[“”]|«[^»\n]{3,200}»|"
    r"'[^'\n]{4,200}'(?=[\s.,;:)!?]|$)"
)
ERROR_CODE = re.compile(
    r"0x[0-9a-f]{4,8}\b|\b[45]\.\d\.\d{1,3}\b|\b(?:aadsts|hresult|event ?id|code|error|fehler|"
    r"erreur|errore|erro|fout|código|codice|foutcode)[ :#]{0,3}-?[0-9a-z]*\d[0-9a-z]*\b|"
    r"\b(?:4[0-9]{2}|5[0-9]{2})\b(?= \w)",
    re.IGNORECASE,
)
PROBLEM_LABEL = re.compile(
    r"(?:^|\n)[ \t*#-]*(?:problem|issue|symptoms?|fault|reported|error|störung|fehlerbild|"
    r"problema|síntoma|incidencia|problème|symptôme|incident|probleem|melding|klacht|sintoma|"
    r"sintomo|segnalazione)[ \t*]*:",
    re.IGNORECASE,
)
CAUSE_LABEL = re.compile(
    r"(?:^|\n|\. )[ \t*#-]*(?:cause|root cause|diagnosis|ursache|grund|causa|oorzaak|diagnose|"
    r"diagnóstico|diagnostic|diagnosi)[ \t*]*:",
    re.IGNORECASE,
)
COMPANY_SUFFIX = re.compile(
    r"\b(?:GmbH|AG|KG|B\.?V\.?|N\.?V\.?|Ltd|LLC|Inc|PLC|S\.L\.|SL|S\.A\.|SA|SARL|SAS|Ltda|"
    r"S\.r\.l\.|Srl|SpA|S\.p\.A\.|VOF|e\.V\.)(?!\w)"
)
HOSTNAME = re.compile(r"\b[A-Z][A-Z0-9]{1,14}-[A-Z0-9][A-Z0-9-]{0,14}\b|\b[A-Z]{2,}\d{1,4}\b")
VERSION = re.compile(r"\b\d+\.\d+(?:\.\d+)*\b|\b\d\dH\d\b|\b[vV]\d+\b", re.IGNORECASE)
IP_ADDRESS = re.compile(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")
MODEL_NUMBER = re.compile(r"\b[A-Za-z]{1,6}-?[A-Za-z]?\d{2,5}[A-Za-z]{0,5}\b")
CAPITALISED = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][\w&.-]+")  # mid-sentence proper nouns
CMDLET_VERBS = frozenset(
    """get set new remove add enable disable start stop restart install uninstall update invoke
    test reset clear connect repair import export grant revoke search unlock""".split()
)
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
BACKTICKS = re.compile(r"`[^`\n]{2,200}`")
SWITCH = re.compile(
    r"/(?:force|flushdns|registerdns|release|renew|scannow|restorehealth|all|resetbase|safe|"
    r"cleanviewer|resetnavpane|online|quiet|norestart)\b",
    re.IGNORECASE,
)
PATH = re.compile(
    r"[a-zA-Z]:\\|\\\\[\w.$-]+\\|HK(?:LM|CU|EY_LOCAL_MACHINE|EY_CURRENT_USER)\b|"
    r"/(?:etc|var|usr|opt|home)/\w|%(?:appdata|localappdata|programdata|temp|userprofile|"
    r"windir|systemroot)%|(?<=\w)\.(?:exe|msi|ps1|bat|cmd|reg|ost|pst|xml|json|ini|cfg|conf|"
    r"log|dll|inf|cab|iso|zip)\b",
    re.IGNORECASE,
)
MENU_PATH = re.compile(r"(?:->|>|→|»|⇒|›)(?= ?[\w\"'“])")
SETTING = re.compile(r"(?:=| to | auf | op | sur | en | para | su | naar )(?:\"|'|“|\d|[A-Z])")
NUMBERED = re.compile(
    r"^[ \t]*(?:\d+[.)]|step \d+|schritt \d+|paso \d+|étape \d+|stap \d+|passo \d+|[-*•] )",
    re.IGNORECASE | re.MULTILINE,
)
REFERENCE = re.compile(
    r"\b[A-Za-z]{2,6}-\d{2,}\b|#\d{3,}\b|https?://|\b(?:KB|INC|CHG|CR|RFC|RMA|SR|REQ|RITM|"
    r"CASE|TKT|T)\d{3,}\b|\bT-\d{4,}\b",
)
# Features v6 (session 5): the guide's follow-up cases as shapes, in the seven languages.
# A next step if it recurs: a condition with "again" (or "another ...") in its clause, "if it
# jams again, replace the pickup roller"; not when the clause is boilerplate ("if it happens
# again, let us know": ``_BOILERPLATE_CLAUSE``).
_RECUR_PAIRS = (  # (the condition's words, what says "again"), one pair per language
    ("if", "again|recurs?|reoccurs?|returns|comes back|another|any other"),
    ("falls|wenn|sollte", "wieder|erneut|nochmal|noch einmal"),
    ("si", "de nuevo|otra vez|vuelve|se repite|nuevamente"),
    ("si", "de nouveau|à nouveau|encore|revient|recommence|se reproduit"),
    ("als|indien|mocht", "weer|opnieuw|terugkomt"),
    ("se", "de novo|novamente|voltar|repetir"),
    ("se", "di nuovo|ripresenta|ricapita|si ripete|ancora"),
)
RECUR_NEXT = re.compile(
    "|".join(rf"\b(?:{when})\b.{{0,60}}?\b(?:{again})\b" for when, again in _RECUR_PAIRS),
    re.IGNORECASE,
)
_BOILERPLATE_CLAUSE = re.compile(
    r"let us know|let me know|contact|get in touch|call us|give us|ring us|raise a|log a|"
    r"open a new|new ticket|reopen|re-open|reply|melden|kontakt|avís|avise|contáct|"
    r"no dude|contact|faites-nous|n'hésitez|neem contact|laat het|laat ons|ons weten|"
    r"entre em contato|fale connosco|contatta|ci contatti|fateci sapere|non esiti",
    re.IGNORECASE,
)
# A record kept up to date (the guide: "a KB article used, created or updated"): a place
# where the desk keeps its knowledge and a verb that wrote to it, in one clause.
RECORD_PLACE = re.compile(
    r"\b(?:it ?glue|hudu|confluence|wiki|runbook|documentation|register|inventory|"
    r"template|contact sheet|knowledge base|kb|dokumentation|vorlage|inventar|"
    r"wissensdatenbank|documentación|inventario|plantilla|registro|base de conocimiento|"
    r"inventaire|modèle|registre|base de connaissances|documentatie|inventaris|sjabloon|"
    r"kennisbank|documentação|inventário|modelo|base de conhecimento|documentazione|"
    r"modello)\b",
    re.IGNORECASE,
)
RECORD_VERB = re.compile(
    r"\b(?:updated|saved|recorded|documented|stored|logged|added|noted|filed|aktualisiert|"
    r"gespeichert|hinterlegt|eingetragen|dokumentiert|ergänzt|actualizad[oa]|guardad[oa]|"
    r"registrad[oa]|anotad[oa]|añadid[oa]|mise? à jour|enregistrée?|ajoutée?|notée?|"
    r"consignée?|bijgewerkt|opgeslagen|vastgelegd|toegevoegd|genoteerd|atualizad[oa]|"
    r"registad[oa]|adicionad[oa]|aggiornat[oa]|salvat[oa]|registrat[oa]|aggiunt[oa]|"
    r"annotat[oa])\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"[^.;!?\n]+")


def recur_next_count(original: str) -> int:
    """Next steps if the fault recurs (not boilerplate) in a note."""
    return sum(
        1
        for clause in _CLAUSES.findall(original)
        if RECUR_NEXT.search(clause) and not _BOILERPLATE_CLAUSE.search(clause)
    )


def record_update_count(original: str) -> int:
    """Clauses that say a record (documentation, a register, a template) was written to."""
    return sum(
        1
        for clause in _CLAUSES.findall(original)
        if RECORD_PLACE.search(clause) and RECORD_VERB.search(clause)
    )


NUMBER_TOKEN = re.compile(r"\d{3,}")
POINTER_TOKEN = re.compile(r"(?:chg|inc|cr|rfc|rma|sr|req|ritm|case|prb|t)-?\d{3,}")
KB_POINTER = re.compile(r"\bKB[- ]?#?\d{2,5}\b|\bkb:[\w-]+|\[\[[\w-]+\]\]", re.IGNORECASE)
DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
)
HTML_LEFTOVER = re.compile(r"&[a-z]{2,6};|<[a-z/][^>]{0,40}>", re.IGNORECASE)

# --- the features --------------------------------------------------------------------


def _log(value: float) -> float:
    return math.log1p(value)


_MENU_SEPARATORS = frozenset(">→»›⇒")


def _gaps(lower: str, spans: list[tuple[int, int]]) -> tuple[list[bool], set[int]]:
    """Per token: whether a clause break comes right before it; tokens beside a menu separator."""
    ends = [True]
    menu: set[int] = set()
    for index, ((_, previous_end), (start, _)) in enumerate(zip(spans, spans[1:], strict=False)):
        gap = lower[previous_end:start]
        ends.append(any(ch in _CLAUSE_BREAK for ch in gap))
        if any(ch in _MENU_SEPARATORS for ch in gap):
            menu.update((index, index + 1))
    return ends, menu


def _group_counts(
    lexicon: Lexicon,
    found: list[tuple[int, int, int, str]],
    n_tokens: int,
    breaks: list[bool],
    menu: set[int],
    tail: int,
) -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, set[int]]]:
    """Occurrences, distinct matches and matches from token ``tail`` on (masked ones left
    out), and the tokens each mask hides."""
    index = {name: position for position, name in enumerate(lexicon.names)}
    masked: dict[str, set[int]] = {"menu": menu}
    for trigger, reach in MASK_REACH.items():
        group = index[trigger]
        hidden: set[int] = set()
        for match_group, start, length, _ in found:
            if match_group != group:
                continue
            # A negation hides what follows it, not the phrase it starts ("no further errors").
            first = start + length if trigger == "negation" else start
            position = first
            while position < n_tokens and position < start + length + reach:
                if position > start and breaks[position]:
                    break
                hidden.add(position)
                position += 1
        masked[trigger] = hidden
    for trigger, (follower, reach) in MASK_BEFORE.items():
        masked[trigger] = _followed_by(lexicon, found, breaks, trigger, follower, reach)
    counts = dict.fromkeys(lexicon.names, 0)
    late = dict.fromkeys(lexicon.names, 0)
    distinct: dict[str, set[str]] = {name: set() for name in lexicon.names}
    for group, start, _, text in found:
        name = lexicon.names[group]
        if any(start in masked[trigger] for trigger in MASKED_BY.get(name, ())):
            continue
        counts[name] += 1
        distinct[name].add(text)
        if start >= tail:
            late[name] += 1
    return counts, {name: len(values) for name, values in distinct.items()}, late, masked


def _followed_by(
    lexicon: Lexicon,
    found: list[tuple[int, int, int, str]],
    breaks: list[bool],
    trigger: str,
    follower: str,
    reach: int,
) -> set[int]:
    """Tokens of each ``trigger`` match that a ``follower`` match follows in its clause."""
    names = lexicon.names
    followers = sorted(start for group, start, _, _ in found if names[group] == follower)
    hidden: set[int] = set()
    if not followers:
        return hidden
    for group, start, length, _ in found:
        if names[group] != trigger:
            continue
        end = start + length
        for position in followers:
            if position < end or position > end + reach:
                continue
            if not any(breaks[end : position + 1]):
                hidden.update(range(start, end))
                break
    return hidden


def _linked_counts(
    lexicon: Lexicon,
    found: list[tuple[int, int, int, str]],
    tokens: list[str],
    counts: dict[str, int],
    original: str,
    not_pointers: set[int],
) -> tuple[int, int, int, int]:
    """Cues made of two things in a row: a count before people, a pointer before a document,
    a reference word before a number; and the references in the note."""
    n_words = len(tokens)
    counted = [
        (tokens[i], tokens[i + 1], tokens[i + 2] if i + 2 < n_words else "")
        for i in range(n_words - 1)
        if tokens[i] in _COUNT_WORDS or tokens[i].isdigit()
    ]
    affected_counts = sum(1 for _, a, b in counted if a in PEOPLE_WORDS or b in PEOPLE_WORDS)
    pointer = 0
    if counts["pointer_verbs"] and counts["doc_words"]:
        pointer = _pointer_count(lexicon, found)
    references = len(REFERENCE.findall(original))
    handoff = 0
    if counts["reference_words"]:
        # A reference word followed by a number: "case 01877234", "fault ref VOL011-88234517".
        # Not inside boilerplate ("quoting this reference 48211") and not the ticket itself
        # ("Ticket #55123 - Status: Closed"): neither is a hand-off.
        ends = {
            start + length
            for group, start, length, _ in found
            if lexicon.names[group] == "reference_words" and start not in not_pointers
        }
        handoff = sum(1 for end in ends if end < n_words and NUMBER_TOKEN.search(tokens[end]))
        references += handoff
    # A numbered reference written as one token: "CHG-2291", "INC0012345", "RITM-4471".
    if references:
        handoff += sum(1 for token in tokens if POINTER_TOKEN.fullmatch(token))
    return affected_counts, pointer, references, handoff


def _text_shape(original: str, tokens: list[str], breaks: list[bool]) -> dict[str, float]:
    """Length, density and language shares of a note, whatever it says."""
    n_words = len(tokens)
    sentences = max(1, sum(breaks))
    language = [
        sum(1 for t in tokens if t in stop) / max(1, n_words) for stop in STOPWORDS.values()
    ]
    return {
        "log_words": _log(n_words),
        "log_chars": _log(len(original)),
        "log_lines": _log(original.count("\n") + 1),
        "log_sentences": _log(sentences),
        "words_per_sentence": min(60.0, n_words / sentences) / 60.0,
        "digit_share": _DIGIT.subn("", original)[1] / max(1, len(original)),
        "upper_share": _UPPER.subn("", original)[1] / max(1, len(original)),
        "distinct_word_share": len(set(tokens)) / max(1, n_words),
        "english_share": language[0],
        "other_language_share": max(language[1:]),
        "not_english": float(n_words >= 6 and language[0] < max(language[1:])),
        "html_leftover": float(bool(HTML_LEFTOVER.search(original))),
    }


def cue_values(plain: str, lexicon: Lexicon = LEXICON) -> dict[str, float]:
    """Named cue values of one plain-text note (log counts, shares and flags)."""
    original = plain[:20_000]
    lower = original.lower().replace("’", "'")
    spans = [match.span() for match in _TOKEN.finditer(lower)]
    tokens = [lower[start:end] for start, end in spans]
    n_words = len(tokens)
    breaks, menu = _gaps(lower, spans) if tokens else ([], set())
    starts = [position for position, is_start in enumerate(breaks) if is_start]
    tail = starts[-2] if len(starts) >= 2 else 0  # the last two clauses
    found = lexicon.matches(tokens)
    counts, distinct, late, masked = _group_counts(lexicon, found, n_words, breaks, menu, tail)
    verify_group = lexicon.names.index("verify_words")
    raw_verify = sum(1 for group, *_ in found if group == verify_group)
    affected_counts, pointer, references, handoff = _linked_counts(
        lexicon, found, tokens, counts, original, masked["boilerplate"] | masked["not_followup"]
    )
    stated, in_fix = _state_forms(lexicon, found, tokens)
    return {
        **_text_shape(original, tokens, breaks),
        # problem
        "error_words": _log(counts["error_words"]),
        "failure_words": _log(counts["failure_words"]),
        "report_words": _log(counts["report_words"]),
        "problem_label": float(bool(PROBLEM_LABEL.search(original))),
        "vague_problem": _log(counts["vague_problem"]),
        "quoted": _log(len(QUOTED.findall(original))),
        "error_code": _log(len(ERROR_CODE.findall(original))),
        "request_words": _log(counts["request_words"]),
        "closure_words": _log(counts["closure_words"]),
        "request_any": float(counts["request_words"] > 0),
        # environment
        "product_words": _log(distinct["product_words"]),
        "affected_words": _log(distinct["affected_words"]),
        "count_affected": _log(affected_counts),
        "company_suffix": _log(len(COMPANY_SUFFIX.findall(original))),
        "hostname": _log(len(HOSTNAME.findall(original))),
        "version": _log(len(VERSION.findall(original))),
        "ip_address": _log(len(IP_ADDRESS.findall(original))),
        "model_number": _log(len(MODEL_NUMBER.findall(original))),
        "capitalised": _log(len(CAPITALISED.findall(original))),
        # cause
        "cause_words": _log(counts["cause_words"]),
        "cause_label": float(bool(CAUSE_LABEL.search(original))),
        "state_words": _log(counts["state_words"]),
        "ruled_out": _log(counts["ruled_out"]),
        "guess": _log(counts["guess"]),
        "no_cause": _log(counts["no_cause"]),
        "cause_any": float(counts["cause_words"] + counts["ruled_out"] > 0),
        # a state said of something ("the cert had expired") against one only named in
        # the fix ("renewed the expired cert"): the guide's stated cause against an implied one
        "state_stated": _log(stated),
        "state_in_fix": _log(in_fix),
        # steps
        "action_words": _log(distinct["action_words"]),
        "vague_actions": _log(counts["vague_actions"]),
        "pointer_only": _log(pointer),
        "command": _log(
            counts["command_words"]
            + sum(1 for t in tokens if "-" in t and t.split("-", 1)[0] in CMDLET_VERBS)
            + len(BACKTICKS.findall(original))
            + len(SWITCH.findall(original))
        ),
        "path": _log(len(PATH.findall(original))),
        "menu_path": _log(len(MENU_PATH.findall(original))),
        "setting": _log(len(SETTING.findall(original))),
        "navigation": _log(counts["navigation"]),
        "numbered": _log(len(NUMBERED.findall(original))),
        # verification
        "verify_words": _log(counts["verify_words"]),
        "verify_words_raw": _log(raw_verify),
        "hedge": _log(counts["hedge"]),
        "verify_strong": _log(counts["verify_strong"]),
        "verify_state": _log(counts["verify_state"]),
        "verify_late": _log(late["verify_strong"] + late["verify_state"]),
        "verify_any": float(counts["verify_strong"] + counts["verify_state"] > 0),
        **_followup_values(original, counts, late, references, handoff),
    }


def _followup_values(
    original: str, counts: dict[str, int], late: dict[str, int], references: int, handoff: int
) -> dict[str, float]:
    """The follow-up cues (read by the follow-up model only, but boilerplate, references
    and dates)."""
    return {
        "followup_words": _log(counts["followup_words"]),
        "followup_any": float(counts["followup_words"] + references > 0),
        "followup_late": _log(late["followup_words"]),
        "handoff": _log(handoff),
        # a knowledge-base article named by its number ("KB-0412", "KB 0188"): the guide's
        # settled case, follow-up by itself (not a Windows update's seven-digit KB5034441)
        "kb_pointer": _log(len(KB_POINTER.findall(original))),
        # features v6: a next step if it recurs, a record written to (see RECUR_NEXT)
        "recur_next": _log(recur_next_count(original)),
        "record_update": _log(record_update_count(original)),
        "boilerplate": _log(counts["boilerplate"]),
        "reference": _log(references),
        "date": _log(len(DATE.findall(original)) + counts["day_words"]),
    }


_COUNT_WORDS = frozenset(_entries(GROUPS["count_words"]))
# Verbs that say a state of something: "was", "had", "war", "estaba", "était", "is", ...
_COPULAS = frozenset(
    """was were is are had has been being got war waren ist sind hatte hatten wurde es está
    estaba estaban era eran fue est était étaient avait sont is was waren werd had zijn é
    estava estavam foi tinha è era erano aveva stato""".split()
)


def _state_forms(
    lexicon: Lexicon, found: list[tuple[int, int, int, str]], tokens: list[str]
) -> tuple[int, int]:
    """State words said of something (a copula up to two tokens before) and state words
    inside the fix (an action word up to three tokens before)."""
    names = lexicon.names
    states = [start for group, start, _, _ in found if names[group] == "state_words"]
    if not states:
        return 0, 0
    actions = {
        start + length - 1 for group, start, length, _ in found if names[group] == "action_words"
    }
    stated = sum(
        1 for start in states if any(t in _COPULAS for t in tokens[max(0, start - 2) : start])
    )
    in_fix = sum(1 for start in states if any(start - gap in actions for gap in (1, 2, 3)))
    return stated, in_fix


def _pointer_count(lexicon: Lexicon, found: list[tuple[int, int, int, str]]) -> int:
    """A pointer verb followed within three tokens by a document word ("followed KB-1042")."""
    names = lexicon.names
    pointers = [
        start + length for group, start, length, _ in found if names[group] == "pointer_verbs"
    ]
    documents = {start for group, start, _, _ in found if names[group] == "doc_words"}
    return sum(1 for end in pointers if any(end + gap in documents for gap in range(3)))


CUE_NAMES: tuple[str, ...] = tuple(cue_values("x"))


def cue_matrix(plains: Iterable[str], lexicon: Lexicon = LEXICON) -> np.ndarray:
    """Cue values for many plain-text notes, one row each, columns in ``CUE_NAMES`` order."""
    rows = [list(cue_values(plain, lexicon).values()) for plain in plains]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(CUE_NAMES))
