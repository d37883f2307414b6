"""Personal e-mail addresses: an address at a consumer provider, unless the words around
it make it a role mailbox (moved out of :mod:`kbassist.hygiene.personal_detectors` in session
9, with the clause helpers the phone and card readers share)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

# --- e-mail --------------------------------------------------------------------------------

# Consumer mail providers: an address there is a person's own, not their employer's.
PERSONAL_MAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk hotmail.de hotmail.fr
    hotmail.es hotmail.it hotmail.nl live.com live.co.uk live.de live.fr live.nl live.it msn.com
    yahoo.com yahoo.co.uk yahoo.de yahoo.fr yahoo.es yahoo.it ymail.com rocketmail.com aol.com
    aol.de icloud.com me.com mac.com proton.me protonmail.com protonmail.ch pm.me gmx.de gmx.net
    gmx.at gmx.ch gmx.com gmx.fr web.de t-online.de freenet.de posteo.de posteo.net mailbox.org
    arcor.de online.de orange.fr free.fr laposte.net wanadoo.fr sfr.fr neuf.fr bbox.fr libero.it
    virgilio.it tiscali.it alice.it tin.it hetnet.nl ziggo.nl kpnmail.nl planet.nl home.nl
    xs4all.nl telenet.be skynet.be proximus.be sapo.pt clix.pt terra.com terra.es telefonica.net
    uol.com.br bol.com.br yandex.com yandex.ru mail.ru fastmail.com fastmail.fm hushmail.com
    tutanota.com tuta.io zoho.eu btinternet.com sky.com virginmedia.com talktalk.net
    blueyonder.co.uk ntlworld.com comcast.net verizon.net att.net sbcglobal.net bigpond.com
    optusnet.com.au shaw.ca rogers.com sympatico.ca bluewin.ch eircom.net
    wp.pl o2.pl interia.pl onet.pl op.pl gazeta.pl tlen.pl seznam.cz centrum.cz email.cz
    atlas.cz azet.sk centrum.sk freemail.hu citromail.hu abv.bg inbox.lv
    """.split()
)
EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}"
    r"\.[A-Za-z]{2,24})\b"
)
_PRIVATE_WORDS = guarded(
    # not a key's own word: "-----END PRIVATE KEY-----", "private_key" (session 16)
    # (not the firm's "our own rep: ..."; session 29, blind216 read)
    r"(?i)\b(?:personal|private(?![\s_-]*key)|home|(?<!\bour\s)own|privat\w*|persönlich\w*|personnel\w*|privé\w*"
    r"|pessoal|particular|privato|privata|priv\.)\b"
)


# A role mailbox at a consumer provider ("it-admin.fps@outlook.com", owned by a school): the
# address names a function, not a person (session 6).
_ROLE_LOCAL = re.compile(
    r"(?i)(?:^|[._-])(?:admin|administrator|info|office|reception|accounts|helpdesk|support"
    r"|noreply|no-reply|bookings?|sales|finance|enquiries|billing|invoices?|postmaster"
    r"|webmaster|secretariat|secretaria|sekretariat|segreteria|secretariaat"
    # a device's mailbox: "scans.hollybush@gmail.com" set up for a scanner (session 17)
    r"|scans?|scanner|printer|copier|fax"
    # an out-of-hours desk's or a jobs mailbox: "e-mail jobs to ooh@keystonelocks.co.uk" rather
    # than "his own phone" (session 35, blind329 read)
    r"|ooh|on-?call|jobs|repairs|dispatch|orders)(?:$|[._-])"
)


_BUSINESS_MAILBOX_BEFORE = guarded(
    r"(?i)\b(?:bookings?|info|office|shared|business|company|general|reception|support|sales"
    r"|team|practice|shop|studio)\s+(?:mail\s?box|inbox|address|e-?mail(?:\s+address)?"
    r"|account)\W{0,3}$"
)
# A person's work address named right before outweighs "own" further back: "created him his
# own Apple ID on his work address tom@elmsettfruit.co.uk" (session 28, blind191 read)
_WORK_MAILBOX_BEFORE = re.compile(
    # (and "is": "Her own work address is anya.k@...", session 34, blind320 read)
    r"(?i)(?<!no )(?<!without )\bwork\s+(?:e-?mail\s+)?(?:address|mail\s?box|inbox|e-?mail)"
    r"(?:\s+(?:is|was|remains|stays))?\W{0,3}$"
)
_BUSINESS_MAILBOX_AFTER = guarded(
    r"(?i)\W{0,3}(?:the\s+|their\s+)?(?:business|company|shop|practice|firm|club|school)(?:'s)?"
    r"\s+(?:only\s+|main\s+|own\s+|shared\s+)?(?:address|mailbox|inbox|e-?mail|account)"
)


# A consumer brand under any country's domain: outlook.ie, hotmail.be, yahoo.com.br (session 9).
# Or under the documentation domain "example" (RFC 2606), which writers of test notes use for a
# person's address: "sophie.tan.1991@outlook.example" (session 14).
_CONSUMER_BRAND = re.compile(
    r"(?:outlook|hotmail|live|yahoo|ymail|gmx|aol|icloud|msn|gmail|proton(?:mail)?)"
    r"\.(?:(?:com?\.)?[a-z]{2,3}|example)"
)


def personal_domain(domain: str) -> bool:
    domain = domain.lower()
    if _CONSUMER_BRAND.fullmatch(domain):
        return True
    return any(domain == known or domain.endswith("." + known) for known in PERSONAL_MAIL_DOMAINS)


_WORD_TAIL = re.compile(r"^\w+")
# a title's abbreviation ends no sentence: "auf privathandy von hr. brandt umgeleitet 0157 ..."
# (session 37, blind356 read)
_TITLE_BEFORE_DOT = re.compile(
    r"(?i)(?<![\w.])(?:mr|mrs|ms|dr|hr|fr|sr|sra|srta|mme|mlle|dhr|mevr|sig|prof)$"
)


def _sentence_end_before(window: str) -> int:
    """Where the last ". " of a window stands that ends a sentence, or -1."""
    cut = window.rfind(". ")
    while cut >= 0 and _TITLE_BEFORE_DOT.search(window, 0, cut):
        cut = window.rfind(". ", 0, cut)
    return cut


def clause_before(text: str, start: int, width: int = 60) -> str:
    """The words before a position, back to the start of the line or sentence."""
    window_start = max(0, start - width)
    window = text[window_start:start]
    cut = max(window.rfind("\n"), _sentence_end_before(window), window.rfind("; "))
    if cut >= 0:
        return window[cut + 1 :]
    if window_start and text[window_start - 1].isalnum():
        # the window cut a word: its tail is not a word ("The" read as "he"; session 9)
        return _WORD_TAIL.sub("", window, count=1)
    return window


def clause_after(text: str, end: int, width: int = 60) -> str:
    """The words after a position, up to the end of the line or sentence."""
    window = text[end : end + width]
    # (a quoted message's last sentence ends the clause too: '... au 06 37 76 58 76 si
    # besoin." Called her back, she was on Studio 2021'; session 37, blind372 read)
    ends = ("\n", ". ", "; ", '." ', ".” ", ".» ")
    cuts = [i for i in (window.find(mark) for mark in ends) if i >= 0]
    return window[: min(cuts)] if cuts else window


# RFC 2606's second-level documentation domains: no one's mailbox (session 15). The ".example"
# top-level domain stays readable as a consumer brand's (_CONSUMER_BRAND).
_DOCUMENTATION_DOMAIN = re.compile(r"(?i)(?:[\w-]+\.)*example\.(?:com|org|net)")
_PLACEHOLDER_LOCAL = guarded(
    r"(?i)(?:test|example|user|name|someone|somebody|foo|bar|your\.?name|email|mail)\d{0,3}"
)
_MESSAGE_ID_BEFORE = re.compile(r"(?i)\b(?:message[- ]?id|in-reply-to|references)\b\W{0,4}<$")
# Exchange Online's message IDs ("<PAXPR06MB7519...@PAXPR06MB7519.eurprd06.prod.outlook.com>")
# and cloud service accounts ("sync@project.iam.gserviceaccount.com") are no one's mailbox
# (session 16)
_MACHINE_DOMAIN = re.compile(
    r"(?i)(?:[\w-]+\.)*(?:prod\.outlook\.com|prod\.exchangelabs\.com|gserviceaccount\.com)"
)


def email_hits(text: str, lowered: str) -> Iterator[Hit]:
    if "@" not in text:
        return
    for match in EMAIL.finditer(text):
        if _ROLE_LOCAL.search(match.group(0).split("@", 1)[0]):
            continue
        if _BUSINESS_MAILBOX_BEFORE.search(clause_before(text, match.start(), 40)):
            continue  # "from their bookings mailbox x@gmail.com": a firm's mailbox
        if _BUSINESS_MAILBOX_AFTER.match(text, match.end()):
            continue  # "x@gmail.com (the business's only address)"
        if _MESSAGE_ID_BEFORE.search(
            text, max(0, match.start() - 30), match.start()
        ) or _MACHINE_DOMAIN.fullmatch(match.group("domain")):
            continue  # "Message ID <CAF7x9Q2@mail.gmail.com>": a message's id, no one's address
        if _DOCUMENTATION_DOMAIN.fullmatch(match.group("domain")) or _PLACEHOLDER_LOCAL.fullmatch(
            match.group(0).split("@", 1)[0]
        ):
            continue  # "name@example.com", "test@gmail.com": an example, no one's mailbox
        before = clause_before(text, match.start(), 50)
        if personal_domain(match.group("domain")) or (
            _PRIVATE_WORDS.search(before)
            and not _WORK_MAILBOX_BEFORE.search(before)
            and not _firm_domain_elsewhere(text, match)
        ):
            yield match.start(), match.end(), "email"


def _firm_domain_elsewhere(text: str, match: re.Match[str]) -> bool:
    """Whether another mailbox in the text sits at the same (not a consumer's) domain: the
    firm's, so "her own address is a.kowalczyk@saltmarshlodge.co.uk" beside the shared
    "reservations@saltmarshlodge.co.uk" is her work address (session 30, blind236 read)."""
    domain = match.group("domain").lower()
    return any(
        other.group("domain").lower() == domain and other.group(0).lower() != match.group(0).lower()
        for other in EMAIL.finditer(text)
    )


# An address written so a scraper misses it: "a.fairweather76 at hotmail dot com",
# "solomon.ashby[at]proton.me" (session 14); or defanged in a phishing report,
# "gareth.lyle.1972[@]btinternet[.]com" (session 17). The name must hold a dot, an underscore or a
# digit ("email me at gmail dot com" names no one), and the provider must be a consumer's.
_WRITTEN_OUT_EMAIL = re.compile(
    r"(?i)(?<![\w.%+-])(?P<local>[a-z0-9._%+-]{1,64}(?:[ \t]+dot[ \t]+[a-z0-9._%+-]{1,64}){0,3})"
    r"[ \t]*(?:\[at\]|\(at\)|[ \t]at[ \t]|\[@\]|@(?=[a-z0-9-]+\[\.\]))[ \t]*"
    r"(?P<domain>[a-z0-9-]{2,63}(?:(?:[ \t]*(?:\[dot\]|\(dot\)|\[\.\])[ \t]*|[ \t]+dot[ \t]+|\.)"
    r"[a-z0-9-]{2,24}){1,3})\b"
)
_SPELLED = re.compile(r"(?i)\b(?:[a-z]-){2,}[a-z]\b")
_DOT_WRITTEN = re.compile(r"(?i)[ \t]*(?:\[dot\]|\(dot\)|\[\.\])[ \t]*|[ \t]+dot[ \t]+")


def written_out_email_hits(text: str, lowered: str) -> Iterator[Hit]:
    if (
        "[at]" not in lowered
        and "(at)" not in lowered
        and "[@]" not in lowered
        and "[.]" not in lowered
        and (
            " at " not in lowered or not any(dot in lowered for dot in (" dot ", "[dot]", "(dot)"))
        )
    ):
        return
    for match in _WRITTEN_OUT_EMAIL.finditer(text):
        local = match.group("local")
        spelled = _DOT_WRITTEN.search(local) or _SPELLED.search(local)  # "j dot w-a-r-d-l-e"
        if not spelled and not any(ch in "._" or ch.isdigit() for ch in local):
            continue
        if personal_domain(_DOT_WRITTEN.sub(".", match.group("domain"))):
            yield match.start(), match.end(), "email"


# A pasted e-mail's sender line: "From: Joanne Petrakis <j.petrakis@millbrookdental.co.uk>",
# "De : Sandrine Petit <s.petit@immobilier-petit.fr>", "Von: ...", "Van: ...", "Da: ..."
_MAIL_HEADER = re.compile(
    r"(?im)^[ \t>]*(?:from|de|von|van|da)[ \t]*:[^\n<]{0,80}<[^<>@\s]+@(?P<domain>[\w.-]+)>"
)
_QUOTED_LINE = re.compile(r"[ \t]*>")
_MAIL_REACH = 2000


def sent_from_a_firm(text: str, start: int) -> bool:
    """Whether ``start`` lies in an e-mail pasted under its sender's line, the sender at a
    firm's domain: the numbers and addresses of its signature are the firm's, not a person's
    (session 29, blind224 read). The mail ends where its quoted lines ("> ...") end, or at the
    second blank line after its header (the headers, a blank line, the body)."""
    headers = list(_MAIL_HEADER.finditer(text, max(0, start - _MAIL_REACH), start))
    header = headers[-1] if headers else None
    if header is None or personal_domain(header.group("domain")):
        return False
    blanks = 0
    quoted = _quoted_body(text, header.end())
    for line in text[header.end() : start].split("\n")[1:-1]:  # (not the value's own line)
        if not line.strip():
            blanks += 1
            if blanks == 2:
                return False
        elif blanks and quoted and not _QUOTED_LINE.match(line):
            return False  # the technician's own words after a quoted mail
    return True


def _quoted_body(text: str, after_header: int) -> bool:
    """Whether the mail's body is quoted line by line ("> ..."), read from its first lines."""
    head = text[after_header : after_header + _MAIL_REACH].split("\n")[1:8]
    return sum(bool(_QUOTED_LINE.match(line)) for line in head if line.strip()) >= 2
