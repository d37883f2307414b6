"""Note and article quality service: score text, rescore what changed, train the classifier.

The score of a closure note is 0-100::

    score = 0.5 * criteria_score + 0.5 * 100 * P(useful)     with a trained classifier
    score = criteria_score                                   without one ("criteria only")

``criteria_score`` comes from ``kbassist.quality.criteria`` (weighted KCS criteria); the
probability from the classifier in ``models/note-classifier``. Articles are
scored by the article criteria alone: the classifier learns from reviewer
labels on closure notes and is not applied to articles. See docs/quality.md.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import case, delete, func, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.artifacts import ModelSlot as ModelState
from kbassist.artifacts import version_problem
from kbassist.errors import InvalidInput, NotTrained
from kbassist.findings import Finding
from kbassist.quality.classifier import (
    ARTIFACT_NAME,
    FEATURES_VERSION,
    LABELS,
    LoadedClassifier,
    NoteClassifier,
    NoteExample,
    cross_validate,
    library_versions,
    model_version,
    save_artifact,
)
from kbassist.quality.criteria import (
    ArticleAssessment,
    NoteAssessment,
    check_article,
    check_note,
    note_text,
)
from kbassist.quality.readability import TECH_VOCABULARY
from kbassist.records import ArticleRecord, content_hash, text_hash
from kbassist.resources import CRITERIA_ONLY
from kbassist.store import utc_now

if TYPE_CHECKING:
    from kbassist.core import Core
    from kbassist.embedding import Embedder

log = logging.getLogger(__name__)

CRITERIA_WEIGHT = 0.5  # the rest is the classifier's probability, times 100
NEAR_DUPLICATE_SIMILARITY = 0.7  # cosine of whole-article MiniLM embeddings
MIN_LABELS_PER_CLASS = 5
BATCH = 500


@dataclass(frozen=True)
class NoteScore:
    """A closure note's score with everything needed to explain it."""

    score: float
    criteria_score: float
    model_probability: float | None
    criteria: dict[str, bool]
    findings: tuple[Finding, ...]
    blocking: bool
    model: str | None = None  # the classifier version, None when scored by criteria only
    basis: str = CRITERIA_ONLY

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of the CLI and the API."""
        return {
            "score": self.score,
            "criteria_score": self.criteria_score,
            "model_probability": self.model_probability,
            "model": self.model,
            "basis": self.basis,
            "blocking": self.blocking,
            "criteria": dict(self.criteria),
            "findings": [finding.as_dict() for finding in self.findings],
        }


@dataclass(frozen=True)
class ArticleScore:
    """An article's score (criteria only) and its findings."""

    score: float
    criteria_score: float
    criteria: dict[str, bool]
    findings: tuple[Finding, ...]
    blocking: bool
    model: str | None = None
    basis: str = "article criteria"

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "criteria_score": self.criteria_score,
            "model_probability": None,
            "model": None,
            "basis": self.basis,
            "blocking": self.blocking,
            "criteria": dict(self.criteria),
            "findings": [finding.as_dict() for finding in self.findings],
        }


@dataclass(frozen=True)
class TrainReport:
    """What `kbassist train` did."""

    model_version: str
    path: str
    n_examples: int
    label_counts: dict[str, int]
    data_hash: str
    metrics: dict[str, Any]
    rescored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "model_version": self.model_version,
            "path": self.path,
            "n_examples": self.n_examples,
            "label_counts": dict(self.label_counts),
            "data_hash": self.data_hash,
            "metrics": dict(self.metrics),
            "rescored": self.rescored,
            "skipped": dict(self.skipped),
        }


# --- scoring -----------------------------------------------------------------------


def combine(criteria_score: float, probability: float | None) -> float:
    """The documented score formula (rounded so stored scores compare exactly)."""
    if probability is None:
        return round(float(criteria_score), 1)
    blended = CRITERIA_WEIGHT * criteria_score + (1 - CRITERIA_WEIGHT) * 100.0 * probability
    return round(float(min(100.0, max(0.0, blended))), 1)


def example_for(
    plain: str, assessment: NoteAssessment, embedding: np.ndarray | None
) -> NoteExample:
    """The classifier's view of a note."""
    return NoteExample(plain, tuple(assessment.features()), embedding)


def score_note(
    text: str,
    *,
    model: LoadedClassifier | None = None,
    embedder: Embedder | None = None,
    vocabulary: frozenset[str] = TECH_VOCABULARY,
) -> NoteScore:
    """Score one closure note; criteria alone when no model is given."""
    return score_notes([text], model=model, embedder=embedder, vocabulary=vocabulary)[0]


def score_notes(
    texts: Sequence[str],
    *,
    model: LoadedClassifier | None = None,
    embedder: Embedder | None = None,
    embeddings: np.ndarray | None = None,
    vocabulary: frozenset[str] = TECH_VOCABULARY,
) -> list[NoteScore]:
    """Score many notes at once (the classifier runs in one batch).

    Pass ``embeddings`` (one row per text, e.g. from ``embed_cached``) or an
    ``embedder``; a model trained with embeddings needs one of them.
    """
    plains = [note_text(text) for text in texts]
    assessments = [check_note(plain, vocabulary) for plain in plains]
    probabilities: list[float | None] = [None] * len(texts)
    if model is not None:
        usable = [index for index, plain in enumerate(plains) if plain]
        vectors = _vectors_for(model, [plains[i] for i in usable], embedder, embeddings, usable)
        examples = [
            example_for(plains[i], assessments[i], None if vectors is None else vectors[row])
            for row, i in enumerate(usable)
        ]
        if examples:
            for index, value in zip(usable, model.useful_probability(examples), strict=True):
                probabilities[index] = round(float(value), 4)
    return [
        _note_score(assessment, probability, model)
        for assessment, probability in zip(assessments, probabilities, strict=True)
    ]


def _vectors_for(
    model: LoadedClassifier,
    plains: list[str],
    embedder: Embedder | None,
    embeddings: np.ndarray | None,
    rows: list[int],
) -> np.ndarray | None:
    if not model.embedder:
        return None
    if embeddings is not None:
        return np.asarray(embeddings)[rows] if len(rows) else np.zeros((0, 1))
    if embedder is None:
        raise NotTrained(
            f"The note classifier {model.version} needs the {model.embedder} embedder; "
            "none was given."
        )
    _check_embedder(model, embedder)
    return embedder.encode(plains) if plains else np.zeros((0, embedder.dim))


def _note_score(
    assessment: NoteAssessment, probability: float | None, model: LoadedClassifier | None
) -> NoteScore:
    with_model = model is not None and probability is not None
    return NoteScore(
        score=combine(assessment.criteria_score, probability),
        criteria_score=round(assessment.criteria_score, 1),
        model_probability=probability,
        criteria=dict(assessment.criteria),
        findings=assessment.findings,
        blocking=assessment.blocking,
        model=model.version if with_model and model else None,
        basis="criteria and classifier" if with_model else CRITERIA_ONLY,
    )


def score_article(
    record: ArticleRecord,
    *,
    known_ids: frozenset[str] = frozenset(),
    linked_reopen_rate: float | None = None,
    near_duplicates: tuple[str, ...] = (),
    now: datetime | None = None,
) -> ArticleScore:
    """Score one article by the article criteria (the clock defaults to now, UTC)."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    assessment = check_article(record, known_ids, linked_reopen_rate, near_duplicates, now)
    return _article_score(assessment)


def _article_score(assessment: ArticleAssessment) -> ArticleScore:
    return ArticleScore(
        score=round(assessment.criteria_score, 1),
        criteria_score=round(assessment.criteria_score, 1),
        criteria=dict(assessment.criteria),
        findings=assessment.findings,
        blocking=assessment.blocking,
    )


def article_from_text(text: str, article_id: str = "") -> ArticleRecord:
    """An ArticleRecord from markdown, with or without front matter (for `kbassist score`)."""
    from kbassist.articles import split_front_matter

    try:
        data, body, _ = split_front_matter(text)
    except InvalidInput:
        data, body = {}, text
    title = str(data.get("title") or "").strip()
    if not title:
        first = next((line for line in body.splitlines() if line.strip()), "")
        title = first.lstrip("#").strip()
    article_type = str(data.get("type") or "reference").strip().lower()
    return ArticleRecord(
        id=str(data.get("id") or article_id),
        title=title,
        type=article_type,
        body=body,
        created=_as_datetime(data.get("created")),
        updated=_as_datetime(data.get("updated") or data.get("created")),
    )


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if value is None or value == "":
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        return None


# --- the model ---------------------------------------------------------------------


def model_path(core: Core) -> Path:
    """Where `kbassist train` writes the classifier: the instance's models folder."""
    return core.models_dir() / ARTIFACT_NAME


def _check_embedder(model: LoadedClassifier, embedder: Embedder) -> None:
    if model.embedder and model.embedder != embedder.name:
        raise NotTrained(
            f"The note classifier {model.version} was trained on {model.embedder} embeddings, "
            f"but this instance uses {embedder.name} (KBASSIST_EMBEDDER). Run `kbassist train` "
            "to retrain it with this embedder."
        )


def model_state(core: Core) -> ModelState:
    """The loaded classifier (once per process) or the reason scores use the criteria alone."""
    slot = core.resources.classifier
    if slot.model is None:
        return slot
    problem = version_problem(
        slot.model.metadata.get("versions", {}), {"features": str(FEATURES_VERSION)}
    )
    if problem or not isinstance(slot.model.estimator, NoteClassifier):
        error = (
            f"The note classifier in {slot.model.path} was {problem or 'not a note classifier'}."
            " Run `kbassist train` to retrain it with this installation."
        )
        return ModelState(None, f"criteria only: {error}", error)
    model = slot.model
    return ModelState(LoadedClassifier(model.estimator, model.metadata, model.path), slot.reason)


def load_model(core: Core) -> LoadedClassifier | None:
    """The trained classifier, or None when none was trained; raises NotTrained if unusable."""
    state = model_state(core)
    if state.error:
        raise NotTrained(state.error)
    return state.model if isinstance(state.model, LoadedClassifier) else None


def active_model(core: Core) -> LoadedClassifier | None:
    """The classifier when one is usable, else None (logged): ingest never fails on a model."""
    state = model_state(core)
    if state.error:
        log.warning("note scores fall back to the criteria: %s", state.error)
    return state.model if isinstance(state.model, LoadedClassifier) else None


def score_text(core: Core, text: str, kind: str = "note") -> NoteScore | ArticleScore:
    """Score pasted text with this instance's model (the pre-close check and the API)."""
    if kind == "article":
        with core.connect() as conn:
            known = _known_article_ids(conn)
        return score_article(article_from_text(text), known_ids=known)
    if kind != "note":
        raise InvalidInput(f"kind must be 'note' or 'article', not {kind!r}")
    model = active_model(core)
    result = score_note(text, model=model, embedder=core.resources.embedder if model else None)
    state = model_state(core)
    if model is None and state.error:
        # Say why there is no model (e.g. trained for another embedder), not just that.
        result = replace(result, basis=state.reason)
    return result


# --- rescoring ---------------------------------------------------------------------


def rescore(
    core: Core, ticket_ids: Sequence[str], article_ids: Sequence[str], *, force: bool = False
) -> int:
    """Score changed tickets' closure notes and the articles; skip what is already current.

    A note is skipped when its text hash and the model version are those stored.
    Articles are few and depend on each other (links, duplicates) and on linked
    tickets, so when anything changed every article is reassessed, again skipping
    those whose inputs are unchanged. Returns the number of rows written.
    """
    model = active_model(core)
    ids = sorted(set(ticket_ids))
    written = _rescore_notes(core, ids, model, force)
    if ids or article_ids:
        written += _rescore_articles(core, force)
    if ids:
        _draw_latest_sample(core)
    return written


def rescore_all(core: Core, *, force: bool = False) -> int:
    """Rescore every note and article (after training: the model version changed)."""
    with core.connect() as conn:
        ids = [row[0] for row in conn.execute(select(store.tickets.c.id).order_by("id"))]
        articles = [row[0] for row in conn.execute(select(store.articles.c.id))]
    return rescore(core, ids, articles, force=force)


def catch_up(core: Core) -> int:
    """Rescore the notes another model scored (a new bundled or trained model, say).

    ``kbassist serve`` calls this at start, as search catches its index up, so an
    upgrade that ships a new model never leaves old scores on the pages. Returns the
    number of notes rescored.
    """
    model = active_model(core)
    version = model.version if model else ""
    table = store.note_scores
    with core.connect() as conn:
        ids = sorted(
            row[0]
            for row in conn.execute(
                select(table.c.ticket_id).where(table.c.model_version != version)
            )
        )
    return _rescore_notes(core, ids, model, force=False)


def _rescore_notes(core: Core, ids: list[str], model: LoadedClassifier | None, force: bool) -> int:
    """Rescore these notes in batches of BATCH, one transaction each; rows written."""
    return sum(
        _rescore_note_batch(core, ids[start : start + BATCH], model, force)
        for start in range(0, len(ids), BATCH)
    )


def _rescore_note_batch(
    core: Core, ids: list[str], model: LoadedClassifier | None, force: bool
) -> int:
    table = store.note_scores
    version = model.version if model else ""
    with core.begin() as conn:
        rows = conn.execute(
            select(store.tickets.c.id, store.tickets.c.resolution).where(
                store.tickets.c.id.in_(ids)
            )
        ).all()
        stored = {
            row.ticket_id: (row.content_hash, row.model_version)
            for row in conn.execute(
                select(table.c.ticket_id, table.c.content_hash, table.c.model_version).where(
                    table.c.ticket_id.in_(ids)
                )
            )
        }
        todo = [
            (ticket_id, text or "")
            for ticket_id, text in rows
            if force or stored.get(ticket_id) != (text_hash(text or ""), version)
        ]
        if not todo:
            return 0
        texts = [text for _, text in todo]
        embeddings = None
        if model is not None and model.embedder:
            from kbassist.embedding import embed_cached

            plains = [note_text(text) for text in texts]
            # Cached by text hash, so search and training reuse what is embedded here.
            embeddings = embed_cached(conn, core.resources.embedder, plains)
        scores = score_notes(texts, model=model, embeddings=embeddings)
        now = utc_now()
        conn.execute(delete(table).where(table.c.ticket_id.in_([tid for tid, _ in todo])))
        conn.execute(
            table.insert(),
            [
                {
                    "ticket_id": ticket_id,
                    "content_hash": text_hash(text),
                    "score": result.score,
                    "criteria_score": result.criteria_score,
                    "model_probability": result.model_probability,
                    "model_version": version,
                    "criteria": json.dumps(result.criteria, sort_keys=True),
                    "findings": json.dumps([f.as_dict() for f in result.findings]),
                    "blocking": result.blocking,
                    "scored_at": now,
                }
                for (ticket_id, text), result in zip(todo, scores, strict=True)
            ],
        )
    return len(todo)


def _known_article_ids(conn: Connection) -> frozenset[str]:
    """Article ids and file stems: internal links may name either."""
    known: set[str] = set()
    for article_id, path in conn.execute(select(store.articles.c.id, store.articles.c.path)):
        known.add(article_id)
        if path:
            known.add(Path(path).stem)
    return frozenset(known)


def _reopen_rates(conn: Connection) -> dict[str, float]:
    """Per article, the share of tickets that cite it and were reopened."""
    links, tickets = store.ticket_article_links, store.tickets
    rows = conn.execute(
        select(
            links.c.article_id,
            func.count(),
            func.sum(case((tickets.c.reopen_count > 0, 1), else_=0)),
        )
        .select_from(links.join(tickets, links.c.ticket_id == tickets.c.id))
        .group_by(links.c.article_id)
    )
    return {
        article_id: float(reopened or 0) / total for article_id, total, reopened in rows if total
    }


def _baseline_reopen_rate(conn: Connection) -> float | None:
    """The share of all tickets that were reopened at least once."""
    tickets = store.tickets
    total, reopened = conn.execute(
        select(func.count(), func.sum(case((tickets.c.reopen_count > 0, 1), else_=0)))
    ).one()
    return float(reopened or 0) / total if total else None


def _rescore_articles(core: Core, force: bool) -> int:
    table, articles = store.article_scores, store.articles
    now = utc_now()
    with core.begin() as conn:
        rows = conn.execute(select(articles).order_by(articles.c.id)).all()
        if not rows:
            return 0
        known = _known_article_ids(conn)
        rates = _reopen_rates(conn)
        baseline = _baseline_reopen_rate(conn)
        duplicates = _near_duplicates(conn, core, rows)
        stored = {
            row.article_id: row.content_hash
            for row in conn.execute(select(table.c.article_id, table.c.content_hash))
        }
        known_hash = content_hash(sorted(known))
        written = []
        for row in rows:
            rate = rates.get(row.id)
            inputs = content_hash(
                {
                    "article": row.content_hash,
                    "rate": None if rate is None else round(rate, 4),
                    "baseline": None if baseline is None else round(baseline, 4),
                    "duplicates": list(duplicates.get(row.id, ())),
                    "known": known_hash,
                    "day": now.date().isoformat(),  # freshness moves with the calendar
                }
            )
            if not force and stored.get(row.id) == inputs:
                continue
            record = ArticleRecord(
                id=row.id,
                title=row.title,
                type=row.type,
                body=row.body,
                created=row.created,
                updated=row.updated,
                path=row.path or "",
            )
            result = _article_score(
                check_article(record, known, rate, duplicates.get(row.id, ()), now, baseline)
            )
            written.append(
                {
                    "article_id": row.id,
                    "content_hash": inputs,
                    "score": result.score,
                    "criteria_score": result.criteria_score,
                    "model_probability": None,
                    "model_version": "",
                    "criteria": json.dumps(result.criteria, sort_keys=True),
                    "findings": json.dumps([f.as_dict() for f in result.findings]),
                    "blocking": result.blocking,
                    "scored_at": now,
                }
            )
        if written:
            conn.execute(
                delete(table).where(
                    table.c.article_id.in_([item["article_id"] for item in written])
                )
            )
            conn.execute(table.insert(), written)
    return len(written)


def _near_duplicates(
    conn: Connection, core: Core, rows: Sequence[Any]
) -> dict[str, tuple[str, ...]]:
    """For each article, the others whose embedding is nearly the same (most similar first)."""
    if len(rows) < 2:
        return {}
    from kbassist.embedding import embed_cached

    texts = [f"{row.title}\n{row.body}" for row in rows]
    vectors = embed_cached(conn, core.resources.embedder, texts)
    similarity = vectors @ vectors.T
    found: dict[str, tuple[str, ...]] = {}
    for i, row in enumerate(rows):
        order = np.argsort(-similarity[i], kind="stable")
        near = tuple(
            rows[j].id for j in order if j != i and similarity[i, j] >= NEAR_DUPLICATE_SIMILARITY
        )
        if near:
            found[row.id] = near
    return found


def _draw_latest_sample(core: Core) -> None:
    """Draw the KCS monthly sample for the latest month with closed tickets, once."""
    from kbassist.quality.review import draw_monthly_sample, latest_month

    with core.connect() as conn:
        month = latest_month(conn)
        if month is None:
            return
        drawn = conn.execute(
            select(func.count())
            .select_from(store.review_samples)
            .where(store.review_samples.c.month == month)
        ).scalar_one()
    if not drawn:
        draw_monthly_sample(core, month)


# --- training ----------------------------------------------------------------------


def labelled_notes(conn: Connection) -> list[tuple[str, str, str]]:
    """(ticket_id, closure note, label) for every labelled ticket: its latest label wins."""
    labels, tickets = store.review_labels, store.tickets
    rows = conn.execute(
        select(labels.c.ticket_id, labels.c.label, tickets.c.resolution)
        .select_from(labels.join(tickets, labels.c.ticket_id == tickets.c.id))
        .order_by(labels.c.ticket_id, labels.c.created_at, labels.c.id)
    )
    latest: dict[str, tuple[str, str]] = {}
    for ticket_id, label, resolution in rows:
        latest[ticket_id] = (label, resolution or "")
    return [(ticket_id, text, label) for ticket_id, (label, text) in sorted(latest.items())]


def data_hash(items: Iterable[tuple[str, str, str]]) -> str:
    """SHA-256 over (ticket id, label, note hash) lines, sorted: the training data's identity."""
    lines = sorted(f"{tid}\t{label}\t{text_hash(text)}" for tid, text, label in items)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def train(
    core: Core,
    out_dir: Path | None = None,
    *,
    seed: int = 0,
    params: dict[str, Any] | None = None,
) -> TrainReport:
    """Train the classifier from reviewer labels, save the artifact, and rescore everything."""
    with core.connect() as conn:
        items = labelled_notes(conn)
    skipped = {"empty_note": 0, "unknown_label": 0}
    kept = []
    for ticket_id, text, label in items:
        plain = note_text(text)
        if label not in LABELS:
            skipped["unknown_label"] += 1
        elif not plain:
            skipped["empty_note"] += 1
        else:
            kept.append((ticket_id, text, label))
    counts = {label: sum(1 for *_, got in kept if got == label) for label in LABELS}
    if min(counts.values()) < MIN_LABELS_PER_CLASS:
        raise InvalidInput(
            f"Not enough reviewer labels to train: {counts['useful']} useful and "
            f"{counts['needs-work']} needs-work; at least {MIN_LABELS_PER_CLASS} of each are "
            "needed. Label notes in the review queue (Review page), then run `kbassist train`."
        )
    embedder = core.resources.embedder
    plains = [note_text(text) for _, text, _ in kept]
    with core.begin() as conn:
        from kbassist.embedding import embed_cached

        vectors = embed_cached(conn, embedder, plains)
    examples = [example_for(p, check_note(p), vectors[i]) for i, p in enumerate(plains)]
    labels = [label for *_, label in kept]
    estimator = NoteClassifier(random_state=seed, **(params or {}))
    metrics = cross_validate(estimator, examples, labels, seed=seed)
    estimator.fit(examples, labels)
    digest = data_hash(kept)
    version = model_version(digest, estimator.get_params(), embedder.name)
    metadata = {
        "kind": ARTIFACT_NAME,
        "version": version,
        "trained_at": utc_now().isoformat(timespec="seconds"),
        "versions": library_versions(),
        "labels": list(LABELS),
        "label_counts": counts,
        "n_examples": len(kept),
        "data_hash": digest,
        "params": estimator.get_params(),
        "embedder": embedder.name,
        "score_formula": f"{CRITERIA_WEIGHT} * criteria_score + "
        f"{1 - CRITERIA_WEIGHT} * 100 * P(useful)",
        "metrics": metrics,
    }
    target = Path(out_dir) if out_dir is not None else model_path(core)
    save_artifact(estimator, metadata, target)
    rescored = 0
    if target.resolve() == model_path(core).resolve():
        core.resources.reload_classifier()
        rescored = rescore_all(core)
        with core.begin() as conn:
            core.set_meta(conn, "classifier_version", version)
    return TrainReport(version, str(target), len(kept), counts, digest, metrics, rescored, skipped)
