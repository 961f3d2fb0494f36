"""The ``dramagraph`` command: a thin click layer over the library.

Each command parses its options, makes one library call and renders the result.  Data goes to stdout;
progress, warnings and errors go to stderr.  Exit codes: 0 success, 1 error (``Error: ...`` on stderr;
for ``ingest``, also when some inputs failed while the rest were stored; for ``validate``, when the graph
does not conform), 2 usage.  Library modules are imported inside the commands so ``--help`` stays fast.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__

DEFAULT_STORE = "dramagraph-store"
F = TypeVar("F", bound=Callable[..., Any])


def _store_option(f: F) -> F:
    return click.option("--store", "store_path", envvar="DRAMAGRAPH_STORE", default=DEFAULT_STORE,
                        show_default=True, metavar="DIR|URL",
                        help="Store folder, or a remote SPARQL store sparql+http(s)://HOST:PORT/PATH "
                             "(or set DRAMAGRAPH_STORE).")(f)


def _json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")(f)


def _handle_errors(f: F) -> F:
    """Turn library errors into ``Error: ...`` and exit code 1; ``--debug`` shows the traceback."""

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import DramagraphError

        try:
            return f(*args, **kwargs)
        except DramagraphError as err:
            if _debug():
                traceback.print_exc()
            raise click.ClickException(str(err)) from err

    return wrapper  # type: ignore[return-value]


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("debug"))


def _open_store(path: str | Path, read_only: bool = True, update_url: str | None = None,
                graph_store_url: str | None = None) -> Any:
    """A folder's embedded store, or a remote SPARQL store for a ``sparql+http(s)://`` URL."""
    from .store import open_store

    return open_store(path, read_only=read_only, update_url=update_url, graph_store_url=graph_store_url)


def _store_name(spec: str) -> str:
    """A store's short name for titles: the folder's name, or the remote store's URL."""
    from .store import is_remote

    return spec if is_remote(spec) else Path(spec).name


# control characters (a terminal would act on ESC sequences) and bidi overrides that reorder a line on screen
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    """Text from a file name or an article, safe for one line on a terminal: escapes shown as \\n, \\x1b."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dramagraph")
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
def main(debug: bool) -> None:
    """Turn TV-drama reviews and news into a linked, queryable RDF knowledge graph."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_store_option
@click.option("--base", default=None, help="Base IRI of the graph's nodes.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop facts less certain than this.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes that clean, extract and map articles (0: one per CPU core); one writer stores them.")
@click.option("--force", is_flag=True, help="Re-ingest inputs whose content is unchanged since they were stored.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr (errors still show).")
@click.option("--update-url", envvar="DRAMAGRAPH_SPARQL_UPDATE_URL", default=None, metavar="URL",
              help="A remote store's SPARQL Update endpoint when it is not the --store URL "
                   "(or set DRAMAGRAPH_SPARQL_UPDATE_URL).")
@click.option("--graph-store-url", envvar="DRAMAGRAPH_SPARQL_GSP_URL", default=None, metavar="URL",
              help="A remote store's Graph Store Protocol endpoint, where articles are written one PUT each "
                   "(found by itself on Virtuoso; or set DRAMAGRAPH_SPARQL_GSP_URL).")
@_json_option
@_handle_errors
def ingest(inputs: tuple[str, ...], store_path: str, base: str | None, min_confidence: float, jobs: int,
           force: bool, quiet: bool, update_url: str | None, graph_store_url: str | None, as_json: bool) -> None:
    """Read articles and store their facts.

    INPUTS are .txt, .html/.htm, .md or .jsonl files, folders (read recursively), http(s) URLs, or -
    for standard input.  Re-ingesting an article replaces its facts; an input unchanged since it was
    stored (same content hash) is skipped unless --force.
    """
    from .mapping import MappingOptions
    from .models import ExtractOptions
    from .pipeline import IngestInterrupted, IngestOptions, IngestReport, Progress
    from .pipeline import ingest as run_ingest

    options = IngestOptions(extract=ExtractOptions(min_confidence=min_confidence),
                            mapping=MappingOptions(base=base) if base else MappingOptions(),
                            strict=_debug(),   # --debug: an internal error stops with its traceback
                            jobs=jobs, force=force)
    show_progress = not quiet and sys.stderr.isatty()   # a live counter on a terminal
    log_progress = not quiet and not show_progress      # a line per 1,000 items in logs
    started = time.perf_counter()

    def progress(event: Progress) -> None:
        if not event.ok:
            if show_progress:
                click.echo("\r\033[K", nl=False, err=True)
            click.echo(f"Error: {_printable(event.source)}: {_printable(event.error or '')}", err=True)
        elif show_progress and (event.done % 25 == 0 or event.done < 25):
            click.echo(f"\r\033[K{event.done} articles read ...", nl=False, err=True)
        elif log_progress and event.done % 1000 == 0:
            rate = event.done / max(time.perf_counter() - started, 1e-9)
            click.echo(f"{event.done} articles read ({rate:.0f}/s) ...", err=True)

    interrupted = False
    with _open_store(store_path, read_only=False, update_url=update_url, graph_store_url=graph_store_url) as store:
        try:
            report: IngestReport = run_ingest(inputs, store, options, progress=progress, stdin=sys.stdin.buffer)
        except IngestInterrupted as stop:   # the finished articles are committed; nothing is half-written
            report, interrupted = stop.report, True
    if show_progress:
        click.echo("\r\033[K", nl=False, err=True)
    if as_json:
        _emit_json({**report.as_dict(), "interrupted": interrupted})
    if not quiet or interrupted:
        failed = f"; {len(report.failed)} failed" if report.failed else ""
        skipped = f"; {report.skipped} unchanged, skipped" if report.skipped else ""
        click.echo(f"{'Interrupted: stored' if interrupted else 'Ingested'} {report.articles} "
                   f"article{'s' * (report.articles != 1)} ({report.facts} facts, {report.triples} triples) "
                   f"into {store_path} in {report.seconds:.2f} s{skipped}{failed}.", err=True)
    if interrupted:
        sys.exit(130)
    if report.failed:
        sys.exit(1)


@main.command()
@_store_option
@_json_option
@_handle_errors
def facts(store_path: str, as_json: bool) -> None:
    """Print the stored facts (shows, roles, cast, aliases), read back from the graph."""
    from .readback import read_facts
    from .report import facts_document

    with _open_store(store_path) as store:
        facts_found = read_facts(store)
        document: dict[str, Any] = dict(facts_document(facts_found))
        if as_json:
            from .enrich import linked_entities
            from .readback import labels

            document["entities"] = linked_entities(store, labels(store))   # only those enrich linked
    if as_json:
        _emit_json(document)
        return
    for show in document["shows"]:
        extras = [", ".join(show["platforms"]) or None,
                  f"season {show['season_number']} of {show['anthology_or_series']}"
                  if show["anthology_or_series"] else None,
                  f"{show['episodes']} episodes" if show["episodes"] else None,
                  f"{show['episode_minutes']} min" if show["episode_minutes"] else None,
                  "directed by " + ", ".join(show["directors"]) if show["directors"] else None,
                  "written by " + ", ".join(show["writers"]) if show["writers"] else None]
        click.echo(f"show  {show['title']}" + "".join(f"  [{e}]" for e in extras if e))
    for role in document["roles"]:
        click.echo(f"role  {role['actor']} plays {role['character']} in {role['show'] or '?'}")
    for member in document["cast"]:
        click.echo(f"cast  {member['actor']} in {member['show']}")
    for alias in document["aliases"]:
        click.echo(f"alias {alias['name']} aka {alias['alias']}")


@main.command()
@click.argument("query")
@_store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml", "turtle", "nt"]),
              default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable to a string value, or to an IRI written <...> (repeatable); "
                   "a query's `# param:` lines say which it needs.")
@_handle_errors
def query(query: str, store_path: str, fmt: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query: a shipped one by NAME (see `dramagraph queries`) or a .rq FILE."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from .queries import load

    bindings: dict[str, object] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param needs NAME=VALUE, got {param!r}")
        name = name.lstrip("?$")
        # "<https://...>" binds an IRI (e.g. the node of `explain`); anything else a string literal.
        # Either way the value is a term bound to the variable, never text pasted into the query.
        iri = value.startswith("<") and value.endswith(">") and " " not in value
        try:
            ox.Variable(name)
            if iri:
                ox.NamedNode(value[1:-1])
        except ValueError as err:
            raise click.UsageError(f"--param {name}: {'not a valid IRI' if iri else 'not a variable name'} "
                                   f"({err})") from err
        bindings[name] = URIRef(value[1:-1]) if iri else value
    named = load(query)
    missing = [f"--param {name}" for name, _ in named.params if name not in bindings]
    if missing:
        raise click.UsageError(f"query {named.name} needs {' and '.join(missing)}")
    with _open_store(store_path) as store:
        # a table is drawn from the JSON results; CONSTRUCT and DESCRIBE answer Turtle instead
        data = store.query_serialized(named.text, "json" if fmt == "table" else fmt, bindings)
    if fmt == "table" and data.startswith(b"{"):
        _print_results(json.loads(data))
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def _print_results(results: dict[str, Any]) -> None:
    if "boolean" in results:   # ASK
        click.echo("true" if results["boolean"] else "false")
        return
    columns = results["head"]["vars"]
    _print_table([{c: row[c]["value"] if c in row else None for c in columns}
                  for row in results["results"]["bindings"]])


def _print_table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        click.echo("(no results)", err=True)
        return
    columns = list(rows[0])
    cells = [["" if row[c] is None else str(row[c]) for c in columns] for row in rows]
    widths = [min(60, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


@main.command(name="queries")
@_json_option
@_handle_errors
def list_queries(as_json: bool) -> None:
    """List the shipped SPARQL queries with what they answer."""
    from .queries import available

    found = available()
    if as_json:
        _emit_json([{"name": q.name, "title": q.title, "description": q.description,
                     "params": [{"name": n, "description": d} for n, d in q.params]} for q in found])
        return
    for q in found:
        params = " ".join(f"--param {n}=..." for n, _ in q.params)
        click.echo(f"{q.name:28} {q.title}" + (f"   ({params})" if params else ""))


RDF_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld", "xml")
TEXT_FORMATS = ("quickstatements",)   # review facts Wikidata lacks (after `dramagraph enrich`)
GRAPH_FORMATS = ("graphml", "gexf", "json", "cytoscape", "dot", "csv", "html", "png", "svg")
VIEWS = ("costar", "kg", "actor-show", "show-platform", "series")   # dramagraph.analyse.VIEWS


def _view_option(f: F) -> F:
    return click.option("--view", "view_name", type=click.Choice(VIEWS), default="costar", show_default=True,
                        help="Which networkx view: co-stars, the whole knowledge graph, actor-show, "
                             "show-platform, or series and seasons.")(f)


@main.command()
@_store_option
@click.option("--format", "fmt", type=click.Choice(RDF_FORMATS + GRAPH_FORMATS + TEXT_FORMATS), default="turtle",
              show_default=True,
              help="RDF (nquads, trig and jsonld keep one named graph per article), a graph file of the "
                   "--view: graphml, gexf, json (D3), cytoscape, dot, csv, html, png, svg; or quickstatements: "
                   "the review facts Wikidata lacks, with the article URL as reference.")
@_view_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@_handle_errors
def export(store_path: str, fmt: str, view_name: str, output: Path | None) -> None:
    """Write the whole graph as RDF, or a view of it as a graph file for Gephi, Cytoscape, Graphviz, a
    browser or a report."""
    with _open_store(store_path) as store:
        if fmt == "quickstatements":
            from .diff import differences, quickstatements

            text, skipped = quickstatements(differences(store))
            _write_text(text, output)
            if skipped:
                click.echo(f"{skipped} missing fact{'s' * (skipped != 1)} left out: no article URL to cite.",
                           err=True)
        elif fmt in GRAPH_FORMATS:
            from .analyse import view
            from .export import export as export_graph

            export_graph(view(store, view_name), output if output is not None else "-", fmt,
                         title=f"dramagraph: {view_name} view of {_store_name(store_path)}")
        elif output is None:
            store.dump(sys.stdout.buffer, fmt)
            sys.stdout.buffer.flush()
            return
        else:
            partial = output.with_name(output.name + ".partial")
            with partial.open("wb") as handle:
                store.dump(handle, fmt)
            os.replace(partial, output)   # never leave a half-written file under the real name
    if output is not None:
        click.echo(f"Wrote {output} ({output.stat().st_size:,} bytes).", err=True)


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    partial = output.with_name(output.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, output)


@main.command()
@_store_option
@click.option("--endpoint", default="wikidata", show_default=True, envvar="DRAMAGRAPH_ENDPOINT",
              help="wikidata (query.wikidata.org), qlever (QLever's Wikidata), or the URL of any SPARQL endpoint "
                   "holding Wikidata-shaped RDF.")
@click.option("--offline", is_flag=True, help="Use only cached answers; send nothing.")
@click.option("--refresh", is_flag=True, help="Ignore cached answers (and replace them).")
@click.option("--review", is_flag=True, help="List the entities left unlinked with their candidates.")
@click.option("--threshold", type=click.FloatRange(0, 1.2), default=0.7, show_default=True,
              help="Lowest score that links an entity.")
@click.option("--user-agent", default=None, envvar="DRAMAGRAPH_USER_AGENT",
              help="User-Agent sent with each request (default names dramagraph and a contact).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              envvar="DRAMAGRAPH_CACHE",
              help="Cache folder of query answers (default: ~/.cache/dramagraph/wikidata).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--retries", type=click.IntRange(min=0), default=4, show_default=True,
              help="Tries after a failed one (timeouts, 5xx, 429, malformed answers).")
@_json_option
@_handle_errors
def enrich(store_path: Path, endpoint: str, offline: bool, refresh: bool, review: bool, threshold: float,
           user_agent: str | None, cache_dir: Path | None, timeout: float, retries: int, as_json: bool) -> None:
    """Link people, shows, seasons and platforms to Wikidata and store what Wikidata says about them."""
    from .enrich import enrich as run_enrich
    from .wikidata import ClientOptions, WikidataClient

    if offline and refresh:
        raise click.UsageError("--offline and --refresh exclude each other")
    client = WikidataClient(ClientOptions(endpoint=endpoint, user_agent=user_agent, cache_dir=cache_dir,
                                          timeout=timeout, retries=retries, offline=offline, refresh=refresh))

    def progress(message: str) -> None:
        click.echo(message, err=True)

    with _open_store(store_path, read_only=False) as store:
        report = run_enrich(store, client, threshold=threshold, progress=progress)
    if as_json:
        _emit_json(report.as_dict())
    elif review:
        for match in report.matches:
            if match.status == "linked":
                continue
            click.echo(f"{match.status:9}  {match.entity.kind:8}  {match.entity.label}")
            for cand in match.candidates:
                why = ", ".join(cand.reasons)
                about = f" — {cand.description}" if cand.description else ""
                click.echo(f"           {cand.item:>12}  {cand.score:.2f}  {cand.name}{about}  ({why})")
    click.echo(f"Linked {report.count('linked')}, ambiguous {report.count('ambiguous')}, "
               f"unmatched {report.count('unmatched')}; {report.facts} Wikidata triples stored; "
               f"{report.requests} requests sent, {report.cache_hits} cache hits "
               f"({report.seconds:.2f} s).", err=True)


@main.command()
@_store_option
@_json_option
@_handle_errors
def diff(store_path: Path, as_json: bool) -> None:
    """Where the reviews and Wikidata disagree, and review facts Wikidata lacks (after `enrich`)."""
    from .diff import differences

    with _open_store(store_path) as store:
        found = differences(store)
    if as_json:
        _emit_json([d.as_dict() for d in found])
        return
    _print_table([{"show": d.show, "item": d.item, "property": d.property, "status": d.status,
                   "reviews": d.reviews, "wikidata": d.wikidata or ""} for d in found])


@main.command()
@_store_option
@_view_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Entries per ranking and communities shown.")
@_json_option
@_handle_errors
def analyse(store_path: str, view_name: str, top: int, as_json: bool) -> None:
    """Measure a view of the graph: size, components, density, degree, betweenness and PageRank rankings,
    communities, and shows and people per platform."""
    from .analyse import AnalyseOptions
    from .analyse import analyse as run_analyse

    with _open_store(store_path) as store:
        result = run_analyse(store, view_name, AnalyseOptions(top=top))
    if as_json:
        _emit_json(result.as_dict())
        return
    click.echo(f"view {result.view}: {result.nodes:,} nodes, {result.edges:,} edges, density {result.density:.4f}, "
               f"{result.components:,} components (largest {result.largest_component:,})")
    click.echo("kinds: " + ", ".join(f"{kind} {n:,}" for kind, n in result.kinds.items()))
    sampled = f" (sampled from {result.betweenness_samples} sources)" if result.betweenness_samples else ""
    for title, ranking, fmt in (("degree", result.degree, "{:.0f}"), ("betweenness" + sampled, result.betweenness,
                                "{:.4f}"), ("pagerank", result.pagerank, "{:.4f}")):
        click.echo("")
        click.echo(f"{title}:")
        rows = [{"rank": i, "name": r.label, "kind": r.kind, "value": fmt.format(r.value)}
                for i, r in enumerate(ranking, 1)]
        if rows:
            _print_table(rows)
        else:
            click.echo("  (none above zero)")
    click.echo("")
    click.echo("communities (Louvain):")
    for i, community in enumerate(result.communities, 1):
        click.echo(f"  {i:>2}. {community.size:>4}  {', '.join(community.members[:12])}"
                   + (" ..." if community.size > 12 else ""))
    if result.platforms:
        click.echo("")
        click.echo("platforms:")
        _print_table([{"platform": p["platform"], "shows": p["shows"], "people": p["people"]}
                      for p in result.platforms])


@main.command()
@click.argument("first")
@click.argument("second")
@_store_option
@_json_option
@_handle_errors
def path(first: str, second: str, store_path: str, as_json: bool) -> None:
    """The shortest chain of co-stars from FIRST to SECOND, with the shows that link each step."""
    from .analyse import path as run_path

    with _open_store(store_path) as store:
        chain = run_path(store, first, second)
    if as_json:
        _emit_json(chain.as_dict())
        return
    click.echo(f"{chain.people[0]} to {chain.people[-1]}: {chain.degrees} "
               f"step{'s' * (chain.degrees != 1)}")
    for a, b, shows in zip(chain.people, chain.people[1:], chain.shows, strict=False):
        click.echo(f"  {a} -- {b}  ({', '.join(shows)})")


@main.command()
@_store_option
@_json_option
@_handle_errors
def stats(store_path: str, as_json: bool) -> None:
    """Count what the graph holds."""
    from .readback import graph_stats

    with _open_store(store_path) as store:
        numbers = graph_stats(store)
    if as_json:
        _emit_json(numbers)
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for sub, count in value.items():
                click.echo(f"  {sub:22} {count}")
        else:
            click.echo(f"{key:24} {value}")


@main.command()
@click.argument("name")
@_store_option
@_json_option
@_handle_errors
def explain(name: str, store_path: str, as_json: bool) -> None:
    """Show every fact about NAME (a person, show, character or platform) with its source sentence."""
    from .readback import explain as run_explain

    with _open_store(store_path) as store:
        found = run_explain(store, name)
    if as_json:
        _emit_json(found)
        return
    if not found:
        raise click.ClickException(f"nothing in the graph is called {name!r}")
    for item in found:
        click.echo(f"{item.get('fact', '')}")
        click.echo(f"    \u201c{item.get('sentence', '')}\u201d")
        where = item.get("article_title") or item.get("article") or ""
        click.echo(f"    from {where}  [rule {item.get('rule')}, confidence {item.get('confidence')}]")


@main.command()
@_store_option
@_json_option
@_handle_errors
def validate(store_path: str, as_json: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 if it does not conform."""
    from .validate import validate as run_validate

    with _open_store(store_path) as store:
        report = run_validate(store)
    if as_json:
        _emit_json({"conforms": report.conforms, "results": report.results})
    else:
        click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@main.command()
@_store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 or :: opens the endpoint to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update (the store is opened read-write); refused with 403 otherwise.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run; a longer one is stopped and answered 503.")
@click.option("--max-results", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (or triples) returned at most; more are cut, with an X-Dramagraph-Truncated header.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Query processes when read-only (one when updates are allowed).")
@_handle_errors
def serve(store_path: str, host: str, port: int, allow_update: bool, timeout: float, max_results: int,
          workers: int) -> None:
    """Answer SPARQL 1.1 Protocol requests at http://HOST:PORT/sparql, with a query page at /."""
    import logging

    from .serve import ServeOptions, make_server
    from .store import is_remote

    if is_remote(store_path):   # its workers query Oxigraph directly; a remote store has its own endpoint
        raise click.ClickException(f"serve publishes a store folder; {store_path} already answers SPARQL at "
                                   f"{store_path[len('sparql+'):]}")

    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(message)s")
    server = make_server(ServeOptions(store=store_path, host=host, port=port, allow_update=allow_update,
                                      timeout=timeout, max_results=max_results, workers=workers))
    mode = "read-write" if allow_update else "read-only"
    click.echo(f"SPARQL endpoint at {server.url} ({mode}; query page at {server.url[:-len('sparql')]}); "
               "Ctrl-C stops it.", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command(name="extract")
@click.argument("inputs", nargs=-1, required=True)
@_handle_errors
def extract_command(inputs: tuple[str, ...]) -> None:
    """Print the facts of articles as JSON, with their evidence, without storing anything."""
    from dataclasses import asdict

    from .pipeline import process
    from .sources import read_sources

    failed = False
    for item in read_sources(inputs, stdin=sys.stdin.buffer):
        if isinstance(item, Exception):
            click.echo(f"Error: {_printable(str(item))}", err=True)
            failed = True
            continue
        from .errors import DramagraphError

        try:
            extraction, _ = process(item)
        except DramagraphError as err:
            click.echo(f"Error: {_printable(item.source)}: {_printable(str(err))}", err=True)
            failed = True
            continue
        _emit_json({"source": item.source, "title": extraction.article.title,
                    "facts": [{k: v for k, v in asdict(f).items() if v is not None} for f in extraction.facts]})
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
