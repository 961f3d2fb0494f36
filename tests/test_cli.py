"""The command line: exact messages and exit codes (0 success, 1 error, 2 usage)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dramagraph.cli import main


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_help_and_version() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "facts", "query", "queries", "export", "stats", "explain", "validate"):
        assert command in result.output
    assert run("--version").output.startswith("dramagraph, version ")


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "dramagraph", "stats", "--store", str(tmp_path / "none")],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: {tmp_path / 'none'}: no dramagraph store here")
    shown = subprocess.run([sys.executable, "-m", "dramagraph", "--help"], capture_output=True, text=True)
    assert shown.returncode == 0 and shown.stdout.startswith("Usage: dramagraph ")


def test_usage_errors_exit_2() -> None:
    assert run("ingest").exit_code == 2          # no inputs
    assert run("nonsense").exit_code == 2
    assert run("export", "--format", "yaml").exit_code == 2


def test_reading_a_store_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    result = run("facts", "--store", str(tmp_path / "nowhere"), "--json")
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'nowhere'}: no dramagraph store here "
                             "(run `dramagraph ingest` first)\n")


def test_unknown_query_name_lists_what_exists(tmp_path: Path) -> None:
    from dramagraph.store import Store

    Store(tmp_path / "s").close()
    result = run("query", "no-such-query", "--store", str(tmp_path / "s"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no query named 'no-such-query' (and no such .rq file); available: ")


def test_query_param_needs_name_equals_value(tmp_path: Path) -> None:
    from dramagraph.store import Store

    Store(tmp_path / "s").close()
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?s WHERE { ?s ?p ?o }")
    result = run("query", str(query), "--store", str(tmp_path / "s"), "--param", "oops")
    assert result.exit_code == 2
    assert "--param needs NAME=VALUE, got 'oops'" in result.output


def test_query_file_runs_against_the_store(tmp_path: Path) -> None:
    from rdflib import Literal, URIRef

    from dramagraph.store import Store

    with Store(tmp_path / "s") as store:
        store.write_articles([("https://example.org/g", [(URIRef("https://example.org/a"),
                                                          URIRef("https://example.org/name"), Literal("Ra Mi-ran"))])])
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?name WHERE { ?s <https://example.org/name> ?name }")
    result = run("query", str(query), "--store", str(tmp_path / "s"), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["name", "Ra Mi-ran"]
    table = run("query", str(query), "--store", str(tmp_path / "s"))
    assert table.output.splitlines() == ["name", "---------", "Ra Mi-ran"]
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT WHERE")
    result = run("query", str(bad), "--store", str(tmp_path / "s"))
    assert result.exit_code == 1 and result.output.startswith("Error: SPARQL syntax error")


REVIEW = """Harbour Lights review: a quiet coastal drama

Harbour Lights is streaming on Netflix. Kwon Na-yeon plays Ma Seo-ri, a ferry captain who hides a debt.
"""


def test_ingest_goes_on_past_bad_files_and_says_which(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_good.txt").write_text(REVIEW, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "d_latin1.txt").write_bytes(b"\xff\xfe\x00\xd8" * 10 + b"\x00" * 50)
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--store", str(store)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"Error: {folder / 'b_empty.txt'}: empty file" in lines
    assert f"Error: {folder / 'c_image.txt'}: binary data (a PNG image), not an article" in lines
    assert any(line.startswith(f"Error: {folder / 'd_latin1.txt'}: ") for line in lines)
    assert lines[-1].startswith("Ingested 1 article (") and lines[-1].endswith("; 3 failed.")
    facts = CliRunner().invoke(main, ["facts", "--store", str(store), "--json"])
    assert facts.exit_code == 0
    import json

    assert json.loads(facts.output)["roles"] == [
        {"actor": "Kwon Na-yeon", "character": "Ma Seo-ri", "show": "Harbour Lights"}]


def test_ingest_twice_replaces_instead_of_duplicating(tmp_path: Path) -> None:
    article = tmp_path / "review.txt"
    article.write_text(REVIEW, encoding="utf-8")
    store = str(tmp_path / "store")
    assert run("ingest", str(article), "--store", store, "--quiet").exit_code == 0
    first = run("export", "--store", store, "--format", "nquads").output
    article.write_text(REVIEW.replace("Ma Seo-ri", "Ma Seo-yeon"), encoding="utf-8")
    assert run("ingest", str(article), "--store", store, "--quiet").exit_code == 0
    second = run("export", "--store", store, "--format", "nquads").output
    assert "Ma Seo-ri" in first and "Ma Seo-ri" not in second and "Ma Seo-yeon" in second
    assert len(second.splitlines()) == len(first.splitlines())
    assert run("ingest", str(article), "--store", store, "--quiet").exit_code == 0
    assert run("export", "--store", store, "--format", "nquads").output == second


def test_an_internal_error_on_one_article_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    import dramagraph.pipeline as pipeline

    real = pipeline.extract

    def flaky(article, options=None):
        if "boom" in article.source:
            raise IndexError("list index out of range")
        return real(article, options)

    monkeypatch.setattr(pipeline, "extract", flaky)
    (tmp_path / "a.txt").write_text(REVIEW, encoding="utf-8")
    (tmp_path / "boom.txt").write_text(REVIEW, encoding="utf-8")
    store = str(tmp_path / "store")
    result = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "boom.txt"), "--store", store)
    assert result.exit_code == 1
    assert (f"Error: {tmp_path / 'boom.txt'}: internal error (IndexError: list index out of range); "
            "please report it with this article") in result.output.splitlines()
    assert "Traceback" not in result.output
    assert "Ingested 1 article" in result.output
    debug = run("--debug", "ingest", str(tmp_path / "boom.txt"), "--store", str(tmp_path / "store2"))
    assert isinstance(debug.exception, IndexError)   # --debug lets it through with its traceback


def test_query_param_in_angle_brackets_binds_an_iri(tmp_path: Path) -> None:
    article = tmp_path / "review.txt"
    article.write_text(REVIEW, encoding="utf-8")
    store = str(tmp_path / "store")
    assert run("ingest", str(article), "--store", store, "--quiet").exit_code == 0
    node = "<https://w3id.org/dramagraph/id/person/kwonnayeon>"
    result = run("query", "explain", "--param", f"node={node}", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "role.play" in result.output and "Kwon Na-yeon plays Ma Seo-ri" in result.output
    as_text = run("query", "explain", "--param", "node=https://w3id.org/dramagraph/id/person/kwonnayeon",
                  "--store", store, "--format", "csv")
    assert as_text.output.splitlines()[1:] == []   # a plain string is a literal, which no node equals
