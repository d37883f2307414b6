"""The demo's knowledge base: the front matter the generator needs, and later article edits.

``read_kb`` reads only the front matter of ``kb/``: an article's ``created`` date is its
publication date, so the planted effects and ``kb/`` always agree. ``revise_kb`` turns
the revisions of ``world.yaml`` into new versions of the articles (``kb_revisions/``).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kbassist.articles import split_front_matter
from kbassist.demo import world
from kbassist.errors import InvalidInput


@dataclass(frozen=True)
class KbArticle:
    """The front matter of one knowledge-base file that the generator needs."""

    id: str
    path: Path
    title: str
    author: str
    contributors: tuple[str, ...]
    created: date
    updated: date
    text: str


def default_kb_dir() -> Path:
    """The packaged demo knowledge base (``kb/`` in the repository)."""
    return Path(str(importlib.resources.files("kbassist.bundled.kb")))


def read_kb(kb_dir: Path) -> dict[str, KbArticle]:
    """Front matter of every ``*.md`` in kb_dir, by article id (files without an id skipped)."""
    articles: dict[str, KbArticle] = {}
    for path in sorted(Path(kb_dir).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        data, _, _ = split_front_matter(text)
        article_id = str(data.get("id") or "").strip()
        created = _as_date(data.get("created"))
        if not article_id or created is None:
            continue
        articles[article_id] = KbArticle(
            id=article_id,
            path=path,
            title=str(data.get("title") or ""),
            author=str(data.get("author") or ""),
            contributors=_names(data.get("contributors")),
            created=created,
            updated=_as_date(data.get("updated")) or created,
            text=text,
        )
    return articles


@dataclass(frozen=True)
class KbRevision:
    """A later version of an article, edited by a contributor (written to kb_revisions/)."""

    article_id: str
    filename: str
    text: str
    updated: date
    updated_by: str
    section: str
    mode: str
    chars_added: int


def revise_kb(kb: Mapping[str, KbArticle]) -> list[KbRevision]:
    """The revisions of ``world.REVISIONS`` whose article is in kb, applied to its text."""
    revisions = []
    for spec in world.REVISIONS:
        article = kb.get(spec.article_id)
        if article is None:
            continue
        updated = date.fromisoformat(spec.updated)
        text, added = revise_article(article.text, spec)
        revisions.append(
            KbRevision(
                article_id=spec.article_id,
                filename=article.path.name,
                text=text,
                updated=updated,
                updated_by=spec.updated_by,
                section=spec.heading,
                mode=spec.mode,
                chars_added=added,
            )
        )
    return revisions


def revise_article(text: str, spec: world.RevisionSpec) -> tuple[str, int]:
    """The article's markdown after the revision, and how many characters it adds."""
    lines = text.lstrip("\ufeff").split("\n")
    closing = next(
        (k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), len(lines)
    )
    if not lines[0].startswith("---") or closing == len(lines):
        raise InvalidInput(f"{spec.article_id}: no front matter to revise")
    front = [line for line in lines[1:closing] if not line.startswith(("updated:", "updated_by:"))]
    front += [f"updated: {spec.updated}", f"updated_by: {spec.updated_by}"]
    body = lines[closing + 1 :]
    section = [f"## {spec.heading}", "", *spec.text.rstrip("\n").split("\n"), ""]
    if spec.mode == "append":
        while body and not body[-1].strip():
            body.pop()
        body = [*body, "", *section]
        added = len(spec.text)
    elif spec.mode == "insert":
        where = _heading_line(body, spec.before, spec.article_id)
        body = body[:where] + section + body[where:]
        added = len(spec.text)
    elif spec.mode == "replace":
        where = _heading_line(body, spec.heading, spec.article_id)
        stop = next(
            (k for k in range(where + 1, len(body)) if body[k].startswith(("## ", "# "))),
            len(body),
        )
        old = "\n".join(body[where + 1 : stop])
        body = body[:where] + section + body[stop:]
        added = max(len(spec.text) - len(old.strip()), 0)
    else:
        raise InvalidInput(f"mode: unknown revision mode {spec.mode!r}")
    revised = "\n".join(["---", *front, "---", *body])
    return revised.rstrip("\n") + "\n", added


def _heading_line(body: Sequence[str], heading: str, article_id: str) -> int:
    for index, line in enumerate(body):
        if line.strip() == f"## {heading}":
            return index
    raise InvalidInput(f"{article_id}: no section '## {heading}' to revise")


def _as_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip()[:10])


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    return tuple(str(name).strip() for name in value or () if str(name).strip())
