"""Graph exports: each file format read back gives the view's nodes, edges and labels."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dramagraph.analyse import VIEWS, view
from dramagraph.cli import main
from dramagraph.export import EXPORTERS, ExportError, export
from dramagraph.pipeline import ingest
from dramagraph.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILE_FORMATS = ("graphml", "gexf", "json", "cytoscape", "dot", "csv")


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(None) as memory:
        ingest([EXAMPLES], memory)
        yield memory


@pytest.fixture(scope="module")
def views(store: Store) -> dict[str, nx.Graph]:
    return {name: view(store, name) for name in VIEWS}


# -- readers -------------------------------------------------------------------------------------------

_DOT_STRING = r'"((?:[^"\\]|\\.)*)"'
_DOT_NODE = re.compile(rf"^  {_DOT_STRING}( \[.*\])?;$")
_DOT_EDGE = re.compile(rf"^  {_DOT_STRING} (--|->) {_DOT_STRING}( \[.*\])?;$")
_DOT_ATTRIBUTE = re.compile(rf"{_DOT_STRING}={_DOT_STRING}")


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def read_dot(data: bytes) -> nx.Graph:
    """A small reader for the DOT that dramagraph writes: one statement per line, every ID quoted."""
    lines = data.decode("utf-8").splitlines()
    graph: nx.Graph = nx.DiGraph() if lines[0].startswith("digraph") else nx.Graph()
    for line in lines[3:-1]:
        if edge := _DOT_EDGE.match(line):
            attributes = {_unquote(k): _unquote(v) for k, v in _DOT_ATTRIBUTE.findall(edge.group(4) or "")}
            graph.add_edge(_unquote(edge.group(1)), _unquote(edge.group(3)), **attributes)
        elif node := _DOT_NODE.match(line):
            attributes = {_unquote(k): _unquote(v) for k, v in _DOT_ATTRIBUTE.findall(node.group(2) or "")}
            graph.add_node(_unquote(node.group(1)), **attributes)
        else:
            raise AssertionError(f"unexpected DOT line {line!r}")
    return graph


def read_csv(data: bytes, directed: bool) -> nx.Graph:
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    for row in rows:
        graph.add_node(row["source"], label=row["source_label"])
        if row["target"]:
            graph.add_node(row["target"], label=row["target_label"])
            graph.add_edge(row["source"], row["target"], label=row["label"], weight=row["weight"],
                           shows=row["shows"])
    return graph


def read_back(fmt: str, data: bytes, directed: bool) -> nx.Graph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data))
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    if fmt == "json":
        return nx.node_link_graph(json.loads(data), edges="links")
    if fmt == "cytoscape":
        return nx.cytoscape_graph(json.loads(data))
    if fmt == "dot":
        return read_dot(data)
    return read_csv(data, directed)


@pytest.mark.parametrize("fmt", FILE_FORMATS)
@pytest.mark.parametrize("name", VIEWS)
def test_round_trip(views: dict[str, nx.Graph], name: str, fmt: str) -> None:
    graph = views[name]
    data = export(graph, None, fmt)
    assert isinstance(data, bytes)
    back = read_back(fmt, data, graph.is_directed())
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.is_directed() == graph.is_directed()
    assert {n: back.nodes[n]["label"] for n in back} == {n: d["label"] for n, d in graph.nodes(data=True)}
    assert {(a, b): d["label"] for a, b, d in back.edges(data=True)} == {
        (a, b): d["label"] for a, b, d in graph.edges(data=True)} or not graph.is_directed()
    for a, b, d in graph.edges(data=True):
        assert back.edges[a, b]["label"] == d["label"]
        assert float(back.edges[a, b]["weight"]) == d["weight"]
    if fmt in ("graphml", "gexf", "json", "cytoscape", "dot"):
        assert {n: back.nodes[n]["kind"] for n in back} == {n: d["kind"] for n, d in graph.nodes(data=True)}


def test_lists_are_flattened_where_the_format_has_none(views: dict[str, nx.Graph]) -> None:
    graph = views["costar"]
    a, b, data = next((a, b, d) for a, b, d in graph.edges(data=True) if d["shows"])
    back = nx.read_graphml(io.BytesIO(export(graph, None, "graphml") or b""))
    assert back.edges[a, b]["shows"] == "; ".join(data["shows"])
    back = nx.node_link_graph(json.loads(export(graph, None, "json") or b""), edges="links")
    assert back.edges[a, b]["shows"] == data["shows"]   # JSON keeps lists


def test_awkward_names_survive_every_format() -> None:
    graph = nx.Graph()
    weird = 'Kim "Quotes" \\ <img src=x onerror=alert(1)> ; & é\nnext'
    graph.add_node("https://example.org/a", label=weird, kind="person", iri="https://example.org/a",
                   sentences=[weird], articles=1)
    graph.add_node("https://example.org/b", label="Plain", kind="person", iri="https://example.org/b",
                   sentences=[], articles=1)
    graph.add_edge("https://example.org/a", "https://example.org/b", label="co-star", weight=1, shows=[weird])
    graph.add_node("https://example.org/c", label="Alone", kind="person", iri="https://example.org/c",
                   sentences=[], articles=1)
    for fmt in FILE_FORMATS:
        back = read_back(fmt, export(graph, None, fmt) or b"", False)
        assert back.nodes["https://example.org/a"]["label"] == weird, fmt
        assert back.number_of_nodes() == 3 and back.number_of_edges() == 1, fmt
    assert b"<img" not in (export(graph, None, "dot") or b"").split(b"\n")[0]


def test_registry_names_every_format() -> None:
    assert set(EXPORTERS) == set(FILE_FORMATS) | {"html", "png", "svg"}
    assert "dramagraph.export.html:write_html" in repr(EXPORTERS["html"])
    assert "dramagraph.export.picture:write_png" in repr(EXPORTERS["png"])


def test_export_destinations(views: dict[str, nx.Graph], tmp_path: Path) -> None:
    graph = views["costar"]
    data = export(graph, None, "csv")
    target = tmp_path / "costar.csv"
    assert export(graph, target, "csv") is None
    assert target.read_bytes() == data
    assert not list(tmp_path.glob("*.partial"))
    stream = io.BytesIO()
    export(graph, stream, "csv")
    assert stream.getvalue() == data and not stream.closed
    with pytest.raises(ExportError, match="unknown graph format 'yaml'"):
        export(graph, None, "yaml")


def test_html_export_is_one_page(views: dict[str, nx.Graph]) -> None:
    page = export(views["costar"], None, "html") or b""
    assert page.lstrip().startswith(b"<!DOCTYPE html>") and b"Bae Yu-jin" in page


# -- CLI ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "s"
    with Store(folder) as disk:
        ingest([EXAMPLES], disk)
    return folder


def test_cli_export_graph_formats(store_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "kg.graphml"
    result = runner.invoke(main, ["export", "--store", str(store_dir), "--format", "graphml", "--view", "kg",
                                  "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {target} (")
    assert nx.read_graphml(target).number_of_nodes() == 81
    result = runner.invoke(main, ["export", "--store", str(store_dir), "--format", "csv"])   # costar on stdout
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "source,target,source_label,target_label,label,weight,shows"
    assert len(result.stdout.splitlines()) == 1 + 37   # header and edges (every actor here has a co-star)
    result = runner.invoke(main, ["export", "--store", str(store_dir), "--format", "json", "--view", "nope"])
    assert result.exit_code == 2


def test_cli_export_rdf_unchanged(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store_dir), "--format", "nt"])
    assert result.exit_code == 0 and result.stdout.count(" .\n") > 500
