"""Model artifacts: a folder holding a pickled estimator and its ``metadata.json``.

We only unpickle what we produced: the estimator file's SHA-256 is recorded in
the metadata when it is saved and checked before it is loaded, and the library
versions it was trained with must match this installation's.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbassist.errors import NotTrained

ESTIMATOR_FILE = "estimator.joblib"
METADATA_FILE = "metadata.json"


@dataclass(frozen=True)
class Artifact:
    """An estimator read from its artifact folder, with the metadata it was saved with."""

    estimator: Any
    metadata: dict[str, Any]
    path: Path

    @property
    def version(self) -> str:
        return str(self.metadata["version"])

    @property
    def embedder(self) -> str | None:
        """The embedder name the model was trained with, or None if it uses no embedding."""
        return self.metadata.get("embedder")


@dataclass(frozen=True)
class ModelSlot:
    """The model in use, or why there is none (``reason`` for people, ``error`` if unusable)."""

    model: Artifact | None
    reason: str = ""
    error: str = ""


def library_versions(**extra: str) -> dict[str, str]:
    """The versions an artifact records and a load checks, plus the caller's own (features)."""
    import numpy
    import sklearn

    from kbassist import __version__

    return {
        "kbassist": __version__,
        "sklearn": sklearn.__version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
        **extra,
    }


def save_artifact(estimator: Any, metadata: dict[str, Any], out_dir: Path) -> Path:
    """Write the artifact folder atomically: a temporary folder, then a rename."""
    import joblib

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    previous = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir()
    joblib.dump(estimator, temporary / ESTIMATOR_FILE)
    digest = hashlib.sha256((temporary / ESTIMATOR_FILE).read_bytes()).hexdigest()
    full = {**metadata, "estimator_file": ESTIMATOR_FILE, "estimator_sha256": digest}
    (temporary / METADATA_FILE).write_text(
        json.dumps(full, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
    )
    if out_dir.exists():
        out_dir.rename(previous)
    temporary.rename(out_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return out_dir


def read_metadata(path: Path) -> dict[str, Any] | None:
    """An artifact's metadata, or None when there is no artifact at path."""
    file = Path(path) / METADATA_FILE
    if not file.exists():
        return None
    return json.loads(file.read_text(encoding="utf-8"))


def load_artifact(path: Path, what: str = "note classifier", **expected: str) -> Artifact:
    """Load an artifact folder, checking that we wrote it and that the versions match.

    ``expected`` names further recorded versions that must match exactly (``features="2"``).
    """
    import joblib

    path = Path(path)
    metadata = read_metadata(path)
    if metadata is None:
        raise NotTrained(
            f"No trained {what} in {path}. Run `kbassist train` first "
            "(it learns from the labelled notes and the reviewer labels)."
        )
    estimator_file = path / str(metadata.get("estimator_file", ESTIMATOR_FILE))
    if not estimator_file.exists():
        raise NotTrained(f"{estimator_file} is missing. Run `kbassist train` to rebuild it.")
    digest = hashlib.sha256(estimator_file.read_bytes()).hexdigest()
    if digest != metadata.get("estimator_sha256"):
        # A file that does not match its recorded hash is not ours (or is damaged).
        raise NotTrained(
            f"{estimator_file} does not match the hash in its metadata.json, so it is not "
            "loaded. Run `kbassist train` to write a fresh model."
        )
    problem = version_problem(metadata.get("versions", {}), expected)
    if problem:
        raise NotTrained(
            f"The {what} in {path} was {problem}. Run `kbassist train` to retrain it "
            "with this installation."
        )
    try:
        estimator = joblib.load(estimator_file)
    except (AttributeError, ImportError, EOFError, ValueError, TypeError) as error:
        # Our own pickle, but of a class this kbassist no longer has (an older model kind).
        raise NotTrained(
            f"The {what} in {path} was written by another version of kbassist ({error}). "
            "Run `kbassist train` to retrain it with this installation."
        ) from error
    return Artifact(estimator, metadata, path)


def version_problem(saved: dict[str, str], expected: dict[str, str]) -> str | None:
    """Why an artifact's recorded versions do not fit this installation, or None."""
    for name, value in expected.items():
        if str(saved.get(name)) != str(value):
            return f"built for {name} v{saved.get(name)}, kbassist now uses v{value}"
    current = library_versions()
    for library, same in (("sklearn", _minor), ("numpy", _major)):
        if same(saved.get(library, "")) != same(current[library]):
            return (
                f"trained with {library} {saved.get(library)}, this install has {current[library]}"
            )
    return None


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def _major(version: str) -> str:
    return version.split(".")[0]
