"""The store writer thread: whatever error a write raises stops the run with a clear error, never a hang."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from dramagraph.errors import StoreError
from dramagraph.models import Document
from dramagraph.pipeline import IngestOptions, ingest, process
from dramagraph.store import Store


class BrokenStore(Store):
    """An in-memory store whose writes fail with an error that is neither a store nor an OS error (a fake)."""

    def write_articles(self, graphs: Any) -> None:
        raise RuntimeError("the database library broke")


def _documents(n: int) -> list[Document]:
    return [Document(source=f"review-{i}.txt", content=f"Review {i}\n\nKwon Na-yeon{i} plays Ma Seo-ri in Show {i}.",
                     media_type="text/plain") for i in range(n)]


def test_an_unexpected_write_error_fails_the_run_instead_of_hanging() -> None:
    outcome: dict[str, BaseException | None] = {}

    def run() -> None:
        try:
            # batches of one and more articles than the writer's queue holds: a dead writer would block put()
            ingest(_documents(20), BrokenStore(None), IngestOptions(batch_size=1))
            outcome["error"] = None
        except BaseException as err:  # noqa: B036 - recorded for the assertion below
            outcome["error"] = err

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "ingest hung after the writer failed"
    error = outcome["error"]
    assert isinstance(error, StoreError)
    assert "the database library broke" in str(error)


def test_a_store_error_keeps_its_own_message() -> None:
    class Full(Store):
        def write_articles(self, graphs: Any) -> None:
            raise StoreError("disk full")

    with pytest.raises(StoreError, match="^disk full$"):
        ingest(_documents(3), Full(None), IngestOptions(batch_size=1))


class Recording(Store):
    """An in-memory store that records the graphs of each write."""

    def __init__(self) -> None:
        super().__init__(None)
        self.batches: list[list[str]] = []

    def write_articles(self, graphs: Any) -> None:
        self.batches.append([iri for iri, _ in graphs])
        super().write_articles(graphs)


def test_batches_are_the_store_s_size_unless_the_options_say_otherwise() -> None:
    class Small(Recording):
        WRITE_BATCH = 3

    store = Small()
    ingest(_documents(7), store)
    assert [len(b) for b in store.batches] == [3, 3, 1]
    assert len(store) > 0
    store = Small()
    ingest(_documents(7), store, IngestOptions(batch_size=5))
    assert [len(b) for b in store.batches] == [5, 2]


def test_the_same_article_twice_in_one_batch_is_written_once_in_its_later_version() -> None:
    def review(source: str, character: str) -> Document:
        return Document(source=source, content="Glass Orchard review: a quiet drama\n\n"
                        f"Kwon Na-yeon plays {character} in Glass Orchard.", media_type="text/plain")

    store = Recording()
    report = ingest([review("a.txt", "Ma Seo-ri"), review("b.txt", "Do Ha-neul"), review("a.txt", "Yoon Bit-na")],
                    store, IngestOptions(batch_size=10))
    assert report.articles == 3 and not report.failed
    a_graph, b_graph = (process(review(source, "Ma Seo-ri"))[1].iri for source in ("a.txt", "b.txt"))
    assert store.batches == [[b_graph, a_graph]]   # one batch, a.txt once and in its later place
    characters = {row["name"] for row in store.select("SELECT ?name WHERE { ?c a dg:Character ; rdfs:label ?name }")}
    assert characters == {"Do Ha-neul", "Yoon Bit-na"}
