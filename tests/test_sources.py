"""Reading inputs: every bad item becomes a SourceError naming it and the reason; good ones come through."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from dramagraph.errors import SourceError
from dramagraph.models import Document
from dramagraph.sources import SourceOptions, decode, read_sources


def _read(*inputs, stdin=None, options=None):
    return list(read_sources([str(i) for i in inputs], options, stdin=stdin))


def test_text_html_and_markdown_files_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain review text.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Page</p></body></html>", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Heading\n\nBody.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")   # not an article type: left out
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder", encoding="utf-8")
    docs = _read(tmp_path)
    assert [(Path(d.source).name, d.media_type) for d in docs] == [
        ("a.txt", "text/plain"), ("b.html", "text/html"), ("c.md", "text/markdown")]
    assert docs[0].content == "Plain review text."


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "deep.txt").write_text("deep", encoding="utf-8")
    (tmp_path / "a.txt").write_text("top", encoding="utf-8")
    assert [d.content for d in _read(tmp_path)] == ["top", "deep"]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t ", "contains only whitespace"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary data (a PNG image), not an article"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary data (a PDF document), not an article"),
    (b"text\x00with\x00nul\x01\x02\x03" * 20, "binary data"),
])
def test_bad_files_get_a_reason_and_the_batch_goes_on(tmp_path: Path, data: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("A good article.", encoding="utf-8")
    first, second = _read(bad, good)
    assert isinstance(first, SourceError)
    assert first.source == str(bad)
    assert first.reason.startswith(reason)
    assert isinstance(second, Document) and second.content == "A good article."


def test_zip_renamed_to_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("inner.txt", "hello")
    [error] = _read(path)
    assert isinstance(error, SourceError) and "ZIP archive" in error.reason


def test_missing_path_and_non_http_url() -> None:
    missing, ftp = _read("no/such/file.txt", "ftp://example.org/a.txt")
    assert str(missing) == "no/such/file.txt: no such file or folder"
    assert str(ftp) == "ftp://example.org/a.txt: only http:// and https:// addresses are read"


@pytest.mark.parametrize("address", [
    "file:///etc/passwd", "FILE:///etc/hostname", "ftp://example.org/a.txt", "gopher://example.org/",
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:desk@news.example",
    "view-source:https://news.example/a",
])
def test_only_http_and_https_addresses_are_read(address: str) -> None:
    [error] = _read(address)
    assert isinstance(error, SourceError)
    assert (error.source, error.reason) == (address, "only http:// and https:// addresses are read")


def test_a_file_whose_name_looks_like_a_scheme_is_still_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes:draft.txt").write_text("Harbour notes.", encoding="utf-8")
    [doc] = _read("notes:draft.txt")
    assert isinstance(doc, Document) and doc.content == "Harbour notes."


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    [error] = _read(path, options=SourceOptions(max_bytes=1000))
    assert isinstance(error, SourceError) and error.reason.startswith("too large (2,000 bytes")


def test_encodings_bom_declared_charset_and_detection() -> None:
    assert decode("\ufeffBOM text".encode("utf-8"), "f") == "BOM text"
    assert decode("UTF-16 text".encode("utf-16"), "f") == "UTF-16 text"
    korean = "드라마 리뷰: 배우와 역할"
    html = b'<html><head><meta charset="euc-kr"></head><body>' + korean.encode("euc-kr") + b"</body></html>"
    assert korean in decode(html, "page.html", "text/html")
    assert korean in decode(html.replace(b'charset="euc-kr"', b'charset="utf-8"'), "page.html", "text/html")
    assert decode("UTF-16 without BOM".encode("utf-16-le"), "f") == "UTF-16 without BOM"


def test_jsonl_good_lines_pass_bad_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"url": "https://news.example/a", "title": "A", "text": "Text A.", "published": "2024-01-02",
                    "author": "Ra Mi-ran"}),
        "{not json",
        json.dumps({"url": "https://news.example/b", "html": "<p>Page B</p>"}),
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Document", "SourceError", "Document", "SourceError",
                                                 "SourceError"]
    first, bad_json, second, no_body, not_object = items
    assert (first.url, first.title, first.published, first.author) == (
        "https://news.example/a", "A", "2024-01-02", "Ra Mi-ran")
    assert bad_json.source == f"{path}:2" and bad_json.reason.startswith("not valid JSON")
    assert second.media_type == "text/html"
    assert no_body.reason == 'no "text" or "html" field with content'
    assert not_object.reason == "not a JSON object"


def test_jsonl_line_over_the_cap_is_named_and_skipped_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"title": "A", "text": "Text A."})
    big_line = json.dumps({"text": "y" * 5000}) + "\n"
    path.write_text(good + "\n" + big_line + good + "\n", encoding="utf-8")
    first, big, third = _read(path, options=SourceOptions(max_bytes=1000))
    assert isinstance(first, Document) and isinstance(third, Document)
    assert big.source == f"{path}:2"
    assert big.reason == f"line too large ({len(big_line):,} bytes; the limit is 1,000)"


def test_jsonl_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "Cut \\ud83d", "text": "Half an emoji \\udc00 here.", "author": "\\ud800"}\n',
                    encoding="utf-8")
    [doc] = _read(path)
    assert (doc.title, doc.content, doc.author) == ("Cut \ufffd", "Half an emoji \ufffd here.", "\ufffd")
    doc.content.encode("utf-8")   # storable


def test_stdin_is_read_when_asked_for_with_dash() -> None:
    [doc] = _read("-", stdin=io.BytesIO(b"Article from a pipe."))
    assert doc.source == "<stdin>" and doc.content == "Article from a pipe."
    [html] = _read("-", stdin=io.BytesIO(b"<!DOCTYPE html><html><body>x</body></html>"))
    assert html.media_type == "text/html"


def test_legacy_encodings_without_a_declaration() -> None:
    assert decode("Le café de la crème, déjà vu à Paris.".encode("latin-1"), "f") == \
        "Le café de la crème, déjà vu à Paris."
    korean = "한국 드라마 리뷰: 배우 김민수가 주인공을 연기한다. 넷플릭스에서 방영 중이다."
    assert decode(korean.encode("cp949"), "f") == korean


def test_bytes_no_encoding_fits_are_refused() -> None:
    with pytest.raises(SourceError, match="undecodable bytes"):
        decode(bytes(range(128, 256)) * 3, "noise.txt")
