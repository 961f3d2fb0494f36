"""Requests and wall time of ``dramagraph enrich`` for N = 1,000 entities against a local Virtuoso.

A seeded RNG makes a graph of shows, people and platforms (the people in the casts of the shows; the store
is written directly with ``Store.write_articles``, one graph per show, as ingest would shape it) and the
Wikidata-shaped RDF of the same entities (fictional Q-ids from Q980000000; P31 classes, P106, P161 with
P453, P449, P1113, labels and descriptions; one homonym per ten people).  A Virtuoso server
(``tests/virtuoso.py``) on 127.0.0.1 holds the RDF.  The script then runs ``dramagraph.enrich.enrich``
twice with a fresh cache: the first run's requests per fact family must stay within ceil(N/50) each, and
the second run must send none.

    python3 benchmarks/enrich.py                 # N = 1,000
    python3 benchmarks/enrich.py --entities 5000 --json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import dramagraph  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from rdflib import Literal, URIRef  # noqa: E402
from rdflib.namespace import RDF, RDFS  # noqa: E402

from dramagraph.enrich import enrich  # noqa: E402
from dramagraph.mapping import DEFAULT_BASE, DG, person_segment, title_segment  # noqa: E402
from dramagraph.store import Store  # noqa: E402
from dramagraph.wikidata import ClientOptions, WikidataClient, sparql_literal  # noqa: E402

SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo",
            "Shin", "Kwon", "Hwang", "Ahn", "Song", "Jeon", "Hong"]
SYLLABLES = ["min", "ji", "seo", "ha", "yu", "jin", "woo", "hyun", "soo", "young", "eun", "jae", "hee", "do",
             "yoon", "tae", "ra", "bin", "na", "gyu", "chan", "sol", "ho", "kyung"]
WORDS = ["Silver", "Harbor", "Winter", "Moon", "Paper", "Glass", "Iron", "Salt", "Lantern", "River", "Crimson",
         "Quiet", "Golden", "Hidden", "Last", "Blue", "Autumn", "Garden", "Echo", "Stone", "North", "Velvet"]
PLATFORMS = ["Netflix", "Disney+", "TVING", "Wavve", "Coupang Play", "Apple TV+", "Viki", "Prime Video"]


def _virtuoso():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("virtuoso", ROOT / "tests" / "virtuoso.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VirtuosoServer


def make(n: int, seed: int = 7) -> tuple[list[tuple[str, list]], str, int]:
    """The store's graphs, the Wikidata-shaped Turtle, and the number of entities."""
    rng = random.Random(seed)
    shows_n = max(1, n // 5)
    people_n = n - shows_n - len(PLATFORMS)
    titles: list[str] = []
    while len(titles) < shows_n:
        title = " ".join(rng.sample(WORDS, 2)) + " " + rng.choice(["Diaries", "Road", "Club", "Street", "Days",
                                                                    "Letters", "House", "Signal"])
        if title not in titles and not any(title_segment(t) == title_segment(title) for t in titles[-50:]):
            titles.append(title)
    people: list[str] = []
    keys: set[str] = set()
    while len(people) < people_n:
        given = rng.choice(SYLLABLES).capitalize() + "-" + rng.choice(SYLLABLES)
        name = f"{rng.choice(SURNAMES)} {given}"
        if person_segment(name) not in keys:
            keys.add(person_segment(name))
            people.append(name)
    ttl = ["@prefix wd: <http://www.wikidata.org/entity/> .", "@prefix wdt: <http://www.wikidata.org/prop/direct/> .",
           "@prefix p: <http://www.wikidata.org/prop/> .", "@prefix ps: <http://www.wikidata.org/prop/statement/> .",
           "@prefix pq: <http://www.wikidata.org/prop/qualifier/> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", "@prefix schema: <http://schema.org/> .",
           "wd:Q5398426 rdfs:label \"television series\"@en .", "wd:Q10798782 wdt:P279 wd:Q33999 .",
           "wd:Q15265344 wdt:P279 wd:Q43229 ."]
    qid = iter(range(980000000, 990000000))
    person_q = {}
    for name in people:
        q = person_q[name] = next(qid)
        ttl.append(f"wd:Q{q} rdfs:label {sparql_literal(name, 'en')} ; schema:description \"actor\"@en ; "
                   f"wdt:P31 wd:Q5 ; wdt:P106 wd:Q10798782 .")
        if rng.random() < 0.1:   # a namesake who is not an actor
            ttl.append(f"wd:Q{next(qid)} rdfs:label {sparql_literal(name, 'en')} ; wdt:P31 wd:Q5 .")
    platform_q = {}
    for name in PLATFORMS:
        q = platform_q[name] = next(qid)
        ttl.append(f"wd:Q{q} rdfs:label {sparql_literal(name, 'en')} ; wdt:P31 wd:Q15265344 .")
    graphs: list[tuple[str, list]] = []
    base = DEFAULT_BASE
    for i, title in enumerate(titles):
        q = next(qid)
        show = URIRef(f"{base}show/{title_segment(title)}")
        platform = rng.choice(PLATFORMS)
        pnode = URIRef(f"{base}platform/{title_segment(platform)}")
        cast = people[i * people_n // shows_n:(i + 1) * people_n // shows_n] or [rng.choice(people)]
        triples = [(show, RDF.type, DG.Show), (show, RDFS.label, Literal(title)), (show, DG.streamsOn, pnode),
                   (pnode, RDF.type, DG.Platform), (pnode, RDFS.label, Literal(platform)),
                   (show, DG.numberOfEpisodes, Literal(rng.choice([8, 12, 16])))]
        statements = []
        for j, name in enumerate(cast):
            person = URIRef(f"{base}person/{person_segment(name)}")
            perf = URIRef(f"{base}performance/b{i}-{j}")
            triples += [(person, RDF.type, DG.Person), (person, RDFS.label, Literal(name)),
                        (perf, DG.performer, person), (perf, DG.inShow, show)]
            role = next(qid)
            statements.append(f"wd:Q{q} wdt:P161 wd:Q{person_q[name]} ; p:P161 <http://www.wikidata.org/entity/"
                              f"statement/Q{q}-{j}> . <http://www.wikidata.org/entity/statement/Q{q}-{j}> "
                              f"ps:P161 wd:Q{person_q[name]} ; pq:P453 wd:Q{role} . "
                              f"wd:Q{role} rdfs:label \"Role {i}-{j}\"@en .")
        graphs.append((f"{base}article/bench-{i}", triples))
        ttl.append(f"wd:Q{q} rdfs:label {sparql_literal(title, 'en')} ; wdt:P31 wd:Q5398426 ; "
                   f"wdt:P449 wd:Q{platform_q[platform]} ; wdt:P1113 {rng.choice([8, 12, 16])} .")
        ttl += statements
    return graphs, "\n".join(ttl) + "\n", shows_n + people_n + len(PLATFORMS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    graphs, ttl, entities = make(args.entities)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with _virtuoso()(folder / "virtuoso") as server:
            request = urllib.request.Request(server.graph_store_url + "?graph-uri=urn:bench:wikidata", method="PUT",
                                             data=ttl.encode(), headers={"Content-Type": "text/turtle"})
            urllib.request.urlopen(request, timeout=300).close()
            results = []
            with Store(folder / "store") as store:
                store.write_articles(graphs)
                for run in (1, 2):
                    client = WikidataClient(ClientOptions(endpoint=server.sparql_url, cache_dir=folder / "cache"))
                    started = time.perf_counter()
                    report = enrich(store, client)
                    results.append({"run": run, "seconds": round(time.perf_counter() - started, 2),
                                    "entities": entities, "linked": report.count("linked"),
                                    "ambiguous": report.count("ambiguous"), "unmatched": report.count("unmatched"),
                                    "requests": report.requests, "cache_hits": report.cache_hits,
                                    "requests_by_family": report.requests_by_family,
                                    "wikidata_triples": report.facts})
    limit = math.ceil(entities / 50)
    ok = all(n <= limit for n in results[0]["requests_by_family"].values()) and results[1]["requests"] == 0
    if args.json:
        print(json.dumps({"results": results, "limit_per_family": limit, "ok": ok}, indent=2))
        return
    first, second = results
    print(f"N = {entities:,} entities ({first['linked']:,} linked, {first['ambiguous']} ambiguous, "
          f"{first['unmatched']} unmatched; {first['wikidata_triples']:,} Wikidata triples stored)")
    print(f"{'family':12} requests  (limit ceil(N/50) = {limit})")
    for family, count in first["requests_by_family"].items():
        print(f"{family:12} {count:8}")
    print(f"first run:  {first['requests']} requests, {first['cache_hits']} cache hits, {first['seconds']:.2f} s")
    print(f"second run: {second['requests']} requests, {second['cache_hits']} cache hits, {second['seconds']:.2f} s")
    print("OK" if ok else "FAILED: a family went over its limit, or the second run sent requests")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
