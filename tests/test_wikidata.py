"""The Wikidata client against a local endpoint that misbehaves: 429 with Retry-After, 500, a hang, bad JSON.

A small threaded HTTP server on 127.0.0.1 plays the endpoint; each test sets what it answers.  The client
must retry as it promises, wait what Retry-After says, then fail with one clear error.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from dramagraph.wikidata import (
    DEFAULT_USER_AGENT,
    ClientOptions,
    WikidataClient,
    WikidataError,
    _retry_after,
    endpoint_url,
    sparql_item,
    sparql_literal,
)

OK = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}


class Endpoint:
    """Answers from a script: a list of (status, headers, body or 'hang'); the last one repeats."""

    def __init__(self) -> None:
        self.script: list[tuple[int, dict[str, str], Any]] = [(200, {}, OK)]
        self.requests: list[dict[str, Any]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                endpoint.requests.append({"method": "POST", "ua": self.headers.get("User-Agent"),
                                          "type": self.headers.get("Content-Type"),
                                          "body": self.rfile.read(length).decode(), "at": time.monotonic()})
                index = min(len(endpoint.requests), len(endpoint.script)) - 1
                status, headers, body = endpoint.script[index]
                if body == "hang":
                    time.sleep(3)
                    return
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                endpoint.requests.append({"method": "GET"})
                self.send_response(405)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    server = Endpoint()
    yield server
    server.server.shutdown()
    server.server.server_close()


def client(endpoint: Endpoint, tmp_path: Path, **options: Any) -> tuple[WikidataClient, list[float]]:
    waits: list[float] = []
    opts = ClientOptions(endpoint=endpoint.url, cache_dir=tmp_path / "cache", backoff=0.5, timeout=1.0)
    for key, value in options.items():
        setattr(opts, key, value)
    return WikidataClient(opts, sleep=waits.append), waits


def test_polite_request_and_cache(endpoint: Endpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAMAGRAPH_USER_AGENT", raising=False)
    wd, _ = client(endpoint, tmp_path)
    assert wd.select("SELECT ?x WHERE {}").rows == OK["results"]["bindings"]
    request = endpoint.requests[0]
    assert request["method"] == "POST" and request["type"] == "application/x-www-form-urlencoded"
    assert request["ua"] == DEFAULT_USER_AGENT and "mailto:" in request["ua"]
    assert "format=" not in request["body"] and "query=SELECT" in request["body"]
    # a second client (a re-run) answers from the cache and sends nothing
    again, _ = client(endpoint, tmp_path)
    assert again.select("SELECT ?x WHERE {}").cached and len(endpoint.requests) == 1
    assert again.counters.requests == 0 and again.counters.cache_hits == 1
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    # refresh asks again; offline never asks, and a miss is an error
    fresh, _ = client(endpoint, tmp_path, refresh=True)
    assert not fresh.select("SELECT ?x WHERE {}").cached and len(endpoint.requests) == 2
    offline, _ = client(endpoint, tmp_path, offline=True)
    assert offline.select("SELECT ?x WHERE {}").cached
    with pytest.raises(WikidataError, match="offline and no cached answer"):
        offline.select("SELECT ?y WHERE {}")
    assert len(endpoint.requests) == 2


def test_user_agent_from_environment(endpoint: Endpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAMAGRAPH_USER_AGENT", "drama-lab/2.0 (mailto:lab@example.org)")
    wd, _ = client(endpoint, tmp_path)
    wd.select("ASK {}")
    assert endpoint.requests[0]["ua"] == "drama-lab/2.0 (mailto:lab@example.org)"


def test_429_retry_after_is_honoured(endpoint: Endpoint, tmp_path: Path) -> None:
    endpoint.script = [(429, {"Retry-After": "7"}, {"error": "slow down"}), (503, {"Retry-After": "3"}, b"busy"),
                       (200, {}, OK)]
    wd, waits = client(endpoint, tmp_path)
    assert wd.select("SELECT ?x WHERE {}").rows
    assert waits == [7.0, 3.0] and len(endpoint.requests) == 3
    assert wd.counters.requests == 3 and wd.counters.retries == 2


def test_500_backs_off_exponentially_then_fails_clearly(endpoint: Endpoint, tmp_path: Path) -> None:
    endpoint.script = [(500, {}, b"internal error")]
    wd, waits = client(endpoint, tmp_path, retries=3)
    with pytest.raises(WikidataError) as failure:
        wd.select("SELECT ?x WHERE {}", "cast")
    assert waits == [0.5, 1.0, 2.0] and len(endpoint.requests) == 4
    message = str(failure.value)
    assert message.startswith(f"{endpoint.url} did not answer a cast query after 4 tries: EndPointInternalError")
    assert "HTTP status code 500" in message and "internal error" in message
    assert not list((tmp_path / "cache").rglob("*.json"))   # nothing cached from a failure


def test_hang_past_the_timeout(endpoint: Endpoint, tmp_path: Path) -> None:
    endpoint.script = [(200, {}, "hang")]
    wd, waits = client(endpoint, tmp_path, retries=1, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(WikidataError, match=r"after 2 tries: no answer within 0.5 s"):
        wd.select("SELECT ?x WHERE {}")
    assert len(endpoint.requests) == 2 and waits == [0.5]
    assert time.monotonic() - started < 2.9   # gave up on each try at the timeout, not when the server did


def test_malformed_json_is_retried_then_an_error(endpoint: Endpoint, tmp_path: Path) -> None:
    endpoint.script = [(200, {}, b'{"head": {"vars": ["x"]}, "results": {"bindi'), (200, {}, {"results": 3})]
    wd, _ = client(endpoint, tmp_path, retries=2)
    with pytest.raises(WikidataError, match="after 3 tries: malformed JSON results"):
        wd.select("SELECT ?x WHERE {}")
    assert len(endpoint.requests) == 3


def test_a_bad_query_is_not_retried(endpoint: Endpoint, tmp_path: Path) -> None:
    endpoint.script = [(400, {}, b"Parse error")]
    wd, waits = client(endpoint, tmp_path)
    with pytest.raises(WikidataError, match="refused a search query"):
        wd.select("SELECT", "search")
    assert len(endpoint.requests) == 1 and waits == []


def test_retry_after_as_http_date() -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (_retry_after(later) or 0) <= 30
    assert _retry_after("12") == 12.0 and _retry_after("soon") is None and _retry_after(None) is None


def test_endpoint_names() -> None:
    assert endpoint_url("wikidata") == "https://query.wikidata.org/sparql"
    assert endpoint_url("qlever") == "https://qlever.cs.uni-freiburg.de/api/wikidata"
    assert endpoint_url("http://127.0.0.1:8890/sparql") == "http://127.0.0.1:8890/sparql"
    with pytest.raises(WikidataError, match="unknown endpoint"):
        endpoint_url("ftp://example.org")


HOSTILE = ["\\u0022 } UNION { ?s ?p ?o } #", "0\\U0000005C\x01abcd",
           'Kim "Do" yoon', "back\\slash", "line\nbreak\r\t", "} UNION { ?s ?p ?o } #", 'x" } ; DROP ALL ; #',
           "\\u0022 escaped quote", "brace {", "tab\b\f\x00\x1f end", "'single' quotes"]


@pytest.mark.parametrize("text", HOSTILE)
def test_sparql_literal_round_trips(text: str) -> None:
    """Each hostile string is one literal whose value is the string itself, in rdflib and in Oxigraph
    (rdflib expands \\u escapes before parsing, Oxigraph inside strings: both must read the same text)."""
    import pyoxigraph

    query = f"SELECT ?v WHERE {{ VALUES ?v {{ {sparql_literal(text, 'en')} }} }}"
    rows = list(Graph().query(query))
    assert len(rows) == 1 and str(rows[0][0]) == text and rows[0][0].language == "en"
    solutions = list(pyoxigraph.Store().query(query))
    assert len(solutions) == 1 and solutions[0]["v"].value == text


def test_item_ids_are_checked() -> None:
    assert sparql_item("Q42") == "wd:Q42" and sparql_item("http://www.wikidata.org/entity/Q7") == "wd:Q7"
    for bad in ("Q42 } UNION {", "P31", "Q", "wd:Q1"):
        with pytest.raises(ValueError):
            sparql_item(bad)
