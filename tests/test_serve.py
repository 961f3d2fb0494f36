"""The SPARQL endpoint, driven over HTTP on 127.0.0.1 by SPARQLWrapper, as any SPARQL client would."""

from __future__ import annotations

import csv
import io
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper

from dramagraph.errors import StoreError
from dramagraph.pipeline import ingest
from dramagraph.serve import ServeOptions, make_server, negotiate
from dramagraph.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ID = "https://w3id.org/dramagraph/id/"
PEOPLE = "SELECT ?name WHERE { ?p a dg:Person ; rdfs:label ?name } ORDER BY ?name"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 1.5
CAP = 50


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    with Store(path) as store:
        assert ingest([EXAMPLES], store).articles == 8
    return path


@pytest.fixture(scope="module", autouse=True)
def no_proxy() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:   # never send 127.0.0.1 through a proxy
        patch.setenv("no_proxy", "127.0.0.1,localhost")
        patch.setenv("NO_PROXY", "127.0.0.1,localhost")
        yield


def _running(options: ServeOptions) -> Iterator[str]:
    server = make_server(options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    yield from _running(ServeOptions(store=store_dir, port=0, timeout=TIMEOUT, max_results=CAP, workers=2))


@pytest.fixture(scope="module")
def writable(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("serve-rw") / "store"
    shutil.copytree(store_dir, copy)
    yield from _running(ServeOptions(store=copy, port=0, allow_update=True, timeout=TIMEOUT))


def _client(url: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(20)
    return client


def test_select_json(endpoint: str) -> None:
    data = _client(endpoint, PEOPLE).queryAndConvert()
    assert data["head"]["vars"] == ["name"]
    names = [row["name"]["value"] for row in data["results"]["bindings"]]
    assert "Bae Yu-jin" in names and names == sorted(names)
    assert data["results"]["bindings"][0]["name"] == {"type": "literal", "value": "Ahn Tae-joon"}


def test_select_csv_and_tsv(endpoint: str) -> None:
    query = ('SELECT ?show ?episodes WHERE { ?s rdfs:label ?show ; dg:numberOfEpisodes ?episodes . '
             'FILTER(?show = "Winter Relay") }')
    rows = list(csv.reader(io.StringIO(_client(endpoint, query, CSV).queryAndConvert().decode())))
    assert rows[0] == ["show", "episodes"] and ["Winter Relay", "12"] in rows
    tsv = _client(endpoint, query, TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?show\t?episodes"
    assert '"Winter Relay"\t"12"^^<http://www.w3.org/2001/XMLSchema#integer>' in tsv


def test_select_xml(endpoint: str) -> None:
    document = _client(endpoint, 'SELECT ?x WHERE { BIND("a<b" AS ?x) }', XML).queryAndConvert()
    values = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert values == ["a<b"]


def test_ask(endpoint: str) -> None:
    assert _client(endpoint, "ASK { ?s dg:streamsOn ?p }").queryAndConvert()["boolean"] is True
    assert _client(endpoint, 'ASK { ?s rdfs:label "No Such Show" }').queryAndConvert()["boolean"] is False


def test_construct_turtle(endpoint: str) -> None:
    query = "CONSTRUCT { ?s dg:streamsOn ?p } WHERE { ?s dg:streamsOn ?p }"
    graph = Graph().parse(data=_client(endpoint, query, TURTLE).queryAndConvert(), format="turtle")
    assert (URIRef(ID + "show/winter-relay"), URIRef("https://w3id.org/dramagraph/ontology#streamsOn"),
            URIRef(ID + "platform/tving")) in graph


def test_post_form_and_direct(endpoint: str) -> None:
    for request_method in ("urlencoded", POSTDIRECTLY):
        client = _client(endpoint, PEOPLE)
        client.setMethod(POST)
        client.setRequestMethod(request_method)
        names = [row["name"]["value"] for row in client.queryAndConvert()["results"]["bindings"]]
        assert "Tak Seung-ho" in names


def test_named_graphs_and_the_union(endpoint: str) -> None:
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a dg:Article } }"
    assert _client(endpoint, query).queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "8"


def test_update_refused_when_read_only(endpoint: str) -> None:
    client = _client(endpoint, 'INSERT DATA { <urn:x> <urn:y> "z" }')
    client.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert b"--allow-update" in refused.value.read()
    assert _client(endpoint, "ASK { <urn:x> ?p ?o }").queryAndConvert()["boolean"] is False


def test_update_applied_with_allow_update(writable: str) -> None:
    client = _client(writable, 'INSERT DATA { GRAPH <urn:notes> { <urn:x> rdfs:label "a note" } }')
    client.setMethod(POST)
    assert client.query().response.status == 204
    assert _client(writable, 'ASK { <urn:x> rdfs:label "a note" }').queryAndConvert()["boolean"] is True


def test_runaway_query_is_stopped(endpoint: str) -> None:
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as stopped:
        _client(endpoint, RUNAWAY).query()
    assert stopped.value.code == 503
    assert b"timeout of 1.5 s" in stopped.value.read()
    assert time.monotonic() - started < TIMEOUT + 3
    # the killed worker is replaced: the endpoint goes on answering
    assert _client(endpoint, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_result_cap(endpoint: str) -> None:
    result = _client(endpoint, "SELECT * WHERE { ?s ?p ?o }").query()
    assert len(result.convert()["results"]["bindings"]) == CAP
    assert result.info()["x-dramagraph-truncated"] == f"results cut at {CAP} (--max-results)"
    small = _client(endpoint, PEOPLE + " LIMIT 3").query()
    assert len(small.convert()["results"]["bindings"]) == 3 and "x-dramagraph-truncated" not in small.info()


def test_cors(endpoint: str) -> None:
    with urllib.request.urlopen(endpoint + "?query=ASK%7B%7D", timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = urllib.request.Request(endpoint, method="OPTIONS",
                                       headers={"Origin": "http://example.test",
                                                "Access-Control-Request-Method": "POST"})
    with urllib.request.urlopen(preflight, timeout=10) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_query_page(endpoint: str) -> None:
    with urllib.request.urlopen(endpoint.removesuffix("sparql"), timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/html")
        page = response.read().decode()
    assert "<textarea" in page and "http://" not in page.replace("http://www.w3.org", "")   # no CDN


def test_bad_requests(endpoint: str) -> None:
    for url, code in ((endpoint + "?query=SELEKT", 400), (endpoint, 400),
                      (endpoint.removesuffix("sparql") + "elsewhere", 404)):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=10)
        assert refused.value.code == code, url


def test_negotiation() -> None:
    offers = [("application/sparql-results+json", "json"), ("text/csv", "csv")]
    assert negotiate(None, offers) == "json"
    assert negotiate("*/*", offers) == "json"
    assert negotiate("text/csv, */*;q=0.1", offers) == "csv"
    assert negotiate("text/*", offers) == "csv"
    assert negotiate("application/sparql-results+json;q=0.5, text/csv", offers) == "csv"
    assert negotiate("image/png", offers) is None


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no dramagraph store here"):
        make_server(ServeOptions(store=tmp_path / "nothing", port=0))
