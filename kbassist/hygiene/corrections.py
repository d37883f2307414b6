"""A value corrected in the same breath: the other value is as sensitive as the one found.

"Set/unset code was 2580 - wait, Mark changed it on Friday, it's now 3691", "Corrected IBAN
to GB61 ... no - HR says GB47 ...", "HR had 204718356 entered with a digit wrong, correct is
204718365" (session 7, after the tenth blind file). Technicians correct themselves in the
note; the detectors find one of the two values (the one after the keyword), and the other
has the same shape. A value of exactly the same shape (digit for digit, letter for letter,
the same punctuation) within 120 characters is taken as the same kind of secret or personal
data when a correction word stands right before it ("now", "sorry", "correct is", "juist
is", "richtig", "en fait"...) or, for a value before the one found, an error word right
after it ("wrong", "typo", "verkeerd", "falsch", "faux"...). A year is never a correction.

The same value written again is as sensitive as where it was found: "staff door PIN 6610#
rejected ... synced, 6610# opens the door" (session 9, blind23) left the second one in clear.
Every other whole occurrence of a found value of four characters or more takes its kind.

A code's sibling in the same sentence is one too: "keypad on back door set to 8842 for staff,
cleaners have 1190" (session 9, blind31). Digits of the same count as a door code or PIN found,
later in its sentence after "have", "get", "use" or a colon, take its kind. So is the old
value named right after a password or key found: "la clave del wifi es Sirena*Azul*9 ; la
anterior (sirena2019) ya no vale".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.kinds import KINDS, SECRET
from kbassist.hygiene.regex_guard import guarded

_REACH = 120
_CUE_BEFORE = guarded(
    r"(?i)\b(?:(?:now|actually|sorry|wait|correct(?:ed|ion)?(?:\s+(?:one|value|is))?|should\s+be"
    r"|instead|rather|says|juist(?:\s+is)?|eigenlijk|nu|jetzt|eigentlich|richtig(?:\s+ist)?"
    r"|korrekt|ahora|perd[oó]n|correct[oa](?:\s+es)?|en\s+realidad|maintenant|pardon|en\s+fait"
    r"|plut[oô]t|correcte?(?:\s+est)?|ora|anzi|giusto(?:\s+è)?|corretto|agora|desculpa|correto"
    r"|certo|old|previous|former|alter?|vorherige|ancien|antiguo|anterior|oude|vorige|vecchio"
    r"|precedente|(?:entered|typed|recorded|stored|imported|saved|keyed)\s+as"
    # "entered as born 31/06/2016 ... Parent confirmed 13/06/2016" (session 11)
    r"|confirmed|bestätigt|confirmée?|confirmad[oa]|bevestigd|confermat[oa]"
    # "1111 vervangen door 6247": the new value after "replaced by" (session 9)
    r"|changed\s+(?:it\s+)?to|geändert\s+auf|cambiad[oa]\s+a|changée?\s+en|gewijzigd\s+in"
    r"|replaced\s+(?:by|with)|vervangen\s+door|ersetzt\s+durch|remplacée?\s+par"
    r"|sustituid[oa]\s+por|substituíd[oa]\s+por|sostituit[oa]\s+(?:con|da))\b|no\s*[-–,])"
    r"\W{0,4}(?:\w+\W+){0,2}$"
)
_ERROR_AFTER = re.compile(
    r"(?i)^\W{0,4}(?:\w+\W+){0,4}?(?:wrong|typo|mistyped|incorrect|invalid|verkeerd|fout|falsch"
    r"|fehlerhaft|err[óo]ne[oa]|incorrect[oa]|faux|fausse|erron[ée]e?|errad[oa]|sbagliat[oa]"
    r"|instead\s+of|statt|in\s+plaats\s+van|au\s+lieu|en\s+lugar|invece)\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MIN_LENGTH = 4


# A character's shape, for comparing values without compiling a regex for each one (session
# 13: compiling took a fifth of detection's time). The same classes as the regex this
# replaced: a value's digit matches any decimal digit (``\\d``), its upper-case letter any of
# A-Z, its lower-case letter any of a-z, anything else itself.
_DIGIT, _UPPER, _LOWER, _OTHER = "\x00", "\x01", "\x02", "\x03"


class _TextShapes(dict[int, str]):
    """``str.translate`` table: a text character to its shape, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isdecimal():
            shape = _DIGIT
        elif "A" <= ch <= "Z":
            shape = _UPPER
        elif "a" <= ch <= "z":
            shape = _LOWER
        elif ch in _DIGIT + _UPPER + _LOWER:
            shape = _OTHER
        else:
            shape = ch
        self[code] = shape
        return shape


_TEXT_SHAPES = _TextShapes()


def _value_shape(value: str) -> str:
    """The value in shapes: '3691' has the shape of '2580', 'GB47 LOYD' of 'GB61 NWBK'."""
    parts = []
    for ch in value:
        if ch.isdigit():
            parts.append(_DIGIT)
        elif ch.isalpha():
            parts.append(_UPPER if ch.isupper() else _LOWER)
        else:
            parts.append(_OTHER if ch in _DIGIT + _UPPER + _LOWER else ch)
    return "".join(parts)


def _is_word(ch: str) -> bool:
    """``\\w`` of a regex over str."""
    return ch.isalnum() or ch == "_"


def _fits(text: str, at: int, value: str) -> bool:
    """Character by character, where a control character in the text may share a shape."""
    for ch, got in zip(value, text[at : at + len(value)], strict=True):
        if ch.isdigit():
            ok = got.isdecimal()
        elif ch.isalpha():
            ok = "A" <= got <= "Z" if ch.isupper() else "a" <= got <= "z"
        else:
            ok = got == ch
        if not ok:
            return False
    return True


def _same_shape(text: str, shapes: str, value: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Stretches of ``text[lo:hi]`` shaped like the value, not inside a word or a hyphenated
    run, in order and without overlaps (as ``finditer`` of the value's shape regex would)."""
    shape = _value_shape(value)
    size = len(shape)
    loose = _OTHER in shape  # a control character, which shares its shape with others
    at = shapes.find(shape, lo, hi)
    while at >= 0:
        end = at + size
        if (
            (at == 0 or not (_is_word(text[at - 1]) or text[at - 1] == "-"))
            and (end >= hi or not (_is_word(text[end]) or text[end] == "-"))
            and (not loose or _fits(text, at, value))
        ):
            yield at, end
            at = shapes.find(shape, end, hi)
        else:
            at = shapes.find(shape, at + 1, hi)


def corrected_hits(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """The corrected twins of the values found, as (start, end, kind)."""
    found = [hit for hit in hits if hit[1] - hit[0] >= _MIN_LENGTH]
    taken = {(start, end) for start, end, _ in found}
    out: list[Hit] = []
    shapes = ""
    for start, end, kind in found:
        value = text[start:end]
        if "\n" in value or not any(ch.isdigit() for ch in value):
            continue
        shapes = shapes or text.translate(_TEXT_SHAPES)
        for span in _same_shape(
            text, shapes, value, max(0, start - _REACH), min(len(text), end + _REACH)
        ):
            if span in taken or span[0] < end and start < span[1]:
                continue
            between = text[min(end, span[1]) : max(start, span[0])]
            if _YEAR.fullmatch(text, *span) or "\n\n" in between:
                continue
            if span[0] >= end:
                ok = _CUE_BEFORE.search(text, max(end, span[0] - 30), span[0])
            else:
                ok = _ERROR_AFTER.search(text[span[1] : span[1] + 60])
            if ok:
                out.append((span[0], span[1], kind))
                taken.add(span)
    return out


def repeated_hits(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """Every other whole occurrence of a value found, as (start, end, kind)."""
    found = [hit for hit in hits if hit[1] - hit[0] >= _MIN_LENGTH]
    taken = [(start, end) for start, end, _ in found]
    out: list[Hit] = []
    seen: set[str] = set()
    for start, end, kind in found:
        value = text[start:end]
        if value in seen or "\n" in value:
            continue
        seen.add(value)
        for at, stop in _whole(text, value):
            if not any(at < b and a < stop for a, b in taken):
                out.append((at, stop, kind))
                taken.append((at, stop))
    return out


def _whole(text: str, value: str) -> Iterator[tuple[int, int]]:
    """Every occurrence of the value not inside a word, without overlaps."""
    at = text.find(value)
    while at >= 0:
        end = at + len(value)
        if (at == 0 or not _is_word(text[at - 1])) and (
            end == len(text) or not _is_word(text[end])
        ):
            yield at, end
            at = text.find(value, end)
        else:
            at = text.find(value, at + 1)


# The same phone number or date of birth written again in another format: "07700 900 614
# ... re-entered as +44 7700 900614", "née le 14/03/2015 ... Saisi 2015-03-14" (session 11).
_NUMBER_LIKE = re.compile(r"(?<![\w+/.-])(?:\+|00)?\d[\d \t()./-]{5,22}\d(?![\w-]|[./]\d)")
_DATE_LIKE = re.compile(
    r"(?<![\w./-])(?:(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)"
    r"|(?P<d2>\d{1,2})[./-](?P<m2>\d{1,2})[./-](?P<y2>(?:19|20)\d\d))(?![\w./-]\d)"
)


def _date_key(value: str) -> str:
    found = _DATE_LIKE.fullmatch(value)
    if not found:
        return ""
    n = 1 if found.group("y1") else 2
    return "-".join(str(int(found.group(f"{part}{n}"))) for part in "ymd")


def _number_key(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[-9:] if len(digits) >= 9 else ""


def same_value_hits(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """Phones and dates of birth found, written again in another format, as hits."""
    found = list(hits)
    phones = {_number_key(text[a:b]): kind for a, b, kind in found if kind == "phone"}
    births = {_date_key(text[a:b]): kind for a, b, kind in found if kind == "date_of_birth"}
    phones.pop("", None)
    births.pop("", None)
    out: list[Hit] = []
    taken = [(a, b) for a, b, _ in found]
    for regex, wanted, key in (
        (_NUMBER_LIKE, phones, _number_key),
        (_DATE_LIKE, births, _date_key),
    ):
        if not wanted:
            continue
        for match in regex.finditer(text):
            kind = wanted.get(key(match.group(0)))
            if kind and not any(match.start() < b and a < match.end() for a, b in taken):
                out.append((match.start(), match.end(), kind))
                taken.append(match.span())
    return out


_SIBLING_KINDS = frozenset({"door_code", "pin", "voicemail_pin"})
_SIBLING_CUE = guarded(
    r"(?i)(?:\b(?:have|get|gets|use|uses|got|hebben|krijgen|haben|bekommen|tienen"
    r"|usan|ont|utilisent|têm|usam|hanno|usano)|[:=]"
    # whose code, in a word after a comma: "gerente 5290, segurança 7714" (session 10)
    r"|,[ \t]*[^\W\d_]{3,15})[ \t]+$"
)
_SIBLING_REACH = 80


@cache
def _digits_pattern(count: int) -> re.Pattern[str]:
    """A code of ``count`` digits standing alone, '#' allowed after it."""
    return re.compile(rf"(?<![\w.,/-])\d{{{count}}}#?(?![\w/-]|[.,]\d)")


def sibling_hits(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """Codes given after one found in the same sentence ("... 8842 for staff, cleaners have
    1190"), as (start, end, kind)."""
    out: list[Hit] = []
    taken = {(start, end) for start, end, _ in hits}
    for start, end, kind in list(hits):
        value = text[start:end].rstrip("#")
        if kind not in _SIBLING_KINDS or not value.isdigit():
            continue
        stop = min(len(text), end + _SIBLING_REACH)
        cuts = [cut for cut in (text.find("\n", end, stop), text.find(". ", end, stop)) if cut >= 0]
        stop = min(cuts, default=stop)  # the sentence's or the line's end, whichever first
        for match in _digits_pattern(len(value)).finditer(text, end, stop):
            if match.span() in taken or _YEAR.fullmatch(match.group(0)):
                continue
            if _SIBLING_CUE.search(text, max(end, match.start() - 20), match.start()):
                out.append((match.start(), match.end(), kind))
                taken.add(match.span())
    out.extend(_listed_twins(text, hits, taken))
    return out


# "Unused old codes he still had: 8f3a1-c9d27 and 4b6e0-17fa5": a generated code found, and
# one of the same groups listed right after it (session 12)
# Or digits in groups parted by spaces: "the bursar read two of them, 9350 0280 and 9904 7453"
# (session 20)
_GROUPED = re.compile(
    r"(?=[^-]*\d)[A-Za-z0-9]{3,8}(?:-[A-Za-z0-9]{3,8}){1,3}|\d{3,8}(?: \d{3,8}){1,3}"
)
_LIST_JOIN = r"[ \t]*(?:,|;|/|\band\b|\bor\b|&|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bo\b)[ \t]*"


@cache
def _twin_pattern(sizes: tuple[int, ...], parted: str = "-") -> re.Pattern[str]:
    """A generated code of groups of these sizes, listed after another."""
    group = r"\d" if parted == " " else "[A-Za-z0-9]"
    shape = parted.join(rf"{group}{{{size}}}" for size in sizes)
    return re.compile(rf"{_LIST_JOIN}(?P<value>(?=[^-\s]*\d){shape})(?![\w-])")


def _listed_twins(text: str, hits: Iterable[Hit], taken: set[tuple[int, int]]) -> list[Hit]:
    out: list[Hit] = []
    hits = list(hits)
    # a twin read as a phone is still taken for a code (session 20)
    taken = taken - {(start, end) for start, end, kind in hits if KINDS[kind].rule != SECRET}
    for start, end, kind in hits:
        if KINDS[kind].rule != SECRET or not _GROUPED.fullmatch(text, start, end):
            continue
        parted = " " if " " in text[start:end] else "-"
        twin = _twin_pattern(tuple(len(group) for group in text[start:end].split(parted)), parted)
        while (found := twin.match(text, end)) and found.span("value") not in taken:
            out.append((found.start("value"), found.end("value"), kind))
            taken.add(found.span("value"))
            end = found.end("value")
    return out


_OLD_KINDS = frozenset({"password", "credential_pair", "wifi_key", "preshared_key", "secret"})
_OLD_ONE = guarded(
    r"(?i)\b(?:anterior|previous|old|former|ancienne?|vorherige|alte|oude|vorige|precedente"
    r"|antig[oa])\b[^.\n(]{0,15}?\([ \t]*(?P<value>[^\s()]{4,40})[ \t]*\)"
)


# The old value before the new one found (session 11): "changed:\nold: admin01\nnew: X",
# "password changed from factory default 1234567812345678 to X", "still on factory default
# 1234567812345678 ... Changed to X". A default that opens the device is as secret as its
# successor (the defaults "public" and "admin" alone have no digit and are left).
_OLD_BEFORE = re.compile(
    r"(?im)(?:^[ \t]*[-*]?[ \t]*(?:old|alt|oud|ancien|anterior|antigo|vecchio)[ \t]*[:=][ \t]*"
    r"(?P<line>[^\s,;()]{4,60})[ \t]*$"
    r"|(?:\b(?:from|still\s+on|was)\s+(?:the\s+)?(?:factory[\s-]+)?default\s+(?:password\s+)?"
    r"(?:of\s+)?|\bvon\s+(?:der\s+)?werkseinstellung\s+|\bde\s+(?:la\s+)?(?:de\s+)?f[áa]brica\s+"
    r"|\bd'usine\s+|\bpar\s+d[ée]faut\s+|\bvan\s+(?:de\s+)?fabrieksinstelling\s+"
    r"|\bdi\s+fabbrica\s+|\bpadr[ãa]o\s+(?:de\s+f[áa]brica\s+)?)"
    r"(?P<default>[^\s,;()]{4,60}?)[.,;]?(?=\s))"
)


def _letters_and_digits(value: str, letters: bool = True) -> bool:
    return bool(re.search(r"\d", value)) and (not letters or bool(re.search(r"[^\W\d_]", value)))


def old_value_hits(text: str, hits: Iterable[Hit]) -> list[Hit]:
    """The old value named in brackets right after a password or key found, or before it on
    an "old:" line or as the default it replaced, as hits."""
    out: list[Hit] = []
    for start, end, kind in hits:
        if kind not in _OLD_KINDS:
            continue
        found = _OLD_ONE.search(text, end, min(len(text), end + 120))
        if found and _letters_and_digits(found.group("value")):
            out.append((found.start("value"), found.end("value"), kind))
        for found in _OLD_BEFORE.finditer(text, max(0, start - 150), start):
            group = "line" if found.group("line") else "default"
            if _letters_and_digits(found.group(group), letters=group == "line"):
                out.append((found.start(group), found.end(group), kind))
    return out
