"""The rule shortcuts in ``extract.text`` give exactly the matches of a plain per-sentence ``finditer``.

Rules are registered as tail-led (tried only in front of their tail), line-led, needing a cheaper part,
or read as case-sensitive copies over lower-cased text; each claim is checked here against the plain scan
on the example articles and on random strings built from the words the rules look for.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dramagraph.extract import people, shows  # noqa: F401  (registers the rules)
from dramagraph.extract import text as rules
from dramagraph.extract.shows import _mentions, _season_suffix, _word

ROOT = Path(__file__).resolve().parents[1]

_WORDS = ["Kim Ji-won", "Netflix", "Netflix's", "Apple TV+", "Max", "season", "Season", "2", "#3", "Part", "1", "S2",
          "\u201c", "\u201d", "\"", ",", ", a", "an", "the", "drama", "series", "has", "16", "twelve", "episodes",
          "as", "Lee", "Park Min", "'s", "\u2019s", "is", "who", "wrote", "directed", "played", "by", "actor", "star",
          "The", "Glory", "of", "&", "vs.", "-", "aka", "Cha", "McDonald", "  ", ".", "\n", "comedy", "streaming",
          "on", "Directed by:", "Episodes: 12", "Platform: Viki", "Season 2 - 16 episodes", "hour-long", "K-drama"]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    rng = random.Random(11)
    for _ in range(600):
        texts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 24))))
    return texts


@pytest.mark.parametrize("text", _texts())
def test_shortcuts_match_plain_scan(text: str) -> None:
    sents = rules.Sentences(text)
    sents.having = lambda words: sents.items  # every sentence, as if each held a trigger word
    for pattern in set(rules._TAILS) | set(rules._NEEDS) | set(rules._LOWERED) | rules._LINE_LED:
        plain = [(m.span(), m.groups()) for s in sents.items for m in pattern.finditer(text, s.start, s.end)]
        sents._found.clear()
        got = [(m.span(), m.groups()) for m in sents.finditer(pattern, ("\0",))]
        if pattern in rules._LOWERED:  # groups hold lower-case text there
            plain = [(span, tuple(g and g.lower() for g in groups)) for span, groups in plain]
            got = [(span, tuple(g and g.lower() for g in groups)) for span, groups in got]
        assert got == plain, pattern.pattern[:60]


_TRIGGERS = ["star", "stars", "stars as", "tar", "as", " as ", "s a", "season", "ea", "e", "netflix", "'s ", "\u2019s ",
             "i\u0307", "ss", "\u00df", "drama", "k-drama", "zz"]


def _occurrences(low: str, word: str) -> list[int]:
    return [i for i in range(len(low)) if low.startswith(word, i)]


def test_trigger_words_found_as_by_find() -> None:
    """Trigger words are found in one pass per article once learnt: the same sentences and offsets (overlapping
    and nested words too, and on text whose lower-casing changes its length) as a plain search per word."""
    rng = random.Random(3)
    alphabet = _WORDS + ["Stars as", "STARS", "\u0130stanbul", "stra\u00dfe", "Stra\u00dfe", "\u017fs", "kk-dramas"]
    for _ in range(400):
        text = " ".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        words = tuple(rng.sample(_TRIGGERS, rng.randint(1, 4)))
        for again in (False, True):  # the first article may learn a word, the second finds it in one pass
            sents = rules.Sentences(text)
            assert not again or set(words) <= sents._known
            low = sents.low
            offsets = sorted({i for w in words for i in _occurrences(low, w)})
            assert sents.starts(words) == offsets, (text, words)
            held = sorted({sents.index_at(i) for i in offsets}) if sents.items else []
            assert sents.having(words) == [sents.items[k] for k in held], (text, words)


def test_mentions_match_regex() -> None:
    import re

    rng = random.Random(5)
    alphabet = list("ab #_2 \u201d\"Se") + ["season", "Season", "Part", "two", "ab"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        title = rng.choice(["ab", "a b", "b", "ab ab"])
        assert _mentions(text, title) == re.findall(rf"(?<![\w#]){re.escape(title)}(?![\w#])", text)
        n = rng.choice([2, 12])
        expected = re.findall(rf"(?<![\w#]){re.escape(title)}[\u201d\u2019\"]?[ ]?(?:#[ ]?{n}|(?i:season)[ ]"
                              rf"(?:{n}|{_word(n)})|Part[ ]{n}|{n})(?![\w#])", text)
        assert _mentions(text, title, _season_suffix(n)) == expected
