"""The remote SPARQL store against a real Virtuoso: the same answers as the embedded store, per-article
replace, credentials, clear errors, no half-written article, and the Dask fan-out example."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from dramagraph.errors import QueryError, StoreError
from dramagraph.remote import JOURNAL_LISTS, JOURNAL_PREFIX, JOURNAL_STARTED, RemoteStore, _bind
from dramagraph.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTICLE = "https://w3id.org/dramagraph/id/article/"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dramagraph.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})}, cwd=ROOT)


def remote(virtuoso) -> str:  # type: ignore[no-untyped-def]
    return "sparql+" + virtuoso.sparql_url


def clear(virtuoso) -> None:  # type: ignore[no-untyped-def]
    with RemoteStore(remote(virtuoso)) as store:
        graphs = store.article_graphs()
        for i in range(0, len(graphs), 100):
            store._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 100]))


def sparql(virtuoso, field: str, text: str) -> bytes:  # type: ignore[no-untyped-def]
    request = urllib.request.Request(virtuoso.sparql_url, data=urllib.parse.urlencode({field: text}).encode(),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("embedded") / "store"
    done = cli("ingest", str(EXAMPLES), "--store", str(folder), "--quiet")
    assert done.returncode == 0, done.stderr
    return str(folder)


@pytest.fixture(scope="module")
def loaded(virtuoso, embedded: str) -> str:  # type: ignore[no-untyped-def]
    """The examples ingested into Virtuoso through the CLI (twice: the forced second run replaces the first;
    a third run finds every article's content hash unchanged and skips it)."""
    clear(virtuoso)
    for force in ((), ("--force",)):
        done = cli("ingest", str(EXAMPLES), "--store", remote(virtuoso), *force)
        assert done.returncode == 0, done.stderr
        assert "Ingested 8 articles" in done.stderr
    done = cli("ingest", str(EXAMPLES), "--store", remote(virtuoso))
    assert done.returncode == 0, done.stderr
    assert "Ingested 0 articles" in done.stderr and "8 unchanged, skipped" in done.stderr
    return remote(virtuoso)


def test_facts_match_the_embedded_store_exactly(loaded: str, embedded: str) -> None:
    ours, theirs = cli("facts", "--json", "--store", loaded), cli("facts", "--json", "--store", embedded)
    assert ours.returncode == 0, ours.stderr
    assert json.loads(ours.stdout)["roles"]
    assert ours.stdout == theirs.stdout
    assert cli("facts", "--store", loaded).stdout == cli("facts", "--store", embedded).stdout


def test_reingest_replaces_and_system_graphs_stay_out(virtuoso, loaded: str, embedded: str) -> None:  # type: ignore[no-untyped-def]
    with open_store(loaded, read_only=True) as ours, Store(embedded, read_only=True) as theirs:
        assert ours.article_graphs() == theirs.article_graphs()
        assert len(ours) == len(theirs) == 1099    # ingested twice, stored once
    # Virtuoso's own graphs are there, but no command sees them
    every_graph = sparql(virtuoso, "query", "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")
    assert b"openlinksw.com/schemas/virtrdf" in every_graph
    for command in (("stats", "--json"), ("validate", "--json")):
        ours, theirs = cli(*command, "--store", loaded), cli(*command, "--store", embedded)
        assert ours.returncode == 0, ours.stderr
        assert json.loads(ours.stdout) == json.loads(theirs.stdout)
    with open_store(loaded, read_only=True) as store:
        rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        graphs = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert rows[0]["n"] == 1099
    assert all(row["g"].startswith(ARTICLE) for row in graphs)


def _rows(output: str) -> list[tuple[str, ...]]:
    """Table rows as sets of cells; SPARQL leaves tie order and GROUP_CONCAT order to the server."""
    lines = output.splitlines()
    return sorted(tuple(" | ".join(sorted(cell.split(" | "))) for cell in line.split("  ") if cell)
                  for line in lines)


@pytest.mark.parametrize("command", [
    ("query", "cast-of-show", "--param", "show=Winter Relay"),
    ("query", "roles-of-person", "--param", "person=Yu-jin Bae"),
    ("query", "co-stars", "--param", "person=Bae Yu-jin"),
    ("query", "seasons-of-series", "--param", "series=Lantern Street"),
    ("query", "low-confidence", "--param", "threshold=0.8"),
    ("query", "mentions", "--param", "name=Tak Seung-ho"),
    ("query", "show-details", "--param", "show=the winter relay"),
    ("query", "shows-per-platform"), ("query", "people-on-several-platforms"), ("query", "articles"),
    ("query", "most-reviewed-shows"), ("query", "without-wikidata"),
    ("explain", "Seung-ho Tak"), ("path", "Seung-ho Tak", "Park Gyeo-ul"),
    ("analyse", "--top", "5"), ("analyse", "--view", "kg", "--top", "5"),
])
def test_commands_answer_as_the_embedded_store(loaded: str, embedded: str, command: tuple[str, ...]) -> None:
    ours, theirs = cli(*command, "--store", loaded), cli(*command, "--store", embedded)
    assert ours.returncode == 0, ours.stderr
    assert len(ours.stdout.splitlines()) > 1
    if command[0] in ("explain", "path", "analyse") or command[1] in ("cast-of-show", "articles"):
        assert ours.stdout == theirs.stdout
    else:
        assert _rows(ours.stdout) == _rows(theirs.stdout)


def test_query_formats_and_bindings(loaded: str, embedded: str) -> None:
    args = ("query", "cast-of-show", "--param", "show=Winter Relay", "--format")
    for fmt in ("csv", "json", "tsv"):
        assert cli(*args, fmt, "--store", loaded).stdout == cli(*args, fmt, "--store", embedded).stdout
    with open_store(loaded, read_only=True) as store:
        # a bound value is a term, never query text: quotes and braces stay inside the literal
        assert store.select("SELECT ?name WHERE { ?p a dg:Person ; rdfs:label ?name }",
                            {"name": 'x" } } DROP ALL { "'}) == []
        assert store.ask("ASK { ?p rdfs:label ?name }", {"name": "Bae Yu-jin"})
        graph = store.construct("CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a dg:Person ; rdfs:label ?name }",
                                {"name": "Bae Yu-jin"})
        assert {str(o) for o in graph.objects()} == {"Bae Yu-jin"}
        # a query naming a graph itself (Virtuoso's exclude pragmas would break it; it goes without them)
        some = store.article_graphs()[0]
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{some}> {{ ?s ?p ?o }} }}"
        with Store(embedded, read_only=True) as theirs:
            assert store.select(count) == theirs.select(count) and store.select(count)[0]["n"] > 10
        assert not store.ask("ASK { GRAPH <urn:t:nothing> { ?s ?p ?o } }")
        with pytest.raises(QueryError, match="refused the query"):
            store.select("SELECT ?x WHERE { ?x ?y }")


def test_export_matches(loaded: str, embedded: str, tmp_path: Path) -> None:
    for fmt in ("nquads", "turtle"):
        ours, theirs = tmp_path / f"ours.{fmt}", tmp_path / f"theirs.{fmt}"
        assert cli("export", "--format", fmt, "-o", str(ours), "--store", loaded).returncode == 0
        assert cli("export", "--format", fmt, "-o", str(theirs), "--store", embedded).returncode == 0
        rdf_format = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TURTLE
        a = set(ox.parse(path=str(ours), format=rdf_format))
        b = set(ox.parse(path=str(theirs), format=rdf_format))
        assert a == b and len(a) >= 900
    graph = cli("export", "--format", "csv", "--store", loaded)
    assert _rows(graph.stdout) == _rows(cli("export", "--format", "csv", "--store", embedded).stdout)


def test_literals_are_escaped_and_read_back(virtuoso) -> None:  # type: ignore[no-untyped-def]
    tricky = 'say "hi" \\ back\nline\ttab \u00e9 \U0001F600 } } ; DROP ALL'
    graph = ARTICLE + "tricky"
    with RemoteStore(remote(virtuoso)) as store:
        store.write_articles([(graph, [(URIRef("urn:t:s"), URIRef("urn:t:p"), Literal(tricky)),
                                       (URIRef("urn:t:s"), URIRef("urn:t:n"), Literal(42))])])
        rows = store.select("SELECT ?o WHERE { GRAPH ?g { <urn:t:s> ?p ?o } } ORDER BY ?o", {"g": URIRef(graph)})
        assert sorted(rows, key=str) == sorted([{"o": 42}, {"o": tricky}], key=str)
        assert store.remove_graph(graph) and not store.has_graph(graph)
        assert not store.remove_graph(graph)


def test_a_failed_batch_leaves_no_half_written_article(virtuoso, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # Virtuoso applies a request's operations one by one: a request failing at its last operation keeps
    # the first ones, which is why the store writes under a journal
    g = ARTICLE + "atomic"
    sparql(virtuoso, "update", f'INSERT DATA {{ GRAPH <{g}> {{ <urn:t:a> <urn:t:p> "old" }} }}')
    with pytest.raises(urllib.error.HTTPError):
        sparql(virtuoso, "update", f'DROP SILENT GRAPH <{g}> ; '
                                   f'INSERT DATA {{ GRAPH <{g}> {{ <urn:t:a> <urn:t:p> "new" }} }} ;'
                                   " DROP GRAPH <urn:t:never-created>")
    assert b'"new"' in sparql(virtuoso, "query", f"SELECT ?o {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")

    keep, first, second = ARTICLE + "keep", ARTICLE + "first", ARTICLE + "second"
    triple = [(URIRef("urn:t:s"), URIRef("urn:t:p"), Literal("v1"))]
    with RemoteStore(remote(virtuoso)) as store:
        store.write_articles([(keep, triple), (first, triple), (second, triple)])
        real_put, calls = store._put_graph, []

        def failing_put(graph_iri: str, body: str) -> None:
            calls.append(graph_iri)
            if len(calls) == 2:   # the second article of the batch: the first is already replaced
                raise StoreError("connection lost")
            real_put(graph_iri, body)

        monkeypatch.setattr(store, "_put_graph", failing_put)
        new = [(URIRef("urn:t:s"), URIRef("urn:t:p"), Literal("v2"))]
        with pytest.raises(StoreError, match="connection lost; the batch's 2 articles were removed"):
            store.write_articles([(first, new), (second, new)])
        assert not store.has_graph(first) and not store.has_graph(second)   # absent, not half-new
        assert store.has_graph(keep)
        journals = sparql(virtuoso, "query", f'SELECT ?j {{ GRAPH ?j {{ ?j <{JOURNAL_STARTED}> ?t }} }}')
        assert JOURNAL_PREFIX.encode() not in journals


def test_a_stale_journal_is_recovered_on_opening(virtuoso) -> None:  # type: ignore[no-untyped-def]
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    fresh = dt.datetime.now(dt.UTC).isoformat()
    half, running = ARTICLE + "half-written", ARTICLE + "being-written"
    xsd = "http://www.w3.org/2001/XMLSchema#dateTime"
    sparql(virtuoso, "update", f"""INSERT DATA {{
        GRAPH <{half}> {{ <urn:t:a> <urn:t:p> "part" }}
        GRAPH <{running}> {{ <urn:t:a> <urn:t:p> "part" }}
        GRAPH <{JOURNAL_PREFIX}dead> {{ <{JOURNAL_PREFIX}dead> <{JOURNAL_STARTED}> "{old}"^^<{xsd}> ;
                                                            <{JOURNAL_LISTS}> <{half}> }}
        GRAPH <{JOURNAL_PREFIX}alive> {{ <{JOURNAL_PREFIX}alive> <{JOURNAL_STARTED}> "{fresh}"^^<{xsd}> ;
                                                              <{JOURNAL_LISTS}> <{running}> }} }}""")
    with RemoteStore(remote(virtuoso), read_only=True) as reader:
        assert reader.recovered == [] and reader.has_graph(half)   # readers never clean up
    with RemoteStore(remote(virtuoso)) as writer:
        assert writer.recovered == [half]
        assert not writer.has_graph(half)
        assert writer.has_graph(running)    # another writer's batch in progress is left alone
        writer.remove_graph(running)
    sparql(virtuoso, "update", f"DROP SILENT GRAPH <{JOURNAL_PREFIX}alive>")


def test_digest_credentials_from_the_environment(virtuoso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    virtuoso.isql("DB.DBA.USER_CREATE('dg', 'secret'); GRANT SPARQL_UPDATE TO \"dg\";")
    auth = virtuoso.base_url + "/sparql-auth"
    article = tmp_path / "note.txt"
    article.write_text("Glass Harbor streams on Apple TV+.\n\nGang Seo-yul plays Yeo Dam in Glass Harbor.\n")
    good = {"DRAMAGRAPH_SPARQL_USER": "dg", "DRAMAGRAPH_SPARQL_PASSWORD": "secret"}
    done = cli("ingest", str(article), "--store", remote(virtuoso), "--update-url", "sparql+" + auth, env=good)
    assert done.returncode == 0, done.stderr
    assert "Ingested 1 article " in done.stderr
    with RemoteStore(remote(virtuoso), read_only=True) as store:   # this very article, written with digest auth
        sources = store.select("SELECT ?source WHERE { GRAPH ?g { ?g dg:source ?source } }")
        assert str(article) in {row["source"] for row in sources}
    with RemoteStore(remote(virtuoso), update_url="sparql+" + auth, user="dg", password="secret") as store:
        assert store.graph_store_url == virtuoso.base_url + "/sparql-graph-crud-auth"

    bad = cli("ingest", str(article), "--store", "sparql+" + auth, env={**good, "DRAMAGRAPH_SPARQL_PASSWORD": "wrong"})
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == [
        f"Error: sparql+{auth}: query not allowed (HTTP 401): the credentials of user 'dg' were refused"]
    none = cli("facts", "--store", "sparql+" + auth, env={"DRAMAGRAPH_SPARQL_USER": ""})
    assert none.returncode == 1 and "set DRAMAGRAPH_SPARQL_USER and DRAMAGRAPH_SPARQL_PASSWORD" in none.stderr


def test_graph_store_url_option_is_where_articles_are_written(virtuoso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from virtuoso import free_port

    article = tmp_path / "gsp.txt"
    article.write_text("Paper Ferry streams on Viki.\n\nHa Min-seo plays Doh Yun in Paper Ferry.\n")
    graph = "SELECT ?g WHERE { GRAPH ?g { ?g dg:source ?source } FILTER(CONTAINS(STR(?source), 'gsp.txt')) }"
    dead = f"http://127.0.0.1:{free_port()}/gsp"
    failed = cli("ingest", str(article), "--store", remote(virtuoso), "--graph-store-url", dead)
    assert failed.returncode == 1
    assert dead in failed.stderr and "removed" in failed.stderr   # the named endpoint was used, and failed
    with RemoteStore(remote(virtuoso), read_only=True) as store:
        assert store.select(graph) == []   # nothing half-written
    done = cli("ingest", str(article), "--store", remote(virtuoso), "--graph-store-url", virtuoso.graph_store_url)
    assert done.returncode == 0, done.stderr
    with RemoteStore(remote(virtuoso), read_only=True) as store:
        assert len(store.select(graph)) == 1
    bad = cli("ingest", str(article), "--store", str(tmp_path / "folder"), "--graph-store-url", dead)
    assert bad.returncode == 1 and "needs a remote store" in bad.stderr


def test_unreachable_and_malformed_urls_are_one_line_errors(virtuoso) -> None:  # type: ignore[no-untyped-def]
    from virtuoso import free_port

    url = f"sparql+http://127.0.0.1:{free_port()}/sparql"
    done = cli("stats", "--store", url)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"Error: {url[len('sparql+'):]}: cannot reach the SPARQL endpoint (Connection refused)"]
    missing = cli("facts", "--store", virtuoso.base_url.replace("http", "sparql+http") + "/no-such-endpoint")
    assert missing.returncode == 1 and "HTTP 404" in missing.stderr and "Traceback" not in missing.stderr
    creds = cli("stats", "--store", "sparql+http://dg:secret@127.0.0.1:1/sparql")
    assert creds.returncode == 1 and "secret" not in creds.stderr and "DRAMAGRAPH_SPARQL_USER" in creds.stderr


def test_values_go_first_in_the_outermost_where() -> None:
    construct = 'CONSTRUCT { ?s <urn:p> "{" } # a } comment {\nWHERE { ?s ?p ?name . { ?s ?q ?o } }'
    bound = _bind(construct, {"name": 'a "b" }'})
    assert bound.startswith('CONSTRUCT { ?s <urn:p> "{" } # a } comment {\nWHERE { VALUES (?name) { ("a \\"b\\" }") }')
    assert _bind("ASK {}", {"x": URIRef("urn:x")}) == "ASK { VALUES (?x) { (<urn:x>) } }"
    with pytest.raises(QueryError):
        _bind("SELECT * WHERE { }", {"bad name": "x"})


def test_dask_fan_out_example(virtuoso, embedded: str) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("dask.bag")
    clear(virtuoso)
    done = subprocess.run([sys.executable, str(EXAMPLES / "distributed" / "ingest_with_dask.py"), remote(virtuoso),
                           str(EXAMPLES), "--partitions", "3", "--scheduler", "processes"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["articles"], report["failed"], report["partitions"]) == (8, [], 3)
    ours, theirs = cli("facts", "--json", "--store", remote(virtuoso)), cli("facts", "--json", "--store", embedded)
    assert ours.stdout == theirs.stdout
