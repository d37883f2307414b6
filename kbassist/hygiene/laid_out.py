"""Secrets laid out rather than announced: guest passes listed a sentence after their
topic, the Password column of a CSV or of a table aligned with spaces (a table with bars is
read by :mod:`kbassist.hygiene.table_columns`), a recovery phrase of plain words, a passphrase
of several words on its own labelled line.

Each reads only texts that hold its words first (the detectors run on every note).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import VERBS, Hit
from kbassist.hygiene.prose_codes import sentence_around
from kbassist.hygiene.regex_guard import guarded, kept_matches
from kbassist.hygiene.spelled_letters import NATO_WORDS
from kbassist.hygiene.spoken_codes import not_a_code
from kbassist.hygiene.table_columns import PASSWORD_HEADER, PROSE_CELL
from kbassist.hygiene.value_shapes import KEY_NOUNS, STOPWORDS, is_mention, value_shape_ok

# Guest passes and vouchers given out as a list, in the sentence after the one that says what
# they are ("Generated guest passes ... First three for the front desk: 51094-22837, ..."):
# two or more codes of two groups of digits, none a range of years.
_VOUCHER_TOPIC = guarded(
    r"(?i)\b(?:guest\s+(?:wi-?fi\s+)?(?:pass(?:es)?|codes?|vouchers?|tickets?|access)|\w*vouchers?"
    r"|hotspot\s+(?:codes?|tickets?|manager)|gast(?:zugang|wlan|zugangs)\w*|gutschein\w*"
    r"|c[óo]digos?\s+de\s+invitado|codes?\s+invités?|gastcodes?|codici\s+ospite"
    r"|bons?\s+(?:wi-?fi\s+)?invités?|tickets?\s+(?:wi-?fi\s+)?invités?"  # (session 16)
    # the network named instead of the guest: "codes Wi-Fi", "wifi vouchers" (session 8)
    r"|(?:wi-?fi|wlan)[\s-]?(?:codes?|vouchers?|tickets?|pass(?:es)?)"
    r"|(?:codes?|c[óo]digos?|codici|vales?|bonos?|buoni|fichas?)\s+(?:de\s+|do\s+)?(?:wi-?fi|wlan)"
    r"|(?:vales?|bonos?|buoni|bons)\s+en\s+el\s+portal|\bomada\b"
    # a captive portal's passes: "le portail captif Omada ne générait plus de bons" (session 9)
    r"|portail\s+captif|captive\s+portal|portal\s+cautivo|portale\s+captive"
    # "un lot de bons sur le portail invité" (session 20)
    r"|portail\s+invit[ée]s?|guest\s+portal|portal\s+de\s+invitados|gastportal|portale\s+ospiti)"
)
# One of these is in every topic above (lower-cased): the topic regex runs only where one is.
_VOUCHER_HINTS = (
    *("guest", "voucher", "hotspot", "gast", "gutschein", "invit", "ospite"),
    *("wifi", "wi-fi", "wlan", "captif", "captive", "cautivo", "omada", "vales"),
)
# digits, or letters and digits as Omada and UniFi print them ("7HQ2-KP4M"; session 9)
# (or three groups: "318-550-92"; session 12)
_VOUCHER_ITEM = (
    # or three groups of three with spaces, as Omada prints them: "418 227 905" (session 14)
    r"(?:\d{4,6}-\d{4,6}|\d{3}-\d{3}-\d{2,3}|\d{3} \d{3} \d{3}"
    r"|(?=[A-Z]*\d)[A-Z\d]{4,6}-(?=[A-Z]*\d)[A-Z\d]{4,6})"
)
_VOUCHER_LIST = re.compile(
    rf"(?<![\w-])({_VOUCHER_ITEM})(?:\s*(?:,|;|and|und|y|et|en|e|[-*•](?=\s))?\s*(?<![\w-]){_VOUCHER_ITEM}"
    r"(?![\w-]))+"
)


_VOUCHER_ROWS = re.compile(
    rf"(?<![\w-]){_VOUCHER_ITEM}(?![\w-])[^\n]{{0,60}}(?:\n[^\n]{{0,40}}?(?<![\w-]){_VOUCHER_ITEM}"
    r"(?![\w-])[^\n]{0,60}){1,40}"
)


def _voucher_lists(text: str) -> Iterator[re.Match[str]]:
    """Lists of two or more vouchers within 400 characters after their topic: in a sentence
    ("48213-77160, 55102-..."), or one per line or table row ("| 2 | 11640-38825 | 1 day |")."""
    for regex in (_VOUCHER_LIST, _VOUCHER_ROWS):
        for match in regex.finditer(text):
            if _VOUCHER_TOPIC.search(text, max(0, match.start() - 400), match.start()):
                yield match


# One voucher given alone ("made a 1-day voucher pack ... first one is 71930-28846"): two
# groups of five digits, as UniFi and Omada print them, within 200 characters of the topic
# (session 9).
# Or in three groups, as other controllers print them: "619-447-208", "7731-0442-85",
# "HBV-9QK-T4M" (session 14)
_ONE_VOUCHER = re.compile(
    # or eight to ten digits run together, as Omada prints them too (session 16)
    r"(?<![\w-])(?:[1-9]\d{4}-\d{5}|\d{3}-\d{3}-\d{3}|\d{4}-\d{4}-\d{2}|\d{8,10}(?![.,]\d)"
    r"|(?=[A-Z\d-]*\d)(?=[A-Z\d-]*[A-Z])[A-Z\d]{3}-[A-Z\d]{3}-[A-Z\d]{3})(?![\w-])"
)


# A UniFi voucher may start with a zero ("it says 'voucher expired' - it's 06464-36675"), where
# a phone's area code does too: only within 80 characters of the topic. A Ruckus guest pass is
# letters ("Created a guest pass ..., 6 devices: MQZKTWHE"): capitals after a colon, with
# hardly a vowel, within 150 characters (session 20).
_ZERO_VOUCHER = re.compile(r"(?<![\w-])0\d{4}-\d{5}(?![\w-])")
_LETTER_PASS = re.compile(r"(?<=:)[ \t]*([A-Z]{6,10})(?![\w-])")


def _near_vouchers(text: str) -> Iterator[tuple[int, int]]:
    """The vouchers that stand close to their topic: a zero first, or a pass of letters."""
    for regex, reach in ((_ZERO_VOUCHER, 80), (_LETTER_PASS, 150)):
        for match in regex.finditer(text):
            value = match.group(match.lastindex or 0)
            if sum(ch in "AEIOUY" for ch in value) * 4 > len(value):
                continue  # a word in capitals: "EXPIRED"
            start = match.start(match.lastindex or 0)
            if _VOUCHER_TOPIC.search(text, max(0, start - reach), start):
                yield start, start + len(value)


def voucher_list_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Two or more guest passes or vouchers listed within 400 characters of their topic."""
    if not any(hint in lowered for hint in _VOUCHER_HINTS):
        return
    if not _VOUCHER_TOPIC.search(text):
        return
    for match in _ONE_VOUCHER.finditer(text):
        if _VOUCHER_TOPIC.search(text, max(0, match.start() - 200), match.start()):
            yield match.start(), match.end(), "wifi_voucher"
    for start, end in _near_vouchers(text):
        yield start, end, "wifi_voucher"
    for match in _voucher_lists(text):
        for item in re.finditer(_VOUCHER_ITEM, match.group(0)):
            left, _, right = item.group(0).partition("-")
            if (
                len(left) == len(right) == 4
                and left[:2] in ("19", "20")
                and right[:2] in ("19", "20")
            ):
                continue  # 2024-2025
            yield match.start() + item.start(), match.start() + item.end(), "wifi_voucher"


# A CSV pasted from a password manager's export ("url,username,password,extra,name,grouping\n
# https://www.tax.service.gov.uk,HRA-agent-0921,Ledger!Quill9Pt,,HMRC agent,Finance"): the
# cell under the password header on each row, with commas, semicolons or tabs (session 12)
_CSV_HINTS = ("pass", "pw", "kennwort", "contrase", "clave", "wachtwoord", "senha", "pin", "cred")


def csv_hits(text: str, lowered: str) -> Iterator[Hit]:
    """The cells under a password column of a pasted CSV, until a line without its separator."""
    if not any(hint in lowered for hint in _CSV_HINTS):
        return
    position, column, separator = 0, None, ","
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        body = line.rstrip("\r\n")
        if column is not None and body.count(separator) >= 2:
            cells = body.split(separator)
            if column < len(cells):
                raw = cells[column]
                value = raw.strip().strip('"')
                if value and not PROSE_CELL.fullmatch(value) and not is_mention(value):
                    if value_shape_ok(value, "medium"):
                        begin = start + sum(len(cell) + 1 for cell in cells[:column])
                        begin += raw.find(value)
                        yield begin, begin + len(value), "password"
            continue
        column = None
        for separator in (",", ";", "\t"):
            if body.count(separator) >= 2:
                headers = [cell.strip().strip('"') for cell in body.split(separator)]
                column = next((i for i, h in enumerate(headers) if PASSWORD_HEADER.match(h)), None)
                if column is not None:
                    break


# A table laid out with spaces ("  system    user    password\n  ------    ----    --------\n
#   Weighbridge PC    weigh    oast4house"): the cell that starts under the Password header
# on each row until a blank line (session 9).
_ALIGNED_HEADER = re.compile(
    r"(?im)^(?=[^\n]*\S[ \t]{2,}\S)[^\n|]*?(?:(?<=[ \t]{2})|(?<=^))(?P<head>passwords?|pw|pwd"
    r"|kennwort|passwort|contraseña|wachtwoord|senha|mot de passe|new password)[ \t]*$"
)
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
_COLUMNS = re.compile(r"\S[ \t]{2,}\S")


def _aligned_value(line: str, column: int) -> re.Match[str] | None:
    """The cell that starts at column on a table row, when it holds a password-shaped value."""
    if len(line) <= column or line[column - 1 : column] not in (" ", "\t"):
        return None
    cell = _ALIGNED_CELL.match(line, column)
    if cell is None or not set(cell.group(0)) - set("-= "):
        return None  # no cell there, or the header's underline
    value = cell.group(0)
    if value.startswith("(") or PROSE_CELL.fullmatch(value) or is_mention(value):
        return None  # "(unchanged, sticker)", "in the vault"
    return cell if value_shape_ok(value, "medium") else None


def aligned_table_hits(text: str, lowered: str) -> Iterator[Hit]:
    """The cells under a Password header that ends a space-aligned table's header line."""
    if "   " not in text or not any(word in lowered for word in ("pass", "pw", "wort", "senha")):
        return
    for header in _ALIGNED_HEADER.finditer(text):
        column = header.start("head") - (text.rfind("\n", 0, header.start("head")) + 1)
        position = header.end() + 1
        while position < len(text):
            line_end = text.find("\n", position)
            line_end = len(text) if line_end == -1 else line_end
            line = text[position:line_end]
            if not _COLUMNS.search(line):
                break  # a blank line or prose: the table is over
            cell = _aligned_value(line, column)
            if cell:
                yield position + cell.start(), position + cell.end(), "password"
            position = line_end + 1


_PHRASE = re.compile(
    r"(?i)\b(?:recovery|seed|mnemonic|backup|secret|wiederherstellungs|herstel)[\s-]?"
    r"(?:phrase|words|sentence|satz|zin|seed)\b|\bfrase\s+de\s+(?:recuperación|recuperação|semilla)"
    r"|\bphrase\s+de\s+récupération|\bfrase\s+di\s+recupero|\bseed\b"
    # "the 12-word phrase", "Phrase as read back by the trustee:" (session 8): the run of
    # 12-24 plain words after it is the test
    # "She read the 12 words and I typed them ...: orbit canyon ..." (session 11)
    r"|\b(?:12|15|18|21|24|twelve|twenty-four)[- ]words?\b|\b(?P<bare>phrase)\b"
    # "as 12 palavras de recuperação (em inglês): orbit velvet ..." (session 9)
    r"|\b(?:12|15|18|21|24)\s+(?:palavras|palabras|mots|woorden|wörter|parole)\b"
    r"|\b(?:palavras|palabras)\s+de\s+recupera(?:ção|cao|ción|cion)|\bmots\s+de\s+récupération"
    r"|\bherstelwoorden|\bwiederherstellungswörter|\bparole\s+di\s+recupero"
)
# the words in a row, or laid out over a few lines ("harbour  velvet  plunge ...\n  ember ...")
_WORD_RUN = re.compile(r"(?<![\w-])(?:[a-z]{3,10}(?:[ \t,]+|[ \t]*\n[ \t]*)){11,23}[a-z]{3,10}\b")
_SENTENCE_WORDS = frozenset(
    "the and is are was in to of it be has been for on at by with where she he they we that "
    "this not its her his their our you your will would can from when".split()
)


def phrase_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A wallet or vault recovery phrase: 12 to 24 plain words after the phrase's name."""
    if not any(
        word in lowered
        for word in (
            *("phrase", "word", "sentence", "satz", "zin", "frase", "seed", "palavra"),
            *("palabra", "mots", "woorden", "wörter", "parole", "wallet", "ledger", "trezor"),
            *("crypto", "bitcoin", "metamask", "carteira", "cartera", "portefeuille"),
            *("portafoglio", "portemonnee"),
        )
    ):
        return
    for match in _PHRASE.finditer(text):
        window_end = min(len(text), match.end() + 400)
        run = _WORD_RUN.search(text, match.end(), window_end)
        if run is None or re.search(r"[.!?]\s", text[match.end() : run.start()]):
            continue
        if match.group("bare") and not text[match.end() : run.start()].rstrip().endswith(":"):
            continue  # "phrase" alone: only the words given after a colon
        if _plain_run(run.group(0)):
            yield run.start(), run.end(), "recovery_code"
    # "He pasted them into the ticket: orbit velvet canyon ..." (session 12): in a note about a
    # wallet, a run given after a colon or on a line of its own is the phrase, however many
    # sentences after the phrase was named
    if _WALLET.search(text):
        for run in _WORD_RUN.finditer(text):
            before = text[max(0, run.start() - 4) : run.start()]
            given = run.start() == 0 or re.search(r"[:\n][ \t]*$", before)
            if given and _plain_run(run.group(0)):
                yield run.start(), run.end(), "recovery_code"


_WALLET = guarded(
    r"(?i)wallet|ledger|trezor|crypto|bitcoin|metamask|\bseed\b|recovery\s+phrase"
    r"|\b(?:12|24|twelve)\s+words|carteira|cartera|portefeuille|portafoglio|portemonnee"
)


def _plain_run(run: str) -> bool:
    """12, 15, 18, 21 or 24 plain words, none of them a sentence's small words."""
    words = re.findall(r"[a-z]+", run)
    return len(words) in (12, 15, 18, 21, 24) and not _SENTENCE_WORDS.intersection(words)


# "encryption password: Copper kettle on the Aga 1987": a label at a line's or a sentence's
# start, then the rest of the line as the value: one clause of three to eight words with a
# digit or a symbol in it (session 6). Single-word values are the keyword rules' business.
_PASSPHRASE_LINE = re.compile(
    r"(?im)(?:^|(?<=\. )|(?<=; ))[ \t]*(?:[-*•][ \t]*)?(?:[\w-]+[ \t]+){0,2}?"
    r"(?:password|passphrase|pass\s+phrase|passwort|kennwort|contraseña|mot\s+de\s+passe"
    r"|wachtwoord|senha|parola\s+d'ordine)[ \t]*[:=][ \t]*"
    r"(?P<value>\S(?:(?!\.\s)[^\n,;]){6,78}?)"  # no comma or sentence end inside
    # the line ends, or its sentence: "Passphrase: Tourbillon Minute Repeater 1921. Restore
    # test OK." (session 8)
    r"(?:[ \t.]*$|\.(?=[ \t]+[A-ZÀ-Ý]))"
)
# One of these is in every label above (lower-cased): the regex runs only where one is.
_LABEL_STEMS = ("pass", "kennwort", "contraseña", "mot de passe", "wachtwoord", "senha", "parola")
# Short words a passphrase may hold; every other stopword ("vault", "sent", "same") or verb
# ("reset", "changed") says the line talks about the password instead of giving it.
_PHRASE_GLUE = frozenset(
    """
    a an the on in at of to for with and or by from as im am auf der die das den dem ein eine
    und el la los las en de del y un una le les du des et une dans sur het een op van o os as
    em no na do da e um uma il lo di della nel sul
    """.split()
)
# A line about the password policy: "Password: 12 characters minimum with 3 classes".
_POLICY_WORDS = frozenset(
    "characters chars character caracteres caractères zeichen tekens caratteri minimum maximum "
    "min max long classes".split()
)
_SYMBOLS = re.compile(r"[!@#$%^&*?~+=_]")


def passphrase_line_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A passphrase of three to eight words with a digit or symbol, alone after its label."""
    if ":" not in text and "=" not in text:
        return
    if not any(word in lowered for word in _LABEL_STEMS):
        return
    for match in _PASSPHRASE_LINE.finditer(text):
        value = match.group("value")
        words = [word.strip(",;()'\"").lower() for word in value.split()]
        if not 3 <= len(words) <= 8 or is_mention(value.split()[0]):
            continue
        if any(w in VERBS or w in _POLICY_WORDS for w in words) or any(
            w in STOPWORDS and w not in _PHRASE_GLUE for w in words
        ):
            continue
        if any(ch.isdigit() for ch in value) or _SYMBOLS.search(value):
            yield match.start("value"), match.end("value"), "password"


# "Bypass codes: generated 2 codes, 1 use each, 24 h: 318504927, 740162835", "Codes: 8304
# 1772, 5519 0268": two or more numeric codes of one shape listed after a colon, with backup,
# bypass or verification codes named in the 300 characters before (session 6).
_MFA_CODES_NAMED = re.compile(
    r"(?i)\b(?:bypass|backup|back-up|recovery|verification|one-time|2sv|mfa|2fa|sign-in|login"
    r"|emergency|notfall|wiederherstellungs|herstel)[\s-]?codes?\b"
    r"|\b(?:codes?|c[óo]digos?|codici)\s+(?:de\s+|di\s+)?(?:secours|respaldo|backup|recuperaci[óo]n"
    r"|recupera[çc][ãa]o|recupero|emergencia|emerg[êe]ncia)\b"
)
_LISTED_CODE = r"(?:\d{6,10}|\d{4} \d{4}|\d{3} \d{3})"
_CODE_LIST_AFTER_COLON = re.compile(
    rf":[ \t]*(?P<list>{_LISTED_CODE}(?:[ \t]*(?:,|;|and|und|y|et|en|e)[ \t]*{_LISTED_CODE})+)"
    r"(?![\w-])"
)
_ONE_CODE = guarded(_LISTED_CODE)


def mfa_code_list_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Each code of a list of backup or bypass codes given after a colon."""
    if "code" not in lowered and "código" not in lowered and "codici" not in lowered:
        return
    for match in _CODE_LIST_AFTER_COLON.finditer(text):
        if not _MFA_CODES_NAMED.search(text, max(0, match.start() - 300), match.start()):
            continue
        items = list(_ONE_CODE.finditer(text, match.start("list"), match.end("list")))
        shapes = {re.sub(r"\d", "9", item.group(0)) for item in items}
        if len(items) >= 2 and len(shapes) == 1:
            for item in items:
                yield item.start(), item.end(), "recovery_code"


# "Nouvelle clé saisie sur le contrôleur UniFi (... > TILLEULS-CLIENTS) : Tilleuls-Lac-2025":
# in a sentence about a Wi-Fi key, the value after a colon that ends the clause (session 6).
_WIFI_WORDS = guarded(r"(?i)\b(?:wi[- ]?fi|wpa[23]?|wep|wlan|ssid|wireless|sans[\s-]fil)\b")
_KEY_WORDS = guarded(
    r"(?i)\b(?:key|clé|clef|schlüssel|clave|sleutel|chave|chiave|password|passwort|kennwort"
    r"|contraseña|mot\s+de\s+passe|wachtwoord|senha|passphrase|psk|code|codice|código)\b"
)
_VALUE_AFTER_COLON = re.compile(r"\s:[ \t]*|:[ \t]+")
_CLAUSE_VALUE = re.compile(r"(?P<value>[^\s,;()<>\"']{8,63}?)[.,;)]?(?=\s|$)")
# Words joined by hyphens, the way Wi-Fi passphrases are made: "ninety-sunflowers-bend".
_WORD_KEY = re.compile(r"(?i)[a-zäöüéèàç]{3,12}(?:-[a-zäöüéèàç]{3,12}){2,5}")
_NAME_BEFORE = guarded(r"(?i)(?:ssid|network\s+name|name|nom|nombre|naam|nome|>)\s*$")


def wifi_key_after_colon_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A Wi-Fi key given after a colon in a sentence that names the key and the Wi-Fi."""
    if not _WIFI_WORDS.search(text):
        return
    for colon in _VALUE_AFTER_COLON.finditer(text):
        value = _CLAUSE_VALUE.match(text, colon.end())
        if value is None or _NAME_BEFORE.search(text, max(0, colon.start() - 20), colon.start()):
            continue
        start = max(text.rfind("\n", 0, colon.start()), text.rfind(". ", 0, colon.start())) + 1
        sentence = text[start : colon.start()]
        if not (_KEY_WORDS.search(sentence) and _WIFI_WORDS.search(sentence)):
            continue
        word = value.group("value")
        if is_mention(word):
            continue
        if (
            _WORD_KEY.fullmatch(word)
            or (any(ch.isdigit() for ch in word) and value_shape_ok(word, "medium"))
            or _random_letters(word)
        ):
            yield value.start("value"), value.end("value"), "wifi_key"


# Letters only, at random: "Clave WPA2 configurada en el controlador ...: wohfzSxBfTnYhqdrJs"
# (session 20): three capitals or more, the lower-case runs between them short, as no
# CamelCase name has them ("StageNowProfile")
_LOWER_RUNS = re.compile(r"[a-z]+")


def _random_letters(word: str) -> bool:
    runs = _LOWER_RUNS.findall(word)
    capitals = sum(ch.isupper() for ch in word)
    return (
        word.isalpha()
        and len(word) >= 12
        and capitals >= 3
        and bool(runs)
        and sum(map(len, runs)) < 3 * len(runs)
    )


# "passage en WPA2 sur le SSID DELMAS-REUNION avec la clé Tilleul-Brume-58", "SSID 'KnipCo'
# met schaar-en-kam-2026 teruggezet", "join with tea-kettle-morning": a Wi-Fi key after the
# word key, or after "with" where the network was just named (session 14)
_KEY_IN_PROSE = guarded(
    r"(?i)\b(?P<word>key|clé|clef|chiave|clave|chave|schlüssel|sleutel|passphrase|with|met|mit"
    r"|con|avec|com)"
    # (its security said: "nouvelle clé de sécurité EE008DF8..."; session 31, blind244 read)
    r"(?:\s+(?:de|di)\s+(?:sécurité|seguridad|segurança|sicurezza))?"
    r"\s+['\"‘“]?(?P<value>[^\s'\"’”,;()<>]{8,63}?)['\"’”]?[.,;)]?(?=\s|$)"
)
_NETWORK_NAMED = guarded(r"(?i)\b(?:ssid|network|netwerk|netzwerk|réseau|rete|red|rede)\b")
_NOT_A_WIFI_KEY = re.compile(r"(?i)wpa|wep|802\.|aes|tkip|psk|ghz|mbps|personal|enterprise")


def _network_named_before(text: str, at: int, value: str) -> bool:
    """A network (or Wi-Fi) named up to 300 characters before a key of strict shape."""
    if (
        not (value_shape_ok(value, "strict") or _random_letters(value))
        or "\\" in value
        or "/" in value
    ):
        return False  # a registry key's or a file's path is no Wi-Fi key
    before = max(0, at - 300)
    return bool(_NETWORK_NAMED.search(text, before, at) or _WIFI_WORDS.search(text, before, at))


def wifi_key_in_prose_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A Wi-Fi key after "key" (or "with", the network named just before) in a sentence
    about Wi-Fi."""
    if not _WIFI_WORDS.search(text) and not _NETWORK_NAMED.search(text):
        return
    for match in _KEY_IN_PROSE.finditer(text):
        word, value = match.group("word").lower(), match.group("value")
        joined = word in {"with", "met", "mit", "con", "avec", "com"}
        if joined and not _NETWORK_NAMED.search(text, max(0, match.start() - 40), match.start()):
            continue
        start, end = sentence_around(text, match.start())
        # "Network LARCHMONT-GUESTS, join with tea-kettle-morning": the network named right
        # before "with" makes it Wi-Fi without the word (session 15); "não se ligavam à rede
        # ALUNOS. ... Configurada a nova chave S0gfe3giIAXF9Llv": a network named in an earlier
        # sentence, for a key of a password's strict shape (session 17)
        named_before = not joined and _network_named_before(text, match.start(), value)
        if not (joined or named_before or _WIFI_WORDS.search(text, start, end)):
            continue
        if _NOT_A_WIFI_KEY.search(value):
            continue
        if is_mention(value) or not any(ch.isalpha() for ch in value):
            continue
        if (
            _WORD_KEY.fullmatch(value)
            or (any(ch.isdigit() for ch in value) and value_shape_ok(value, "medium"))
            # letters at random: "rede Armazem configurada ... com a chave QbyWkApvUhud" (session
            # 30, blind227 read)
            or _random_letters(value)
        ):
            yield match.start("value"), match.end("value"), "wifi_key"
    if "entered" not in lowered and "typed" not in lowered and "read out" not in lowered:
        return
    for match in _KEY_ENTERED.finditer(text):
        if _network_named_before(text, match.start("value"), match.group("value")):
            yield match.start("value"), match.end("value"), "wifi_key"


# "Same network name ... wanted the key again - entered Pq7XvR3mNtKe from the hub card": the
# value after "entered" a few words after the key's word, a network named before (session 17)
_KEY_ENTERED = guarded(
    r"(?i)\b(?:key|password|passphrase|wachtwoord|schlüssel|clé|clave|chiave|chave)\b[^.\n]{0,40}?"
    r"\b(?:entered|typed(?:\s+in)?|read\s+out)[ \t]+(?P<value>[^\s,;()<>'\"]{8,63}?)[.,;)]?(?=\s|$)"
)


# "joined by hand using the key on the back of the hub, 4qRtYn7KxLbG3v, but", "new staff ssid
# OBH-Staff ..., wpa2 'ryebread-kiln-44' given to shift lead": a key a few words after "key"
# and a comma where a network is named, or quoted right after the security mode (session 15)
_KEY_THEN_COMMA = guarded(
    # (the security mode among the words: "la chiave WPA2 del laboratorio, QSBqnvbUPuf9jY,";
    # session 30, blind237 read)
    r"(?i)\b(?:key|clé|clef|chiave|clave|chave|schlüssel|sleutel|passphrase)\b"
    r"(?:[^.,;:\n\d]|(?<=wpa)[23]){0,50},"
    r"[ \t]+(?P<value>[^\s'\",;()<>]{8,63}?)[.,;)]?(?=\s|$)"
    r"|\bwpa[23]?(?:-psk)?[ \t]+['\"‘“](?P<quoted>[^\s'\"’”]{8,63})['\"’”]"
)
_KEY_THEN_COMMA_WORDS = (*KEY_NOUNS, "passphrase", "wpa")
_NETWORK_WORDS = guarded(
    r"(?i)\b(?:wi-?fi|wpa[23]?|wlan|ssid|wireless|network|router|hub|access\s+point|réseau|rete"
    r"|netwerk|netzwerk|red)\b"
)


def wifi_key_after_comma_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A Wi-Fi key a few words after "key" and a comma, or quoted after WPA2."""
    if not any(word in lowered for word in _KEY_THEN_COMMA_WORDS):
        return
    for match in _KEY_THEN_COMMA.finditer(text):
        group = "value" if match.group("value") else "quoted"
        value = match.group(group)
        start, end = sentence_around(text, match.start())
        if not _NETWORK_WORDS.search(text, start, end) or _NOT_A_WIFI_KEY.search(value):
            continue
        if is_mention(value) or not any(ch.isalpha() for ch in value):
            continue
        if (group == "quoted" and _WORD_KEY.fullmatch(value)) or (
            any(ch.isdigit() for ch in value) and value_shape_ok(value, "medium")
        ):
            yield match.start(group), match.end(group), "wifi_key"


# A pasted chat or call transcript: the user reads out the code the technician asked for,
# "[10:03] Jenny: 604 219", with a code, digits or OTP named in the three lines before.
_CHAT_CODE_LINE = re.compile(
    r"(?m)^[ \t]*(?:\[[\d:. ]{3,12}\][ \t]*)?[\w .()'’-]{1,40}:[ \t]*"
    r"(?P<value>\d{3}[ -]?\d{3}|\d{4,8})[ \t.!]*$"
)
_CODE_ASKED = re.compile(r"(?i)\b(?:code|digits|otp|passcode|verification|mfa|2fa|pin)\b")


def chat_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A one-time code read out alone on its line of a transcript, just after it was asked for."""
    if "code" not in lowered and "digits" not in lowered and "otp" not in lowered:
        return
    for match in _CHAT_CODE_LINE.finditer(text):
        earlier = "\n".join(text[: match.start()].rsplit("\n", 4)[-4:])
        # a transcript's line carries its time; without one, the line before asked a question
        # ("Ticket: 445566" under an error code is no code read out)
        if not match.group(0).lstrip().startswith("[") and "?" not in earlier:
            continue
        if _CODE_ASKED.search(earlier):
            yield match.start("value"), match.end("value"), "mfa_code"


# A transcript's user typing the password the technician asked about: "[15:03] me: is it
# saying wrong password?\n[15:03] Giulia: yes I typed Vesalio1543 many times" (session 12)
_CHAT_TYPED = re.compile(
    r"(?im)^[ \t]*\[[\d:. ]{3,12}\][ \t]*[\w .()'’-]{1,40}:[^\n]{0,40}?\b(?:typed|type|typing"
    r"|tried|entered|put\s+in|used|using|its|it's|is)[ \t]+(?P<value>[^\s\"'<>()]{6,40})"
)
_PASSWORD_ASKED = guarded(r"(?i)\b(?:password|passwort|kennwort|contraseña|wachtwoord|senha|pw)\b")


def chat_typed_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A password a transcript's user says they typed, in the lines just after it was named."""
    if "[" not in text or not _PASSWORD_ASKED.search(text):
        return
    for match in _CHAT_TYPED.finditer(text):
        value = match.group("value").rstrip(".,;!?")
        earlier = "\n".join(text[: match.start()].rsplit("\n", 3)[-3:])
        shaped = any(ch.isdigit() for ch in value) and value_shape_ok(value, "medium")
        if shaped and _PASSWORD_ASKED.search(earlier):
            yield match.start("value"), match.start("value") + len(value), "password"


# "new user code for gary is four seven one nine two": a code dictated in number words (a
# voice-to-text note, session 7), four to ten of them in a row after a code or PIN is named.
_DIGIT_WORDS = (
    "zero|oh|one|two|three|four|five|six|seven|eight|nine"
    "|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
    "|zéro|un|deux|trois|quatre|cinq|sept|huit|neuf"
    "|null|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
    "|nul|een|twee|drie|vijf|zes|zeven|negen"
    "|um|dois|três|quatro|sete|oito|nove|due|tre|quattro|cinque|sei|sette|otto"
)
# not a phone given for a "password reset:" (session 21); spoken_codes.not_a_code below (s. 22)
_SPOKEN_CODE = re.compile(
    r"(?i)(?=[cpkwsm])"
    r"\b(?P<word>(?:code|pin|passcode|password|combination|combo|código|codice|kennwort|passwort"
    r"|wachtwoord|senha|contraseña|mot\s+de\s+passe)s?)\b(?!\s+reset\s*:)[^.\n\d]{0,40}?"
    rf"(?P<value>(?:(?:{_DIGIT_WORDS})[ \t,-]+){{3,9}}(?:{_DIGIT_WORDS}))\b"
)


# "router admin password is now K a s B o l seven seven exclamation mark": a password spelled
# out letter by letter (a voice note), or in the NATO alphabet, after its name (session 10).
_NATO = "|".join(sorted(NATO_WORDS, key=len, reverse=True))  # one list: spelled_letters
# the case of a letter, said before it or (in Portuguese, Spanish, French) after it
_LETTER_CASE = (
    r"capital|upper(?:case)?|lower(?:case)?|small|big|großes?|kleines?|mai[úu]scul[oa]"
    r"|min[úu]scul[oa]|may[úu]scula|majuscule|minuscule|hoofdletter|kleine\s+letter"
)
_SPELLED_UNIT = (
    rf"(?:(?:{_LETTER_CASE})\s+)?(?:[A-Za-z]|{_NATO})(?:\s+(?:{_LETTER_CASE}))?"
    rf"|\d|{_DIGIT_WORDS}|exclamation(?:\s+mark)?|hash|at(?:\s+sign)?|dollar|dash|hyphen"
    r"|underscore|question\s+mark|star|asterisk|ampersand|percent|plus|equals"
    r"|cardinal|almohadilla|arroba|dièse|arobase|cancelletto|chiocciola|raute|apestaart"
)
# (session 11: "tango - uniform - november", "expliquei carácter a carácter: 'G maiúsculo, u,
# i, m...'", with the password named further back)
_SPELLED_PASSWORD = guarded(
    r"(?i)\b(?:password|passwort|kennwort|passcode|passphrase|pw|pwd|senha|contraseña|clave"
    r"|mot\s+de\s+passe|mdp|wachtwoord)s?\b[^.\n\d]{0,120}?"
    r"(?:\b(?:is|was|now|to)|:)\s+['\"‘“]?"
    rf"(?P<value>(?:(?:{_SPELLED_UNIT})(?:[ \t,]+|[ \t]*[-–][ \t]*)){{4,30}}(?:{_SPELLED_UNIT}))\b"
)
_SINGLE_LETTER = re.compile(rf"(?i)(?<![\w-])(?:[A-Za-z]|{_NATO})(?![\w-])")


def spoken_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A code or PIN read out in number words after its name, a password spelled out."""
    for match in kept_matches(  # after "tax code", "postcode", a later word may name one
        _SPOKEN_CODE,
        text,
        lambda match: not_a_code(text, match.start(), match.end("word"), match.start("value")),
    ):
        yield match.start("value"), match.end("value"), "pin"
    words = ("pass", "pw", "kennwort", "senha", "contraseña", "clave", "mdp", "wachtwoord")
    if not any(word in lowered for word in words):
        return
    for match in _SPELLED_PASSWORD.finditer(text):
        # four letters spelled at least: "is now a bit longer" is no spelling
        if len(_SINGLE_LETTER.findall(match.group("value"))) >= 4:
            yield match.start("value"), match.end("value"), "password"
