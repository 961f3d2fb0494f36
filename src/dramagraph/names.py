"""Name keys: when two spellings name the same person, show or platform.

Used inside one article (coreference) and across articles (one node per entity in the graph), so the
rules live in one place.  Keys ignore case, accents, hyphens, spacing inside given names, quotes and
the order of Korean family and given names ("Sun-kyun Lee" == "Lee Sun-kyun" == "Lee Sunkyun").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Romanised Korean family names (with their common variants).  Used only to decide which end of a name
# is the family name when an article swaps the order.
KOREAN_SURNAMES = frozenset("""
ahn an bae baek paik bang ban byun byeon cha chae cheon chun cho jo choi choo chu chung jung jeong do
eom um gang kang kong gong go ko gu koo ku gwak kwak gwon kwon ha ham han heo huh hong hwang hyun hyeon
im lim yim jang chang jeon jun ji jin joo ju kim gim keum geum ki gi lee yi rhee li ma maeng min mo
moon mun myung na nam noh roh no oh o ok park pak bak pyo pyeon ra na ryu ryoo yoo yu seo suh seok
shin sin sohn son song sung seong tak wang won woo wu yang yeo yeom yoon yun
""".split())

_QUOTES = re.compile(r"[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f'\"`´]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify quotes and dashes, collapse spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _QUOTES.sub("", text)
    text = _DASHES.sub("-", text)
    return re.sub(r"\s+", " ", text).strip()


def person_tokens(name: str) -> list[str]:
    """The name's words, folded, family name first when it is a recognisable Korean surname at the end."""
    tokens = [t for t in re.split(r"\s+", fold(name).replace(".", " ")) if t]
    if (len(tokens) >= 2 and tokens[0].replace("-", "") not in KOREAN_SURNAMES
            and tokens[-1] in KOREAN_SURNAMES and "-" in tokens[0]):
        tokens = tokens[-1:] + tokens[:-1]
    return tokens


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """A key equal for every way of writing one person's (or character's) name."""
    return "".join(t.replace("-", "") for t in person_tokens(name))


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    """A key equal for spellings of one show title ("The Glory", "the glory", "Glory, The" aside)."""
    text = fold(title).replace("&", " and ").replace("+", " plus ")
    text = re.sub(r"[^\w\s#]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def slug(text: str) -> str:
    """A readable IRI segment: "Keum Sae-rok" -> "keum-sae-rok", "Soundtrack #2" -> "soundtrack-2"."""
    text = fold(text).replace("+", " plus ").replace("&", " and ")
    text = re.sub(r"[^\w]+", "-", text, flags=re.ASCII)
    return text.strip("-") or "x"


# -- match keys: what the shipped queries compare a name parameter with ----------------------------------
# The queries normalise their parameter in SPARQL (once) with LCASE and REPLACE, and compare it by equality
# with the dg:nameKey literals mapping stores on each node, so a store index answers instead of a regular
# expression run over every label.  These functions compute the stored side; each mirrors the SPARQL
# expression written beside it, so both sides agree.

_LEADING_THE = re.compile(r"^the\s+")          # REPLACE(LCASE(?x), "^the\\s+", "")
_FIRST_WORD_LAST = re.compile(r"^(\S+)\s+(.+)$")   # REPLACE(?x, "^(\\S+)\\s+(.+)$", "$2 $1")


@lru_cache(maxsize=8192)
def match_key(text: str) -> str:
    """Lower-cased letters and digits only: ``LCASE(REPLACE(?x, "[^\\\\p{L}\\\\p{N}]", ""))``."""
    return "".join(c for c in text.lower() if c.isalnum())


def person_match_keys(name: str) -> tuple[str, ...]:
    """A person's (or character's) keys: the name as written and with its first word (a Korean family name,
    say) moved to the end, so "Tak Seung-ho" is found as "Seung-ho Tak" too."""
    keys = (match_key(name), match_key(_FIRST_WORD_LAST.sub(r"\2 \1", name)))
    return tuple(k for k in dict.fromkeys(keys) if k)


def title_match_keys(title: str) -> tuple[str, ...]:
    """A show's (or platform's) key: a leading "The" dropped, then ``match_key``."""
    key = match_key(_LEADING_THE.sub("", title.lower()))
    return (key,) if key else ()
