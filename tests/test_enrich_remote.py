"""Enrichment of a graph kept in a remote SPARQL store: the same links, Wikidata facts and diff as the
embedded store gives, with real Virtuoso serving both the store and the Wikidata-shaped endpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikidata"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "dramagraph.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=180)
    assert done.returncode == 0, done.stderr
    return done


def test_enrich_a_remote_store_as_an_embedded_one(virtuoso: Any, tmp_path: Path) -> None:
    request = urllib.request.Request(virtuoso.graph_store_url + "?graph-uri=urn:test:wikidata", method="PUT",
                                     data=(FIXTURES / "wikidata.ttl").read_bytes(),
                                     headers={"Content-Type": "text/turtle"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status in (200, 201, 204)
    endpoint = virtuoso.sparql_url
    remote = "sparql+" + virtuoso.sparql_url
    embedded = str(tmp_path / "store")
    articles = str(FIXTURES / "articles.jsonl")
    outputs = {}
    for store in (embedded, remote):
        _cli("ingest", articles, "--store", store, "--quiet")
        report = json.loads(_cli("enrich", "--store", store, "--endpoint", endpoint,
                                 "--cache", str(tmp_path / "cache"), "--json").stdout)
        outputs[store] = {
            "links": sorted((e["name"], e["status"], e["wikidata"]) for e in report["entities"]),
            "facts": json.loads(_cli("facts", "--store", store, "--json").stdout),
            "diff": json.loads(_cli("diff", "--store", store, "--json").stdout),
            "stats": json.loads(_cli("stats", "--store", store, "--json").stdout),
        }
    assert ("Harbor Lights", "linked", "Q990000101") in outputs[embedded]["links"]
    assert outputs[remote]["links"] == outputs[embedded]["links"]
    assert outputs[remote]["facts"]["entities"] and outputs[remote]["facts"] == outputs[embedded]["facts"]
    assert outputs[remote]["diff"] == outputs[embedded]["diff"]
    assert outputs[remote]["stats"] == outputs[embedded]["stats"]
    assert outputs[remote]["stats"]["articles"] == 3      # the enrichment graphs are not counted as articles

    # a second enrichment replaces the graphs rather than adding to them
    _cli("enrich", "--store", remote, "--endpoint", endpoint, "--cache", str(tmp_path / "cache"))
    assert json.loads(_cli("facts", "--store", remote, "--json").stdout) == outputs[embedded]["facts"]
    assert json.loads(_cli("stats", "--store", remote, "--json").stdout) == outputs[embedded]["stats"]
