"""Fan dramagraph's extraction out with Dask, every worker writing its articles to one remote SPARQL store.

Extraction is pure (``dramagraph.pipeline.process``: a document in, its facts and article graph out), so
any engine can run it; here a ``dask.bag`` of input files is split into partitions, each partition is read,
extracted and written by a worker in batches (``RemoteStore.write_articles``: each article replaces its
earlier version, complete or absent), and the client adds up what the workers report.

    pip install 'dask[bag]'
    python3 examples/distributed/ingest_with_dask.py sparql+http://127.0.0.1:8890/sparql examples/
    python3 examples/distributed/ingest_with_dask.py URL articles/ --scheduler tcp://scheduler:8786   # a cluster

Credentials and a separate update URL come from the environment (DRAMAGRAPH_SPARQL_USER,
DRAMAGRAPH_SPARQL_PASSWORD, DRAMAGRAPH_SPARQL_UPDATE_URL), which every worker must have too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable

import dask
import dask.bag as db

from dramagraph.errors import CleanError, ExtractError
from dramagraph.pipeline import IngestOptions, process
from dramagraph.sources import FOLDER_DOCS, JSONL_SUFFIXES, MEDIA_TYPES, read_sources
from dramagraph.store import open_store

SUFFIXES = tuple(MEDIA_TYPES.keys() | JSONL_SUFFIXES)
BATCH = 256   # articles per write


def input_files(paths: Iterable[str]) -> list[str]:
    """Folders expanded into their article files (as ``dramagraph ingest`` reads a folder), so the
    partitions spread the work evenly."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [os.path.join(folder, n) for n in sorted(names)
                          if n.lower().endswith(SUFFIXES) and not n.startswith(".")
                          and os.path.splitext(n)[0].lower() not in FOLDER_DOCS]
        else:
            files.append(path)
    return files


def ingest_partition(files: Iterable[str], store_url: str) -> list[dict[str, object]]:
    """On a worker: read, extract and store one partition's files; report counts and failures."""
    report: dict[str, object] = {"articles": 0, "facts": 0, "triples": 0, "failed": []}
    failed: list[list[str]] = report["failed"]  # type: ignore[assignment]
    options = IngestOptions()
    batch: dict[str, object] = {}
    with open_store(store_url) as store:
        for item in read_sources(list(files), options.sources):
            if isinstance(item, Exception):
                failed.append([getattr(item, "source", "?"), getattr(item, "reason", str(item))])
                continue
            try:
                extraction, graph = process(item, options)   # pure: the same on any machine
            except (CleanError, ExtractError) as err:
                failed.append([item.source, str(err)])
                continue
            batch[graph.iri] = graph.triples                 # a later version of one article wins
            report["articles"] += 1                           # type: ignore[operator]
            report["facts"] += len(extraction.facts)          # type: ignore[operator]
            report["triples"] += len(graph.triples)           # type: ignore[operator]
            if len(batch) >= BATCH:
                store.write_articles(list(batch.items()))
                batch.clear()
        if batch:
            store.write_articles(list(batch.items()))
    return [report]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="remote store, sparql+http(s)://HOST:PORT/PATH")
    parser.add_argument("inputs", nargs="+", help="article files or folders")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--scheduler", default="processes",
                        help="processes, threads, synchronous, or a dask.distributed scheduler address")
    args = parser.parse_args(argv)

    files = input_files(args.inputs)
    if not files:
        print("Error: no article files found", file=sys.stderr)
        return 1
    bag = db.from_sequence(files, npartitions=min(args.partitions, len(files)))
    reports = bag.map_partitions(ingest_partition, args.store)
    if "://" in args.scheduler:
        from dask.distributed import Client  # pip install 'dask[distributed]'

        with Client(args.scheduler):
            results = reports.compute()
    else:
        with dask.config.set(scheduler=args.scheduler):
            results = reports.compute()
    total = {"articles": sum(r["articles"] for r in results), "facts": sum(r["facts"] for r in results),
             "triples": sum(r["triples"] for r in results),
             "failed": [f for r in results for f in r["failed"]], "partitions": len(results)}
    print(json.dumps(total, indent=2))
    for source, reason in total["failed"]:
        print(f"Error: {source}: {reason}", file=sys.stderr)
    return 1 if total["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
