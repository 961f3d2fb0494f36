"""Where the shipped data files (ontology/, queries/) are: inside the installed package, or the checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DATA = Path(__file__).parent / "_data"   # filled by the wheel build (pyproject force-include)
_CHECKOUT = Path(__file__).resolve().parents[2]   # src/dramagraph/ -> repository root (editable installs)


def data_dir(name: str) -> Path:
    """The folder ``name`` ("ontology" or "queries") of this installation."""
    for root in (_PACKAGE_DATA, _CHECKOUT):
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"dramagraph data folder {name!r} is missing from this installation")


def data_file(relpath: str) -> Path:
    """A shipped file such as ``"ontology/shapes.ttl"``."""
    folder, _, rest = relpath.partition("/")
    return data_dir(folder) / rest
