"""Spans from the three sources merged into one list; masks and findings built on it."""

from __future__ import annotations

import re
from dataclasses import replace

from kbassist.findings import Finding
from kbassist.hygiene.accents import restore_accents
from kbassist.hygiene.corrections import (
    corrected_hits,
    old_value_hits,
    repeated_hits,
    same_value_hits,
    sibling_hits,
)
from kbassist.hygiene.dictation import address_runs, case_spelled_secret_hits
from kbassist.hygiene.glued_values import unglued
from kbassist.hygiene.identifiers import is_identifier
from kbassist.hygiene.indicators import is_indicator_or_reference
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.kinds import BULLETS, KINDS, PERSONAL, PERSONAL_DATA_MARKER, SECRET, Span
from kbassist.hygiene.output_names import csv_fragment, is_output_name
from kbassist.hygiene.personal_detectors import personal_hits
from kbassist.hygiene.public_material import (
    PUBLIC_SAFE_KINDS,
    inside,
    is_example,
    is_unusable,
    public_ranges,
)
from kbassist.hygiene.remnants import remnant_hits
from kbassist.hygiene.secret_detectors import secret_hits
from kbassist.hygiene.secret_scanner import scanner_hits
from kbassist.hygiene.spelled_letters import secret_named_nearer
from kbassist.hygiene.spoken_codes import spoken_code_hits
from kbassist.hygiene.spoken_digits import read_as_reference, spoken_hits
from kbassist.hygiene.spoken_keys import spoken_key_secret_hits
from kbassist.hygiene.spoken_passphrases import described_passphrase_hits, dictated_password_hits
from kbassist.hygiene.token_model import learned_hits

# Kinds masked whole from BEGIN to END: detect-secrets need not read the lines inside.
_BLOCK_KINDS = frozenset({"private_key", "openvpn_key"})
# How far back a secret's word names a dictated value the token model reads
_NAMED_REACH = 200

_ADVICE = {
    SECRET: (
        "Delete it from the text, keep credentials in the password manager, and rotate it: "
        "anything written in a ticket or article has been exposed."
    ),
    PERSONAL: (
        "Remove it or refer to the contact record in the PSA instead; notes and articles are "
        "read by everyone on the team."
    ),
}


_UPPER = re.compile(r"[A-ZÀ-ÞÄÖÜ]")
_LOWER = re.compile(r"[a-zß-ÿ]")
_LOWER_WORD = re.compile(r"[a-zß-ÿ]{3,}")


# A machine's name in capitals ("NPE-LT-15", "PCT-PC12", "FG-60F") looks like a chosen
# password once lower-cased; the capitals reading does not add one.
_HOST_LIKE = re.compile(r"[A-Z]{2,4}(?:-[A-Z]{1,4})?-?[A-Z]{0,4}\d{1,3}[A-Z]?")


def _shouted(text: str) -> bool:
    """A note typed in capitals: four upper-case letters to one lower-case, twenty at least."""
    if len(_LOWER_WORD.findall(text, 0, 300)) >= 10:
        return False  # most notes: small words from the start, no need to count every letter
    upper = len(_UPPER.findall(text))
    return upper >= 20 and upper >= 4 * len(_LOWER.findall(text))


def sensitive_spans(text: str, learned: bool = True) -> list[Span]:
    """Every secret and personal-data stretch in the text, in order, without overlaps.

    ``learned=False`` leaves out the token model's second opinion (the rules alone, as the
    benchmarks compare them). A note typed in capitals is read again in lower case, where
    the detectors know the words' shapes ("MOT DE PASSE ...: LUNE-BLEUE-64"; session 11),
    and what that reading adds is masked too.
    """
    if not text:
        return []
    restored = restore_accents(text)  # "codigo", "contrasena" typed without their accents
    spans = _spans(restored, learned)
    if (parted := unglued(restored)) is not None:  # "pin7539she": read with its seams parted
        spans = _with_parted_reading(spans, restored, *parted, learned)
    if restored != text:
        spans = [
            replace(span, replacement=KINDS[span.kind].mask(text[span.start : span.end]))
            for span in spans
        ]
    if not _shouted(text):
        return spans
    lowered = text.lower()
    if len(lowered) != len(text):
        return spans
    added = [
        replace(span, replacement=KINDS[span.kind].mask(text[span.start : span.end]))
        for span in _spans(lowered, learned)
        if not any(span.start < other.end and other.start < span.end for other in spans)
        and not (span.kind in _GENERIC_KINDS and _HOST_LIKE.fullmatch(text, span.start, span.end))
    ]
    return _without_overlaps(spans + added) if added else spans


def _with_parted_reading(
    spans: list[Span], text: str, parted: str, origin: list[int], learned: bool
) -> list[Span]:
    """The spans, and what a reading of the text with its glued values parted adds to them,
    mapped back to the text."""
    added = []
    for span in _spans(parted, learned):
        start, end = origin[span.start], origin[span.end - 1] + 1
        if not any(start < other.end and other.start < end for other in spans):
            shown = KINDS[span.kind].mask(text[start:end])
            added.append(replace(span, start=start, end=end, replacement=shown))
    return _without_overlaps(spans + added) if added else spans


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Whether a hit is a piece of a longer run of base64 (a DKIM key's last 64 characters read
    as a password; session 25, blind160 read)."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "+/")


def _spans(text: str, learned: bool) -> list[Span]:
    lowered = text.lower()
    secrets = secret_hits(text, lowered)
    blocks = [(start, end) for start, end, kind in secrets if kind in _BLOCK_KINDS]
    public = public_ranges(text)
    hits = secrets + scanner_hits(text, blocks + public) + personal_hits(text, lowered)
    # "null eins fünf ...", and an identity number spelled ("Mike Golf ninety-one ...")
    hits.extend(spoken_hits(text, (_kept_secret_hits, personal_hits), (personal_hits,)))
    hits.extend(case_spelled_secret_hits(text))  # "it's lowercase g nine capital R ..."
    hits.extend(described_passphrase_hits(text))  # "..., Harbour Saffron 3 1 0 3, all one word"
    hits.extend(dictated_password_hits(text))  # "password is plaster seven seven thistle ..."
    hits.extend(spoken_key_secret_hits(text))  # "k nove r r dois w ...", "... then a caret"
    hits.extend(spoken_code_hits(text))  # "Side door keypad is twenty-six ninety-one"
    if " x " in lowered or "K B " in text or "KB " in text:  # "zero x eight ...", "K B cinq ..."
        hits = [hit for hit in hits if not read_as_reference(text, hit[0])]
    if said := [(start, end) for start, end, _ in address_runs(text)]:
        # no password inside an e-mail address said aloud: "sanne punt bakker2003 apenstaartje
        # hotmail punt com" (session 23)
        hits = [hit for hit in hits if KINDS[hit[2]].rule != SECRET or not inside(*hit[:2], said)]
    if public:  # a certificate's or a DKIM record's base64 is published, not secret
        hits = [
            hit
            for hit in hits
            if not inside(*hit[:2], public)
            or (hit[2] not in PUBLIC_SAFE_KINDS and not _inside_a_word(text, *hit[:2]))
        ]
    hits = [
        hit
        for hit in hits
        if KINDS[hit[2]].rule != SECRET
        or not _no_secret(text, *hit[:2], ruled=True, cells=hit[2] != "bitlocker_key")
    ]
    if learned:  # a second opinion only where no rule has spoken
        ruled = list(hits)
        hits.extend(
            hit
            for hit in learned_hits(text, public)
            if not any(hit[0] < end and start < hit[1] for start, end, _ in ruled)
            and not _no_secret(text, *hit[:2], ruled=False)
        )
        ruled = list(hits)
        hits.extend(  # and on the text with its dictated values written out, where a secret's
            # word names the value, no identifier's word nearer (session 24)
            hit
            for hit in spoken_hits(text, (_learned_secret_hits,))
            if not any(hit[0] < end and start < hit[1] for start, end, _ in ruled)
            and secret_named_nearer(text, max(0, hit[0] - _NAMED_REACH), hit[0])
        )
    hits.extend(corrected_hits(text, hits))
    hits.extend(sibling_hits(text, hits))
    hits.extend(old_value_hits(text, hits))
    hits.extend(repeated_hits(text, hits))
    hits.extend(same_value_hits(text, hits))
    hits.extend(remnant_hits(text))
    spans = [
        Span(start, end, KINDS[kind].rule, kind, KINDS[kind].mask(text[start:end]))
        for start, end, kind in hits
        if start < end
    ]
    return _without_overlaps(spans)


def _kept_secret_hits(text: str, lowered: str) -> list[Hit]:
    """The rules' secrets in a text with its dictated numbers written as digits, less what
    the filters see in that writing is none ("her extension is four four one two": 4412)."""
    return [hit for hit in secret_hits(text, lowered) if not _no_secret(text, *hit[:2], ruled=True)]


def _learned_secret_hits(text: str, lowered: str) -> list[Hit]:
    """The token model's secrets in a text with its dictated values written out, less what
    the filters see is none."""
    return [
        hit
        for hit in learned_hits(text, public_ranges(text))
        if not _no_secret(text, *hit[:2], ruled=False)
    ]


def _no_secret(text: str, start: int, end: int, ruled: bool, cells: bool = True) -> bool:
    """Whether what a rule (``ruled``) or the token model took for a secret is none: a
    published or declared example, a value that opens nothing as written, a name or field of
    pasted output, cells of a CSV row, an identifier that labels something."""
    return (
        is_example(text, start, end)
        or is_unusable(text, start, end)
        or is_output_name(text, start, end)
        # (not a recovery key's groups typed with commas by dictation: "157,388 dash ...";
        # session 25)
        or (cells and csv_fragment(text, start, end, ruled=ruled))
        or is_indicator_or_reference(text, start, end)
        or is_identifier(text, start, end)
    )


def _without_overlaps(spans: list[Span]) -> list[Span]:
    spans.sort(key=lambda span: (span.start, span.rule != SECRET, span.start - span.end))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            kept[-1] = _merge(kept[-1], span)
        else:
            kept.append(span)
    return kept


# Kinds that say least about a value, most generic first: when two detectors find the same
# value, the more specific one names it ("PrivateKey = ..." is a WireGuard key, not a token).
_GENERIC_KINDS = ("secret", "token", "api_key", "password")


def _specificity(span: Span) -> int:
    if span.kind in _GENERIC_KINDS:
        return _GENERIC_KINDS.index(span.kind)
    return len(_GENERIC_KINDS)


def _merge(first: Span, second: Span) -> Span:
    """One span covering two that overlap (a password in a URL that also looks like an e-mail)."""
    if first.rule != second.rule:
        named = first if first.rule == SECRET else second
        other = second if named is first else first
        inside = other.start <= named.start and named.end <= other.end
        longer = other.end - other.start > named.end - named.start
        if (
            inside
            and longer
            and (other.kind == "phone" or (other.kind == "home_address" and named.end < other.end))
            and named.kind in {"pin", "door_code"}
        ):
            # "numero personale 347 215 8890" read as a PIN's "8890": the whole number is a
            # phone, the secret a piece of it (session 12); "an seine private Nummer 0171
            # 5529034" read as a door code's "0171" (session 17); a postcode read as a gate
            # code's: "de poortcode 4223 en het ... adres Merelstraat 35, 8019 GC Zwolle"
            # (session 37, blind370 read), the address going on after it
            named = other
        elif inside and other.kind == "national_id" and named.kind == "pin":
            # a validated identity number (its check letter right) after its name, a PIN's
            # word a clause before: "cambiar el PIN ... con su DNI cuatro ocho ..." (session 21)
            named = other
        elif inside and other.kind == "phone" and named.kind == "password":
            # the same number read as a password after "password reset:" and as her own
            # mobile: "registered her own mobile for self-service password reset: 07911 462
            # 308" (session 21); masked either way, named for what it is
            named = other
    else:
        named = max(first, second, key=_specificity)
    if named is second and (first.start, first.end) == (second.start, second.end):
        return second
    if second.end <= first.end and (first.rule == SECRET or second.rule != SECRET):
        return first if named is first else replace(first, kind=named.kind)
    shown = BULLETS if named.rule == SECRET else PERSONAL_DATA_MARKER
    return Span(first.start, max(first.end, second.end), named.rule, named.kind, shown)


def mask(text: str, spans: list[Span] | None = None) -> str:
    """The text with every secret and piece of personal data masked, safe to display.

    ``spans``: the text's ``sensitive_spans``, when the caller has them already.
    """
    if spans is None:
        spans = sensitive_spans(text)
    return _render(text, spans, 0, len(text))


def find_sensitive(text: str, spans: list[Span] | None = None) -> list[Finding]:
    """Blocking findings for secrets and personal data, one per kind, with masked examples.

    ``spans``: the text's ``sensitive_spans``, when the caller has them already.
    """
    if spans is None:
        spans = sensitive_spans(text)
    by_label: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        by_label.setdefault((span.rule, span.label), []).append(span)
    findings = []
    for (rule, label), group in by_label.items():
        examples = ", ".join(_context(text, spans, span) for span in group[:3])
        count = f"{len(group)} times" if len(group) > 1 else "once"
        article = "An" if label[:1].lower() in "aeiou" else "A"
        findings.append(
            Finding(
                rule=rule,
                severity="blocking",
                message=f"{article} {label} appears in the text ({count}); masked: {examples}.",
                suggestion=_ADVICE[rule],
            )
        )
    return findings


def _render(text: str, spans: list[Span], start: int, end: int) -> str:
    """text[start:end] with every span that touches it replaced whole (half a secret leaks)."""
    parts = []
    position = start
    for span in spans:
        if span.end <= start or span.start >= end:
            continue
        parts.append(text[position : max(position, span.start)])
        parts.append(span.replacement)
        position = max(position, span.end)
    if position < end:
        parts.append(text[position:end])
    return "".join(parts)


def _context(text: str, spans: list[Span], focus: Span) -> str:
    """A few words around a span, everything sensitive in the window masked."""
    window_start = max(text.rfind("\n", 0, focus.start) + 1, focus.start - 30)
    line_end = text.find("\n", focus.end)
    window_end = min(line_end if line_end != -1 else len(text), focus.end + 20)
    return "“" + " ".join(_render(text, spans, window_start, window_end).split()) + "”"
