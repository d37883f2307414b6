"""Whether a word after a keyword is a value or a mention of one, judged by its shape.

"password: reset", "key is in the vault", "PIN 10.0.0.1", "token v2.3": stopwords,
placeholders and technical tokens (addresses, versions, dates, paths, hash names) are
mentions; what is left is a value when its shape fits the strictness that the words between
keyword and value allow (:func:`value_shape_ok`). Moved out of
:mod:`kbassist.hygiene.keyword_scan` (the reader) in session 11; the reader and the
detectors share it.
"""

from __future__ import annotations

import re

from kbassist.hygiene.public_material import HASH_ALGORITHM

# --- words that are never values ---------------------------------------------------------

STOPWORDS = frozenset(
    """
    a an the none n/a n.a. na nil null blank empty unknown same old new temporary temp reset resets
    expired expiry expires changed change changes updated update required requires sent provided
    see in on is was stored saved vault manager never not no yes true false locked policy
    complexity prompt prompts field box hidden masked redacted removed rotated rotation length
    history hash hashed protected set it this that user users tbc tbd tba pending unchanged
    correct incorrect wrong valid invalid working ok okay fine default defaults known
    itglue it-glue hudu keeper bitwarden 1password lastpass keepass passportal laps sspr entra
    azure intune ad o365 m365 portal documented document documentation attached given shared
    via by from for to with and or as per at of please will would should must can cannot
    here there below above requested request supplied issued generated same-as-before
    siehe im ver en dans voir zie vedi nel nella no na zurückgesetzt geändert gesetzt
    restablecida restablecido cambiada cambiado réinitialisé réinitialisée changé changée
    gereset gewijzigd redefinida alterada reimpostata cambiata
    """.split()
)

_PLACEHOLDER = re.compile(
    r"^(?:[*•●xX#.\-_?]+(?:['’](?:d|ed|s))?|<[^>]*>|\{[^}]*\}|\[[^\]]*\]|%[^%]+%|\$\w+|\(.*\)"
    # a template's opening, cut from the rest at the space: ${{ secrets.X }}, {{ pw }}, $(cat f);
    # a template's stock value: "DB_PASSWORD=secret" (session 18)
    r"|\$\{.*|\{\{.*|\$\(.*|\$env:\w+`?|(?i:replace[_-]?me|change[_-]?me|your[_-]\w+|secret)"
    # an environment variable's name where its value would be: "password: DEPLOY_PASS"
    # (between double underscores too: "Password=__REPLACED_AT_DEPLOY__"; session 28)
    r"|_*[A-Z]{2,}(?:_[A-Z]{2,})+_*)$"
)
# Names of things that stand where a value would, in logs and scripts: a cmdlet, a timestamp,
# a computer account, a file, ... (the token model's candidates are checked against these too;
# session 14)
_NAMED_PATTERN = r"""
        (?-i:(?:Get|Set|New|Remove|ConvertTo|ConvertFrom|Read|Write|Invoke|Start|Stop|Add
        |Import|Export|Test|Enable|Disable|Update|Install|Out|Select|Send|Connect|Reset|Clear
        |Copy|Move|Rename|Resolve|Grant|Revoke|Unlock|Restart|Register|Sync)-[A-Z][A-Za-z]+)
                                                        # a PowerShell cmdlet
      | \d{4}-\d{2}-\d{2}[t\x20]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?
                                                        # a timestamp (session 14)
      | (?-i:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\$           # a computer account: CVA-PC03$
      | [\w.*-]+\.(?:log|rpt|txt|csv|pdf|xlsx?|docx?|json|xml|ini|conf|cfg|msi|exe|zip|bak
        |sql|pst|ost|vhdx?|iso|png|jpe?g|evtx|reg|bat|cmd|vbs|dll|sys|icc|icm)   # a file's name
      | (?:sha-?(?:1|256|384|512)|md5)[=:][0-9a-f]{32,128}   # a named hash
      | (?-i:(?:System|Microsoft)(?:\.[A-Z]\w*){2,})     # a .NET type
      | [\w.-]+/[\w.-]+@v\d+(?:\.\d+)*                   # a GitHub action: azure/login@v2
      | \$ansible_vault;.* | !vault                      # an Ansible vault's encrypted blob
      | !secret                                         # Home Assistant's reference (s. 31)
      | \$[a-z]+(?:_[a-z]+)+                            # a variable: $upstream_token (s. 31)
      | (?-i:[A-Z][\w]*-(?:account|Account|konto|Konto|compte|cuenta|conta|portaal|portal))
                                                        # an account's name: Ziggo-account
      | env\(['"]?\w+['"]?\)? | var\.\w+                # a setting's name: env('X'), var.x
      | [\w.-]*\._domainkey\.[\w.-]*                     # a DKIM selector's record name
      | process\.env\.\w+[,;]? | os\.environ\[?['"]?\w+['"]?\]?[,;]?   # environment (session 15)
      | (?-i:ctrl|Ctrl|CTRL)-(?-i:alt|Alt|ALT)-\w{1,6}   # a key combination: Ctrl-Alt-Del
      | /unpkey:\w{5}                                   # ospp's last five characters of a key
      | manage-bde(?:\.exe)?                            # BitLocker's command
      | =?[\w.'-]+!(?-i:\$?[A-Z]{1,3}\$?\d*:\$?[A-Z]{1,3}\$?\d*)[,;)]?   # a range: Sheet1!A:C
      | =[a-z][a-z0-9.]*\(.*                            # a spreadsheet formula: =sort(...
      | (?-i:[^\s&]*(?:&&[A-Z]{2,}:?[^\s&]*){2,})          # UI selectors: ALT:&&SRC:x&&TXT
"""
NAMED_NOT_VALUE = re.compile(rf"(?ix)^(?:{_NAMED_PATTERN})$")
TECHNICAL = re.compile(
    r"""(?ix)^(?:
        \d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?(?::\d+)?   # IPv4, CIDR, port
      | v?\d+(?:\.\d+){1,4}                             # version or build
      | \d{1,4}[./-]\d{1,2}[./-]\d{1,4}                 # date
      | \d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?              # time
      | 0x[0-9a-f]+                                     # error code
      | kb-?\d+                                         # KB article
      | [a-z][a-z0-9+.-]*://\S*                         # URL
      | (?:[a-z0-9-]+\.)+(?:com|ms|ly|net|org|io|uk|de|fr|es|it|nl|pt|eu|gl)/\S*  # aka.ms/sspr
      | \\\\\S*                                         # UNC path
      | [a-z]:\\\S*                                     # Windows path
      | /\S*                                            # Unix path
      | [^@\s]+@[^@\s]+\.[a-z]{2,}                      # e-mail
      | (?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}                # MAC address
      | """
    + HASH_ALGORITHM  # a hash's algorithm: "password sha-256 $5$..." names no value
    + r"""
      | \{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?   # GUID
      | \d+(?:h|m|s|ms|min|mins|hrs?|days?|gb|mb|tb|kb|%|x)  # quantities
      | \d+-(?:second|minute|hour|day|week|month|year)s?[.,;]?  # a duration: 12-month
      | \d+-(?:character|char|digit|letter|word)s?[.,;]?  # a length: a new 32-character one
      | (?:inc|req|chg|ritm|task|prb|tkt|ticket|case|sr)-?\d+   # ticket numbers
      | -{1,2}[a-z][\w-]*                               # command-line switch
      | (?-i:[a-z_][a-z0-9_.]*)\[\d{1,3}\]?              # an index in code: parents[0]
      | """
    + _NAMED_PATTERN
    + r"""
    )$"""
)


def looks_generated(value: str) -> bool:
    """A value no one would write as a word: 9vK2pQ7xL4, JBSWY3DPEHPK3PXP, Xk9pL2mQ7rT4.

    Eight or more characters, mixing letters and digits, with lower and upper case
    alternating or digits scattered through the letters; not a device name or a
    word run together with a number ("Windows11", "ACME-DC01").
    """
    if len(value) < 8 or not value.isascii() or is_mention(value):
        return False
    letters = sum(ch.isalpha() for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    if letters < 3 or digits < 2 or HOST_NAME.fullmatch(value) and digits < 3:
        return False
    # Case or letter/digit changes along the value: generated strings change often.
    changes = sum(
        1
        for a, b in zip(value, value[1:], strict=False)
        if a.isdigit() != b.isdigit()
        or (a.isalpha() and b.isalpha() and a.isupper() != b.isupper())
    )
    return changes >= max(4, len(value) // 3)


def random_letters(value: str) -> bool:
    """Twelve or more letters whose case changes as a generator's does: a LAPS password
    "iEJMyxAEtwqzYQVM" (session 16), not "InternetExplorerSettings"; or ten or more with three
    capitals in a row after a lower-case letter."""
    if len(value) < 10 or not (value.isascii() and value.isalpha()):
        return False
    if _CAPITALS_INSIDE.search(value) and sum(ch.islower() for ch in value) >= 3:
        return True  # a run of capitals inside lower case: "CeoTYDCgHLGR" (session 18)
    changes = sum(1 for a, b in zip(value, value[1:], strict=False) if a.isupper() != b.isupper())
    return len(value) >= 12 and changes >= max(5, len(value) // 3)


def drawn_value(value: str) -> bool:
    """A generator's value: letters and digits mixed, or letters (and a digit) whose case
    changes four times or more ("dDFZYk1eOKcgHpnQ", "UedwQyWH5KBNQV"; session 34)."""
    if looks_generated(value) or random_letters(value):
        return True
    changes = sum(1 for a, b in zip(value, value[1:], strict=False) if a.isupper() != b.isupper())
    return value.isalnum() and value_shape_ok(value, "strict") and changes >= 4


_CAPITALS_INSIDE = re.compile(r"[a-z][A-Z]{3,}")
YEAR = re.compile(r"(?:19|20)\d{2}")  # a year's four digits, never a code alone
# Words joined as names are: "OneDrive", "userPrincipalName", "PINs", "SQLs"
_NAMED_CASE = re.compile(r"[a-z]*(?:[A-Z][a-z]+)+|[A-Z]+[a-z]?s?")


def unspeakable(value: str) -> bool:
    """Eight letters or more in one case with almost no vowel, as no word is written: "Her own
    router's Wi-Fi key is hrsgdpbgbdpm as printed on the back", "with key PLMLFXVA from the back
    of the hub" (session 35, blind332 and blind335 read)."""
    return (
        len(value) >= 8
        and value.isascii()
        and value.isalpha()
        and (value.islower() or value.isupper())
        and sum(ch in "aeiouAEIOU" for ch in value) * 6 <= len(value)
    )


def _drawn_case(value: str) -> bool:
    """Eight letters or more, two capitals and three small letters at least, not joined as
    names are: "Das VNC-Kennwort ist UABmhihz" (session 26, blind166 read)."""
    return (
        8 <= len(value) <= 24
        and value.isascii()
        and value.isalpha()
        and sum(ch.isupper() for ch in value) >= 2
        and sum(ch.islower() for ch in value) >= 3
        and not _NAMED_CASE.fullmatch(value)
    )


# A token with upper and lower case and a digit, the way generated and chosen values mix them.
def adjective_and_noun(first: str, second: str) -> bool:
    """Whether two words are an inflected adjective and a capitalised noun: "des gemeinsamen
    Geschäftsstellen-Kontos" is one object, not a word and a value (session 37, blind362
    read)."""
    return (
        len(first) >= 5
        and first.isalpha()
        and first.islower()
        and first.endswith(("en", "em", "er", "es"))
        and second[:1].isupper()
        and not any(ch.isdigit() for ch in second)
    )


MIXED_CASE_AND_DIGIT = re.compile(r"(?=\S*[a-z])(?=\S*[A-Z])(?=\S*\d)\S+")
# ACME-DC01, HSFB-FS01, FGT60F: device names have no lower case and no symbols but hyphens.
HOST_NAME = re.compile(r"[A-Z0-9]+(?:[-_][A-Z0-9]+)*")
# The word "key" in the seven languages, as lower-case substrings a rule's gate looks for
KEY_NOUNS = ("key", "clé", "clef", "chiave", "clave", "chave", "schlüssel", "sleutel")
# 7F3K-9QWE-2MZP-XR4L: keys and tokens read out in groups.
GROUPED_CODE = re.compile(r"[A-Za-z0-9]{4,8}(?:-[A-Za-z0-9]{4,8}){2,7}")


# French and Italian elisions are prose: "dall'utente", "l'utilisateur", "d'accès".
_ELISION = re.compile(
    r"(?:[ldjmnstc]|qu|dall|dell|all|nell|sull|dov|quell)['’][a-zà-ÿ]+[.,;]?"
    r"|[a-z]+n['’]t[.,;]?"  # and an English negation: "the password didn't" (session 14)
)


def is_mention(value: str) -> bool:
    """A word, placeholder or technical token where a value would be."""
    lowered = value.lower()
    return (
        not value
        or lowered in STOPWORDS
        or bool(_ELISION.fullmatch(lowered))
        or (lowered.endswith("s") and lowered[:-1] in STOPWORDS)
        or bool(_PLACEHOLDER.match(value.strip("`")))  # "admin_password: CHANGE_ME`" (24)
        or bool(TECHNICAL.match(value))
        or bool(_REDACTED.search(value))
        # two stopwords joined by a slash: "no pw given to/by us" (session 36, blind356 read)
        or all(part in STOPWORDS for part in lowered.split("/"))
    )


# Not a value but what stands for one (session 12): a value with its middle redacted
# ("Harvest****2024", "sk_live_••••••••4f2a"), a Key Vault reference, a registry or config
# setting's name and number ("RpcAuthnLevelPrivacyEnabled=0")
_REDACTED = re.compile(
    r"[*•●]{3}|^@Microsoft\.KeyVault\(|^(?:[A-Z][a-z]+){3,}=\d{1,10}$"
    # a crypt(3) hash ("secret 5 $1$mERr$hx5r..."), a template's "{your_password}" (session 12)
    r"|^\$(?:1|2[aby]?|5|6|7|8|9|y|apr1)\$|^(?i:your)[_-]\w+\}|^\};"
    # a folder after a drive's letter, read as "P:" ("Toegang tot P:\Orders getest"; session 13)
    r"|^\\[A-Za-z][a-z]+(?:\\[\w$ .-]+)*\\?[.,;]?$"
    # a product key as Windows shows it, all but its last group hidden (session 14)
    r"|^(?:[Xx]{4,6}-){2,}"
    # a shared mailbox named by its address's first half ("the password to the info@
    # mailbox"; session 14)
    r"|^[\w.+-]+@[.,;]?$"
)


def char_classes(value: str) -> int:
    """How many of lower case, upper case, digits and symbols the value uses."""
    return (
        any(ch.islower() for ch in value)
        + any(ch.isupper() for ch in value)
        + any(ch.isdigit() for ch in value)
        + any(not ch.isalnum() for ch in value)
    )


def value_shape_ok(value: str, level: str, quoted: bool = False) -> bool:
    """Whether a candidate looks like a secret value at the given strictness.

    loose: after ":" or "=" (or quoted): any non-word with a digit, symbol or inner capital.
    medium: after a link word ("is", "to", "auf", "naar"): letters and a digit or symbol.
    strict: nothing between keyword and value ("temp pw Summer2025!"): three character classes.
    strong: strict and a symbol other than - _ . (pairs: "as admin / C@stle!Fgt80").
    """
    if quoted and level in {"loose", "medium"}:
        return len(value) >= 3 and not is_mention(value)
    if level in {"strict", "strong"} and any(ch.isspace() for ch in value):
        return False  # a quoted phrase far from its keyword is prose, not a password
    has_digit = any(ch.isdigit() for ch in value)
    has_symbol = any(not ch.isalnum() for ch in value)
    has_letter = any(ch.isalpha() for ch in value)
    if not (has_digit or has_symbol or has_letter) or (level != "loose" and not has_letter):
        return False
    if is_mention(value):
        return False
    if level == "loose":
        inner_upper = any(ch.isupper() for ch in value[1:]) and any(ch.islower() for ch in value)
        return len(value) >= 3 and (has_digit or has_symbol or inner_upper)
    if level == "medium":
        # A hyphen or dot alone is how words and names are joined ("P-A-S-S", "Mail.Send").
        real_symbol = any(not ch.isalnum() and ch not in "-._" for ch in value)
        return (
            len(value) >= 5
            and has_letter
            and (
                has_digit
                or real_symbol
                or random_letters(value)
                or _drawn_case(value)
                or unspeakable(value)
            )
        )
    if level == "strict":
        if HOST_NAME.fullmatch(value) and not GROUPED_CODE.fullmatch(value):
            return False
        digits = sum(ch.isdigit() for ch in value)
        letters = sum(ch.isalpha() for ch in value)
        # or letters whose case changes as a generator's does, after a colon in the next
        # clause: "wachtwoord ... vernieuwd, want ... had het nog: YVQdPqFOoJMl" (session 17)
        return (
            len(value) >= 6
            and has_letter
            and (char_classes(value) >= 3 or (digits >= 2 and letters >= 2))
        ) or random_letters(value)
    symbols = sum(not ch.isalnum() and ch not in "-_." for ch in value)
    return len(value) >= 6 and has_letter and has_digit and symbols >= 1


def opens_a_phone(value: str, after: str) -> bool:
    """Whether digits followed by a group of another length start a phone number: "07745
    501151" after a PIN of five digits (session 32, blind279 read)."""
    after = after.rstrip(".,;)")
    return (
        value[:1] == "0"
        and value.isdigit()
        and after.isdigit()
        and len(after) != len(value)
        and 10 <= len(value) + len(after) <= 11
    )


# A phone number's first group right before: "his work mob 07791 204883" (session 33, blind287)
_PHONE_HEAD = re.compile(r"(?<![\w-])0\d{3,4} $")
_DASHED_PHONE = re.compile(r"0\d{1,4}-\d{5,8}")


def ends_a_phone(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start:end`` are the rest of a phone number whose first group
    stands right before them (see :func:`opens_a_phone`), or a whole national number with its
    dash: "Zakelijke mobiel 06-50139563 uitgegeven" (session 35, blind348 read)."""
    value = text[start:end]
    if _DASHED_PHONE.fullmatch(value) and sum(ch.isdigit() for ch in value) in (10, 11):
        return True
    head = _PHONE_HEAD.search(text, max(0, start - 6), start)
    return head is not None and opens_a_phone(head.group(0).strip(), value)
