"""Where a benchmark runs: the repository, the shared evaluation data, results, offline models.

Every script under bench/ imports this before kbassist (and so before any model library).
kbassist comes from the virtualenv (``make setup`` installs it editable): no script touches
``sys.path``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"

# The models ship with the package; a benchmark never downloads one.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# A script's own folder comes first on sys.path, so bench/secrets.py would stand in for the
# standard library's ``secrets`` (huggingface_hub imports it when MiniLM loads): load the
# standard one under its name first.
if "secrets" not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        "secrets", Path(sysconfig.get_paths()["stdlib"]) / "secrets.py"
    )
    if _spec is not None and _spec.loader is not None:
        sys.modules["secrets"] = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(sys.modules["secrets"])

if importlib.util.find_spec("kbassist") is None:
    sys.exit("kbassist is not installed in this Python: run `make setup`, then .venv/bin/python.")


def data_dir(name: str) -> Path:
    """One public data set's folder: under $KBASSIST_BENCH_DATA, else ../shared/data/."""
    base = os.environ.get("KBASSIST_BENCH_DATA") or ROOT.parent / "shared" / "data"
    return Path(base) / name
