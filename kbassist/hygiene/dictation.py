"""Values dictated to a phone, in the seven languages (session 18).

Speech-to-text writes what a technician reads out one key at a time: "temp password i gave
her was Lantern 6 4 8 2 exclamation mark", "la chiave nuova è Quercia 9 1 4 punto esclamativo
Lago", "PUK 4 8 8 1 2 0 3 7", "sort code 2 0 dash 4 5 dash 7 7", "o email pessoal é sonia ponto
carvalho 77 arroba gmail ponto com". No rule reads a value with spaces between its keys. This
module finds such runs and says what they spell ("Lantern6482!", "20-45-77",
"sonia.carvalho77@gmail.com"); :mod:`kbassist.hygiene.spoken_digits` rewrites them in the text
and runs the rules over it, as it does for digits said in words.

A run: keys (single digits, single letters, short chunks such as "h7" or "kB7") and spoken
symbols, parted by single spaces, with words where a password joins them: the word right
before the first key (read with and without it), a word between keys, a capitalised word
right after a symbol or the last digit; never a word that labels or joins values ("PUK",
"and"). Two digits and two keys at least (four digits when the run holds nothing else); a
comma or a full stop ends it. Letters spelled with their case said ("capital R ... lower case
i v e r") are read by :func:`spelled_case_runs`.
"""

from __future__ import annotations

import re
import unicodedata

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.spelled_letters import (
    DIGIT_OF,
    DIGIT_WORDS,
    GERMAN_WORDS,
    NATO_WORDS,
    SECRET_REACH,
    SECRET_WORD,
)

_SYMBOLS = {
    "!": "exclamation mark|exclamation point|punto esclamativo|ausrufezeichen|uitroepteken"
    "|point d'exclamation|signo de exclamación|exclamación|ponto de exclamação",
    "#": "hash|hashtag|pound sign|cancelletto|raute|hekje|dièse|almohadilla|cardinal",
    "*": "asterisk|asterisco|sternchen|sterretje|astérisque",
    "@": "at sign|arroba|apenstaartje|chiocciola|klammeraffe|arobase",
    "_": "underscore|guion bajo|guión bajo|tiret bas|unterstrich|trattino basso|sublinhado",
    "-": "dash|hyphen|traço|guion|guión|tiret|bindestrich|strich|streepje|trattino|hífen",
    "$": "dollar sign",
    # "... Anchor 85 plus", "Mango 07 question mark" (session 29, blind209 read)
    "+": "plus sign|plus|pluszeichen|signo más|signe plus|segno più|sinal de mais",
    "?": "question mark|fragezeichen|punto interrogativo|vraagteken|point d'interrogation"
    "|signo de interrogación|ponto de interrogação",
    # "the new one is velvet 757 equals" (session 30, blind227 read)
    "=": "equals sign|equal sign|equals|gleichheitszeichen|signo igual|signe égal|segno uguale"
    "|isgelijkteken|sinal de igual",
}
_SYMBOL_OF = {
    phrase: symbol for symbol, phrases in _SYMBOLS.items() for phrase in phrases.split("|")
}
_PHRASES = "|".join(sorted((re.escape(p) for p in _SYMBOL_OF), key=len, reverse=True))
_TOKEN = guarded(rf"(?i)(?<!\S)(?P<sym>{_PHRASES})(?=[\s,.;:]|$)|(?P<tok>\S+)")
_KEY = re.compile(r"[0-9]|[A-Za-z]|(?=[A-Za-z]{0,2}\d)[A-Za-z0-9]{2,3}")
_WORD = re.compile(r"[^\W\d_]{2,15}")
_CLAUSE_END = ",.;:"
# Words that label a value or join two, never a piece of one: "PUK 4 8 8 1 ...", "sort code 2
# 0 dash ...", "ones are 4 1 8 2 7 7", "9 0 3 6 1 5 and 2 2 8 4 9 0"
_NOT_A_PIECE = frozenset(
    """and und et en y e o or oder ou of to a the la le de bis tot até à is are was were es est
    ist è é account number numero número nummer numéro password passcode passwort kennwort
    contraseña senha wachtwoord voucher vouchers codes code código codice sleutel clave chave
    chiave mobile phone telefono teléfono telefone telefoon handy portable cellulare celular
    backup recovery digits ending extension ticket order serial model version build room
    floor pin puk ni bsn nif dni nie sort key keys""".split()
)
# Two short keys with a digit, a word or two apart at most: every run holds them (a cheap gate)
_SPACED_DIGITS = re.compile(r"(?<!\S)[A-Za-z]{0,2}\d(?: \S{1,6}){0,2} [A-Za-z]{0,2}\d(?!\S)")
# or a short key of digits, then a symbol said: "Anchor 85 plus", "Mango 07 question mark"
# (session 29, blind209 read)
_DIGITS_THEN_SYMBOL = guarded(rf"(?i)(?<!\S)[A-Za-z]{{0,2}}\d{{1,3}} (?:{_PHRASES})(?=[\s,.;:]|$)")

_DOT = r"(?:ponto|punto|punt|dot|point|punkt)"
_DIGIT_WORD = "(?:" + "|".join(sorted(" ".join(DIGIT_WORDS.values()).split(), key=len)[::-1]) + ")"
# ("ät": "at" as a German speaker says it and a phone writes it; session 28, blind193 read)
_AT = r"(?:arroba|apenstaartje|chiocciola|klammeraffe|arobase|at\s+sign|at|ät)"
# "sonia ponto carvalho 77 arroba gmail ponto com", "kieran j walsh at gmail dot com"
_SAID_ADDRESS = re.compile(
    rf"(?i)(?<![\w.@])(?P<local>[a-z0-9]+(?:[ ](?:{_DOT}[ ])?[a-z0-9]+){{0,3}}"
    # spelled a letter at a time: "m, e, g, dot, h, o, l, l, i, n, s at yahoo dot co dot uk",
    # its digits in words too ("..., s, o, zero seven at hotmail"; session 23)
    rf"|[a-z0-9](?:,[ ][a-z0-9]{{1,12}}(?:[ ][a-z0-9]{{1,6}})?){{3,40}}"
    # or with spaces alone: "b r a d y dot k e l s o zero seven at hotmail" (session 23)
    # (a comma before "at" too: "..., l, i, s, at icloud dot com"; session 26, blind165 read)
    rf"|[a-z0-9](?:[ ](?:[a-z0-9]|{_DOT}|{_DIGIT_WORD})){{4,40}}),?[ ]{_AT}[ ]"
    # (a provider said in two words: "at BT internet dot com"; session 28, blind197 read)
    rf"(?P<domain>[a-z0-9-]{{2,30}}(?:[ ](?:internet|online|mail))?"
    rf"(?:[ ]{_DOT}[ ][a-z]{{2,6}}){{1,2}})(?![\w])(?!\.\w)"
)
_SAID_DOT = re.compile(rf"(?i)[ ]{_DOT}[ ]")
# a local part said one key at a time: single letters and digits, "dot" and digits' words
_SPELLED_LOCAL = re.compile(rf"(?i)[a-z0-9](?: (?:[a-z0-9]|{_DOT}|{_DIGIT_WORD}))*")
_NOT_AN_ADDRESS = frozenset(
    "email e-mail mail is was es é est ist è i we me my his her am are address personal "
    "pessoal personal privé privat persoonlijk personale correo dele dela seu sua su son sa "
    "sein ihr zijn haar suo"
    # the word for an address in the other languages: "al suo indirizzo personale luca punto
    # badger chiocciola libero punto it" (session 32, blind272 read)
    " indirizzo adresse adres endereço dirección direccion".split()
)


def dictated_runs(text: str, first_words: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, what it spells) for each dictated value in the text. ``first_words=False``
    leaves out the word before the first key ("me lo dictó 9 8 0 2 ..."), which the caller
    reads as a second version of the text."""
    found = address_runs(text)
    if _SPACED_DIGITS.search(text) or _DIGITS_THEN_SYMBOL.search(text):
        found += [
            run
            for run in _key_runs(text, first_words)
            if not any(run[0] < end and start < run[1] for start, end, _ in found)
        ]
    return found


def address_runs(text: str) -> list[tuple[int, int, str]]:
    if (
        " at " not in text
        and " ät " not in text
        and "rob" not in text
        and "staart" not in text
        and "chiocc" not in text
    ):
        return []
    if not _SAID_DOT.search(text):
        return []  # every address said holds a dot said: "at gmail dot com"
    runs = []
    for match in _SAID_ADDRESS.finditer(text):
        if ", " in match.group("local") or _SPELLED_LOCAL.fullmatch(match.group("local")):
            local = "".join(
                _SPELLED_SYMBOLS.get(piece, DIGIT_OF.get(piece, piece))
                for piece in re.split(r",? ", match["local"].lower())
            )
            domain = _SAID_DOT.sub(".", match.group("domain")).replace(" ", "")
            runs.append((match.start(), match.end(), f"{local}@{domain}"))
            continue
        words = match.group("local").split(" ")
        while words and words[0].lower() in _NOT_AN_ADDRESS:
            words.pop(0)  # "personal email kieran j walsh at gmail dot com"
        if not words or any(word.lower() in _NOT_AN_ADDRESS for word in words):
            continue
        start = match.start("local") + len(match.group("local")) - len(" ".join(words))
        local = _SAID_DOT.sub(".", " ".join(words)).replace(" ", "")
        domain = _SAID_DOT.sub(".", match.group("domain")).replace(" ", "")
        runs.append((start, match.end(), f"{local}@{domain}"))
    return runs


def _kind(token: re.Match[str]) -> tuple[str, str]:
    """The token's kind (S a symbol, D a digit, K a key, W a word, O other) and its text."""
    if token.group("sym"):
        return "S", _SYMBOL_OF[token.group("sym").lower()]
    raw = token.group("tok").rstrip(_CLAUSE_END)
    if raw.isdigit() and len(raw) == 1:
        return "D", raw
    if _KEY.fullmatch(raw):
        return "K", raw
    if _WORD.fullmatch(raw):
        return "W", raw
    return "O", raw


def _key_runs(text: str, first_words: bool) -> list[tuple[int, int, str]]:
    tokens = list(_TOKEN.finditer(text))
    kinds = [_kind(token) for token in tokens]
    runs = []
    index = 0
    while index < len(tokens):
        end = _run_end(tokens, kinds, index)
        if end > index and kinds[index][0] == "W" and not first_words:
            index += 1
            continue
        if end > index:
            run_kinds = [kind for kind, _ in kinds[index : end + 1]]
            pieces = "".join(piece for _, piece in kinds[index : end + 1])
            digits = sum(ch.isdigit() for ch in pieces)
            only_digits = all(kind == "D" for kind in run_kinds)
            keys = sum(kind in ("D", "K", "S") for kind in run_kinds)
            if (only_digits and digits >= 4) or (not only_digits and digits >= 2 and keys >= 2):
                last = tokens[end]
                stop = last.start() + len(last.group(0).rstrip(_CLAUSE_END))
                said = "".join(piece for _, piece in kinds[index : end + 1])
                runs.append((tokens[index].start(), stop, said))
                index = end + 1
                continue
        index += 1
    return runs


def _joined(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the token at index is followed by the next one after a single space, with no
    clause's end between."""
    token = tokens[index]
    if token.group(0)[-1] in _CLAUSE_END and token.group("tok"):
        return False
    return index + 1 < len(tokens) and tokens[index + 1].start() == token.end() + 1


def _run_end(tokens: list[re.Match[str]], kinds: list[tuple[str, str]], start: int) -> int:
    """The index of the last token of the run that starts at ``start`` (``start`` when none)."""
    keys = ("D", "K", "S")
    first, first_text = kinds[start]
    if first not in ("D", "K", "W") or not _joined(tokens, start):
        return start
    if first == "W" and not _piece_word(first_text, first=True):
        return start
    if first == "K" and first_text.lower() in _NOT_A_PIECE:
        return start
    if kinds[start + 1][0] not in keys:
        return start
    end = start
    while _joined(tokens, end):
        following, previous = kinds[end + 1][0], kinds[end][0]
        if following in keys and kinds[end + 1][1] not in _NOT_A_PIECE:
            end += 1
            continue
        word = kinds[end + 1][1]
        between = (
            end + 2 < len(tokens)
            and kinds[end + 2][0] in keys
            and kinds[end + 2][1] not in _NOT_A_PIECE
        )
        if (
            following == "W"
            and _piece_word(word, first=False)
            and (
                (between and _joined(tokens, end + 1))
                or (previous in ("S", "D") and word[:1].isupper())
            )
        ):
            end += 1
            continue
        break
    return end


def _piece_word(word: str, first: bool) -> bool:
    """Whether a word can be a piece of a dictated password: not a label or a joining word;
    the first, capitalised (not an acronym) or five letters long at least."""
    if word.lower() in _NOT_A_PIECE:
        return False
    if not first:
        return True
    return (word[:1].isupper() and not word.isupper()) or (word.islower() and len(word) >= 5)


# --- values spelled letter by letter, with their case said (session 18; blind117's writers) ---
# "capital R as in Romeo lower case i v e r seven seven hash capital M u d four two exclamation
# mark", "K majuscule a r m a arobase cinq neuf trois P majuscule", "großes P f e r d
# Ausrufezeichen acht acht", "x-ray lowercase, mike lowercase, November capital"
_CASE_BEFORE = {
    **dict.fromkeys(
        "capital upper uppercase großes großer große groß hoofdletter grote big".split(), "up"
    ),  # ("small s, big M, dollar sign": session 27, blind181 read)
    **dict.fromkeys("lower lowercase small kleines kleiner kleine klein".split(), "low"),
}
# Words that only finish a case word: "lower case i", "kleine letter q" (session 19)
_CASE_TAILS = {"lower": "case", "upper": "case", "kleine": "letter", "grote": "letter"}
_CASE_AFTER = {
    **dict.fromkeys(
        "maiúsculo maiúscula majuscule maiuscola maiuscolo mayúscula mayúsculo".split(), "up"
    ),
    **dict.fromkeys("minúsculo minúscula minuscule minuscola minuscolo".split(), "low"),
}
_LETTER_NAMES = {
    **{word: word[0] for word in NATO_WORDS},
    **{word: letter.lower() for word, letter in GERMAN_WORDS.items()},
    **dict(
        pair.split(":")
        for pair in "jota:j ka:k efe:f equis:x erre:r ene:n eme:m ele:l zeta:z hache:h uve:v "
        "ese:s ge:g cu:q effe:f elle:l emme:m enne:n esse:s acca:h kappa:k ics:x ipsilon:y "
        "agá:h xis:x".split()
    ),
}
# Letters' names that are words too ("de", "te", "pe"): a letter only beside its case word,
# "te mayúscula", "cê maiúsculo", "be minúscula" (session 19, blind121)
_CASED_NAMES = dict(
    pair.split(":")
    for pair in "be:b bê:b ce:c cê:c de:d dê:d te:t tê:t pe:p pê:p ve:v vê:v gê:g quê:q sê:s "
    "zê:z gi:g di:d ti:t pi:p bi:b ci:c vu:v".split()
)
# Symbols said while spelling, beside the ones of key runs ("caret", "open bracket", "plus
# sign", "signo de dólar", "til", "ponto final": session 19, blind121)
_SPELLED_SYMBOLS = {
    **_SYMBOL_OF,
    "ampersand": "&",
    # "kaufmännisches Und" (session 27, blind181 read)
    **dict.fromkeys("kaufmännisches und|und-zeichen|esperluette|e comercial".split("|"), "&"),
    "percent": "%",
    "at": "@",
    "dot": ".",
    **dict.fromkeys("exclamation|uitroepteken|esclamativo".split("|"), "!"),
    **dict.fromkeys("caret|circonflexe".split("|"), "^"),
    **dict.fromkeys("open bracket|open paren|open parenthesis".split("|"), "("),
    **dict.fromkeys("close bracket|close paren|close parenthesis".split("|"), ")"),
    **dict.fromkeys("plus sign|plus".split("|"), "+"),
    **dict.fromkeys("dollar|dollarteken|dollarzeichen|signo de dólar|cifrão".split("|"), "$"),
    **dict.fromkeys("percento|por cento|por ciento|procent|prozent".split("|"), "%"),
    **dict.fromkeys("til|tilde".split("|"), "~"),
    **dict.fromkeys("ponto final|point final".split("|"), "."),
    # (session 26, blind169 read: "étoile, sept, S Suzanne majuscule, ...")
    **dict.fromkeys("étoile|astérisque|asterisco|sternchen|sterretje".split("|"), "*"),
}
_SPELLED_PHRASES = "|".join(
    sorted((re.escape(phrase) for phrase in _SPELLED_SYMBOLS if " " in phrase), key=len)[::-1]
)
_SPELLED_TOKEN = re.compile(rf"(?i)(?:{_SPELLED_PHRASES})(?=[\s,.;:]|$)|[^\s,]+")


def _spelled_piece(
    word: str, previous: str, following: str, in_run: bool
) -> tuple[str, str] | None:
    """(kind, text) of one spelled word: L a letter, D a digit, S a symbol, C a case word."""
    low = word.lower()
    if low in _CASE_BEFORE or low in _CASE_AFTER:
        return "C", low
    if _CASE_TAILS.get(previous) == low:
        return "C", ""  # "lower case i"
    if len(word) == 1 and word.isalpha():
        return "L", word
    if low in _LETTER_NAMES and (
        in_run or previous in _CASE_BEFORE or following.lower() in _CASE_AFTER
    ):
        return "L", _LETTER_NAMES[low]
    if low in _CASED_NAMES and (previous in _CASE_BEFORE or following.lower() in _CASE_AFTER):
        return "L", _CASED_NAMES[low]
    if low in NATO_WORDS:
        return "L", low[0]
    if word.isdigit() and len(word) == 1 or low in DIGIT_OF:
        return "D", DIGIT_OF.get(low, word)
    if low in _SPELLED_SYMBOLS:
        return "S", _SPELLED_SYMBOLS[low]
    return None


_CASE_HINTS = (
    "capital",
    "lower",
    "upper",
    "maiúsc",
    "majusc",
    "maiusc",
    "mayúsc",
    "großes",
    "kleine",
    "minúsc",
    "minusc",
    "hoofdletter",
)
# Keys read one by one with a comma after each, no case said: "k, d, r, q, four, e, three"
_COMMA_KEYS = re.compile(r"(?<!\S)[A-Za-z0-9], \S{1,9}, \S{1,9}, ")


def spelled_case_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the value spelled) for each run of letters spelled with their case, or
    of six keys or more with two letters and two digits, a comma after each (session 19)."""
    lowered = text.lower()
    if not any(word in lowered for word in _CASE_HINTS) and not _COMMA_KEYS.search(text):
        return []
    tokens = list(_SPELLED_TOKEN.finditer(text))
    words = [token.group(0).rstrip(".;:") for token in tokens]
    runs = []
    index = 0
    while index < len(tokens):
        pieces: list[tuple[str, str]] = []
        end = index
        while end < len(tokens):
            if words[end].lower() == "as" and end + 2 < len(tokens) and words[end + 1] == "in":
                end += 3  # "R as in Romeo"
                continue
            previous = words[end - 1].lower() if end else ""
            following = words[end + 1] if end + 1 < len(tokens) else ""
            if pieces and (skip := _spoken_between(words[end], following, pieces)):
                end += skip
                continue
            piece = _spelled_piece(words[end], previous, following, bool(pieces))
            if piece is None:
                break
            pieces.append(piece)
            end += 1
        letters = sum(kind == "L" for kind, _ in pieces)
        cases = sum(kind == "C" for kind, _ in pieces)
        if letters >= 2 and (
            (cases >= 1 and len(pieces) >= 5) or _comma_keys(text, tokens, index, end, pieces)
        ):
            last = tokens[end - 1].start() + len(words[end - 1])  # not the full stop after it
            runs.append((tokens[index].start(), last, _spell(pieces)))
            index = end
        else:
            index += 1
    return runs


# Words said between the keys of a spelled value: a letter's word after "come", "comme",
# "wie", "como" ("Q maiuscola come Quarto", "g minuscule comme Gaston"), "number" before a digit
# ("small echo, number one"), "all" before a case word and "then" before a key ("o e r all
# lower, then capital Echo"; session 25, blind153 read)
# (and Dutch "van": "hoofdletter R van Rudolf, c van Cornelis klein"; session 26, blind165;
# "de", "di": "minúscula X de Xilófono"; session 26, blind169)
_LIKE = frozenset("come comme wie como zoals like van de di".split())
_NUMBER_WORDS = frozenset("number numéro nummer número numero zahl ziffer cijfer digit".split())
_THEN = frozenset("then dann puis luego depois poi dan".split())


def _spoken_between(word: str, following: str, pieces: list[tuple[str, str]]) -> int:
    """How many words to pass over inside a spelled run: 2 for a letter's word after "come"
    (the letter just said, alone or with its case word, and the word starting with it), 1 for
    "number" before a digit, "all" before a case word or "then" before a key, 0 otherwise."""
    low, next_low = word.lower(), following.lower()
    if low in _LIKE:
        letters = [text for kind, text in pieces[-2:] if kind == "L"]
        return 2 if letters and next_low[:1] == letters[-1].lower() else 0
    if (
        pieces[-1][0] == "L"
        and len(word) >= 3
        and word[:1].isupper()
        and word[1:].islower()
        and _initial(word) == _initial(pieces[-1][1])
    ):
        return 1  # the letter's word after it: "S Suzanne majuscule", "X Xilófono minúscula"
    if low in _NUMBER_WORDS:
        return 1 if next_low in DIGIT_OF or (len(following) == 1 and following.isdigit()) else 0
    if low == "all" and next_low in _CASE_BEFORE:
        return 1
    if low in _THEN:
        return 1 if _spelled_piece(following, low, "", True) is not None else 0
    return 0


def _initial(word: str) -> str:
    """A word's first letter in capitals, without its accent ("É" is "E")."""
    return unicodedata.normalize("NFD", word[:1])[:1].upper()


def _comma_keys(
    text: str, tokens: list[re.Match[str]], start: int, end: int, pieces: list[tuple[str, str]]
) -> bool:
    """Whether a run without a case word is keys read one by one: six at least, two of them
    digits, a comma between most."""
    if len(pieces) < 6 or sum(kind == "D" for kind, _ in pieces) < 2:
        return False
    commas = text.count(",", tokens[start].start(), tokens[end - 1].end())
    return 2 * commas >= len(pieces) - 1


def _spell(pieces: list[tuple[str, str]]) -> str:
    """The value the pieces spell, each case word applied to its letter."""
    out: list[str] = []
    pending = ""
    # "x-ray lowercase, mike lowercase, November capital": a letter first, then its case
    after = len(pieces) > 1 and pieces[0][0] == "L" and pieces[1][0] == "C"
    for kind, text in pieces:
        if kind == "C":
            if after and text in _CASE_BEFORE and out and out[-1].isalpha():
                out[-1] = out[-1].upper() if _CASE_BEFORE[text] == "up" else out[-1].lower()
            elif text in _CASE_AFTER and out and out[-1].isalpha():
                out[-1] = out[-1].upper() if _CASE_AFTER[text] == "up" else out[-1].lower()
            elif text in _CASE_BEFORE:
                pending = _CASE_BEFORE[text]
            continue
        if kind == "L":
            letter = text.upper() if pending == "up" else text.lower() if pending else text
            out.append(letter)
        else:
            out.append(text)
        pending = ""
    return "".join(out)


# A value spelled with its case said is typed by someone who needs every key right: a
# secret's word up to 200 characters before makes it the secret, not a name or a serial
# ("the key is lowercase g nine capital R ...", "a new one with her, capital M lowercase c
# three ..."; session 19, blind117 and blind121 read). Letters with a digit or a symbol, or
# small and capital letters mixed other than as words ("BnStaff" is an SSID's words).
_WORDS_IN_CAPITALS = re.compile(r"(?:[A-Z][a-z]+)+")


# a key's fingerprint spelled: "empreinte SHA256 qui commence par q, R, ..." (blind181 read)
_FINGERPRINT_BEFORE = re.compile(
    r"(?i)\b(?:fingerprint|thumbprint|empreinte|impronta|huella|vingerafdruk|fingerabdruck"
    r"|impress[ãa]o\s+digital|sha-?(?:1|256|384|512))\b"
)


# A word said with its capital, then digits said: "the new password is kestrel with a capital K
# then eight three six", "make it anchor with a capital A then nine six two" (session 35,
# blind340 read)
_WORD_WITH_CAPITAL = re.compile(
    r"(?i)\b(?P<word>[a-z]{3,15})[ \t]+with[ \t]+a[ \t]+capital[ \t]+(?P<letter>[a-z])"
    r"(?:,?[ \t]+(?:then|followed[ \t]+by|and(?:[ \t]+then)?))?"
    r"(?P<digits>(?:[ \t]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b){2,8})"
)


def case_spelled_secret_hits(text: str) -> list[Hit]:
    """Values spelled with their case said that a secret's word names before them; a word said
    with its capital and digits after it."""
    hits: list[Hit] = []
    for match in _WORD_WITH_CAPITAL.finditer(text) if " capital " in text else ():
        if match.group("word")[0].lower() == match.group("letter").lower() and SECRET_WORD.search(
            text, max(0, match.start() - SECRET_REACH), match.start()
        ):
            hits.append((match.start(), match.end(), "password"))
    for start, end, spelled in spelled_case_runs(text):
        if len(spelled) < 6 or "@" in spelled or not any(ch.islower() for ch in spelled):
            continue
        if spelled.isalpha() and (spelled.islower() or _WORDS_IN_CAPITALS.fullmatch(spelled)):
            continue
        if _FINGERPRINT_BEFORE.search(text, max(0, start - 60), start):
            continue  # "empreinte SHA256 qui commence par q, R, quatre, ..." (session 27)
        if SECRET_WORD.search(text, max(0, start - SECRET_REACH), start):
            hits.append((start, end, "password"))
    return hits
