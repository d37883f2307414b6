"""Plain text from the HTML that PSA tools put in description and note fields.

Standard library only (``html.parser``). Block elements and ``<br>`` become
line breaks, list items become ``- `` lines, entities are decoded, scripts and
styles are dropped and whitespace is tidied so scoring sees what a person reads.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that start and end a line of their own.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary "
    "table tbody tfoot thead tr ul".split()
)
# Elements whose content is never shown.
_HIDDEN_TAGS = frozenset("head noscript script style template title".split())
_CELL_TAGS = frozenset({"td", "th"})
# Blocks separated from their neighbours by a blank line.
_PARAGRAPH_TAGS = frozenset("blockquote h1 h2 h3 h4 h5 h6 hr ol p pre table ul".split())
_LIST_TAGS = frozenset({"ul", "ol"})
# Every tag name we treat as HTML; anything else (``<Ctrl>``, ``<jane@example.com>``)
# is kept as literal text, because plain-text notes use angle brackets too.
_KNOWN_TAGS = (
    _BLOCK_TAGS
    | _HIDDEN_TAGS
    | _CELL_TAGS
    | frozenset(
        "a abbr b big br caption cite code col colgroup del em font i img input ins kbd "
        "label mark meta link q s samp small span strike strong sub sup u tt var wbr".split()
    )
)

_TAG_PATTERN = re.compile(
    r"<(?:/?(?:" + "|".join(sorted(_KNOWN_TAGS, key=len, reverse=True)) + r")\b[^<>]*>|!--)",
    re.IGNORECASE,
)
_ENTITY_PATTERN = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_SPACES = re.compile(r"[ \t\f\v\r\xa0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
# A private-use character stands in for spaces inside <pre> until tidying is done.
_KEPT_SPACE = "\ue000"


def looks_like_html(text: str) -> bool:
    """True when the text contains a known HTML tag, an HTML comment or an entity."""
    return bool(_TAG_PATTERN.search(text) or _ENTITY_PATTERN.search(text))


def html_to_text(text: str) -> str:
    """Convert an HTML fragment to readable plain text."""
    parser = _TextExtractor()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but a note must never crash an import
        return _tidy(re.sub(r"<[^<>]*>", " ", text))
    return _tidy("".join(parser.parts))


class _TextExtractor(HTMLParser):
    """Collects visible text, turning structure into line breaks and list markers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.pre_depth = 0
        self.list_depth = 0
        self.cells_in_row = 0
        self.link_href = ""
        self.link_text_start = 0
        self.at_marker = False  # a "- " was just written: the item's first block stays on it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden_depth += 1
        elif tag not in _KNOWN_TAGS:
            self._literal()
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._break(1)
            self.parts.append(_KEPT_SPACE * 2 * max(self.list_depth - 1, 0) + "- ")
            self.at_marker = True
        elif tag in _CELL_TAGS:
            if self.cells_in_row:
                self.parts.append(" | ")
            self.cells_in_row += 1
        elif tag == "a":
            self.link_href = dict(attrs).get("href") or ""
            self.link_text_start = len(self.parts)
        elif tag in _BLOCK_TAGS:
            self.list_depth += tag in _LIST_TAGS
            self.pre_depth += tag == "pre"
            if tag == "tr":
                self.cells_in_row = 0
            self._break(_gap(tag, self.list_depth))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _KNOWN_TAGS:
            self.handle_starttag(tag, attrs)
            if tag not in {"br", "hr"}:
                self.handle_endtag(tag)
        else:
            self._literal()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden_depth = max(self.hidden_depth - 1, 0)
        elif tag not in _KNOWN_TAGS:
            if ":" not in tag:
                self.parts.append(f"</{tag}>")
        elif tag == "a":
            self._close_link()
        elif tag in _BLOCK_TAGS and tag != "li":
            self.list_depth = max(self.list_depth - (tag in _LIST_TAGS), 0)
            self.pre_depth = max(self.pre_depth - (tag == "pre"), 0)
            self._break(_gap(tag, self.list_depth))

    def handle_data(self, data: str) -> None:
        if self.hidden_depth:
            return
        self.at_marker = self.at_marker and not data.strip()
        if self.pre_depth:
            # Keep the layout of preformatted text (logs, commands) through tidying.
            self.parts.append(data.replace(" ", _KEPT_SPACE).replace("\t", _KEPT_SPACE * 4))
        else:
            self.parts.append(re.sub(r"\s+", " ", data))

    def _break(self, newlines: int) -> None:
        """End the current line, leaving at least ``newlines`` line breaks."""
        if self.at_marker:
            return
        missing = newlines - self._trailing_newlines()
        if missing > 0:
            self.parts.append("\n" * missing)

    def _trailing_newlines(self) -> int:
        count = 0
        for part in reversed(self.parts):
            for char in reversed(part):
                if char == "\n":
                    count += 1
                elif not char.isspace():
                    return count
        return 2  # the start of the text counts as a paragraph break

    def _literal(self) -> None:
        raw = self.get_starttag_text() or ""
        # Office HTML (``<o:p>``) is markup, not text; other unknown tags are prose.
        if ":" not in raw.split(maxsplit=1)[0] and not self.hidden_depth:
            self.parts.append(raw)

    def _close_link(self) -> None:
        href, self.link_href = self.link_href, ""
        shown = "".join(self.parts[self.link_text_start :]).strip()
        # Keep the target of a link (often a KB article) when the text does not show it.
        if href.startswith(("http://", "https://")) and href.rstrip("/") != shown.rstrip("/"):
            self.parts.append(f" ({href})" if shown else href)


def _gap(tag: str, list_depth: int) -> int:
    """Line breaks around a block: a blank line around paragraphs, one inside lists."""
    return 2 if tag in _PARAGRAPH_TAGS and not list_depth else 1


def _tidy(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip().replace(_KEPT_SPACE, " ")
        lines.append(line.rstrip())
    joined = "\n".join(lines)
    return _BLANK_RUNS.sub("\n\n", joined).strip()
