"""A polite client for Wikidata-shaped SPARQL endpoints: query.wikidata.org, QLever, or any mirror.

What it promises the endpoint (and the tests check):

* one request at a time, each a ``POST`` of a standard SPARQL 1.1 SELECT, with a descriptive User-Agent that
  names a contact (``DRAMAGRAPH_USER_AGENT`` or ``user_agent=`` replaces it);
* a timeout per request, and retries with exponential backoff on timeouts, connection errors, 5xx answers,
  429 and unreadable JSON; a ``Retry-After`` header (seconds or an HTTP date) on 429/503 is honoured;
  after the last try, one ``WikidataError`` naming the endpoint and the reason;
* an on-disk cache of results keyed by endpoint + query text, so a re-run sends nothing: ``offline`` reads
  only the cache (a miss is an error), ``refresh`` ignores it (and rewrites it).  Cache files are written
  under a temporary name and renamed, so an interrupted run never leaves a half-written entry.

SPARQLWrapper sends the requests: it leaves 429 and 503 answers as ``urllib`` ``HTTPError``s, whose headers
carry ``Retry-After``, and with ``setOnlyConneg`` it adds no non-standard parameters to the request.

Every string that comes from an article goes into a query through ``sparql_literal``.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import tempfile
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DramagraphError

ENDPOINTS = {
    "wikidata": "https://query.wikidata.org/sparql",
    "qlever": "https://qlever.cs.uni-freiburg.de/api/wikidata",
}
DEFAULT_USER_AGENT = (f"dramagraph/{__version__} (https://w3id.org/dramagraph; "
                      "mailto:dramagraph@w3id.org) SPARQLWrapper")
WD = "http://www.wikidata.org/entity/"


class WikidataError(DramagraphError):
    """A query could not be answered: the endpoint failed after every retry, or offline with no cache."""


def endpoint_url(name_or_url: str) -> str:
    """``wikidata`` and ``qlever`` by name, else the URL itself (http or https)."""
    url = ENDPOINTS.get(name_or_url.lower(), name_or_url)
    if not url.lower().startswith(("http://", "https://")):
        raise WikidataError(f"unknown endpoint {name_or_url!r}: give wikidata, qlever or an http(s) URL")
    return url


def default_cache_dir() -> Path:
    """``$DRAMAGRAPH_CACHE``, else ``$XDG_CACHE_HOME/dramagraph/wikidata``, else ``~/.cache/dramagraph/wikidata``."""
    if os.environ.get("DRAMAGRAPH_CACHE"):
        return Path(os.environ["DRAMAGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dramagraph" / "wikidata"


# -- literals -----------------------------------------------------------------------------------------

# SPARQL 1.1 STRING_LITERAL2 may not hold ", \ or a raw line break; ECHAR covers these and tab, \b, \f.
# Braces, '#' and keywords are harmless inside a correctly closed literal; other control characters are
# written as 8-digit \\U escapes (a 4-digit one could run on into hex digits after it).
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_literal(value: str, language: str | None = None) -> str:
    """``value`` as a quoted SPARQL string literal (with ``@language`` when given), escaped so that no
    text can end the literal early."""
    out = []
    previous = ""
    for char in value:
        if previous == "\\" and char in "uU":
            # some processors expand \uXXXX before parsing, even after an escaped backslash: spell the u
            # as an escape too, so the text reads the same whether or not they do
            out.append(f"\\U{ord(char):08X}")
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0xD800 <= ord(char) <= 0xDFFF:
            out.append(f"\\U{ord(char):08X}" if ord(char) < 0xD800 else "\\U0000FFFD")
        else:
            out.append(char)
        previous = char
    text = '"' + "".join(out) + '"'
    if language is not None:
        if not language.replace("-", "").isalnum():
            raise ValueError(f"not a language tag: {language!r}")
        text += "@" + language
    return text


def sparql_item(qid: str) -> str:
    """A Wikidata item as a prefixed name, checked to be ``Q`` + digits (results come from outside too)."""
    if qid.startswith(WD):
        qid = qid[len(WD):]
    if not (qid[:1] == "Q" and qid[1:].isdigit()):
        raise ValueError(f"not a Wikidata item id: {qid!r}")
    return "wd:" + qid


# -- the client ---------------------------------------------------------------------------------------

@dataclass
class ClientOptions:
    endpoint: str = "wikidata"
    user_agent: str | None = None        # default: $DRAMAGRAPH_USER_AGENT, else DEFAULT_USER_AGENT
    timeout: float = 60.0                 # seconds per request (WDQS stops queries at 60 s)
    retries: int = 4                      # tries after the first one
    backoff: float = 2.0                  # first wait in seconds, doubled after each failure
    max_wait: float = 120.0               # longest wait, whatever Retry-After says
    cache_dir: Path | None = None         # default: default_cache_dir()
    offline: bool = False
    refresh: bool = False


@dataclass
class Answer:
    rows: list[dict[str, Any]]           # variable -> {"type", "value", "xml:lang", "datatype"}
    retrieved: str                       # ISO time the endpoint answered
    cached: bool


@dataclass
class Counters:
    requests: int = 0                    # HTTP requests sent, retries included
    queries: int = 0                     # queries answered by the endpoint
    cache_hits: int = 0
    retries: int = 0
    by_family: dict[str, int] = field(default_factory=dict)   # requests per fact family


class WikidataClient:
    """Runs SELECT queries against one endpoint, one at a time, through the cache."""

    def __init__(self, options: ClientOptions | None = None, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or ClientOptions()
        self.endpoint = endpoint_url(self.options.endpoint)
        self.user_agent = (self.options.user_agent or os.environ.get("DRAMAGRAPH_USER_AGENT")
                           or DEFAULT_USER_AGENT)
        self.cache_dir = self.options.cache_dir or default_cache_dir()
        self.counters = Counters()
        self._sleep = sleep

    # -- cache ---------------------------------------------------------------------------------------

    def cache_path(self, query: str) -> Path:
        key = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        return self.cache_dir / key[:2] / f"{key}.json"

    def _read_cache(self, query: str) -> Answer | None:
        path = self.cache_path(query)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None   # absent, or unreadable: asked again (and rewritten)
        if entry.get("endpoint") != self.endpoint or entry.get("query") != query:
            return None   # a hash collision, in theory
        return Answer(rows=entry["rows"], retrieved=entry["retrieved"], cached=True)

    def _write_cache(self, query: str, answer: Answer) -> None:
        path = self.cache_path(query)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"endpoint": self.endpoint, "query": query, "retrieved": answer.retrieved, "rows": answer.rows}
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False)
        try:
            with handle:
                json.dump(entry, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, path)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise

    # -- queries -------------------------------------------------------------------------------------

    def select(self, query: str, family: str = "other") -> Answer:
        """The rows of a SELECT, from the cache unless ``refresh``; ``family`` only labels the counters."""
        if not self.options.refresh:
            cached = self._read_cache(query)
            if cached is not None:
                self.counters.cache_hits += 1
                return cached
        if self.options.offline:
            raise WikidataError(f"offline and no cached answer for a {family} query to {self.endpoint} "
                                "(run once without --offline)")
        answer = self._ask(query, family)
        self._write_cache(query, answer)
        return answer

    def _ask(self, query: str, family: str) -> Answer:
        wait = self.options.backoff
        attempts = self.options.retries + 1
        reason = ""
        for attempt in range(1, attempts + 1):
            self.counters.requests += 1
            self.counters.by_family[family] = self.counters.by_family.get(family, 0) + 1
            retry_after: float | None = None
            try:
                rows = self._send(query)
                self.counters.queries += 1
                return Answer(rows=rows, retrieved=datetime.now(UTC).isoformat(timespec="seconds"), cached=False)
            except urllib.error.HTTPError as err:
                if err.code in (429, 503):
                    retry_after = _retry_after(err.headers.get("Retry-After") if err.headers else None)
                elif err.code < 500:
                    raise WikidataError(f"{self.endpoint} refused a {family} query: HTTP {err.code} "
                                        f"{_body(err)}") from err
                reason = f"HTTP {err.code}"
            except _PERMANENT as err:
                raise WikidataError(f"{self.endpoint} refused a {family} query: {type(err).__name__}: "
                                    f"{_short(err)}") from err
            except _TRANSIENT as err:   # HTTP 500, as SPARQLWrapper reports it
                reason = _short(err)
            except TimeoutError as err:
                reason = f"no answer within {self.options.timeout:g} s ({_short(err)})"
            except urllib.error.URLError as err:
                timed_out = isinstance(err.reason, TimeoutError)
                reason = (f"no answer within {self.options.timeout:g} s" if timed_out
                          else f"cannot connect ({err.reason})")
            except (ValueError, KeyError, TypeError) as err:   # not SPARQL JSON results
                reason = f"malformed JSON results ({_short(err)})"
            except (ConnectionError, OSError) as err:
                reason = f"connection failed ({_short(err)})"
            if attempt == attempts:
                break
            self.counters.retries += 1
            pause = min(self.options.max_wait, retry_after if retry_after is not None else wait)
            self._sleep(pause)
            wait *= 2
        raise WikidataError(f"{self.endpoint} did not answer a {family} query after {attempts} "
                            f"tr{'ies' if attempts != 1 else 'y'}: {reason}")

    def _send(self, query: str) -> list[dict[str, Any]]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        client = SPARQLWrapper(self.endpoint, agent=self.user_agent)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setOnlyConneg(True)   # only the Accept header: no format=/output= parameters
        client.setTimeout(int(max(1, round(self.options.timeout))))
        client.setQuery(query)
        response = client.query()
        try:
            data = json.loads(response.response.read().decode("utf-8"))
        finally:
            response.response.close()
        rows = data["results"]["bindings"]
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValueError("results.bindings is not a list of objects")
        return rows


def _permanent() -> tuple[type[Exception], ...]:
    from SPARQLWrapper.SPARQLExceptions import EndPointNotFound, QueryBadFormed, Unauthorized, URITooLong

    return (QueryBadFormed, EndPointNotFound, Unauthorized, URITooLong)


def _transient() -> tuple[type[Exception], ...]:
    from SPARQLWrapper.SPARQLExceptions import EndPointInternalError

    return (EndPointInternalError,)


_PERMANENT = _permanent()
_TRANSIENT = _transient()


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _body(err: urllib.error.HTTPError) -> str:
    try:
        return _short(err.read().decode("utf-8", "replace"))
    except Exception:   # the body is only decoration for the message
        return ""


def _short(err: object, limit: int = 200) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[:limit] + "..."


def value(binding: dict[str, Any] | None) -> str | None:
    """The value of one SPARQL JSON binding (None when unbound)."""
    return None if binding is None else binding.get("value")


def qid(iri: str | None) -> str | None:
    """``Q42`` from ``http://www.wikidata.org/entity/Q42`` (None for anything else)."""
    if iri and iri.startswith(WD) and iri[len(WD):][:1] == "Q" and iri[len(WD) + 1:].isdigit():
        return iri[len(WD):]
    return None
