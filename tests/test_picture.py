"""PNG and SVG pictures of a graph (matplotlib)."""

from __future__ import annotations

import io
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from dramagraph.errors import DramagraphError
from dramagraph.export.picture import MISSING_MATPLOTLIB, layout, write_png, write_svg

pytest.importorskip("matplotlib", reason="pictures need matplotlib (the 'pictures' and 'test' extras)")

SVG = "{http://www.w3.org/2000/svg}"


def small_graph() -> nx.Graph:
    g = nx.Graph()
    g.add_node("a", label="Bae Yu-jin", kind="person")
    g.add_node("b", label="Winter Relay", kind="show")
    g.add_node("c", label="TVING", kind="platform")
    g.add_node("d", label="<img src=x onerror=alert(1)> & $x^2$", kind="person")
    g.add_edge("a", "b", label="in cast of", weight=1)
    g.add_edge("b", "c", label="streams on", weight=1)
    g.add_edge("d", "b", label="in cast of", weight=1)
    return g


def test_png_is_a_png() -> None:
    out = io.BytesIO()
    write_png(small_graph(), out, "Example dramas")
    data = out.getvalue()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Example dramas" in data   # the Title text chunk


def test_svg_parses_with_title_labels_and_legend_as_text() -> None:
    out = io.BytesIO()
    write_svg(small_graph(), out, "Dramas <& friends>")
    root = ET.fromstring(out.getvalue())
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]
    assert "Dramas <& friends>" in texts
    assert "Winter Relay" in texts and "<img src=x onerror=alert(1)> & $x^2$" in texts
    assert "person (2)" in texts and "platform (1)" in texts
    assert not list(root.iter(f"{SVG}image")) and not list(root.iter(f"{SVG}script"))


def test_svg_is_the_same_for_the_same_graph() -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_svg(small_graph(), first, "t")
    write_svg(small_graph(), second, "t")
    assert first.getvalue() == second.getvalue()


def test_empty_and_larger_graphs_draw() -> None:
    out = io.BytesIO()
    write_svg(nx.Graph(), out, "Nothing yet")
    assert "Nothing yet" in out.getvalue().decode()
    big = nx.barabasi_albert_graph(2000, 2, seed=3)
    out = io.BytesIO()
    write_png(big, out, "2,000 nodes")
    assert out.getvalue().startswith(b"\x89PNG")


def test_layout_is_seeded_and_in_the_unit_square() -> None:
    g = nx.path_graph(30)
    pos = layout(g)
    assert pos == layout(g)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
    # Neighbours end up closer than the two ends of the path.
    def dist(u: int, v: int) -> float:
        return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5
    assert dist(0, 1) < dist(0, 29)


def test_without_matplotlib_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(DramagraphError) as caught:
        write_png(small_graph(), io.BytesIO(), "t")
    assert str(caught.value) == MISSING_MATPLOTLIB == "pictures need matplotlib: pip install 'dramagraph[pictures]'"
