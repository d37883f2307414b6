"""What runs after every ingest: the one module above the feature services.

Ingest stores records, stamping each changed row with ``ingested_at`` in the
transaction that stores it; this module then scores the changed records,
indexes them and places tickets in their issue families, in that order: scores
first (search shows quality badges), then the indexes (embeddings land in the
cache), then incremental clustering (reuses them), then the gaps snapshot the
pages read (coverage, evidence, duplicates).

Which records to refresh comes from the database, never from the report of the
run that changed them: an ingest killed after its commit leaves rows whose
downstream steps never ran, and a re-run finds them unchanged. ``catch_up``
refreshes every record stamped after the moment the last refresh completed
(kept in the meta table), then checks the results themselves: notes without a
current score, records the search indexes miss, resolved tickets in no family.
Every ingest ends with it, ``kbassist serve`` starts with it, and ``kbassist
catch-up`` runs it. The CLI, the web app and the API call these functions; no
service calls up into this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.articles import parse_article
from kbassist.browse import article_author
from kbassist.core import Core
from kbassist.errors import Forbidden, InvalidInput
from kbassist.gaps import queries as gaps_queries
from kbassist.gaps import service as gaps
from kbassist.ingest import queries as ingest_queries
from kbassist.ingest import service as ingest
from kbassist.ingest.service import IngestReport, Progress
from kbassist.quality import queries as quality_queries
from kbassist.quality import service as quality
from kbassist.records import TicketRecord
from kbassist.search import indexing as search
from kbassist.store import utc_now

Say = Callable[[str], None]
REFRESHED_THROUGH = "pipeline.refreshed_through"  # meta key: newest ingested_at refreshed
# meta key: set while a catch-up runs, cleared once the gaps snapshot follows its repairs;
# found set, a catch-up was killed in between and the snapshot is refreshed.
SNAPSHOT_PENDING = "pipeline.snapshot_pending"


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
    catch_up(core, say)
    return report


def store_tickets(
    core: Core, records: Sequence[TicketRecord], *, source: str, say: Say | None = None
) -> IngestReport:
    """Store parsed tickets, then refresh what changed."""
    report = ingest.store_tickets(core, records, source=source)
    catch_up(core, say)
    return report


def ingest_kb(
    core: Core, folder: Path, *, progress: Progress | None = None, say: Say | None = None
) -> IngestReport:
    """Load a folder of markdown articles, then score and index the ones that changed."""
    report = ingest.ingest_kb(core, folder, progress=progress)
    catch_up(core, say)
    return report


def ingest_kb_upload(
    core: Core,
    archive: tuple[str, BinaryIO] | None = None,
    files: Sequence[tuple[str, BinaryIO]] = (),
) -> IngestReport:
    """Load uploaded articles (a zip archive and/or markdown files), then score and index them."""
    report = ingest.ingest_kb_upload(core, archive, files)
    catch_up(core)
    return report


def store_kb_upload(core: Core, upload: ingest.KbUpload) -> IngestReport:
    """Store articles read from an upload earlier (``ingest.read_kb_upload``), then catch up."""
    report = ingest.store_upload(core, upload)
    catch_up(core)
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
        record = parse_article(markdown, path="", now=utc_now())
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
    ingest.store_articles(core, [record], source="editor")
    # Cached before the refresh, so the gaps snapshot counts its family as covered.
    gaps.cache_article_vectors(core)
    catch_up(core)
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
    changed(core)


def changed(core: Core) -> int:
    """Tell the other servers of the instance that records changed (their indexes follow).

    Called once the scores and this box's indexes are written and the embeddings cached,
    so another server catching up finds the vectors ready; see kbassist.jobs.sync.
    """
    with core.begin() as conn:
        return store.bump_counter(conn, store.RECORDS_COUNTER)


@dataclass(frozen=True)
class CatchUp:
    """What ``catch_up`` did: records refreshed, and repairs of results found missing."""

    tickets_refreshed: int = 0
    articles_refreshed: int = 0
    repaired: int = 0  # notes or articles scored, records indexed, tickets placed

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        if not any(asdict(self).values()):
            return "Nothing to catch up: scores, search indexes and issue families are current."
        return (
            f"Caught up: {self.tickets_refreshed} tickets and {self.articles_refreshed} articles "
            f"scored, indexed and placed; {self.repaired} missing results repaired."
        )


def catch_up(core: Core, say: Say | None = None) -> CatchUp:
    """Refresh what changed since the last completed refresh, then repair what is missing.

    Every step is idempotent and commits on its own, so a kill during catch-up is
    healed by the next one. Cheap when nothing is pending.
    """
    with core.begin() as conn:
        interrupted = core.get_meta(conn, SNAPSHOT_PENDING) is not None
        core.set_meta(conn, SNAPSHOT_PENDING, utc_now().isoformat())
        since = _refreshed_through(core, conn)
        changed = ingest_queries.changed_since(conn, since)
    refresh(core, changed.ticket_ids, changed.article_ids, say)
    notes, articles = quality.pending(core)
    if notes or articles:
        _say(say, f"Catching up: scoring {len(notes)} notes and {len(articles)} articles")
        quality.rescore(core, notes, articles)
    indexed = search.catch_up(core)
    with core.connect() as conn:
        unplaced = gaps_queries.unplaced_tickets(conn)
    placed = gaps.assign_new_tickets(core, unplaced) if unplaced else 0
    if (indexed or placed or interrupted) and not (changed.ticket_ids or changed.article_ids):
        gaps.refresh_snapshot(core)  # refresh() did not run: the repairs change the pages
    with core.begin() as conn:
        if changed.newest is not None:
            core.set_meta(conn, REFRESHED_THROUGH, changed.newest.isoformat())
        conn.execute(store.meta.delete().where(store.meta.c.key == SNAPSHOT_PENDING))
    return CatchUp(
        len(changed.ticket_ids),
        len(changed.article_ids),
        len(notes) + len(articles) + indexed + placed,
    )


def _refreshed_through(core: Core, conn: Connection) -> datetime | None:
    """When the last completed refresh's newest record was stored (None: refresh everything).

    An instance scored by a version before this mark existed counts as refreshed
    up to its newest record; the repairs in ``catch_up`` cover what it missed.
    """
    stamp = core.get_meta(conn, REFRESHED_THROUGH)
    if stamp:
        return datetime.fromisoformat(stamp)
    if quality_queries.scored_before(conn):
        return ingest_queries.newest_ingest(conn)
    return None


def _say(say: Say | None, message: str) -> None:
    if say:
        say(message)
