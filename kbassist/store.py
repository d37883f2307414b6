"""The database: tables as SQLAlchemy Core objects, engines and migrations.

The schema is dialect-neutral (it runs on SQLite and PostgreSQL); SQLite gets
WAL mode and foreign keys through a connect hook, never through SQL in the
domain. Migrations live in ``kbassist/migrations/versions`` and are numbered.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import CursorResult, Engine
from sqlalchemy.sql import Select


class CleanText(TypeDecorator[str]):
    """Text without NUL characters: PostgreSQL refuses them and SQLite keeps them, so drop them."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return value.replace("\x00", "") if isinstance(value, str) else value


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

technicians = Table(
    "technicians",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", CleanText, nullable=False, unique=True),
    Column("email", CleanText),
    Column("active", Boolean, nullable=False, default=True),
)

clients = Table(
    "clients",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", CleanText, nullable=False, unique=True),
)

tickets = Table(
    "tickets",
    metadata,
    Column("id", String(100), primary_key=True),  # the PSA's ticket number
    Column("title", CleanText, nullable=False),
    Column("description", CleanText, nullable=False, default=""),
    Column("resolution", CleanText, nullable=False, default=""),  # the closure note
    Column("status", CleanText, nullable=False, default=""),
    Column("priority", CleanText, nullable=False, default=""),
    Column("category", CleanText, nullable=False, default=""),
    Column("client_id", Integer, ForeignKey("clients.id")),
    Column("assignee_id", Integer, ForeignKey("technicians.id")),
    Column("created_at", DateTime),
    Column("resolved_at", DateTime),
    Column("closed_at", DateTime),
    Column("time_spent_minutes", Float),
    Column("reopen_count", Integer, nullable=False, default=0),
    Column("escalation_count", Integer, nullable=False, default=0),
    Column("source", String(50), nullable=False, default="canonical"),
    Column("content_hash", String(64), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Index("ix_tickets_created", "created_at"),
    Index("ix_tickets_assignee", "assignee_id"),
    Index("ix_tickets_client", "client_id"),
)

ticket_notes = Table(
    "ticket_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("author_id", Integer, ForeignKey("technicians.id")),
    Column("author", CleanText, nullable=False, default=""),
    Column("created_at", DateTime),
    Column("text", CleanText, nullable=False, default=""),
    Column("internal", Boolean, nullable=False, default=False),
    UniqueConstraint("ticket_id", "seq"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("title", CleanText, nullable=False),
    Column("type", String(30), nullable=False),  # playbook, how-to, troubleshooting, ...
    Column("body", CleanText, nullable=False),  # markdown without front matter
    Column("author_id", Integer, ForeignKey("technicians.id")),
    Column("created", DateTime),
    Column("updated", DateTime),
    Column("tags", CleanText, nullable=False, default="[]"),  # JSON list
    Column("clients", CleanText, nullable=False, default="[]"),  # JSON list of client names
    Column("path", CleanText, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("ingested_at", DateTime, nullable=False),
)

# One row per distinct content of an article: who changed it, when, and how much
# of the text they added (credit is shared by content over versions).
article_versions = Table(
    "article_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "article_id", String(100), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    Column("version", Integer, nullable=False),
    Column("editor_id", Integer, ForeignKey("technicians.id")),
    Column("changed_at", DateTime),
    Column("title", CleanText, nullable=False),
    Column("body", CleanText, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("chars_added", Integer, nullable=False, default=0),
    Column("chars_removed", Integer, nullable=False, default=0),
    UniqueConstraint("article_id", "version"),
)

# Contributors named in front matter, beside the edit history.
article_contributors = Table(
    "article_contributors",
    metadata,
    Column(
        "article_id", String(100), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("technician_id", Integer, ForeignKey("technicians.id"), primary_key=True),
)

ticket_article_links = Table(
    "ticket_article_links",
    metadata,
    Column(
        "ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    ),
    # No foreign key: a ticket may cite an article that is not (yet) ingested.
    Column("article_id", String(100), primary_key=True),
    Index("ix_links_article", "article_id"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(20), nullable=False),  # tech, reviewer, manager, admin
    Column("technician_id", Integer, ForeignKey("technicians.id")),
    Column("created_at", DateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", CleanText, nullable=False, default=""),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
)

# Server-side sessions: the cookie holds a token whose hash is here; signing out deletes it.
user_sessions = Table(
    "user_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Index("ix_user_sessions_user", "user_id"),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", CleanText, nullable=False),
    Column("remote_addr", CleanText, nullable=False, default=""),
    Column("attempted_at", DateTime, nullable=False),
    Column("success", Boolean, nullable=False),
    Index("ix_login_attempts_user", "username", "attempted_at"),
    Index("ix_login_attempts_address", "remote_addr", "attempted_at"),
)

# Quality scores for closure notes (one per ticket) and articles.
note_scores = Table(
    "note_scores",
    metadata,
    Column(
        "ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("content_hash", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("criteria_score", Float, nullable=False),
    Column("model_probability", Float),
    Column("model_version", String(100), nullable=False, default=""),
    Column("criteria", CleanText, nullable=False, default="{}"),  # JSON {criterion: bool}
    Column("findings", CleanText, nullable=False, default="[]"),  # JSON list of findings
    Column("blocking", Boolean, nullable=False, default=False),
    Column("scored_at", DateTime, nullable=False),
    Column("probabilities", CleanText),  # JSON {criterion: P(met)} when the note model scored
)

article_scores = Table(
    "article_scores",
    metadata,
    Column(
        "article_id", String(100), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("content_hash", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("criteria_score", Float, nullable=False),
    Column("model_probability", Float),
    Column("model_version", String(100), nullable=False, default=""),
    Column("criteria", CleanText, nullable=False, default="{}"),
    Column("findings", CleanText, nullable=False, default="[]"),
    Column("blocking", Boolean, nullable=False, default=False),
    Column("scored_at", DateTime, nullable=False),
)

review_labels = Table(
    "review_labels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("reviewer_id", Integer, ForeignKey("users.id")),
    Column("label", String(20), nullable=False),  # useful, needs-work
    Column("reason", CleanText, nullable=False, default=""),
    Column("comment", CleanText, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False, default=""),  # note text labelled
    Column("created_at", DateTime, nullable=False),
    Index("ix_review_labels_ticket", "ticket_id"),
)

# A reviewer's call on each KCS criterion of a note (all six are saved at once; the
# latest row per ticket and criterion wins). model_met is what the model said when the
# reviewer saw the note: the agreement (kappa) per criterion compares the two.
criterion_labels = Table(
    "criterion_labels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("reviewer_id", Integer, ForeignKey("users.id")),
    Column("criterion", String(32), nullable=False),
    Column("met", Boolean, nullable=False),
    Column("model_met", Boolean),
    Column("content_hash", String(64), nullable=False, default=""),  # note text labelled
    Column("created_at", DateTime, nullable=False),
    Index("ix_criterion_labels_ticket", "ticket_id", "criterion"),
)

review_samples = Table(
    "review_samples",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("technician_id", Integer, ForeignKey("technicians.id")),
    Column("month", String(7), nullable=False),  # YYYY-MM
    Column("drawn_at", DateTime, nullable=False),
    UniqueConstraint("ticket_id", "month"),
)

cluster_runs = Table(
    "cluster_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime, nullable=False),
    Column("params", CleanText, nullable=False, default="{}"),  # JSON
    Column("n_tickets", Integer, nullable=False, default=0),
    Column("n_families", Integer, nullable=False, default=0),
)

families = Table(
    "families",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("cluster_runs.id", ondelete="CASCADE")),
    Column("label", CleanText, nullable=False, default=""),
    Column("representative_ticket_id", String(100)),
    Column("size", Integer, nullable=False, default=0),
    Column("centroid", LargeBinary),  # float32 vector, unit length
    Column("name", CleanText),  # given by a manager; outlives reclustering (migration 0004)
    Column("named_by", CleanText),
    Column("named_at", DateTime),
)

# The gaps read model: coverage, search evidence and duplicates, refreshed after
# every ingest and cluster run so the pages never recompute them (migration 0004).
gap_snapshots = Table(
    "gap_snapshots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime, nullable=False),
    Column("run_id", Integer),
    Column("data", CleanText, nullable=False),  # JSON
)

ticket_families = Table(
    "ticket_families",
    metadata,
    Column(
        "ticket_id", String(100), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("family_id", Integer, ForeignKey("families.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float),
    Column("assigned_by", String(20), nullable=False, default="full"),  # full, incremental
    Index("ix_ticket_families_family", "family_id"),
)

search_log = Table(
    "search_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("query", CleanText, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("filters", CleanText, nullable=False, default="{}"),  # JSON
    Column("result_ids", CleanText, nullable=False, default="[]"),  # JSON list of "kind:id"
    Column("n_results", Integer, nullable=False, default=0),
    Column("opened_id", CleanText),
    Column("opened_at", DateTime),
    Column("created_at", DateTime, nullable=False),
    Index("ix_search_log_created", "created_at"),
)

# Embedding cache: one vector per distinct text (by content hash and model).
embeddings = Table(
    "embeddings",
    metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("model", String(100), primary_key=True),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, unit length
)

# Key/value facts about the instance (demo loaded, model version in use, ...).
meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", CleanText, nullable=False),
)

# Background jobs (kbassist.jobs): the one record of a job's state, progress, result and error,
# read by the /jobs page, the API and `kbassist jobs` whatever queue ran it.
jobs = Table(
    "jobs",
    metadata,
    Column("id", String(32), primary_key=True),  # uuid4 hex
    Column("kind", String(30), nullable=False),  # ingest-tickets, ingest-kb, rescore, ...
    Column("status", String(20), nullable=False),  # queued, running, done, failed
    Column("params", CleanText, nullable=False, default="{}"),  # JSON
    Column("step", CleanText, nullable=False, default=""),  # what it is doing now
    Column("done", Integer, nullable=False, default=0),
    Column("total", Integer),  # None while unknown
    Column("result", CleanText),  # JSON, once done
    Column("error", CleanText),
    Column("attempts", Integer, nullable=False, default=0),
    Column("worker", CleanText, nullable=False, default=""),  # host:pid of the last run
    Column("user_id", Integer, ForeignKey("users.id", ondelete="SET NULL")),
    Column("created_at", DateTime, nullable=False),
    Column("started_at", DateTime),
    Column("heartbeat_at", DateTime),
    Column("finished_at", DateTime),
    Index("ix_jobs_status", "status"),
    Index("ix_jobs_created", "created_at"),
)

# A job's input files (an uploaded export), kept until the job ran: any server's worker can
# run a job, so the upload lives in the shared database rather than one server's HOME.
job_files = Table(
    "job_files",
    metadata,
    Column("job_id", String(32), ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# Trained model artifacts (kbassist.artifacts): every server loads the newest of a name.
model_artifacts = Table(
    "model_artifacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("version", String(100), nullable=False),
    Column("metadata_json", CleanText, nullable=False),
    Column("estimator", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_model_artifacts_name", "name", "id"),
)

# Counters other processes watch: "records" moves after every change the indexes must follow.
RECORDS_COUNTER = "records"
counters = Table(
    "counters",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", BigInteger, nullable=False, default=0),
    Column("changed_at", DateTime),
)


def upsert(
    connection: Any, table: Table, values: dict[str, Any], update: dict[str, Any] | None = None
) -> None:
    """Insert a row, or update it when its primary key exists: one atomic statement.

    An update-then-insert races when two processes (two servers starting at once)
    write the same new key: the second insert fails on the primary key. This is
    ``INSERT ... ON CONFLICT DO UPDATE`` on SQLite and PostgreSQL alike. ``update``
    gives the columns to set on a conflict (default: the non-key ``values``).
    """
    keys = [column.name for column in table.primary_key.columns]
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement: Any = dialect.insert(table).values(**values)
    changes = update if update is not None else {k: v for k, v in values.items() if k not in keys}
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=changes))


def bump_counter(connection: Any, name: str) -> int:
    """Add one to a counter in the caller's transaction (one atomic upsert); its new value."""
    now = utc_now()
    update = {"value": counters.c.value + 1, "changed_at": now}
    upsert(connection, counters, {"name": name, "value": 1, "changed_at": now}, update)
    return read_counter(connection, name)


def read_counter(connection: Any, name: str) -> int:
    """A counter's value (0 before its first bump)."""
    value = connection.execute(select(counters.c.value).where(counters.c.name == name)).scalar()
    return int(value or 0)


def ticket_view(*columns: Any) -> Select[Any]:
    """Ticket columns with the client and assignee names, labelled ``client`` and ``assignee``.

    The one place that joins a ticket to its people: extend it with ``.join``,
    ``.outerjoin`` and ``.where`` (both name joins are outer, so tickets without
    a client or assignee stay).
    """
    people = tickets.outerjoin(clients, clients.c.id == tickets.c.client_id).outerjoin(
        technicians, technicians.c.id == tickets.c.assignee_id
    )
    return select(
        *columns, clients.c.name.label("client"), technicians.c.name.label("assignee")
    ).select_from(people)


def utc_now() -> datetime:
    """Now, as the store keeps every timestamp: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the INSERT returned no primary key")
    return int(key[0])


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite, make the folder and turn on WAL and foreign keys."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to the newest numbered migration (or to ``revision``)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def newest_revision() -> str:
    """The newest numbered migration: what ``migrate`` brings a database to."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise RuntimeError("no migrations under kbassist/migrations/versions")
    return head


def schema_version(engine: Engine) -> str | None:
    """The applied migration, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
