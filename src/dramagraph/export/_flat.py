"""Attributes as the file formats that have no lists can hold them."""

from __future__ import annotations

from typing import Any

import networkx as nx

SEPARATOR = "; "


def flat_value(value: Any) -> str | int | float | bool:
    """Lists and tuples joined with ``"; "``; other non-scalar values as text."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return SEPARATOR.join(str(item) for item in value)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def flat_graph(graph: nx.Graph, title: str) -> nx.Graph:
    """A copy of ``graph`` whose node, edge and graph attributes are scalars (``None`` values dropped)."""
    flat = graph.__class__()
    flat.graph.update({k: flat_value(v) for k, v in graph.graph.items() if v is not None})
    flat.graph["title"] = title
    flat.add_nodes_from((n, {k: flat_value(v) for k, v in data.items() if v is not None})
                        for n, data in graph.nodes(data=True))
    flat.add_edges_from((a, b, {k: flat_value(v) for k, v in data.items() if v is not None})
                        for a, b, data in graph.edges(data=True))
    return flat
