"""Graphviz DOT, written directly (no pygraphviz or pydot needed), every ID and value quoted and escaped."""

from __future__ import annotations

import math
from typing import Any, BinaryIO

import networkx as nx

from ._flat import flat_value
from .palette import KIND_COLOURS


def quote(value: Any) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as ``\\n``."""
    text = str(flat_value(value))
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f'"{text}"'


def _attributes(data: dict[str, Any]) -> str:
    items = []
    for key, value in data.items():
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            continue
        items.append(f"{quote(key)}={quote(value)}")
    return f" [{', '.join(items)}]" if items else ""


def write_dot(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write ``graph`` as DOT (UTF-8): nodes keyed by IRI with their label, kind and a fill colour by kind;
    edges with label and weight; list attributes joined with "; "."""
    directed = graph.is_directed()
    arrow = "->" if directed else "--"
    lines = [f"{'digraph' if directed else 'graph'} {quote(title)} {{",
             f"  graph [label={quote(title)}, labelloc=\"t\", charset=\"UTF-8\"];",
             '  node [style="filled", fontname="sans-serif"];']
    for node, data in graph.nodes(data=True):
        attributes = dict(data)
        colour = KIND_COLOURS.get(str(data.get("kind", "")))
        if colour and "fillcolor" not in attributes:
            attributes["fillcolor"] = colour
        lines.append(f"  {quote(node)}{_attributes(attributes)};")
    for a, b, data in graph.edges(data=True):
        lines.append(f"  {quote(a)} {arrow} {quote(b)}{_attributes(data)};")
    lines.append("}")
    out.write(("\n".join(lines) + "\n").encode("utf-8"))
