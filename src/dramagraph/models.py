"""Plain typed values passed between the pipeline stages.

sources -> ``Document`` -> clean -> ``Article`` -> extract -> ``Extraction`` (``Fact`` + ``Entity``)
-> mapping (RDF) -> store.  Nothing here knows about rdflib, click or the store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_BASE = "https://w3id.org/dramagraph/id/"   # base IRI of the graph's nodes (and of a remote store's graphs)


class EntityKind(StrEnum):
    PERSON = "person"
    SHOW = "show"
    CHARACTER = "character"
    PLATFORM = "platform"


class FactKind(StrEnum):
    """What a fact states.  The fields of ``Fact`` each kind uses are listed on the right."""

    ROLE = "role"                        # person plays character in show
    CAST = "cast"                        # person appears in show, no character named
    PLATFORM = "platform"                # show streams or airs on platform
    SEASON = "season"                    # show is season/part `number` (may be None) of series
    EPISODES = "episodes"                # show has `number` episodes
    EPISODE_MINUTES = "episode_minutes"  # show's episodes run `number` minutes
    DIRECTOR = "director"                # person directed show
    WRITER = "writer"                    # person wrote show
    ALIAS = "alias"                      # person (or show) is also known as `alias`


@dataclass(frozen=True)
class Document:
    """Raw input as read by ``sources``: bytes or text plus what is known about where it came from."""

    source: str                 # the path or URL the user gave (or "<stdin>", "file.jsonl:12")
    content: str | bytes
    media_type: str             # "text/plain", "text/html" or "text/markdown"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Article:
    """One article's main text after clean-up.

    ``text`` is everything the extractor reads: the title (when known) as its first paragraph, then the
    body.  All character offsets in ``Evidence`` index into ``text``.
    """

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    content_hash: str | None = None   # of the input it was read from (``pipeline.fingerprint``)

    @property
    def key(self) -> str:
        """What identifies the article across runs: re-ingesting the same key replaces its facts."""
        return self.url or self.source

    @property
    def id(self) -> str:
        """A short stable identifier derived from ``key`` (used in IRIs)."""
        return hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:16]



@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, the matched span in ``Article.text``, the rule and how sure."""

    sentence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    show: str | None = None
    person: str | None = None
    character: str | None = None
    platform: str | None = None
    series: str | None = None
    number: int | None = None
    alias: str | None = None
    evidence: Evidence | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Entity:
    """A person, show, character or platform named in one article, with the other ways it was written."""

    kind: EntityKind
    name: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    article: Article
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class ExtractOptions:
    """Options of the extraction stage."""

    min_confidence: float = 0.0
