"""Kill -9 in the middle of a large ingest, then ingest again: the store opens and holds every article
exactly once, byte for byte the graph an uninterrupted run builds.  Real subprocesses, real signals."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _write_articles(folder: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "benchmarks" / "ingest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_articles(folder, count, seed=7)


def _ingest(folder: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dramagraph.cli", "ingest", str(folder), "--store", str(store),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _nquads(store: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-m", "dramagraph.cli", "export", "--store", str(store), "--format",
                          "nquads"], capture_output=True, text=True, check=True).stdout
    return sorted(out.splitlines())


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _write_articles(folder, 800)
    store = tmp_path / "store"

    victim = _ingest(folder, store)
    # wait until the first batches are on disk, then kill without warning
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(store.glob("*.sst")):
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(30)
    assert victim.returncode == -signal.SIGKILL

    resumed = _ingest(folder, store)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()

    reference = tmp_path / "reference"
    clean = _ingest(folder, reference)
    clean.communicate(timeout=300)
    assert clean.returncode == 0

    got, want = _nquads(store), _nquads(reference)
    assert len(got) == len(want)
    assert got == want
    graphs = {line.rsplit(" ", 2)[-2] for line in got}
    assert len(graphs) == 800    # every article exactly once, each in its own graph
