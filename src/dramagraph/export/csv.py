"""An edge list as CSV with a header, for spreadsheets, pandas and Gephi's import.

Columns: ``source``, ``target`` (node IRIs), ``source_label``, ``target_label``, ``label`` (the relation),
``weight``, ``shows`` ("; "-joined).  A node without edges gets a row of its own with empty target columns,
so the node list survives the trip.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import networkx as nx

from ._flat import flat_value

COLUMNS = ("source", "target", "source_label", "target_label", "label", "weight", "shows")


def write_csv(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write the edges of ``graph`` as CSV (UTF-8, RFC 4180 quoting), then its isolated nodes."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        label = {node: str(data.get("label", node)) for node, data in graph.nodes(data=True)}
        for a, b, data in graph.edges(data=True):
            writer.writerow([a, b, label[a], label[b], flat_value(data.get("label", "")),
                             flat_value(data.get("weight", 1)), flat_value(data.get("shows", []))])
        for node in nx.isolates(graph):
            writer.writerow([node, "", label[node], "", "", "", ""])
        text.flush()
    finally:
        text.detach()   # leave the caller's stream open
