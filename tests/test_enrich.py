"""dramagraph enrich against a real SPARQL server: Virtuoso on 127.0.0.1 loaded with a Wikidata-shaped
fixture (tests/fixtures/wikidata/wikidata.ttl) with homonyms, and articles written for these tests."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef

from dramagraph.enrich import FACTS_GRAPH, LINKS_GRAPH, enrich, person_variants, read_entities, title_variants
from dramagraph.pipeline import ingest
from dramagraph.readback import read_facts
from dramagraph.store import Store
from dramagraph.wikidata import ClientOptions, WikidataClient, WikidataError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikidata"
ID = "https://w3id.org/dramagraph/id/"
WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def endpoint(virtuoso: Any) -> str:
    data = (FIXTURES / "wikidata.ttl").read_bytes()
    request = urllib.request.Request(virtuoso.graph_store_url + "?graph-uri=urn:test:wikidata", method="PUT",
                                     data=data, headers={"Content-Type": "text/turtle"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status in (200, 201, 204)
    return str(virtuoso.sparql_url)


def _store(path: Path) -> Path:
    with Store(path) as store:
        report = ingest([FIXTURES / "articles.jsonl"], store)
        assert report.articles == 3 and not report.failed
    return path


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dramagraph.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture(scope="module")
def enriched(endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("enrich")
    store, cache = _store(folder / "store"), folder / "cache"
    done = _cli("enrich", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache), "--json")
    assert done.returncode == 0, done.stderr
    return store, cache, json.loads(done.stdout)


def _status(report: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {e["name"]: (e["status"], e["wikidata"]) for e in report["entities"]}


def test_links_and_homonyms(enriched: tuple[Path, Path, dict[str, Any]]) -> None:
    _, _, report = enriched
    status = _status(report)
    assert status["Harbor Lights"] == ("linked", "Q990000101")          # the series, not the film Q990000102
    assert status["The Silent Orchard"] == ("linked", "Q990000103")     # the adaptation, not the novel
    assert status["Kim Do-yoon"] == ("linked", "Q990000201")            # the actor in the cast, not his namesake
    assert status["Seo Ha-neul"] == ("linked", "Q990000203")            # the actress, not the politician
    assert status["Park Min-seo"] == ("linked", "Q990000206")           # Wikidata writes "Min-seo Park"
    assert status["Jung Tae-oh"] == ("linked", "Q990000207")            # an alias of "Jeong Tae-oh"
    assert status["Moon Gate #2"] == ("linked", "Q990000106")           # "Moon Gate season 2", part of the series
    assert status["Moon Gate"] == ("linked", "Q990000105")
    assert status["Netflix"] == ("linked", "Q990000301") and status["TVING"] == ("linked", "Q990000302")
    assert status["Choi Woo-jin"] == ("linked", "Q990000205")
    assert status["Lee Hae-in"] == ("ambiguous", None)                   # two actresses, no cast to choose by
    assert status["Bang Eun-chae"] == ("unmatched", None)
    lee = next(e for e in report["entities"] if e["name"] == "Lee Hae-in")
    assert {c["wikidata"] for c in lee["candidates"]} == {"Q990000208", "Q990000209"}
    harbor = next(e for e in report["entities"] if e["name"] == "Harbor Lights")
    film = next(c for c in harbor["candidates"] if c["wikidata"] == "Q990000102")
    assert film["score"] < 0.7 and harbor["score"] >= 0.9
    assert (report["linked"], report["ambiguous"], report["unmatched"]) == (11, 1, 1)


def test_links_and_facts_are_stored_apart_from_articles(enriched: tuple[Path, Path, dict[str, Any]],
                                                        endpoint: str) -> None:
    store_path, _, _ = enriched
    with Store(store_path, read_only=True) as store:
        assert len(store.article_graphs()) == 3
        assert all("/article/" in g for g in store.article_graphs())
        same = store.select("PREFIX owl: <http://www.w3.org/2002/07/owl#> "
                            "SELECT * WHERE { GRAPH ?g { ?node owl:sameAs ?item } }",
                            {"node": URIRef(ID + "show/harbor-lights")})
        assert [(r["g"], r["item"]) for r in same] == [(LINKS_GRAPH, WD + "Q990000101")]
        provenance = store.select(
            "SELECT ?g ?endpoint ?when WHERE { GRAPH ?g { ?g dg:endpoint ?endpoint ; "
            "<http://www.w3.org/ns/prov#generatedAtTime> ?when } }")
        assert {r["g"] for r in provenance} == {LINKS_GRAPH, FACTS_GRAPH}
        assert all(r["endpoint"] == endpoint and r["when"][:2] == "20" for r in provenance)
        scores = store.select(
            "SELECT * WHERE { ?m dg:matchOf ?node ; dg:wikidataItem ?item ; dg:matchScore ?score ;"
            " dg:matchStatus ?status }", {"node": URIRef(ID + "person/leehaein")})
        assert {(r["item"][len(WD):], r["status"]) for r in scores} == {("Q990000208", "candidate"),
                                                                        ("Q990000209", "candidate")}
        facts = {(r["p"].rsplit("/", 1)[-1], str(r["o"])) for r in store.select(
            f"SELECT * WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}", {"s": URIRef(WD + "Q990000101")})}
        assert {("P1113", "16"), ("P449", WD + "Q990000302"), ("P495", WD + "Q884"), ("P364", WD + "Q9176"),
                ("P161", WD + "Q990000201")} <= {(p, o.removesuffix(".0")) for p, o in facts}
        assert ("P577", "2025-04-25T00:00:00Z") in facts
        birth = store.select(f"SELECT * WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}",
                             {"s": URIRef(WD + "Q990000201"),
                              "p": URIRef("http://www.wikidata.org/prop/direct/P569")})
        assert [r["o"][:10] for r in birth] == ["1990-03-04"]
        role = store.select(
            "PREFIX p: <http://www.wikidata.org/prop/> PREFIX ps: <http://www.wikidata.org/prop/statement/> "
            "PREFIX pq: <http://www.wikidata.org/prop/qualifier/> "
            "SELECT * WHERE { ?show p:P161 ?st . ?st ps:P161 ?actor ; pq:P453 ?role . ?role rdfs:label ?name }",
            {"show": URIRef(WD + "Q990000101"), "actor": URIRef(WD + "Q990000203")})
        assert [r["name"] for r in role] == ["Yoon Ji-hye"]
        ordinal = store.select(
            "PREFIX p: <http://www.wikidata.org/prop/> PREFIX ps: <http://www.wikidata.org/prop/statement/> "
            "PREFIX pq: <http://www.wikidata.org/prop/qualifier/> "
            "SELECT * WHERE { ?season p:P179 ?st . ?st ps:P179 ?series ; pq:P1545 ?n }",
            {"season": URIRef(WD + "Q990000106")})
        assert [(r["series"], r["n"]) for r in ordinal] == [(WD + "Q990000105", "2")]
        # the article facts read back as before, and the graph still conforms to the shapes
        # (21: "Bang Eun-chae plays her sister Han Ye-jin" is read as the role it is)
        assert len(read_facts(store)) == 21
        from dramagraph.validate import validate

        assert validate(store).conforms


def test_request_counts_second_run_and_offline(enriched: tuple[Path, Path, dict[str, Any]], endpoint: str) -> None:
    store, cache, report = enriched
    entities, linked = len(report["entities"]), report["linked"]
    by_family = report["requests_by_family"]
    # reconciliation: one search and one candidate query per 50 entities; each fact family one per 50 items
    assert by_family["search"] <= math.ceil(entities / 50) and by_family["candidates"] <= math.ceil(entities / 50)
    assert set(by_family) == {"search", "candidates", "labels", "people", "cast", "shows", "series"}
    assert all(n <= math.ceil(linked / 50) for n in by_family.values())
    assert report["requests"] == sum(by_family.values()) == 7 and report["cache_hits"] == 0
    again = _cli("enrich", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache), "--json")
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert second["requests"] == 0 and second["cache_hits"] == 7 and _status(second) == _status(report)
    assert "0 requests sent, 7 cache hits" in again.stderr
    offline = _cli("enrich", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache), "--offline")
    assert offline.returncode == 0 and "Linked 11, ambiguous 1, unmatched 1" in offline.stderr
    empty = _cli("enrich", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache / "none"),
                 "--offline")
    assert empty.returncode == 1 and "Error: offline and no cached answer for a search query" in empty.stderr


def test_review_lists_candidates(enriched: tuple[Path, Path, dict[str, Any]], endpoint: str) -> None:
    store, cache, _ = enriched
    done = _cli("enrich", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache), "--review")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["unmatched", "person", "Bang", "Eun-chae"]
    assert any("Q990000208" in line and "actress (born 1988)" in line for line in lines)
    assert not any("Harbor Lights" in line for line in lines)


def test_diff_quickstatements_and_facts_entities(enriched: tuple[Path, Path, dict[str, Any]]) -> None:
    store, _, _ = enriched
    diff = _cli("diff", "--store", str(store), "--json")
    assert diff.returncode == 0, diff.stderr
    rows = {(d["show"], d["property"], d["status"], d["reviews"], d["wikidata"]) for d in json.loads(diff.stdout)}
    assert rows == {
        ("Harbor Lights", "director", "missing", "Choi Woo-jin", None),
        ("Harbor Lights", "episodes", "differs", "12", "16"),
        ("Harbor Lights", "platform", "missing", "Netflix", "TVING"),
        ("Harbor Lights", "role", "differs", "Seo Ha-neul as Yoon Ji-su", "Seo Ha-neul as Yoon Ji-hye"),
        ("The Silent Orchard", "episodes", "missing", "8", None),
        ("The Silent Orchard", "role", "missing", "Park Min-seo as Han Ye-rin", None),
    }
    table = _cli("diff", "--store", str(store)).stdout.splitlines()
    assert table[0].split() == ["show", "item", "property", "status", "reviews", "wikidata"]
    qs = _cli("export", "--store", str(store), "--format", "quickstatements")
    assert qs.returncode == 0
    assert qs.stdout == (
        'Q990000101\tP57\tQ990000205\tS854\t"https://dramalens.example/reviews/harbor-lights"\n'
        'Q990000101\tP750\tQ990000301\tS854\t"https://dramalens.example/reviews/harbor-lights"\n'
        'Q990000103\tP1113\t8\tS854\t"https://dramalens.example/reviews/silent-orchard"\n')
    facts = json.loads(_cli("facts", "--store", str(store), "--json").stdout)
    entities = {(e["name"], e["kind"], e["wikidata"]) for e in facts["entities"]}
    assert ("Kim Do-yoon", "person", "Q990000201") in entities and ("Moon Gate #2", "show", "Q990000106") in entities
    assert ("Netflix", "platform", "Q990000301") in entities
    assert not any(name in ("Lee Hae-in", "Bang Eun-chae") for name, _, _ in entities)
    # six roles: "Bang Eun-chae plays her sister Han Ye-jin" included
    assert len(facts["roles"]) == 6 and len(facts["shows"]) == 3


def test_hostile_names_reach_queries_safely(endpoint: str, tmp_path: Path) -> None:
    """Names with quotes, backslashes, braces, line breaks and UNION attempts are looked up as they are."""
    hostile = ['Ray "Ace" Back\\slash {Kim}\n} UNION {', 'Kim Do-yoon" } UNION { ?item ?p ?o } #',
               "x\\u0022 } UNION { ?item ?p ?o } #", "Kim Do-yoon\\"]
    triples = []
    for i, name in enumerate(hostile):
        node = URIRef(f"{ID}person/hostile{i}")
        triples += [(node, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     URIRef("https://w3id.org/dramagraph/ontology#Person")),
                    (node, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(name))]
    with Store(tmp_path / "store") as store:
        store.write_articles([(ID + "article/hostile", triples)])
        client = WikidataClient(ClientOptions(endpoint=endpoint, cache_dir=tmp_path / "cache"))
        report = enrich(store, client)
    status = {m.entity.label: (m.status, m.item) for m in report.matches}
    assert status[hostile[0]] == ("linked", "Q990000210")   # found by its exact, hostile label
    assert all(status[name] == ("unmatched", None) for name in hostile[1:])


def test_variants() -> None:
    assert {"Bae Yu-jin", "Bae Yujin", "Yu-jin Bae", "Yujin Bae", "Bae Yu Jin"} <= set(person_variants("Bae Yu-jin"))
    assert "Lee Min Ho" in person_variants("Min-ho Lee") or "Lee Min-ho" in person_variants("Min-ho Lee")
    assert person_variants("김도윤") == ["김도윤"]
    assert {"Silent Orchard", "The Silent Orchard"} <= set(title_variants("The Silent Orchard"))
    assert "Moon Gate season 2" in title_variants("Moon Gate #2")


def test_failed_run_leaves_the_store_as_it_was(enriched: tuple[Path, Path, dict[str, Any]],
                                               tmp_path: Path) -> None:
    """An endpoint that fails after the first answers: a clear error, and the earlier enrichment stays whole."""
    store_path, _, _ = enriched
    copy = tmp_path / "store"
    import shutil

    shutil.copytree(store_path, copy)
    with Store(copy, read_only=True) as store:
        before = sorted(map(str, store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")))
    proxy = _Proxy(None, fail_after=3)
    try:
        done = _cli("enrich", "--store", str(copy), "--endpoint", proxy.url, "--cache", str(tmp_path / "c"),
                    "--retries", "1", "--timeout", "5")
    finally:
        proxy.stop()
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith(f"Error: {proxy.url} did not answer a ")
    assert "after 2 tries: HTTP 503" in done.stderr
    with Store(copy, read_only=True) as store:
        after = sorted(map(str, store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")))
    assert after == before


class _Proxy:
    """Forwards to the module's Virtuoso, slowly (``delay``) or failing with 503 after ``fail_after``."""

    target = ""

    def __init__(self, _: Any, *, delay: float = 0.0, fail_after: int | None = None) -> None:
        self.count = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                proxy.count += 1
                if proxy.fail_after is not None and proxy.count > proxy.fail_after:
                    self.send_response(503)
                    self.send_header("Retry-After", "0")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                time.sleep(proxy.delay)
                request = urllib.request.Request(_Proxy.target, data=body, headers={
                    "Content-Type": self.headers["Content-Type"], "Accept": self.headers["Accept"]})
                with urllib.request.urlopen(request, timeout=60) as response:
                    data = response.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.delay, self.fail_after = delay, fail_after
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def _proxy_target(endpoint: str) -> Iterator[None]:
    _Proxy.target = endpoint
    yield


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "kill-9"])
def test_interrupted_run_leaves_a_consistent_store_and_resumes(tmp_path: Path, how: signal.Signals) -> None:
    store_path = _store(tmp_path / "store")
    with Store(store_path, read_only=True) as store:
        facts_before = read_facts(store)
        quads_before = len(store)
    cache = tmp_path / "cache"
    proxy = _Proxy(None, delay=0.4)
    try:
        process = subprocess.Popen([sys.executable, "-m", "dramagraph.cli", "enrich", "--store", str(store_path),
                                    "--endpoint", proxy.url, "--cache", str(cache)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy())
        deadline = time.monotonic() + 60
        while proxy.count < 4 and time.monotonic() < deadline:   # past reconciliation, inside the fact families
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(how)
        process.wait(timeout=30)
        assert process.returncode != 0
        sent_first = proxy.count
        with Store(store_path) as store:   # opens (not locked, not corrupt), holds the articles, no enrichment
            assert not store.has_graph(LINKS_GRAPH) and not store.has_graph(FACTS_GRAPH)
            assert read_facts(store) == facts_before and len(store) == quads_before
            assert len(read_entities(store)) == 13
        proxy.delay = 0.0
        done = _cli("enrich", "--store", str(store_path), "--endpoint", proxy.url, "--cache", str(cache), "--json")
        assert done.returncode == 0, done.stderr
        second = json.loads(done.stdout)
    finally:
        proxy.stop()
    assert second["linked"] == 11 and second["cache_hits"] >= 3
    assert second["requests"] == 7 - second["cache_hits"] < 7 and proxy.count - sent_first == second["requests"]
    with Store(store_path, read_only=True) as store:
        assert store.has_graph(LINKS_GRAPH) and store.has_graph(FACTS_GRAPH)


def test_a_failing_endpoint_stores_nothing(tmp_path: Path) -> None:
    store_path = _store(tmp_path / "store")
    proxy = _Proxy(None, fail_after=0)
    try:
        with Store(store_path) as store:
            client = WikidataClient(ClientOptions(endpoint=proxy.url, cache_dir=tmp_path / "c", retries=2,
                                                  backoff=0.01))
            with pytest.raises(WikidataError, match="did not answer a search query after 3 tries: HTTP 503"):
                enrich(store, client)
            assert not store.has_graph(LINKS_GRAPH) and not store.has_graph(FACTS_GRAPH)
    finally:
        proxy.stop()
    assert proxy.count == 3
