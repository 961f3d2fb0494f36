"""Facts to RDF: one article's ``Extraction`` becomes the triples of its named graph.

IRIs (``base`` is ``MappingOptions.base``)::

    {base}article/{article.id}                 the article node, and the name of its graph
    {base}person/{person key}                  one node per person across all articles
    {base}show/{title key}                     one node per show (seasons and series are shows too)
    {base}character/{show}/{person key}        a character belongs to its show
    {base}platform/{title key}
    {base}performance/{hash}                   performer + show + character: the same in every article
    {base}statement/{hash}                     describes one direct triple: subject + property + value
    {base}evidence/{article.id}-{hash}         one per (sentence, rule, confidence) of an article

Keys come from ``names`` so every spelling of a name lands on one node; each article adds its own
``rdfs:label`` (the spelling its facts use most) and ``skos:altLabel`` (the other spellings it used).
Re-mapping an unchanged extraction gives the same triples in the same order.

The triple count is kept low on purpose because every quad costs store time: no ``rdf:type`` on
performance, statement and evidence nodes (their shape says what they are), one evidence node per rule and sentence,
and spelling variants that are also ``dg:alias`` values are not repeated as ``skos:altLabel``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, Namespace, URIRef

from .models import Entity, EntityKind, Evidence, Extraction, Fact, FactKind
from .names import person_key, title_key

DG = Namespace("https://w3id.org/dramagraph/ontology#")
DEFAULT_BASE = "https://w3id.org/dramagraph/id/"

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# the ontology terms this module writes (tests check each one is declared in ontology/dramagraph.ttl)
SHOW, SEASON, SERIES, PLATFORM, PERSON, CHARACTER, PERFORMANCE, ARTICLE = (
    DG.Show, DG.Season, DG.Series, DG.Platform, DG.Person, DG.Character, DG.Performance, DG.Article)
PERFORMER, CHARACTER_OF, IN_SHOW, EVIDENCE = DG.performer, DG.character, DG.inShow, DG.evidence
STREAMS_ON, SEASON_OF, SEASON_NUMBER = DG.streamsOn, DG.seasonOf, DG.seasonNumber
EPISODES, EPISODE_MINUTES, DIRECTOR, WRITER, ALIAS = (
    DG.numberOfEpisodes, DG.episodeMinutes, DG.director, DG.writer, DG.alias)
SENTENCE, START, END, RULE, CONFIDENCE, IN_ARTICLE = (
    DG.sentence, DG.start, DG.end, DG.rule, DG.confidence, DG.article)
TITLE, URL, SOURCE, PUBLISHED, AUTHOR = DG.title, DG.url, DG.source, DG.published, DG.author
DG_TERMS = (SHOW, SEASON, SERIES, PLATFORM, PERSON, CHARACTER, PERFORMANCE, ARTICLE, PERFORMER, CHARACTER_OF,
            IN_SHOW, EVIDENCE, STREAMS_ON, SEASON_OF, SEASON_NUMBER, EPISODES, EPISODE_MINUTES, DIRECTOR,
            WRITER, ALIAS, SENTENCE, START, END, RULE, CONFIDENCE, IN_ARTICLE, TITLE, URL, SOURCE, PUBLISHED,
            AUTHOR)

#: the direct property each binary fact kind writes (ROLE and CAST become performances instead)
FACT_PROPERTY: dict[FactKind, URIRef] = {
    FactKind.PLATFORM: STREAMS_ON, FactKind.SEASON: SEASON_OF, FactKind.EPISODES: EPISODES,
    FactKind.EPISODE_MINUTES: EPISODE_MINUTES, FactKind.DIRECTOR: DIRECTOR, FactKind.WRITER: WRITER,
    FactKind.ALIAS: ALIAS,
}

# plain URIRefs: attribute look-ups on rdflib's RDF/RDFS/SKOS namespaces are slow in this hot path
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_PREDICATE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
RDF_OBJECT = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
_XSD_ANYURI = URIRef("http://www.w3.org/2001/XMLSchema#anyURI")
_SPACES = re.compile(r"[\s/]+")


@dataclass(frozen=True)
class MappingOptions:
    """Options of the mapping stage."""

    base: str = DEFAULT_BASE   # where the data IRIs live; the ontology's own namespace never changes


@dataclass(frozen=True)
class ArticleGraph:
    """One article's graph: its name (the article's IRI) and its triples (IRIs and literals only)."""

    iri: str
    triples: tuple[Triple, ...]


# -- IRIs ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def segment(key: str) -> str:
    """A key as one readable IRI path segment: spaces to ``-``, anything unsafe percent-encoded."""
    return quote(_SPACES.sub("-", key.strip()), safe="-._~") or "_"


@lru_cache(maxsize=4096)
def person_segment(name: str) -> str:
    return segment(person_key(name))


@lru_cache(maxsize=4096)
def title_segment(title: str) -> str:
    return segment(title_key(title))


@lru_cache(maxsize=4096)
def _text(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=4096)
def _integer(value: int) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1024)
def _double(value: float) -> Literal:
    return Literal(float(value))


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


class _Iris:
    """IRI minting under one base (memoised: the same names recur in every article)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.person = lru_cache(maxsize=4096)(self._person)
        self.show = lru_cache(maxsize=4096)(self._show)
        self.platform = lru_cache(maxsize=4096)(self._platform)
        self.character = lru_cache(maxsize=4096)(self._character)
        self.performance = lru_cache(maxsize=4096)(self._performance)
        self.statement = lru_cache(maxsize=4096)(self._statement)

    def _person(self, name: str) -> URIRef:
        return URIRef(f"{self.base}person/{person_segment(name)}")

    def _show(self, title: str) -> URIRef:
        return URIRef(f"{self.base}show/{title_segment(title)}")

    def _platform(self, name: str) -> URIRef:
        return URIRef(f"{self.base}platform/{title_segment(name)}")

    def _character(self, name: str, show: str | None) -> URIRef:
        if show:
            return URIRef(f"{self.base}character/{title_segment(show)}/{person_segment(name)}")
        return URIRef(f"{self.base}character/{person_segment(name)}")

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def _performance(self, person: URIRef, show: URIRef | None, character: URIRef | None) -> URIRef:
        return URIRef(f"{self.base}performance/{_digest(person, show or '', character or '')}")

    def _statement(self, subject: URIRef, prop: URIRef, value: URIRef | Literal) -> URIRef:
        kind = "iri" if isinstance(value, URIRef) else f"{value.datatype or ''}"
        return URIRef(f"{self.base}statement/{_digest(subject, prop, kind, value)}")

    def evidence(self, article_id: str, sentence: str, rule: str, confidence: float) -> URIRef:
        return URIRef(f"{self.base}evidence/{article_id}-{_digest(sentence, rule, repr(confidence))[:12]}")


_IRIS: dict[str, _Iris] = {}


def iris(base: str = DEFAULT_BASE) -> _Iris:
    """The IRI minter for ``base`` (shared, so its caches live across articles)."""
    minter = _IRIS.get(base)
    if minter is None:
        minter = _IRIS[base] = _Iris(base)
    return minter


# -- mapping ------------------------------------------------------------------------------------------

class _Builder:
    """Collects one article's triples, node spellings and evidence groups."""

    def __init__(self, extraction: Extraction, minter: _Iris) -> None:
        self.iris = minter
        self.article = extraction.article
        self.article_id = self.article.id
        self.article_iri = minter.article(self.article_id)
        self.triples: dict[Triple, None] = {}   # ordered set
        self.types: dict[URIRef, list[URIRef]] = {}
        self.spellings: dict[URIRef, Counter[str]] = {}
        self.entity_names: dict[URIRef, tuple[str, tuple[str, ...]]] = {}
        self.aliases: dict[URIRef, set[str]] = {}
        self.evidence: dict[tuple[str, str, float], list] = {}   # key -> [iri, start, end]
        self.characters: dict[str, list[URIRef]] = {}                # person key -> character nodes

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples[(s, p, o)] = None

    def node(self, iri: URIRef, cls: URIRef, spelling: str | None = None) -> URIRef:
        types = self.types.setdefault(iri, [])
        if cls not in types:
            types.append(cls)
        if spelling is not None:
            self.spellings.setdefault(iri, Counter())[spelling] += 1
        return iri

    def person(self, name: str) -> URIRef:
        return self.node(self.iris.person(name), PERSON, name)

    def show(self, title: str) -> URIRef:
        return self.node(self.iris.show(title), SHOW, title)

    def evidence_node(self, ev: Evidence | None) -> URIRef | None:
        if ev is None:
            return None
        key = (ev.sentence, ev.rule, ev.confidence)
        found = self.evidence.get(key)
        if found is None:
            found = self.evidence[key] = [self.iris.evidence(self.article_id, *key), ev.start, ev.end]
        else:   # one node per rule and sentence: its span covers every fact read there
            found[1], found[2] = min(found[1], ev.start), max(found[2], ev.end)
        return found[0]

    def performance(self, fact: Fact) -> None:
        assert fact.person is not None
        person = self.person(fact.person)
        show = self.show(fact.show) if fact.show else None
        character = None
        if fact.character:
            character = self.iris.character(fact.character, fact.show)
            if character not in self.types:
                self.characters.setdefault(person_key(fact.character), []).append(character)
            self.node(character, CHARACTER, fact.character)
        # no rdf:type: dg:performer's domain says it is a dg:Performance, and it saves a quad per fact
        perf = self.iris.performance(person, show, character)
        self.add(perf, PERFORMER, person)
        if character is not None:
            self.add(perf, CHARACTER_OF, character)
        if show is not None:
            self.add(perf, IN_SHOW, show)
        ev = self.evidence_node(fact.evidence)
        if ev is not None:
            self.add(perf, EVIDENCE, ev)

    def statement(self, subject: URIRef, prop: URIRef, value: URIRef | Literal, fact: Fact) -> None:
        self.add(subject, prop, value)
        ev = self.evidence_node(fact.evidence)
        if ev is None:
            return
        stmt = self.iris.statement(subject, prop, value)
        self.add(stmt, RDF_SUBJECT, subject)
        self.add(stmt, RDF_PREDICATE, prop)
        self.add(stmt, RDF_OBJECT, value)
        self.add(stmt, EVIDENCE, ev)

    def fact(self, fact: Fact) -> None:
        kind = fact.kind
        # the same conditions as report.facts_document: a fact it would ignore is not written either
        if kind is FactKind.ROLE:
            if fact.person and fact.character:
                self.performance(fact)
        elif kind is FactKind.CAST:
            if fact.person and fact.show:
                self.performance(Fact(kind, show=fact.show, person=fact.person, evidence=fact.evidence))
        elif kind is FactKind.ALIAS:
            if fact.alias and (fact.person or fact.show):
                subject = self.person(fact.person) if fact.person else self.show(fact.show or "")
                self.aliases.setdefault(subject, set()).add(fact.alias)
                self.statement(subject, ALIAS, _text(fact.alias), fact)
        elif fact.show:
            show = self.show(fact.show)
            if kind is FactKind.PLATFORM and fact.platform:
                platform = self.node(self.iris.platform(fact.platform), PLATFORM, fact.platform)
                self.statement(show, STREAMS_ON, platform, fact)
            elif kind is FactKind.SEASON:
                self.node(show, SEASON)
                if fact.number is not None:
                    self.add(show, SEASON_NUMBER, _integer(fact.number))
                if fact.series:
                    series = self.node(self.show(fact.series), SERIES)
                    self.statement(show, SEASON_OF, series, fact)
                elif fact.number is not None:
                    self.statement(show, SEASON_NUMBER, _integer(fact.number), fact)
            elif kind in (FactKind.EPISODES, FactKind.EPISODE_MINUTES) and fact.number is not None:
                self.statement(show, FACT_PROPERTY[kind], _integer(fact.number), fact)
            elif kind in (FactKind.DIRECTOR, FactKind.WRITER) and fact.person:
                self.statement(show, FACT_PROPERTY[kind], self.person(fact.person), fact)

    def entity(self, entity: Entity) -> None:
        if entity.kind is EntityKind.PERSON:
            iri = self.node(self.iris.person(entity.name), PERSON)
        elif entity.kind is EntityKind.SHOW:
            iri = self.node(self.iris.show(entity.name), SHOW)
        elif entity.kind is EntityKind.PLATFORM:
            iri = self.node(self.iris.platform(entity.name), PLATFORM)
        else:
            # a character is only known within its show: label the character nodes the facts made
            for iri in self.characters.get(person_key(entity.name), ()):
                self.entity_names[iri] = (entity.name, entity.variants)
            return
        self.entity_names[iri] = (entity.name, entity.variants)

    def article_triples(self) -> None:
        article, iri = self.article, self.article_iri
        self.add(iri, RDF_TYPE, ARTICLE)
        self.add(iri, SOURCE, _text(article.source))
        if article.title:
            self.add(iri, TITLE, _text(article.title))
        if article.url:
            self.add(iri, URL, Literal(article.url, datatype=_XSD_ANYURI))
        if article.published:
            self.add(iri, PUBLISHED, _text(article.published))
        if article.author:
            self.add(iri, AUTHOR, _text(article.author))

    def node_triples(self) -> list[Triple]:
        out: list[Triple] = []
        for iri, types in self.types.items():
            for cls in types:
                out.append((iri, RDF_TYPE, cls))
            spellings = self.spellings.get(iri) or Counter()
            entity_name, variants = self.entity_names.get(iri, (None, ()))
            label = _pick_label(spellings, entity_name)
            if label is None:
                continue
            out.append((iri, RDFS_LABEL, _text(label)))
            aliases = self.aliases.get(iri, ())
            others = [*spellings, *([entity_name] if entity_name else []), *variants]
            for other in dict.fromkeys(others):
                if other != label and other not in aliases:
                    out.append((iri, SKOS_ALT_LABEL, _text(other)))
        return out

    def evidence_triples(self) -> list[Triple]:
        out: list[Triple] = []
        for (sentence, rule, confidence), (ev, start, end) in self.evidence.items():
            out += [(ev, SENTENCE, _text(sentence)), (ev, START, _integer(start)), (ev, END, _integer(end)),
                    (ev, RULE, _text(rule)), (ev, CONFIDENCE, _double(confidence)),
                    (ev, IN_ARTICLE, self.article_iri)]
        return out


def _pick_label(spellings: Counter[str], entity_name: str | None) -> str | None:
    """The spelling the article's facts use most; on a tie the entity's canonical name, then the first."""
    if not spellings:
        return entity_name
    best = max(spellings.values())
    tied = [s for s, n in spellings.items() if n == best]
    if entity_name in tied:
        return entity_name
    return min(tied)


def to_rdf(extraction: Extraction, options: MappingOptions | None = None) -> ArticleGraph:
    """The triples of one article's named graph (IRIs and literals only: no blank nodes)."""
    options = options or MappingOptions()
    builder = _Builder(extraction, iris(options.base))
    builder.article_triples()
    for fact in extraction.facts:
        builder.fact(fact)
    for entity in extraction.entities:
        builder.entity(entity)
    triples = [*builder.node_triples(), *builder.triples, *builder.evidence_triples()]
    return ArticleGraph(iri=str(builder.article_iri), triples=tuple(dict.fromkeys(triples)))
