"""Shared pytest options.

``--regen`` rewrites the golden Turtle files (``tests/cases/*/expected.ttl``) from what the pipeline
produces now, instead of comparing against them.  Use it only on purpose, after checking the new graph
against the case's hand-written ``expected.json``; ``expected.json`` is never regenerated.

    python3 -m pytest tests/test_examples.py --regen
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", default=False,
                     help="rewrite tests/cases/*/expected.ttl from the current pipeline output")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real Virtuoso server on 127.0.0.1, one per test module (see ``tests/virtuoso.py``)."""
    from virtuoso import VirtuosoServer, require_virtuoso

    require_virtuoso()
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    try:
        yield server
    finally:
        server.stop()
