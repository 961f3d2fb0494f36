"""One self-contained HTML page to explore a graph in a browser, offline.

The page inlines Cytoscape.js 3.34.4 (``vendor/cytoscape.min.js``, MIT licence in ``vendor/cytoscape.LICENSE``)
and the viewer (``viewer/viewer.js`` and ``viewer.css``), so it needs no network: search, nodes coloured by kind
with a legend, sizes by degree, and a details panel with a node's source sentences. The layout is computed once
in the page before the first draw, and nothing moves afterwards, so 5,000 nodes stay responsive.

Labels and sentences come from articles and are untrusted. They reach the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no text can close
the block, and the viewer puts them on the page with ``textContent`` only. A Content-Security-Policy that allows
just the page's own two scripts (by hash) backs this up: even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from functools import cache
from importlib import resources
from typing import Any, BinaryIO

import networkx as nx

from ..errors import DramagraphError
from .palette import kinds_with_colours

#: The most source sentences kept per node; the views give at most this many.
MAX_SENTENCES = 5

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="generator" content="dramagraph">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<input id="dg-search" type="search" placeholder="Search names…" aria-label="Search names" autocomplete="off">
<button id="dg-fit" type="button">Fit</button>
<span id="dg-status">Laying out…</span>
</header>
<main>
<div id="dg-graph" role="img" aria-label="Graph"></div>
<aside>
<div id="dg-results"></div>
<h3>Kinds</h3>
<ul id="dg-legend"></ul>
<div id="dg-details"></div>
</aside>
</main>
<script type="application/json" id="dg-data">{data}</script>
<script>{library}</script>
<script>{viewer}</script>
</body>
</html>
"""


def write_html(graph: nx.Graph, out: BinaryIO, title: str) -> None:
    """Write *graph* to *out* as one HTML page (UTF-8) that shows it interactively without a network.

    Nodes are read with the attributes ``label``, ``kind``, ``iri``, ``sentences`` and ``articles``;
    edges with ``label``, ``weight`` and ``shows``. Missing attributes get neutral defaults.
    """
    library = _asset("vendor/cytoscape.min.js")
    viewer = _asset("viewer/viewer.js")
    page = _PAGE.format(
        csp=html.escape(_csp(library, viewer)),
        title=html.escape(title),
        css=_asset("viewer/viewer.css"),
        data=script_json(graph_data(graph, title)),
        library=library,
        viewer=viewer,
    )
    # Lone surrogates (from badly decoded sources) cannot be written as UTF-8; they become "?".
    out.write(page.encode("utf-8", errors="replace"))


def graph_data(graph: nx.Graph, title: str) -> dict[str, Any]:
    """The plain, JSON-ready data the viewer reads: title, kinds with colours, nodes and edges."""
    ids: dict[Any, str] = {}
    nodes = []
    for index, (node, attrs) in enumerate(graph.nodes(data=True)):
        ids[node] = f"n{index}"
        nodes.append({
            "id": ids[node],
            "label": _text(attrs.get("label", node)),
            "kind": _text(attrs.get("kind") or "other"),
            "iri": _text(attrs.get("iri", "")),
            "articles": _count(attrs.get("articles", 0)),
            "sentences": [_text(s) for s in list(attrs.get("sentences") or ())[:MAX_SENTENCES]],
            "degree": int(graph.degree(node)),
        })
    edges = []
    for index, (source, target, attrs) in enumerate(graph.edges(data=True)):
        edges.append({
            "id": f"e{index}",
            "source": ids[source],
            "target": ids[target],
            "label": _text(attrs.get("label", "")),
            "weight": _number(attrs.get("weight", 1)),
            "shows": [_text(s) for s in attrs.get("shows") or ()],
        })
    kinds = [{"kind": kind, "colour": colour, "count": count}
             for kind, colour, count in kinds_with_colours(n["kind"] for n in nodes)]
    return {"title": title, "directed": graph.is_directed(), "kinds": kinds, "nodes": nodes, "edges": edges}


def script_json(value: Any) -> str:
    """*value* as JSON that is safe inside an HTML ``<script>`` element.

    ``<`` and ``>`` are escaped so that no string can hold ``</script>`` or ``<!--``, ``&`` so that nothing reads
    as a character reference, and U+2028/U+2029 so that the text is also valid as a JavaScript literal.
    Outside strings JSON has none of these characters, so the escapes only ever land inside strings.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp(*scripts: str) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in scripts)
    return ("default-src 'none'; " f"script-src {hashes}; "
            # Cytoscape sizes its canvases through style attributes.
            "style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'")


@cache
def _asset(name: str) -> str:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "<!--" in text:
        # Inlined as is, such text would end the <script> element early; a vendored update must not do that.
        raise DramagraphError(f"export asset {name} cannot be inlined in a <script> element")
    return text


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 1
    return value
