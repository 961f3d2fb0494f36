"""Word lists and regex building blocks shared by the extraction rules.

Names are recognised by shape (capitalised words), never by a list of known people or shows; the lists
here are closed classes: platforms, function words, job titles, number words.
"""

from __future__ import annotations

import re

# --- platforms -------------------------------------------------------------------------------------------

# spelling (folded) -> canonical name.  Longest spellings are tried first by the regex below.
PLATFORM_SPELLINGS: dict[str, str] = {
    "netflix": "Netflix", "netflix korea": "Netflix",
    "disney+": "Disney+", "disney plus": "Disney+", "disneyplus": "Disney+", "disney+ hotstar": "Disney+",
    "disney plus korea": "Disney+", "disney+ korea": "Disney+",
    "apple tv+": "Apple TV+", "apple tv plus": "Apple TV+", "apple tv": "Apple TV+",
    "prime video": "Prime Video", "amazon prime video": "Prime Video", "amazon prime": "Prime Video",
    "hbo max": "Max", "hbo": "HBO", "viki": "Viki", "rakuten viki": "Viki", "hulu": "Hulu",
    "paramount+": "Paramount+", "paramount plus": "Paramount+", "peacock": "Peacock",
    "tvn": "tvN", "jtbc": "JTBC", "kbs2": "KBS2", "kbs 2tv": "KBS2", "kbs2tv": "KBS2", "kbs": "KBS",
    "kbs1": "KBS1", "mbc": "MBC", "sbs": "SBS", "ena": "ENA", "ocn": "OCN", "mbn": "MBN",
    "tv chosun": "TV Chosun", "channel a": "Channel A", "coupang play": "Coupang Play", "tving": "TVING",
    "wavve": "Wavve", "iqiyi": "iQIYI", "wetv": "WeTV", "kocowa": "Kocowa", "crunchyroll": "Crunchyroll",
    "fuji tv": "Fuji TV", "nhk": "NHK", "tv asahi": "TV Asahi", "nippon tv": "Nippon TV",
    "abema": "ABEMA", "u-next": "U-Next", "bbc": "BBC", "itv": "ITV",
    # British streamers and channels reviews name as where a show is on
    "bbc iplayer": "BBC iPlayer", "itvx": "ITVX", "channel 4": "Channel 4", "sky atlantic": "Sky Atlantic",
    # the Chinese streamers C-drama roundups name next to iQIYI and WeTV
    "tencent video": "Tencent Video", "youku": "Youku", "mango tv": "Mango TV", "bilibili": "Bilibili",
}
# Lower-case triggers: a sentence without any of these names no platform.
PLATFORM_WORDS = ("netflix", "disney", "apple tv", "prime video", "amazon", "hbo", "viki", "hulu", "paramount",
                  "peacock", "tvn", "jtbc", "kbs", "mbc", "sbs", "ena", "ocn", "mbn", "chosun", "channel a",
                  "coupang", "tving", "wavve", "iqiyi", "wetv", "kocowa", "crunchyroll", "fuji tv", "nhk",
                  "asahi", "nippon tv", "abema", "u-next", "bbc", "itv", "channel 4", "sky atlantic", " max",
                  "tencent video", "youku", "mango tv", "bilibili")
# "Max" is also a first name: accepted only right after "on"/"streaming on" (see ON_PLATFORM).


def _case_variants(spelling: str, canonical: str) -> set[str]:
    words = spelling.split(" ")
    forms = {canonical if canonical.casefold() == spelling else canonical, spelling.upper(),
             " ".join(w[:1].upper() + w[1:] for w in words),
             " ".join(w.upper() if len(w) <= 3 else w[:1].upper() + w[1:] for w in words)}
    if canonical.casefold() == spelling:
        forms.add(canonical)
    return forms


# Case-sensitive alternatives (Title, UPPER, canonical): a literal-led alternation scans fast.
_PLATFORM_ALTS = sorted({re.escape(v).replace(r"\ ", r"\s+") for k, c in PLATFORM_SPELLINGS.items()
                         for v in _case_variants(k, c)}, key=len, reverse=True)
PLATFORM = r"(?:" + "|".join(_PLATFORM_ALTS) + r")(?![\w+])"
PLATFORM_RE = re.compile(r"(?<![\w+])" + PLATFORM)
# Lower-case first words of every spelling PLATFORM matches: where a platform-led pattern can start.
_FIRST_WORDS = {v.split(" ")[0].lower() for k, c in PLATFORM_SPELLINGS.items() for v in _case_variants(k, c)}
PLATFORM_STARTS = tuple(sorted(w for w in _FIRST_WORDS if not any(w != o and w.startswith(o) for o in _FIRST_WORDS)))


_SPACE = re.compile(r"\s+")


def platform_name(spelling: str) -> str | None:
    """Canonical platform name of a spelling ("Disney Plus" -> "Disney+"), or None."""
    key = _SPACE.sub(" ", spelling.strip().casefold())
    return PLATFORM_SPELLINGS.get(key) or (PLATFORM_SPELLINGS.get(key[:-4]) if key.endswith(" max") else None)


# --- names -----------------------------------------------------------------------------------------------

UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# A capitalised word: "Keum", "Sae-rok", "Nijirō", "K".  No apostrophes: "Noh's" is "Noh" + possessive.
TOK = rf"[{UP}][^\W\d_]*(?:-[^\W\d_]+)*"
NAME = rf"{TOK}(?:[ ]{TOK}){{0,3}}"
# A name with up to four lower-case words before it ("pianist Do Hyeon-seo", "real-life singer K").
DESC_NAME = rf"(?:(?:the|a|an|[a-z][a-z-]*)[ ]){{0,4}}(?:{NAME})"
POSS = r"(?:'s|’s|'|’)(?![\w])"
QUOTE_OPEN = "\"\u201c\u2018'"
QUOTE_CLOSE = "\"\u201d\u2019'"

# Words that start a sentence or describe a person but are not part of the name.
LEAD_STOP = frozenset("""
a and but or nor then the while when whereas after before first firstly second finally also meanwhile
moreover however plus here there this that these those his her their its our your my it he she they we i
in on at of for with from by to as if yet now still even both each every either neither all some many
actor actress actors actresses star stars singer rapper idol director directors writer writers producer
producers pd screenwriter veteran newcomer rookie rising model comedian host creator showrunner filmmaker
newcomers rookies veterans idols models comedians singers filmmakers lead leads co-star co-stars
korean japanese chinese american british thai taiwanese filipino indian english
meet new old young cast starring featuring including
detective detectives inspector officer sergeant captain lieutenant prosecutor lawyer attorney judge doctor
dr nurse professor teacher chef pianist reporter agent
later earlier elsewhere today yesterday recently previously currently again instead
""".split())

# Words that never sit inside a person's or character's name (title-case headlines use them).
NAME_STOP = frozenset("""
the and of are is was were will would has have had who what where why how which that this with for from
to at by as or but not be been being its his her their our your they he she it we you i me us them
share shares shared complete completes completed return returns returned release released date
episode episodes season seasons part review reviews recap trailer teaser poster cast stars star starring
new more most best first last next other another all every each after before about over into than
secret secrets feelings towards toward each friends friend moment sentimental drama kdrama k-drama series
show film movie anthology netflix disney apple prime amazon hbo hulu viki plus tv january february
march april may june july august september october november december monday tuesday wednesday thursday
friday saturday sunday photo credit source watch read also related latest according
korea korean japan japanese china chinese america american hollywood seoul tokyo
""".split())

SMALL = r"(?:of|in|the|a|an|to|for|on|at|with|from|and|&|vs\.?|de|la|le|du|no|wa|ga|or|is|my)"

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-four": 24, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
}
NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
ORDINAL = r"(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"


def to_number(word: str) -> int | None:
    word = word.strip().casefold()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) or ORDINALS.get(word)


# Words that look like titles but name genres, places, nationalities or the trade.
NOT_TITLE = frozenset("""
korean japanese chinese american british thai taiwanese k-drama kdrama k-dramas kdramas k-pop kpop
scottish irish welsh english french german spanish italian indian australian canadian european asian
veteran top rising rookie fellow former famous popular acclaimed beloved talented seasoned young
award-winning leading supporting main idol hallyu newcomer
hollywood hallyu broadway oscar oscars emmy emmys golden globe netflix disney disney+ korea japan china
the a an this that it its he she they his her their season episode part series drama show film movie
anthology review trailer cast first last new kbs mbc sbs tvn jtbc ena apple prime hbo hulu viki
photo credit source watch read also related latest lead leads star stars starring director writer
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday weekend
awards festival
""".split())
