"""Clean stage: boilerplate rules, titles, Markdown and HTML, idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dramagraph.clean import clean_document, clean_text, markdown_to_text
from dramagraph.errors import CleanError
from dramagraph.models import Document

BODY = (
    "Lantern Harbour returns for a second run on Streamline with the same wry humour and a bigger budget.\n\n"
    "Mira Holt plays the harbour master, a woman who counts boats the way other people count sheep."
)


def doc(text: str, media_type: str = "text/plain", **kw) -> Document:
    return Document(source="test", content=text, media_type=media_type, **kw)


def test_ad_markers_and_prompts_are_dropped():
    raw = f"- Advertisment -\n\n{BODY}\n\n- Advertisement -\nPlease log in or register to do it.\n"
    assert clean_text(raw) == BODY


def test_tail_is_cut_at_end_marker():
    raw = f"{BODY}\n\nPlease enter your comment!\nPlease enter your name here\n\nLatest news\n\nA pop star waves."
    assert clean_text(raw) == BODY


def test_marker_word_inside_a_sentence_does_not_cut():
    raw = BODY + "\n\nRelated scenes from the first run are replayed, and you might also like the new score."
    assert clean_text(raw).endswith("new score.")


def test_credit_number_section_and_also_read_lines():
    raw = f"Lifestyle\n\n0\n{BODY}\nPhoto: Studio Nine\nCredit: Streamline\nALSO READ: A different story\n"
    assert clean_text(raw) == BODY


def test_repeated_headline_keeps_first_and_teaser_goes():
    head = "Lantern Harbour review: a quiet harbour drama finds its sea legs at last"
    raw = f"NEWS {head[:40]}...\n\n{head}\n\n{head}\n\n{BODY}"
    assert clean_text(raw) == f"{head}\n\n{BODY}"


def test_plain_title_is_first_line_before_blank():
    head = "Lantern Harbour review: a quiet drama finds its sea legs"
    article = clean_document(doc(f"{head}\n\n{BODY}"))
    assert article.title == head
    assert article.text.startswith(head + "\n\n")


def test_no_title_when_first_line_is_a_sentence():
    article = clean_document(doc(BODY))
    assert article.title is None


def test_reader_title_is_prepended_once():
    article = clean_document(doc(BODY, title="Harbour Notes"))
    assert article.text.startswith("Harbour Notes\n\n")
    again = clean_document(doc("Harbour Notes\n\n" + BODY, title="Harbour Notes"))
    assert again.text.count("Harbour Notes") == 1


def test_markdown_markup_is_stripped():
    md = "# Harbour Notes\n\n**Mira Holt** plays [the master](http://x.test) ![still](a.png) in *Lantern Harbour*."
    assert markdown_to_text(md).split("\n")[-1] == "Mira Holt plays the master  in Lantern Harbour."
    article = clean_document(doc(md, "text/markdown"))
    assert "http" not in article.text and "**" not in article.text


def test_html_keeps_metadata():
    page = ("<html><head><title>Harbour Notes</title><meta name='author' content='Ada Quill'>"
            "<meta property='article:published_time' content='2024-03-01'></head><body><article>"
            "<h1>Harbour Notes</h1>" + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) +
            "</article></body></html>")
    article = clean_document(doc(page, "text/html", url="https://example.test/harbour"))
    assert article.title == "Harbour Notes"
    assert article.author == "Ada Quill"
    assert article.url == "https://example.test/harbour"
    assert "Mira Holt plays the harbour master" in article.text


def test_html_keeps_captions_and_credit_lists():
    page = ("<html><head><title>Harbour Notes</title></head><body><article><h1>Harbour Notes</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) +
            "<figure><img src='a.jpg' alt=''><figcaption>Mira Holt as Oona Vey in a still from "
            "\u201cLantern Harbour\u201d.</figcaption></figure>"
            "<ul class='credits'><li>Directed by: Jun Arlo</li><li>Written by: Ada Quill</li></ul>"
            "<p>Lantern Harbour is streaming on Streamline from next week, with new episodes every Friday.</p>"
            "</article></body></html>")
    text = clean_document(doc(page, "text/html")).text
    assert "Mira Holt as Oona Vey in a still from" in text
    assert "\nDirected by: Jun Arlo\nWritten by: Ada Quill\n" in text


def test_nothing_readable_raises():
    with pytest.raises(CleanError):
        clean_text("- Advertisement -\n\n0\n")
    with pytest.raises(CleanError):
        clean_document(doc("   \n\n"))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_text_never_raises_and_is_idempotent(text):
    try:
        once = clean_text(text)
    except CleanError:
        return
    assert clean_text(once) == once


LINES = st.sampled_from(["Latest news", "- Advertisement -", "Related", "0", "Photo: A/B", BODY, "Lifestyle",
                         "Mira Holt plays Oona.", "Read more", "Teaser text goes here and on...", "", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12))
def test_clean_text_idempotent_on_page_like_input(lines):
    try:
        once = clean_text("\n".join(lines))
    except CleanError:
        return
    assert clean_text(once) == once


def test_titles_in_straight_single_quotes_become_curly_and_apostrophes_stay():
    text = ("Streamline's 'Copper Bell' climbs again\n\n"
            "The 'Copper Bell' finale drew the kids' largest audience, Mira Holt's 'Quayside' did not. "
            "Rock 'n' roll stays.")
    out = clean_text(text)
    assert "\u2018Copper Bell\u2019 climbs" in out and "The \u2018Copper Bell\u2019 finale" in out
    assert "Holt's \u2018Quayside\u2019 did" in out
    assert "Streamline's" in out and "kids' largest" in out and "Rock 'n' roll" in out
    assert len(out) == len(text)  # one character for one: evidence offsets hold


def test_an_apostrophe_inside_a_straight_quoted_title_keeps_it_one_title():
    text = "'The Ferryman's Oath' review: Tidewell's slow thriller\n\nI watched 'Don't Wake Juno' twice."
    out = clean_text(text)
    assert out.startswith("\u2018The Ferryman's Oath\u2019 review")
    assert "\u2018Don't Wake Juno\u2019 twice" in out
    assert "Tidewell's slow" in out
    assert len(out) == len(text)


@pytest.mark.parametrize("heading", [
    "In Other News", "From around the web", "Sponsored Content", "Top Stories", "Hot Topics", "More stories",
    "What to read next", "Also on our site", "Next article: Streamline renews a quiz show", "Keep reading",
    "More like this", "You may have missed", "Read these next", "TRENDING ON HALLYU WEEKLY", "Most read on the site"])
def test_more_link_list_headings_end_the_article(heading):
    raw = f"{BODY}\n\n{heading}\n\nA pop star waves at fans in Busan."
    assert clean_text(raw) == BODY


@pytest.mark.parametrize("chrome", [
    "We use cookies to improve your experience on our site. Accept all",
    "This website uses cookies.", "Manage cookies",
    "Follow us on Instagram and TikTok for daily drama news",
    "Subscribe to our weekly newsletter for the latest K-drama news",
    "\u00a9 2026 Harbour Daily. All rights reserved.", "Copyright 2026 Harbour Daily Media", "All Rights Reserved."])
def test_cookie_follow_newsletter_and_copyright_lines_are_dropped(chrome):
    assert clean_text(f"{BODY}\n{chrome}\n") == BODY
    assert clean_text(f"{chrome}\n\n{BODY}") == BODY


@pytest.mark.parametrize("sentence", [
    "In other news, Mira Holt will also appear in Copper Bell.", "Up next for Holt is a film.",
    "Follow the money, the harbour master says.", "Copyright lawyers are the villains of the second run.",
    "Don't miss the finale: it airs on Friday."])
def test_sentences_that_open_like_chrome_stay(sentence):
    assert clean_text(f"{BODY}\n\n{sentence}").endswith(sentence)


@pytest.mark.parametrize("heading", ["What to watch next", "Editor's pick", "Don't miss", "Up next", "Must watch"])
def test_headings_a_listicle_uses_for_its_own_entries_do_not_end_it(heading):
    entry = "If you liked the first run, try Copper Bell, which streams on Streamline."
    assert clean_text(f"{BODY}\n\n{heading}\n{entry}").endswith(entry)



def test_keep_reading_inside_a_sentence_cuts_nothing():
    kept = BODY + "\n\nKeep reading the credits: the composer also wrote the last season's score."
    assert clean_text(kept).endswith("season's score.")
