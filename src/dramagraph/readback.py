"""Reading the graph back: facts, explanations and counts, through the SPARQL files in queries/.

``read_facts`` is what ``dramagraph facts`` prints (via ``report.facts_document``): the facts as the graph
holds them, so a fact is reported once however many articles state it.  Where articles disagree, one
value is chosen deterministically: a node's name is the label most articles use (then the lexically
first), and a single-valued attribute (episodes, minutes, season) is the value most articles state (then
the smallest).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any, Protocol

from .models import Fact, FactKind
from .names import person_key, title_key
from .queries import load

# the IRIs of mapping's terms, as strings: reading the graph back needs neither mapping nor rdflib
_DG = "https://w3id.org/dramagraph/ontology#"
ALIAS, CHARACTER, DIRECTOR, EPISODE_MINUTES, EPISODES, PERFORMER, PERSON, SEASON_NUMBER, SEASON_OF, STREAMS_ON, \
    WRITER = (_DG + name for name in ("alias", "Character", "director", "episodeMinutes", "numberOfEpisodes",
                                      "performer", "Person", "seasonNumber", "seasonOf", "streamsOn", "writer"))
SHOW, PLATFORM = _DG + "Show", _DG + "Platform"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class Queryable(Protocol):
    def select(self, sparql: str, bindings: Any = None) -> list[dict[str, Any]]: ...


@cache
def _query(name: str) -> str:
    return load(name).text


def _select(store: Queryable, name: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return store.select(_query(name), bindings)


def _best(counts: dict[Any, int]) -> Any:
    """The value with the highest count; ties go to the smallest value."""
    return min(counts, key=lambda value: (-counts[value], value))


def labels(store: Queryable) -> dict[str, str]:
    """Each node's one name: the label most articles use, then the lexically first."""
    votes: dict[str, dict[str, int]] = defaultdict(dict)
    for row in _select(store, "facts-labels"):
        votes[row["node"]][row["label"]] = row["articles"]
    return {node: _best(counts) for node, counts in votes.items()}


def read_facts(store: Queryable) -> list[Fact]:
    """Every fact the graph holds, named by each node's label, in a stable order (no evidence attached)."""
    name = labels(store)
    facts: list[Fact] = []
    for row in _select(store, "facts-roles"):
        show = name.get(row["show"]) if row["show"] else None
        facts.append(Fact(FactKind.ROLE, show=show, person=name[row["performer"]],
                          character=name[row["character"]]))
    for row in _select(store, "facts-cast"):
        facts.append(Fact(FactKind.CAST, show=name[row["show"]], person=name[row["performer"]]))
    facts.extend(_show_facts(_select(store, "facts-shows"), name))
    for row in _select(store, "facts-aliases"):
        held, node = row["class"], name[row["node"]]
        facts.append(Fact(FactKind.ALIAS, person=node if held == str(PERSON) else None,
                          show=node if held == str(SHOW) else None,
                          platform=node if held == str(PLATFORM) else None, alias=row["alias"]))
    return sorted(set(facts), key=_order)


def _order(fact: Fact) -> tuple[str, ...]:
    return (fact.kind.value, fact.show or "", fact.person or "", fact.character or "", fact.platform or "",
            fact.series or "", str(fact.number if fact.number is not None else ""), fact.alias or "")


def _show_facts(rows: Iterable[dict[str, Any]], name: dict[str, str]) -> list[Fact]:
    many: dict[tuple[str, str], list[str]] = defaultdict(list)               # platforms, directors, writers
    single: dict[tuple[str, str], dict[Any, int]] = defaultdict(dict)         # one value per show
    seasons: set[str] = set()
    for row in rows:
        show, prop, value = row["show"], row["property"], row["value"]
        if prop == str(RDF_TYPE):
            seasons.add(show)
        elif prop in (str(STREAMS_ON), str(DIRECTOR), str(WRITER)):
            many[show, prop].append(name[value])
        else:
            key = name[value] if prop == str(SEASON_OF) else value
            single[show, prop][key] = single[show, prop].get(key, 0) + row["articles"]

    facts: list[Fact] = []
    kinds = {str(STREAMS_ON): FactKind.PLATFORM, str(DIRECTOR): FactKind.DIRECTOR, str(WRITER): FactKind.WRITER}
    for (show, prop), values in many.items():
        kind = kinds[prop]
        for value in values:
            if kind is FactKind.PLATFORM:
                facts.append(Fact(kind, show=name[show], platform=value))
            else:
                facts.append(Fact(kind, show=name[show], person=value))
    for (show, prop), counts in single.items():
        if prop == str(EPISODES):
            facts.append(Fact(FactKind.EPISODES, show=name[show], number=_best(counts)))
        elif prop == str(EPISODE_MINUTES):
            facts.append(Fact(FactKind.EPISODE_MINUTES, show=name[show], number=_best(counts)))
    for show in seasons:
        series = single.get((show, str(SEASON_OF)))
        number = single.get((show, str(SEASON_NUMBER)))
        facts.append(Fact(FactKind.SEASON, show=name[show], series=_best(series) if series else None,
                          number=_best(number) if number else None))
    return facts


# -- explain ------------------------------------------------------------------------------------------

_KIND_OF_PROPERTY = {str(STREAMS_ON): FactKind.PLATFORM, str(SEASON_OF): FactKind.SEASON,
                     str(SEASON_NUMBER): FactKind.SEASON, str(EPISODES): FactKind.EPISODES,
                     str(EPISODE_MINUTES): FactKind.EPISODE_MINUTES, str(DIRECTOR): FactKind.DIRECTOR,
                     str(WRITER): FactKind.WRITER, str(ALIAS): FactKind.ALIAS}
_PERSONLIKE = {str(PERSON), str(CHARACTER)}


def find_nodes(store: Queryable, name: str) -> list[str]:
    """The nodes (people, shows, characters, platforms) one of whose names has the same key as ``name``."""
    wanted_person, wanted_title = person_key(name), title_key(name)
    found: set[str] = set()
    for row in _select(store, "names"):
        if row["class"] in _PERSONLIKE:
            if wanted_person and person_key(row["name"]) == wanted_person:
                found.add(row["node"])
        elif wanted_title and title_key(row["name"]) == wanted_title:
            found.add(row["node"])
    return sorted(found)


def explain(store: Queryable, name: str) -> list[dict[str, Any]]:
    """Every fact about the entity called ``name`` (any spelling, by name key), with its evidence.

    One dict per (fact, evidence): ``entity``, ``node``, ``kind``, ``fact`` (a readable sentence),
    ``sentence``, ``start``, ``end``, ``rule``, ``confidence``, ``article`` (source or URL), ``article_iri``,
    ``article_title``.  Sorted by article, then position in the article."""
    nodes = find_nodes(store, name)
    if not nodes:
        return []
    label = labels(store)
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    from rdflib import URIRef  # the node is bound as an IRI

    for node in nodes:
        for row in _select(store, "explain", {"node": URIRef(node)}):
            key = (row["fact"], row["article"], row["sentence"])
            if key in seen:   # a performance reached twice (e.g. a person playing in a show of that name)
                continue
            seen.add(key)
            kind, text = _describe(row, label)
            out.append({"entity": label.get(node, name), "node": node, "kind": kind.value, "fact": text,
                        "sentence": row["sentence"], "start": row["start"], "end": row["end"],
                        "rule": row["rule"], "confidence": row["confidence"],
                        "article": row["source"] or row["article"], "article_iri": row["article"],
                        "article_title": row["title"]})
    out.sort(key=lambda item: (item["article"], item["start"], item["fact"]))
    return out


def _describe(row: dict[str, Any], label: dict[str, str]) -> tuple[FactKind, str]:
    def name(iri: Any) -> str:
        return label.get(iri, str(iri)) if iri is not None else "?"

    prop, subject, value = row["property"], name(row["subject"]), row["value"]
    if prop == str(PERFORMER):
        if row["character"]:
            where = f" in {name(row['show'])}" if row["show"] else ""
            return FactKind.ROLE, f"{subject} plays {name(row['character'])}{where}"
        return FactKind.CAST, f"{subject} is in the cast of {name(row['show'])}"
    kind = _KIND_OF_PROPERTY.get(prop, FactKind.ALIAS)
    text = {
        FactKind.PLATFORM: lambda: f"{subject} streams on {name(value)}",
        FactKind.SEASON: lambda: (f"{subject} is a season of {name(value)}" if prop == str(SEASON_OF)
                                  else f"{subject} is season {value}"),
        FactKind.EPISODES: lambda: f"{subject} has {value} episodes",
        FactKind.EPISODE_MINUTES: lambda: f"{subject} has episodes of {value} minutes",
        FactKind.DIRECTOR: lambda: f"{name(value)} directed {subject}",
        FactKind.WRITER: lambda: f"{name(value)} wrote {subject}",
        FactKind.ALIAS: lambda: f"{subject} is also known as {value}",
    }[kind]()
    return kind, text


# -- stats --------------------------------------------------------------------------------------------

_COUNTS = ("articles", "people", "shows", "seasons", "series", "platforms", "characters", "performances")


def graph_stats(store: Queryable) -> dict[str, Any]:
    """Counts of what the graph holds: articles, stored triples (quads), nodes per class, facts by kind."""
    counts = {row["what"]: row["n"] for row in _select(store, "stats")}
    facts = {row["kind"]: row["n"] for row in _select(store, "stats-facts")}
    out: dict[str, Any] = {"articles": counts.get("articles", 0), "triples": len(store)}  # type: ignore[arg-type]
    out.update({key: counts.get(key, 0) for key in _COUNTS[1:]})
    out["facts"] = {kind.value: facts.get(kind.value, 0) for kind in FactKind}
    return out
