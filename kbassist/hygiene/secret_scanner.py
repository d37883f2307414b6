"""detect-secrets (Yelp) on note text, line by line, without baseline files.

detect-secrets is a maintained catalogue of machine-shaped secrets: AWS, Azure,
GitHub, GitLab, Slack, Stripe, OpenAI, npm, PyPI... tokens, JWTs, private key
headers, basic auth in URLs, quoted secret assignments, and high-entropy
strings. Its plugins are built once per process (lazily, inside
``transient_settings`` so the library's global settings are left as they were)
and run on each line the way ``detect_secrets.core.scan.scan_line`` does, with
the same heuristic filters, plus three decisions for prose:

- Only lines that could hold a token are scanned: a run of 20+ token characters,
  ``://user@``, ``-----BEGIN`` or a JWT. Prose without such a run has nothing a
  plugin could report, and skipping it keeps ingest fast. On a scanned line a plugin
  runs only if the line holds the fixed text its own regexes need (``AKIA``, ``xox``, a
  secret-sounding word and a quote...; see :mod:`kbassist.hygiene.scanner_cues`).
- ``IPPublicDetector`` and ``HexHighEntropyString`` are left out: IP addresses,
  hashes, thumbprints and GUIDs are everyday note content, not secrets.
- A high-entropy string must pass the plugin's own entropy limit (the CLI's
  ``scan --string`` verdict), contain a digit and a letter, and not be a public
  key, fingerprint or plain URL path.

No plugin verifies a secret over the network: verification only runs when a
baseline enables it, and none is loaded here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.scanner_cues import Cue, fold, long_run_cue, plugin_cue

LEFT_OUT_PLUGINS = frozenset({"IPPublicDetector", "HexHighEntropyString"})

# detect-secrets plugin type -> our kind.
KINDS = {
    "AWS Access Key": "cloud_access_key",
    "Azure Storage Account access key": "connection_string",
    "Basic Auth Credentials": "url_credentials",
    "Private Key": "private_key",
    "JSON Web Token": "token",
    "Secret Keyword": "password",
    "Base64 High Entropy String": "token",
}
DEFAULT_KIND = "api_key"

# A line worth scanning: a run of 20+ token characters with a digit in it, credentials in
# a URL, a key header or a JWT. Generated keys and tokens contain digits; long words,
# paths and "xxxx..." do not need the plugins.
_TOKEN_RUN = re.compile(r"[A-Za-z0-9+/=_\-]{20,}")
_URL_CREDENTIALS = re.compile(r"://[^\s/@]{1,100}@")
_DIGIT = re.compile(r"\d")


def _worth_scanning(line: str) -> bool:
    # The fixed markers with "in": a regex alternation would stop at every "e" for "eyJ".
    if "-----BEGIN" in line or "eyJ" in line:
        return True
    if "://" in line and _URL_CREDENTIALS.search(line):
        return True
    # A run of token characters lies inside one word (none of them is whitespace), and
    # split() finds the long words faster than the regex reads the whole line.
    for word in line.split():
        if len(word) >= 20:
            for run in _TOKEN_RUN.finditer(word):
                if _DIGIT.search(run.group(0)):
                    return True
    return False


_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-+/=.~]")
PUBLIC_CONTEXT = re.compile(
    # "public key of the branch router:": a public key may be named with its owner (up to
    # three words) before the value; and in the six other languages (session 5).
    r"(?i)(?:(?:public\s*key|öffentliche[rn]?\s+schlüssel|clave\s+pública|clé\s+publique"
    r"|publieke\s+sleutel|chave\s+pública|chiave\s+pubblica)"
    r"(?:\s+(?:of|for|from|on|des|der|del|de|du|van|da|do|della|di)\s+(?:the\s+|la\s+|le\s+)?"
    r"[\w.'-]{1,30}(?:\s+[\w.'-]{1,30}){0,2})?|publickey|pubkey"
    r"|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+|fingerprint"
    r"|thumbprint|sha-?(?:1|256|384|512)|md5|hash|checksum|object\s*id|tenant\s*id|client\s*id"
    r"|application\s*id|app\s*id|guid|uuid|serial|site\s*key"
    # a commit's or an image's hash: "BUILD_SHA=9f3e..." (session 15)
    r"|\w*_sha|commit(?:\s+sha)?|git\s+sha|image\s+digest)"
    r"(?:\W{1,3}colon)?\W{0,12}$"  # its colon said: "SHA256 colon PISj..." (session 28)
    # or "is" between: "The HQ side public key is JrRWa/..." (session 31, blind250 read)
    r"|(?i:public\s*key|pubkey)\s+(?:is|was|ist|est|es|è|é|era)\W{0,3}$"
)
_URL_PATH = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.)\S*$")
# match() anchors it where the value starts ("^" would hold only at the line's start)
_ASSIGNMENT_PREFIX = re.compile(r"[A-Za-z][A-Za-z_]{1,40}(?:=|:(?!//))")
# a Twilio Account SID names the account in every API URL: an identifier, not a secret
_ACCOUNT_SID = re.compile(r"AC[0-9a-f]{32}")
MAX_CHUNK = 4_000


_ENTROPY_TYPE = "Base64 High Entropy String"
# The filename every line is scanned under: the keyword plugin picks its regexes by file type.
_FILENAME = "note.txt"


@lru_cache(maxsize=1)
def _plugins() -> tuple[tuple[Any, frozenset[str], Cue | None], ...]:
    """Every detect-secrets plugin we use, the arguments its analyze_line takes and its cue.

    ``scan_line`` works the arguments out on every call; here it is done once per process.
    The cue (see :func:`plugin_cue`) says which lines the plugin cannot report anything on.
    """
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.settings import get_plugins, transient_settings
    from detect_secrets.util.inject import get_injectable_variables

    classes: list[type[Any]] = list(get_mapping_from_secret_type_to_class().values())
    names = [cls.__name__ for cls in classes if cls.__name__ not in LEFT_OUT_PLUGINS]
    with transient_settings({"plugins_used": [{"name": name} for name in names]}):
        plugins = tuple(get_plugins())
    return tuple(
        (plugin, frozenset(get_injectable_variables(plugin.analyze_line)), _cue(plugin))
        for plugin in plugins
    )


def _cue(plugin: Any) -> Cue | None:
    if plugin.secret_type == _ENTROPY_TYPE:
        # _line_hits drops every value of 2 ** limit characters or fewer (too short to pass
        # the limit), so a line without a longer run of the charset cannot give a hit.
        return long_run_cue(plugin.charset, math.floor(2**plugin.entropy_limit) + 1)
    return plugin_cue(plugin, _FILENAME)


def _filtered_out(secret: str, line: str, plugin: Any) -> bool:
    """detect-secrets' own heuristic filters, as scan_line applies them by default.

    ``is_indirect_reference`` ("secret = get_secret()") is a slow regex on long prose
    lines and only concerns assignments, so it runs last and only for the keyword plugin.
    """
    from detect_secrets.filters import heuristic

    return (
        heuristic.is_sequential_string(secret)
        or heuristic.is_potential_uuid(secret)
        or heuristic.is_likely_id_string(secret, line, plugin)
        or heuristic.is_templated_secret(secret)
        or heuristic.is_prefixed_with_dollar_sign(secret)
        or heuristic.is_not_alphanumeric_string(secret)
        or (plugin.secret_type == "Secret Keyword" and heuristic.is_indirect_reference(line))
        # Twilio's plugin also reports the Account SID ("AC" and 32 hex digits), which names
        # the account in every API URL, as the access key ID does for AWS (session 8).
        or (plugin.secret_type == "Twilio API Key" and _ACCOUNT_SID.fullmatch(secret) is not None)
    )


def _chunks(line: str) -> Iterator[tuple[int, str]]:
    """A long line in pieces cut at whitespace, so every plugin regex sees bounded input."""
    start = 0
    while start < len(line):
        end = min(len(line), start + MAX_CHUNK)
        if end < len(line):
            cut = line.rfind(" ", start + MAX_CHUNK // 2, end)
            end = cut if cut > start else end
        yield start, line[start:end]
        start = end


def _expand(line: str, start: int, end: int) -> tuple[int, int]:
    """Widen a partial match (GitHubTokenDetector reports only 'ghp') to the whole token."""
    while start > 0 and _TOKEN_CHARS.match(line[start - 1]):
        start -= 1
    while end < len(line) and _TOKEN_CHARS.match(line[end]):
        end += 1
    while end > start and line[end - 1] in ".~":
        end -= 1
    prefix = _ASSIGNMENT_PREFIX.match(line, start)
    if prefix and end - prefix.end() >= 16:
        start = prefix.end()
    return start, end


# "Sonos household ID Sonos_9Kx2PqR7...": an identifier named as one right before (session 9).
NAMED_ID = guarded(
    r"(?i)\b(?:household|tenant|account|device|client|customer|directory|object|site|org"
    r"|organi[sz]ation|workspace|instance|serial|hardware|installation|machine|player|user"
    r"|profile|merchant|store|shop|project|charge|payment|transaction|invoice|refund|order"
    r"|event|message|request|trace|correlation|activity)[ _-]?id\b\W{0,3}$"
    # a filing's receipt: "submission receipt IRmark ABCDEF..." (session 9)
    r"|\b(?:irmark|receipt|confirmation\s+(?:no\.?|number))\W{0,3}$"
)


# Stripe's object IDs (a charge, a payment intent, a customer...) name an object in the
# dashboard; only sk_/rk_ keys, whsec_ and a "..._secret_..." client secret open anything
# (session 10).
STRIPE_OBJECT_ID = re.compile(
    r"(?:ch|pi|py|pm|cus|in|ii|txn|re|po|evt|sub|prod|price|src|card|ba|seti|acct|tr|dp|du"
    r"|cn|inv|si|we)_(?!.*_secret_)[A-Za-z0-9]{14,40}"  # we_: a webhook endpoint
)


def _high_entropy_ok(value: str, line: str, position: int) -> bool:
    """A value over the entropy limit (_line_hits has checked it) that looks like a key."""
    if not (any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)):
        return False
    if STRIPE_OBJECT_ID.fullmatch(value):
        return False
    before = line[max(0, position - 60) : position]
    if PUBLIC_CONTEXT.search(before) or _URL_PATH.search(before) or NAMED_ID.search(before):
        return False
    # Words run together ("MicrosoftEdgeWebView2RuntimeInstallerX64") are a name, not a key.
    words = sum(len(word) for word in re.findall(r"[A-Z]?[a-z]{3,}", value))
    if words >= 0.6 * len(value):
        return False
    # A path of words ("Microsoft_AAD_IAM/ActiveDirectoryMenuBlade") is not a key.
    parts = [part for part in re.split(r"[/\\]", value) if part]
    return not (len(parts) >= 2 and all(re.fullmatch(r"[A-Za-z_.-]+\d{0,2}", p) for p in parts))


_PLACEHOLDER_VALUE = re.compile(
    r"^(?:[*•xX#.?_-]{3,}|<[^>]*>|\$?\{[^}]*\}|%\w+%|\$\w+"
    # the word itself, as a format's example shows it: "http://user:password@proxy:port"
    r"|(?i:password|passwd|pass|pwd|secret))$"
)


def _entropy_candidates(plugin: Any, line: str) -> set[str]:
    """The values the high-entropy plugin's analyze_line reports with the eager search.

    That method reports the quoted strings of its charset, and only when there are none,
    every bare run of it (the eager search). It also drops quoted strings under the entropy
    limit, which _line_hits does for every value anyway. Done here because analyze_line
    builds a hashed PotentialSecret for each of the dozens of words of a line, nearly all
    of them then dropped for being short.
    """
    values = set(plugin.analyze_string(line))
    if not values:
        with plugin.non_quoted_string_regex(is_exact_match=False):
            values = set(plugin.analyze_string(line))
    return values


def _line_hits(line: str, offset: int) -> Iterator[Hit]:
    from detect_secrets.util.code_snippet import get_code_snippet

    arguments: dict[str, Any] = {}
    folded = fold(line)
    for plugin, accepted, cue in _plugins():
        if cue is not None and not cue(line, folded):
            continue  # the plugin's own patterns cannot match this line
        is_entropy = plugin.secret_type == _ENTROPY_TYPE
        if is_entropy:
            values: Iterable[str] = _entropy_candidates(plugin, line)
        else:
            if not arguments:  # built once per line, and only when a plugin runs at all
                arguments = {
                    "filename": _FILENAME,
                    "line": line,
                    "line_number": 1,
                    "context": get_code_snippet(lines=[line], line_number=1),
                    "enable_eager_search": True,
                }
            found = plugin.analyze_line(**{k: v for k, v in arguments.items() if k in accepted})
            values = [secret.secret_value or "" for secret in found or ()]
        for value in values:
            # The eager search reports every word; the entropy limit drops nearly all of them.
            # A string of n characters has at most log2(n) bits of entropy per character, so
            # words shorter than 2 ** limit are dropped before computing it.
            if not value or (
                is_entropy
                and (
                    len(value) <= 2**plugin.entropy_limit
                    or plugin.calculate_shannon_entropy(value) <= plugin.entropy_limit
                )
            ):
                continue
            if _filtered_out(value, line, plugin):
                continue
            if not is_entropy and _PLACEHOLDER_VALUE.match(value):
                continue  # "ftp://scanuser:xxxx@host": a placeholder where the password goes
            position = line.find(value)
            while position != -1:
                start, end = position, position + len(value)
                if not is_entropy:
                    start, end = _expand(line, start, end)
                elif (prefix := _ASSIGNMENT_PREFIX.match(line, start)) and end - prefix.end() >= 16:
                    start = prefix.end()
                # the value without its name, read with the name before it ("BUILD_SHA=9f3e..."
                # is a commit's hash; session 15)
                if not is_entropy or (
                    _high_entropy_ok(line[start:end], line, start)
                    and not _ACCOUNT_SID.fullmatch(line, start, end)
                ):
                    yield offset + start, offset + end, KINDS.get(plugin.secret_type, DEFAULT_KIND)
                position = line.find(value, position + len(value))


def scanner_hits(text: str, covered: Sequence[tuple[int, int]] = ()) -> list[Hit]:
    """Secrets that detect-secrets' plugins find, with offsets into text.

    Lines inside a covered range (a PEM block another detector already masks whole) are
    skipped: a pasted 4,000-line key would otherwise go through every plugin line by line.
    """
    # Token runs and the markers never reach across a line break (none of their characters
    # is one), so a text with none of them has no line worth scanning: most notes stop here.
    if not _worth_scanning(text):
        return []
    hits: list[Hit] = []
    position = 0
    for line in text.splitlines(keepends=True):
        end = position + len(line)
        inside = any(start <= position and end <= stop for start, stop in covered)
        if not inside and _worth_scanning(line):
            stripped = line.rstrip("\r\n")
            for chunk_start, chunk in _chunks(stripped):
                hits.extend(_line_hits(chunk, position + chunk_start))
        position = end
    # a file's name: "Assunzione_Esposito_Ciro_SPSCRI90M14F839K.pdf" (session 12)
    return [hit for hit in hits if not _FILE_EXTENSION.match(text, hit[1])]


_FILE_EXTENSION = re.compile(r"(?i)\.(?:pdf|docx?|xlsx?|csv|txt|jpe?g|png|zip|msg|eml|pptx?)\b")
