"""Reconcile the graph's people, shows, seasons, series and platforms with Wikidata, and fetch what Wikidata
says about the ones linked.

Reconcile: each entity's names (label, spellings, aliases, and variants: hyphens, spacing, name order,
"season N") are looked up as ``rdfs:label`` / ``skos:altLabel`` (``en`` and ``mul`` for Latin script,
``ko`` for Hangul).  Each candidate is scored::

    0.5 label match (0.4 alias or spelling variant)
    + 0.3 type fits (P31/P279*): a show is a television series, season or miniseries; a platform a
          broadcaster, channel, network or organisation; a person is human (0.15) with an acting, directing or
          writing occupation (P106/P279*, 0.15)
    + 0.2 context: the person is cast (P161), director (P57) or screenwriter (P58) of a candidate of a show
          they are in; the show has such a person, or a candidate platform (P449/P750); the season is part of
          (P179) a candidate of its series

and the best one is linked when it reaches the threshold (0.7) and beats the next by 0.1; otherwise the
candidates are kept for review.  A film or a novel with the show's title, or a namesake who is not an
actor, loses on type; two actors of one name are told apart by the casts.

Enrich: for the linked items, labels and descriptions, birth dates and occupations, cast with character
roles (P161 + P453), broadcaster / distributor (P449, P750), part of the series with ordinal (P179 +
P1545), seasons (P4908), episodes (P1113), directors (P57), screenwriters (P58), country of origin (P495),
original language (P364) and publication dates (P577), each family fetched 50 items per query.

Everything is computed first and written at the end in one store update (``Store.replace_graphs``): the
links graph (``owl:sameAs``, scored ``dg:WikidataMatch`` nodes) and the facts graph (Wikidata's own
``wdt:``/``p:``/``ps:``/``pq:`` triples), each with the endpoint and retrieval time.  An interrupted run
writes nothing; the client's cache makes the next run resume where it stopped.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from .mapping import DG
from .names import KOREAN_SURNAMES
from .store import ENRICHMENT_GRAPHS
from .wikidata import WD, WikidataClient, qid, sparql_item, sparql_literal, value

LINKS_GRAPH = ENRICHMENT_GRAPHS + "links"
FACTS_GRAPH = ENRICHMENT_GRAPHS + "facts"
BATCH = 50
THRESHOLD = 0.7
MARGIN = 0.1

WDT = "http://www.wikidata.org/prop/direct/"
P = "http://www.wikidata.org/prop/"
PS = "http://www.wikidata.org/prop/statement/"
PQ = "http://www.wikidata.org/prop/qualifier/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SCHEMA_DESCRIPTION = "http://schema.org/description"   # Wikidata's RDF uses http://schema.org/
PROV_GENERATED = URIRef("http://www.w3.org/ns/prov#generatedAtTime")

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""

# Wikidata classes (P31/P279*) each kind accepts, and occupations (P106/P279*) that make a person fit
HUMAN = "Q5"
SHOW_CLASSES = ("Q5398426", "Q3464665", "Q1259759", "Q15416")   # TV series, TV series season, miniseries, TV programme
PLATFORM_CLASSES = ("Q15265344", "Q2001305", "Q1254874", "Q43229")   # broadcaster, TV channel, TV network, organisation
OCCUPATIONS = ("Q33999", "Q2526255", "Q28389")                   # actor, film director, screenwriter
TYPE_CLASSES = (HUMAN, *SHOW_CLASSES, *PLATFORM_CLASSES)
KINDS = ("person", "show", "season", "series", "platform")
ACCEPTS = {"person": (HUMAN,), "show": SHOW_CLASSES, "season": SHOW_CLASSES, "series": SHOW_CLASSES,
           "platform": PLATFORM_CLASSES}

# -- Wikidata-side queries (standard SPARQL 1.1: no wikibase:label, no mwapi) ---------------------------

SEARCH = PREFIXES + """SELECT ?name ?item ?alias WHERE {{
  VALUES ?name {{ {names} }}
  {{ ?item rdfs:label ?name . BIND(false AS ?alias) }}
  UNION
  {{ ?item skos:altLabel ?name . BIND(true AS ?alias) }}
  FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
}}"""

DETAILS = PREFIXES + """SELECT ?item ?class ?prop ?value WHERE {{
  VALUES ?item {{ {items} }}
  {{ VALUES ?class {{ {classes} }} ?item wdt:P31/wdt:P279* ?class . }}
  UNION
  {{ VALUES ?class {{ {occupations} }} ?item wdt:P106/wdt:P279* ?class . }}
  UNION
  {{ VALUES ?prop {{ wdt:P161 wdt:P57 wdt:P58 wdt:P179 wdt:P449 wdt:P750 }} ?item ?prop ?value . }}
  UNION
  {{ ?item schema:description ?value . FILTER(LANG(?value) = "en") BIND("description" AS ?prop) }}
}}"""

# each family: (query, what it holds); {items} is a VALUES list of up to 50 linked items
FAMILIES: dict[str, str] = {
    "labels": PREFIXES + """SELECT ?item ?prop ?value WHERE {{
  VALUES ?item {{ {items} }}
  VALUES ?prop {{ rdfs:label schema:description }}
  ?item ?prop ?value .
  FILTER(LANG(?value) IN ("en", "ko", "mul"))
}}""",
    "people": PREFIXES + """SELECT ?item ?prop ?value ?valueLabel WHERE {{
  VALUES ?item {{ {items} }}
  VALUES ?prop {{ wdt:P569 wdt:P106 }}
  ?item ?prop ?value .
  OPTIONAL {{ ?value rdfs:label ?valueLabel . FILTER(LANG(?valueLabel) = "en") }}
}}""",
    "cast": PREFIXES + """SELECT ?item ?statement ?value ?valueLabel ?role ?roleLabel WHERE {{
  VALUES ?item {{ {items} }}
  ?item p:P161 ?statement .
  ?statement ps:P161 ?value .
  OPTIONAL {{ ?value rdfs:label ?valueLabel . FILTER(LANG(?valueLabel) = "en") }}
  OPTIONAL {{ ?statement pq:P453 ?role .
             OPTIONAL {{ ?role rdfs:label ?roleLabel . FILTER(LANG(?roleLabel) = "en") }} }}
}}""",
    "shows": PREFIXES + """SELECT ?item ?prop ?value ?valueLabel WHERE {{
  VALUES ?item {{ {items} }}
  VALUES ?prop {{ wdt:P449 wdt:P750 wdt:P1113 wdt:P57 wdt:P58 wdt:P495 wdt:P364 wdt:P577 wdt:P4908 }}
  ?item ?prop ?value .
  OPTIONAL {{ ?value rdfs:label ?valueLabel . FILTER(LANG(?valueLabel) = "en") }}
}}""",
    "series": PREFIXES + """SELECT ?item ?statement ?value ?valueLabel ?ordinal WHERE {{
  VALUES ?item {{ {items} }}
  ?item p:P179 ?statement .
  ?statement ps:P179 ?value .
  OPTIONAL {{ ?statement pq:P1545 ?ordinal }}
  OPTIONAL {{ ?value rdfs:label ?valueLabel . FILTER(LANG(?valueLabel) = "en") }}
}}""",
}
FAMILY_KINDS = {"labels": KINDS, "people": ("person",), "cast": ("show", "season", "series"),
                "shows": ("show", "season", "series"), "series": ("show", "season", "series")}

# what the store says about its entities (standard SPARQL, prefixes declared: works on any Store)
STORE_PREFIXES = """PREFIX dg: <https://w3id.org/dramagraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
ENTITY_NAMES = STORE_PREFIXES + """SELECT ?node ?class ?name ?main WHERE {
  VALUES ?class { dg:Person dg:Show dg:Season dg:Series dg:Platform }
  ?node rdf:type ?class .
  { ?node rdfs:label ?name . BIND(true AS ?main) }
  UNION { ?node skos:altLabel|dg:alias ?name . BIND(false AS ?main) }
}"""
ENTITY_CONTEXT = STORE_PREFIXES + """SELECT ?node ?relation ?other ?number WHERE {
  { ?performance dg:performer ?node ; dg:inShow ?other . BIND("in" AS ?relation) }
  UNION { ?other dg:director|dg:writer ?node . BIND("in" AS ?relation) }
  UNION { ?node dg:streamsOn ?other . BIND("on" AS ?relation) }
  UNION { ?node dg:seasonOf ?other . BIND("seasonOf" AS ?relation)
          OPTIONAL { ?node dg:seasonNumber ?number } }
}"""


# -- values ------------------------------------------------------------------------------------------

@dataclass
class Entity:
    node: str
    kind: str                     # person, show, season, series, platform
    label: str
    names: list[str]              # label first, then spellings and aliases
    shows: set[str] = field(default_factory=set)        # person: shows they are in; show: platforms
    people: set[str] = field(default_factory=set)       # show: its people
    platforms: set[str] = field(default_factory=set)
    series: str | None = None                            # season: its series node
    number: int | None = None


@dataclass
class Candidate:
    item: str                     # Q-id
    score: float
    name: str                     # the name that matched
    description: str | None = None
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"wikidata": self.item, "score": round(self.score, 3), "name": self.name,
                "description": self.description, "reasons": self.reasons}


@dataclass
class Match:
    entity: Entity
    status: str                   # linked, ambiguous, unmatched
    item: str | None = None
    score: float | None = None
    candidates: list[Candidate] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"node": self.entity.node, "name": self.entity.label, "kind": self.entity.kind,
                "status": self.status, "wikidata": self.item,
                "score": None if self.score is None else round(self.score, 3),
                "candidates": [c.as_dict() for c in self.candidates]}


@dataclass
class EnrichReport:
    matches: list[Match]
    facts: int                    # triples stored in the facts graph
    endpoint: str
    requests: int
    cache_hits: int
    retries: int
    requests_by_family: dict[str, int]
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for m in self.matches if m.status == status)

    def as_dict(self) -> dict[str, Any]:
        return {"endpoint": self.endpoint, "linked": self.count("linked"), "ambiguous": self.count("ambiguous"),
                "unmatched": self.count("unmatched"), "wikidata_triples": self.facts,
                "requests": self.requests, "cache_hits": self.cache_hits, "retries": self.retries,
                "requests_by_family": self.requests_by_family, "seconds": round(self.seconds, 3),
                "entities": [m.as_dict() for m in self.matches]}


Progress = Callable[[str], None]


# -- reading the store ---------------------------------------------------------------------------------

_KIND_OF_CLASS = {str(DG.Person): "person", str(DG.Platform): "platform", str(DG.Season): "season",
                  str(DG.Series): "series", str(DG.Show): "show"}
_SPECIFIC = {"season": 3, "series": 2, "show": 1, "person": 4, "platform": 4}


def read_entities(store: Any) -> list[Entity]:
    """The people, shows, seasons, series and platforms of the graph, with names and context."""
    kinds: dict[str, str] = {}
    main: dict[str, dict[str, int]] = defaultdict(dict)
    others: dict[str, set[str]] = defaultdict(set)
    for row in store.select(ENTITY_NAMES):
        node, kind = row["node"], _KIND_OF_CLASS[row["class"]]
        if _SPECIFIC[kind] > _SPECIFIC.get(kinds.get(node, ""), 0):
            kinds[node] = kind
        if row["main"]:
            main[node][row["name"]] = main[node].get(row["name"], 0) + 1
        else:
            others[node].add(row["name"])
    entities: dict[str, Entity] = {}
    for node, kind in kinds.items():
        labels = main.get(node) or {name: 1 for name in others.get(node, ())}
        if not labels:
            continue
        label = min(labels, key=lambda name: (-labels[name], name))
        names = [label, *sorted((set(labels) | others.get(node, set())) - {label})]
        entities[node] = Entity(node=node, kind=kind, label=label, names=names)
    for row in store.select(ENTITY_CONTEXT):
        entity, other = entities.get(row["node"]), row["other"]
        if entity is None or other not in entities:
            continue
        if row["relation"] == "in":
            entity.shows.add(other)
            entities[other].people.add(entity.node)
        elif row["relation"] == "on":
            entity.platforms.add(other)
        elif row["relation"] == "seasonOf":
            entity.series = other
            if isinstance(row.get("number"), int):
                entity.number = row["number"]
    return sorted(entities.values(), key=lambda e: (KINDS.index(e.kind), e.label, e.node))


# -- spelling variants ---------------------------------------------------------------------------------

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SEASON = re.compile(r"^(?P<title>.+?)(?:,)?\s+(?:#|season\s+|part\s+|s)(?P<n>\d{1,3})$", re.IGNORECASE)


def _given_forms(given: list[str]) -> list[str]:
    """"Yu-jin" -> Yu-jin, Yujin, Yu Jin, Yu-Jin."""
    parts = [p for g in given for p in g.split("-") if p]
    if len(parts) < 2:
        return [" ".join(given)]
    first, rest = parts[0], [p.lower() for p in parts[1:]]
    return list(dict.fromkeys([" ".join(given), first + "-" + "-".join(rest), first + "".join(rest),
                               " ".join([first, *(r.capitalize() for r in rest)]),
                               first + "-" + "-".join(r.capitalize() for r in rest)]))


def person_variants(name: str) -> list[str]:
    """Ways Wikidata may write a person's name: as given, given-name spellings, either name order."""
    words = name.split()
    out = [name]
    if len(words) < 2 or _HANGUL.search(name):
        return out
    if words[0].lower() in KOREAN_SURNAMES:
        family, given = words[0], words[1:]
    elif words[-1].lower() in KOREAN_SURNAMES:
        family, given = words[-1], words[:-1]
    else:
        return out
    for form in _given_forms(given):
        out += [f"{family} {form}", f"{form} {family}"]
    return list(dict.fromkeys(out))


def title_variants(title: str, series: str | None = None, number: int | None = None) -> list[str]:
    """A title as given, with and without a leading "The"; a season also as "SERIES season N"."""
    out = [title]
    if title.lower().startswith("the "):
        out.append(title[4:])
    else:
        out.append("The " + title)
    match = _SEASON.match(title)
    if match and series is None:
        series, number = match.group("title"), int(match.group("n"))
    if series and number is not None:
        out += [f"{series} season {number}", f"{series} Season {number}", f"{series} {number}",
                f"{series}, season {number}"]
    return list(dict.fromkeys(o for o in out if o.strip()))


def literals(name: str) -> list[str]:
    """The language-tagged literals a name is looked up as."""
    if _HANGUL.search(name):
        return [sparql_literal(name, "ko")]
    return [sparql_literal(name, "en"), sparql_literal(name, "mul")]


def _lookups(entity: Entity, labels: dict[str, str]) -> dict[str, bool]:
    """Name -> is it the entity's own label (True) or an alias or variant (False)."""
    out: dict[str, bool] = {}
    for i, name in enumerate(entity.names):
        if entity.kind == "person":
            variants = person_variants(name)
        else:
            series = labels.get(entity.series) if entity.series else None
            variants = title_variants(name, series, entity.number if series else None)
        for j, variant in enumerate(variants):
            out.setdefault(variant, i == 0 and j == 0)
    return out


def _batches(items: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# -- reconcile ---------------------------------------------------------------------------------------

@dataclass
class _Details:
    classes: set[str] = field(default_factory=set)
    relations: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    description: str | None = None


def reconcile(entities: list[Entity], client: WikidataClient, *, threshold: float = THRESHOLD,
              progress: Progress | None = None) -> list[Match]:
    """Find, score and pick Wikidata items for the entities (two queries per 50 entities)."""
    labels = {e.node: e.label for e in entities}
    found: dict[str, dict[str, tuple[str, bool]]] = defaultdict(dict)   # node -> item -> (name, exact)
    details: dict[str, _Details] = defaultdict(_Details)
    done = 0
    for batch in _batches(entities):
        wanted: dict[str, list[tuple[Entity, bool]]] = defaultdict(list)
        for entity in batch:
            for name, exact in _lookups(entity, labels).items():
                wanted[name].append((entity, exact))
        names = sorted({lit for name in wanted for lit in literals(name)})
        answer = client.select(SEARCH.format(names=" ".join(names)), "search")
        batch_items: set[str] = set()
        for row in answer.rows:
            item, name = qid(value(row.get("item"))), value(row.get("name"))
            if item is None or name is None:
                continue
            alias = value(row.get("alias")) == "true"
            for entity, exact in wanted.get(name, ()):
                known = found[entity.node].get(item)
                is_exact = exact and not alias
                if known is None or (is_exact and not known[1]):
                    found[entity.node][item] = (name, is_exact)
                batch_items.add(item)
        fresh = sorted(batch_items - set(details))
        if fresh:
            query = DETAILS.format(items=" ".join(sparql_item(q) for q in fresh),
                                   classes=" ".join("wd:" + c for c in TYPE_CLASSES),
                                   occupations=" ".join("wd:" + c for c in OCCUPATIONS))
            for row in client.select(query, "candidates").rows:
                item = qid(value(row.get("item")))
                if item is None:
                    continue
                info = details[item]
                cls, prop, val = qid(value(row.get("class"))), value(row.get("prop")), value(row.get("value"))
                if cls:
                    info.classes.add(cls)
                elif prop == "description":
                    info.description = val
                elif prop and val and qid(val):
                    info.relations[prop.rsplit("/", 1)[-1]].add(qid(val) or "")
            for item in fresh:
                details.setdefault(item, _Details())
        done += len(batch)
        if progress:
            progress(f"reconciled {done}/{len(entities)} entities")
    return _score(entities, found, details, threshold)


def _fits(kind: str, info: _Details) -> tuple[float, list[str]]:
    if kind == "person":
        score, reasons = 0.0, []
        if HUMAN in info.classes:
            score += 0.15
            reasons.append("human")
        if info.classes & set(OCCUPATIONS):
            score += 0.15
            reasons.append("screen occupation")
        return score, reasons
    if info.classes & set(ACCEPTS[kind]):
        return 0.3, ["type " + kind]
    return 0.0, []


def _score(entities: list[Entity], found: dict[str, dict[str, tuple[str, bool]]], details: dict[str, _Details],
           threshold: float) -> list[Match]:
    by_node = {e.node: e for e in entities}
    # context counts only candidates of the right type: a film's cast says nothing about a series' cast
    cands = {node: {item for item in items if _fits(by_node[node].kind, details.get(item, _Details()))[0] > 0}
             for node, items in found.items()}

    def related(item: str, props: tuple[str, ...]) -> set[str]:
        info = details.get(item)
        return set().union(*(info.relations.get(p, set()) for p in props)) if info else set()

    def context(entity: Entity, item: str) -> str | None:
        if entity.kind == "person":
            for show in entity.shows:
                for show_item in cands.get(show, ()):
                    if item in related(show_item, ("P161", "P57", "P58")):
                        return "credited in a candidate of " + by_node[show].label
            return None
        people = related(item, ("P161", "P57", "P58"))
        for person in entity.people:
            if cands.get(person, set()) & people:
                return "credits a candidate of " + by_node[person].label
        platforms = related(item, ("P449", "P750"))
        for platform in entity.platforms:
            if cands.get(platform, set()) & platforms:
                return "on a candidate of " + by_node[platform].label
        if entity.series and cands.get(entity.series, set()) & related(item, ("P179",)):
            return "part of a candidate of " + by_node[entity.series].label
        return None

    matches: list[Match] = []
    for entity in entities:
        scored: list[Candidate] = []
        for item, (name, exact) in found.get(entity.node, {}).items():
            info = details.get(item, _Details())
            score = 0.5 if exact else 0.4
            reasons = ["label" if exact else "alias or variant"]
            bonus, why = _fits(entity.kind, info)
            score += bonus
            reasons += why
            ctx = context(entity, item) if bonus else None
            if ctx:
                score += 0.2
                reasons.append(ctx)
            scored.append(Candidate(item=item, score=round(score, 3), name=name, description=info.description,
                                    reasons=reasons))
        scored.sort(key=lambda c: (-c.score, int(c.item[1:])))
        if not scored:
            matches.append(Match(entity, "unmatched"))
            continue
        best = scored[0]
        runner_up = scored[1].score if len(scored) > 1 else 0.0
        if best.score >= threshold and best.score - runner_up >= MARGIN - 1e-9:
            matches.append(Match(entity, "linked", best.item, best.score, scored))
        else:
            matches.append(Match(entity, "ambiguous", None, None, scored))
    return matches


# -- enrich --------------------------------------------------------------------------------------------

def _term(binding: dict[str, Any] | None) -> URIRef | Literal | None:
    """A SPARQL JSON binding as an rdflib term (blank nodes are skipped: they cannot be stored)."""
    if not binding:
        return None
    kind, text = binding.get("type"), binding.get("value")
    if not isinstance(text, str):
        return None
    if kind == "uri":
        return URIRef(text)
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return Literal(text, lang=binding["xml:lang"])
        if binding.get("datatype"):
            return Literal(text, datatype=URIRef(binding["datatype"]))
        return Literal(text)
    return None


def fetch_facts(items: list[tuple[str, str]], client: WikidataClient,
                progress: Progress | None = None) -> tuple[list[tuple[Any, Any, Any]], list[str]]:
    """Wikidata's triples about linked ``(Q-id, kind)`` items, one query per family and 50 items.
    Returns the triples and the retrieval times of the answers used."""
    triples: dict[tuple[Any, Any, Any], None] = {}
    times: list[str] = []
    for family, query in FAMILIES.items():
        wanted = sorted({q for q, kind in items if kind in FAMILY_KINDS[family]}, key=lambda q: int(q[1:]))
        for batch in _batches(wanted):
            answer = client.select(query.format(items=" ".join(sparql_item(q) for q in batch)), family)
            times.append(answer.retrieved)
            for row in answer.rows:
                for triple in _family_triples(family, row):
                    if all(t is not None for t in triple):
                        triples[triple] = None
        if progress and wanted:
            progress(f"fetched {family} of {len(wanted)} items")
    return list(triples), times


def _family_triples(family: str, row: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    item, val = _term(row.get("item")), _term(row.get("value"))
    label = _term(row.get("valueLabel"))
    out: list[tuple[Any, Any, Any]] = []
    if family in ("labels", "people", "shows"):
        prop = _term(row.get("prop"))
        out.append((item, prop, val))
    elif family in ("cast", "series"):
        prop_id = "P161" if family == "cast" else "P179"
        statement = _term(row.get("statement"))
        out += [(item, URIRef(WDT + prop_id), val), (item, URIRef(P + prop_id), statement),
                (statement, URIRef(PS + prop_id), val)]
        if family == "cast":
            role, role_label = _term(row.get("role")), _term(row.get("roleLabel"))
            if role is not None:
                out.append((statement, URIRef(PQ + "P453"), role))
                if role_label is not None:
                    out.append((role, URIRef(RDFS_LABEL), role_label))
        else:
            ordinal = _term(row.get("ordinal"))
            if ordinal is not None:
                out.append((statement, URIRef(PQ + "P1545"), ordinal))
    if label is not None and isinstance(val, URIRef):
        out.append((val, URIRef(RDFS_LABEL), label))
    return [t for t in out if isinstance(t[0], URIRef) and isinstance(t[1], URIRef)]


def _link_triples(matches: list[Match], endpoint: str, retrieved: str | None,
                  threshold: float) -> list[tuple[Any, Any, Any]]:
    graph = URIRef(LINKS_GRAPH)
    out: list[tuple[Any, Any, Any]] = [(graph, DG.endpoint, URIRef(endpoint)),
                                       (graph, DG.threshold, Literal(threshold, datatype=XSD.double))]
    if retrieved:
        out.append((graph, PROV_GENERATED, Literal(retrieved, datatype=XSD.dateTime)))
    for match in matches:
        node = URIRef(match.entity.node)
        if match.status == "linked" and match.item:
            out.append((node, OWL.sameAs, URIRef(WD + match.item)))
        for cand in match.candidates:
            digest = hashlib.sha1(f"{match.entity.node}\x1f{cand.item}".encode()).hexdigest()[:16]
            m = URIRef(f"{ENRICHMENT_GRAPHS}match/{digest}")
            out += [(m, RDF.type, DG.WikidataMatch), (m, DG.matchOf, node),
                    (m, DG.wikidataItem, URIRef(WD + cand.item)),
                    (m, DG.matchScore, Literal(cand.score, datatype=XSD.double)),
                    (m, DG.matchStatus, Literal("linked" if cand.item == match.item else "candidate")),
                    (m, DG.matchedName, Literal(cand.name))]
            if cand.description:
                out.append((m, DG.wikidataDescription, Literal(cand.description)))
    return out


def enrich(store: Any, client: WikidataClient, *, threshold: float = THRESHOLD,
           progress: Progress | None = None) -> EnrichReport:
    """Reconcile the store's entities, fetch the linked ones' Wikidata facts and store both (one update)."""
    import time

    started = time.perf_counter()
    entities = read_entities(store)
    if progress:
        progress(f"{len(entities)} entities to reconcile against {client.endpoint}")
    matches = reconcile(entities, client, threshold=threshold, progress=progress)
    linked = [(m.item, m.entity.kind) for m in matches if m.status == "linked" and m.item]
    facts, times = fetch_facts(linked, client, progress)
    retrieved = min(times) if times else None
    graph = URIRef(FACTS_GRAPH)
    facts_graph = [(graph, DG.endpoint, URIRef(client.endpoint)), *facts]
    if retrieved:
        facts_graph.append((graph, PROV_GENERATED, Literal(retrieved, datatype=XSD.dateTime)))
    store.replace_graphs([(LINKS_GRAPH, _link_triples(matches, client.endpoint, retrieved, threshold)),
                          (FACTS_GRAPH, facts_graph)])
    counters = client.counters
    return EnrichReport(matches=matches, facts=len(facts), endpoint=client.endpoint, requests=counters.requests,
                        cache_hits=counters.cache_hits, retries=counters.retries,
                        requests_by_family=dict(counters.by_family), seconds=time.perf_counter() - started)


# -- linked entities, for facts --json ---------------------------------------------------------------

LINKED = STORE_PREFIXES + """SELECT ?node ?class ?item WHERE {
  VALUES ?class { dg:Person dg:Show dg:Season dg:Series dg:Platform }
  ?node rdf:type ?class ; owl:sameAs ?item .
  FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/"))
}"""


def linked_entities(store: Any, labels: dict[str, str]) -> list[dict[str, Any]]:
    """``[{"name", "kind", "wikidata"}]`` of every linked entity (kind: person, show or platform)."""
    kinds: dict[tuple[str, str], str] = {}
    for row in store.select(LINKED):
        kind = {"season": "show", "series": "show"}.get(_KIND_OF_CLASS[row["class"]], _KIND_OF_CLASS[row["class"]])
        kinds[row["node"], row["item"][len(WD):]] = kind
    out = [{"name": labels.get(node, node), "kind": kind, "wikidata": item} for (node, item), kind in kinds.items()]
    return sorted(out, key=lambda e: (e["kind"], e["name"], e["wikidata"]))

