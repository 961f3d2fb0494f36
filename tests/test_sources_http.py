"""Reading http(s) URLs, against a real HTTP server on 127.0.0.1 (no internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dramagraph.errors import SourceError
from dramagraph.models import Document
from dramagraph.sources import SourceOptions, read_sources

PAGE = "<html><head><title>Review</title></head><body><p>Kwon Na-yeon plays Ma Seo-ri.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        routes = {
            "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/text": (200, "text/plain; charset=euc-kr", "드라마 리뷰".encode("euc-kr")),
            "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
            "/big": (200, "text/plain", b"x" * 5000),
            "/missing": (404, "text/plain", b"nope"),
        }
        if self.path.startswith("/hop"):
            hops = int(self.path[4:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/hop{hops + 1}" if hops < 10 else "/page")
            self.end_headers()
            return
        if self.path in ("/to-ftp", "/to-file"):
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file" if self.path == "/to-ftp" else "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/trickle":   # headers at once, then a byte now and then, for ever
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/slow":
            time.sleep(2)
        status, content_type, body = routes.get(self.path, (200, "text/plain", b"slow body"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client gave up first (the timeout test): expected

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _one(url: str, **options: object) -> Document | SourceError:
    [item] = list(read_sources([url], SourceOptions(**options)))  # type: ignore[arg-type]
    return item


def test_html_page_is_read_with_its_url(server: str) -> None:
    doc = _one(server + "/page")
    assert isinstance(doc, Document)
    assert doc.media_type == "text/html" and doc.url == server + "/page" and "Ma Seo-ri" in doc.content


def test_declared_charset_of_the_response_is_honoured(server: str) -> None:
    doc = _one(server + "/text")
    assert isinstance(doc, Document) and doc.content == "드라마 리뷰"


@pytest.mark.parametrize(("path", "options", "reason"), [
    ("/image", {}, "content type image/png is not an article (HTML or text)"),
    ("/missing", {}, "HTTP 404 Not Found"),
    ("/big", {"max_bytes": 1000}, "response larger than 1,000 bytes"),
    ("/slow", {"timeout": 0.5}, "timed out"),
    ("/hop0", {"max_redirects": 3}, "too many redirects (more than 3)"),
    ("/to-ftp", {}, "cannot fetch: redirect to a non-HTTP address 'ftp://127.0.0.1/file' refused"),
    ("/to-file", {}, "cannot fetch: redirect to a non-HTTP address 'file:///etc/passwd' refused"),
    ("/trickle", {"timeout": 1.0}, "timed out after 1 s (the response kept coming)"),
])
def test_refusals_name_the_url_and_the_reason(server: str, path: str, options: dict, reason: str) -> None:
    started = time.monotonic()
    error = _one(server + path, **options)
    assert isinstance(error, SourceError)
    assert error.source == server + path
    assert reason in error.reason
    assert time.monotonic() - started < 5   # the trickle (10 s in all) is cut at its deadline


def test_redirects_within_the_limit_are_followed(server: str) -> None:
    doc = _one(server + "/hop8", max_redirects=5)
    assert isinstance(doc, Document) and doc.url == server + "/page"
