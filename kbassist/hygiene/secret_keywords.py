"""Secrets announced by a keyword: the value policies that judge what follows the keyword.

The rules (:mod:`kbassist.hygiene.secret_rules`) say which words announce a kind of
secret ("pw", "Kennwort", "contraseña", "mot de passe", "wachtwoord", "senha", "Türcode",
"Duo bypass code", "voicemail PIN"...) and which policy judges the word that follows;
the policies here do the judging (a password shape, a PIN's digits, a list of codes, a
licence key's groups). :mod:`kbassist.hygiene.keyword_scan` does the reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from kbassist.hygiene.filler_words import LIST_WORDS
from kbassist.hygiene.keyword_scan import (
    Hit,
    KeywordRule,
    Policy,
    Reading,
    Tokens,
    after_arrow,
    compile_rule,
    keyword_hits,
    trim,
)
from kbassist.hygiene.prose_codes import VOICEMAIL
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.secret_rules import SECRET_HINTS, SECRET_RULES
from kbassist.hygiene.spelled_letters import IDENTIFIER_WORD
from kbassist.hygiene.value_shapes import (
    GROUPED_CODE,
    MIXED_CASE_AND_DIGIT,
    STOPWORDS,
    TECHNICAL,
    YEAR,
    is_mention,
    looks_generated,
    random_letters,
    value_shape_ok,
)

# --- value policies ------------------------------------------------------------------------


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _level(reading: Reading) -> str:
    if reading.distant:
        return "strict"
    return "loose" if reading.explicit else "medium" if reading.linked else "strict"


_GUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def _single(check: Callable[[str, str, Reading, bool], bool]) -> Policy:
    """A policy whose value is the one candidate word."""

    def policy(
        rule: KeywordRule, key: str, tokens: Tokens, reading: Reading
    ) -> tuple[int, int] | None:
        token = trim(tokens[reading.index])
        if not token.text:
            return None
        if token.quoted and tokens.has(reading.index + 1) and tokens[reading.index + 1].text == ":":
            return None  # "senha da rede 'Loja-Convidados': Azulejo...": a name, then its value
        if key in rule.ambiguous and not reading.explicit:
            # "pass to L2", "token as before": an everyday word needs a ':' or a real verb,
            # unless what follows could only be generated ("SIP secret 9vK2pQ7xL4").
            # A GUID right after "token" is one too ("the server's token 0548d6a6-...").
            guid_token = "token" in key and bool(_GUID.fullmatch(token.text))
            generated = reading.index == 0 and (
                looks_generated(token.text) or guid_token or _drawn_capitals(token.text)
            )
            if (not reading.linked or reading.weak_only) and not generated:
                return None
        if check(token.text, key, reading, token.quoted):
            return reading.index, reading.index
        return None

    return policy


# Microsoft app passwords: sixteen lower-case letters, shown in groups of four or not.
_APP_PASSWORD = re.compile(r"[a-z]{16}")
_APP_KEY = re.compile(r"(?i)app|aplica")


# What a number in a quoted phrase counts, when the phrase is a message and not a password:
# "password 'expires in 3 days'"
_UNIT_WORDS = frozenset(
    "day days hour hours minute minutes min mins week weeks month months character characters"
    " chars char attempt attempts time times digit digits letter letters".split()
)


def _quoted_phrase(value: str, quoted: bool) -> bool:
    """A quoted phrase of words and a number: "password 'ledger room 4'", "New key: 'northlight
    whisky 1798'" (session 14): the quotes hold the value together where spaces would not."""
    words = value.split()
    if not quoted or not 2 <= len(words) <= 6 or not all(_PHRASE_WORD.fullmatch(w) for w in words):
        return False
    lowered = [w.lower() for w in words]
    return (
        any(w.isdigit() for w in words)
        and any(len(w) >= 3 and w.isalpha() for w in words)
        and not _UNIT_WORDS.intersection(lowered)
        and not _prose(lowered)
    )


def _password(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    if value.endswith("?") and value[:-1].isalpha() and value[:-1].islower():
        return False  # "do you want my password to check?": the question's word (session 9)
    if value[:1] in "¿¡" and value[1:].isalpha():
        return False  # "P: ¿desde cuándo? R: ...": a Spanish question (session 32, blind259)
    if _quoted_phrase(value, quoted):
        return True
    # right after "app password" too: "app password mxqvbtrlkzhwpgds generated" (session 7)
    if _APP_KEY.search(key) and _APP_PASSWORD.fullmatch(value) and not reading.distant:
        return True
    if "code" in key and _pin(value, key, reading, quoted):
        return True  # a passcode is often digits only: "Zoom meeting passcode 882195"
    # six to eight digits right after the word, or after a link: a terminal's or a portal's
    # password is often digits only ("Händlerpasswort 530535", "password set to 71930482";
    # session 23); a count or a length is shorter ("password 12 characters", "Kennwort 2x")
    if value.isdigit() and 6 <= len(value) <= 8 and not reading.distant:
        return True
    return value_shape_ok(value, _level(reading), quoted)


_APP_GROUP = re.compile(r"[a-z]{4}")
# Words joined into a passphrase: three or more, by hyphens, dots or underscores.
_JOINED_WORDS = re.compile(r"[A-Za-zà-ÿ]{2,15}(?:[-_.][A-Za-zà-ÿ]{2,15}){2,7}")
# a word of a phrase, capitalised or not: "Lotus leaf floats on Rapenburg 1590" (session 11)
_PHRASE_WORD = re.compile(r"[A-Za-zÀ-ÿ]?[a-zà-ÿ']{1,15}|\d{1,4}")


# Keys whose value may be a phrase of words: a passphrase, an encryption or backup password
_PHRASE_KEY = re.compile(
    r"(?i)phrase|frase|wachtwoordzin|encrypt|verschlüssel|cifrado|chiffrement|versleutel"
    r"|cripto|crittogra|backup"
)
_PLAIN_WORD = re.compile(r"[a-z]{6,20}")
_OPENING_ARTICLES = frozenset("the a an".split())
# Participles say what happened to a password ("Password: confirmed"), not what it is.
_PARTICIPLE = re.compile(r".*(?:ed|ing|en)")


def _plain_word_value(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> bool:
    """A lower-case word alone after "password:" that ends its clause ("new pass: kioskmode")."""
    if not reading.explicit or reading.distant or key in rule.ambiguous:
        return False
    raw = tokens[reading.index]
    value = trim(raw).text
    if not _PLAIN_WORD.fullmatch(value) or is_mention(value) or _PARTICIPLE.fullmatch(value):
        return False
    if after_arrow(tokens, reading.index):
        return False  # "old password on the phone -> lockouts": what followed, not a value
    last = raw.text[-1:] in ".,;)" or not tokens.has(reading.index + 1)
    return last or tokens[reading.index + 1].text[:1] in "(-–"


def _password_or_phrase(
    rule: KeywordRule, key: str, tokens: Tokens, reading: Reading
) -> tuple[int, int] | None:
    """A password, or after "passphrase:" a phrase of words ("amber lantern quietly folds 42")."""
    found = _single(_password)(rule, key, tokens, reading)
    if found is None and _plain_word_value(rule, key, tokens, reading):
        return reading.index, reading.index
    app_key = bool(_APP_KEY.search(key))
    if found is None and (app_key or reading.explicit) and tokens.has(reading.index + 3):
        # App passwords read out in groups: "app pw xwqp lmzr tbhk nvye"; after any password's
        # key and its colon when the groups are no words ("Palavra-passe: emfn bnhw dkgu tcgp",
        # four vowels at most; session 25, blind156 read)
        group = [trim(t).text for t in tokens.span(reading.index, reading.index + 3)]
        if all(_APP_GROUP.fullmatch(word) for word in group) and (
            app_key or sum(word.count(vowel) for word in group for vowel in "aeiou") <= 4
        ):
            return reading.index, reading.index + 3
    if found is not None or not _PHRASE_KEY.search(key):
        return found
    first = tokens[reading.index]
    joined = _JOINED_WORDS.fullmatch(trim(first).text) and not is_mention(trim(first).text)
    if (reading.explicit or reading.linked) and joined:
        return reading.index, reading.index  # "passphrase is correct-horse-battery"
    if first.quoted and (not reading.distant or reading.explicit):
        # "passphrase 'Wristwatch Deckchair Overcoat Fiddle Tundra Pigeon'" (session 11);
        # after a colon further on: "Passphrase agreed with the owner: 'shuttle loom merino
        # twelve'" (session 13)
        words = first.text.split()
        if (
            3 <= len(words) <= 12
            and all(_PHRASE_WORD.fullmatch(w) for w in words)
            and not (reading.distant and _prose(w.lower() for w in words))
        ):
            return reading.index, reading.index
    if not reading.explicit:
        return None
    plain = 0
    # a phrase may open with an article when a number closes it: "the heron waits at low tide
    # 1926" (session 14); "Passphrase: the one in the vault" stays a mention
    opening = trim(first).text.lower() in _OPENING_ARTICLES
    for word in tokens.upto(reading.index + 8)[reading.index :]:
        bare = trim(word).text
        mention = is_mention(bare) and not (opening and not plain)
        if not _PHRASE_WORD.fullmatch(bare) or (not plain and mention):
            break  # a phrase's later words may be small ones: "Lily of the valley"
        plain += 1
        if word.text[-1] in ".,;)" and not word.text.endswith("..."):
            break  # "passphrase: Lily of the valley at 6 o'clock." ends with its sentence
    words = [trim(word).text.lower() for word in tokens.span(reading.index, reading.index + 1)]
    said = _PARTICIPLE.fullmatch(words[0]) or words[0] in _IRREGULAR_PARTICIPLES
    if plain < 3 or (said and words[-1] in STOPWORDS):
        return None  # "Passphrase: stored in the vault", "kept in the safe"
    phrase = [
        trim(word).text.lower() for word in tokens.span(reading.index, reading.index + plain - 1)
    ]
    if _prose(phrase) or (opening and not any(word.isdigit() for word in phrase)):
        return None  # "Passphrase is NOT recoverable - partner has it on paper too"
    return reading.index, reading.index + plain - 1


def _prose(words: Iterable[str]) -> bool:
    """Whether a run of words says something about the secret: a verb such as "is", a
    negation ("we don't hold it"; session 13) or a pronoun opening it."""
    for i, word in enumerate(words):
        if word in _PROSE_VERBS or word.endswith(("n't", "n’t")) or (not i and word in _PRONOUNS):
            return True
    return False


_IRREGULAR_PARTICIPLES = frozenset("kept held left sent put set lost known told read".split())
# Words that make a run of words a sentence about the secret, not the phrase itself
_PROSE_VERBS = frozenset("is are was were has have had be been will can should".split())
_PRONOUNS = frozenset("we they i he she you it".split())


_LOGIN_AT_HOST = re.compile(r"[a-z_][a-z0-9_.-]{2,31}@[a-z][a-z-]*\d{0,3}")


_CAMEL_CASE_NAME = re.compile(r"(?:[A-Z][a-z]+)+")


def _key(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    """After the bare word "key": a grouped product key, or a value with symbols and digits."""
    if _LOGIN_AT_HOST.fullmatch(value):
        return False  # "added his key to deploy@web03": where the key goes, not the key
    if GROUPED_CODE.fullmatch(value):
        return _digits(value) >= 2
    if reading.explicit and _quoted_phrase(value, quoted):
        return True  # "New key: 'northlight whisky 1798'"
    if (
        not reading.distant
        and (reading.index == 0 or reading.linked)
        and random_letters(value)
        and not _CAMEL_CASE_NAME.fullmatch(value)  # a registry value's name: "MaxLargeFileSize"
    ):
        # letters whose case a generator drew: "chave KdPROlfrgEsFw," (session 29), "la chiave è
        # irEvScKzZmwj" (session 35, blind342 read)
        return True
    if "\\" in value or len(value) < 8 or not any(ch.isdigit() for ch in value):
        return False
    if (
        not reading.distant
        and reading.index == 0
        and MIXED_CASE_AND_DIGIT.fullmatch(value)
        and looks_generated(value)
    ):
        return True  # right after it, a generator's value: "linkage key kT9hPq2vXm4Ls" (s. 18)
    level = "strong" if not (reading.explicit or reading.linked) or reading.distant else "strict"
    return value_shape_ok(value, level, quoted) or (
        len(value) >= 20 and value_shape_ok(value, "strict", quoted)
    )


def _wifi(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    if _quoted_phrase(value, quoted):
        return True
    if quoted and not reading.distant:  # "SSID CaravanNet, key 'lemon-sherbet-meadow'"
        return len(value) >= 8 and value_shape_ok(value, "loose", quoted)
    if not reading.distant and looks_generated(value):
        return True  # "a rede ... com a chave Wi-Fi P5QA4N45G8" (session 36, blind353 read)
    return (len(value) >= 8 or quoted) and value_shape_ok(value, _level(reading), quoted)


_ACCESS_PASS = re.compile(r"(?i)access\s+pass|zugriffspass|zugangspass|\btap\b")
# (three capitals at least: not a word, "Settings", nor a name, "PowerShell")
_MIXED_LETTERS = re.compile(r"(?=[A-Za-z]*[a-z])(?=(?:[a-z]*[A-Z]){3})[A-Za-z]{8,48}")


def _token(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    """Keys and tokens are generated: long, and never without a digit (quoted or not, far away).
    A GUID right after the word token is one (Postmark server tokens are GUIDs); a GUID after
    an ID word never reaches here (``_KEY_ID``)."""
    if not reading.distant and _GUID.fullmatch(value) and _GUID_KEY_WORDS.search(key):
        return True
    if not reading.distant and _CHOSEN_SECRET_KEY.search(key):
        # a shared secret is chosen like a password: "RADIUS shared secret: nps-Bramble!key"
        # (session 9)
        return value_shape_ok(value, _level(reading), quoted)
    if "community" in key.lower() and value.lower() in ("public", "private"):
        return False  # SNMP's defaults: the new community follows ("was 'public', changed to X")
    # An API or secret key in capitals and digits (base32: "QFJF3MC2P4ZAQVSN4Y24MVS5SFMJTVAV").
    if (
        not reading.distant
        and ("key" in key.lower() or _SEED_KEY.search(key))
        and len(value) >= 20
        and value.isalnum()
        and _digits(value) >= 3
        and sum(ch.isalpha() for ch in value) >= 6
    ):
        return True
    if not reading.distant and _SEED_KEY.search(key) and _BASE32_SEED.fullmatch(value):
        return True  # a seed with few digits: "2FA-Schlüssel KRUGS4ZANFZS..." (session 17)
    if not reading.distant and _drawn_capitals(value):
        return True  # capitals alone, as a generator draws them: "token YTZNVPQPPWDAY..." (s. 18)
    if not reading.distant and _ACCESS_PASS.search(key) and _MIXED_LETTERS.fullmatch(value):
        return True  # a TAP of letters alone: "Temporary Access Pass kUAVRNCQ" (session 32)
    if _ACCESS_PASS.search(key) and _PASS_SHAPE.fullmatch(value):
        return True  # an Entra TAP may hold no digit: "8h lifetime: JzMJ$X@R" (session 17)
    if (not quoted or reading.distant) and (
        len(value) < 8 or not any(ch.isdigit() for ch in value)
    ):
        return False
    return value_shape_ok(value, _level(reading), quoted)


_ACCESS_PASS = re.compile(r"(?i)access\s+pass|\btap\b|zugriffspass|acceso\s+temporal|toegangspas")
# eight or more characters with upper and lower case and a symbol other than - . _ (which
# join words: "Correlatie-id")
_PASS_SHAPE = re.compile(r"(?=\S*[a-z])(?=\S*[A-Z])(?=\S*[^\w\s.-])\S{8,24}")


# a TOTP seed in base32 ("Seed (base32) JBSWY3DP..."; session 14)
_SEED_KEY = re.compile(r"(?i)seed|totp|otp\b|mfa|2fa|authenticator|setup[\s-]key")
_BASE32_SEED = re.compile(r"(?=[A-Z2-7]*[2-7])[A-Z2-7]{16,64}")
_CHOSEN_SECRET_KEY = re.compile(r"(?i)shared|psk|radius|ipsec|\bike\b|vpn")
# A GUID right after these names a token or key itself (Postmark server tokens, ClickSend API
# keys); after "client", "tenant" or "object" ID words it names an account (``_KEY_ID``), and
# DocuSign's "integration key" is its app's public client ID (session 10).
_GUID_KEY_WORDS = re.compile(r"(?i)token|api|secret|subscription")


# Sixteen capitals or more, three in ten or fewer of them vowels (a generator draws one in
# five; words in capitals spell two in five); not an AWS access key's ID (AKIA..., ASIA...),
# which names the key (its pair is read by the scanner)
_CAPITALS = re.compile(r"(?!AKIA|ASIA)[A-Z]{16,64}")


def _drawn_capitals(value: str) -> bool:
    vowels = sum(ch in "AEIOU" for ch in value)
    return bool(_CAPITALS.fullmatch(value)) and vowels * 10 <= len(value) * 3


# a PIN in two groups: "pin Entratel 8842-1937" (session 17)
_GROUPED_PIN = re.compile(r"\d{3,5}-\d{3,5}")


def _pin(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    digits = value.strip("#*")
    if _GROUPED_PIN.fullmatch(digits):
        digits = digits.replace("-", "")
    return digits.isdigit() and 4 <= len(digits) <= 10 and len(set(digits)) > 1


_DOOR_CODE = re.compile(r"[A-Za-z0-9]{1,10}(?:-[A-Za-z0-9]{1,10}){0,3}")


def _door(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    """A keypad or access code: 3-16 letters and digits, perhaps in groups (TPX-44-918)."""
    core = value.strip("#*")
    # A safe's combination may look like a date ("Combination 31-07-55"): after that word,
    # a date shape is the code (session 6).
    dial = bool(_COMBINATION.search(key)) and bool(_DIAL.fullmatch(core))
    return (
        bool(_DOOR_CODE.fullmatch(core))
        and 3 <= len(core) <= 16
        and 3 <= _digits(core)
        and (dial or not TECHNICAL.match(core))
    )


_COMBINATION = re.compile(r"(?i)combi|combo|kombination")
_DIAL = re.compile(r"\d{1,2}(?:[-/.]\d{1,2}){2,4}")


# Keys read out in groups; a GUID counts when a licence or registration word announces it.
# a product prefix may be three letters: "chiave di attivazione GLT-88QX-ZR4M-7KPW" (session 9)
_LICENCE = re.compile(r"[A-Za-z0-9]{3,12}(?:-[A-Za-z0-9]{4,12}){2,7}")


# A short activation or unlock key typed in a dialog ("activation key 4F9K2"): letters and
# digits mixed, announced by a word that names a key to activate or unlock (not a serial).
_SHORT_KEY = re.compile(r"(?=[A-Za-z]*\d[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{5,11}")
_ACTIVATING = re.compile(
    r"(?i)activation|activación|ativação|attivazione|aktivierung|unlock|déverrouillage"
    r"|entsperr|desbloque|sblocco|ontgrendel"  # "code de déverrouillage maître" (session 14)
)


def _licence(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    # An installer's product code is a GUID ("product code {A1C3E5F7-...}"; session 9); a
    # registration key may be one (Datto's agent keys are).
    if "code" in key.lower() and _GUID.fullmatch(value.strip("{}")):
        return False
    if _LICENCE.fullmatch(value):
        return _digits(value) >= 1
    if _ACTIVATING.search(key) and _SHORT_KEY.fullmatch(value) and not TECHNICAL.match(value):
        return True
    return reading.explicit and len(value) >= 12 and value_shape_ok(value, "medium", quoted)


_CODE_ITEM = re.compile(r"(?=[A-Za-z-]*\d)[A-Za-z0-9]{3,12}(?:-[A-Za-z0-9]{2,12}){0,4}")
_DIGIT_GROUP = re.compile(r"\d[\d-]{1,12}")  # a group of an MFA code: 731, 204-889, 55


def _run(tokens: Tokens, first: int, item: re.Pattern[str]) -> int:
    """Index of the last token of a list of items starting at first ("a, b and c")."""
    last, i = first, first + 1
    while tokens.has(i) and i - first < 24:
        word = trim(tokens[i]).text
        if item.fullmatch(word):
            last = i
        elif tokens[i].text.lower() not in LIST_WORDS:
            break
        if tokens[i].text[-1:] in ".;" and not item.fullmatch(tokens[i].text):
            break
        i += 1
    return last


def _codes(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> tuple[int, int] | None:
    first = reading.index
    word = trim(tokens[first]).text
    # Generated codes mix letters and digits ("7tpd3wcz": two digits) or are all digits.
    if not _CODE_ITEM.fullmatch(word) or is_mention(word) or _digits(word) < 2:
        # Or they are digits read out in pairs: "backup code 55 12 90 87".
        return _mfa(rule, key, tokens, reading) if _DIGIT_GROUP.fullmatch(word) else None
    last = _run(tokens, first, _CODE_ITEM)
    if last == first and YEAR.fullmatch(word):
        return None  # a name's year: "(item 'ACS backup key 2024')" (session 36, blind360 read)
    return first, last


def _mfa(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> tuple[int, int] | None:
    first = reading.index
    # a code quoted whole, its groups inside: "bypass code `640 913 27`" (session 9)
    if not _DIGIT_GROUP.fullmatch(trim(tokens[first]).text.replace(" ", "")):
        return None
    last = _run(tokens, first, _DIGIT_GROUP)
    digits = "".join(trim(t).text for t in tokens.span(first, last))
    longest = max(len(d) for d in re.findall(r"\d+", digits.replace("-", "")))
    total = _digits(digits)
    if last > first and digits[:1] in "0+" and total >= 10:
        # grouped like a phone number: "mobile for the bank's OTP is 07723 118 940" (session 8)
        return None
    return (first, last) if longest >= 6 or 6 <= total <= 10 else None


_PAIR_OF_DIGITS = re.compile(r"\d{2,3}")


def _or_pairs(one: Policy) -> Policy:
    """A policy's value, or a code said in pairs: "the new user code for the office staff is
    53 29" (session 29, blind205 read): two to four groups of two or three digits, four to
    eight in all, closed by a word that is not a number."""

    def policy(
        rule: KeywordRule, key: str, tokens: Tokens, reading: Reading
    ) -> tuple[int, int] | None:
        if found := one(rule, key, tokens, reading):
            return found
        first = last = reading.index
        if reading.distant or not _PAIR_OF_DIGITS.fullmatch(tokens[first].text):
            return None
        if (
            key in rule.ambiguous
            and not reading.explicit
            and (not reading.linked or reading.weak_only)
        ):
            return None
        while last - first < 4 and tokens.has(last + 1):
            word = tokens[last + 1].text
            if not _PAIR_OF_DIGITS.fullmatch(trim(tokens[last + 1]).text):
                break
            last += 1
            if word != trim(tokens[last]).text:
                break
        total = sum(len(trim(t).text) for t in tokens.span(first, last))
        after = trim(tokens[last + 1]).text if tokens.has(last + 1) else ""
        if last == first or not 4 <= total <= 8 or after[:1].isdigit():
            return None
        return first, last

    return policy


SECRET_POLICIES: dict[str, Policy] = {
    "password": _password_or_phrase,
    "key": _single(_key),
    "wifi": _single(_wifi),
    "token": _single(_token),
    "digits": _or_pairs(_single(_pin)),
    "door": _or_pairs(_single(_door)),
    "licence": _single(_licence),
    "codes": _codes,
    "mfa": _mfa,
}

SECRET_COMPILED = tuple(compile_rule(rule) for rule in SECRET_RULES)


# Keys that are not secrets: "public key", "registry key", "host key", "foreign key"; a
# public key in German and Dutch too ("öffentlicher Schlüssel", "publieke sleutel"), and
# after the noun where the adjective follows it ("clave pública", "clé publique"; session 5).
_NOT_SECRET_KEY = guarded(
    r"(?i)(?:public|pub|host|registry|reg|hot|primary|foreign|sort|recovery\s+key\s+id|ssh-\w+"
    # a CAPTCHA's site key is published in the page: "recaptcha v3, site key 6Lc..." (session 15)
    r"|captcha\w*[^.\n]{0,20}\bsite|turnstile[^.\n]{0,20}\bsite"
    # an alert's grouping key: "dedup key 29b6a621c26d..." (session 29, blind211 read)
    r"|dedup|dedupe|deduplication|idempotency|partition|row"
    r"|öffentliche[rns]?|publieke)[\s_-]*$"
)
_PUBLIC_AFTER = re.compile(r"(?i)[\w-]+\s+(?:pública|publique|pubblica|publica)\b")


# A keyword followed by "ID": the identifier of a key or code, not its value.
_KEY_ID = guarded(
    r"(?i)[\w-]{0,30}(?:[\s_-]+[\w-]{1,30}){0,2}?[\s_-]*(?:key|code|token|secret|schlüssel|clave"
    r"|clé|sleutel|chave|chiave)s?[\s_-]*(?:id|identifier|kennung|-id)\b"
)

# A keyword, then the name of its hash: "account key thumbprint:", "signing key fingerprint"
_KEY_HASH = re.compile(r"(?i)[\w-]+(?:[\s_-]+[\w-]+){0,2}?[\s_-]+(?:thumbprint|fingerprint)\b")

_HINT = re.compile(
    r"(?i)\b(?:hint|reminder|indice|merkhilfe|kennworthinweis|pista|suggerimento|dica"
    r"|geheugensteun)\b"
)


# A host named after "on", "at" or "from" where a value would stand (session 9).
_ON_A_HOST = re.compile(r"(?i)\b(?:on|at|from|onto)\s+(?=[\w.-]*\d)[a-z][\w.]*-[\w.-]*$")


# A keyword inside a variable's name: ${REDIS_PASSWORD}, %RABBIT_PW%, $(DB_PASS), {{ pw }}
# (session 10).
_IN_PLACEHOLDER = re.compile(r"(?:\$\{|\$\(|%|\{\{\s*)\w*$")


_WITHHELD = re.compile(
    r"(?i)\S+(?:[ \t]+(?:is|was|were|are|has\s+been|had\s+been))?[ \t]+"
    r"(?:masked|redacted|removed|blanked|elided|withheld|stripped)\b"
)


_ENCRYPTED = re.compile(r"\bENC[ \t]+\S+$")


# "the new one" after an identifier's word is a device's: "asset tag for the new one is
# SS-0412" (session 23)
_ONE_FOR_PASSWORD = re.compile(r"(?i)(?:temp|temporary|new|initial)\s+one\b")


_TEMPLATE_VALUE = re.compile(r"[=:][ \t]*(?:\{\{|\$\{|\$\()\S*$")


# a phone number's groups up to the value (session 34, blind323 read)
_PHONE_TAIL = re.compile(r"(?:\+\d{1,3}|(?<!\d)0\d{2,4})(?:[ \t]\d{2,8}){1,3}$")
_CODE_KINDS = frozenset({"pin", "voicemail_pin", "door_code"})


def _refine(kind: str, text: str, start: int, end: int) -> str:
    """A more specific kind from the words around the keyword."""
    if _ONE_FOR_PASSWORD.match(text, start) and IDENTIFIER_WORD.search(
        text, max(0, start - 25), start
    ):
        return ""
    if _TEMPLATE_VALUE.search(text, start, end):
        return ""  # "Password={{TRACKDB_PASSWORD}}": a template's variable (session 27, blind184)
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60) : end].lower()
    if kind == "secret" and (
        _NOT_SECRET_KEY.search(text[max(line_start, start - 30) : start])
        or _PUBLIC_AFTER.match(text, start)
    ):
        return ""
    if _IN_PLACEHOLDER.search(text, max(0, start - 40), start):
        return ""  # "redis://default:${REDIS_PASSWORD}@host": the keyword names a variable
    if _WITHHELD.match(text, start, end):
        return ""  # "with its password masked by the vendor: Server=...": not given (session 12)
    if _ENCRYPTED.search(text, start, end):
        return ""  # "set psksecret ENC mF3k...": FortiOS shows the key encrypted (session 14)
    if _ON_A_HOST.search(text, start, end):
        return ""  # "Private key stays on cpe-build01 only": where the key is, not the key
    if kind == "password" and _HINT.search(text, start, end):
        return ""  # "encryption password hint: 'usual format + year'" describes, never gives
    if _KEY_HASH.match(text, start, end):
        return ""  # "ACME account key thumbprint: jGXt...": the key's hash (session 15)
    if kind != "api_key" and _KEY_ID.match(text, start, end):
        return ""  # "Recovery key ID: 1A2B3C4D" names the key; the key itself is not there
    if kind == "pin" and VOICEMAIL.search(before):
        return "voicemail_pin"
    if kind in {"password", "preshared_key", "secret"} and re.search(
        r"wi-?fi|wlan|\bssid|\bwpa|wireless", before
    ):
        return "wifi_key"
    if kind == "private_key" and re.search(r"[A-Za-z0-9+/]{42,43}=$", text[start:end]):
        return "wireguard_key"
    if kind == "secret" and GROUPED_CODE.search(text[max(start, end - 48) : end]):
        return "licence_key"
    if kind in {"password", "api_key"} and re.search(
        r"(?:server|data source|database|initial catalog|uid|user id|host|provider)\s*=", before
    ):
        return "connection_string"
    return kind


# A label that ends its line and the value alone on the next, a pasted mail's quote marks
# before both maybe: "> Auth token (primary):\n> e12ee2fab3adbfccba6775e124159304" (session 30,
# blind224 read), or its mode in brackets after it ("clé Wi-Fi :\nNP2d9zENuqZRV4bNU (WPA2). Les
# deux ..."; session 37, blind385 read). The label and the value are read as if on one line.
_LABEL_THEN_VALUE_LINE = re.compile(
    r"(?m)^[ \t>]*(?:[-*•][ \t]+)?(?P<label>[^\n:>]{2,40}:)[ \t]*\r?\n"
    r"[ \t>]*(?P<value>[^\s>]\S{3,199})(?:[ \t]*\r?$|[ \t]+(?=\(\w{2,12}\)))"
)


def secret_keyword_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Secret values announced by a keyword, in any of the seven languages, on the keyword's
    line or alone on the next."""
    for hit in keyword_hits(text, lowered, SECRET_COMPILED, SECRET_POLICIES, _refine, SECRET_HINTS):
        # not a phone's last group: "voicemail alerts ... to her personal mobile +44 7834 316206"
        if hit[2] not in _CODE_KINDS or not _PHONE_TAIL.search(text, max(0, hit[1] - 24), hit[1]):
            yield hit
    if ":\n" not in text and ":\r\n" not in text:
        return
    for match in _LABEL_THEN_VALUE_LINE.finditer(text):
        line = f"{match.group('label')} {match.group('value')}"
        offset = match.start("value") - len(match.group("label")) - 1
        for start, end, kind in keyword_hits(
            line, line.lower(), SECRET_COMPILED, SECRET_POLICIES, _refine, SECRET_HINTS
        ):
            if start > len(match.group("label")):
                yield offset + start, offset + end, kind
