"""Cytoscape.js JSON (``elements`` with ``nodes`` and ``edges``), as ``networkx.cytoscape_graph`` reads it."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import networkx as nx


def write_cytoscape(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write ``graph`` as Cytoscape.js JSON: each node's ``data`` has ``id`` (its IRI), ``name`` (its label)
    and the view's attributes; each edge's ``source``, ``target`` and attributes."""
    data: dict[str, Any] = nx.cytoscape_data(graph, name="name", ident="id")
    for element in data["elements"]["nodes"]:
        element["data"]["name"] = element["data"].get("label") or element["data"]["name"]
    data["data"] = {**dict(data.get("data", ())), "title": title}
    out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
