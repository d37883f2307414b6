"""Crash bench (issue 13): kill -9 an ingest at a random moment; a re-run or catch-up heals it.

The data is public: the StackFAQ corpus (../shared/data/stackfaq) becomes a
knowledge base of one article per FAQ thread, and its paraphrased questions
become resolved tickets (the FAQ's answer as the closure note) in two exports,
so the second export is placed into the families the first one made. Three
stages are ingested in turn, each by ``kbassist ingest`` in a child process:
the KB, the first export (the first clustering run) and the second export
(incremental placement).

A reference instance runs the three stages uninterrupted and is copied after
each. A trial copies the instance from before one stage, starts that stage's
ingest, SIGKILLs it after a random delay (uniform over the uninterrupted run's
duration), checks the store (``PRAGMA integrity_check``, foreign keys), then
heals it the way an operator would: re-running the same ingest (even trials)
or ``kbassist catch-up``, which ``kbassist serve`` runs at start (odd trials).
The healed instance is then compared with the reference row for row: tickets,
articles and versions, note and article scores, the lexical index's manifest
and search results, the vector index's rows and vectors, clustering runs,
families and memberships, and the review sample.

The baseline, side by side: a copy of each killed instance healed the way
kbassist did before ``catch_up`` existed, a re-run that refreshes only what the
run itself reports as changed, and a serve start that only caught the search
indexes up and rescored notes of another model.

    .venv/bin/python bench/crash.py               # 20 trials, 400 tickets
    .venv/bin/python bench/crash.py --trials 3 --tickets 120 --seed 1

Prints one line per trial and the totals, and writes bench/results/crash.json.
A short form of the same trials runs in ``make test`` (tests/test_crash.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from _env import RESULTS_DIR, data_dir

STAGES = ("kb", "tickets-1", "tickets-2")
SEARCHES = 8  # queries whose lexical and semantic results are compared
_CLI = "from kbassist.cli import main; main()"


@dataclass(frozen=True)
class Inputs:
    """The three things ingested in turn."""

    kb: Path
    tickets: tuple[Path, Path]
    queries: tuple[str, ...]  # searched to compare the indexes

    def command(self, stage: str) -> list[str]:
        if stage == "kb":
            return ["ingest", "kb", str(self.kb)]
        return ["ingest", "tickets", str(self.tickets[STAGES.index(stage) - 1])]


@dataclass
class Trial:
    number: int
    stage: str
    heal: str  # "rerun" or "catch-up"
    delay: float | None  # seconds after the start, or after the commit (after_commit)
    after_commit: bool
    killed: bool  # False when the ingest finished before the kill
    at_kill: str  # what the store held when the kill landed
    integrity_after_kill: bool
    integrity_after_heal: bool
    differences: list[str] = field(default_factory=list)
    baseline_differences: list[str] | None = None  # None: no baseline run
    finished_after: float | None = None  # seconds, when the ingest ended before the kill

    @property
    def healed(self) -> bool:
        return self.integrity_after_kill and self.integrity_after_heal and not self.differences


# ---------------------------------------------------------------- inputs


def stackfaq_inputs(folder: Path, n_tickets: int, seed: int) -> Inputs:
    """The KB and two ticket exports from the public StackFAQ set (nothing of ours)."""
    source = data_dir("stackfaq")
    docs = [json.loads(line) for line in (source / "corpus.jsonl").open(encoding="utf-8")]
    queries = [json.loads(line) for line in (source / "queries.jsonl").open(encoding="utf-8")]
    answers = {doc["doc_id"]: doc for doc in docs}
    kb = folder / "kb"
    kb.mkdir(parents=True)
    for doc in docs:
        body = "\n\n".join(f"## Answer {i}\n\n{text}" for i, text in enumerate(doc["answers"], 1))
        title = json.dumps(" ".join(doc["title"].split()))
        (kb / f"faq-{doc['doc_id']}.md").write_text(
            f"---\nid: FAQ-{doc['doc_id']}\ntitle: {title}\ntype: how-to\n"
            f"author: StackFAQ\ncreated: 2024-01-15\n---\n\n{body}\n",
            encoding="utf-8",
        )
    picked = random.Random(seed).sample(queries, min(n_tickets, len(queries)))
    rows = []
    for number, query in enumerate(picked):
        doc = answers[str(query["faq_id"])] if str(query["faq_id"]) in answers else docs[0]
        day = 1 + number % 28
        rows.append(
            {
                "id": f"SF-{number:05}",
                "title": " ".join(query["text"].split())[:200],
                "description": query["text"],
                "resolution": (doc["answers"] or [""])[0][:1500],
                "status": "Closed",
                "created_at": f"2025-0{1 + number % 9}-{day:02}T09:00:00Z",
                "resolved_at": f"2025-0{1 + number % 9}-{day:02}T11:00:00Z",
                "assignee": ["Dana Whitfield", "Marco Ruiz", "Priya Shah"][number % 3],
                "client": ["Acme Dental", "Northwind Legal"][number % 2],
            }
        )
    half = len(rows) // 2
    return _write_exports(folder, rows[:half], rows[half:], [row["title"] for row in rows])


def fixture_inputs(folder: Path, kb: Path, tickets: Path) -> Inputs:
    """The test suite's fixture KB and tickets (split in two exports): the short form's data."""
    rows = [json.loads(line) for line in tickets.read_text(encoding="utf-8").splitlines() if line]
    shutil.copytree(kb, folder / "kb")
    inputs = _write_exports(folder, rows[: len(rows) // 2], rows[len(rows) // 2 :], [])
    titles = tuple(str(row.get("title", "")) for row in rows)
    return Inputs(folder / "kb", inputs.tickets, titles)


def _write_exports(
    folder: Path, first: list[dict[str, Any]], second: list[dict[str, Any]], titles: list[str]
) -> Inputs:
    paths = (folder / "tickets-1.jsonl", folder / "tickets-2.jsonl")
    for path, rows in zip(paths, (first, second), strict=True):
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    step = max(1, len(titles) // SEARCHES)
    return Inputs(folder / "kb", paths, tuple(titles[::step][:SEARCHES]))


# ---------------------------------------------------------------- running kbassist


def environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("KBASSIST_")}
    env.update(
        KBASSIST_HOME=str(home),
        KBASSIST_EMBEDDER="hashing",
        KBASSIST_SECRET_KEY="crash-bench",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
    )
    return env


def run_cli(home: Path, arguments: list[str]) -> float:
    """Run one kbassist command to completion in a child process; its wall time."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CLI, *arguments, "--json"],
        env=environment(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"kbassist {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def run_library(home: Path, arguments: list[str]) -> float:
    """The same command through the library in this process (the short form in tests)."""
    from kbassist import pipeline
    from kbassist.core import Core
    from kbassist.settings import Settings

    started = time.perf_counter()
    core = Core(Settings.load({"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "x"}))
    try:
        core.init()
        if arguments[:2] == ["ingest", "kb"]:
            pipeline.ingest_kb(core, Path(arguments[2]))
        elif arguments[:2] == ["ingest", "tickets"]:
            pipeline.ingest_tickets(core, Path(arguments[2]))
        elif arguments == ["catch-up"]:
            pipeline.catch_up(core)
    finally:
        core.engine.dispose()
    return time.perf_counter() - started


def heal_as_before(home: Path, arguments: list[str]) -> float:
    """The baseline: how a re-run or a serve start healed before ``catch_up`` existed."""
    from kbassist import pipeline
    from kbassist.core import Core
    from kbassist.ingest import service as ingest
    from kbassist.quality import service as quality
    from kbassist.search import indexing
    from kbassist.settings import Settings

    started = time.perf_counter()
    core = Core(Settings.load({"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "x"}))
    try:
        core.init()
        if arguments == ["catch-up"]:  # what `kbassist serve` ran at start
            indexing.catch_up(core)
            quality.catch_up(core)
        elif arguments[:2] == ["ingest", "kb"]:
            report = ingest.ingest_kb(core, Path(arguments[2]))
            pipeline.refresh(core, [], report.changed_ids)
        else:
            report = ingest.ingest_tickets(core, Path(arguments[2]))
            pipeline.refresh(core, report.changed_ids, [])
    finally:
        core.engine.dispose()
    return time.perf_counter() - started


def run_and_kill(home: Path, arguments: list[str], plan: Plan, expect: int) -> float | None:
    """Start a kbassist command in a child and SIGKILL it as planned.

    None when it was killed, else the seconds it took to finish first. With
    ``plan.after_commit`` the clock starts when the ingest's rows are committed:
    when tickets plus articles in the store reach ``expect``.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _CLI, *arguments, "--json"],
        env=environment(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if plan.after_commit:
        while child.poll() is None and _records(home) < expect:
            time.sleep(0.005)
    try:
        child.wait(timeout=plan.delay or 0.0)
        return time.perf_counter() - started
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        return None


def _records(home: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database(home)}?mode=ro", uri=True, timeout=0.05) as db:
            return sum(
                db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("tickets", "articles")
            )
    except sqlite3.Error:
        return -1  # not created yet, or locked by the writer


def prepare(workdir: Path, inputs: Inputs, run: Any = run_cli) -> tuple[list[Path], list[float]]:
    """The reference: instances before each stage and after the last, and each stage's time."""
    homes = [workdir / "reference-0"]
    run(homes[0], ["init"])
    durations = []
    for number, stage in enumerate(STAGES, start=1):
        home = workdir / f"reference-{number}"
        shutil.copytree(homes[-1], home)
        durations.append(run(home, inputs.command(stage)))
        homes.append(home)
    return homes, durations


# ---------------------------------------------------------------- the store, compared


def database(home: Path) -> Path:
    return home / "kbassist.db"


def consistent(home: Path) -> bool:
    """``PRAGMA integrity_check`` is ok and ``foreign_key_check`` finds nothing."""
    with sqlite3.connect(database(home)) as connection:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    return integrity == ["ok"] and not orphans


_TABLES = {
    "tickets": "SELECT id, content_hash FROM tickets ORDER BY id",
    "articles": "SELECT id, content_hash, version FROM articles ORDER BY id",
    "article_versions": "SELECT article_id, version, content_hash, chars_added, chars_removed "
    "FROM article_versions ORDER BY article_id, version",
    "note_scores": "SELECT ticket_id, content_hash, score, criteria_score, model_probability, "
    "model_version, criteria, findings, blocking FROM note_scores ORDER BY ticket_id",
    "article_scores": "SELECT article_id, content_hash, score, criteria_score, criteria, findings, "
    "blocking FROM article_scores ORDER BY article_id",
    "cluster_runs": "SELECT id, params, n_tickets, n_families FROM cluster_runs ORDER BY id",
    "families": "SELECT id, run_id, label, representative_ticket_id, size, hex(centroid) "
    "FROM families ORDER BY id",
    "ticket_families": "SELECT ticket_id, family_id, round(similarity, 6), assigned_by "
    "FROM ticket_families ORDER BY ticket_id",
    "review_samples": "SELECT ticket_id, technician_id, month FROM review_samples "
    "ORDER BY month, ticket_id",
}


def state(home: Path, queries: tuple[str, ...]) -> dict[str, Any]:
    """Everything an ingest's downstream steps produce, as comparable plain data."""
    found: dict[str, Any] = {}
    with sqlite3.connect(database(home)) as connection:
        for name, sql in _TABLES.items():
            found[name] = [list(row) for row in connection.execute(sql)]
    found.update(_index_state(home, queries))
    return found


def _index_state(home: Path, queries: tuple[str, ...]) -> dict[str, Any]:
    import numpy as np

    from kbassist.core import Core
    from kbassist.index.vector_rows import Columns
    from kbassist.settings import Settings

    core = Core(Settings.load({"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "x"}))
    try:
        vectors = core.resources.vectors
        rows_file = vectors.path / "rows.json"
        rows: dict[str, Any] = {}
        if rows_file.exists():
            data = json.loads(rows_file.read_text(encoding="utf-8"))
            matrix = np.load(vectors.path / data["matrix"])
            if "columns" in data:  # schema 2: the rows as columns in their own file
                columns = Columns.load(vectors.path / data["columns"])
            else:
                columns = Columns.from_rows_json(data["rows"])
            for row, vector in enumerate(matrix):
                key = columns.key(row)
                rows[key] = [
                    [key, columns.record(row)],
                    np.round(vector.astype(np.float32), 4).tolist(),
                ]
        found = {
            "lexical_manifest": core.resources.lexical.manifest(),
            "vector_manifest": vectors.manifest(),
            "vector_rows": rows,
        }
        # The index itself, not the search service: that would catch a lagging index up.
        found["searches"] = [
            [(hit.key, round(hit.score, 4)) for hit in core.resources.lexical.search(q).hits]
            for q in queries
        ]
        return found
    finally:
        core.engine.dispose()


def differences(healed: dict[str, Any], reference: dict[str, Any]) -> list[str]:
    """What differs, one line per part (empty: identical)."""
    out = []
    for name in reference:
        if healed.get(name) != reference[name]:
            have, want = healed.get(name), reference[name]
            size = f"{len(have) if have is not None else '-'} vs {len(want)}"
            out.append(f"{name} differs ({size} in the healed and the reference instance)")
    return out


def what_the_kill_left(home: Path, before: Path, after: Path) -> str:
    """Where in the ingest the kill landed, read from the store."""

    def counts(path: Path) -> tuple[int, ...]:
        with sqlite3.connect(database(path)) as connection:
            return tuple(
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in (
                    "tickets",
                    "articles",
                    "note_scores",
                    "article_scores",
                    "ticket_families",
                )
            )

    now, start, end = counts(home), counts(before), counts(after)
    if now[:2] == start[:2] and start[:2] != end[:2]:
        return "before the commit"
    if now == end:
        return "after the downstream steps"
    return "after the commit, downstream steps unfinished"


# ---------------------------------------------------------------- trials


@dataclass(frozen=True)
class Plan:
    """One trial: which stage is killed, when, and how it heals.

    The kill comes ``delay`` seconds after the start, or with ``after_commit``
    that long after the ingest's rows are committed (``delay`` None: at once).
    """

    stage: str
    delay: float | None
    heal: str  # "rerun" or "catch-up"
    after_commit: bool = False
    fraction: float | None = None  # the delay as a share of the stage's run, set when it runs


def random_plans(trials: int, seed: int) -> list[Plan]:
    """Random stages and moments; heals alternate.

    Two trials in three are killed at a moment uniform over the uninterrupted
    run; the third at a moment uniform over the half after the commit, where the
    downstream steps run (a start-relative moment lands there less often, since
    the interpreter start and the parsing come first). The run's length is
    estimated at each trial: the reference's, or the shortest trial that
    finished before its kill (a shared machine's load changes it).
    """
    rng = random.Random(seed)
    plans = []
    for number in range(1, trials + 1):
        index = rng.randrange(len(STAGES))
        heal = "rerun" if number % 2 == 0 else "catch-up"
        after_commit = number % 3 == 0
        plans.append(Plan(STAGES[index], None, heal, after_commit, rng.random()))
    return plans


def _resolve(plan: Plan, estimate: float) -> Plan:
    """The plan with its delay: its share of the stage's run as now estimated."""
    if plan.fraction is None:
        return plan
    span = estimate * (0.5 if plan.after_commit else 1.0)
    return replace(plan, delay=round(plan.fraction * span, 2))


def run_trials(
    inputs: Inputs,
    workdir: Path,
    trials: int | list[Plan],
    seed: int,
    say: Any = print,
    run: Any = run_cli,
    baseline: bool = False,
) -> dict[str, Any]:
    """Prepare the reference, run the trials (a count of random ones, or plans), figures.

    With ``baseline``, each killed instance is also healed as before (heal_as_before).
    """
    started = time.perf_counter()
    homes, durations = prepare(workdir, inputs, run)
    say("reference: " + ", ".join(f"{s} {d:.1f} s" for s, d in zip(STAGES, durations, strict=True)))
    references = [state(home, inputs.queries) for home in homes]  # before each stage, and after
    plans = random_plans(trials, seed) if isinstance(trials, int) else trials
    estimates = list(durations)
    results = []
    for number, planned in enumerate(plans, start=1):
        index = STAGES.index(planned.stage)
        plan = _resolve(planned, estimates[index])
        trial = _trial(inputs, workdir, homes, references, plan, number, run, baseline)
        results.append(trial)
        if trial.finished_after is not None and not plan.after_commit:
            estimates[index] = min(estimates[index], trial.finished_after)
        verdict = "healed" if trial.healed else "NOT HEALED: " + "; ".join(trial.differences)
        if trial.baseline_differences is not None:
            verdict += "; as before: " + ("healed" if not trial.baseline_differences else "not")
        when = f"{plan.delay or 0:5.2f} s after {'its commit' if plan.after_commit else 'start'}"
        say(
            f"trial {number:2}: {trial.stage:9} killed {when} ({trial.at_kill}), "
            f"healed by {trial.heal}: {verdict}"
        )
    return _figures(results, durations, time.perf_counter() - started)


def _trial(
    inputs: Inputs,
    workdir: Path,
    homes: list[Path],
    references: list[dict[str, Any]],
    plan: Plan,
    number: int,
    run: Any,
    baseline: bool,
) -> Trial:
    index = STAGES.index(plan.stage)
    home = workdir / f"trial-{number}"
    shutil.copytree(homes[index], home)
    expect = _records(homes[index + 1])
    finished_after = run_and_kill(home, inputs.command(plan.stage), plan, expect)
    killed = finished_after is None
    at_kill = what_the_kill_left(home, homes[index], homes[index + 1]) if killed else "finished"
    after_kill = consistent(home)
    command = inputs.command(plan.stage) if plan.heal == "rerun" else ["catch-up"]
    # A kill before the commit rolled the ingest back: a catch-up cannot bring rows that
    # were never stored, so it must leave the instance as it was before the stage.
    expected = references[
        index if at_kill == "before the commit" and command == ["catch-up"] else index + 1
    ]
    before = None
    if baseline:
        shutil.copytree(home, workdir / f"trial-{number}-baseline")
        heal_as_before(workdir / f"trial-{number}-baseline", command)
        before = differences(state(workdir / f"trial-{number}-baseline", inputs.queries), expected)
        shutil.rmtree(workdir / f"trial-{number}-baseline", ignore_errors=True)
    run(home, command)
    trial = Trial(
        number,
        plan.stage,
        plan.heal,
        plan.delay,
        plan.after_commit,
        killed,
        at_kill,
        integrity_after_kill=after_kill,
        integrity_after_heal=consistent(home),
        differences=differences(state(home, inputs.queries), expected),
        baseline_differences=before,
        finished_after=None if finished_after is None else round(finished_after, 2),
    )
    shutil.rmtree(home, ignore_errors=True)
    return trial


def _figures(results: list[Trial], durations: list[float], seconds: float) -> dict[str, Any]:
    landed: dict[str, int] = {}
    for trial in results:
        landed[trial.at_kill] = landed.get(trial.at_kill, 0) + 1
    return {
        "trials": len(results),
        "healed": sum(trial.healed for trial in results),
        "not_healed": sum(not trial.healed for trial in results),
        "corrupt_after_kill": sum(not trial.integrity_after_kill for trial in results),
        "corrupt_after_heal": sum(not trial.integrity_after_heal for trial in results),
        "kills_landed": landed,
        "baseline_healed": sum(t.baseline_differences == [] for t in results),
        "baseline_trials": sum(t.baseline_differences is not None for t in results),
        "healed_by": {
            heal: sum(t.heal == heal and t.healed for t in results)
            for heal in ("rerun", "catch-up")
        },
        "uninterrupted_seconds": dict(zip(STAGES, [round(d, 2) for d in durations], strict=True)),
        "seconds": round(seconds, 1),
        "results": [asdict(trial) for trial in results],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--tickets", type=int, default=400, help="StackFAQ questions as tickets")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    logging.getLogger("kbassist").setLevel(logging.ERROR)  # the hashing embedder's notice
    with tempfile.TemporaryDirectory(prefix="kbassist-crash-") as folder:
        inputs = stackfaq_inputs(Path(folder) / "inputs", args.tickets, args.seed)
        figures = run_trials(inputs, Path(folder), args.trials, args.seed, baseline=True)
    figures["command"] = f"bench/crash.py --trials {args.trials} --tickets {args.tickets}"
    print(
        f"\nhealed as before catch-up existed (baseline): {figures['baseline_healed']} of "
        f"{figures['baseline_trials']}"
    )
    print(
        f"{figures['healed']} of {figures['trials']} trials healed "
        f"(rerun {figures['healed_by']['rerun']}, catch-up {figures['healed_by']['catch-up']}); "
        f"stores corrupt after the kill: {figures['corrupt_after_kill']}, after healing: "
        f"{figures['corrupt_after_heal']}; kills landed: {figures['kills_landed']}; "
        f"{figures['seconds']} s"
    )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "crash.json").write_text(json.dumps(figures, indent=2) + "\n")
    sys.exit(0 if figures["not_healed"] == 0 else 1)


if __name__ == "__main__":
    main()
