"""Extract stage: article text to facts with provenance, by explainable rules (no models, no network).

``extract(article)`` reads sentences (``text``), the shows the article names and the one it is about
(``shows``), roles, cast and crew (``people``), resolves names within the article (``coref``) and returns
``Fact`` values, each with the sentence, the character span in ``Article.text``, the rule and a
confidence.
"""

from __future__ import annotations

from ..models import (
    Article,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
    ExtractOptions,
    Fact,
    FactKind,
)
from ..names import person_key, title_key
from . import people, shows
from .coref import Resolver
from .text import Raw, Sentences

__all__ = ["extract"]


def extract(article: Article, options: ExtractOptions | None = None) -> Extraction:
    """Facts stated in ``article.text``; every fact carries ``Evidence`` pointing into that text."""
    options = options or ExtractOptions()
    text = article.text
    sents = Sentences(text)
    book = shows.ShowBook(text, sents)

    raws: list[Raw] = []
    raws += shows.platform_facts(book, sents)
    raws += shows.season_episode_facts(book, sents)
    raws += shows.earlier_platform_facts(book, sents)
    raws += shows.predecessor_facts(book, sents, raws)
    strong = people.role_facts(text, sents, book) + people.as_facts(text, sents, book)
    strong += people.cast_facts(text, sents, book) + people.crew_facts(text, sents, book)
    strong += people.nominee_facts(text, book)
    strong += people.named_part_facts(text, sents, book)
    strong += people.scope_part_facts(text, sents, book)
    strong += people.wire_part_facts(text, sents, book)
    strong += people.r24_part_facts(text, sents, book)
    known_people = {person_key(r.person) for r in strong if r.person and " " in r.person}
    known_chars = {person_key(r.character) for r in strong if r.character and " " in r.character}
    raws += strong
    # directors and writers who are not also read as actors: "Director A (Earlier Show)" is A's credit
    actors = {person_key(r.person) for r in strong if r.person and r.kind in (FactKind.ROLE, FactKind.CAST)}
    known_crew = {person_key(r.person): r.kind for r in strong
                  if r.kind in (FactKind.DIRECTOR, FactKind.WRITER) and r.person and person_key(r.person) not in actors}
    raws += people.paren_facts(text, known_people, known_chars, book, person_key, known_crew)
    raws += people.possessive_facts(text, sents, known_people, known_chars, book, person_key)
    raws += people.season_cast_facts(text, sents, book)
    raws += people.alias_facts(text, sents)
    raws += people.nickname_facts(text, sents)
    raws += shows.platform_alias_facts(text, sents)
    # the people whose other credits count: those the article casts, and the one a profile is about
    performers = {r.person for r in strong if r.person and " " in r.person and r.kind in (FactKind.ROLE, FactKind.CAST)}
    subject = people.profile_subject(text, book)
    if subject is not None:
        performers.add(subject)
    raws += people.passing_credit_facts(text, sents, book, frozenset(known_people), person_key)
    raws += people.passing_cast_facts(text, sents, book, tuple(sorted(performers)))
    raws += people.known_from_facts(text, sents, book, tuple(sorted(performers)))
    raws += shows.passing_platform_facts(book, sents)

    resolver = Resolver([r for r in raws if r.kind in (FactKind.ROLE, FactKind.CAST, FactKind.DIRECTOR,
                                                       FactKind.WRITER)], text)
    facts = _resolve(raws, resolver, book, sents, text)
    facts = _without_departed(facts, people.departures(text, sents, book), resolver, book)
    facts = [f for f in _dedupe(facts) if f.evidence is None or f.evidence.confidence >= options.min_confidence]
    return Extraction(article, tuple(facts), _entities(facts, resolver, book))


def _without_departed(facts: list[Fact], gone: list, resolver: Resolver, book: shows.ShowBook) -> list[Fact]:
    """Roles and cast of people who left a show before it was made ("A has stepped down from S"): the part
    went to someone else, so the article's earlier "A had been cast as C" is no credit."""
    drop: set[tuple[str, str]] = set()
    for name, title, pos in gone:
        who = resolver.person(name.text)
        show = book.resolve(title) if title else (book.anaphor_at(pos) or book.at(pos))
        if who and show is not None:
            drop.add((person_key(who), show.title))
    if not drop:
        return facts
    return [f for f in facts if not (f.kind in (FactKind.ROLE, FactKind.CAST) and f.person and f.show
                                     and (person_key(f.person), f.show) in drop)]


def _evidence(sents: Sentences, text: str, start: int, end: int, rule: str, conf: float) -> Evidence:
    s_start, s_end = sents.covering(start, end)
    return Evidence(text[s_start:s_end], start, end, rule, round(conf, 2))


def _resolve(raws: list[Raw], resolver: Resolver, book: shows.ShowBook, sents: Sentences,
             text: str) -> list[Fact]:
    out: list[Fact] = []
    used: dict[str, shows.Show] = {}
    first_span: dict[str, tuple[int, int]] = {}

    # the book does not change while facts are resolved: one look-up per surface title
    resolved: dict[str | None, shows.Show | None] = {}

    def show_of(raw: Raw) -> shows.Show | None:
        if raw.show is None:
            # a fact naming no show: the show "The comedy ..." points back to, its listicle section's, else
            # the main one
            show = book.anaphor_at(raw.start) or book.season_lead(raw.start) or book.r22_topic_at(raw.start) \
                or book.at(raw.start)
        elif raw.show in resolved:
            show = resolved[raw.show]
        else:
            show = resolved[raw.show] = book.resolve(raw.show)
        if show is not None:
            used.setdefault(show.title, show)
            first_span.setdefault(show.title, (raw.start, raw.end))
        return show

    def ev(raw: Raw) -> Evidence:
        return _evidence(sents, text, raw.start, raw.end, raw.rule, raw.confidence)

    for raw in raws:
        kind = raw.kind
        if kind is FactKind.ROLE:
            person = resolver.person(raw.person or "")
            character = resolver.character(raw.character or "")
            if not person or not character or person == character:
                continue
            show = show_of(raw)
            if show is None:
                continue  # a role in no known show says too little to keep
            out.append(Fact(kind, show=show.title, person=person, character=character, evidence=ev(raw)))
        elif kind in (FactKind.CAST, FactKind.DIRECTOR, FactKind.WRITER):
            person = resolver.person(raw.person or "", strict=raw.strict_person)
            show = show_of(raw) if person else None
            if person and show:
                out.append(Fact(kind, show=show.title, person=person, evidence=ev(raw)))
        elif kind is FactKind.ALIAS and raw.platform:
            if raw.alias:
                out.append(Fact(kind, platform=raw.platform, alias=raw.alias, evidence=ev(raw)))
        elif kind is FactKind.ALIAS:
            person = resolver.person(raw.person or "")
            if person and raw.alias and title_key(raw.alias) != title_key(person):
                out.append(Fact(kind, person=person, alias=raw.alias, evidence=ev(raw)))
        else:
            show = show_of(raw)
            if show is not None:
                out.append(Fact(kind, show=show.title, platform=raw.platform, number=raw.number,
                                evidence=ev(raw)))
    for canonical, variant, start, end in resolver.spelling_aliases:
        out.append(Fact(FactKind.ALIAS, person=canonical, alias=variant,
                        evidence=_evidence(sents, text, start, end, "alias.spelling", 0.5)))
    # platforms stated for an anthology reach every season of it the article talks about
    for platform, series, start, end in shows.anthology_platforms(book):
        for show in list(used.values()):
            if show.series and title_key(show.series) == title_key(series):
                out.append(Fact(FactKind.PLATFORM, show=show.title, platform=platform,
                                evidence=_evidence(sents, text, start, end, "platform.anthology", 0.5)))
    main = book.main
    if main is not None and main.series is not None and main.title not in used and out:
        used[main.title] = main
    for show in used.values():
        if show.series is None or show.number is None:
            continue
        span = _find_form(text, show)
        rule, conf = ("season.title", 0.95) if span else ("season.sibling", 0.6)
        start, end = span or first_span.get(show.title, (0, 0))
        if end <= start:
            continue
        out.append(Fact(FactKind.SEASON, show=show.title, series=show.series, number=show.number,
                        evidence=_evidence(sents, text, start, end, rule, conf)))
        for form in sorted(show.forms):
            if title_key(form) not in (title_key(show.title), title_key(show.series)):
                i = text.find(form)
                if i >= 0:
                    out.append(Fact(FactKind.ALIAS, show=show.title, alias=form,
                                    evidence=_evidence(sents, text, i, i + len(form), "alias.show_title", 0.8)))
    return out


def _find_form(text: str, show: shows.Show) -> tuple[int, int] | None:
    """The first place a spelling of ``show`` is written, the longest spelling there (the forms are a set:
    the choice must not depend on its order)."""
    best = None
    for form in {show.title, *show.forms}:
        i = text.find(form)
        if i >= 0 and (best is None or (i, -len(form)) < (best[0], best[0] - best[1])):
            best = (i, i + len(form))
    return best


def _dedupe(facts: list[Fact]) -> list[Fact]:
    best: dict[Fact, Fact] = {}
    order: list[Fact] = []
    for fact in facts:
        held = best.get(fact)
        if held is None:
            best[fact] = fact
            order.append(fact)
        elif fact.evidence and held.evidence and fact.evidence.confidence > held.evidence.confidence:
            best[fact] = fact
    # one value per show for single-valued kinds: the surest reading
    single: dict[tuple[FactKind, str | None], Fact] = {}
    out = []
    for key in order:
        fact = best[key]
        if fact.kind in (FactKind.EPISODES, FactKind.EPISODE_MINUTES, FactKind.SEASON):
            slot = (fact.kind, fact.show)
            held = single.get(slot)
            conf = fact.evidence.confidence if fact.evidence else 0.0
            if held is not None and (held.evidence.confidence if held.evidence else 0.0) >= conf:
                continue
            if held is not None:
                out.remove(held)
            single[slot] = fact
        out.append(fact)
    return out


def _entities(facts: list[Fact], resolver: Resolver, book: shows.ShowBook) -> tuple[Entity, ...]:
    found: dict[tuple[EntityKind, str], set[str]] = {}
    resolved: dict[str, shows.Show | None] = {}
    for fact in facts:
        if fact.person:
            cluster = resolver.people.get(_person_key(fact.person))
            found.setdefault((EntityKind.PERSON, fact.person), set()).update(cluster.variants if cluster else ())
        if fact.character:
            cluster = resolver.chars.get(_person_key(fact.character))
            found.setdefault((EntityKind.CHARACTER, fact.character), set()).update(
                cluster.variants if cluster else ())
        if fact.show:
            if fact.show in resolved:
                show = resolved[fact.show]
            else:
                show = resolved[fact.show] = book.resolve(fact.show)
            found.setdefault((EntityKind.SHOW, fact.show), set()).update(show.forms if show else ())
        if fact.platform:
            found.setdefault((EntityKind.PLATFORM, fact.platform), set())
    return tuple(Entity(kind, name, tuple(sorted(v for v in variants if v != name)))
                 for (kind, name), variants in found.items())


def _person_key(name: str) -> str:
    return person_key(name)
