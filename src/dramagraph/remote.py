"""A remote SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB, Neptune) behind the same interface as ``Store``.

``--store sparql+http://HOST:PORT/PATH`` (or ``sparql+https://``) names the endpoint that answers queries;
updates go to the same URL unless ``update_url`` (``--update-url``, ``DRAMAGRAPH_SPARQL_UPDATE_URL``) says
otherwise, and whole article graphs are written through the Graph Store Protocol where the server has one
(``graph_store_url``, ``DRAMAGRAPH_SPARQL_GSP_URL``; found by itself on Virtuoso), else through SPARQL
Update.  Credentials come from ``DRAMAGRAPH_SPARQL_USER`` and ``DRAMAGRAPH_SPARQL_PASSWORD`` (HTTP basic
or digest, whichever the server asks for).

The store's graphs are the named graphs whose IRI starts with ``graphs`` (the default base IRI unless
``DRAMAGRAPH_SPARQL_GRAPHS`` says otherwise): ``article_graphs``, ``len`` and ``dump`` count only those, and
on Virtuoso every query excludes the other graphs (its system graphs among them) through Virtuoso's
``input:default-graph-exclude`` and ``input:named-graph-exclude`` pragmas.  Other servers must make their
default graph the union of the named graphs (Fuseki: ``tdb2:unionDefaultGraph true``) and hold no other
data in it.

Neither a SPARQL Update request nor a Graph Store PUT is one transaction on Virtuoso (a request that fails
half-way keeps what it did before the failure; tested in ``tests/test_remote.py``), so a batch is written
under a journal: a small graph listing the batch's article graphs is inserted first and dropped when
every article is written.  A batch that fails is cleaned up at once (its articles dropped: absent, never
half-written); where even that fails, the next writer that opens the store drops the articles of any
journal older than ``STALE_JOURNAL_SECONDS`` and lists them in ``recovered``.

Plain ``urllib`` carries the requests rather than SPARQLWrapper: SPARQLWrapper's digest authentication
installs a process-wide urllib opener for a fixed realm, it has no Graph Store Protocol, and its query-type
guessing warns on Virtuoso's ``define`` pragmas; the results come back as SPARQL XML, which pyoxigraph
parses into the same terms the embedded store returns.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any
from urllib import error as urlerror
from urllib import parse as urlparse
from urllib import request as urlrequest

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .models import DEFAULT_BASE
from .store import (
    ENRICHMENT_GRAPHS,
    PREFIXES,
    QUAD_FORMATS,
    RDF_FORMATS,
    REMOTE_SCHEMES,
    RESULT_FORMATS,
    Triple,
    ask_answer,
    is_remote,
    rdflib_graph,
    solution_rows,
    to_ox,
)

if TYPE_CHECKING:   # rdflib only where a CONSTRUCT result is built: reading a store starts faster
    from rdflib import Graph

JOURNAL_PREFIX = "urn:dramagraph:pending:"            # journal graphs: outside the store's graphs
JOURNAL_LISTS = "urn:dramagraph:pending-graph"        # journal -> an article graph of its batch
JOURNAL_STARTED = "urn:dramagraph:started"            # journal -> when its batch began (xsd:dateTime)
STALE_JOURNAL_SECONDS = 600                           # older journals belong to writers that died
MAX_UPDATE_BYTES = 4_000_000                          # Virtuoso refuses request strings over 10 MB
DUMP_CHUNK = 200                                      # graphs per SELECT when exporting
XML_RESULTS = "application/sparql-results+xml"
_BOOLEAN_XML = '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>{}</boolean></sparql>'
_XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes


class RemoteStore:
    """A store kept in a remote SPARQL 1.1 server; the public interface of ``Store``."""

    def __init__(self, url: str, *, read_only: bool = False, update_url: str | None = None,
                 graph_store_url: str | None = None, user: str | None = None, password: str | None = None,
                 graphs: str | None = None, timeout: float = 120.0) -> None:
        if not is_remote(url):
            raise StoreError(f"{url}: not a remote store URL (expected sparql+http://HOST:PORT/PATH)")
        self.spec = url
        self.path = None   # as ``Store(None)``: nothing on this machine's disk
        self.read_only = read_only
        self.timeout = timeout
        env = os.environ
        self.query_url = _http_url(url)
        self.update_url = _http_url(update_url or env.get("DRAMAGRAPH_SPARQL_UPDATE_URL") or url)
        gsp = graph_store_url or env.get("DRAMAGRAPH_SPARQL_GSP_URL")
        self.graph_store_url: str | None = _http_url(gsp) if gsp else None
        self.graphs = graphs or env.get("DRAMAGRAPH_SPARQL_GRAPHS") or DEFAULT_BASE
        user = user if user is not None else env.get("DRAMAGRAPH_SPARQL_USER")
        password = password if password is not None else env.get("DRAMAGRAPH_SPARQL_PASSWORD")
        self._passwords = urlrequest.HTTPPasswordMgrWithDefaultRealm()
        self._credentials = (user, password or "") if user else None
        self._opener = _opener(self._passwords, self._credentials is not None)
        for known in (self.query_url, self.update_url, self.graph_store_url):
            self._grant(known)
        self.recovered: list[str] = []
        self._pragmas = ""
        self.server = ""
        self._open()

    def __repr__(self) -> str:
        return f"RemoteStore({self.spec!r})"

    def _grant(self, url: str | None) -> None:
        """Send the credentials to ``url`` too (each endpoint is registered: one found later included)."""
        if url and self._credentials:
            self._passwords.add_password(None, url, *self._credentials)

    # -- HTTP ----------------------------------------------------------------------------------------

    def _send(self, url: str, data: bytes | None, headers: dict[str, str], method: str,
              what: str) -> _Answer:
        request = urlrequest.Request(url, data=data, headers={"User-Agent": "dramagraph", **headers},
                                     method=method)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return _Answer(response.status, dict(response.headers.items()), response.read())
        except urlerror.HTTPError as err:
            body = err.read()
            raise self._http_error(err.code, body, what) from None
        except urlerror.URLError as err:
            reason = err.reason if not isinstance(err.reason, str) else err.reason
            raise StoreError(f"{_public(url)}: cannot reach the SPARQL endpoint ({_reason(reason)})") from None
        except TimeoutError:
            raise StoreError(f"{_public(url)}: no answer within {self.timeout:g} s ({what})") from None
        except (ConnectionError, OSError) as err:
            raise StoreError(f"{_public(url)}: connection failed during {what} ({_reason(err)})") from None

    def _http_error(self, status: int, body: bytes, what: str) -> Exception:
        message = _server_message(body)
        if status in (401, 403):
            who = os.environ.get("DRAMAGRAPH_SPARQL_USER")
            hint = (f"the credentials of user {who!r} were refused" if who
                    else "set DRAMAGRAPH_SPARQL_USER and DRAMAGRAPH_SPARQL_PASSWORD")
            return StoreError(f"{self.spec}: {what} not allowed (HTTP {status}): {hint}")
        if status == 400 and what == "query":
            return QueryError(f"the SPARQL server refused the query: {message}")
        return StoreError(f"{self.spec}: {what} failed (HTTP {status}): {message}")

    def _post_query(self, text: str, accept: str) -> _Answer:
        data = urlparse.urlencode({"query": text}).encode("utf-8")
        answer = self._send(self.query_url, data, {"Content-Type": "application/x-www-form-urlencoded",
                                                   "Accept": accept}, "POST", "query")
        cut = answer.headers.get("X-SPARQL-MaxRows") or answer.headers.get("x-sparql-maxrows")
        if cut:
            raise StoreError(f"{self.spec}: the server cut the result at {cut} rows (Virtuoso's "
                             "[SPARQL] ResultSetMaxRows); raise that limit for a graph this size")
        return answer

    def _update(self, text: str) -> None:
        self._check_writable()
        data = urlparse.urlencode({"update": text}).encode("utf-8")
        self._send(self.update_url, data, {"Content-Type": "application/x-www-form-urlencoded"}, "POST",
                   "update")

    # -- opening -------------------------------------------------------------------------------------

    def _open(self) -> None:
        answer = self._post_query("ASK { }", XML_RESULTS)
        self.server = answer.headers.get("Server", "")
        if "virtuoso" in self.server.lower():
            if self.graph_store_url is None:
                # Virtuoso's Graph Store Protocol sits beside its SPARQL endpoint (digest-protected
                # beside /sparql-auth)
                root = self.update_url.rsplit("/", 1)[0]
                suffix = "-auth" if self.update_url.rstrip("/").endswith("-auth") else ""
                self.graph_store_url = f"{root}/sparql-graph-crud{suffix}"
                self._grant(self.graph_store_url)
            self._pragmas = self._exclusions()
        if not self.read_only:
            self.recovered = self._recover()

    def _exclusions(self) -> str:
        """Virtuoso pragmas hiding every graph that is not the store's (system graphs, other data)."""
        rows = self._select_raw(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                f"FILTER(!STRSTARTS(STR(?g), {_str(self.graphs)})) }}")
        pragmas = []
        for row in rows:
            graph = row["g"]
            if isinstance(graph, ox.NamedNode):
                pragmas.append(f"define input:default-graph-exclude {graph}\n"
                               f"define input:named-graph-exclude {graph}\n")
        return "".join(pragmas)

    def _recover(self) -> list[str]:
        """Drop the articles of batches whose writer died before finishing them (stale journals)."""
        rows = self._select_raw(
            f"SELECT ?j ?g ?t WHERE {{ GRAPH ?j {{ ?j <{JOURNAL_STARTED}> ?t . "
            f"OPTIONAL {{ ?j <{JOURNAL_LISTS}> ?g }} }} FILTER(STRSTARTS(STR(?j), {_str(JOURNAL_PREFIX)})) }}",
            pragmas=False)
        now = dt.datetime.now(dt.UTC)
        stale: dict[str, set[str]] = {}
        for row in rows:
            try:
                started = dt.datetime.fromisoformat(row["t"].value)
            except ValueError:
                started = now - dt.timedelta(seconds=STALE_JOURNAL_SECONDS + 1)
            if started.tzinfo is None:
                started = started.replace(tzinfo=dt.UTC)
            if (now - started).total_seconds() > STALE_JOURNAL_SECONDS:
                graphs = stale.setdefault(row["j"].value, set())
                if isinstance(row["g"], ox.NamedNode):
                    graphs.add(row["g"].value)
        if not stale:
            return []
        removed = sorted({g for graphs in stale.values() for g in graphs})
        self._update(" ;\n".join([f"DROP SILENT GRAPH <{g}>" for g in removed]
                                 + [f"DROP SILENT GRAPH <{j}>" for j in stale]))
        return removed

    # -- writing -------------------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.spec}: store opened read-only")

    def has_graph(self, graph_iri: str) -> bool:
        return bool(self._results(f"ASK {{ GRAPH {_iri(graph_iri)} {{ ?s ?p ?o }} }}", None, pragmas=False))

    def write_articles(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> None:
        """Store each ``(graph_iri, triples)``, replacing any earlier version of that graph.

        The batch goes under a journal (see the module docstring): each article ends up complete in its
        new version, or, when the batch fails, absent."""
        self._check_writable()
        articles: dict[str, str] = {}
        for graph_iri, triples in graphs:
            graph = _iri(graph_iri)
            if not graph_iri.startswith(self.graphs):
                raise StoreError(f"{graph_iri}: outside this store's graphs ({self.graphs}); set "
                                 "DRAMAGRAPH_SPARQL_GRAPHS to a prefix of every graph it is to hold")
            articles[graph[1:-1]] = _ntriples(triples)   # a later version of one article wins
        if not articles:
            return
        journal = f"{JOURNAL_PREFIX}{uuid.uuid4()}"
        started = ox.Literal(dt.datetime.now(dt.UTC).isoformat(), datatype=_XSD_DATETIME)
        listed = "".join(f"<{journal}> <{JOURNAL_LISTS}> <{g}> .\n" for g in articles)
        self._update(f"INSERT DATA {{ GRAPH <{journal}> {{\n<{journal}> <{JOURNAL_STARTED}> {started} .\n"
                     f"{listed}}} }}")
        try:
            if self.graph_store_url:
                for graph_iri, body in articles.items():
                    self._put_graph(graph_iri, body)
            else:
                for chunk in _chunks(articles, MAX_UPDATE_BYTES):
                    self._update(" ;\n".join(f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{body}}} }}"
                                             for g, body in chunk))
        except StoreError as err:
            self._abandon(journal, list(articles), err)
        self._update(f"DROP SILENT GRAPH <{journal}>")

    def replace_graphs(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> None:
        """Replace several graphs that are not articles (enrichment's links and Wikidata facts) together.

        Written as a batch of articles is, under a journal: every graph ends up in its new version or, when
        the write fails part-way, absent (the remote server gives no transaction to keep the old version);
        every term from outside is checked on the way in."""
        self.write_articles(graphs)

    def _put_graph(self, graph_iri: str, body: str) -> None:
        assert self.graph_store_url is not None
        if not body:   # an empty graph is no graph, as in the embedded store
            self._update(f"DROP SILENT GRAPH <{graph_iri}>")
            return
        url = _with_query(self.graph_store_url, {"graph": graph_iri} if "virtuoso" not in self.server.lower()
                          else {"graph-uri": graph_iri})
        self._send(url, body.encode("utf-8"), {"Content-Type": "application/n-triples"}, "PUT",
                   f"writing {graph_iri}")

    def _abandon(self, journal: str, graph_iris: list[str], cause: StoreError) -> None:
        """A batch failed part-way: drop its articles (absent, never half-written), then its journal."""
        try:
            self._update(" ;\n".join([f"DROP SILENT GRAPH <{g}>" for g in graph_iris]
                                     + [f"DROP SILENT GRAPH <{journal}>"]))
        except StoreError as again:
            raise StoreError(f"{cause}; cleaning up failed too ({again}): the next writer to open the store "
                             f"removes the batch's {len(graph_iris)} articles") from cause
        raise StoreError(f"{cause}; the batch's {len(graph_iris)} articles were removed, ingest them again") \
            from cause

    def remove_graph(self, graph_iri: str) -> bool:
        """Remove one article graph; returns whether it was there."""
        self._check_writable()
        if not self.has_graph(graph_iri):
            return False
        self._update(f"DROP SILENT GRAPH {_iri(graph_iri)}")
        return True

    # -- reading -------------------------------------------------------------------------------------

    def _prepare(self, sparql: str, bindings: Mapping[str, Any] | None, pragmas: bool = True) -> str:
        from .queries import derived_bindings, inline_keys, inline_numbers

        keyed = derived_bindings(sparql, bindings)
        text = _bind(inline_keys(inline_numbers(sparql, bindings), keyed), keyed)
        if pragmas and _CONSTANT_GRAPH.search(_mask(text, iris=False)):
            # Virtuoso 7.2 under the exclude pragmas finds nothing in GRAPH <iri> (and ASK or COUNT then
            # answer wrongly): such a query names its graphs itself, so it goes without them
            pragmas = False
        declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", _mask(text))}
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p.lower() not in declared)
        return (self._pragmas if pragmas else "") + prologue + text

    def _results(self, sparql: str, bindings: Mapping[str, Any] | None, pragmas: bool = True) -> Any:
        """The query's result as pyoxigraph values: solutions, a boolean, or a list of triples."""
        text = self._prepare(sparql, bindings, pragmas)
        if _form(sparql) in ("CONSTRUCT", "DESCRIBE"):
            answer = self._post_query(text, "application/n-triples")
            try:
                return list(ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES))
            except SyntaxError as err:
                raise StoreError(f"{self.spec}: unreadable CONSTRUCT result: {err}") from err
        answer = self._post_query(text, XML_RESULTS)
        try:
            result = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.XML)
        except SyntaxError as err:
            raise StoreError(f"{self.spec}: unreadable query result: {err}") from err
        if isinstance(result, ox.QuerySolutions) and [v.value for v in result.variables] == ["__ASK_RETVAL"]:
            # Virtuoso answers ASK as one row of __ASK_RETVAL (1) or none, not as a boolean
            value = any(row["__ASK_RETVAL"] is not None and row["__ASK_RETVAL"].value != "0" for row in result)
            result = ox.parse_query_results(_BOOLEAN_XML.format(str(value).lower()), format=ox.QueryResultsFormat.XML)
        return result

    def _select_raw(self, sparql: str, pragmas: bool = True) -> list[Any]:
        result = self._results(sparql, None, pragmas)
        return list(result)

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT; rows map variable names to Python values (None when unbound), as ``Store.select``."""
        return solution_rows(self._results(sparql, bindings))

    def ask(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> bool:
        return ask_answer(self._results(sparql, bindings))

    def construct(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Graph:
        result = self._results(sparql, bindings)
        if not isinstance(result, list):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return rdflib_graph(result)

    def query_serialized(self, sparql: str, fmt: str, bindings: Mapping[str, Any] | None = None) -> bytes:
        result = self._results(sparql, bindings)
        if isinstance(result, list):
            rdf_format = RDF_FORMATS.get(fmt if fmt in RDF_FORMATS else "turtle")
            return bytes(ox.serialize(result, None, rdf_format) or b"")
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}; choose from {', '.join(sorted(RESULT_FORMATS))}")
        return bytes(result.serialize(format=RESULT_FORMATS[fmt]) or b"")

    def article_graphs(self) -> list[str]:
        """The named graphs of articles (not those enrichment keeps under ``…/id/wikidata/``)."""
        rows = self._select_raw(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                f"FILTER(STRSTARTS(STR(?g), {_str(self.graphs)})) }}")
        return sorted(row["g"].value for row in rows
                      if isinstance(row["g"], ox.NamedNode) and not row["g"].value.startswith(ENRICHMENT_GRAPHS))

    def __len__(self) -> int:
        rows = self._select_raw(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                f"FILTER(STRSTARTS(STR(?g), {_str(self.graphs)})) }}")
        return int(rows[0]["n"].value) if rows else 0

    # -- export --------------------------------------------------------------------------------------

    def _quads(self) -> Iterable[ox.Quad]:
        """Every quad of the store's graphs, read a few graphs per request (each result stays under the
        server's row limit; a chunk that hits it is split)."""
        graphs = self.article_graphs()
        pending = [graphs[i:i + DUMP_CHUNK] for i in range(0, len(graphs), DUMP_CHUNK)]
        while pending:
            chunk = pending.pop(0)
            values = " ".join(f"<{g}>" for g in chunk)
            try:
                rows = self._select_raw(
                    f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
            except StoreError as err:
                if "cut the result" in str(err) and len(chunk) > 1:
                    half = len(chunk) // 2
                    pending[:0] = [chunk[:half], chunk[half:]]
                    continue
                raise
            for row in rows:
                yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def dump(self, output: IO[bytes], fmt: str) -> None:
        """Write the store's graphs to a binary stream, as ``Store.dump``."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r}; choose from {', '.join(sorted(RDF_FORMATS))}")
        if fmt in QUAD_FORMATS:
            ox.serialize(self._quads(), output, RDF_FORMATS[fmt])
        else:
            seen: set[ox.Triple] = set()   # the union of the article graphs, each triple once
            for quad in self._quads():
                seen.add(quad.triple)
            ox.serialize(seen, output, RDF_FORMATS[fmt], prefixes=PREFIXES)

    def flush(self) -> None:
        """Nothing to do: every write is sent when it is made."""

    def close(self) -> None:
        self._opener = None  # type: ignore[assignment]

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- helpers ----------------------------------------------------------------------------------------------

def _http_url(spec: str) -> str:
    url = spec[len("sparql+"):] if spec.lower().startswith(REMOTE_SCHEMES) else spec
    parts = urlparse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{spec}: not an http(s) SPARQL endpoint URL")
    if parts.username or parts.password:
        raise StoreError(f"{_public(spec)}: put credentials in DRAMAGRAPH_SPARQL_USER and "
                         "DRAMAGRAPH_SPARQL_PASSWORD, not in the URL")
    return url


def _public(url: str) -> str:
    parts = urlparse.urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


def _reason(reason: object) -> str:
    text = str(getattr(reason, "strerror", None) or reason)
    return text.strip() or type(reason).__name__


def _server_message(body: bytes) -> str:
    """The first meaningful line of a server's error page."""
    text = re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if "error" in line.lower() and "request failed" not in line.lower():
            return line[:300]
    return (lines[0] if lines else "no details")[:300]


def _opener(passwords: urlrequest.HTTPPasswordMgr, authenticate: bool) -> urlrequest.OpenerDirector:
    handlers: list[urlrequest.BaseHandler] = []
    if authenticate:
        # whichever the server asks for: Virtuoso's /sparql-auth wants digest
        handlers += [urlrequest.HTTPDigestAuthHandler(passwords), urlrequest.HTTPBasicAuthHandler(passwords)]
    return urlrequest.build_opener(*handlers)


def _with_query(url: str, params: dict[str, str]) -> str:
    return url + ("&" if "?" in url else "?") + urlparse.urlencode(params)


def _iri(iri: str) -> str:
    try:
        return str(ox.NamedNode(iri))
    except ValueError as err:
        raise StoreError(f"{iri!r}: not a valid graph IRI ({err})") from err


def _str(value: str) -> str:
    return str(ox.Literal(value))


def _ntriples(triples: Iterable[Triple]) -> str:
    """An article's triples as N-Triples text (mapping output is N-Triples lines already)."""
    from .mapping import Triples

    if isinstance(triples, Triples):
        return "".join(line + " .\n" for line in triples.lines)
    lines = []
    for s, p, o in triples:
        lines.append(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} .\n")
    return "".join(lines)


def _chunks(articles: dict[str, str], limit: int) -> Iterable[list[tuple[str, str]]]:
    chunk: list[tuple[str, str]] = []
    size = 0
    for graph, body in articles.items():
        if chunk and size + len(body) > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append((graph, body))
        size += len(body)
    if chunk:
        yield chunk


# -- query text --------------------------------------------------------------------------------------------

# strings, IRIs and comments: blanked out before looking for keywords and braces
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*', re.DOTALL)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


_CONSTANT_GRAPH = re.compile(r"\bGRAPH\s*(?:<|[A-Za-z][\w.-]*:|:)", re.IGNORECASE)


def _mask(text: str, iris: bool = True) -> str:
    """The query with strings and comments (and IRIs, unless ``iris`` is false) blanked out."""
    return _OPAQUE.sub(lambda m: m.group() if not iris and m.group()[0] == "<" else " " * len(m.group()), text)


def _form(sparql: str) -> str:
    match = _FORM.search(_mask(sparql))
    return match.group(1).upper() if match else "SELECT"


def _bind(sparql: str, bindings: Mapping[str, Any]) -> str:
    """Pre-bind variables as the embedded store's substitutions do: a ``VALUES`` block first in the
    query's outermost group, so BINDs and FILTERs see the values.  Terms are written by Oxigraph
    (escaped), never pasted as text."""
    bound = {name: value for name, value in bindings.items() if value is not None}
    if not bound:
        return sparql
    names, terms = [], []
    for name, value in bound.items():
        if not re.fullmatch(r"[A-Za-z_][\w]*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        try:
            terms.append(str(to_ox(value)))
        except (StoreError, ValueError) as err:
            raise QueryError(f"cannot bind ?{name}: {err}") from err
        names.append("?" + name)
    masked = _mask(sparql)
    form = _FORM.search(masked)
    if form is None:
        raise QueryError("cannot find the query form (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    position, depth, seen_where = form.end(), 0, form.group(1).upper() != "CONSTRUCT"
    for index in range(form.end(), len(masked)):
        char = masked[index]
        if depth == 0 and not seen_where and masked[index:index + 5].upper() == "WHERE":
            seen_where = True
        if char == "{":
            if depth == 0 and seen_where:
                position = index + 1
                break
            depth += 1
        elif char == "}":
            depth -= 1
    else:
        raise QueryError("cannot find the query's WHERE clause")
    values = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    return sparql[:position] + values + sparql[position:]
