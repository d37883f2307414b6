"""Benchmark of note-quality scoring: agreement with a help-desk manager, demo labels, speed.

    .venv/bin/python bench/quality.py [--data ../shared/data/helpdesk_mendeley] [--quick]

1. helpdesk_mendeley (real tickets, read in place, never copied): for each
   scored assignee turn, the assignee's comments in that turn are scored and
   compared with the manager's Q2 (thoroughness and completeness) by Spearman
   correlation, partial Spearman controlling for the turn's spent hours and
   comment count (with a bootstrap 95% interval), and AUC for Q2 <= 3. Methods:
   a textstat readability baseline, a length baseline, the criteria alone, the
   classifier alone and the combined score, each on the turn's comments joined into
   one text and as the mean over the comments scored one by one. No weight or
   threshold is fitted to this set; the cue fixes of features v2 (see
   docs/quality.md) came from reading its comments, and it is the development half.
2. The demo generator's notes: the classifier is trained on the notes a demo
   reviewer labelled (as ``kbassist demo`` does) and the combined score is
   evaluated on all the other notes against the generator's ground truth: AUC,
   F1 at the quality bar, and precision/recall of each criterion.
3. Throughput on 10,000 notes: criteria alone, with the classifier (embeddings
   given), and with the classifier including embedding them.

Prints a table and writes bench/results/quality.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import numpy as np
from _env import RESULTS_DIR, ROOT, data_dir
from scipy.stats import rankdata, spearmanr
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

from kbassist.quality import service as quality
from kbassist.quality.classifier import ARTIFACT_NAME, LoadedClassifier, load_artifact
from kbassist.quality.criteria import NOTE_CRITERIA, check_note, note_text
from kbassist.quality.readability import plain_flesch_reading_ease

DEFAULT_DATA = data_dir("helpdesk_mendeley")
RESULTS = RESULTS_DIR / "quality.json"
BOOTSTRAP = 1000
SEED = 0


# --- statistics --------------------------------------------------------------------


def partial_spearman(x: np.ndarray, y: np.ndarray, controls: np.ndarray) -> float:
    """Spearman correlation of x and y after removing what the controls explain (on ranks)."""
    rx, ry = rankdata(x), rankdata(y)
    rc = np.column_stack([rankdata(column) for column in controls.T] + [np.ones(len(x))])
    residual_x = rx - rc @ np.linalg.lstsq(rc, rx, rcond=None)[0]
    residual_y = ry - rc @ np.linalg.lstsq(rc, ry, rcond=None)[0]
    if residual_x.std() == 0 or residual_y.std() == 0:
        return float("nan")
    return float(np.corrcoef(residual_x, residual_y)[0, 1])


def bootstrap_interval(
    x: np.ndarray, y: np.ndarray, controls: np.ndarray, rounds: int = BOOTSTRAP
) -> tuple[float, float]:
    """95% percentile interval of the partial Spearman over resampled turns."""
    rng = np.random.default_rng(SEED)
    values = []
    for _ in range(rounds):
        index = rng.integers(0, len(x), len(x))
        value = partial_spearman(x[index], y[index], controls[index])
        if not np.isnan(value):
            values.append(value)
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


def compare(score: np.ndarray, q2: np.ndarray, controls: np.ndarray) -> dict[str, Any]:
    """Spearman, partial Spearman with its interval, and AUC for Q2 <= 3 (low score = poor)."""
    rho = spearmanr(score, q2).statistic if np.std(score) > 0 else float("nan")
    partial = partial_spearman(score, q2, controls)
    low, high = bootstrap_interval(score, q2, controls)
    poor = (q2 <= 3).astype(int)
    auc = roc_auc_score(poor, -score) if np.std(score) > 0 else 0.5
    return {
        "spearman": round(float(rho), 3),
        "partial_spearman": round(partial, 3),
        "partial_ci95": [round(low, 3), round(high, 3)],
        "auc_q2_le_3": round(float(auc), 3),
    }


# --- helpdesk_mendeley ---------------------------------------------------------------


def mendeley_turns(folder: Path) -> list[dict[str, Any]]:
    """Scored turns with the assignee's comments in the turn joined into one text."""
    tickets = {}
    with (folder / "tickets.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            ticket = json.loads(line)
            tickets[ticket["issue_id"]] = ticket
    turns = []
    with (folder / "assignee_turn_scores.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            turn = json.loads(line)
            if not turn.get("scored") or turn.get("q2_thoroughness_completeness") is None:
                continue
            ticket = tickets.get(turn["issue_id"])
            comments = [
                comment["text"]
                for comment in (ticket or {}).get("comments", [])
                if comment["author"] == turn["assignee"]
                and turn["started"] <= comment["created"] <= turn["ended"]
            ]
            turns.append(
                {
                    **turn,
                    "comments": comments,
                    "text": "\n\n".join(comments),
                    "n_own": len(comments),
                }
            )
    return turns


def shipped_model() -> tuple[LoadedClassifier | None, Any]:
    """The model in models/note-classifier and the embedder it was trained with."""
    path = ROOT / "models" / ARTIFACT_NAME
    if not (path / "metadata.json").exists():
        return None, None
    model = load_artifact(path)
    from kbassist.embedding import make_embedder

    name = "minilm" if model.embedder == "all-MiniLM-L6-v2" else "hashing"
    return model, make_embedder(name)


def score_methods(
    texts: list[str], model: LoadedClassifier | None, embedder: Any
) -> dict[str, np.ndarray]:
    """Every method's score for each text: the two baselines, criteria, classifier, combined."""
    methods: dict[str, np.ndarray] = {
        "readability (textstat Flesch)": np.array(
            [plain_flesch_reading_ease(text) if text.strip() else 0.0 for text in texts]
        ),
        "length (words)": np.array([len(text.split()) for text in texts], dtype=float),
        "criteria alone": np.array([check_note(text).criteria_score for text in texts]),
    }
    if model is not None:
        scored = quality.score_notes(texts, model=model, embedder=embedder)
        methods["classifier alone"] = np.array(
            [s.model_probability if s.model_probability is not None else 0.0 for s in scored]
        )
        methods["combined score"] = np.array([s.score for s in scored])
    return methods


def bench_mendeley(folder: Path, model: LoadedClassifier | None, embedder: Any) -> dict[str, Any]:
    turns = mendeley_turns(folder)
    q2 = np.array([turn["q2_thoroughness_completeness"] for turn in turns], dtype=float)
    controls = np.array([[turn["spent_hours"], turn["comments_count"]] for turn in turns], float)
    methods = score_methods([turn["text"] for turn in turns], model, embedder)
    # The same methods on each comment as a note of its own, averaged over the turn: the
    # criteria are written for one note, and a joined text meets a criterion when any of
    # its comments does, so the joined figure rewards a turn for having more comments.
    comments = [comment for turn in turns for comment in turn["comments"]]
    per_comment = score_methods(comments, model, embedder)
    bounds = np.cumsum([0] + [turn["n_own"] for turn in turns])
    with_text = np.array([turn["n_own"] > 0 for turn in turns])
    result: dict[str, Any] = {
        "n_turns": len(turns),
        "n_turns_with_comments": int(with_text.sum()),
        "q2_le_3": int((q2 <= 3).sum()),
        "confound": {
            "spearman_q2_spent_hours": round(float(spearmanr(q2, controls[:, 0]).statistic), 3),
            "spearman_q2_comments": round(float(spearmanr(q2, controls[:, 1]).statistic), 3),
        },
        "turns_with_comments": {},
        "turns_with_comments_mean_per_comment": {},
        "all_turns": {},
    }
    for name, values in methods.items():
        result["turns_with_comments"][name] = compare(
            values[with_text], q2[with_text], controls[with_text]
        )
        result["all_turns"][name] = compare(values, q2, controls)
        means = np.array(
            [
                per_comment[name][start:end].mean()
                for start, end in zip(bounds[:-1], bounds[1:], strict=True)
                if end > start
            ]
        )
        result["turns_with_comments_mean_per_comment"][name] = compare(
            means, q2[with_text], controls[with_text]
        )
    return result


# --- the demo generator ------------------------------------------------------------


def bench_demo(seed: int = 7, n_tickets: int = 5000) -> dict[str, Any] | None:
    """Train on the demo reviewer's labels, evaluate on every other generated note."""
    try:
        from kbassist.demo import generator as demo
    except ImportError:
        return None
    import tempfile

    from kbassist.demo.loader import LABEL_SHARE
    from kbassist.embedding import make_embedder
    from kbassist.quality.classifier import NoteClassifier

    with tempfile.TemporaryDirectory() as scratch:
        data = demo.generate(seed=seed, n_tickets=n_tickets, kb_dir=ROOT / "kb")
        paths = demo.write_demo(data, Path(scratch))
        truth = json.loads(Path(paths["ground_truth"]).read_text())["tickets"]
        notes = {}
        with Path(paths["tickets"]).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                notes[row["id"]] = row.get("resolution") or ""
    rng = random.Random(seed)  # the same draw as kbassist.demo.loader._label_sample
    labelled = sorted(t for t in sorted(truth) if rng.random() < LABEL_SHARE)
    held_out = sorted(set(truth) - set(labelled))
    embedder = make_embedder(os.environ.get("BENCH_EMBEDDER", "minilm"))
    ids = sorted(truth)
    plains = [note_text(notes.get(i, "")) for i in ids]
    started = time.perf_counter()
    vectors = embedder.encode(plains)
    embed_seconds = time.perf_counter() - started
    row_of = {ticket_id: row for row, ticket_id in enumerate(ids)}
    assessments = {i: check_note(plains[row_of[i]]) for i in ids}

    def example(ticket_id: str):  # type: ignore[no-untyped-def]
        row = row_of[ticket_id]
        return quality.example_for(plains[row], assessments[ticket_id], vectors[row])

    def label(ticket_id: str) -> str:
        return "useful" if truth[ticket_id].get("note_quality") == "good" else "needs-work"

    train_ids = [i for i in labelled if plains[row_of[i]]]
    estimator = NoteClassifier().fit([example(i) for i in train_ids], [label(i) for i in train_ids])
    model = LoadedClassifier(estimator, {"version": "bench", "embedder": embedder.name}, Path("."))
    scores = quality.score_notes(
        [plains[row_of[i]] for i in held_out],
        model=model,
        embeddings=np.vstack([vectors[row_of[i]] for i in held_out]),
    )
    good = np.array([label(i) == "useful" for i in held_out], dtype=int)
    combined = np.array([s.score for s in scores])
    criteria_only = np.array([s.criteria_score for s in scores])
    bar = 60
    per_criterion = {}
    for name in NOTE_CRITERIA:
        expected = [bool(truth[i].get("criteria", {}).get(name)) for i in held_out]
        predicted = [assessments[i].criteria[name] for i in held_out]
        per_criterion[name] = {
            "precision": round(float(precision_score(expected, predicted, zero_division=0)), 3),
            "recall": round(float(recall_score(expected, predicted, zero_division=0)), 3),
            "prevalence": round(float(np.mean(expected)), 3),
        }
    return {
        "n_labelled_for_training": len(train_ids),
        "n_evaluated": len(held_out),
        "good_share": round(float(good.mean()), 3),
        "embedder": embedder.name,
        "combined": {
            "auc": round(float(roc_auc_score(good, combined)), 3),
            "f1_at_bar": round(float(f1_score(good, combined >= bar)), 3),
        },
        "criteria_alone": {
            "auc": round(float(roc_auc_score(good, criteria_only)), 3),
            "f1_at_bar": round(float(f1_score(good, criteria_only >= bar)), 3),
        },
        "per_criterion": per_criterion,
        "_texts": plains,
        "_vectors": vectors,
        "_embedding": {"notes": len(plains), "seconds": embed_seconds},
    }


# --- throughput ----------------------------------------------------------------------


def bench_throughput(
    texts: list[str],
    model: LoadedClassifier | None,
    embedder: Any,
    n: int,
    vectors: np.ndarray | None = None,
    embedding: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Notes per second: criteria alone; with the classifier, embeddings given or included.

    Embedding time per note comes from embedding the demo's 5,000 notes (or 500 here
    when there is no demo run); embedding 10,000 more with MiniLM on two shared cores
    would take most of the benchmark's time budget to measure the same rate.
    """
    keep = [i for i, text in enumerate(texts) if text.strip()]
    pool = [texts[i] for i in keep] or ["Rebooted the server."]

    def distinct(run: str) -> list[str]:
        # New texts for every run, so textstat's caches never flatter a later run.
        return [f"{pool[i % len(pool)]} (ref {run}-{i})" for i in range(n)]

    notes = distinct("criteria")
    started = time.perf_counter()
    for start in range(0, n, 500):
        quality.score_notes(notes[start : start + 500])
    criteria_seconds = time.perf_counter() - started
    result: dict[str, Any] = {"notes": n, "criteria_alone_per_s": round(n / criteria_seconds, 1)}
    if model is None:
        return result
    if model.embedder and (vectors is None or embedding is None):
        sample = pool[:500]
        started = time.perf_counter()
        vectors = embedder.encode(sample)
        embedding = {"notes": len(sample), "seconds": time.perf_counter() - started}
        keep = list(range(len(sample)))
    notes = distinct("model")
    rows = None
    if model.embedder and vectors is not None:
        pool_vectors = np.asarray(vectors)[keep]
        rows = np.vstack([pool_vectors[i % len(pool_vectors)] for i in range(n)])
    started = time.perf_counter()
    for start in range(0, n, 500):
        chunk = None if rows is None else rows[start : start + 500]
        quality.score_notes(notes[start : start + 500], model=model, embeddings=chunk)
    model_seconds = time.perf_counter() - started
    result["with_classifier_excluding_embedding_per_s"] = round(n / model_seconds, 1)
    if embedding:
        per_note = embedding["seconds"] / embedding["notes"]
        result["with_classifier_including_embedding_per_s"] = round(
            n / (model_seconds + per_note * n), 1
        )
        result["embedding_per_s"] = round(1 / per_note, 1)
        result["embedding_timed_on_notes"] = embedding["notes"]
    result["embedder"] = getattr(embedder, "name", None)
    return result


# --- report --------------------------------------------------------------------------


def print_report(report: dict[str, Any]) -> None:
    mendeley = report["helpdesk_mendeley"]
    print(
        f"\nhelpdesk_mendeley: {mendeley['n_turns']} scored turns "
        f"({mendeley['n_turns_with_comments']} with assignee comments), "
        f"{mendeley['q2_le_3']} with Q2 <= 3; confound: Spearman(Q2, hours) "
        f"{mendeley['confound']['spearman_q2_spent_hours']}, Spearman(Q2, comments) "
        f"{mendeley['confound']['spearman_q2_comments']}"
    )
    for subset in ("turns_with_comments", "turns_with_comments_mean_per_comment", "all_turns"):
        print(f"\n  {subset.replace('_', ' ')}")
        print(f"  {'method':<32}{'Spearman':>10}{'partial':>10}{'95% CI':>18}{'AUC Q2<=3':>11}")
        for name, row in mendeley[subset].items():
            low, high = row["partial_ci95"]
            print(
                f"  {name:<32}{row['spearman']:>10.3f}{row['partial_spearman']:>10.3f}"
                f"{f'[{low:.3f}, {high:.3f}]':>18}{row['auc_q2_le_3']:>11.3f}"
            )
    demo = report.get("demo")
    if demo:
        print(
            f"\ndemo: trained on {demo['n_labelled_for_training']} labelled notes, evaluated on "
            f"{demo['n_evaluated']} ({demo['good_share']:.0%} good), embedder {demo['embedder']}"
        )
        print(
            f"  combined score: AUC {demo['combined']['auc']:.3f}, F1 at 60 "
            f"{demo['combined']['f1_at_bar']:.3f}   (criteria alone: AUC "
            f"{demo['criteria_alone']['auc']:.3f}, F1 {demo['criteria_alone']['f1_at_bar']:.3f})"
        )
        for name, row in demo["per_criterion"].items():
            print(
                f"  {name:<14} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
                f"(present in {row['prevalence']:.0%})"
            )
    else:
        print("\ndemo: kbassist.demo.generator is not available; skipped")
    speed = report["throughput"]
    print(f"\nthroughput on {speed['notes']:,} notes (notes per second):")
    print(f"  criteria alone                         {speed['criteria_alone_per_s']:>10,.0f}")
    if "with_classifier_excluding_embedding_per_s" in speed:
        print(
            "  with classifier, embedding excluded    "
            f"{speed['with_classifier_excluding_embedding_per_s']:>10,.0f}"
        )
        print(
            "  with classifier, embedding included    "
            f"{speed['with_classifier_including_embedding_per_s']:>10,.0f}  ({speed['embedder']}: "
            f"{speed['embedding_per_s']:,.0f} notes/s embedded, timed on "
            f"{speed['embedding_timed_on_notes']:,} notes)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--notes", type=int, default=10_000, help="notes for the throughput run")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo evaluation")
    arguments = parser.parse_args()

    model, embedder = shipped_model()
    report: dict[str, Any] = {
        "command": "python bench/quality.py",
        "model": model.version if model else None,
        "model_embedder": model.embedder if model else None,
    }
    report["helpdesk_mendeley"] = bench_mendeley(arguments.data, model, embedder)
    demo = None if arguments.no_demo else bench_demo()
    vectors, embedding = None, None
    if demo:
        texts, vectors, embedding = demo.pop("_texts"), demo.pop("_vectors"), demo.pop("_embedding")
        if model is None or model.embedder != demo["embedder"]:
            vectors, embedding = None, None  # the demo ran with another embedder
    else:
        texts = [turn["text"] for turn in mendeley_turns(arguments.data)]
    report["demo"] = demo
    report["throughput"] = bench_throughput(
        texts, model, embedder, arguments.notes, vectors, embedding
    )
    print_report(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
