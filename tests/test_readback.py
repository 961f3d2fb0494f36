"""readback: facts read from the store through queries/ equal the facts that were mapped."""

from __future__ import annotations

from pathlib import Path

from test_mapping import sample

from dramagraph.mapping import to_rdf
from dramagraph.models import Article, Entity, EntityKind, Evidence, Extraction, Fact, FactKind
from dramagraph.readback import explain, graph_stats, labels, read_facts
from dramagraph.report import facts_document
from dramagraph.store import Store
from dramagraph.validate import validate


def _store(*extractions: Extraction, path: Path | None = None) -> Store:
    store = Store(path)
    store.write_articles([(g.iri, g.triples) for g in map(to_rdf, extractions)])
    return store


def test_round_trip_facts_document(tmp_path: Path) -> None:
    extraction = sample()
    with _store(extraction, path=tmp_path / "store") as store:
        assert facts_document(read_facts(store)) == facts_document(extraction.facts)


def test_reingesting_an_article_changes_nothing() -> None:
    store = _store(sample())
    before = len(store)
    graph = to_rdf(sample())
    store.write_articles([(graph.iri, graph.triples)])
    assert len(store) == before
    assert facts_document(read_facts(store)) == facts_document(sample().facts)


def _mention(source: str, person: str) -> Extraction:
    sentence = f"{person} joins Velvet Signal."
    fact = Fact(FactKind.CAST, show="Velvet Signal", person=person,
                evidence=Evidence(sentence, 0, len(sentence), "cast.join", 0.8))
    return Extraction(Article(source=source, text=sentence, title=f"News {source}"), (fact,),
                      (Entity(EntityKind.PERSON, person),))


def test_spelling_variants_across_articles_are_one_node() -> None:
    store = _store(_mention("a.txt", "Han So-hee"), _mention("b.txt", "Han So Hee"), _mention("c.txt", "Han So-hee"))
    rows = store.select("SELECT DISTINCT ?p WHERE { ?x <https://w3id.org/dramagraph/ontology#performer> ?p }")
    assert rows == [{"p": "https://w3id.org/dramagraph/id/person/hansohee"}]
    names = {r["l"] for r in store.select(
        "SELECT ?l WHERE { <https://w3id.org/dramagraph/id/person/hansohee> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")}
    assert names == {"Han So-hee", "Han So Hee"}
    # one name per node: the spelling most articles use
    assert labels(store)["https://w3id.org/dramagraph/id/person/hansohee"] == "Han So-hee"
    assert facts_document(read_facts(store))["cast"] == [{"actor": "Han So-hee", "show": "Velvet Signal"}]


def test_label_ties_go_to_the_lexically_first() -> None:
    store = _store(_mention("a.txt", "Han So Hee"), _mention("b.txt", "Han So-hee"))
    assert labels(store)["https://w3id.org/dramagraph/id/person/hansohee"] == "Han So Hee"


def test_replacing_an_article_removes_its_facts() -> None:
    store = _store(sample(), _mention("b.txt", "Noh Seul-gi"))
    empty = to_rdf(Extraction(Article(source="b.txt", text="Nothing to see."), ()))
    store.write_articles([(empty.iri, empty.triples)])
    assert facts_document(read_facts(store)) == facts_document(sample().facts)


def test_explain_by_any_spelling() -> None:
    store = _store(sample())
    found = explain(store, "So-hee Han")
    assert [item["kind"] for item in found] == ["role"]
    item = found[0]
    assert item["fact"] == "Han So-hee plays Oh Mi-rae in Paper Lanterns"
    assert item["sentence"].startswith("Han So-hee plays Oh Mi-rae")
    assert item["rule"] == "role.play" and item["confidence"] == 0.9
    assert item["article"] == "lanterns.txt" and item["article_title"] == "Paper Lanterns returns"
    show = {i["fact"] for i in explain(store, "paper lanterns")}
    assert {"Paper Lanterns streams on Streamly", "Paper Lanterns has 10 episodes",
            "Baek Ji-won directed Paper Lanterns", "Paper Lanterns 2 is a season of Paper Lanterns"} <= show
    assert explain(store, "Nobody Atall") == []


def test_graph_stats() -> None:
    stats = graph_stats(_store(sample(), _mention("b.txt", "Han So Hee")))
    assert stats["articles"] == 2
    assert stats["people"] == 3 and stats["platforms"] == 1 and stats["characters"] == 1
    assert stats["shows"] == 3 and stats["seasons"] == 1 and stats["series"] == 1
    assert stats["performances"] == 3
    assert stats["facts"]["role"] == 1 and stats["facts"]["cast"] == 2 and stats["facts"]["alias"] == 1
    assert stats["triples"] > 0


def test_user_queries_take_names() -> None:
    from dramagraph.queries import load

    store = _store(sample())
    cast = store.select(load("cast-of-show").text, {"show": "Paper Lanterns"})
    assert [(r["actor"], r["character"]) for r in cast] == [("Gil Tae-oh", None), ("Han So-hee", "Oh Mi-rae")]
    credits = store.select(load("roles-of-person").text, {"person": "So-hee Han"})
    assert [(r["credit"], r["title"], r["character"]) for r in credits] == [("actor", "Paper Lanterns", "Oh Mi-rae")]
    platforms = store.select(load("shows-per-platform").text)
    assert platforms == [{"platform": "Streamly", "shows": 1, "titles": "Paper Lanterns"}]


def test_platform_alias_round_trip_and_shapes() -> None:
    from dramagraph.extract import extract

    text = ("Salt Road arrives on Disney Plus\n\nSalt Road is streaming on Disney+. "
            "Mira Holt plays Oona Vey in Salt Road.")
    extraction = extract(Article(source="salt-road.txt", text=text))
    store = _store(extraction)
    document = facts_document(read_facts(store))
    assert document == facts_document(extraction.facts)
    assert document["aliases"] == [{"name": "Disney+", "alias": "Disney Plus"}]
    assert validate(store).conforms
    lines = explain(store, "Disney+")
    assert any(line["fact"] == "Disney+ is also known as Disney Plus" for line in lines)
