"""CLI commands for search: ``search``, ``similar`` and ``reindex``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kbassist.cli.group import emit, json_option, main, progress_bar, ready_core
from kbassist.cli.jobs import background_option, enqueue


@main.command("search")
@click.argument("query", required=False)
@click.option(
    "--kind", type=click.Choice(["article", "ticket"]), help="Only articles or only tickets."
)
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="How many results."
)
@click.option(
    "--queries",
    "queries_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Run every line of FILE as a query (model loaded once); with --json, one array per line.",
)
@click.option(
    "--flat",
    is_flag=True,
    help="The plain fused order: no answers block, no collapsed families, phrases required.",
)
@json_option
def search_command(
    query: str | None,
    kind: str | None,
    limit: int,
    queries_file: Path | None,
    flat: bool,
    as_json: bool,
) -> None:
    """Search the knowledge base and resolved tickets (typos and paraphrases welcome).

    Articles that answer come first, then one entry per issue family ("+N
    similar"); codes, ids and host names you type rank the records holding them
    first, and the output says when no record holds one.
    """
    from kbassist.search.service import search, search_many

    if (query is None) == (queries_file is None):
        raise click.UsageError("Give a QUERY or --queries FILE (one of the two).")
    core = ready_core()
    if queries_file is not None:
        lines = queries_file.read_text(encoding="utf-8-sig").splitlines()
        # Batch runs are evaluations, not people searching: they stay out of the search log.
        for response in search_many(core, lines, kind=kind, limit=limit, flat=flat):
            _print_response(response, as_json)
        return
    _print_response(search(core, query or "", kind=kind, limit=limit, flat=flat), as_json)


def _print_response(response: Any, as_json: bool) -> None:
    rows = [result.as_dict() for result in response.results]
    if as_json:
        click.echo(json.dumps(rows, default=str, ensure_ascii=False))
        return
    if response.did_you_mean:
        click.echo(f"Did you mean: {response.did_you_mean}")
    for token in response.absent:
        click.echo(f"No result contains {token}.")
    if not rows:
        click.echo(f"No results for {response.query!r}.")
    for number, row in enumerate(rows, 1):
        where = f"{row['id']}#{row['anchor']}" if row["anchor"] else row["id"]
        label = "answer" if row["answer"] else row["kind"]
        click.echo(f"{number:>2}. [{label}] {where}  {row['title']}  ({row['score']:.3f})")
        if row["snippet"]:
            prefix = "Fix: " if row["kind"] == "ticket" else ""
            click.echo(f"    {prefix}{row['snippet']}")
        if row["similar_count"]:
            ids = ", ".join(row["collapsed_ids"][:5])
            more = ", ..." if row["similar_count"] > 5 else ""
            click.echo(f"    +{row['similar_count']} similar: {ids}{more}")


@main.command("similar")
@click.option("--title", required=True, help="The new ticket's title.")
@click.option("--description", default="", help="The new ticket's description.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50))
@json_option
def similar_command(title: str, description: str, limit: int, as_json: bool) -> None:
    """Resolved tickets most like a new one, with their closure notes and articles."""
    from kbassist.search.service import similar_tickets

    core = ready_core()
    found = [ticket.as_dict() for ticket in similar_tickets(core, title, description, limit)]
    emit(found, as_json, _render_similar)


def _render_similar(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "No similar resolved tickets."
    lines = []
    for number, row in enumerate(rows, 1):
        lines.append(f"{number:>2}. {row['id']}  {row['title']}  ({row['score']:.3f})")
        if row["resolution"]:
            lines.append(f"    Fix: {row['resolution'][:300]}")
        if row["articles"]:
            lines.append("    Articles: " + ", ".join(a["id"] for a in row["articles"]))
    return "\n".join(lines)


@main.command("reindex")
@background_option
@json_option
def reindex_command(background: bool, as_json: bool) -> None:
    """Rebuild the lexical and semantic indexes from the database."""
    from kbassist.search.indexing import count_indexable, rebuild_indexes

    if background:
        enqueue("reindex", {}, as_json)
        return
    core = ready_core()
    with core.connect() as conn:
        total = count_indexable(conn)
    with progress_bar(total, "indexing", not as_json) as advance:
        counts = rebuild_indexes(core, progress=advance)
    emit(
        counts,
        as_json,
        lambda c: (
            f"Indexed {c['articles']} articles ({c['sections']} sections) and "
            f"{c['tickets']} resolved tickets with {c['backend']} in {c['seconds']} s; "
            f"semantic search is {c['vector_search']}."
        ),
    )
