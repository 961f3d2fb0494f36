"""The HTML export in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The page is opened from a file:// URL, as a user opens a downloaded export. It must draw every node, find a
name, show a clicked node's details with its source sentences, and never run script written in article text.
"""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import networkx as nx
import pytest

from dramagraph.export.html import graph_data, script_json, write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = "Fans wrote <script>window.__pwned=1</script> under the trailer of Winter Relay."


def example_graph() -> nx.Graph:
    """A small knowledge graph shaped like the analyse views, from the shipped example shows."""
    g = nx.Graph()

    def node(key: str, label: str, kind: str, sentences: list[str], articles: int = 1) -> None:
        g.add_node(key, label=label, kind=kind, iri=f"https://example.org/dramagraph/{key}",
                   sentences=sentences, articles=articles)

    node("winter-relay", "Winter Relay", "show",
         ["Winter Relay, streaming on TVING, runs 12 episodes of about 70 minutes."], 2)
    node("lantern-2", "Lantern Street #2", "season", ["Lantern Street #2 arrives on Disney+ with 8 episodes."])
    node("lantern", "Lantern Street", "series", ["The night-market romance anthology returns."])
    node("tving", "TVING", "platform", ["Winter Relay, streaming on TVING, runs 12 episodes."])
    node("disney", "Disney+", "platform", ["Lantern Street #2 arrives on Disney+ with 8 episodes."])
    node("bae", "Bae Yu-jin", "person",
         ["Bae Yu-jin plays Kwak Seo-yeon, a relay swimmer who cannot stop counting laps.",
          "The new instalment trusts a pair of less familiar leads: Bae Yu-jin and Tak Seung-ho."], 2)
    node("tak", "Tak Seung-ho", "person", ["Lead cast: Bae Yu-jin, Tak Seung-ho, Yeom Da-bin"])
    node("park", "Park Gyeo-ul", "person", ["Park Gyeo-ul plays Ji Eun-bi, her coach."])
    node("kwak", "Kwak Seo-yeon", "character", ["Bae Yu-jin plays Kwak Seo-yeon."])
    node("hostile", HOSTILE_LABEL, "person", [HOSTILE_SENTENCE, "A second line & a </script> that must stay text."])
    g.add_edge("winter-relay", "tving", label="streams on", weight=1)
    g.add_edge("lantern-2", "disney", label="streams on", weight=1)
    g.add_edge("lantern-2", "lantern", label="season of", weight=1)
    for person in ("bae", "park", "hostile"):
        g.add_edge(person, "winter-relay", label="in cast of", weight=1)
    for person in ("bae", "tak"):
        g.add_edge(person, "lantern-2", label="in cast of", weight=1)
    g.add_edge("bae", "kwak", label="plays", weight=1, shows=["Winter Relay"])
    return g


def generated_graph(people: int = 4000, shows: int = 1000, seed: int = 5) -> nx.Graph:
    """People and shows, each person in one to three shows: about the shape of a large actor-show view."""
    rng = random.Random(seed)
    g = nx.Graph()
    for i in range(shows):
        g.add_node(f"s{i}", label=f"Show {i}", kind="show", iri=f"urn:s{i}", articles=rng.randint(1, 9),
                   sentences=[f"Show {i} streams somewhere."])
    for i in range(people):
        g.add_node(f"p{i}", label=f"Person {i}", kind="person", iri=f"urn:p{i}", articles=rng.randint(1, 9),
                   sentences=[f"Person {i} stars in a show.", f"Person {i} was interviewed."])
        # Popular shows get more cast, as in the real corpus.
        for show in {int(shows * rng.random() ** 2) for _ in range(rng.randint(1, 3))}:
            g.add_edge(f"p{i}", f"s{show}", label="in cast of", weight=1)
    return g


# --- without a browser ------------------------------------------------------------------------------

def test_script_json_cannot_end_the_script_element() -> None:
    text = script_json({"a": "</script><!-- & \u2028\u2029 <img>"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 <img>"}


def test_page_is_self_contained_and_embeds_text_only_as_escaped_json(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    with out.open("wb") as f:
        write_html(example_graph(), f, "Dramas <b>& friends</b>")
    page = out.read_text(encoding="utf-8")
    assert "<title>Dramas &lt;b&gt;&amp; friends&lt;/b&gt;</title>" in page
    assert HOSTILE_LABEL not in page and "window.__pwned=1</script>" not in page
    # Nothing is fetched: no external scripts, styles or links.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert page.count("<script") == 3   # the data, the library and the viewer
    assert "Cytoscape" in page


def test_graph_data_defaults_and_counts() -> None:
    g = nx.MultiGraph()
    g.add_node(1)
    g.add_node(2, label="Two", kind="show", sentences=["a", "b", "c", "d", "e", "f"], articles="3")
    g.add_edge(1, 2, weight=float("nan"))
    g.add_edge(1, 2, label="again", shows=("X",))
    data = graph_data(g, "t")
    assert [n["label"] for n in data["nodes"]] == ["1", "Two"]
    assert data["nodes"][0]["kind"] == "other" and data["nodes"][0]["sentences"] == []
    assert data["nodes"][1]["sentences"] == ["a", "b", "c", "d", "e"] and data["nodes"][1]["articles"] == 3
    assert [n["degree"] for n in data["nodes"]] == [2, 2]
    assert [e["weight"] for e in data["edges"]] == [1, 1] and data["edges"][1]["shows"] == ["X"]
    assert {k["kind"]: k["count"] for k in data["kinds"]} == {"other": 1, "show": 1}
    script_json(data)   # finite numbers only, so the JSON is valid in a browser


def test_vendored_library_ships_with_its_licence() -> None:
    from importlib import resources
    vendor = resources.files("dramagraph.export").joinpath("vendor")
    assert "MIT" in vendor.joinpath("cytoscape.LICENSE").read_text(encoding="utf-8") or \
        "Permission is hereby granted" in vendor.joinpath("cytoscape.LICENSE").read_text(encoding="utf-8")
    assert vendor.joinpath("cytoscape.min.js").read_text(encoding="utf-8").startswith("/**")


# --- in Chromium ------------------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(),
                                    reason="needs Debian's chromium at /usr/bin/chromium (scripts/test.sh installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, path: Path, problems: list[str]):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.dramagraph && window.dramagraph.state.ready", timeout=60_000)
    return page


def nodes_on_screen(page) -> int:
    """Nodes Cytoscape drew inside the visible canvas."""
    return page.evaluate("""() => {
        const cy = window.dramagraph.cy, w = cy.width(), h = cy.height();
        return cy.nodes().filter(n => {
            const p = n.renderedPosition();
            return n.visible() && p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
        }).length;
    }""")


def click_node(page, label: str) -> None:
    """A real mouse click on the canvas where the node with *label* is drawn, once it is in the middle."""
    page.wait_for_function("() => !window.dramagraph.cy.animated()")
    point = page.evaluate("""(label) => {
        const cy = window.dramagraph.cy;
        const node = cy.nodes().filter(n => n.data('label') === label)[0];
        cy.center(node);   // it may be off screen after an earlier zoom
        const p = node.renderedPosition(), box = cy.container().getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""", label)
    page.mouse.click(point["x"], point["y"])


@needs_chromium
def test_viewer_draws_searches_shows_details_and_runs_no_article_script(browser, tmp_path: Path) -> None:
    graph = example_graph()
    path = tmp_path / "examples.html"
    with path.open("wb") as f:
        write_html(graph, f, "Example dramas")
    problems: list[str] = []
    page = open_page(browser, path, problems)

    assert page.evaluate("window.dramagraph.cy.nodes().length") == graph.number_of_nodes()
    assert page.evaluate("window.dramagraph.cy.edges().length") == graph.number_of_edges()
    assert nodes_on_screen(page) == graph.number_of_nodes()
    assert page.locator("#dg-status").text_content() == \
        f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    legend = page.locator("#dg-legend").inner_text()
    assert "person (4)" in legend and "platform (2)" in legend

    # Search by part of a name; Enter opens the best match.
    page.fill("#dg-search", "bae yu")
    page.press("#dg-search", "Enter")
    details = page.locator("#dg-details")
    assert details.locator("h2").text_content() == "Bae Yu-jin"
    assert "Bae Yu-jin plays Kwak Seo-yeon, a relay swimmer who cannot stop counting laps." in \
        details.locator(".dg-sentences li").all_text_contents()
    assert "1 match" in page.locator("#dg-results").inner_text()
    page.press("#dg-search", "Escape")

    # A real click on the node whose name is markup.
    click_node(page, HOSTILE_LABEL)
    assert details.locator("h2").text_content() == HOSTILE_LABEL
    assert details.locator(".dg-sentences li").all_text_contents() == \
        [HOSTILE_SENTENCE, "A second line & a </script> that must stay text."]
    assert "&lt;img src=x onerror=alert(1)&gt;" in details.locator("h2").inner_html()
    assert "in cast of" in details.inner_text() and "Winter Relay" in details.inner_text()
    page.screenshot(path=str(tmp_path / "viewer.png"))

    # The hostile name found by search is listed as text too.
    page.fill("#dg-search", "<img")
    page.press("#dg-search", "Enter")
    assert page.locator("#dg-results .dg-link").all_text_contents() == [HOSTILE_LABEL]

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("body script").count() == 3
    assert problems == []
    page.close()


@needs_chromium
def test_viewer_shows_the_knowledge_graph_of_the_examples(browser, tmp_path: Path) -> None:
    analyse = pytest.importorskip("dramagraph.analyse", reason="needs the networkx views of dramagraph.analyse")
    from dramagraph.pipeline import ingest
    from dramagraph.store import Store

    store = Store(None)
    ingest([str(Path(__file__).parent.parent / "examples")], store)
    graph = analyse.view(store, "kg")
    # One hostile name among the real ones, attached to a real show.
    show = next(node for node, kind in graph.nodes(data="kind") if kind == "show")
    graph.add_node("urn:hostile", label=HOSTILE_LABEL, kind="person", iri="urn:hostile",
                   sentences=[HOSTILE_SENTENCE], articles=1)
    graph.add_edge("urn:hostile", show, label="in cast of", weight=1)
    path = tmp_path / "kg.html"
    with path.open("wb") as f:
        write_html(graph, f, "Examples: knowledge graph")
    problems: list[str] = []
    page = open_page(browser, path, problems)
    assert page.evaluate("window.dramagraph.cy.nodes().length") == graph.number_of_nodes()
    assert nodes_on_screen(page) == graph.number_of_nodes()

    page.fill("#dg-search", "Winter Relay")
    page.press("#dg-search", "Enter")
    details = page.locator("#dg-details")
    assert details.locator("h2").text_content() == "Winter Relay"
    sentences = graph.nodes[next(n for n, label in graph.nodes(data="label") if label == "Winter Relay")]["sentences"]
    assert details.locator(".dg-sentences li").all_text_contents() == sentences[:5] and sentences
    page.press("#dg-search", "Escape")
    click_node(page, HOSTILE_LABEL)
    assert details.locator("h2").text_content() == HOSTILE_LABEL
    assert details.locator(".dg-sentences li").all_text_contents() == [HOSTILE_SENTENCE]
    page.screenshot(path=str(tmp_path / "kg.png"))
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.locator("img").count() == 0
    assert problems == []
    page.close()


@needs_chromium
def test_five_thousand_nodes_load_and_answer_quickly(browser, tmp_path: Path) -> None:
    graph = generated_graph()
    assert graph.number_of_nodes() == 5000
    path = tmp_path / "big.html"
    started = time.perf_counter()
    with path.open("wb") as f:
        write_html(graph, f, "5,000 nodes")
    written = time.perf_counter() - started

    problems: list[str] = []
    started = time.perf_counter()
    page = open_page(browser, path, problems)
    loaded = time.perf_counter() - started
    in_page = page.evaluate("window.dramagraph.state.loadMs") / 1000
    assert page.evaluate("window.dramagraph.cy.nodes().length") == 5000
    assert nodes_on_screen(page) == 5000

    started = time.perf_counter()
    page.fill("#dg-search", "Person 1234")
    page.press("#dg-search", "Enter")
    assert page.locator("#dg-details h2").text_content() == "Person 1234"
    searched = time.perf_counter() - started
    page.screenshot(path=str(tmp_path / "big.png"))
    print(f"\n5,000 nodes, {graph.number_of_edges():,} edges: wrote {path.stat().st_size / 1e6:.1f} MB in "
          f"{written:.2f} s; page ready in {loaded:.2f} s (layout and first draw {in_page:.2f} s); "
          f"search and select in {searched:.2f} s")
    # Generous bounds: a slow CI machine must pass, a layout that went quadratic must not.
    assert loaded < 45 and searched < 10
    assert problems == []
    page.close()
