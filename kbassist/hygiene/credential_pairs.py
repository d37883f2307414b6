"""User and password written as a pair: "admin / C@stle!Fgt80", "creds: svc / X".

A login's name, a slash, bar or colon, then its password, after words that name a login or
an account (moved out of :mod:`kbassist.hygiene.secret_detectors` in session 15).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit, Token, trim
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import is_mention, value_shape_ok

_PAIR = re.compile(
    r"(?<![\w.\\@/-])(?P<user>[\w.\\@-]{2,40})"
    r"(?P<pairsep>[ \t]*/[ \t]*|[ \t]*\|[ \t]*|:(?=\S))"
    r"(?P<value>[^\s\"'<>`/|]{4,100})"
)
# The words just before the user name: "logged in as", "creds for the NAS:", "Zugangsdaten:".
_PAIR_CONTEXT = guarded(
    r"(?i)\b(?P<context>as|with|using|login|log\s?in|logon|sign\s?in|creds?|credentials"
    r"|local\s+(?:account|user|admin)"  # "local account temp / Beach-Hut-Bluebird" (session 15)
    r"|user(?:name)?|account|u/p|(?:apple\s+|microsoft\s+|google\s+)?id|zugangsdaten"
    r"|anmeldedaten|credenciales|identifiants|inloggegevens|credenciais|credenziali)\b"
    r"(?:[ \t]+(?:for|on|to|für|para|pour|voor)[ \t]+(?:the[ \t]+)?[\w.-]{1,30})?"
    r"[ \t]*(?:[:=]|\bis\b|\bwas\b|\bare\b|\bwere\b)?[ \t]*$"
)
_ADMIN_USER = re.compile(
    r"admin|administrator|root|sa|ubnt|pi|support|manager|operator|superuser|cisco|enable"
    r"|\w{0,20}admin\w{0,20}|svc[\w.-]{0,30}|service[\w.-]{0,30}",
    re.IGNORECASE,
)
# Factory passwords of admin logins (iDRAC, Raspberry Pi, UniFi, Cisco...): words, but secrets.
_VENDOR_DEFAULTS = frozenset(
    "calvin raspberry ubnt admin password changeme cisco letmein toor default "
    "1234 12345 123456 12345678 system manager private".split()
)
# (phrases: "log in", "apple id" and "local account" are one context each; session 15)
_STRONG_CONTEXT = frozenset(
    (
        "login", "log in", "logon", "sign in", "creds", "cred", "credentials", "user", "username",
        "u/p", "id", "apple id", "microsoft id", "google id", "local account", "local user",
        "local admin", "zugangsdaten", "anmeldedaten", "credenciales", "identifiants",
        "inloggegevens", "credenciais", "credenziali",
    )
)  # fmt: skip


_STRONG_EARLIER = guarded(
    r"(?i)\b(?:creds?|credentials|login|logon|zugangsdaten|anmeldedaten|credenciales"
    r"|identifiants|inloggegevens|credenciais|credenziali)\b[^.\n]{0,60}$"
)


def pair_hits(text: str, lowered: str) -> Iterator[Hit]:
    """User and password written as a pair: "admin / C@stle!Fgt80", "creds: svc / X"."""
    if "/" not in text and "|" not in text and ":" not in text:
        return
    for match in _PAIR.finditer(text):
        if match.group("value").endswith(":"):
            continue  # "admin / password: ********": the next label, not a value
        token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
        user = match.group("user")
        before = _PAIR_CONTEXT.search(text, max(0, match.start() - 60), match.start())
        context = " ".join(before.group("context").lower().split()) if before else ""
        # An account written as an address or DOMAIN\user names a login by itself.
        account = "@" in user or "\\" in user
        admin = bool(_ADMIN_USER.fullmatch(user))
        strong = context in _STRONG_CONTEXT  # "local account temp / X": a login of any name
        if (is_mention(user) and not (account or admin or strong)) or user.isdigit():
            continue  # "manager" is a stopword ("password manager") but also a switch login
        if admin and token.text.lower() in _VENDOR_DEFAULTS:
            yield token.start, token.end, "credential_pair"  # "root/calvin", "pi / raspberry"
            continue
        if match.group("pairsep") == ":" and not (strong or admin):
            # "re-entered creds in the task as holtbackup:X": the strong word a few words back.
            if not _STRONG_EARLIER.search(text, max(0, match.start() - 80), match.start()):
                continue
            context = "creds"
        if strong or admin:
            level = "strict"
        elif context or account:
            level = "strong"
        else:
            continue
        if value_shape_ok(token.text, level) or (
            level == "strict" and _WORDS.fullmatch(token.text)
        ):
            yield token.start, token.end, "credential_pair"


# Three to six plain words joined by hyphens after an admin's or a login's name: "admin is
# choiradmin / pebble-ladder-pepper" (session 27, blind179 read); two are a name ("read-only")
_WORDS = re.compile(r"[a-z]{3,12}(?:-[a-z]{3,12}){2,5}")
