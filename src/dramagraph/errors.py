"""Errors raised by the library; the CLI turns them into ``Error: ...`` and exit code 1."""

from __future__ import annotations


class DramagraphError(Exception):
    """Base class of every error dramagraph raises on purpose."""


class SourceError(DramagraphError):
    """An input could not be read (missing, unreadable, binary, too large, bad URL, bad JSON line)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class CleanError(DramagraphError):
    """A document held no article text after clean-up."""


class ExtractError(DramagraphError):
    """The extractor failed on an article."""


class StoreError(DramagraphError):
    """The store could not be opened, read or written."""


class QueryError(DramagraphError):
    """A SPARQL query could not be found, parsed or run."""


class ValidationError(DramagraphError):
    """SHACL validation could not run."""
