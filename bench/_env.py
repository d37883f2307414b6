"""Where a benchmark runs: the repository, the shared evaluation data, results, offline models.

Every script under bench/ imports this before kbassist (and so before any model library).
kbassist comes from the virtualenv (``make setup`` installs it editable): no script touches
``sys.path``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"

# The models ship with the package; a benchmark never downloads one.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

if importlib.util.find_spec("kbassist") is None:
    sys.exit("kbassist is not installed in this Python: run `make setup`, then .venv/bin/python.")


def data_dir(name: str) -> Path:
    """One public data set's folder: under $KBASSIST_BENCH_DATA, else ../shared/data/."""
    base = os.environ.get("KBASSIST_BENCH_DATA") or ROOT.parent / "shared" / "data"
    return Path(base) / name
