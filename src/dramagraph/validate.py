"""SHACL validation of the graph against ontology/shapes.ttl (pySHACL).

The shapes are checked on the union of the article graphs with no inference: the mapping writes every
``rdf:type`` the shapes rely on, and skipping RDFS inference keeps a run on thousands of articles fast.
Results of severity ``sh:Warning`` or ``sh:Info`` are reported but do not stop the graph conforming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

from .errors import ValidationError
from .queries import load
from .resources import data_file


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: list[dict[str, Any]] = field(default_factory=list)   # focus, path, message, severity, value, shape
    text: str = ""


@lru_cache(maxsize=4)
def _shapes(path: str) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as err:
        raise ValidationError(f"cannot read SHACL shapes {path}: {err}") from err


def _data_graph(data: Any) -> Graph:
    if isinstance(data, Dataset):   # check the article graphs together, as queries see them
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    if isinstance(data, Graph):
        return data
    if hasattr(data, "construct"):
        return data.construct(load("graph-union").text)
    raise ValidationError(f"cannot validate {type(data).__name__}: expected a Store or an rdflib Graph")


def validate(data: Any, shapes: Graph | str | Path | None = None) -> ValidationReport:
    """Validate a ``Store``, an rdflib ``Graph`` or a ``Dataset`` against the shapes (default: the shipped
    ontology/shapes.ttl)."""
    import pyshacl  # imported here: it is slow to import and only this command needs it

    if shapes is None:
        shapes_graph = _shapes(str(data_file("ontology/shapes.ttl")))
    elif isinstance(shapes, Graph):
        shapes_graph = shapes
    else:
        shapes_graph = _shapes(str(shapes))
    graph = _data_graph(data)
    try:
        conforms, results_graph, text = pyshacl.validate(
            graph, shacl_graph=shapes_graph, inference="none", allow_warnings=True, advanced=True)
    except Exception as err:   # pySHACL raises its own ReportableRuntimeError, ConstraintLoadError, ...
        raise ValidationError(f"SHACL validation failed to run: {err}") from err
    return ValidationReport(conforms=bool(conforms), results=_results(results_graph), text=str(text))


def _short(term: Any) -> str | None:
    return None if term is None else str(term)


def _results(report: Graph) -> list[dict[str, Any]]:
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        out.append({
            "focus": _short(report.value(result, SH.focusNode)),
            "path": _short(report.value(result, SH.resultPath)),
            "value": _short(report.value(result, SH.value)),
            "message": _short(report.value(result, SH.resultMessage)),
            "severity": str(severity).rsplit("#", 1)[-1] if isinstance(severity, URIRef) else None,
            "shape": _short(report.value(result, SH.sourceShape)),
        })
    out.sort(key=lambda r: (r["severity"] != "Violation", r["focus"] or "", r["path"] or "", r["message"] or ""))
    return out
