"""What runs after every ingest: the one module above the feature services.

Ingest stores records and says which changed; this module then scores them,
indexes them and places tickets in their issue families, in that order: scores
first (search shows quality badges), then the indexes (embeddings land in the
cache), then incremental clustering (reuses them), then the gaps snapshot the
pages read (coverage, evidence, duplicates). Each step is idempotent, so
a crash between steps is healed by running again. The CLI, the web app and the
API call these functions; no service calls up into this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from kbassist.articles import parse_article
from kbassist.browse import article_author
from kbassist.core import Core
from kbassist.errors import Forbidden, InvalidInput
from kbassist.gaps import service as gaps
from kbassist.ingest import service as ingest
from kbassist.ingest.service import IngestReport, Progress
from kbassist.quality import service as quality
from kbassist.records import TicketRecord
from kbassist.search import indexing as search

Say = Callable[[str], None]


def ingest_tickets(
    core: Core,
    path: Path,
    *,
    preset: str | None = None,
    mapping: Path | None = None,
    progress: Progress | None = None,
    say: Say | None = None,
) -> IngestReport:
    """Load a ticket export, then score, index and cluster the tickets that changed."""
    report = ingest.ingest_tickets(core, path, preset=preset, mapping=mapping, progress=progress)
    refresh(core, report.changed_ids, [], say)
    return report


def store_tickets(
    core: Core, records: Sequence[TicketRecord], *, source: str, say: Say | None = None
) -> IngestReport:
    """Store parsed tickets, then refresh what changed."""
    report = ingest.store_tickets(core, records, source=source)
    refresh(core, report.changed_ids, [], say)
    return report


def ingest_kb(
    core: Core, folder: Path, *, progress: Progress | None = None, say: Say | None = None
) -> IngestReport:
    """Load a folder of markdown articles, then score and index the ones that changed."""
    report = ingest.ingest_kb(core, folder, progress=progress)
    refresh(core, [], report.changed_ids, say)
    return report


def publish_article(core: Core, markdown: str, editor: str, *, may_replace: bool = False) -> str:
    """Save an article given as markdown (an edited draft playbook); its id.

    ``editor`` is the signed-in person: the revision is theirs whatever the
    front matter says. A new article is authored by them too. Saving over an
    existing article id needs ``may_replace`` (the ``replace_articles``
    permission, admins only); it keeps the article's author. The article's
    vector goes into the cache at once, so the gaps page counts its family as
    covered without a cluster run.
    """
    if not editor.strip():
        raise InvalidInput("The article could not be saved: no editor signed in.")
    try:
        record = parse_article(markdown, path="")
    except InvalidInput as error:
        raise InvalidInput(f"The article could not be saved: {error.message}") from error
    with core.connect() as conn:
        current_author = article_author(conn, record.id)
    if current_author is None:
        record = replace(record, author=editor, updated_by=editor)
    elif not may_replace:
        raise Forbidden(
            f"Article {record.id} exists already and only an admin may replace it. "
            "Give the draft a new id (the `id:` line at the top) to save it as a new article."
        )
    else:
        record = replace(record, author=current_author, updated_by=editor)
    report = ingest.store_articles(core, [record], source="editor")
    # Cached before the refresh, so the gaps snapshot counts its family as covered.
    gaps.cache_article_vectors(core)
    refresh(core, [], report.changed_ids)
    return record.id


def refresh(
    core: Core,
    ticket_ids: Sequence[str],
    article_ids: Sequence[str],
    say: Say | None = None,
) -> None:
    """Score, index and cluster the changed tickets and articles."""
    tickets, articles = list(ticket_ids), list(article_ids)
    if not tickets and not articles:
        return
    _say(say, f"Scoring {len(tickets)} notes and {len(articles)} articles")
    quality.rescore(core, tickets, articles)
    _say(say, "Updating the search indexes")
    search.update_indexes(core, tickets, articles)
    if tickets:
        _say(say, "Placing new tickets in their issue families")
        gaps.assign_new_tickets(core, tickets)
    _say(say, "Refreshing the gaps the pages show")
    gaps.refresh_snapshot(core)


def _say(say: Say | None, message: str) -> None:
    if say:
        say(message)
