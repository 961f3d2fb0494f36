"""Hostile input through the real command line: one batch of everything a messy article folder holds.

The corpus is generated here, into a temporary folder (nothing binary is committed): empty and blank files,
PNG, ZIP and PDF bytes named .txt, a 100 MB text file, Korean pages in EUC-KR/cp949 and UTF-16 with and
without a declared charset, broken HTML, HTML nested 100,000 levels deep, a JSON Lines feed with bad lines
among good ones, names, titles and file names holding quotes, braces, backslashes, newlines, bidi and
zero-width characters and markup, and a line of a megabyte.  One ``dramagraph ingest`` subprocess reads
it all: every bad item gets exactly one ``Error: ITEM: reason`` line, every good one is stored exactly,
the exit code is the documented 1, and no traceback reaches the user unless ``--debug`` asks for it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, Namespace, URIRef

from dramagraph.extract.text import MAX_SENTENCE, split_sentences
from dramagraph.pipeline import process
from dramagraph.sources import SourceOptions, read_sources

ROOT = Path(__file__).resolve().parents[1]
DG = Namespace("https://w3id.org/dramagraph/ontology#")
HUGE = 100 * 1024 * 1024
LIMIT = SourceOptions().max_bytes

#: everything a name or title should never be able to smuggle into SPARQL, N-Quads, HTML or a terminal
NASTY = ('Evil "quoted" {braced} back\\slash\nnext line \u200fright-to-left\u200f zero\u200bwidth '
         '<script>alert(1)</script> > } . ; DROP ALL # \'single\'')

KOREAN_PAGE = (
    "<html><head>{meta}<title>겨울 릴레이 리뷰</title></head><body><article><h1>겨울 릴레이 리뷰: 수영장의 겨울</h1>"
    "<p>Frost Lane Relay is streaming on TVING. Park Gyeo-ul (박겨울) plays Ji Eun-bi (지은비), a swimming "
    "coach who never learned to lose.</p><p>드라마는 수영 선수들의 이야기를 그린다. 배우들의 연기가 훌륭하다.</p>"
    "</article></body></html>")
KOREAN_SENTENCE = ("Park Gyeo-ul (박겨울) plays Ji Eun-bi (지은비), a swimming coach who never learned to lose.")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float


def dramagraph(*args: str, timeout: float = 300) -> Run:
    """Run the real command in a subprocess; its own peak RSS comes from the kernel (wait4)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, open(os.devnull, "rb") as stdin:
        proc = subprocess.Popen([sys.executable, "-m", "dramagraph.cli", *args], stdin=stdin, stdout=out,
                                stderr=err)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read().decode("utf-8"), err.read().decode("utf-8"),
                   time.perf_counter() - started, usage.ru_maxrss / 1024)


def review(show: str, platform: str, actor: str, character: str) -> str:
    return (f"{show} review: a quiet drama finds its feet\n\n{show} is streaming on {platform}. {actor} plays "
            f"{character}, a ferry captain who hides a debt from the whole harbour.\n")


@dataclass
class Corpus:
    folder: Path
    bad: dict[str, str]          # item as the error line names it -> reason
    good: list[str]              # sources that must be stored


def make_corpus(folder: Path) -> Corpus:
    folder.mkdir()
    bad: dict[str, str] = {}
    good: list[str] = []

    def put(name: str, data: bytes, reason: str | None = None) -> Path:
        path = folder / name
        path.write_bytes(data)
        if reason is None:
            good.append(str(path))
        else:
            bad[str(path)] = reason
        return path

    put("a-good.txt", review("Harbour Lights", "Netflix", "Kwon Na-yeon", "Ma Seo-ri").encode())
    # a good file whose very name is hostile: it ends up in the graph as a literal, exactly
    put('b-"quoted" {braced} back\\slash \u200fright-to-left\u200f zero\u200bwidth <script>.txt',
        review("Paper Lanterns", "Viki", "Noh Ji-an", "Yoo Bit-na").encode())

    put("c-empty.txt", b"", "empty file")
    put("c-blank.txt", b" \n\t\n  ", "contains only whitespace")
    put("c-image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "binary data (a PNG image), not an article")
    with zipfile.ZipFile(folder / "c-archive.txt", "w") as archive:
        archive.writestr("inside.txt", "an article hidden in an archive")
    bad[str(folder / "c-archive.txt")] = "binary data (a ZIP archive (or Office document)), not an article"
    put("c-paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "binary data (a PDF document), not an article")
    # an empty file whose name would move the cursor and paint the terminal red, were it printed raw
    put("c-escape\x1b[31m\nsecond line.txt", b"", "empty file")

    # 100 MB of plausible review text: refused by its size before a byte is read
    block = (review("Endless Tide", "Netflix", "Han Seo-jun", "Gil Do-ha") * 200).encode()
    with (folder / "d-huge.txt").open("wb") as handle:
        for _ in range(HUGE // len(block)):
            handle.write(block)
        handle.write(block[:HUGE % len(block)])
    bad[str(folder / "d-huge.txt")] = f"too large ({HUGE:,} bytes; the limit is {LIMIT:,})"

    # Korean pages: legacy encodings and UTF-16, with and without a declared charset
    put("e-euckr-declared.html", KOREAN_PAGE.format(meta='<meta charset="euc-kr">').encode("euc-kr"))
    put("e-cp949-undeclared.html", KOREAN_PAGE.format(meta="").encode("cp949"))
    put("e-utf16-declared.html",
        KOREAN_PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=utf-16">')
        .encode("utf-16"))                                   # with its byte order mark
    put("e-utf16le-undeclared.html", KOREAN_PAGE.format(meta="").encode("utf-16-le"))   # no BOM, no meta

    put("f-broken.html", b"<html><body><p>Glass Orchard is streaming on Apple TV+. Gang Seo-yul plays Yeo Dam, "
                         b"a lighthouse keeper.<p>Unclosed <b>bold <i>misnested</b> still</i> going<div><table><tr>"
                         b"<td>never closed</p></p></span> <p <a href=")
    depth = 100_000
    put("f-nested.html", ("<html><body>" + "<div>" * depth + "<p>Copper Tide is streaming on Viki. Yoon Bo-ram "
                          "plays Seo Hae-jin, a diver.</p>" + "</div>" * depth + "</body></html>").encode())

    # one line of a megabyte: a real sentence, then a run-on that never stops
    run_on = " ".join(["the pacing drifts on and on while Kim plays Lee and nobody stops for breath"] * 14_000)
    put("g-long-line.txt", ("Long Road review\n\nLong Road is streaming on Disney+. Bae Ha-neul plays Moon "
                            "Seo-ah, a courier. " + run_on + "\n").encode())

    feed = folder / "h-feed.jsonl"
    lines = [
        json.dumps({"url": 'https://news.example/r?q="}><script>alert(1)</script>&x=\\',
                    "title": "Tide Songs review: " + NASTY, "author": NASTY, "published": NASTY,
                    "text": "Tide Songs is streaming on Netflix. Mira Holt plays Oona Vey, a captain. " + NASTY}),
        "{not json",
        json.dumps({"url": "https://news.example/s", "title": "Salt Wind",
                    "html": "<article><p>Salt Wind is streaming on Viki. Kang Mi-rae plays Bo Ra-el.</p></article>"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body at all"}),
        json.dumps({"title": ["not", "a", "string"], "text": "Some text."}),
        json.dumps({"title": "Cut emoji \ud83d", "text": "Night Ferry is streaming on TVING \udc00. Ryu Da-in "
                                                         "plays Han Yi-seul."}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good += [f"{feed}:1", f"{feed}:3", f"{feed}:7"]
    bad[f"{feed}:2"] = "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"
    bad[f"{feed}:4"] = "not a JSON object"
    bad[f"{feed}:5"] = 'no "text" or "html" field with content'
    bad[f"{feed}:6"] = "field 'title' must be a string"
    return Corpus(folder, bad, good)


def shown(item: str) -> str:
    """How an error line writes an item: control characters escaped, so it stays one line."""
    return item.replace("\x1b", "\\x1b").replace("\n", "\\n")


def graphs_by_source(store: Path) -> dict[str, tuple[URIRef, set[tuple]]]:
    nquads = dramagraph("export", "--store", str(store), "--format", "nquads")
    assert nquads.code == 0, nquads.stderr
    dataset = Dataset()
    dataset.parse(data=nquads.stdout, format="nquads")
    out = {}
    for graph in dataset.graphs():
        sources = list(graph.objects(graph.identifier, DG.source))
        if sources:
            out[str(sources[0])] = (graph.identifier, set(graph))
    return out


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path, Run, Run]:
    base = tmp_path_factory.mktemp("hostile")
    corpus = make_corpus(base / "corpus")
    store = base / "store"
    first = dramagraph("ingest", str(corpus.folder), "--store", str(store))
    # again with --force (an unchanged input is otherwise skipped): replaces, never adds
    second = dramagraph("ingest", str(corpus.folder), "--store", str(store), "--force")
    print(f"\nhostile batch: {first.seconds:.1f} s, then {second.seconds:.1f} s; "
          f"peak RSS of the ingest processes {first.peak_rss_mb:.0f} MB")
    return corpus, store, first, second


def test_each_bad_item_gets_one_clear_line_and_the_exit_code_says_so(batch) -> None:
    corpus, _, first, second = batch
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "for `ingest` also when some\ninputs failed while the others were stored" in readme   # exit code 1
    for run in (first, second):
        assert run.code == 1
        assert run.stdout == ""
        assert "Traceback" not in run.stderr
        lines = run.stderr.splitlines()
        errors = [line for line in lines if line.startswith("Error: ")]
        assert sorted(errors) == sorted(f"Error: {shown(item)}: {reason}" for item, reason in corpus.bad.items())
        assert "\x1b" not in run.stderr
        summary = lines[-1]
        assert re.fullmatch(rf"Ingested {len(corpus.good)} articles \(\d+ facts, \d+ triples\) into .+ in "
                            rf"[\d.]+ s; {len(corpus.bad)} failed\.", summary), summary
        assert len(lines) == len(corpus.bad) + 1


def test_a_third_run_skips_every_stored_item_and_still_names_the_bad_ones(batch) -> None:
    corpus, store, _, _ = batch
    third = dramagraph("ingest", str(corpus.folder), "--store", str(store))
    assert third.code == 1 and "Traceback" not in third.stderr
    lines = third.stderr.splitlines()
    assert sorted(line for line in lines if line.startswith("Error: ")) == sorted(
        f"Error: {shown(item)}: {reason}" for item, reason in corpus.bad.items())
    assert re.fullmatch(rf"Ingested 0 articles \(0 facts, 0 triples\) into .+ in [\d.]+ s; "
                        rf"{len(corpus.good)} unchanged, skipped; {len(corpus.bad)} failed\.", lines[-1]), lines[-1]


def test_bounded_time_and_memory(batch) -> None:
    _, _, first, second = batch
    # the 100 MB file is never read: the whole batch stays far below its size in memory
    assert first.peak_rss_mb < 400 and second.peak_rss_mb < 400
    assert first.seconds < 120 and second.seconds < 120


def test_every_good_item_is_stored_with_its_facts(batch) -> None:
    corpus, store, _, _ = batch
    stored = graphs_by_source(store)
    assert sorted(stored) == sorted(corpus.good)
    facts = dramagraph("facts", "--store", str(store), "--json")
    assert facts.code == 0, facts.stderr
    roles = {(r["actor"], r["character"], r["show"]) for r in json.loads(facts.stdout)["roles"]}
    assert {("Kwon Na-yeon", "Ma Seo-ri", "Harbour Lights"), ("Noh Ji-an", "Yoo Bit-na", "Paper Lanterns"),
            ("Park Gyeo-ul", "Ji Eun-bi", "Frost Lane Relay"), ("Gang Seo-yul", "Yeo Dam", "Glass Orchard"),
            ("Yoon Bo-ram", "Seo Hae-jin", "Copper Tide"), ("Bae Ha-neul", "Moon Seo-ah", "Long Road"),
            ("Mira Holt", "Oona Vey", "Tide Songs"), ("Kang Mi-rae", "Bo Ra-el", "Salt Wind"),
            ("Ryu Da-in", "Han Yi-seul", "Night Ferry")} <= roles
    platforms = {(s["title"], tuple(s["platforms"])) for s in json.loads(facts.stdout)["shows"]}
    assert ("Frost Lane Relay", ("TVING",)) in platforms and ("Copper Tide", ("Viki",)) in platforms


def test_korean_text_comes_out_right_from_every_encoding(batch) -> None:
    corpus, store, _, _ = batch
    stored = graphs_by_source(store)
    for name in ("e-euckr-declared.html", "e-cp949-undeclared.html", "e-utf16-declared.html",
                 "e-utf16le-undeclared.html"):
        iri, triples = stored[str(corpus.folder / name)]
        titles = {str(o) for s, p, o in triples if s == iri and p == DG.title}
        assert titles == {"겨울 릴레이 리뷰: 수영장의 겨울"}, name
        sentences = {str(o) for _, p, o in triples if p == DG.sentence}
        assert KOREAN_SENTENCE in sentences, name


def test_hostile_text_is_stored_exactly_and_adds_no_triples(batch) -> None:
    corpus, store, _, _ = batch
    stored = graphs_by_source(store)
    # what the pipeline maps each article to, computed here in memory, is exactly what the store holds
    # after two runs (the second replaced each graph through a SPARQL update)
    items = [i for i in read_sources([str(corpus.folder)]) if not isinstance(i, Exception)]
    assert len(items) == len(corpus.good)
    for document in items:
        if document.source.endswith("d-huge.txt"):
            continue
        extraction, graph = process(document)
        iri, triples = stored[document.source]
        assert str(iri) == graph.iri
        assert triples == set(graph.triples), document.source
    feed = str(corpus.folder / "h-feed.jsonl")
    iri, triples = stored[f"{feed}:1"]
    values = {p: o for s, p, o in triples if s == iri}
    assert values[DG.author] == Literal(NASTY)
    assert values[DG.published] == Literal(NASTY)
    assert str(values[DG.url]) == 'https://news.example/r?q="}><script>alert(1)</script>&x=\\'
    # the title is the cleaned one (one line, no zero-width characters), every other character kept
    assert str(values[DG.title]).startswith('Tide Songs review: Evil "quoted" {braced} back\\slash next line')
    assert "<script>alert(1)</script> > } . ; DROP ALL #" in str(values[DG.title])
    iri, triples = stored[f"{feed}:7"]
    assert {str(o) for s, p, o in triples if p == DG.title} == {"Cut emoji \ufffd"}
    name = str(corpus.folder / 'b-"quoted" {braced} back\\slash \u200fright-to-left\u200f zero\u200bwidth <script>.txt')
    assert name in stored


def test_no_store_file_is_left_behind_and_the_store_validates(batch) -> None:
    corpus, store, _, _ = batch
    assert not list(store.glob("dramagraph-pending*"))
    stats = dramagraph("stats", "--store", str(store), "--json")
    assert json.loads(stats.stdout)["articles"] == len(corpus.good)
    check = dramagraph("validate", "--store", str(store))
    assert check.code == 0, check.stdout


def test_debug_shows_the_traceback_only_when_asked(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(review("Harbour Lights", "Netflix", "Kwon Na-yeon", "Ma Seo-ri"), encoding="utf-8")
    damaged = tmp_path / "store"   # a store folder whose database files are garbage
    damaged.mkdir()
    (damaged / "CURRENT").write_text("MANIFEST-000009\n", encoding="utf-8")
    (damaged / "MANIFEST-000009").write_bytes(b"\x00garbage" * 50)
    plain = dramagraph("ingest", str(article), "--store", str(damaged))
    assert plain.code == 1
    assert plain.stderr.startswith(f"Error: {damaged}: cannot open store: ")
    assert len(plain.stderr.splitlines()) == 1 and "Traceback" not in plain.stderr
    debug = dramagraph("--debug", "ingest", str(article), "--store", str(damaged))
    assert debug.code == 1
    assert debug.stderr.startswith("Traceback (most recent call last):")
    assert "StoreError" in debug.stderr
    assert debug.stderr.endswith(plain.stderr)


HOLDER = """
import sys
from dramagraph.pipeline import ingest
from dramagraph.store import Store
with Store(sys.argv[1]) as store:
    ingest([sys.argv[2]], store)
    print("holding", flush=True)
    sys.stdin.readline()
"""


def test_a_second_writer_process_gets_store_in_use(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(review("Harbour Lights", "Netflix", "Kwon Na-yeon", "Ma Seo-ri"), encoding="utf-8")
    second.write_text(review("Paper Lanterns", "Viki", "Noh Ji-an", "Yoo Bit-na"), encoding="utf-8")
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store), str(first)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        other = dramagraph("ingest", str(second), "--store", str(store))
        assert other.code == 1
        assert other.stderr.startswith(f"Error: {store}: store in use by another dramagraph process (")
        assert len(other.stderr.splitlines()) == 1 and "Traceback" not in other.stderr
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0
    facts = dramagraph("facts", "--store", str(store), "--json")
    roles = json.loads(facts.stdout)["roles"]
    assert roles == [{"actor": "Kwon Na-yeon", "character": "Ma Seo-ri", "show": "Harbour Lights"}]
    again = dramagraph("ingest", str(second), "--store", str(store), "--quiet")   # free again: it works
    assert again.code == 0, again.stderr


# -- run-on lines ------------------------------------------------------------------------------------

def test_run_on_sentences_are_read_in_pieces_cut_at_spaces() -> None:
    text = "Long Road review\n\n" + " ".join(f"word{i}" for i in range(3000)) + " end."
    pieces = split_sentences(text)
    assert all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    assert all(text[p.start:p.end] == p.text for p in pieces)
    assert " ".join(p.text for p in pieces) == " ".join(text.split())   # every word, once, in order
    assert all(p.text.split()[0].startswith(("word", "Long")) for p in pieces)   # no word cut in two


@pytest.mark.parametrize("unit", ["Show #2 ", "Kim plays Lee ", "Kim Park Lee (Kim) \u201cKim\u201d "])
def test_a_run_on_line_takes_time_linear_in_its_length(unit: str) -> None:
    from dramagraph.models import Document

    head = "Long Road is streaming on Disney+. Bae Ha-neul plays Moon Seo-ah, a courier. "
    text = "Long Road review\n\n" + head + unit * (300_000 // len(unit))
    started = time.perf_counter()
    extraction, _ = process(Document(source="run-on", content=text, media_type="text/plain"))
    seconds = time.perf_counter() - started
    assert ("Bae Ha-neul", "Moon Seo-ah") in {(f.person, f.character) for f in extraction.facts}
    # read whole, a sentence like this took time quadratic in its length: 30 s for 40 KB of "Show #2"
    assert seconds < 30, f"{seconds:.1f} s for 300 KB"
