"""Personal data announced by a keyword: dates of birth, national IDs, bank details.

"DOB 14/03/1987", "NI number QQ 12 34 56 C", "account 31926819, sort code 60-16-13": the
rules are data read by :mod:`kbassist.hygiene.keyword_scan`, as the secret rules are; the
policies below decide whether the words after a keyword are a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from kbassist.hygiene.hint_index import HintIndex
from kbassist.hygiene.keyword_scan import (
    CompiledRule,
    Hit,
    KeywordRule,
    Policy,
    Reading,
    Tokens,
    compile_rule,
    keyword_hits,
    trim,
)
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import is_mention

PERSONAL_RULES: tuple[KeywordRule, ...] = (
    KeywordRule(
        "date_of_birth",
        r"dob|d\.o\.b\.?|date[\s-]+of[\s-]+birth|birth\s?(?:date|day)|born(?:\s+on)?|geburtsdatums?"
        r"|geburtstag|geb\.-?\s?datum|geb\.|geboren(?:\s+am)?|fecha\s+de\s+nacimiento"
        r"|nacid[oa](?:\s+el)?"
        r"|date\s+de\s+naissance|née?(?:\s+le)?|geboortedatum|geboren\s+op"
        r"|data\s+de\s+nascimento|nascid[oa](?:\s+em)?|data\s+di\s+nascita|nat[oa](?:\s+il)?",
        "date",
        (
            "dob",
            "d.o.b",
            "birth",
            "born",
            "geb",
            "nac",
            "naissance",
            "né",
            "geboorte",
            "nasc",
            "nat",
        ),
    ),
    KeywordRule(
        "national_id",
        r"ssn|social\s+security(?:\s+(?:number|no\.?|#))?|national\s+insurance(?:\s+(?:number|no\.?))?"
        r"|ni\s+(?:number|no\.?)|nino|national\s+id(?:\s+(?:number|no\.?))?|id\s+card(?:\s+number)?"
        r"|identity\s+card(?:\s+number)?|passport(?:\s+(?:number|no\.?))?"
        r"|driver'?s\s+licen[cs]e(?:\s+number)?|driving\s+licen[cs]e(?:\s+number)?"
        r"|personalausweis(?:nummer)?|ausweis(?:nummer)?|reisepass(?:nummer)?|steuer-?id"
        r"|steuer-?identifikationsnummer|sozialversicherungsnummer|sv-nummer|dni|pasaporte"
        r"|n[úu]mero\s+de\s+(?:la\s+)?seguridad\s+social|numéro\s+de\s+sécurité\s+sociale"
        r"|carte\s+d'identité|passeport|bsn|burgerservicenummer|paspoort|cpf|cartão\s+de\s+cidadão"
        r"|codice\s+fiscale|carta\s+d'identità|passaporto|tax\s+(?:id|number)|nif",
        "id",
        (
            "ssn",
            "social",
            "insurance",
            "ni ",
            "nino",
            "national",
            "id",
            "passport",
            "licen",
            "ausweis",
            "pass",
            "steuer",
            "sozial",
            "sv-",
            "dni",
            "seguridad",
            "sécurité",
            "carte",
            "bsn",
            "burger",
            "paspoort",
            "cpf",
            "cidad",
            "fiscale",
            "identit",
            "tax",
            "nif",
        ),
    ),
    KeywordRule(
        "bank_account",
        r"iban|(?:bank\s+)?account\s+(?:number|no\.?|#)|acct\s+(?:number|no\.?|#)|bank\s+account"
        r"|sort\s+code|routing\s+number|kontonummer|kontonr\.?|bankverbindung|n[úu]mero\s+de\s+cuenta"
        r"|cuenta\s+bancaria|numéro\s+de\s+compte|rib|rekeningnummer|bankrekening"
        r"|n[úu]mero\s+da\s+conta|nib|conto\s+corrente|numero\s+di\s+conto"
        # "account 31926819, sort code 60-16-13": a bare "account" counts on a bank line only.
        r"|account|acct"
        # "sort 20-45-77, acc 63018842": the short forms, before a value of their shape
        r"|sort(?=\s+\d{2}-\d{2}-\d{2}\b)|acc(?=\.?\s+\d{6,10}\b)"
        # a payload's fields: '"sortCode":"20-64-03","accountNumber":"94213898"' (session 28)
        r"|sort_?code|account_?number",
        "account",
        (
            "iban",
            "account",
            "acct",
            "sort code",
            "sortcode",
            "sort_code",
            "sort ",
            "acc ",
            "acc.",
            "routing",
            "konto",
            "bank",
            "cuenta",
            "compte",
            "rib",
            "rekening",
            "conta",
            "nib",
            "conto",
        ),
    ),
)

_MONTHS = (
    r"jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s|zo|ço)?|märz|apr(?:il)?"
    r"|avr(?:il)?|may|mai|mayo|maio|maggio|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?"
    r"|juil(?:let)?|luglio|aug(?:ust)?|août|ago(?:sto)?|sep(?:t|tember|tiembre|tembre|tembro)?"
    r"|set(?:embro|tembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|out(?:ubro)?|ott(?:obre)?"
    r"|nov(?:ember|embre|iembre|embro)?|dec(?:ember|embre)?|dez(?:ember|embro)?|déc(?:embre)?"
    r"|dic(?:iembre|embre)?|enero|ene|gennaio|febbraio|febrero|fevereiro|marzo|abril|aprile"
    r"|januari|februari|maart|mei|juni|juli|augustus|oktober"
)
_DATE_TOKEN = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th|\.|º)?,?")
_MONTH = guarded(rf"(?i)(?:{_MONTHS})\.?,?")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_DATE_FILLER = frozenset({"de", "of", "del"})
# a date's numbers parted by spaces, as a phone writes them dictated: "date of birth 21 01 1966"
# (session 29, blind205 read)
_DAY_NUMBER = re.compile(r"0?[1-9]|[12]\d|3[01]")
_MONTH_NUMBER = re.compile(r"0?[1-9]|1[0-2]")


def _date(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> tuple[int, int] | None:
    """A date of birth: 14/03/1987, 1987-03-14, 14 March 1987, 14 de marzo de 1987."""
    first = reading.index
    word = trim(tokens[first]).text
    if _DATE_TOKEN.fullmatch(word):
        return first, first
    words = [trim(t).text for t in tokens.span(first, first + 5)]
    words = [w for w in words if w.lower() not in _DATE_FILLER]
    shapes = [
        (_DAY, _MONTH, _YEAR),
        (_MONTH, _DAY, _YEAR),
        (_DAY_NUMBER, _MONTH_NUMBER, _YEAR),
    ]
    for shape in shapes:
        if len(words) >= 3 and all(p.fullmatch(w) for p, w in zip(shape, words, strict=False)):
            last = first
            matched = 0
            while matched < 3:
                if trim(tokens[last]).text.lower() not in _DATE_FILLER:
                    matched += 1
                last += 1
            return first, last - 1
    return None


# A date of birth given as the answer to a question that asks for it, on the question's line
# after its "?" or at the start of the next line: "need to verify you - date of birth?\nQ
# (Anne): 29 January 1971" (session 8).
# The nouns for a date of birth in the seven languages.
_BIRTH_NOUNS = (
    # hyphenated too: "the date-of-birth parse failing" (session 16)
    r"date[\s-]+of[\s-]+birth|dob|d\.o\.b|birth\s?date|birthday|geburtsdatum"
    # the year keyed wrong, the whole date given after: "HR had keyed his year of birth wrong
    # ...; his paper starter form says 14/09/2001" (session 32, blind261 read)
    r"|year[\s-]+of[\s-]+birth|birth[\s-]+year|geburtsjahr|a[ñn]o\s+de\s+nacimiento"
    r"|ann[ée]e\s+de\s+naissance|geboortejaar|ano\s+de\s+nascimento|anno\s+di\s+nascita"
    r"|fecha\s+de\s+nacimiento|date\s+de\s+naissance|geboortedatum|data\s+de\s+nascimento|data\s+di\s+nascita"
)
_BIRTH_QUESTION = guarded(
    rf"(?i)\b(?:{_BIRTH_NOUNS}|geburtstag|when\s+were\s+you\s+born"
    r"|wann\s+(?:sind\s+sie|bist\s+du)\s+geboren|cu[áa]ndo\s+naci[óo]|quand\s+êtes-vous\s+née?"
    r"|wanneer\s+bent\s+u\s+geboren|quando\s+nasceu|quando\s+[èe]\s+nat[oa])[^\n?]{0,40}\?"
)
# A date written in words: "the ninth of March nineteen seventy-one", "twenty-third of June
# 1968" (session 9). A year in words is this century's or the last.
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_ORDINAL = (
    r"(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth"
)
_YEAR_IN_WORDS = (
    r"nineteen[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[- ](?:{_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)"
    rf"|two\s+thousand(?:\s+and)?(?:[- ](?:{_UNITS}|ten|eleven|twelve))?"
)
# a year of the last century said short, without "of" too: "nineteenth Jan eighty-one"
# (session 26, blind165 read)
_SHORT_YEAR_IN_WORDS = (
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS}))?"
)
_WORDED_DATE = (
    rf"\b(?:the\s+)?(?:{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:of\s+)?(?:{_MONTHS})\b\.?,?\s+"
    rf"(?:(?:19|20)\d{{2}}\b|(?:{_YEAR_IN_WORDS})\b|(?:{_SHORT_YEAR_IN_WORDS})\b(?![- ]\w))"
)
_ANSWER_DATE_PATTERN = (
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?,?\s+(?:de\s+)?(?:{_MONTHS})\b\.?,?\s+"
    r"(?:de\s+|del\s+)?(?:19|20)\d{2}\b"
    rf"|\b(?:{_MONTHS})\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
    r"|(?<![\d/.-])\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}(?![\d/-]|\.\d)"
    r"|(?<![\d-])(?:19|20)\d{2}-\d{2}-\d{2}(?![\d-])"
    rf"|{_WORDED_DATE}"
)
_ANSWER_DATE = re.compile(rf"(?i){_ANSWER_DATE_PATTERN}")
_ANSWER_REACH = 40  # how far into the answer the date may stand
_BIRTH_YEAR = re.compile(r"(?:19|20)\d{2}")
_SHORT_YEAR = re.compile(r"[./-](\d{2})$")
_SENTENCE_END = re.compile(r"(?<![\d\s])[.!?](?:\s|$)")  # not "14. Februar 1979"
# Every question above holds one of these words (in the lower-cased text).
_ANSWER_CUES = tuple(
    "birth dob d.o.b born geburt naci naissance né geboorte geboren nasc nat".split()
)


# "the app asks for date of birth as second factor and the son gave it as 22 March 1949":
# the date later in the sentence that names a date of birth (session 8). Born 1920-2014
# (2008 until session 26): a date of this decade in that sentence is when something was done.
# In a file name too: "Okafor_Chidi_DOB_02-11-1987.pdf" (session 10).
_BIRTH_NAMED = guarded(
    rf"(?i)(?<![^\W_])(?:{_BIRTH_NOUNS}|birthdays|born|geboren|nacid[oa]|nascid[oa]|nat[oa]"
    # a field's name in an export: "date_of_birth", "dateNaissance", "birth_date" (session 14)
    r"|date_?of_?birth|birth_?date|date_?naissance|fecha_?(?:de_?)?nacimiento"
    r"|data_?(?:de_?|di_?)?nasc(?:imento|ita))"
    r"(?![^\W_])"
)


def _birth_year(date: str) -> int:
    """The year of a date found; a year in words counts as 1950 ("nineteen seventy-one") or
    2000 ("two thousand and three"), enough for the range checks below."""
    years = _BIRTH_YEAR.findall(date)
    if years:
        return int(years[-1])
    if short := _SHORT_YEAR.search(date):  # "22/11/79" (session 26, blind175 read)
        year = int(short.group(1))
        return 2000 + year if year <= 26 else 1900 + year
    tail = date.lower().rsplit(" of ", 1)[-1]
    return 1950 if "nineteen" in tail or re.search(rf"(?:{_SHORT_YEAR_IN_WORDS})$", tail) else 2000


_SENTENCE_REACH = 120
# (a schoolchild's too: "the pupil's date of birth, 23 January 2009"; session 26, blind170 read)
_LAST_BIRTH_YEAR = 2014
# or a younger child's, the date given right after the words: "Date of birth entered as
# 14/03/2015 so the age limits apply" (session 31, blind244 read)
# (a newborn's too: "The child's date of birth had been entered as 11 March 2024"; session 32)
_LINKED = re.compile(
    r"(?i)\s+(?:(?:had|has)\s+been\s+|was\s+)?(?:entered|set|given|recorded)\s+(?:as|to)\s+"
)
_LAST_LINKED_YEAR = date.today().year


def sentence_birth_date_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A date of birth given later in the sentence that names one (``lowered`` is
    ``text.lower()``)."""
    if not any(word in lowered for word in _ANSWER_CUES):
        return
    for named in _BIRTH_NAMED.finditer(text):
        end = min(len(text), named.end() + _SENTENCE_REACH)
        stop = _SENTENCE_END.search(text, named.end(), end)
        line_end = text.find("\n", named.end(), end)
        end = min(stop.start() if stop else end, line_end if line_end != -1 else end)
        for found in _ANSWER_DATE.finditer(text, named.end(), end):
            # a placeholder date may come first: "DOB imported as 01/01/1900. Correct date is..."
            linked = _LINKED.fullmatch(text, named.end(), found.start()) is not None
            last = _LAST_LINKED_YEAR if linked else _LAST_BIRTH_YEAR
            if 1920 <= _birth_year(found.group(0)) <= last:
                yield found.start(), found.end(), "date_of_birth"
                break
        else:
            if stop is not None:
                yield from _given_next(text, stop.end())


# "DOB field was mandatory. Entered as given by her parent: 22/06/2014." (session 12): the
# sentence after the one that names a date of birth gives a date alone after a colon.
# Or after "as" ("the DOB field was in US format. Entered it for the parent as 2013-07-22 and
# changed the locale"), or with more words after it when its year is no recent one
# ("birthdays in the intranet. For Siobhán: 1988-09-30 entered in ..."; session 14).
_COLON_THEN_DATE = re.compile(
    r"(?i)(?![^.!?\n:]{0,80}\b(?:since|until|due|dated?|datum|fecha|data|expir\w*|deadline"
    r"|go-live|live|scheduled|planned)\b)(?![^.!?\n:]{0,80}\b(?:on|from|am|le|el|il|op|em)\s*:)"
    # or after a verb of the caller's answer: "She gave 3rd of February 1991" (session 15)
    r"[^.!?\n:]{0,80}?(?::|\bas\b|\b(?:gave|said|stated|quoted|confirmed|added|entered)\b)[ \t]*"
    rf"(?P<date>{_ANSWER_DATE_PATTERN})"
)
# or corrected to it: "Corrected it to 22 March 2008", "corrigée en 15/11/2014", "corrected the
# record to 3 November 1997", "korrigiert auf den 8. Juli 1990" (sessions 29, 31, 33 and 35)
_CORRECTED_THEN_DATE = re.compile(
    r"(?i)(?![^.!?\n:]{0,100}\b(?:since|until|due|expir\w*|deadline|go-live|scheduled|planned"
    r"|start|end|leaving|joining|contract|invoice|renewal|inicio|alta|baja|début|fin|einde?"
    r"|beginn|ende|início|fim|inizio|scadenza|ablauf\w*|eintritt\w*|ingang\w*)\b)"
    r"[^.!?\n:]{0,100}?(?:\b(?:corrected|changed|fixed|amended|updated)"
    r"(?:\s+it|\s+the\s+record)?\s+to"
    r"|\bkorrigiert\w*\s+auf(?:\s+den)?|\bcorrigée?\s+(?:en|au)|\bcorr(?:egid[oa]|[ei]gi[óo])\s+a"
    r"|\bcorrigi(?:d[oa]|u)\s+para|\bcorre(?:tt[oa]|sse)\s+in"
    r"|\bgecorrigeerd\s+naar|\bcorrigeerde\s+(?:hem|het|haar|ze|de\s+datum)?\s*naar)\b[ \t]*"
    rf"(?P<date>{_ANSWER_DATE_PATTERN})"
)
_YEAR_NOT_RECENT = 2015


def _given_next(text: str, start: int) -> Iterator[Hit]:
    found = _COLON_THEN_DATE.match(text, start) or _CORRECTED_THEN_DATE.match(text, start)
    if found is None:
        return
    year = _birth_year(found.group("date"))
    closes = re.match(r"[ \t]*(?:[.;,]|$)", text[found.end() : found.end() + 3])
    corrected = found.re is _CORRECTED_THEN_DATE
    if 1920 <= year <= (2022 if closes or corrected else _YEAR_NOT_RECENT):
        yield found.start("date"), found.end("date"), "date_of_birth"


def answered_birth_date_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Dates of birth given right after a question asking for one (``lowered`` is
    ``text.lower()``)."""
    if "?" not in text or not any(word in lowered for word in _ANSWER_CUES):
        return
    for question in _BIRTH_QUESTION.finditer(text):
        line_end = text.find("\n", question.end())
        line_end = len(text) if line_end == -1 else line_end
        answers = [(question.end(), line_end)]
        next_start = line_end + 1
        while next_start < len(text) and text[next_start] in " \t\r\n":
            next_start += 1  # blank lines between the question and its answer
        if next_start < len(text):
            next_end = text.find("\n", next_start)
            answers.append((next_start, len(text) if next_end == -1 else next_end))
        for start, end in answers:
            end = min(end, start + _ANSWER_REACH + 30)
            stop = _SENTENCE_END.search(text, start, end)  # "She refused. On 3 June 1999 ..."
            found = _ANSWER_DATE.search(text, start, stop.start() if stop else end)
            if not found or found.start() - start > _ANSWER_REACH:
                continue
            if 1920 <= _birth_year(found.group(0)) <= 2012:
                yield found.start(), found.end(), "date_of_birth"
                break


_ID_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9./-]{0,19}")
_SSN = re.compile(r"\d{3}-\d{2}-\d{4}")


def _id(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> tuple[int, int] | None:
    """An identity number, possibly written in groups: QQ 12 34 56 C, 123-45-6789."""
    first = reading.index
    last, digits, i = None, 0, first
    while tokens.has(i) and i - first < 6:
        word = trim(tokens[i]).text
        if not _ID_PART.fullmatch(word) or (word.isalpha() and not word.isupper()):
            break
        if word.isalpha() and len(word) > 2:
            break
        digits += sum(ch.isdigit() for ch in word)
        last = i
        if tokens[i].text[-1:] in ".,;)":
            break
        i += 1
    if last is None or digits < 5:
        return None
    value = " ".join(trim(t).text for t in tokens.span(first, last))
    if is_mention(value) and not _SSN.fullmatch(value):
        return None
    return first, last


_ACCOUNT_PART = re.compile(r"[A-Z]{0,4}[\d-]+|[A-Z]{2}\d{2}[A-Z0-9]*|[A-Z0-9]{1,4}")


def _account(
    rule: KeywordRule, key: str, tokens: Tokens, reading: Reading
) -> tuple[int, int] | None:
    """A bank account number or sort code: digits, perhaps grouped; not an account's ID
    ("Deputy account ID 448120"; session 23)."""
    first = reading.index
    if any(trim(tokens[j]).text.lower() in ("id", "ids", "identifier") for j in range(first + 1)):
        return None
    last, digits, i = None, 0, first
    while tokens.has(i) and i - first < 8:
        word = trim(tokens[i]).text
        if not _ACCOUNT_PART.fullmatch(word):
            break
        digits += sum(ch.isdigit() for ch in word)
        last = i
        if tokens[i].text[-1:] in ".,;)":
            break
        i += 1
    if last is None or digits < 6:
        return None
    return first, last


_BANK_CONTEXT = re.compile(  # whole words for the short ones: not "Contact lens", "public" (s. 34)
    r"(?i)(?<![a-z])bank|(?:haus|volks|post|spar|commerz)bank|iban|sort(?:\s+|_)?(?:code|\d\d-)"
    r"|payroll|salary|routing|\bbic\b|swift|konto|\bblz\b|rekening|\bcontas?\b|\bconto\b|cuenta"
    r"|\bcomptes?\b|expenses|refund|reimburs"  # (not "Meadowbank Pharmacy"; session 37)
)

# "Company IBAN IE64 ...": the firm's own account is no one's data (session 6).
COMPANY_ACCOUNT = re.compile(
    r"(?i)\b(?:company|company's|business|corporate|firm's|our|société|entreprise|empresa"
    r"|firmen\w*|geschäfts\w*|bedrijfs\w*|zakelijke?|aziendale|società"
    # "for the charity's own account 20-45-77" (session 14)
    r"|(?:charity|school|practice|club|trust|society|association|council)['’]s"
    # "l'IBAN dell'associazione per le donazioni, IT12 ..." (session 18)
    r"|dell['’]associazione|de\s+l['’]association|de\s+la\s+asociación|da\s+associação"
    r"|van\s+de\s+vereniging|des\s+vereins)"
    r"\W+(?:\w+\W+){0,3}$"
    # or right after the firm's legal name: "Harlow Timber Ltd, sort code 40-47-84"
    # or after an association's or a club's name: "Greenhill Allotment Society, IBAN ..."
    r"|\b(?-i:Ltd|Limited|LLP|PLC|plc|Inc|LLC|GmbH|AG|SARL|SAS|B\.V|S\.L|S\.A|S\.r\.l|Lda"
    r"|Society|Association|Club|Trust|Council|Charity|Foundation|Vereniging|Stichting|Verein"
    r"|e\.V|Asociación|Associação|Associazione"
    # "St Columba PCC, sort code ...", "Fenwick Parish Rooms Committee, sort code" (session 18)
    r"|PCC|Committee|Parish|Church)\.?,?\s*(?i:sort\s+code\s+\d\d-\d\d-\d\d,?\s*)?"
    r"(?:(?:iban|rib|account|konto|cuenta|conta|compte|rekening|bank)\W{0,3})?$"
)


# A clause that gave a firm's bank details goes on giving them: the legal name or an invoice's
# footer, then bank details up to the keyword, with no sentence between (session 9).
_FIRM_BANK_CLAUSE = re.compile(
    r"(?:\b(?-i:Ltd|Limited|LLP|PLC|plc|Inc|LLC|GmbH|AG|SARL|SAS|Lda)\b|B\.V\.?|S\.L\.?|S\.A\.?"
    r"|(?i:\binvoice\s+(?:footer|template|theme|layout)|\b(?:company|business)\s+account"
    # (not "his remittance bank details to sort code ...": a sole trader's; session 33)
    r"|(?<!his\s)(?<!her\s)\bremittance))[^\n.;!?]{0,110}$"
)


# "the firm's client account: NatWest, sort code 60-12-34, account 00112233": a solicitor's
# client account is the firm's, whatever stands between in the sentence (session 9)
_CLIENT_ACCOUNT = re.compile(r"(?i)\bclient\s+account\b[^.\n]{0,80}$")


# "sort code 20-45-77 acct 11223344 for Highland Hydraulics Ltd": the firm's legal name later
# in the account's clause makes it the firm's account, unless the name is the bank's own
# ("at Barclays Bank UK PLC") (session 8).
# An association's or a trust's name too: "Acc 71234567 (Stonecrop Quarry Museum Trust)"
# (session 11).
_LEGAL_NAME_AFTER = re.compile(
    # (past a Dutch "t.n.v." too: "NL91 RABO ... t.n.v. Stichting Carillon Maas"; session 12)
    r"(?:\s*t\.\s?n\.\s?v\.|[^\n.;!?]){0,80}?\b(?-i:Ltd|Limited|LLP|PLC|plc|Inc|LLC|GmbH|AG|SARL"
    r"|SAS|B\.V|N\.V|S\.L"
    r"|S\.A|S\.r\.l|S\.p\.A|Lda|Trust|Society|Association|Charity|Council|Foundation"
    r"|Stichting|Verein|Vereniging)(?![\w-])"
)
_BANK_NAME = guarded(r"(?i)\b(?:bank\w*|banco|banque|banca|sparkasse|building\s+society)\b")


def company_named_after(text: str, end: int) -> bool:
    """Whether a firm's legal name follows the account in its clause (a bank's own excepted)."""
    found = _LEGAL_NAME_AFTER.match(text, end)  # the clause: up to a dot, a newline or ";"
    return found is not None and not _BANK_NAME.search(found.group(0))


# "IBAN de la empresa ES42 ...", "NIF da empresa 5098...": the firm named between the keyword
# and its value (session 7).
_OF_THE_FIRM = re.compile(
    r"(?i)\b(?:of\s+the|de\s+la|de\s+l'|da|do|de|du|der|des|van\s+de|van\s+het|della|dell')\s*"
    r"(?:company|firm|business|empresa|sociedad|sociedade|firma|unternehmens|société|entreprise"
    r"|bedrijf|zaak|società|azienda)\b"
    # "sort code field for the charity's own account" (session 14)
    r"|\b(?:company|firm|business|charity|practice|school|club|trust|society|association"
    r"|council|shop|office)['’]s\s+(?:own\s+)?(?:account|bank|iban)"
)
# a firm's legal form between the keyword and the value: "IBAN del fornitore (Smalti Orsoni
# srl) nel gestionale: IT60 ..." (session 14)
LEGAL_FORM_BETWEEN = re.compile(
    r"\b(?-i:Ltd|Limited|LLP|PLC|plc|Inc|LLC|GmbH|AG|SARL|SAS|Lda|SpA|S\.p\.A|BV|B\.V|NV|N\.V)\b"
    r"|(?i:\bs\.?r\.?l\b|\bs\.l\.u?\b|\bs\.a\.)"
)


# A tax number announced as a NIF is a person's only with a person's prefix: a Portuguese NIF
# opening 1-3 or 45 (a non-resident); 5 (a company or association), 6 (a public body), 7, 8
# and 9 (an estate, a condominium, an irregular body) are an organisation's; a Spanish NIF
# opening with A-H, J, N, P-S, U-W is a company's or a body's (session 8).
_TAX_KEYWORD = re.compile(r"(?i)(?:nif|nipc|contribuinte)\b")
ORGANISATION_TAX_NUMBER = re.compile(
    r"(?<![\w.-])(?:(?!45)[4-9]\d{2}[ .]?\d{3}[ .]?\d{3}"
    r"|[ABCDEFGHJNPQRSUVW]-?\d{7}-?[0-9A-J])$"
)


# An animal's date of birth is no one's personal data (a vet's or a kennel's records; session 9).
_ANIMAL = guarded(
    r"(?i)\b(?:dog|dogs|dog's|cat|cat's|pet|pets|pet's|puppy|kitten|horse|pony(?!\s+club)|animal"
    r"|canine|feline|hond|hund|perro|chien|gato|cane|gatto|kat|katze|paard|pferd|caballo|cheval"
    r"|cavallo)\b"
)
_OWNER = guarded(
    r"(?i)\b(?:owner|mr|mrs|ms|miss|dr|her|his|eigenaar|besitzer|propriétaire|dueñ[oa]|don[oa]"
    r"|proprietari[oa])\b"
)


# no one's: a final consumer's NIF, a horse's passport (its UELN's 15 digits; session 37)
_FINAL_CONSUMER = re.compile(r"(?i)\bconsumidor\s+final\b|\bpass\w*\W+(?:[a-z.]+\W+)?\d{15}$")
# A documented test or example number: "BSN 111222333 (testnummer van de leverancier)" (s. 12)
TEST_NUMBER_AFTER = re.compile(
    r"(?i)\W{0,3}(?:\(\s*)?(?:the\s+|a\s+|de\s+|het\s+|ein\s+|un\s+|una\s+)?"
    r"(?:test\w*|example|sample|dummy|placeholder|voorbeeld\w*|beispiel\w*|ejemplo|exemple"
    r"|esempio|exemplo|fictitious|fictief|fiktiv)\b"
)


def _refine(kind: str, text: str, start: int, end: int, on_its_own: bool = False) -> str:
    """Drop a national ID or bank detail that belongs to a firm; keep a bank detail only on a
    line about banking, unless its shape says so ``on_its_own`` (a sort code and an account
    number together). ``start`` is the keyword's, ``end`` the value's."""
    if kind == "national_id" and (
        TEST_NUMBER_AFTER.match(text, end) or _FINAL_CONSUMER.search(text, start, end)
    ):
        return ""  # a test number, or no one's: "NIF de consumidor final" (session 30)
    if kind in ("bank_account", "national_id") and (
        COMPANY_ACCOUNT.search(text, max(0, start - 40), start)
        or _OF_THE_FIRM.search(text, start, min(end, start + 60))
        or (kind == "bank_account" and LEGAL_FORM_BETWEEN.search(text, start, end))
        or (kind == "bank_account" and _CLIENT_ACCOUNT.search(text, max(0, start - 100), start))
    ):
        return ""
    if kind == "bank_account" and company_named_after(text, end):
        return ""
    if kind == "bank_account" and _FIRM_BANK_CLAUSE.search(
        text, max(text.rfind("\n", 0, start) + 1, start - 150), start
    ):
        return ""  # "Ardley Joinery Ltd, sort code 20-45-77, acc 43117209": all the firm's
    if (
        kind == "national_id"
        and _TAX_KEYWORD.match(text, start)
        and ORGANISATION_TAX_NUMBER.search(text, start, end)
    ):
        return ""  # "NIF da associação 503 412 665": an association's tax number
    if (
        kind == "date_of_birth"
        and _ANIMAL.search(text, max(0, start - 120), end + 120)
        and not _OWNER.search(text, max(0, start - 120), end + 120)
    ):
        return ""  # "'Bella, DOB 02/05/2019' is a DOG's date of birth": a vet's patient
    if kind == "bank_account" and not on_its_own:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end == -1 else line_end]
        if not _BANK_CONTEXT.search(line):
            return ""
    return kind


PERSONAL_POLICIES: dict[str, Policy] = {"date": _date, "id": _id, "account": _account}
_COMPILED = tuple(compile_rule(rule) for rule in PERSONAL_RULES)
_HINTS = HintIndex(hint for rule in PERSONAL_RULES for hint in rule.hints)


# The reader tries a rule when one of its hints occurs, and its regex opens with a look-behind
# that the regex engine tries at every position of the text. The hints of these rules are
# short ("id", "nat", "account") and occur in most notes, so a rule is first checked against
# what a hit needs, which is cheaper than its regex and rarely found.
#
# Every spelling of a date-of-birth or national-ID keyword holds one of these words, or a
# phrase below (lower case: on a text whose lower case keeps its length, the reader matches
# the keywords in the lower-cased text, so the word is there too).
_KEYWORD_WORDS = {
    "date_of_birth": tuple("dob d.o.b birth born geb nac naissance né nasc nato nata".split()),
    "national_id": tuple(
        """ssn social insurance nino card passport ausweis reisepass steuer
        sozialversicherungsnummer sv-nummer dni pasaporte seguridad sécurité carte bsn
        burgerservicenummer paspoort cpf cidadão fiscale carta passaporto passeport nif""".split()
    ),
}
# The spellings whose words are too common alone: "ni no", "national id", "driver's licence".
# Apart, each regex opens with its literal words, which the engine finds fast.
_KEYWORD_PHRASES = {
    "date_of_birth": (),
    "national_id": tuple(
        re.compile(phrase)
        for phrase in (r"ni\s+n[uo]", r"national\s+id", r"driv(?:er'?s|ing)\s+licen", r"tax\s+[in]")
    ),
}
# _refine keeps a bank hit only on a line that _BANK_CONTEXT matches, so a text it matches
# nowhere holds none. On an ASCII text, its case-blind match is one of these words in the
# lower-cased text ("sort" for "sort code").
_BANK_WORDS = tuple(
    """bank iban sort payroll salary routing bic swift konto blz rekening conta conto cuenta
    compte expenses refund reimburs""".split()
)


def _may_hit(compiled: CompiledRule, text: str, lowered: str) -> bool:
    """False when the rule cannot find anything in this text."""
    kind = compiled.rule.kind
    if kind == "bank_account":
        return not text.isascii() or any(word in lowered for word in _BANK_WORDS)
    if len(lowered) != len(text):
        return True  # the reader then matches the original text, ignoring case
    return any(word in lowered for word in _KEYWORD_WORDS[kind]) or any(
        phrase.search(lowered) for phrase in _KEYWORD_PHRASES[kind]
    )


def personal_keyword_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Dates of birth, national IDs and bank details that a keyword announces (``lowered`` is
    ``text.lower()``)."""
    rules = [compiled for compiled in _COMPILED if _may_hit(compiled, text, lowered)]
    return keyword_hits(text, lowered, rules, PERSONAL_POLICIES, _refine, _HINTS)


# "Entered 20-45-77 / 41927730 for Mr Okafor": a sort code and an account number written
# together are bank details without their names, where the text around speaks of a bank, a
# sort code or a direct debit (session 10); a firm's stay the firm's (_refine).
_SORT_AND_ACCOUNT = re.compile(r"(?<![\w-])\d{2}-\d{2}-\d{2}[ \t]*[/,]?[ \t]*\d{8}(?![\w-])")
# or of pay: a payroll export's row ("Harper, Eloise",20-45-77,41839265,1432.18; session 16)
_DEBIT_WORDS = re.compile(
    r"(?i)direct\s+debit|mandate|standing\s+order|sort\s+code|\bbank|payroll|salar|wages|\bbacs"
)
# one is in every match above
_DEBIT_HINTS = ("debit", "mandate", "standing", "sort", "bank", "payroll", "salar", "wages", "bacs")


def sort_and_account_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A sort code and an account number together, in a text about bank details."""
    if "-" not in text or not any(word in lowered for word in _DEBIT_HINTS):
        return
    for match in _SORT_AND_ACCOUNT.finditer(text):
        around = (max(0, match.start() - 600), min(len(text), match.end() + 200))
        if _DEBIT_WORDS.search(text, *around) and _refine(
            "bank_account", text, match.start(), match.end(), on_its_own=True
        ):
            yield match.start(), match.end(), "bank_account"
