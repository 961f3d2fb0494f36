"""mapping: facts to RDF with stable IRIs, one node per name key, lean and deterministic."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from dramagraph.mapping import DG, MappingOptions, to_rdf
from dramagraph.models import Article, Entity, EntityKind, Evidence, Extraction, Fact, FactKind

BASE = "https://w3id.org/dramagraph/id/"
TEXT = ("Paper Lanterns returns on Streamly.\n\nHan So-hee plays Oh Mi-rae in Paper Lanterns, a 10-episode "
        "season directed by Baek Ji-won. Gil Tae-oh also stars.")


def _ev(sentence: str, start: int, end: int, rule: str, confidence: float = 0.9) -> Evidence:
    return Evidence(sentence=sentence, start=start, end=end, rule=rule, confidence=confidence)


def sample(source: str = "lanterns.txt", person: str = "Han So-hee") -> Extraction:
    s1 = "Paper Lanterns returns on Streamly."
    s2 = "Han So-hee plays Oh Mi-rae in Paper Lanterns, a 10-episode season directed by Baek Ji-won."
    facts = (
        Fact(FactKind.PLATFORM, show="Paper Lanterns", platform="Streamly", evidence=_ev(s1, 25, 33, "platform.on")),
        Fact(FactKind.ROLE, show="Paper Lanterns", person=person, character="Oh Mi-rae",
             evidence=_ev(s2, 37, 64, "role.play")),
        Fact(FactKind.EPISODES, show="Paper Lanterns", number=10, evidence=_ev(s2, 84, 94, "episodes.count")),
        Fact(FactKind.DIRECTOR, show="Paper Lanterns", person="Baek Ji-won",
             evidence=_ev(s2, 102, 126, "director.by")),
        Fact(FactKind.CAST, show="Paper Lanterns", person="Gil Tae-oh",
             evidence=_ev("Gil Tae-oh also stars.", 128, 150, "cast.also")),
        Fact(FactKind.SEASON, show="Paper Lanterns 2", series="Paper Lanterns", number=2,
             evidence=_ev(s1, 0, 14, "season.returns")),
        Fact(FactKind.ALIAS, person="Gil Tae-oh", alias="Taeo", evidence=_ev("Gil Tae-oh also stars.", 128, 138,
                                                                              "alias.known_as")),
    )
    entities = (Entity(EntityKind.PERSON, person, ("So-hee Han",)), Entity(EntityKind.SHOW, "Paper Lanterns"),
                Entity(EntityKind.CHARACTER, "Oh Mi-rae", ("Mi-rae",)))
    article = Article(source=source, text=TEXT, title="Paper Lanterns returns", url=None)
    return Extraction(article=article, facts=facts, entities=entities)


def test_iris_are_readable_and_under_the_base() -> None:
    graph = to_rdf(sample())
    subjects = {str(s) for s, _, _ in graph.triples}
    assert f"{BASE}person/hansohee" in subjects
    assert f"{BASE}show/paper-lanterns" in subjects
    assert f"{BASE}character/paper-lanterns/ohmirae" in subjects
    assert f"{BASE}platform/streamly" in subjects
    assert graph.iri == f"{BASE}article/{sample().article.id}"
    other = to_rdf(sample(), MappingOptions(base="http://example.org/kg/"))
    assert all(str(s).startswith("http://example.org/kg/") for s, _, _ in other.triples)


def test_same_extraction_gives_identical_triples() -> None:
    assert to_rdf(sample()).triples == to_rdf(sample()).triples


def test_no_blank_nodes_and_no_duplicates() -> None:
    triples = to_rdf(sample()).triples
    assert len(set(triples)) == len(triples)
    assert all(isinstance(t, URIRef | Literal) for triple in triples for t in triple)


def test_performance_is_n_ary_and_cast_has_no_character() -> None:
    triples = set(to_rdf(sample()).triples)
    person, show = URIRef(f"{BASE}person/hansohee"), URIRef(f"{BASE}show/paper-lanterns")
    character = URIRef(f"{BASE}character/paper-lanterns/ohmirae")
    performances = {s for s, p, o in triples if p == DG.performer}
    assert len(performances) == 2
    role = next(s for s in performances if (s, DG.performer, person) in triples)
    assert {(role, DG.character, character), (role, DG.inShow, show)} <= triples
    credit = next(s for s in performances if s != role)
    assert not any(s == credit and p == DG.character for s, p, _ in triples)


def test_labels_variants_and_aliases() -> None:
    triples = set(to_rdf(sample()).triples)
    person = URIRef(f"{BASE}person/hansohee")
    assert (person, RDFS.label, Literal("Han So-hee")) in triples
    assert (person, SKOS.altLabel, Literal("So-hee Han")) in triples
    taeo = URIRef(f"{BASE}person/giltaeoh")
    assert (taeo, DG.alias, Literal("Taeo")) in triples
    assert (taeo, SKOS.altLabel, Literal("Taeo")) not in triples   # dg:alias already implies it


def test_direct_triples_are_described_with_evidence() -> None:
    triples = set(to_rdf(sample()).triples)
    show = URIRef(f"{BASE}show/paper-lanterns")
    assert (show, DG.numberOfEpisodes, Literal(10)) in triples
    statement = next(s for s, p, o in triples if p == RDF.object and o == Literal(10))
    assert (statement, RDF.subject, show) in triples and (statement, RDF.predicate, DG.numberOfEpisodes) in triples
    evidence = next(o for s, p, o in triples if s == statement and p == DG.evidence)
    assert (evidence, DG.rule, Literal("episodes.count")) in triples
    assert (evidence, DG.article, URIRef(to_rdf(sample()).iri)) in triples


def test_one_evidence_node_per_sentence_and_rule() -> None:
    s = "Kang Ha-rim, Seo Do-jin and Yun Bo-ra join Glass Harbor."
    facts = tuple(Fact(FactKind.CAST, show="Glass Harbor", person=name, evidence=_ev(s, start, start + 11, "cast.join"))
                  for name, start in (("Kang Ha-rim", 0), ("Seo Do-jin", 13), ("Yun Bo-ra", 28)))
    triples = to_rdf(Extraction(Article(source="harbor.txt", text=s), facts)).triples
    evidence = {s for s, p, _ in triples if p == DG.sentence}
    assert len(evidence) == 1
    (node,) = evidence
    spans = {p: o.toPython() for s, p, o in triples if s == node and p in (DG.start, DG.end)}
    assert spans == {DG.start: 0, DG.end: 39}   # the span covers every fact read there


def test_season_types_and_number() -> None:
    triples = set(to_rdf(sample()).triples)
    season, series = URIRef(f"{BASE}show/paper-lanterns-2"), URIRef(f"{BASE}show/paper-lanterns")
    assert {(season, RDF.type, DG.Season), (season, DG.seasonOf, series), (season, DG.seasonNumber, Literal(2)),
            (series, RDF.type, DG.Series), (series, RDF.type, DG.Show)} <= triples


def test_article_node() -> None:
    triples = set(to_rdf(sample()).triples)
    article = URIRef(to_rdf(sample()).iri)
    assert (article, RDF.type, DG.Article) in triples
    assert (article, DG.title, Literal("Paper Lanterns returns")) in triples
    assert (article, DG.source, Literal("lanterns.txt")) in triples


def test_triples_are_n_triples_lines_read_as_rdflib_terms() -> None:
    graph = to_rdf(sample())
    triples = graph.triples
    assert len(triples) == len(triples.lines) == len(tuple(triples))
    assert triples == tuple(triples) and triples[0] == tuple(triples)[0]
    nquads = triples.nquads(graph.iri)
    assert nquads.count("\n") == len(triples) and nquads.endswith(f" <{graph.iri}> .\n")
    parsed = Dataset()
    parsed.parse(data=nquads, format="nquads")
    assert {(s, p, o) for s, p, o, _ in parsed.quads((None, None, None, None))} == set(triples)


def test_a_base_that_is_not_an_iri_is_refused() -> None:
    with pytest.raises(ValueError, match="base IRI"):
        to_rdf(sample(), MappingOptions(base="http://example.org/a b/"))
