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
from kbassist.cli.jobs import background_option, enqueue
from kbassist.core import Core


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
@background_option
@json_option
def ingest_kb(folder: Path, background: bool, as_json: bool) -> None:
    """Load a folder of markdown articles (YAML front matter; see README)."""
    from kbassist.pipeline import ingest_kb as run

    if background:
        files = [(_flat_name(p, folder), p.read_bytes()) for p in sorted(folder.rglob("*.md"))]
        enqueue("ingest-kb", {"files": len(files), "source": str(folder)}, as_json, files)
        return
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
@background_option
@json_option
def ingest_tickets(
    file: Path, preset: str | None, mapping: Path | None, background: bool, as_json: bool
) -> None:
    """Load tickets from JSON Lines or CSV (canonical, or a PSA export with --preset)."""
    from kbassist.pipeline import ingest_tickets as run

    if background:
        files = [(file.name, file.read_bytes())]
        mapping_name = f"mapping{mapping.suffix}" if mapping is not None else None
        if mapping is not None:
            files.append((f"mapping{mapping.suffix}", mapping.read_bytes()))
        params = {"file": file.name, "preset": preset, "mapping": mapping_name}
        enqueue("ingest-tickets", params, as_json, files)
        return
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
@click.option(
    "--first",
    type=click.IntRange(1),
    help="Load only the N most recent tickets now and the rest as a background job.",
)
@json_option
def demo(n_tickets: int, seed: int, if_empty: bool, first: int | None, as_json: bool) -> None:
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
            first=first,
        )
    emit(result, as_json, _render_demo)


def _render_demo(result: dict) -> str:  # type: ignore[type-arg]
    if result.get("skipped"):
        return "Demo data already loaded; sign in with the demo users printed at first load."
    counts = f"{result['tickets']} tickets, {result['articles']} articles"
    lines = [f"Demo loaded into {result['home']}: {counts}."]
    # The port is not known here: `kbassist serve` prints the address it actually serves.
    lines.append("Start the web app with `kbassist serve` and sign in at the address it prints:")
    for user in result["users"]:
        lines.append(f"  {user['role']:<9} {user['username']:<10} password: {user['password']}")
    if result.get("job"):
        lines.append(
            f"The other {result['pending']} tickets load in the background (job {result['job']}, "
            "run by the worker `kbassist serve` starts); the home page shows how far it got."
        )
    return "\n".join(lines)


@main.command("catch-up")
@json_option
def catch_up_command(as_json: bool) -> None:
    """Finish what an interrupted ingest left undone: scores, search indexes, issue families."""
    from kbassist.pipeline import catch_up

    core = ready_core()
    with embedding_bar(core, not as_json):
        result = catch_up(core, say=None if as_json else lambda m: click.echo(m, err=True))
    emit(result.as_dict(), as_json, lambda _: result.summary())


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind (local only by default; behind a reverse proxy see docs/deploy.md).",
)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Web worker processes (default KBASSIST_WORKERS, 2). Each loads the model: ~0.85 GB.",
)
@click.option(
    "--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="Per worker."
)
@click.option(
    "--timeout", default=120, show_default=True, help="Seconds before a stuck worker restarts."
)
@click.option("--no-worker", is_flag=True, help="Do not start the job worker (run one elsewhere).")
@click.option("--dev", is_flag=True, help="Flask's development server, one process (not for prod).")
@click.option("--debug", is_flag=True, help="With --dev: debug mode with the reloader.")
def serve(
    host: str,
    port: int,
    workers: int | None,
    threads: int,
    timeout: int,
    no_worker: bool,
    dev: bool,
    debug: bool,
) -> None:
    """Serve the web app under gunicorn, with a job worker; indexes catch up in the background."""
    from kbassist import logs
    from kbassist.webapp import server

    core = ready_core()
    server.prepare_metrics_dir(core)
    logs.configure(str(core.settings["LOG_LEVEL"]))
    count = workers or int(core.settings["WORKERS"])
    where = f"http://{host}:{port}"
    mode = "development server" if dev or debug else f"{count} workers x {threads} threads"
    click.echo(f"kbassist starting on {where} ({mode}; data in {core.home})", err=True)
    # Finish what an interrupted ingest left undone, and rescore for a new model, before
    # serving: in a child process, so that the model never loads in gunicorn's master.
    server.catch_up_first(core)
    with server.job_worker(core, enabled=not no_worker):
        if dev or debug:
            _serve_dev(core, host, port, debug)
        else:
            options = server.gunicorn_options(
                host, port, count, threads, timeout, str(core.settings["LOG_LEVEL"])
            )
            server.serve(core, options)


def _serve_dev(core: Core, host: str, port: int, debug: bool) -> None:
    from kbassist.jobs.sync import sync_for
    from kbassist.search.service import warm_up
    from kbassist.webapp import create_app
    from kbassist.webapp.security import QuietRequestHandler
    from kbassist.webapp.server import serve_dev, served_url

    app = create_app(core=core)
    # Everything the first search needs (model, vectors, speller) loads before the server
    # accepts a request, so the first search answers as fast as the hundredth.
    click.echo("Warming up search (embedding model, indexes, speller) ...", err=True)
    seconds = warm_up(core)
    click.echo(f"Search ready in {sum(seconds.values()):.1f} s.", err=True)
    sync_for(core).start()  # then follows the database in the background
    if debug:
        click.echo(f"kbassist serving on {served_url(host, port)} (debug)", err=True)
        app.run(
            host=host,
            port=port,
            debug=debug,
            use_reloader=debug,
            threaded=True,
            request_handler=QuietRequestHandler,  # no 'Server: Werkzeug/...' header
        )
        return
    serve_dev(app, host, port, lambda url: click.echo(f"kbassist serving on {url}", err=True))


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


def _flat_name(path: Path, folder: Path) -> str:
    """A file's path inside the folder as one file name (a job's files sit in one folder)."""
    return "--".join(path.relative_to(folder).parts)


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - (1 if path.suffix.lower() == ".csv" else 0), 0)


__all__ = ["get_core"]
