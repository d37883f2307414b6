"""Load the demo: generated tickets, the packaged knowledge base, users and reviewer labels.

The generator (``kbassist.demo.generator``) is pure; this service writes its output under
``HOME/demo/`` (the ground truth stays there for tests and benchmarks, the app
never reads it) and loads it through the pipeline, the same path as real exports.
The demo sits above the features: it may call the pipeline and their services, and
nothing in the domain imports it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kbassist import auth, store
from kbassist.core import Core
from kbassist.demo import generator as demo
from kbassist.gaps import service as gaps
from kbassist.jobs.queue import submit
from kbassist.jobs.runner import register
from kbassist.jobs.state import Job, Reporter
from kbassist.pipeline import ingest_kb, ingest_tickets

# Demo sign-ins, printed at load and listed in the README. Change them on a real instance.
DEMO_USERS = (
    ("tech", "tech", "tech-demo-pass", "Dana Whitfield"),
    ("reviewer", "reviewer", "reviewer-demo-pass", ""),
    ("manager", "manager", "manager-demo-pass", ""),
    ("admin", "admin", "admin-demo-pass", ""),
)
LABEL_SHARE = 0.12  # share of notes a demo reviewer has labelled


def load_demo(
    core: Core,
    *,
    n_tickets: int = 5000,
    seed: int = 7,
    if_empty: bool = False,
    say: Callable[[str], None] | None = None,
    first: int | None = None,
) -> dict[str, Any]:
    """Generate the demo data set and load it; returns counts and the demo users.

    With ``first``, only the ``first`` most recent tickets are loaded now (enough for
    every page to show something) and the rest is queued as a background job (kind
    ``demo``) that the home page reports: a first start is then a minute, not several.
    """
    say = say or (lambda _message: None)
    with core.connect() as conn:
        existing = conn.execute(select(func.count()).select_from(store.tickets)).scalar_one()
    if if_empty and existing:
        return {"skipped": True, "home": str(core.home), "tickets": existing}
    say(f"Generating {n_tickets} demo tickets (seed {seed})")
    data = demo.generate(seed=seed, n_tickets=n_tickets, kb_dir=core.kb_dir())
    paths = demo.write_demo(data, core.home / "demo")
    say("Loading the knowledge base")
    ingest_kb(core, core.kb_dir())
    if "kb_revisions" in paths and paths["kb_revisions"].exists():
        ingest_kb(core, paths["kb_revisions"])
    now, later, pending = paths["tickets"], None, 0
    if first is not None and first < n_tickets:
        now, later = split_recent(paths["tickets"], first)
        pending = n_tickets - first
        say(f"Loading the {first} most recent tickets now, the other {pending} next")
    else:
        say("Loading tickets, scoring notes, indexing and clustering")
    report = ingest_tickets(core, now)
    users = _ensure_users(core)
    labelled = _label_sample(core, json.loads(paths["ground_truth"].read_text()), seed)
    say("Clustering tickets into issue families")
    gaps.recluster(core)
    with core.connect() as conn:
        articles = conn.execute(select(func.count()).select_from(store.articles)).scalar_one()
    result: dict[str, Any] = {
        "skipped": False,
        "home": str(core.home),
        "tickets": report.added + report.updated + report.unchanged,
        "articles": articles,
        "labels": labelled,
        "users": users,
    }
    if later is not None:
        job = submit(core, "demo", {"tickets": str(later), "seed": seed})
        result.update(job=job.id, pending=pending)
    return result


def split_recent(path: Path, first: int) -> tuple[Path, Path]:
    """The export split in two files: its ``first`` most recent tickets, and the others."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    order = sorted(range(len(rows)), key=lambda i: (rows[i].get("created_at") or "", i))
    recent = set(order[-first:]) if first > 0 else set()
    head, rest = path.with_name("tickets-first.jsonl"), path.with_name("tickets-rest.jsonl")
    for target, keep in ((head, True), (rest, False)):
        lines = [
            json.dumps(row, ensure_ascii=False)
            for i, row in enumerate(rows)
            if (i in recent) == keep
        ]
        target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return head, rest


@register("demo", "Load the rest of the demo")
def load_rest(core: Core, job: Job, report: Reporter) -> dict[str, Any]:
    """The background half of a quick demo start: the other tickets, labels, clustering."""
    path = Path(str(job.params["tickets"]))
    with path.open("rb") as handle:
        report.step("Loading the rest of the demo tickets", sum(1 for _ in handle))
    with core.resources.watch_embedding(report.advance):
        loaded = ingest_tickets(core, path, progress=report.advance, say=report.step)
    truth = json.loads((path.parent / "ground_truth.json").read_text())
    labelled = _label_sample(core, truth, int(job.params.get("seed", 7)))
    report.step("Clustering tickets into issue families")
    summary = gaps.recluster(core)
    return {"tickets": loaded.added + loaded.updated, "labels": labelled, **summary.as_dict()}


def _ensure_users(core: Core) -> list[dict[str, str]]:
    users = []
    with core.connect() as conn:
        known = {row.username for row in conn.execute(select(store.users.c.username))}
    for role, username, password, technician in DEMO_USERS:
        if username not in known:
            auth.create_user(core, username, password, role, technician)
        users.append({"role": role, "username": username, "password": password})
    return users


def _label_sample(core: Core, truth: dict[str, Any], seed: int) -> int:
    """Label a sample of notes as the demo reviewer would, from the generator's truth."""
    tickets = truth.get("tickets", {})
    rng = random.Random(seed)
    chosen = sorted(t for t in sorted(tickets) if rng.random() < LABEL_SHARE)
    now = datetime.now(UTC).replace(tzinfo=None)
    with core.begin() as conn:
        reviewer = conn.execute(
            select(store.users.c.id).where(store.users.c.username == "reviewer")
        ).scalar_one_or_none()
        already = {row.ticket_id for row in conn.execute(select(store.review_labels.c.ticket_id))}
        query = select(store.tickets.c.id, store.tickets.c.content_hash)
        hashes = {row.id: row.content_hash for row in conn.execute(query)}
        rows = []
        for ticket_id in chosen:
            if ticket_id in already or ticket_id not in hashes:
                continue
            info = tickets[ticket_id]
            missing = [
                name for name, present in sorted(info.get("criteria", {}).items()) if not present
            ]
            useful = info.get("note_quality") == "good"
            rows.append(
                {
                    "ticket_id": ticket_id,
                    "reviewer_id": reviewer,
                    "label": "useful" if useful else "needs-work",
                    "reason": "" if useful else "missing: " + ", ".join(missing),
                    "comment": "Demo label drawn from the generator's ground truth.",
                    "content_hash": hashes[ticket_id],
                    "created_at": now,
                }
            )
        if rows:
            conn.execute(store.review_labels.insert(), rows)
    return len(rows)
