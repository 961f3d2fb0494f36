"""In-article coreference: one canonical spelling per person and per character.

"Keum" -> "Keum Sae-rok" (a surname alone), "Sun-kyun Lee" -> "Lee Sun-kyun" (order), "Han So Hee" ->
"Han So-hee" (spacing), "Hyun-su" -> "Cha Hyun-su" (a given name alone, characters only).  The first full
mention's spelling wins.  Two spellings one letter apart ("Kim Seung Kyun" in a list, "Kim Sung Kyun" in
the role sentence) are one person only when just one of them has a role: conservative on purpose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import FactKind
from ..names import KOREAN_SURNAMES, fold, person_key, person_tokens
from .lexicon import NAME_STOP, UP
from .text import Raw

# Two or three capitalised words, the last or first hyphenated or short: "Park Ji-hoon", "Ji-hoon Park",
# "Han So Hee"
_FULL_NAME = re.compile(rf"(?<![\w-])[{UP}][a-z]+(?:-[a-z]+)?(?: [{UP}][a-z]+(?:-[a-z]+)?){{1,2}}(?![\w-])")


# where a sentence starts, what a subject is followed by, and where a name is written the way titles are
_SENTENCE_END = re.compile(r"(?:[.!?][\u201d\u2019\"']?[ \t]+|\n)$")
_LOWER_NEXT = re.compile(r" (?:[a-z]{2,})\b")
_TITLE_SLOT = re.compile(rf"(?:\b(?:[Ii]n|[Oo]n|[Oo]f|[Ff]rom|[Ww]atch(?:ed|ing)?)\s+|[\u2018\u201c\"'])"
                         rf"(?P<t>[{UP}][\w\u2019' -]+)")


def _fused(name: str) -> bool:
    words = name.split()
    return len(words) == 2 and fold(words[0]) in KOREAN_SURNAMES and "-" not in words[1] and len(words[1]) >= 5


def _parts(name: str) -> int:
    return len(re.split(r"[\s-]+", name.strip()))


@dataclass
class Cluster:
    name: str
    first: int
    variants: set[str] = field(default_factory=set)
    roles: int = 0


@lru_cache(maxsize=4096)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(person_tokens(name))


@lru_cache(maxsize=4096)
def _ends(name: str) -> tuple[str, str]:
    """The first and last folded words of a name, hyphens dropped (a lone surname or given name)."""
    tokens = _tokens(name)
    return tokens[0].replace("-", ""), tokens[-1].replace("-", "")


@lru_cache(maxsize=4096)
def _given(name: str) -> str:
    return "".join(t.replace("-", "") for t in _tokens(name)[1:])


def _edit1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


# Two romanisations of one Korean syllable: "Pyeon"/"Pyun", "Jeong"/"Jung", "Yoon"/"Yun" (a credit box may
# spell a name the way the agency does, the prose the way the paper does)
_R24_ROMAN = (("eo", "u"), ("oo", "u"), ("ee", "i"))


def _r24_romanised(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are different spellings of one syllable group by the usual variants."""
    if a == b or len(a) < 2 or len(b) < 2:
        return False
    for old, new in _R24_ROMAN:
        a, b = a.replace(old, new), b.replace(old, new)
    return a == b


class Resolver:
    """Canonical names for the person and character surfaces of one article."""

    def __init__(self, raws: list[Raw], text: str = "") -> None:
        self.text = text
        self._pool: dict[str, str] | None = None     # full names written anywhere (read when first needed)
        self.people: dict[str, Cluster] = {}
        self.chars: dict[str, Cluster] = {}
        self.merged: dict[str, str] = {}             # alias key -> canonical key (spelling variants)
        self.spelling_aliases: list[tuple[str, str, int, int]] = []
        person_votes: dict[str, int] = defaultdict(int)
        char_votes: dict[str, int] = defaultdict(int)
        for raw in sorted(raws, key=lambda r: r.start):
            if raw.person and " " in raw.person.strip():
                key = person_key(raw.person)
                cluster = self.people.setdefault(key, Cluster(raw.person, raw.start))
                cluster.variants.add(raw.person)
                if _parts(raw.person) > _parts(cluster.name):
                    cluster.name = raw.person  # "Bae Jin-woo" over "Bae Jinwoo": the syllables kept apart
                person_votes[key] += 2 if raw.kind is not FactKind.ROLE or raw.confidence >= 0.75 else 1
                if raw.kind is FactKind.ROLE:
                    cluster.roles += 1
            if raw.character and " " in raw.character.strip():
                key = person_key(raw.character)
                self.chars.setdefault(key, Cluster(raw.character, raw.start)).variants.add(raw.character)
                char_votes[key] += 2 if raw.confidence >= 0.75 else 1
        # a name read both ways: the side with more (and surer) readings wins
        for key in set(self.people) & set(self.chars):
            if char_votes[key] > person_votes[key]:
                del self.people[key]
            else:
                del self.chars[key]
        self._spelling_variants(raws)
        # "Bae Jinwoo" read by a rule, "Bae Jin Woo" written elsewhere: the spelling that keeps the syllables
        # apart names the person (looked for only when a fused given name was read)
        if any(_fused(c.name) for c in self.people.values()):
            pool = self.pool()
            for key, cluster in self.people.items():
                better = pool.get(key)
                if better is not None and _parts(better) > _parts(cluster.name):
                    cluster.variants.add(cluster.name)
                    cluster.name = better

    def _spelling_variants(self, raws: list[Raw]) -> None:
        keys = list(self.people)
        for a in keys:
            for b in keys:
                ca, cb = self.people.get(a), self.people.get(b)
                if ca is None or cb is None or a == b or not ca.roles or cb.roles:
                    continue
                ta, tb = _tokens(ca.name), _tokens(cb.name)
                if len(ta) != len(tb) or len(ta) < 2:
                    continue
                diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
                if ta[0] != tb[0] and not (len(diff) == 1 and _r24_romanised(*diff[0])):
                    continue
                if len(diff) == 1 and (_r24_romanised(*diff[0])
                                       or min(len(diff[0][0]), len(diff[0][1])) >= 4 and _edit1(*diff[0])):
                    self.merged[b] = a
                    ca.variants |= cb.variants
                    start = next((r.start for r in raws if r.person == cb.name), cb.first)
                    self.spelling_aliases.append((ca.name, cb.name, start, start + len(cb.name)))
                    del self.people[b]

    def person(self, surface: str, strict: bool = False) -> str | None:
        """The canonical name of a person surface, or None when it cannot be told who it is."""
        surface = surface.strip()
        if " " in surface:
            key = person_key(surface)
            key = self.merged.get(key, key)
            cluster = self.people.get(key)
            return cluster.name if cluster else None
        if strict:
            return None
        token = fold(surface).replace("-", "")
        hits = [c for c in self.people.values() if token in _ends(c.name)]
        if len(hits) == 1:
            hits[0].variants.add(surface)
            return hits[0].name
        if not hits:
            # "Park plays C" where no rule read "Park Ji-hoon" in full: the one full name written in the
            # article that starts or ends with this word
            names = [n for k, n in self.pool().items() if token in _ends(n)]
            if len(names) == 1 and person_key(names[0]) not in self.chars:
                cluster = self.people.setdefault(person_key(names[0]), Cluster(names[0], 0))
                cluster.variants.add(surface)
                return cluster.name
        return None

    def pool(self) -> dict[str, str]:
        """Person-shaped full names of the article, by key (the first spelling with the most parts): names
        with a Korean family name, and other names the article makes the subject of a sentence ("Nadia
        Ferreira laughs ...") and never writes the way a title is written ("in S", "on S", "‘S’")."""
        if self._pool is None:
            self._pool = {}
            titled = None
            for m in _FULL_NAME.finditer(self.text):
                name = m.group()
                words = name.split()
                ends = (fold(words[0]), fold(words[-1]))
                if any(fold(w) in NAME_STOP for w in words):
                    continue
                if not (ends[0] in KOREAN_SURNAMES or ends[1] in KOREAN_SURNAMES):
                    if m.start() and not _SENTENCE_END.search(self.text, max(0, m.start() - 4), m.start()) or \
                            not _LOWER_NEXT.match(self.text, m.end()):
                        continue
                    if titled is None:
                        titled = {t.group("t") for t in _TITLE_SLOT.finditer(self.text)}
                    if any(t.startswith(name) for t in titled):
                        continue
                key = person_key(name)
                held = self._pool.get(key)
                if held is None or _parts(name) > _parts(held):
                    self._pool[key] = name
        return self._pool

    def character(self, surface: str) -> str | None:
        surface = surface.strip()
        key = person_key(surface)
        if key in self.people or (" " not in surface and self.person(surface)):
            return None  # an actor, not a character
        if " " in surface:
            cluster = self.chars.get(key)
            return cluster.name if cluster else surface
        given = [c for c in self.chars.values() if _given(c.name) == key]
        if len(given) == 1:
            given[0].variants.add(surface)
            return given[0].name
        return surface
