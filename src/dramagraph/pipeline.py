"""The one ingest pipeline: sources -> clean -> extract -> mapping -> store.

The CLI, the tests, the examples and the benchmarks all call ``ingest``.  Articles are read, cleaned,
extracted and mapped on the calling thread while a writer thread commits finished article graphs to the
store in batches (Oxigraph releases the GIL while it writes, so the two overlap).
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike
from typing import IO

from .clean import clean_document
from .errors import CleanError, DramagraphError, ExtractError, SourceError, StoreError
from .extract import extract
from .mapping import ArticleGraph, MappingOptions, to_rdf
from .models import Document, Extraction, ExtractOptions
from .sources import SourceOptions, read_sources
from .store import Store


@dataclass(frozen=True)
class IngestOptions:
    """Options of one ingest run (built once by the CLI)."""

    extract: ExtractOptions = field(default_factory=ExtractOptions)
    mapping: MappingOptions = field(default_factory=MappingOptions)
    sources: SourceOptions = field(default_factory=SourceOptions)
    batch_size: int = 256          # articles per store transaction
    strict: bool = False           # let an unexpected error in one article stop the run (for debugging)


@dataclass(frozen=True)
class Progress:
    """Sent to the progress callback after each input item."""

    source: str
    done: int                       # items handled so far (stored or failed)
    ok: bool
    facts: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    articles: int = 0
    facts: int = 0
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)
    facts_by_kind: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"articles": self.articles, "facts": self.facts, "triples": self.triples,
                "failed": [{"source": s, "reason": r} for s, r in self.failed],
                "facts_by_kind": dict(sorted(self.facts_by_kind.items())),
                "seconds": round(self.seconds, 3)}


def process(document: Document, options: IngestOptions | None = None) -> tuple[Extraction, ArticleGraph]:
    """One document to its facts and its RDF graph (pure: no store involved)."""
    options = options or IngestOptions()
    article = clean_document(document)
    extraction = extract(article, options.extract)
    return extraction, to_rdf(extraction, options.mapping)


def ingest(inputs: Iterable[str | PathLike[str] | Document], store: Store, options: IngestOptions | None = None,
           progress: Callable[[Progress], None] | None = None, stdin: IO[bytes] | None = None) -> IngestReport:
    """Read, extract and store every article the inputs name; return what happened.

    Inputs are paths, folders, URLs, ``-`` (``stdin``) or ready ``Document`` values.  A bad item is
    recorded in ``IngestReport.failed`` and the run goes on.  Each article's graph replaces any earlier
    version of the same article (same URL, or same path) in one transaction.  A store write failure stops
    the run with ``StoreError``; articles committed before it stay.
    """
    options = options or IngestOptions()
    report = IngestReport()
    started = time.perf_counter()
    writer = _Writer(store, options.batch_size)
    done = 0
    try:
        for item in _documents(inputs, options.sources, stdin):
            done += 1
            if isinstance(item, SourceError):
                report.failed.append((item.source, item.reason))
                _notify(progress, Progress(item.source, done, False, error=item.reason))
                continue
            try:
                extraction, graph = process(item, options)
            except (CleanError, ExtractError) as err:
                reason = str(err).removeprefix(f"{item.source}: ")
                report.failed.append((item.source, reason))
                _notify(progress, Progress(item.source, done, False, error=reason))
                continue
            except Exception as err:  # a bug on one article must not lose the rest of the batch
                if options.strict:
                    raise
                reason = f"internal error ({type(err).__name__}: {err}); please report it with this article"
                report.failed.append((item.source, reason))
                _notify(progress, Progress(item.source, done, False, error=reason))
                continue
            writer.put(graph)
            report.articles += 1
            report.facts += len(extraction.facts)
            report.triples += len(graph.triples)
            report.facts_by_kind.update(f.kind.value for f in extraction.facts)
            _notify(progress, Progress(item.source, done, True, facts=len(extraction.facts)))
    finally:
        writer.close()
    report.seconds = time.perf_counter() - started
    return report


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
        self.pending: list[ArticleGraph] = []
        self.queue: queue.Queue[list[ArticleGraph] | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="dramagraph-writer", daemon=True)
        self.thread.start()

    def put(self, graph: ArticleGraph) -> None:
        self._raise_if_failed()
        # the same article twice in one batch: keep the later version only
        self.pending = [g for g in self.pending if g.iri != graph.iri]
        self.pending.append(graph)
        if len(self.pending) >= self.batch_size:
            self.queue.put(self.pending)
            self.pending = []

    def close(self) -> None:
        if self.pending and self.error is None:
            self.queue.put(self.pending)
        self.pending = []
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
            except (DramagraphError, OSError) as err:
                self.error = err

    def _raise_if_failed(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            if isinstance(error, StoreError):
                raise error
            raise StoreError(f"writing to the store failed: {error}") from error
