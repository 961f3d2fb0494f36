"""Ingest at scale: worker processes (``--jobs``), skipping unchanged inputs by content hash, Ctrl-C, and
a cold start that imports only what a command needs.  Real stores, real processes, real signals."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import dramagraph.pipeline as pipeline
from dramagraph.cli import main
from dramagraph.pipeline import IngestOptions, ingest
from dramagraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
REVIEW = ("Harbour Lights review: a quiet Netflix drama\n\nKwon Na-yeon plays Ma Seo-ri in Harbour Lights, "
          "a Netflix original with twelve episodes.\n\nDirected by: Yoo Gun-woo\n")


def _write_articles(folder: Path, count: int, seed: int = 11) -> None:
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "benchmarks" / "ingest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_articles(folder, count, seed=seed)


def _nquads(store: Store) -> list[str]:
    import io

    out = io.BytesIO()
    store.dump(out, "nquads")
    return sorted(out.getvalue().decode("utf-8").splitlines())


def _run(inputs: list, path: Path, **options) -> tuple[pipeline.IngestReport, list[str], list[pipeline.Progress]]:
    events: list[pipeline.Progress] = []
    with Store(path) as store:
        report = ingest(inputs, store, IngestOptions(**options), progress=events.append)
        quads = _nquads(store)
    return report, quads, events


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 synthetic reviews, a binary file, an empty file and two JSON lines naming the same URL."""
    folder = tmp_path_factory.mktemp("articles")
    _write_articles(folder, 200)
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "empty.txt").write_bytes(b"")
    same = "https://example.org/harbour-lights"
    (folder / "wire.jsonl").write_text(
        json.dumps({"url": same, "text": REVIEW}) + "\n"
        + json.dumps({"url": same, "text": REVIEW.replace("Ma Seo-ri", "Ma Seo-yeon")}) + "\n", encoding="utf-8")
    return folder


# -- --jobs --------------------------------------------------------------------------------------------


def test_two_jobs_build_exactly_the_store_one_job_builds(articles: Path, tmp_path: Path) -> None:
    one, quads_one, events_one = _run([articles], tmp_path / "one", jobs=1)
    # small chunks: many tasks in flight at once, results arriving out of order
    two, quads_two, events_two = _run([articles], tmp_path / "two", jobs=2, chunk_size=3)
    assert two.jobs == 2
    assert quads_two == quads_one
    assert len({line.rsplit(" ", 2)[-2] for line in quads_one}) == 201   # 200 reviews + the wire story once
    assert (two.articles, two.facts, two.triples, two.facts_by_kind) == (
        one.articles, one.facts, one.triples, one.facts_by_kind)
    assert one.articles == 202
    assert [(e.source, e.done, e.ok, e.facts, e.error) for e in events_two] == [
        (e.source, e.done, e.ok, e.facts, e.error) for e in events_one]
    assert two.failed == one.failed == [
        (str(articles / "broken.txt"), "binary data (a PNG image), not an article"),
        (str(articles / "empty.txt"), "empty file")]
    assert "Ma Seo-yeon" in "".join(quads_two) and "Ma Seo-ri" not in "".join(quads_two)   # the later line won


def test_jobs_zero_means_one_per_core(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REVIEW, encoding="utf-8")
    report, _, _ = _run([tmp_path / "a.txt"], tmp_path / "store", jobs=0)
    assert report.jobs == pipeline.cpu_count() and report.articles == 1


def test_an_internal_error_in_a_worker_fails_only_that_article(tmp_path: Path, monkeypatch) -> None:
    real = pipeline.extract

    def flaky(article, options=None):
        if "boom" in article.source:
            raise IndexError("list index out of range")
        return real(article, options)

    monkeypatch.setattr(pipeline, "extract", flaky)   # the forked workers inherit it
    for name in ("a.txt", "boom.txt", "c.txt"):
        (tmp_path / name).write_text(REVIEW.replace("Harbour", name[0].upper() + "arbour"), encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "boom.txt"),
                                       str(tmp_path / "c.txt"), "--store", str(tmp_path / "store"), "--jobs", "2"])
    assert result.exit_code == 1
    assert (f"Error: {tmp_path / 'boom.txt'}: internal error (IndexError: list index out of range); "
            "please report it with this article") in result.output.splitlines()
    assert "Ingested 2 articles" in result.output and "1 failed" in result.output
    with Store(tmp_path / "store", read_only=True) as store:
        sources = {row["s"] for row in store.select("SELECT ?s WHERE { ?a dg:source ?s }")}
    assert sources == {str(tmp_path / "a.txt"), str(tmp_path / "c.txt")}


# -- skipping unchanged inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_unchanged_inputs_are_skipped_before_cleaning(articles: Path, tmp_path: Path, monkeypatch,
                                                      jobs: int) -> None:
    store = tmp_path / "store"
    first, quads, _ = _run([articles], store, jobs=jobs)

    log = tmp_path / "cleaned.txt"   # a file: worker processes clean too
    real_clean = pipeline.clean_document

    def clean(document):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(document.source + "\n")
        return real_clean(document)

    monkeypatch.setattr(pipeline, "clean_document", clean)
    second, again, events = _run([articles], store, jobs=jobs)

    assert again == quads                         # nothing new stored, nothing lost
    # the wire story's two lines share one graph, which holds the second: the first is read again, so the
    # second is too (and wins again); every review is skipped without being cleaned
    assert (second.articles, second.skipped) == (2, 200)
    wire = str(articles / "wire.jsonl")
    assert sorted(log.read_text(encoding="utf-8").split()) == [f"{wire}:1", f"{wire}:2"]
    assert sum(e.skipped for e in events) == 200 and len(failed := second.failed) == 2, failed
    assert first.skipped == 0


def test_a_changed_input_is_ingested_again_and_force_ingests_all(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_articles(folder, 5)
    store = tmp_path / "store"
    _run([folder], store)
    changed = folder / "review-000003.txt"
    headline, rest = changed.read_text(encoding="utf-8").split("\n\n", 1)
    changed.write_text(f"{headline}\n\nKim Da-som plays Oh Yeon-hee in Paper Lanterns.\n\n{rest}", encoding="utf-8")
    report, quads, _ = _run([folder], store)
    assert (report.articles, report.skipped) == (1, 4)
    assert any("Oh Yeon-hee" in line for line in quads)
    forced, forced_quads, _ = _run([folder], store, force=True)
    assert (forced.articles, forced.skipped) == (5, 0)
    assert forced_quads == quads


def test_a_new_version_or_other_options_ingest_everything_again(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(REVIEW, encoding="utf-8")
    store = tmp_path / "store"
    assert _run([tmp_path / "a.txt"], store)[0].articles == 1
    assert _run([tmp_path / "a.txt"], store)[0].skipped == 1
    from dramagraph.models import ExtractOptions

    assert _run([tmp_path / "a.txt"], store, extract=ExtractOptions(min_confidence=0.5))[0].articles == 1
    assert _run([tmp_path / "a.txt"], store, extract=ExtractOptions(min_confidence=0.5))[0].skipped == 1
    monkeypatch.setattr(pipeline, "__version__", "99.0.0")   # new rules come with a new version
    assert _run([tmp_path / "a.txt"], store, extract=ExtractOptions(min_confidence=0.5))[0].articles == 1


def test_the_summary_reports_skipped_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REVIEW, encoding="utf-8")
    args = ["ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store")]
    assert CliRunner().invoke(main, args).exit_code == 0
    again = CliRunner().invoke(main, [*args, "--json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["skipped_unchanged"] == 1
    assert "Ingested 0 articles (0 facts, 0 triples)" in again.stderr and "; 1 unchanged, skipped." in again.stderr
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert "Ingested 1 article " in forced.stderr and "skipped" not in forced.stderr


# -- Ctrl-C ----------------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ctrl_c_stops_workers_and_keeps_complete_articles(tmp_path: Path) -> None:
    import psutil

    folder = tmp_path / "in"
    folder.mkdir()
    _write_articles(folder, 2000)
    store = tmp_path / "store"
    command = [sys.executable, "-m", "dramagraph.cli", "ingest", str(folder), "--store", str(store), "--jobs", "2"]
    # its own process group, as a terminal's foreground job: Ctrl-C sends SIGINT to every process in it
    victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    assert victim.stderr is not None
    first = victim.stderr.readline().decode()   # on a pipe, a progress line per 1,000 articles
    assert first.startswith("1000 articles read"), first
    workers = psutil.Process(victim.pid).children(recursive=True)
    assert len(workers) == 2
    os.killpg(victim.pid, signal.SIGINT)
    _, err = victim.communicate(timeout=60)
    stderr = first + err.decode()
    assert victim.returncode == 130, stderr
    assert "Traceback" not in stderr
    summary = [line for line in stderr.splitlines() if line.startswith("Interrupted: stored ")]
    assert len(summary) == 1, stderr
    stored = int(summary[0].split()[2])
    assert 0 < stored < 2000
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)

    with Store(store) as opened:
        assert len(opened.article_graphs()) == stored   # complete articles, each once
    resumed = subprocess.run([*command, "--json", "--quiet"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)
    assert (report["skipped_unchanged"], report["articles"]) == (stored, 2000 - stored)


# -- cold start ------------------------------------------------------------------------------------------


def _modules_after(*argv: str) -> set[str]:
    code = ("import sys\nfrom dramagraph.cli import main\nsys.argv = ['dramagraph', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=60)
    return set(done.stderr.split())


def test_help_imports_no_rdf_or_graph_library() -> None:
    loaded = _modules_after("--help")
    assert "click" in loaded and "dramagraph" in loaded
    assert not loaded & {"rdflib", "networkx", "pyoxigraph", "pyshacl", "trafilatura"}


def test_stats_imports_the_store_but_not_rdflib(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REVIEW, encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "s")]).exit_code == 0
    loaded = _modules_after("stats", "--store", str(tmp_path / "s"))
    assert "pyoxigraph" in loaded
    assert not loaded & {"rdflib", "networkx", "pyshacl", "trafilatura"}
