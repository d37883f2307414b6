"""Knowledge-base articles: markdown with YAML front matter, split into sections.

Parsing uses markdown-it-py with the ``js-default`` preset so raw HTML in an
article is escaped when rendered, never passed through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kbassist.errors import InvalidInput
from kbassist.records import ARTICLE_TYPES, ArticleRecord, Reject, Section, slug

REQUIRED_KEYS = ("id", "title", "type")
MAX_ID = 100  # articles.id is String(100)


@lru_cache(maxsize=1)
def _markdown():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("js-default")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Front matter as a dict, the body, and the body's first line number in the file."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return {}, text, 1
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            try:
                data = yaml.safe_load("".join(lines[1:index])) or {}
            except yaml.YAMLError as error:
                raise InvalidInput(f"front matter is not valid YAML: {error}") from error
            if not isinstance(data, dict):
                raise InvalidInput("front matter must be a YAML mapping of keys to values")
            return data, "".join(lines[index + 1 :]), index + 2
    raise InvalidInput("front matter starts with '---' but has no closing '---' line")


def parse_article(text: str, path: str = "") -> ArticleRecord:
    """Parse one markdown file into an ArticleRecord; raises InvalidInput naming the field."""
    data, body, _ = split_front_matter(text)
    for key in REQUIRED_KEYS:
        if not str(data.get(key) or "").strip():
            raise InvalidInput(f"{key}: required front-matter key is missing or empty")
    if len(str(data["id"]).strip()) > MAX_ID:
        raise InvalidInput(f"id: longer than {MAX_ID} characters")
    article_type = str(data["type"]).strip().lower()
    if article_type not in ARTICLE_TYPES:
        raise InvalidInput(f"type: {article_type!r} is not one of {', '.join(ARTICLE_TYPES)}")
    created = _date(data, "created")
    updated = _date(data, "updated") or created
    if created and updated and updated < created:
        raise InvalidInput("updated: earlier than created")
    return ArticleRecord(
        id=str(data["id"]).strip(),
        title=str(data["title"]).strip(),
        type=article_type,
        body=body.strip("\n") + "\n",
        author=str(data.get("author") or "").strip(),
        contributors=_names(data, "contributors"),
        created=created,
        updated=updated,
        tags=_names(data, "tags"),
        clients=_names(data, "clients"),
        path=path,
        updated_by=str(data.get("updated_by") or "").strip(),
        sections=split_sections(body),
    )


@dataclass(frozen=True)
class FolderParse:
    records: tuple[ArticleRecord, ...]
    rejects: tuple[Reject, ...]


def parse_folder(folder: Path) -> FolderParse:
    """Every ``*.md`` under folder (sorted); a bad file becomes a reject, the rest load."""
    if not folder.is_dir():
        raise InvalidInput(f"{folder}: not a folder of markdown files")
    records: list[ArticleRecord] = []
    rejects: list[Reject] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.rglob("*.md")):
        name = str(path)
        try:
            text = _read_text(path)
            record = parse_article(text, path=str(path.relative_to(folder)))
        except InvalidInput as error:
            field, _, reason = error.message.partition(": ")
            if not reason:
                field, reason = "*", error.message
            rejects.append(Reject(file=name, row=1, field=field, reason=reason))
            continue
        if record.id in seen:
            rejects.append(
                Reject(
                    name, 1, "id", f"duplicate id {record.id}, also in {seen[record.id]}", record.id
                )
            )
            continue
        seen[record.id] = name
        records.append(record)
    return FolderParse(tuple(records), tuple(rejects))


def split_sections(body: str) -> tuple[Section, ...]:
    """Sections of a markdown body: heading path, plain text, and starting line."""
    tokens = _markdown().parse(body)
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    current_line, current_level = 1, 0
    texts: list[str] = []

    def flush() -> None:
        text = "\n".join(t for t in texts if t).strip()
        if text or path:
            sections.append(
                Section(tuple(title for _, title in path), text, current_line, current_level)
            )

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            flush()
            texts = []
            level = int(token.tag[1])
            title = tokens[index + 1].content.strip()
            path = [(lvl, t) for lvl, t in path if lvl < level] + [(level, title)]
            current_line = (token.map[0] + 1) if token.map else current_line
            current_level = level
            index += 3
            continue
        if token.type == "inline":
            texts.append(token.content)
        elif token.type in ("fence", "code_block"):
            texts.append(token.content.rstrip("\n"))
        index += 1
    flush()
    return tuple(s for s in sections if s.text or s.heading_path)


def render_markdown(body: str) -> str:
    """Safe HTML for display: raw HTML is escaped; headings get the anchors search links to."""
    markdown = _markdown()
    tokens = markdown.parse(body)
    openings = [i for i, token in enumerate(tokens) if token.type == "heading_open"]
    anchors = section_anchors(tokens[i + 1].content.strip() for i in openings)
    for index, anchor in zip(openings, anchors, strict=True):
        if anchor:
            tokens[index].attrSet("id", anchor)
    return str(markdown.renderer.render(tokens, markdown.options, {}))


def section_anchors(headings: Iterable[str]) -> list[str]:
    """Anchors for headings in order: slugs, repeats numbered -2, -3 (as the page renders them)."""
    seen: dict[str, int] = {}
    anchors = []
    for heading in headings:
        base = slug(heading) if heading else ""
        count = seen.get(base, 0) + 1
        seen[base] = count
        anchors.append(base if count == 1 else f"{base or 'section'}-{count}")
    return anchors


def plain_text(body: str) -> str:
    """The article body as plain text (headings and paragraphs, no markup)."""
    return "\n\n".join(
        "\n".join(filter(None, [" / ".join(s.heading_path[-1:]), s.text]))
        for s in split_sections(body)
    )


def iter_links(body: str) -> Iterator[str]:
    """Link targets in a markdown body, in order."""
    for token in _markdown().parse(body):
        for child in token.children or ():
            if child.type == "link_open":
                yield str(child.attrGet("href") or "")


def _read_text(path: Path) -> str:
    raw = path.read_bytes().replace(b"\x00", b"")  # PostgreSQL refuses NUL in text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _date(data: dict[str, Any], key: str) -> dt.datetime | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else _utc(value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        parsed = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise InvalidInput(f"{key}: {value!r} is not an ISO 8601 date") from error
    return _utc(parsed) if parsed.tzinfo else parsed


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _names(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list):
        raise InvalidInput(f"{key}: expected a list")
    return tuple(str(item).strip() for item in value if str(item).strip())
