"""Note and article quality service: score text, rescore what changed, load the note model.

The score of a closure note is 0-100::

    score = 25 * (grade - 1)     grade: the note model's 1-5 usefulness (docked for secrets)
    score = criteria_score       without a usable model ("criteria only": the rules)

With a model, each criterion is the model's decision (``kbassist.quality.classifier``)
and the findings are the rules' explanations reconciled with it
(``kbassist.quality.judgement``), so a finding never contradicts its criterion.
Articles are scored by the article criteria alone. ``kbassist.quality.training``
trains the model. See docs/quality.md.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Table, delete, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.articles import split_front_matter
from kbassist.artifacts import ModelSlot as ModelState
from kbassist.embedding import embed_cached
from kbassist.errors import InvalidInput, NotTrained
from kbassist.findings import Finding
from kbassist.quality import queries, review
from kbassist.quality.article_checks import ArticleAssessment, check_article
from kbassist.quality.classifier import ARTIFACT_NAME, LoadedModel, as_note_model
from kbassist.quality.criteria import NoteAssessment, check_plain_note, criteria_score, note_text
from kbassist.quality.features import HANDCRAFTED_NAMES, note_features
from kbassist.quality.judgement import judged_findings, language_of
from kbassist.quality.readability import TECH_VOCABULARY
from kbassist.records import ArticleRecord, content_hash, text_hash
from kbassist.resources import CRITERIA_ONLY
from kbassist.store import utc_now

if TYPE_CHECKING:
    from kbassist.core import Core
    from kbassist.embedding import Embedder

log = logging.getLogger(__name__)

MODEL_BASIS = "per-criterion model"
NEAR_DUPLICATE_SIMILARITY = 0.7  # cosine of whole-article MiniLM embeddings
ARTICLE_BASIS = "article criteria"
BATCH = 500


@dataclass(frozen=True)
class Score:
    """A note's or an article's score with everything needed to explain it."""

    score: float
    criteria_score: float
    model_probability: float | None  # retired with the verdict classifier: always None now
    criteria: dict[str, bool]
    findings: tuple[Finding, ...]
    blocking: bool
    model: str | None = None  # the model version, None when scored by criteria only
    basis: str = CRITERIA_ONLY
    probabilities: dict[str, float] = field(default_factory=dict)  # criterion -> P(met)

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
            "probabilities": dict(self.probabilities),
            "findings": [finding.as_dict() for finding in self.findings],
        }

    def row(self, content_hash: str, model_version: str, scored_at: datetime) -> dict[str, Any]:
        """The stored columns (note_scores and article_scores alike), but for the key."""
        return {
            "content_hash": content_hash,
            "score": self.score,
            "criteria_score": self.criteria_score,
            "model_probability": self.model_probability,
            "model_version": model_version,
            "criteria": json.dumps(self.criteria, sort_keys=True),
            "findings": json.dumps([finding.as_dict() for finding in self.findings]),
            "blocking": self.blocking,
            "scored_at": scored_at,
        }


# --- scoring -----------------------------------------------------------------------


def score_note(
    text: str,
    *,
    model: LoadedModel | None = None,
    embedder: Embedder | None = None,
    vocabulary: frozenset[str] = TECH_VOCABULARY,
) -> Score:
    """Score one closure note; criteria alone when no model is given."""
    return score_notes([text], model=model, embedder=embedder, vocabulary=vocabulary)[0]


def score_notes(
    texts: Sequence[str],
    *,
    model: LoadedModel | None = None,
    embedder: Embedder | None = None,
    embeddings: np.ndarray | None = None,
    vocabulary: frozenset[str] = TECH_VOCABULARY,
    titles: Sequence[str] | None = None,
) -> list[Score]:
    """Score many notes at once (the model runs in one batch).

    With a model, pass ``embeddings`` (one row per text, e.g. from ``embed_cached``)
    or an ``embedder`` of the kind the model was trained with; ``titles`` (the
    tickets' titles, when known) tell the model a request from a fault.
    """
    plains = [note_text(text) for text in texts]
    return _score_plain_notes(plains, model, embedder, embeddings, vocabulary, titles)


def _score_plain_notes(
    plains: Sequence[str],
    model: LoadedModel | None,
    embedder: Embedder | None,
    embeddings: np.ndarray | None,
    vocabulary: frozenset[str],
    titles: Sequence[str] | None = None,
) -> list[Score]:
    """``score_notes`` for notes already through ``note_text`` (each note converted once)."""
    assessments = [check_plain_note(plain, vocabulary) for plain in plains]
    scores = [_rule_score(assessment) for assessment in assessments]
    usable = [index for index, plain in enumerate(plains) if plain]
    if model is None or not usable:
        return scores
    vectors = _vectors_for(model, [plains[i] for i in usable], embedder, embeddings, usable)
    features = note_features(
        [plains[i] for i in usable],
        [assessments[i] for i in usable],
        vectors,
        None if titles is None else [titles[i] for i in usable],
    )
    judged = model.model.assess(features)
    for row, index in enumerate(usable):
        cues = dict(zip(HANDCRAFTED_NAMES, features.handcrafted[row].tolist(), strict=True))
        met = {name: bool(values[row]) for name, values in judged.met.items()}
        scores[index] = _model_score(
            assessments[index],
            met,
            {name: round(float(values[row]), 4) for name, values in judged.probabilities.items()},
            float(judged.usefulness[row]),
            cues,
            language_of(plains[index]),
            model.version,
        )
    return scores


def _vectors_for(
    model: LoadedModel,
    plains: list[str],
    embedder: Embedder | None,
    embeddings: np.ndarray | None,
    rows: list[int],
) -> np.ndarray:
    if embeddings is not None:
        return np.asarray(embeddings)[rows]
    if embedder is None:
        raise NotTrained(
            f"The note model {model.version} needs the {model.embedder} embedder; none was given."
        )
    _check_embedder(model, embedder)
    return embedder.encode(plains)


def _rule_score(assessment: NoteAssessment) -> Score:
    """A note scored by the rules alone (no model, or an empty note)."""
    return Score(
        score=round(float(assessment.criteria_score), 1),
        criteria_score=round(assessment.criteria_score, 1),
        model_probability=None,
        criteria=dict(assessment.criteria),
        findings=assessment.findings,
        blocking=assessment.blocking,
    )


def _model_score(
    assessment: NoteAssessment,
    met: dict[str, bool],
    probabilities: dict[str, float],
    usefulness: float,
    cues: dict[str, float],
    language: str,
    version: str,
) -> Score:
    """A note scored by the model: its criteria, its usefulness, the rules as explanation."""
    return Score(
        score=round(min(100.0, max(0.0, usefulness)), 1),
        criteria_score=round(criteria_score(met), 1),
        model_probability=None,
        criteria=met,
        findings=judged_findings(assessment.findings, met, cues, language),
        blocking=assessment.blocking,
        model=version,
        basis=MODEL_BASIS,
        probabilities=probabilities,
    )


def score_article(
    record: ArticleRecord,
    *,
    known_ids: frozenset[str] = frozenset(),
    linked_reopen_rate: float | None = None,
    near_duplicates: tuple[str, ...] = (),
    now: datetime | None = None,
) -> Score:
    """Score one article by the article criteria (the clock defaults to now, UTC)."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    assessment = check_article(record, known_ids, linked_reopen_rate, near_duplicates, now)
    return _article_score(assessment)


def _article_score(assessment: ArticleAssessment) -> Score:
    return Score(
        score=round(assessment.criteria_score, 1),
        criteria_score=round(assessment.criteria_score, 1),
        model_probability=None,
        criteria=dict(assessment.criteria),
        findings=assessment.findings,
        blocking=assessment.blocking,
        basis=ARTICLE_BASIS,
    )


def article_from_text(text: str, article_id: str = "") -> ArticleRecord:
    """An ArticleRecord from markdown, with or without front matter (for `kbassist score`)."""
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


def _check_embedder(model: LoadedModel, embedder: Embedder) -> None:
    if model.embedder and model.embedder != embedder.name:
        raise NotTrained(
            f"The note model {model.version} was trained on {model.embedder} embeddings, "
            f"but this instance uses {embedder.name} (KBASSIST_EMBEDDER). Run `kbassist train` "
            "to retrain it with this embedder."
        )


def model_state(core: Core) -> ModelState:
    """The note model in use (reloaded when its artifact changes) or why scores use the rules."""
    slot = core.resources.classifier
    if slot.model is None:
        return slot
    try:
        model = as_note_model(slot.model)
    except NotTrained as error:
        return ModelState(None, f"criteria only: {error.message}", error.message)
    return ModelState(model, f"{MODEL_BASIS} {model.version}")


def load_model(core: Core) -> LoadedModel | None:
    """The trained classifier, or None when none was trained; raises NotTrained if unusable."""
    state = model_state(core)
    if state.error:
        raise NotTrained(state.error)
    return state.model if isinstance(state.model, LoadedModel) else None


def active_model(core: Core) -> LoadedModel | None:
    """The classifier when one is usable, else None (logged): ingest never fails on a model."""
    state = model_state(core)
    if state.error:
        log.warning("note scores fall back to the criteria: %s", state.error)
    return state.model if isinstance(state.model, LoadedModel) else None


def score_text(core: Core, text: str, kind: str = "note") -> Score:
    """Score pasted text with this instance's model (the pre-close check and the API)."""
    if kind == "article":
        with core.connect() as conn:
            known = queries.known_article_ids(conn)
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
        review.draw_latest_sample(core)
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


def pending(core: Core) -> tuple[list[str], list[str]]:
    """Tickets whose note score is missing or stale, and articles not scored since they changed.

    What an interrupted ingest leaves behind; ``kbassist.pipeline.catch_up`` scores them.
    """
    model = active_model(core)
    version = model.version if model else ""
    with core.connect() as conn:
        candidates = queries.notes_to_check(conn, version)
        notes = [
            ticket_id
            for start in range(0, len(candidates), BATCH)
            for ticket_id, *_ in _notes_to_score(
                conn, candidates[start : start + BATCH], version, False
            )
        ]
        articles = queries.articles_to_check(conn)
    return notes, articles


def _rescore_notes(core: Core, ids: list[str], model: LoadedModel | None, force: bool) -> int:
    """Rescore these notes in batches of BATCH, one transaction each; rows written."""
    return sum(
        _rescore_note_batch(core, ids[start : start + BATCH], model, force)
        for start in range(0, len(ids), BATCH)
    )


def _rescore_note_batch(core: Core, ids: list[str], model: LoadedModel | None, force: bool) -> int:
    version = model.version if model else ""
    with core.begin() as conn:
        todo = _notes_to_score(conn, ids, version, force)
        if not todo:
            return 0
        plains = [plain for _, _, plain, _ in todo]
        titles = [title for *_, title in todo]
        embeddings = None
        if model is not None and model.embedder:
            # Cached by text hash, so search and training reuse what is embedded here.
            embeddings = embed_cached(conn, core.resources.embedder, plains)
        scores = _score_plain_notes(plains, model, None, embeddings, TECH_VOCABULARY, titles)
        scored = [(tid, digest, s) for (tid, digest, *_), s in zip(todo, scores, strict=True)]
        return _store_scores(conn, store.note_scores, "ticket_id", scored, version, utc_now())


def _notes_to_score(
    conn: Connection, ids: list[str], version: str, force: bool
) -> list[tuple[str, str, str, str]]:
    """(ticket id, note hash, plain note, title) of the tickets whose stored score is stale."""
    table, tickets = store.note_scores, store.tickets
    stored = {
        row.ticket_id: (row.content_hash, row.model_version)
        for row in conn.execute(
            select(table.c.ticket_id, table.c.content_hash, table.c.model_version).where(
                table.c.ticket_id.in_(ids)
            )
        )
    }
    todo = []
    for ticket_id, text, title in conn.execute(
        select(tickets.c.id, tickets.c.resolution, tickets.c.title).where(tickets.c.id.in_(ids))
    ):
        digest = text_hash(text or "")
        if force or stored.get(ticket_id) != (digest, version):
            todo.append((ticket_id, digest, note_text(text or ""), title or ""))
    return todo


def _store_scores(
    conn: Connection,
    table: Table,
    key: str,
    scored: Sequence[tuple[str, str, Score]],
    model_version: str,
    now: datetime,
) -> int:
    """Replace the stored scores of these notes or articles, given (id, content hash, score)."""
    if not scored:
        return 0
    conn.execute(delete(table).where(table.c[key].in_([item for item, _, _ in scored])))
    conn.execute(
        table.insert(),
        [
            _stored_row(table, key, item, digest, score, model_version, now)
            for item, digest, score in scored
        ],
    )
    return len(scored)


def _stored_row(
    table: Table,
    key: str,
    item: str,
    digest: str,
    score: Score,
    model_version: str,
    now: datetime,
) -> dict[str, Any]:
    row = {key: item, **score.row(digest, model_version, now)}
    if "probabilities" in table.c:  # notes judged by the model keep P(met) per criterion
        row["probabilities"] = json.dumps(score.probabilities) if score.probabilities else None
    return row


def _rescore_articles(core: Core, force: bool) -> int:
    table, articles = store.article_scores, store.articles
    now = utc_now()
    with core.begin() as conn:
        rows = conn.execute(select(articles).order_by(articles.c.id)).all()
        if not rows:
            return 0
        known = queries.known_article_ids(conn)
        rates = queries.reopen_rates(conn)
        baseline = queries.baseline_reopen_rate(conn)
        duplicates = _near_duplicates(conn, core, rows)
        stored = {
            row.article_id: row.content_hash
            for row in conn.execute(select(table.c.article_id, table.c.content_hash))
        }
        known_hash = content_hash(sorted(known))
        scored = []
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
            assessment = check_article(
                record, known, rate, duplicates.get(row.id, ()), now, baseline
            )
            scored.append((row.id, inputs, _article_score(assessment)))
        return _store_scores(conn, table, "article_id", scored, "", now)


def _near_duplicates(
    conn: Connection, core: Core, rows: Sequence[Any]
) -> dict[str, tuple[str, ...]]:
    """For each article, the others whose embedding is nearly the same (most similar first)."""
    if len(rows) < 2:
        return {}
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
