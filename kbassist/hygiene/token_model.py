"""A learned second opinion on secrets: which token of a note is a secret, by shape and context.

The rules (:mod:`kbassist.hygiene.secret_detectors`) find what they were written for; each
blind test showed a new writer phrasing some secrets no rule expected ("the combo is
17-42-08", a password "texted" a sentence after it was named). This layer reads every token
that could hold a value (digits, symbols or mixed case, 4 to 80 characters), describes it by
its shape (character classes, length, groups, whether it is an IP address, a MAC, a GUID, a
date, a version, a hash or a ticket reference), the punctuation before it, its place in the
line, the words around it (in any language the training notes used) and which of the rules'
secret keywords stand within 100 characters before it, and scores it with a logistic
regression trained on every labelled value the team has (``bench/secret_tokens.py train``).
A token scoring at or above the model's threshold is a secret of kind ``secret``.

The model is a table of feature weights (``models/secret-tokens/weights.json``), read once;
scoring is a sum of weights, with no scikit-learn at run time. Tokens inside published key
material (certificates, public keys, DKIM records) are never candidates. Without the file
the layer finds nothing and the rules stand alone.
"""

from __future__ import annotations

import importlib.resources
import json
import math
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from kbassist.hygiene.hint_index import keyword_matches
from kbassist.hygiene.identifiers import AUTH_CODE_BEFORE
from kbassist.hygiene.public_material import (
    HASH_ALGORITHM,
    NOT_A_SECRET_SHAPE,
    POLICY_BEFORE,
    word_start,
)
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.secret_keywords import SECRET_COMPILED
from kbassist.hygiene.secret_rules import SECRET_HINTS
from kbassist.hygiene.secret_scanner import NAMED_ID, PUBLIC_CONTEXT, STRIPE_OBJECT_ID
from kbassist.hygiene.value_shapes import NAMED_NOT_VALUE, YEAR, ends_a_phone

MODEL_NAME = "secret-tokens"
KIND = "secret"

_LEAD = "\"'([{<`*«“‘"
_TRAIL = "\"'.,;:)]}>`*»”’"
_WORD_STRIP = _LEAD + _TRAIL + "!?-="
_QUOTES = "\"'`«“‘"
_SHAPE_PUNCT = "-_.:/@#!$%&*+=?"
_FINGERPRINT = ("SHA256:", "SHA1:", "MD5:")
_HASH_SIZES = frozenset({32, 40, 56, 64, 96, 128})
_DOMAIN = re.compile(
    r"(?i)[a-z0-9-]\.(?:com|org|net|io|co|uk|de|fr|nl|es|it|pt|be|ie|eu|gov|edu|info|local)(?![a-z])"
)
_FILE_NAME = re.compile(
    r"(?i)\.(?:md|txt|csv|json|ya?ml|xml|log|pdf|docx?|xlsx?|pptx?|ps1|bat|cmd|sh|py|exe|msi"
    r"|zip|7z|png|jpe?g|gif|pst|ost|vhdx?|iso|bak|sql|cfg|conf|ini|html?|dmp|eml|msg|rtf"
    r"|odt|ods|tmp|dll|sys|jar|apk|dmg|pkg|deb|rpm|tar|gz|tgz|rar|svg|webp|mp4|mov|wav"
    r"|mp3|ics|vcf|p7b|cer|crt|pem|pfx|lnk|url|uie|icc|icm)$"  # (a colour profile's: s. 37)
)
_PLACEHOLDER_TAIL = re.compile(r"(?:xxxx|XXXX|\*\*\*\*)$")
_HEX = re.compile(r"[0-9a-fA-F]+")
_PART_NUMBER = re.compile(r"[A-Z]{1,4}-[\w.-]*#\d+")  # an order or part number: ZL-80x50-#7782
_VERSIONED_NAME = re.compile(r"(?i)[-_]v\d{1,3}$")
_SNAKE_CASE = re.compile(r"[a-z]+(?:_[a-z]+)+[?.,!:;]?")
_KEY_COMBINATION = guarded(r"(?i)(?:ctrl|alt|shift|win|cmd|command|fn|option|super|strg)\+")
_NAMED_SETTING = re.compile(
    r"(?i)(?:^|[-_])(?:policy|policies|gpo|template|profile|baseline|group)(?:[-_]|$)"
)
_GUID = re.compile(r"\{?[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}?")
# a numbered label: "Step#3", "Room#12", "item#2"
_NUMBERED = guarded(
    r"(?i)(?:step|item|no|nr|part|page|line|row|room|port|slot|bay|unit|floor|level|phase"
    r"|stage|task|job|order|case|ticket|rev|issue|pr)#\d{1,3}"
)
# a clock time ("[09:13]", "06:10:42") or a fingerprint in hex pairs ("4F:9A:21:...:C3")
_TIME_OR_PAIRS = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|(?:[0-9a-fA-F]{2}:){7,}[0-9a-fA-F]{2}")

# Shapes a careful reader knows are not secrets; the model learns how much each one weighs.
_KNOWN_SHAPES = (
    ("ipv4", re.compile(r"\d{1,3}(?:\.\d{1,3}){3}(?:/\d+)?")),
    ("mac", re.compile(r"[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}")),
    ("guid", _GUID),
    ("year", re.compile(r"(?:19|20)\d\d")),
    ("date", re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")),
    ("time", re.compile(r"\d{1,2}[:h]\d{2}(?::\d{2})?")),
    ("version", re.compile(r"(?i)v?\d+(?:\.\d+){1,3}[a-z]?")),
    ("hex", re.compile(r"(?=.*\d)[0-9a-fA-F]{16,}")),
    ("ref", re.compile(r"(?i)(?:kb|inc|chg|req|ritm|case|ticket|po|sr|cs|ch)[-#]?\d+")),
    ("errhex", re.compile(r"0x[0-9a-fA-F]+")),
)

_LEFT_WORDS = 8
_RIGHT_WORDS = 3
_KEYWORD_REACH = 100  # characters before the token in which a secret keyword counts
_KEYWORD_NEAR = 25
_KEYWORD_AFTER = 40

Token = tuple[int, int, str]
# A word's weights as the L, L1, L2, R and R1 context features and its Lp prefix's.
WordWeights = tuple[float, float, float, float, float, float]
# A token's context word ("" for none), that word's weights, whether it is a candidate.
_TokenFacts = tuple[str, WordWeights, bool]
_NO_WEIGHTS: WordWeights = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
# a name is letters, '_', '.' or '-' ("db_password=", "pwd:"); "CFQ7TTC0LCHC:0002" is one code
_NAMED_VALUE = re.compile(r"([A-Za-z_][A-Za-z_.-]{0,40})(?:=|:(?![/\\]))(?=\S)")


def tokens(text: str) -> list[Token]:
    """Every whitespace-separated token, stripped of the quotes and punctuation around it.

    A ``name=value`` or ``name:value`` token is two, the name and the value, so that a value
    found is masked without its name ("db_password=••••••").
    """
    out = []
    find = text.find
    at = 0
    for raw in text.split():
        start = find(raw, at)
        at = start + len(raw)
        if raw[0] in _LEAD or raw[-1] in _TRAIL:
            core = raw.lstrip(_LEAD)
            start += len(raw) - len(core)
            raw = core.rstrip(_TRAIL)
            if not raw:
                continue
        if "=" in raw or ":" in raw:
            named = _NAMED_VALUE.match(raw)
            if named:
                out.append((start, start + named.end(1), named.group(1)))
                rest = raw[named.end() :]
                raw = rest.lstrip(_LEAD)
                start += named.end() + len(rest) - len(raw)
        out.append((start, start + len(raw), raw))
    return out


def is_candidate(token: str) -> bool:
    """Whether a token could hold a secret value: not a plain word, a URL, an address or a mask."""
    size = len(token)
    if size < 4 or size > 80 or (token.islower() and token.isalpha()):
        return False
    if "://" in token or ("@" in token and "." in token.rsplit("@", 1)[-1]):
        return False
    if "." in token and _DOMAIN.search(token):
        return False  # a host or a URL without its scheme: youtube.com/watch?v=..., OpenOffice.org
    if token.isalpha() and (token.islower() or token[1:].islower() or token.isupper()):
        return False
    if token.replace("'", "").replace("’", "").isalpha():
        return False  # a word with its apostrophe: "It's", "won't", "Ollie's" (session 9)
    if ("-" in token or "_" in token) and _NAMED_SETTING.search(token):
        return False  # a policy's or a profile's name: 'Staff-Password-Policy-14char'
    if "_" in token and _SNAKE_CASE.fullmatch(token):
        return False  # an identifier or a data set's placeholder: ph_logs, ph_name?
    if "+" in token and _KEY_COMBINATION.match(token):
        return False  # Ctrl+Shift+Esc
    if ";" in token and token.count("=") >= 2:
        return False  # a connection string's settings: the rules read its password, if any
    if not any(ch.isalnum() for ch in token):
        return False  # a table's rule: "|------|------|"
    if token[1:3] == ":\\" or "***" in token:
        return False  # a Windows path (D:\\3CXRecordings), a masked value (sk-****a9F2)
    if "•" in token or "[" in token or "<" in token or ">" in token:
        return False
    if token.upper().startswith(_FINGERPRINT):
        return False
    if "(" in token and ("." in token or '"' in token or "'" in token):  # code: lookup('env'
        return False
    if _VERSIONED_NAME.search(token):
        return False  # an image's or a template's name: 'W11-23H2-BoxOffice-v7'
    if token.startswith("\\\\") or token.count("\\") >= 2 or token.count("/") >= 2:
        return False  # a path: \\FS01\Imports\Supplier, /tmp/run-115/a-date.md
    if _FILE_NAME.search(token):
        return False  # a file: report-2025.pdf, a-date.md
    if ":" in token and _TIME_OR_PAIRS.fullmatch(token):
        return False
    if "#" in token and (_NUMBERED.fullmatch(token) or _PART_NUMBER.fullmatch(token)):
        return False
    if size >= 36 and _GUID.fullmatch(token):
        return False  # a GUID is never a secret, whatever names it ("product code {...}")
    if size in _HASH_SIZES and _HEX.fullmatch(token):
        return False  # a digest (MD5, SHA-1, SHA-256...): the rules judge hex keys by their name
    # a placeholder: "********", "xxxx", "sk_test_xxxxxxxxxxxx"
    return token.strip("*xX#-") != "" and not _PLACEHOLDER_TAIL.search(token)


def shape(token: str) -> str:
    """Character classes with runs collapsed: 'Summer2025!' is 'Aa9!'."""
    out: list[str] = []
    for ch in token:
        if ch.isdigit():
            cls = "9"
        elif ch.isupper():
            cls = "A"
        elif ch.isalpha():
            cls = "a"
        else:
            cls = ch if ch in _SHAPE_PUNCT else "p"
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


def _length_bucket(size: int) -> str:
    for limit, name in ((6, "4"), (8, "6"), (12, "8"), (20, "12"), (40, "20")):
        if size < limit:
            return name
    return "40"


def keyword_ends(lowered: str) -> list[tuple[int, str]]:
    """Where each secret keyword of the rules' table ends in the text, with its kind.

    The rules' own keyword regexes, whose matches the keyword reader has just made on the
    same text (:func:`keyword_matches` keeps them).
    """
    out: list[tuple[int, str]] = []
    for regex, kind in _keyword_readers(SECRET_HINTS.present(lowered)):
        out.extend((match.end("key"), kind) for match in keyword_matches(regex, lowered))
    return out


@lru_cache(maxsize=1024)
def _keyword_readers(present: frozenset[str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The keyword regexes (and kinds), in the table's order, of the rules whose hints the
    text holds (remembered per set of hints: most notes hold none or the same few)."""
    return tuple(
        (compiled.lower, compiled.rule.kind)
        for compiled in SECRET_COMPILED
        if not compiled.rule.hints or not present.isdisjoint(compiled.rule.hints)
    )


def _word(token: str) -> str:
    return token.lower().strip(_WORD_STRIP)


def _shape_features(token: str, out: list[str]) -> None:
    out.extend(_shape_names(token))


@lru_cache(maxsize=8192)
def _shape_names(token: str) -> tuple[str, ...]:
    """The shape features of a token (cached: dates, versions, hosts recur across notes)."""
    out: list[str] = []
    collapsed = shape(token)
    out.append("sh=" + collapsed[:8])
    out.append("len=" + _length_bucket(len(token)))
    has_digit = "9" in collapsed
    symbols = len(collapsed.replace("9", "").replace("A", "").replace("a", ""))
    classes = has_digit + ("A" in collapsed) + ("a" in collapsed) + (symbols > 0)
    out.append(f"cls={classes}")
    if token.isdigit():
        out.append(f"digits={min(len(token), 13)}")
    if has_digit:  # every known shape holds a digit
        out.extend("is_" + name for name, regex in _KNOWN_SHAPES if regex.fullmatch(token))
    if "-" in token:
        out.append(f"groups={min(token.count('-') + 1, 9)}")
    return tuple(out)


def _place_features(text: str, start: int, end: int, out: list[str]) -> None:
    before = text[max(0, start - 3) : start]
    if ":" in before:
        out.append("prev_colon")
    if "=" in before:
        out.append("prev_eq")
    if start > 0 and text[start - 1] in _QUOTES:
        out.append("quoted")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not text[line_start:start].strip(" -*•\t0123456789.)"):
        out.append("line_first")
    if not text[end : len(text) if line_end < 0 else line_end].strip(" .,;"):
        out.append("line_last")


def _keyword_features(
    start: int, end: int, ends: Sequence[tuple[int, str]], out: list[str]
) -> None:
    for at, kind in ends:
        if start - _KEYWORD_REACH <= at <= start:
            out.append("kw=" + kind)
            if start - at <= _KEYWORD_NEAR:
                out.append("kwnear=" + kind)
        elif at > start and end <= at <= end + _KEYWORD_AFTER:
            out.append("kwafter=" + kind)


def _context_features(words: Sequence[str], index: int, out: list[str]) -> None:
    seen, j = 0, index - 1
    while j >= 0 and seen < _LEFT_WORDS:
        word = words[j]
        if word:
            seen += 1
            if seen <= 2:
                out.append(f"L{seen}={word}")
            out.append("L=" + word)
            if len(word) > 5:
                out.append("Lp=" + word[:5])
        j -= 1
    seen, j = 0, index + 1
    while j < len(words) and seen < _RIGHT_WORDS:
        word = words[j]
        if word:
            seen += 1
            if seen == 1:
                out.append("R1=" + word)
            out.append("R=" + word)
        j += 1


def features(
    text: str,
    toks: Sequence[Token],
    words: Sequence[str],
    index: int,
    ends: Sequence[tuple[int, str]],
) -> list[str]:
    """The named features of one candidate token (duplicates allowed; each counts once)."""
    start, end, token = toks[index]
    out: list[str] = []
    _keyword_features(start, end, ends, out)
    _shape_features(token, out)
    _place_features(text, start, end, out)
    _context_features(words, index, out)
    return out


def candidate_features(
    text: str, public: Sequence[tuple[int, int]] = ()
) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, features) of every candidate token outside published key material."""
    toks = tokens(text)
    ends: list[tuple[int, str]] | None = None
    words: list[str] = []
    for index in _candidates(toks, public):
        if ends is None:
            ends = keyword_ends(text.lower())
            words = [_word(tok) for _, _, tok in toks]
        yield toks[index][0], toks[index][1], features(text, toks, words, index, ends)


def _candidates(toks: Sequence[Token], public: Sequence[tuple[int, int]]) -> Iterator[int]:
    """The indexes of the candidate tokens outside published key material."""
    for index, (start, end, token) in enumerate(toks):
        if len(token) < 4 or not is_candidate(token):
            continue
        if public and any(a <= start and end <= b for a, b in public):
            continue
        yield index


class TokenModel:
    """Feature weights and a threshold: a token's probability is the logistic of their sum."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float) -> None:
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold
        self._shapes: dict[str, float] = {}
        self._words: dict[str, WordWeights] = {}
        self._tokens: dict[str, _TokenFacts] = {}

    @classmethod
    def load(cls, path: Path) -> TokenModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], float(data["intercept"]), float(data["threshold"]))

    def to_json(self, metadata: dict[str, Any]) -> str:
        return json.dumps(
            {
                "threshold": self.threshold,
                "intercept": self.intercept,
                "metadata": metadata,
                "weights": self.weights,
            },
            ensure_ascii=False,
            sort_keys=False,
        )

    def probability(self, names: Sequence[str]) -> float:
        weights = self.weights
        known = filter(weights.__contains__, set(names))
        total = self.intercept + sum(map(weights.__getitem__, known))
        return 1.0 / (1.0 + math.exp(-total))

    def hits(self, text: str, public: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """Every candidate token scoring at or above the threshold, as (start, end, kind).

        The same sum as :meth:`probability` over :func:`features`, without building every
        feature's name for every candidate: a token's shape weights and a word's context
        weights are looked up once (``tests/test_token_model.py`` checks the two agree).
        The feature groups have distinct names, so their sums add up.
        """
        toks = tokens(text)
        known, learn = self._tokens.get, self._token_facts
        facts = [known(token) or learn(token) for _, _, token in toks]
        chosen = [index for index, fact in enumerate(facts) if fact[2]]
        if public:
            chosen = [
                index
                for index in chosen
                if not any(a <= toks[index][0] and toks[index][1] <= b for a, b in public)
            ]
        if not chosen:
            return []
        weights = self.weights
        limit = math.log(self.threshold / (1.0 - self.threshold)) - self.intercept
        ends = keyword_ends(text.lower())
        context = _ContextWeights(facts)
        found: list[tuple[int, int, str]] = []
        for index in chosen:
            start, end, token = toks[index]
            names: list[str] = []
            _keyword_features(start, end, ends, names)
            _place_features(text, start, end, names)
            total = sum(map(weights.__getitem__, filter(weights.__contains__, set(names))))
            total += self._shape_weight(token) + context.score(index)
            if total >= limit:
                found.append((start, end, KIND))
        return found

    def _token_facts(self, token: str) -> _TokenFacts:
        """A token's context word, that word's weights and whether the token is a candidate
        (remembered: the same words recur in every note, and each depends on the token alone).
        """
        word = _word(token)
        facts = (word, self.word_weights(word) if word else _NO_WEIGHTS, is_candidate(token))
        self._remember(self._tokens, token, facts)
        return facts

    def _shape_weight(self, token: str) -> float:
        """The summed weights of a token's shape features (remembered: dates and versions recur)."""
        value = self._shapes.get(token)
        if value is None:
            weights = self.weights
            known = filter(weights.__contains__, set(_shape_names(token)))
            value = sum(map(weights.__getitem__, known))
            self._remember(self._shapes, token, value)
        return value

    def word_weights(self, word: str) -> WordWeights:
        """A word's weights as the L, L1, L2, R and R1 context features and its Lp prefix's."""
        value = self._words.get(word)
        if value is None:
            get = self.weights.get
            value = (
                get("L=" + word, 0.0),
                get("L1=" + word, 0.0),
                get("L2=" + word, 0.0),
                get("R=" + word, 0.0),
                get("R1=" + word, 0.0),
                get("Lp=" + word[:5], 0.0) if len(word) > 5 else 0.0,
            )
            self._remember(self._words, word, value)
        return value

    @staticmethod
    def _remember(table: dict[str, Any], key: str, value: Any) -> None:
        if len(table) >= _REMEMBERED:  # a long-running server reads unbounded vocabularies
            table.clear()
        table[key] = value


# Tokens and words whose weights a model remembers, across texts.
_REMEMBERED = 50_000


class _ContextWeights:
    """The context features' weights of one text's words."""

    def __init__(self, facts: list[_TokenFacts]) -> None:
        self.kept = [index for index, fact in enumerate(facts) if fact[0]]
        self.kept_words = [facts[index][0] for index in self.kept]
        self.kept_weights = [facts[index][1] for index in self.kept]

    def score(self, index: int) -> float:
        """The sum of the context features' weights of the token at ``index``.

        Each distinct left word counts once as "L=", each distinct prefix once as "Lp=",
        the two nearest as "L1=" and "L2=", likewise "R=" and "R1=" on the right.
        """
        kept, kept_words, kept_weights = self.kept, self.kept_words, self.kept_weights
        at = bisect_left(kept, index)
        after = at + 1 if at < len(kept) and kept[at] == index else at
        first = max(0, at - _LEFT_WORDS)
        left = kept_words[first:at][::-1]
        left_weights = kept_weights[first:at][::-1]
        right = kept_words[after : after + _RIGHT_WORDS]
        right_weights = kept_weights[after : after + _RIGHT_WORDS]
        total = 0.0
        prefixes: dict[str, float] = {}
        # a word's first place among its neighbours, with its weights (the same wherever it is)
        for word, weights in dict(zip(left, left_weights, strict=True)).items():
            total += weights[0]
            if len(word) > 5:
                prefixes[word[:5]] = weights[5]
        total += sum(prefixes.values())
        if left:
            total += left_weights[0][1]
            if len(left) > 1:
                total += left_weights[1][2]
        for weights in dict(zip(right, right_weights, strict=True)).values():
            total += weights[3]
        return total + right_weights[0][4] if right else total


def bundled_path() -> Path:
    return Path(str(importlib.resources.files("kbassist.bundled.models"))) / MODEL_NAME


@cache
def shipped_model() -> TokenModel | None:
    """The model shipped in models/secret-tokens, or None when it is absent."""
    path = bundled_path() / "weights.json"
    return TokenModel.load(path) if path.is_file() else None


def learned_hits(text: str, public: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Secrets the shipped token model finds, as (start, end, kind); none without the model."""
    model = shipped_model()
    if model is None:
        return []
    # "Clave pública del router: <key>": what the words before call public is not secret;
    # "over port: 5142": nor is a port; "household ID Sonos_9Kx2...": nor an identifier
    return [
        hit
        for hit in model.hits(text, public)
        if not PUBLIC_CONTEXT.search(text, max(0, hit[0] - 80), hit[0])
        and not _PORT_BEFORE.search(text, max(0, hit[0] - 12), hit[0])
        and not NAMED_ID.search(text, max(0, hit[0] - 30), hit[0])
        and not _not_a_value(text, *hit[:2])
    ]


# A MIB object ("SNMPv2-MIB::sysDescr.0"), a hash's algorithm, a MAC address (session 10)
_NAMES_NO_SECRET = re.compile(
    rf"[A-Za-z][\w-]*-MIB::[\w.-]+|(?i:{HASH_ALGORITHM})"
    r"|(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}"
    # an ISO 20022 message's name, "camt.053" (session 24); a host and port, "/skms 10.1.2.3:1688"
    r"|(?:pain|camt|pacs|acmt|remt)\.\d{3}(?:\.\d{3}\.\d{2})?|(?:\d{1,3}\.){3}\d{1,3}:\d{2,5}"
)


def _not_a_value(text: str, start: int, end: int) -> bool:
    """What the model took for a secret but the rules know is none (session 10): a MIB
    object, a hash's algorithm, a MAC address, a Stripe object's ID, or a value cut short with
    "..." ("KL-F4A2-9B1C-...": the note does not give it); a numbered reference, a formula, a
    script's name or a policy's name (session 11)."""
    value = text[start:end]
    # the whole word too: the model reads "IF-MIB::ifHCInOctets.10001" as a name and a value
    return (
        _NAMES_NO_SECRET.fullmatch(value) is not None
        or _NAMES_NO_SECRET.fullmatch(text, word_start(text, start), end) is not None
        or STRIPE_OBJECT_ID.fullmatch(value) is not None
        or text.startswith(("...", "…", "***", "•••"), end)  # "P@ss***" (session 36)
        or NOT_A_SECRET_SHAPE.fullmatch(value) is not None
        or NAMED_NOT_VALUE.match(value) is not None  # a cmdlet, a timestamp (session 14)
        or POLICY_BEFORE.search(text, max(0, start - 30), start) is not None
        or _SSID_AFTER.match(text, end) is not None
        or _HYPHENATED_WORD.fullmatch(value) is not None
        or AUTH_CODE_BEFORE.search(text, max(0, start - 30), start) is not None
        or _LINE_ID_BEFORE.search(text, max(0, start - 40), start) is not None
        or _CONNECTION_SETTING.search(value) is not None
        or _VAULT_ENTRY_BEFORE.search(text, max(0, start - 40), start) is not None
        or _KEY_ID_BEFORE.search(text, max(0, start - 40), start) is not None
        or _SYSTEM_BEFORE.search(text, max(0, start - 30), start) is not None
        or "C3NzaC1" in value  # an SSH public key's opening, spelled (session 27, blind185)
        or (
            value.isdigit()
            and len(value) <= 5
            and _EXTENSION_BEFORE.search(text, max(0, start - 60), start) is not None
        )
        or (value[:1] == "0" and value.isdigit() and _PHONE_REST.match(text, end) is not None)
        or ends_a_phone(text, start, end)
        or (value.isdigit() and bool(_ERROR_CODE_BEFORE.search(text, max(0, start - 120), start)))
        or (
            bool(YEAR.fullmatch(value))
            and bool(_YEAR_BEFORE.search(text, max(0, start - 20), start))
        )
    )


# An error's code: "crashed with 'Code 1012'", "dava o erro '...' (código 000031)"; a year:
# "password last changed 2019" (session 27, blind179 and blind180 read)
_ERROR_CODE_BEFORE = re.compile(
    r"(?i)(?:\b(?:error|erro|errore|erreur|fehler|fout|crash(?:ed|es)?|failed|failure|fault|falha"
    r"|fallo)\b[^.\n]{0,80}\b(?:code|código|codice|cod\.)|\b(?:code|codice)\s(?:d'|di\s)?err\w+)\W{0,3}$"
)
# an extension changed: "the old concierge extension 2204; changed it to 2210" (blind186)
_EXTENSION_BEFORE = re.compile(
    r"(?i)\b(?:extension|ext\.?|durchwahl|nebenstelle|toestel|interno|extensi[óo]n|ramal"
    r"|poste)\b[^.\n]*$|\w(?:durchwahl|nebenstelle)\W{0,3}$"  # "Stationsdurchwahl 3417" (s. 32)
)
# a phone number's area code, its groups after it: "Centralino ...: 0173 441 200" (blind184)
_PHONE_REST = re.compile(r"[ ]\d{2,4}[ ]\d{2,4}(?![\w-])")
# the system a value was set in: "keypad PIN was reset in Net2 and sent by SMS" (blind179)
_SYSTEM_BEFORE = re.compile(
    r"(?i)\b(?:reset|changed|set|updated|stored|saved|created|enabled|disabled|re-enabled)"
    r"\s+(?:in|on|via|through|im|dans|nel|nella|no|na)\s+$"
)
_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:changed|since|in|until|before|after|seit|desde|depuis|sinds|dal|dès|im)\W{0,2}$"
)


# A word with a hyphen ("Follow-me", "Re-programmed"); a card payment's authorisation code
# ("auth code 083312"), which opens nothing; a connection string's settings without a
# secret ("SSPI;Encrypt=True") (session 12)
# and "sleutel-ID"; a group's name opening with an abbreviation, "MFA-SMS-Exceptions" (session 26)
_HYPHENATED_WORD = re.compile(r"[A-Z]?[a-z]+-(?:[a-z]+|ID|Id)|[A-Z]{2,}(?:-[A-Za-z]+){1,4}")
# A line's or a contract's identifier, a firm's SIRET ("Anschlusskennung: 002817...", "contract
# number 2204418873"; session 14; "SIRET inchangé : 7976..."; session 36, blind351 read)
_LINE_ID_BEFORE = re.compile(
    r"(?i)\b(?:anschlusskennung|zugangsnummer|teilnehmernummer|mitbenutzernummer|siret|siren"
    r"|(?:contract|subscription|agreement)\s+(?:number|no\.?|id))\)?(?:\s+inchang\w*)?\W{0,3}$"
)
# A recovery key's ID, a job's number: "(sleutel-ID begint met 7244FF87)", "(ID chiave
# 961D0D03)", "(job 44102)" (session 26, blind166 and blind168); "Ticket 446578" (s. 35)
_KEY_ID_BEFORE = re.compile(
    r"(?i)(?:\b(?:key|schlüssel|sleutel|clé|chiave|clave|chave)[ _-]?id(?:entifier)?"
    r"|\bid\s+(?:(?:de\s+la|della|da|du|de)\s+)?(?:chiave|clave|chave|clé|key)"
    r"|\b(?:job|work\s+order|callout|(?-i:Ticket))(?:\s+(?:no\.?|number|nr\.?|\#))?"
    # an account's number: "the PUK from Vodafone business (account 661203-44)" (blind176)
    r"|\b(?:account|konto|cuenta|compte|conto|rekening|codice\s+cliente|short\s+code"
    r"|c[óo]digo\s+nacional)(?:\s+(?:no\.?|number|nr\.?|\#))?"  # a drug's (s. 37, blind381)
    # a tamper-evident bag's, a voucher batch's: "sealed in bag 004420", "(batch 519309)" (s. 37)
    r"|\b(?:bag|bags|batch)(?:\s+(?:no\.?|number|nr\.?|\#))?)\W{0,3}"
    r"(?:(?:begint|beginnt|starts|begins|commence|inizia|empieza|começa)\s+(?:met|mit|with|par"
    r"|con|por)\s+)?$"
)
_CONNECTION_SETTING = re.compile(r"(?i)^(?:sspi|true|false|yes|no);\w+=")
# A password manager's entry named, not its value: "est dans Bitwarden (« srv-quai-02 maint
# »)", "in IT Glue under 'NAS admin'" (session 24)
_VAULT_ENTRY_BEFORE = re.compile(
    r"(?i)\b(?:bitwarden|1password|keepass\w*|lastpass|keeper|it\s?glue|hudu|passportal"
    r"|key\s?vault)\W{0,4}(?:(?:under|unter|sous|bajo|onder|sob|sotto|entry|item)\W{1,4})?$"
)


# A network's name before its security: "'TGC-Staff-5G' (WPA3, key unchanged)" (session 12)
_SSID_AFTER = re.compile(r"['\"’”]?\s*\((?:WPA\d?|WEP|open|802\.1X)\b", re.IGNORECASE)


_PORT_BEFORE = re.compile(r"(?i)\b(?:port|ports|tcp|udp|puerto|porta)\W{0,3}$")
