"""What runs after every ingest, on just the records that changed.

Order matters: scores first (search shows quality badges), then the indexes
(embeddings land in the cache), then incremental clustering (reuses them).
Each step is idempotent, so a crash between steps is healed by running again
(``kbassist reindex``, ``kbassist rescore``) or by the app's start-up catch-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kbassist.core import Core

Say = Callable[[str], None]


def refresh(
    core: Core,
    ticket_ids: Sequence[str],
    article_ids: Sequence[str],
    say: Say | None = None,
) -> None:
    """Score, index and cluster the changed tickets and articles."""
    from kbassist.gaps import service as gaps
    from kbassist.quality import service as quality
    from kbassist.search import service as search

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


def _say(say: Say | None, message: str) -> None:
    if say:
        say(message)
