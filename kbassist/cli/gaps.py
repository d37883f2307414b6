"""CLI commands for repeat issues: cluster, clusters, gaps, duplicates, draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kbassist.cli.group import embedding_bar, emit, json_option, main, ready_core


@main.command()
@json_option
def cluster(as_json: bool) -> None:
    """Recompute the issue families of all resolved tickets (a full run)."""
    from kbassist.gaps import service as gaps
    from kbassist.gaps.report import MIN_TICKETS

    core = ready_core()
    with embedding_bar(core, not as_json):
        summary = gaps.recluster(core)
    emit(
        summary.as_dict(),
        as_json,
        lambda s: (
            f"Clustered {s['n_tickets']} resolved tickets into {s['n_families']} families "
            f"({s['n_repeat_families']} with {MIN_TICKETS} or more tickets), "
            f"run {s['run_id']}; neighbourhood {s['params']['chosen_neighbours']}, "
            f"cut {s['params']['chosen_cut']} (silhouette {s['params']['silhouette']})."
        ),
    )


@main.command("name-family")
@click.argument("family_id", type=int)
@click.argument("name", default="")
@click.option("--by", default="cli", show_default=True, help="Who is recorded as naming it.")
@json_option
def name_family(family_id: int, name: str, by: str, as_json: bool) -> None:
    """Give an issue family a name that `kbassist cluster` keeps (empty: kbassist's own name)."""
    from kbassist.gaps import service as gaps

    core = ready_core()
    shown = gaps.rename_family(core, family_id, name, by)
    emit(
        {"id": family_id, "name": shown},
        as_json,
        lambda d: f"Family {d['id']} is now called: {d['name']}",
    )


@main.command()
@click.option("--min-size", default=1, show_default=True, help="Only families this large.")
@json_option
def clusters(min_size: int, as_json: bool) -> None:
    """List the issue families: id, label, size, representative ticket, link rate."""
    from kbassist.gaps import report

    core = ready_core()
    with core.connect() as conn:
        families = [f.as_dict() for f in report.list_families(conn, min_size=min_size)]
    emit(families, as_json, _render_families)


@main.command("gaps")
@click.option(
    "--min-tickets", default=5, show_default=True, help="Tickets a family needs in the window."
)
@click.option("--window-days", default=90, show_default=True, help="Days before the newest ticket.")
@json_option
def gaps_command(min_tickets: int, window_days: int, as_json: bool) -> None:
    """Repeat issues no article covers, ranked by hours spent (then reopens, escalations)."""
    from kbassist.gaps import report

    core = ready_core()
    with core.connect() as conn:
        found = report.find_gaps(
            conn, core.resources.embedder, min_tickets=min_tickets, window_days=window_days
        )
    emit([gap.as_dict() for gap in found.gaps], as_json, lambda _: _render_gaps(found))


@main.command()
@json_option
def duplicates(as_json: bool) -> None:
    """Articles that duplicate or nearly duplicate each other."""
    from kbassist.gaps import report

    core = ready_core()
    with core.connect() as conn:
        pairs = [pair.as_dict() for pair in report.find_duplicates(conn, core.resources.embedder)]
    emit(pairs, as_json, _render_duplicates)


@main.command()
@click.argument("family_id", type=int)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the markdown here instead of printing it.",
)
@click.option("--author", default="", help="Author named in the front matter.")
def draft(family_id: int, out: Path | None, author: str) -> None:
    """Draft a playbook for a family from its best closure notes (markdown to edit)."""
    from kbassist.gaps import playbook

    core = ready_core()
    with core.connect() as conn:
        result = playbook.draft_playbook(conn, family_id, author=author)
    if out is None:
        click.echo(result.markdown, nl=False)
        return
    out.write_text(result.markdown, encoding="utf-8")
    click.echo(
        f"Draft for family {family_id} written to {out} ({len(result.lines)} sentences from "
        f"{len(result.notes_used)} notes). Edit it, then `kbassist ingest kb` its folder."
    )


def _render_families(families: list[dict[str, Any]]) -> str:
    if not families:
        return "No issue families yet. Run `kbassist cluster`."
    lines = [f"{'id':>6}  {'size':>5}  {'linked':>6}  label"]
    for family in families:
        rate = f"{family['link_rate']:.0%}"
        lines.append(f"{family['id']:>6}  {family['size']:>5}  {rate:>6}  {family['label']}")
    return "\n".join(lines)


def _render_gaps(report: Any) -> str:
    if not report.gaps:
        return (
            f"No gaps: every family with {report.min_tickets} or more tickets in the last "
            f"{report.window_days} days is covered by an article."
        )
    lines = [
        f"{len(report.gaps)} gaps in the {report.window_days} days to "
        f"{report.window_end:%Y-%m-%d} (families of {report.min_tickets}+ tickets, no article):"
    ]
    for gap in report.gaps:
        lines.append(
            f"{gap.rank:>3}. {gap.label}  [family {gap.family_id}]  {gap.size} tickets, "
            f"{gap.hours:.1f} hours, {gap.reopen_rate:.0%} reopened, {gap.escalations} "
            f"escalations, {gap.clients} clients"
            + (f", {gap.evidence_searches} failed searches" if gap.evidence_searches else "")
        )
    lines.append(
        f"{report.pareto.count} of {len(report.gaps)} gaps make up "
        f"{report.pareto.share:.0%} of the {report.pareto.total_hours:.1f} hours lost. "
        "Draft a playbook with `kbassist draft FAMILY_ID`."
    )
    for group in report.search_groups:
        lines.append(f"Failed searches with no family: {group.label} ({group.count} searches)")
    return "\n".join(lines)


def _render_duplicates(pairs: list[dict[str, Any]]) -> str:
    if not pairs:
        return "No duplicate articles."
    return "\n".join(
        f"{p['first_id']} ~ {p['second_id']}  similarity {p['similarity']:.2f}, "
        f"shared phrasing {p['shingle_overlap']:.0%}: {p['first_title']} / {p['second_title']}"
        for p in pairs
    )
