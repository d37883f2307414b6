"""Secrets and personal data in notes and articles: find them, and mask them for display.

Two rules, both blocking: ``secret`` (passwords, API keys and tokens, MFA codes,
private keys, credentials in URLs) and ``personal-data`` (e-mail addresses,
phone numbers, payment card and social security numbers). ``mask`` is what every
page, search result and CLI output applies before showing text; it masks the
whole text, however long, so nothing slips past a length cap.

Every pattern is linear (bounded repetitions, no nested quantifiers), so a 1 MB
note is scanned in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kbassist.findings import Finding

BULLETS = "••••••"  # fixed length: a mask must not reveal how long the secret was

SECRET = "secret"
PERSONAL = "personal-data"


@dataclass(frozen=True)
class Span:
    """One sensitive stretch of text and what it is shown as instead."""

    start: int
    end: int
    rule: str  # secret or personal-data
    kind: str  # what it is, in words: "password", "e-mail address", ...
    replacement: str


@dataclass(frozen=True)
class _Pattern:
    rule: str
    kind: str
    regex: re.Pattern[str]
    group: int | str  # the group that holds the sensitive value (0: the whole match)
    mask: Callable[[str], str]
    accept: Callable[[re.Match[str]], bool] | None = None
    # Substrings (lower case) of which one must occur before the regex is worth running.
    hints: tuple[str, ...] = ()


def _bullets(_: str) -> str:
    return BULLETS


def _keep_prefix(value: str) -> str:
    # Token formats start with a public prefix (AKIA, ghp_, xoxb-): keeping it tells
    # the reader which system the key belonged to without exposing the key.
    return value[:4] + BULLETS


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}•••@{domain}"


def _mask_digits(keep: int) -> Callable[[str], str]:
    def mask_value(value: str) -> str:
        digits = sum(ch.isdigit() for ch in value)
        seen = 0
        out = []
        for ch in value:
            if ch.isdigit():
                seen += 1
                out.append(ch if seen > digits - keep else "•")
            else:
                out.append(ch)
        return "".join(out)

    return mask_value


# Words that follow "password:" in notes without being a password ("password: reset").
_KEYWORD_STOPWORDS = frozenset(
    """
    a an the none n/a na nil null blank empty unknown same old new temporary temp reset
    resets expired expiry expires changed change changes updated update required requires
    sent provided see in on is was stored saved vault manager never not no yes true false
    locked policy complexity prompt prompts field box hidden masked redacted removed
    rotated rotation length history hash hashed protected set it this that user users
    """.split()
)

# Words that are also ordinary verbs or nouns ("pass to L2", "token as before"): only an
# explicit ``:`` or ``=`` after them introduces a secret.
_AMBIGUOUS_KEYWORDS = frozenset({"pass", "pw", "token"})


def _keyword_value_ok(match: re.Match[str]) -> bool:
    """Whether the text after 'password:' or 'password is' really looks like a secret."""
    separator = match.group("sep").strip().lower()
    raw = match.group("value")
    if raw[:1] in "\"'" and raw[-1:] == raw[:1] and len(raw) >= 4:
        return True
    value = raw.rstrip(".,;:)]}!?")
    if len(value) < 3 or value.lower() in _KEYWORD_STOPWORDS or set(value) <= set("*•xX"):
        return False
    keyword = match.group("key").lower()
    if keyword == "pin":
        return value.isdigit() and 4 <= len(value) <= 8
    if separator in {":", "=", "-"}:
        return True
    if keyword in _AMBIGUOUS_KEYWORDS:
        return False
    # "reset the password to Welcome2024!": after a word, only a password-shaped value counts.
    has_digit = any(ch.isdigit() for ch in value)
    has_symbol = any(not ch.isalnum() for ch in value)
    return len(value) >= 6 and (has_digit or has_symbol)


def _luhn(number: str) -> bool:
    digits = [int(ch) for ch in number if ch.isdigit()]
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _digit_count_ok(low: int, high: int) -> Callable[[re.Match[str]], bool]:
    def accept(match: re.Match[str]) -> bool:
        digits = [ch for ch in match.group("value") if ch.isdigit()]
        return low <= len(digits) <= high and len(set(digits)) > 1

    return accept


def _card_ok(match: re.Match[str]) -> bool:
    return _luhn(match.group("value"))


_KEYWORDS = (
    r"password|passwd|passphrase|passcode|pwd|pw|pass|secret|client[ _-]?secret|api[ _-]?key|"
    r"apikey|access[ _-]?key|secret[ _-]?key|auth[ _-]?token|access[ _-]?token|bearer[ _-]?token|"
    r"token|pin|wi-?fi key|wpa key|psk|pre-?shared key"
)

PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        SECRET,
        "cloud access key",
        re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
        0,
        _keep_prefix,
    ),
    _Pattern(
        SECRET,
        "access token",
        re.compile(
            r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{40,255}"
            r"|xox[abposr]-[A-Za-z0-9-]{10,255}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,255}"
            r"|AIza[0-9A-Za-z_-]{35}|sk-[A-Za-z0-9_-]{20,255}|glpat-[A-Za-z0-9_-]{20,255})"
        ),
        0,
        _keep_prefix,
    ),
    _Pattern(
        SECRET,
        "access token",
        re.compile(r"\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,2000}"),
        0,
        _keep_prefix,
        hints=("eyj",),
    ),
    _Pattern(
        SECRET,
        "connection-string key",
        re.compile(
            r"(?i)\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)="
            r"(?P<value>[A-Za-z0-9+/%=_-]{16,500})"
        ),
        "value",
        _bullets,
        hints=("=",),
    ),
    _Pattern(
        SECRET,
        "password in a URL",
        re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]{1,100}:(?P<value>[^\s@/]{1,100})@"),
        "value",
        _bullets,
        hints=("://",),
    ),
    _Pattern(
        SECRET,
        "MFA code",
        re.compile(
            r"(?i)\b(?:mfa|2fa|otp|one[- ]time|verification|authenticator|security|sms|sign-?in|"
            r"login|recovery|backup)[ -](?:code|pin|passcode)s?\b[^\n\d]{0,20}?"
            r"(?P<value>\b\d{6,8}\b|\b\d{3}[ -]\d{3}\b)"
        ),
        "value",
        _bullets,
        hints=("code",),
    ),
    _Pattern(
        SECRET,
        "password",
        re.compile(
            rf"(?i)\b(?P<key>{_KEYWORDS})\b(?:\s(?:for|of|on)\s[\w.@\\-]{{1,40}})?"
            r"(?P<sep>\s{0,3}(?:[:=]|\s-\s|\bis\b|\bwas\b|"
            r"\b(?:set|changed|reset) to\b|\bto\b|\bas\b)\s{0,3})"
            r"(?P<value>\"[^\"\n]{1,100}\"|'[^'\n]{1,100}'|[^\s\"']{1,100})"
        ),
        "value",
        _bullets,
        accept=_keyword_value_ok,
        hints=("pass", "pw", "secret", "key", "token", "pin", "psk"),
    ),
    _Pattern(
        SECRET,
        "set of credentials",
        re.compile(
            r"(?i)\b(?:credentials?|creds|login details)\s{0,3}[:=]\s{0,3}(?P<value>[^\n]{3,80})"
        ),
        "value",
        _bullets,
        hints=("cred", "login details"),
    ),
    _Pattern(
        PERSONAL,
        "e-mail address",
        re.compile(
            r"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}"
            r"\.[A-Za-z]{2,24}\b"
        ),
        0,
        _mask_email,
        hints=("@",),
    ),
    _Pattern(
        PERSONAL,
        "payment card number",
        re.compile(r"(?<![\d-])(?P<value>\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7})(?![\d-])"),
        "value",
        _mask_digits(4),
        accept=_card_ok,
    ),
    _Pattern(
        PERSONAL,
        "social security number",
        re.compile(
            r"(?i)\b(?:ssn|social security(?: number| no\.?)?)\b\D{0,12}"
            r"(?P<value>\d{3}-\d{2}-\d{4})\b"
        ),
        "value",
        _mask_digits(0),
        hints=("ssn", "social security"),
    ),
    _Pattern(
        PERSONAL,
        "phone number",
        re.compile(r"(?<![\w+.])(?P<value>\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5})(?![\w.]|-\w)"),
        "value",
        _mask_digits(2),
        accept=_digit_count_ok(8, 15),
        hints=("+",),
    ),
    _Pattern(
        PERSONAL,
        "phone number",
        re.compile(
            r"(?<![\w.-])(?P<value>(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4})(?![\w-]|\.\d)"
        ),
        "value",
        _mask_digits(2),
        accept=_digit_count_ok(10, 10),
    ),
    _Pattern(
        PERSONAL,
        "phone number",
        re.compile(r"(?<![\w.-])(?P<value>\(?0\d{2,4}\)?[ -]\d{3,4}[ -]?\d{3,4})(?![\w-]|\.\d)"),
        "value",
        _mask_digits(2),
        accept=_digit_count_ok(9, 12),
    ),
    _Pattern(
        PERSONAL,
        "phone number",
        re.compile(
            r"(?i)\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|whatsapp|sms"
            r"|call(?:ed)? (?:him|her|them|back) on)"
            r"\b[\s.:#]{0,4}(?:no\.?|number|nr\.?)?[\s.:#]{0,4}(?P<value>\+?\d[\d ()./-]{5,18}\d)"
        ),
        "value",
        _mask_digits(2),
        accept=_digit_count_ok(7, 15),
        hints=("phone", "tel", "mob", "cell", "whatsapp", "sms", "call"),
    ),
)

_ADVICE = {
    SECRET: (
        "Delete it from the text, keep credentials in the password manager, and rotate it: "
        "anything written in a ticket or article has been exposed."
    ),
    PERSONAL: (
        "Remove it or refer to the contact record in the PSA instead; notes and articles are "
        "read by everyone on the team."
    ),
}


_KEY_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_KEY_END = re.compile(r"-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_KEY_BODY = re.compile(r"(?:\r?\n[A-Za-z0-9+/=]{1,200}(?=\r?\n|\Z)){0,400}")


def _private_key_spans(text: str) -> list[Span]:
    """PEM private keys, from the BEGIN line to the END line (or the end of the key body)."""
    spans: list[Span] = []
    position = 0
    while match := _KEY_BEGIN.search(text, position):
        # Searched with str-level bounds, not one regex, so a pasted header without its
        # END line cannot make the scan quadratic.
        end_match = _KEY_END.search(text, match.end(), match.end() + 20000)
        if end_match is not None:
            end = end_match.end()
        else:
            body = _KEY_BODY.match(text, match.end())
            end = body.end() if body else match.end()
        spans.append(Span(match.start(), end, SECRET, "private key", "[private key removed]"))
        position = max(end, match.end())
    return spans


def sensitive_spans(text: str) -> list[Span]:
    """Every secret and personal-data stretch in the text, in order, without overlaps."""
    if not text:
        return []
    lowered = text.lower()
    spans: list[Span] = _private_key_spans(text) if "private key" in lowered else []
    for pattern in PATTERNS:
        if pattern.hints and not any(hint in lowered for hint in pattern.hints):
            continue
        for match in pattern.regex.finditer(text):
            if pattern.accept is not None and not pattern.accept(match):
                continue
            start, end = match.span(pattern.group)
            if start < end:
                spans.append(
                    Span(start, end, pattern.rule, pattern.kind, pattern.mask(text[start:end]))
                )
    spans.sort(key=lambda span: (span.start, span.rule != SECRET, span.start - span.end))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            kept[-1] = _merge(kept[-1], span)
        else:
            kept.append(span)
    return kept


def _merge(first: Span, second: Span) -> Span:
    """One span covering two that overlap (a password in a URL that also looks like an e-mail)."""
    if second.end <= first.end and (first.rule == SECRET or second.rule != SECRET):
        return first
    secret = first if first.rule == SECRET else second
    return Span(first.start, max(first.end, second.end), secret.rule, secret.kind, BULLETS)


def mask(text: str) -> str:
    """The text with every secret and piece of personal data masked, safe to display."""
    return _render(text, sensitive_spans(text), 0, len(text))


def find_sensitive(text: str) -> list[Finding]:
    """Blocking findings for secrets and personal data, one per kind, with masked examples."""
    spans = sensitive_spans(text)
    by_kind: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        by_kind.setdefault((span.rule, span.kind), []).append(span)
    findings = []
    for (rule, kind), group in by_kind.items():
        examples = ", ".join(_context(text, spans, span) for span in group[:3])
        count = f"{len(group)} times" if len(group) > 1 else "once"
        article = "An" if kind[:1] in "aeiou" else "A"
        findings.append(
            Finding(
                rule=rule,
                severity="blocking",
                message=f"{article} {kind} appears in the text ({count}); masked: {examples}.",
                suggestion=_ADVICE[rule],
            )
        )
    return findings


def _render(text: str, spans: list[Span], start: int, end: int) -> str:
    """text[start:end] with every span that touches it replaced whole (half a secret leaks)."""
    parts = []
    position = start
    for span in spans:
        if span.end <= start or span.start >= end:
            continue
        parts.append(text[position : max(position, span.start)])
        parts.append(span.replacement)
        position = max(position, span.end)
    if position < end:
        parts.append(text[position:end])
    return "".join(parts)


def _context(text: str, spans: list[Span], focus: Span) -> str:
    """A few words around a span, everything sensitive in the window masked."""
    window_start = max(text.rfind("\n", 0, focus.start) + 1, focus.start - 30)
    line_end = text.find("\n", focus.end)
    window_end = min(line_end if line_end != -1 else len(text), focus.end + 20)
    return "“" + " ".join(_render(text, spans, window_start, window_end).split()) + "”"
