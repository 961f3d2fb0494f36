"""The embedded store: per-article graphs replaced atomically, safe parameters, read-only use, export."""

from __future__ import annotations

import io
import multiprocessing
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from dramagraph.errors import QueryError, StoreError
from dramagraph.store import Store

EX = "https://example.org/"
P = URIRef(EX + "p")


def _triples(n: int, tag: str) -> list:
    return [(URIRef(f"{EX}s{i}"), P, Literal(f"{tag} {i}")) for i in range(n)]


def test_rewriting_an_article_replaces_it(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        store.write_articles([(EX + "g1", _triples(3, "old")), (EX + "g2", _triples(2, "other"))])
        store.write_articles([(EX + "g1", _triples(1, "new"))])
        assert len(store) == 3
        rows = store.select("SELECT ?o WHERE { GRAPH <https://example.org/g1> { ?s ?p ?o } }")
        assert rows == [{"o": "new 0"}]
    with Store(tmp_path / "s") as reopened:      # it persisted
        assert reopened.article_graphs() == [EX + "g1", EX + "g2"]


def test_union_default_graph_and_python_values() -> None:
    store = Store(None)
    store.write_articles([(EX + "g1", [(URIRef(EX + "a"), P, Literal(7))]),
                          (EX + "g2", [(URIRef(EX + "a"), P, Literal(2.5))])])
    values = sorted(r["o"] for r in store.select("SELECT ?o WHERE { ?s ?p ?o }"))
    assert values == [2.5, 7]
    assert store.ask("ASK { ?s ?p 7 }")


def test_parameters_are_bound_not_pasted() -> None:
    store = Store(None)
    hostile = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    store.write_articles([(EX + "g", [(URIRef(EX + "a"), P, Literal(hostile)), (URIRef(EX + "b"), P, Literal("y"))])])
    rows = store.select("SELECT ?s ?name WHERE { ?s ?p ?name }", {"name": hostile})
    assert rows == [{"s": EX + "a", "name": hostile}]
    assert len(store) == 2


def test_bad_query_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        Store(None).select("SELEC nothing")


def test_blank_nodes_are_refused() -> None:
    from rdflib import BNode

    with pytest.raises(StoreError, match="blank nodes"):
        Store(None).write_articles([(EX + "g", [(BNode(), P, Literal("x"))])])


def test_read_only_store_refuses_writes_and_missing_store_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no dramagraph store here"):
        Store(tmp_path / "absent", read_only=True)
    Store(tmp_path / "s").close()
    with Store(tmp_path / "s", read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write_articles([(EX + "g", _triples(1, "x"))])


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store(path)


def _hold(path: str, ready, release) -> None:  # runs in another process
    store = Store(path)
    ready.set()
    release.wait(10)
    store.close()


def test_second_writer_process_gets_store_in_use(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(tmp_path / "s"), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StoreError, match="store in use"):
            Store(tmp_path / "s")
    finally:
        release.set()
        holder.join(30)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "jsonld", "xml"])
def test_dump_round_trips(fmt: str) -> None:
    store = Store(None)
    store.write_articles([(EX + "g1", _triples(2, "a")), (EX + "g2", _triples(2, "a"))])  # same triples twice
    out = io.BytesIO()
    store.dump(out, fmt)
    graph = Dataset()
    graph.parse(data=out.getvalue(), format={"jsonld": "json-ld"}.get(fmt, fmt))
    quads = set(graph.quads((None, None, None, None)))
    if fmt in ("nquads", "trig", "jsonld"):
        assert len(quads) == 4   # one named graph per article kept
    else:
        assert len({(s, p, o) for s, p, o, _ in quads}) == 2   # the union, each triple once


def test_query_results_serialised() -> None:
    store = Store(None)
    store.write_articles([(EX + "g", _triples(1, "v"))])
    assert store.query_serialized("SELECT ?o WHERE { ?s ?p ?o }", "csv").decode().splitlines() == ["o", "v 0"]
    assert b"<https://example.org/s0>" in store.query_serialized("CONSTRUCT WHERE { ?s ?p ?o }", "nt")
    with pytest.raises(QueryError, match="unknown result format"):
        store.query_serialized("SELECT ?o WHERE { ?s ?p ?o }", "yaml")


def test_large_batches_of_new_articles_use_the_bulk_loader_under_a_journal(tmp_path: Path, monkeypatch) -> None:
    import dramagraph.store as store_module

    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 10)
    calls = []
    with Store(tmp_path / "s") as store:
        class Spy:   # pyoxigraph's methods are read-only: wrap the store object instead
            def __init__(self, inner):
                self.inner = inner

            def __getattr__(self, name):
                return getattr(self.inner, name)

            def bulk_load(self, data, **options):
                calls.append((tmp_path / "s" / store_module.JOURNAL).exists())   # the journal is written first
                self.inner.bulk_load(data, **options)

        store._store = Spy(store._store)
        store.write_articles([(EX + f"g{i}", _triples(5, f"t{i}")) for i in range(4)])
        assert calls == [True]
        assert not (tmp_path / "s" / store_module.JOURNAL).exists()       # and removed once loaded
        store._store = store._store.inner
        assert len(store) == 20 and len(store.article_graphs()) == 4


def test_an_interrupted_bulk_load_is_undone_when_the_store_opens(tmp_path: Path) -> None:
    import json as json_module

    import dramagraph.store as store_module

    with Store(tmp_path / "s") as store:
        store.write_articles([(EX + "kept", _triples(2, "k"))])
        # what a crash in the middle of a bulk load leaves: the journal, and part of the batch on disk
        (tmp_path / "s" / store_module.JOURNAL).write_text(json_module.dumps([EX + "half", EX + "never"]))
        ox = store_module.ox
        store._store.bulk_extend([ox.Quad(ox.NamedNode(EX + "x"), ox.NamedNode(EX + "p"), ox.Literal("part"),
                                          ox.NamedNode(EX + "half"))])
    with Store(tmp_path / "s") as reopened:
        assert reopened.recovered == [EX + "half", EX + "never"]
        assert reopened.article_graphs() == [EX + "kept"]
        assert len(reopened) == 2
    assert not (tmp_path / "s" / store_module.JOURNAL).exists()


AWKWARD = ['say "hi"\\n', "line\nbreak\r\n", "tab\tnul\x00bell\x07del\x7f", "back\\slash \\u0041", "ünï “quotes” 한글",
           'ends with <https://example.org/g> .', ""]


@pytest.mark.parametrize("bulk", [False, True])
def test_mapped_literals_survive_every_write_path(tmp_path: Path, monkeypatch, bulk: bool) -> None:
    """Text the mapping escapes itself comes back unchanged: one transaction, the bulk loader, a replace."""
    import dramagraph.store as store_module
    from dramagraph.mapping import to_rdf
    from dramagraph.models import Article, Extraction

    if bulk:
        monkeypatch.setattr(store_module, "BULK_THRESHOLD", 1)
    graphs = [to_rdf(Extraction(Article(source=f"a{i}.txt", text=".", title=text, author=text), ()))
              for i, text in enumerate(AWKWARD)]
    with Store(tmp_path / "s") as store:
        store.write_articles([(g.iri, g.triples) for g in graphs])
        store.write_articles([(graphs[0].iri, graphs[0].triples)])   # replaced through a SPARQL update
        for graph, text in zip(graphs, AWKWARD, strict=True):
            rows = store.select(f"SELECT ?t WHERE {{ GRAPH <{graph.iri}> {{ ?a dg:title ?t }} }}")
            assert rows == ([{"t": text}] if text else [])
        assert len(store) == sum(len(g.triples) for g in graphs)
        stored = {(s, p, str(o)) for s, p, o in store.construct("CONSTRUCT WHERE { ?s ?p ?o }")}
        assert stored == {(s, p, str(o)) for g in graphs for s, p, o in g.triples}


def test_mapped_and_rdflib_triples_go_in_together() -> None:
    from dramagraph.mapping import to_rdf
    from dramagraph.models import Article, Extraction

    mapped = to_rdf(Extraction(Article(source="a.txt", text="."), ()))
    store = Store(None)
    store.write_articles([(mapped.iri, mapped.triples), (EX + "g", _triples(2, 'q"uote'))])
    assert store.article_graphs() == sorted([mapped.iri, EX + "g"])
    assert len(store) == len(mapped.triples) + 2
    with pytest.raises(ValueError):
        store.write_articles([(EX + "bad", [(URIRef("not an iri"), P, Literal("x"))])])
    assert len(store.article_graphs()) == 2
