"""Bytes of an unknown encoding to text, and strings that are not valid text.

Pure: bytes in, text and warnings out. UTF-8 (with or without a BOM) and
UTF-16 (with a BOM, or without one when the NUL pattern gives it away) are read
as such. A file that is UTF-8 but for a few bad bytes keeps its UTF-8 and gets
U+FFFD for the bad bytes only, so one stray byte no longer turns every accent
of the file into mojibake; a file with no UTF-8 sequences at all is read as
Windows-1252, the usual encoding of PSA exports made on Windows. NUL characters
are removed (PostgreSQL refuses them in text).
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

# A well-formed multi-byte UTF-8 sequence (no overlong forms, no surrogates).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
_SAMPLE = 4096  # bytes looked at to recognise UTF-16 without a BOM


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of a file's bytes and warnings naming ``name`` (encoding guesses, NULs)."""
    warnings: list[str] = []
    utf16 = _utf16_codec(data)
    if utf16:
        text = data.decode(utf16, errors="replace").lstrip("\ufeff")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text, warning = _decode_imperfect(data, error, name)
            warnings.append(warning)
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append(f"{name} contains NUL characters; they were removed.")
    return text, warnings


def _utf16_codec(data: bytes) -> str:
    """'utf-16' for a BOM, 'utf-16-le'/'utf-16-be' for BOM-less text, '' otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    # Mostly-ASCII UTF-16 has a NUL in (nearly) every other byte and almost none between.
    if odd.count(0) >= 0.4 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.4 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return ""


def _decode_imperfect(data: bytes, error: UnicodeDecodeError, name: str) -> tuple[str, str]:
    """UTF-8 with a few bad bytes, or Windows-1252: whichever explains more of the bytes."""
    line = data.count(b"\n", 0, error.start) + 1
    sequences = len(_UTF8_SEQUENCE.findall(data))
    # A bad character is a run of one to four stray bytes; Latin-1 text is all strays.
    stray = len(_HIGH_BYTES.findall(_UTF8_SEQUENCE.sub(b" ", data)))
    if sequences and sequences >= stray:
        text = data.decode("utf-8", errors="replace")
        return text, (
            f"{name} is UTF-8 with {stray} invalid byte sequence(s) (the first on line {line}); "
            "they were replaced by \N{REPLACEMENT CHARACTER}."
        )
    # PSA exports from Windows tools are often Windows-1252; the five bytes that
    # code page leaves undefined become U+FFFD rather than stopping the import.
    text = data.decode("cp1252", errors="replace")
    return text, (
        f"{name} is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset "
        f"{error.start}); read it as Windows-1252."
    )


# ---------------------------------------------------------------- strings that are not text


def path_text(path: object) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by os as surrogates) as \\xff."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def join_surrogate_pairs(text: str) -> str:
    """Valid surrogate pairs (as YAML's "\\ud83d\\udd25" escapes make) joined into one character."""
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return text  # a lone half stays; unpaired_surrogate reports it


def unpaired_surrogate(text: str) -> str:
    """The first lone surrogate of a string as 'U+D800', or '' when the string is valid text."""
    found = _SURROGATE.search(text)
    return f"U+{ord(found.group()):04X}" if found else ""


def id_problem(text: str) -> str:
    """Why a string cannot be a record id ('' when it can): ids must be visible text.

    A '/' makes the record unreachable at /tickets/<id>; control, zero-width and
    bidi characters make an id that looks like another one.
    """
    if "/" in text:
        return "contains '/', which an id cannot hold"
    for character in text:
        category = unicodedata.category(character)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return (
                f"contains an invisible or control character (U+{ord(character):04X}); "
                "an id must be visible text"
            )
    return ""
