"""D3 node-link JSON (``nodes`` and ``links``), as ``networkx.node_link_graph`` reads it back."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import networkx as nx


def write_json(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write ``graph`` as D3 node-link JSON (UTF-8); lists stay lists, the title is a graph attribute."""
    data: dict[str, Any] = nx.node_link_data(graph, edges="links")
    data["graph"] = {**data.get("graph", {}), "title": title}
    out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
