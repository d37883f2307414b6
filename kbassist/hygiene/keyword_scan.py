"""Values announced by a keyword, read the way a technician writes them.

"temp pw Summer2025!", "Kennwort zurückgesetzt auf Sonne2025!", "password for the admin account
on FW01 was set to X", "Türcode Serverraum: 8316", "DOB 14/03/1987": a keyword, then some
filler (an object, an adjective, a verb, a link word or a colon), then the value. A regex finds
the keyword; the words after it on the same line are then read one by one, skipping filler,
until the first word that is not filler: that word (or, for codes and dates, a short run of
words) is the candidate, and the rule's policy decides whether it is a value or a mention
("password: reset", "key is in the vault", "pass to L2team1"), mostly through
:mod:`kbassist.hygiene.value_shapes`.

Rules are data (:class:`KeywordRule`); secrets and personal data each declare
their own table and share this reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kbassist.hygiene.filler_words import (
    ADJECTIVES,
    AGAIN,
    ARTICLES,
    CLAUSE_JOINERS,
    HTML_TAG,
    LATER_TO,
    LATER_TO_WORDS,
    LINK_ENDS_LINE,
    LINKS,
    PREPOSITIONS,
    REPLACE_VERBS,
    REPLACED_BY,
    SEARCH_LINKS,
    SEPARATORS,
    SET_BEFORE,
    SET_FROM_TO,
    SET_LAST,
    SET_LAST_VERBS,
    SET_TO,
    SET_TO_WORDS,
    SET_VERBS,
    VERBS,
    WEAK_LINKS,
)
from kbassist.hygiene.hint_index import HintIndex, keyword_matches
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import adjective_and_noun, is_mention, opens_a_phone

# (start, end, kind) of one sensitive value in the text.
Hit = tuple[int, int, str]

# --- filler between keyword and value ----------------------------------------------------

_CLAUSE_END = ".,;!?)"
_MAX_FILLER = 8


class Token(NamedTuple):
    """One word of a note with its offsets."""

    start: int
    end: int
    text: str
    quoted: bool = False


_TOKEN = re.compile(
    r"<[^<>\n]{1,200}>"  # an HTML tag left by the PSA: skipped like whitespace
    r"|\"[^\"\n<]{2,100}\"|'[^'\n<]{2,100}'(?!\w)|“[^”\n<]{2,100}”|`[^`\n<]{2,100}`"
    r"|«[^»\n<]{2,100}»|[^\s<>]+"  # French quotes: « Cheval-de-bois sur la Loire 1898 »
)
_TRAILING = ".,;:)]}»”“\"'"
_LEADING = "([{«“\"'"


class Tokens:
    """The words of text[start:end], read lazily: most keywords need only the next few."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.source = text
        self._matches = _TOKEN.finditer(text, start, end)
        self._tokens: list[Token] = []
        self._done = False

    def _fill(self, index: int) -> None:
        while not self._done and len(self._tokens) <= index:
            match = next(self._matches, None)
            if match is None:
                self._done = True
                return
            word = match.group(0)
            if word[0] == "<" and HTML_TAG.fullmatch(word):
                continue
            if len(word) >= 4 and word[0] in "\"'“`«" and word[-1] in "\"'”`»":
                inner = word[1:-1].strip()  # French quotes stand apart: « X »
                start = match.start() + word.index(inner, 1) if inner else match.start() + 1
                self._tokens.append(Token(start, start + len(inner), inner, True))
                continue
            offset = match.start()
            for part in word.split("&nbsp;"):
                if part:
                    self._tokens.append(Token(offset, offset + len(part), part))
                offset += len(part) + len("&nbsp;")

    def has(self, index: int) -> bool:
        """Whether there is a word at this index."""
        self._fill(index)
        return index < len(self._tokens)

    def __getitem__(self, index: int) -> Token:
        self._fill(index)
        return self._tokens[index]

    def upto(self, stop: int) -> list[Token]:
        """The words before index stop (fewer if the text ends first)."""
        self._fill(stop - 1)
        return self._tokens[:stop]

    def span(self, first: int, last: int) -> list[Token]:
        """The words from index first to index last, both included."""
        self._fill(last)
        return self._tokens[first : last + 1]


def tokenize(text: str, start: int, end: int) -> Tokens:
    """Whitespace-separated words of text[start:end] with their offsets (&nbsp; is a space)."""
    return Tokens(text, start, end)


def after_arrow(tokens: Tokens, index: int) -> bool:
    """Whether tokens[index] follows an arrow ("->", "=>", "→"; the first two read as "-", "=")."""
    if not index:
        return False
    before = tokens[index - 1]
    return before.text == "→" or (
        before.text in {"-", "="} and tokens.source[before.end : before.end + 1] == ">"
    )


def trim(token: Token) -> Token:
    """The token without the punctuation a sentence puts around a value."""
    if token.quoted:
        return token
    text, start, end = token.text, 0, len(token.text)
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Token(token.start + start, token.start + end, text[start:end])


@dataclass(frozen=True)
class Reading:
    """What stood between a keyword and its candidate value."""

    explicit: bool  # a ":" or "=" (or "x:" on the object)
    linked: bool  # a link word or verb: "is", "set to", "zurückgesetzt auf"
    weak_only: bool  # only weak links ("to", "as"): "pass to L2"
    index: int  # index of the candidate token
    distant: bool = False  # found by the sentence search, past words that are not filler


def _bare(token: Token) -> str:
    return token.text.lower().rstrip(_CLAUSE_END)


_EXAMPLE_WORDS = frozenset("e.g. e.g., eg eg. eg, i.e. z.b. p.ej. bijv. bv. es. ex.".split())
_EXAMPLE_OPENERS = frozenset(
    "(e.g. (e.g., (eg (eg. (i.e. (ie (z.b. (p.ej. (p. (ex. (ex: (bijv. (bv. (es. (ad (ex".split()
)


def _closing_paren(tokens: Tokens, opening: int) -> int | None:
    """Index of the token that closes the parenthesis opened at tokens[opening]."""
    for i in range(opening, opening + 30):
        if not tokens.has(i):
            return None
        if tokens[i].text.rstrip(":,.;").endswith(")"):
            return i
    return None


# one word in brackets, then a link or a separator: the bracket names a mode or a system
_ONE_WORD_ASIDE = re.compile(r"\([^\W_][\w/.-]{0,11}\)")


def _one_word_aside(tokens: Tokens, i: int) -> bool:
    """Whether tokens[i] is one bracketed word followed by a link or a separator."""
    if not _ONE_WORD_ASIDE.fullmatch(tokens[i].text) or not tokens.has(i + 1):
        return False
    following = tokens[i + 1].text.lower()
    return following in LINKS or following in SEPARATORS


_ENCODING_ASIDES = frozenset(
    "(base32) (base32): (base64) (base64): (hex) (hex): (ascii) (case-sensitive)".split()
)


def read_filler(tokens: Tokens, explicit: bool) -> Reading | None:
    """Skip the filler after a keyword; None when the clause ends before a value."""
    linked, weak_only, i, skipped = False, True, 0, 0
    while tokens.has(i) and skipped <= _MAX_FILLER:
        token = tokens[i]
        word = token.text.lower()
        if token.quoted:
            break
        if word in _EXAMPLE_OPENERS:
            # "(e.g. 5521-8830)": the example is the value.
            i += 1
            break
        if word in _ENCODING_ASIDES or _one_word_aside(tokens, i):
            # "Seed (base32) JBSWY3DP...": how the value is written (session 14); "neues PW
            # (WPA2) ist Kf7-Rübe-Tanne-93": the mode it is for (session 17)
            i += 1
            skipped += 1
            continue
        if word.startswith("(") and not explicit and not word.rstrip(".,;").endswith(")"):
            # "(Settings > WiFi > Guest > Password)" or "(1 hour, one-time use):" is an aside.
            close = _closing_paren(tokens, i)
            if close is None:
                return None
            if tokens[close].text.endswith(":"):
                explicit = True
            i = close + 1
            skipped += 1
            continue
        if word in SEPARATORS or word in {"::", ":-"}:
            explicit = True
            i += 1
            break
        if explicit:
            break
        bare = word.rstrip(":")
        ends_clause = word[-1:] in _CLAUSE_END
        is_filler = bare in LINKS or bare in VERBS or bare in ARTICLES or bare in ADJECTIVES
        if word.endswith(":") and len(word) > 1:
            # "password for jsmith: X" or "lautet: X"
            explicit = True
            linked = linked or bare in LINKS or bare in VERBS
            i += 1
            break
        if bare == "from" and not linked and (source := _colon_within(tokens, i + 1, 0)):
            # "password from the pull-out tag on the front: X": where it was read, then X
            i += 1 + source
            explicit = True
            break
        if bare == "from" and not linked and (source := _from_then_link(tokens, i + 1)):
            i += 1 + source  # "LAPS password from Entra was X" (session 16)
            skipped += source + 1
            continue
        if bare in LINKS or bare in VERBS:
            linked = True
            weak_only = weak_only and bare in WEAK_LINKS
        elif bare in ARTICLES or bare in ADJECTIVES:
            pass
        elif bare == "of" and tokens.has(i + 1) and tokens[i + 1].text[:1].isdigit():
            # "a PIN of 123987": "of" before a number introduces it.
            linked = True
            weak_only = False
        elif bare in PREPOSITIONS and not linked:
            # "for <object>": skip the object, up to three words, when a link follows.
            j, span = _object_span(tokens, i + 1)
            if not tokens.has(j + span - 1):
                return None
            last = tokens[j + span - 1].text
            if last.endswith(":"):
                explicit = True
            elif last[-1:] in ".,;":
                return None
            i = j + span
            skipped += span + 1
            if explicit:
                break
            continue
        else:
            break
        if ends_clause and is_filler:
            return None
        i += 1
        skipped += 1
    if not tokens.has(i) or skipped > _MAX_FILLER:
        return None
    return Reading(explicit, linked, linked and weak_only, i)


def _object_span(tokens: Tokens, first: int) -> tuple[int, int]:
    """Where a preposition's object starts (past its articles) and how many words it has."""
    j = first
    while tokens.has(j) and _bare(tokens[j]) in ARTICLES:
        j += 1
    for k in range(1, 4):
        if not tokens.has(j + k):
            return j, 1  # the text ends after a one-word object
        ahead = tokens[j + k].text.lower()
        if (
            ahead in SEPARATORS
            or ahead.rstrip(":") in _LINKS_AND_VERBS
            or ahead.startswith("(")
            or tokens[j + k - 1].text.endswith(":")
        ):
            return j, k
    span = _colon_within(tokens, j, 1)  # (an adjective and its noun: "des gemeinsamen Kontos")
    return j, 2 if span == 1 and adjective_and_noun(tokens[j].text, tokens[j + 1].text) else span


_LINKS_AND_VERBS = LINKS | VERBS


def _from_then_link(tokens: Tokens, first: int) -> int:
    """The length of a one- or two-word source that a link word follows ("from Entra was"), or
    0."""
    for span in (1, 2):
        if not tokens.has(first + span):
            return 0
        if tokens[first + span - 1].text[-1:] in ".,;:" or tokens[first + span - 1].quoted:
            return 0
        if tokens[first + span].text.lower() in {"was", "is", "ist", "war", "es", "est", "era"}:
            return span
    return 0


def _colon_within(tokens: Tokens, first: int, span: int) -> int:
    """The span of a longer object that a colon closes ("password from the pull-out tag on the
    front: X", session 12): up to six words, none ending a clause; else ``span``."""
    for k in range(1, 7):
        if not tokens.has(first + k - 1):
            break
        word = tokens[first + k - 1].text
        if word.endswith(":"):
            return k
        if word[-1:] in ".,;!?)" or tokens[first + k - 1].quoted:
            break
    return span


@dataclass(frozen=True)
class KeywordRule:
    """One kind of sensitive value announced by a keyword."""

    kind: str
    keywords: str  # regex alternation, matched case-insensitively on word boundaries
    policy: str  # name of the value policy in POLICIES
    hints: tuple[str, ...] = ()  # lower-case substrings of which one must occur
    ambiguous: frozenset[str] = frozenset()  # keywords that are also ordinary words


# A policy reads the candidate (and maybe the words after it) and returns the value's
# token range [first, last], or None when the candidate is a mention.
Policy = Callable[[KeywordRule, str, Tokens, Reading], tuple[int, int] | None]


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its keyword regex, run on lower-cased text (faster than IGNORECASE)."""

    rule: KeywordRule
    lower: re.Pattern[str]
    # Hints that begin with a space (" pin"), also looked for at the very start of the text.
    lead_hints: tuple[str, ...] = ()

    @property
    def any_case(self) -> re.Pattern[str]:
        """The same regex for the rare text whose lower case changes its length ("İ")."""
        return _ignoring_case(self.lower.pattern)


@lru_cache(maxsize=64)
def _ignoring_case(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def compile_rule(rule: KeywordRule) -> CompiledRule:
    """The keyword regex, with an optional ':' or '=' glued to the keyword.

    A keyword may end a snake_case name ("aws_secret_access_key=", "db_password:"), so an
    underscore may stand before it; a letter, digit or hyphen may not ("Get-LapsADPassword"),
    but for the German and Dutch words that end a compound ("FRITZ!Box-Kennwort", session 17;
    "Einmal-Wiederherstellungscodes", session 24; "Kassa-pincode 50806", session 29; "usr
    bitlocker-pin ... auf 199475", session 33), and a tunnel phase's PSK ("Phase-1-PSK")."""
    # "<password>" is a placeholder's name, not a keyword: "postgres://app:<password>@host"
    pattern = (
        rf"(?<![^\W_])(?<!<)(?:(?<!-)|(?=(?i:kennw|passwort|wachtw|wiederherstellungsc|pincode))|(?<=(?i:phase-[12]-))(?=(?i:psk))|(?<=[a-z]-)(?=pin\b))(?P<key>{rule.keywords})"
        r"(?![\w>])"
        r"(?P<sep>[ \t]*(?::=|=>|->|[:=]))?"
    )
    leads = tuple(hint for hint in rule.hints if hint.startswith(" "))
    return CompiledRule(rule, guarded(pattern), leads)  # its first letters' lookahead in front


_SEARCH_TOKENS = 30


def _ends_sentence(word: str) -> bool:
    """Whether a word closes its sentence ("tomorrow." but not "v2." or "e.g")."""
    word = word.rstrip(")\"'”")
    return len(word) > 1 and word[-1] in ".!?" and not word[-2].isdigit() and word[-2] != "."


def _worth_searching(rule: KeywordRule, text: str, start: int, end: int, set_before: bool) -> bool:
    """Whether the rest of the line holds a separator the sentence search could use."""
    window = text[start:end]
    if any(mark in window for mark in (":", "=", " - ", " – ", " -> ", " → ")):  # "=>" too
        return True
    if SET_TO.search(window) or SET_FROM_TO.search(window) or SET_LAST.search(window):
        return True
    if window.startswith(", ") or any(verb in window for verb in REPLACE_VERBS):
        return True  # "Set a temporary password, Sandpiper-77-Rook, read to him" (session 16)
    if set_before and LATER_TO.search(window):
        return True
    if rule.policy in LIST_POLICIES and any(word in window for word in ("e.g", "eg.", "z.B.")):
        return True
    return rule.policy in _LINKED_POLICIES and any(f" {word} " in window for word in SEARCH_LINKS)


_LINKED_POLICIES = frozenset({"digits", "door", "mfa"})
_MAX_SEARCH_SEPARATORS = 3


def _one_clause(tokens: Tokens, i: int) -> bool:
    """Whether the words before tokens[i] stay in the keyword's clause (no comma, no "and")."""
    return not any(
        tokens[j].text[-1:] in {",", ";"} or tokens[j].text.lower() in CLAUSE_JOINERS
        for j in range(i)
    )


def _verb_last(tokens: Tokens, i: int) -> bool:
    """Whether tokens[i] is "auf" or "op" with a set-verb after the value: "auf X gesetzt"."""
    if tokens[i].text.lower() not in {"auf", "op"}:
        return False
    after = i + 2
    if tokens.has(after) and _bare(tokens[after]) in AGAIN:
        after += 1
    return tokens.has(after) and _bare(tokens[after]) in SET_LAST_VERBS


def _is_link(rule: KeywordRule, tokens: Tokens, i: int, set_before: bool) -> bool:
    word = tokens[i].text.lower()
    if rule.policy in _LINKED_POLICIES and word in SEARCH_LINKS:
        return True
    if set_before and word in LATER_TO_WORDS and _one_clause(tokens, i):
        return True
    if _verb_last(tokens, i):
        return True
    if word in REPLACED_BY and i > 0 and tokens[i - 1].text.lower() in REPLACE_VERBS:
        return True  # "wifi-sleutel ... vervangen door X", "replaced with X" (session 16)
    if word == "now" and i > 0 and tokens[i - 1].text.lower() in {"it's", "is", "it’s"}:
        return True  # "password; it's now Ftp_Upload_2025"
    if word == "to" and any(tokens[j].text.lower() == "from" for j in range(max(0, i - 4), i)):
        # "changed ... from the default to X"
        return any(tokens[j].text.lower() in SET_VERBS for j in range(max(0, i - 12), i))
    return word in SET_TO_WORDS and i > 0 and tokens[i - 1].text.lower() in SET_VERBS


def _set_off(tokens: Tokens) -> bool:
    """Whether the word after a leading comma is closed by a comma or a full stop."""
    return tokens.has(1) and tokens[1].text[-1:] in ",." and len(tokens[1].text) > 6


def _sentence_search(
    rule: KeywordRule, key: str, tokens: Tokens, policy: Policy, set_before: bool
) -> tuple[int, int] | None:
    """The value after a later ':' or '=' in the same sentence, judged strictly.

    "bypass code so they could get in: 718204395", "Senha do Wi-Fi ... por telefone:
    Bicho#Feliz2025", "set his PIN in PaperCut > Users > ... to 5831".
    """
    if key in rule.ambiguous:
        return None
    tried = 0
    for i, token in enumerate(tokens.upto(_SEARCH_TOKENS)):
        word = token.text
        if i and _ends_sentence(tokens[i - 1].text):
            return None
        # "C:" is a drive, not a separator.
        # an arrow is one too ("->" is read as "-"): "TAP read back as: nine, Kay, ... ->
        # 9K7m2x5Q" (session 14)
        explicit = word in {":", "=", "-", "–", "→"} or (word.endswith(":") and len(word) > 2)
        # a value set off by commas right after its keyword: "password, Sandpiper-77-Rook,"
        explicit = explicit or (i == 0 and word == "," and _set_off(tokens))
        # "backup codes for the account, e.g. 3829-1047": an example is a value.
        explicit = explicit or (rule.policy in LIST_POLICIES and word.lower() in _EXAMPLE_WORDS)
        if (explicit or _is_link(rule, tokens, i, set_before)) and tokens.has(i + 1):
            tried += 1
            if tried > _MAX_SEARCH_SEPARATORS:
                return None
            reading = Reading(True, True, False, i + 1, distant=True)
            found = policy(rule, key, tokens, reading)
            if found is not None:
                return found
    return None


# Policies whose values are shaped so unlike words that the next few words of the clause
# may be tried one by one: "Registration key for the Datto agent 3f9a2c7e-...".
# A door code may stand a word or two after its keyword, past the place it opens:
# "digicode entrée 2B471", "Code Serverraum 4-8-1-9-0", "keypad cde 7291" (session 17).
# A PIN may stand after the service it opens, named with a capital: "pin Entratel 8842-1937".
_SCAN_POLICIES = {"licence": 6, "token": 6, "door": 2, "digits": 1}
# what a door code may stand after: a word of four letters or more that names no time or change
_PLACE_WORD = re.compile(
    r"(?i)(?!(?:reset|changed|change|updated|since|until|from|after|before|today|tomorrow"
    r"|heute|morgen|was|were|will|would|also|then|still|only|serial|number|model|type"
    r"|firmware|version|serie|seriennummer|nummer|numéro|numero|número)$)[^\W\d_]{4,30}"
)


_ROMANCE_OF = frozenset({"de", "do", "da", "di", "du", "del", "della", "des"})


def _after_romance_of(
    rule: KeywordRule, key: str, tokens: Tokens, policy: Policy
) -> tuple[int, int] | None:
    """A PIN a word or two past "de", "di"...: "un PIN de fichaje 0506" (session 23)."""
    for i in (2, 3):
        skipped = tokens[i - 1].text if tokens.has(i) else ""
        if not _PLACE_WORD.fullmatch(skipped.rstrip(":")) or skipped[-1:] in ",;.":
            return None
        if found := policy(rule, key, tokens, Reading(False, False, False, i, distant=True)):
            return found
    return None


def _scan_ahead(
    rule: KeywordRule, key: str, tokens: Tokens, reading: Reading, policy: Policy
) -> tuple[int, int] | None:
    """The first of the next few words of the clause that the policy accepts, judged strictly."""
    if key in rule.ambiguous:
        return None
    if rule.policy == "digits" and tokens.has(0) and tokens[0].text.lower() in _ROMANCE_OF:
        return _after_romance_of(rule, key, tokens, policy)
    for i in range(reading.index + 1, reading.index + 1 + _SCAN_POLICIES[rule.policy]):
        if not tokens.has(i) or _ends_sentence(tokens[i - 1].text):
            return None
        if tokens[i - 1].text[-1:] in ",;":
            return None
        skipped = tokens[i - 1].text
        if rule.policy in {"door", "digits"} and not _PLACE_WORD.fullmatch(skipped):
            return None  # "door code reset at 0930": a time, past a verb and a preposition
        if rule.policy == "digits" and not skipped[:1].isupper():
            return None
        found = policy(rule, key, tokens, Reading(False, False, False, i, distant=True))
        if found is not None:
            return found
    return None


# Policies whose value is a list of codes: more codes of the same shape later in the
# sentence are the same secret ("5yq2mk8h (remaining unused: 7tpd3wcz, a9fnx4ku)").
LIST_POLICIES = frozenset({"codes", "mfa"})


def _shape(word: str) -> str:
    """Length, separators and letter case of a code: 7tpd3wcz and 5yq2mk8h look alike."""
    case = ("l" if any(ch.islower() for ch in word) else "") + (
        "u" if any(ch.isupper() for ch in word) else ""
    )
    body = "".join("x" if ch.isalnum() else ch for ch in word)
    return f"{body}/{case}" if any(ch.isdigit() for ch in word) else ""


# Codes whose sentence may name a second one of the same digits: "ist 4712, ab Montag gilt 8830".
CODE_POLICIES = frozenset({"door", "digits"})


def _same_shape_tail(tokens: Tokens, first: int, last: int, shortest: int = 8) -> Iterator[Token]:
    wanted = _shape(trim(tokens[first]).text)
    if len(wanted) < shortest:
        return
    for i in range(last + 1, last + 1 + _SEARCH_TOKENS):
        stop = not tokens.has(i) or _ends_sentence(tokens[i - 1].text)  # "1297. Also" too:
        if stop or (tokens[i - 1].text[-1] == "." and tokens[i].text[:1].isupper()):
            return
        token, after = trim(tokens[i]), (tokens[i + 1].text if tokens.has(i + 1) else "")
        if _shape(token.text) == wanted and not is_mention(token.text):
            if not opens_a_phone(token.text, after):
                yield token


_WINDOW = 160
_WORD_REST = re.compile(r"\S{0,200}")
_FULL_READINGS = 2_000
_DIGIT = re.compile(r"\d")


def keyword_hits(
    text: str,
    lowered: str,
    rules: Sequence[CompiledRule],
    policies: dict[str, Policy],
    refine: Callable[[str, str, int, int], str] | None,
    hints: HintIndex,
) -> Iterator[Hit]:
    """Every value that a rule's keyword announces and its policy accepts.

    ``hints`` indexes the rules' hints, to learn in one scan which occur in the text.
    """
    same_length = len(lowered) == len(text)
    head = " " + lowered[:40]  # a hint such as " pin" also holds at the very start of the text
    present = hints.present(lowered)
    for compiled in rules:
        rule = compiled.rule
        if rule.hints and present.isdisjoint(rule.hints):
            if not any(hint in head for hint in compiled.lead_hints):
                continue
        regex, haystack = (compiled.lower, lowered) if same_length else (compiled.any_case, text)
        for count, match in enumerate(keyword_matches(regex, haystack)):
            line = LINK_ENDS_LINE.match(text, match.end())  # "key is now\n<value>" (session 34)
            line_end = text.find("\n", line.end() if line else match.end())
            window_end = min(len(text) if line_end == -1 else line_end, match.end() + _WINDOW)
            # A word the window cuts is read whole: the first half of a GUID looks like a key.
            rest = _WORD_REST.match(text, window_end)
            window_end = rest.end() if rest else window_end
            if count >= _FULL_READINGS and not _DIGIT.search(text, match.end(), window_end):
                # A text that repeats a keyword thousands of times is not a note; past the
                # budget, only keywords with a digit nearby (every value policy but a
                # digit-free passphrase needs one) are read, so the scan stays linear.
                continue
            tokens = tokenize(text, match.end(), window_end)
            reading = read_filler(tokens, bool(match.group("sep")))
            key = " ".join(match.group("key").split())
            found = policies[rule.policy](rule, key, tokens, reading) if reading else None
            if found is None:
                set_before = bool(
                    SET_BEFORE.search(text, max(0, match.start() - 60), match.start())
                )
                if _worth_searching(rule, text, match.end(), window_end, set_before):
                    found = _sentence_search(rule, key, tokens, policies[rule.policy], set_before)
            if found is None and reading and rule.policy in _SCAN_POLICIES:
                found = _scan_ahead(rule, key, tokens, reading, policies[rule.policy])
            if found is None:
                continue
            first, last = found
            start, end = trim(tokens[first]).start, trim(tokens[last]).end
            if start >= end:
                continue
            kind = refine(rule.kind, text, match.start(), end) if refine else rule.kind
            if kind:  # a refine function drops a hit by returning ""
                yield start, end, kind
                if rule.policy in LIST_POLICIES:
                    for token in _same_shape_tail(tokens, first, last):
                        yield token.start, token.end, kind
                elif rule.policy in CODE_POLICIES and first == last:
                    for token in _same_shape_tail(tokens, first, last, shortest=5):
                        yield token.start, token.end, kind
