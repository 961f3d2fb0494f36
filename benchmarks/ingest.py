"""Ingest throughput and memory on synthetic reviews.

Writes N realistic plain-text reviews (about 3 KB each, built from templates with fictional names, shows
and platforms; a seeded RNG makes the set reproducible) into a temporary folder, then, each in a FRESH
subprocess so peak RSS belongs to one measurement:

- ``ingest``: the same ``dramagraph.pipeline.ingest`` the CLI runs, from the folder into an on-disk store;
- ``baseline``: reading and cleaning alone (``sources.read_sources`` + ``clean.clean_document``);
- ``store-only``: after the ingest, in the same process, the graph it stored (exported as N-Quads, untimed)
  bulk-loaded into a fresh store in one go: Oxigraph's best case for the same quads, hence a ceiling on
  the end-to-end rate that no speed-up of reading, extraction or mapping can pass.

    python3 benchmarks/ingest.py                       # N = 1,000 and 10,000
    python3 benchmarks/ingest.py --sizes 500 --stages  # plus a stage-by-stage timing
    python3 benchmarks/ingest.py --sizes 2000 --profile  # plus the top functions under cProfile

The workers are pinned to one CPU (``--all-cores`` lifts that), since the target is per core:
at least 500 articles/s end to end, with peak RSS flat in N.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import dramagraph  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

# -- synthetic articles ----------------------------------------------------------------------------------

SURNAMES = ("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
            "Jeon Go Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Seong Cha Joo Woo Min Ryu Na Jin Pyo").split()
SYLLABLES = ("min ji seo hyun woo jun young soo eun ha yeon hee jae sung ho bin kyung tae yu ra da na ri "
             "gyu chan won seok hoon mi jin in hye sol bom ah ye rim").split()
ADJECTIVES = ("Silent Crimson Paper Golden Hidden Broken Midnight Winter Glass Velvet Iron Salt Lonely Last "
              "Falling Burning Distant Little Secret Borrowed").split()
NOUNS = ("Harbor Ledger Garden Bakery Ferry Orchard Relay Lantern Road Letter Station Mirror Kitchen Clinic "
         "Bridge Tide Circus Diary Season Promise").split()
PLATFORMS = ("Netflix", "Disney+", "Apple TV+", "Prime Video", "TVING", "Viki", "Coupang Play", "Wavve")
JOBS = ("pianist", "chef", "detective", "lawyer", "baker", "nurse", "skater", "teacher", "reporter", "florist")
NUMBERS = ("six", "eight", "ten", "twelve", "sixteen")

FILLER = (
    "The first episode takes its time, letting the neighbourhood and its routines settle before anything happens.",
    "It is a handsome production, all warm interiors and rain-slick streets lit in amber and teal.",
    "The script is fond of flashbacks, and not all of them earn the minutes they take away from the present.",
    "A running joke about a broken vending machine pays off beautifully by the end of the second week.",
    "The soundtrack leans hard on acoustic ballads, which suits the quieter scenes better than the arguments.",
    "Supporting characters drift in and out, and a few of them deserve more than the single scene they get.",
    "Whenever the plot stalls, the show falls back on long meals and longer silences, which mostly works.",
    "By the midpoint the central mystery is less interesting than the friendships that grow around it.",
    "Not every subplot lands: a rivalry at the office is raised with great fanfare and then quietly dropped.",
    "The direction favours close-ups, so the performances have to carry the weight, and largely they do.",
    "Viewers who like slow-burning romance will find plenty here; those who want twists may grow restless.",
    "The finale ties up most threads, though it leaves one door open in case there is appetite for more.",
    "Several scenes were clearly shot on location, and the small details of shop signs and bus stops ring true.",
    "The editing is brisk in the early weeks and oddly sluggish later, as if the budget ran out of ideas first.",
    "There is a lovely sequence on a night bus that says more about loneliness than any line of dialogue.",
    "Comic relief comes from a pair of gossiping neighbours whose timing is sharper than the main plot's.",
    "The costume department deserves credit for a wardrobe that tells us who these people are at a glance.",
    "Some viewers will find the ending too neat; others will be glad that the show chose kindness over shock.",
)
TAIL = ("\n\nPlease enter your comment!\nPlease enter your name here\n\nLatest news\n\n"
        "City council approves a new cycle lane along the river\n\n"
        "Officials said construction would begin after the summer festival season...\n\n"
        "- Advertisement -\n\nMust read\n")


TARGET_RATE = 500   # articles/s on one core


class ArticleFactory:
    """Builds reproducible fictional reviews from templates."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def person(self) -> str:
        given = self.rng.choice(SYLLABLES).capitalize() + "-" + self.rng.choice(SYLLABLES)
        return f"{self.rng.choice(SURNAMES)} {given}"

    def show(self) -> str:
        return f"{self.rng.choice(ADJECTIVES)} {self.rng.choice(NOUNS)}"

    def article(self) -> str:
        rng = self.rng
        show, other = self.show(), self.show()
        platform, other_platform = rng.choice(PLATFORMS), rng.choice(PLATFORMS)
        actors = [self.person() for _ in range(4)]
        roles = [self.person() for _ in range(4)]
        director, writer = self.person(), self.person()
        jobs = rng.sample(JOBS, 2)
        surname = [a.split()[0] for a in actors]
        given = [r.split()[1] for r in roles]
        fill = rng.sample(FILLER, 15)
        paragraphs = [
            f"{show} review: {platform}'s new drama pairs {actors[0]} and {actors[1]} in a bittersweet story",
            "- Advertisement -",
            f"Directed by: {director}\nWritten by: {writer}\nLead cast: {', '.join(actors[:3])}",
            f"{show}, a {platform} original, arrives with {rng.choice(NUMBERS)} {rng.choice((50, 60, 70))}-minute "
            f"episodes and a premise that sounds simpler than it is. {fill[0]}",
            f"{surname[0]} and {surname[1]} play {jobs[0]} {roles[0]} and {jobs[1]} {roles[1]}. {given[0]} has "
            f"just come home after years abroad, while {given[1]} never left. {fill[1]} {fill[2]}",
            f"{actors[2]} (aka {rng.choice(('Alex', 'Chris', 'Danny', 'Sam'))} {surname[2]}), best known for "
            f"playing {self.person()} in {other_platform}'s {other}, turns up as the friend who knows too much. "
            f"{fill[3]}",
            f"{actors[2]} as {roles[2]} in a still from \u201c{show}\u201d. Photo: {platform}",
            f"The third wheel is {roles[3]}, played by {actors[3]} in a first leading role. {given[3]} is "
            f"written as a puzzle, and {surname[3]} keeps the answer just out of reach. {fill[4]}",
            f"ALSO READ: {self.person()} and {self.person()} confirm a new film together",
            f"{fill[5]} Director {director.split()[0]} keeps the pace gentle, and {writer.split()[0]}'s dialogue "
            f"has a dry wit that the cast clearly enjoys. {fill[6]}",
            f"{actors[1]}'s {roles[1]} is the better-written lead, and the quiet scenes at home give "
            f"{surname[1]} room to breathe. {fill[7]} {fill[8]}",
            f"\u201cI wanted {given[0]} to feel like someone you went to school with,\u201d {surname[0]} said at the "
            f"press conference. {fill[9]} {fill[10]} {fill[11]}",
            f"{fill[12]} {fill[13]} {fill[14]}",
            f"{show} is streaming on {platform}.",
        ]
        return "\n\n".join(paragraphs) + TAIL


def write_articles(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` articles into ``folder``; returns the bytes written."""
    factory = ArticleFactory(seed)
    total = 0
    for number in range(count):
        data = factory.article().encode("utf-8")
        (folder / f"review-{number:06d}.txt").write_bytes(data)
        total += len(data)
    return total


# -- the measured workers (each in its own process) --------------------------------------------------


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run_ingest(folder: Path, store_path: Path) -> dict[str, float]:
    from dramagraph.pipeline import ingest
    from dramagraph.store import Store

    started = time.perf_counter()
    with Store(store_path) as store:
        report = ingest([folder], store)
        stored = len(store)
    seconds = time.perf_counter() - started
    peak = _peak_rss_mb()   # before the store-only load below adds its own copy of the graph
    return {"articles": report.articles, "failed": len(report.failed), "facts": report.facts,
            "triples": report.triples, "stored_quads": stored, "seconds": seconds, "peak_rss_mb": peak,
            "store_only_seconds": store_only_seconds(store_path)}


def store_only_seconds(store_path: Path) -> float:
    """Seconds to bulk-load the graph stored at ``store_path`` into a fresh on-disk store."""
    import pyoxigraph as ox

    from dramagraph.store import Store

    buffer = io.BytesIO()
    with Store(store_path, read_only=True) as store:
        store.dump(buffer, "nquads")
    data = buffer.getvalue()
    del buffer
    with tempfile.TemporaryDirectory(prefix="dramagraph-bench-load-") as tmp:
        started = time.perf_counter()
        fresh = ox.Store(tmp)
        fresh.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        fresh.flush()
        seconds = time.perf_counter() - started
        del fresh
    return seconds


def run_baseline(folder: Path) -> dict[str, float]:
    from dramagraph.clean import clean_document
    from dramagraph.sources import read_sources

    started = time.perf_counter()
    articles = chars = 0
    for document in read_sources([folder]):
        if isinstance(document, Exception):
            continue
        chars += len(clean_document(document).text)
        articles += 1
    return {"articles": articles, "chars": chars, "seconds": time.perf_counter() - started}


def run_stages(folder: Path, store_path: Path, batch_size: int | None = None) -> dict[str, float]:
    """The pipeline's stages one after another on one thread, each timed on its own."""
    from dramagraph.clean import clean_document
    from dramagraph.extract import extract
    from dramagraph.mapping import MappingOptions, to_rdf
    from dramagraph.models import ExtractOptions
    from dramagraph.sources import read_sources
    from dramagraph.store import Store

    times = dict.fromkeys(("read", "clean", "extract", "map", "store"), 0.0)
    clock = time.perf_counter
    extract_options, mapping_options = ExtractOptions(), MappingOptions()
    batch: list[tuple[str, list]] = []
    batch_size = batch_size or Store.WRITE_BATCH   # what ingest uses
    with Store(store_path) as store:
        documents = iter(read_sources([folder]))
        while True:
            t0 = clock()
            document = next(documents, None)
            t1 = clock()
            times["read"] += t1 - t0
            if document is None:
                break
            article = clean_document(document)
            t2 = clock()
            extraction = extract(article, extract_options)
            t3 = clock()
            graph = to_rdf(extraction, mapping_options)
            t4 = clock()
            times["clean"] += t2 - t1
            times["extract"] += t3 - t2
            times["map"] += t4 - t3
            batch.append((graph.iri, graph.triples))
            if len(batch) >= batch_size:
                t5 = clock()
                store.write_articles(batch)
                times["store"] += clock() - t5
                batch = []
        t5 = clock()
        if batch:
            store.write_articles(batch)
        store.flush()
        times["store"] += clock() - t5
    return times


def run_profile(folder: Path, store_path: Path, top: int) -> str:
    from dramagraph.pipeline import ingest
    from dramagraph.store import Store

    profiler = cProfile.Profile()
    with Store(store_path) as store:
        profiler.enable()
        ingest([folder], store)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def worker(args: argparse.Namespace) -> int:
    if args.one_core and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    folder = Path(args.folder)
    with tempfile.TemporaryDirectory(prefix="dramagraph-bench-store-") as tmp:
        store_path = Path(tmp) / "store"
        if args.worker == "ingest":
            result: dict[str, object] = dict(run_ingest(folder, store_path))
        elif args.worker == "baseline":
            result = dict(run_baseline(folder))
        elif args.worker == "stages":
            result = dict(run_stages(folder, store_path))
        else:
            result = {"profile": run_profile(folder, store_path, args.top)}
    result.setdefault("peak_rss_mb", _peak_rss_mb())
    print(json.dumps(result))
    return 0


# -- the driver --------------------------------------------------------------------------------------------


def _spawn(kind: str, folder: Path, args: argparse.Namespace) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--folder", str(folder),
               "--top", str(args.top)]
    if not args.one_core:
        command.append("--all-cores")
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20240601, help="RNG seed of the article set")
    parser.add_argument("--all-cores", dest="one_core", action="store_false",
                        help="do not pin the workers to one CPU")
    parser.add_argument("--stages", action="store_true", help="also time each stage on its own")
    parser.add_argument("--profile", action="store_true", help="also print the top functions under cProfile")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--worker", choices=("ingest", "baseline", "stages", "profile"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="dramagraph-bench-articles-") as tmp:
            folder = Path(tmp)
            size_bytes = write_articles(folder, size, args.seed)
            print(f"N={size}: {size_bytes / size / 1024:.1f} KB per article; measuring ...", file=sys.stderr)
            baseline = _spawn("baseline", folder, args)
            measured = _spawn("ingest", folder, args)
            row = {"n": size, "kb_per_article": round(size_bytes / size / 1024, 2), **measured,
                   "baseline_seconds": baseline["seconds"], "baseline_rss_mb": baseline["peak_rss_mb"]}
            if args.stages:
                row["stages"] = {k: v for k, v in _spawn("stages", folder, args).items() if k != "peak_rss_mb"}
            if args.profile:
                row["profile"] = _spawn("profile", folder, args)["profile"]
            rows.append(row)

    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    pinned = "pinned to one CPU" if args.one_core else "all CPUs"
    print(f"dramagraph ingest benchmark ({pinned}, seed {args.seed})")
    header = (f"{'N':>7} {'seconds':>8} {'art/s':>8} {'facts':>8} {'triples':>9} {'peak RSS MB':>11} "
              f"{'read+clean s':>12} {'read+clean art/s':>16} {'read+clean RSS MB':>17} {'ingest/read+clean':>17} "
              f"{'store-only art/s':>16}")
    print(header)
    print("-" * len(header))
    for row in rows:
        rate = row["articles"] / row["seconds"] if row["seconds"] else 0.0
        base_rate = row["n"] / row["baseline_seconds"] if row["baseline_seconds"] else 0.0
        ratio = row["seconds"] / row["baseline_seconds"] if row["baseline_seconds"] else 0.0
        print(f"{row['n']:>7} {row['seconds']:>8.2f} {rate:>8.0f} {row['facts']:>8} {row['triples']:>9} "
              f"{row['peak_rss_mb']:>11.1f} {row['baseline_seconds']:>12.2f} {base_rate:>16.0f} "
              f"{row['baseline_rss_mb']:>17.1f} {ratio:>16.1f}x {row['articles'] / row['store_only_seconds']:>16.0f}")
        if row["failed"]:
            print(f"        {row['failed']} articles failed")
    print("store-only: the same quads bulk-loaded into a fresh store in one go, the ceiling on art/s "
          f"(target {TARGET_RATE} art/s)")
    for row in rows:
        if "stages" in row:
            total = sum(row["stages"].values())
            parts = "  ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in row["stages"].items())
            print(f"stages N={row['n']} (one thread, {total:.2f} s): {parts}")
        if "profile" in row:
            print(f"\ncProfile of ingest, N={row['n']} (calling thread only; store writes run on the writer thread):")
            print(row["profile"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
