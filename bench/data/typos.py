"""Random typos for a stress test of "did you mean": one random edit in each query.

`random_typos(rows, seed)` takes rows of a misspellings file and, for each row's
intended query, picks one lower-case word of four letters or more (not a negation,
not inside a code, host name, address or path) and applies one random edit after
its first letter: a letter dropped, a random letter added, a letter replaced by a
random one, or two neighbours swapped. It returns the typo rows (kind: the edit)
and the intended queries as typed (kind ``unchanged``). Random letters are
harsher than people's slips (no keyboard, no sounds), so the figures are a stress
test, not an estimate of what users see. Standard library only, deterministic.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

LETTERS = "abcdefghijklmnopqrstuvwxyz"
NEGATIONS = frozenset(
    "not no nor never none nothing nobody neither without unable cannot cant dont doesnt "
    "didnt isnt wasnt arent werent wont wouldnt shouldnt couldnt hasnt havent hadnt".split()
)
# A lower-case word of four letters or more, not part of a code, host name, address or path.
_WORD = re.compile(r"(?<![\w.\\/@:-])[a-z]{4,}(?![\w\\/@:-]|\.\w)")


def random_typos(rows: Iterable[dict[str, str]], seed: int = 20261201) -> list[dict[str, str]]:
    """One typo row and one unchanged row per usable intended query (see the module)."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for row in rows:
        query = row["intended"]
        if query in seen:
            continue
        seen.add(query)
        words = [m for m in _WORD.finditer(query) if m.group(0) not in NEGATIONS]
        if not words:
            continue
        match = rng.choice(words)
        word, at = match.group(0), rng.randrange(1, len(match.group(0)))
        edit = rng.choice(("delete", "insert", "substitute", "swap"))
        if edit == "delete":
            typed = word[:at] + word[at + 1 :]
        elif edit == "insert":
            typed = word[:at] + rng.choice(LETTERS) + word[at:]
        elif edit == "substitute":
            typed = word[:at] + rng.choice(LETTERS.replace(word[at], "")) + word[at + 1 :]
        elif at < len(word) - 1 and word[at] != word[at + 1]:
            typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        else:
            continue
        typo = query[: match.start()] + typed + query[match.end() :]
        out.append({"query": typo, "intended": query, "kind": edit, "note": "random edit"})
        out.append({"query": query, "intended": query, "kind": "unchanged", "note": "as typed"})
    return out
