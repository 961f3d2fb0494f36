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
``rdfs:label`` (the spelling its facts use most) and ``skos:altLabel`` (the other spellings it used), and
``dg:nameKey`` literals, the match keys of those names and of its aliases (``names.person_match_keys`` /
``title_match_keys``): the shipped queries find a node by name with one indexed equality on them.
Re-mapping an unchanged extraction gives the same triples in the same order.

Terms are built as N-Triples text, not as rdflib objects: ``ArticleGraph.triples`` keeps each triple as one
``"<s> <p> o"`` line, hands the store N-Quads it can load without per-term conversion, and gives rdflib
terms only to whoever iterates it (the tests, the golden comparisons).

The triple count is kept low on purpose because every quad costs store time: no ``rdf:type`` on
performance, statement and evidence nodes (their shape says what they are), one evidence node per rule and sentence,
and spelling variants that are also ``dg:alias`` values are not repeated as ``skos:altLabel``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, Namespace, URIRef

from .models import DEFAULT_BASE, Entity, EntityKind, Evidence, Extraction, Fact, FactKind
from .names import person_key, person_match_keys, title_key, title_match_keys

DG = Namespace("https://w3id.org/dramagraph/ontology#")

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
CONTENT_HASH, NAME_KEY = DG.contentHash, DG.nameKey
DG_TERMS = (SHOW, SEASON, SERIES, PLATFORM, PERSON, CHARACTER, PERFORMANCE, ARTICLE, PERFORMER, CHARACTER_OF,
            IN_SHOW, EVIDENCE, STREAMS_ON, SEASON_OF, SEASON_NUMBER, EPISODES, EPISODE_MINUTES, DIRECTOR,
            WRITER, ALIAS, SENTENCE, START, END, RULE, CONFIDENCE, IN_ARTICLE, TITLE, URL, SOURCE, PUBLISHED,
            AUTHOR, CONTENT_HASH, NAME_KEY)

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
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_ANYURI = URIRef(_XSD + "anyURI")
_XSD_INTEGER, _XSD_DOUBLE = URIRef(_XSD + "integer"), URIRef(_XSD + "double")
_SPACES = re.compile(r"[\s/]+")

#: the shape of the graphs this module writes; ingest's content hash includes it, so inputs mapped under
#: another shape are read again once (2: dg:nameKey on named nodes)
GRAPH_VERSION = 2


@dataclass(frozen=True)
class MappingOptions:
    """Options of the mapping stage."""

    base: str = DEFAULT_BASE   # where the data IRIs live; the ontology's own namespace never changes


# -- N-Triples terms ----------------------------------------------------------------------------------

def nt_iri(iri: str) -> str:
    return f"<{iri}>"


# every character N-Triples, N-Quads and SPARQL need escaped in a quoted literal, escaped as Oxigraph does
_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPED = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_UNESCAPE = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPE.get(char) or f"\\u{ord(char):04X}"


def _unescape_char(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) > 1:
        return chr(int(code[1:], 16))
    return _UNESCAPE.get(code, code)


def nt_string(value: str) -> str:
    """A plain string literal in N-Triples (and SPARQL) syntax."""
    if _NEEDS_ESCAPE.search(value):
        value = _NEEDS_ESCAPE.sub(_escape_char, value)
    return f'"{value}"'


def nt_literal(value: str, datatype: str) -> str:
    return f"{nt_string(value)}^^<{datatype}>"


_DATATYPES: dict[str, object] = {_XSD + "integer": int, _XSD + "double": float}


def rdflib_term(term: str) -> URIRef | Literal:
    """One N-Triples term (as this module writes them: IRIs and literals) as an rdflib term."""
    if term[0] == "<":
        return URIRef(term[1:-1])
    end = term.rindex('"')
    lexical = _ESCAPED.sub(_unescape_char, term[1:end]) if "\\" in term else term[1:end]
    rest = term[end + 1:]
    if not rest:
        return Literal(lexical)
    if rest[0] == "@":
        return Literal(lexical, lang=rest[1:])
    datatype = rest[3:-1]
    convert = _DATATYPES.get(datatype)
    if convert is not None:
        return Literal(convert(lexical))   # type: ignore[operator]
    return Literal(lexical, datatype=URIRef(datatype))


class Triples(Sequence[Triple]):
    """An article's triples, held as N-Triples lines (``"<s> <p> o"``, no final dot) and read as rdflib
    terms on demand.  Equal to another ``Triples`` with the same lines, or to a tuple of the same triples."""

    __slots__ = ("lines", "_terms")

    def __init__(self, lines: tuple[str, ...]) -> None:
        self.lines = lines
        self._terms: tuple[Triple, ...] | None = None

    def _rdflib(self) -> tuple[Triple, ...]:
        if self._terms is None:
            terms = {}
            out = []
            for line in self.lines:
                triple = []
                for part in line.split(" ", 2):
                    term = terms.get(part)
                    if term is None:
                        term = terms[part] = rdflib_term(part)
                    triple.append(term)
                out.append(tuple(triple))
            self._terms = tuple(out)  # type: ignore[arg-type]
        return self._terms  # type: ignore[return-value]

    def nquads(self, graph_iri: str) -> str:
        """The triples as N-Quads lines in the named graph ``graph_iri``."""
        if not self.lines:
            return ""
        tail = f" <{graph_iri}> .\n"
        return tail.join(self.lines) + tail

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index):  # type: ignore[no-untyped-def,override]
        return self._rdflib()[index]

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._rdflib())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Triples):
            return self.lines == other.lines
        if isinstance(other, tuple):
            return self._rdflib() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.lines)

    def __repr__(self) -> str:
        return f"Triples({len(self.lines)} triples)"


@dataclass(frozen=True)
class ArticleGraph:
    """One article's graph: its name (the article's IRI) and its triples (IRIs and literals only)."""

    iri: str
    triples: Triples


# -- IRIs ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def segment(key: str) -> str:
    """A key as one readable IRI path segment: spaces to ``-``, anything unsafe percent-encoded."""
    return quote(_SPACES.sub("-", key.strip()), safe="-._~") or "_"


_person_key = lru_cache(maxsize=4096)(person_key)   # character names are keyed for every fact naming them
_person_match_keys = lru_cache(maxsize=8192)(person_match_keys)
_title_match_keys = lru_cache(maxsize=8192)(title_match_keys)


@lru_cache(maxsize=4096)
def person_segment(name: str) -> str:
    return segment(_person_key(name))


@lru_cache(maxsize=4096)
def title_segment(title: str) -> str:
    return segment(title_key(title))


@lru_cache(maxsize=4096)
def _text(value: str) -> str:
    return nt_string(value)


@lru_cache(maxsize=4096)
def _integer(value: int) -> str:
    return f'"{value}"^^<{_XSD_INTEGER}>'


@lru_cache(maxsize=1024)
def _double(value: float) -> str:
    return f'"{Literal(float(value))}"^^<{_XSD_DOUBLE}>'


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# the predicates and classes as N-Triples terms
_P_TYPE, _P_SUBJECT, _P_PREDICATE, _P_OBJECT = map(nt_iri, (RDF_TYPE, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT))
_P_LABEL, _P_ALT_LABEL = nt_iri(RDFS_LABEL), nt_iri(SKOS_ALT_LABEL)
_C_SHOW, _C_SEASON, _C_SERIES, _C_PLATFORM, _C_PERSON, _C_CHARACTER, _C_ARTICLE = map(
    nt_iri, (SHOW, SEASON, SERIES, PLATFORM, PERSON, CHARACTER, ARTICLE))
_P_PERFORMER, _P_CHARACTER, _P_IN_SHOW, _P_EVIDENCE = map(nt_iri, (PERFORMER, CHARACTER_OF, IN_SHOW, EVIDENCE))
_P_SEASON_NUMBER, _P_ALIAS = nt_iri(SEASON_NUMBER), nt_iri(ALIAS)
_P_SENTENCE, _P_START, _P_END, _P_RULE, _P_CONFIDENCE, _P_IN_ARTICLE = map(
    nt_iri, (SENTENCE, START, END, RULE, CONFIDENCE, IN_ARTICLE))
_P_TITLE, _P_URL, _P_SOURCE, _P_PUBLISHED, _P_AUTHOR = map(nt_iri, (TITLE, URL, SOURCE, PUBLISHED, AUTHOR))
_P_CONTENT_HASH, _P_NAME_KEY = nt_iri(CONTENT_HASH), nt_iri(NAME_KEY)
_NT_PROPERTY = {kind: nt_iri(prop) for kind, prop in FACT_PROPERTY.items()}
_P_STREAMS_ON, _P_SEASON_OF = _NT_PROPERTY[FactKind.PLATFORM], _NT_PROPERTY[FactKind.SEASON]
# what an IRI may not contain (RFC 3987), and the scheme it must start with
_BAD_BASE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class _Iris:
    """IRI minting under one base, as N-Triples terms (memoised: the same names recur in every article)."""

    def __init__(self, base: str) -> None:
        if not _SCHEME.match(base) or _BAD_BASE.search(base):
            raise ValueError(f"not a valid base IRI: {base!r}")
        self.base = base
        self.person = lru_cache(maxsize=4096)(self._person)
        self.show = lru_cache(maxsize=4096)(self._show)
        self.platform = lru_cache(maxsize=4096)(self._platform)
        self.character = lru_cache(maxsize=4096)(self._character)

    def _person(self, name: str) -> str:
        return f"<{self.base}person/{person_segment(name)}>"

    def _show(self, title: str) -> str:
        return f"<{self.base}show/{title_segment(title)}>"

    def _platform(self, name: str) -> str:
        return f"<{self.base}platform/{title_segment(name)}>"

    def _character(self, name: str, show: str | None) -> str:
        if show:
            return f"<{self.base}character/{title_segment(show)}/{person_segment(name)}>"
        return f"<{self.base}character/{person_segment(name)}>"

    def article(self, article_id: str) -> str:
        return f"<{self.base}article/{article_id}>"

    def performance(self, person: str, show: str | None, character: str | None) -> str:
        # hashed on the bare IRIs (``person[1:-1]``), so a performance keeps its IRI across versions
        digest = _digest(person[1:-1], show[1:-1] if show else "", character[1:-1] if character else "")
        return f"<{self.base}performance/{digest}>"

    def statement(self, subject: str, prop: str, kind: str, value: str) -> str:
        """``kind`` is "iri" for an IRI ``value`` (bare), else the literal's datatype ("" for a string)."""
        return f"<{self.base}statement/{_digest(subject[1:-1], prop[1:-1], kind, value)}>"

    def evidence(self, article_id: str, sentence: str, rule: str, confidence: float) -> str:
        return f"<{self.base}evidence/{article_id}-{_digest(sentence, rule, repr(confidence))[:12]}>"


_IRIS: dict[str, _Iris] = {}


def iris(base: str = DEFAULT_BASE) -> _Iris:
    """The IRI minter for ``base`` (shared, so its caches live across articles)."""
    minter = _IRIS.get(base)
    if minter is None:
        minter = _IRIS[base] = _Iris(base)
    return minter


# -- mapping ------------------------------------------------------------------------------------------

class _Builder:
    """Collects one article's triples (N-Triples lines), node spellings and evidence groups."""

    def __init__(self, extraction: Extraction, minter: _Iris) -> None:
        self.iris = minter
        self.article = extraction.article
        self.article_id = self.article.id
        self.article_iri = minter.article(self.article_id)
        self.triples: dict[str, None] = {}   # ordered set of lines
        self.types: dict[str, list[str]] = {}
        self.spellings: dict[str, Counter[str]] = {}
        self.entity_names: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.aliases: dict[str, set[str]] = {}
        self.evidence: dict[tuple[str, str, float], list] = {}   # key -> [iri, start, end]
        self.characters: dict[str, list[str]] = {}                # person key -> character nodes

    def add(self, s: str, p: str, o: str) -> None:
        self.triples[f"{s} {p} {o}"] = None

    def node(self, iri: str, cls: str, spelling: str | None = None) -> str:
        types = self.types.get(iri)
        if types is None:
            self.types[iri] = [cls]
        elif cls not in types:
            types.append(cls)
        if spelling is not None:
            spellings = self.spellings.get(iri)
            if spellings is None:
                spellings = self.spellings[iri] = Counter()
            spellings[spelling] += 1
        return iri

    def person(self, name: str) -> str:
        return self.node(self.iris.person(name), _C_PERSON, name)

    def show(self, title: str) -> str:
        return self.node(self.iris.show(title), _C_SHOW, title)

    def evidence_node(self, ev: Evidence | None) -> str | None:
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
                self.characters.setdefault(_person_key(fact.character), []).append(character)
            self.node(character, _C_CHARACTER, fact.character)
        # no rdf:type: dg:performer's domain says it is a dg:Performance, and it saves a quad per fact
        perf = self.iris.performance(person, show, character)
        self.add(perf, _P_PERFORMER, person)
        if character is not None:
            self.add(perf, _P_CHARACTER, character)
        if show is not None:
            self.add(perf, _P_IN_SHOW, show)
        ev = self.evidence_node(fact.evidence)
        if ev is not None:
            self.add(perf, _P_EVIDENCE, ev)

    def statement(self, subject: str, prop: str, value: str, fact: Fact, kind: str = "iri",
                  lexical: str | None = None) -> None:
        """``subject prop value``, described by a statement node with the fact's evidence.  For a literal
        ``value``, ``kind`` is its datatype ("" for a string) and ``lexical`` its lexical form."""
        self.add(subject, prop, value)
        ev = self.evidence_node(fact.evidence)
        if ev is None:
            return
        stmt = self.iris.statement(subject, prop, kind, value[1:-1] if lexical is None else lexical)
        self.add(stmt, _P_SUBJECT, subject)
        self.add(stmt, _P_PREDICATE, prop)
        self.add(stmt, _P_OBJECT, value)
        self.add(stmt, _P_EVIDENCE, ev)

    def number(self, subject: str, prop: str, number: int, fact: Fact) -> None:
        self.statement(subject, prop, _integer(number), fact, str(_XSD_INTEGER), str(number))

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
            if fact.alias and (fact.person or fact.show or fact.platform):
                if fact.person:
                    subject = self.person(fact.person)
                elif fact.show:
                    subject = self.show(fact.show)
                else:
                    subject = self.node(self.iris.platform(fact.platform or ""), _C_PLATFORM, fact.platform)
                self.aliases.setdefault(subject, set()).add(fact.alias)
                self.statement(subject, _P_ALIAS, _text(fact.alias), fact, "", fact.alias)
        elif fact.show:
            show = self.show(fact.show)
            if kind is FactKind.PLATFORM and fact.platform:
                platform = self.node(self.iris.platform(fact.platform), _C_PLATFORM, fact.platform)
                self.statement(show, _P_STREAMS_ON, platform, fact)
            elif kind is FactKind.SEASON:
                self.node(show, _C_SEASON)
                if fact.number is not None:
                    self.add(show, _P_SEASON_NUMBER, _integer(fact.number))
                if fact.series:
                    series = self.node(self.show(fact.series), _C_SERIES)
                    self.statement(show, _P_SEASON_OF, series, fact)
                elif fact.number is not None:
                    self.number(show, _P_SEASON_NUMBER, fact.number, fact)
            elif kind in (FactKind.EPISODES, FactKind.EPISODE_MINUTES) and fact.number is not None:
                self.number(show, _NT_PROPERTY[kind], fact.number, fact)
            elif kind in (FactKind.DIRECTOR, FactKind.WRITER) and fact.person:
                self.statement(show, _NT_PROPERTY[kind], self.person(fact.person), fact)

    def entity(self, entity: Entity) -> None:
        if entity.kind is EntityKind.PERSON:
            iri = self.node(self.iris.person(entity.name), _C_PERSON)
        elif entity.kind is EntityKind.SHOW:
            iri = self.node(self.iris.show(entity.name), _C_SHOW)
        elif entity.kind is EntityKind.PLATFORM:
            iri = self.node(self.iris.platform(entity.name), _C_PLATFORM)
        else:
            # a character is only known within its show: label the character nodes the facts made
            for iri in self.characters.get(_person_key(entity.name), ()):
                self.entity_names[iri] = (entity.name, entity.variants)
            return
        self.entity_names[iri] = (entity.name, entity.variants)

    def article_triples(self) -> None:
        article, iri = self.article, self.article_iri
        self.add(iri, _P_TYPE, _C_ARTICLE)
        self.add(iri, _P_SOURCE, _text(article.source))
        if article.title:
            self.add(iri, _P_TITLE, _text(article.title))
        if article.url:
            self.add(iri, _P_URL, nt_literal(article.url, str(_XSD_ANYURI)))
        if article.published:
            self.add(iri, _P_PUBLISHED, _text(article.published))
        if article.author:
            self.add(iri, _P_AUTHOR, _text(article.author))
        if article.content_hash:   # lets a later ingest skip the unchanged input
            self.add(iri, _P_CONTENT_HASH, _text(article.content_hash))

    def node_triples(self) -> list[str]:
        out: list[str] = []
        no_name: tuple[None, tuple[str, ...]] = (None, ())
        for iri, types in self.types.items():
            for cls in types:
                out.append(f"{iri} {_P_TYPE} {cls}")
            spellings = self.spellings.get(iri)
            entity_name, variants = self.entity_names.get(iri, no_name)
            label = _pick_label(spellings, entity_name)
            if label is None:
                continue
            out.append(f"{iri} {_P_LABEL} {_text(label)}")
            aliases = self.aliases.get(iri, ())
            names = [label]
            if variants or (spellings is not None and len(spellings) > 1) or entity_name not in (None, label):
                others = [*(spellings or ()), *([entity_name] if entity_name else []), *variants]
                for other in dict.fromkeys(others):
                    if other != label and other not in aliases:
                        out.append(f"{iri} {_P_ALT_LABEL} {_text(other)}")
                        names.append(other)
            # every name's match key, so the shipped queries find the node by one indexed literal
            keys = _person_match_keys if (_C_PERSON in types or _C_CHARACTER in types) else _title_match_keys
            for key in dict.fromkeys(k for name in (*names, *sorted(aliases)) for k in keys(name)):
                out.append(f"{iri} {_P_NAME_KEY} {_text(key)}")
        return out

    def evidence_triples(self) -> list[str]:
        out: list[str] = []
        article = self.article_iri
        for (sentence, rule, confidence), (ev, start, end) in self.evidence.items():
            out += [f"{ev} {_P_SENTENCE} {_text(sentence)}", f"{ev} {_P_START} {_integer(start)}",
                    f"{ev} {_P_END} {_integer(end)}", f"{ev} {_P_RULE} {_text(rule)}",
                    f"{ev} {_P_CONFIDENCE} {_double(confidence)}", f"{ev} {_P_IN_ARTICLE} {article}"]
        return out


def _pick_label(spellings: Counter[str] | None, entity_name: str | None) -> str | None:
    """The spelling the article's facts use most; on a tie the entity's canonical name, then the first."""
    if not spellings:
        return entity_name
    if len(spellings) == 1:
        return next(iter(spellings))
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
    lines = [*builder.node_triples(), *builder.triples, *builder.evidence_triples()]
    return ArticleGraph(iri=builder.article_iri[1:-1], triples=Triples(tuple(dict.fromkeys(lines))))
