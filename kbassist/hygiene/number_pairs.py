"""Numbers from ten to ninety-nine said in words, in six of the seven languages (session 20;
blind123 and blind127 read).

People read a PIN, a door code or a key in pairs: "twenty-six ninety-one", "fifty-eight, zero
seven", "vierundachtzig, zwölf, neunundsechzig", "achtenveertig, dertien", "seis cuatro siete,
treinta y uno, cincuenta y ocho", "quarantadue", "trinta e três". :data:`PAIRS` maps each way of
saying such a number (joined, hyphenated or in three words: "negen en tachtig") to its two
digits; :func:`french_words` writes the French pairs (spoken_digits and spoken_dates read them).
"""

from __future__ import annotations

_UNITS_FR = ("", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
_TEENS_FR = ("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize")
_TENS_FR = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def french_words(number: int) -> str:
    """French words for 10 to 99, hyphenated as they are dictated in pairs (moved here from
    spoken_digits in session 23, for spoken_dates too)."""
    tens, unit = divmod(number, 10)
    if tens == 1:
        return _TEENS_FR[unit] if unit <= 6 else f"dix-{_UNITS_FR[unit]}"
    if tens in (7, 9):  # soixante-dix, quatre-vingt-onze
        head = "soixante" if tens == 7 else "quatre-vingt"
        tail = french_words(10 + unit)
        return f"{head}-et-{tail}" if number == 71 else f"{head}-{tail}"
    head = "quatre-vingt" if tens == 8 else _TENS_FR[tens]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else head
    return f"{head}-et-un" if unit == 1 and tens != 8 else f"{head}-{_UNITS_FR[unit]}"


def _table(
    teens: str, tens: str, units: str, joined: str, apart: str | None = None
) -> dict[str, str]:
    """Every way of saying 10-99 in one language: ``joined`` and ``apart`` are format strings
    over ``{tens}`` and ``{unit}`` ("{unit}und{tens}", "{unit} und {tens}")."""
    table = {word: str(10 + value) for value, word in enumerate(teens.split())}
    unit_words = [word.split("/") for word in units.split()]
    for t, ten_words in enumerate(tens.split(), 2):
        table[ten_words.split("/")[0]] = f"{t}0"
        for ten in ten_words.split("/"):
            for u, words in enumerate(unit_words, 1):
                for unit in words:
                    for shape in (joined, apart):
                        if shape:
                            table[shape.format(tens=ten, unit=unit)] = f"{t}{u}"
    return table


PAIRS: dict[str, str] = {
    **_table(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
        "twenty thirty forty fifty sixty seventy eighty ninety",
        "one two three four five six seven eight nine",
        "{tens}-{unit}",
        "{tens} {unit}",
    ),
    **_table(
        "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn",
        "zwanzig dreißig/dreissig vierzig fünfzig sechzig siebzig achtzig neunzig",
        "ein zwei drei vier fünf sechs sieben acht neun",
        "{unit}und{tens}",
        "{unit} und {tens}",
    ),
    **_table(
        "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien",
        "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
        "een/één twee drie vier vijf zes zeven acht negen",
        "{unit}en{tens}",
        "{unit} en {tens}",
    ),
    **_table(
        "diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve",
        "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
        "uno/un dos tres cuatro cinco seis siete ocho nueve",
        "{tens} y {unit}",
    ),
    **dict(
        pair.split(":")
        for pair in "veintiuno:21 veintiún:21 veintidós:22 veintitrés:23 veinticuatro:24 "
        "veinticinco:25 veintiséis:26 veintisiete:27 veintiocho:28 veintinueve:29".split()
    ),
    **_table(
        "dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove",
        "venti/vent trenta/trent quaranta/quarant cinquanta/cinquant sessanta/sessant "
        "settanta/settant ottanta/ottant novanta/novant",
        "uno due tre/tré quattro cinque sei sette otto nove",
        "{tens}{unit}",
    ),
    **_table(
        "dez onze doze treze catorze quinze dezasseis/dezesseis dezassete/dezessete dezoito "
        "dezanove/dezenove",
        "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
        "um/uma dois/duas três quatro cinco seis sete oito nove",
        "{tens} e {unit}",
    ),
}
# "tweeëntwintig", "drieëntachtig": a unit ending in "e" takes a diaeresis before "en"; written
# without it too (session 23: the table had "drieëentachtig")
PAIRS.update(
    {
        said.replace("eeen", "eeën").replace("ieen", "ieën"): digits
        for said, digits in list(PAIRS.items())
        if "eeen" in said or "ieen" in said
    }
)
