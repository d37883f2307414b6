"""Lists of backup and recovery codes written under their heading, and one such code given in
the sentence that names them (session 15).

The keyword rules (:mod:`kbassist.hygiene.secret_keywords`) read a value in the
sentence of its keyword. Backup codes are pasted as a list instead: the heading
names them ("new backup codes for the admin account (admin@school.org):",
"Wiederherstellungscodes:", "codes de secours :") and the codes follow on lines
of their own, "1947 2286   5531 0947", "7tpd-3wcz", "1. 55129087". Every line
that holds nothing but codes (and bullets, numbering, commas), right after such a
heading, is a secret; the first line that says anything else ends the list.

Not a list of codes: a heading with no codes after it ("backup codes printed and
handed over"), a line that mixes codes with words ("ticket 4471 raised"), error or
event codes (no backup-code heading), a single short number.

A panel's or a printer's codes one per line after their holder, under words that name them
(sessions 10 and 11; moved here from prose_codes in session 22), are read here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.emails import clause_before
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.number_words import another_number
from kbassist.hygiene.prose_codes import PANEL_ROLE, PLACE_WORDS
from kbassist.hygiene.regex_guard import guarded

# The heading: backup, recovery, rescue... codes in the seven languages.
_HEADING = guarded(
    r"(?i)\b(?:(?:backup|back-up|recovery|rescue|emergency|scratch|bypass|one-time|2fa|mfa"
    r"|2-step|two-factor|2sv|verification|sign-in)[\s-]?codes"
    r"|backupcodes|back-?up-?codes|(?:wiederherstellungs|notfall|sicherungs|backup|einmal)-?codes"
    r"|códigos\s+de\s+(?:respaldo|recuperación|recuperação|backup|reserva|emergencia|emergência"
    r"|copia\s+de\s+seguridad|un\s+solo\s+uso|uso\s+único)"
    r"|codes\s+de\s+(?:secours|récupération|sauvegarde|secours\s+à\s+usage\s+unique)"
    r"|(?:herstel|reserve|back-?up|nood)-?codes"
    r"|codici\s+(?:di\s+)?(?:backup|recupero|riserva|emergenza|monouso))\b"
)
# One code: digits (3-10), or letters and digits with at least two digits, maybe hyphenated.
_CODE = re.compile(r"\d{3,10}|(?=(?:[A-Za-z-]*\d){2})[A-Za-z0-9]{3,12}(?:-[A-Za-z0-9]{3,12}){0,3}")
# What may stand between codes on a line: bullets, numbering, separators.
_FILLER = re.compile(r"(?:\d{1,2}[.)]|#\d{1,2}|[-*•·|,;/]+)")
_MAX_LINES = 20


def _code_spans(line: str, offset: int) -> tuple[int, int, int] | None:
    """(start, end, codes) of a line made only of codes and fillers, else None."""
    first = last = -1
    codes = 0
    for match in re.finditer(r"\S+", line):
        word = match.group().strip(",;")
        if not word or _FILLER.fullmatch(word):
            continue
        if not _CODE.fullmatch(word):
            return None
        codes += 1
        if first < 0:
            first = match.start()
        last = match.start() + len(match.group().rstrip(",;"))
    return (offset + first, offset + last, codes) if codes else None


def _lines_after(text: str, position: int) -> Iterator[tuple[int, str]]:
    """(offset, line) from position on: the rest of its line, then whole lines."""
    start = position
    for _ in range(_MAX_LINES + 1):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, text[start:end]
        if end >= len(text):
            return
        start = end + 1


def code_list_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Each line of codes that follows a backup- or recovery-code heading."""
    if "code" not in lowered and "codic" not in lowered and "códig" not in lowered:
        return
    for heading in _HEADING.finditer(text):
        found: list[tuple[int, int, int]] = []
        blank = 0
        for number, (offset, line) in enumerate(_lines_after(text, heading.end())):
            if number == 0:
                # The heading's own line: only what follows its last ':' or '=' may be codes.
                cut = max(line.rfind(":"), line.rfind("="))
                if cut >= 0:
                    spans = _code_spans(line[cut + 1 :], offset + cut + 1)
                    if spans:
                        found.append(spans)
                elif line.strip():
                    spans = _code_spans(line, offset)
                    if spans:
                        found.append(spans)
                continue
            if not line.strip():
                blank += 1
                if blank > 1 or found:
                    break
                continue
            spans = _code_spans(line, offset)
            if spans is None:
                break
            found.append(spans)
        codes = sum(count for _, _, count in found)
        longest = max((end - start for start, end, _ in found), default=0)
        if codes >= 2 or longest >= 6:
            for start, end, _ in found:
                yield start, end, "recovery_code"


# "used one of the recovery codes he'd saved, 7f3a2-9c1e4", "one of the backup codes ... read
# to me over the phone, 8841-2290": a single backup code in the sentence that names such codes
# (the lists under a heading are code_lists'; session 15)
_BACKUP_CODES_NAMED = (
    r"(?i)(?:\b(?:backup|back-up|recovery|bypass|scratch|rescue|emergency|wiederherstellungs"
    r"|notfall|respaldo|recuperación|recuperação|secours|récupération|herstel|recupero|reserve)"
    # ("Get backup verification codes, gave her two by phone"; session 30, blind236 read)
    r"[\s-]?(?:verification\s+)?codes?"
    # or the noun first: "uno dei codici di backup", "un code de secours"
    # ("i codici MFA di backup"; session 30, blind240 read)
    r"|\b(?:codes?|códigos?|codici|codice)\s+(?:(?:mfa|2fa|otp)\s+)?(?:de\s+|di\s+|da\s+)?"
    r"(?:backup|secours"
    r"|récupération|recupero|recuperación|recuperação|respaldo|reserva|emergencia|emergência"
    r"|emergenza|riserva)"  # "codici di riserva, dettati due: ..." (session 30, blind223 read)
    # an MFA provider's bypass with no code's word: "Duo bypass issued ..." (session 28)
    r"|\b(?:duo|mfa|2fa)\s+bypass)\b"
)
_ONE_BACKUP_CODE = guarded(
    _BACKUP_CODES_NAMED + r"[^.\n]{0,80}?(?<![\w-])"
    # (two fives of letters and digits: "back-upcodes ...: zehz2-0bbp3"; session 27, blind184)
    # (and an account's recovery code in capitals: "herstelcode uit de kluis, FC9E YVJB 62ST ...";
    # session 27, blind188 read)
    # (or eight digits run together: "een van haar reservecodes, 02383880"; session 28, blind191)
    # (or a Duo bypass code in three threes: "Duo bypass issued ..., 838 969 846"; session 28)
    r"(?P<value>(?=[a-z-]*\d)[0-9a-z]{5}-[0-9a-z]{5}|\d{4}[ -]?\d{4}|\d{3} \d{3}(?: \d{3})?"
    r"|(?-i:(?=[A-Z ]*\d)(?=[\d ]*[A-Z])[A-Z0-9]{4,5}(?: [A-Z0-9]{4,5}){3,5})"
    r"|[a-z0-9]{4}-[a-z0-9]{4}(?:-[a-z0-9]{4})?"
    # (or ten small letters and digits: "nuovi codici di backup, datole dyxk7x2xyb"; session 33)
    r"|(?-i:(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{10}))(?![\w.,/:-]\w|-)"
)
_SERIAL_BEFORE = re.compile(r"(?i)\b(?:serial|s/n|sn|label|asset|tag|model|part)\b[^,.;\n]{0,15}$")
_BACKUP_WORDS = (
    "backup", "back-up", "recover", "bypass", "scratch", "rescue", "emergen", "wiederherstell",
    "notfall", "respaldo", "recupera", "secours", "récupération", "herstel", "recupero",
    "reserv", "riserv",
)  # fmt: skip


# GitHub's shape, hex letters and digits in two fives, in the next sentences too: "She had her
# recovery codes in a text file ... First one 7dfd1-bc704 didn't work, second one e205f-1e683
# worked" (session 26, blind175 read)
_HEX_FIVES = re.compile(
    r"(?<![\w-])(?=[0-9a-f-]*[a-f])(?=[0-9a-f-]*\d)[0-9a-f]{5}-[0-9a-f]{5}(?![\w-])"
)
_HEX_FIVES_REACH = 250
# and eight digits, as Google and banks print them, read a sentence or two after the codes'
# word: "uses backup codes ... read him two from the sealed list, uh, first one 2736 1248 and
# the spare 2176 4322" (session 28, blind193 read); not a reference ("case 2024 1187")
_EIGHT_DIGITS = re.compile(r"(?<![\w.,/:-])(?<!\d )\d{4}[ -]?\d{4}(?![\w-]| \d|[.,/:]\d)")
_BACKUP_CODES_WORD = re.compile(_BACKUP_CODES_NAMED)


def single_backup_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """One backup or recovery code given in the sentence that names such codes."""
    # (the accented "cód" too: "códigos de respaldo ...; usó el 5569 8396"; session 33)
    if ("cod" not in lowered and "cód" not in lowered and "bypass" not in lowered) or not any(
        word in lowered for word in _BACKUP_WORDS
    ):
        return
    for match in _ONE_BACKUP_CODE.finditer(text):
        value = match.group("value")
        if _SERIAL_BEFORE.search(text, max(0, match.start("value") - 25), match.start("value")):
            continue  # "serial on the label FC9E 2231 ...": an identifier's
        if sum(ch.isdigit() for ch in value) >= 3 or _NO_WORDS.search(value):
            yield match.start("value"), match.end("value"), "recovery_code"
            yield from _next_codes(text, match.end("value"), value)
    for match in _HEX_FIVES.finditer(text):
        if _BACKUP_CODES_WORD.search(text, max(0, match.start() - _HEX_FIVES_REACH), match.start()):
            yield match.start(), match.end(), "recovery_code"
    for match in _EIGHT_DIGITS.finditer(text):
        if _BACKUP_CODES_WORD.search(
            text, max(0, match.start() - _HEX_FIVES_REACH), match.start()
        ) and not another_number(text, match.start(), clause_before(text, match.start())):
            yield match.start(), match.end(), "recovery_code"


# letters no word strings together, in a code of letters and few digits: "m0xz-wzhq",
# "urbs-yvli" (not "real-time"; session 25, blind155 read)
_NO_WORDS = re.compile(r"[^aeiou\d\W]{3}")
# the next code of the same shape after a code given: "m0xz-wzhq and urbs-yvli", "Used:
# 473e2-ff961. Next unused: 383ed-57bd3" (session 25, blind155-156 read)
_NEXT_CODE = re.compile(
    r"(?i)(?:[ \t]*[,;]?[ \t]*(?:and|or|und|oder|et|ou|y|o|en|of|e)?[ \t]+"
    r"|[.;]?[ \t]+[^.\n:]{0,25}:[ \t]*)(?P<value>[0-9a-z]{3,6}[ -][0-9a-z]{3,6})(?![\w.,/:-]\w|-)"
)


def _next_codes(text: str, end: int, first: str) -> Iterator[Hit]:
    """The codes of the first one's shape that follow it, each right after the last."""
    while (match := _NEXT_CODE.match(text, end)) is not None:
        value = match.group("value")
        if [len(part) for part in re.split("[ -]", value)] != [
            len(part) for part in re.split("[ -]", first)
        ] or not (sum(ch.isdigit() for ch in value) >= 3 or _NO_WORDS.search(value)):
            return
        yield match.start("value"), match.end("value"), "recovery_code"
        end = match.end("value")


# "alarm, user slots reviewed:\n- U01 master: 7261\n- U02 curator (Bellini): 4408": a panel's
# codes one per line after their holder, under words that name the alarm, keypad or door and
# its users or codes (session 10).
_LABELLED_CODE_LINES = re.compile(
    r"(?m)(?:^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*[^:\n\d]{0,12}\w[^:\n]{0,30}:[ \t]*\d{4,8}#?[ \t]*$"
    r"\n?){2,12}"
)
_LABELLED_CODE = re.compile(r"(?m):[ \t]*(?P<value>\d{4,8}#?)[ \t]*$")
# extensions, ports or VLANs listed by name are numbers, not codes
_NOT_CODES = re.compile(r"(?i)\bext(?:ension)?s?\b|phone|\btel\b|\bdial|\bvlan|\bports?\b")
_CODES_OR_SLOTS = re.compile(r"(?i)\b(?:codes?|pins?|slots?|users|c[óo]digos?|codici)\b")


# "Release PINs assigned:\n- A. Marsh 2290\n- J. Tallow 6613": PINs listed one per line after
# their holder without a colon, under a line that names them as PINs (session 11)
_HOLDER_PIN_LINES = re.compile(
    r"(?m)(?:^[ \t]*[-*•][ \t]*[^\W\d][^:\n\d]{0,30}[ \t](?P<value>\d{4,8})#?[ \t]*$\n?){2,12}"
)
_HOLDER_PIN_LINE = re.compile(r"(?m)[ \t](?P<value>\d{4,8})#?[ \t]*$")
_PINS_HEADING = re.compile(r"(?i)\b(?:pins?|pin-?codes?|passcodes?)\b[^\n]*$")


def _holder_pin_lines(text: str) -> Iterator[Hit]:
    for block in _HOLDER_PIN_LINES.finditer(text):
        heading = text[: max(0, block.start() - 1)].rsplit("\n", 1)[-1]
        if _PINS_HEADING.search(heading) and not _NOT_CODES.search(heading):
            for match in _HOLDER_PIN_LINE.finditer(text, block.start(), block.end()):
                yield match.start("value"), match.end("value"), "pin"


def labelled_code_lines_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Codes one per line after their holder, under an alarm's, keypad's or door's users."""
    if "\n" not in text:
        return
    if "pin" in lowered or "passcode" in lowered:
        yield from _holder_pin_lines(text)
    if len(_LABELLED_CODE.findall(text)) < 2:
        return  # two lines that end in ":" and a code at least
    for block in _LABELLED_CODE_LINES.finditer(text):
        before = text[max(0, block.start() - 300) : block.start()]
        holders = PANEL_ROLE.search(before) or _CODES_OR_SLOTS.search(before)
        heading = before[:-1].rsplit("\n", 1)[-1]  # the line before (``before`` ends in "\n")
        if not (holders and PLACE_WORDS.search(before)) or _NOT_CODES.search(heading):
            continue
        for match in _LABELLED_CODE.finditer(text, block.start(), block.end()):
            yield match.start("value"), match.end("value"), "door_code"
