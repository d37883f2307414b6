"""Knowledge-base articles: markdown with YAML front matter, split into sections.

Parsing uses markdown-it-py with the ``js-default`` preset so raw HTML in an
article is escaped when rendered, never passed through. Front matter is read
with bounds: YAML anchors and aliases (the "billion laughs" bomb) are refused
before anything is built, nesting and size are capped, dates stay text until
they are checked key by key, and every value must have its field's shape, so
one bad file becomes one reject that names the field and the others load.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kbassist import safeyaml
from kbassist.decoding import (
    decode_text,
    id_problem,
    join_surrogate_pairs,
    path_text,
    unpaired_surrogate,
)
from kbassist.errors import InvalidInput
from kbassist.records import ARTICLE_TYPES, ArticleRecord, Reject, Section, slug

REQUIRED_KEYS = ("id", "title", "type")
MAX_ID = 100  # articles.id is String(100)
MAX_TITLE = 500
MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one markdown file
MAX_FRONT_MATTER = 64 * 1024  # characters between the two '---' lines
FUTURE_TOLERANCE = dt.timedelta(days=1)


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
            data = load_front_matter("".join(lines[1:index]))
            if not isinstance(data, dict):
                raise InvalidInput("front matter must be a YAML mapping of keys to values")
            return data, "".join(lines[index + 1 :]), index + 2
    raise InvalidInput("front matter starts with '---' but has no closing '---' line")


def load_front_matter(source: str) -> Any:
    """The YAML between the '---' lines, refusing aliases, deep nesting and oversized text."""
    return (
        safeyaml.load(source, what="front matter", max_chars=MAX_FRONT_MATTER, first_line=2) or {}
    )


def parse_article(text: str, path: str = "", now: dt.datetime | None = None) -> ArticleRecord:
    """Parse one markdown file into an ArticleRecord; raises InvalidInput naming the field.

    With ``now`` (the time of the import), a date after it is refused.
    """
    data, body, _ = split_front_matter(text)
    values = {key: _text(data, key) for key in (*REQUIRED_KEYS, "author", "updated_by")}
    for key in REQUIRED_KEYS:
        if not values[key].strip():
            raise InvalidInput(f"{key}: required front-matter key is missing or empty")
    article_id = values["id"].strip()
    if len(article_id) > MAX_ID:
        raise InvalidInput(f"id: longer than {MAX_ID} characters")
    if problem := id_problem(article_id):
        raise InvalidInput(f"id: {problem}")
    title = values["title"].strip()
    if len(title) > MAX_TITLE:
        raise InvalidInput(f"title: longer than {MAX_TITLE} characters")
    article_type = values["type"].strip().lower()
    if article_type not in ARTICLE_TYPES:
        raise InvalidInput(f"type: {article_type[:40]!r} is not one of {', '.join(ARTICLE_TYPES)}")
    created = _date(data, "created", now)
    updated = _date(data, "updated", now) or created
    if created and updated and updated < created:
        raise InvalidInput("updated: earlier than created")
    return ArticleRecord(
        id=article_id,
        title=title,
        type=article_type,
        body=body.strip("\n") + "\n",
        author=values["author"].strip(),
        contributors=_names(data, "contributors"),
        created=created,
        updated=updated,
        tags=_names(data, "tags"),
        clients=_names(data, "clients"),
        path=path,
        updated_by=values["updated_by"].strip(),
        sections=split_sections(body),
    )


def _text(data: dict[str, Any], key: str) -> str:
    """A front-matter value that must be text (a plain number is taken as text)."""
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidInput(f"{key}: expected text, got {_shape(value)}")
    return _valid_text(str(value), key)


def _valid_text(text: str, key: str) -> str:
    text = join_surrogate_pairs(text)
    if surrogate := unpaired_surrogate(text):
        raise InvalidInput(
            f"{key}: contains an unpaired surrogate ({surrogate}), which is not valid Unicode text"
        )
    return text


def _shape(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple | set):
        return "a list"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


@dataclass(frozen=True)
class FolderParse:
    records: tuple[ArticleRecord, ...]
    rejects: tuple[Reject, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One markdown file to parse: how rejects name it, the path stored, its bytes."""

    name: str
    path: str
    data: bytes


def parse_folder(folder: Path, now: dt.datetime | None = None) -> FolderParse:
    """Every ``*.md`` under folder (sorted); a bad file becomes a reject, the rest load.

    Hidden files and folders are skipped; symbolic links are followed only to
    files inside the folder; a file over MAX_ARTICLE_BYTES is not read.
    """
    if not folder.is_dir():
        raise InvalidInput(f"{folder}: not a folder of markdown files")
    rejects: list[Reject] = []
    parsed = parse_sources(_folder_sources(folder, rejects), now)
    rejects += parsed.rejects
    return FolderParse(parsed.records, tuple(rejects), parsed.warnings)


def parse_sources(sources: Iterable[Source], now: dt.datetime | None = None) -> FolderParse:
    """Parse markdown files in order; the first file with an id wins over later duplicates."""
    records: list[ArticleRecord] = []
    rejects: list[Reject] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for source in sources:
        text, notes = decode_text(source.data, source.name)
        warnings += notes
        try:
            record = parse_article(text, path=source.path, now=now)
        except InvalidInput as error:
            field, _, reason = error.message.partition(": ")
            if not reason or " " in field:
                field, reason = "*", error.message
            rejects.append(Reject(file=source.name, row=1, field=field, reason=reason))
            continue
        if record.id in seen:
            reason = f"duplicate id {record.id}, also in {seen[record.id]}"
            rejects.append(Reject(source.name, 1, "id", reason, record.id))
            continue
        seen[record.id] = source.name
        records.append(record)
    return FolderParse(tuple(records), tuple(rejects), tuple(warnings))


def is_markdown(name: str) -> bool:
    """A markdown file's name, not a hidden file or macOS's '._name' resource-fork copy."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.lower().endswith(".md") and not base.startswith(".")


def _folder_sources(folder: Path, rejects: list[Reject]) -> Iterator[Source]:
    root = folder.resolve()
    for directory, subfolders, files in os.walk(folder):  # never into linked folders
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "__MACOSX")))
        for name in sorted(files):
            path = Path(directory) / name
            if not is_markdown(name):
                continue
            problem = _file_problem(path, root)
            if problem:
                rejects.append(Reject(path_text(path), 1, "*", problem))
                continue
            try:
                data = path.read_bytes()
            except OSError as error:
                reason = f"cannot be read: {error.strerror}"
                rejects.append(Reject(path_text(path), 1, "*", reason))
                continue
            yield Source(path_text(path), path_text(path.relative_to(folder)), data)


def _file_problem(path: Path, root: Path) -> str:
    """Why a file under the KB folder is not read ('' when it is read)."""
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return "a symbolic link whose target does not exist"
        if not target.is_relative_to(root):
            return "a symbolic link to a file outside the KB folder; links out are not followed"
    try:
        info = path.stat()
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_ARTICLE_BYTES:
        return (
            f"the file is {info.st_size / 1024**2:.1f} MiB, over the "
            f"{MAX_ARTICLE_BYTES // 1024**2} MiB limit of one article"
        )
    return ""


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


def _date(data: dict[str, Any], key: str, now: dt.datetime | None) -> dt.datetime | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime | dt.date):
        moment = _naive_utc(value, key)
    elif isinstance(value, str):
        text = _valid_text(value, key).strip()
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as error:
            shown = repr(text) if len(text) <= 40 else "the value"
            raise InvalidInput(f"{key}: {shown} is not a valid ISO 8601 date ({error})") from None
        moment = _naive_utc(parsed, key)
    else:
        raise InvalidInput(
            f"{key}: expected an ISO 8601 date such as 2025-06-01, got {_shape(value)}"
        )
    if now is not None and moment > now + FUTURE_TOLERANCE:
        raise InvalidInput(f"{key}: {moment:%Y-%m-%d} is in the future")
    return moment


def _naive_utc(value: dt.date, key: str) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    except OverflowError:
        raise InvalidInput(f"{key}: the date is out of range once moved to UTC") from None


def _names(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise InvalidInput(f"{key}: expected a list of names, got {_shape(value)}")
    names = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise InvalidInput(
                f"{key}: expected a list of names, got a list holding {_shape(item)}"
            )
        name = _valid_text(str(item), key).strip()
        if name:
            names.append(name)
    return tuple(names)
