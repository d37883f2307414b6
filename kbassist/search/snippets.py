"""Snippets: the part of a result's text that best shows why it matched, matches marked."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kbassist.index.query import WORD

# Words not worth marking in a snippet. The ranking does not use this fixed list:
# dropping it from queries cost the hybrid 0.004-0.005 nDCG@10 on stackfaq, where
# leaving out terms by their share of documents (index.lexical.COMMON_TERM_SHARE) cost nothing.
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from has have how i if in into is it its me "
    "my no not of on or our so than that the their them then there these they this to was we "
    "were what when where which who why will with you your".split()
)


@dataclass(frozen=True)
class Snippet:
    """A short excerpt with the character spans of the query's words in it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def html(self) -> str:
        """The excerpt as escaped HTML with the matches in ``<mark>``."""
        parts, position = [], 0
        for start, end in self.spans:
            parts.append(html.escape(self.text[position:start]))
            parts.append(f"<mark>{html.escape(self.text[start:end])}</mark>")
            position = end
        parts.append(html.escape(self.text[position:]))
        return "".join(parts)


def make_snippet(text: str, terms: Iterable[str], width: int = 220) -> Snippet:
    """The window of ``text`` with the most distinct query words, matches marked."""
    flat = " ".join(text.split())
    # Marking every "at" and "the" in a snippet would hide the words that matter.
    wanted = {_match_key(term) for term in terms if term and term.casefold() not in STOPWORDS}
    matches = [m for m in WORD.finditer(flat) if _match_key(m.group(0)) in wanted]
    start = 0
    if matches and len(flat) > width:
        best = (-1, -1, 0)
        for index, match in enumerate(matches):
            begin = max(0, match.start() - 40)
            inside = [m for m in matches[index:] if m.end() <= begin + width]
            score = (len({_match_key(m.group(0)) for m in inside}), len(inside), -begin)
            if score > best:
                best, start = score, begin
        start = _word_start(flat, start)
    end = min(len(flat), start + width)
    if end < len(flat):
        cut = flat.rfind(" ", start, end)
        end = cut if cut > start + width // 2 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    body = flat[start:end]
    spans = tuple(
        (m.start() - start + len(prefix), m.end() - start + len(prefix))
        for m in matches
        if m.start() >= start and m.end() <= end
    )
    return Snippet(prefix + body + suffix, spans)


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.find(" ", position)
    return space + 1 if 0 <= space < position + 20 else position


_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s")


def _match_key(word: str) -> str:
    """A light stem for highlighting: 'Prompting', 'prompts' and 'prompt' all match."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    for suffix in _SUFFIXES:
        if len(folded) > len(suffix) + 2 and folded.endswith(suffix):
            return folded[: -len(suffix)]
    return folded
