"""CLI: init, ingest with --json, users and tokens, and clean errors."""

from __future__ import annotations

import json
from pathlib import Path

from kbassist import store

DATA = Path(__file__).parent / "data"


def test_help_lists_the_commands(runner) -> None:  # type: ignore[no-untyped-def]
    out = runner.invoke(["--help"]).output
    for command in (
        "init",
        "ingest",
        "demo",
        "serve",
        "user",
        "token",
        "search",
        "score",
        "train",
        "cluster",
        "gaps",
        "credit",
        "scorecard",
        "weekly",
        "reindex",
    ):
        assert f"  {command}" in out, command


def test_init_reports_the_schema(runner) -> None:  # type: ignore[no-untyped-def]

    result = runner.invoke(["init", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["schema"] == store.newest_revision()


def test_ingest_json_summary_and_second_run(runner) -> None:  # type: ignore[no-untyped-def]
    first = json.loads(
        runner.invoke(["ingest", "tickets", str(DATA / "tickets.jsonl"), "--json"]).output
    )
    assert (first["added"], first["updated"], first["unchanged"], first["rejected"]) == (5, 0, 0, 0)
    second = runner.invoke(["ingest", "tickets", str(DATA / "tickets.jsonl")])
    assert "0 added, 0 updated, 5 unchanged" in second.output and "nothing changed" in second.output


def test_ingest_kb_reports_rejects(runner) -> None:  # type: ignore[no-untyped-def]
    result = json.loads(runner.invoke(["ingest", "kb", str(DATA / "kb"), "--json"]).output)
    assert result["added"] == 3 and result["rejected"] == 1
    assert result["rejects"][0]["field"] == "type"


def test_unknown_preset_is_a_clean_error(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(["ingest", "tickets", str(DATA / "tickets.jsonl"), "--preset", "nope"])
    assert result.exit_code == 2 and "Unknown preset 'nope'" in result.output


def test_user_and_token(runner) -> None:  # type: ignore[no-untyped-def]
    made = runner.invoke(
        ["user", "add", "alex", "--role", "manager", "--password", "long-enough-pw", "--json"]
    )
    assert json.loads(made.output)["role"] == "manager"
    again = runner.invoke(
        ["user", "add", "alex", "--role", "manager", "--password", "long-enough-pw"]
    )
    assert again.exit_code == 2 and "exists already" in again.output
    token = json.loads(runner.invoke(["token", "create", "alex", "--json"]).output)["token"]
    assert token.startswith("kba_")
