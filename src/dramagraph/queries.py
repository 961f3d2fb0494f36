"""The SPARQL files in queries/: loaded by name, each with a ``#`` comment header.

Header convention (first comment lines of each ``NAME.rq``)::

    # title: Cast and characters of a show
    # description: One row per performance: actor, character, and the article that says so.
    # param: show  the show's title (string literal)

Parameters are variables of the query bound at run time (the store substitutes them as RDF terms; text
is never pasted into the query string).

A query that finds a node by name looks up ``dg:nameKey`` literals by a key: ``BIND(IF(BOUND(?key), ?key,
<the name parameter normalised in SPARQL>) AS ?match)``.  Its header says how to compute the key::

    # match: key show title      bind ?key to names.title_match_keys(show)  (or "person": match_key)

``derived_bindings`` computes such keys in Python, and both stores bind them with the parameters; left
unbound (the text sent to another endpoint by hand), the IF computes the key instead, with the same answer.
The SPARQL side needs ``\\p{L}``/``\\p{N}`` classes, which rdflib's engine (Python's ``re``) lacks, and no
portable class replaces them (Virtuoso's ``\\W`` is ASCII-only), so with the keys bound rdflib runs the
queries too.

A numeric parameter may be written into the query text instead, where its header says so::

    # number: threshold

``inline_numbers`` then replaces each ``xsd:double(?threshold)`` of the text with an ``xsd:double``
literal formatted from the value parsed as a Python float (never from the user's text), and the variable
stays bound as well.  Oxigraph's optimiser filters by a constant before it joins, but treats a bound
variable as unknown: ``low-confidence``'s threshold as a constant cut that query from 12 s to 3 s on a 1M-quad
graph.  The text stays a valid query by hand (``xsd:double(?threshold)`` with ``?threshold`` bound), with
the same answer.

A match key may be written into the text as well, where its header says so::

    # literal: asPerson personKey

``inline_keys`` then writes each ``VALUES ?asPerson { UNDEF }`` of the text as ``VALUES ?asPerson
{ "<key>" }``, the value of ``?personKey`` (bound, or derived by ``# match:``) as a plain string literal
serialised by pyoxigraph (N-Triples escaping, never pasted by hand).  A look-up inside a subquery or UNION
branch is evaluated on its own, before the key computed outside it is joined: with the key unknown there
Oxigraph read every key of the graph (``mentions``: 17 s on a 1M-quad graph); with the constant it is one
index look-up (10 ms).  Since ``?asPerson`` outside holds that very key, the join gives the same answer; by
hand, ``VALUES ?x { UNDEF }`` is one empty solution, which changes nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import QueryError
from .names import match_key, title_match_keys
from .resources import data_dir

_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[tuple[str, str], ...] = ()   # (variable name, what it means)
    path: Path | None = None
    matches: tuple[tuple[str, str, str], ...] = ()   # (key variable, parameter, "title" or "person")
    numbers: tuple[str, ...] = ()   # parameters written into the text as xsd:double literals (# number:)
    literals: tuple[tuple[str, str], ...] = ()   # (look-up variable, key variable) (# literal:)


def parse(text: str, name: str = "", path: Path | None = None) -> NamedQuery:
    """Read a query file's header comments into a ``NamedQuery``."""
    fields: dict[str, str] = {}
    params: list[tuple[str, str]] = []
    matches: list[tuple[str, str, str]] = []
    numbers: list[str] = []
    literals: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "param":
            var, _, meaning = value.partition(" ")
            params.append((var.lstrip("?$"), meaning.strip()))
        elif key == "match" and len(value.split()) == 3:
            var, param, how = value.split()
            matches.append((var.lstrip("?$"), param.lstrip("?$"), how))
        elif key == "number" and value:
            numbers.append(value.split()[0].lstrip("?$"))
        elif key == "literal" and len(value.split()) == 2:
            lookup, source = value.split()
            literals.append((lookup.lstrip("?$"), source.lstrip("?$")))
        else:
            fields[key] = value
    return NamedQuery(name=name, text=text, title=fields.get("title", ""),
                      description=fields.get("description", ""), params=tuple(params), path=path,
                      matches=tuple(matches), numbers=tuple(numbers), literals=tuple(literals))


def derived_bindings(text: str, bindings: Mapping[str, Any] | None) -> dict[str, Any]:
    """``bindings`` plus the match keys the query's ``# match:`` header derives from them (see above)."""
    out = dict(bindings or {})
    if "# match:" not in text:
        return out
    for var, param, how in parse(text).matches:
        value = out.get(param)
        if value is None or var in out or not isinstance(value, str) or type(value).__name__ == "URIRef":
            continue
        value = str(value)
        key = match_key(value) if how == "person" else (title_match_keys(value) or ("",))[0]
        out[var] = key
    return out


def number_literal(value: Any) -> str:
    """``value`` as an ``xsd:double`` literal of query text.  Only a number, or a string that Python parses
    as a finite float, is accepted; the literal is written from the float, so no character of the given
    text reaches the query."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise QueryError(f"{value!r} is not a number")
    try:
        number = float(value)
    except ValueError:
        raise QueryError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise QueryError(f"{value!r} is not a finite number")
    return f'"{number!r}"^^<http://www.w3.org/2001/XMLSchema#double>'


def inline_numbers(text: str, bindings: Mapping[str, Any] | None) -> str:
    """``text`` with ``xsd:double(?name)`` written as a literal for each ``# number: name`` parameter that
    ``bindings`` gives (see above); a parameter that is not a number is a ``QueryError`` naming it."""
    if "# number:" not in text or not bindings:
        return text
    for name in parse(text).numbers:
        if bindings.get(name) is None:
            continue
        try:
            literal = number_literal(bindings[name])
        except QueryError as err:
            raise QueryError(f"parameter {name}: {err}") from None
        call = re.compile(r"xsd:double\(\s*[?$]" + re.escape(name) + r"\s*\)")
        text = call.sub(lambda _, written=literal: written, text)   # as is, not as a template
    return text


def string_literal(value: Any) -> str:
    """``value`` as a plain string literal of query text, written by pyoxigraph's N-Triples serialiser
    (which escapes quotes, backslashes and line breaks); only a ``str`` that is not an IRI is accepted."""
    import pyoxigraph as ox

    if not isinstance(value, str) or type(value).__name__ == "URIRef":
        raise QueryError(f"{value!r} is not a string")
    try:
        return str(ox.Literal(value))
    except (ValueError, UnicodeError) as err:   # e.g. a lone surrogate
        raise QueryError(f"{value!r} cannot be written as a string literal: {err}") from None


def inline_keys(text: str, bindings: Mapping[str, Any] | None) -> str:
    """``text`` with each ``VALUES ?lookup { UNDEF }`` written as ``VALUES ?lookup { "<key>" }`` for each
    ``# literal: lookup key`` header whose key ``bindings`` gives (see above; pass the bindings with the
    derived match keys).  Comments and strings are left alone; a key that is not a string is a
    ``QueryError`` naming it."""
    if "# literal:" not in text or not bindings:
        return text
    from .remote import _mask

    for lookup, source in parse(text).literals:
        if bindings.get(source) is None:
            continue
        try:
            literal = string_literal(bindings[source])
        except QueryError as err:
            raise QueryError(f"parameter {source}: {err}") from None
        pattern = re.compile(r"(VALUES\s+[?$]" + re.escape(lookup) + r"\s*\{\s*)UNDEF(\s*\})", re.IGNORECASE)
        # found in the text with comments, strings and IRIs blanked out; replaced from the end
        for found in reversed(list(pattern.finditer(_mask(text)))):
            text = text[:found.start()] + found.group(1) + literal + found.group(2) + text[found.end():]
    return text


def available() -> list[NamedQuery]:
    """Every shipped query, sorted by name."""
    return [parse(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(data_dir("queries").glob("*.rq"))]


def load(name_or_path: str) -> NamedQuery:
    """A shipped query by name (``cast-of-show``) or any ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return parse(path.read_text(encoding="utf-8"), path.stem, path)
    candidate = data_dir("queries") / f"{name_or_path}.rq"
    if candidate.is_file():
        return parse(candidate.read_text(encoding="utf-8"), candidate.stem, candidate)
    names = ", ".join(q.name for q in available()) or "none"
    raise QueryError(f"no query named {name_or_path!r} (and no such .rq file); available: {names}")
