"""Read articles from files, folders, URLs, JSON Lines and standard input into ``Document`` values.

Every input yields either a ``Document`` or a ``SourceError`` naming the input and the reason, so a batch
goes on past a bad item.  Bytes are decoded here (BOM, declared charset, then detection); binary files,
empty files and oversized inputs are refused with a clear reason.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from . import __version__
from .errors import SourceError
from .models import Document

MEDIA_TYPES = {
    ".txt": "text/plain", ".text": "text/plain",
    ".html": "text/html", ".htm": "text/html", ".xhtml": "text/html",
    ".md": "text/markdown", ".markdown": "text/markdown",
}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# A folder's own documentation is not an article: left out of folder walks (still read when named).
FOLDER_DOCS = {"readme", "license", "licence", "changelog", "contributing", "copying", "authors"}

# Leading bytes of common binary formats, so a renamed PNG or PDF gets a reason a person understands.
_MAGIC = [
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "an executable"), (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3", "an SQLite database"),
]
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")   # control characters that text never holds
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+:")   # two letters at least: "C:" is a Windows drive
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class SourceOptions:
    """Limits for reading inputs."""

    max_bytes: int = 20 * 1024 * 1024      # per file, URL response or JSON line
    timeout: float = 20.0                   # seconds per URL request
    max_redirects: int = 5
    user_agent: str = f"dramagraph/{__version__} (+https://w3id.org/dramagraph)"


def read_sources(inputs: Iterable[str | os.PathLike[str]], options: SourceOptions | None = None,
                 stdin: IO[bytes] | None = None) -> Iterator[Document | SourceError]:
    """Yield a ``Document`` (or a ``SourceError``) for every article the inputs name.

    An input is a file (.txt, .html/.htm, .md, .jsonl), a folder (read recursively; hidden entries, files
    of other types and README/LICENSE-style documentation left out), an http(s) URL, or ``-`` for ``stdin``.
    """
    options = options or SourceOptions()
    for item in inputs:
        text = os.fspath(item)
        if text == "-":
            yield _read_stream(stdin, options)
        elif _URL.match(text):
            yield _read_url(text, options)
        else:
            path = Path(text)
            if path.is_dir():
                yield from _read_folder(path, options)
            elif path.exists():
                yield from _read_file(path, options)
            elif _SCHEME.match(text):   # javascript:, data:, mailto: ... (not a file that exists)
                yield SourceError(text, "only http:// and https:// addresses are read")
            else:
                yield SourceError(text, "no such file or folder")


def _read_folder(folder: Path, options: SourceOptions) -> Iterator[Document | SourceError]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if (name.startswith(".") or path.suffix.lower() not in MEDIA_TYPES.keys() | JSONL_SUFFIXES
                    or path.stem.lower() in FOLDER_DOCS):
                continue
            yield from _read_file(path, options)


def _read_file(path: Path, options: SourceOptions) -> Iterator[Document | SourceError]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > options.max_bytes and suffix not in JSONL_SUFFIXES:
            yield SourceError(source, f"too large ({size:,} bytes; the limit is {options.max_bytes:,})")
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, options)
            return
        data = path.read_bytes()
    except OSError as err:
        yield SourceError(source, f"cannot read: {err.strerror or err}")
        return
    media_type = MEDIA_TYPES.get(suffix) or _sniff_media_type(data)
    try:
        yield Document(source=source, content=decode(data, source, media_type), media_type=media_type)
    except SourceError as err:
        yield err


def _read_stream(stream: IO[bytes] | None, options: SourceOptions) -> Document | SourceError:
    if stream is None:
        return SourceError("<stdin>", "no standard input available")
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return SourceError("<stdin>", f"too large (more than {options.max_bytes:,} bytes)")
    media_type = _sniff_media_type(data)
    try:
        return Document(source="<stdin>", content=decode(data, "<stdin>", media_type), media_type=media_type)
    except SourceError as err:
        return err


def _read_jsonl(path: Path, options: SourceOptions) -> Iterator[Document | SourceError]:
    """One article per line: ``{"url", "title", "text" or "html", "published", "author"}``."""
    with path.open("rb") as handle:
        number = 0
        while raw := handle.readline(options.max_bytes + 1):
            number += 1
            source = f"{path}:{number}"
            if len(raw) > options.max_bytes:
                # skip the rest of the line without holding it in memory
                size = len(raw)
                while not raw.endswith(b"\n") and (raw := handle.readline(1 << 20)):
                    size += len(raw)
                yield SourceError(source, f"line too large ({size:,} bytes; the limit is {options.max_bytes:,})")
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                yield SourceError(source, f"not valid JSON ({err})")
                continue
            if not isinstance(record, dict):
                yield SourceError(source, "not a JSON object")
                continue
            html, text = record.get("html"), record.get("text")
            content = html if isinstance(html, str) and html.strip() else text
            if not isinstance(content, str) or not content.strip():
                yield SourceError(source, 'no "text" or "html" field with content')
                continue
            meta = {key: record.get(key) for key in ("url", "title", "published", "author")}
            bad = [key for key, value in meta.items() if value is not None and not isinstance(value, str)]
            if bad:
                yield SourceError(source, f"field {bad[0]!r} must be a string")
                continue
            # JSON may escape a lone surrogate ("\ud800", half an emoji cut off), which no UTF-8 text holds
            media_type = "text/html" if content is html else "text/plain"
            content = _SURROGATE.sub("\ufffd", content)
            meta = {key: _SURROGATE.sub("\ufffd", value) if value else value for key, value in meta.items()}
            yield Document(source=source, content=content,
                           media_type=media_type, **meta)


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        self.max_redirections = limit

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        # urllib refuses a file:// target itself, as an HTTPError that reads like a redirect loop: say why
        target = urllib.parse.urljoin(req.full_url, headers.get("location") or headers.get("uri") or "")
        if not target.lower().startswith(("http://", "https://")):
            raise urllib.error.URLError(f"redirect to a non-HTTP address {target!r} refused")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.URLError(f"redirect to a non-HTTP address {newurl!r} refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_url(url: str, options: SourceOptions) -> Document | SourceError:
    if not url.lower().startswith(("http://", "https://")):
        return SourceError(url, "only http:// and https:// addresses are read")
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent,
                                                   "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"})
    opener = urllib.request.build_opener(_LimitedRedirects(options.max_redirects))
    try:
        with opener.open(request, timeout=options.timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in ("text/html", "application/xhtml+xml", "text/plain", "text/markdown"):
                return SourceError(url, f"content type {content_type} is not an article (HTML or text)")
            # the socket timeout bounds each read only; a server that trickles bytes meets this deadline
            deadline = time.monotonic() + options.timeout
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(min(1 << 16, options.max_bytes + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > options.max_bytes:
                    return SourceError(url, f"response larger than {options.max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    return SourceError(url, f"timed out after {options.timeout:g} s (the response kept coming)")
            data = b"".join(chunks)
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        if 300 <= err.code < 400:
            return SourceError(url, f"too many redirects (more than {options.max_redirects})")
        return SourceError(url, f"HTTP {err.code} {err.reason}")
    except urllib.error.URLError as err:
        return SourceError(url, f"cannot fetch: {err.reason}")
    except TimeoutError:
        return SourceError(url, f"timed out after {options.timeout:g} s")
    except (OSError, ValueError) as err:
        return SourceError(url, f"cannot fetch: {err}")
    media_type = "text/html" if content_type in ("text/html", "application/xhtml+xml") else content_type
    try:
        content = decode(data, url, media_type, declared=charset)
    except SourceError as err:
        return err
    return Document(source=url, content=content, media_type=media_type, url=final_url)


def _sniff_media_type(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "text/html"
    return "text/plain"


def decode(data: bytes, source: str, media_type: str = "text/plain", declared: str | None = None) -> str:
    """Bytes to text: refuse empty and binary data; honour a BOM, a declared charset, else UTF-8, else
    detection; fail with a reason rather than guess wildly."""
    if not data.strip():
        raise SourceError(source, "empty file" if not data else "contains only whitespace")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(source, f"binary data ({what}), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if declared is None and media_type == "text/html":
        match = _CHARSET_META.search(data[:4096])
        declared = match.group(1).decode("ascii", "ignore") if match else None
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        # UTF-16 without a BOM is valid UTF-8 when it is ASCII text, NULs and all: look for it first
        text = _detect(data, source) if data.count(b"\x00") > len(data) // 4 else data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, source)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise SourceError(source, "binary data (control characters), not an article")
    return text


def _detect(data: bytes, source: str) -> str:
    # UTF-16 without a BOM shows as NUL bytes in every other position
    if data.count(b"\x00") > len(data) // 4:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _control_ratio(text) < 0.01:
                return text
    if b"\x00" in data:
        raise SourceError(source, "binary data (NUL bytes), not an article")
    from charset_normalizer import from_bytes  # only needed for legacy encodings

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > 0.3:
        raise SourceError(source, "undecodable bytes: not UTF-8 and no other encoding fits")
    # On short Western text the detector often picks a Baltic or Central European code page; Windows-1252
    # is far more common in web pages, so it wins a near tie.
    for match in matches:
        if match.encoding in ("cp1252", "latin_1", "iso8859_15") and match.chaos <= best.chaos + 0.15:
            return str(match)
    return str(best)


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    return len(_CONTROLS.findall(sample)) / len(sample)
