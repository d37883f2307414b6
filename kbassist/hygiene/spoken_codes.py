"""PINs and codes said in words a clause or a sentence after their word (session 20; blind123
and blind127 read).

A PIN, a door code or a PUK read aloud is written as the words that said it, often in pairs and
often away from its word: "Side door keypad is twenty-six ninety-one then the tick key", "Her
PIN had been reset ... New one is fifty-eight, zero seven", "Die PIN hat er mir diktiert:
vierundachtzig, zwölf, neunundsechzig, null sieben", "met deurcode achtenveertig, dertien",
"Windows Hello PIN ... He picked two zero one one nine eight". The keyword rules read a code
right after its word, and only in figures. A number said in words (four to eight digits, or ten
with a dash word between groups) whose code's word stands before it in the same sentence or the
one before, with no word that makes it a number of another kind right before it, is a secret;
a second half said in the next sentence ("Then the second half is ...") is one too.
"""

from __future__ import annotations

import re

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.number_pairs import PAIRS
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.spelled_letters import DIGIT_OF

_NUMBER_WORDS = {
    **DIGIT_OF,
    "nought": "0",
    "niner": "9",
    **PAIRS,
}
_DASH_WORDS = frozenset(
    "dash hyphen guion guión tiret traço hífen bindestrich strich streepje trattino".split()
)
_LONGEST = 3
# The words a number's piece can start with, each alone or before others
_STARTS = frozenset(
    {*_NUMBER_WORDS, *(said.split()[0] for said in _NUMBER_WORDS), *_DASH_WORDS}
    | {"double", "triple"}
)
_WORD = re.compile(r"[^\s,.;:!?()]+")
# A code's word: "PIN", "PUK", "keypad", "alarm", "code" alone or in a compound ("deurcode",
# "Türcode", "pincode"), "passcode", "voucher", "bypass", a password's word
_CODE_WORD = re.compile(
    r"(?i)\b(?:pins?|puk|keypad|key\s?safe|alarm|alarma|alarme|allarme|alarmanlage|passcode"
    # a key box in the other languages, a digital lock: "la cassetta di sicurezza per le chiavi
    # ... si apre con zero cinque, quarantadue", "digilock now 32616" (session 27)
    r"|cassett[ae]\s+(?:di\s+sicurezza|portachiavi)|caja\s+de\s+llaves|bo[îi]te\s+[àa]\s+cl[ée]s"
    r"|sleutelkluis|schlüsselkasten|schlüsseltresor|cofre\s+de\s+chaves|digi-?lock"
    r"|voucher|bono|bypass|pin-code"
    r"|\w*code|codes|code[sn]?|código|codice|clave|chave|password|passwort|kennwort"
    r"|wachtwoord|contraseña|senha|mot\s+de\s+passe)\b"
)
# Words right before the number that make it one of another kind: "extension two zero one",
# "ticket four five ...", "error code", "sort code", "postcode", "tax code", "account"
_OTHER_NUMBER = guarded(
    r"(?i)\b(?:extension|ext|durchwahl|toestel|interno|ticket|case|incident|ref|reference|order"
    r"|invoice|serial|account"
    r"|change|série|serie|seriale|room|floor|version|build|port|vlan|error|tax\s+code|sort\s+code|post\s?code|zip\s?code"
    r"|errore|erreur|erro|fehler|fout|fingerprint|thumbprint|empreinte|impress[ãa]o\s+digital"
    r"|impronta|huella|vingerafdruk|fingerabdruck"  # (see _NAMED_AFTER_CODE)
    r"|area\s+code|country\s+code|status\s+code|product\s+code|asset|tag|model|id|ip"
    r"|(?<!pin\s)(?<!puk\s)number|\w*nummer|número|numero|numéro"
    # an identity number's name: "la verifiqué con su DNI cuatro ocho ..." (session 21); a
    # firm's VAT number: "La partita IVA dell'azienda, zero uno nove ..." (session 27, blind185)
    r"|dni|nie|nif|ssn|bsn|steuer-?id|codice\s+fiscale|national\s+insurance"
    r"|partita\s+iva|p\.\s?iva|vat|ust-?id|btw|tva|cif|nipc)\b"
)
# A phone's word right before the number ("her mobile four five ..."; not "read it over the
# phone, it's ...")
_PHONE_BEFORE = guarded(
    r"(?i)\b(?:phone|mobile|telefono|teléfono|telefone|telefoon|handy|cellulare|móvil"
    r"|telemóvel|portable)\W{0,3}$"
)
# A time of day: "connected at twelve twenty", "um elf Uhr vierzig"
_TIME_BEFORE = guarded(r"(?i)\b(?:at|um|à|alle|las|om|às|until|till|by|from)\s+$")
# A code's word that names no secret: "postcode", "error code", "QR code", "sort code"
NOT_A_CODE = guarded(
    r"(?i)(?:post|zip|bar|area|error|tax|sort|status|qr|dial|product|source|html|country"
    r"|promo|discount|exit|event|fault|reason|colou?r|fout|fehler|erreur|errore|erro"
    # Dell's express service code, a vendor's tag in digits (session 23)
    r"|express\s+service"
    r"|track(?:ing)?)"  # a parcel's: "trackingcode drie S, Q, R, ..." (session 26, blind173)
    r"[\s-]?codes?$"
)
# An error or a fingerprint named after the code's word: "Codice errore della stampante C tre
# uno ...", "a chave pública ..., impressão digital termina em ..." (session 24)
_NAMED_AFTER_CODE = guarded(
    r"(?i)\b(?:errore|erreur|erro|error|fehler|fout|fingerprint|thumbprint|empreinte"
    r"|impress[ãa]o\s+digital|impronta|huella|vingerafdruk|fingerabdruck"
    # a sign-in error's prefix: "codice AADSTS cinque zero zero ..." (session 25, blind157 read)
    r"|aadsts|hresult"
    # a mail server's rejection: "El código de rechazo era cinco cinco cero" (session 27)
    r"|rechazo|rejet|rifiuto|rejeição|rejection|bounce)\b"
)
# a customer's code, its word right after the code's: "Il codice cliente è V D zero zero ..."
# (session 27, blind181 read; not "o código PUK à operadora na área de cliente")
_CUSTOMER_AFTER_CODE = re.compile(
    r"(?i)\s+(?:(?:de|do|del|du)\s+)?(?:cliente|client|customer|klant|kunden?)\b"
)


def not_a_code(text: str, word_start: int, word_end: int, value_start: int) -> bool:
    """Whether a code's word names no secret ("postcode", "error code"), or an error's or a
    fingerprint's word stands between it and the value."""
    return bool(
        NOT_A_CODE.search(text, max(0, word_start - 20), word_end)
        or _NAMED_AFTER_CODE.search(text, word_end, value_start)
        or _CUSTOMER_AFTER_CODE.match(text, word_end)
    )


_ONE_PRONOUN = re.compile(r"(?i)one,[ \t]+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_REACH = 160
_YEAR = re.compile(r"(?:19|20)\d\d")
_PART = re.compile(
    r"(?i)^[\s,.;:]*[^\n.]{0,30}\b(?:second|last|rest|other|zweite|tweede|deuxième|seconda"
    r"|segunda|segundo|letzten|laatste|dernier|ultim[ao]|últim[ao])\b[^\n.]{0,30}$"
)


def _runs(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, digits, whether a pair or a dash was said) of each run of number words."""
    words = list(_WORD.finditer(text))
    runs = []
    index = 0
    while index < len(words):
        start = index
        digits = ""
        paired = False
        end_at = -1
        while index < len(words):
            if index > start and not _joined(text, words[index - 1].end(), words[index].start()):
                break
            found = _number_at(words, index)
            if found is None:
                break
            said, size = found
            paired = paired or len(said) != 1
            digits += said
            index += size
            end_at = words[index - 1].end()
        if index > start and end_at > 0:
            while digits.endswith("-"):
                digits = digits[:-1]
            runs.append((words[start].start(), end_at, digits, paired))
        else:
            index += 1
    return runs


def _joined(text: str, end: int, start: int) -> bool:
    """Whether two words of a run stand a space or a comma apart, with no sentence's end."""
    return re.fullmatch(r"[ \t]*,?[ \t]+|-", text[end:start]) is not None


def _number_at(words: list[re.Match[str]], index: int) -> tuple[str, int] | None:
    """(digits, words used) of the number words at index: a digit, a pair or a dash word."""
    first = words[index].group(0).lower()
    if first not in _STARTS and "-" not in first:
        return None  # most words: no number's, no phrase's first, no dash's, no "double"
    repeat = {"double": 2, "triple": 3}.get(first)
    if repeat and index + 1 < len(words):  # "double oh"
        digit = _NUMBER_WORDS.get(words[index + 1].group(0).lower(), "")
        return (digit * repeat, 2) if len(digit) == 1 else None
    for size in range(_LONGEST, 0, -1):
        if index + size > len(words):
            continue
        said = " ".join(words[index + k].group(0).lower() for k in range(size))
        if said in _NUMBER_WORDS:
            return _NUMBER_WORDS[said], size
        if size == 1 and said in _DASH_WORDS:
            return "-", 1
        if size == 1 and "-" in said and all(part in _NUMBER_WORDS for part in said.split("-")):
            return "".join(_NUMBER_WORDS[part] for part in said.split("-")), 1
    return None


def spoken_code_hits(text: str) -> list[Hit]:
    """Numbers said in words that a code's word names in their sentence or the one before."""
    hits: list[Hit] = []
    if not _CODE_WORD.search(text):
        return hits  # no code's word anywhere: nothing to name a run
    previous_hit_end = -1
    for start, end, said, paired in _runs(text):
        digits = said.replace("-", "")
        if not digits.isdigit():
            continue
        pronoun = _ONE_PRONOUN.match(text, start)
        if pronoun and len(digits) > 8:  # "He read me one, four one seven six, two nine ..."
            start, said, digits = pronoun.end(), said[1:], digits[1:]
        dashed = "-" in said
        if not (4 <= len(digits) <= 8 or (dashed and len(digits) <= 10)):
            continue
        if paired and len(digits) == 4 and _YEAR.fullmatch(digits) and not dashed:
            continue  # "nineteen eighty-seven": a year
        if previous_hit_end >= 0 and _PART.match(text[previous_hit_end:start]):
            hits.append((start, end, "pin"))  # "Then the second half is nine eight zero five"
            previous_hit_end = end
            continue
        if _named_code(text, start):
            hits.append((start, end, "pin"))
            previous_hit_end = end
    return hits


def _named_code(text: str, start: int) -> bool:
    """A code's word in the run's sentence or the one before, no other number's word right
    before the run."""
    lo = max(0, start - _REACH)
    ends = [match.end() for match in _SENTENCE_END.finditer(text, lo, start)]
    if len(ends) >= 2:
        lo = ends[-2]
    word = None
    for match in _CODE_WORD.finditer(text, lo, start):
        if not NOT_A_CODE.search(text, max(0, match.start() - 20), match.end()):
            word = match
    if word is None:
        return False
    if _TIME_BEFORE.search(text, max(0, start - 8), start):
        return False
    if _PHONE_BEFORE.search(text, max(0, start - 14), start):
        return False
    return (
        _OTHER_NUMBER.search(text, word.end(), start) is None
        and not _NAMED_AFTER_CODE.search(text, word.end(), start)  # "codice AADSTS cinque ..."
        and not _CUSTOMER_AFTER_CODE.match(text, word.end())
    )
