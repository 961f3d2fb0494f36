"""Property tests on whole documents: cleaning, extraction and storage never fail on hostile text, every
fact's evidence points into its article, and what is stored is exactly what was read.

Beside random Unicode, the examples are built like reviews (headlines, "X plays Y", platform sentences,
credit lines, cast lists) from names that may hold quotes, braces, backslashes, bidi and zero-width
characters and markup, so that the extractor's rules fire on them.
"""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dramagraph.clean import clean_document
from dramagraph.errors import CleanError
from dramagraph.extract import extract
from dramagraph.mapping import to_rdf
from dramagraph.models import Article, Document, FactKind
from dramagraph.pipeline import process
from dramagraph.store import Store

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NASTY = ['"', "'", "{", "}", "\\", "<script>", "</script>", "<img src=x onerror=alert(1)>", "\u200f", "\u200b",
         "\u202e", "\n", "\r\n", "\t", "#", ">", "<", " . ", ";", "\x00", "\x1b[31m", "\ufeff", "\u2028", "&amp;"]
SYLLABLES = ["Ha", "Na", "Seo", "Ji", "Min", "Yeon", "Woo", "Ra", "Bo", "Eun", "Tae", "Gyeol", "Da", "In"]
FAMILY = ["Kim", "Park", "Noh", "Bae", "Kwon", "Tak", "Yoon", "Gang", "Ryu", "Moon", "Oh", "Seo"]
PLATFORMS = ["Netflix", "Disney+", "Apple TV+", "TVING", "Viki", "Wavve", "Coupang Play"]

syllable = st.sampled_from(SYLLABLES)
# actors and characters from families of their own, so that no one is both
person = st.builds(lambda f, a, b: f"{f} {a}-{b.lower()}", st.sampled_from(FAMILY[:6]), syllable, syllable)
role = st.builds(lambda f, a, b: f"{f} {a}-{b.lower()}", st.sampled_from(FAMILY[6:]), syllable, syllable)
word = st.sampled_from(["Harbour", "Lantern", "Glass", "Winter", "Tide", "Copper", "Salt", "Night", "Paper",
                        "Orchard", "Relay", "Road", "Songs", "Ferry", "Street", "Moon"])
# people of the credit lines and asides: other families, so that they are never one of the characters
other = st.builds(lambda f, a, b: f"{f} {a}-{b.lower()}", st.sampled_from(["Jeon", "Hwang", "Im", "Song", "Cha"]),
                  syllable, syllable)
show = st.builds(lambda a, b: f"{a} {b}", word, word)
nasty = st.sampled_from(NASTY)
# a name or title that may have something hostile stuck to it or inside it
spoilt = st.one_of(st.just(""), nasty, st.builds(lambda a, b: a + b, nasty, nasty))


@st.composite
def review(draw) -> tuple[str, list[tuple[str, str, str]]]:
    """A review with its show, and the (actor, character) pairs written as plain "X plays Y" sentences."""
    title = draw(show)
    platform = draw(st.sampled_from(PLATFORMS))
    pairs = draw(st.lists(st.tuples(person, role), min_size=1, max_size=4, unique_by=(lambda p: p[0], lambda p: p[1])))
    lines = [f"{title} review: {draw(spoilt)}a quiet drama{draw(spoilt)} finds its feet", ""]
    sentences = [f"{title} is streaming on {platform}."]
    for actor, character in pairs:
        sentences.append(f"{actor} plays {character}, a {draw(st.sampled_from(['coach', 'diver', 'courier']))}.")
    extras = draw(st.lists(st.one_of(
        st.builds(lambda a, b: f"Starring: {a}, {b}", other, other),
        st.builds(lambda n: f"It runs {n} episodes of about 60 minutes.", st.integers(1, 40)),
        st.builds(lambda p: f"Directed by: {p}", other),
        st.builds(lambda s, n: f"{s} #{n} follows next year.", show, st.integers(2, 5)),
        st.builds(lambda p, s: f"{p} as {s}.", other, other),
        st.builds(lambda a, b, c: f"Fans wrote{a} {b}{c} under the trailer.", spoilt, spoilt, spoilt),
        st.text(max_size=60),
    ), max_size=5))
    lines.append(" ".join(sentences[:1] + draw(st.permutations(sentences[1:]))))
    lines += extras   # credit lines and asides, each on its own line as pages write them
    text = "\n".join(lines) + draw(spoilt)
    return text, [(a, c, title) for a, c in pairs]


def _check_evidence(article: Article) -> None:
    text = article.text
    for fact in extract(article).facts:
        ev = fact.evidence
        assert ev is not None
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start:ev.end].strip()
        # the span's text lies in the sentence, and the sentence is written in the article around the span
        i = text.find(ev.sentence, max(0, ev.end - len(ev.sentence)))
        assert 0 <= i <= ev.start and ev.end <= i + len(ev.sentence), (fact, text)


@SETTINGS
@given(review())
def test_rules_fire_on_review_like_text_and_evidence_holds(example) -> None:
    text, pairs = example
    try:
        article = clean_document(Document(source="r", content=text, media_type="text/plain"))
    except CleanError:
        return
    _check_evidence(article)
    found = {(f.person, f.character) for f in extract(article).facts if f.kind is FactKind.ROLE}
    # every "X plays Y, a coach." written plainly is found as a role
    assert {(a, c) for a, c, _ in pairs} <= found, (text, found)


@SETTINGS
@given(st.one_of(review().map(lambda r: r[0]), st.text(max_size=500)),
       st.sampled_from(["text/plain", "text/markdown", "text/html"]))
def test_cleaning_never_raises_but_clean_error_and_is_idempotent(text: str, media_type: str) -> None:
    content = text if media_type != "text/html" else f"<html><body><article><p>{text}</p></article></body></html>"
    try:
        article = clean_document(Document(source="d", content=content, media_type=media_type))
    except CleanError:
        return
    again = clean_document(Document(source="d", content=article.text, media_type="text/plain",
                                    title=article.title))
    assert again.text == article.text
    assert again.title == article.title


@SETTINGS
@given(review(), st.builds(lambda a, b, c: a + b + c, spoilt, st.text(max_size=30), spoilt))
def test_what_is_stored_is_exactly_what_was_mapped(example, metadata: str) -> None:
    text, _ = example
    document = Document(source=f"feed.jsonl:{metadata}", content=text, media_type="text/plain",
                        url=f"https://news.example/{metadata}", author=metadata or None, published=metadata or None)
    try:
        extraction, graph = process(document)
    except CleanError:
        return
    store = Store(None)
    store.write_articles([(graph.iri, graph.triples)])
    stored = {(q.subject, q.predicate, q.object) for q in store._store.quads_for_pattern(None, None, None,
                                                                                         ox.NamedNode(graph.iri))}
    assert len(store) == len(graph.triples) == len(stored)
    expected = {tuple(store_term(t) for t in triple) for triple in graph.triples}
    assert stored == expected
    # and the same again through the update path that replaces an article
    store.write_articles([(graph.iri, to_rdf(extraction).triples)])
    assert len(store) == len(graph.triples)
    if metadata:
        assert store.select("SELECT ?a WHERE { ?x dg:author ?a }") == [{"a": metadata}]


def store_term(term):
    from dramagraph.store import to_ox

    return to_ox(term)
