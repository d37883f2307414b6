"""Passwords of two words, a symbol and a number, dictated in the seven languages (session
25; blind161 read).

A technician reads a chosen password aloud as its words: "Thistle dash walnut fifty two",
"Molino con mayúscula, punto, pimiento, diez", "Dijk met hoofdletter D, hekje, kievit,
zevenennegentig", "Castanha cardinal cortiça dezassete", "Hibou point d'exclamation prune
soixante-six". :func:`passphrase_runs` finds a word, the symbol's name, a second word and a
number said in words, and writes the value they spell ("Thistle-walnut52"), for
:func:`kbassist.hygiene.spoken_digits.rewritten` to put in the text's place: the password
rules then read it where a secret's word names it, as they read a typed one. The symbol's
name is required: two words and a number alone ("harbour orbit six one nine") are as often a
place, a product or a sentence.
"""

from __future__ import annotations

import re

from kbassist.hygiene.hint_index import trie_pattern
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.number_pairs import PAIRS, french_words
from kbassist.hygiene.spelled_letters import (
    DIGIT_OF,
    GERMAN_WORDS,
    NATO_WORDS,
    SECRET_REACH,
    SECRET_WORD,
)

_SYMBOLS = {
    # "Lobster underscore Rocket underscore 28" (session 28, blind201 read)
    **dict.fromkeys(("underscore", "unterstrich", "guion bajo", "trait de soulignement"), "_"),
    **dict.fromkeys(
        "dash hyphen bindestrich trattino hífen hifen guion guión tiret streepje koppelteken"
        " traço".split(),
        "-",
    ),
    **dict.fromkeys("hash hashtag hekje cancelletto almohadilla cardinal dièse raute".split(), "#"),
    # (not "point" alone: "the access point Kitchen twelve")
    **dict.fromkeys("dot punto punt punkt ponto".split(), "."),
    **dict.fromkeys(
        (
            "exclamation mark",
            "point d'exclamation",
            "point d’exclamation",
            "punto esclamativo",
            "ponto de exclamação",
            "uitroepteken",
            "ausrufezeichen",
            "signo de exclamación",
        ),
        "!",
    ),
    **dict.fromkeys(
        ("underscore", "trait bas", "guion bajo", "guión bajo", "trattino basso", "unterstrich"),
        "_",
    ),
    # (not "at": "arrived at Bristol twenty")
    **dict.fromkeys("arroba chiocciola apenstaartje arobase klammeraffe".split(), "@"),
    "ampersand": "&",
    **dict.fromkeys("asterisk asterisco astérisque sternchen sterretje".split(), "*"),
    "question mark": "?",
}
_NUMBERS: dict[str, str] = dict(DIGIT_OF)
_NUMBERS.update(PAIRS)
_NUMBERS.update({french_words(number): f"{number}" for number in range(10, 100)})
_SYMBOL = "(?:" + trie_pattern(_SYMBOLS) + ")"
_NUMBER = "(?:" + trie_pattern(_NUMBERS) + ")"
_WORD = r"[A-Za-zÀ-ÿ]{3,15}"
# a capital said after the first word: "con mayúscula", "met (een) hoofdletter D", "maiuscola"
_CASE = (
    r"(?:,?[ ](?:(?:con|met|mit|with|avec|com|en)[ ](?:een[ ]|a[ ]|la[ ]|großem[ ])?)?"
    r"(?:mayúscula|hoofdletter|maiuscola|majuscule|maiúscula|capital|großbuchstaben?)"
    r"(?:[ ][A-Z](?![\w]))?)?"
)
# the symbol said again before the number: "Quartz hyphen Orbit hyphen one six" (session 26,
# blind165 read)
_PASSPHRASE = re.compile(
    rf"(?i)(?<![\w-])(?P<first>{_WORD}){_CASE},?[ ](?P<symbol>{_SYMBOL}),?[ ]"
    rf"(?P<second>{_WORD}){_CASE},?[ ](?:(?P<again>{_SYMBOL}),?[ ])?"
    # (or the number typed: "Lobster underscore Rocket underscore 28"; session 28)
    rf"(?P<number>{_NUMBER}(?:[ ,-]+{_NUMBER}){{0,2}}|\d{{1,4}})"
    # and a symbol said last: "Laranja ponto Cereja 93 asterisco" (session 31, blind233 read)
    rf"(?:,?[ ](?P<last>{_SYMBOL}))?(?![\w-])"
)
# A word, a number and a symbol said last: "walnut with a capital W, five eight zero,
# exclamation mark" (session 27, blind177 read), its case said ("Room five, exclamation mark"
# is a sign's words); a dash or a dot last ends a phrase instead
_WORD_NUMBER_SYMBOL = re.compile(
    rf"(?i)(?<![\w-])(?P<first>{_WORD})(?P<case>{_CASE}),?[ ]"
    rf"(?P<number>{_NUMBER}(?:[ ,-]+{_NUMBER}){{0,3}}),?[ ](?P<symbol>{_SYMBOL})(?![\w-])"
)
# or its capitals typed inside it, two words run together: "re entered the encryption password
# QuarrySaddle thirty five question mark" (session 31, blind233 read)
_CAMEL = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+")
# A capital said with its letter, then a word that starts with it, a number and perhaps a symbol:
# "capital D, dolphin, six one, exclamation mark", "mayúscula L, lemon, nueve cero, almohadilla",
# "capital M maple three nine nine" (session 28, blind197 read): the letter is the word's first
_CASE_LETTER_WORD = re.compile(
    r"(?i)(?<![\w-])(?:capital|mayúscula|maiuscola|maiúscula|hoofdletter|majuscule|großes?)"
    rf"[ ](?P<letter>(?-i:[A-Z])),?[ ](?P<first>{_WORD}),?[ ]"
    rf"(?P<number>{_NUMBER}(?:[ ,-]+{_NUMBER}){{0,3}})(?:,?[ ](?P<symbol>{_SYMBOL}))?(?![\w-])"
)
# one of these stands (lower-cased) in every text _CASE_LETTER_WORD matches
_CASE_WORDS = ("capital", "mayúscula", "maiuscola", "maiúscula", "hoofdletter", "majuscule", "groß")
# Without a symbol, two words and a number only right after a password's or a key's word and
# its link, the number ending the clause: "Wi-Fi password on that router is Falcon Amber
# twenty six, she's online", "admin pass changed to ember juniper zero nine, capitals on the E"
# (session 26, blind165 read)
_NAMED_PLAIN = re.compile(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|senha|mot de passe|passe"
    # (not the verb: "the new details to pass on: sort code oh four, ..."; "password on it now:
    # falcon falcon two five" is a password's; session 27, blind181 read)
    r"|pass(?!\s+(?:on|it|them|this|that|these|those|the|back|through|along|over)\b)"
    r"|pw|key|sleutel|schlüssel|clave|chave|chiave|clé|passphrase"
    # "Old one was Granite juniper thirty one.", "typed her password, which she says was Cobalt
    # lantern fifty.", "Initial password ... was Falcon umber twenty two with a capital F"
    # (session 26, blind173 read)
    r"|(?:old|new)\s+one)\b"
    # up to four words; three or more right after the word with no link: "New key, all lower
    # case, no spaces, one word: kettle canyon velvet ninety six", "password cobalt walnut
    # pepper seven, lower case" (session 27, blind185 read)
    r"(?:[^.;:\n]{0,40}?(?P<link>(?:\bis|\bto|\bist|\bauf|\bnaar|\bes|\best|\bé|\bè|\ba|\bwas"
    r"|\bwar|\bera|\bétait|\bfoi|\bfue)(?:[ ](?:now|nu|jetzt|ahora|maintenant|agora|ora))?|:)[ ]"
    r"|[ ])"
    rf"(?P<first>{_WORD})[ ](?P<second>{_WORD})"
    rf"(?P<more>(?:[ ](?!{_NUMBER}(?![\w-])){_WORD}){{0,2}})[ ]"
    rf"(?P<number>{_NUMBER}(?:[ -]{_NUMBER}){{0,2}})"
    r"(?=[,.;)]|$|[ ](?:with|met|mit|con|com|avec|capital|all|no|if|and|but|so)\b)"
)
# Two to four words and a number, then how to type them: "read the key to Sam on the phone,
# Harbour Saffron 3 1 0 3, all one word with capitals on both words", "copper saffron 0 4 6, aan
# elkaar en zonder hoofdletters" (session 28, blind193 read): the words that say how a value is
# typed name it a password, a key's word before it
_DESCRIBED = re.compile(
    rf"(?i)(?<![\w-])(?P<first>{_WORD})[ ](?P<second>{_WORD})"
    rf"(?P<more>(?:[ ](?!{_NUMBER}(?![\w-])){_WORD}){{0,2}})[ ]"
    # (or in brackets: "read him new temp pw as words: gannet willow 17 (all one word, no caps)";
    # session 37, blind356 read)
    rf"(?P<number>\d(?:[ ]?\d){{0,5}}|{_NUMBER}(?:[ -]{_NUMBER}){{0,3}})(?:,[ ]|[ ]\()"
    r"(?:all[ ]one[ ]word|one[ ]word|no[ ]spaces|all[ ]lower[ ]?case|lower[ ]?case|with[ ]capitals"
    r"|capitals[ ]on|aan[ ]elkaar|zonder[ ](?:spaties|hoofdletters)|zusammengeschrieben"
    r"|ohne[ ]leerzeichen|alles[ ]klein|todo[ ]junto|sin[ ]espacios|tout[ ]attaché|sans[ ]espaces?"
    r"|tutto[ ]attaccato|senza[ ]spazi|tudo[ ]junto|sem[ ]espaços)\b"
)
_DESCRIBED_HINTS = (
    *("word", "spaces", "case", "capitals", "elkaar", "zonder", "zusammen", "ohne"),
    *("klein", "junto", "espacios", "attaché", "sans", "attaccato", "senza", "sem"),
)
# one of these stands (lower-cased) in every text _NAMED_PLAIN matches: most notes hold none
_NAMED_HINTS = (
    *("pass", "pw", "kennwort", "wachtwoord", "contrase", "senha", "key", "sleutel", "schlüssel"),
    *("clave", "chave", "chiave", "clé", "old one", "new one"),
)
_NUMBER_WORD = re.compile(rf"(?i){_NUMBER}")
# words that are no password's: numbers, symbols, spelling alphabets' letters, articles
_NOT_A_WORD = frozenset(
    {
        *_NUMBERS,
        *_SYMBOLS,
        *(word.lower() for word in NATO_WORDS),
        *(word.lower() for word in GERMAN_WORDS),
        *"the and for with from der die das den dem des het een les des une uno una los las"
        " del dei della dos das uma ele ela sie ihr".split(),
        # case words: "capital dash lower ..." spells letters; a bank's "sort code" (session 26)
        "sort",
        *"capital lower upper small klein kleine grote groß großes hoofdletter".split(),
    }
)
_GATE = re.compile(rf"(?i)(?<![\w-]){_SYMBOL}(?![\w-])")
# Three to six words joined by a dash said each time, no number: "ember dash beacon dash cactus
# dash willow" (session 27, blind177 read); two are as often a name ("Wi-Fi", "follow-up")
_DASH = "(?:" + "|".join(word for word, symbol in _SYMBOLS.items() if symbol == "-") + ")"
_CHAIN = re.compile(rf"(?i)(?<![\w-]){_WORD}(?:,?[ ]{_DASH},?[ ]{_WORD}){{2,5}}(?![\w-])")
_CHAIN_WORD = re.compile(rf"(?i)(?<![\w-])(?!{_DASH}\b){_WORD}")


def _digits(said: str) -> str:
    if said.isdigit():
        return said
    return "".join(_NUMBERS[word.group(0).lower()] for word in _NUMBER_WORD.finditer(said))


def _no_words(match: re.Match[str]) -> bool:
    """Whether the two words of a match are no password's: "two dash three forty", "Bravo
    dash Mike six", "the hash, SHA two fifty"."""
    words = (
        match.group("first"),
        match.group("second"),
        *(match.groupdict().get("more") or "").split(),
    )
    return any(word.lower() in _NOT_A_WORD for word in words) or words[-1].isupper()


def _overlaps(runs: list[tuple[int, int, str]], match: re.Match[str], first: int = -1) -> bool:
    """Whether the match (from ``first`` when given) overlaps a run already found."""
    begin = match.start() if first < 0 else first
    return any(start < match.end() and begin < end for start, end, _ in runs)


def passphrase_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the value spelled) of each word, symbol, word and number said aloud."""
    runs = []
    if _GATE.search(text):
        for match in _PASSPHRASE.finditer(text):
            if _no_words(match):
                continue
            again = match.group("again")
            value = (
                match.group("first")
                + _SYMBOLS[match.group("symbol").lower()]
                + match.group("second")
                + (_SYMBOLS[again.lower()] if again else "")
                + _digits(match.group("number"))
                + (_SYMBOLS[last.lower()] if (last := match.group("last")) else "")
            )
            runs.append((match.start(), match.end(), value))
        for match in _WORD_NUMBER_SYMBOL.finditer(text):
            symbol = _SYMBOLS[match.group("symbol").lower()]
            first = match.group("first")
            camel = _CAMEL.fullmatch(first) is not None
            if (
                not (match.group("case") or camel)
                or symbol in "-."
                or first.lower() in _NOT_A_WORD
                or _overlaps(runs, match)
            ):
                continue
            first = first if camel else first.capitalize()
            runs.append(
                (match.start(), match.end(), first + _digits(match.group("number")) + symbol)
            )
        for match in _CHAIN.finditer(text):
            words = _CHAIN_WORD.findall(match.group(0))
            if not any(word.lower() in _NOT_A_WORD for word in words) and not _overlaps(
                runs, match
            ):
                runs.append((match.start(), match.end(), "-".join(words)))
    lowered = text.lower()
    cased = any(word in lowered for word in _CASE_WORDS)
    for match in _CASE_LETTER_WORD.finditer(text) if cased else ():
        first = match.group("first")
        if first[0].upper() != match.group("letter") or first.lower() in _NOT_A_WORD:
            continue
        if _overlaps(runs, match):
            continue
        symbol = _SYMBOLS[match.group("symbol").lower()] if match.group("symbol") else ""
        runs.append(
            (match.start(), match.end(), first.capitalize() + _digits(match["number"]) + symbol)
        )
    named = any(word in lowered for word in _NAMED_HINTS)
    for match in _NAMED_PLAIN.finditer(text) if named else ():
        if _no_words(match) or _overlaps(runs, match, match.start("first")):
            continue
        if not match.group("link") and not match.group("more"):
            continue  # two words right after the word: "key fob seven" is a name
        words = [match.group("first"), match.group("second"), *match.group("more").split()]
        value = "".join(words) + _digits(match.group("number"))
        runs.append((match.start("first"), match.end(), value))
    return sorted(runs)


def described_passphrase_hits(text: str) -> list[Hit]:
    """Words and a number followed by how to type them ("..., all one word"), a secret's word
    before them: a password or a key read out."""
    lowered = text.lower()
    if not any(word in lowered for word in _DESCRIBED_HINTS):
        return []
    return [
        (match.start(), match.end("number"), "password")
        for match in _DESCRIBED.finditer(text)
        if not _no_words(match)
        and SECRET_WORD.search(text, max(0, match.start() - SECRET_REACH), match.start())
    ]


# A password dictated after its word as a word and a number, then a symbol and perhaps a word,
# or a word and a symbol: "initial password is plaster seven seven thistle question mark",
# "reset her portal password to saffron two two plus", "password equals cedar three three hash
# pepper", "set a new admin password capital S glacier five zero at sign" (session 32, blind272
# read). The symbol is required: a word and a number alone ("password to expire thirty days")
# are as often no value.
_DICTATED_SYMBOL = rf"(?:{_SYMBOL}|at[ ]sign|plus(?:[ ]sign)?)"
_NAMED_DICTATED = re.compile(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|senha|mot de passe|pw|passcode)\b"
    r"(?:[^.;:\n]{0,30}?\b(?:is|to|as|of|equals|was|ist|est|es|è|é)\b|[ ]?[:=])?[ ]"
    r"(?:(?:a|an)[ ](?:temp(?:orary)?|new|initial)[ ]one[ ])?"
    r"(?:capital[ ](?-i:[A-Z])[ ])?"
    rf"(?P<first>{_WORD})[ ](?P<number>{_NUMBER}(?:[ ]{_NUMBER}){{0,3}})"
    rf"(?:[ ](?P<symbol>{_DICTATED_SYMBOL})(?:[ ](?P<second>{_WORD}))?"
    rf"|[ ](?P<word>{_WORD})[ ](?P<last>{_DICTATED_SYMBOL}))(?![\w-])"
)
# Or two words and a number of two digits or more, with no symbol, after "as", "to" or "is":
# "set the first password as tulip falcon seven seven" (session 33, blind272 read)
_TWO_WORDS_DICTATED = re.compile(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|senha|pw|passcode)\b"
    r"[^.;:\n]{0,30}?\b(?:is|to|as)[ ]"
    rf"(?P<first>{_WORD})[ ](?P<word>{_WORD})[ ]{_NUMBER}(?:[ ]{_NUMBER}){{1,3}}(?![\w-])"
    # (not a count: "set to expire after thirty one days")
    r"(?![ ](?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|times|characters|chars"
    r"|attempts|tries|digits|letters|users|people|devices)\b)"
)
_JOINERS = "-_#.@&"
# words a sentence goes on with after a dictated value
_GOES_ON = frozenset(
    "all and then she he they but so which when with for she's he's it its that this asked"
    " semicolon comma".split()
)


def dictated_password_hits(text: str) -> list[Hit]:
    """A password dictated after its word: a word, a number and a symbol, in some order; or two
    words and a number."""
    lowered = text.lower()
    if not any(word in lowered for word in ("pass", "pw", "kennwort", "wachtwoord", "contrase")):
        return []
    hits: list[Hit] = []
    for match in (*_NAMED_DICTATED.finditer(text), *_TWO_WORDS_DICTATED.finditer(text)):
        words = [match.group("first"), match.group("word") or ""]
        if any(word.lower() in _NOT_A_WORD or word.lower() in _GOES_ON for word in words if word):
            continue
        end = match.end()
        second = match.groupdict().get("second")
        if second and (
            second.lower() in _NOT_A_WORD
            or second.lower() in _GOES_ON
            or _symbol_of(match.group("symbol")) not in _JOINERS
        ):
            end = match.end("symbol")  # "... two two plus and she is registered"
        start = match.start("first")
        if text[max(0, start - 10) : start].lower().endswith(tuple(_CAPITAL_SAID)):
            start = text.lower().rfind("capital", 0, start)
        hits.append((start, end, "password"))
    return hits


_CAPITAL_SAID = tuple(f"capital {letter} " for letter in "abcdefghijklmnopqrstuvwxyz")


def _symbol_of(said: str) -> str:
    said = said.lower()
    if said.startswith("at"):
        return "@"
    if said.startswith("plus"):
        return "+"
    return _SYMBOLS[said]
