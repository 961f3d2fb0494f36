"""Reviews against Wikidata: where they disagree, what the reviews state that Wikidata lacks, and those
missing facts as QuickStatements with the article URL as reference (S854).

Only linked entities are compared (``dramagraph enrich`` first): episode counts (P1113), platforms
(P449/P750), cast (P161) and the character played (P453), season of a series (P179 + P1545), directors
(P57) and screenwriters (P58).  A row is ``differs`` when Wikidata states another value, ``missing`` when
it states nothing that matches.  A platform the reviews name is proposed as distributor (P750).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .enrich import FACTS_GRAPH, LINKS_GRAPH, STORE_PREFIXES
from .names import person_key
from .readback import labels as node_labels
from .wikidata import WD, qid

_DG = "https://w3id.org/dramagraph/ontology#"
_WDT = "http://www.wikidata.org/prop/direct/"

LINKS = STORE_PREFIXES + f"""SELECT ?node ?item WHERE {{
  GRAPH <{LINKS_GRAPH}> {{ ?node owl:sameAs ?item }}
}}"""
WIKIDATA = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}"""
REVIEW_STATEMENTS = STORE_PREFIXES + """SELECT ?subject ?property ?object ?url WHERE {
  VALUES ?property { dg:numberOfEpisodes dg:streamsOn dg:seasonOf dg:director dg:writer }
  ?statement rdf:subject ?subject ; rdf:predicate ?property ; rdf:object ?object ; dg:evidence ?evidence .
  ?evidence dg:article ?article .
  OPTIONAL { ?article dg:url ?url }
}"""
REVIEW_PERFORMANCES = STORE_PREFIXES + """SELECT ?person ?show ?character ?url WHERE {
  ?performance dg:performer ?person ; dg:inShow ?show ; dg:evidence ?evidence .
  OPTIONAL { ?performance dg:character ?character }
  ?evidence dg:article ?article .
  OPTIONAL { ?article dg:url ?url }
}"""
SEASON_NUMBERS = STORE_PREFIXES + "SELECT ?show ?number WHERE { ?show dg:seasonNumber ?number }"


@dataclass
class Difference:
    show: str                      # the review's name of the subject
    item: str                      # its Q-id
    property: str                  # episodes, platform, cast, role, season, director, writer
    status: str                    # differs or missing
    reviews: str                   # what the reviews say
    wikidata: str | None           # what Wikidata says (None: nothing)
    statement: str | None = None   # the missing fact as a QuickStatements command (without reference)
    sources: list[str] = field(default_factory=list)   # article URLs stating it

    def as_dict(self) -> dict[str, Any]:
        return {"show": self.show, "wikidata_item": self.item, "property": self.property, "status": self.status,
                "reviews": self.reviews, "wikidata": self.wikidata, "quickstatements": self.statement,
                "sources": self.sources}


class _Wikidata:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.values: dict[tuple[str, str], set[Any]] = defaultdict(set)
        self.label: dict[str, str] = {}
        self.statements: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for row in rows:
            s, p, o = row["s"], row["p"], row["o"]
            if p == "http://www.w3.org/2000/01/rdf-schema#label" and isinstance(o, str):
                if s not in self.label or not self.label[s].isascii():
                    self.label[s] = o
            elif p.startswith(_WDT):
                self.values[s, p[len(_WDT):]].add(o)
            else:
                self.statements[s][p].add(o)

    def get(self, item: str, prop: str) -> set[Any]:
        return self.values.get((WD + item, prop), set())

    def roles(self, show: str, actor: str) -> set[str]:
        """Labels of the characters Wikidata's P161 statements of ``show`` give ``actor`` (P453)."""
        out: set[str] = set()
        for statement in self.statements[WD + show].get("http://www.wikidata.org/prop/P161", ()):
            found = self.statements[statement]
            if WD + actor in found.get("http://www.wikidata.org/prop/statement/P161", ()):
                for role in found.get("http://www.wikidata.org/prop/qualifier/P453", ()):
                    out.add(self.label.get(role, role))
        return out

    def name(self, iri: Any) -> str:
        return self.label.get(iri, qid(iri) or str(iri)) if isinstance(iri, str) else str(iri)


def differences(store: Any) -> list[Difference]:
    """Every disagreement and every review fact missing from Wikidata, for linked shows."""
    link = {row["node"]: qid(row["item"]) for row in store.select(LINKS) if qid(row["item"])}
    if not link:
        return []
    wd = _Wikidata(store.select(WIKIDATA))
    label = node_labels(store)
    numbers: dict[str, int] = {r["show"]: r["number"] for r in store.select(SEASON_NUMBERS)
                               if isinstance(r["number"], int)}
    found: dict[tuple[str, str, str, str], Difference] = {}

    def add(subject: str, prop: str, status: str, reviews: str, wikidata: str | None, statement: str | None,
            url: str | None) -> None:
        key = (subject, prop, status, reviews)
        diff = found.get(key)
        if diff is None:
            diff = found[key] = Difference(label.get(subject, subject), link[subject], prop, status, reviews,
                                           wikidata, statement)
        if url and url not in diff.sources:
            diff.sources.append(url)
            diff.sources.sort()

    def listed(values: set[Any]) -> str | None:
        return ", ".join(sorted(wd.name(v) for v in values)) or None

    for row in store.select(REVIEW_STATEMENTS):
        subject, prop, obj, url = row["subject"], row["property"][len(_DG):], row["object"], row["url"]
        item = link.get(subject)
        if item is None:
            continue
        if prop == "numberOfEpisodes":
            theirs = {int(float(v)) for v in wd.get(item, "P1113") if _number(v)}
            if not theirs:
                add(subject, "episodes", "missing", str(obj), None, f"{item}\tP1113\t{obj}", url)
            elif obj not in theirs:
                add(subject, "episodes", "differs", str(obj), listed(theirs), None, url)
            continue
        other = link.get(obj)
        if other is None:
            continue   # the review's value is not linked: nothing to compare it with
        if prop == "streamsOn":
            theirs = wd.get(item, "P449") | wd.get(item, "P750")
            if WD + other not in theirs:
                add(subject, "platform", "missing", label.get(obj, obj), listed(theirs), f"{item}\tP750\t{other}", url)
        elif prop == "seasonOf":
            theirs = wd.get(item, "P179")
            if WD + other not in theirs:
                number = numbers.get(subject)
                command = f"{item}\tP179\t{other}" + (f'\tP1545\t"{number}"' if number is not None else "")
                add(subject, "season", "differs" if theirs else "missing", label.get(obj, obj), listed(theirs),
                    None if theirs else command, url)
        elif prop in ("director", "writer"):
            pid = "P57" if prop == "director" else "P58"
            theirs = wd.get(item, pid)
            if WD + other not in theirs:
                add(subject, prop, "missing", label.get(obj, obj), listed(theirs), f"{item}\t{pid}\t{other}", url)

    for row in store.select(REVIEW_PERFORMANCES):
        person, show, character, url = row["person"], row["show"], row["character"], row["url"]
        item, actor = link.get(show), link.get(person)
        if item is None or actor is None:
            continue
        if WD + actor not in wd.get(item, "P161"):
            add(show, "cast", "missing", label.get(person, person), None, f"{item}\tP161\t{actor}", url)
            continue
        if character:
            ours = label.get(character, character)
            roles = wd.roles(item, actor)
            if not roles:
                add(show, "role", "missing", f"{label.get(person, person)} as {ours}", None, None, url)
            elif person_key(ours) not in {person_key(r) for r in roles}:
                add(show, "role", "differs", f"{label.get(person, person)} as {ours}",
                    f"{label.get(person, person)} as {', '.join(sorted(roles))}", None, url)
    return sorted(found.values(), key=lambda d: (d.show, d.property, d.status, d.reviews))


def _number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def quickstatements(diffs: list[Difference]) -> tuple[str, int]:
    """The missing facts as QuickStatements (V1, tab-separated), each with its first article URL as
    reference (S854); facts no article URL supports are left out and counted."""
    lines: list[str] = []
    skipped = 0
    for diff in diffs:
        if diff.statement is None:
            continue
        if not diff.sources:
            skipped += 1
            continue
        url = diff.sources[0].replace('"', "%22")
        lines.append(f'{diff.statement}\tS854\t"{url}"')
    return "".join(line + "\n" for line in dict.fromkeys(lines)), skipped
