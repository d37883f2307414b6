"""Passwords made of plain words, given in prose: "reset in AD to a phrase she could type
easily - 'velvet otter drums quietly'", "the passphrase they gave us is swan lake ripple (all
lower case, with spaces)", "the ARC needs a verbal password ... The manager set it as
bluebell-wagon" (session 15).

A run of plain words is a value only where the words around it say so: in quotes in a
sentence about a password or passphrase, before "(lower case, with spaces)", or set by a
pronoun where a password was named just before. A run holding a sentence's small words
("the", "has", "your") or the words of a message about a password ("expired", "incorrect")
is a message, not a value. Two to four plain words a verbal password or a code word "is" or
"stays"; two plain words and a number after a router's or a network's key (session 34).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

_TOPIC = guarded(
    r"(?i)\b(?:password|passwords|passphrase|pass\s+phrase|phrase|passwort|kennwort|contraseña"
    r"|mot\s+de\s+passe|wachtwoord|senha|parola\s+d'ordine|verbal\s+password|sign-in\s+phrase)\b"
)
_WORD = r"(?:[A-Za-z]{2,12}|\d{1,4})"
# in lower case: a vault entry's, a policy's or a folder's name in quotes is capitalised
_LOWER_WORD = r"(?:[a-z]{2,12}|\d{1,4})"
# (not an elision's apostrophes: "l'ha cambiata all'accesso"; session 34, blind320 read)
_QUOTED = re.compile(
    rf"(?<![A-Za-zÀ-ÿ])['‘\"“](?P<value>{_LOWER_WORD}(?:[ -]{_LOWER_WORD}){{2,5}})['’\"”]"
    r"(?![A-Za-zÀ-ÿ])"
)
# a name or a hint in quotes, not the value: "Passphrase hint 'usual teapot one'", "saved in
# Keeper under 'sage export svc'"
_NAME_BEFORE = re.compile(
    r"(?i)\b(?:hint|entry|under|policy|named|called|titled|label|folder|group|as)\W{0,3}$"
)
_MARKED = guarded(
    r"(?i)(?:\bis|\bwas|\bto|\bas|:)[ \t]+['\"‘“]?(?P<value>[a-z]{2,12}(?: [a-z0-9]{1,12}){1,5})"
    r"['\"’”]?[ \t]*\((?:all\s+)?(?:lower[- ]?case|with\s+spaces|spaces)"
)
_SET_BY_PRONOUN = re.compile(
    r"(?i)\bset\s+(?:it|the\s+new\s+one|hers|his|theirs)\s+(?:to|as)[ \t]*:?[ \t]*"
    r"(?P<value>[a-z]{2,12}(?:[ -][a-z0-9]{1,12}){1,4})(?=[ \t]*(?:[,.;]|$|\band\b))"
)
# three to six plain words joined by hyphens, linked to a password's word earlier in the
# sentence: "The ARC verbal password was changed at the same time to harbour-ladder-rocket"
# (session 27, blind179 read)
_LINKED_CHAIN = re.compile(
    r"(?i)(?:\bis|\bwas|\bnow|:|\b(?:changed|set|reset|updated|rotated)\b(?:(?!\band\b)[^.,;\n]){0,24}\bto)"
    r"[ \t]+['\"‘“]?"
    r"(?P<value>[a-z]{3,12}(?:-[a-z]{3,12}){2,5})(?![\w-])"
)
# three to six plain words, a number among them maybe, right after "passphrase" and ending
# its clause: "The private key is protected with passphrase tinsel gravel fennel 005
# marigold, also saved in Keeper" (session 30, blind222 read)
_AFTER_PASSPHRASE = re.compile(
    r"(?i)\bpass\s?phrase(?:[ \t]+(?:is|was|now))?[ \t]*:?[ \t]+"
    r"(?P<value>(?-i:[a-z]{2,12})(?:[ \t](?-i:[a-z]{2,12}|\d{1,4})){2,5})(?=[ \t]*(?:[,.;)]|$))"
)
# two to four plain words a verbal password or a code word "is", "stays" or "ora è", ending the
# clause: "the ARC password word for the site stays windmill paddock which he has been told",
# "la parola d'ordine della centrale, che ora è lapwing heather" (session 34, blind314 read)
_VERBAL_LINKED = guarded(
    r"(?i)\b(?:password\s+word|code\s?word|verbal\s+password|parola\s+d['’]ordine"
    r"|mot\s+de\s+passe\s+(?:verbal|oral)|contraseña\s+verbal|senha\s+verbal)\b[^.\n;]{0,60}?"
    r"\b(?:is|stays|remains|was|now|è|est|ist|es|é|blijft|bleibt|reste|sigue|resta)[ \t]+"
    r"(?P<value>(?-i:[a-z]{3,12})(?:[ \t](?-i:[a-z]{3,12})){1,3}?)(?=[ \t]*(?:[,.;)]|$|\b(?:from"
    r"|which|for|and|until|da|dal|depuis|ab|seit|desde|vanaf)\b))"
)
# two plain words and a number right after a router's or a network's key: "home router key
# puffin granite 1232. The tablet updated" (session 34, blind317 read)
_KEY_WORDS_NUMBER = guarded(
    r"(?i)\b(?:router|wi-?fi|wlan|network|wpa2?|wireless)\s+(?:key|password|pw|passphrase)"
    r"(?:\s+(?:is|was|now))?[ \t]*[:=]?[ \t]+"
    r"(?P<value>(?-i:[a-z]{3,12})[ \t](?-i:[a-z]{3,12})[ \t]\d{1,4})(?=[ \t]*(?:[.,;)]|$))"
)
# a participle or a preposition says what was done with the passphrase, or a form's word
# where it is, not what it is ("the Wi-Fi passphrase field showing as eight asterisks")
_NOT_PHRASE_WORD = re.compile(
    r"[a-z]{3,}(?:ed|ing)|by|via|as|over|only|under|inside|offline|somewhere|field|box|prompt"
    r"|asterisks|dots|hidden|masked|blank|empty"
)
# (a bird's or a thing's name may end in "-ing", a lapwing, a starling: only verbs' are left out)
_NOT_VERBAL_WORD = re.compile(
    r"[a-z]{3,}ed|by|via|as|over|only|under|inside|offline|somewhere|field|box|prompt|asterisks"
    r"|dots|hidden|masked|blank|empty|being|missing|pending|working|showing|using|changing"
    r"|expiring|coming|going|kept|held|given|known|told|shown"
)
# the words of a sentence or of a message about a password: "'your password has expired'"
_MESSAGE_WORDS = frozenset(
    """
    the and is are was were in to of it be has have been for on at by with where she he they
    we that this not its her his their our you your will would can from when a an or if do
    does did no yes please must should password passwords expired expire incorrect wrong
    invalid failed error account sign signed login log locked unlock reset change changed new
    old enter entered user username try again contact administrator admin required policy
    never wachtwoord passwort kennwort contraseña senha verloopt nooit läuft nie abgelaufen
    """.split()
)


def _is_phrase(value: str) -> bool:
    words = re.split(r"[ -]", value.lower())
    return len(words) >= 2 and not any(word in _MESSAGE_WORDS for word in words)


def word_passphrase_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A password of plain words in quotes, marked as typed in lower case, or set as 'it'; a
    verbal password's words; two words and a number after a router's key."""
    for match in _KEY_WORDS_NUMBER.finditer(text) if "key" in lowered or "pass" in lowered else ():
        value = match.group("value")
        if _is_phrase(value) and not any(_NOT_VERBAL_WORD.fullmatch(w) for w in value.split()):
            yield match.start("value"), match.end("value"), "wifi_key"
    if not _TOPIC.search(text):
        return
    for match in _QUOTED.finditer(text):
        low = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start())) + 1
        if _NAME_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1):
            continue
        if _TOPIC.search(text, max(low, match.start() - 150), match.start()) and _is_phrase(
            match.group("value")
        ):
            yield match.start("value"), match.end("value"), "password"
    if "lower" in lowered or "spaces" in lowered:
        for match in _MARKED.finditer(text):
            if _is_phrase(match.group("value")):
                yield match.start("value"), match.end("value"), "password"
    for match in _LINKED_CHAIN.finditer(text) if "-" in text else ():
        low = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start())) + 1
        if _NAME_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "entry is wifi-guest-main": a vault entry's name
        if _TOPIC.search(text, max(low, match.start() - 100), match.start()) and _is_phrase(
            match.group("value")
        ):
            yield match.start("value"), match.end("value"), "password"
    if "phrase" in lowered:
        for match in _AFTER_PASSPHRASE.finditer(text):
            value = match.group("value")
            if _is_phrase(value) and not any(
                _NOT_PHRASE_WORD.fullmatch(word) for word in value.split()
            ):
                yield match.start("value"), match.end("value"), "password"
    if "word" in lowered or "ordine" in lowered or "verbal" in lowered:
        for match in _VERBAL_LINKED.finditer(text):
            value = match.group("value")
            if _is_phrase(value) and not any(
                _NOT_VERBAL_WORD.fullmatch(word) for word in value.split()
            ):
                yield match.start("value"), match.end("value"), "password"
    if "set" in lowered:
        for match in _SET_BY_PRONOUN.finditer(text):
            if _TOPIC.search(text, max(0, match.start() - 250), match.start()) and _is_phrase(
                match.group("value")
            ):
                yield match.start("value"), match.end("value"), "password"
