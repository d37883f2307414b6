"""Home addresses typed all in lower case, as a note thumbed on a phone has them (session 33,
blind287 read): "27 fenwick close, stockport sk4 3rd", "flat 3, 18 carrow rd, norwich nr1 1hu",
"lindenstr. 14, 50674 köln", "kerkstraat 41, 3581 rd utrecht", "c/ san vicente 45 3b, 46002
valencia", "rua das flores 112 2 esq, 4050-262 porto".

The capitalised readings in :mod:`kbassist.hygiene.addresses` lean on capitals to tell a street
from a sentence. Here every shape ends in its postcode and its town, which carry that weight
instead, and the words around it are judged as a capitalised address's are.

Or a street with no postcode right after words that name a home address: "al suo indirizzo di
casa via dei Mille 132 a Bologna" (session 33, blind272 read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.addresses import placed_at_home
from kbassist.hygiene.keyword_scan import Hit

_WORD = r"[a-zà-ÿ][a-zà-ÿ'’-]*"
_EN_TYPES = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|cl|way|court|ct|crescent|cres|place"
    r"|terrace|gardens|grove|row|square|sq|mews|rise|walk|green|parade|hill|view"
)
_TOWN = rf"{_WORD}(?:[ \t]+{_WORD})?"  # before a UK postcode: "stockport", "much wenlock"
_UK_POSTCODE = r"[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}"
_SHAPES = re.compile(
    # "flat 3, 18 carrow rd, norwich nr1 1hu"
    rf"\b(?:flat[ \t]+\d{{1,4}}[a-z]?,?[ \t]+)?\d{{1,4}}[a-z]?,?[ \t]+(?:{_WORD}[ \t]+){{1,3}}"
    rf"(?:{_EN_TYPES})\.?,?[ \t]+(?:{_TOWN},?[ \t]+)?{_UK_POSTCODE}\b"
    # "lindenstr. 14, 50674 köln", "kerkstraat 41, 3581 rd utrecht"
    rf"|\b[a-zäöüß][a-zäöüß-]{{2,}}(?:straße|strasse|str\.|weg|gasse|allee|platz|damm)[ \t]+"
    rf"\d{{1,4}}[ \t]?[a-z]?,?[ \t]+\d{{5}}[ \t]+{_WORD}\b"
    rf"|\b[a-z][a-z-]{{2,}}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg)[ \t]+"
    rf"\d{{1,4}}(?:[ \t]?[a-z]\b|-\d{{1,3}})?,?[ \t]+[1-9]\d{{3}}[ \t]?[a-z]{{2}}[ \t]+{_WORD}\b"
    # "c/ san vicente 45 3b, 46002 valencia", "rua das flores 112 2 esq, 4050-262 porto", "via
    # roma 12, 20121 milano"
    r"|\b(?:rua|calle|c/|avenida|avda\.?|av\.|paseo|travessa|largo|via|viale|piazza|corso"
    r"|carrer|strada)[ \t]+"
    rf"(?:{_WORD}[ \t]+){{0,4}}?\d{{1,4}}[a-z]?(?:[ \t]+[\dºª°a-z.]{{1,6}}){{0,2}},[ \t]*"
    rf"\d{{4,5}}(?:-\d{{3}})?[ \t]+{_WORD}\b"
    # "12 rue des lilas, 69003 lyon"
    r"|\b\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|boulevard|bd|chemin|allée|impasse"
    rf"|place|quai)[ \t]+(?:{_WORD}[ \t]+){{0,4}}?{_WORD},?[ \t]+\d{{5}}[ \t]+{_WORD}\b"
)
_PIECES = re.compile(r"\b[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}\b|,[ \t]*\d{4,5}(?:-\d{3})?[ \t]")


def lower_case_address_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A home address in lower case that ends in its postcode and town."""
    if not _PIECES.search(text):
        return
    for match in _SHAPES.finditer(text):
        if any(ch.isupper() for ch in match.group(0)):
            continue  # capitalised addresses are read by addresses.address_hits
        if placed_at_home(text, match.start(), match.end()):
            yield match.start(), match.end(), "home_address"


_HOME_ADDRESS_NAMED = (
    r"(?i:indirizzo[ \t]+(?:di[ \t]+casa|privato|di[ \t]+residenza)"
    r"|direcci[óo]n[ \t]+(?:de[ \t]+casa|particular)|morada[ \t]+(?:de[ \t]+casa|pessoal)"
    r"|adresse[ \t]+(?:perso(?:nnelle)?|priv[ée]e)"
    r"|privatadresse|thuisadres|home[ \t]+address)[ \t]*:?[ \t]+"
)
_CUED_STREET = re.compile(
    _HOME_ADDRESS_NAMED + r"(?P<street>(?i:via|viale|piazza|corso|calle|avenida|rua|rue|avenue)"
    r"[ \t]+(?:[\w'’]+[ \t]+){1,4}?\d{1,4}[a-z]?(?:(?:[ \t]+(?:a|in|en|em)|,)[ \t]+[A-Z]\w+)?)\b"
)


def cued_street_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A street and its number, no postcode, right after words that name a home address."""
    if not any(
        word in lowered
        for word in ("indirizzo", "direcci", "morada", "adresse", "thuis", "home address")
    ):
        return
    for match in _CUED_STREET.finditer(text):
        if placed_at_home(text, match.start("street"), match.end("street")):
            yield match.start("street"), match.end("street"), "home_address"
