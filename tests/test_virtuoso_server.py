"""The Virtuoso test server itself: local only, takes SPARQL queries, updates and the Graph Store Protocol."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

from virtuoso import VirtuosoServer


def _post(url: str, form: dict[str, str], accept: str = "application/sparql-results+json") -> bytes:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(),
                                     headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def test_update_query_and_graph_store(virtuoso: VirtuosoServer) -> None:
    update = 'INSERT DATA { GRAPH <urn:test:g1> { <urn:test:a> <urn:test:p> "say \\"hi\\"" } }'
    _post(virtuoso.sparql_url, {"update": update})
    request = urllib.request.Request(virtuoso.graph_store_url + "?graph-uri=urn:test:g2", method="PUT",
                                     data=b"<urn:test:b> <urn:test:p> <urn:test:c> .",
                                     headers={"Content-Type": "text/turtle"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 201, 204)
    body = json.loads(_post(virtuoso.sparql_url, {
        "query": "SELECT ?g ?o { GRAPH ?g { ?s <urn:test:p> ?o } } ORDER BY ?g"}))
    rows = [(b["g"]["value"], b["o"]["value"]) for b in body["results"]["bindings"]]
    assert rows == [("urn:test:g1", 'say "hi"'), ("urn:test:g2", "urn:test:c")]


def test_listens_on_loopback_only(virtuoso: VirtuosoServer) -> None:
    ini = (virtuoso.folder / "virtuoso.ini").read_text()
    ports = [line.split("=", 1)[1].strip() for line in ini.splitlines() if line.startswith("ServerPort")]
    assert ports and all(port.startswith("127.0.0.1:") for port in ports)
