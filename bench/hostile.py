"""The hostile corpus (issue 13) as figures: what kbassist does with every entry.

Runs each entry of tests/hostile/corpus/MANIFEST.jsonl the way the test does
(tickets and KB folders through the library, zip archives through
``POST /api/v1/ingest/kb``; bombs and 65 MiB fields in a child process capped
at 2 GB), judges it against the manifest and prints the totals: entries tried,
crashes, whole files refused (where the manifest allows it), rows rejected and
how many of them carry a reason, good rows lost, rejected rows stored anyway,
stores failing ``PRAGMA integrity_check`` or ``foreign_key_check``, API answers
that are not JSON or 5xx and pages that fail when the records are read back, and
planted secret values found per surface (pages read signed in). Writes bench/results/hostile.json.

    .venv/bin/python bench/hostile.py
    .venv/bin/python bench/hostile.py --only zip
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _env import RESULTS_DIR, ROOT

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import harness  # noqa: E402


def measure(entry: dict[str, Any], folder: Path, source: Path | None = None) -> dict[str, Any]:
    """One entry's observation, the problems the judge finds, and its counts.

    With ``source`` (another checkout of kbassist) the entry runs in a capped child
    process that imports kbassist from there.
    """
    if source is not None:
        env = {**os.environ, "PYTHONPATH": str(source)}
        observation = harness.observe_isolated(entry, folder, timeout=300, env=env)
    elif entry.get("isolate"):
        observation = harness.observe_isolated(entry, folder, timeout=300)
    else:
        observation = harness.observe(entry, folder)
    report = observation.get("report") or {}
    rejects = report.get("rejects") or []
    stored = set(observation.get("stored_ids") or [])
    refused = observation.get("file_error") is not None
    return {
        "file": entry["file"],
        "problems": harness.judge(entry, observation),
        "crash": bool(observation.get("crash")),
        "refused": refused,
        "rejects": len(rejects),
        "rejects_with_reason": sum(bool(str(r.get("reason", "")).strip()) for r in rejects),
        "good_lost": 0 if refused else len(set(entry.get("good_ids", [])) - stored),
        "bad_stored": len(set(entry.get("bad_ids", [])) & stored),
        "inconsistent": observation.get("integrity") not in (["ok"], None)
        or bool(observation.get("foreign_key_violations")),
        "secrets": {k: len(v) for k, v in (observation.get("secrets_found") or {}).items()},
        "read_back_errors": len(observation.get("read_back_errors") or []),
        "seconds": observation.get("wall_seconds") or observation.get("elapsed"),
    }


def totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    secrets: Counter[str] = Counter()
    for result in results:
        secrets.update(result["secrets"])
    return {
        "entries": len(results),
        "entries_without_problem": sum(not r["problems"] for r in results),
        "crashes": sum(r["crash"] for r in results),
        "files_refused_whole": sum(r["refused"] for r in results),
        "rows_rejected": sum(r["rejects"] for r in results),
        "rows_rejected_with_a_reason": sum(r["rejects_with_reason"] for r in results),
        "good_rows_lost": sum(r["good_lost"] for r in results),
        "bad_rows_stored": sum(r["bad_stored"] for r in results),
        "stores_inconsistent": sum(r["inconsistent"] for r in results),
        "read_back_errors": sum(r.get("read_back_errors", 0) for r in results),
        "secret_values_found": dict(sorted(secrets.items())),
    }


def export(ref: str, folder: Path) -> Path:
    """The kbassist package of commit ``ref`` with its own data, unpacked under folder.

    The installed package maps ``kbassist.bundled.{web,models,kb}`` to this tree's
    folders; the baseline gets the ones of its commit in its ``kbassist/bundled``
    (found first on its path), so it never loads a model it cannot read.
    """
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "kbassist", "web", "models", "kb"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    for name in ("web", "models", "kb"):
        (folder / name).rename(folder / "kbassist" / "bundled" / name)
    return folder


def run(entries: list[dict[str, Any]], folder: Path, source: Path | None) -> list[dict[str, Any]]:
    results = []
    for number, entry in enumerate(entries):
        result = measure(entry, folder / f"{number:03}", source)
        results.append(result)
        status = "ok" if not result["problems"] else f"{len(result['problems'])} problem(s)"
        print(f"{'baseline ' if source else ''}{entry['file']:55} {status}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="entries whose name contains this text")
    parser.add_argument("--baseline", default="", help="a commit to measure side by side")
    args = parser.parse_args()
    logging.getLogger("kbassist").setLevel(logging.ERROR)  # the hashing embedder's notice
    entries = [e for e in harness.load_manifest() if args.only in e["file"]]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kbassist-hostile-") as folder:
        results = run(entries, Path(folder) / "now", None)
        baseline = []
        if args.baseline:
            source = export(args.baseline, Path(folder))
            baseline = run(entries, Path(folder) / "baseline", source)
    now = totals(results)
    before = totals(baseline) if baseline else {}
    print(f"\n{'':32} {'this tree':>12} {args.baseline or '':>12}")
    for key, value in now.items():
        print(f"{key:32} {json.dumps(value):>12} {json.dumps(before.get(key, '')):>12}")
    print(f"seconds: {time.perf_counter() - started:.0f}")
    for result in results:
        for problem in result["problems"]:
            print(f"  {result['file']}: {problem}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    data = {"totals": now, "baseline": {"ref": args.baseline, "totals": before}}
    data["entries"] = results
    (RESULTS_DIR / "hostile.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
