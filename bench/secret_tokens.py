"""Train and evaluate the token model that backs up the secret rules (models/secret-tokens).

    .venv/bin/python bench/secret_tokens.py train      # writes models/secret-tokens/
    .venv/bin/python bench/secret_tokens.py evaluate   # leave one blind file out
    .venv/bin/python bench/secret_tokens.py replay     # the first readings, replayed
    .venv/bin/python bench/secret_tokens.py heldout    # the last files read, held out
    .venv/bin/python bench/secret_tokens.py firstread  # the same, with each file's first rules

``train`` fits :mod:`kbassist.hygiene.token_training` on every labelled value the project
has: the closure-note batches a-d under the shared data (their notes without a secret give
negative tokens; their secret notes name no values and are left out), the blind files
every blind file in bench/data (``BLIND`` in bench/secret_detection.py) and the written cases in
tests/data. The test file of the day
(``NEXT_BLIND`` in bench/secret_detection.py) is never read.

``evaluate`` leaves each blind file out in turn, trains on the rest, and prints side by side
the note-level secret recall and precision of the model alone, of the rules (as they stand
now, tuned on every file: development figures), and of the two together.

``replay`` answers the question the model was built for: would it have caught what the
rules missed the first time each blind file was read? For blind4-blind7 (blind8 was first
read with the model already in place: bench/secret_detection.py's SEEN) it checks out the
revision each was first scored on (``FIRST_READ``), runs those rules on the file, trains the
model on what existed then (the earlier blind files and the written cases at that revision,
with batches a-d), and prints the rules alone beside rules plus model at several
thresholds. The features were designed after reading these files, so the replay is not a
clean test; the next blind file is.

``heldout`` asks whether retraining helps, before it is done: it trains on what existed before
the last files read (``HELD_OUT``; the written cases as they stood at ``HELD_OUT_CASES``), and
prints the current rules plus that model beside the rules plus the shipped model on those files,
at several thresholds. Neither model read them; the rules were tuned on them, so only the
difference between the two models means anything (session 26). ``firstread`` (session 32) asks
it as the files were met: it trains on what existed before blind249 was read, and runs each
held-out group of four with the rules alone as they stood when the group was first scored
(``FIRST_READ_GROUPS``), or'd with that model and with the shipped one. Results go to
bench/results/secret_tokens-<command>.json.
"""

from __future__ import annotations

import argparse
import json
import operator
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _env import RESULTS_DIR, ROOT, data_dir
from secret_detection import BLIND, NEXT_BLIND, rates, rates_of_counts

from kbassist.hygiene.token_model import MODEL_NAME
from kbassist.hygiene.token_training import LabelledText, fit, note_scores, read_labelled

CASES = ("hygiene_cases.jsonl", "hygiene_written.jsonl", "secrets_variants.jsonl")
THRESHOLD = 0.7  # chosen on the replay below (recall gained against false alarms added)
C = 1.0
REPLAY_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
HELD_OUT = tuple(f"blind{n}" for n in range(165, 173))  # read in session 26
HELD_OUT_CASES = "d393634"  # the written cases before session 26 read them
# the revision each group of four was first scored on, and the written cases before the first
FIRST_READ_GROUPS = {"fb0557b": (249, 253), "c8f33dd": (253, 257), "9376a1b": (257, 261),
                     "fdb4c6e": (261, 265)}  # fmt: skip
FIRST_READ_CASES = "fb0557b"
FIRST_READ = {"blind4": "1acfa4f", "blind5": "06a384b", "blind6": "efe63ea", "blind7": "cb66757"}
MODEL_DIR = ROOT / "models" / MODEL_NAME


def shared_batches() -> list[LabelledText]:
    folder = data_dir("closure_notes")
    if not (folder / "batch-a.jsonl").is_file():
        sys.exit(f"No closure-note batches in {folder}: set KBASSIST_BENCH_DATA.")
    return [note for b in "abcd" for note in read_labelled(folder / f"batch-{b}.jsonl")]


def cases(revision: str | None = None) -> list[LabelledText]:
    """The written cases, as they are now or as they were at a revision."""
    out: list[LabelledText] = []
    for name in CASES:
        path = ROOT / "tests" / "data" / name
        if revision is None:
            out.extend(read_labelled(path))
            continue
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{revision}:tests/data/{name}"],
            capture_output=True,
            text=True,
        )
        if not shown.returncode:  # else the file did not exist yet
            out.extend(read_labelled(path, shown.stdout))
    return out


def blind_files(names: Sequence[str]) -> dict[str, list[LabelledText]]:
    assert all(BLIND[name] != NEXT_BLIND for name in names)
    return {name: read_labelled(BLIND[name]) for name in names}


def training_set() -> tuple[list[LabelledText], list[LabelledText]]:
    """The labelled notes, and the lower-cased copies made of them."""
    files = blind_files(list(BLIND))
    notes = shared_batches() + cases() + [note for notes in files.values() for note in notes]
    return notes, lower_cased(notes)


def lower_cased(notes: Sequence[LabelledText]) -> list[LabelledText]:
    """A lower-cased copy of each secret note whose values hold capitals (session 12).

    Technicians type "temp pw fennel-lamp-72" as often as "Fennel-Lamp-72"; the features
    are case-sensitive, so the model learns the lower-case shape from these copies. Measured
    in session 12 by training without blind49-56 and scoring their 1,200 notes: the model
    alone flags 0.762 of the lower-cased secret notes instead of 0.627, and raises 4 more
    false alarms on the notes as written (7 instead of 3).
    """
    out = []
    for note in notes:
        if not (note.secret and note.values) or all(v == v.lower() for v in note.values):
            continue
        text = note.text.lower()
        if len(text) == len(note.text):  # offsets stay where they were
            values = tuple(value.lower() for value in note.values)
            out.append(LabelledText(text, True, note.personal, values))
    return out


def _flags(scores: Sequence[float], threshold: float) -> list[bool]:
    return [score >= threshold for score in scores]


def _rules_flags(notes: Sequence[LabelledText]) -> list[bool]:
    from kbassist.hygiene import SECRET, sensitive_spans

    return [
        any(span.rule == SECRET for span in sensitive_spans(note.text, learned=False))
        for note in notes
    ]


def _figures(notes: Sequence[LabelledText], flags: Sequence[bool]) -> dict[str, Any]:
    return rates([(note.secret, flag) for note, flag in zip(notes, flags, strict=True)])


def evaluate() -> dict[str, Any]:
    shared, written = shared_batches(), cases()
    files = blind_files(list(BLIND))
    out: dict[str, Any] = {}
    for name, notes in files.items():
        train = shared + written + [n for other, ns in files.items() if other != name for n in ns]
        model = fit(train, THRESHOLD, C)
        model_flags = _flags(note_scores(model, [n.text for n in notes]), THRESHOLD)
        rules = _rules_flags(notes)
        out[name] = {
            "model alone": _figures(notes, model_flags),
            "rules (tuned on it)": _figures(notes, rules),
            "rules + model": _figures(notes, list(map(operator.or_, rules, model_flags))),
        }
    return out


_RULES_AT = """
import json, sys
from kbassist.hygiene import SECRET, sensitive_spans
texts = json.load(sys.stdin)
learned = sys.argv[1] == "learned"
print(json.dumps([any(s.rule == SECRET for s in sensitive_spans(t, learned=learned))
                  for t in texts]))
"""


def rules_at(revision: str, texts: Sequence[str], learned: bool = True) -> list[bool]:
    """The secret verdicts of the rules as they stood at a revision (a temporary checkout), with
    that revision's shipped token model unless ``learned`` is false (the revisions ``replay``
    reads had none)."""
    with tempfile.TemporaryDirectory() as folder:
        checkout = Path(folder) / "checkout"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(checkout), revision],
            check=True,
        )
        try:
            done = subprocess.run(
                [sys.executable, "-c", _RULES_AT, "learned" if learned else "rules"],
                input=json.dumps(list(texts)),
                capture_output=True,
                text=True,
                check=True,
                cwd=folder,
                env={"PYTHONPATH": str(checkout), "HF_HUB_OFFLINE": "1", "PATH": ""},
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)], check=True
            )
    return [bool(flag) for flag in json.loads(done.stdout)]


def replay() -> dict[str, Any]:
    shared = shared_batches()
    order = list(BLIND)
    files = blind_files(order)
    out: dict[str, Any] = {}
    for name, revision in FIRST_READ.items():
        notes = files[name]
        earlier = [n for other in order[: order.index(name)] for n in files[other]]
        model = fit(shared + cases(revision) + earlier, THRESHOLD, C)
        scores = note_scores(model, [n.text for n in notes])
        rules = rules_at(revision, [n.text for n in notes])
        out[name] = {
            "rules": _figures(notes, rules),
            "revision": revision,
            **_rules_and_model(notes, rules, scores),
        }
    out["all"] = _pooled(out)
    return out


def heldout() -> dict[str, Any]:
    from kbassist.hygiene.token_model import shipped_model

    order = list(BLIND)  # the files read before the held-out ones, not those read since
    kept = order[: order.index(HELD_OUT[0])]
    earlier = [note for notes in blind_files(kept).values() for note in notes]
    notes = shared_batches() + cases(HELD_OUT_CASES) + earlier
    retrained = fit(notes + lower_cased(notes), THRESHOLD, C)
    held = [note for notes in blind_files(HELD_OUT).values() for note in notes]
    texts = [note.text for note in held]
    rules = _rules_flags(held)
    shipped = shipped_model()
    models = {"retrained": retrained, **({"shipped": shipped} if shipped else {})}
    out: dict[str, Any] = {"held out": {"files": list(HELD_OUT), "rules": _figures(held, rules)}}
    for name, model in models.items():
        out[name] = _rules_and_model(held, rules, note_scores(model, texts))
    return out


def firstread() -> dict[str, Any]:
    from kbassist.hygiene.token_model import shipped_model

    order = list(BLIND)
    first = f"blind{min(low for low, _ in FIRST_READ_GROUPS.values())}"
    earlier = [
        note for notes in blind_files(order[: order.index(first)]).values() for note in notes
    ]
    notes = shared_batches() + cases(FIRST_READ_CASES) + earlier
    models = {"retrained": fit(notes + lower_cased(notes), THRESHOLD, C)}
    if shipped := shipped_model():
        models["shipped"] = shipped
    out: dict[str, Any] = {}
    for revision, (low, high) in FIRST_READ_GROUPS.items():
        names = [f"blind{n}" for n in range(low, high)]
        held = [note for notes in blind_files(names).values() for note in notes]
        texts = [note.text for note in held]
        rules = rules_at(revision, texts, learned=False)
        out[f"{names[0]}-{names[-1]} (rules of {revision})"] = {
            "rules": _figures(held, rules),
            **{
                f"{name}: {method}": figures
                for name, model in models.items()
                for method, figures in _rules_and_model(
                    held, rules, note_scores(model, texts)
                ).items()
            },
        }
    out["all"] = _pooled(out)
    return out


def _rules_and_model(
    notes: Sequence[LabelledText], rules: Sequence[bool], scores: Sequence[float]
) -> dict[str, Any]:
    """The figures of the rules and the model together, at each of the replay's thresholds."""
    return {
        f"rules + model >= {threshold}": _figures(
            notes, [a or b for a, b in zip(rules, _flags(scores, threshold), strict=True)]
        )
        for threshold in REPLAY_THRESHOLDS
    }


def _pooled(per_file: dict[str, dict[str, Any]]) -> dict[str, Any]:
    pooled: dict[str, Any] = {}
    for method in next(iter(per_file.values())):
        if method == "revision":
            continue
        pooled[method] = rates_of_counts(
            *(sum(row[method][count] for row in per_file.values()) for count in ("tp", "fp", "fn"))
        )
    return pooled


def _unread_files() -> list[str]:
    """The blind files in bench/data that training does not read (the next test and after)."""
    read = {path.name for path in BLIND.values()}
    folder = NEXT_BLIND.parent
    unread = [path for path in folder.glob("secrets_blind*.jsonl") if path.name not in read]
    unread.sort(key=lambda path: (len(path.name), path.name))
    return [str(path.relative_to(ROOT)) for path in unread]


def train() -> dict[str, Any]:
    notes, copies = training_set()
    model = fit(notes + copies, THRESHOLD, C)
    metadata = {
        "what": "logistic regression over candidate tokens' shape and context features",
        "trained_by": "bench/secret_tokens.py train",
        "threshold": THRESHOLD,
        "C": C,
        "notes": len(notes),
        "lower_cased_copies": len(copies),
        "features_kept": len(model.weights),
        "trained_on": ["closure_notes batch-a..d (shared data)", *CASES, *sorted(BLIND)],
        "never_read": _unread_files(),
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / "weights.json").write_text(model.to_json(metadata) + "\n", encoding="utf-8")
    (MODEL_DIR / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
    return metadata


def _print(result: dict[str, Any]) -> None:
    for name, methods in result.items():
        print(name)
        for method, figures in methods.items():
            if isinstance(figures, dict):
                print(
                    f"  {method:<24} secret R {figures['recall']:.3f}  P {figures['precision']:.3f}"
                    f"  (missed {figures['fn']}, false alarms {figures['fp']})"
                )
            else:
                print(f"  {method:<24} {figures}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("train", "evaluate", "replay", "heldout", "firstread"))
    args = parser.parse_args(argv)
    if args.command == "train":
        metadata = train()
        print(f"wrote {MODEL_DIR.relative_to(ROOT)}: {metadata['features_kept']} features")
        return 0
    commands = {"evaluate": evaluate, "replay": replay, "heldout": heldout, "firstread": firstread}
    result = commands[args.command]()
    _print(result)
    out = RESULTS_DIR / f"secret_tokens-{args.command}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
