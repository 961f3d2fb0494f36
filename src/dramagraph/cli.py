"""The ``dramagraph`` command: a thin click layer over the library.

Each command parses its options, makes one library call and renders the result.  Data goes to stdout;
progress, warnings and errors go to stderr.  Exit codes: 0 success, 1 error (``Error: ...`` on stderr;
for ``ingest``, also when some inputs failed while the rest were stored; for ``validate``, when the graph
does not conform), 2 usage.  Library modules are imported inside the commands so ``--help`` stays fast.
"""

from __future__ import annotations

import json
import os
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
                        show_default=True, type=click.Path(file_okay=False, path_type=Path),
                        help="Store folder (or set DRAMAGRAPH_STORE).")(f)


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


def _open_store(path: Path, read_only: bool = True) -> Any:
    from .store import Store

    return Store(path, read_only=read_only)


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
@_json_option
@_handle_errors
def ingest(inputs: tuple[str, ...], store_path: Path, base: str | None, min_confidence: float, jobs: int,
           force: bool, quiet: bool, as_json: bool) -> None:
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
            click.echo(f"Error: {event.source}: {event.error}", err=True)
        elif show_progress and (event.done % 25 == 0 or event.done < 25):
            click.echo(f"\r\033[K{event.done} articles read ...", nl=False, err=True)
        elif log_progress and event.done % 1000 == 0:
            rate = event.done / max(time.perf_counter() - started, 1e-9)
            click.echo(f"{event.done} articles read ({rate:.0f}/s) ...", err=True)

    interrupted = False
    with _open_store(store_path, read_only=False) as store:
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
def facts(store_path: Path, as_json: bool) -> None:
    """Print the stored facts (shows, roles, cast, aliases), read back from the graph."""
    from .readback import read_facts
    from .report import facts_document

    with _open_store(store_path) as store:
        document = facts_document(read_facts(store))
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
def query(query: str, store_path: Path, fmt: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query: a shipped one by NAME (see `dramagraph queries`) or a .rq FILE."""
    from rdflib import URIRef

    from .queries import load

    bindings: dict[str, object] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param needs NAME=VALUE, got {param!r}")
        # "<https://...>" binds an IRI (e.g. the node of `explain`); anything else a string literal
        iri = value.startswith("<") and value.endswith(">") and " " not in value
        bindings[name.lstrip("?$")] = URIRef(value[1:-1]) if iri else value
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
GRAPH_FORMATS = ("graphml", "gexf", "json", "cytoscape", "dot", "csv", "html", "png", "svg")
VIEWS = ("costar", "kg", "actor-show", "show-platform", "series")   # dramagraph.analyse.VIEWS


def _view_option(f: F) -> F:
    return click.option("--view", "view_name", type=click.Choice(VIEWS), default="costar", show_default=True,
                        help="Which networkx view: co-stars, the whole knowledge graph, actor-show, "
                             "show-platform, or series and seasons.")(f)


@main.command()
@_store_option
@click.option("--format", "fmt", type=click.Choice(RDF_FORMATS + GRAPH_FORMATS), default="turtle",
              show_default=True,
              help="RDF (nquads, trig and jsonld keep one named graph per article), or a graph file of the "
                   "--view: graphml, gexf, json (D3), cytoscape, dot, csv, html, png, svg.")
@_view_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@_handle_errors
def export(store_path: Path, fmt: str, view_name: str, output: Path | None) -> None:
    """Write the whole graph as RDF, or a view of it as a graph file for Gephi, Cytoscape, Graphviz, a
    browser or a report."""
    with _open_store(store_path) as store:
        if fmt in GRAPH_FORMATS:
            from .analyse import view
            from .export import export as export_graph

            export_graph(view(store, view_name), output if output is not None else "-", fmt,
                         title=f"dramagraph: {view_name} view of {store_path.name}")
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


@main.command()
@_store_option
@_view_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Entries per ranking and communities shown.")
@_json_option
@_handle_errors
def analyse(store_path: Path, view_name: str, top: int, as_json: bool) -> None:
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
def path(first: str, second: str, store_path: Path, as_json: bool) -> None:
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
def stats(store_path: Path, as_json: bool) -> None:
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
def explain(name: str, store_path: Path, as_json: bool) -> None:
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
def validate(store_path: Path, as_json: bool) -> None:
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
def serve(store_path: Path, host: str, port: int, allow_update: bool, timeout: float, max_results: int,
          workers: int) -> None:
    """Answer SPARQL 1.1 Protocol requests at http://HOST:PORT/sparql, with a query page at /."""
    import logging

    from .serve import ServeOptions, make_server

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
            click.echo(f"Error: {item}", err=True)
            failed = True
            continue
        from .errors import DramagraphError

        try:
            extraction, _ = process(item)
        except DramagraphError as err:
            click.echo(f"Error: {item.source}: {err}", err=True)
            failed = True
            continue
        _emit_json({"source": item.source, "title": extraction.article.title,
                    "facts": [{k: v for k, v in asdict(f).items() if v is not None} for f in extraction.facts]})
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
