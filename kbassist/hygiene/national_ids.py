"""National identity numbers by their own format, near the word that names them.

"Aadhaar 4921 7730 6158", "PAN BKRPD4417M", "'SIN failed checksum'. Office had typed 527 318
940", "carte Vitale : 2 85 07 75 114 032 47", "ID no. 9407225123087", "The PPS number had been
typed ...: 7419362ta", "'passport number format invalid' ... the number only: 548213967". The
number often stands a sentence or two after its name (an error message names it, the fix
gives it), so each name opens a window of 250 characters in which the number's own shape,
and its check digits where it has them, decide (session 6, after the fifth blind file).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import NamedTuple

from kbassist.hygiene.check_digits import luhn_ok
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.personal_keywords import ORGANISATION_TAX_NUMBER, TEST_NUMBER_AFTER
from kbassist.hygiene.regex_guard import guarded

_WINDOW = 250


def _verhoeff_ok(number: str) -> bool:
    """Aadhaar's check digit (the Verhoeff scheme)."""
    d = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]  # fmt: skip
    p = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]  # fmt: skip
    check = 0
    for index, digit in enumerate(reversed([int(ch) for ch in number if ch.isdigit()])):
        check = d[check][p[index % 8][digit]]
    return check == 0


def _south_african_ok(number: str) -> bool:
    """Thirteen digits that open with a real date of birth (YYMMDD). The last digit is a Luhn
    check, but a number mistyped on a form is personal data too, so it is not required."""
    try:
        date(2000 + int(number[:2]), int(number[2:4]), int(number[4:6]))
    except ValueError:
        return False
    return True


def _always(number: str) -> bool:
    return True


def _nhs_ok(number: str) -> bool:
    """The NHS number's modulus-11 check digit (weights 10 down to 2)."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return len(digits) == 10 and (check % 11) == digits[9] and check != 10


_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def _upn_ok(number: str) -> bool:
    """An English pupil's UPN: its first letter checks the twelve digits (weights 2 to 13,
    modulus 23)."""
    total = sum(int(ch) * weight for ch, weight in zip(number[1:], range(2, 14), strict=True))
    return number[0] == _UPN_LETTERS[total % 23]


def _portuguese_nif_ok(number: str) -> bool:
    """Nine digits with a mod-11 check digit (in groups of three or not)."""
    digits = [int(ch) for ch in number.replace(" ", "")]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return digits[8] == (0 if check >= 10 else check)


def _not_the_sample(number: str) -> bool:
    """Not HMRC's sample NI number ("in the format AB123456C"; session 29, blind216 read)."""
    return "123456" not in number.replace(" ", "")


def _steuer_id_ok(number: str) -> bool:
    """A German tax ID: eleven digits, the first not 0, with an ISO 7064 (11,10) check."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) != 11 or digits[0] == 0:
        return False
    product = 10
    for digit in digits[:10]:
        product = (((digit + product) % 10 or 10) * 2) % 11
    return (11 - product) % 10 == digits[10]


def _bsn_ok(number: str) -> bool:
    """The Dutch eleven test: digits weighted 9 down to 2, the last -1, a multiple of 11."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) != 9:
        return False
    total = sum(digit * weight for digit, weight in zip(digits, range(9, 1, -1), strict=False))
    return total > 0 and (total - digits[-1]) % 11 == 0


def _date_ok(day: int, month: int, year: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _personnummer_ok(number: str) -> bool:
    """A Swedish personnummer: a date of birth (YYMMDD, the day plus 60 for a coordination
    number) and a Luhn check over the ten digits. An organisation number's month is 20 or
    more, so it fails the date."""
    digits = "".join(ch for ch in number if ch.isdigit())[-10:]
    day = int(digits[4:6])
    return _date_ok(day - 60 if day > 60 else day, int(digits[2:4]), 2000) and luhn_ok(digits)


def _cpr_ok(number: str) -> bool:
    """A Danish CPR number: a date of birth (DDMMYY) and four digits (no check digit since
    2007)."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return _date_ok(int(digits[:2]), int(digits[2:4]), 2000)


def _medicare_ok(number: str) -> bool:
    """An Australian Medicare card: the first digit 2-6, the ninth a weighted check."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    weights = (1, 3, 7, 9, 1, 3, 7, 9)
    return (
        len(digits) >= 9
        and 2 <= digits[0] <= 6
        and sum(d * w for d, w in zip(digits[:8], weights, strict=True)) % 10 == digits[8]
    )


def _nir_ok(number: str) -> bool:
    """A French NIR with its key: 97 minus the first thirteen digits modulo 97 (Corsica's 2A
    and 2B read as 19 and 18)."""
    compact = "".join(ch for ch in number if ch.isalnum())
    if len(compact) != 15:
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return body.isdigit() and 97 - int(body) % 97 == int(compact[13:])


def _czech_birth_number_ok(number: str) -> bool:
    """A Czech or Slovak birth number: ten digits divisible by 11 (since 1954)."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return len(digits) == 10 and int(digits) % 11 == 0


def _turkish_id_ok(number: str) -> bool:
    """A Turkish TC kimlik number: eleven digits, the first not 0, two check digits."""
    d = [int(ch) for ch in number]
    if len(d) != 11 or d[0] == 0:
        return False
    tenth = (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


def _kvnr_ok(number: str) -> bool:
    """A German health-insurance number (Krankenversichertennummer): a letter and nine digits,
    the last a check digit over the letter's place in the alphabet and the next eight digits,
    weighted 1, 2, 1, 2 ... with the digits of each product summed."""
    digits = f"{ord(number[0].upper()) - 64:02d}{number[1:9]}"
    total = sum(sum(divmod(int(digit) * (1 + i % 2), 10)) for i, digit in enumerate(digits))
    return total % 10 == int(number[9])


def _birth_year_ok(value: str) -> bool:
    """A year a member of staff or a client could be born in (1920-2012)."""
    year = int(value[:4]) if value[4:5] == "-" else int(value[-4:])
    return 1920 <= year <= 2012


class _Kind(NamedTuple):
    """One kind of number: the words that name it, its shape, its check, and the cheap
    substrings one of which every name holds (``cased`` looked for as written, ``lower`` in
    the lower-cased text), so a note that names none is not searched at all."""

    name: re.Pattern[str]
    shape: re.Pattern[str]
    check: Callable[[str], bool]
    kind: str
    cased: tuple[str, ...] = ()
    lower: tuple[str, ...] = ()
    window: int = _WINDOW
    # words right before a number that make it something else ("serial 123456789")
    not_after: re.Pattern[str] | None = None
    # a search that every match of ``name`` contains, shared by the kinds named alike: "pass"
    # stands in every "password", the passport's name in few notes
    named: re.Pattern[str] | None = None
    # how far before its name a number may stand, for kinds whose check digit makes a chance
    # match rare: "Lefebvre;Camille;2 87 04 69 123 084 55;... Le NIR avait des espaces"
    back: int = 0


# An NHS number's ten digits, in groups of three, three and four maybe (both NHS kinds below).
_NHS_DIGITS = r"\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])"
# The passport's name in the seven languages.
_PASSPORT = r"passport|reisepass|pasaporte|passeport|paspoort|passaporte|passaporto"
# Every name of the three passport kinds holds one of these, under the same (?i).
_PASSPORT_NAMED = guarded(rf"(?i)(?:{_PASSPORT})")
# A drive's or a ticket's number near "passport" (WD's "My Passport" drives) is no one's.
_REFERENCE_BEFORE = guarded(
    r"(?i)(?:serial|s/n|\bsn|ticket|case|order|ref|reference|invoice|incident|booking|part"
    r"|model|batch|lot|lote|lotto|charge)\W{0,4}(?:(?:no\.?|number|nr\.?|\#)\W{0,3})?$"
)


# Names that are everyday words in lower case ("sin" is Spanish for "without", "pan") count
# only in capitals.
_KINDS: tuple[_Kind, ...] = (
    _Kind(
        re.compile(r"(?i)\baadhaa?r\b"),
        re.compile(r"(?<![\d-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\d-])"),
        _verhoeff_ok,
        "national_id",
        lower=("aadha",),
    ),
    _Kind(
        re.compile(r"\bPAN\b|(?i:\bpermanent\s+account\s+number\b)"),
        re.compile(r"(?<![\w-])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![\w-])"),
        _always,
        "national_id",
        cased=("PAN",),
        lower=("permanent",),
    ),
    _Kind(  # a Portuguese citizen card: "CC 14829371 7 ZX3" (session 16)
        re.compile(r"\bCC\b|(?i:\bcart[ãa]o\s+de\s+cidad[ãa]o\b|\bcitizen\s+card\b)"),
        re.compile(r"(?<![\w-])\d{8}[ ]?\d[ ]?[A-Z]{2}\d(?![\w-])"),
        _always,
        "national_id",
        cased=("CC",),
        lower=("cidad", "citizen card"),
    ),
    _Kind(  # a Belgian national number: "registre national 84.07.23-163.87" (session 16)
        re.compile(
            r"(?i)\b(?:registre\s+national|rijksregister(?:nummer)?|national\s+register"
            r"|num[ée]ro\s+national|insz)\b"
        ),
        re.compile(r"(?<![\d.-])\d{2}\.?\d{2}\.?\d{2}[-.]?\d{3}\.?\d{2}(?![\d.-]\d)"),
        _always,
        "national_id",
        lower=("registre", "rijksregister", "national reg", "insz", "ro national"),
    ),
    _Kind(  # a Swiss social insurance number: "AHV number 756.3812.4590.75" (session 16)
        re.compile(r"\bAHV\b|\bAVS\b|(?i:\bahv-?n(?:ummer|r)\b)"),
        re.compile(r"(?<![\d.])756\.?\d{4}\.?\d{4}\.?\d{2}(?![\d.]\d)"),
        _always,
        "national_id",
        cased=("AHV", "AVS"),
        lower=("ahv-n", "ahvn"),
    ),
    _Kind(  # a US Social Security number: 'field ssn extracted "674-22-5351"' (session 28)
        re.compile(r"(?i)\bssn\b|\bsocial\s+security\b"),
        re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])"),
        _always,
        "national_id",
        lower=("ssn", "social"),
    ),
    _Kind(
        # (not a shouted Spanish "without": "error 'C01 SIN LINEA'"; session 23)
        re.compile(r"(?<![A-ZÁÉÍÓÚÑ] )\bSIN\b(?! [A-ZÁÉÍÓÚÑ]{2})|(?i:\bsocial\s+insurance\b)"),
        re.compile(r"(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{3}(?![\d-])"),
        _always,
        "national_id",
        cased=("SIN",),
        lower=("social",),
    ),
    _Kind(
        re.compile(
            r"(?i)\b(?:NIR|s[ée]curit[ée]\s+sociale|carte\s+vitale|num[ée]ro\s+de\s+s[ée]cu)\b"
            r"|(?i:\bn[°º]\s*(?:de\s+)?s[ée]cu\b)"  # "son n° de sécu 1 85 07 ..." (session 9)
            # or "num": "num secu mal saisi en paie. corrigé en 1 83 03 ..." (session 33, blind287)
            r"|(?i:\bnum\.?\s+(?:de\s+)?s[ée]cu\b)"
            # "'Attestation Sécu - N. Fontaine - 1 64 05 ...pdf'" (session 36, blind347 read)
            r"|(?i:\battestation\s+(?:de\s+)?s[ée]cu\b)"
            # the NIR's field in a DSN file: "<S21.G00.30.001>2 79 09 ..." (session 28)
            r"|\bS21\.G00\.30\.001\b|(?i:\bsocial\s+security\s+number\b)"
        ),
        re.compile(
            r"(?<![\d-])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3}(?: ?\d{2})?(?![\d-])"
        ),
        _always,
        "national_id",
        lower=("nir", "curit", "vitale", "num", "sécu", "secu", "s21.g00"),
    ),
    _Kind(
        re.compile(r"(?i)\b(?:id\s+(?:no\.?|number)|identity\s+number)"),
        re.compile(r"(?<![\d-])\d{13}(?![\d-])"),
        _south_african_ok,
        "national_id",
        lower=("id", "identity"),
    ),
    _Kind(
        # "affected record NHS no. 401 023 2137" (session 11): ten digits with the check digit
        re.compile(r"\bNHS\b|(?i:\bnhs\s+(?:no\.?|number|nr))"),
        re.compile(rf"(?<![\d-]){_NHS_DIGITS}"),
        _nhs_ok,
        "national_id",
        cased=("NHS",),
        lower=("nhs",),
        window=40,
    ),
    _Kind(  # or a sentence on, "NHS number" named, its check digit right: "the patient's NHS
        # number had a digit missing ... Corrected it to 268 042 8188" (session 31, blind241)
        # (not the 999 range the NHS keeps for tests: "999 000 0018")
        re.compile(r"(?i)\bnhs\s+(?:no\.?|number|nr)"),
        re.compile(rf"(?<![\d-])(?!999){_NHS_DIGITS}"),
        _nhs_ok,
        "national_id",
        lower=("nhs",),
        window=200,
    ),
    _Kind(  # "Matched the two on the real UPN from the CTF, E823614907214" (session 18)
        re.compile(r"\bUPNs?\b|(?i:\bunique\s+pupil\s+numbers?\b)"),
        re.compile(r"(?<![\w-])[A-HJ-NP-RT-Z]\d{12}(?![\w-])"),
        _upn_ok,
        "national_id",
        cased=("UPN",),
        lower=("unique pupil",),
        window=120,
    ),
    _Kind(
        re.compile(r"(?i)\bpps(?:n|\s+(?:number|no\.?))?\b"),
        re.compile(r"(?<![\w-])\d{7}[A-Wa-w][A-Ia-iWw]?(?![\w-])"),
        _always,
        "national_id",
        lower=("pps",),
    ),
    _Kind(
        re.compile(rf"(?i)\b(?:{_PASSPORT})\b"),
        re.compile(
            r"(?i)\b(?:number|no\.?|nummer|num[ée]ro|n[úu]mero)\b[^.\n:]{0,20}:[ \t]*"
            r"(?P<value>[A-Z0-9]{6,9})\b"
        ),
        _always,
        "national_id",
        lower=("pass", "pasa", "pasp"),
        named=_PASSPORT_NAMED,
    ),
    _Kind(
        # "Het portaal koppelt op BSN, HR had 204718356 ingevoerd": nine digits near "BSN",
        # whatever their check digit (a BSN typed wrong is still one; session 7), so only
        # within 120 characters
        re.compile(r"\bBSN\b|(?i:\bburgerservicenummer\b|\bsofi-?nummer\b)"),
        # (in groups of three too: "Het BSN erop is 240 945 669"; session 27, blind181 read;
        # or four, two and three as the forms print it: "4720 14 535", "4720.14.535"; session 29)
        re.compile(
            r"(?<![\d.-])(?:\d{9}|\d{3} \d{3} \d{3}|\d{4}([ .])\d{2}\1\d{3})(?![\d-]|[.,]\d)"
        ),
        _always,
        "national_id",
        cased=("BSN",),
        lower=("burgerservicenummer", "sofi"),
        window=120,
    ),
    _Kind(  # "bsn" as a voicemail's transcript writes it, or "BSN" farther before, its eleven
        # test passed (session 30, blind227 and blind230 read)
        re.compile(r"(?i)\bbsn\b"),
        re.compile(r"(?<![\d.-])(?:\d{9}|\d{3} \d{3} \d{3})(?![\d-]|[.,]\d)"),
        _bsn_ok,
        "national_id",
        lower=("bsn",),
        window=400,
    ),
    _Kind(
        # "passaporte CB482117", "Paspoortnummer NX4R82LK1": letters and digits right after
        # the passport's name (session 7); "Kopie seines Reisepasses (Nr. C01X00T47)",
        # "passport number mismatch. Corrected to 559201874": the German genitive, and nine
        # digits (a UK or US passport) a few words on (session 9)
        re.compile(rf"(?<!My )(?i:\b(?:{_PASSPORT})(?:es|s)?(?:nummer|nr|number|no\.?)?\b)"),
        re.compile(r"(?<![\w-])(?:(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{7,9}|\d{9})(?![\w-])"),
        _always,
        "national_id",
        lower=("pass", "pasa", "pasp"),
        named=_PASSPORT_NAMED,
        # (or a sentence on: "wouldnt take the passport no for the Munich trip, ... Entered
        # 127672066 clean"; session 29, blind213 read; two sentences on: "the passport number
        # for the flight ... I have inserted the number YD2692019"; session 30, blind231 read)
        window=150,
        not_after=_REFERENCE_BEFORE,
    ),
    _Kind(
        # a passport number inside a file's name: "passport_118236547_JKamau.pdf" (session 9)
        re.compile(rf"(?i)(?:{_PASSPORT})(?=[_-])"),
        re.compile(r"(?<=[_-])(?:(?=[A-Z0-9]*\d)[A-Z0-9]{7,9}|\d{9})(?=[_.-])"),
        _always,
        "national_id",
        lower=("pass", "pasa", "pasp"),
        named=_PASSPORT_NAMED,
        window=12,
    ),
    _Kind(
        # a UK Unique Taxpayer Reference: ten digits, a person's in self-assessment (session 9)
        re.compile(r"\bUTR\b"),
        re.compile(r"(?<![\d-])\d{5} ?\d{5}(?![\d-])"),
        _always,
        "national_id",
        cased=("UTR",),
        window=40,
    ),
    _Kind(
        # an Australian tax file number: nine digits, named (a TFN typed wrong is still one;
        # session 15)
        re.compile(r"\bTFN\b|(?i:\btax\s+file\s+(?:number|no\.?))"),
        re.compile(r"(?<![\d-])\d{3} ?\d{3} ?\d{3}(?![\d-])"),
        _always,
        "national_id",
        cased=("TFN",),
        lower=("tax file",),
        window=100,
    ),
    _Kind(
        # a Polish PESEL: eleven digits that open with a date of birth (session 9)
        re.compile(r"\bPESEL\b"),
        re.compile(r"(?<![\d-])\d{11}(?![\d-])"),
        _always,
        "national_id",
        cased=("PESEL",),
        window=60,
    ),
    _Kind(
        # a Portuguese social-security number (NISS): eleven digits (session 9)
        re.compile(r"\bNISS\b|(?i:\bseguran[çc]a\s+social\b)"),
        re.compile(r"(?<![\d-])\d{11}(?![\d-])"),
        _always,
        "national_id",
        cased=("NISS",),
        lower=("segurança social", "seguranca social"),
        window=60,
    ),
    _Kind(
        # a person's NIF starts 1-3, or 45 for a non-resident; 5, 6, 7, 8 and 9 are firms',
        # bodies' and estates' (NIPC), no one's data
        # (or "nif" typed in haste: "nif da colaboradora ... corrigido para 117555860"; session 30)
        re.compile(r"(?i)\bnif\b|\bcontribuinte\b"),
        re.compile(r"(?<![\d-])(?:[123]\d|45)(?:\d{7}|\d \d{3} \d{3})(?![\d-])"),
        _portuguese_nif_ok,
        "national_id",
        lower=("nif", "contribuinte"),
    ),
    _Kind(  # a French NIR named after it, with a valid key (session 17)
        re.compile(r"\bNIR\b|(?i:\bs[ée]curit[ée]\s+sociale\b)"),
        re.compile(r"(?<![\d-])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\d-])"),
        _nir_ok,
        "national_id",
        cased=("NIR",),
        lower=("curit",),
        window=0,
        back=200,
    ),
    _Kind(  # "Steuer-ID hatte 10 statt 11 Stellen. Richtig ...: 30162854934" (session 17)
        # (or "Steuer ID", a space for its hyphen; session 29, blind205 read)
        re.compile(
            # (or its letters said apart: "meine steuer i d"; session 30, blind227 read)
            r"(?i)\b(?:steuer[- ]?i ?d(?:nr)?|steuer-?identifikationsnummer|steuerliche\s+id\w*"
            r"|identifikationsnummer|idnr"
            # in English: "the tax identification number ... sent it to HR: 42060978511"
            r"|tax\s+identification\s+number)\b"
        ),
        re.compile(r"(?<![\d-])[1-9]\d ?\d{3} ?\d{3} ?\d{3}(?![\d-])"),
        _steuer_id_ok,
        "national_id",
        lower=("steuer", "identifikationsnummer", "idnr", "tax identification"),
        back=150,
    ),
    _Kind(  # a Swedish personnummer, in ten or twelve digits (session 17)
        re.compile(r"(?i)\bperson(?:nummer|nr)\w*"),
        re.compile(r"(?<![\d-])(?:19|20)?\d{6}[-+]?\d{4}(?![\d-])"),
        _personnummer_ok,
        "national_id",
        lower=("personn",),
        back=150,
    ),
    _Kind(  # a UK NI number in a tax form's file name: "P60_NH067392D_2024.pdf" (session 17)
        # (or "NI numbers" a few words before: "filled with NI numbers for two staff, e.g.
        # LM228919B"; session 29, blind216 read)
        re.compile(r"\b(?:P60|P45|P11D|NINO|NI\s+numbers?)|(?i:\bnational\s+insurance)"),
        re.compile(
            # (its letters apart too, as speech-to-text writes them: "it's A P 30 18 83 A";
            # session 30, blind227 read)
            r"(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z] ?[A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]"
            r"(?![A-Za-z0-9])"
        ),
        _not_the_sample,
        "national_id",
        cased=("P60", "P45", "P11D", "NINO", "NI number"),
        lower=("national insurance",),
        window=60,
    ),
    _Kind(  # a Czech or Slovak birth number: "rodné číslo ..., 855903/2471" (session 17)
        re.compile(r"(?i)\brodn[ée]\s+č[ií]slo\b|\bbirth\s+number\b"),
        re.compile(r"(?<![\d/-])\d{6}/?\d{4}(?![\d/-])"),
        _czech_birth_number_ok,
        "national_id",
        lower=("rodn", "birth number"),
        window=120,
    ),
    _Kind(  # a Turkish ID number: "TC kimlik no 38401726540" (session 17)
        re.compile(r"(?i)\bkimlik\b|\bT\.?C\.?\s+(?:no|numaras)"),
        re.compile(r"(?<![\d-])[1-9]\d{10}(?![\d-])"),
        _turkish_id_ok,
        "national_id",
        lower=("kimlik", "tc no", "t.c. no"),
        window=60,
    ),
    _Kind(  # a German health-insurance number: "Versichertennummer Q495415232" (session 27,
        # blind178 read)
        re.compile(r"(?i)\b(?:kvnr|(?:kranken)?versicherten-?n(?:umme)?r\w*|egk-?nummer)\b"),
        re.compile(r"(?<![\w-])[A-Z]\d{9}(?![\w-])"),
        _kvnr_ok,
        "national_id",
        lower=("kvnr", "versichertenn", "egk"),
        window=80,
    ),
    _Kind(  # a Danish CPR number: "typo in the CPR field ... confirmed 270583-2150" (session 17)
        re.compile(r"\bCPR\b|(?i:\bcpr-?n(?:umme)?r\w*|\bpersonnummer\b)"),
        re.compile(r"(?<![\d-])\d{6}-?\d{4}(?![\d-])"),
        _cpr_ok,
        "national_id",
        cased=("CPR",),
        lower=("cpr", "personnummer"),
    ),
    _Kind(  # an Australian Medicare card: "card number ...: 6433 64022 1, IRN 1" (session 17)
        re.compile(r"(?i)\bmedicare\b"),
        re.compile(r"(?<![\d-])[2-6]\d{3} ?\d{5} ?\d(?:[ /-]?\d)?(?![\d-])"),
        _medicare_ok,
        "national_id",
        lower=("medicare",),
    ),
    _Kind(
        re.compile(
            # "dates of birth" and a field's name, "DataNascimento" (session 17)
            r"(?i)\b(?:dates?[\s-]+of[\s-]+birth|dob|d\.o\.b|birth\s?dates?|birthday|geburtsdatum"
            r"|fecha[\s_]*de[\s_]*nacimiento|date[\s_]*de[\s_]*naissance|geboortedatum"
            r"|data[\s_]*(?:de[\s_]*)?nascimento|data[\s_]*(?:di[\s_]*)?nascita)\b"
        ),
        # a sentence's full stop may follow the date: "account showed 1987-03-14." (session 17)
        re.compile(
            r"(?<![\d/.-])(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})"
            r"(?![\d/-]|\.\d)"
        ),
        _birth_year_ok,
        "date_of_birth",
        lower=(
            "birth",
            "dob",
            "d.o.b",
            "geburtsdatum",
            "nacimiento",
            "naissance",
            "geboortedatum",
            "nascimento",
            "nascita",
        ),  # fmt: skip
    ),
)


def _numbers_near(
    kind: _Kind, text: str, named: re.Match[str], window_end: int
) -> Iterator[re.Match[str]]:
    """The numbers of the kind's shape after its name (and before it, up to ``back``)."""
    if kind.back:
        yield from kind.shape.finditer(text, max(0, named.start() - kind.back), named.start())
    if kind.window:
        yield from kind.shape.finditer(text, named.end(), window_end)


_CASED_CUES = tuple(sorted({cue for kind in _KINDS for cue in kind.cased}))
_LOWER_CUES = tuple(sorted({cue for kind in _KINDS for cue in kind.lower}))


def national_id_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Identity numbers of the shape their name calls for, within 250 characters of it."""
    # each cue looked for once, not once per kind that shares it
    cased = {cue for cue in _CASED_CUES if cue in text}
    lower = {cue for cue in _LOWER_CUES if cue in lowered}
    named_in_text: dict[re.Pattern[str], bool] = {}
    for kind in _KINDS:
        if cased.isdisjoint(kind.cased) and lower.isdisjoint(kind.lower):
            continue
        if kind.named is not None:
            found_name = named_in_text.get(kind.named)
            if found_name is None:
                found_name = named_in_text[kind.named] = kind.named.search(text) is not None
            if not found_name:
                continue
        group = "value" if "value" in kind.shape.groupindex else 0
        for named in kind.name.finditer(text):
            window_end = min(len(text), named.end() + kind.window)
            while window_end < len(text) and text[window_end].isalnum():
                window_end += 1  # not a cut number's head: "chip 977746219711717" (session 37)
            for found in _numbers_near(kind, text, named, window_end):
                value = found.group(group)
                if kind.not_after and kind.not_after.search(
                    text, max(0, found.start() - 20), found.start()
                ):
                    continue
                if TEST_NUMBER_AFTER.match(text, found.end(group)):
                    continue  # "111222333 (testnummer uit de handleiding)": a vendor's sample
                if value and kind.check(value):
                    yield found.start(group), found.end(group), kind.kind


# An identity number named, then corrected a sentence or two later: "Fehler 'Steuer-ID
# ungültig' - Ziffer vertauscht. Korrigiert auf 57 283 104 619", "Passport field had a space
# ... - corrected to 533128719", "NIF inválido ... NIF correto 245118930" (session 12)
_ID_NAMED = guarded(
    rf"(?i)\b(?:nif|nie|dni|bsn|burgerservicenummer|steuer-?id|steuernummer|{_PASSPORT}|nino"
    r"|ni\s+number|national\s+insurance|codice\s+fiscale|ssn|social\s+security"
    r"|nhs\s+(?:no\.?|number))\b"  # "asks for the NHS number ... Corrected to ..." (session 18)
)
_CORRECTED_ID = guarded(
    r"(?i)\b(?:corrected\s+to|fixed\s+to|korrigiert\s+(?:auf|zu)|correto|correcto|corregido"
    r"\s+(?:a|en)|corrigé\s+en|corretto\s+(?:in|a)|gecorrigeerd\s+(?:naar|in)|aangepast\s+naar"
    r"|should\s+be)[ \t]*:?[ \t]*(?P<value>(?-i:[A-Z]{0,2})\d[\d .]{6,14}\d(?-i:[A-Z])?)"
    r"(?![\w.,/-]\w)"
)


def corrected_id_hits(text: str, lowered: str) -> Iterator[Hit]:
    """An identity number given as the correction of one named shortly before."""
    if not any(
        word in lowered for word in ("correct", "corret", "korrigiert", "corrig", "aangepast")
    ):
        return
    for match in _CORRECTED_ID.finditer(text):
        value = match.group("value")
        digits = sum(ch.isdigit() for ch in value)
        named = _ID_NAMED.search(text, max(0, match.start() - 150), match.start())
        if digits < 8 or not named:
            continue
        if named.group(0).lower() in ("nif", "nie", "dni") and ORGANISATION_TAX_NUMBER.search(
            value
        ):
            continue  # "corregido a B45123987": a company's tax number, not a passport's
        yield match.start("value"), match.end("value"), "national_id"
