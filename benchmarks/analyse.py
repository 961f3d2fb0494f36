"""The co-star view and its analysis on a synthetic graph of 100,000 people and 20,000 shows.

The store is generated directly, not through ingest (which would take long at this size): one named graph
per show, written with ``Store.write_articles`` into an on-disk Oxigraph store in a temporary folder.  Each
graph holds what ingest would write for a show's cast: the show (type, label, platform) and, per cast
member, the person (type, label) and a performance (performer, show).  Casts have 4 to 10 people; every
person acts at least once and about 40,000 extra parts go to a popular few (weights falling as 1/rank^0.8),
so the graph has hubs and a giant component as real casts do.  A seeded RNG makes every run the same.

It then runs what ``dramagraph analyse --view costar`` runs (``dramagraph.analyse.analyse``) and prints
the time of each step and the peak RSS.

    python3 benchmarks/analyse.py                          # 100,000 people, 20,000 shows
    python3 benchmarks/analyse.py --people 10000 --shows 2000
    python3 benchmarks/analyse.py --json
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import dramagraph  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from rdflib import Literal, URIRef  # noqa: E402

from dramagraph.analyse import AnalyseOptions, analyse  # noqa: E402
from dramagraph.mapping import (  # noqa: E402
    DEFAULT_BASE,
    IN_SHOW,
    PERFORMER,
    PERSON,
    RDF_TYPE,
    RDFS_LABEL,
    SHOW,
    STREAMS_ON,
)
from dramagraph.store import Store  # noqa: E402

PLATFORMS = ("Netflix", "Disney+", "Apple TV+", "Prime Video", "TVING", "Viki", "Coupang Play", "Wavve")


def casts(people: int, shows: int, seed: int) -> list[list[int]]:
    """For each show, the people (numbers) in its cast."""
    rng = random.Random(seed)
    sizes = [rng.randint(4, 10) for _ in range(shows)]
    everyone = list(range(people))
    rng.shuffle(everyone)
    extra = max(0, sum(sizes) - people)
    weights = list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(people)))
    parts = everyone + rng.choices(range(people), cum_weights=weights, k=extra)
    rng.shuffle(parts)
    out, start = [], 0
    for size in sizes:
        out.append(sorted(set(parts[start:start + size])))
        start += size
    return out


def generate(store: Store, people: int, shows: int, seed: int, batch: int = 2_000) -> int:
    """Write one article graph per show; returns the number of triples."""
    base = DEFAULT_BASE
    platforms = [(URIRef(f"{base}platform/p{i}"), Literal(name)) for i, name in enumerate(PLATFORMS)]
    person = [URIRef(f"{base}person/p{i}") for i in range(people)]
    triples = 0
    pending: list[tuple[str, list[tuple[URIRef, URIRef, URIRef | Literal]]]] = []
    for number, cast in enumerate(casts(people, shows, seed)):
        show = URIRef(f"{base}show/s{number}")
        platform, platform_name = platforms[number % len(platforms)]
        graph = [(show, RDF_TYPE, SHOW), (show, RDFS_LABEL, Literal(f"Show {number}")),
                 (show, STREAMS_ON, platform), (platform, RDFS_LABEL, platform_name)]
        for member in cast:
            performance = URIRef(f"{base}performance/s{number}-p{member}")
            graph += [(person[member], RDF_TYPE, PERSON), (person[member], RDFS_LABEL, Literal(f"Person {member}")),
                      (performance, PERFORMER, person[member]), (performance, IN_SHOW, show)]
        triples += len(graph)
        pending.append((f"{base}article/show-{number}", graph))
        if len(pending) == batch:
            store.write_articles(pending)
            pending = []
    store.write_articles(pending)
    return triples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--shows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dramagraph-bench-") as folder:
        started = time.perf_counter()
        with Store(Path(folder) / "store") as store:
            triples = generate(store, args.people, args.shows, args.seed)
        generated = time.perf_counter() - started
        rss_store = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        with Store(Path(folder) / "store", read_only=True) as store:
            started = time.perf_counter()
            result = analyse(store, "costar", AnalyseOptions(top=10))
            total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"people": args.people, "shows": args.shows, "triples": triples, "generate_s": round(generated, 2),
               "nodes": result.nodes, "edges": result.edges, "components": result.components,
               "largest_component": result.largest_component, "communities_over_1": len(result.communities),
               "betweenness_samples": result.betweenness_samples, "backend": result.backend,
               "seconds": result.seconds, "analyse_total_s": round(total, 2),
               "peak_rss_mb_after_generate": round(rss_store), "peak_rss_mb": round(peak)}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"store: {args.people:,} people, {args.shows:,} shows, {triples:,} triples generated in {generated:.1f} s "
          f"(peak RSS {rss_store:,.0f} MB)")
    print(f"co-star view: {result.nodes:,} nodes, {result.edges:,} edges, {result.components:,} components "
          f"(largest {result.largest_component:,}); backend {result.backend}")
    for step in ("build", "components", "degree", "betweenness", "pagerank", "communities"):
        note = f"  (k={result.betweenness_samples} sampled sources)" if step == "betweenness" else ""
        print(f"  {step:12} {result.seconds.get(step, 0.0):8.2f} s{note}")
    print(f"  {'total':12} {total:8.2f} s")
    print(f"peak RSS {peak:,.0f} MB")


if __name__ == "__main__":
    main()
