"""Personal data beyond work identity: private phone numbers and e-mail, home
addresses, dates of birth, national IDs, bank details.

The line the guide draws: a name, a work e-mail address, a work extension or a
job title is work identity and stays; a personal phone number or e-mail, a home
address, a date of birth, a national ID or a bank detail is personal data.
Phone numbers are validated with the ``phonenumbers`` library (Google's
libphonenumber metadata); a number is personal unless the words around it say
it belongs to the business (office, reception, main line, support line, DID,
extension, toll-free). Dates of birth, national IDs and bank details that a keyword
announces are read in :mod:`kbassist.hygiene.personal_keywords`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kbassist.hygiene.addresses import HOME_WORDS, address_hits, untyped_home_hits
from kbassist.hygiene.check_digits import luhn_ok as luhn_digits_ok
from kbassist.hygiene.emails import clause_before, email_hits, written_out_email_hits
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.lower_addresses import cued_street_hits, lower_case_address_hits
from kbassist.hygiene.national_ids import corrected_id_hits, national_id_hits
from kbassist.hygiene.personal_keywords import (
    COMPANY_ACCOUNT,
    LEGAL_FORM_BETWEEN,
    answered_birth_date_hits,
    company_named_after,
    personal_keyword_hits,
    sentence_birth_date_hits,
    sort_and_account_hits,
)
from kbassist.hygiene.phones import company_footer, phone_hits
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.table_columns import birth_column_hits

# --- validated numbers: IBAN, payment cards, national IDs ----------------------------------

# "l'IBAN personale: inserito IT47 K030 ...": an IBAN named as one a few words before is a bank
# detail even when its check digits are wrong (typed by hand; session 7).
_IBAN_NAMED = guarded(
    r"(?i)\b(?:iban|rib|bank\w*|konto\w*|rekening\w*|cuenta|conta|conto|compte)\b[^\n]{0,120}$"
)
# (a space after the country's letters as dictation writes it, "ES 27 9356 ...", only when
# its check digits and its country's layout hold; session 26, blind165 read)
_IBAN = re.compile(r"\b[A-Z]{2}[ ]?\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_CARD = guarded(
    r"(?<![\d-])(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\d-])"
)
# A card number written without spaces looks like any long number: it must also carry a
# card scheme's prefix and length, and no word before it may call it something else.
_CARD_UNSPACED = re.compile(r"(?<![\w.,/-])\d{13,19}(?![\w-]|[.,/]\d)")
_CARD_SCHEMES = (
    (re.compile(r"4"), (13, 16, 19)),  # Visa
    (re.compile(r"5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)"), (16,)),  # Mastercard
    (re.compile(r"3[47]"), (15,)),  # American Express
    (re.compile(r"6(?:011|5|4[4-9]|2)"), (16, 17, 18, 19)),  # Discover, UnionPay
    (re.compile(r"35(?:2[89]|[3-8]\d)"), (16, 17, 18, 19)),  # JCB
    (re.compile(r"3(?:0[0-5]|[68])"), (14,)),  # Diners Club
)
_NOT_CARD_CONTEXT = guarded(
    r"(?i)(?:serial|s/n|\bsn\b|s[ée]rie|matricola|imei|iccid|imsi|meid|tracking|order|invoice|ticket"
    r"|case|ref"
    r"|reference|asset|\bid\b|build|version|event|error|object|sid|account|acct|iban|sku|part"
    r"|model|licen[cs]e|key|hash|barcode|ean|upc|\#"
    # a parcel's number: "etiqueta de prueba para el envío 5382 ..." (session 34, blind307 read)
    r"|env[íi]o|envoi|shipment|consignment|parcel|sendung|paket|colis|zending|pakket|spedizione"
    r"|pacco|encomenda|remessa|seguimiento|suivi)\W{0,12}$"
    # a support case with its vendor: "Abierto caso con Microsoft n.º 2394...", "Pedido de
    # suporte à Microsoft 2499..." (session 31, blind245 read)
    r"|(?:caso|case|pedido|chamado|incidencia|incidente|request|demande|richiesta|aanvraag"
    r"|melding|fall|suporte|support)(?:\s+(?:con|com|with|à|a|at|bei|chez|presso|bij|de|to|met)"
    r"\s+\w+)?\W{0,6}(?:n\.?\s?[º°o]\.?|no\.|nr\.?|number|número|numéro|nummer|numero)?\W{0,3}$"
)


_MORE_DIGITS = re.compile(r"[ -]?\d")


def _card_scheme_ok(digits: str) -> bool:
    return any(prefix.match(digits) and len(digits) in lengths for prefix, lengths in _CARD_SCHEMES)


# (in a file's name too: "94420485B_renta2024.pdf"; session 20)
_DNI = re.compile(
    r"(?<![A-Za-z0-9])(?P<number>\d{8}|[XYZ]-?\d{7})-?(?P<letter>[A-Z])(?![A-Za-z0-9])"
)
# "con el DNI de su hijo 48392017Y": after its keyword, a few words back, a DNI or NIE is one
# even with a wrong check letter (a mistyped DNI is still someone's; session 8).
_DNI_NAMED = re.compile(
    r"(?i)\b(?:dni|d\.n\.i\.?|nif|(?-i:NIE))(?:\W+\w+){0,8}?\W+$"
    # or "DNI" in capitals a sentence before: "el DNI tenía la letra mal. Era 44829163K y no
    # 44829163H" (session 9)
    r"|(?-i:\bDNI\b)[^\n]{0,110}$"
    # or a certificate's holder as the FNMT writes it: "GIL MARTIN LUCIA - 71234567L" (session 12)
    r"|(?-i:\b[A-ZÁÉÍÓÚÑ]{3,}(?:\s+[A-ZÁÉÍÓÚÑ]{3,}){2,4})\s+-\s+$"
)
# (in a file's name too: "Assunzione_Esposito_Ciro_SPSCRI90M14F839K.pdf"; session 12)
_CODICE_FISCALE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])"
)
# A DNI whose letter is said after its digits: "nueve siete tres ..., letra D" (session 24)
_DNI_LETTER_SAID = re.compile(
    r"(?<![\w.,-])(?P<number>\d{8}),?[ \t]+(?:letra|letter|lettre|lettera|Buchstabe)[ \t]+"
    r"(?P<letter>[A-Za-z])\b"
)
# its letter apart: "pedía el DNI, me lo dictó, seis cero dos ... dos A" (session 28, blind193)
_DNI_LETTER_APART = re.compile(r"(?<![\w.,-])(?P<number>\d{8})[ \t]+(?P<letter>[A-Z])(?![\w-])")
# "QQ 12 34 56 C placeholder": HMRC's example said to be one (session 12)
_PLACEHOLDER_AFTER = re.compile(r"\W{0,3}(?:placeholder|example|dummy|test\b|fictitious)", re.I)
# a number shown as the format to follow: "must be in the format AB123456C" (session 14)
_FORMAT_BEFORE = guarded(
    r"(?i)\b(?:(?:format|formato|formaat|pattern)(?:\s+(?:as|is|like))?|e\.g\.|for\s+example"
    r"|such\s+as|z\.\s?b\.|bijv\."
    # a form's hint: "NI number (placeholder text 'QQ 12 34 56 C')" (session 15)
    r"|(?:placeholder|example|sample|hint)(?:\s+text)?)\W{0,3}$"
)


def _shown_as_example(text: str, start: int, end: int) -> bool:
    before = _FORMAT_BEFORE.search(text, max(0, start - 20), start)
    return bool(_PLACEHOLDER_AFTER.match(text, end) or before)


# An NI number of any two letters, when NI is named shortly before: "Column NI had spaces.
# Example row: 'Maya Tennant, QB 48 21 73 D'" (the writer's number is no issued one; session 12)
_NINO_ANY = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_NI_NAMED = re.compile(r"\bNI(?:NO)?\b|(?i:national\s+insurance)")
_NINO = re.compile(
    # QQ is HMRC's own example prefix, still written into payroll records as a real one.
    r"\b(?:QQ|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
# or one typed in small letters, "ni" named shortly before: "provider needs ni to reset: used
# aw758165d per hr" (session 36, blind356 read)
_NINO_LOWER = re.compile(
    r"\b(?!bg|gb|nk|kn|tn|nt|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]\d{6}[a-d]\b"
)
# A pilot's licence number in the EASA and UK CAA form: "his licence number, GBR.FCL.PPL.904258F"
# (session 36, blind361 read)
_PILOT_LICENCE = re.compile(
    r"\b[A-Z]{2,3}\.FCL\.[A-Z]{1,4}\.[A-Z0-9]{4,12}\b"  # PPL, CPL, ATPL, LAPL, SPL ...
)
_NI_SAID = re.compile(  # (not the Spanish "ni": "Ni el router ni el portátil ...")
    r"(?i)\bnino\b|\b(?:needs?|the|his|her|their|with|provided?|entered|missing|wrong)\s+ni\b"
    r"|\bni\s+(?:no\b|number|nr\b|to\b|for\b|:)"
)
_CPF = re.compile(r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b")
# A UK driving licence (DVLA): five letters of the surname padded with 9s, the birth date as
# decade, month (plus 50 for a woman), day and year digits, two initials padded with 9, a
# digit and two check characters: "MORGA657054SM9IJ". A national identity document, named or
# not (session 8).
_DRIVING_LICENCE = re.compile(
    r"(?<![\w-])(?P<surname>[A-Z][A-Z9]{4}) ?(?P<birth>\d{6}) ?[A-Z][A-Z9]\d[A-Z0-9]{2}(?![\w-])"
)
_PADDED_SURNAME = re.compile(r"[A-Z]+9*")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _driving_licence_ok(surname: str, birth: str) -> bool:
    """A surname padded only at its end, and a real month and day in the birth digits."""
    month, day = int(birth[1:3]), int(birth[3:5])
    month = month - 50 if month > 50 else month
    return (
        bool(_PADDED_SURNAME.fullmatch(surname))
        and 1 <= month <= 12
        and 1 <= day <= _DAYS_IN_MONTH[month - 1]
    )


# A country's own IBAN layout (its length, and where its bank code has letters): an IBAN of
# exactly that layout is one even when typed with a wrong check digit, if bank details are
# spoken of earlier in the note ("couldn't update his bank details ... put it in for him: GB47
# LOYD 3094 ..."; session 9).
_IBAN_LAYOUTS = {
    "GB": re.compile(r"[A-Z]{4}\d{14}"),
    "IE": re.compile(r"[A-Z]{4}\d{14}"),
    "NL": re.compile(r"[A-Z]{4}\d{10}"),
    "DE": re.compile(r"\d{18}"),
    "ES": re.compile(r"\d{20}"),
    "PT": re.compile(r"\d{21}"),
    "BE": re.compile(r"\d{12}"),
    "FR": re.compile(r"\d{10}[A-Z0-9]{11}\d{2}"),
    "IT": re.compile(r"[A-Z]\d{10}[A-Z0-9]{12}"),
}
_BANK_DETAILS_EARLIER = re.compile(
    r"(?i)\b(?:bank\s+(?:details|account)|iban|bankgegevens|bankverbindung|datos\s+bancarios"
    r"|coordonnées\s+bancaires|dados\s+banc[áa]rios|coordinate\s+bancarie)\b"
)


def _iban_layout_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    layout = _IBAN_LAYOUTS.get(compact[:2])
    return layout is not None and bool(layout.fullmatch(compact[4:]))


def _iban_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def luhn_ok(number: str) -> bool:
    """The payment-card check digit."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    return luhn_digits_ok("".join(map(str, digits)))


def _dni_ok(number: str, letter: str) -> bool:
    number = number.replace("-", "")
    number = str("XYZ".index(number[0])) + number[1:] if number[0] in "XYZ" else number
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(number) % 23] == letter


def _cpf_ok(value: str) -> bool:
    digits = [int(ch) for ch in value if ch.isdigit()]
    if len(set(digits)) == 1:
        return False
    for size in (9, 10):
        total = sum(d * w for d, w in zip(digits[:size], range(size + 1, 1, -1), strict=True))
        if (total * 10 % 11) % 10 != digits[size]:
            return False
    return True


# Each number pattern opens with \b or a look-behind, which the regex engine tries at every
# position of the text. What every match of it holds, opening with a digit or a capital letter
# (which the engine can skip to), is looked for first: most notes hold none of these shapes.
_SHAPES = {
    _IBAN: re.compile(r"[A-Z][A-Z] ?\d\d(?: ?[A-Z0-9]{4}){2}"),
    _CARD: re.compile(r"\d\d{3}[ -]\d{4}"),
    _CARD_UNSPACED: re.compile(r"\d\d{12}"),
    _DNI: re.compile(r"\d\d{6}-?[A-Z]"),
    _CODICE_FISCALE: re.compile(r"[A-Z][A-Z]{5}\d\d"),
    _NINO: re.compile(r"\d\d ?\d\d ?\d\d ?[A-D]"),
    _CPF: re.compile(r"\d\d\d\.\d{3}\."),
    _DRIVING_LICENCE: re.compile(r"[A-Z][A-Z9]{4} ?\d{6}"),
}


def _any_shape(first: str) -> re.Pattern[str]:
    """The shapes that open with `first`, in one search: one pass over a text without any."""
    rests = [
        shape.pattern[len(first) :] for shape in _SHAPES.values() if shape.pattern.startswith(first)
    ]
    return re.compile(rf"{first}(?:{'|'.join(rests)})")


_ANY_SHAPE = (_any_shape(r"\d"), _any_shape("[A-Z]"))


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches, looked for only in a text that holds their shape."""
    return pattern.finditer(text) if _SHAPES[pattern].search(text) else iter(())


def _dictated_id_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A DNI with its letter said after its digits, where the letter holds; an NI number typed
    in small letters after "ni"; a pilot's licence number."""
    if "let" in lowered or "buchstabe" in lowered:
        for match in _DNI_LETTER_SAID.finditer(text):
            if _dni_ok(match.group("number"), match.group("letter").upper()):
                yield match.start(), match.end(), "national_id"
    for match in _PILOT_LICENCE.finditer(text) if ".FCL." in text else ():
        yield match.start(), match.end(), "national_id"
    for match in _NINO_LOWER.finditer(text) if " ni" in lowered else ():
        if _NI_SAID.search(text, max(0, match.start() - 60), match.start()):
            yield match.start(), match.end(), "national_id"
    if "dni" in lowered:  # its letter a word of its own, as dictation writes it
        for match in _DNI_LETTER_APART.finditer(text):
            if _dni_ok(match.group("number"), match.group("letter")) and _DNI_NAMED.search(
                text, max(0, match.start() - 80), match.start()
            ):
                yield match.start(), match.end(), "national_id"


def _number_hits(text: str, lowered: str) -> Iterator[Hit]:
    if not any(shape.search(text) for shape in _ANY_SHAPE):
        return
    for match in _matches(_IBAN, text):
        if match.group(0)[2] == " " and not (
            _iban_ok(match.group(0)) and _iban_layout_ok(match.group(0))
        ):  # not "client ID 114820937461028374652"
            continue
        named = _IBAN_NAMED.search(text, max(0, match.start() - 60), match.start()) or (
            _iban_layout_ok(match.group(0))
            and _BANK_DETAILS_EARLIER.search(text, max(0, match.start() - 400), match.start())
        )
        if isinstance(named, re.Match) and LEGAL_FORM_BETWEEN.search(
            text, named.start(), match.start()
        ):
            continue  # "IBAN del fornitore (Smalti Orsoni srl) nel gestionale: IT60 ..."
        if (
            (_iban_ok(match.group(0)) or named)
            and not COMPANY_ACCOUNT.search(text, max(0, match.start() - 45), match.start())
            and not company_named_after(text, match.end())
        ):
            yield match.start(), match.end(), "bank_account"
    for match in _matches(_CARD, text):
        # (not a SIM's ICCID, telecoms' prefix 89 and more digits after: "ICCID 8944 1100 0042
        # 7731 590"; session 27, blind184 read)
        # (nor a parcel's number opening with 0: "DHL-Sendungsnummer 0034 0434 1187 2963 5510";
        # no card scheme opens with 0; session 35, blind326 read)
        if (
            luhn_ok(match.group(0))
            and not match.group(0).startswith("0")
            and not (match.group(0).startswith("89") and _MORE_DIGITS.match(text, match.end()))
        ):
            yield match.start(), match.end(), "payment_card"
    for match in _matches(_CARD_UNSPACED, text):
        digits = match.group(0)
        if (
            luhn_ok(digits)
            and _card_scheme_ok(digits)
            and not _NOT_CARD_CONTEXT.search(clause_before(text, match.start(), 40))
        ):
            yield match.start(), match.end(), "payment_card"
    for match in _matches(_DNI, text):
        if _dni_ok(match.group("number"), match.group("letter")) or _DNI_NAMED.search(
            text, max(0, match.start() - 120), match.start()
        ):
            yield match.start(), match.end(), "national_id"
    for match in _matches(_CODICE_FISCALE, text):
        yield match.start(), match.end(), "national_id"
    for match in _matches(_NINO, text):
        if not _shown_as_example(text, match.start(), match.end()):
            yield match.start(), match.end(), "national_id"
    if "NI" in text or "nsurance" in text:
        for match in _NINO_ANY.finditer(text):
            if _NI_NAMED.search(
                text, max(0, match.start() - 120), match.start()
            ) and not _shown_as_example(text, match.start(), match.end()):
                yield match.start(), match.end(), "national_id"
    for match in _matches(_CPF, text):
        if _cpf_ok(match.group(0)):
            yield match.start(), match.end(), "national_id"
    for match in _matches(_DRIVING_LICENCE, text):
        if _driving_licence_ok(match.group("surname"), match.group("birth")):
            yield match.start(), match.end(), "national_id"


DETECTORS: tuple[Callable[[str, str], Iterator[Hit]], ...] = (
    personal_keyword_hits,
    answered_birth_date_hits,
    sentence_birth_date_hits,
    sort_and_account_hits,
    national_id_hits,
    corrected_id_hits,
    _number_hits,
    _dictated_id_hits,
    email_hits,
    written_out_email_hits,
    phone_hits,
    address_hits,
    untyped_home_hits,
    lower_case_address_hits,
    cued_street_hits,
    birth_column_hits,
)


# Kinds a firm has too: its address and its bank account in its footer or its invoice's
# remittance block ("Corrin Logistics Ltd, Unit 4 ..., company no. 08841276, VAT GB ...,
# IBAN GB71 BARC ...": session 15). Phones read the footer themselves (phones.phone_hits).
_FIRM_KINDS = frozenset({"home_address", "bank_account"})


# Made-up records: "loaded 20 dummy patients from the vendor's pack (e.g. 'Test Patient Alpha,
# 1 Test Street, ..., DOB 01/01/1900')" (session 15): what a dummy or test record holds is
# no one's, when the words stand on the value's line, at most 150 characters before it.
# "Fake" names a record only with its noun: a phish's "fake 'quote' link" makes no address
# in its sentence a made-up one (session 17).
_DUMMY_BEFORE = guarded(
    r"(?i)\b(?:dummy|fictitious|fictional|made-up|(?:test|fake)[\s,]*(?:patient|person|user|pupil"
    r"|customer|record|data|visitor|guest|name|address|contact|employee|patienten|benutzer|kunde"
    # "the sample client block still in: 'Jane Sample, 1 Example Street, ...'" (session 20)
    r"|patiënt)(?:s|en|in)?\d*|sample\s+(?:data|record|client|customer|person|patient|user)s?"
    r"|mustermann|musterfrau"
    r"|paciente\s+de\s+prueba|patient\s+test|paziente\s+di\s+prova|paciente\s+de\s+teste"
    r"|fictief|ficticio|fittizi[oa]"
    # "the documented sample values only: card 4111 ...", "fiches fictives du type « Client
    # Test, ... »", a CSV row "000000,TEST,Employee,01/01/1900,..." (session 18)
    r"|(?:documented|published)\s+(?:sample|example|test)\s+(?:values?|data|numbers?)"
    r"|(?:sample|example|test)\s+values|fictives?|fictifs?|fictieve|fictici[oa]s|fictícios?"
    r"|fittizie|fittizi)\b"
)
# A value said to be an example where it stands again: "QQ123456C is the HMRC example number"
_EXAMPLE_LATER = re.compile(
    r"(?i)\s+(?:is|was)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}(?:example|sample|test|dummy)\b"
)


# A firm's account named so right after it: "Barclays 20-45-77 / 63018452 (company account)",
# "NL18 ABNA ... is hun zakelijke rekening"; a branch named after its address; a number on a
# signature line under a sign-off ("Kind regards, Ledgerline Payroll | 0161 ...") (session 15)
_FIRM_ACCOUNT_AFTER = re.compile(
    r"(?i)[ \t]*(?:\(|(?:is|ist|es|est|é|è)\s+(?:their|hun|ihr|su|sua|leur|la\s+loro)\s+)"
    r"(?:company|business|zakelijke|geschäfts\w*|firmen\w*|empresa|entreprise|aziendale)"
    r"\s*(?:account|rekening|konto|cuenta|conta|compte|conto)?"
    # "Moet NL56 RABO ... zijn, van de zaak." (session 17)
    r"|[ \t]*(?:zijn|is|sein|ist|être|est|ser|es|é|essere|è)?[ \t]*,?[ \t]*(?:van\s+de\s+zaak"
    r"|van\s+het\s+bedrijf|der\s+firma|de\s+la\s+empresa|da\s+empresa|de\s+l'entreprise"
    r"|dell'azienda|the\s+(?:company|business)'s)\b"
    # "the IBAN on it PL03 ... is the same company account as on last month's" (session 17)
    r"|[ \t]*,?[ \t]+(?:is|was)\s+(?:the\s+)?(?:same\s+)?(?:company|business|firm's|supplier's)"
    r"\s+account"
)
# a body's published bank details: "the payment to HMRC, whose published sort code 08-32-10"
_PUBLISHED_BEFORE = re.compile(r"(?i)\bpublished\s+(?:sort\s+code|account|iban|bank\s+details)\W*$")
_BRANCH_AFTER = re.compile(r"(?i)[ \t]+(?:branch|office|depot|store|shop|site|warehouse)\b")
_SIGN_OFF_BAR_LINE = guarded(
    r"(?i)[ \t>]*(?:(?:kind|best|warm|many)\s+)?(?:regards|thanks|cheers)\b[^\n|]*\|"
)


# A rule's reference date near a birth date's name: "rejecting learners whose date of birth
# made them over 19 ... still using 31/08/2005 as the cut-off" (session 17)
_RULE_DATE = guarded(
    r"(?i)\b(?:cut-?off|threshold|deadline|stichtag|peildatum|fecha\s+de\s+corte"
    r"|date\s+limite|data\s+limite|data\s+di\s+riferimento)\b"
)


# An animal's papers: "microchip 941000029118832, passport number GB52604871" (session 18)
_ANIMAL_BEFORE = guarded(
    r"(?i)\b(?:microchip|pet|dog|puppy|kitten|heimtier\w*|hund|katze|chien|perro|gato|hond"
    r"|cane|gatto|dierenpaspoort)\b[^.\n]{0,80}$"
)
# A device's serial in a national number's shape: "the failing RDS encoder (serial SW341755B)",
# "numero di serie WT006608A" (session 35, blind334 read)
_SERIAL_BEFORE = re.compile(
    r"(?i)\b(?:serial(?:\s+(?:number|no\.?))?|s/n|sn|seriennummer|serienummer|matricola"
    r"|n[úu]mero\s+de\s+s[ée]rie|num[ée]ro\s+de\s+s[ée]rie|numero\s+di\s+serie)\W{0,3}$"
)
# The date a system fills in when none was given: "dob=\"1900-01-01\"" (session 18)
_SENTINEL_DATE = re.compile(r"0?1[./-]0?1[./-]1900|1900-0?1-0?1")


def _firm_or_dummy(text: str, hit: Hit) -> bool:
    start, end, kind = hit
    line_start = text.rfind("\n", 0, start) + 1
    if _DUMMY_BEFORE.search(text, max(line_start, start - 150), start) or _declared_example(
        text, start, end
    ):
        return True
    if kind == "date_of_birth" and (
        _RULE_DATE.search(text, max(0, start - 40), end + 40)
        or _SENTINEL_DATE.fullmatch(text, start, end)
    ):
        return True
    if kind == "bank_account" and (
        _FIRM_ACCOUNT_AFTER.match(text, end)
        or _PUBLISHED_BEFORE.search(text, max(0, start - 40), start)
    ):
        return True
    if kind == "national_id" and (
        _ANIMAL_BEFORE.search(text, max(line_start, start - 100), start)
        or _SERIAL_BEFORE.search(text, max(0, start - 30), start)
    ):
        return True
    if kind == "home_address" and _BRANCH_AFTER.match(text, end):
        return True
    if kind == "phone" and _SIGN_OFF_BAR_LINE.match(text, line_start):
        return True
    return (
        kind in _FIRM_KINDS
        and company_footer(text, start, end, table_rows=False)
        and not HOME_WORDS.search(text, max(0, start - 60), start)
        and not (kind == "bank_account" and _OWN_ACCOUNT_AFTER.match(text, end))
    )


# "cuenta nueva ES76 ..., su cuenta personal en otro banco": the person's own, whatever
# registration number the note gives later (session 18)
_OWN_ACCOUNT_AFTER = re.compile(
    r"(?i)[^.\n]{0,30}?\b(?:(?:cuenta|conta|account|konto|compte|rekening|conto)\s+(?:personal"
    r"|pessoal|privad[ao]|privat\w*|persönlich\w*|personnel\w*|personale|priv[ée]\w*|propia"
    r"|própria)|(?:personal|private|own|privé|eigen)\s+(?:bank\s+)?(?:account|rekening))\b"
)


def _declared_example(text: str, start: int, end: int) -> bool:
    """A value the text calls an example where it stands or within 200 characters after.
    (A payment processor's published test card stays masked: tests/hostile treats one as a
    card.)"""
    value = text[start:end]
    found = text.find(value, start, min(len(text), end + 200))
    while found != -1:
        if _EXAMPLE_LATER.match(text, found + len(value)):
            return True
        found = text.find(value, found + 1, min(len(text), end + 200))
    return False


def personal_hits(text: str, lowered: str | None = None) -> list[Hit]:
    """Every piece of personal data found, unsorted and possibly overlapping."""
    lowered = text.lower() if lowered is None else lowered
    return [
        hit
        for detector in DETECTORS
        for hit in detector(text, lowered)
        if not _firm_or_dummy(text, hit)
    ]
