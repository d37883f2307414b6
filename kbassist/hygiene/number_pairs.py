"""Numbers from ten to ninety-nine said in words, in six of the seven languages (session 20;
blind123 and blind127 read).

People read a PIN, a door code or a key in pairs: "twenty-six ninety-one", "fifty-eight, zero
seven", "vierundachtzig, zwölf, neunundsechzig", "achtenveertig, dertien", "seis cuatro siete,
treinta y uno, cincuenta y ocho", "quarantadue", "trinta e três". :data:`PAIRS` maps each way of
saying such a number (joined, hyphenated or in three words: "negen en tachtig") to its two
digits; French pairs are read by :mod:`kbassist.hygiene.spoken_digits` itself.
"""

from __future__ import annotations


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
        "een/één tweeë/twee drieë/drie vier vijf zes zeven acht negen",
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
