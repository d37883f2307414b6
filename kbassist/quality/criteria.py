"""Explainable quality criteria for closure notes (pure functions).

Closure notes follow the KCS content standard: the problem as the user saw it,
the environment, the cause, steps another technician could repeat, how the fix
was verified, and follow-up or prevention. Each criterion is a small set of
cues (regular expressions over the note, English), met or not; every unmet
criterion becomes a finding with a concrete suggestion. Hygiene (secrets and
personal data) is blocking; vagueness and readability are judged on top.
Articles have their own criteria in ``kbassist.quality.article_checks``.

The weights and the score formula are documented in ``docs/quality.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbassist.findings import Finding, sort_findings
from kbassist.hygiene import find_sensitive, mask, sensitive_spans
from kbassist.hygiene.kinds import Span
from kbassist.quality.readability import TECH_VOCABULARY, assess_readability

MAX_CHARS = 20_000  # criteria cues read the first pages; hygiene always reads everything

NOTE_CRITERIA = ("problem", "environment", "cause", "steps", "verification", "followup")
NOTE_WEIGHTS: dict[str, int] = {
    "problem": 20,
    "environment": 15,
    "cause": 20,
    "steps": 25,
    "verification": 10,
    "followup": 10,
}
READABILITY_PENALTY = 5
VAGUE_CAP = 15


@dataclass(frozen=True)
class Assessment:
    """Which criteria a text meets, its findings, and the criteria score 0-100."""

    criteria: dict[str, bool]
    findings: tuple[Finding, ...]
    criteria_score: float
    words: int = 0

    @property
    def blocking(self) -> bool:
        return any(finding.severity == "blocking" for finding in self.findings)


@dataclass(frozen=True)
class NoteAssessment(Assessment):
    """Which criteria a closure note meets, its findings, and the criteria score 0-100."""

    vague: bool = False
    language: str = "en"  # "en", or "other" when the note does not read as English

    def features(self) -> list[float]:
        """The criteria as numbers, for the classifier (no length: see docs/quality.md)."""
        values = [1.0 if self.criteria[name] else 0.0 for name in NOTE_CRITERIA]
        return [*values, 1.0 if self.vague else 0.0, 1.0 if self.blocking else 0.0]


# --- cues, one set per criterion -------------------------------------------------
#
# Each criterion is met when the note contains one of its cue words (matched as whole
# words), one of its phrases (matched in the lower-cased text, spaces normalised) or
# one of its patterns. Word sets and substring tests keep scoring well above 1,000
# notes a second; only what needs a pattern is a regular expression.


@dataclass(frozen=True)
class Gated:
    """A pattern searched only in texts that hold what every one of its matches holds.

    Every match contains one of ``needs`` (plain substrings) and a match of ``needs_pattern``
    (a short pattern the engine scans for quickly), so a text without them cannot match and
    the pre-check is exact. It pays because a pattern that starts with ``\\b`` gives the
    regular-expression engine no first character to skip ahead to: it tries every position.
    """

    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()  # empty: no substring needed
    needs_pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> bool:
        if self.needs and not any(map(text.__contains__, self.needs)):
            return False
        if self.needs_pattern is not None and not self.needs_pattern.search(text):
            return False
        return self.pattern.search(text) is not None


def _gated(pattern: str, needs: str = "", needs_pattern: str | None = None) -> Gated:
    return Gated(
        re.compile(pattern),
        _phrases(needs) if needs else (),
        None if needs_pattern is None else re.compile(needs_pattern),
    )


@dataclass(frozen=True)
class Cues:
    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    patterns: tuple[Gated, ...] = ()

    def found(self, words: frozenset[str], flat: str) -> bool:
        """Whether the note (its word set and its flattened lower-case text) has a cue."""
        if not self.words.isdisjoint(words):
            return True
        if any(map(flat.__contains__, self.phrases)):
            return True
        return any(part.search(flat) for part in self.patterns)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


PROBLEM = Cues(
    _words(
        "error errors fail fails failed failing failure cannot can't couldn't unable doesn't "
        "won't wouldn't crash crashes crashed crashing freezes freezing froze hangs hanging "
        "slow stuck disconnect disconnects disconnected disconnecting drops dropped dropping "
        "denied popup pop-up prompt prompts prompted prompting bsod timeout timeouts stopped "
        "broken intermittent intermittently reported complained complains symptom symptoms "
        "getting shows showed showing offline bounce bounced bounces bouncing blank missing "
        "refused isn't wasn't didn't hasn't aren't weren't"
    ),
    _phrases(
        "can not |could not |not working|not loading|not printing|not syncing|"
        "not connecting|not opening|not starting|not responding|does not |locked out|"
        "blue screen|timed out|time out|no longer|user saw|black screen|greyed out|"
        "grayed out|issue:|problem:|symptom:|no audio|no sound|no signal|no service|"
        "not arriving|not recognized|not receiving|not sending|not found|not shared|"
        "got error|got the error"
    ),
    (
        _gated(r"\"[^\"\n]{4,200}\"|“[^”\n]{4,200}”", '"|“'),  # quoted error text
        # 'single quotes' only around a phrase, so apostrophes in "user's" do not pair up.
        _gated(r"(?:^|[\s(:])'[^'\n]{4,200}'(?=[\s.,;:)!?]|$)", "'"),
        _gated(
            r"\b0x[0-9a-f]{4,8}\b|\berror(?: code)?[ :#]{0,3}-?\d|\bevent ?id\b|\bhresult\b"
            r"|\bstop code\b",
            "0x|error|event|hresult|stop code",
        ),
    ),
)

ENVIRONMENT = Cues(
    _words("version firmware department site branch floor"),
    _phrases(
        "users affected|affected user|whole office|whole site|whole team|remote user|"
        "remote worker|only one user|single user|all users|all staff|every user|mac os|"
        "macos|os x|ipados|android|ubuntu|linux|chromeos|chrome os"
    ),
    (
        # Versions, builds, addresses; Windows 10 builds (22h2).
        _gated(r"\bv?\d+\.\d+|\b\d\dh\d\b", needs_pattern=r"\d[.h]\d"),
        _gated(
            r"\b(?:windows|win) ?(?:7|8|10|11|xp|server)\b|\bserver 20\d\d\b|\bios \d"
            r"|\bbuild \d",
            "win|server 20|ios |build ",
        ),
        _gated(
            r"\b(?:\d+|several|multiple|two|three|all|both) (?:users?|staff|people|employees|"
            r"machines|devices|pcs|laptops|workstations)\b",
            " user| staff| people| employees| machines| devices| pcs| laptops| workstations",
        ),
    ),
)
# Host names like ACME-DC01 or LAPTOP-7H2K, matched on the original case.
HOSTNAME = re.compile(r"\b[A-Z][A-Z0-9]{1,14}-[A-Z0-9][A-Z0-9-]{1,14}\b")
CAUSE = Cues(
    _words(
        "cause caused causes causing because culprit expired outdated stale faulty incorrect "
        "incorrectly wrong exceeded rootcause hung blocked failing orphaned leftover retired "
        "compromised lookalike tied"
    ),
    _phrases(
        "root cause|due to|turned out|found that|found the |found a |found an |issue was|"
        "problem was|fault was|traced to|traced it|ruled out|not the cause|not the issue|"
        "not the problem|result of|led to|was full|ran out|was disabled|was locked|"
        "was missing|was deleted|was removed|was blocked|was not set|was not configured|"
        "was not licensed|failed hard|failed disk|failed drive|failed update|bad cable|"
        "bad port|bad sector|after the |after a |still presenting|source was|out of date|"
        "not restored|was never|had been|had expired"
    ),
    (
        _gated(
            r"\b(?:diagnos|corrupt|misconfigur|conflict|mismatch)",
            "diagnos|corrupt|misconfigur|conflict|mismatch",
        ),
    ),
)

ACTIONS = _words(
    "cleared clear deleted delete removed remove reinstalled reinstall installed install "
    "uninstalled uninstall updated update upgraded upgrade reset re-enabled reenabled enabled "
    "enable disabled disable configured configure reconfigured reconfigure set changed change "
    "added add granted grant assigned assign mapped remapped re-mapped recreated re-created "
    "recreate rebuilt rebuild restored restore replaced replace reseated reseat renamed rename "
    "moved move migrated migrate re-registered reregistered registered rejoined re-joined "
    "joined unlocked unlock renewed renew flushed flush repaired repair patched patch re-synced "
    "resynced synced forced force purged purge killed ran run applied apply increased increase "
    "extended extend whitelisted allowed allow approved approve issued reissued re-issued "
    "imported exported created create edited edit modified modify readded re-added pointed "
    "cloned swapped tagged stopped started requested rebooted restarted deployed pushed "
    "converted revoked copied quit selected reselected re-selected hot-swapped resent re-sent "
    "searched soft-deleted upgraded downgraded reverted re-imaged reimaged wiped"
)
ACTION_PHRASES = _phrases("rolled back|roll back|turned on|turned off|switched to|pointed to")
_CMDLET_VERBS = (
    "get|set|new|remove|add|enable|disable|start|stop|restart|install|uninstall|update|"
    "invoke|test|reset|clear|connect|repair|import|export|grant|revoke"
)
_COMMAND_NAMES = (
    "ipconfig|gpupdate|gpresult|sfc|dism|chkdsk|netsh|nslookup|tracert|traceroute|"
    "robocopy|regedit|msiexec|certutil|dsregcmd|klist|repadmin|dcdiag|winget|choco|systemctl|"
    "wuauclt|usoclient|bcdedit|diskpart|icacls|takeown|taskkill|powercfg|cleanmgr|eventvwr|"
    "services.msc|devmgmt|compmgmt"
)
COMMAND = (
    _gated(r"`[^`\n]{2,200}`", "`"),
    _gated(
        rf"\b(?:{_CMDLET_VERBS})-[a-z]{{2,}}",
        "|".join(f"{verb}-" for verb in _CMDLET_VERBS.split("|")),
    ),
    _gated(r"\b(?:" + "|".join(map(re.escape, _COMMAND_NAMES.split("|"))) + r")\b", _COMMAND_NAMES),
    _gated(
        r"\bnet (?:use|user|stop|start|localgroup)\b|\bsc (?:stop|start|config|query)\b",
        "net |sc ",
    ),
    _gated(
        r"(?:^|\s)/(?:force|flushdns|registerdns|release|renew|scannow|restorehealth|all)\b", "/"
    ),
    _gated(
        r"\b[a-z]:\\|\\\\[\w.-]+\\|\bhk(?:lm|cu|ey_local_machine|ey_current_user)\b",
        ":\\|\\\\|hk",
    ),
    _gated(
        r"(?:^|\s)(?:/etc|/var|/usr|/opt|/home|~)/\w|%(?:appdata|localappdata|programdata|temp|"
        r"userprofile)%",
        "/|%",
    ),
    _gated(r"[\w)] ?(?:>|->|→|») ?\w", ">|→|»"),  # Settings > Accounts
    _gated(
        r"\b(?:admin|security|compliance) (?:center|centre|portal|console)\b|\b\w+ tab\b",
        " center| centre| portal| console| tab",
    ),
)
NUMBERED = re.compile(r"^\s*(?:\d+[.)]|step \d+|[-*•] )", re.IGNORECASE | re.MULTILINE)

# Verification is something that happened: "confirmed", "tested", "test page printed".
# The bare verbs ("please confirm", "we need to verify", "the test server") are requests,
# plans or names, and a note that asks someone to test has not verified anything.
VERIFICATION = Cues(
    _words("verified verification confirmed confirms tested validated successful successfully"),
    _phrases(
        "works now|working now|works again|working again|working fine|works fine|"
        "working correctly|works correctly|as expected|working normally|working ok|"
        "able to |can now |checked that|checked it|checked with|no further error|"
        "no further issue|no more error|no more issue|monitored for|signed off|"
        "happy with|now loads|now prints|now connects|now syncs|now works|now opens|"
        "now launches|now starts|now sends|user opened|logged in|signed in|"
        "sent and received|played back|came back|back online|now shows|now show|"
        "printed a test|test page printed|test passed|tests passed|test succeeded|"
        "test was successful|test page|test call|test file|test e-mail|test email|test mail|"
        "test message|test print|test login|test sign-in|test restore|test backup|test scan|"
        "test meeting|sent a test|ran a test|did a test"
    ),
)

# Follow-up is a recorded next step or prevention. "We will check and get back to you"
# and "kind reminder" are holding replies to the user, not follow-up: they are not cues.
FOLLOWUP = Cues(
    _words(
        "article documented documentation wiki runbook playbook how-to howto monitor "
        "monitoring monitored alert alerts alerting follow-up followup prevent prevention "
        "preventive preventative recurrence recurring recur schedule scheduled recommend "
        "recommended recommendation advised renewal"
    ),
    _phrases(
        "kb article|knowledge base|follow up|next step|to avoid|will check in|check in on|"
        "check in with|set a reminder|calendar reminder|renewal reminder|will monitor|"
        "will follow|will revisit|will replace|will order|will review|check back|"
        "opened a ticket|opened ticket|opened a case|ordered a replacement|"
        "ordered replacement|ordered a new|escalated to|long-term|long term|"
        "permanent fix|trained the user|showed the user|user was shown|user educated|"
        "http://|https://"
    ),
    (
        _gated(r"\bkb-[\w-]+", "kb-"),
        _gated(r"\b(?:ticket|case|change request|cr) ?#? ?\d+", "ticket|case|change request|cr"),
    ),
)

_VAGUE_WORDS = frozenset(
    """
    fixed fix done resolved resolve issue issues problem rebooted reboot restarted restart
    sorted working works ok okay closed complete completed all good no n/a na as discussed see
    above per user happy user the a an and it is was now has been fine solved cleared cleaned
    up tested checked please close ticket call phone remote session assisted helped with
    """.split()
)
# Correspondence that records nothing: greetings, sign-offs, holding replies ("we will
# check and get back to you"), reminders and meeting invitations. A note made only of
# these is vague however long it is; short lines after a sign-off are a signature.
_SIGN_OFF = re.compile(
    r"(?:best |kind |warm |many )?(?:regards|thanks|thank you|cheers)\b.{0,40}", re.IGNORECASE
)
_CORRESPONDENCE = re.compile(
    r"(?:dears?|hi|hello|hey|greetings|good (?:morning|afternoon|evening))\b.{0,40}"
    r"|(?:well )?noted|ok(?:ay)?|sure"
    r"|.{0,80}\b(?:get|getting|come|coming|revert|reverting) back to (?:you|u)\b.{0,40}"
    r"|.{0,60}\b(?:update|inform|notify) (?:you|u) (?:soon|shortly|asap|once|when|as soon)"
    r"\b.{0,60}"
    r"|.{0,40}\b(?:kind|kindly|friendly|gentle) remind(?:er)?\b.{0,40}|reminder"
    r"|.{0,40}\bany (?:updates?|news|feedback)\b.{0,40}"
    r"|.{0,60}\b(?:suggest|propose|arrange|book|find) (?:a|another|the|a suitable|a good) "
    r"(?:time|slot|meeting|session|call)\b.{0,60}"
    r"|.{0,40}\bjoin (?:the |this |our |my )?(?:below |following )?(?:zoom |teams |webex )?"
    r"(?:meeting|session|call)\b.{0,60}",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
SIGNATURE_WORDS = 4  # a line after a sign-off this short is a name or a team, not content


def _only_correspondence(text: str) -> bool:
    """Whether a note is nothing but greetings, holding replies and sign-offs."""
    seen = signed = False
    for sentence in _SENTENCE_END.split(text[:2000]):
        sentence = sentence.strip(" \t,.;:!-")
        if not sentence:
            continue
        if _SIGN_OFF.fullmatch(sentence):
            signed = True
        elif _CORRESPONDENCE.fullmatch(sentence):
            seen = True
        elif not (signed and len(sentence.split()) <= SIGNATURE_WORDS):
            return False
    return seen


_ENGLISH = frozenset(
    "the a an and or of to in on for with was is are be it this that user not from by at as "
    "have has had then after before we i".split()
)
WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
# Runs of [a-z0-9'_-] from a letter or digit, trailing ' and - left off ("users'" is
# "users"): one pattern instead of a strip per token.
_TOKEN = re.compile(r"[a-z0-9](?:[a-z0-9'_-]*[a-z0-9_])?")


# --- notes -------------------------------------------------------------------------


def note_text(text: str) -> str:
    """The plain text of a closure note: HTML converted, whitespace tidied at the ends."""
    text = text or ""
    if "<" in text or "&" in text:
        from kbassist.htmltext import html_to_text, looks_like_html

        if looks_like_html(text):
            text = html_to_text(text)
    return text.strip()


def check_note(text: str, vocabulary: frozenset[str] = TECH_VOCABULARY) -> NoteAssessment:
    """Judge a closure note against the six KCS criteria, hygiene, vagueness and readability."""
    return check_plain_note(note_text(text), vocabulary)


def check_plain_note(plain: str, vocabulary: frozenset[str] = TECH_VOCABULARY) -> NoteAssessment:
    """``check_note`` for a note already through ``note_text`` (callers that keep the text)."""
    spans = sensitive_spans(plain)
    findings: list[Finding] = list(find_sensitive(plain, spans))
    if not plain:
        findings.append(_EMPTY)
        criteria = dict.fromkeys(NOTE_CRITERIA, False)
        return NoteAssessment(criteria, sort_findings(findings), 0.0, 0, vague=True)
    head = plain[:MAX_CHARS]
    if len(plain) > MAX_CHARS:
        findings.append(_too_long(len(plain)))
    words = WORD.findall(head)
    criteria = note_criteria(head)
    language = _language(words)
    if language != "en":
        findings.append(_OTHER_LANGUAGE)
    vague = _is_vague(head, words, criteria)
    if vague:
        findings.append(_vague(head, spans if len(plain) <= _QUOTED_CHARS else None))
    findings.extend(MISSING[name] for name in NOTE_CRITERIA if not criteria[name])
    score = criteria_score(criteria)
    hard_to_read = _readability(head, words, vocabulary)
    if hard_to_read is not None:
        score -= READABILITY_PENALTY
        findings.append(hard_to_read)
    if vague:
        score = min(score, VAGUE_CAP)
    score = max(0.0, min(100.0, score))
    return NoteAssessment(
        criteria, sort_findings(findings), score, len(words), vague=vague, language=language
    )


def note_criteria(head: str) -> dict[str, bool]:
    """Which of the six criteria the (plain, already cut) note text meets."""
    flat = " ".join(head.lower().split())
    tokens = frozenset(_TOKEN.findall(flat))
    return {
        "problem": PROBLEM.found(tokens, flat),
        "environment": _has_environment(head, tokens, flat),
        "cause": CAUSE.found(tokens, flat),
        "steps": _has_steps(head, tokens, flat),
        "verification": VERIFICATION.found(tokens, flat),
        "followup": FOLLOWUP.found(tokens, flat),
    }


def _too_long(chars: int) -> Finding:
    return Finding(
        "length",
        "info",
        f"The note is very long ({chars:,} characters); only the first "
        f"{MAX_CHARS:,} were checked against the criteria.",
        "Put a short summary first (symptom, cause, fix, verification) and attach logs "
        "to the ticket instead of pasting them into the note.",
    )


# A vague note is quoted from its opening, masked.
_QUOTED_CHARS = 400


def _vague(head: str, spans: list[Span] | None = None) -> Finding:
    """``spans``: the whole note's, when the note is no longer than the opening quoted."""
    # Quote what the note says, masked: the quote is shown on pages and in the CLI.
    # Spans are found on the opening alone (its end may cut a value), unless it is the note.
    quoted = " ".join(mask(head[:_QUOTED_CHARS], spans).split())[:60]
    return Finding(
        "vague",
        "major",
        f"The note only says “{quoted}”: the next technician cannot tell what was wrong "
        "or what was done.",
        "Replace it with the symptom, the cause and the exact steps, e.g. “Outlook "
        "froze on start (OST corrupt); renamed the OST, rebuilt the profile, test mail "
        "sent and received.”",
    )


def _readability(head: str, words: list[str], vocabulary: frozenset[str]) -> Finding | None:
    """A finding when the note is hard to read; None when it reads well or is short."""
    # Short notes are never judged on readability, so textstat (the slow part) is skipped.
    if len(words) < 30:
        return None
    readability = assess_readability(head, vocabulary)
    if not (
        readability.flesch_reading_ease < 30
        or readability.words_per_sentence > 35
        or readability.hard_word_ratio > 0.2
    ):
        return None
    return Finding(
        "readability",
        "minor",
        f"The note is hard to read (reading ease {readability.flesch_reading_ease:.0f}, "
        f"{readability.words_per_sentence:.0f} words a sentence; technical terms are "
        "not counted against it).",
        "Use short sentences, one action each, ideally as a numbered list of steps.",
    )


def _has_environment(text: str, tokens: frozenset[str], flat: str) -> bool:
    # Naming products in passing ("restarted Teams") does not place a note: a version, an
    # OS, a host name or who was affected does.
    # Every host name holds a hyphen: texts without one are not searched.
    return ENVIRONMENT.found(tokens, flat) or ("-" in text and bool(HOSTNAME.search(text)))


def _has_steps(text: str, tokens: frozenset[str], flat: str) -> bool:
    actions = len(ACTIONS & tokens) + sum(1 for phrase in ACTION_PHRASES if phrase in flat)
    if actions >= 2:
        return True
    if not actions:
        return False
    # One action counts when it is specific: a command, a path, a setting, or numbered steps.
    return any(part.search(flat) for part in COMMAND) or len(NUMBERED.findall(text)) >= 2


def _language(words: list[str]) -> str:
    sample = words[:300]
    if len(sample) < 6:
        return "en"
    english = sum(map(_ENGLISH.__contains__, map(str.lower, sample)))
    return "en" if english / len(sample) >= 0.06 else "other"


def _is_vague(text: str, words: list[str], criteria: dict[str, bool]) -> bool:
    met = sum(criteria.values())
    # Only a note of twelve words or fewer can be all vague words: longer ones are not lowercased.
    if words and len(words) <= 12 and all(word.lower() in _VAGUE_WORDS for word in words):
        return True
    if len(words) < 8 and met <= 1:
        return True
    return met <= 1 and _only_correspondence(text)


_EMPTY = Finding(
    "empty",
    "major",
    "The closure note is empty.",
    "Write what the user saw, what caused it, what you did (so another technician "
    "could repeat it) and how you confirmed it works.",
)
_OTHER_LANGUAGE = Finding(
    "language",
    "info",
    "The note does not read as English; the criteria look for English wording, so "
    "this score may understate it.",
    "Write closure notes in the team's working language (English), or ask a "
    "reviewer to judge this one.",
)
MISSING: dict[str, Finding] = {
    "problem": Finding(
        "problem",
        "major",
        "The note does not say what the user saw.",
        "Quote the exact error message or describe the symptom as the user reported it, e.g. "
        "“Outlook shows 'Cannot start Microsoft Outlook' at launch”.",
        "problem",
    ),
    "environment": Finding(
        "environment",
        "minor",
        "The note does not say where it happened.",
        "Name the device or host, the software and its version, and who was affected, e.g. "
        "“LAPTOP-ACME12, Windows 11 23H2, Outlook 2021; one user”.",
        "environment",
    ),
    "cause": Finding(
        "cause",
        "major",
        "No cause or diagnosis is given.",
        "Say what caused it, or what you ruled out, e.g. “cause: expired cached credentials; "
        "network ruled out (other users fine)”.",
        "cause",
    ),
    "steps": Finding(
        "steps",
        "major",
        "Another technician could not repeat the fix from this note.",
        "List the steps: the commands you ran, the settings you changed with their path, the "
        "files or registry keys you touched.",
        "steps",
    ),
    "verification": Finding(
        "verification",
        "minor",
        "Nothing says the fix was checked.",
        "Say how you confirmed it works, e.g. “test e-mail sent and received; user confirmed "
        "by phone”.",
        "verification",
    ),
    "followup": Finding(
        "followup",
        "minor",
        "No follow-up or prevention is recorded.",
        "Link the KB article you used or wrote, or note the monitoring, next step or change "
        "that prevents a repeat.",
        "followup",
    ),
}


def criteria_score(criteria: dict[str, bool]) -> float:
    """The weighted share of met note criteria, 0-100 (before readability and vagueness)."""
    return float(sum(NOTE_WEIGHTS[name] for name in NOTE_CRITERIA if criteria.get(name)))
