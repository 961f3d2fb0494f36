"""Where the triples live: an embedded on-disk Oxigraph store, one named graph per article.

Writes replace whole article graphs inside one transaction, so an article is either fully present (in its
latest version) or absent; queries see the union of all article graphs as their default graph.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import QueryError, StoreError

if TYPE_CHECKING:   # rdflib is imported where it is used: `stats` and `facts` start faster without it
    from rdflib import Graph
    from rdflib.term import Node

Triple = tuple["Node", "Node", "Node"]

JOURNAL = "dramagraph-pending.json"   # graphs of a bulk load in progress (see Store.write_articles)
ENRICHMENT_GRAPHS = "https://w3id.org/dramagraph/id/wikidata/"   # named graphs of Wikidata links and facts
BULK_THRESHOLD = 5_000                # quads; smaller batches of new articles use one transaction

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                               "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}

#: rdflib/dramagraph format name -> (Oxigraph format, is it a quad format)
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"nquads", "trig", "jsonld"}

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}


def to_ox(term: Node | str | int | float | bool) -> ox.NamedNode | ox.Literal:
    """An rdflib term (or a plain Python value, read as a literal) as an Oxigraph term."""
    if type(term) in (str, int, float, bool):
        return ox.Literal(term)
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        raise StoreError("blank nodes cannot be stored: article graphs must use IRIs only")
    if isinstance(term, (bool, int, float, str)):
        return ox.Literal(term)
    raise StoreError(f"cannot store {term!r}")


def from_ox(term: Any) -> Any:
    """An Oxigraph term as a plain Python value: IRIs as str, literals by datatype, unbound as None."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype in _FLOATS:
            try:
                return float(term.value)
            except ValueError:
                return term.value
        if datatype == XSD + "boolean":
            return term.value == "true"
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def _to_rdflib(term: Any) -> Node:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unexpected term {term!r}")


def solution_rows(result: Any) -> list[dict[str, Any]]:
    """SELECT solutions as rows mapping variable names to Python values (None when unbound)."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in result.variables]
    return [{name: from_ox(solution[name]) for name in names} for solution in result]


def ask_answer(result: Any) -> bool:
    if not isinstance(result, ox.QueryBoolean):
        raise QueryError("expected an ASK query")
    return bool(result)


def rdflib_graph(triples: Iterable[Any]) -> Graph:
    """Oxigraph triples (a CONSTRUCT or DESCRIBE result) as an rdflib ``Graph``."""
    from rdflib import Graph

    graph = Graph()
    for triple in triples:
        graph.add((_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object)))
    return graph


class Store:
    """An Oxigraph store on disk (``path``) or in memory (``path=None``)."""

    #: articles ``ingest`` writes per ``write_articles`` call.  Each bulk load of new articles is merged
    #: into the store later by RocksDB's background compactions, whose work grows with the store: fewer,
    #: larger loads slow ingest down less as the store grows (10,000 articles on one core: about 20 %
    #: less CPU than batches of 256), while memory grows with the batch (about 0.3 MB per article).
    WRITE_BATCH = 512

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.recovered: list[str] = []   # articles of an interrupted bulk load, removed on opening
        self._iris: dict[str, str] = {}
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no dramagraph store here (run `dramagraph ingest` first)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise StoreError(f"{self.path}: is a file, not a store folder")
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
                self.recovered = self._recover()
        except (OSError, RuntimeError) as err:   # RuntimeError: RocksDB found the files damaged
            message = str(err)
            if "lock" in message.lower():
                raise StoreError(f"{self.path}: store in use by another dramagraph process ({message})") from err
            raise StoreError(f"{self.path}: cannot open store: {message}") from err

    # -- writing ---------------------------------------------------------------------------------------

    def has_graph(self, graph_iri: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph_iri))

    def write_articles(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> None:
        """Store each ``(graph_iri, triples)``, replacing any earlier version of that graph.

        A graph that already exists is dropped and re-inserted in one SPARQL update (one transaction).
        Graphs new to the store are added together: in one transaction when the batch is small, else
        through Oxigraph's bulk loader (about three times faster) under a journal: the journal file lists
        the batch's graphs until the load is complete, and opening a store whose journal survived a crash
        removes them.  Either way an article is never half-written or present twice.

        The graphs go in as N-Quads text that Oxigraph parses itself.  ``mapping.Triples`` (what
        ``to_rdf`` returns) already holds N-Triples lines; other triples (rdflib terms) are converted
        term by term and checked as Oxigraph terms on the way.
        """
        from .mapping import Triples  # here: reading a store needs neither mapping nor rdflib

        self._check_writable()
        fresh: list[bytes] = []   # each graph encoded on its own: one copy of the batch less than str.join
        fresh_graphs: list[str] = []
        fresh_quads = 0
        trusted = True   # only mapping output: its IRIs are valid by construction, so skip re-checking them
        try:
            for graph_iri, triples in graphs:
                graph = ox.NamedNode(graph_iri)
                if isinstance(triples, Triples):
                    lines, count = triples.nquads(graph_iri), len(triples)
                else:
                    lines, count = self._nquads(graph, triples), -1
                    trusted = False
                if self._store.contains_named_graph(graph):
                    self._replace(graph, lines)
                else:
                    fresh.append(lines.encode("utf-8"))
                    fresh_graphs.append(graph_iri)
                    fresh_quads += count if count >= 0 else lines.count("\n")
            if not fresh:
                return
            data = b"".join(fresh)
            del fresh
            if self.path is None or fresh_quads < BULK_THRESHOLD:
                self._store.load(data, format=ox.RdfFormat.N_QUADS, lenient=trusted)
            else:
                self._bulk_add(fresh_graphs, data, trusted)
        except OSError as err:
            raise StoreError(f"{self.path}: write failed: {err}") from err
        except SyntaxError as err:   # not expected: every term was written or checked above
            raise StoreError(f"cannot store the batch: {err}") from err

    def _nquads(self, graph: ox.NamedNode, triples: Iterable[Triple]) -> str:
        tail = f" {graph} .\n"
        term = self._term
        return "".join(f"{term(s)} {term(p)} {term(o)}{tail}" for s, p, o in triples)

    def _term(self, term: Node) -> str:
        """An rdflib term in N-Triples syntax, checked by Oxigraph (IRIs repeat: each converted once)."""
        from rdflib import URIRef

        if type(term) is URIRef:
            cached = self._iris.get(term)
            if cached is None:
                if len(self._iris) > 20_000:   # bounded, so memory stays flat however many articles
                    self._iris.clear()
                cached = self._iris[term] = str(ox.NamedNode(str(term)))
            return cached
        return str(to_ox(term))

    def _bulk_add(self, graph_iris: list[str], data: bytes, trusted: bool) -> None:
        assert self.path is not None
        journal = self.path / JOURNAL
        partial = journal.with_suffix(".tmp")
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(graph_iris, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, journal)
        self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=trusted)
        self._store.flush()
        journal.unlink()

    def _recover(self) -> list[str]:
        """Remove the articles of a bulk load that was interrupted (listed in the journal)."""
        assert self.path is not None
        journal = self.path / JOURNAL
        if not journal.exists():
            return []
        try:
            graph_iris = [g for g in json.loads(journal.read_text(encoding="utf-8")) if isinstance(g, str)]
        except (OSError, ValueError):
            graph_iris = []  # a journal cut short by the crash: its bulk load never started
        if graph_iris:
            self._store.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graph_iris))
        journal.unlink()
        return graph_iris

    def _replace(self, graph: ox.NamedNode, nquads: str) -> None:
        # N-Quads lines "s p o g ." minus the graph are N-Triples statements, valid in INSERT DATA
        body = nquads.replace(f" {graph} .\n", " .\n")
        self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} }} }}")

    def replace_graphs(self, graphs: Sequence[tuple[str, Iterable[Triple]]]) -> None:
        """Replace several named graphs together in one SPARQL update, hence one transaction: after a crash
        the store holds either all of the new graphs or all of the old ones.  For graphs that are not
        articles (enrichment), whose triples come from outside: every term is checked on the way in."""
        self._check_writable()
        drops, inserts = [], []
        for graph_iri, triples in graphs:
            graph = ox.NamedNode(graph_iri)
            body = self._nquads(graph, triples).replace(f" {graph} .\n", " .\n")
            drops.append(f"DROP SILENT GRAPH {graph}")
            if body:
                inserts.append(f"GRAPH {graph} {{\n{body}}}")
        update = " ;\n".join(drops)
        if inserts:
            update += " ;\nINSERT DATA {\n" + "\n".join(inserts) + "\n}"
        try:
            self._store.update(update)
        except OSError as err:
            raise StoreError(f"{self.path}: write failed: {err}") from err
        except SyntaxError as err:
            raise StoreError(f"cannot store the graphs: {err}") from err

    def remove_graph(self, graph_iri: str) -> bool:
        """Remove one article graph; returns whether it was there."""
        self._check_writable()
        graph = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(graph):
            return False
        self._store.remove_graph(graph)
        return True

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store opened read-only")

    # -- reading ---------------------------------------------------------------------------------------

    def _query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
        from .queries import derived_bindings, inline_keys, inline_numbers

        given = dict(bindings or {})
        sparql = inline_numbers(sparql, given)   # a # number: parameter as a constant (queries.py)
        keyed = derived_bindings(sparql, given)
        sparql = inline_keys(sparql, keyed)   # # literal: key look-ups as constants (queries.py)
        derived = {k: v for k, v in keyed.items() if k not in given}
        if derived:   # match keys (queries.py): a VALUES block, since the query does not project them
            from .remote import _bind

            sparql = _bind(sparql, derived)
        substitutions = {}
        for name, value in given.items():
            if value is not None:
                try:
                    substitutions[ox.Variable(name)] = to_ox(value)
                except ValueError as err:   # not a variable name, or an IRI that is not one
                    raise QueryError(f"cannot bind {name!r} to {value!r}: {err}") from err
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES,
                                     substitutions=substitutions or None)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err
        except RuntimeError as err:  # e.g. a parameter that a SELECT does not project
            raise QueryError(f"cannot run query: {err}") from err
        except OSError as err:
            raise StoreError(f"{self.path}: query failed: {err}") from err

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT; rows map variable names to Python values (None when unbound).  The prefixes
        dg, rdf, rdfs, skos, schema and xsd are predeclared.

        ``bindings`` pre-bind variables to terms (SPARQL SEP-0007 substitution, never text pasting); in a
        SELECT each bound variable must be in the projection."""
        return solution_rows(self._query(sparql, bindings))

    def ask(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> bool:
        return ask_answer(self._query(sparql, bindings))

    def construct(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Graph:
        """Run a CONSTRUCT or DESCRIBE into an rdflib ``Graph``."""
        result = self._query(sparql, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return rdflib_graph(result)

    def query_serialized(self, sparql: str, fmt: str, bindings: Mapping[str, Any] | None = None) -> bytes:
        """Run any query and serialise its result: SELECT/ASK as SPARQL results (json, csv, tsv, xml),
        CONSTRUCT/DESCRIBE as RDF (turtle, nt, ...)."""
        result = self._query(sparql, bindings)
        if isinstance(result, ox.QueryTriples):
            rdf_format = RDF_FORMATS.get(fmt if fmt in RDF_FORMATS else "turtle")
            return bytes(result.serialize(format=rdf_format))
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}; choose from {', '.join(sorted(RESULT_FORMATS))}")
        return bytes(result.serialize(format=RESULT_FORMATS[fmt]))

    def article_graphs(self) -> list[str]:
        """The named graphs of articles (not those enrichment keeps under ``…/id/wikidata/``)."""
        return sorted(g.value for g in self._store.named_graphs()
                      if isinstance(g, ox.NamedNode) and not g.value.startswith(ENRICHMENT_GRAPHS))

    def __len__(self) -> int:
        return len(self._store)

    # -- export ----------------------------------------------------------------------------------------

    def dump(self, output: IO[bytes], fmt: str) -> None:
        """Write the whole store to a binary stream.  Quad formats keep the per-article graphs; triple
        formats (turtle, nt, xml) write the union of them."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r}; choose from {', '.join(sorted(RDF_FORMATS))}")
        try:
            if fmt in QUAD_FORMATS:
                self._store.dump(output, RDF_FORMATS[fmt])
            else:
                # the union of the article graphs, each triple once
                rows = self._store.query("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
                triples = (ox.Triple(row["s"], row["p"], row["o"]) for row in rows)
                ox.serialize(triples, output, RDF_FORMATS[fmt], prefixes=PREFIXES)
        except OSError as err:
            raise StoreError(f"{self.path}: export failed: {err}") from err

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Flush and release the store (and its lock)."""
        if getattr(self, "_store", None) is not None:
            self.flush()
            del self._store
            self._store = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


PREFIXES = {
    "dg": "https://w3id.org/dramagraph/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "xsd": XSD,
}



REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")


def is_remote(spec: object) -> bool:
    """Whether a ``--store`` value names a remote SPARQL store rather than a folder."""
    return isinstance(spec, str) and spec.lower().startswith(REMOTE_SCHEMES)


def open_store(spec: str | Path | None, *, read_only: bool = False, update_url: str | None = None,
               graph_store_url: str | None = None) -> Any:
    """The one way the CLI and the library open a store: a folder path (or ``None`` for memory) gives the
    embedded ``Store``; ``sparql+http(s)://HOST:PORT/PATH`` a ``RemoteStore`` with the same interface."""
    from .remote import RemoteStore

    if is_remote(str(spec) if spec is not None else None):
        return RemoteStore(str(spec), read_only=read_only, update_url=update_url, graph_store_url=graph_store_url)
    if update_url or graph_store_url:
        raise StoreError(f"{spec}: an update or Graph Store URL needs a remote store (sparql+http://...)")
    return Store(spec, read_only=read_only)
