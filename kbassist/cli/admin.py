"""CLI commands for the instance: init, ingest, demo, serve, users and API tokens."""

from __future__ import annotations

from pathlib import Path

import click

from kbassist import auth
from kbassist.cli.group import (
    embedding_bar,
    emit,
    get_core,
    json_option,
    main,
    progress_bar,
    ready_core,
)


@main.command()
@json_option
def init(as_json: bool) -> None:
    """Create the data directory and bring the database schema up to date."""
    core = ready_core()
    from kbassist.store import schema_version

    emit(
        {
            "home": str(core.home),
            "database": core.settings.database_url.split("@")[-1],
            "schema": schema_version(core.engine),
        },
        as_json,
        lambda d: f"Ready: {d['home']} (schema {d['schema']})",
    )


@main.group()
def ingest() -> None:
    """Load the knowledge base or a ticket export."""


@ingest.command("kb")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
def ingest_kb(folder: Path, as_json: bool) -> None:
    """Load a folder of markdown articles (YAML front matter; see README)."""
    from kbassist.pipeline import ingest_kb as run

    core = ready_core()
    total = len(list(folder.rglob("*.md")))
    with progress_bar(total, "articles", not as_json) as advance, embedding_bar(core, not as_json):
        report = run(core, folder, progress=advance)
    emit(report.as_dict(), as_json, lambda _: report.summary())


@ingest.command("tickets")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--preset",
    help="PSA export preset: connectwise, autotask, halopsa, servicenow, zendesk, freshservice.",
)
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON or YAML file mapping your export's columns onto the canonical fields.",
)
@json_option
def ingest_tickets(file: Path, preset: str | None, mapping: Path | None, as_json: bool) -> None:
    """Load tickets from JSON Lines or CSV (canonical, or a PSA export with --preset)."""
    from kbassist.pipeline import ingest_tickets as run

    core = ready_core()
    with (
        progress_bar(_count_lines(file), "tickets", not as_json) as advance,
        embedding_bar(core, not as_json),
    ):
        report = run(core, file, preset=preset, mapping=mapping, progress=advance)
    emit(report.as_dict(), as_json, lambda _: report.summary())


@main.command()
@click.option(
    "--tickets", "n_tickets", default=5000, show_default=True, help="How many tickets to generate."
)
@click.option("--seed", default=7, show_default=True, help="Random seed: same seed, same data.")
@click.option(
    "--if-empty", is_flag=True, help="Do nothing when the database already holds tickets."
)
@json_option
def demo(n_tickets: int, seed: int, if_empty: bool, as_json: bool) -> None:
    """Generate and load the demo: ~40 articles, tickets over 18 months, one user per role."""
    from kbassist.demo.loader import load_demo

    core = ready_core()
    with embedding_bar(core, not as_json):
        result = load_demo(
            core,
            n_tickets=n_tickets,
            seed=seed,
            if_empty=if_empty,
            say=None if as_json else lambda message: click.echo(message, err=True),
        )
    emit(result, as_json, _render_demo)


def _render_demo(result: dict) -> str:  # type: ignore[type-arg]
    if result.get("skipped"):
        return "Demo data already loaded; sign in with the demo users printed at first load."
    counts = f"{result['tickets']} tickets, {result['articles']} articles"
    lines = [f"Demo loaded into {result['home']}: {counts}."]
    lines.append("Sign in at http://127.0.0.1:5000 with:")
    for user in result["users"]:
        lines.append(f"  {user['role']:<9} {user['username']:<10} password: {user['password']}")
    return "\n".join(lines)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind (local only by default).",
)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--debug", is_flag=True, help="Flask debug mode with reloader (development only).")
def serve(host: str, port: int, debug: bool) -> None:
    """Serve the web app (catching up the index and note scores and warming search first)."""
    from kbassist.quality import service as quality
    from kbassist.search.indexing import catch_up
    from kbassist.search.service import warm_up
    from kbassist.webapp import create_app
    from kbassist.webapp.security import QuietRequestHandler

    core = ready_core()
    healed = catch_up(core)
    if healed:
        click.echo(
            f"Search index caught up with the database: {healed} documents re-indexed.", err=True
        )
    rescored = quality.catch_up(core)
    if rescored:
        click.echo(f"Note scores caught up with the model: {rescored} notes rescored.", err=True)
    app = create_app(core=core)
    # Everything the first search needs (model, vectors, speller) loads before the server
    # accepts a request, so the first search answers as fast as the hundredth.
    click.echo("Warming up search (embedding model, indexes, speller) ...", err=True)
    seconds = warm_up(core)
    click.echo(f"Search ready in {sum(seconds.values()):.1f} s.", err=True)
    click.echo(f"kbassist serving on http://{host}:{port}", err=True)
    app.run(
        host=host,
        port=port,
        debug=debug,
        use_reloader=debug,
        request_handler=QuietRequestHandler,  # no 'Server: Werkzeug/...' header
    )


@main.group()
def user() -> None:
    """Manage users who sign in to the web app."""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(auth.ROLES), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option(
    "--technician", default="", help="Technician name this user is (for a tech's own scorecard)."
)
@json_option
def user_add(username: str, role: str, password: str, technician: str, as_json: bool) -> None:
    """Add a user with a role: tech, reviewer, manager or admin."""
    created = auth.create_user(ready_core(), username, password, role, technician)
    emit(
        {"id": created.id, "username": created.username, "role": created.role},
        as_json,
        lambda d: f"User {d['username']} ({d['role']}) created.",
    )


@main.group()
def token() -> None:
    """Manage API tokens."""


@token.command("create")
@click.argument("username")
@click.option("--name", default="", help="A label to remember what the token is for.")
@json_option
def token_create(username: str, name: str, as_json: bool) -> None:
    """Create an API token for USERNAME (shown once; send as 'Authorization: Bearer ...')."""
    value = auth.create_token(ready_core(), username, name)
    emit(
        {"username": username, "token": value},
        as_json,
        lambda d: f"Token for {username} (store it now, it is not shown again):\n{d['token']}",
    )


@main.command()
@json_option
def status(as_json: bool) -> None:
    """What the instance holds: tickets, articles, users, where the data lives."""
    from kbassist.browse import counts

    core = ready_core()
    with core.connect() as conn:
        data = {"home": str(core.home), **counts(conn)}
    emit(data, as_json, lambda d: "\n".join(f"{k}: {v}" for k, v in d.items()))


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - (1 if path.suffix.lower() == ".csv" else 0), 0)


__all__ = ["get_core"]
