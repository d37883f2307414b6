"""Values read key by key in words, parted by spaces or "then" (session 20; blind123 and
blind127 read).

A technician dictating to a phone says each key of a password, a Wi-Fi key or a licence key
as a word and lets the phone write them with spaces: "k nove r r dois w t sete m p", "X K four
nine R seven seven H two W", "jota siete ka erre cuatro cuatro uve doble equis nueve te"; and
joins the pieces with "then" or its like in the seven languages: "v four L n then pound sign
then eight e r p three", "Kiefer dann Punkt dann vier acht zwei dann großes Z", "grand L a v a
n d e puis trois trois puis pourcent puis j k", "hoofdletter W zeven en dan s l a k". A value
read in two parts ("first bit is ... Second bit is ...", "Começa por ... Acaba em ...") is read
as one. This module finds such runs and says what they spell (letters, digit words, spelling
alphabets, spoken symbols, a case said before or after a letter); :mod:`spoken_digits` puts
them in the text for the rules (a national insurance number or a codice fiscale read this way
is one), and a spelled value of six keys or more that a secret's word names before it, no
identifier's word between, is a secret (:func:`spoken_key_secret_hits`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kbassist.hygiene.dictation import (
    _CASE_AFTER,
    _CASE_BEFORE,
    _CASED_NAMES,
    _LETTER_NAMES,
    _SPELLED_SYMBOLS,
)
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.number_pairs import PAIRS, french_words
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.spelled_letters import (
    DIGIT_OF,
    DIGIT_WORDS,
    IDENTIFIER_WORD,
    secret_named_nearer,
)

# Digit words, and numbers from ten said as one: "ten seventy two" is 1072, "forty six" 46
_DIGITS = {
    **DIGIT_OF,
    **{str(digit): str(digit) for digit in range(10)},
    "nought": "0",
    "niner": "9",
    **PAIRS,
    # and the French pairs: "zéro six, vingt, cinquante, trente-sept" (session 23)
    **{french_words(number): f"{number:02d}" for number in range(10, 100)},
}
# The Italian spelling alphabet of towns: "Livorno, Otranto, Torino maiuscola, sette, ..."
_TOWNS = dict(
    pair.split(":")
    for pair in "ancona:a bologna:b como:c domodossola:d empoli:e firenze:f genova:g imola:i "
    "livorno:l milano:m napoli:n otranto:o palermo:p quarto:q roma:r savona:s torino:t udine:u "
    "venezia:v zara:z".split()
)
# and the Portuguese one: "Porto Horta Dafundo Guarda Braga, Faro Tavira quatro ..." (session 24)
_TOWNS.update(
    (pair.split(":")[0], pair.split(":")[1])
    for pair in "aveiro:a braga:b coimbra:c dafundo:d évora:e faro:f guarda:g horta:h itália:i "
    "josé:j kodak:k lisboa:l maria:m nazaré:n ovar:o porto:p queluz:q rossio:r setúbal:s "
    "tavira:t vidago:v waldemar:w xavier:x york:y zulmira:z".split()
)
# The words a town beside counts as a key: another town or a digit said in words
_SPELLING_NEIGHBOURS = frozenset(_TOWNS) | {
    word for words in DIGIT_WORDS.values() for word in words.split()
}
_LETTERS = {
    **_LETTER_NAMES,
    **_TOWNS,
    **dict.fromkeys(("uve doble", "doble uve", "doppia vu", "double-u", "double u"), "w"),
    "dáblio": "w",
    "i griega": "y",
}
_SYMBOLS = {
    **_SPELLED_SYMBOLS,
    **dict.fromkeys(("pound sign", "pound"), "#"),
    **dict.fromkeys(("exclamation marks", "exclamation points"), "!"),
    **dict.fromkeys(("full stop", "period", "punkt", "punto", "ponto", "punt", "point"), "."),
    **dict.fromkeys(("pourcent", "pour cent", "percent sign"), "%"),
    **dict.fromkeys(
        "colon|dubbele punt|deux-points|deux points|doppelpunkt|dos puntos|due punti"
        "|dois pontos".split("|"),
        ":",
    ),
    **dict.fromkeys(("slash", "forward slash", "schrägstrich", "barra"), "/"),
    **dict.fromkeys(("question mark", "punto interrogativo", "vraagteken"), "?"),
    **dict.fromkeys(("star", "étoile", "estrella", "stella", "estrela"), "*"),  # (session 23)
    "equals sign": "=",
    "caret": "^",
    "tilde": "~",
}
_CASES = {
    **{word: ("before", case) for word, case in _CASE_BEFORE.items()},
    **{word: ("after", case) for word, case in _CASE_AFTER.items()},
    **dict.fromkeys(("lower case", "kleine letter"), ("before", "low")),
    **dict.fromkeys(("upper case", "grote letter", "grand", "grande"), ("before", "up")),
    "petit": ("before", "low"),
}
# Words that join the pieces of one value: "then", "and then", "dann", "puis", "en dan", "poi"
_JOINERS = frozenset(
    phrase.replace("~", " ")
    for phrase in """then dann puis ensuite dan daarna poi luego después depois
    and~then und~dann et~puis en~dan e~poi y~luego y~después e~depois
    no~space followed~by gefolgt~von suivi~de seguido~de seguito~da gevolgd~door""".split()
)
# An article before a spoken symbol: "then an at sign", "dan een dubbele punt"
_ARTICLES = frozenset("a an un une ein eine een el la il lo um uma una uno le".split())
_SPOKEN_DOT = re.compile(r"(?i)dot|punto|punkt|ponto|punt|point")
_PHRASE_LENGTH = 3
# The first words of the phrases of two or three words: only these start a longer phrase
_FIRST_OF_PHRASES = frozenset(
    phrase.split()[0]
    for table in (_JOINERS, _SYMBOLS, _CASES, _DIGITS, _CASED_NAMES, _LETTERS)
    for phrase in table
    if " " in phrase
)
_CHUNK = re.compile(r"(?=[A-Za-z]{0,2}\d)[A-Za-z0-9]{2,3}")  # "f9", "kB7", "85", "944"
_WORD = re.compile(r"[^\W\d_]{3,15}")
_TOKEN = re.compile(r"[^\s,]+")
_STOPS = ".;:?!…"


_Token = tuple[int, int, str, bool, bool]


def _tokens(text: str) -> list[_Token]:
    """(start, end, word, whether a sentence or a clause ends after it, whether a comma does)."""
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        bare = word.rstrip(_STOPS)
        if not bare:
            continue
        comma = text.startswith(",", match.end())
        out.append((match.start(), match.start() + len(bare), bare, len(bare) < len(word), comma))
    return out


def _kind_at(tokens: list[_Token], index: int) -> str:
    """Whether the word at index is a case word (C), without reading further."""
    return "C" if index < len(tokens) and tokens[index][2].lower() in _CASES else ""


_Piece = tuple[str, str, int, str]
# The piece of a word that starts no phrase and names no town: it depends on the word alone
_SINGLE_PIECES: dict[str, _Piece | None] = {}
_SINGLE_PIECES_SIZE = 20_000
_UNKNOWN = object()


def _pieces(tokens: list[_Token]) -> list[_Piece | None]:
    """The piece at each token (:func:`_phrase`), a word's own read once and remembered."""
    out: list[_Piece | None] = []
    remembered = _SINGLE_PIECES
    for index, token in enumerate(tokens):
        word = token[2]
        piece = remembered.get(word, _UNKNOWN)
        if piece is _UNKNOWN:
            piece = _phrase(tokens, index)
            lowered = word.lower()
            if lowered not in _FIRST_OF_PHRASES and lowered not in _TOWNS:
                if len(remembered) >= _SINGLE_PIECES_SIZE:
                    remembered.clear()
                remembered[word] = piece
        out.append(piece)  # type: ignore[arg-type]
    return out


def _can_start(tokens: list[_Token], pieces: list[_Piece | None], index: int, words: bool) -> bool:
    """Whether a run may start at index: :func:`_run` would stop at once at an article, at a
    word with no joiner or symbol after it (:func:`_admitted`), at a letter's name that is a
    word with no letter after it, or where no piece stands."""
    piece = pieces[index]
    if piece is None:
        return False
    kind = piece[0]
    if kind == "A":
        return False
    if kind == "W":  # a joiner after it or after the next word, a symbol ("Faro punto"), or
        # a comma and a key ("fern, seven, ...")
        following = _kind(pieces, index + 1)
        if following in ("J", "S") or (following == "W" and _kind(pieces, index + 2) == "J"):
            return True
        return words and tokens[index][4] and following in _KEYS
    if kind == "E":
        return _kind(pieces, index + piece[2]) in ("L", "E")
    return True


def _phrase(tokens: list[_Token], index: int) -> _Piece | None:
    """(kind, text, tokens used, raw word) of the piece at index: L a letter, E a letter's
    name that is a word too ("de"), D digits, S a symbol, C a case word, J a joiner, A an
    article, W a word."""
    longest = _PHRASE_LENGTH if tokens[index][2].lower() in _FIRST_OF_PHRASES else 1
    for size in range(longest, 0, -1):
        if index + size > len(tokens) or any(tokens[index + k][3] for k in range(size - 1)):
            continue
        raw = " ".join(tokens[index + k][2] for k in range(size))
        said = raw.lower()
        if said in _JOINERS:
            return "J", "", size, raw
        if said in _SYMBOLS:
            return "S", _SYMBOLS[said], size, raw
        if said in _CASES:
            return "C", said, size, raw
        if said in _DIGITS:
            return "D", _DIGITS[said], size, raw
        if said in _CASED_NAMES:
            return "E", _CASED_NAMES[said], size, raw
        if said in _LETTERS and (
            said not in _TOWNS
            or tokens[index][4]
            or _kind_at(tokens, index + 1) == "C"
            or _beside_keys(tokens, index)
        ):  # a town only between commas, before its case or beside another town or a digit's
            # word: "Torino maiuscola, sette", "Torino Roma Roma sette Milano" (session 24)
            return "L", _LETTERS[said], size, raw
    raw = tokens[index][2]
    if raw.lower() in _ARTICLES:
        return "A", "", 1, raw
    if len(raw) == 1 and raw.isascii() and raw.isalpha():
        return "L", raw, 1, raw
    if _CHUNK.fullmatch(raw):
        return "D" if raw.isdigit() else "K", raw, 1, raw
    if _WORD.fullmatch(raw):
        return "W", raw, 1, raw
    return None


def _beside_keys(tokens: list[_Token], index: int) -> bool:
    """Whether the word before (in the same clause) or after is a town or a digit's word."""
    before = index > 0 and not tokens[index - 1][3] and not tokens[index - 1][4]
    if before and tokens[index - 1][2].lower() in _SPELLING_NEIGHBOURS:
        return True
    after = index + 1 < len(tokens) and not tokens[index][3]
    return after and tokens[index + 1][2].lower() in _SPELLING_NEIGHBOURS


def spoken_key_runs(text: str, words: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, what it spells) for each value read key by key in words; ``words``: with
    words among the keys between commas too (what only the secret's reader takes: written
    into the text for every rule, such a run took the place of an address's or a phone's
    reading)."""
    return list(_key_runs(text, words))


@lru_cache(maxsize=4)  # the same text's tokens and pieces for both readings of its runs
def _read(text: str) -> tuple[list[_Token], list[_Piece | None]]:
    tokens = _tokens(text)
    return tokens, _pieces(tokens) if len(tokens) >= 4 else []


@lru_cache(maxsize=16)  # read per text by spoken_digits and by the secret's reader (words)
def _key_runs(text: str, words: bool) -> tuple[tuple[int, int, str], ...]:
    tokens, pieces = _read(text)
    if len(tokens) < 4:
        return ()
    runs = []
    index = 0
    while index < len(tokens):
        run = (
            _run(tokens, pieces, index, words) if _can_start(tokens, pieces, index, words) else None
        )
        if run is None:
            index += 1
            continue
        end, spelled, kinds = run
        if _enough(spelled, kinds):
            runs.append((tokens[index][0], tokens[end - 1][1], spelled))
            index = end
        else:  # on past the first piece's words: not from the "y" of "setenta y tres"
            index += pieces[index][2] if pieces[index] else 1  # type: ignore[index]
    return tuple(runs)


def _kind(pieces: list[tuple[str, str, int, str] | None], index: int) -> str:
    piece = pieces[index] if index < len(pieces) else None
    return piece[0] if piece else ""


def _run(
    tokens: list[_Token],
    pieces: list[tuple[str, str, int, str] | None],
    start: int,
    words: bool = False,
) -> tuple[int, str, str] | None:
    """(index after the run, what it spells, the kinds of its pieces) from start, or None."""
    out: list[str] = []
    marks: list[int] = []  # the index after each piece in out
    kinds = ""
    pending = ""
    index = start
    while index < len(tokens):
        piece = pieces[index]
        if piece is None:
            break
        kind, said, size, raw = piece
        after = index + size
        following = _kind(pieces, after)
        if (kind == "A" or raw.lower() in _ARTICLES) and following == "S" and kinds:
            index = after  # "then an at sign", "dan een dubbele punt"
            continue
        kind = _admitted(kind, raw, kinds, following, tokens, pieces, index, words)
        if not kind:
            break
        if kind == "J":
            if not kinds or following not in ("L", "D", "S", "C", "A", "W", "K"):
                break
            kinds += "J"
            index = after
            continue
        if kind == "C":
            direction, case = _CASES[said]
            if direction == "after" and kinds and kinds[-1] == "L" and out:
                out[-1] = out[-1].upper() if case == "up" else out[-1].lower()
                kinds += "C"
                marks[-1] = after  # "erre maiúscula"
            elif following in ("L", "E", "W") or (
                following == "A" and len(tokens[after][2]) == 1
            ):  # a word after its case too: "capital harbour capital velvet nine eight"
                pending = case
                kinds += "C"
            elif kinds and kinds[-1] == "L" and out:  # said after its letter where no letter
                # follows: "G klein I groß vier" (session 24)
                out[-1] = out[-1].upper() if case == "up" else out[-1].lower()
                kinds += "C"
                marks[-1] = after
            else:
                break
            index = after
            if tokens[after - 1][3]:
                break
            continue
        if piece[0] == "A":
            said = raw  # the letter "a" or "A"
        if kind == "L":
            said = said.upper() if pending == "up" else said.lower() if pending else said
        elif kind == "K" and pending:
            said = said.upper() if pending == "up" else said.lower()
        elif kind == "W" and pending:
            said = said.capitalize() if pending == "up" else said.lower()
        if kind in ("D", "K") and len(raw) > 1 and raw.isalnum() and not raw.isalpha():
            kind = "N"  # figures written, not said: "85", "f9"
        pending = ""
        out.append(said)
        kinds += kind
        index = after
        if kind == "L":
            index += _named_after(tokens, index, said)  # "R as in Romeo", "H comme Henri"
        marks.append(index)
        if tokens[index - 1][3]:
            break
    kinds = kinds.rstrip("JC")
    # not the "y", "e" or "o" that joins the next clause, nor an "at" or "dot" before a word
    while out and _last_is_joining(out[-1], kinds[-1], pieces, marks[-1]):
        out.pop()
        marks.pop()
        kinds = kinds[:-1].rstrip("JC")
    if len(kinds.replace("J", "").replace("C", "")) < 3:
        return None
    return marks[-1], _grouped(out, [tokens[mark - 1][4] for mark in marks]), kinds


def _grouped(out: list[str], commas: list[bool]) -> str:
    """The keys as one value; groups of one size (four keys or more) that commas part are
    written with hyphens, as a licence key is typed: "4 D F G 9, 7 K 3 4 G, ..." (session 24)."""
    groups = [""]
    for said, comma in zip(out, commas, strict=True):
        groups[-1] += said
        if comma:
            groups.append("")
    if not groups[-1]:
        groups.pop()
    sizes = {len(group) for group in groups}
    if len(groups) >= 3 and len(sizes) == 1 and min(sizes) >= 4:
        return "-".join(groups)
    return "".join(out)


# The words that name a letter by a word it starts: "H comme Henri", "S de Sábado", "R come
# Roma", "F wie Friedrich", "B voor Bernard", "P as in Papa" (session 24, blind145 read)
_AS_IN = frozenset("comme come como wie de voor van zoals for".split())


def _named_after(tokens: list[_Token], index: int, letter: str) -> int:
    """How many words after a letter name it by a word it starts ("as in Romeo": 3)."""
    if index + 2 < len(tokens) and tokens[index][2] == "as" and tokens[index + 1][2] == "in":
        return 3  # (as the older reading: the word itself not checked)
    if index + 1 >= len(tokens) or tokens[index - 1][3] or tokens[index - 1][4]:
        return 0  # not after a sentence's or a comma's end: "H, comme ..."
    if tokens[index][2].lower() not in _AS_IN or tokens[index][3]:
        return 0
    word = tokens[index + 1][2]
    first = unicodedata.normalize("NFD", word[:1])[:1].lower()
    named = word[:1].isupper() or word.lower() in _LETTERS  # "T for tango"
    return 2 if named and first == letter.lower() else 0


def _admitted(
    kind: str,
    raw: str,
    kinds: str,
    following: str,
    tokens: list[_Token],
    pieces: list[tuple[str, str, int, str] | None],
    index: int,
    words: bool = False,
) -> str:
    """The kind a piece takes in the run so far ("" when it ends the run): an article's or a
    letter's name that is a word too is a letter only among other keys; a word only beside a
    joiner."""
    previous = kinds[-1] if kinds else ""
    if kind == "A":  # the letter "a", "e", "o" or "y" among other keys, or after its case
        if len(raw) != 1:
            return ""
        if previous == "C" or (raw == "A" and previous not in ("", "J")):  # "eight two A,"
            return "L"
        among = following in ("L", "D", "K", "A") and not tokens[index][3]
        return "L" if previous not in ("", "J") and among else ""
    if kind == "E":  # "te", "pe", "de": a letter among other keys or after its case
        return "L" if previous not in ("", "J") or following in ("L", "E") else ""
    if kind == "W":
        # a word is a piece where a joiner stands beside it ("sunset then seven one",
        # "Kiefer dann Punkt"), or a capitalised word before a symbol ("Faro punto sei"), or
        # after its case ("capital harbour"; session 23)
        if previous == "C":
            return "W"
        after = index + 1
        joined = following == "J" or (following == "W" and _kind(pieces, after + 1) == "J")
        if joined and previous in ("", "J"):
            return "W"
        dotted = following == "S" and _SPOKEN_DOT.fullmatch(tokens[after][2]) is not None
        if not kinds and raw[:1].isupper() and dotted:
            return "W"
        return "V" if words and _comma_parted(kinds, following, tokens, index) else ""
    return kind


def _comma_parted(kinds: str, following: str, tokens: list[_Token], index: int) -> bool:
    """A word among keys read one by one between commas, kind V (session 22, blind131 read):
    "fern, seven, seven, capital K, otter, three, five, ampersand", "lantern, seven, four,
    capital O, river, nine". A run starts at one with a comma after it and a key next; a word
    goes on a run whose last piece a comma ended, with a comma or a sentence's end after it;
    a run holds two such words at least (:func:`_enough`)."""
    if not kinds:
        return tokens[index][4] and following in _KEYS
    # between commas, or last before a sentence's end: not "... oh nine three, rang him"
    parted = tokens[index][4] or tokens[index][3]
    return (
        index > 0
        and tokens[index - 1][4]
        and parted
        and (kinds[-1] in _KEYS or kinds[-1] in ("W", "V"))
    )


_KEYS = frozenset("LDSCKEN")  # the kinds of a key said (a letter, a digit, a symbol, a case...)


def _last_is_joining(
    said: str, kind: str, pieces: list[tuple[str, str, int, str] | None], after: int
) -> bool:
    """Whether the last piece joins what follows rather than ends the value."""
    piece = pieces[after - 1] if after - 1 < len(pieces) else None
    word = piece[3] if piece else ""
    if kind == "L":  # (or "elle", "esse": a pronoun that names a letter too; session 23)
        # (a letter's spelling word, "echo", ends a value: session 24)
        joining = len(word) == 1 and said in ("y", "e", "o", "a", "u", "i")
        joining = joining or word.lower() in ("elle", "esse")
        return joining and _kind(pieces, after) != "L"
    return kind == "S" and word.lower() in ("at", "dot", "punto", "ponto", "punkt", "point")


def _enough(spelled: str, kinds: str) -> bool:
    """Whether the pieces read as one typed value: three at least, a letter and a digit or a
    symbol; six keys or more, or joined by "then" or a case word; letters alone, eight."""
    if 0 < kinds.count("V") < 2:
        return False  # one word between commas is a word that leads in: "mobile, oh seven ..."
    letters = kinds.count("L")
    digits = sum(ch.isdigit() for ch in spelled)
    if 2 * kinds.count("N") > len(kinds):
        return False  # groups of figures and hex pairs written, not said: "7A 3F 91 C2 ..."
    symbols = kinds.count("S")
    if not any(ch.isalpha() for ch in spelled):
        return False
    if digits + symbols == 0:  # (six with their case said: "klein f, groß D wie Dora, ...")
        return letters >= (6 if "C" in kinds else 8) and set(kinds) <= {"L", "J", "C"}
    keys = len(kinds.replace("J", "").replace("C", ""))
    # two words between commas hold many keys each: "Orchard, dash, Lantern, 58" (session 23)
    words_apart = kinds.count("V") >= 2 and keys >= 4
    return keys >= 5 or "J" in kinds or "C" in kinds or words_apart


# The bridge between two parts of one value: "first bit is ... Second bit is ...", "Começa por
# ... Acaba em ...", "la primera parte es ... y la segunda parte ... es ...", "then the rest is"
_PARTS_BRIDGE = re.compile(
    r"(?i)^[\s,.;:]*(?:[^\n]{0,40}?\b(?:second|rest|last|then|ends?\s+(?:with|in)|acaba|termina"
    r"|eindigt|endet|finit|finisce|segunda|segundo|seconda|secondo|zweite|tweede|deuxième"
    r"|seconde|suite|resto|rest)\b[^\n]{0,40}?)[\s,:]*$"
)
_PARTS_REACH = 70
# A secret's word in a Dutch or German compound ("beheerwachtwoord", "Adminkennwort"), or the
# Temporary Access Pass's own name
_COMPOUND_SECRET_WORD = guarded(
    r"(?i)(?:wachtwoord|passwort|kennwort|schlüssel|sleutel|pincode|herstelcode"
    r"|wiederherstellungscode|backupcode|notfallcode)(?:s|en)?\b"  # (codes: session 24)
    r"|\baccess\s+pass\b"
)
_SECRET_AFTER = re.compile(r"(?i)^[\s,]{0,3}as\s+(?:the|her|his|their)\s+(?:new|temp|temporary)\b")
_ADDRESS = re.compile(r"@[A-Za-z0-9-]+\.[A-Za-z]")
_REACH = 200
_LONG_REACH = 500


def spoken_key_secret_hits(text: str) -> list[Hit]:
    """Values read key by key in words that a secret's word names before them (or "as the
    temporary" right after), no identifier's word between; a value said in two parts is
    read as one."""
    runs = spoken_key_runs(text, words=True)
    hits: list[Hit] = []
    index = 0
    while index < len(runs):
        chain = [runs[index]]
        while index + 1 < len(runs) and _parts(text, chain[-1][1], runs[index + 1][0]):
            index += 1
            chain.append(runs[index])
        index += 1
        spelled = "".join(said for _, _, said in chain)
        if not _typed_value(spelled) or _tail_said(text, chain[0][0], spelled):
            continue
        start = chain[0][0]
        if _named_secret(text, start, spelled) or _SECRET_AFTER.match(text, chain[-1][1]):
            hits.extend((run_start, run_end, "password") for run_start, run_end, _ in chain)
        else:  # each part on its own: a run with both cases said (not an ID read before it),
            # no identifier's word before it in its sentence ("New SSID, spelled: capital B, ...")
            hits.extend(
                (run[0], run[1], "password")
                for run in chain
                if _typed_value(run[2])
                and _both_cases_said(text, [run])
                and not _identifier_before(text, run[0])
            )
    return hits


def _identifier_before(text: str, start: int) -> bool:
    """Whether an identifier's word (an SSID, a serial, a user name) stands in the sentence
    before the run, within 80 characters."""
    lo = max(0, start - 80)
    stop = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    return IDENTIFIER_WORD.search(text, max(lo, stop + 1), start) is not None


def _both_cases_said(text: str, chain: list[tuple[int, int, str]]) -> bool:
    """Whether the value's keys are said with both cases, "capital hotel, small kilo, ...": only
    a password or a key is read out so (session 24, blind143 read)."""
    said = {
        _CASES[word][1]
        for run_start, run_end, _ in chain
        for word in text[run_start:run_end].lower().replace(",", " ").split()
        if word in _CASES
    }
    return len(said) == 2


# A key's end said, its dash first: "une ancienne clé dont on ne voyait que la fin, tiret sept
# K neuf quatre X", "só se via o fim, traço Q oito ..." (session 24, blind145 read)
_END_SHOWN_BEFORE = guarded(
    r"(?i)\b(?:fin|fim|end|ende|einde|final|fine|tail|last|letzten?|últimos?|derniers?|ultimi"
    r"|laatste)\b[^.\n]{0,40}$"
)


def _tail_said(text: str, start: int, spelled: str) -> bool:
    """Whether the value is the end of a key said after the words that say so."""
    return spelled.startswith("-") and bool(
        _END_SHOWN_BEFORE.search(text, max(0, start - 60), start)
    )


def _parts(text: str, end: int, start: int) -> bool:
    return start - end <= _PARTS_REACH and _PARTS_BRIDGE.match(text[end:start]) is not None


_UK_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}")


def _typed_value(spelled: str) -> bool:
    """Six keys at least, a letter and a digit or a symbol, or letters alone: eight (an app
    password), or six in both cases ("klein m, groß T wie Theodor, ..."; session 24)."""
    if len(spelled) < 6 or _ADDRESS.search(spelled):
        return False
    letters = sum(ch.isalpha() for ch in spelled)
    if letters and spelled.lower().count("x") == letters:
        return False  # a mask read out: "X X X X X dash X X X X X" (session 27, blind177 read)
    if _UK_POSTCODE.fullmatch(spelled) or "C3NzaC1" in spelled or "AAAAB3Nza" in spelled:
        # a postcode spelled: "P A three, four T Z" (session 27, blind181 read); an SSH public
        # key's opening: "A A C three N z a C one l Z D I ..." (blind185 read)
        return False
    cased = spelled.lower() != spelled != spelled.upper()
    return letters > 0 and (letters < len(spelled) or len(spelled) >= 8 or cased)


def _named_secret(text: str, start: int, spelled: str) -> bool:
    """Whether a secret's word stands before the value, with no identifier's word nearer; a
    value of capitals, small letters and digits reaches further back (a password read out)."""
    mixed = (
        len(spelled) >= 8
        and any(ch.isupper() for ch in spelled)
        and any(ch.islower() for ch in spelled)
        and any(ch.isdigit() for ch in spelled)
    )
    reach = _LONG_REACH if mixed else _REACH
    # "tax code", "sort code": an identifier's word that ends with a secret's counts as nearer
    return secret_named_nearer(text, max(0, start - reach), start, also=_COMPOUND_SECRET_WORD)
