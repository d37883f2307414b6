"""Numbers dictated in words, in the seven languages: "null eins fünf sieben, drei neun eins
acht", "zéro six, quarante-sept, quatre-vingt-trois", "twee, acht, zes, zes, nul".

A call or a voice-to-text transcript writes the digits of a phone number, a PIN or a backup
code as words, and no detector reads words as digits. This layer finds runs of four or more
number words, writes each run as the digits it says (groups kept where commas part them; a
run of single keys read one by one as one number), and runs the rules over that rewritten
text. A rule that fires on a rewritten run flags the run's words in the note (session 15).
Phone numbers said in English are read this way too, with every test the phone rule makes of
a typed number (session 21: the older reader of English runs, which asked only for a phone's
word before, took direct dials, DDIs and shop mobiles for someone's own).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from kbassist.hygiene.dictation import address_runs, dictated_runs, spelled_case_runs
from kbassist.hygiene.hint_index import trie_pattern
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.number_pairs import PAIRS, french_words
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.spelled_letters import DIGIT_OF, spelled_runs
from kbassist.hygiene.spoken_keys import spoken_key_runs
from kbassist.hygiene.spoken_numbers import cardinal_runs
from kbassist.hygiene.spoken_passphrases import passphrase_runs
from kbassist.hygiene.spoken_places import place_runs

_PAIRS = {
    said: f"{number:02d}"
    for number in range(10, 100)
    for said in (french_words(number), french_words(number).replace("-", " "))  # "vingt et un"
}
_PAIRS.update({"soixante-onze": "71", "quatre-vingt": "80"})
# and in the six other languages: a phone read in pairs, "oh seven nine, sixty-four, twelve",
# "nul zes, achtendertig, eenenzeventig", "seis uno cuatro, veintidós, treinta y ocho"
# (session 23)
_PAIRS.update({said: digits for said, digits in PAIRS.items() if said not in DIGIT_OF})
# "zero six nine seven seven three dash one eight zero ...": a key's groups dictated (session 19)
# and a CPF's dots and dash in Portuguese: "um seis nove ponto seis cinco três ponto três cinco
# zero traço três três" (session 24; a dot only in a CPF's shape)
_DASHES = ("dash", "hyphen", "traço")
_DOTS = ("ponto",)
# and a date's slashes: "one four slash oh three slash one nine eight seven" (session 27,
# blind177 read; a slash only in a date's shape)
_SLASHES = ("slash", "schrägstrich", "barra", "barre", "schuine streep")
# a digit said twice or three times, in the seven languages: "otto zero doppio sei zero"
# (session 28, blind193 read)
_REPEATS = {
    **dict.fromkeys(("double", "doppio", "doppia", "doble", "doppel", "dubbel", "duplo"), 2),
    **dict.fromkeys(("triple", "triplo", "tripla", "dreifach", "trippel"), 3),
}
# a keypad's star and hash said: "it's now star six one five eight hash" (session 28, blind197
# read); a star only first and a hash only last (_said checks)
_KEY_SYMBOLS = {"star": "*", "hash": "#", "sterretje": "*", "hekje": "#", "sternchen": "*"}
_KEYPAD_SHAPE = re.compile(r"\*?[\d ]+#?")
_SLASHED_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})")
_CPF_SAID = re.compile(r"\d{3}\.\d{3}\.\d{3}-\d{2}")
# a licence key's groups as the key-by-key reader writes them: "4DFG9-7K34G-3YCVY-..."
_KEY_GROUPS = re.compile(r"(?:[A-Za-z0-9]{4,}-){2,}[A-Za-z0-9]{4,}")
# a dash said between groups typed (session 24, blind149 read)
_DASH_SAID = re.compile(
    r"(?i)[ \t]+(?:dash|hyphen|tiret|bindestrich|strich|gui[oó]n|traço|trattino|streepje)[ \t]+"
)
# (a group after the first may be all capitals: "V2J0 Bindestrich DUYC Bindestrich KBD5 ...";
# session 29, blind205 read)
_KEY_DASHES = re.compile(
    r"(?<![\w-])(?=[A-Za-z]*\d)[A-Za-z0-9]{4,8}(?:"
    + _DASH_SAID.pattern.removeprefix("(?i)")
    + r"(?:(?=[A-Za-z]*\d)[A-Za-z0-9]{4,8}|(?-i:[A-Z]{4,8}))){2,}(?![\w-])",
    re.IGNORECASE,
)
_WORDS = sorted(
    {*_PAIRS, *DIGIT_OF, *_REPEATS, *_KEY_SYMBOLS, *_DASHES, *_DOTS, *_SLASHES},
    key=len,
    reverse=True,
)
# a code of two pairs said after a colon: "Nouveau code, ... : quarante-six soixante-dix B",
# "le code de sa messagerie ... : quatre-vingt-un quarante-trois" (session 25, blind153 read)
# and three pairs anywhere: "Kiosk exit code, six digits, it's fifteen seventy-six forty-six"
# (session 25, blind157 read)
_PAIR = "(?:" + trie_pattern(_PAIRS) + ")"
_TWO_PAIRS = re.compile(
    rf"(?i)(?:(?<=:[ ])|(?<=\bis[ ])|(?<=\best[ ])|(?<=c'est[ ]le[ ])|(?<=\bes[ ])|(?<=\bist[ ])"
    # and after a code's word: "Nouveau code soixante-seize onze" (session 26, blind169 read)
    rf"|(?<=\bcode[ ])|(?<=\bcódigo[ ])|(?<=\bcodice[ ])|(?<=\bpin[ ]))"
    rf"{_PAIR},?[ ]+{_PAIR}(?![\w-])|(?<![\w-]){_PAIR}(?:[ ]+{_PAIR}){{2}}(?![\w-])"
)
# a code's letter before its pairs, after a colon: "digicode de la porte de cour : B,
# soixante-six, soixante-sept" (session 28, blind189 read)
_LETTER_THEN_PAIRS = re.compile(rf"(?<=:[ ])(?-i:[A-Z]),?[ ]+{_PAIR},?[ ]+{_PAIR}(?![\w-])", re.I)


def _letter_then_pairs(run: str) -> str | None:
    said = _said(run[1:].lstrip(", "))
    return None if said is None else run[0] + said.replace(" ", "")


# a recovery key's eight groups typed by speech-to-text with the dash said between, a group
# written as a number ("157,388 dash 312,268 dash ...", "112178 min 616022 min ..."; a group
# whose leading zero the phone dropped is given it back; session 25, blind161 read)
_SAID_GROUP = r"(?:\d{4,6}|\d{1,3}(?:[, ]\d{3})?)"
_KEY_SAID = re.compile(
    rf"(?i)(?<![\d,]){_SAID_GROUP}(?:[ \t]+(?:dash|hyphen|min|minus|tiret|bindestrich|strich"
    rf"|gui[oó]n|traço|trattino|streepje)[ \t]+{_SAID_GROUP}){{7}}(?!\d|,\d)"
)
_KEY_SAID_SEPARATOR = re.compile(r"(?i)[ \t]+[^\W\d_]+[ \t]+")


def _key_said(run: str) -> str | None:
    """The eight groups of six digits a said recovery key holds, parted by hyphens."""
    groups = [re.sub(r"[, ]", "", group) for group in _KEY_SAID_SEPARATOR.split(run)]
    if len(groups) != 8 or any(len(group) > 6 for group in groups):
        return None
    return "-".join(group.zfill(6) for group in groups)


# English digits a phone heard as words: "nine for eight oh", "seven five nine to oh to oh one
# eight" (session 29, blind209 read): "for", "to" and "too" read as digits only between two
# English digit words, four digits in all at least
_ENGLISH_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_HEARD_AS = {"for": "4", "to": "2", "too": "2"}
_HOMOPHONE_RUN = re.compile(
    rf"(?i)(?<![\w-]){_ENGLISH_DIGIT}(?:[ ]+(?:{_ENGLISH_DIGIT}|(?:for|too|to)(?=[ ]+"
    rf"{_ENGLISH_DIGIT}\b)))+(?![\w-])"
)


def _heard(run: str) -> str | None:
    words = run.lower().split()
    heard = [i for i, word in enumerate(words) if word in _HEARD_AS]
    if not heard or len(words) < 4:
        return None
    if len(heard) == 1 and words[heard[0]] != "for" and heard[0] * 2 + 1 == len(words):
        return None  # a range: "asset tags F H A zero three one to zero three six"
    return "".join(_HEARD_AS.get(word) or DIGIT_OF[word] for word in words)


_PAIR_THEN_PAIR = re.compile(rf"(?i)(?<![\w-]){_PAIR},?[ ]+{_PAIR}(?![\w-])")
_WORD = "(?:" + trie_pattern(_WORDS) + ")"  # a trie: each character tried once
_RUN = re.compile(rf"(?i)(?<![\w-]){_WORD}(?:[ \t]*[,-]?[ \t]+{_WORD}){{3,}}(?![\w-])")
# (a word whole: "eighty eighty-four" is 80 84, not "eighty eight" and a "y")
_PIECE = guarded(rf"(?i)(?P<word>{_WORD})(?![^\W\d_])(?P<gap>[ \t]*,?[ \t]*|-)")
# A phone number said in parts, a word between: "Number's oh seven four six six. Then five eight
# six. Then five three seven.", "tre tre tre, due tre quattro. Il resto: uno uno tre otto."
# (session 27, blind177 read): three words a part at least, nine to thirteen digits in all
# (or a full stop alone: "that's oh seven nine two six. Five six three. Seven eight six.";
# session 27, blind181 read)
_BRIDGE = (
    r"(?:[.,;:]?[ ]+(?:and[ ]then|then|the[ ]rest(?:[ ]is)?|dann|danach|der[ ]rest|luego"
    r"|el[ ]resto|ensuite|puis|le[ ]reste|daarna|de[ ]rest|depois|o[ ]resto|poi|il[ ]resto)"
    r"[.,:]?[ ]+|\.[ ]+)"
)
_PART = rf"{_WORD}(?:[ \t]*,?[ \t]+{_WORD}){{2,}}"
_PARTED = re.compile(rf"(?i)(?<![\w-]){_PART}(?:{_BRIDGE}{_PART}){{1,2}}(?![\w-])")


# one of these stands (lower-cased) where a number said in parts can be read as a phone's
_PHONE_HINTS = (
    *("number", "mobile", "phone", "numero", "número", "numéro", "nummer", "telef"),
    *("handy", "móvil", "movil", "cellulare", "telemóvel", "telemovel", "portable", "gsm"),
    *("mobiel", "celular", "téléphone", "telefoon"),
)


def _parted(run: str) -> str | None:
    """The digits of a number said in parts, or None when a word is no digit's."""
    digits = ""
    for part in re.split(rf"(?i){_BRIDGE}", run):
        for piece in _PIECE.finditer(part):
            said = _PAIRS.get(piece.group("word").lower()) or DIGIT_OF.get(
                piece.group("word").lower()
            )
            if said is None:
                return None
            digits += said
    return digits if 9 <= len(digits) <= 13 else None


def _said_dash(text: str) -> bool:
    """Whether a dash's word stands in the text (a substring test before any regex)."""
    return any(word in text for word in _DASH_WORDS_SAID) and bool(_DASH_SAID.search(text))


_DASH_WORDS_SAID = ("dash", "hyphen", "tiret", "strich", "gui", "traço", "trattino", "streepje")


def _said(run: str) -> str | None:
    """The digits a run of number words says, groups parted by a space, or None when a word
    in it is not a digit's (a list of things: "one or two")."""
    groups: list[str] = [""]
    repeat = 1
    for piece in _PIECE.finditer(run):
        word = piece.group("word").lower()
        if word in _DASHES or word in _DOTS or word in _SLASHES:
            groups[-1] += "-" if word in _DASHES else "." if word in _DOTS else "/"
            continue
        if word in _REPEATS:
            repeat = _REPEATS[word]
            continue
        if word in _KEY_SYMBOLS:
            groups[-1] += _KEY_SYMBOLS[word]
            continue
        digits = _PAIRS.get(word) or DIGIT_OF.get(word)
        if digits is None:
            return None
        groups[-1] += digits * repeat
        repeat = 1
        if "," in piece.group("gap"):
            groups.append("")
    groups = [group for group in groups if group]
    if any(symbol in "".join(groups) for symbol in "*#") and not _KEYPAD_SHAPE.fullmatch(
        " ".join(groups)
    ):
        return None
    if any("." in group for group in groups) and not (
        len(groups) == 1 and _CPF_SAID.fullmatch(groups[0])
    ):
        return None
    if any("/" in group for group in groups) and not (
        len(groups) == 1 and _SLASHED_DATE.fullmatch(groups[0])
    ):
        return None
    if sum(len(group) for group in groups) < 4:
        return None
    if all(len(group) <= 2 for group in groups[:-1]) and len(groups[-1]) <= (
        3 if len(groups) >= 4 else 2
    ):
        # keys read one by one: "twee, acht, zes, zes, nul"; or in pairs, as codes and
        # numbers are read in French and Dutch: "vier vier, acht een, zeven" (session 23); the
        # last three together: "eins acht, vier neun, ..., drei zwei fünf" (session 27, blind181)
        return "".join(groups)
    return " ".join(groups)


def _read(
    regex: re.Pattern[str], text: str, write: Callable[[str], str | None]
) -> list[tuple[int, int, str]]:
    """(start, end, what it writes) of each match that ``write`` can write."""
    return [
        (match.start(), match.end(), said)
        for match in regex.finditer(text)
        if (said := write(match.group(0))) is not None
    ]


def _outside(
    found: list[tuple[int, int, str]], runs: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The runs that overlap none already found."""
    return [
        run for run in runs if not any(run[0] < end and start < run[1] for start, end, _ in found)
    ]


@lru_cache(maxsize=4)  # read per note by the rules' and by the token model's spoken readings
def rewritten(text: str, first_words: bool = True) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The text with each run of number words written as digits, and where each run went:
    (start and end in the rewritten text, start and end in the text). Values dictated key by
    key are written as they spell (:mod:`kbassist.hygiene.dictation`; ``first_words`` as
    there)."""
    pieces: list[str] = []
    runs: list[tuple[int, int, int, int]] = []
    last = 0
    length = 0
    # an e-mail address said first: its local part may be spelled key by key (session 23)
    found = address_runs(text)
    # each reader's runs where no earlier reader's stand
    found += _outside(  # "157,388 dash 312,268 dash ...": a recovery key typed, dashes said
        found,
        _read(_KEY_SAID, text, _key_said) if _said_dash(text) or " min " in text else [],
    )
    found += _outside(found, spelled_runs(text, text.lower()))  # "Kilo Seven Delta Two ..."
    # "Thistle dash walnut fifty two" (session 25; after the spelling alphabets: "Golf Bravo
    # dash Mike six ..."; before the case words after it: "Quartz hyphen Orbit hyphen one six,
    # capital Q", session 26)
    found += _outside(found, passphrase_runs(text))
    # letters spelled with their case, before their digit words are read alone
    found += _outside(found, spelled_case_runs(text))
    # "forty two Wexham Road", "S L two, five E Q", "dritter Mai ..." (session 19)
    found += _outside(found, place_runs(text))
    # "one thousand seven hundred and forty one", "tres mil trescientos uno" (after the dates:
    # "dodici gennaio millenovecentonovantatré")
    found += _outside(found, cardinal_runs(text))
    lowered = text.lower()
    if any(word in lowered for word in _PHONE_HINTS):  # (the phone rules' words: a gate)
        found += _outside(found, _read(_PARTED, text, _parted))
    if " for " in text or " to" in text:  # (a gate: the words a phone hears for digits)
        found += _outside(found, _read(_HOMOPHONE_RUN, text, _heard))
    found += _outside(found, _read(_RUN, text, _said))
    if _PAIR_THEN_PAIR.search(text):  # a gate: two pairs said one after the other
        found += _outside(found, _read(_TWO_PAIRS, text, _said))
        found += _outside(found, _read(_LETTER_THEN_PAIRS, text, _letter_then_pairs))
    found += _outside(found, dictated_runs(text, first_words))
    # "B9X4B dash 2V9YQ dash VJ9J7 ...": a key's groups typed, its dashes said
    found += _outside(
        found,
        _read(_KEY_DASHES, text, lambda said: _DASH_SAID.sub("-", said))
        if _said_dash(text)
        else [],
    )
    for run in spoken_key_runs(text):  # "k nove r r dois w t ...", "... then a caret then W x"
        # it takes the place of shorter readings inside it when its first key is a letter or
        # it reads a licence key's groups (a number read in groups before a postcode's letters
        # keeps its groups)
        overlapped = [other for other in found if run[0] < other[1] and other[0] < run[1]]
        if not overlapped or (
            (run[2][:1].isalpha() or _KEY_GROUPS.fullmatch(run[2]))
            and all(run[0] <= other[0] and other[1] <= run[1] for other in overlapped)
            and sum(other[1] - other[0] for other in overlapped) < run[1] - run[0]
            and not any("@" in other[2] for other in overlapped)
        ):
            found = [other for other in found if other not in overlapped] + [run]
    for start, end, said in sorted(found):
        pieces.append(text[last:start])
        length += start - last
        runs.append((length, length + len(said), start, end))
        pieces.append(said)
        length += len(said)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), runs


Detector = Callable[[str, str], Sequence[Hit] | Iterator[Hit]]


def spoken_hits(
    text: str, detectors: Sequence[Detector], in_capitals: Sequence[Detector] = ()
) -> list[Hit]:
    """The runs of number words that a rule flags once they are written as digits (a
    dictated run read twice: with the word before its first key, and without).
    ``in_capitals`` read the runs' letters in capitals too, as an identity number is written:
    a spelling alphabet says no case ("Mike Golf ninety-one ... Bravo"; session 24)."""
    found: list[Hit] = []
    versions = [rewritten(text)]
    if versions[0][1]:
        other = rewritten(text, first_words=False)
        if other[0] != versions[0][0]:
            versions.append(other)
    readings: list[tuple[str, list[tuple[int, int, int, int]], Sequence[Detector]]] = []
    for written, runs in versions:
        if not runs:
            continue
        readings.append((written, runs, detectors))
        if in_capitals and (capitals := _in_capitals(written, runs)) != written:
            readings.append((capitals, runs, in_capitals))
    for written, runs, readers in readings:
        lowered = written.lower()
        for detector in readers:
            for start, end, kind in detector(written, lowered):
                touched = [run for run in runs if start < run[1] and run[0] < end]
                if touched and kind == "home_address":  # the street's words are masked too
                    found.append((_in_text(start, runs), _in_text(end, runs), kind))
                    continue
                found.extend((old_start, old_end, kind) for _, _, old_start, old_end in touched)
    return found


def _in_capitals(written: str, runs: list[tuple[int, int, int, int]]) -> str:
    """The rewritten text with each run's letters in capitals."""
    pieces = []
    last = 0
    for start, end, _, _ in runs:
        pieces.append(written[last:start])
        pieces.append(written[start:end].upper())
        last = end
    pieces.append(written[last:])
    return "".join(pieces)


# "error code zero x eight zero zero nine ...", "code d'erreur zéro x C zéro ...": a code read
# out in hexadecimal, an error's or a stop code's, no one's secret (session 23)
_HEX_LEAD = re.compile(r"(?i)(?:zero|zéro|null|nul|cero|oh)[ \t]+(?:x|ex|equis|ics)[ \t]+")
_HEX_X = re.compile(r"(?i)(?:x|ex)[ \t]")
_ZERO_BEFORE = re.compile(r"(?i)\b(?:zero|zéro|null|nul|cero|oh)[ \t]+$")
_HEX_LEAD_BEFORE = re.compile(
    r"(?i)\b(?:zero|zéro|null|nul|cero|oh)[ \t]+(?:x|ex|equis|ics)"
    r"(?:[ \t]+(?:[a-f0-9]|[^\W\d_]{2,6})){0,8}[ \t]+$"  # after its first keys: "zéro x C zéro"
)


# "installato K B cinque zero tre sei nove uno due": a Microsoft KB article read out
_KB_LEAD = re.compile(r"K[ ]?B[ \t]+")
_KB_LEAD_BEFORE = re.compile(r"\bK[ ]?B[ \t]+$")


def read_as_reference(text: str, start: int) -> bool:
    """Whether a run is (or follows) a reference read out, no one's secret: "zero x" before a
    hexadecimal stop or error code, "K B" before a Microsoft KB article's number (session 23)."""
    return bool(
        _HEX_LEAD.match(text, start)
        or _HEX_LEAD_BEFORE.search(text, max(0, start - 40), start)
        # the run starting at its "x": 'code "zéro x huit zéro zéro f ..."' (session 28)
        or (
            _HEX_X.match(text, start) is not None
            and _ZERO_BEFORE.search(text, max(0, start - 10), start) is not None
        )
        or _KB_LEAD.match(text, start)
        or _KB_LEAD_BEFORE.search(text, max(0, start - 6), start)
    )


def _in_text(position: int, runs: list[tuple[int, int, int, int]]) -> int:
    """Where a position of the rewritten text stands in the text (a run's edge if inside)."""
    shift = 0
    for new_start, new_end, old_start, old_end in runs:
        if position < new_start:
            break
        if position <= new_end:
            return old_start if position == new_start else old_end
        shift = old_end - new_end
    return position + shift
