"""validate: the mapped graph conforms to ontology/shapes.ttl; broken graphs are reported readably."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF
from test_mapping import sample

from dramagraph.mapping import DG, to_rdf
from dramagraph.store import Store
from dramagraph.validate import validate


def _graph() -> Graph:
    graph = Graph()
    for triple in to_rdf(sample()).triples:
        graph.add(triple)
    return graph


def test_mapped_graph_conforms() -> None:
    report = validate(_graph())
    assert report.conforms, report.text
    assert [r for r in report.results if r["severity"] == "Violation"] == []


def test_store_and_dataset_conform() -> None:
    mapped = to_rdf(sample())
    store = Store(None)
    store.write_articles([(mapped.iri, mapped.triples)])
    assert validate(store).conforms
    dataset = Dataset()
    for s, p, o in mapped.triples:
        dataset.add((s, p, o, URIRef(mapped.iri)))
    assert validate(dataset).conforms


def test_broken_graph_is_reported() -> None:
    graph = _graph()
    performance = next(s for s, p, _ in graph if p == DG.performer)
    graph.add((performance, DG.performer, URIRef("https://w3id.org/dramagraph/id/person/someone-else")))
    season = URIRef("https://w3id.org/dramagraph/id/show/paper-lanterns-2")
    graph.set((season, DG.seasonNumber, Literal(0)))
    evidence = next(o for _, p, o in graph if p == DG.evidence)
    graph.set((evidence, DG.confidence, Literal(1.5)))
    report = validate(graph)
    assert not report.conforms
    violations = {(r["focus"], r["path"]) for r in report.results if r["severity"] == "Violation"}
    assert (str(performance), str(DG.performer)) in violations
    assert (str(season), str(DG.seasonNumber)) in violations
    assert (str(evidence), str(DG.confidence)) in violations
    assert "Violation" in report.text
    assert all(r["message"] for r in report.results)


def test_missing_show_is_only_a_warning() -> None:
    graph = _graph()
    performance = next(s for s, p, _ in graph if p == DG.character)
    graph.remove((performance, DG.inShow, None))
    report = validate(graph)
    assert report.conforms
    assert [(r["severity"], r["path"]) for r in report.results] == [("Warning", str(DG.inShow))]


def test_untyped_person_is_a_violation() -> None:
    graph = _graph()
    graph.remove((URIRef("https://w3id.org/dramagraph/id/person/baekjiwon"), RDF.type, None))
    report = validate(graph)
    assert not report.conforms
    assert any(r["path"] == str(DG.director) for r in report.results)
