"""GraphML, for Gephi, yEd and Cytoscape desktop: labels, kinds, weights; list attributes joined with "; "."""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from ._flat import flat_graph


def write_graphml(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write ``graph`` as GraphML (UTF-8).  GraphML has no list type, so lists become "; "-joined text."""
    nx.write_graphml(flat_graph(graph, title), out, encoding="utf-8", prettyprint=True)
