"""The facts document: facts grouped into the JSON shape other tools read (``dramagraph facts --json``).

One builder serves every caller: the store reads facts back from RDF (queries/facts-*.rq) into ``Fact``
values and hands them here, and so can anything holding facts straight from the extractor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .models import Fact, FactKind


def _show_record(title: str) -> dict[str, Any]:
    return {"title": title, "platforms": [], "anthology_or_series": None, "season_number": None,
            "episodes": None, "episode_minutes": None, "directors": [], "writers": []}


def facts_document(facts: Iterable[Fact]) -> dict[str, list[dict[str, Any]]]:
    """Group facts into ``{"shows", "roles", "cast", "aliases"}`` with a stable order."""
    shows: dict[str, dict[str, Any]] = {}
    roles: set[tuple[str, str, str]] = set()
    cast: set[tuple[str, str]] = set()
    aliases: set[tuple[str, str]] = set()

    def show(title: str) -> dict[str, Any]:
        return shows.setdefault(title, _show_record(title))

    for fact in facts:
        kind = fact.kind
        if kind is FactKind.ROLE and fact.person and fact.character:
            roles.add((fact.person, fact.character, fact.show or ""))
            if fact.show:
                show(fact.show)
        elif kind is FactKind.CAST and fact.person and fact.show:
            cast.add((fact.person, fact.show))
            show(fact.show)
        elif kind is FactKind.ALIAS and fact.alias and (fact.person or fact.show or fact.platform):
            aliases.add((fact.person or fact.show or fact.platform or "", fact.alias))
        elif fact.show:
            record = show(fact.show)
            if kind is FactKind.PLATFORM and fact.platform:
                if fact.platform not in record["platforms"]:
                    record["platforms"].append(fact.platform)
            elif kind is FactKind.SEASON:
                record["anthology_or_series"] = fact.series
                record["season_number"] = fact.number
            elif kind is FactKind.EPISODES:
                record["episodes"] = fact.number
            elif kind is FactKind.EPISODE_MINUTES:
                record["episode_minutes"] = fact.number
            elif kind is FactKind.DIRECTOR and fact.person:
                if fact.person not in record["directors"]:
                    record["directors"].append(fact.person)
            elif kind is FactKind.WRITER and fact.person:
                if fact.person not in record["writers"]:
                    record["writers"].append(fact.person)

    for record in shows.values():
        for key in ("platforms", "directors", "writers"):
            record[key].sort()
    return {
        "shows": [shows[t] for t in sorted(shows)],
        "roles": [{"actor": a, "character": c, "show": s} for a, c, s in sorted(roles)],
        "cast": [{"actor": a, "show": s} for a, s in sorted(cast)],
        "aliases": [{"name": n, "alias": a} for n, a in sorted(aliases)],
    }
