"""Numbers said with their hundreds and thousands, in the seven languages (session 25;
blind153 read).

A PIN, an alarm code or a tax number dictated as a number, not key by key: "one thousand
seven hundred and forty one", "tres mil trescientos uno", "mil novecentos e quarenta e cinco",
"cento e setenta e três, trezentos e noventa e cinco, seiscentos e vinte e sete",
"siebzehnhunderteinundvierzig", "millenovecentoquarantacinque". :func:`cardinal_runs` finds
each such run and the digits it says (groups parted by commas kept apart by a space), for
:func:`kbassist.hygiene.spoken_digits.rewritten` to put in the text's place before the rules
read it. Only runs with a hundred's or a thousand's word are read here, and only when they say
four digits or more, or several groups: "three hundred users" stays as it is; pairs and keys
said one by one are spoken_digits' own.
"""

from __future__ import annotations

import re

from kbassist.hygiene.hint_index import trie_pattern
from kbassist.hygiene.number_pairs import PAIRS, french_words
from kbassist.hygiene.spelled_letters import DIGIT_OF, DIGIT_WORDS

_BELOW_HUNDRED: dict[str, int] = {
    word: int(digit)
    for digit, words in DIGIT_WORDS.items()
    if digit != "0"
    for word in words.split()
    if word != "meia"  # "meia" is six only in a phone number read key by key
}
_BELOW_HUNDRED.update({said: int(digits) for said, digits in PAIRS.items()})
_BELOW_HUNDRED.update(
    {
        said: number
        for number in range(10, 100)
        # (and "trente et un" as it is written before the 1990 reform; session 28)
        for said in (french_words(number), french_words(number).replace("-et-", " et "))
    }
)
_BELOW_HUNDRED.update({"soixante-onze": 71, "quatre-vingt": 80, "catorze": 14, "quatorze": 14})
# a hundred's word multiplies what was said before it ("seven hundred", "deux cents")
_HUNDRED = frozenset("hundred hundert honderd cent cents cento".split())
# a number of hundreds in one word (Spanish and Portuguese)
_HUNDREDS = {
    **dict.fromkeys(("cien", "ciento", "cem"), 100),
    **{
        word: 100 * number
        for number, words in enumerate(
            (
                "doscientos/doscientas/duzentos/duzentas",
                "trescientos/trescientas/trezentos/trezentas",
                "cuatrocientos/cuatrocientas/quatrocentos/quatrocentas",
                "quinientos/quinientas/quinhentos/quinhentas",
                "seiscientos/seiscientas/seiscentos/seiscentas",
                "setecientos/setecientas/setecentos/setecentas",
                "ochocientos/ochocientas/oitocentos/oitocentas",
                "novecientos/novecientas/novecentos/novecentas",
            ),
            2,
        )
        for word in words.split("/")
    },
}
_THOUSAND = frozenset("thousand tausend duizend mille mil mila".split())
_LINKS = frozenset("and und en y e et".split())
# a group said key by key, led by a zero: "zero zero três", "zéro quatre" (session 28, blind189
# read: "cento e quatro, seiscentos e trinta e dois, zero zero três", a NIF)
_ZEROS = frozenset(word for word in DIGIT_WORDS["0"].split() if word != "oh")
_PIECE_WORDS = trie_pattern({*_BELOW_HUNDRED, *_HUNDRED, *_HUNDREDS, *_THOUSAND, *_ZEROS})
_LINK = r"(?:and|und|en|y|e|et)"
_PIECE = re.compile(rf"(?i){_PIECE_WORDS}|(?<![^\W\d_]){_LINK}(?![^\W\d_])")
# a word made of the vocabulary's words, joined ("siebzehnhunderteinundvierzig") or not
_WORD = rf"(?:{_PIECE_WORDS})+"
_RUN = re.compile(
    rf"(?i)(?<![\w-]){_WORD}(?:(?:[ \t]*,[ \t]*|[ \t]+|-)(?:{_LINK}[ \t]+)?{_WORD})*(?![\w-])"
)
# a hundred's or a thousand's word in the text, before the runs are looked for
_GATE = re.compile(
    r"(?i)hundred|thousand|hundert|tausend|honderd|duizend|\bcents?\b|cento|\bmil\b|mille|mila"
    r"|cien|ient[oa]s\b|ent[oa]s\b|\bcem\b"
)


# A PIN's word in the sentence before a number said as two hundreds: "picked a new PIN which he
# said out loud ..., eight hundred and eight, seven hundred and seventy" (session 28, blind189)
_PIN_BEFORE = re.compile(r"(?i)\b(?:pin|passcode|pincode|code\s+pin)\b[^.\n]*$")
# a ticket's, an order's or a case's number said (session 25, blind161 read)
_REFERENCE_BEFORE = re.compile(
    r"(?i)\b(?:ticket|order|case|ref(?:erence)?|invoice|commande|pedido|bestelling|auftrag"
    r"|ordine|chamado|caso|incident|serial|s/n|factura|fattura|rechnung)\b"
    # right before the number, no colon between ("kept in the ticket: two thousand ..." is a
    # code written in the ticket)
    r"(?:[ \t]+(?:n[º°o]?\.|no\.?|nr\.?|number|numéro|número|numero|nummer))?[ \t]*\#?[ \t]*$"
)


_GATE_WORDS = ("hundre", "thousand", "hundert", "tausend", "honderd", "duizend", "cent", "mil",
               "cien", "entos", "entas", "cem")  # fmt: skip


def _value(pieces: list[str]) -> tuple[int, bool] | None:
    """The number the pieces say, and whether a hundred's or a thousand's word was among them;
    None when they are not one number ("nineteen forty-five" is two)."""
    total = current = 0
    big = False
    last = ""
    for piece in pieces:
        if piece in _LINKS:
            if last in ("", "link"):
                return None
            last = "link"
            continue
        if piece in _HUNDRED:
            if current >= 100:
                return None
            current, big, last = (current or 1) * 100, True, "big"
        elif piece in _HUNDREDS:
            if current:
                return None
            current, big, last = _HUNDREDS[piece], True, "big"
        elif piece in _THOUSAND:
            if total or current >= 1000:
                return None
            total, current, big, last = (current or 1) * 1000, 0, True, "big"
        else:
            if last == "small" or current % 100 or piece not in _BELOW_HUNDRED:
                return None  # (a zero is a key, not a number's word)
            current += _BELOW_HUNDRED[piece]
            last = "small"
    if last == "link":
        return None
    return total + current, big


def _pieces(said: str) -> list[str]:
    """The vocabulary's words in a group, in order (joined words taken apart)."""
    return [match.group(0).lower() for match in _PIECE.finditer(said)]


def _group(pieces: list[str]) -> tuple[str, bool] | None:
    """The digits a group between commas says, and whether a hundred's or a thousand's word was
    among them: a number, or keys one by one after a zero."""
    if pieces and pieces[0] in _ZEROS:
        if len(pieces) > 1 and all(piece in DIGIT_OF for piece in pieces):
            return "".join(DIGIT_OF[piece] for piece in pieces), False
        return None
    value = _value(pieces)
    return None if value is None else (str(value[0]), value[1])


def cardinal_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the digits said) for each number said with a hundred's or a thousand's
    word: four digits at least, or several groups parted by commas."""
    lowered = text.lower()  # the gate's words as substrings first: most notes hold none
    if not any(word in lowered for word in _GATE_WORDS) or not _GATE.search(text):
        return []
    runs = []
    for match in _RUN.finditer(text):
        groups = re.split(r"[ \t]*,[ \t]*", match.group(0))
        said = [_group(_pieces(group)) for group in groups]
        numbers = [group for group in said if group is not None]
        if len(numbers) < len(said) or not any(big for _, big in numbers):
            continue
        if _REFERENCE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "Numéro de ticket quatre-vingt-un mille deux cent sept"
        digits = [number for number, _ in numbers]
        if (
            len(digits) == 2
            and all(len(group) == 3 for group in digits)
            and _PIN_BEFORE.search(text, max(0, match.start() - 120), match.start())
        ):
            digits = ["".join(digits)]  # a PIN said in two hundreds: one PIN
        if len(digits) > 1 or len(digits[0]) >= 4:
            runs.append((match.start(), match.end(), " ".join(digits)))
    return runs
