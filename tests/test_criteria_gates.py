"""Every gated cue pattern's pre-check lets through each text the pattern matches."""

from __future__ import annotations

import json
from pathlib import Path

from kbassist.quality import criteria

DATA = Path(__file__).parent / "data"
CRAFTED = [
    "error 0x80070005 on build 22h2, version 10.0.19045, windows 11, 3 users, ios 17",
    "ran get-aduser, gpupdate /force, services.msc, net use, sc query, c:\\temp, \\\\srv\\share",
    "hklm, /etc/hosts, %appdata%, settings > accounts, admin center, the general tab, `cmd`",
    "misconfigured, kb-0412, ticket #123, cr 45, event id 4625, hresult, stop code, 'quoted text'",
    '٢٢h٢ build ٣ v١.٢ "some quoted error" “curly quoted” server 2019 win7',
]


def _texts() -> list[str]:
    texts = list(CRAFTED)
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts += [value for value in row.values() if isinstance(value, str)]
    return [" ".join(text.lower().split()) for text in texts]


def test_gates_pass_every_text_their_pattern_matches() -> None:
    parts = [*criteria.COMMAND]
    for cues in (criteria.PROBLEM, criteria.ENVIRONMENT, criteria.CAUSE, criteria.FOLLOWUP):
        parts += cues.patterns
    matched = 0
    for flat in _texts():
        for part in parts:
            if part.pattern.search(flat):
                matched += 1
                assert part.search(flat), (part.pattern.pattern, flat[:200])
    assert matched > 100
