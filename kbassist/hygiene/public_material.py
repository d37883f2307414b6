"""Published material that looks like a secret: certificates, signing requests, public keys,
DKIM records, WireGuard and SSH public keys, DNS domain-verification records, DNSSEC records
and public-key pins.

detect-secrets' entropy plugin reports any long base64 line. Inside a certificate, a
certificate signing request or a public-key block, and in a DKIM record's ``p=`` value, that
text is public on purpose: pasting it into a note leaks nothing (session 6).
"""

from __future__ import annotations

import re

from kbassist.hygiene.regex_guard import guarded

# A block is its BEGIN line, the base64 lines under it and its END line: a line of anything
# else ends it (a block pasted without its END never shelters the text after it).
# A line that says the block was shortened ("   ... (ingekort) ...") stays inside it (session 17).
_BASE64_LINES = (
    r"(?:[ \t]*(?:[A-Za-z0-9+/=]+|(?:\.{3}|…)[^\n]{0,40}?(?:\.{3}|…))[ \t]*(?:\r?\n|\Z))*"
)
_PUBLIC_BLOCK = re.compile(
    r"-----BEGIN (?P<label>(?:NEW )?CERTIFICATE(?: REQUEST)?|TRUSTED CERTIFICATE|X509 CRL"
    r"|(?:RSA |EC )?PUBLIC KEY|PGP PUBLIC KEY BLOCK|PGP SIGNATURE|PKCS7)-----[ \t]*\r?\n"
    # an armour's header lines and the blank line after them: "Version: ...", "Hash: ..." (s. 18)
    r"(?:(?:[A-Z][\w-]*:[ \t][^\n]*)?[ \t]*\r?\n)*"
    rf"{_BASE64_LINES}(?:[ \t]*-----END (?P=label)-----)?"
)
_SSH2_PUBLIC = re.compile(
    rf"---- BEGIN SSH2 PUBLIC KEY ----[ \t]*\r?\n(?:[^\n:]{{1,40}}:[^\n]*\n)*{_BASE64_LINES}"
    r"(?:---- END SSH2 PUBLIC KEY ----)?"
)
# "v=DKIM1; k=rsa; p=MIIBIjAN...": the p= of a record that names itself DKIM or its key type.
_DKIM_KEY = guarded(
    r"(?i)(?:\bv=DKIM1\b|\bk=(?:rsa|ed25519)\b)[^\n]{0,200}?\bp=[A-Za-z0-9+/=\"]{20,}"
)
# A WireGuard peer's "PublicKey = xQ3v...=" (or an SSH "ssh-ed25519 AAAA..." line): public on
# purpose; its private twin is "PrivateKey =" (session 7).
_PUBLIC_KEY_LINE = re.compile(
    r"(?i)\bpublic[ _-]?key\b[^\n=:]{0,40}[=:][ \t]*[A-Za-z0-9+/]{42,43}=|"
    r"\bssh-(?:ed25519|rsa|dss)[ \t]+AAAA[A-Za-z0-9+/=]{20,}(?:[ \t]+[^\s]{1,80})?"  # its comment
)
# A domain-verification TXT record is published in DNS for anyone to read:
# "google-site-verification=Hc3-...", "MS=ms48213377", "facebook-domain-verification=..."
# (session 9).
_DNS_VERIFICATION = re.compile(
    r"(?i)\b[a-z][\w.-]{0,40}-(?:site|domain)-verification=[\w.+/=-]{6,120}"
    r"|\b[a-z][\w.-]{0,40}-verification=[\w.+/=-]{6,120}|\bMS=ms\d{6,12}\b"
)

# DNSSEC records and public-key pins are published: "IN DNSKEY 257 3 13 ZanrgaCR9zU/...",
# 'pin-sha256="FaidPwUv3zEB..."' (session 17).
_DNS_KEY_OR_PIN = re.compile(
    r"\b(?:DNSKEY|CDNSKEY|RRSIG|DS|TLSA|SSHFP)[ \t]+\d[^\n]*"
    r"|\bpin-sha256=\"?[A-Za-z0-9+/=]{43,44}\"?"
)

# What a base64 line is called by the detectors that know no better; a private key found
# inside a public block (a pasted bundle) keeps its own kind and stays a secret.
PUBLIC_SAFE_KINDS = frozenset({"token", "api_key", "secret"})


def public_ranges(text: str) -> list[tuple[int, int]]:
    """Where the text holds published key material, as (start, end) ranges."""
    ranges: list[tuple[int, int]] = []
    if "-----BEGIN" in text:
        ranges += [match.span() for match in _PUBLIC_BLOCK.finditer(text)]
    if "---- BEGIN SSH2" in text:
        ranges += [match.span() for match in _SSH2_PUBLIC.finditer(text)]
    if "p=" in text or "P=" in text:
        ranges += [match.span() for match in _DKIM_KEY.finditer(text)]
    if "verification=" in text or "MS=ms" in text:
        ranges += [match.span() for match in _DNS_VERIFICATION.finditer(text)]
    if "DNSKEY" in text or "RRSIG" in text or " DS " in text or "pin-sha256" in text:
        ranges += [match.span() for match in _DNS_KEY_OR_PIN.finditer(text)]
    if "ublic" in text or "UBLIC" in text or "ssh-" in text:
        ranges += [match.span() for match in _PUBLIC_KEY_LINE.finditer(text)]
    return ranges


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """True when start..end lies within one of the ranges."""
    return any(low <= start and end <= high for low, high in ranges)


# Values that documentation publishes as examples (session 8): AWS's example keys end in
# EXAMPLE or EXAMPLEKEY; Stripe's API reference shows these test keys to every reader.
_PUBLISHED_EXAMPLES = frozenset(
    {
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "pk_test_TYooMQauvdEDq54NiTphI7jx",
        # jwt.io's sample token, shown on its front page (session 18)
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwia"
        "WF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    }
)
# in the cases documentation writes them (EXAMPLE, Example, example), not a random key whose
# letters happen to spell one ("sk_live_51Nq8ZtH2eXaMpLe0k...", session 11)
_EXAMPLE_IN_VALUE = guarded(
    r"(?:[Ee]xample|EXAMPLE|[Ss]ample|SAMPLE|[Dd]ummy|DUMMY|[Vv]oorbeeld|[Bb]eispiel|[Ee]jemplo"
    r"|[Ee]xemple|[Ee]sempio|[Ee]xemplo)"
)
# "'Welkom01!' als verzonnen voorbeeldwachtwoord", "used X as the illustration": the words
# around call the value an example, not a credential.
_EXAMPLE_NAMED = re.compile(
    r"(?i)\b(?:example|sample|dummy|fake|made-up|illustrative)\s+(?:password|passwort|key"
    r"|token|value|credential|pin)s?\b|\bas\s+(?:the|an)\s+(?:illustration|example)\b"
    r"|voorbeeld(?:wachtwoord|sleutel|waarde)|beispiel(?:passwort|schlüssel|wert)"
    r"|(?:contraseña|clave)\s+de\s+ejemplo|mot\s+de\s+passe\s+d'exemple"
    r"|password\s+di\s+esempio|senha\s+de\s+exemplo"
    # a vendor's published default (session 17): "took the documented default admin/admin",
    # "the installer manual's factory engineer code 1234 no longer works"
    # (not "from the vendor default to X": the new value follows)
    r"|(?:documented|published|out-of-the-box|out-of-box)\s+(?:factory\s+)?default"
    # (a device's own factory password, printed on its tag, is its secret: session 17 keeps it)
    r"|\b(?:manual|documentation|datasheet)['’]?s?\s+(?:factory\s+)?(?:default\s+)?(?:engineer\s+"
    r"|installer\s+|master\s+)?(?:code|password|pin)\b"
)
_EXAMPLE_REACH = 60
# Microsoft publishes the KMS client (GVLK) and generic edition keys (session 10); the name
# may stand a clause before the key: "Microsoft's published generic KMS client setup key for
# Windows 11 Education with slmgr /ipk NW6C2-..." (session 17)
_GENERIC_KEY_NAMED = re.compile(
    r"(?i)\bgvlks?\b|kms\s+client\s+(?:setup\s+)?keys?|\bgeneric\s+(?:volume\s+)?(?:licen[cs]e\s+"
    r"|product\s+|install(?:ation)?\s+)?keys?\b"
    # in the other languages: "la clé client KMS publique de Microsoft (VDYBN-...)" (session 18)
    r"|\b(?:cl[ée]|clave|chave|chiave)\s+(?:de\s+)?(?:client[ea]?\s+)?kms\b|kms-client-?(?:schlüssel"
    r"|sleutel)"
)
_GENERIC_KEY_REACH = 120


def is_example(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is a published or declared example, not a secret."""
    value = text[start:end]
    if value in _PUBLISHED_EXAMPLES or _EXAMPLE_IN_VALUE.search(value):
        return True
    if any(value in example and example in text for example in _PUBLISHED_EXAMPLES):
        return True  # a part of one: the scanner reads a JWT's pieces apart (session 18)
    # within the value's clause: "X is the public KMS client key so that didn't work; used
    # their MAK Y" names X an example, not Y (session 14)
    low = max(text.rfind("\n", 0, start) + 1, start - _EXAMPLE_REACH)
    low = max(low, text.rfind("; ", low, start) + 1)
    high = min(_line_end(text, end), end + _EXAMPLE_REACH)
    clause_end = text.find("; ", end, high)
    high = high if clause_end == -1 else clause_end
    if _EXAMPLE_NAMED.search(text, low, start) or _EXAMPLE_NAMED.search(text, end, high):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    near = max(line_start, start - _GENERIC_KEY_REACH)
    # the value's clause and sentence: "that's only the generic KMS client key, no activation.
    # Used the retail key from the box: 4NX8C-..." names no example
    near = max(near, text.rfind("; ", near, start) + 1, text.rfind(". ", near, start) + 1)
    return bool(
        _GENERIC_KEY_NAMED.search(text, near, start) or _GENERIC_KEY_NAMED.search(text, end, high)
    )


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


# A password hash: "stored as bcrypt hash $2b$12$KIXo..." (session 9), and since session 15 a
# crypt string no word calls one ("enable secret 9 $9$nhEm...", an htpasswd line's "$apr1$..."):
# the guide does not flag hashes, and no writer labelled one a secret's value.
# It opens a word (or follows "user:" in an htpasswd line): "Pa$5$word" is a password.
# (and phpass's "$P$B..." and "$H$...", WordPress's and phpBB's; session 16)
_CRYPT = re.compile(r"(?<![^\s:'\"=(])\$(?:2[aby]?|1|5|6|7|8|9|y|P|H|apr1|argon2(?:id|i|d)?)\$")
# The names of password-hash algorithms: "password sha-256 $5$...", "pbkdf2:sha256:..."
HASH_ALGORITHM = r"sha-?(?:1|224|256|384|512)|md5|pbkdf2\S*|s?crypt|yescrypt"


# An account's name given, not its password: "her username is dsm.tour2" (session 34, blind311)
_USER_NAMED = (
    r"\b(?:user\s?name|user[ -]?id|benutzername|nombre\s+de\s+usuario|nom\s+d['’]utilisateur"
    r"|identifiant|gebruikersnaam|nome\s+(?:utente|de\s+utilizador))[ \t]+(?:is|was|ist|es|est"
    r"|é|è)[ \t]+$"
)
USER_NAMED_BEFORE = re.compile(rf"(?i){_USER_NAMED}")
# Where a word and a number name a machine or a bucket, not a password: "logged on to ws-acc-14"
# (session 11), a bucket's (session 30); or an account (session 34)
LOGGED_ON_TO = re.compile(
    rf"(?i)(?:\blog(?:ged|s)? ?(?:on|in)[ \t]+(?:to|on|at)|\bbucket)[ \t]+$|{_USER_NAMED}"
)

# Not values, whatever their shape (session 11): a numbered reference ("[Ticket#55103]"), a
# spreadsheet formula ("=XLOOKUP(A2,Volunteers!A:A,...)"), a script's file name
# ("New-Starter.ps1").
NOT_A_SECRET_SHAPE = re.compile(
    r"(?i:ticket|case|order|invoice|incident|request|change|issue|task|trackingid|tracking|ref)#\d+"
    r"|=[A-Z][A-Z0-9.]*\(.*|.*\.(?i:ps1|psm1|psd1|mp3|mp4)"
    # a Conditional Access policy's name ("CA03-Require-MFA-AllUsers"), a radio channel and
    # width ("36/80MHz"), a word said loudly ("thanks!!") (session 12)
    r"|CA-?\d{2,3}-[A-Za-z][\w-]*|\d+(?:/\d+)+(?i:[kMG]Hz|Mbps|Gbps|dBm)|[a-z]+[!?]{2,}"
    # a Windows security identifier; a key's name whose value is not given ("...;Password=")
    r"|S-1-5-21(?:-\d+){3,4}|.*(?i:password|pwd|secret|key|username|user|login)="
    # a list's number glued to its word ("1)clearing"), a key combination ("WINDOWS+v"), a
    # local account ('.\LocalAdmin')
    r"|\d{1,2}\)[a-z]+|(?i:windows|win|ctrl|alt|shift|cmd)\+\w{1,3}|\.\\\w+"
    # a phone's forwarding code with its placeholder: "**21*number#" (session 37, blind387 read)
    r"|[*#]{1,2}\d{2,3}\*(?i:number|nummer|numero|número|numéro|no)\#"
    # a Dell part's PPID, a USB device's IDs, a path's folder ("P:\Orders") (session 12)
    r"|CN-0[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{3}-[A-Z0-9]{4}|VID_[0-9A-Fa-f]{4}&PID_[0-9A-Fa-f]{4}.*"
    r"|\\[A-Za-z][\w$ -]*|\$(?:1|2[aby]?|5|6|7|8|9|y|apr1)\$.*"  # and a crypt(3) hash
    # a protocol and its version in a request line ("GET /search?q=... HTTP/1.1"; session 13)
    r"|(?:HTTP|HTTPS|SMB|TLS|SSL|SIP|RTSP)/\d(?:\.\d)?"
    # an environment variable standing for the value ("password: ${KIOSK_ADMIN_PASSWORD}"), an
    # image inlined as a data URI ("data:image/png;base64,iVBORw0KGgo..."; session 14)
    r"|\$\{[A-Za-z_]\w*\}?|%[A-Za-z_]\w*%|(?:data:)?(?i:image|font|audio|video)/[\w.+-]+;base64,.*"
    # a CSV row or header ("DeviceName,SerialNumber,IMEI,UPN"), a GUID inside a longer name
    # ("isatap.{5054b0e7-...", "SSIS-ExportOrders-7d6ed225-...") (session 14)
    r"|[^,\s]*(?:,[^,\s]*){3,}"
    # a user's name in the possessive ("k0pernikus's"), a word asked about ("Docs?"), a
    # product key shown with all but its last group hidden ("XXXXX-XXXXX-...-9HQ2M")
    r"|[\w.-]+['’]s|[A-Za-z]+\?|(?:\w{4,6}-)?(?:[Xx]{4,6}-){2,}.*"
    # a PostNL parcel's barcode ("3SWUVQ8666917"; session 36, blind355 read), a DOI or an
    # EIDR ID ("10.5240/4C19-C543-05D7-9EAC-06FE-F"; blind359 read)
    r"|3S[A-Z]{4}\d{6,9}|10\.\d{4,9}/[-._;()/:A-Za-z0-9]+"
    r"|(?i:fob|tag|badge)-\d{4,8}"  # a fob's number, "FOB-918531" (blind366 read)
    r"|.*[{.\-_][0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.*"
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[}\]].*"
    # a crash's frame, a library and an offset ("libmaps.so+0x4c2a0"; session 26, blind166)
    r"|[\w.-]+\.(?i:so|dll|exe|dylib|sys)(?:\.\d+)*\+0x[0-9a-fA-F]+[.,;]?"
    # a switch's prompt and its command, a pipeline task and its version ("SW3#show",
    # "SqlAzureDacpacDeployment@1"), a device's hardware ID ("HDAUDIO\FUNC_01&VEN_10EC&...")
    # (session 28, blind199 read)
    r"|[\w.-]{1,30}[#>](?i:show|sh|conf\w*|int\w*|exit|end|copy|write|wr|ping|no|clear|display)"
    r"|[A-Z][A-Za-z0-9]{3,60}@\d{1,2}[:,]?|(?:HDAUDIO|PCI|USB|HID|ACPI|SWD|BTHENUM|SCSI)\\[\w&\\.-]+"
    # a Windows error's HRESULT ("Le code initial de l'erreur était 0x80070005"; session 33)
    r"|0x[0-9A-Fa-f]{8}[.,;]?"
    # a time zone's name ("changed it to Europe/London"; session 33, blind303 read)
    r"|(?:Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Indian)/[A-Z][A-Za-z_]+[.,;]?"
    # a charge point's EVSE ID ("Charge point GB*FRT*E0047 showed Faulted"; session 33)
    r"|[A-Z]{2}\*[A-Z0-9]{3}\*E[A-Z0-9*]{1,30}[.,;]?"
)
# A policy's name, not a password: "password policy 'AVC-Pwd-14char-NoExpiry' applied"; a
# German compound ends in the word ("Passwortrichtlinie 'Min12'")
POLICY_BEFORE = guarded(
    r"(?i)(?:\bpolic(?:y|ies)|richtlinien?|beleid|\bdirectiva|\bpol[ií]tica|\bpolitique"
    r"|\bcriterio)"
    r"(?:\s+name)?\W{0,3}$"
)


def word_start(text: str, position: int) -> int:
    """Where the word (delimited by spaces and line breaks) holding ``position`` starts."""
    return max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1


# A value shown cut (session 15): "SK...4f1c", "token=eyJ0eXAiOiJKV1Qi...[truncated]", a long
# token that trails off ("ghp_8Kx2...") opens nothing. A short word trailing off in chat
# ("pw is Tulip44... ok?") is not cut: it needs 16 characters before the dots.
_CUT_INSIDE = re.compile(r"\w(?:\.{3}|…)[\w[(]")  # "sk_live_…(redacted)…9Qx" (session 17)
_TOKEN_PREFIX = re.compile(r"[a-z]{2,8}[-_][\w-]{0,12}…?")
_CUT_AFTER = guarded(r"(?:\.{3}|…)?[ \t]?[\[(](?i:truncated|cut|redacted|snip|…|\.\.\.)")


def is_cut(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is shown cut short, its middle or its end left out."""
    if _CUT_INSIDE.search(text, start, end) or _CUT_AFTER.match(text, end):
        return True
    if _TOKEN_PREFIX.fullmatch(text, start, end) and (
        text.startswith(("...", "…"), end) or text[end - 1] == "…"
    ):
        return True  # a token's prefix and a few characters: 'token = "glrt-Wx…"' (session 16)
    return end - start >= 16 and text.startswith(("...", "…"), end)


def is_password_hash(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is (the tail of) a crypt(3) password hash."""
    # the hit may be a crypt string's tail (detect-secrets reads the part after its salt)
    return bool(_CRYPT.search(text, max(word_start(text, start), start - 40), end))


# FortiOS shows a stored key encrypted: "set psksecret ENC 8Tq1xVp4..."; Terraform hides one:
# "administrator_login_password = (sensitive value)" (session 15)
_ENCRYPTED_BEFORE = re.compile(r"\bENC(?:[ \t]+|\()$")  # and jasypt's "ENC(...)" (session 18)
# Cisco ASA shows stored passwords hashed: "enable password 8Ry2YjIyt7RRXU24 encrypted",
# "username admin password X pbkdf2" (session 16)
_ENCRYPTED_AFTER = re.compile(r"[ \t]+(?:encrypted|pbkdf2|hashed|nt-encrypted)\b")
_HIDDEN_MARKER = re.compile(r"(?i)\((?:sensitive|redacted|hidden|masked)(?:\s+value)?\)")


def is_unusable(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end opens nothing as written: a password hash, a value
    shown cut short, or a key shown encrypted."""
    return (
        is_password_hash(text, start, end)
        or is_cut(text, start, end)
        or bool(_ENCRYPTED_BEFORE.search(text, max(0, start - 8), start))
        or bool(_ENCRYPTED_AFTER.match(text, end))
        or any(
            found.start() <= start and end <= found.end()
            for found in _HIDDEN_MARKER.finditer(text, max(0, start - 2), end + 8)
        )
    )
