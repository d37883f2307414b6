"""Values read out in a spelling alphabet: "read it to her over the phone: Kilo Seven Delta Two
Zulu Nine", "the new one ... which is bravo echo alpha charlie hotel 2 0 2 4 exclamation",
"den neuen Schlüssel buchstabiert: Martha, Zacharias, vier, Paula, ...".

A run of four or more spelling words (NATO or German letters, digit words in the seven
languages, single digits, a few spoken symbols, case words such as "kleine") with at least
two letter words is what it spells: ``K7D2Z9``, ``BEACH2024!``.
:mod:`kbassist.hygiene.spoken_digits` puts the spelled value in the text's place and runs the
rules over it, as it does for digits said in words; and a spelled value of letters and digits
that a secret's word names just before is a secret itself (session 16; blind82's two such
notes, read in session 15, and blind92's, read after its first scoring).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.hint_index import trie_pattern
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

# The digits said in words, in the seven languages (read by spoken_digits too)
DIGIT_WORDS = {
    "0": "zero oh null cero zéro nul",
    "1": "one eins uno une un één een um uma",
    "2": "two zwei zwo dos deux twee dois duas due",
    "3": "three drei tres trois drie três tre",
    "4": "four vier cuatro quatre quatro quattro",
    "5": "five fünf cinco cinq vijf cinque",
    "6": "six sechs seis zes meia sei",
    "7": "seven sieben siete sept zeven sete sette",
    "8": "eight acht ocho huit oito otto",
    "9": "nine neun nueve neuf negen nove",
}
# each digit word and the digit it says (read by the spoken readers)
DIGIT_OF = {word: digit for digit, words in DIGIT_WORDS.items() for word in words.split()}
# NATO's spelling alphabet, and the German one (DIN 5009): "Martha, Zacharias, vier, Paula,
# ..." (session 16)
NATO_WORDS = tuple(
    """alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima
    mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray x-ray
    yankee zulu""".split()
)  # (laid_out's spelled-password rule reads the same words)
_NATO = {word: word[0].upper() for word in NATO_WORDS}
GERMAN_WORDS = {
    word: word[0].upper()
    for word in """anton berta cäsar dora emil friedrich gustav heinrich ida julius kaufmann
    ludwig martha nordpol paula quelle richard samuel siegfried theodor ulrich viktor wilhelm
    xanthippe ypsilon zacharias zeppelin""".split()
}
_LETTER_WORDS = {**_NATO, **GERMAN_WORDS}
_SPOKEN = {
    **DIGIT_OF,
    "niner": "9",
    "exclamation": "!",
    "hash": "#",
    "hashtag": "#",
    "hekje": "#",
    "raute": "#",
    "dash": "-",
    "hyphen": "-",
    "underscore": "_",
    "unterstrich": "_",
    "dot": ".",
    "punkt": ".",
    # a letter's case said before it: "kleine alfa", "capital Romeo" (read, not written)
    **dict.fromkeys(
        "kleine klein small lower lowercase capital upper uppercase hoofdletter grote".split(), ""
    ),
}
_WORDS = sorted({*_LETTER_WORDS, *_SPOKEN}, key=len, reverse=True)
_PIECE_WORD = rf"(?:(?:{trie_pattern(_WORDS)})(?![\w-])|\d(?!\w))"
_RUN = re.compile(rf"(?i)(?<![\w-]){_PIECE_WORD}(?:[ \t]*,?[ \t]+{_PIECE_WORD}){{3,}}")
_PIECE = guarded(rf"(?i){_PIECE_WORD}")
_ANY_LETTER_WORD = re.compile(trie_pattern(sorted(_LETTER_WORDS, key=len, reverse=True)))


def spelled_runs(text: str, lowered: str) -> list[tuple[int, int, str]]:
    """(start, end, the value spelled) for each run with two spelling-alphabet letters or more."""
    if not _ANY_LETTER_WORD.search(lowered):
        return []
    runs = []
    for match in _RUN.finditer(text):
        pieces = [piece.group(0).lower() for piece in _PIECE.finditer(match.group(0))]
        if sum(piece in _LETTER_WORDS for piece in pieces) < 2:
            continue
        spelled = "".join(
            _LETTER_WORDS[piece] if piece in _LETTER_WORDS else _SPOKEN.get(piece, piece)
            for piece in pieces
        )  # a case word ("kleine") spells nothing
        runs.append((match.start(), match.end(), spelled))
    return runs


# A secret's word before a spelled value: read out letter by letter, it is the key itself
# ("credential", "palavra-passe", "psk": session 19, blind117 and blind121 read)
SECRET_WORD = re.compile(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|senha|mot\s+de\s+passe|key"
    r"|schlüssel|sleutel|clave|chave|chiave|clé|code|pin|voucher|passphrase|wifi|wi-fi|wlan"
    r"|credential|credenziale|palavra-passe|psk|passcode|mdp"
    # shorthand: "her old pw into the ticket, p lower case, 5, ...", "New temp for Rhys, capital
    # Z, m, ..." (session 26, blind165 read)
    r"|pw|pwd|pass|temp"
    # or a temporary one, the password unnamed: "set a temporary one: capital P, capital H, ..."
    # (session 28, blind189 read)
    r"|temporary|tijdelijke|provisoire|temporal|tempor[áa]ria|provvisoria|vorläufige"
    # a code's word in the other languages: "O código da gerente ficou sete mil ..." (blind169)
    r"|c[óo]digo|codice)(?:s|es|i)?\b"
)
SECRET_REACH = 200
# Words that name an identifier, nearer the value than a secret's word: "Switch serial, for
# the asset sheet, is S G, ...", "the laptop is H D C L zero nine"
IDENTIFIER_WORD = guarded(
    r"(?i)\b(?:serial|s/n|asset|tag|host\s?name|server|laptop|machine|device|model|ticket"
    r"|reference|ref|order|extension|user\s?name|login\s+name|e-?mail|address|postcode"
    r"|ssid|network\s+name|inventar\w*|inventory|path|folder|share|tax\s+code|error\s+code"
    r"|zip\s+code|post\s+code|area\s+code|country\s+code"  # (session 24)
    r"|code\s+(?:d')?erreur|c[óo]digo\s+de\s+erro[r]?|codice\s+(?:di\s+)?errore|fehlercode|foutcode"
    r"|sort\s+code|product\s+code|\w*nummer|number|número|numero|numéro|matricola|seriale|id"
    r"|codice\s+fiscale|national\s+insurance|dni|nif|iban|thumbprint|fingerprint|hash"
    # a switch's port read out: "Switch port G E one slash zero slash fourteen" (session 23)
    r"|port|interface|vlan|pinout"
    # a MAC address read in pairs: "MAC-adres zes twee, een b, ..." (session 26, blind173 read)
    r"|mac|mac-adres|mac-adresse|mac\s+address|adresse\s+mac|direcci[óo]n\s+mac"
    # a hardware key: "Dongle ID on the USB key is K R A nine ..." (session 25, blind157 read)
    r"|dongle|usb[\s-]key|usb-stick|cl[ée]\s+usb|llave\s+usb|chiavetta\s+usb|pen\s+drive"
    # an error read out, a fingerprint, a customer's code: "Error was C A A five zero ...",
    # "empreinte SHA256 qui commence par q, R, ...", "Il codice cliente è V D ..." (session 27,
    # blind181 read)
    r"|error|erro|errore|erreur|fehler|fout|empreinte|impronta|huella|vingerafdruk"
    r"|fingerabdruck|impress[ãa]o\s+digital|sha-?(?:1|256|384|512)"
    r"|codice\s+cliente|c[óo]digo\s+(?:de\s+)?cliente|code\s+client|customer\s+code"
    r"|client\s+code|klantcode|kundencode)\b"
)


def spelled_secret_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A value of letters and digits spelled out, a secret's word up to 200 characters before:
    "den neuen Schlüssel buchstabiert, alles Großbuchstaben: Martha, Zacharias, vier, ..."."""
    for start, end, spelled in spelled_runs(text, lowered):
        letters = sum(ch.isalpha() for ch in spelled)
        if len(spelled) >= 6 and letters and letters < len(spelled):
            if secret_named_nearer(text, max(0, start - SECRET_REACH), start):
                yield start, end, "password"


# where the value came from, not what it is: "with the licence key from the vendor email,
# reading it off to myself, Romeo Papa Kilo five, ..." (session 21)
_SOURCE_BEFORE = re.compile(r"(?i)\bfrom\s+(?:the\s+|an?\s+|his\s+|her\s+)?(?:\w+\s+)?$")


def secret_named_nearer(
    text: str, lo: int, start: int, also: re.Pattern[str] | None = None
) -> bool:
    """Whether a secret's word (or a match of ``also``) stands in text[lo:start] with no
    identifier's word after it (a serial, an asset tag, a hostname spelled), an identifier
    named as a source aside ("from the vendor email")."""
    words = (SECRET_WORD,) if also is None else (SECRET_WORD, also)
    last = max(
        (m.end() for pattern in words for m in pattern.finditer(text, lo, start)), default=-1
    )
    named = max(
        (
            m.end()
            for m in IDENTIFIER_WORD.finditer(text, lo, start)
            if not _SOURCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ),
        default=-1,
    )
    return last >= 0 and named < last
