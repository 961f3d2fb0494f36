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
