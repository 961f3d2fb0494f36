"""The benchmark suite: one command, one table (or ``--json``).

    python3 benchmarks/run.py                          # ingest at 1,000 and 10,000 articles; queries on ~1M triples
    python3 benchmarks/run.py --sizes 1000,10000,100000
    python3 benchmarks/run.py --sizes 100000 --triples 0   # the ingest rows alone
    python3 benchmarks/run.py --quick                  # 1,000 articles, queries on ~100,000 triples
    python3 benchmarks/run.py --json

What it measures, each part in a FRESH subprocess so that peak RSS belongs to one measurement:

- ingest: ``dramagraph.pipeline.ingest`` (what ``dramagraph ingest`` runs) of N synthetic reviews (the
  generator of ``benchmarks/ingest.py``) into an on-disk store, with ``jobs=1`` and ``jobs=2``: articles/s,
  articles/s per job, peak RSS (the largest of the parent and its worker processes), the store's size on
  disk, and a second run over the same inputs (every one unchanged, so skipped by content hash);
- the graph: a store of about ``--triples`` triples (synthetic reviews ingested with two jobs), exported as
  N-Quads and bulk-loaded into a fresh store (load time, size on disk), and the same N-Quads parsed into
  rdflib's in-memory ``Dataset``;
- queries: every ``queries/*.rq`` (parameters taken from the graph) on the Oxigraph store and on the rdflib
  ``Dataset`` (union default graph, the same bindings) in the same run, each in a forked child that gets
  ``--timeout`` seconds (neither engine can cancel a query); a query not finished by then shows as ``>``;
- export (Turtle, N-Quads; the co-star networkx view written as GraphML) and ``dramagraph.analyse``;
- start-up: ``dramagraph --help`` and ``dramagraph stats`` as new processes (median of several runs).

Targets printed next to the figures: at least 500 articles/s per core, peak RSS flat in N, the shipped
queries at least 10 times faster on Oxigraph than on rdflib's in-memory store, ``--help`` within 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
try:
    import dramagraph  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from ingest import write_articles  # noqa: E402  (the synthetic review generator)

TARGET_RATE = 500          # articles/s per core
TARGET_QUERY_RATIO = 10    # Oxigraph at least this many times faster than rdflib's memory store
TARGET_HELP = 0.3          # seconds


def _peak_rss_mb() -> float:
    """The largest resident set of this process and of any child it waited for (kilobytes on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


# -- workers: each runs in its own process ------------------------------------------------------------


def work_ingest(folder: Path, store_path: Path, jobs: int) -> dict[str, Any]:
    from dramagraph.pipeline import IngestOptions, ingest
    from dramagraph.store import Store

    options = IngestOptions(jobs=jobs)
    started = time.perf_counter()
    with Store(store_path) as store:
        report = ingest([folder], store, options)
        quads = len(store)
    seconds = time.perf_counter() - started
    peak = _peak_rss_mb()
    started = time.perf_counter()
    with Store(store_path) as store:
        again = ingest([folder], store, options)
    return {"jobs": jobs, "articles": report.articles, "failed": len(report.failed), "quads": quads,
            "seconds": seconds, "peak_rss_mb": peak, "disk_mb": _disk_mb(store_path),
            "skipped": again.skipped, "skip_seconds": time.perf_counter() - started}


def _parameters(store: Any) -> dict[str, Any]:
    """Values for the shipped queries' parameters, taken from the graph: its busiest person and show."""
    from rdflib import URIRef

    person = store.select("SELECT ?node (SAMPLE(?label) AS ?name) (COUNT(*) AS ?n) WHERE { "
                          "?perf dg:performer ?node . ?node rdfs:label ?label } GROUP BY ?node "
                          "ORDER BY DESC(?n) LIMIT 1")[0]
    show = store.select("SELECT (SAMPLE(?label) AS ?title) (COUNT(*) AS ?n) WHERE { "
                        "?perf dg:inShow ?node . ?node rdfs:label ?label } GROUP BY ?node ORDER BY DESC(?n) LIMIT 1")
    series = store.select("SELECT ?title WHERE { ?s a dg:Series ; rdfs:label ?title } LIMIT 1")
    title = show[0]["title"]
    return {"show": title, "person": person["name"], "name": person["name"], "node": URIRef(person["node"]),
            "series": series[0]["title"] if series else title, "threshold": "0.8"}


def _timed_in_child(run: Any, timeout: float) -> tuple[float | None, int]:
    """``run()`` (returning a row count) timed in a forked child, stopped at ``timeout``: neither engine can
    cancel a query, and the child shares the parent's loaded data copy-on-write.  (None, -1) on timeout."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child_main() -> None:
        started = time.perf_counter()
        try:
            rows = run()
        except Exception as err:  # e.g. a regular expression the engine does not support
            send.send((None, f"{type(err).__name__}: {err}"))
            return
        send.send((time.perf_counter() - started, rows))

    child = context.Process(target=child_main, daemon=True)
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, -1
    if not receive.poll():
        return None, f"the query process died (exit code {child.exitcode})"
    return receive.recv()


def _oxigraph_query(store_path: Path, text: str, bindings: dict[str, Any], timeout: float) -> tuple[float | None, int]:
    from dramagraph.store import Store

    fmt = "nt" if "CONSTRUCT" in text else "json"

    def run() -> int:
        with Store(store_path, read_only=True) as store:   # opened in the child, before the clock starts
            times = []
            for _ in range(3):
                started = time.perf_counter()
                size = len(store.query_serialized(text, fmt, bindings))
                times.append(time.perf_counter() - started)
                if times[-1] > 1:
                    break
        return size, statistics.median(times)

    seconds, result = _timed_in_child(run, timeout)
    if seconds is None:
        return None, result   # -1 (timed out) or why it failed
    return result[1], result[0]


def _rdflib_query(dataset: Any, text: str, bindings: dict[str, Any], timeout: float) -> tuple[float | None, int]:
    from rdflib import Literal, Variable

    from dramagraph.queries import derived_bindings, inline_keys, inline_numbers
    from dramagraph.store import PREFIXES

    # the match keys too (# match:), as dramagraph binds them for any store: the queries compute them with
    # \p{...} classes only when they are unbound, and rdflib's Python re has none
    bindings = derived_bindings(text, bindings)
    text = inline_keys(inline_numbers(text, bindings), bindings)   # the same text as dramagraph runs on Oxigraph
    init = {Variable(k): v if not isinstance(v, str) else Literal(v) for k, v in bindings.items()}
    return _timed_in_child(lambda: len(list(dataset.query(text, initNs=PREFIXES, initBindings=init))), timeout)


def work_graph(folder: Path, tmp: Path, timeout: float) -> dict[str, Any]:
    from dramagraph.analyse import analyse, view
    from dramagraph.export import export
    from dramagraph.pipeline import IngestOptions, ingest
    from dramagraph.queries import available
    from dramagraph.store import Store

    out: dict[str, Any] = {}
    clock = time.perf_counter
    source = tmp / "source-store"
    started = clock()
    with Store(source) as store:
        report = ingest([folder], store, IngestOptions(jobs=2))
    out["ingest_seconds"], out["articles"] = clock() - started, report.articles

    nquads, turtle = tmp / "graph.nq", tmp / "graph.ttl"
    with Store(source, read_only=True) as store:
        started = clock()
        with nquads.open("wb") as handle:
            store.dump(handle, "nquads")
        out["export_nquads_seconds"] = clock() - started
        started = clock()
        with turtle.open("wb") as handle:
            store.dump(handle, "turtle")
        out["export_turtle_seconds"] = clock() - started

    # the store's load time: the whole graph's N-Quads into a fresh store (Oxigraph's bulk loader)
    import pyoxigraph as ox

    loaded = tmp / "loaded-store"
    started = clock()
    fresh = ox.Store(str(loaded))
    fresh.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    fresh.flush()
    out["load_seconds"] = clock() - started
    out["quads"] = len(fresh)
    del fresh
    out["disk_mb"] = _disk_mb(loaded)
    out["nquads_mb"] = nquads.stat().st_size / 1024 / 1024

    with Store(loaded, read_only=True) as store:
        started = clock()
        graph = view(store, "costar")
        out["view_seconds"] = clock() - started
        started = clock()
        export(graph, tmp / "costar.graphml", "graphml")
        out["export_graphml_seconds"] = clock() - started
        out["view_nodes"], out["view_edges"] = graph.number_of_nodes(), graph.number_of_edges()
        del graph
        started = clock()
        analyse(store, "costar")
        out["analyse_seconds"] = clock() - started

    out.update(time_queries(loaded, nquads, available(), timeout, {}))
    return out


def time_queries(store_path: Path, nquads: Path, named: list[Any], timeout: float,
                 rdflib_timeouts: dict[str, float]) -> dict[str, Any]:
    """Each query of ``named`` on the store at ``store_path`` and on rdflib's ``Dataset`` of ``nquads``
    (the same graph), with parameters taken from the graph; rdflib gets ``rdflib_timeouts[name]`` (or
    ``rdflib_timeouts["*"]``) seconds where given, else ``timeout``."""
    from dramagraph.store import Store

    out: dict[str, Any] = {}
    with Store(store_path, read_only=True) as store:
        params = _parameters(store)
    queries = []
    for query in named:
        bindings = {name: params[name] for name, _ in query.params}
        seconds, size = _oxigraph_query(store_path, query.text, bindings, timeout)
        queries.append({"query": query.name, "oxigraph_seconds": seconds, "oxigraph_bytes": size,
                        "text": query.text, "bindings": bindings})
    out["oxigraph_peak_rss_mb"] = _peak_rss_mb()

    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    out["rdflib_load_seconds"] = time.perf_counter() - started
    for query in queries:
        cap = rdflib_timeouts.get(query["query"], rdflib_timeouts.get("*", timeout))
        seconds, rows = _rdflib_query(dataset, query.pop("text"), query.pop("bindings"), cap)
        query["rdflib_seconds"], query["rdflib_rows"], query["rdflib_timeout"] = seconds, rows, cap
    out["queries"] = queries
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def work_queries(store_path: Path, tmp: Path, names: list[str], timeout: float,
                 rdflib_timeouts: dict[str, float]) -> dict[str, Any]:
    """``--queries``: only the named queries, on an existing store (``--store``) or on a fresh graph of
    about ``--triples`` triples; no ingest sizes, exports or analysis."""
    from dramagraph.queries import load
    from dramagraph.store import Store

    named = [load(name) for name in names]
    nquads = tmp / "graph.nq"
    with Store(store_path, read_only=True) as store:
        with nquads.open("wb") as handle:
            store.dump(handle, "nquads")
        quads = len(store)
    out = {"quads": quads, "store": str(store_path)}
    out.update(time_queries(store_path, nquads, named, timeout, rdflib_timeouts))
    return out


def work_startup(store_path: Path, runs: int) -> dict[str, Any]:
    def median_run(*args: str) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, *args], capture_output=True, check=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    return {"python_seconds": median_run("-c", "pass"),
            "help_seconds": median_run("-m", "dramagraph.cli", "--help"),
            "stats_seconds": median_run("-m", "dramagraph.cli", "stats", "--store", str(store_path))}


def worker(args: argparse.Namespace) -> int:
    tmp = Path(args.tmp)
    if args.worker == "ingest":
        result = work_ingest(Path(args.folder), tmp / f"store-{args.jobs}", args.jobs)
    elif args.worker == "graph":
        result = work_graph(Path(args.folder), tmp, args.timeout)
    elif args.worker == "queries":
        result = work_queries(Path(args.folder), tmp, args.queries.split(","), args.timeout,
                              _rdflib_timeouts(args.rdflib_timeout))
    else:
        result = work_startup(Path(args.folder), args.runs)
    print(json.dumps(result))
    return 0


# -- the driver ---------------------------------------------------------------------------------------


def _spawn(kind: str, folder: Path, tmp: Path, args: argparse.Namespace, jobs: int = 1) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--folder", str(folder),
               "--tmp", str(tmp), "--jobs", str(jobs), "--timeout", str(args.timeout),
               "--runs", str(args.runs), "--queries", args.queries or "",
               "--rdflib-timeout", args.rdflib_timeout or ""]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cores() -> int:
    from dramagraph.pipeline import cpu_count

    return cpu_count()


def _rdflib_timeouts(spec: str | None) -> dict[str, float]:
    """``--rdflib-timeout``: ``120`` (every query) or ``names=120,mentions=300`` (those queries), or both."""
    caps: dict[str, float] = {}
    for item in (spec or "").split(","):
        if item.strip():
            name, _, seconds = item.rpartition("=")
            caps[name.strip() or "*"] = float(seconds)
    return caps


def measure_queries(args: argparse.Namespace) -> dict[str, Any]:
    """``--queries``: the named queries alone on the ~1M-triple graph (or on ``--store``)."""
    from dramagraph.queries import available, load

    names = [n.strip() for n in args.queries.split(",") if n.strip()]
    if names == ["all"]:
        names = [q.name for q in available()]
    for name in names:
        load(name)   # an unknown name fails here, before any graph is built
    args.queries = ",".join(names)
    results: dict[str, Any] = {"cores": _cores(), "python": platform.python_version(), "timeout": args.timeout}
    with tempfile.TemporaryDirectory(prefix="dramagraph-bench-") as tmp_name:
        tmp = Path(tmp_name)
        store = Path(args.store) if args.store else None
        if store is None:
            count = max(100, args.triples // 170)
            folder = tmp / "graph-articles"
            folder.mkdir()
            write_articles(folder, count, args.seed + 1)
            _log(f"graph: {count:,} articles to about {args.triples:,} triples ...")
            from dramagraph.pipeline import IngestOptions, ingest
            from dramagraph.store import Store

            store = tmp / "store"
            with Store(store) as opened:
                ingest([folder], opened, IngestOptions(jobs=2))
        _log(f"queries {args.queries} on Oxigraph and rdflib ...")
        results["queries_only"] = _spawn("queries", store, tmp, args)
    return results


def measure(args: argparse.Namespace) -> dict[str, Any]:
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results: dict[str, Any] = {"cores": _cores(), "python": platform.python_version(), "timeout": args.timeout,
                               "ingest": []}
    with tempfile.TemporaryDirectory(prefix="dramagraph-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for size in sizes:
            folder = tmp / f"articles-{size}"
            folder.mkdir()
            write_articles(folder, size, args.seed)
            for jobs in (1, 2):
                _log(f"ingest: {size:,} articles, {jobs} job{'s' * (jobs > 1)} ...")
                work = tmp / f"work-{size}-{jobs}"
                work.mkdir()
                results["ingest"].append({"n": size, **_spawn("ingest", folder, work, args, jobs)})
            if size != max(sizes):
                subprocess.run(["rm", "-rf", str(folder)], check=True)
        if args.triples <= 0:   # ingest only (e.g. a long 100,000-article run on its own)
            return results
        # about --triples triples: the generator's reviews give about 170 quads each
        count = max(100, args.triples // 170)
        folder = tmp / "graph-articles"
        folder.mkdir()
        write_articles(folder, count, args.seed + 1)
        _log(f"graph: {count:,} articles to about {args.triples:,} triples, loads, exports, analysis, "
             f"queries on Oxigraph and rdflib (up to {args.timeout:g} s each) ...")
        work = tmp / "graph"
        work.mkdir()
        results["graph"] = _spawn("graph", folder, work, args)
        _log("start-up ...")
        results["startup"] = _spawn("startup", work / "loaded-store", work, args)
    return results


def _fmt_seconds(value: float | None, timeout: float, failure: Any = -1) -> str:
    if value is None:
        return f"> {timeout:g} s" if failure == -1 else "fails"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def print_table(results: dict[str, Any], timeout: float) -> None:
    cores = results["cores"]
    print(f"dramagraph benchmarks: {cores} CPU core{'s' * (cores != 1)}, Python {results['python']}")
    print()
    print(f"ingest (target: >= {TARGET_RATE} articles/s per core, peak RSS flat in N)")
    header = (f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'art/s':>7} {'art/s/job':>9} {'target':>6} "
              f"{'peak RSS MB':>11} {'quads':>10} {'store MB':>8} {'re-run (skip) s':>15} {'skip art/s':>10}")
    print(header)
    print("-" * len(header))
    for row in results["ingest"]:
        rate = row["articles"] / row["seconds"]
        per_job = rate / row["jobs"]
        skip_rate = row["skipped"] / row["skip_seconds"] if row["skip_seconds"] else 0
        print(f"{row['n']:>9,} {row['jobs']:>4} {row['seconds']:>8.2f} {rate:>7.0f} {per_job:>9.0f} "
              f"{'ok' if per_job >= TARGET_RATE else 'MISS':>6} {row['peak_rss_mb']:>11.0f} {row['quads']:>10,} "
              f"{row['disk_mb']:>8.1f} {row['skip_seconds']:>15.2f} {skip_rate:>10.0f}")
        if row["failed"]:
            print(f"    {row['failed']} articles failed")
    for jobs in (1, 2):
        peaks = [r["peak_rss_mb"] for r in results["ingest"] if r["jobs"] == jobs]
        if len(peaks) > 1:
            growth = peaks[-1] / peaks[0]
            print(f"peak RSS with {jobs} job{'s' * (jobs > 1)}: {peaks[0]:.0f} MB -> {peaks[-1]:.0f} MB "
                  f"(x{growth:.2f} for x{results['ingest'][-1]['n'] / results['ingest'][0]['n']:.0f} articles; "
                  f"{'flat' if growth < 1.5 else 'NOT flat'})")

    if "graph" not in results:
        return
    graph = results["graph"]
    print()
    print(f"graph: {graph['quads']:,} quads from {graph['articles']:,} articles "
          f"(ingested with 2 jobs in {graph['ingest_seconds']:.1f} s)")
    print(f"  store load (bulk, N-Quads {graph['nquads_mb']:.0f} MB): {graph['load_seconds']:.2f} s, "
          f"{graph['quads'] / graph['load_seconds']:,.0f} quads/s; on disk {graph['disk_mb']:.0f} MB")
    print(f"  rdflib Dataset load (same N-Quads): {graph['rdflib_load_seconds']:.2f} s "
          f"; peak RSS with it {graph['peak_rss_mb']:.0f} MB "
          f"(Oxigraph alone {graph['oxigraph_peak_rss_mb']:.0f} MB)")
    print(f"  export: N-Quads {graph['export_nquads_seconds']:.2f} s, Turtle {graph['export_turtle_seconds']:.2f} s; "
          f"co-star view ({graph['view_nodes']:,} nodes, {graph['view_edges']:,} edges) "
          f"{graph['view_seconds']:.2f} s, as GraphML {graph['export_graphml_seconds']:.2f} s")
    print(f"  analyse (costar: components, degree, betweenness, PageRank, Louvain): {graph['analyse_seconds']:.2f} s")
    print()
    print_query_table(graph, timeout)
    startup = results["startup"]
    print()
    print(f"start-up (median): dramagraph --help {startup['help_seconds']:.3f} s "
          f"({'ok' if startup['help_seconds'] <= TARGET_HELP else 'MISS'}: target <= {TARGET_HELP} s), "
          f"dramagraph stats {startup['stats_seconds']:.3f} s, bare python {startup['python_seconds']:.3f} s")


def print_query_table(graph: dict[str, Any], timeout: float) -> None:
    print(f"queries (target: Oxigraph >= {TARGET_QUERY_RATIO}x rdflib's in-memory Dataset)")
    header = f"{'query':<30} {'Oxigraph':>10} {'rdflib':>10} {'ratio':>8} {'target':>6}"
    print(header)
    print("-" * len(header))
    met = 0
    failures: dict[str, list[str]] = {}
    for q in graph["queries"]:
        ox_s, rl_s = q["oxigraph_seconds"], q["rdflib_seconds"]
        cap = q.get("rdflib_timeout", timeout)
        if ox_s is None:   # Oxigraph itself failed or ran past the timeout: no ratio
            ratio, ok = "-", False
        elif rl_s is None:
            ratio = f">{cap / ox_s:.0f}x" if q["rdflib_rows"] == -1 else "-"
            ok = q["rdflib_rows"] == -1 and cap / ox_s >= TARGET_QUERY_RATIO
        else:
            ratio = f"{rl_s / ox_s:.1f}x"
            ok = rl_s / ox_s >= TARGET_QUERY_RATIO
        for engine, seconds, why in (("Oxigraph", ox_s, q["oxigraph_bytes"]), ("rdflib", rl_s, q["rdflib_rows"])):
            if seconds is None and why != -1:
                failures.setdefault(f"{engine}: {why}", []).append(q["query"])
        met += ok
        print(f"{q['query']:<30} {_fmt_seconds(ox_s, timeout, q['oxigraph_bytes']):>10} "
              f"{_fmt_seconds(rl_s, cap, q['rdflib_rows']):>10} {ratio:>8} {'ok' if ok else 'MISS':>6}")
    for why, names in failures.items():
        print(f"  fails on {why[:160]}: {', '.join(names)}")
    print(f"{met} of {len(graph['queries'])} queries meet the target")


def print_queries_only(results: dict[str, Any]) -> None:
    graph = results["queries_only"]
    cores = results["cores"]
    print(f"dramagraph query benchmarks: {cores} CPU core{'s' * (cores != 1)}, Python {results['python']}; "
          f"{graph['quads']:,} quads; rdflib Dataset load {graph['rdflib_load_seconds']:.1f} s")
    print()
    print_query_table(graph, results["timeout"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default: %(default)s)")
    parser.add_argument("--triples", type=int, default=1_000_000,
                        help="about how many triples the query graph holds; 0: ingest only (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds a query may take on either engine (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each start-up measurement (median)")
    parser.add_argument("--quick", action="store_true", help="1,000 articles; queries on about 100,000 triples")
    parser.add_argument("--seed", type=int, default=20240601, help="RNG seed of the article sets")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    parser.add_argument("--queries", metavar="NAME,NAME",
                        help="only these queries ('all': every one) on the ~--triples graph or on --store, with "
                             "the rdflib comparison; no ingest sizes, exports, analysis or start-up")
    parser.add_argument("--store", metavar="PATH", help="with --queries: time on this existing store (read-only) "
                        "instead of ingesting a fresh graph")
    parser.add_argument("--rdflib-timeout", metavar="SECONDS|NAME=SECONDS,...",
                        help="a longer cap for rdflib: for every query, or per query (e.g. names=120,mentions=300)")
    parser.add_argument("--worker", choices=("ingest", "graph", "startup", "queries"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--table", metavar="RESULTS.json", help="print the table of results saved with --json")
    args = parser.parse_args(argv)
    if args.table:
        saved = json.loads(Path(args.table).read_text(encoding="utf-8"))
        if "queries_only" in saved:
            print_queries_only(saved)
        else:
            print_table(saved, saved.get("timeout", args.timeout))
        return 0
    if args.worker:
        return worker(args)
    if args.quick:
        args.sizes, args.triples, args.timeout, args.runs = "1000", 100_000, 10.0, 5
    if args.queries:
        results = measure_queries(args)
    else:
        results = measure(args)
    if args.json:
        print(json.dumps(results, indent=2))
    elif args.queries:
        print_queries_only(results)
    else:
        print_table(results, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
