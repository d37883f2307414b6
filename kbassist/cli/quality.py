"""CLI commands for note and article quality: score, rescore, train, review queue and sample."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from kbassist.cli.group import emit, get_core, json_option, main, ready_core
from kbassist.cli.jobs import background_option, enqueue

SCORE_BATCH = 500


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option(
    "--kind",
    type=click.Choice(["note", "article"]),
    default="note",
    show_default=True,
    help="Score closure notes or KB articles (markdown, front matter optional).",
)
@json_option
def score(file: Any, kind: str, as_json: bool) -> None:
    """Score JSON Lines {id, text} from FILE ('-' for stdin): one result line per input."""
    from kbassist.quality import service as quality

    core = get_core()
    lines = [line for line in file.read().splitlines() if line.strip()]
    parsed: list[tuple[str, str | None, str]] = []  # (id, text or None, error)
    for number, line in enumerate(lines, start=1):
        parsed.append(_parse_line(line, number))
    bad = sum(1 for _, text, _ in parsed if text is None)
    if kind == "note":
        model = quality.active_model(core)
        state = quality.model_state(core)
        if state.error:
            click.echo(f"Warning: {state.error}", err=True)
        results = _score_notes(core, parsed, model)
    else:
        results = _score_articles(parsed)
    for result in results:
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False, default=str))
        else:
            click.echo(_render(result))
    if bad:
        click.echo(
            f"Error: {bad} of {len(parsed)} lines could not be read (see 'error').", err=True
        )
        sys.exit(2)


def _parse_line(line: str, number: int) -> tuple[str, str | None, str]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return f"line-{number}", None, f"line {number}: not JSON ({error.msg})"
    if not isinstance(data, dict):
        return f"line-{number}", None, f"line {number}: expected an object with id and text"
    identifier = str(data.get("id", f"line-{number}"))
    text = data.get("text")
    if not isinstance(text, str):
        return identifier, None, f"line {number}: 'text' must be a string"
    return identifier, text, ""


def _score_notes(core: Any, parsed: list[tuple[str, str | None, str]], model: Any) -> list[dict]:
    from kbassist.quality import service as quality

    embedder = core.resources.embedder if model is not None and model.embedder else None
    out: list[dict] = []
    for start in range(0, len(parsed), SCORE_BATCH):
        chunk = parsed[start : start + SCORE_BATCH]
        texts = [text for _, text, _ in chunk if text is not None]
        scores = iter(quality.score_notes(texts, model=model, embedder=embedder))
        for identifier, text, error in chunk:
            if text is None:
                out.append({"id": identifier, "error": error})
            else:
                out.append({"id": identifier, **next(scores).as_dict()})
    return out


def _score_articles(parsed: list[tuple[str, str | None, str]]) -> list[dict]:
    from kbassist.quality import service as quality

    records = {
        identifier: quality.article_from_text(text, identifier)
        for identifier, text, _ in parsed
        if text is not None
    }
    known = frozenset(record.id for record in records.values()) | frozenset(records)
    out: list[dict] = []
    for identifier, text, error in parsed:
        if text is None:
            out.append({"id": identifier, "error": error})
            continue
        result = quality.score_article(records[identifier], known_ids=known)
        out.append({"id": identifier, **result.as_dict()})
    return out


def _render(result: dict) -> str:
    if "error" in result:
        return f"{result['id']}: error: {result['error']}"
    missing = [name for name, met in result["criteria"].items() if not met]
    head = f"{result['id']}: {result['score']:.0f}/100 ({result['basis']})"
    if result["blocking"]:
        head += "  BLOCKING"
    lines = [head]
    if missing:
        lines.append(f"  missing: {', '.join(missing)}")
    for finding in result["findings"]:
        if finding["severity"] in ("blocking", "major"):
            lines.append(f"  [{finding['severity']}] {finding['rule']}: {finding['message']}")
    return "\n".join(lines)


@main.command()
@click.option("--all", "everything", is_flag=True, help="Rescore even what is already current.")
@background_option
@json_option
def rescore(everything: bool, background: bool, as_json: bool) -> None:
    """Rescore every closure note and article (only those changed, unless --all)."""
    from kbassist.quality import service as quality

    if background:
        enqueue("rescore", {"all": everything}, as_json)
        return
    core = ready_core()
    written = quality.rescore_all(core, force=everything)
    state = quality.model_state(core)
    data = {
        "rescored": written,
        "model": state.model.version if state.model else None,
        "basis": state.reason,
    }
    emit(data, as_json, lambda d: f"Rescored {d['rescored']} notes and articles ({d['basis']}).")


@main.command()
@click.option(
    "--from-closure-notes",
    "closure_notes",
    multiple=True,
    metavar="[NAME=]PATH",
    help="Labelled closure notes to start from: the closure-note folder (batch-*.jsonl, "
    "one batch each) or one .jsonl file (one batch, named NAME or after the file). "
    "Repeat it to train on several sources. Default: the notes the model in use was "
    "trained on.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the model here instead of the instance's models folder (nothing is rescored).",
)
@click.option(
    "--evaluate",
    is_flag=True,
    help="Also measure it leave-one-batch-out (slow) and record the figures in metadata.json.",
)
@click.option(
    "--reviewer-labels/--no-reviewer-labels",
    default=True,
    show_default=True,
    help="Add the reviewers' criterion labels from the review queue.",
)
@background_option
@json_option
def train(
    closure_notes: tuple[str, ...],
    out: Path | None,
    evaluate: bool,
    reviewer_labels: bool,
    background: bool,
    as_json: bool,
) -> None:
    """Train the per-criterion note model, save it to models/ and rescore every note."""
    from kbassist.quality import training

    if background:
        if out is not None:
            raise click.UsageError("--out writes a model elsewhere; run it without --background.")
        params = {
            "closure_notes": list(closure_notes) or None,
            "reviewer_labels": reviewer_labels,
            "evaluate": evaluate,
        }
        enqueue("train", params, as_json)
        return
    core = ready_core()
    report = training.train(
        core,
        out,
        closure_notes=list(closure_notes) or None,
        reviewer_labels=reviewer_labels,
        evaluate=evaluate,
        say=lambda message: click.echo(message, err=True),
    )
    emit(report.as_dict(), as_json, _render_train)


def _render_train(data: dict) -> str:
    sources = ", ".join(f"{name} {count}" for name, count in data["sources"].items())
    lines = [f"Trained {data['model_version']} on {data['n_examples']} labelled notes ({sources})."]
    metrics = data["metrics"]
    if metrics:
        worst = metrics["f1_worst"]
        lines.append(
            "Leave one batch out, F1 mean / worst batch: "
            + ", ".join(f"{n} {metrics['f1_mean'][n]:.2f}/{worst[n]:.2f}" for n in worst)
        )
        lines.append(
            f"Spearman of the score with the grade: mean {metrics['spearman_mean']:.3f}, "
            f"worst {metrics['spearman_worst']:.3f}."
        )
    skipped = {reason: n for reason, n in data["skipped"].items() if n}
    if skipped:
        lines.append(
            "Skipped reviewer labels: " + ", ".join(f"{r} {n}" for r, n in skipped.items())
        )
    lines.append(f"Saved to {data['path']}; rescored {data['rescored']} notes and articles.")
    return "\n".join(lines)


@main.group()
def review() -> None:
    """The review queue and the monthly KCS sample."""


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not an ISO date like 2025-03-01") from error


@review.command("queue")
@click.option("--technician", help="Only this technician's notes.")
@click.option("--client", help="Only this client's tickets.")
@click.option("--category", help="Only this ticket category.")
@click.option("--since", help="Closed on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Closed before this date (YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, help="How many notes to list.")
@json_option
def review_queue(
    technician: str | None,
    client: str | None,
    category: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Unlabelled closure notes, the ones that matter most first."""
    from kbassist.quality import agreement
    from kbassist.quality import review as service

    core = ready_core()
    with core.connect() as conn:
        items = service.review_queue(
            conn,
            technician=technician,
            client=client,
            category=category,
            since=_date(since),
            until=_date(until),
            limit=limit,
        )
        verdict = agreement.verdict_agreement(conn, float(core.settings["NOTE_QUALITY_BAR"]))
        per_criterion = agreement.criterion_agreement(conn)
    data = {
        "items": [item.as_dict() for item in items],
        "agreement": verdict.as_dict(),
        "criterion_agreement": {name: a.as_dict() for name, a in per_criterion.items()},
    }
    emit(data, as_json, _render_queue)


def _render_queue(data: dict) -> str:
    if not data["items"]:
        return "The review queue is empty."
    lines = []
    for item in data["items"]:
        rules = ", ".join(f["rule"] for f in item["findings"] if f["severity"] != "info")
        lines.append(
            f"{item['ticket_id']:<12} score {item['score']:>5.1f}  impact {item['impact']:>6.1f}  "
            f"{item['technician'] or '-':<18} {rules}"
        )
    kappa = data["agreement"]
    if kappa["kappa"] is not None:
        lines.append(
            f"Agreement with reviewers ({kappa['basis']}): "
            f"kappa {kappa['kappa']:.2f}, n={kappa['n']}"
        )
    per_criterion = [
        f"{name} {'n/a' if a['kappa'] is None else format(a['kappa'], '.2f')} (n={a['n']})"
        for name, a in data["criterion_agreement"].items()
        if a["n"]
    ]
    if per_criterion:
        lines.append("Kappa per criterion, reviewers vs model: " + ", ".join(per_criterion))
    return "\n".join(lines)


@review.command("sample")
@click.option("--month", help="YYYY-MM; default the latest month with closed tickets.")
@click.option("--per-technician", default=3, show_default=True, help="Notes per technician.")
@click.option("--seed", default=0, show_default=True, help="Seed of the draw.")
@json_option
def review_sample(month: str | None, per_technician: int, seed: int, as_json: bool) -> None:
    """Draw (once) and show the monthly KCS sample of notes per technician."""
    from kbassist.quality import review as service

    core = ready_core()
    if month is None:
        with core.connect() as conn:
            month = service.latest_month(conn)
        if month is None:
            emit({"month": None, "items": []}, as_json, lambda _: "No closed tickets yet.")
            return
    drawn = service.draw_monthly_sample(core, month, per_technician=per_technician, seed=seed)
    data = {
        "month": month,
        "items": [
            {"ticket_id": item.ticket_id, "technician": item.technician, "month": item.month}
            for item in drawn
        ],
    }
    emit(
        data,
        as_json,
        lambda d: "\n".join(
            [f"KCS sample for {d['month']}: {len(d['items'])} notes"]
            + [f"  {i['technician']:<20} {i['ticket_id']}" for i in d["items"]]
        ),
    )
