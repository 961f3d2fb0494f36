"""The one ingest pipeline: sources -> clean -> extract -> mapping -> store.

The CLI, the tests, the examples and the benchmarks all call ``ingest``.  Articles are read on the calling
thread; cleaning, extraction and mapping (``process``, a pure function) run there too, or with ``jobs`` > 1
in worker processes, a few chunks of articles at a time so memory stays flat however many stream through.
Results are taken back in input order, so every ``jobs`` builds the same store, and one writer thread
commits finished article graphs to the store in batches (Oxigraph releases the GIL while it writes).

An input whose content hash (``fingerprint``) equals the one stored in its article's graph is skipped
before it is cleaned: the hashes of the whole store are read once, at the start of a run.
"""

from __future__ import annotations

import hashlib
import os
import queue
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from os import PathLike
from typing import IO

from . import __version__
from .clean import clean_document
from .errors import CleanError, DramagraphError, ExtractError, SourceError, StoreError
from .extract import extract
from .mapping import GRAPH_VERSION, ArticleGraph, MappingOptions, to_rdf
from .models import Document, Extraction, ExtractOptions
from .sources import SourceOptions, read_sources
from .store import Store


@dataclass(frozen=True)
class IngestOptions:
    """Options of one ingest run (built once by the CLI)."""

    extract: ExtractOptions = field(default_factory=ExtractOptions)
    mapping: MappingOptions = field(default_factory=MappingOptions)
    sources: SourceOptions = field(default_factory=SourceOptions)
    batch_size: int | None = None  # articles per store transaction; None: the store's (``WRITE_BATCH``)
    strict: bool = False           # let an unexpected error in one article stop the run (for debugging)
    jobs: int = 1                  # processes that clean, extract and map; 0: one per CPU core
    force: bool = False            # re-ingest inputs whose content hash is unchanged
    chunk_size: int = 16           # articles per task sent to a worker process


@dataclass(frozen=True)
class Progress:
    """Sent to the progress callback after each input item, in input order."""

    source: str
    done: int                       # items handled so far (stored, skipped or failed)
    ok: bool
    facts: int = 0
    error: str | None = None
    skipped: bool = False           # unchanged since it was stored: not read again


@dataclass
class IngestReport:
    articles: int = 0
    facts: int = 0
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)
    facts_by_kind: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    skipped: int = 0               # inputs unchanged since they were stored (see ``fingerprint``)
    jobs: int = 1                  # processes that extracted

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"articles": self.articles, "facts": self.facts, "triples": self.triples,
                "skipped_unchanged": self.skipped,
                "failed": [{"source": s, "reason": r} for s, r in self.failed],
                "facts_by_kind": dict(sorted(self.facts_by_kind.items())),
                "seconds": round(self.seconds, 3), "jobs": self.jobs}


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped an ingest: ``report`` says what was stored before the stop (complete articles only)."""

    def __init__(self, report: IngestReport) -> None:
        super().__init__()
        self.report = report


def fingerprint(document: Document, options: IngestOptions | None = None) -> str:
    """The content hash of an input: its content and metadata, the dramagraph version and the options
    that shape its graph.  Equal hashes give equal graphs, so an unchanged input need not be read again;
    a new dramagraph version (new rules) or other options re-ingest everything once."""
    options = options or IngestOptions()
    digest = hashlib.sha256()
    for part in (f"dramagraph {__version__}", f"graph {GRAPH_VERSION}", repr(options.extract), options.mapping.base,
                 document.media_type, document.url or "", document.title or "", document.published or "",
                 document.author or ""):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x1f")
    content = document.content
    digest.update(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def process(document: Document, options: IngestOptions | None = None) -> tuple[Extraction, ArticleGraph]:
    """One document to its facts and its RDF graph (pure: no store involved)."""
    options = options or IngestOptions()
    article = replace(clean_document(document), content_hash=fingerprint(document, options))
    extraction = extract(article, options.extract)
    return extraction, to_rdf(extraction, options.mapping)


def ingest(inputs: Iterable[str | PathLike[str] | Document], store: Store, options: IngestOptions | None = None,
           progress: Callable[[Progress], None] | None = None, stdin: IO[bytes] | None = None) -> IngestReport:
    """Read, extract and store every article the inputs name; return what happened.

    Inputs are paths, folders, URLs, ``-`` (``stdin``) or ready ``Document`` values.  A bad item is
    recorded in ``IngestReport.failed`` and the run goes on.  Each article's graph replaces any earlier
    version of the same article (same URL, or same path) in one transaction; an input whose content hash
    is unchanged since it was stored is skipped (``IngestReport.skipped``) unless ``options.force``.  A
    store write failure stops the run with ``StoreError``; articles committed before it stay.  Ctrl-C
    stops the worker processes, commits the articles finished so far and raises ``IngestInterrupted``.
    """
    options = options or IngestOptions()
    return _Run(store, options, progress).run(_documents(inputs, options.sources, stdin))


@dataclass
class _Done:
    """What a worker sends back for one article it stored nothing for yet: its graph and fact counts."""

    graph: ArticleGraph
    facts: int
    kinds: Counter[str]


@dataclass(frozen=True)
class _Skip:
    """An input whose stored graph (``graph``) has its content hash."""

    document: Document
    graph: str


def _process_chunk(documents: list[Document], options: IngestOptions) -> list[_Done | str]:
    """Process each document; a failure becomes its reason (str), so it costs only that article."""
    out: list[_Done | str] = []
    for document in documents:
        try:
            extraction, graph = process(document, options)
        except (CleanError, ExtractError) as err:
            out.append(str(err).removeprefix(f"{document.source}: "))
            continue
        except Exception as err:  # a bug on one article must not lose the rest of the batch
            if options.strict:
                raise
            out.append(f"internal error ({type(err).__name__}: {err}); please report it with this article")
            continue
        out.append(_Done(graph, len(extraction.facts), Counter(f.kind.value for f in extraction.facts)))
    return out


def _worker_start() -> None:
    # Ctrl-C reaches the whole process group: the parent alone decides how to stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def cpu_count() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _Run:
    """One ingest: reads items, sends chunks of them to be processed, and handles the results in order."""

    def __init__(self, store: Store, options: IngestOptions, progress: Callable[[Progress], None] | None) -> None:
        self.store = store
        self.options = options
        self.progress = progress
        self.report = IngestReport()
        self.jobs = options.jobs if options.jobs > 0 else cpu_count()
        self.report.jobs = self.jobs
        self.done = 0
        # source -> (content hash, article graph) as stored, and graph -> source
        self.known: dict[str, tuple[str, str]] = {} if options.force else stored_hashes(store)
        self.known_source = {graph: source for source, (_, graph) in self.known.items()}
        self.replaced: set[str] = set()   # stored graphs this run rewrote from another source

    def run(self, items: Iterable[Document | SourceError]) -> IngestReport:
        started = time.perf_counter()
        pool: ProcessPoolExecutor | None = None
        # the writer thread starts on the first article to store, after the workers are forked
        batch_size = self.options.batch_size or getattr(self.store, "WRITE_BATCH", 256)
        writer = _Writer(self.store, batch_size)
        in_flight: deque[tuple[list[Document | SourceError | _Skip], Future[list[_Done | str]]]] = deque()
        try:
            for chunk, documents in self._chunks(items):
                if self.jobs == 1 or (pool is None and not documents):   # all skipped: no pool to start yet
                    self._handle(chunk, _process_chunk(documents, self.options), writer)
                    continue
                if pool is None:
                    pool = self._pool()
                if documents:
                    future = pool.submit(_process_chunk, documents, self.options)
                else:   # queued all the same: results are handled in input order
                    future = Future()
                    future.set_result([])
                in_flight.append((chunk, future))
                while len(in_flight) > 2 * self.jobs:   # a bounded number of articles in flight
                    self._handle_next(in_flight, writer)
            while in_flight:
                self._handle_next(in_flight, writer)
        except KeyboardInterrupt:
            if pool is not None:   # workers finish the chunk in hand (they ignore SIGINT) and exit
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
            writer.close()          # commit what was finished: complete articles only
            self.report.seconds = time.perf_counter() - started
            raise IngestInterrupted(self.report) from None
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            writer.close()
        self.report.seconds = time.perf_counter() - started
        return self.report

    def _pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        # fork: workers start in milliseconds with every module (and its compiled patterns) already loaded
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_worker_start)
        pool.submit(int).result()   # with fork, every worker starts now, before the writer thread exists
        return pool

    def _chunks(self, items: Iterable[Document | SourceError]
                ) -> Iterator[tuple[list[Document | SourceError | _Skip], list[Document]]]:
        """Items in chunks of ``chunk_size`` documents to process, with unchanged inputs marked ``_Skip``."""
        size = max(1, self.options.chunk_size)
        chunk: list[Document | SourceError | _Skip] = []
        documents: list[Document] = []
        for item in items:
            if isinstance(item, Document):
                stored = self.known.get(item.source)
                if stored is not None and stored[0] == fingerprint(item, self.options):
                    chunk.append(_Skip(item, stored[1]))
                else:
                    chunk.append(item)
                    documents.append(item)
            else:
                chunk.append(item)
            if len(documents) >= size or len(chunk) >= 8 * size:
                yield chunk, documents
                chunk, documents = [], []
        if chunk:
            yield chunk, documents

    def _handle_next(self, in_flight: deque, writer: _Writer) -> None:
        chunk, future = in_flight.popleft()
        try:
            results = future.result()
        except BrokenProcessPool as err:
            names = ", ".join(i.source for i in chunk if isinstance(i, Document)) or "none"
            raise DramagraphError(f"a worker process died (out of memory, or killed) while extracting "
                                  f"one of: {names}; the articles before it are stored") from err
        self._handle(chunk, results, writer)

    def _handle(self, chunk: list[Document | SourceError | _Skip], results: list[_Done | str],
                writer: _Writer) -> None:
        outcomes = iter(results)
        for item in chunk:
            self.done += 1
            if isinstance(item, SourceError):
                self._failed(item.source, item.reason)
            elif isinstance(item, _Skip):
                if item.graph in self.replaced:
                    # another input of this run rewrote the graph: this one's version must win again
                    self._stored(item.document, _process_chunk([item.document], self.options)[0], writer)
                else:
                    self.report.skipped += 1
                    _notify(self.progress, Progress(item.document.source, self.done, True, skipped=True))
            else:
                self._stored(item, next(outcomes), writer)

    def _stored(self, document: Document, outcome: _Done | str, writer: _Writer) -> None:
        if isinstance(outcome, str):
            self._failed(document.source, outcome)
            return
        graph = outcome.graph
        writer.put(graph)
        previous = self.known_source.get(graph.iri)
        if previous is not None and previous != document.source:
            self.replaced.add(graph.iri)
        report = self.report
        report.articles += 1
        report.facts += outcome.facts
        report.triples += len(graph.triples)
        report.facts_by_kind.update(outcome.kinds)
        _notify(self.progress, Progress(document.source, self.done, True, facts=outcome.facts))

    def _failed(self, source: str, reason: str) -> None:
        self.report.failed.append((source, reason))
        _notify(self.progress, Progress(source, self.done, False, error=reason))


def stored_hashes(store: Store) -> dict[str, tuple[str, str]]:
    """Every stored article's source -> (content hash, graph IRI), in one query."""
    rows = store.select("SELECT ?graph ?source ?hash WHERE { GRAPH ?graph { "
                        "?graph dg:source ?source ; dg:contentHash ?hash } }")
    return {row["source"]: (row["hash"], row["graph"]) for row in rows}


def _documents(inputs: Iterable[str | PathLike[str] | Document], options: SourceOptions,
               stdin: IO[bytes] | None) -> Iterator[Document | SourceError]:
    for item in inputs:
        if isinstance(item, Document):
            yield item
        else:
            yield from read_sources([item], options, stdin)


def _notify(progress: Callable[[Progress], None] | None, event: Progress) -> None:
    if progress is not None:
        progress(event)


class _Writer:
    """Commits article graphs on a background thread, ``batch_size`` articles per transaction."""

    def __init__(self, store: Store, batch_size: int) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.pending: dict[str, ArticleGraph] = {}   # graph IRI -> graph, in the order they came
        # one batch waiting while one is written: enough to overlap writing with extraction, and each
        # batch held costs memory (batch_size articles)
        self.queue: queue.Queue[list[ArticleGraph] | None] = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="dramagraph-writer", daemon=True)

    def put(self, graph: ArticleGraph) -> None:
        if self.thread.ident is None:
            self.thread.start()
        self._raise_if_failed()
        # the same article twice in one batch: keep the later version only, in its later place
        self.pending.pop(graph.iri, None)
        self.pending[graph.iri] = graph
        if len(self.pending) >= self.batch_size:
            self.queue.put(list(self.pending.values()))
            self.pending = {}

    def close(self) -> None:
        if not self.thread.is_alive():
            if self.thread.ident is None:
                self.store.flush()   # nothing was stored
            return   # or closed already (an interrupted run closes it early)
        if self.pending and self.error is None:
            self.queue.put(list(self.pending.values()))
        self.pending = {}
        self.queue.put(None)
        self.thread.join()
        self.store.flush()
        self._raise_if_failed()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is not None:
                continue  # drain: the run is failing, write nothing more
            try:
                self.store.write_articles([(g.iri, g.triples) for g in batch])
            except Exception as err:  # any error, not only store errors: a dead writer would leave put() waiting
                self.error = err

    def _raise_if_failed(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            if isinstance(error, StoreError):
                raise error
            raise StoreError(f"writing to the store failed: {error}") from error
