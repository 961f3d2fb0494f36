"""A SPARQL 1.1 Protocol endpoint over a dramagraph store (``dramagraph serve``).

``/sparql`` answers queries sent by GET (``?query=``) or POST (an ``application/x-www-form-urlencoded`` form
with ``query=``, or an ``application/sparql-query`` body), with content negotiation by ``Accept`` (or a
``format=`` parameter); updates (``update=`` or ``application/sparql-update``) are refused with 403 unless
the endpoint allows them.  ``/`` is a small page to type a query.  Every response carries CORS headers.

Queries run in worker processes, never in the server's own: Oxigraph cannot cancel a running query from
Python, so a query that outlives ``timeout`` is stopped by killing its worker (SIGKILL), the client gets
503, and a fresh worker opens the store in its place.  Read-only workers each open the store read-only;
with updates allowed there is a single read-write worker (Oxigraph allows one writer), so queries then
run one at a time.  Results over ``max_results`` rows (or triples) are cut there and the response says so
in the ``X-Dramagraph-Truncated`` header.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import multiprocessing
import queue
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .errors import DramagraphError, StoreError

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024 * 1024          # bytes of a POSTed query or update
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TRUNCATED = "X-Dramagraph-Truncated"

#: media type -> result format for SELECT and ASK (the first is the default)
RESULT_TYPES: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"), ("application/json", "json"),
    ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
    ("text/csv", "csv"), ("text/tab-separated-values", "tsv"),
]
#: media type -> RDF format for CONSTRUCT and DESCRIBE (the first is the default)
GRAPH_TYPES: list[tuple[str, str]] = [
    ("text/turtle", "turtle"), ("application/turtle", "turtle"), ("application/x-turtle", "turtle"),
    ("application/n-triples", "nt"), ("text/plain", "nt"),
    ("application/ld+json", "jsonld"), ("application/json", "jsonld"),
    ("application/rdf+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
]
CONTENT_TYPES = {
    ("results", "json"): "application/sparql-results+json", ("results", "xml"): "application/sparql-results+xml",
    ("results", "csv"): "text/csv; charset=utf-8", ("results", "tsv"): "text/tab-separated-values; charset=utf-8",
    ("graph", "turtle"): "text/turtle; charset=utf-8", ("graph", "nt"): "application/n-triples",
    ("graph", "jsonld"): "application/ld+json", ("graph", "xml"): "application/rdf+xml",
}
_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                  "xml": ox.RdfFormat.RDF_XML}
_BOOLEAN_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


@dataclass(frozen=True)
class ServeOptions:
    """How ``dramagraph serve`` runs: which store, where it listens, and its limits."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    timeout: float = 30.0            # seconds a query or update may run before its worker is killed
    max_results: int = 10_000        # rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned at most
    workers: int = 2                 # query processes when read-only (one when updates are allowed)


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def _text(status: int, message: str) -> Response:
    return Response(status, (message.rstrip() + "\n").encode("utf-8"))


# -- content negotiation --------------------------------------------------------------------------------

def negotiate(accept: str | None, offers: list[tuple[str, str]]) -> str | None:
    """The offered format the ``Accept`` header likes best (the first offer when it says nothing or
    ``*/*``); None when it accepts none of them."""
    if not accept or not accept.strip():
        return offers[0][1]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            if param.replace(" ", "").startswith("q="):
                try:
                    quality = float(param.split("=", 1)[1])
                except ValueError:
                    quality = 0.0
        ranges.append((media.lower(), quality))
    best: tuple[tuple[float, int, int, int], str] | None = None
    for index, (media, key) in enumerate(offers):
        for position, (wanted, quality) in enumerate(ranges):
            if quality <= 0:
                continue
            if wanted == media:
                specific = 2
            elif wanted == media.split("/")[0] + "/*":
                specific = 1
            elif wanted == "*/*":
                specific = 0
            else:
                continue
            score = (quality, specific, -position, -index)
            if best is None or score > best[0]:
                best = (score, key)
    return best[1] if best else None


# -- SPARQL results serialisers (Oxigraph serialises only whole result iterators, not a cut one) ---------

def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def serialize_solutions(variables: list[str], rows: Iterable[Any], fmt: str) -> bytes:
    """SELECT results as SPARQL 1.1 JSON, XML, CSV or TSV."""
    if fmt == "json":
        bindings = [{name: _json_term(row[name]) for name in variables if row[name] is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>", "<results>"]
        for row in rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>"
                            for v in variables if row[v] is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(row[v]) for v in variables] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":   # terms in N-Triples syntax, which escapes tabs and newlines in literals
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


# -- the worker process ---------------------------------------------------------------------------------

def _worker(path: str, writable: bool, conn: Connection) -> None:
    """Open the store and answer jobs from ``conn`` until it closes (or the server kills this process)."""
    from .store import PREFIXES, Store

    try:
        store = Store(path, read_only=not writable)
    except DramagraphError as err:
        conn.send(("error", str(err)))
        return
    conn.send(("ready", None))
    # the store's own query methods convert every term for Python; here results go straight to bytes
    raw = store._store
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        try:
            response = _run_job(raw, job, PREFIXES)
        except Exception as err:  # noqa: BLE001 - reported to the client as a 500 with its cause
            response = _text(500, f"internal error: {type(err).__name__}: {err}")
        conn.send(response)
    store.close()


def _run_job(store: ox.Store, job: dict[str, Any], prefixes: dict[str, str]) -> Response:
    if job["op"] == "update":
        try:
            store.update(job["text"], prefixes=prefixes)
        except SyntaxError as err:
            return _text(400, f"SPARQL syntax error: {err}")
        except (OSError, RuntimeError) as err:
            return _text(500, f"update failed: {err}")
        store.flush()
        return Response(204)

    kwargs: dict[str, Any] = {"prefixes": prefixes}
    if job["default_graphs"]:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    else:   # as everywhere in dramagraph: the default graph is the union of the article graphs
        kwargs["use_default_graph_as_union"] = True
    if job["named_graphs"]:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    try:
        result = store.query(job["text"], **kwargs)
        return _serialize(result, job)
    except SyntaxError as err:
        return _text(400, f"SPARQL syntax error: {err}")
    except ValueError as err:    # e.g. a graph IRI that is not an IRI
        return _text(400, str(err))
    except (OSError, RuntimeError) as err:
        return _text(500, f"query failed: {err}")


def _serialize(result: Any, job: dict[str, Any]) -> Response:
    limit: int = job["max_results"]
    if isinstance(result, ox.QueryTriples):
        fmt = job["format"] if job["format"] in _GRAPH_FORMATS else negotiate(job["accept"], GRAPH_TYPES)
        if fmt is None:
            return _not_acceptable(GRAPH_TYPES)
        triples = list(islice(result, limit + 1))
        headers = _truncation(len(triples), limit)
        from .store import PREFIXES

        body = ox.serialize(triples[:limit], None, _GRAPH_FORMATS[fmt], prefixes=PREFIXES)
        return Response(200, bytes(body or b""), CONTENT_TYPES["graph", fmt], headers)
    fmt = job["format"] if job["format"] in _BOOLEAN_FORMATS else negotiate(job["accept"], RESULT_TYPES)
    if fmt is None:
        return _not_acceptable(RESULT_TYPES)
    if isinstance(result, ox.QueryBoolean):
        body = result.serialize(format=_BOOLEAN_FORMATS[fmt]) or b""
        return Response(200, bytes(body), CONTENT_TYPES["results", fmt])
    variables = [v.value for v in result.variables]
    rows = list(islice(result, limit + 1))
    headers = _truncation(len(rows), limit)
    return Response(200, serialize_solutions(variables, rows[:limit], fmt), CONTENT_TYPES["results", fmt], headers)


def _truncation(count: int, limit: int) -> dict[str, str]:
    return {TRUNCATED: f"results cut at {limit} (--max-results)"} if count > limit else {}


def _not_acceptable(offers: list[tuple[str, str]]) -> Response:
    return _text(406, "none of the Accept types can be served; offered: " + ", ".join(m for m, _ in offers))


# -- the pool of workers --------------------------------------------------------------------------------

class _Worker:
    def __init__(self, context: Any, path: str, writable: bool) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(path, writable, child), daemon=True,
                                       name="dramagraph-sparql")
        self.process.start()
        child.close()

    def wait_ready(self, seconds: float) -> str | None:
        """None when the store is open; else why not."""
        if not self.conn.poll(seconds):
            self.kill()
            return f"worker did not open the store within {seconds:.0f} s"
        try:
            state, message = self.conn.recv()
        except EOFError:
            return "worker exited while opening the store"
        return None if state == "ready" else str(message)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Endpoint:
    """Runs SPARQL queries and updates on a store, each in a worker process under a deadline."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.size = 1 if options.allow_update else max(1, options.workers)
        self._context = multiprocessing.get_context(
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
        if self._context.get_start_method() == "forkserver":
            self._context.set_forkserver_preload(["dramagraph.serve", "dramagraph.store"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        first = self._start()          # fails here, before listening, when the store cannot be opened
        self._idle.put(first)
        for _ in range(self.size - 1):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._context, str(self.options.store), self.options.allow_update)
        problem = worker.wait_ready(60)
        if problem:
            worker.kill()
            raise StoreError(problem)
        return worker

    def _replace(self) -> None:
        try:
            worker = self._start()
        except StoreError as err:
            log.error("could not restart a SPARQL worker: %s", err)
            return
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def run(self, job: dict[str, Any]) -> Response:
        """Run one job (``op`` query or update) and return the HTTP response for it."""
        if job["op"] == "update" and not self.options.allow_update:
            return _text(403, "SPARQL updates are disabled: this endpoint is read-only "
                              "(start it with `dramagraph serve --allow-update` to allow them)")
        job = {**job, "max_results": self.options.max_results}
        deadline = time.monotonic() + self.options.timeout
        try:
            worker = self._idle.get(timeout=self.options.timeout)
        except queue.Empty:
            return _text(503, f"all {self.size} query workers stayed busy for {self.options.timeout:g} s; "
                              "try again later")
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                response: Response = worker.conn.recv()
                self._idle.put(worker)
                return response
        except (EOFError, OSError) as err:
            log.error("a SPARQL worker died: %s", err)
            worker.kill()
            threading.Thread(target=self._replace, daemon=True).start()
            return _text(500, "the query worker died; try again")
        # Oxigraph has no way to interrupt a query from Python: stop it by killing its process
        log.warning("stopped a %s after %g s: %s", job["op"], self.options.timeout, " ".join(job["text"].split())[:200])
        worker.kill()
        threading.Thread(target=self._replace, daemon=True).start()
        return _text(503, f"query stopped: it ran longer than the endpoint's timeout of {self.options.timeout:g} s")

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                break


# -- HTTP -----------------------------------------------------------------------------------------------

class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server holding an ``Endpoint``; ``url`` is where ``/sparql`` listens."""

    daemon_threads = True

    def __init__(self, options: ServeOptions) -> None:
        self.endpoint = Endpoint(options)
        try:
            super().__init__((options.host, options.port), _Handler)
        except OSError:
            self.endpoint.close()
            raise

    @property
    def url(self) -> str:
        address, port = self.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else str(address)
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/sparql"

    def server_close(self) -> None:
        super().server_close()
        self.endpoint.close()


def make_server(options: ServeOptions) -> SparqlServer:
    """A server bound to ``options.host:options.port`` (port 0: a free one); run ``serve_forever()`` on it
    and ``server_close()`` when done.  Raises ``StoreError`` when the store cannot be opened."""
    try:
        return SparqlServer(options)
    except OSError as err:
        raise StoreError(f"cannot listen on {options.host}:{options.port}: {err}") from err


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "dramagraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        log.info("%s %s", self.address_string(), format % args)

    def do_OPTIONS(self) -> None:  # noqa: N802 - the stdlib's naming
        # a CORS preflight: browsers ask before POSTing a query from another origin
        self._send(Response(204, headers={"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                          "Access-Control-Allow-Headers": "Content-Type, Accept",
                                          "Access-Control-Max-Age": "86400"}))

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(Response(200, PAGE.encode("utf-8"), "text/html; charset=utf-8"))
        elif url.path == "/sparql":
            fields = parse_qs(url.query, keep_blank_values=True)
            if "update" in fields:
                self._send(_text(405, "send updates with POST"))
            else:
                self._answer(fields, None)
        else:
            self._send(_text(404, "not found: the SPARQL endpoint is /sparql"))

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.close_connection = True   # the body is left unread
            self._send(_text(404, "not found: the SPARQL endpoint is /sparql"))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self._send(_text(413, f"request body over {MAX_BODY} bytes"))
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        fields = parse_qs(url.query, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                fields.setdefault(key, []).extend(values)
            self._answer(fields, None)
        elif kind == "application/sparql-query":
            self._answer(fields, ("query", body))
        elif kind == "application/sparql-update":
            self._answer(fields, ("update", body))
        else:
            self._send(_text(415, "POST a form (application/x-www-form-urlencoded), application/sparql-query "
                                  "or application/sparql-update"))

    def _answer(self, fields: dict[str, list[str]], direct: tuple[str, str] | None) -> None:
        op: str
        if direct is None:
            found = [(name, fields[name]) for name in ("query", "update") if name in fields]
            if len(found) != 1 or len(found[0][1]) != 1:
                self._send(_text(400, "send exactly one query= or update= parameter"))
                return
            op, text = found[0][0], found[0][1][0]
        else:
            op, text = direct
        if op == "update" and (fields.get("using-graph-uri") or fields.get("using-named-graph-uri")):
            self._send(_text(400, "using-graph-uri and using-named-graph-uri are not supported"))
            return
        job = {"op": op, "text": text, "accept": self.headers.get("Accept"),
               "format": (fields.get("format") or [""])[0],
               "default_graphs": fields.get("default-graph-uri", []),
               "named_graphs": fields.get("named-graph-uri", [])}
        self._send(self.server.endpoint.run(job))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", TRUNCATED)
        if response.status != 204:
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
        for key, value in response.headers.items():
            self.send_header(key, value)
        if response.status in (HTTPStatus.OK, HTTPStatus.NO_CONTENT):
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if response.status != 204 and self.command != "HEAD":
            self.wfile.write(response.body)


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dramagraph SPARQL</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 70em; padding: 0 1em; }
textarea { width: 100%; height: 14em; font: 13px monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 1em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
pre { background: #f6f6f6; padding: .75em; overflow: auto; }
#status { color: #555; margin-left: 1em; }
</style>
</head>
<body>
<h1>dramagraph SPARQL</h1>
<p>The prefixes <code>dg</code>, <code>rdf</code>, <code>rdfs</code>, <code>skos</code>, <code>schema</code> and
<code>xsd</code> are predeclared; the default graph is the union of the article graphs. Endpoint:
<code>/sparql</code>.</p>
<form id="form">
<textarea id="query" spellcheck="false">SELECT ?show ?platform WHERE {
  ?s dg:streamsOn ?p ; rdfs:label ?show .
  ?p rdfs:label ?platform .
}
ORDER BY ?show</textarea>
<p><button type="submit">Run</button> <span id="status"></span></p>
</form>
<div id="out"></div>
<script>
const form = document.getElementById("form");
const out = document.getElementById("out");
const status = document.getElementById("status");
function cell(term) {
  const td = document.createElement("td");
  if (term) td.textContent = term.type === "uri" ? "<" + term.value + ">" : term.value;
  return td;
}
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  status.textContent = "running\u2026";
  out.replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("sparql", {method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: new URLSearchParams({query: document.getElementById("query").value})});
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const cut = response.headers.get("X-Dramagraph-Truncated");
    status.textContent = response.status + " in " + seconds + " s" + (cut ? " \u2014 " + cut : "");
    const type = response.headers.get("Content-Type") || "";
    if (response.ok && type.startsWith("application/sparql-results+json")) {
      const data = JSON.parse(text);
      if ("boolean" in data) { out.textContent = String(data.boolean); return; }
      const table = document.createElement("table");
      const head = table.insertRow();
      for (const v of data.head.vars) {
        const th = document.createElement("th");
        th.textContent = v;
        head.appendChild(th);
      }
      for (const row of data.results.bindings) {
        const tr = table.insertRow();
        for (const v of data.head.vars) tr.appendChild(cell(row[v]));
      }
      out.appendChild(table);
      status.textContent += " \u2014 " + data.results.bindings.length + " rows";
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      out.appendChild(pre);
    }
  } catch (error) {
    status.textContent = "failed: " + error;
  }
});
</script>
</body>
</html>
"""
