"""The ontology, the shapes and the shipped queries parse; the mapping only writes declared terms."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery
from test_mapping import sample

from dramagraph.mapping import DG, DG_TERMS, to_rdf
from dramagraph.queries import available
from dramagraph.resources import data_file


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data_file("ontology/dramagraph.ttl"))


def test_shapes_parse() -> None:
    shapes = Graph().parse(data_file("ontology/shapes.ttl"))
    assert len(shapes) > 50


def _declared(ontology: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for kind in kinds for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(DG))}


def test_every_term_has_label_and_comment(ontology: Graph) -> None:
    for term in _declared(ontology):
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_every_term_the_mapping_writes_is_declared(ontology: Graph) -> None:
    declared = _declared(ontology)
    assert set(DG_TERMS) <= declared, set(DG_TERMS) - declared
    used = {t for triple in to_rdf(sample()).triples for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(DG))}
    assert used <= declared, used - declared


def test_aligned_to_schema_org_and_wikidata(ontology: Graph) -> None:
    def targets(term: URIRef) -> set[str]:
        props = (OWL.equivalentClass, RDFS.subClassOf, RDFS.subPropertyOf, SKOS.exactMatch, SKOS.closeMatch)
        return {str(o) for p in props for o in ontology.objects(term, p)}

    assert "http://www.wikidata.org/entity/Q5" in targets(DG.Person)
    assert "https://schema.org/Person" in targets(DG.Person)
    assert "http://www.wikidata.org/prop/direct/P161" in targets(DG.castMember)
    assert "https://schema.org/partOfSeries" in targets(DG.seasonOf)
    assert "http://www.wikidata.org/prop/direct/P1113" in targets(DG.numberOfEpisodes)
    assert "http://www.wikidata.org/entity/Q95074" in targets(DG.Character)


@pytest.mark.parametrize("query", available(), ids=lambda q: q.name)
def test_every_query_parses_and_has_a_header(query) -> None:
    import pyoxigraph

    prepareQuery(query.text)
    pyoxigraph.Store().query(query.text)
    assert query.title and query.description
    for name, meaning in query.params:
        assert f"?{name}" in query.text and meaning
