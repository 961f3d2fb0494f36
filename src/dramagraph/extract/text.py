"""The article as the rules see it: sentences with offsets, name spans, name lists, raw facts."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..models import FactKind
from .lexicon import LEAD_STOP, NAME, NAME_STOP, PLATFORM_RE, TOK

_ABBREV = frozenset("mr mrs ms dr st jr sr vs no vol ep eps prof gen lt col sgt mt ft approx etc inc ltd co"
                    .split())
_BOUNDARY = re.compile(r"[.!?]+['\"\u2019\u201d)\]]*\s+|\s+\|\s*|\s*\|\s+")
_STOP = re.compile(r"[.!?]+['\"\u2019\u201d)\]]*\s+")  # _BOUNDARY on a line without "|"
# "at 9 p.m. KST on JTBC": a time zone after the clock time goes on the same sentence
_ZONE = re.compile(r"(?:KST|JST|CST|ET|EST|EDT|PT|PST|PDT|GMT|BST|UTC|CET)\b")
_NEXT_START = re.compile(r"['\"\u2018\u201c(\[]?[A-Z0-9\u00c0-\u00de]")
# Longer "sentences" are read in pieces (no real sentence comes near it; a run-on line might)
MAX_SENTENCE = 1000
HEAD_REACH = 300    # characters a tail-led rule looks back from its tail for the head's first word
_PAREN = re.compile(r"\([^()\n]{0,120}\)")
_TOKEN = re.compile(TOK)
_NAME_AT_END = re.compile(rf"(?:{NAME})\s*$")
_NAME_AT_START = re.compile(rf"^\s*(?:{NAME})")
_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w'\u2019-]*)+\s*$")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


# Patterns whose every match holds a match of a cheaper pattern (a platform name, say): sentences
# without one are not read (see ``needs``).
_NEEDS: dict[re.Pattern[str], tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def needs(pattern: re.Pattern[str], need: re.Pattern[str], starts: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """Register that every match of ``pattern`` holds a match of ``need`` (a self-contained part of it).

    ``starts``: lower-case words that every match of ``need`` begins with (in any letter case); ``need`` is
    then tried only where one of them is written.
    """
    _NEEDS[pattern] = (need, starts)
    _PLANS.pop(id(pattern), None)
    return pattern


# Patterns led by a title or a name, registered with their tail (see ``tail_led``).
_TAILS: dict[re.Pattern[str], tuple[re.Pattern[str], str, re.Pattern[str]]] = {}


def tail_led(pattern: re.Pattern[str], tail: re.Pattern[str], extra: str, first: re.Pattern[str]) -> re.Pattern[str]:
    """Register that every match of ``pattern`` is a head, then a match of ``tail`` (a self-contained part of
    ``pattern``): the head holds only letters, digits, white space and characters of ``extra``, and its
    first character matches ``first``.

    Such a pattern (a title or name, then a verb) is then tried only over the heads in front of its tails,
    instead of at every capitalised word of a sentence; the matches are the same.
    """
    _TAILS[pattern] = (tail, extra, first)
    _PLANS.pop(id(pattern), None)
    return pattern


class _Vocabulary:
    """Every trigger word the rules have asked for, found all at once in an article by one Aho-Corasick
    pass (``pyahocorasick``) instead of one ``str.find`` scan per word.

    Rules name their words where they use them, so the vocabulary is learnt: a word first asked for in
    an article is found by ``str.find`` there, and the automaton holds it from the next article on.
    """

    LIMIT = 4096  # words learnt at most (rules might one day ask for words taken from the text)

    def __init__(self) -> None:
        self.words: set[str] = set()      # in the automaton
        self.pending: set[str] = set()    # asked for since it was built
        self.automaton: ahocorasick.Automaton | None = None

    def current(self) -> ahocorasick.Automaton | None:
        """The automaton over every word learnt so far (rebuilt when words were learnt)."""
        if self.pending:
            self.words = self.words | self.pending  # a new set: a Sentences keeps the one it started with
            self.pending = set()
            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.automaton = automaton
        return self.automaton

    def learn(self, word: str) -> None:
        if word and len(self.words) + len(self.pending) < self.LIMIT:
            self.pending.add(word)


_WORDS = _Vocabulary()


# Patterns that can only match at the start of a line (see ``line_led``).
_LINE_LED: set[re.Pattern[str]] = set()


def line_led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Register that ``pattern`` matches only where a line starts (``^`` or after a line break)."""
    _LINE_LED.add(pattern)
    _PLANS.pop(id(pattern), None)
    return pattern


# How ``Sentences.finditer`` reads each pattern, by the pattern's id: hashing a compiled pattern hashes
# its whole code (microseconds for a rule's), so per-call look-ups never hash one.  A plan holds its
# pattern, so the id stays that pattern's.
_Plan = tuple[re.Pattern[str], "tuple[re.Pattern[str], str, re.Pattern[str]] | None",
              "tuple[re.Pattern[str], tuple[str, ...] | None] | None", "re.Pattern[str] | None", bool]
_PLANS: dict[int, _Plan] = {}


def _plan(pattern: re.Pattern[str]) -> _Plan:
    plan = _PLANS.get(id(pattern))
    if plan is None or plan[0] is not pattern:
        plan = _PLANS[id(pattern)] = (pattern, _TAILS.get(pattern), _NEEDS.get(pattern), _LOWERED.get(pattern),
                                      pattern in _LINE_LED)
    return plan


class _Line:
    """A line of the article; whether it is a title-case headline is worked out when first asked."""

    __slots__ = ("text", "_headline")

    def __init__(self, text: str) -> None:
        self.text = text
        self._headline: bool | None = None

    @property
    def headline(self) -> bool:
        if self._headline is None:
            self._headline = _is_headline(self.text)
        return self._headline


class Sentence:
    """A sentence: its offsets in the article and its text."""

    __slots__ = ("start", "end", "text", "_line")

    def __init__(self, start: int, end: int, text: str, line: _Line) -> None:
        self.start, self.end, self.text, self._line = start, end, text, line

    @property
    def headline(self) -> bool:
        """On a title-case line: its capitalised words are not reliable name boundaries."""
        return self._line.headline

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, {self.text!r})"


@dataclass
class Raw:
    """A fact as a rule read it: surface names, not yet resolved to canonical ones."""

    kind: FactKind
    start: int
    end: int
    rule: str
    confidence: float
    person: str | None = None
    character: str | None = None
    show: str | None = None          # a title as written (resolved by the show book) or None: main show
    platform: str | None = None
    series: str | None = None
    number: int | None = None
    alias: str | None = None
    strict_person: bool = False      # surname-only references are not allowed (crew credits)


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


_INITIAL = re.compile(r"(?<!\S)[^\W\d_]")  # the first letter of a word that starts with one


def _is_headline(line: str) -> bool:
    initials = _INITIAL.findall(line)
    if len(initials) < 6:
        return False
    return sum(map(str.isupper, initials)) / len(initials) >= 0.75


_R24_BULLETS = "-*\u2022\u2013\u00b7"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; a line break always ends one (captions and credit lines have no period)."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        headline = _Line(line)
        start = line_start
        piped = "|" in line
        for m in (_BOUNDARY if piped else _STOP).finditer(line):
            cut = line_start + m.end()
            stop = m.group()
            if not piped or "|" not in stop:
                # the word before the stop: "Mr." and initials do not end a sentence
                j = m.start()
                while j and line[j - 1].isspace():
                    j -= 1
                i = j
                while i and not line[i - 1].isspace():
                    i -= 1
                last = line[i:j].lower().strip("(\"'")
                if last in _ABBREV or (len(last) == 1 and last.isalpha()) or not _NEXT_START.match(line, m.end()) \
                        or (last in ("a.m", "p.m") and _ZONE.match(line, m.end())):
                    continue
            _add(out, text, start, line_start + m.start() + len(stop.rstrip()), headline)
            start = cut
        _add(out, text, start, line_end, headline)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, headline: _Line) -> None:
    while start < end and text[start].isspace():
        start += 1
    if start + 2 < end and text[start] in _R24_BULLETS and text[start + 1] == " " and (
            start == 0 or text[start - 1] == "\n"):
        start += 2  # a list item's marker ("- Do Hee-seon is Raven, ..."): the sentence starts after it
    while end > start and (text[end - 1].isspace() or text[end - 1] == "|"):
        end -= 1
    while end - start > MAX_SENTENCE:
        # Several rules take time quadratic in a sentence's length: an endless run-on line (hostile or
        # broken input) is read in pieces cut at a space, so an article takes time linear in its length.
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add(out, text, start, cut, headline)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], headline))


# Case-insensitive patterns that may be read as case-sensitive copies over the lower-cased text: the
# same matches at the same offsets, several times faster (see ``fold_case``).
_LOWERED: dict[re.Pattern[str], re.Pattern[str]] = {}
_ESCAPE = re.compile(r"\\.|\(\?P<\w+>|[^\\(]+|\(")


def fold_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Register a case-sensitive copy of the ``re.IGNORECASE`` ``pattern`` for lower-cased text.

    Only for patterns whose matches are read for offsets and for groups that do not care about letter
    case (the groups then hold lower-case text).
    """
    assert pattern.flags & re.IGNORECASE
    copy = "".join(t if t.startswith(("\\", "(?P<")) else t.lower() for t in _ESCAPE.findall(pattern.pattern))
    _LOWERED[pattern] = re.compile(copy, pattern.flags & ~re.IGNORECASE)
    _PLANS.pop(id(pattern), None)
    assert _LOWERED[pattern].groupindex == pattern.groupindex
    return pattern


class Sentences:
    """Sentence lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower()
        self.items = split_sentences(text)
        self._starts = [s.start for s in self.items]
        # lower-casing kept every offset and letter class ("\u0130" grows; "\u0131", "\u017f" match
        # "i", "s" case-insensitively but do not lower-case to them)
        self.low_same = len(self.low) == len(text) and "\u0131" not in text and "\u017f" not in text
        self._cache: dict[tuple[str, ...], list[Sentence]] = {}
        # keyed by patterns' ids (see _PLANS)
        self._found: dict[tuple[int, tuple[str, ...]], list[re.Match[str]]] = {}
        self._needing: dict[tuple[tuple[str, ...], int], list[Sentence]] = {}
        self._need_at: dict[tuple[int, int], bool] = {}
        self._starts_of: dict[tuple[str, ...], list[int]] = {}
        self._with: dict[str, list[int]] = {}     # word -> indices of the sentences holding it
        self._at: dict[str, list[int]] = {}       # word -> offsets where it is written
        self._automaton = _WORDS.current()
        self._known = _WORDS.words if self._automaton is not None else set()
        self._scanned = False

    def having(self, words: tuple[str, ...]) -> list[Sentence]:
        """Sentences holding any of ``words`` (lower case): rules only read where their trigger is."""
        found = self._cache.get(words)
        if found is None:
            held = self._each_word(words, self._with, self._sentences_with)
            if len(held) > 1:
                idx = sorted(set().union(*held))
            else:
                idx = held[0] if held else []
            items = self.items
            found = self._cache[words] = [items[k] for k in idx]
        return found

    def _each_word(self, words: tuple[str, ...], table: dict[str, list[int]],
                   find: Callable[[str], list[int]]) -> list[list[int]]:
        """The non-empty ``table`` entries of ``words``: what the article's one scan recorded, or, for a word
        it was not yet looking for, what ``find`` finds."""
        if not self._scanned:
            self._scan()
        known, held = self._known, []
        for word in words:  # most are written nowhere: one look-up each
            found = table.get(word)
            if found is None:
                if word in known:
                    continue  # the scan found it nowhere
                found = find(word)
            if found:
                held.append(found)
        return held

    def _sentences_with(self, word: str) -> list[int]:
        """Sorted indices of the sentences that hold ``word``."""
        found = self._with.get(word)
        if found is None:
            offsets = self._offsets(word)
            found = self._with.get(word)  # the scan that found the offsets read their sentences too
            if found is not None:
                return found
            found = self._with[word] = []
            if not self.items:
                return found
            starts, last = self._starts, -1
            for i in offsets:  # in text order
                k = bisect_right(starts, i) - 1
                if k < 0:
                    k = 0
                if k != last:
                    found.append(k)
                    last = k
        return found

    def finditer(self, pattern: re.Pattern[str], words: tuple[str, ...],
                 starts: tuple[str, ...] | None = None) -> list[re.Match[str]]:
        """``pattern.finditer`` over the sentences that hold a trigger word only (read once per article).

        ``starts``: lower-case words that every match begins with (in any letter case); the pattern is
        then tried only where one of them is written instead of at every character.
        """
        key = (id(pattern), words)
        found = self._found.get(key)
        if found is not None:
            return found
        _, tails, need, lowered, line_led = _plan(pattern)
        text = self.text
        found = []
        if tails is not None:
            found = self._found[key] = self._tail_led(pattern, self.having(words), *tails)
            return found
        sents = self.having(words) if need is None else self._having_need(words, *need)
        if lowered is not None and self.low_same:
            pattern, text = lowered, self.low
        if line_led:
            # a sentence holds no line break: only its start can start a line, and one match at most
            for sent in sents:
                if sent.start == 0 or text[sent.start - 1] == "\n":
                    m = pattern.match(text, sent.start, sent.end)
                    if m:
                        found.append(m)
        elif starts is None or len(self.low) != len(text):
            for sent in sents:
                found += pattern.finditer(text, sent.start, sent.end)
        else:
            at = self.starts(starts)
            match = pattern.match
            for sent in sents:
                pos, end = sent.start, sent.end
                for i in range(bisect_left(at, pos), bisect_left(at, end)):
                    if at[i] >= pos:
                        m = match(text, at[i], end)
                        if m:
                            found.append(m)
                            pos = m.end()
        self._found[key] = found
        return found

    def _tail_led(self, pattern: re.Pattern[str], sents: list[Sentence], tail: re.Pattern[str], extra: str,
                  first: re.Pattern[str]) -> list[re.Match[str]]:
        text = self.text
        found: list[re.Match[str]] = []
        match, tail_at, firsts = pattern.match, tail.search, first.finditer
        for sent in sents:
            start, end = sent.start, sent.end
            heads: set[int] = set()
            t = tail_at(text, start, end)
            while t is not None:
                a = t.start()
                r = a  # back over the characters a head may hold (a name or title: never longer than this)
                stop = max(start, a - HEAD_REACH)
                while r > stop:
                    c = text[r - 1]
                    if c.isalnum() or c.isspace() or c in extra:
                        r -= 1
                    else:
                        break
                heads.update(f.start() for f in firsts(text, r, min(a + 1, end)))
                t = tail_at(text, a + 1, end)  # every place a tail matches, overlapping ones too
            pos = start
            for i in sorted(heads):
                if i >= pos:
                    m = match(text, i, end)
                    if m:
                        found.append(m)
                        pos = m.end()
        return found

    def _having_need(self, words: tuple[str, ...], need: re.Pattern[str],
                     starts: tuple[str, ...] | None) -> list[Sentence]:
        """``having(words)``, less the sentences where ``need`` does not match."""
        key = (words, id(need))  # need: a registered pattern, kept alive by _NEEDS
        found = self._needing.get(key)
        if found is None:
            # starts first: the trigger words among them are then not looked for again
            at = self.starts(starts) if starts is not None and len(self.low) == len(self.text) else None
            text, known, need_id = self.text, self._need_at, id(need)
            found = []
            for s in self.having(words):
                held = known.get((need_id, s.start))  # sentences shared by two word lists are read once
                if held is None:
                    if at is None:
                        held = need.search(text, s.start, s.end) is not None
                    else:
                        end, held = s.end, False
                        for i in range(bisect_left(at, s.start), bisect_left(at, end)):
                            if need.match(text, at[i], end):
                                held = True
                                break
                    known[(need_id, s.start)] = held
                if held:
                    found.append(s)
            self._needing[key] = found
        return found

    def starts(self, words: tuple[str, ...]) -> list[int]:
        """Sorted offsets where one of ``words`` (lower case) is written."""
        found = self._starts_of.get(words)
        if found is None:
            held = self._each_word(words, self._at, self._offsets)
            found = sorted(set().union(*held)) if len(held) > 1 else list(held[0]) if held else []
            self._starts_of[words] = found
        return found

    def _offsets(self, word: str) -> list[int]:
        """Sorted offsets in ``low`` where ``word`` is written (overlapping ones too)."""
        found = self._at.get(word)
        if found is None:
            if word in self._known:
                if not self._scanned:
                    self._scan()
                    found = self._at.get(word)
                if found is None:
                    found = self._at[word] = []  # written nowhere
            else:
                _WORDS.learn(word)
                found = self._at[word] = []
                find = self.low.find
                i = find(word)
                while i >= 0:
                    found.append(i)
                    i = find(word, i + 1)
        return found

    def _scan(self) -> None:
        """Every learnt trigger word's offsets and sentences, in one pass over the article."""
        self._scanned = True
        if self._automaton is None:
            return
        at, with_, starts = self._at, self._with, self._starts
        for end, word in self._automaton.iter(self.low):  # in order of their ends: a word's in text order
            i = end - len(word) + 1
            hits = at.get(word)
            if hits is None:
                at[word] = [i]
            else:
                hits.append(i)
            if starts:
                k = bisect_right(starts, i) - 1
                if k < 0:
                    k = 0
                held = with_.get(word)
                if held is None:
                    with_[word] = [k]
                elif held[-1] != k:
                    held.append(k)

    def index_at(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)

    def at(self, pos: int) -> Sentence | None:
        if not self.items:
            return None
        return self.items[self.index_at(pos)]

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Start and end of the sentences that hold ``[start, end)``."""
        if not self.items:
            return start, end
        first = self.items[self.index_at(start)]
        last = self.items[self.index_at(max(start, end - 1))]
        return min(first.start, start), max(last.end, end)


def mask_parens(text: str) -> str:
    """Blank out parenthesised asides, keeping offsets ("Keum Sae-rok (Show A), and Noh" -> a list)."""
    return _PAREN.sub(lambda m: " " * len(m.group()), text)


def clean_name(text: str, start: int) -> Name | None:
    """Drop leading sentence and job words ("And", "Actress"); reject names with function words."""
    found = _clean_name(text)
    return None if found is None else Name(found[0], start + found[1], start + found[2])


@lru_cache(maxsize=8192)
def _clean_name(text: str) -> tuple[str, int, int] | None:
    """``clean_name`` with offsets relative to ``text`` (a name recurs across rules and articles)."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    # "Idol-turned-actor Jay": a compound description (three hyphened parts; a given name has two)
    while tokens and (tokens[0][0].lower() in LEAD_STOP or tokens[0][0].count("-") >= 2):
        tokens.pop(0)
    if not tokens:
        return None
    if any(t.lower() in NAME_STOP for t, _ in tokens):
        return None
    first, last = tokens[0], tokens[-1]
    surface = text[first[1]: last[1] + len(last[0])]
    if PLATFORM_RE.fullmatch(surface) or " " in surface.strip() and surface != " ".join(t for t, _ in tokens):
        return None
    return surface, first[1], last[1] + len(last[0])


def name_before(text: str, end: int, base: int = 0) -> Name | None:
    """The name that ends right at ``end`` (spaces allowed), cleaned."""
    m = _NAME_AT_END.search(text, max(0, end - 80), end)
    if not m:
        return None
    return clean_name(m.group().rstrip(), base + m.start())


def name_after(text: str, start: int, base: int = 0) -> Name | None:
    m = _NAME_AT_START.match(text[start: start + 80])
    if not m:
        return None
    lead = len(m.group()) - len(m.group().lstrip())
    return clean_name(m.group()[lead:], base + start + lead)


def split_list(segment: str, base: int, heads: str = "none") -> list[Name]:
    """Names in a list "A, B and C".  ``heads`` says what may stand before each name: "none", "lower"
    (descriptions such as "pianist Do Hyeon-seo") or "any" ("My Name actress Han So Hee").

    Parsing stops at the first item that is not a name, so the tail of a clause is never read as one.
    """
    out: list[Name] = []
    pos = 0
    parts = _LIST_SPLIT.split(segment)
    for part in parts:
        offset = segment.find(part, pos) if part else pos
        pos = offset + len(part)
        item = part.rstrip(" .;:!?\u2013\u2014-|")
        if part is parts[-1]:
            item = _TRAILING_LOWER.sub("", item)  # "... and Dae Rin arrives soon": the list ends at the name
        if not item:
            continue
        m = _NAME_AT_END.search(item)
        if not m:
            break
        head = item[: m.start()].strip()
        if head and not (heads == "any" or heads == "lower" and descriptor_ok(head)):
            break
        name = clean_name(m.group().rstrip(), base + offset + m.start())
        if name is None:
            if out or heads != "none":
                break
            continue  # "Moreover, Kim Hee Won": a sentence adverb before the list
        out.append(name)
    return out


_SEP = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_NAME = re.compile(NAME)


def leading_list(text: str, start: int, end: int) -> list[Name]:
    """Names listed from ``start`` on, each after up to four words of description
    ("pianist Do Hyeon-seo and online media entrepreneur Ji Su-ho", "her team leader Gu Tae-sik",
    "Jae-hyuk's teenage niece, Do Ha-eun"); stops at the first non-name, and before a name that starts a
    clause of its own ("C, and Park Na-rim will play ...")."""
    out: list[Name] = []
    pos = start
    while pos < end:
        words = 0
        m = _DESC_HEAD.match(text, pos, end)  # "her", "Jae-hyuk's", "the farm's"
        if m:
            pos, words = m.end(), 1
        while words < 5:
            m = _DESC_WORD.match(text, pos, end)
            if not m or m["w"].lower() in _DESC_STOP:
                break
            pos, words = m.end(), words + 1
            if m["comma"]:
                break  # "the night security guard, Ahn Kyung-ja": the name comes next
        m = _ADDRESS.match(text, pos, end)  # "Dr. Seo Yi-rang": the abbreviation is no part of the name
        if m:
            pos = m.end()
        m = _NAME.match(text, pos, end)
        if not m or words > 4:
            break
        name = clean_name(m.group(), m.start())
        if name is None or name.end != m.end() or _COMPOUND_ADJ.search(name.text):
            break
        if out and _CLAUSE_VERB.match(text, m.end(), end):
            break
        if words and " " not in name.text and _R24_NOUN_NEXT.match(text, m.end(), end):
            break  # "C, a super polite Osaka fixer": a place or brand before a noun describes, it names no one
        out.append(name)
        sep = _SEP.match(text, m.end(), end)
        if not sep:
            break
        pos = sep.end()
    return out


_R24_NOUN_NEXT = re.compile(r" (?!(?:and|or|in|on|at|of|as|to|for|from|with|who|whose|which|is|was|are|were|has"
                            r"|had|will|would|by|but|than)\b)[a-z]{3,}\b")
# "a Michelin-starred chef", "an Oscar-winning director": a capitalised compound adjective, not a name
_COMPOUND_ADJ = re.compile(r"^[A-Z][a-z]+-[a-z]{3,}(?:ed|ing)$")
_DESC_HEAD = re.compile(r"(?:(?:his|her|their|my|its|our|your)|(?:the\s+)?[\w-]+(?:'s|\u2019s))[ ]")
_ADDRESS = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof|Det|Sgt|Lt|Capt|Insp)\.[ ]")
_DESC_WORD = re.compile(r"(?P<w>the|a|an|[a-z][a-z-]*)(?P<comma>,)?[ ]")
# (and "C1, and B as C2": a name before "as" opens a pair of its own)
_CLAUSE_VERB = re.compile(r"\s+(?:as|will|would|is|was|are|were|has|had|plays?|played|takes?|took|joins?|stars?"
                          r"|portrays?|becomes?|turns?|returns?|co-stars?|reprises?|rounds?)\b")


_DESC_STOP = frozenset("""
in on at of for with from by to into onto about against alongside opposite beside like than as via over
under after before during while who which that whose where when his her their its is was are were be been
has have had will would can could not no nor but also and or then
""".split())


def descriptor_ok(head: str) -> bool:
    words = head.split()
    if len(words) > 5:
        return False
    return all(w[:1].islower() and w.lower() not in _DESC_STOP for w in words)
