"""Home addresses and dates of birth dictated in words (session 19; blind117 and blind121 read).

Speech-to-text writes a house number, a UK postcode and a date as they were said: "forty two
Wexham Road, flat B, Slough, S L two, five E Q", "fourteenth of August nineteen sixty two",
"dritter Mai neunzehnhundertachtundachtzig". No address or birth-date rule reads words as
numbers. This module finds such pieces and says what they write ("42", "SL2 5EQ", "14 August
1962", "3 Mai 1988"); :mod:`kbassist.hygiene.spoken_digits` puts them in the text's place and
runs the rules over it, as it does for other dictated values, so a house number or a date
becomes personal data only where the rules' own words (a home, a birth) say so.
"""

from __future__ import annotations

import re

from kbassist.hygiene.addresses import EN_STREET_TYPES
from kbassist.hygiene.hint_index import trie_pattern
from kbassist.hygiene.number_pairs import PAIRS, french_words
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.spelled_letters import DIGIT_OF, DIGIT_WORDS
from kbassist.hygiene.spoken_dates import date_runs

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBERS = {
    **{word: value for value, word in enumerate(_UNITS)},
    "oh": 0,
    **{word: 10 + value for value, word in enumerate(_TEENS)},
    **{word: 20 + 10 * value for value, word in enumerate(_TENS)},
    **{
        f"{tens}{gap}{unit}": 20 + 10 * t + u
        for t, tens in enumerate(_TENS)
        for u, unit in enumerate(_UNITS)
        if u
        for gap in (" ", "-")
    },
}
_NUMBER = f"(?i:{trie_pattern(sorted(_NUMBERS, key=len, reverse=True))})"  # each letter tried once
_DIGIT = "(?i:" + "|".join([*_UNITS, "oh"]) + ")"
_TENS_WORD = "(?i:" + "|".join(_TENS) + ")"

# "forty two Wexham Road": a number in words right before a capitalised street's name
# or its digits one by one: "one four two Renfrew Road" (session 27, blind181 read)
_HOUSE = guarded(
    rf"(?<![\w-])(?P<number>{_DIGIT}(?:[ ]{_DIGIT}){{1,3}}|{_NUMBER})"
    rf"(?=,?[ ](?:[A-Z][\w'’-]+[ ]){{1,3}}(?:{EN_STREET_TYPES})\b)"
)
# "S L two, five E Q", "B S three four L J", "Y O twenty one, three E L": a UK postcode spelled
_POSTCODE = re.compile(
    rf"(?<![\w-])(?P<area>[A-Z](?:[ ][A-Z])?)[ ](?P<district>{_NUMBER}(?:[ ]{_DIGIT})?)"
    rf"(?:[ ](?P<letter>[A-Z]))?,?[ ](?P<sector>{_DIGIT})[ ](?P<unit>[A-Z][ ]?[A-Z])(?![\w-])"
)
_POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}")

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL = {word: day for day, word in enumerate(_ORDINALS, 1)}
_ORDINAL.update(
    {f"twenty{gap}{word}": 20 + day for day, word in enumerate(_ORDINALS[:9], 1) for gap in " -"}
)
_ORDINAL.update({"thirtieth": 30, "thirty first": 31, "thirty-first": 31})
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_ORDINAL_WORD = f"(?:{trie_pattern(sorted(_ORDINAL, key=len, reverse=True))})"
# "fourteenth of August nineteen sixty two", "the ninth of the eleventh, two thousand and one"
_DATE = guarded(
    rf"(?i)(?<![\w-])(?P<day>{_ORDINAL_WORD})[ ]of[ ](?:the[ ])?"
    rf"(?P<month>{'|'.join(_MONTHS)}|{_ORDINAL_WORD}),?[ ](?P<year>nineteen[ ]{_NUMBER}"
    rf"|nineteen[ ]oh[ ]{_DIGIT}|two[ ]thousand(?:[ ]and)?(?:[ ]{_NUMBER})?"
    # or its last two digits: "nineteenth of July eighty-eight" (session 24)
    rf"|(?P<short>{_TENS_WORD}(?:[ -]{_DIGIT})?))(?![\w-])"
)
# "13 slash 03 slash 1965": a date's figures and its slashes said (session 24)
_SLASHED = re.compile(
    r"(?i)(?<![\w/])(\d{1,2})[ ](?:slash|barra|schrägstrich)[ ](\d{1,2})[ ]"
    r"(?:slash|barra|schrägstrich)[ ](\d{4}|\d{2})(?![\w/])"
)

_DE_UNITS = "ein zwei drei vier fünf sechs sieben acht neun".split()
_DE_TENS = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()
_DE_TEENS = "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn".split()
_DE_NUMBER = {
    **{word: value for value, word in enumerate(_DE_UNITS, 1)},
    **{word: 10 + value for value, word in enumerate(_DE_TEENS)},
    **{word: 20 + 10 * value for value, word in enumerate(_DE_TENS)},
    **{
        f"{unit}und{tens}": 20 + 10 * t + u
        for t, tens in enumerate(_DE_TENS)
        for u, unit in enumerate(_DE_UNITS, 1)
    },
}
_DE_ORDINAL = {"erst": 1, "dritt": 3, "siebt": 7, "acht": 8}
_DE_ORDINAL.update({word: value for word, value in _DE_NUMBER.items() if value < 20})
_DE_ORDINAL["siebent"] = 7
_DE_ORDINAL.update({f"{word}s": value for word, value in _DE_NUMBER.items() if value >= 20})
_DE_MONTHS = (
    "januar februar märz april mai juni juli august september oktober november dezember"
).split()
# "siebzehnter Mai neunzehnhundertneunundachtzig", "am dritten Mai zweitausendeins"
_DE_DATE = guarded(
    r"(?i)(?<![\w-])(?P<day>"
    + "|".join(sorted(map(re.escape, _DE_ORDINAL), key=len, reverse=True))
    + r")t?(?:er|en|e)[ ](?P<month>"
    + "|".join(_DE_MONTHS)
    + r")[ ](?P<year>(?:neunzehnhundert|zweitausend)(?:"
    + "|".join(sorted(map(re.escape, _DE_NUMBER), key=len, reverse=True))
    + r")?)(?![\w-])"
)

# "Lindenstraße achtundzwanzig Komma 85354 Freising": a German house number said after its
# street, and the comma said before the postcode (session 24)
_DE_HOUSE = guarded(  # (the street's type first: the guard skips to its letters)
    r"(?i)(?<=[a-zäöüß])(?:straße|strasse|weg|gasse|allee|platz|ring|damm|ufer)[ ](?P<number>"
    + "|".join(sorted(map(re.escape, _DE_NUMBER), key=len, reverse=True))
    + r")(?P<comma>[ ]komma)?(?=,?[ ](?:neue[ ]zeile,?[ ])?\d{5}[ ])"  # "neue Zeile" said too
)

# a five-digit postcode typed or said digit by digit after the house number ("Am Weinberg
# einundfünfzig, sechs vier eins vier zwei Bad Vilbel"; session 25, blind157 read)
_DIGIT_SAID = "(?:" + "|".join(" ".join(DIGIT_WORDS.values()).split()) + ")"
_FIVE_DIGITS = rf"(?:\d{{5}}|(?i:{_DIGIT_SAID}(?:[ ]{_DIGIT_SAID}){{4}}))"

# or after a street named by its preposition: "Am Mühlbach zwölf, 34131 Kassel" (session 25,
# blind153 read)
_DE_NAMED_HOUSE = guarded(
    r"(?<![\w-])(?:Am|Im|An[ ]der|In[ ]der|Auf[ ]dem|Zum|Zur|Unter[ ]den)[ ][A-ZÄÖÜ][\wäöüß-]+[ ]"
    r"(?P<number>(?i:"
    + "|".join(sorted(map(re.escape, _DE_NUMBER), key=len, reverse=True))
    # a letter after the number: "Am Kirschberg siebzehn a, fünf drei ..." (session 27, blind177)
    + rf"))(?P<gap>(?:[ ][a-h](?![\w-]))?,?[ ])(?P<post>{_FIVE_DIGITS})(?=[ ])"
)

# "via dei Mille cinquantanove, quattro zero zero sette zero Bologna": an Italian house number
# said after its street, before the postcode (session 25, blind157 read)
_IT_NUMBER = {
    **{
        word: int(digit)
        for digit, words in DIGIT_WORDS.items()
        if digit != "0"
        for word in words.split()
    },
    **{said: int(digits) for said, digits in PAIRS.items()},
}
_IT_HOUSE = guarded(
    r"(?i)(?<![\w-])(?:via|viale|piazza|corso|vicolo|largo|piazzale)[ ](?:[\w'’]+[ ]){1,4}?"
    r"(?P<number>"
    + "|".join(sorted(map(re.escape, _IT_NUMBER), key=len, reverse=True))
    + rf")(?P<gap>,?[ ])(?P<post>{_FIVE_DIGITS})(?=[ ])"
)

_DE_STREET_GATE = re.compile(r"(?:stra(?:ß|ss)e|weg|gasse|allee|platz|ring|damm|ufer) ")

# "trente-deux rue des Tanneurs, 69100 Villeurbanne": a French house number said before its
# street (session 24)
_FR_NUMBER = {
    **{
        word: value
        for value, word in enumerate("un deux trois quatre cinq six sept huit neuf".split(), 1)
    },
    **{french_words(number): number for number in range(10, 100)},
}
_FR_HOUSE = guarded(
    r"(?i)(?<![\w-])(?P<number>"
    + "|".join(sorted(map(re.escape, _FR_NUMBER), key=len, reverse=True))
    + r")(?=,?[ ](?:rue|avenue|boulevard|chemin|allée|impasse|place|quai)[ ])"
)

# "Kastanjelaan achttien, 3818 Amersfoort": a Dutch house number said after its street, before
# the postcode's four digits (session 25, blind153 read)
_NL_NUMBER = {
    **{
        word: value
        for value, words in enumerate(
            ("een/één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"), 1
        )
        for word in words.split("/")
    },
    **{said: int(digits) for said, digits in PAIRS.items()},
}
_NL_HOUSE = guarded(  # (the street's type first: the guard skips to its letters)
    r"(?i)(?<=[a-z])(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|dijk)[ ](?P<number>"
    + "|".join(sorted(map(re.escape, _NL_NUMBER), key=len, reverse=True))
    + r")(?=,?[ ]\d{4}[ ]?(?:[A-Z]{2}[ ])?)"
)
_NL_STREET_GATE = re.compile(r"(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|dijk) ")

# Words every match of a date's regex holds, found far faster than the regex tries each place
# (the same flags, so the same letters match): "of" and its year; a German year's first word
_DATE_GATE = re.compile(r"(?i)[ ]of[ ]")
_YEAR_GATE = re.compile(
    r"(?i)nineteen[ ]|two[ ]thousand|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?(?![\w-])"
)
_DE_YEAR_GATE = re.compile(r"(?i)(?=[nz])(?:neunzehnhundert|zweitausend)")


def place_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what it writes) for each house number, UK postcode or date said in words."""
    runs = [
        (match.start(), match.end(), "".join(str(_NUMBERS[w]) for w in _house_words(match)))
        for match in _HOUSE.finditer(text)
    ]
    runs += [run for match in _POSTCODE.finditer(text) if (run := _postcode(match))]
    if _DATE_GATE.search(text) and _YEAR_GATE.search(text):
        runs += [run for match in _DATE.finditer(text) if (run := _date(match))]
    if _DE_YEAR_GATE.search(text):
        runs += [run for match in _DE_DATE.finditer(text) if (run := _german_date(match))]
    if "slash" in text or "barra" in text or "chrägstrich" in text:
        runs += [
            (match.start(), match.end(), "/".join(match.groups()))
            for match in _SLASHED.finditer(text)
        ]
    if _DE_STREET_GATE.search(text):
        runs += [
            (
                match.start("number"),
                match.end(),
                f"{_DE_NUMBER[match.group('number').lower()]}{',' if match.group('comma') else ''}",
            )
            for match in _DE_HOUSE.finditer(text)
        ]
    if "Am " in text or "Im " in text or " der " in text or " dem " in text or "Zu" in text:
        runs += [
            (match.start("number"), match.end(), _house(_DE_NUMBER, match))
            for match in _DE_NAMED_HOUSE.finditer(text)
        ]
    if "via " in text or "piazza " in text or "corso " in text or "viale " in text:
        runs += [
            (match.start("number"), match.end(), _house(_IT_NUMBER, match))
            for match in _IT_HOUSE.finditer(text)
        ]
    if _NL_STREET_GATE.search(text):
        runs += [
            (match.start("number"), match.end(), str(_NL_NUMBER[match.group("number").lower()]))
            for match in _NL_HOUSE.finditer(text)
        ]
    if "rue " in text or "avenue " in text or "chemin " in text or "place " in text:
        runs += [
            (match.start(), match.end(), str(_FR_NUMBER[match.group("number").lower()]))
            for match in _FR_HOUSE.finditer(text)
        ]
    runs += date_runs(text)  # in Spanish, Portuguese, Italian, French and Dutch (session 23)
    runs.sort()
    return [run for index, run in enumerate(runs) if not index or run[0] >= runs[index - 1][1]]


def _house_words(match: re.Match[str]) -> list[str]:
    """The number's words: one, or its digits said one by one."""
    said = _key(match.group("number"))
    return [said] if said in _NUMBERS else said.split()


def _house(numbers: dict[str, int], match: re.Match[str]) -> str:
    """A house number and the postcode after it, written in digits."""
    post = match.group("post")
    if not post.isdigit():
        post = "".join(DIGIT_OF[word.lower()] for word in post.split())
    return f"{numbers[match.group('number').lower()]}{match.group('gap')}{post}"


def _key(words: str) -> str:
    return " ".join(words.lower().split())


def _postcode(match: re.Match[str]) -> tuple[int, int, str] | None:
    district = "".join(
        str(_NUMBERS[_key(part)]) for part in re.findall(rf"(?i){_NUMBER}", match.group("district"))
    )
    area = match.group("area").replace(" ", "")
    written = f"{area}{district}{match.group('letter') or ''} "
    written += f"{_NUMBERS[match.group('sector').lower()]}{match.group('unit').replace(' ', '')}"
    if not _POSTCODE_SHAPE.fullmatch(written):
        return None
    return match.start(), match.end(), written


def _year(said: str, short: bool = False) -> int | None:
    words = _key(said)
    if short:  # "eighty-eight": the last century's, unless it is to come
        value = _NUMBERS.get(words.replace("-", " "))
        return None if value is None else (1900 + value if value >= 30 else 2000 + value)
    if words.startswith("nineteen oh "):
        return 1900 + _NUMBERS[words.removeprefix("nineteen oh ")]
    if words.startswith("nineteen "):
        return 1900 + _NUMBERS[words.removeprefix("nineteen ")]
    rest = words.removeprefix("two thousand").removeprefix(" and").strip()
    return 2000 + (_NUMBERS[rest] if rest else 0)


def _date(match: re.Match[str]) -> tuple[int, int, str] | None:
    day = _ORDINAL[_key(match.group("day"))]
    month_said = _key(match.group("month"))
    month = _MONTHS.index(month_said) + 1 if month_said in _MONTHS else _ORDINAL[month_said]
    year = _year(match.group("year"), short=match.group("short") is not None)
    if month > 12 or year is None:
        return None
    return match.start(), match.end(), f"{day:02d}/{month:02d}/{year}"


def _german_date(match: re.Match[str]) -> tuple[int, int, str] | None:
    day = _DE_ORDINAL.get(match.group("day").lower())
    said = match.group("year").lower()
    century = 1900 if said.startswith("neunzehnhundert") else 2000
    rest = said.removeprefix("neunzehnhundert").removeprefix("zweitausend")
    year = century + (_DE_NUMBER.get(rest, 0) if rest else 0)
    if day is None or day > 31 or (rest and rest not in _DE_NUMBER):
        return None
    month = _DE_MONTHS.index(match.group("month").lower()) + 1
    return match.start(), match.end(), f"{day:02d}.{month:02d}.{year}"
