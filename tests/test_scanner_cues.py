"""The scanner's per-plugin cues skip only lines on which a plugin cannot report anything.

The cues are read from detect-secrets' own regexes (kbassist/hygiene/scanner_cues.py). These
tests check the reading on small regexes, that every plugin we run got a cue from code we
have read, that case folding matches ``re.IGNORECASE``, and that the scanner finds exactly
the same with and without cues on every line of the test data plus one example per plugin.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from kbassist.hygiene import secret_scanner
from kbassist.hygiene.scanner_cues import fold, plugin_patterns, required_texts
from kbassist.hygiene.secret_scanner import scanner_hits

DATA = Path(__file__).parent / "data"

# One line per plugin that the plugin reports (detect-secrets' own test values or their
# shape), plus case and Unicode variants the keyword plugin's case-insensitive regexes take.
EXAMPLES = [
    'artifactory_key = "AKCp5budTFpbypBqQbGJPz3pGCi28pPivfWczqjfYb9drAmd9LbRZbj6UpKFxJXA8ksWGc9fM"',
    "aws key AKIAZZZZZZZZZZZZZZZZ in the script",
    'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYzz"',
    "DefaultEndpointsProtocol=https;AccountName=x;AccountKey="
    "lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ==",
    "mount https://backup:Hunter2Secret@files.example.com/share",
    'cloudant_password = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2"',
    "bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs",
    "token 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 used",
    "gitlab glpat-abcdefghijklmnopqrstuvwxyz0123 set",
    'upload_token = "c3VwZXJzZWNyZXRrZXkxMjM0NTY3ODkwYWJjZGVmZ2hpams="',
    'ibm_cloud_iam_api_key = "abcd1234abcd1234abcd1234ABCD1234abcd1234abcd"',
    'secret_access_key = "2027ab9b5f5d4b0b83f34e5d5f4a9b3c2f5e6d7c8b9a0f1e"',
    "jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
    ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    'password = "Tr0ub4dor&3"',
    'PASSWORD: "Tr0ub4dor&3"',
    'paſsword: "Tr0ub4dor&3"',
    'apİkey: "Tr0ub4dor&3"',
    'contraseña = "Tr0ub4dor&3"',
    '"Tr0ub4dor&3" == secret',
    "mailchimp 0123456789abcdef0123456789abcdef-us12 key",
    "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
    "sk-abcdefghij1234567890T3BlbkFJabcdefghij1234567890",
    "-----BEGIN RSA PRIVATE KEY-----",
    "pypi-AgEIcHlwaS5vcmc" + "A" * 70,
    "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",
    "xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx",
    "https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx",
    'softlayer_api_key = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"',
    "sq0csp-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
    "stripe sk_live_0123456789abcdefghijklmn",
    "telegram 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw7",
    "twilio AC0123456789abcdef0123456789abcdef and SK0123456789abcdef0123456789abcdef",
    'client_secret = "q8Vd2mX7pL0rT5wZ9kB3nF6hJ1cY4sA2"',
]


def _data_lines() -> list[str]:
    lines = list(EXAMPLES)
    for name in ("hygiene_cases.jsonl", "hygiene_written.jsonl", "secrets_variants.jsonl"):
        for row in (DATA / name).read_text("utf-8").splitlines():
            if row.strip():
                lines += json.loads(row)["text"].splitlines()
    return lines


def test_required_texts_of_small_regexes() -> None:
    def texts(pattern: str, flags: int = 0) -> list[tuple[bool, tuple[str, ...]]]:
        return required_texts(re.compile(pattern, flags))

    assert texts(r"(?:ab|cd)x+") == [(False, ("ab", "cd")), (False, ("x",))]
    assert texts(r"a?bc") == [(False, ("bc",))]
    assert texts(r"(?:a|)b") == [(False, ("b",))]
    assert texts(r"x{0,3}[a-z]+[^'\"]") == []
    assert texts(r"['\"`]\w+") == [(False, ('"', "'", "`"))]
    assert texts(r"(?i:abc)d") == [(False, ("d",))]  # own flags: not read
    assert texts(r"Pass_?Word", re.IGNORECASE) == [(True, ("pass",)), (True, ("word",))]
    assert texts(r"(?:password|pass)\w", re.IGNORECASE) == [(True, ("pass",))]
    assert texts(r"contraseña", re.IGNORECASE) == [(True, ("contrase",))]


def test_every_plugin_has_a_cue_read_from_code_we_know() -> None:
    """A detect-secrets upgrade that changes how a plugin finds values fails here.

    Each cue assumes the plugin reports only what its regexes (or, for the high-entropy
    plugin, runs of its charset) match. That holds for these methods; a plugin that brings
    its own ``analyze_string``/``analyze_line`` must be read before it gets a cue.
    """
    from detect_secrets.plugins.base import BasePlugin, RegexBasedDetector
    from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin
    from detect_secrets.plugins.jwt import JwtTokenDetector
    from detect_secrets.plugins.keyword import KeywordDetector

    known_string = {
        RegexBasedDetector.analyze_string,
        JwtTokenDetector.analyze_string,  # filters what the base class finds
        KeywordDetector.analyze_string,
        HighEntropyStringsPlugin.analyze_string,
    }
    known_line = {
        BasePlugin.analyze_line,
        KeywordDetector.analyze_line,
        HighEntropyStringsPlugin.analyze_line,
    }
    for plugin, _accepted, cue in secret_scanner._plugins():
        name = type(plugin).__name__
        assert cue is not None, name
        assert type(plugin).analyze_string in known_string, name
        assert type(plugin).analyze_line in known_line, name
        if not isinstance(plugin, HighEntropyStringsPlugin):
            patterns = plugin_patterns(plugin, "note.txt")
            assert patterns and all(required_texts(p) for p in patterns), name


def test_fold_takes_what_ignorecase_takes() -> None:
    """Every character re.IGNORECASE matches to an ASCII character folds to its lower case."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for code in range(128):
        ascii_char = chr(code)
        for found in re.finditer(re.escape(ascii_char), everything, re.IGNORECASE):
            assert fold(found.group()) == ascii_char.lower(), hex(ord(found.group()))
    assert fold("PAſSWORD İ ı \u212a") == "password i i k"


@pytest.mark.parametrize("line", EXAMPLES)
def test_each_example_is_found_and_passes_its_cues(line: str) -> None:
    found_any = False
    for plugin, accepted, cue in secret_scanner._plugins():
        arguments: dict[str, Any] = {
            "filename": "note.txt",
            "line": line,
            "line_number": 1,
            "context": None,
            "enable_eager_search": True,
        }
        found = plugin.analyze_line(**{k: v for k, v in arguments.items() if k in accepted})
        if hasattr(plugin, "entropy_limit"):  # the scanner keeps only values this long
            found = {s for s in found if len(s.secret_value) > 2**plugin.entropy_limit}
        if found:
            found_any = True
            assert cue is not None and cue(line, fold(line)), type(plugin).__name__
    assert found_any


def test_the_scanner_finds_the_same_without_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _data_lines()
    lines += [line.upper() for line in lines] + [line.lower() for line in lines]
    # No text, no line, a line cut in chunks, other line breaks.
    lines += ["", "\n\n", "word " * 2_000 + EXAMPLES[7]]
    lines += ["\u2028".join(EXAMPLES), "\r\n".join(EXAMPLES), "\x1c".join(EXAMPLES)]
    with_cues = [sorted(scanner_hits(line)) for line in lines]
    plugins = secret_scanner._plugins()
    no_cues = tuple((plugin, accepted, None) for plugin, accepted, _cue in plugins)
    monkeypatch.setattr(secret_scanner, "_plugins", lambda: no_cues)
    assert [sorted(scanner_hits(line)) for line in lines] == with_cues
    assert any(with_cues)


def test_entropy_candidates_are_what_analyze_line_reports() -> None:
    """_entropy_candidates mirrors the high-entropy plugin's analyze_line (eager search).

    Compared past the entropy limit, which _line_hits applies to every value.
    """
    (plugin,) = [p for p, _a, _c in secret_scanner._plugins() if hasattr(p, "entropy_limit")]

    def kept(values: Any) -> set[str]:
        return {v for v in values if plugin.calculate_shannon_entropy(v) > plugin.entropy_limit}

    lines = _data_lines() + ["", "no run here", "'quoted' and bare abc123", "'' \"x\""]
    lines += ["'q8Vd2mX7pL0rT5wZ9kB3nF6hJ1cY4sA2' and bare q8Vd2mX7pL0rT5wZ9kB3nF6hJ1cY4sA3"]
    lines += ["'aaaa' then bare q8Vd2mX7pL0rT5wZ9kB3nF6hJ1cY4sA3"]
    for line in lines:
        found = plugin.analyze_line(
            filename="note.txt", line=line, line_number=1, enable_eager_search=True
        )
        reported = kept(secret.secret_value for secret in found)
        assert kept(secret_scanner._entropy_candidates(plugin, line)) == reported, line


def test_no_line_break_belongs_to_a_token_run_or_a_marker() -> None:
    """scanner_hits skips a text whose whole is not worth scanning: no line of it can be."""
    breaks = [chr(c) for c in range(sys.maxunicode + 1) if len(f"a{chr(c)}b".splitlines()) == 2]
    assert "\n" in breaks and "\u2028" in breaks
    for char in breaks:
        assert not secret_scanner._TOKEN_RUN.search(char * 20), hex(ord(char))
        assert not secret_scanner._URL_CREDENTIALS.search(f"://{char}@"), hex(ord(char))
    text = "\n".join(["nothing here", "key 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", ""])
    assert {(start, end) for start, end, _kind in scanner_hits(text)} == {(17, 57)}


def test_worth_scanning_is_the_plain_regex_reading() -> None:
    """_worth_scanning's faster checks say what its two regexes say on their own."""
    markers = re.compile(r"://[^\s/@]{1,100}@|-----BEGIN|eyJ")

    def plain(line: str) -> bool:
        if markers.search(line):
            return True
        runs = secret_scanner._TOKEN_RUN.finditer(line)
        return any(re.search(r"\d", run.group(0)) for run in runs)

    lines = _data_lines() + ["", "a" * 19 + "1", "a" * 20 + "1", "x\u00a0" + "b1" * 10]
    lines += ["http://u:p@h", "ftp://" + "u" * 101 + "@h", "\u2003".join(EXAMPLES)]
    for line in lines:
        assert secret_scanner._worth_scanning(line) == plain(line), line
