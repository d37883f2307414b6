"""Run one hostile-corpus entry through kbassist, record what happened, and judge it.

``observe(entry, workdir)`` ingests one manifest entry into a fresh instance under
``workdir`` (tickets and KB folders through the library, zip archives through the
API route, the only way in for a zip) and returns plain data: crash or refusal,
the report's rejects and warnings, the stored ids, store consistency, and which
secret values appear on which surface. ``observe_isolated`` does the same in a
child process capped at 2 GB of address space and a timeout, so a bomb cannot
take the machine down. ``judge(entry, observation)`` turns an observation into
the list of problems measured against the manifest; probe.py reports them and the
hostile-corpus test asserts there are none.

Run as a script, it is the child of ``observe_isolated``.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
MANIFEST = CORPUS / "MANIFEST.jsonl"
MEMORY_LIMIT = 2 * 1024**3
TIMEOUT = 300

# Every place a secret value could be read back after an ingest. "database" and "index"
# are the stored text itself; the others are what a person or client is shown.
SURFACES = ("database", "index", "rejects_file", "report", "api", "pages")
PAGE_READS = 50  # record pages read per entry (the API reads up to 200)

# Searches run after the ingest to read snippets back (the search surface).
SURFACE_QUERIES = (
    "password temp pw pass",
    "aws secret access key",
    "card number renewal",
    "bitlocker recovery key",
    "wireguard private key vpn",
    "connection string server database",
    "token bearer authorization",
    "printer spooler restart",
)
ADMIN = ("hostile-admin", "hostile-admin-password-1")
# A folder where builders' outputs are kept for the session (set by the test); single files only.
BUILD_CACHE = "HOSTILE_BUILD_CACHE"
CACHEABLE = ("zip_bomb", "many_bombs_zip", "huge_field_csv", "huge_line_jsonl")


def load_manifest(path: Path = MANIFEST) -> list[dict[str, Any]]:
    """The manifest entries, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def entry_name(entry: dict[str, Any]) -> str:
    return str(entry["file"])


# ---------------------------------------------------------------- observing


def _ingest_module() -> Any:
    """What the CLI and the API call to ingest: store, then score, index and cluster.

    Since the restructuring that is ``kbassist.pipeline.ingest_*`` (the ingest service
    only stores); before it, ``kbassist.ingest.ingest_*`` did both.
    """
    from kbassist import pipeline

    if hasattr(pipeline, "ingest_tickets") and hasattr(pipeline, "ingest_kb"):
        return pipeline
    import kbassist.ingest as module

    return module


def make_core(home: Path) -> Any:
    from kbassist.core import Core
    from kbassist.settings import Settings

    core = Core(
        Settings.load(
            {"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "hostile-corpus-key"}
        )
    )
    core.init()
    return core


def prepare_input(entry: dict[str, Any], workdir: Path) -> Path:
    """A private copy of the entry's input under workdir (built for builder entries)."""
    target = workdir / "input"
    if entry.get("builder"):
        return built_input(entry["builder"], entry.get("args", {}), target)
    source = CORPUS / entry["file"]
    if source.is_dir():
        destination = target / source.name
        shutil.copytree(source, destination, symlinks=True)
        return destination
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target / source.name)
    return target / source.name


def built_input(builder: str, args: dict[str, Any], target: Path) -> Path:
    """What builders.py's ``builder`` makes, under target (from the session's cache if set)."""
    sys.path.insert(0, str(HERE))
    import builders

    cache = os.environ.get(BUILD_CACHE)
    if not cache or builder not in CACHEABLE:
        return builders.build(builder, target, **args)
    # Bombs take seconds to compress: build each once per test session, copy it after.
    built = Path(cache) / builder
    if not built.exists():
        builders.build(builder, built, **args)
    (only,) = list(built.iterdir())
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(only, target / only.name)
    return target / only.name


@contextlib.contextmanager
def _private_tempdir(folder: Path):  # type: ignore[no-untyped-def]
    """Point tempfile at a folder of ours, to see what an upload leaves behind."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = saved


def observe(entry: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """Ingest one manifest entry into a fresh instance under workdir; return what happened."""
    workdir = Path(workdir)
    observation: dict[str, Any] = {
        "file": entry["file"],
        "kind": entry["kind"],
        "crash": None,
        "file_error": None,
        "report": None,
        "http": None,
        "stored_ids": [],
        "fields": {},
        "integrity": None,
        "foreign_key_violations": None,
        "secrets_found": {},
        "stray_files": [],
        "leftover_temp_bytes": 0,
        "largest_value_bytes": 0,
        "elapsed": None,
        "read_back_errors": [],
    }
    home = workdir / "home"
    core = make_core(home)
    source = prepare_input(entry, workdir)
    outside_before = _absolute_targets_present()
    started = time.perf_counter()
    texts: dict[str, list[str]] = {name: [] for name in SURFACES}
    with _private_tempdir(workdir / "tmp") as temp_folder:
        try:
            if entry["kind"] == "kb-zip":
                _upload_zip(core, source, observation, texts)
            else:
                _ingest_library(core, entry, source, observation, texts)
        except MemoryError:
            observation["crash"] = {"type": "MemoryError", "message": "", "where": ""}
        except Exception as error:  # noqa: BLE001 - recording every failure is the point
            _record_exception(observation, error)
        observation["elapsed"] = round(time.perf_counter() - started, 2)
        observation["leftover_temp_bytes"] = _tree_bytes(temp_folder)
    observation["stray_files"] = _stray_files(workdir, outside_before)
    _observe_store(core, entry, observation, texts)
    try:
        _observe_api(core, observation, texts)
        _observe_pages(core, observation, texts)
    except Exception as error:  # noqa: BLE001 - a failure to read back is a finding too
        observation["read_back_errors"].append(f"{type(error).__name__}: {error}"[:300])
    texts["rejects_file"] = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((home / "rejects").glob("*"))
        if path.is_file()
    ]
    texts["index"] = [_index_text(home / "index")]
    secrets = entry.get("secrets", [])
    observation["secrets_found"] = {
        surface: sorted(
            {secret for secret in secrets if any(secret in text for text in texts[surface])}
        )
        for surface in SURFACES
    }
    observation["secrets_found"] = {k: v for k, v in observation["secrets_found"].items() if v}
    with contextlib.suppress(Exception):
        core.engine.dispose()
    return observation


def _ingest_library(
    core: Any,
    entry: dict[str, Any],
    source: Path,
    observation: dict[str, Any],
    texts: dict[str, list[str]],
) -> None:
    from kbassist.errors import InvalidInput

    ingest = _ingest_module()
    try:
        if entry["kind"] == "tickets":
            report = ingest.ingest_tickets(core, source, preset=entry.get("preset"))
        else:
            report = ingest.ingest_kb(core, source)
    except InvalidInput as error:
        observation["file_error"] = {"type": type(error).__name__, "message": error.message}
        texts["report"].append(error.message)
        return
    observation["report"] = _report_data(report.as_dict())
    texts["report"].append(json.dumps(report.as_dict(), ensure_ascii=False, default=str))
    texts["report"].append(report.summary())


def _upload_zip(
    core: Any, source: Path, observation: dict[str, Any], texts: dict[str, list[str]]
) -> None:
    from flask import got_request_exception

    app, token = _app_and_token(core)
    caught: list[BaseException] = []

    def remember(_sender: Any, exception: BaseException, **_: Any) -> None:
        caught.append(exception)

    got_request_exception.connect(remember, app)
    try:
        with source.open("rb") as handle:
            response = app.test_client().post(
                "/api/v1/ingest/kb",
                data={"file": (handle, source.name)},
                headers={"Authorization": f"Bearer {token}"},
                content_type="multipart/form-data",
            )
    finally:
        got_request_exception.disconnect(remember, app)
    body = response.get_data(as_text=True)
    observation["http"] = {
        "status": response.status_code,
        "content_type": response.content_type,
        "json": response.is_json,
    }
    texts["report"].append(body)
    if caught:
        _record_exception(observation, caught[0])
        observation["crash"]["where"] = f"HTTP {response.status_code} {response.content_type}"
        return
    data = response.get_json(silent=True)
    if response.status_code == 202 and isinstance(data, dict):  # queued: run the job here
        observation["report"] = _report_data(_job_result(core, data["id"], texts))
    elif response.status_code == 200 and isinstance(data, dict):  # before jobs (a baseline)
        observation["report"] = _report_data(data)
    elif 400 <= response.status_code < 500 and isinstance(data, dict):
        observation["file_error"] = {
            "type": f"HTTP {response.status_code}",
            "message": str(data.get("error", "")),
        }
    else:
        observation["crash"] = {
            "type": f"HTTP {response.status_code}",
            "message": body[:300],
            "where": response.content_type,
        }


def _job_result(core: Any, job_id: str, texts: dict[str, list[str]]) -> dict[str, Any]:
    """Run the queued ingest job in this process; its result (a failure is a crash)."""
    from kbassist.jobs import state
    from kbassist.jobs.queue import queue_for

    queue_for(core).drain()
    with core.connect() as conn:
        job = state.get(conn, job_id)
    texts["report"].append(json.dumps(job.as_dict(), ensure_ascii=False, default=str))
    if job.status != "done":
        raise RuntimeError(f"ingest job {job.status}: {job.error}")
    return dict(job.result)


def _app_and_token(core: Any) -> tuple[Any, str]:
    from kbassist.auth import create_token, create_user
    from kbassist.webapp import create_app

    with contextlib.suppress(Exception):
        create_user(core, ADMIN[0], ADMIN[1], "admin")
    token = create_token(core, ADMIN[0], "hostile")
    app = create_app({"TESTING": False, "PROPAGATE_EXCEPTIONS": False}, core=core)
    return app, token


def _report_data(report: dict[str, Any]) -> dict[str, Any]:
    keep = ("added", "updated", "unchanged", "rejected", "warnings")
    data = {key: report.get(key) for key in keep}
    data["warnings"] = [str(w)[:500] for w in report.get("warnings") or []]
    data["rejects"] = [
        {k: (str(v)[:400] if isinstance(v, str) else v) for k, v in reject.items()}
        for reject in report.get("rejects") or []
    ]
    return data


def _record_exception(observation: dict[str, Any], error: BaseException) -> None:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "kbassist" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} {ours[-1].name}" if ours else ""
    observation["crash"] = {
        "type": type(error).__name__,
        "message": str(error)[:300],
        "where": where,
    }


def _database_path(core: Any) -> Path:
    url = str(core.settings.database_url)
    return Path(url.removeprefix("sqlite:///"))


def _observe_store(
    core: Any, entry: dict[str, Any], observation: dict[str, Any], texts: dict[str, list[str]]
) -> None:
    with contextlib.suppress(Exception):
        core.engine.dispose()
    path = _database_path(core)
    connection = sqlite3.connect(path)
    connection.text_factory = lambda raw: raw.decode("utf-8", errors="surrogateescape")
    try:
        observation["integrity"] = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        observation["foreign_key_violations"] = len(
            connection.execute("PRAGMA foreign_key_check").fetchall()
        )
        table = "articles" if entry["kind"] != "tickets" else "tickets"
        observation["stored_ids"] = sorted(
            row[0] for row in connection.execute(f"SELECT id FROM {table}")
        )
        wanted = entry.get("expect_fields", {})
        for record_id, fields in wanted.items():
            names = [name for name in fields if name.isidentifier()]
            row = connection.execute(
                f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (record_id,)
            ).fetchone()
            observation["fields"][record_id] = dict(zip(names, row, strict=True)) if row else None
        largest = 0
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in connection.execute(f'SELECT * FROM "{name}"'):
                for value in row:
                    if isinstance(value, str):
                        texts["database"].append(value)
                        largest = max(largest, len(value))
                    elif isinstance(value, bytes):
                        largest = max(largest, len(value))
        observation["largest_value_bytes"] = largest
        observation["database_bytes"] = path.stat().st_size + sum(
            p.stat().st_size for p in path.parent.glob(path.name + "-*")
        )
    finally:
        connection.close()


def _observe_api(core: Any, observation: dict[str, Any], texts: dict[str, list[str]]) -> None:
    """Read every stored record back through the API, and search: what clients are shown."""
    app, token = _app_and_token(core)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    kind = "articles" if observation["kind"] != "tickets" else "tickets"

    def read(path: str, **kwargs: Any) -> None:
        response = client.open(path, headers=headers, **kwargs)
        data = response.get_json(silent=True)
        texts["api"].append(
            json.dumps(data, ensure_ascii=False)
            if data is not None
            else response.get_data(as_text=True)
        )
        if response.status_code >= 500 or data is None:  # the API answers JSON, errors too
            observation["read_back_errors"].append(
                f"{kwargs.get('method', 'GET')} {path[:120]}: {response.status_code} "
                f"{response.content_type}"
            )

    for record_id in observation["stored_ids"][:200]:
        read(f"/api/v1/{kind}/{quote(record_id, safe='')}")
    for query in SURFACE_QUERIES:
        read(f"/api/v1/search?q={quote(query)}&limit=20")
    if kind == "tickets":
        read(
            "/api/v1/similar",
            method="POST",
            json={
                "title": "password reset",
                "description": "aws secret access key card",
                "limit": 20,
            },
        )


def _observe_pages(core: Any, observation: dict[str, Any], texts: dict[str, list[str]]) -> None:
    """Sign in through the form and read record pages and search pages: what people see."""
    app, _token = _app_and_token(core)
    client = app.test_client()
    login = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login)
    signed_in = client.post(
        "/login",
        data={
            "username": ADMIN[0],
            "password": ADMIN[1],
            "csrf_token": csrf.group(1) if csrf else "",
        },
    )
    if signed_in.status_code != 302:
        observation["read_back_errors"].append(f"sign-in answered {signed_in.status_code}")
        return
    kind = "articles" if observation["kind"] != "tickets" else "tickets"
    paths = [f"/{kind}/{quote(i, safe='')}" for i in observation["stored_ids"][:PAGE_READS]]
    paths += [f"/search?q={quote(query)}" for query in SURFACE_QUERIES]
    for path in paths:
        response = client.get(path)
        texts["pages"].append(html.unescape(response.get_data(as_text=True)))  # "&amp;" is "&"
        if response.status_code >= 500:
            observation["read_back_errors"].append(f"GET {path[:120]}: {response.status_code}")


def _index_text(folder: Path) -> str:
    """The bytes of the index files as text (uncompressed stores only; best effort)."""
    parts = []
    for path in sorted(folder.rglob("*")) if folder.exists() else []:
        if path.is_file() and path.stat().st_size < 256 * 1024 * 1024:
            parts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(parts)


def _tree_bytes(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total


_ABSOLUTE_TARGETS = ("/tmp/evil-absolute.md", "/evil-traversal.md", "/tmp/evil-traversal.md")


def _absolute_targets_present() -> set[str]:
    return {path for path in _ABSOLUTE_TARGETS if os.path.lexists(path)}


def _stray_files(workdir: Path, before: set[str]) -> list[str]:
    """Files named evil-* written outside the input and extraction folders."""
    found = sorted(set(_absolute_targets_present()) - before)
    for root, _dirs, files in os.walk(workdir):
        if Path(root).is_relative_to(workdir / "input"):
            continue
        found += [os.path.join(root, name) for name in files if name.startswith("evil-")]
    return found


# --------------------------------------------------------------- isolation


def _limit_resources() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()


def observe_isolated(
    entry: dict[str, Any],
    workdir: Path,
    timeout: float = TIMEOUT,
    python: str | None = None,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """``observe`` in a child process with a 2 GB address-space cap and a timeout."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / "observation.json"
    child_env = dict(os.environ if env is None else env)
    child_env.setdefault("MALLOC_ARENA_MAX", "2")
    child_env.setdefault("HF_HUB_OFFLINE", "1")
    child_env.setdefault("TRANSFORMERS_OFFLINE", "1")
    command = [
        python or sys.executable,
        str(Path(__file__).resolve()),
        json.dumps(entry),
        str(workdir),
        str(out),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=child_env,
        preexec_fn=_limit_resources,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        _, stderr = process.communicate()
        timed_out = True
    elapsed = round(time.perf_counter() - started, 2)
    peak = None
    if out.exists():
        try:
            observation = json.loads(out.read_text(encoding="utf-8"))
            peak = observation.get("peak_rss_mb")
        except ValueError:
            observation = None
    else:
        observation = None
    if observation is None or timed_out:
        tail = stderr.decode("utf-8", errors="replace").strip().splitlines()[-3:]
        observation = observation or {
            "file": entry["file"],
            "kind": entry["kind"],
            "stored_ids": None,
            "secrets_found": {},
        }
        if timed_out:
            kind = f"Timeout after {timeout:.0f} s"
        elif process.returncode < 0:
            kind = f"Killed by signal {-process.returncode}"
        else:
            kind = f"Child exited {process.returncode} without a result"
        observation["crash"] = {
            "type": kind,
            "message": " | ".join(tail)[:300],
            "where": "isolated child",
        }
    observation["wall_seconds"] = elapsed
    observation["peak_rss_mb"] = peak
    return observation


def _child(entry_json: str, workdir: str, out: str) -> None:
    entry = json.loads(entry_json)
    try:
        observation = observe(entry, Path(workdir))
    except MemoryError:
        observation = {
            "file": entry["file"],
            "kind": entry["kind"],
            "stored_ids": None,
            "secrets_found": {},
            "crash": {"type": "MemoryError", "message": "outside the ingest", "where": "harness"},
        }
    observation["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    Path(out).write_text(json.dumps(observation, ensure_ascii=True, default=str), encoding="utf-8")


# ------------------------------------------------------------------ judging


def _keywords(text: str) -> list[str]:
    return [word.strip().lower() for word in text.split("|") if word.strip()]


def _reject_matches(expected: dict[str, Any], reject: dict[str, Any], kind: str) -> bool:
    if "row" in expected:
        if reject.get("row") != expected["row"]:
            return False
    else:
        wanted = str(expected["path"]).replace("\\", "/")
        where = str(reject.get("file", "")).replace("\\", "/")
        base = wanted.rsplit("/", 1)[-1]
        in_message = wanted in str(reject.get("reason", "")) or base in str(
            reject.get("reason", "")
        )
        if not (
            where.endswith("/" + wanted)
            or where == wanted
            or (kind == "kb-zip" and (where.endswith(base) or in_message))
        ):
            return False
    field = expected.get("field", "*")
    if (
        field not in ("*", None)
        and reject.get("field") != field
        and field not in str(reject.get("field", ""))
    ):
        return False
    message = f"{reject.get('field', '')}: {reject.get('reason', '')}".lower()
    return any(word in message for word in _keywords(expected["reason"]))


def _where(expected: dict[str, Any]) -> str:
    return f"row {expected['row']}" if "row" in expected else str(expected["path"])


def _preview(secret: str) -> str:
    return secret[:4] + "…" if len(secret) > 6 else secret[:2] + "…"


def judge(entry: dict[str, Any], observation: dict[str, Any]) -> list[str]:
    """Every way the observation falls short of the manifest entry (empty: all good)."""
    problems: list[str] = []
    crash = observation.get("crash")
    if crash:
        problems.append(
            f"crash: {crash['type']}: {crash.get('message', '')[:160]} ({crash.get('where', '')})"
        )
    http = observation.get("http")
    if http and http["status"] >= 400 and not http["json"]:
        problems.append(f"API answered {http['status']} with {http['content_type']}, not JSON")
    refusal = observation.get("file_error")
    allowed = entry.get("file_error")
    if refusal and not allowed:
        problems.append(f"whole file refused: {refusal['message'][:200]}")
    elif (
        refusal and allowed and not any(w in refusal["message"].lower() for w in _keywords(allowed))
    ):
        problems.append(f"refusal does not say why ({allowed}): {refusal['message'][:200]}")
    report = observation.get("report")
    if report is not None:
        rejects = report.get("rejects") or []
        for expected in entry.get("rejected", []):
            if not any(_reject_matches(expected, reject, entry["kind"]) for reject in rejects):
                near = [
                    f"{r.get('field')}: {r.get('reason', '')[:80]}"
                    for r in rejects
                    if ("row" in expected and r.get("row") == expected["row"])
                ]
                hint = f" (that row got: {'; '.join(near)})" if near else ""
                problems.append(
                    f"no reject for {_where(expected)} field {expected.get('field', '*')} "
                    f"with reason ~ '{expected['reason']}'{hint}"
                )
    stored = observation.get("stored_ids")
    if stored is not None and not (refusal and allowed):
        stored_set = set(stored)
        lost = [i for i in entry.get("good_ids", []) if i not in stored_set]
        if lost:
            problems.append(f"good rows lost ({len(lost)}): {', '.join(map(repr, lost[:12]))}")
        kept = [i for i in entry.get("bad_ids", []) if i in stored_set]
        if kept:
            problems.append(
                f"rows that must be rejected were stored ({len(kept)}): "
                + ", ".join(repr(i)[:60] for i in kept[:12])
            )
        if entry.get("exact", True) and not crash:
            extra = sorted(stored_set - set(entry.get("good_ids", [])))
            if extra:
                problems.append(
                    f"unexpected rows stored ({len(extra)}): "
                    + ", ".join(repr(i)[:60] for i in extra[:12])
                )
        for record_id, fields in entry.get("expect_fields", {}).items():
            got = (observation.get("fields") or {}).get(record_id)
            if record_id in stored_set and got:
                for name, value in fields.items():
                    if got.get(name) != value:
                        problems.append(
                            f"{record_id}.{name} stored as {got.get(name)!r}, expected {value!r}"
                        )
    integrity = observation.get("integrity")
    if integrity is not None and integrity != ["ok"]:
        problems.append(f"PRAGMA integrity_check: {integrity[:3]}")
    if observation.get("foreign_key_violations"):
        problems.append(
            f"PRAGMA foreign_key_check: {observation['foreign_key_violations']} violations"
        )
    for surface, found in sorted((observation.get("secrets_found") or {}).items()):
        problems.append(
            f"secrets on {surface} ({len(found)}): {', '.join(_preview(s) for s in found)}"
        )
    for error in (observation.get("read_back_errors") or [])[:5]:
        problems.append(f"reading the records back failed: {error}")
    if observation.get("stray_files"):
        problems.append(
            f"files written outside the extraction folder: {observation['stray_files'][:5]}"
        )
    if observation.get("leftover_temp_bytes"):
        problems.append(
            f"{observation['leftover_temp_bytes']} bytes left in the temporary directory"
        )
    return problems


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], sys.argv[3])
