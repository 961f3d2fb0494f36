"""Every shipped query in queries/: its header, its parameters, and a known answer on the examples' graph."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import OWL, Literal, Namespace, URIRef
from rdflib.plugins.sparql import prepareQuery

from dramagraph.cli import main
from dramagraph.pipeline import ingest
from dramagraph.queries import NamedQuery, available, load
from dramagraph.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ID = "https://w3id.org/dramagraph/id/"
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

Rows = list[dict[str, Any]]


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(None) as memory:
        report = ingest([EXAMPLES], memory)
        assert report.articles == 8 and not report.failed
        yield memory


def _has(rows: Rows, **values: Any) -> bool:
    return any(all(row.get(k) == v for k, v in values.items()) for row in rows)


def _cast_of_show(rows: Rows) -> None:
    assert _has(rows, show="Winter Relay", actor="Bae Yu-jin", character="Kwak Seo-yeon", articles=1)
    assert _has(rows, actor="Bae Yu-jin", character=None, articles=2)
    assert {r["actor"] for r in rows} == {"Bae Yu-jin", "Min Tae-san", "Park Gyeo-ul", "Shin Hyun-woo"}


def _roles_of_person(rows: Rows) -> None:
    # swapped name order, as an article might write it
    assert _has(rows, person="Seung-ho Tak", credit="actor", title="Salt Road", character="Choi Gyeol")
    assert _has(rows, credit="actor", title="Lantern Street #2", character="Moon Tae-kyung")


def _shows_per_platform(rows: Rows) -> None:
    by_platform = {r["platform"]: r for r in rows}
    assert by_platform["Netflix"]["shows"] == 3
    assert "The Crimson Ledger" in by_platform["Netflix"]["titles"]
    assert by_platform["TVING"]["titles"] == "Winter Relay"


def _seasons_of_series(rows: Rows) -> None:
    assert _has(rows, number=1, season="Lantern Street #1", actor="Gong Hae-won")
    assert _has(rows, number=2, season="Lantern Street #2", actor="Yeom Da-bin", character="Juno")
    assert [r["number"] for r in rows] == sorted(r["number"] for r in rows)


def _co_stars(rows: Rows) -> None:
    assert {r["costar"] for r in rows} == {"Min Tae-san", "Park Gyeo-ul", "Shin Hyun-woo", "Tak Seung-ho",
                                            "Yeom Da-bin"}
    assert _has(rows, costar="Tak Seung-ho", shows=1, titles="Lantern Street #2")


def _people_on_several_platforms(rows: Rows) -> None:
    found = {r["person"]: (r["platforms"], set(r["on"].split(" | "))) for r in rows}
    assert found == {"Bae Yu-jin": (2, {"Disney+", "TVING"}), "Tak Seung-ho": (2, {"Apple TV+", "Disney+"})}


def _mentions(rows: Rows) -> None:
    assert len({r["article"] for r in rows}) == 1 and rows[0]["article"].startswith(ID + "article/")
    assert _has(rows, sentence="Lead cast: Bae Yu-jin, Tak Seung-ho, Yeom Da-bin")
    assert all(r["title"].startswith("Disney+ K-drama Lantern Street #2") for r in rows)


def _low_confidence(rows: Rows) -> None:
    assert rows and all(r["confidence"] < 0.75 for r in rows)
    assert _has(rows, rule="role.possessive", subject="Cheon Dong-hyuk", property="plays", value="Pyo Gun")
    assert _has(rows, subject="Iron Orchard season 2", property="streamsOn", value="Netflix")
    assert [r["confidence"] for r in rows] == sorted(r["confidence"] for r in rows)


def _without_wikidata(rows: Rows) -> None:
    # nothing is linked to Wikidata yet, so every person, show and platform is listed
    names = {(r["kind"], r["name"]) for r in rows}
    assert ("person", "Bae Yu-jin") in names and ("show", "Winter Relay") in names
    assert ("platform", "Disney+") in names
    assert len([r for r in rows if r["kind"] == "platform"]) == 5


def _review_vs_wikidata(rows: Rows) -> None:
    assert rows == []   # no Wikidata facts in the examples; see test_review_vs_wikidata_finds_differences


def _most_reviewed_shows(rows: Rows) -> None:
    assert rows[0] == {"show": "Winter Relay", "headlines": 1, "articles": 2}
    assert _has(rows, show="Salt Road", headlines=0, articles=1)


def _show_details(rows: Rows) -> None:
    values = {(r["property"], r["value"]) for r in rows}
    assert {("platform", "Netflix"), ("episodes", "10"), ("season of", "Iron Orchard"),
            ("season number", "2"), ("director", "Im Chae-won"), ("writer", "Song Gi-tae")} <= values


def _articles(rows: Rows) -> None:
    assert len(rows) == 8
    moonlit = next(r for r in rows if r["source"].endswith("moonlit_bakery.html"))
    assert moonlit["published"] == "2025-03-14" and moonlit["facts"] > 0 and moonlit["triples"] > moonlit["facts"]


def _explain(rows: Rows) -> None:
    assert _has(rows, rule="role.play", character=ID + "character/winter-relay/kwakseoyeon")


def _facts_aliases(rows: Rows) -> None:
    assert _has(rows, node=ID + "person/takseungho", alias="Danny Tak")


def _facts_cast(rows: Rows) -> None:
    assert _has(rows, performer=ID + "person/mintaesan", show=ID + "show/winter-relay")


def _facts_labels(rows: Rows) -> None:
    assert _has(rows, node=ID + "show/winter-relay", label="Winter Relay", articles=2)


def _facts_roles(rows: Rows) -> None:
    assert _has(rows, performer=ID + "person/baeyujin", character=ID + "character/winter-relay/kwakseoyeon",
                show=ID + "show/winter-relay")


def _facts_shows(rows: Rows) -> None:
    assert _has(rows, show=ID + "show/winter-relay", property="https://w3id.org/dramagraph/ontology#numberOfEpisodes",
                value=12)


def _names(rows: Rows) -> None:
    assert _has(rows, node=ID + "person/yoonharin", name="Yoon Ha-rin")


def _stats(rows: Rows) -> None:
    assert {r["what"]: r["n"] for r in rows}["articles"] == 8


def _stats_facts(rows: Rows) -> None:
    assert {r["kind"]: r["n"] for r in rows}["alias"] == 4


#: name -> (parameters, check of the SELECT rows); graph-union, a CONSTRUCT, is checked on its own
KNOWN: dict[str, tuple[dict[str, Any], Callable[[Rows], None]]] = {
    "cast-of-show": ({"show": "Winter Relay"}, _cast_of_show),
    "roles-of-person": ({"person": "Seung-ho Tak"}, _roles_of_person),
    "shows-per-platform": ({}, _shows_per_platform),
    "seasons-of-series": ({"series": "lantern street"}, _seasons_of_series),
    "co-stars": ({"person": "Bae Yu-jin"}, _co_stars),
    "people-on-several-platforms": ({}, _people_on_several_platforms),
    "mentions": ({"name": "Danny Tak"}, _mentions),
    "low-confidence": ({"threshold": "0.75"}, _low_confidence),
    "without-wikidata": ({}, _without_wikidata),
    "review-vs-wikidata": ({}, _review_vs_wikidata),
    "most-reviewed-shows": ({}, _most_reviewed_shows),
    "show-details": ({"show": "iron orchard season 2"}, _show_details),
    "articles": ({}, _articles),
    "explain": ({"node": URIRef(ID + "person/baeyujin")}, _explain),
    "facts-aliases": ({}, _facts_aliases),
    "facts-cast": ({}, _facts_cast),
    "facts-labels": ({}, _facts_labels),
    "facts-roles": ({}, _facts_roles),
    "facts-shows": ({}, _facts_shows),
    "names": ({}, _names),
    "stats": ({}, _stats),
    "stats-facts": ({}, _stats_facts),
}


@pytest.mark.parametrize("query", available(), ids=lambda q: q.name)
def test_header_and_parameters(query: NamedQuery) -> None:
    assert query.title and query.description, "every query needs # title: and # description:"
    prepareQuery(query.text)   # also standard SPARQL 1.1 for rdflib, not only for Oxigraph
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    variables = set(re.findall(r"[?$](\w+)", body))
    for name, meaning in query.params:
        assert meaning, f"# param: {name} needs a meaning"
        assert name in variables, f"# param: {name} is not a variable of the query"


def test_a_dozen_questions_and_each_has_a_known_answer() -> None:
    names = {q.name for q in available()}
    assert len(names) >= 12
    # the view-* queries feed dramagraph.analyse; tests/test_analyse.py checks their answers
    assert {n for n in names if not n.startswith("view-")} - {"graph-union"} == set(KNOWN)


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_known_answer(store: Store, name: str) -> None:
    query = load(name)
    bindings, check = KNOWN[name]
    assert {p for p, _ in query.params} == set(bindings)
    check(store.select(query.text, bindings))


def test_graph_union_is_every_article_graph_merged(store: Store) -> None:
    graph = store.construct(load("graph-union").text)
    labels = graph.objects(URIRef(ID + "show/winter-relay"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    assert [str(label) for label in labels] == ["Winter Relay"]
    assert len(graph) < len(store)   # a triple stated by several articles is merged into one


def test_names_match_as_ingest_matches_them(store: Store) -> None:
    cast = load("cast-of-show").text
    for spelling in ("winter relay", "Winter-Relay", " WINTER  RELAY "):
        assert {r["actor"] for r in store.select(cast, {"show": spelling})} >= {"Bae Yu-jin"}
    assert store.select(cast, {"show": "Crimson Ledger"})   # stored as "The Crimson Ledger"
    roles = load("roles-of-person").text
    for spelling in ("Tak Seung-ho", "tak seungho", "Danny Tak"):
        assert _has(store.select(roles, {"person": spelling}), title="Salt Road")
    assert store.select(roles, {"person": "Tak Seung"}) == []


def test_parameters_are_bound_not_pasted(store: Store) -> None:
    sneaky = 'Winter Relay" } UNION { ?node ?p ?o } #'
    assert store.select(load("cast-of-show").text, {"show": sneaky}) == []


def test_review_vs_wikidata_finds_differences() -> None:
    """The enrichment's shape: Wikidata facts in graphs under id/wikidata/, linked by owl:sameAs."""
    with Store(None) as memory:
        ingest([EXAMPLES / "winter_relay.txt"], memory)
        show, tving = URIRef(ID + "show/winter-relay"), URIRef(ID + "platform/tving")
        bae, shin = URIRef(ID + "person/baeyujin"), URIRef(ID + "person/shinhyunwoo")
        memory.write_articles([(ID + "wikidata/Q1001", [
            (show, OWL.sameAs, WD.Q1001), (tving, OWL.sameAs, WD.Q2001),
            (bae, OWL.sameAs, WD.Q3001), (shin, OWL.sameAs, WD.Q3002),
            (WD.Q1001, WDT.P1113, Literal(16)), (WD.Q1001, WDT.P449, WD.Q2002),
            (WD.Q2002, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("tvN")),
            (WD.Q1001, WDT.P161, WD.Q3001),
        ])])
        rows = memory.select(load("review-vs-wikidata").text)
    found = {(r["property"], r["reviews"], r["wikidata"]) for r in rows}
    assert ("episodes", "12", "16") in found
    assert ("platform", "TVING", None) in found and ("platform", None, "tvN") in found
    assert ("cast", "Shin Hyun-woo", None) in found
    assert not any(r["reviews"] == "Bae Yu-jin" for r in rows)
    assert all(r["show"] == "Winter Relay" and r["item"] == str(WD.Q1001) for r in rows)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "store"
    with Store(path) as disk:
        ingest([EXAMPLES], disk)
    return path


def test_cli_needs_every_parameter(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["query", "cast-of-show", "--store", str(store_dir)])
    assert result.exit_code == 2
    assert "Error: query cast-of-show needs --param show" in result.output


def test_cli_formats(store_dir: Path) -> None:
    args = ["query", "co-stars", "--param", "person=Bae Yu-jin", "--store", str(store_dir)]
    runner = CliRunner()
    table = runner.invoke(main, args)
    assert table.exit_code == 0 and table.output.splitlines()[0].split() == ["person", "costar", "shows", "titles"]
    data = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)
    assert data["head"]["vars"] == ["person", "costar", "shows", "titles"]
    csv = runner.invoke(main, [*args, "--format", "csv"]).output
    assert csv.splitlines()[0] == "person,costar,shows,titles"
    assert "Bae Yu-jin,Tak Seung-ho,1,Lantern Street #2" in csv.splitlines()
    turtle = runner.invoke(main, ["query", "graph-union", "--store", str(store_dir)]).output
    assert '"Winter Relay"' in turtle


@pytest.mark.parametrize(("name", "spelling"), [
    ("roles-of-person", "Seung-ho Tak"), ("roles-of-person", "SEUNGHO TAK"), ("roles-of-person", "tak  seung-ho"),
    ("co-stars", "Yu-jin Bae"), ("co-stars", "bae yu jin"),
    ("cast-of-show", "the winter-relay"), ("cast-of-show", "WINTER RELAY"),
    ("mentions", "Seung-ho Tak"), ("mentions", "danny tak"),
])
def test_match_keys_give_the_answer_of_the_canonical_name(store: Store, name: str, spelling: str) -> None:
    """The key bound ahead (# match:) finds what the FILTER alone finds, for swapped, spaced and cased names."""
    from dramagraph.queries import derived_bindings

    query = load(name)
    param = query.params[0][0]
    keyed = store.select(query.text, {param: spelling})
    if query.matches:   # mentions computes its two keys in SPARQL
        assert derived_bindings(query.text, {param: spelling}).keys() > {param}   # a key was derived
    canonical = {"roles-of-person": "Tak Seung-ho", "co-stars": "Bae Yu-jin", "cast-of-show": "Winter Relay",
                 "mentions": "Tak Seung-ho"}[name]
    expected = store.select(query.text, {param: canonical})
    assert keyed and [{**r, param: None} for r in keyed] == [{**r, param: None} for r in expected]


_BY_NAME = [("cast-of-show", "the winter-relay"), ("co-stars", "Yu-jin Bae"), ("roles-of-person", "Danny Tak"),
            ("seasons-of-series", "Lantern Street"), ("show-details", "Iron Orchard season 2"),
            ("mentions", "Seung-ho Tak"), ("mentions", "the Crimson Ledger")]


def _comparable(rows: Rows) -> list[tuple[tuple[str, str], ...]]:
    """Rows as sorted tuples of text cells; GROUP_CONCAT order is the engine's."""
    return sorted(tuple(sorted((k, " | ".join(sorted(str(v).split(" | ")))) for k, v in row.items() if v is not None))
                  for row in rows)


@pytest.mark.parametrize(("name", "spelling"), _BY_NAME)
def test_match_keys_computed_in_sparql_give_the_answer_of_the_keys_bound_ahead(
        store: Store, name: str, spelling: str) -> None:
    """Sent without its # match: keys (another endpoint, by hand), a query computes them from the name."""
    query = load(name)
    param = query.params[0][0]
    keyed = store.select(query.text, {param: spelling})
    unkeyed = store.select(query.text, {param: spelling, **{var: None for var, _, _ in query.matches}})
    assert keyed and unkeyed == keyed


@pytest.mark.parametrize(("name", "spelling"), _BY_NAME)
def test_name_queries_run_on_rdflib_with_the_keys_bound_ahead(store: Store, name: str, spelling: str) -> None:
    """rdflib's engine (Python's re: no \\p{...} classes) answers as the store once the keys are bound."""
    import io

    from rdflib import Dataset, Variable

    from dramagraph.queries import derived_bindings
    from dramagraph.store import PREFIXES

    buffer = io.BytesIO()
    store.dump(buffer, "nquads")
    dataset = Dataset(default_union=True)
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
    query = load(name)
    given = {query.params[0][0]: spelling}
    bindings = derived_bindings(query.text, given)
    assert bindings.keys() > given.keys()
    result = dataset.query(query.text, initNs=PREFIXES,
                           initBindings={Variable(k): Literal(v) for k, v in bindings.items()})
    rows = [{str(var): (row[var].toPython() if row[var] is not None else None) for var in result.vars}
            for row in result]
    expected = store.select(query.text, given)   # the store derives the same keys
    assert expected and _comparable(rows) == _comparable(expected)


# -- # number: parameters written into the text as xsd:double literals (queries.inline_numbers) ----------


@pytest.mark.parametrize(("value", "literal"), [
    (0.8, '"0.8"^^<http://www.w3.org/2001/XMLSchema#double>'),
    ("0.75", '"0.75"^^<http://www.w3.org/2001/XMLSchema#double>'),
    (" 1e-1 ", '"0.1"^^<http://www.w3.org/2001/XMLSchema#double>'),
    (1, '"1.0"^^<http://www.w3.org/2001/XMLSchema#double>'),
])
def test_number_literal_is_written_from_the_float(value: Any, literal: str) -> None:
    from dramagraph.queries import number_literal

    assert number_literal(value) == literal


@pytest.mark.parametrize("value", ['0.8) } UNION { ?s ?p ?o', "abc", "", "nan", "inf", True, None, [0.5]])
def test_number_literal_refuses_anything_but_a_finite_number(value: Any) -> None:
    from dramagraph.errors import QueryError
    from dramagraph.queries import number_literal

    with pytest.raises(QueryError, match="not a"):
        number_literal(value)


def test_inline_numbers_writes_only_the_declared_parameter() -> None:
    from dramagraph.queries import inline_numbers

    text = ("# number: threshold\nSELECT ?threshold ?x WHERE { ?x <urn:p> ?c "
            "FILTER(?c < xsd:double(?threshold) && ?c > xsd:double( $threshold ) && ?c != xsd:double(?other)) }")
    out = inline_numbers(text, {"threshold": "0.5", "other": "0.1"})
    assert out.count('"0.5"^^<http://www.w3.org/2001/XMLSchema#double>') == 2
    assert "SELECT ?threshold ?x" in out and "xsd:double(?other)" in out   # still bound; not declared
    undeclared = text.replace("# number:", "# nothing:")
    assert inline_numbers(text, {}) == text and inline_numbers(undeclared, {"threshold": "0.5"}) == undeclared


def test_low_confidence_answers_as_the_query_run_by_hand(store: Store) -> None:
    """The threshold written as a constant gives the rows of the text as written (the variable bound)."""
    query = load("low-confidence")
    assert query.numbers == ("threshold",)
    by_hand = query.text.replace("# number: threshold\n", "")
    for threshold in ("0.75", "0.9", "1"):
        rows = store.select(query.text, {"threshold": threshold})
        assert rows == store.select(by_hand, {"threshold": threshold})
        assert all(row["confidence"] < float(threshold) and row["threshold"] == threshold for row in rows)
    assert len(store.select(query.text, {"threshold": "0.9"})) > len(store.select(query.text, {"threshold": "0.75"}))


def test_cli_refuses_a_threshold_that_is_not_a_number(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["query", "low-confidence", "--param", "threshold=0.8) } #",
                                       "--store", str(store_dir)])
    assert result.exit_code != 0
    assert "parameter threshold" in result.output and "is not a number" in result.output


# -- # literal: match keys written into the text as string literals (queries.inline_keys) ----------------


@pytest.mark.parametrize("value", ['a" } UNION { ?s ?p ?o } #', "back\\slash", "two\nlines\r", "tab\there",
                                   "'single' \"double\"", "Kim Ji-won 김지원", ""])
def test_string_literal_reads_back_as_the_same_string(value: str) -> None:
    from dramagraph.queries import string_literal

    literal = string_literal(value)
    with Store(None) as memory:
        rows = memory.select(f"SELECT ?x WHERE {{ BIND({literal} AS ?x) }}")
    assert rows == [{"x": value}]


@pytest.mark.parametrize("value", [URIRef("urn:x"), 3, None, b"bytes", "\ud800"])
def test_string_literal_refuses_anything_but_a_string(value: Any) -> None:
    from dramagraph.errors import QueryError
    from dramagraph.queries import string_literal

    with pytest.raises(QueryError):
        string_literal(value)


def test_inline_keys_writes_only_the_declared_look_ups() -> None:
    from dramagraph.queries import inline_keys

    text = ('# literal: asPerson personKey\nSELECT * WHERE {\n  # VALUES ?asPerson { UNDEF } in a comment\n'
            '  { VALUES ?asPerson { UNDEF } ?a dg:nameKey ?asPerson } UNION { values $asPerson {UNDEF} }\n'
            '  VALUES ?asPersonToo { UNDEF } VALUES ?asTitle { UNDEF } ?e dg:label "VALUES ?asPerson { UNDEF }" }')
    out = inline_keys(text, {"personKey": 'k"ey', "titleKey": "other"})
    assert out.count('VALUES ?asPerson { "k\\"ey" }') == 1 and out.count('values $asPerson {"k\\"ey"}') == 1
    assert "# VALUES ?asPerson { UNDEF } in a comment" in out and '"VALUES ?asPerson { UNDEF }"' in out
    assert "VALUES ?asPersonToo { UNDEF }" in out and "VALUES ?asTitle { UNDEF }" in out   # not declared
    assert inline_keys(text, {}) == text and inline_keys(text, {"personKey": None}) == text


def test_inline_keys_names_a_key_that_is_not_a_string() -> None:
    from dramagraph.errors import QueryError
    from dramagraph.queries import inline_keys

    with pytest.raises(QueryError, match="parameter personKey"):
        inline_keys("# literal: asPerson personKey\nSELECT * { ?a dg:nameKey ?asPerson }",
                    {"personKey": URIRef("urn:x")})


@pytest.mark.parametrize("name", ["Tak Seung-ho", "danny tak", "the Crimson Ledger", "Disney+", "Kwak Seo-yeon",
                                  "Nobody Here", 'x" } UNION { ?s ?p ?o } #'])
def test_mentions_with_its_keys_written_in_answers_as_by_hand(store: Store, name: str) -> None:
    """The keys written as constants (# literal:) give the rows of the text with the look-ups joined by
    equality, and the rewrite does happen for the shipped query."""
    from dramagraph.queries import derived_bindings, inline_keys

    query = load("mentions")
    assert query.literals == (("asPerson", "personKey"), ("asTitle", "titleKey"))
    keys = derived_bindings(query.text, {"name": name})
    written = inline_keys(query.text, keys)
    assert "UNDEF" not in re.sub(r"(?m)#.*$", "", written)
    assert f'VALUES ?asPerson {{ "{keys["personKey"]}" }}' in written
    assert f'VALUES ?asTitle {{ "{keys["titleKey"]}" }}' in written
    by_hand = re.sub(r"(?m)^# literal:.*\n", "", query.text)
    rows = store.select(query.text, {"name": name})
    assert rows == store.select(by_hand, {"name": name})
    assert bool(rows) == (name not in ("Nobody Here", 'x" } UNION { ?s ?p ?o } #'))


def test_mentions_with_a_hostile_key_finds_nothing(store: Store) -> None:
    """A key is written as an escaped literal, never run as query text (the real key, as control, finds)."""
    from dramagraph.queries import inline_keys
    from dramagraph.remote import _bind

    query = load("mentions")

    def run(person_key: str) -> Rows:
        keys = {"name": "Tak Seung-ho", "personKey": person_key, "titleKey": "nosuchtitle"}
        return store.select(_bind(inline_keys(query.text, keys), keys))

    assert run("takseungho")
    assert run('takseungho" } ?node ?p ?o } UNION { VALUES ?z { "x') == []
