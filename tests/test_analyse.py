"""networkx views, their analysis and the co-star path, on the examples' graph."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dramagraph.analyse import VIEWS, AnalyseError, AnalyseOptions, analyse, measure, path, view
from dramagraph.cli import main
from dramagraph.pipeline import ingest
from dramagraph.queries import load
from dramagraph.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ID = "https://w3id.org/dramagraph/id/"
KINDS = {"person", "show", "season", "series", "platform", "character"}


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(None) as memory:
        ingest([EXAMPLES], memory)
        yield memory


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "s"
    with Store(folder) as disk:
        ingest([EXAMPLES], disk)
    return folder


def _by_label(graph: nx.Graph) -> dict[str, str]:
    return {data["label"]: node for node, data in graph.nodes(data=True)}


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_keeps_the_attribute_contract(store: Store, name: str) -> None:
    graph = view(store, name)
    assert graph.number_of_nodes() > 0 and graph.number_of_edges() > 0
    for node, data in graph.nodes(data=True):
        assert node == data["iri"] and data["iri"].startswith(ID)
        assert isinstance(data["label"], str) and data["label"]
        assert data["kind"] in KINDS
        assert isinstance(data["sentences"], list) and len(data["sentences"]) <= 5
        assert all(isinstance(s, str) for s in data["sentences"])
        assert isinstance(data["articles"], int) and data["articles"] >= 1
    for _, _, data in graph.edges(data=True):
        assert isinstance(data["label"], str) and data["label"]
        assert isinstance(data["weight"], (int, float)) and data["weight"] >= 1
        assert all(isinstance(s, str) for s in data.get("shows", []))


def test_costar_links_people_of_a_show_with_the_shows_they_share(store: Store) -> None:
    graph = view(store, "costar")
    who = _by_label(graph)
    assert graph.number_of_nodes() == 28 and graph.number_of_edges() == 37
    bae = who["Bae Yu-jin"]
    costars = {graph.nodes[n]["label"]: graph.edges[bae, n] for n in graph[bae]}
    assert set(costars) == {"Tak Seung-ho", "Yeom Da-bin", "Min Tae-san", "Park Gyeo-ul", "Shin Hyun-woo"}
    assert costars["Tak Seung-ho"] == {"label": "co-star", "weight": 1, "shows": ["Lantern Street #2"]}
    assert costars["Park Gyeo-ul"]["shows"] == ["Winter Relay"]
    assert graph.nodes[bae]["articles"] == 2
    assert "Lead cast: Bae Yu-jin, Tak Seung-ho, Yeom Da-bin" in graph.nodes[bae]["sentences"]


def test_costar_weight_counts_shared_shows(store: Store) -> None:
    # two people sharing two shows: built from performance rows, as the store gives them
    from dramagraph.analyse import _Rows, build_view

    rows = _Rows(kind={"a": "person", "b": "person", "s1": "show", "s2": "show"}, articles={},
                 label={"a": "A", "b": "B", "s1": "One", "s2": "Two"},
                 performances=[{"performer": p, "show": s, "character": None, "articles": 1}
                               for p in "ab" for s in ("s1", "s2")], links=[])
    graph = build_view(rows, "costar")
    assert graph.edges["a", "b"] == {"label": "co-star", "weight": 2, "shows": ["One", "Two"]}


def test_the_other_views(store: Store) -> None:
    kg = view(store, "kg")
    who = _by_label(kg)
    assert kg.is_directed()
    assert kg.edges[who["Bae Yu-jin"], who["Winter Relay"]]["label"] == "acts in"
    assert kg.edges[who["Bae Yu-jin"], who["Kwak Seo-yeon"]]["label"] == "plays"
    assert kg.edges[who["Winter Relay"], who["TVING"]]["label"] == "streams on"
    assert kg.edges[who["Lantern Street #2"], who["Lantern Street"]]["label"] == "season of"
    assert kg.edges[who["Do Kyung-min"], who["Winter Relay"]]["label"] == "directed"
    assert {kg.nodes[who[n]]["kind"] for n in ("Lantern Street", "Lantern Street #2", "Disney+", "Han Bo-ra")} \
        == {"series", "season", "platform", "character"}

    bipartite = view(store, "actor-show")
    who = _by_label(bipartite)
    assert nx.is_bipartite(bipartite)
    assert bipartite.edges[who["Bae Yu-jin"], who["Winter Relay"]]["characters"] == ["Kwak Seo-yeon"]

    platforms = view(store, "show-platform")
    who = _by_label(platforms)
    assert {platforms.nodes[n]["label"] for n in platforms[who["Disney+"]]} == {
        "Lantern Street #1", "Lantern Street #2", "The Moonlit Bakery"}

    series = view(store, "series")
    who = _by_label(series)
    assert sorted(series.nodes[n]["label"] for n in series.successors(who["Lantern Street"])) == [
        "Lantern Street #1", "Lantern Street #2"]
    assert series.nodes[who["Lantern Street #2"]]["season"] == 2
    assert series.has_edge(who["Tak Seung-ho"], who["Lantern Street #2"])


def test_analysis_numbers(store: Store) -> None:
    result = analyse(store, "costar", AnalyseOptions(top=3))
    assert (result.nodes, result.edges, result.components, result.largest_component) == (28, 37, 8, 6)
    assert result.density == pytest.approx(37 / (28 * 27 / 2), abs=1e-6)
    assert result.degree[0].label == "Bae Yu-jin" and result.degree[0].value == 5
    assert [r.label for r in result.betweenness] == ["Bae Yu-jin"]   # the only bridge, between two casts
    assert result.pagerank[0].label == "Bae Yu-jin"
    assert result.communities[0].members == ("Bae Yu-jin", "Min Tae-san", "Park Gyeo-ul", "Shin Hyun-woo",
                                             "Tak Seung-ho", "Yeom Da-bin")
    assert len(result.degree) == 3 and result.betweenness_samples is None
    assert result.platforms[0] == {"platform": "Disney+", "shows": 3, "people": 9}
    assert analyse(store, "costar", AnalyseOptions(top=3)).communities == result.communities   # seeded
    json.dumps(result.as_dict())


def test_large_graphs_sample_betweenness() -> None:
    graph = nx.path_graph(50)
    nx.set_node_attributes(graph, {n: str(n) for n in graph}, "label")
    result = measure(graph, AnalyseOptions(exact_betweenness_up_to=10, betweenness_samples=8))
    assert result.betweenness_samples == 8 and result.betweenness


def test_path_through_a_known_show(store: Store) -> None:
    chain = path(store, "Seung-ho Tak", "park gyeo-ul")   # names match as ingest matches them
    assert chain.people == ("Tak Seung-ho", "Bae Yu-jin", "Park Gyeo-ul")
    assert chain.shows == (("Lantern Street #2",), ("Winter Relay",))
    assert chain.degrees == 2
    assert path(store, "Danny Tak", "Bae Yu-jin").people == ("Tak Seung-ho", "Bae Yu-jin")   # an alias


@pytest.mark.parametrize(("first", "second", "message"), [
    ("Nobody Here", "Bae Yu-jin", "no person called 'Nobody Here' in the graph"),
    ("Bae Yu-jin", "Jin So-yeon", "no chain of co-stars links 'Bae Yu-jin' and 'Jin So-yeon'"),
    ("Do Kyung-min", "Bae Yu-jin", "Do Kyung-min acts in no show, so has no co-stars"),
])
def test_path_errors(store: Store, first: str, second: str, message: str) -> None:
    with pytest.raises(AnalyseError) as caught:
        path(store, first, second)
    assert str(caught.value) == message


def test_unknown_view(store: Store) -> None:
    with pytest.raises(AnalyseError, match="unknown view 'nope'"):
        view(store, "nope")


def test_view_queries_answer(store: Store) -> None:
    nodes = store.select(load("view-nodes").text)
    assert {"node": ID + "person/baeyujin", "class": "https://w3id.org/dramagraph/ontology#Person",
            "articles": 2} in nodes
    performances = store.select(load("view-performances").text)
    assert any(r["performer"] == ID + "person/baeyujin" and r["show"] == ID + "show/winter-relay"
               and r["character"] is not None for r in performances)
    links = store.select(load("view-links").text)
    assert any(r["subject"] == ID + "show/winter-relay" and r["object"] == ID + "platform/tving" for r in links)
    sentences = store.select(load("view-sentences").text)
    assert any(r["node"] == ID + "person/baeyujin" for r in sentences)



def test_node_sentences_are_the_first_in_article_order(store: Store) -> None:
    # view-sentences leaves its rows unordered; the view sorts them, as an ORDER BY in the store would
    ordered = store.select(load("view-sentences").text.rstrip() + "\nORDER BY ?node ?article ?start\n")
    expected: dict[str, list[str]] = {}
    for row in ordered:
        kept = expected.setdefault(row["node"], [])
        if len(kept) < 5 and row["sentence"] not in kept:
            kept.append(row["sentence"])
    graph = view(store, "kg")
    checked = [node for node in graph if node in expected]
    assert len(checked) > 20
    assert all(graph.nodes[node]["sentences"] == expected[node] for node in checked)

# -- CLI ---------------------------------------------------------------------------------------------

def test_cli_analyse(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["analyse", "--store", str(store_dir), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("view costar: 28 nodes, 37 edges, density 0.0979, 8 components (largest 6)\n")
    assert "1     Bae Yu-jin" in result.output
    data = json.loads(CliRunner().invoke(main, ["analyse", "--store", str(store_dir), "--json",
                                                "--view", "kg"]).output)
    assert data["view"] == "kg" and data["kinds"]["person"] == 36


def test_cli_path(store_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["path", "Seung-ho Tak", "Park Gyeo-ul", "--store", str(store_dir)])
    assert result.exit_code == 0
    assert result.output == ("Tak Seung-ho to Park Gyeo-ul: 2 steps\n"
                             "  Tak Seung-ho -- Bae Yu-jin  (Lantern Street #2)\n"
                             "  Bae Yu-jin -- Park Gyeo-ul  (Winter Relay)\n")
    data = json.loads(runner.invoke(main, ["path", "Tak Seung-ho", "Bae Yu-jin", "--json",
                                           "--store", str(store_dir)]).output)
    assert data == {"people": ["Tak Seung-ho", "Bae Yu-jin"], "degrees": 1,
                    "steps": [{"from": "Tak Seung-ho", "to": "Bae Yu-jin", "shows": ["Lantern Street #2"]}]}


def test_cli_path_unknown_name(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["path", "Nobody Here", "Bae Yu-jin", "--store", str(store_dir)])
    assert result.exit_code == 1
    assert result.output == "Error: no person called 'Nobody Here' in the graph\n"
    result = CliRunner().invoke(main, ["analyse", "--store", str(store_dir), "--view", "nope"])
    assert result.exit_code == 2
