"""The real articles in ../shared/corpus/dev, scored by ../shared/eval/score.py through the CLI contract.

Skipped when ../shared is not beside the checkout.  The bars are the project's promises: the founding
example scores 1.00 on every relation with no leaks, the dev set reaches micro-F1 >= 0.85 with no leaks,
and the graph of the whole dev set conforms to the SHACL shapes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCORE = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not (DEV.is_dir() and SCORE.is_file()), reason="../shared corpus not present")

COMMAND = (f"{sys.executable} -m dramagraph.cli ingest {{input}} --store {{store}} --quiet && "
           f"{sys.executable} -m dramagraph.cli facts --store {{store}} --json")


def _score(cases: Path) -> dict:
    proc = subprocess.run([sys.executable, str(SCORE), "--cases", str(cases), "--cmd", COMMAND, "--json"],
                          capture_output=True, text=True, timeout=600)
    summary_line = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert summary_line, proc.stdout + proc.stderr
    return json.loads(summary_line[-1])


def test_founding_example_scores_perfectly(tmp_path: Path) -> None:
    for path in DEV.glob("00_*"):
        shutil.copy(path, tmp_path / path.name)
    summary = _score(tmp_path)
    assert summary["failed"] == 0 and summary["leaks"] == 0
    imperfect = {rel: s for rel, s in summary["relations"].items() if s["f1"] < 1.0}
    assert imperfect == {}


def test_dev_set_micro_f1_and_no_leaks() -> None:
    summary = _score(DEV)
    assert summary["failed"] == 0
    assert summary["leaks"] == 0
    assert summary["micro_f1"] >= 0.85, summary   # the bar
    assert summary["micro_f1"] >= 0.985, summary  # just under what extraction reaches: a regression fails here


def test_dev_set_graph_conforms_to_shapes() -> None:
    from dramagraph.pipeline import ingest
    from dramagraph.store import Store
    from dramagraph.validate import validate

    store = Store(None)
    report = ingest(sorted(str(p) for p in DEV.glob("*.txt")), store)
    assert report.failed == [] and report.articles == len(list(DEV.glob("*.txt")))
    result = validate(store)
    assert result.conforms, result.text
