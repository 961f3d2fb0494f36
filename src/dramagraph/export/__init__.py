"""Exporters: write networkx views to files for the tools people look with.

``EXPORTERS`` maps a format name to a callable ``(graph, out, title) -> None`` that writes the graph to a
binary stream; each format lives in a module of its own and is imported only when used, so adding a format
is adding one module and one line here.  ``export(graph, dest, fmt)`` resolves where the bytes go: a path
(written under a temporary name and renamed when complete), an open binary stream, ``"-"`` for standard
output, or ``None`` to get the bytes back.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Protocol

import networkx as nx

from ..errors import DramagraphError


class ExportError(DramagraphError):
    """A graph could not be exported (unknown format, missing optional library, write failed)."""


class Exporter(Protocol):
    def __call__(self, graph: nx.Graph, out: BinaryIO, title: str) -> None: ...


class _Lazy:
    """An exporter named ``module:function``, imported on first use."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __call__(self, graph: nx.Graph, out: BinaryIO, title: str) -> None:
        module, _, function = self.target.partition(":")
        try:
            write = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError) as err:
            raise ExportError(f"exporter {self.target} is not available: {err}") from err
        write(graph, out, title)

    def __repr__(self) -> str:
        return f"<exporter {self.target}>"


EXPORTERS: dict[str, Exporter] = {
    "graphml": _Lazy("dramagraph.export.graphml:write_graphml"),
    "gexf": _Lazy("dramagraph.export.gexf:write_gexf"),
    "json": _Lazy("dramagraph.export.json:write_json"),
    "cytoscape": _Lazy("dramagraph.export.cytoscape:write_cytoscape"),
    "dot": _Lazy("dramagraph.export.dot:write_dot"),
    "csv": _Lazy("dramagraph.export.csv:write_csv"),
    "html": _Lazy("dramagraph.export.html:write_html"),
    "png": _Lazy("dramagraph.export.picture:write_png"),
    "svg": _Lazy("dramagraph.export.picture:write_svg"),
}

#: the usual file suffix of each format
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json", "cytoscape": ".cyjs", "dot": ".dot",
            "csv": ".csv", "html": ".html", "png": ".png", "svg": ".svg"}


def export(graph: nx.Graph, dest: str | os.PathLike[str] | BinaryIO | None, fmt: str,
           title: str | None = None) -> bytes | None:
    """Write ``graph`` as ``fmt`` (a name in ``EXPORTERS``) to ``dest``: a path, a binary stream, ``"-"``
    (standard output), or ``None`` (the bytes are returned)."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ExportError(f"unknown graph format {fmt!r}; choose from {', '.join(sorted(EXPORTERS))}")
    title = title or f"dramagraph: {graph.graph.get('view', 'graph')}"
    if dest is None:
        buffer = io.BytesIO()
        exporter(graph, buffer, title)
        return buffer.getvalue()
    if isinstance(dest, str) and dest == "-":
        exporter(graph, sys.stdout.buffer, title)
        sys.stdout.buffer.flush()
        return None
    if isinstance(dest, (str, os.PathLike)):
        path = Path(dest)
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("wb") as handle:
                exporter(graph, handle, title)
            os.replace(partial, path)   # never leave a half-written file under the real name
        except OSError as err:
            raise ExportError(f"{path}: cannot write: {err}") from err
        finally:
            partial.unlink(missing_ok=True)
        return None
    exporter(graph, dest, title)
    return None
