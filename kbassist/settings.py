"""Settings declared once, as data: name, default and help.

Every setting is read from the environment as ``KBASSIST_<NAME>`` (the web app
also accepts them through ``create_app(config)``). The README's configuration
table is checked against this list by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    kind: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("HOME", "instance", "Data directory: database, indexes, embeddings cache, rejects."),
    Setting("DATABASE_URL", "", "SQLAlchemy URL; overrides the SQLite database under HOME."),
    Setting("SECRET_KEY", "", "Session signing key; generated into HOME/secret_key when empty."),
    Setting("LEXICAL_BACKEND", "tantivy", "Lexical index backend: tantivy or whoosh."),
    Setting("EMBEDDER", "minilm", "Embedding model: minilm (all-MiniLM-L6-v2) or hashing (tests)."),
    Setting(
        "EMBED_DTYPE", "auto", "Embedding precision: auto (bf16 where the CPU has it), bf16, fp32."
    ),
    Setting(
        "MODELS_DIR",
        "",
        "Where `kbassist train` writes classifier artifacts (default HOME/models).",
    ),
    Setting("KB_DIR", "", "Demo knowledge base folder; default the packaged kb/."),
    Setting("SESSION_COOKIE_SECURE", False, "Send the session cookie over HTTPS only.", bool),
    Setting(
        "LOGIN_RATE_LIMIT",
        5,
        "Failed sign-ins for one user from one address (15 minutes) before each try must wait"
        " (5 s, doubling, at most 5 minutes; the right password works after the wait).",
        int,
    ),
    Setting(
        "LOGIN_ADDRESS_LIMIT",
        20,
        "Failed sign-ins from one address, any user names, before its tries must wait.",
        int,
    ),
    Setting(
        "LOGIN_USER_LIMIT",
        20,
        "Failed sign-ins for one user from all addresses before tries must wait"
        " (an address where the user signed in within 30 days is exempt).",
        int,
    ),
    Setting(
        "TRUSTED_PROXIES",
        0,
        "Reverse proxies in front of the app whose X-Forwarded-For/-Proto to trust;"
        " 0 ignores those headers.",
        int,
    ),
    Setting(
        "VECTOR_ANN_ROWS",
        200_000,
        "Rows from which semantic search uses the approximate (HNSW) index instead of"
        " scoring every row; see docs/scale.md.",
        int,
    ),
    Setting(
        "NOTE_QUALITY_BAR",
        60,
        "Closure-note score below which a note needs work; score badges: red under it, "
        "amber up to 15 above, green beyond.",
        int,
    ),
    Setting(
        "TRUSTED_PROXIES",
        0,
        "Reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0: none).",
        int,
    ),
    Setting(
        "REDIS_URL",
        "",
        "Job queue broker shared by several app servers (redis://...); empty: SQLite under HOME.",
    ),
    Setting("WORKERS", 2, "Web worker processes of `kbassist serve` (gunicorn).", int),
    Setting(
        "SYNC_SECONDS",
        2.0,
        "How often a server checks the database for new records and a newly trained model.",
        float,
    ),
    Setting(
        "JOB_NICENESS",
        10,
        "CPU niceness of the job worker (0-19): jobs yield the CPU to the web workers' requests.",
        int,
    ),
    Setting("LOG_LEVEL", "INFO", "Log level of the server's JSON-lines log on stderr."),
)

SETTINGS_BY_NAME = {setting.name: setting for setting in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    if setting.kind is bool and isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if setting.kind is int:
        return int(value)
    if setting.kind is float:
        return float(value)
    return value


@dataclass(frozen=True)
class Settings:
    """Resolved settings: defaults, then ``KBASSIST_*`` environment, then overrides."""

    values: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None) -> Settings:
        values = {s.name: s.default for s in SETTINGS}
        for setting in SETTINGS:
            env = os.environ.get(f"KBASSIST_{setting.name}")
            if env is not None:
                values[setting.name] = _coerce(setting, env)
        for key, value in (overrides or {}).items():
            name = key.removeprefix("KBASSIST_")
            if name in SETTINGS_BY_NAME:
                values[name] = _coerce(SETTINGS_BY_NAME[name], value)
        return cls(values)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def home(self) -> Path:
        return Path(self.values["HOME"]).resolve()

    @property
    def database_url(self) -> str:
        return self.values["DATABASE_URL"] or f"sqlite:///{self.home / 'kbassist.db'}"
