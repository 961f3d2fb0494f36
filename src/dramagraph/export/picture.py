"""Static pictures of a graph (PNG, SVG) for reports, drawn with matplotlib.

matplotlib is optional (``pip install 'dramagraph[pictures]'``). Nodes are coloured by kind with a legend, sized
by degree, and the most connected ones are labelled; the title sits on top. Text is drawn as text, never read as
mathtext, so a name with ``$`` signs in it is shown as written.
"""

from __future__ import annotations

import math
from typing import Any, BinaryIO

import networkx as nx

from ..errors import DramagraphError
from .palette import kinds_with_colours

#: Graphs up to this many nodes get every node labelled; larger ones only the most connected.
LABEL_ALL_UP_TO = 40
#: How many of the most connected nodes are labelled in a larger graph.
LABEL_TOP = 25

#: Layouts of more nodes than this estimate each step's repulsion from SAMPLE nodes.
EXACT_UP_TO = 1500
SAMPLE = 600

MISSING_MATPLOTLIB = "pictures need matplotlib: pip install 'dramagraph[pictures]'"


def write_png(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Draw *graph* as a PNG image (150 dpi) into *out*."""
    _draw(graph, out, title, "png")


def write_svg(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Draw *graph* as an SVG document into *out*, with its text kept as text (searchable, selectable)."""
    _draw(graph, out, title, "svg")


def layout(graph: nx.Graph, seed: int = 7, iterations: int | None = None) -> dict[Any, tuple[float, float]]:
    """Positions in the unit square from a vectorised Fruchterman-Reingold run with a fixed seed.

    networkx's ``spring_layout`` steps through the nodes one by one in Python above 500 nodes, which takes
    minutes at 5,000; this computes each step's forces for all nodes at once with numpy. Above
    ``EXACT_UP_TO`` nodes each step pushes every node away from a fresh random sample of nodes (scaled up to
    stand for all of them) instead of from every node, so a step costs O(n) rather than O(n^2): a picture of
    thousands of nodes shows its shape, not single nodes, and that estimate draws the same shape.
    A weak pull to the centre keeps separate components in view.
    """
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    if iterations is None:
        iterations = 50 if n <= 1000 else 25
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    edges = np.array(pairs, dtype=np.intp).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        others = rng.choice(n, SAMPLE, replace=False) if n > EXACT_UP_TO else np.arange(n)
        scale = k * k * n / len(others)
        dx = pos[:, 0, None] - pos[None, others, 0]
        dy = pos[:, 1, None] - pos[None, others, 1]
        push = scale / np.maximum(dx * dx + dy * dy, 1e-9)
        disp = np.stack(((dx * push).sum(axis=1), (dy * push).sum(axis=1)), axis=1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * (np.hypot(delta[:, 0], delta[:, 1]) / k)[:, None]
            np.subtract.at(disp, edges[:, 0], pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= (pos - 0.5) * (n * k * 0.1)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-12)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    low, high = pos.min(axis=0), pos.max(axis=0)
    pos = (pos - low) / np.where(high > low, high - low, 1)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _draw(graph: nx.Graph, out: BinaryIO, title: str, fmt: str) -> None:
    try:
        import matplotlib
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure
    except ImportError as error:
        raise DramagraphError(MISSING_MATPLOTLIB) from error

    pos = layout(graph)
    degree = dict(graph.degree())
    top = max(degree.values(), default=0) or 1
    kinds = {node: str(attrs.get("kind") or "other") for node, attrs in graph.nodes(data=True)}
    labels = {node: str(attrs.get("label", node)) for node, attrs in graph.nodes(data=True)}

    # A Figure of its own rather than pyplot: no global state, no GUI backend, safe in threads and servers.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "dramagraph"}):
        figure = Figure(figsize=(12, 9), layout="constrained")
        axes = figure.add_subplot()
        axes.set_axis_off()
        axes.set_title(title, fontsize=15, parse_math=False)

        segments = [(pos[u], pos[v]) for u, v in graph.edges() if u != v]
        if segments:
            width = 0.8 if len(segments) < 500 else 0.3
            axes.add_collection(LineCollection(segments, colors="#9aa0a6", linewidths=width, alpha=0.6, zorder=1))

        n = graph.number_of_nodes()
        base, span = (80, 700) if n <= 100 else (20, 280) if n <= 1000 else (6, 120)
        size = {node: base + span * math.sqrt(degree[node] / top) for node in graph}
        for kind, colour, count in kinds_with_colours(kinds.values()):
            members = [node for node in graph if kinds[node] == kind]
            axes.scatter([pos[node][0] for node in members], [pos[node][1] for node in members],
                         s=[size[node] for node in members],
                         c=colour, edgecolors="white", linewidths=0.6, zorder=2, label=f"{kind} ({count})")

        labelled = sorted(graph, key=lambda node: (-degree[node], labels[node]))
        if len(labelled) > LABEL_ALL_UP_TO:
            labelled = labelled[:LABEL_TOP]
        # A pale box rather than an outline path effect, which would turn SVG text into paths.
        box = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.7}
        for node in labelled:
            # Just above the node, clear of its marker (a marker of size s is sqrt(s) points across).
            axes.annotate(labels[node], pos[node], xytext=(0, math.sqrt(size[node]) / 2 + 2),
                          textcoords="offset points", fontsize=8,
                          ha="center", va="bottom", zorder=3, parse_math=False, bbox=box,
                          annotation_clip=False)

        if graph.number_of_nodes():
            legend = axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="kind")
            for text in legend.get_texts():
                text.set_parse_math(False)
            # One marker size per kind in the legend, not the size of whichever node came first.
            for handle in getattr(legend, "legend_handles", None) or legend.legendHandles:
                handle.set_sizes([60])
        axes.margins(0.05)
        axes.autoscale_view()
        metadata: dict[str, str | None] = {"Title": title}
        if fmt == "svg":
            metadata["Date"] = None   # so the same graph gives the same file
        figure.savefig(out, format=fmt, dpi=150, metadata=metadata)
