"""The example articles against their golden cases in ``tests/cases/<name>/``.

Each case folder is named after one file in ``examples/`` (``examples/<name>.txt``, ``.html``, ``.md`` or
``.jsonl``) and holds:

- ``expected.json``: the facts a careful reader takes from the article, written by hand, in the shape of
  ``report.facts_document``.  Compared as sets; names are compared by the project's name keys
  (``names.person_key``/``title_key``), so "Yoon Ha Rin" and "Yoon Ha-rin" are one spelling, and a role
  implies its actor's place in the cast (as ``../shared/eval/score.py`` counts them); otherwise every fact
  must be there and nothing else may be.  Never regenerated.
- ``expected.ttl``: the article's RDF graph as the mapping writes it (facts and their provenance), compared
  with ``rdflib.compare.isomorphic``.  Regenerate deliberately with ``pytest tests/test_examples.py --regen``,
  then read the diff: ``--regen`` refuses to write a graph whose facts differ from ``expected.json``, but
  the provenance (sentences, spans, rules) still needs a human look.

Documents carry the stable relative source ("examples/foo.txt") so article IRIs do not depend on where the
checkout lives.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from dramagraph.models import Document
from dramagraph.names import person_key, title_key
from dramagraph.report import facts_document
from dramagraph.sources import read_sources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CASES = ROOT / "tests" / "cases"
CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLE_SUFFIXES = (".txt", ".html", ".md", ".jsonl")
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.json").is_file())
NOT_ARTICLES = {"README"}

# Stages written separately; while one is missing the tests that need it skip and say which.
PENDING_MODULES = {"dramagraph.clean", "dramagraph.extract", "dramagraph.mapping", "dramagraph.readback"}


def _require(*names: str) -> list[Any]:
    """Import ``module`` or ``module:attribute`` names; skip the test while a pending stage is missing."""
    loaded = []
    for name in names:
        module_name, _, attribute = name.partition(":")
        try:
            module = importlib.import_module(module_name)
            if attribute and not hasattr(module, attribute):
                raise ImportError(f"{module_name} has no {attribute!r} yet", name=module_name)
        except ImportError as err:  # also a half-written package
            if err.name in PENDING_MODULES:
                pytest.skip(f"{err.name} is not written yet")
            raise
        loaded.append(getattr(module, attribute) if attribute else module)
    return loaded


def _example(case: str) -> Path:
    found = [p for p in EXAMPLES.iterdir() if p.stem == case and p.suffix in ARTICLE_SUFFIXES]
    assert len(found) == 1, f"case {case!r} needs exactly one examples/{case}.* article, found {found}"
    return found[0]


@cache
def _documents(case: str) -> tuple[Document, ...]:
    """The case's documents as ``sources`` reads them, with sources relative to the repository root."""
    path = _example(case)
    documents = []
    for item in read_sources([path]):
        assert isinstance(item, Document), f"{path}: {item}"
        relative = item.source.replace(str(path), path.relative_to(ROOT).as_posix(), 1)
        documents.append(dataclasses.replace(item, source=relative))
    return tuple(documents)


@cache
def _ingested(case: str) -> Any:
    pipeline, store_module = _require("dramagraph.pipeline", "dramagraph.store")
    store = store_module.Store(None)
    report = pipeline.ingest(_documents(case), store)
    assert report.failed == [], report.failed
    assert report.articles == len(_documents(case))
    return store


def _expected(case: str) -> dict[str, Any]:
    return json.loads((CASES / case / "expected.json").read_text(encoding="utf-8"))


# -- comparing facts documents -------------------------------------------------------------------------


def _platform_key(name: str) -> str:
    return title_key(name).replace(" ", "")


SHOW_FIELDS = ("platforms", "anthology_or_series", "season_number", "episodes", "episode_minutes", "directors",
               "writers")


def _show_facts(show: dict[str, Any]) -> dict[tuple[Any, ...], dict[str, Any]]:
    """A show record as one comparable item per statement: that it exists, then each non-empty field value."""
    title = show["title"]
    items = {(title_key(title),): {"title": title}}
    for field in SHOW_FIELDS:
        values = show[field] if isinstance(show[field], list) else [show[field]]
        for value in values:
            if value is None:
                continue
            if field == "platforms":
                key: Any = _platform_key(value)
            elif field in ("directors", "writers"):
                key = person_key(value)
            elif field == "anthology_or_series":
                key = title_key(value)
            else:
                key = value
            items[(title_key(title), field, key)] = {"title": title, field: value}
    return items


def _key(section: str, record: dict[str, Any]) -> tuple[Any, ...]:
    if section == "roles":
        return person_key(record["actor"]), person_key(record["character"]), title_key(record["show"] or "")
    if section == "cast":
        return person_key(record["actor"]), title_key(record["show"])
    return person_key(record["name"]), person_key(record["alias"])


def _records(document: dict[str, Any], section: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    if section == "shows":
        return {k: v for show in document.get("shows", []) for k, v in _show_facts(show).items()}
    records = {_key(section, r): r for r in document.get(section, [])}
    if section == "cast":
        # a role puts its actor in the show's cast: "Lead cast: A" next to "A plays B" says nothing more
        for role in document.get("roles", []):
            if role["show"]:
                implied = {"actor": role["actor"], "show": role["show"], "from_role": True}
                records.setdefault(_key("cast", role), implied)
    return records


def _differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Human-readable lines for every fact missing from ``got`` or not in ``expected``.

    A cast entry that only follows from a role is left out of the lines (the role's own line says it),
    unless nothing else differs."""
    lines, implied = [], []
    for section in ("shows", "roles", "cast", "aliases"):
        want, have = _records(expected, section), _records(got, section)
        for label, keys, records in (("missing   ", want.keys() - have, want),
                                     ("unexpected", have.keys() - want, have)):
            for key in keys:
                record = dict(records[key])
                line = f"{label} {section}: {json.dumps(record, ensure_ascii=False)}"
                (implied if record.pop("from_role", False) else lines).append(line)
    return sorted(lines or implied)


def assert_same_facts(expected: dict[str, Any], got: dict[str, Any]) -> None:
    differences = _differences(expected, got)
    assert not differences, "facts differ from expected.json:\n  " + "\n  ".join(differences)


# -- the golden cases ------------------------------------------------------------------------------------


def test_every_example_has_a_case() -> None:
    articles = sorted(p.stem for p in EXAMPLES.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.stem not in NOT_ARTICLES)
    assert articles == CASE_NAMES


@pytest.mark.parametrize("case", CASE_NAMES)
def test_expected_json_has_the_facts_document_shape(case: str) -> None:
    expected = _expected(case)
    shape = facts_document([])
    assert set(expected) - {"notes"} == set(shape)
    for show in expected["shows"]:
        assert set(show) == {"title", "platforms", "anthology_or_series", "season_number", "episodes",
                             "episode_minutes", "directors", "writers"}
    assert all(set(r) == {"actor", "character", "show"} for r in expected["roles"])
    assert all(set(r) == {"actor", "show"} for r in expected["cast"])
    assert all(set(r) == {"name", "alias"} for r in expected["aliases"])


@pytest.mark.parametrize("case", CASE_NAMES)
def test_extracted_facts(case: str) -> None:
    """clean + extract alone (no RDF): the extractor's own facts give the expected document."""
    clean_document, extract = _require("dramagraph.clean:clean_document", "dramagraph.extract:extract")
    facts = [fact for document in _documents(case) for fact in extract(clean_document(document)).facts]
    assert_same_facts(_expected(case), facts_document(facts))


@pytest.mark.parametrize("case", CASE_NAMES)
def test_stored_facts(case: str) -> None:
    """The whole pipeline into a store, read back from RDF: the same facts as expected.json."""
    (readback,) = _require("dramagraph.readback")
    store = _ingested(case)
    assert_same_facts(_expected(case), facts_document(readback.read_facts(store)))


def _stored_graph(store: Any) -> Graph:
    return store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("case", CASE_NAMES)
def test_stored_graph_matches_golden_turtle(case: str, regen: bool) -> None:
    (readback,) = _require("dramagraph.readback")
    store = _ingested(case)
    graph = _stored_graph(store)
    golden = CASES / case / "expected.ttl"
    if regen:
        # a golden graph is only worth keeping when its facts are the true ones
        differences = _differences(_expected(case), facts_document(readback.read_facts(store)))
        if differences:
            pytest.fail(f"not rewriting {golden.relative_to(ROOT)}: the graph's facts differ from expected.json:\n  "
                        + "\n  ".join(differences))
        from dramagraph.store import PREFIXES

        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        graph.serialize(golden, format="turtle", encoding="utf-8")
        pytest.skip(f"rewrote {golden.relative_to(ROOT)}")
    if not golden.is_file():
        pytest.fail(f"{golden.relative_to(ROOT)} does not exist yet: it is written (with --regen) only once the "
                    "pipeline's facts for this case equal expected.json (see test_stored_facts)")
    expected = Graph().parse(golden, format="turtle")
    if not isomorphic(expected, graph):
        _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(graph))
        lines = ([f"missing    {' '.join(t.n3() for t in triple)}" for triple in sorted(only_expected)][:40]
                 + [f"unexpected {' '.join(t.n3() for t in triple)}" for triple in sorted(only_got)][:40])
        pytest.fail(f"graph differs from {golden.relative_to(ROOT)}:\n  " + "\n  ".join(lines))


# -- the CLI end to end ------------------------------------------------------------------------------


def test_cli_ingests_the_examples_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _require("dramagraph.pipeline", "dramagraph.readback")
    from dramagraph.cli import main

    monkeypatch.chdir(ROOT)
    store = str(tmp_path / "store")
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", "examples/", "--store", store, "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    listed = runner.invoke(main, ["facts", "--store", store, "--json"])
    assert listed.exit_code == 0, listed.output
    document = json.loads(listed.stdout)
    roles = {_key("roles", r) for r in document["roles"]}
    assert _key("roles", {"actor": "Tak Seung-ho", "character": "Moon Tae-kyung", "show": "Lantern Street #2"}) in roles
    # one node per person across articles: Bae Yu-jin has roles in two files
    assert _key("roles", {"actor": "Bae Yu-jin", "character": "Kwak Seo-yeon", "show": "Winter Relay"}) in roles
    assert _key("roles", {"actor": "Bae Yu-jin", "character": "Han Bo-ra", "show": "Lantern Street #2"}) in roles


# -- the examples are the project's own text ---------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_examples_copy_no_line_of_the_real_corpus() -> None:
    corpus = " ".join(re.sub(r"\s+", " ", p.read_text(encoding="utf-8", errors="replace"))
                      for p in CORPUS.rglob("*.txt"))
    for path in sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"\s+", " ", line).strip()
            assert len(line) < 70 or line not in corpus, f"{path.name} copies a corpus line: {line[:80]}"
