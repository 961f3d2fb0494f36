"""networkx views of the graph, and what can be measured on them.

Views (``VIEWS``), built from the SPARQL files ``queries/view-*.rq``:

- ``kg``: the knowledge graph: people, shows, seasons, series, platforms and characters, with labelled
  edges (person *acts in* show, person *plays* character, character *in* show, show *streams on* platform,
  season *season of* series, person *directed* / *wrote* show); a ``DiGraph``;
- ``costar``: people linked when they act in the same show; ``weight`` is the number of shows they share
  and ``shows`` names them;
- ``actor-show``: the bipartite graph of people and the shows they act in (``bipartite`` 0 and 1);
- ``show-platform``: shows and the platforms they stream on;
- ``series``: each anthology or series and its seasons (``DiGraph``, series to season), with the seasons'
  casts.

Every node has ``label``, ``kind`` (person, show, season, series, platform, character), ``iri``,
``sentences`` (up to ``MAX_SENTENCES`` source sentences) and ``articles`` (how many articles state it);
every edge has ``label`` (the relation) and ``weight``, and ``shows`` where a link stands for shows.  Node
keys are the nodes' IRIs.

``analyse`` measures a view (size, components, density, degree, betweenness and PageRank rankings, Louvain
communities, per-platform counts); ``path`` finds the shortest chain of co-stars between two people.  When
the nx-parallel or graphblas backend is installed, networkx's dispatch runs the algorithms it implements
there.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

import networkx as nx

from .errors import DramagraphError
from .queries import load
from .readback import Queryable, find_nodes, labels

DG = "https://w3id.org/dramagraph/ontology#"
VIEWS = ("costar", "kg", "actor-show", "show-platform", "series")
MAX_SENTENCES = 5
KINDS = {DG + "Person": "person", DG + "Show": "show", DG + "Season": "season", DG + "Series": "series",
         DG + "Platform": "platform", DG + "Character": "character"}
# a node typed several ways takes the most specific kind (a season is also a show)
_SPECIFIC = ("season", "series", "show", "platform", "character", "person")
_LINK_LABELS = {DG + "streamsOn": "streams on", DG + "seasonOf": "season of", DG + "director": "directed",
                DG + "writer": "wrote"}
_SHOWLIKE = {"show", "season", "series"}


class AnalyseError(DramagraphError):
    """A view or an analysis could not be made (unknown view, unknown person, no path)."""


@dataclass(frozen=True)
class AnalyseOptions:
    """How ``analyse`` measures a view."""

    top: int = 10                        # entries per ranking
    exact_betweenness_up_to: int = 2_000  # nodes; larger graphs sample sources
    betweenness_samples: int = 64        # sources sampled beyond that size (networkx's ``k``)
    seed: int = 42                       # for sampled betweenness and Louvain, so runs repeat
    backend: str | None = None           # a networkx backend name; None: nx-parallel or graphblas if installed


# -- reading the store -------------------------------------------------------------------------------


@cache
def _query(name: str) -> str:
    return load(name).text


@dataclass
class _Rows:
    """What the views are built from, read once from the store."""

    kind: dict[str, str]
    articles: dict[str, int]
    label: dict[str, str]
    performances: list[dict[str, Any]]
    links: list[dict[str, Any]]
    sentences: dict[str, list[str]] = field(default_factory=dict)


def _read(store: Queryable, with_sentences: bool = True) -> _Rows:
    kinds: dict[str, set[str]] = defaultdict(set)
    articles: Counter[str] = Counter()
    for row in store.select(_query("view-nodes")):
        kinds[row["node"]].add(KINDS[row["class"]])
        articles[row["node"]] = max(articles[row["node"]], row["articles"])
    kind = {node: next(k for k in _SPECIFIC if k in found) for node, found in kinds.items()}
    sentences: dict[str, list[str]] = defaultdict(list)
    if with_sentences:
        # in article order, sorted here: the query leaves the rows unordered, as sorting them by IRI in the
        # store costs most of a minute on a 1M-triple graph
        rows = store.select(_query("view-sentences"))
        rows.sort(key=lambda row: (str(row["node"]), str(row["article"]), row["start"]))
        for row in rows:
            kept = sentences[row["node"]]
            if len(kept) < MAX_SENTENCES and row["sentence"] not in kept:
                kept.append(row["sentence"])
    return _Rows(kind=kind, articles=dict(articles), label=labels(store),
                 performances=store.select(_query("view-performances")),
                 links=store.select(_query("view-links")), sentences=dict(sentences))


# -- views -------------------------------------------------------------------------------------------


def view(store: Queryable, name: str = "costar", *, with_sentences: bool = True) -> nx.Graph:
    """The networkx view ``name`` (one of ``VIEWS``) of the graph in ``store``."""
    if name not in VIEWS:
        raise AnalyseError(f"unknown view {name!r}; choose from {', '.join(VIEWS)}")
    return build_view(_read(store, with_sentences), name)


def build_view(rows: _Rows, name: str) -> nx.Graph:
    builders = {"costar": _costar, "kg": _kg, "actor-show": _actor_show, "show-platform": _show_platform,
                "series": _series}
    graph = builders[name](rows)
    graph.graph["view"] = name
    return graph


def _add_node(graph: nx.Graph, rows: _Rows, iri: str, **extra: Any) -> None:
    if iri in graph:
        return
    graph.add_node(iri, label=rows.label.get(iri, iri.rsplit("/", 1)[-1]), kind=rows.kind.get(iri, "show"),
                   iri=iri, sentences=list(rows.sentences.get(iri, ())), articles=rows.articles.get(iri, 0),
                   **extra)


def _cast(rows: _Rows) -> dict[str, set[str]]:
    """show -> the people who act in it."""
    cast: dict[str, set[str]] = defaultdict(set)
    for row in rows.performances:
        if row["show"] is not None:
            cast[row["show"]].add(row["performer"])
    return cast


def _costar(rows: _Rows) -> nx.Graph:
    graph = nx.Graph()
    cast = _cast(rows)
    for person in sorted({p for people in cast.values() for p in people}):
        _add_node(graph, rows, person)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for show in sorted(cast):
        title = rows.label.get(show, show)
        for pair in itertools.combinations(sorted(cast[show]), 2):
            shared[pair].append(title)
    for (a, b), shows in shared.items():
        graph.add_edge(a, b, label="co-star", weight=len(shows), shows=sorted(shows))
    return graph


def _actor_show(rows: _Rows) -> nx.Graph:
    graph = nx.Graph()
    parts: dict[tuple[str, str], list[str]] = defaultdict(list)
    articles: Counter[tuple[str, str]] = Counter()
    for row in rows.performances:
        if row["show"] is None:
            continue
        key = (row["performer"], row["show"])
        articles[key] += row["articles"]
        if row["character"] is not None:
            parts[key].append(rows.label.get(row["character"], row["character"]))
    for person, show in sorted(articles):
        _add_node(graph, rows, person, bipartite=0)
        _add_node(graph, rows, show, bipartite=1)
        graph.add_edge(person, show, label="acts in", weight=articles[person, show],
                       shows=[rows.label.get(show, show)], characters=sorted(parts[person, show]))
    return graph


def _links(rows: _Rows, properties: Iterable[str]) -> Iterator[tuple[str, str, str, int, int | None]]:
    """(subject, property, object, articles, season number) once per link, in a stable order."""
    wanted = {DG + p for p in properties}
    seen: dict[tuple[str, str, str], tuple[int, int | None]] = {}
    for row in rows.links:
        if row["property"] not in wanted:
            continue
        key = (row["subject"], row["property"], row["object"])
        articles, number = seen.get(key, (0, None))
        found = row["number"] if isinstance(row["number"], int) else None
        if found is not None and (number is None or found < number):
            number = found
        seen[key] = (max(articles, row["articles"]), number)
    for (subject, prop, obj), (articles, number) in sorted(seen.items()):
        yield subject, prop, obj, articles, number


def _show_platform(rows: _Rows) -> nx.Graph:
    graph = nx.Graph()
    for show, _, platform, articles, _ in _links(rows, ["streamsOn"]):
        _add_node(graph, rows, show, bipartite=0)
        _add_node(graph, rows, platform, bipartite=1)
        graph.add_edge(show, platform, label="streams on", weight=articles, shows=[rows.label.get(show, show)])
    return graph


def _series(rows: _Rows) -> nx.DiGraph:
    graph = nx.DiGraph()
    seasons: list[str] = []
    for season, _, series, articles, number in _links(rows, ["seasonOf"]):
        _add_node(graph, rows, series)
        _add_node(graph, rows, season)
        if number is not None:
            graph.nodes[season]["season"] = number
        graph.add_edge(series, season, label="has season", weight=articles, shows=[rows.label.get(season, season)])
        seasons.append(season)
    cast = _cast(rows)
    for season in seasons:
        for person in sorted(cast.get(season, ())):
            _add_node(graph, rows, person)
            graph.add_edge(person, season, label="acts in", weight=1, shows=[rows.label.get(season, season)])
    return graph


def _kg(rows: _Rows) -> nx.DiGraph:
    graph = nx.DiGraph()
    for node in sorted(rows.kind):
        _add_node(graph, rows, node)

    def link(a: str, b: str, relation: str, articles: int) -> None:
        _add_node(graph, rows, a)
        _add_node(graph, rows, b)
        if graph.has_edge(a, b):   # e.g. a person who directed a show and acts in it: one edge, both labels
            data = graph.edges[a, b]
            if relation not in data["label"].split("; "):
                data["label"] = "; ".join(sorted([*data["label"].split("; "), relation]))
            data["weight"] = max(data["weight"], articles)
        else:
            graph.add_edge(a, b, label=relation, weight=articles)

    for row in sorted(rows.performances, key=lambda r: (r["performer"], r["show"] or "", r["character"] or "")):
        person, show, character = row["performer"], row["show"], row["character"]
        if show is not None:
            link(person, show, "acts in", row["articles"])
        if character is not None:
            link(person, character, "plays", row["articles"])
            if show is not None:
                link(character, show, "character in", row["articles"])
    for subject, prop, obj, articles, _ in _links(rows, ["streamsOn", "seasonOf", "director", "writer"]):
        if prop in (DG + "director", DG + "writer"):
            link(obj, subject, _LINK_LABELS[prop], articles)    # person -> show reads "directed", "wrote"
        else:
            link(subject, obj, _LINK_LABELS[prop], articles)
    return graph


# -- analysis ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked:
    label: str
    kind: str
    iri: str
    value: float


@dataclass(frozen=True)
class Community:
    size: int
    members: tuple[str, ...]       # labels, sorted


@dataclass(frozen=True)
class Analysis:
    """What ``analyse`` measured on one view."""

    view: str
    nodes: int
    edges: int
    density: float
    components: int
    largest_component: int
    kinds: dict[str, int]
    degree: tuple[Ranked, ...]
    betweenness: tuple[Ranked, ...]
    betweenness_samples: int | None   # None when exact
    pagerank: tuple[Ranked, ...]
    communities: tuple[Community, ...]
    platforms: tuple[dict[str, Any], ...]   # {"platform", "shows", "people"}
    backend: str
    seconds: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def installed_backend() -> str | None:
    """The first networkx backend of nx-parallel and graphblas that is installed, if any."""
    try:
        from networkx.utils.backends import backends
    except ImportError:   # networkx without dispatching
        return None
    return next((name for name in ("parallel", "graphblas") if name in backends), None)


@contextmanager
def _dispatch(backend: str | None) -> Iterator[None]:
    # algorithms the backend does not implement fall back to networkx itself
    if backend is None:
        yield
        return
    with nx.config(backend_priority=[backend], fallback_to_nx=True):
        yield


def _ranking(graph: nx.Graph, scores: dict[str, float], top: int) -> tuple[Ranked, ...]:
    """The ``top`` nodes by score (zeros left out: they rank nothing), ties by label."""
    nodes = graph.nodes
    scored = ((n, v) for n, v in scores.items() if v > 0)
    best = sorted(scored, key=lambda item: (-item[1], nodes[item[0]].get("label", ""), item[0]))[:top]
    return tuple(Ranked(nodes[n].get("label", n), nodes[n].get("kind", ""), n, round(float(v), 6))
                 for n, v in best)


def analyse(store: Queryable, view_name: str = "costar", options: AnalyseOptions | None = None) -> Analysis:
    """Build the view ``view_name`` from ``store`` and measure it (see ``measure``)."""
    if view_name not in VIEWS:
        raise AnalyseError(f"unknown view {view_name!r}; choose from {', '.join(VIEWS)}")
    started = time.perf_counter()
    rows = _read(store, with_sentences=False)
    graph = build_view(rows, view_name)
    built = round(time.perf_counter() - started, 3)
    result = measure(graph, options, platforms=platform_counts(rows))
    result.seconds["build"] = built
    return result


def measure(graph: nx.Graph, options: AnalyseOptions | None = None,
            platforms: tuple[dict[str, Any], ...] = ()) -> Analysis:
    """Size, components, density, rankings and communities of a view.  A directed view is measured as
    undirected: the questions are who is connected to whom and who bridges groups."""
    options = options or AnalyseOptions()
    backend = options.backend or installed_backend()
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    n = undirected.number_of_nodes()
    seconds: dict[str, float] = {}

    def timed(name: str, func: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        result = func(*args, **kwargs)
        seconds[name] = round(time.perf_counter() - started, 3)
        return result

    components = timed("components", lambda: sorted((len(c) for c in nx.connected_components(undirected)),
                                                    reverse=True))
    samples = options.betweenness_samples if n > options.exact_betweenness_up_to else None
    with _dispatch(backend):
        degree = timed("degree", lambda: dict(undirected.degree()))
        between = timed("betweenness", nx.betweenness_centrality, undirected,
                        k=min(samples, n) if samples else None, seed=options.seed) if n else {}
        rank = timed("pagerank", nx.pagerank, undirected, weight="weight") if n else {}
        found = timed("communities", nx.community.louvain_communities, undirected, weight="weight",
                      seed=options.seed) if n else []
    label = {node: data.get("label", node) for node, data in graph.nodes(data=True)}
    communities = sorted((Community(len(c), tuple(sorted(label[m] for m in c))) for c in found if len(c) > 1),
                         key=lambda c: (-c.size, c.members))
    return Analysis(
        view=graph.graph.get("view", ""), nodes=n, edges=undirected.number_of_edges(),
        density=round(nx.density(undirected), 6) if n else 0.0, components=len(components),
        largest_component=components[0] if components else 0,
        kinds=dict(sorted(Counter(k for _, k in graph.nodes(data="kind")).items())),
        degree=_ranking(graph, degree, options.top), betweenness=_ranking(graph, between, options.top),
        betweenness_samples=min(samples, n) if samples else None, pagerank=_ranking(graph, rank, options.top),
        communities=tuple(communities[: options.top]), platforms=platforms, backend=backend or "networkx",
        seconds=seconds)


def platform_counts(rows: _Rows) -> tuple[dict[str, Any], ...]:
    """Each platform with its number of shows and of people acting in them, most shows first."""
    cast = _cast(rows)
    shows: dict[str, set[str]] = defaultdict(set)
    for show, _, platform, _, _ in _links(rows, ["streamsOn"]):
        shows[platform].add(show)
    counts = [{"platform": rows.label.get(p, p), "shows": len(s),
               "people": len(set().union(*(cast.get(show, set()) for show in s)))} for p, s in shows.items()]
    return tuple(sorted(counts, key=lambda c: (-c["shows"], c["platform"])))


# -- degrees of separation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Chain:
    """The shortest chain of co-stars from one person to another."""

    people: tuple[str, ...]                 # labels, from the first person to the second
    shows: tuple[tuple[str, ...], ...]      # for each step, the shows the two people share

    @property
    def degrees(self) -> int:
        return len(self.people) - 1

    def as_dict(self) -> dict[str, Any]:
        return {"people": list(self.people), "degrees": self.degrees,
                "steps": [{"from": a, "to": b, "shows": list(s)}
                          for a, b, s in zip(self.people, self.people[1:], self.shows, strict=False)]}


def path(store: Queryable, first: str, second: str) -> Chain:
    """The shortest chain of people, and the shows linking each step, from ``first`` to ``second`` on the
    co-star view.  Names match as ingest matches them ("Seung-ho Tak" finds Tak Seung-ho)."""
    rows = _read(store, with_sentences=False)
    graph = build_view(rows, "costar")
    starts, ends = _people(store, rows, graph, first), _people(store, rows, graph, second)
    best: list[str] | None = None
    for a, b in itertools.product(starts, ends):
        try:
            found = nx.shortest_path(graph, a, b)
        except nx.NetworkXNoPath:
            continue
        if best is None or len(found) < len(best):
            best = found
    if best is None:
        raise AnalyseError(f"no chain of co-stars links {first!r} and {second!r}")
    names = graph.nodes
    return Chain(people=tuple(names[n]["label"] for n in best),
                 shows=tuple(tuple(graph.edges[a, b]["shows"]) for a, b in zip(best, best[1:], strict=False)))


def _people(store: Queryable, rows: _Rows, graph: nx.Graph, name: str) -> list[str]:
    found = [node for node in find_nodes(store, name) if rows.kind.get(node) == "person"]
    people = [node for node in found if node in graph]
    if people:
        return people
    if found:   # a director or writer, or an actor with no show named
        raise AnalyseError(f"{rows.label.get(found[0], name)} acts in no show, so has no co-stars")
    raise AnalyseError(f"no person called {name!r} in the graph")
