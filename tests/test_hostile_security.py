"""Nothing let in: injection attempts through ingest, ``query --param`` and ``serve``, and markup from
articles in the HTML export and the served query page, checked in a real headless Chromium.

The store is built by the real ``dramagraph ingest`` from a JSON Lines feed written here; one article's names
are then replaced by markup, as a hand edit through ``serve --allow-update`` could write them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from test_html_viewer import CHROMIUM, CHROMIUM_ARGS, click_node, needs_chromium, open_page

# the names of test_html_viewer's browser helpers (Debian's chromium, driven by Playwright)
from test_serve import _running

from dramagraph.pipeline import process
from dramagraph.serve import ServeOptions
from dramagraph.sources import read_sources
from dramagraph.store import Store

QUOTES = 'Evil "quoted" {braced} back\\slash\nnext line \u200fright-to-left\u200f zero\u200bwidth > } #'
INJECTION = 'x" } ; DROP ALL ; INSERT DATA { <urn:evil> <urn:evil> "evil" } #'
SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=window.__pwned=2>"
CLOSE = "</script><script>window.__pwned=3</script>"
HOSTILE_NAME = f"Mira {IMG} Holt"
HOSTILE_SHOW = f"Tide {CLOSE} Songs"
SENTENCE = f"Mira Holt plays Oona Vey, a captain who writes {SCRIPT} and {IMG} and {CLOSE} in her log."


def dramagraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dramagraph.cli", *args], capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


def quads(store: Path) -> list[str]:
    run = dramagraph("export", "--store", str(store), "--format", "nquads")
    assert run.returncode == 0, run.stderr
    return sorted(run.stdout.splitlines())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("security")
    feed = base / "feed.jsonl"
    records = [
        {"url": f"https://news.example/a?{INJECTION}>", "title": "Tide Songs review " + INJECTION,
         "author": QUOTES, "published": INJECTION,
         "text": f"Tide Songs is streaming on Netflix. {SENTENCE} Tak Ye-rin plays Go Na-ra."},
        {"url": "https://news.example/b", "title": "Salt Wind review",
         "text": "Salt Wind is streaming on Viki. Kang Mi-rae plays Bo Ra-el, a diver."},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    path = base / "store"
    run = dramagraph("ingest", str(feed), "--store", str(path))
    assert run.returncode == 0, run.stderr
    # hand edit: a third article graph whose person and show are named with markup
    [document, _] = list(read_sources([str(feed)]))
    _, graph = process(document)
    rename = {Literal("Mira Holt"): Literal(HOSTILE_NAME), Literal("Tide Songs"): Literal(HOSTILE_SHOW)}
    edited = [(s, p, rename.get(o, o)) for s, p, o in graph.triples]
    with Store(path) as writable:
        writable.write_articles([("https://w3id.org/dramagraph/id/article/hand-edit", edited)])
    return path


def test_ingest_stores_the_text_exactly_and_nothing_else(store: Path) -> None:
    lines = quads(store)
    assert not any(line.startswith("<urn:evil>") for line in lines)   # the text stayed inside its literals
    from rdflib import Dataset

    data = Dataset()
    data.parse(data="\n".join(lines), format="nquads")

    def values(name: str) -> set:
        return {o for _, _, o, _ in data.quads((None, URIRef("https://w3id.org/dramagraph/ontology#" + name), None,
                                                  None))}

    assert values("author") == {Literal(QUOTES)}
    assert values("published") == {Literal(INJECTION)}
    assert {str(u) for u in values("url")} == {f"https://news.example/a?{INJECTION}>", "https://news.example/b"}
    assert Literal(SENTENCE) in values("sentence")
    assert len({g for _, _, _, g in data.quads((None, None, None, None))}) == 3   # three article graphs


def test_query_params_are_bound_never_pasted(store: Path, tmp_path: Path) -> None:
    before = quads(store)
    query = tmp_path / "by-author.rq"
    query.write_text("PREFIX dg: <https://w3id.org/dramagraph/ontology#>\n"
                     "SELECT DISTINCT ?author ?title WHERE { ?article dg:author ?author ; dg:title ?title }",
                     encoding="utf-8")
    found = dramagraph("query", str(query), "--store", str(store), "--param", f"author={QUOTES}", "--format", "json")
    assert found.returncode == 0, found.stderr
    rows = json.loads(found.stdout)["results"]["bindings"]
    assert [(row["author"]["value"], row["title"]["value"]) for row in rows] == [
        (QUOTES, "Tide Songs review " + INJECTION)]
    for attempt in (INJECTION, '"} ?s ?p ?o . { "', "\\", '"""', "'''", "<urn:evil>"):
        run = dramagraph("query", str(query), "--store", str(store), "--param", f"author={attempt}",
                         "--format", "json")
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["results"]["bindings"] == []
    shipped = dramagraph("query", "cast-of-show", "--store", str(store), "--param", f"show={INJECTION}",
                         "--format", "csv")
    assert shipped.returncode == 0 and shipped.stdout.splitlines() == ["show,actor,character,articles"]
    bad_iri = dramagraph("query", "explain", "--store", str(store), "--param", 'node=<https://x.example/"}>')
    assert bad_iri.returncode == 2 and "Traceback" not in bad_iri.stderr
    assert "Error: --param node: not a valid IRI" in bad_iri.stderr
    bad_name = dramagraph("query", str(query), "--store", str(store), "--param", "a} DROP ALL {=x")
    assert bad_name.returncode == 2 and "not a variable name" in bad_name.stderr
    assert quads(store) == before


@pytest.fixture(scope="module")
def endpoint(store: Path) -> Iterator[str]:
    yield from _running(ServeOptions(store=store, port=0, timeout=10, workers=1))


def _post(url: str, form: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))   # 127.0.0.1, never via a proxy
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_read_only_serve_refuses_every_way_to_update(endpoint: str, store: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, body = _post(endpoint, {"query": count})
    assert status == 200
    before = json.loads(body)["results"]["bindings"][0]["n"]["value"]
    update = f'DROP ALL ; INSERT DATA {{ <urn:evil> <urn:evil> "{SCRIPT}" }}'
    assert _post(endpoint, {"update": update})[0] == 403
    status, body = _post(endpoint, {"query": update})            # an update dressed as a query
    assert status == 400
    status, _ = _post(endpoint, {"query": "SELECT * WHERE { ?s ?p ?o } ; " + update})
    assert status == 400
    for form in ({"query": count, "update": update}, {"query": [count, update]}):   # two operations at once
        data = urllib.parse.urlencode(form, doseq=True)
        request = urllib.request.Request(endpoint, data=data.encode(), method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=30)
        assert refused.value.code == 400
    status, body = _post(endpoint, {"query": count})
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == before
    assert not any(line.startswith("<urn:evil>") for line in quads(store))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, "--no-proxy-server"])
        yield chromium
        chromium.close()


def _watch(page, problems: list[str]) -> None:
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", lambda request: problems.append(f"request: {request.url}")
            if "/x" in request.url or request.url.endswith("x") else None)


@needs_chromium
def test_served_query_page_shows_article_text_as_text(browser, endpoint: str) -> None:
    problems: list[str] = []
    page = browser.new_page()
    _watch(page, problems)
    page.goto(endpoint.removesuffix("sparql"))
    page.fill("#query", "SELECT DISTINCT ?text WHERE { { ?x rdfs:label ?text } UNION { ?e dg:sentence ?text } "
                        "UNION { ?a dg:author ?text } FILTER(CONTAINS(?text, \"<\") || CONTAINS(?text, \"{\")) } "
                        "ORDER BY ?text")
    page.click("button[type=submit]")
    page.wait_for_selector("#out table")
    cells = page.locator("#out td").all_text_contents()
    assert {HOSTILE_NAME, HOSTILE_SHOW, SENTENCE, QUOTES} <= set(cells)
    assert page.locator("#out img").count() == 0 and page.locator("#out script").count() == 0
    # an error message that quotes the query is text too
    page.fill("#query", f"SELECT {IMG} {SCRIPT}")
    page.click("button[type=submit]")
    page.wait_for_selector("#out pre")
    assert page.locator("#out img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert problems == []
    page.close()


@needs_chromium
def test_html_export_shows_article_markup_as_text_and_runs_none(browser, store: Path, tmp_path: Path) -> None:
    out = tmp_path / "kg.html"
    run = dramagraph("export", "--store", str(store), "--view", "kg", "--format", "html", "-o", str(out))
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert SCRIPT not in html and IMG not in html and CLOSE not in html
    problems: list[str] = []
    page = open_page(browser, out, problems)
    _watch(page, problems)
    details = page.locator("#dg-details")
    click_node(page, HOSTILE_NAME)
    assert details.locator("h2").text_content() == HOSTILE_NAME
    assert SENTENCE in details.locator(".dg-sentences li").all_text_contents()
    page.press("#dg-search", "Escape")
    page.fill("#dg-search", "</script>")
    page.press("#dg-search", "Enter")
    assert details.locator("h2").text_content() == HOSTILE_SHOW
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("body script").count() == 3
    assert problems == []
    page.close()
