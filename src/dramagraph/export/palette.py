"""Colours for node kinds, shared by the HTML viewer and the static pictures so both read the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

#: Colours for the kinds the views produce (Tableau 10, which stays distinguishable for most colour vision).
KIND_COLOURS: dict[str, str] = {
    "person": "#e15759",
    "show": "#4e79a7",
    "season": "#76b7b2",
    "series": "#59a14f",
    "platform": "#f28e2b",
    "character": "#b07aa1",
}

# Kinds not listed above take these in turn, in order of first appearance by count.
_SPARE = ("#edc948", "#ff9da7", "#9c755f", "#bab0ac", "#8cd17d", "#d4a6c8", "#86bcb6", "#f1ce63")


def kinds_with_colours(kinds: Iterable[str]) -> list[tuple[str, str, int]]:
    """``(kind, colour, count)`` for each kind in *kinds*, the most common first, then by name."""
    counts = Counter(kinds)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    spare = iter(_SPARE)
    result = []
    for kind, count in ordered:
        colour = KIND_COLOURS.get(kind) or next(spare, "#999999")
        result.append((kind, colour, count))
    return result
