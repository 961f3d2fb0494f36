"""GEXF 1.2, Gephi's own format: node labels, a ``kind`` attribute, colours by kind, and edge weights."""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from ._flat import flat_graph
from .palette import KIND_COLOURS


def write_gexf(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write ``graph`` as GEXF 1.2; Gephi shows the labels and colours nodes by kind on opening."""
    flat = flat_graph(graph, title)
    for _, data in flat.nodes(data=True):
        colour = KIND_COLOURS.get(str(data.get("kind", "")))
        if colour:
            r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
            data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    nx.write_gexf(flat, out, encoding="utf-8", prettyprint=True, version="1.2draft")
