"""Shows: which titles an article names, which one it is about, seasons, platforms and episode counts.

A title is only taken from a context that marks it as one (quotes, "K-drama X", "Netflix's X", "X season
2", "X #2", "X is streaming on ...", "Watch X on ..."); capitalised words elsewhere are never shows.  The
main show is the best-supported title, counting its mentions and whether the headline names it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from ..models import FactKind
from ..names import KOREAN_SURNAMES, fold, title_key
from .lexicon import (
    NOT_TITLE,
    NUMBER,
    ORDINAL,
    ORDINALS,
    PLATFORM,
    PLATFORM_RE,
    PLATFORM_STARTS,
    PLATFORM_WORDS,
    SMALL,
    TOK,
    UP,
    platform_name,
    to_number,
)
from .text import Raw, Sentences, fold_case, line_led, needs, tail_led

_TTOK = rf"(?:{TOK}|\d+|#\d+)"
# every platform-led or platform-ended rule holds one of these (sentences without one are not read)
_ANY_PLATFORM = re.compile(rf"{PLATFORM}|Max\b")


def _needs_platform(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return needs(pattern, _ANY_PLATFORM, PLATFORM_STARTS)

# "The Ferryman's Daughter": a possessive inside a title only after a leading "The" (elsewhere "X's" is an
# owner: "Netflix's Glory", "Kang Min-ho's Gu Tae-sik")
# ("The Lighthouse Keeper's Ledger": two words may stand between "The" and the possessive)
TITLE = (rf"(?:The(?:[ ]{TOK}){{1,2}}(?:'s|\u2019s)(?=[ ]{TOK})|{TOK}|\d+(?=[ ]{TOK}))"
         rf"(?:[ ](?:{SMALL}[ ])*{_TTOK}){{0,7}}")
_QO, _QC = "[\"\u201c\u2018]", "[\"\u201d\u2019]"
_LABEL = (r"(?:[Kk]-?[Dd]ramas?|K-DRAMA|[Kk]orean\s+(?:[Dd]ramas?|[Ss]eries)|[Dd]ramas?|[Ss]eries|[Ss]itcom"
          r"|[Aa]nthology|[Ss]hows?|[Tt]hriller|[Rr]omance|[Ff]ilms?|[Mm]ovies?|[Oo]riginal\s+[Ss]eries|[Oo]riginal"
          r"|[Dd]ocuseries|[Rr]eality\s+[Ss]how)")
# (a broadcast slot too: "the KBS2 weekend drama S")
_ADJ = (r"(?:[Nn]ew|[Hh]it|[Uu]pcoming|[Ll]atest|[Oo]riginal|[Ee]xclusive|[Aa]cclaimed|[Pp]opular|[Kk]orean"
        r"|[Jj]apanese|[Rr]omantic|[Ff]antasy|[Ww]eekend|[Ww]eekday|[Dd]aily|[Ll]ate-night|[Mm]orning|[Ee]vening"
        r"|[Pp]rime-?time"
        # its slot in the week: "SBS's Friday-Saturday drama S", "the Wednesday-Thursday series"
        r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:-(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
        # a likeness: "Prime Video's Tokyo Vice-style thriller S"
        r"|(?:[A-Z]\w*\s+){0,2}[A-Z]\w*-(?:style|esque|inspired))")
# kinds of show a review names after the platform's possessive: "MBC's historical caper S"
_GENRE = (r"(?:[Cc]aper|[Cc]omed(?:y|ies)|[Mm]elodrama|[Mm]ystery|[Pp]rocedural|[Ss]aga|[Ee]pic|[Rr]om-?com|[Hh]orror"
          r"|[Nn]oir|[Ss]ageuk|[Ss]atire|[Ww]hodunit|[Mm]iniseries|[Hh]it|[Aa]daptation|[Rr]emake|[Ff]antasy"
          r"|[Aa]dventure|[Dd]ramedy|[Ww]eepie|[Tt]ear-?jerker)")
_DEMONYMS = frozenset("""korean american japanese chinese british canadian australian thai taiwanese french
asian european african latin filipino vietnamese indian""".split())
_TITLE_LINKS = frozenset(("of", "the", "from", "a", "an", "in", "on", "to", "with", "for", "my", "your", "our"))
_TITLE_CUT = frozenset("""
season seasons part episode episodes review reviews recap trailer teaser is are was were will has have
gets get returns return completes complete release releases date cast star stars starring ending explained
premiere premieres streaming on netflix disney apple prime hbo hulu viki kdrama k-drama drama series
""".split())
_NOT_AFTER_SEASON = frozenset("finale premiere opener recap review trailer teaser poster cast one two".split())
_LEAD = frozenset("and but or watch also while when as if meanwhile in new upcoming original".split())
_SEASONAL_WORDS = ("anthology", "season", "sequel", "predecessor", "prequel", "franchise")
_W_SEASON = ("#", "season", "part ")
_W_STREAM = ("stream", "available", "airing", "showing", "premiere", "debut", " air", "land", "arrive", "release",
             "drop")
_W_QUOTES = ("\"", "\u201c", "\u2018")
_W_LABELS = ("drama", "series", "sitcom", "anthology", "show", "thriller", "romance", "film", "movie", "original")
_W_EPISODES = ("episode", "instalment", "installment", "chapters", "parts", "minute", "-part")  # "eight-part thriller"
_SUFFIX_BAD = re.compile(r"-(?:winning|nominated|born|based|led|starring|esque|style|inspired)$", re.I)

# (news desks close a title's quotes after the sentence's comma or stop: "‘Rain on Sunday,’ and", 'in
# "Rice Cake Road," gives': the comma or stop is no part of the title)
_QUOTED = re.compile(rf"{_QO}(?P<q>[A-Z0-9][^\"\u201c\u201d\u2018\u2019\n]{{0,60}}?)[,.]?{_QC}(?![a-z])")
_LABELLED = re.compile(rf"(?<![\w-]){_LABEL}(?:\s+(?i:review))?:?\s+{_QO}?(?P<lab>{TITLE})")
_PLATFORM_TITLE = _needs_platform(re.compile(
    rf"{PLATFORM}(?:'s|\u2019s)\s+(?:(?:{_ADJ}|{_LABEL})\s+)*{_QO}?(?P<pos>{TITLE})"
    rf"|[Ww]atch\s+{_QO}?(?P<watch>{TITLE}){_QC}?\s+(?:now\s+)?on\s+(?:{PLATFORM}|Max\b)"))
# Title-led rules are tried only in front of their tails (the part after the title, a self-contained piece
# of the pattern): a title holds letters, digits, spaces and these, and starts with a quote, capital or digit.
TITLE_CHARS = "\"\u201c\u2018\u201d\u2019'-#&."
TITLE_FIRST = re.compile(rf"[\"\u201c\u2018{UP}]|\d")
_SEASON_TAIL = (rf"[ ](?:#[ ]?(?P<hash>\d{{1,2}})|(?i:season)[ ](?P<season>{NUMBER})\b"
                rf"|(?P<part>Part)[ ](?P<partn>\d{{1,2}})\b|S(?P<s>\d{{1,2}})\b)")
# renewal news: "Disney+ has renewed the legal drama X for a second season", "‘X’ renewed for a third season"
_RENEWED = re.compile(
    rf"(?:\b(?:renew(?:s|ed|ing)?|order(?:s|ed)|green-?lit|picked\s+up)\s+(?:(?:the|its|their)\s+(?:[a-z][\w-]*\s+){{0,3}})?"
    rf"{_QO}?(?P<t>{TITLE}){_QC}?"
    rf"|{_QO}?(?P<t2>{TITLE}){_QC}?\s+(?:(?:has|have)\s+been\s+|is\s+|was\s+|gets\s+|got\s+)?"
    rf"(?:renewed|picked\s+up))"
    rf"\s+for\s+(?:a\s+)?(?P<o>{ORDINAL})\s+(?:season|series|instalment|installment)\b"
    # "has confirmed a second season of its police comedy S"
    rf"|\b(?:confirm(?:s|ed)|announc(?:es|ed)|order(?:s|ed)|green-?lit|renew(?:s|ed))\s+a\s+(?P<o2>{ORDINAL})\s+"
    rf"season\s+of\s+(?:(?:the|its|their)\s+(?:[a-z][\w-]*\s+){{0,3}})?{_QO}?(?P<t3>{TITLE})")
_SEASON = tail_led(re.compile(rf"{_QO}?(?P<base>{TITLE}){_QC}?" + _SEASON_TAIL), re.compile(_SEASON_TAIL),
                   TITLE_CHARS, TITLE_FIRST)
# "<Title> review: ...", "<Title> season 2 review", "Review: <Title> ..." on the article's first line
_HEAD_REVIEW = re.compile(
    rf"^(?:(?:TITLE|Headline)\s*:\s*)?(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?{_QO}?(?P<t>{TITLE}){_QC}?(?:\s+(?i:season|part)\s+{NUMBER})?"
    rf"\s+(?i:review|recap|ending\s+explained|episodes?\s+\d+(?:\s*(?:-|\u2013|and)\s*\d+)?\s+review)\b"
    rf"|^(?:(?:TITLE|Headline)\s*:\s*)?(?i:review|recap|first\s+look|k-?drama\s+review)\s*[:\-\u2013\u2014|]\s*{_QO}?(?P<t2>{TITLE})")
# "<Title>, a Netflix original", "<Title>, a crime drama in six episodes": an apposition naming the kind
_APPOSITION_TAIL = (rf",[ ](?:a|an|the)[ ](?:[\w+-]+[ ]){{0,4}}?"
                    rf"(?:{_LABEL}|comedy|comedies|melodrama|mystery|K-drama)\b")
_PLACE_FIRST = re.compile(r"(?:In|Outside|Across|Beyond|Throughout|Over|On|Back|Elsewhere|Meanwhile)\s")
_APPOSITION = tail_led(re.compile(rf"{_QO}?(?P<t>{TITLE}){_QC}?" + _APPOSITION_TAIL), re.compile(_APPOSITION_TAIL),
                       TITLE_CHARS, TITLE_FIRST)
# "<Title> has 16 episodes", "<Title> will run for twelve episodes": a title as the subject of a count
_SUBJECT_TAIL = (
    rf"(?:has|had|will\s+(?:have|run\s+for|span|consist\s+of|be)|runs\s+for"
    rf"|spans|comprises|consists\s+of|is|was)\s+(?:set\s+to\s+(?:run\s+for|have)\s+)?(?:a\s+total\s+of\s+"
    rf"|only\s+)?(?:{NUMBER})(?:\s+\d{{1,3}}-minute|\s+hour-long|\s+one-hour)?[\s-]+(?:episodes?|instalments"
    rf"|installments)\b")
_SUBJECT = tail_led(re.compile(rf"{_QO}?(?P<t>{TITLE}){_QC}?\s+" + _SUBJECT_TAIL), re.compile(_SUBJECT_TAIL),
                    TITLE_CHARS, TITLE_FIRST)
_STREAM_TAIL = rf"\b(?:on|via)\s+(?P<p>{PLATFORM}|Max\b)"
_STREAM = re.compile(
    rf"{_QO}?(?P<title>{TITLE}){_QC}?(?:,[^,\n]{{0,60}},|,\s+which)?\s+(?:is|are|was|will\s+be|has\s+been|is\s+now)?\s*"
    rf"(?:now\s+|currently\s+|also\s+|exclusively\s+)?(?:streaming|available(?:\s+to\s+(?:stream|watch))?|airing"
    rf"|showing|(?:(?:is\s+)?(?:expected|set|scheduled|slated|going)\s+to\s+|will\s+)?(?:premiere|debut|air"
    rf"|stream|land|arrive|release|drop)s?)\b[^.;\n]{{0,40}}?" + _STREAM_TAIL
)
needs(_STREAM, re.compile(_STREAM_TAIL))
# "Paper Cranes, from Netflix, is ...": a title with its platform in apposition
_FROM_PLATFORM = _needs_platform(re.compile(
    rf"{_QO}?(?P<title>{TITLE}){_QC}?,\s+(?:from|on|via)\s+(?P<p>{PLATFORM}),"))
# what may stand before a show that is the subject of a paragraph's first sentence
# a news brief's label on a line of its own: one to three capitalised words ("RENEWED", "CASTING NEWS")
_KICKER = re.compile(r"[A-Z][A-Z&'\u2019-]+(?: [A-Z][A-Z&'\u2019-]+){0,2}")
# (or a short scene-setting phrase: "Over on cable, ...", "Up against the KBS2 juggernaut on Saturday night, ...")
_LEAD_IN = re.compile(rf"(?:(?:Finally|Next|Then|Meanwhile|Elsewhere|Lastly|Also|Over\s+on\s+{PLATFORM}"
                      rf"|(?:Over|Up|Down|Back|Across|On|In|At)\s+[\w+ -]{{0,50}}?),\s+)?"
                      rf"(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?(?:(?:The|A|An)\s+(?:[\w-]+\s+){{0,4}}"
                      # "tvN's Saturday-Sunday drama S": a possessive's describing words without an article
                      rf"|(?<=s\s)(?:(?:[a-z][\w-]*|[A-Z][a-z]+-[A-Za-z][\w-]*)\s+){{1,4}})?{_QO}?")
# "The original 'S'", "In the Japanese original, S", "The original series S"
_ORIGINAL_LEAD = re.compile(rf"(?:In\s+)?[Tt]he\s+(?:[A-Z][a-z]+\s+)?original(?:\s+(?:series|drama|show|version))?,?\s+"
                            rf"{_QO}?")
# a sentence whose subject is a description, not a title: "The comedy stars A", "Its writer, B, ..."
_ANAPHOR = re.compile(r"(?:(?:The|This)\s+(?:[a-z-]+\s+){0,2}?(?:comedy|drama|series|show|thriller|romance|sitcom"
                      r"|melodrama|mystery|procedural|miniseries|anthology)|Its\s+(?:writer|director|screenwriter"
                      r"|creator|cast|lead|star|showrunner|producer)s?|In\s+it)\b")
# a sentence about one season of the article's series: "Season one followed ...", "The first season's ..."
# (an anthology's parts are its seasons: "Part 1 followed ...", "The first instalment paired ...")
_SEASON_LEAD = re.compile(rf"(?:(?:Season|Part)\s+(?P<n>{NUMBER})\b|The\s+(?P<o>{ORDINAL})\s+(?:season|part|instalment"
                          rf"|installment|chapter)\b)(?!\s+(?:of|and)\b)")
_IT_LEAD = re.compile(r"Its?\s")
# a later clause of that sentence turning to another season: "..., and the new season will be directed by A"
_OTHER_SEASON = re.compile(rf"\b(?:new|this|latest|next|upcoming|current)\s+(?:season|instalment|installment)\b"
                           rf"|\b[Ss]eason\s+(?P<n>{NUMBER})\b|\b(?P<o>{ORDINAL})\s+season\b", re.IGNORECASE)
# what may come before a sentence's subject title: "In the same time slot, KBS2's ", "Over on tvN, the legal drama "
_SUBJECT_LEAD = re.compile(rf"(?:[A-Z][\w+ -]{{0,60}},\s+)?(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?"
                           rf"(?:(?:[Tt]he|An?|an)\s+(?:[\w-]+\s+){{0,4}})?{_QO}?")
# a chart's inverted subject: "In second place was Disney+'s crime drama S", "At number three is the tvN romance S"
_INVERTED_LEAD = re.compile(rf"(?:In|At)\s+(?:[\w-]+\s+){{1,3}}?(?:was|is|came|sat|were|are)\s+"
                            rf"(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}{_QO}?")
# a listicle heading: "3. Code Name: Sparrow", "No. 4: Code Name", "#2 Code Name", "The Jade Vault (Netflix)",
# "Harbour Lights \u2013 TVING, April 11"
# a ratings chart's line: "2. 'Romanised Title' (English Title) - MBC - 11.4%"
_HEADING = re.compile(
    r"(?P<n>(?:(?:No|Number)\.?\s*|#\s?)?\d{1,2}\s*[.):]\s+|#\d{1,2}\s+"
    # a schedule's day or date: "Monday: S (tvN)", "Nov 28 - S"
    r"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*[:\u2013\u2014-]\s+)?(?P<t>[^()\n\u2013\u2014|]{2,70}?)(?:\s+\([^()\n]{2,40}\)(?=\s+[-\u2013\u2014|]\s))?"
    r"(?:\s*\((?P<p>[^()\n,;]{2,25})(?:[,;][^()\n]{0,30})?\)|\s+[-\u2013\u2014|]\s+(?P<p2>[^,;\n]{2,25}?)"
    r"(?:[,;][^\n]{0,30}|\s+[-\u2013\u2014|]\s+\d{1,2}(?:\.\d{1,2})?%)?)?$")

# a photo caption on a line of its own: "[Photo: Netflix] A and B in 'S'.", "A (left) and B star in 'S'. (Disney+)",
# "A, B and C in a still from 'S'. (Photo: P)"; the paragraph after it speaks of the caption's show
CAPTION_MARK = re.compile(
    rf"^\[(?:Photo|Image|Picture|Still)s?\s*:[^\]\n]{{1,40}}\]|\((?:left|right|centre|center)\)"
    rf"|\bin\s+a\s+(?:still|scene|photo)\s+from\b|\(?(?:Photo|Image|Credit|Courtesy)s?\s*:\s*[^\n]{{1,40}}\)?$"
    rf"|\((?:{PLATFORM})\)$")

# a heading's bracket that opens with a date or a year: "(January 3, Netflix)", "(Jan 14, tvN and TVING)", "(2019, tvN)"
_DATED_BRACKET = re.compile(r"\s*\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|(?:19|20)\d{2})"
                            r"(?:,\s*\d{4})?\s*[,;]\s*(?P<list>[^()\n]{2,60})\)\s*$")
_PLATFORM_SEP = re.compile(r"\s*(?:,|\band\b|&|/)\s*")


def _dated_platforms(line: str) -> list[tuple[str, int, int]]:
    """The platforms a heading's dated bracket lists, each with its span in ``line`` (all of the list must be
    platforms, else none)."""
    m = _DATED_BRACKET.search(line)
    if m is None:
        return []
    out = []
    pos = m.start("list")
    for part in _PLATFORM_SEP.split(m["list"]):
        i = line.find(part, pos)
        name = _platform(part.strip()) if part.strip() else None
        if name is None:
            return []
        out.append((name, i, i + len(part)))
        pos = i + len(part)
    return out


def _platform_list(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The platforms listed after a first one up to ``end`` (", Viki and Wavve"), each with its span; none
    unless every item is a platform."""
    rest = text[start:end].rstrip(" .")
    if not rest.strip():
        return []
    out = []
    pos = start
    for part in _PLATFORM_SEP.split(rest)[1:] if _PLATFORM_SEP.match(rest) else [None]:
        name = _platform(part.strip()) if part and part.strip() else None
        if name is None:
            return []
        i = text.find(part, pos)
        out.append((name, i, i + len(part)))
        pos = i + len(part)
    return out


# "Ryu Ji-an and Pyeon Seung-ho, 'Salt and Honey'": two or three people named in full, then a quoted title
_PEOPLE_LED = re.compile(rf"(?P<names>{TOK}(?:[ ]{TOK}){{1,2}}(?:(?:,[ ]|[ ](?:and|&)[ ]){TOK}(?:[ ]{TOK}){{1,2}})"
                         rf"{{1,2}}),"
                         rf"\s+[\"\u201c\u2018'](?P<t>[^\"\u201c\u201d\u2018\u2019\n]{{2,60}})[\"\u201d\u2019']")
_PERSON_IN_HEADING = re.compile(rf"{TOK}(?:[ ]{TOK}){{1,2}}")
_LISTING_SLOT = re.compile(r"\s*(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|AM|PM)\s*\|\s*(?P<p>[^|\n]{2,25}?)\s*\|"
                           r"|(?:Streaming|Editor(?:'s|\u2019s)|Our|Weekend|Bonus|Late-night)\s+pick\s*:)\s*")
_HEADING_SEASON = re.compile(r"(.+?),?\s+(?:[Ss]eason|SEASON)\s+(\d{1,2})")
# a ranked heading led or closed by one person: "8. A, 'S' (P)", "7. A — S (P)", "6. A in 'S' season 2 (P)",
# "4. A, S — P", "5. S (P): A" (a year's best performances, an actor's picks)
_R22_PERSON_LED = re.compile(rf"(?P<lead>\d{{1,2}}[.)]\s+)(?P<who>{TOK}(?:[ ]{TOK}){{1,2}})"
                             rf"(?P<sep>,[ ]|[ ][\u2013\u2014-][ ]|[ ]in[ ])(?=[\"\u201c\u2018'{UP}\d])")
_R22_PERSON_TAIL = re.compile(rf"(?<=\))(?P<sep>:[ ]|[ ][\u2013\u2014-][ ])(?P<who>{TOK}(?:[ ]{TOK}){{1,2}})$")
_R22_QUOTED_SEASON = re.compile(r"([\u2018\u201c\"'])([^\u2018\u2019\u201c\u201d\"\n]{2,60})([\u2019\u201d\"'])"
                                r"( (?:[Ss]eason|SEASON) \d{1,2})")


_R22_ADDRESS = frozenset("""queen king prince princess lady lord sir mr mrs ms miss dr doctor professor captain
detective officer agent inspector sergeant commander general director chairman chairwoman president judge
madam madame grandma grandpa uncle aunt chief coach manager minister mayor the""".split())


def _r22_heading_person(who: str, text: str, body: str = "") -> bool:
    """A heading's name that is a person's: Korean in either order ("Hong Ae-ri", "Min-gyu Chu"), or one whose
    family name the article also writes alone ("Ryo Takahara" ... "Takahara learned the language").  The section
    under the heading must speak of the person again (the full name, or a family name alone: "Yoo spends ..."):
    a villains list's "4. C in 'S'" heads a section about the actor who plays C."""
    words = who.split()
    if any(re.fullmatch(SMALL, w.lower()) for w in words) or platform_name(who) or words[0].lower() in _R22_ADDRESS:
        return False
    again = who in body or any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])(?![ ][{UP}])", body)
                               for w in (words[0], words[-1]) if len(w) > 1 and "-" not in w)
    if not again:
        return False
    if _person_like(who) or _person_like(" ".join(reversed(words))):
        return True
    last = words[-1]
    return len(last) > 2 and len(re.findall(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text)) >= 2 \
        and re.search(rf"(?<![\w-]){re.escape(' '.join(words[:-1]))}[ ]{re.escape(last)}", text) is not None \
        and len(re.findall(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text)) > text.count(who)


def _r22_family_name(title: str, text: str) -> bool:
    """One word that is the family name of a person the article names in full ("Netflix's Kwon is softer",
    after "Kwon Seo-rim"): a person, not a title."""
    return " " not in title.strip() and fold(title.strip()) in KOREAN_SURNAMES and re.search(
        rf"(?<![\w-]){re.escape(title.strip())}[ ][{UP}][a-z]+(?:-[a-z]+)?(?![\w-])", text) is not None


def _r22_unperson_heading(line: str, text: str, body: str) -> tuple[str, tuple[str, int, int] | None]:
    """A ranked heading with its one person blanked out (same length, so offsets hold) and the person with
    its span in the line; a quoted title before "season N" gets its closing quote after the number."""
    person = None
    m = _R22_PERSON_LED.match(line)
    if m is not None and _r22_heading_person(m["who"], text, body):
        person = (m["who"], m.start("who"), m.end("who"))
        line = line[:m.start("who")] + " " * (m.end("sep") - m.start("who")) + line[m.end("sep"):]
    else:
        m = _R22_PERSON_TAIL.search(line)
        if m is not None and re.match(r"\d{1,2}[.)]\s", line) and _r22_heading_person(m["who"], text, body):
            person = (m["who"], m.start("who"), m.end("who"))
            line = line[:m.start()] + " " * (m.end() - m.start())
    if person is not None:
        q = _R22_QUOTED_SEASON.search(line)
        if q is not None:
            line = line[:q.start(3)] + q[4] + q[3] + line[q.end():]
    return line, person


@lru_cache(maxsize=4096)
def clean_title(raw: str) -> str | None:
    """Trim a captured title to its plausible extent, or None when it is not a title."""
    tokens = raw.split()
    while tokens and tokens[0].lower() in _LEAD:
        tokens.pop(0)
    out: list[str] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low == "and" and i + 1 < len(tokens) and re.fullmatch(SMALL, tokens[i + 1].lower()):
            break  # "Objection Ten and from Disney+'s ...": the title ended before "and from"
        if low == "with" and out and _person_like(" ".join(tokens[i + 1:i + 3]).rstrip(".,;")):
            break  # "the tvN drama Moonlit Garden with Go Ara-mi": the title ended before its co-star
        if low in ("season", "seasons") and i == len(tokens) - 1 and i >= 1 and tok[0] == "S":
            out.append(tok)  # "Dry Season", "Cherry Season": the last word of a title, not a season's number
            break
        if low == "season" and out and tok[0] == "S" and i + 1 < len(tokens) and tokens[i + 1][:1].isupper() \
                and to_number(tokens[i + 1]) is None and tokens[i + 1].lower() not in _TITLE_CUT | _NOT_AFTER_SEASON:
            out.append(tok)  # "Wedding Season Strikes Back": a word of the title before more of it, no number
            continue
        if low in _TITLE_CUT and not (out and out[-1].lower() in _TITLE_LINKS and tok[0].isupper()) \
                or platform_name(tok):
            break  # ("Orchard of Stars", "Love from the Star": after "of" or "the" the word is the title's)
        out.append(tok)
        if tok.startswith("#"):
            break
    if len(out) > 2 and re.fullmatch(r"(?:19|20)\d\d", out[-1]) and out[-2] in ("in", "from", "since"):
        del out[-2:]  # "Blue Hour in 2022": the year the sentence dates the show by
    while out and re.fullmatch(SMALL, out[-1]):
        out.pop()
    if not out or len(out) > 8 or not (out[0][0].isupper() or out[0][0].isdigit()):
        return None
    title = " ".join(out)
    if title.lower() in NOT_TITLE or all(t.lower() in NOT_TITLE for t in out):
        return None
    if len(out) == 1 and "-" in title and all(part.lower() in _DEMONYMS or part.lower() in NOT_TITLE
                                              for part in title.split("-")):
        return None  # "Apple TV+'s Korean-American saga", "SBS's new Friday-Saturday drama": no title
    if _SUFFIX_BAD.search(out[-1]) or (len(out) == 1 and out[0].isupper() and len(out[0]) > 1):
        return None
    if len(out) == 1 and out[0].isdigit():
        return None
    owner = next((i for i, t in enumerate(out[:-1]) if t.endswith(("'s", "\u2019s"))), None)
    if owner is not None and _person_like(" ".join(out[owner + 1:])):
        return None  # "The Uncanny Counter's Jo Byeong-gyu": a show's actor, not a title
    return title


def _r23_recase(caps: str, book: ShowBook) -> str:
    """An all-capitals heading's title as a show's title: a known show's spelling where one has its words
    ("TOKYO NIGHT FERRY SEASON 2" -> "Tokyo Night Ferry season 2"), else each word capitalised but the small
    ones ("THE JADE PAVILION" -> "The Jade Pavilion")."""
    season = _HEADING_SEASON.fullmatch(caps)
    base = season[1] if season else caps
    known = book.plain.get(title_key(base))
    if known is not None and not known.title.isupper():
        spelled = known.title
    else:
        words = base.lower().split()
        spelled = " ".join(w if k and re.fullmatch(SMALL, w) else w[:1].upper() + w[1:] for k, w in enumerate(words))
    return f"{spelled} season {season[2]}" if season else spelled


def _paragraph_end(text: str, start: int) -> int:
    """Where the paragraph holding ``start`` (a label line and the lines under it) ends."""
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday weekend january february march april
may june july august september october november december""".split())


def quoted_title(raw: str) -> str | None:
    """A title its quotes close: "on" before capitalised words that name no platform stays inside it
    ('Little Noodle Shop on Heping Road'), where an unquoted capture ends at it ("S on Netflix")."""
    title = clean_title(raw)
    words = raw.split()
    if title is None or "on" not in words or len(words) > 8:
        return title
    k = words.index("on")
    rest = words[k + 1:]
    if title == " ".join(words[:k]) and rest and all(w[0].isupper() for w in rest) \
            and PLATFORM_RE.search(" ".join(rest)) is None \
            and (clean_title(" ".join(rest)) == " ".join(rest) or all(w.lower() in _CALENDAR for w in rest)):
        return " ".join(words)  # ('Rain on Sunday': a day is no title alone, but it ends this one)
    return title


def _tail_title(raw: str) -> str | None:
    """The title at the end of a headline span ("Netflix's Hit Drama The Glory" -> "The Glory")."""
    tokens = raw.split()
    for i in range(len(tokens) - 1, -1, -1):
        low = tokens[i].lower().strip("'\u2019")
        if low.endswith(("'s", "\u2019s")) and i > 0 and tokens[i - 1] == "The":
            tokens = tokens[i - 1:]  # "The Ferryman's Daughter": the possessive is the title's own
            break
        if low.endswith(("'s", "\u2019s")) and i > 1 and tokens[i - 2] == "The" and tokens[i - 1][:1].isupper():
            tokens = tokens[i - 2:]  # "The Lighthouse Keeper's Ledger"
            break
        if low in _TITLE_CUT or low.endswith(("'s", "\u2019s")) or platform_name(tokens[i]):
            tokens = tokens[i + 1:]
            break
    return clean_title(" ".join(tokens)) if tokens else None


def _person_like(title: str) -> bool:
    """A Korean-style personal name ("Yoon Ha-rin", "Han So Hee"): never read as a title by shape alone."""
    words = title.split()
    return 2 <= len(words) <= 3 and fold(words[0]) in KOREAN_SURNAMES and (
        "-" in words[-1] or len(words) == 3 or len(words[-1]) <= 4)


def _title_like(text: str) -> bool:
    """A quoted string that reads as a title (every content word capitalised), not a quotation."""
    words = text.split()
    if not 1 <= len(words) <= 8 or text[-1] in ".,!?;:":
        return False
    return all(w[0].isupper() or w[0].isdigit() or re.fullmatch(SMALL, w) or w[0] in "#&" for w in words)


@dataclass
class Show:
    title: str
    series: str | None = None
    number: int | None = None
    forms: set[str] = field(default_factory=set)  # other ways the article wrote it
    score: float = 0.0


class ShowBook:
    """The shows an article names, keyed by ``title_key``, and the main one."""

    def __init__(self, text: str, sents: Sentences) -> None:
        self.text = text
        self.sents = sents
        self.plain: dict[str, Show] = {}           # title key -> show without a season
        self.seasons: dict[tuple[str, int], Show] = {}  # (series key, number) -> season show
        self.style: dict[str, str] = {}           # series key -> "#", "season" or "part"
        self.main: Show | None = None
        self.raws: list[Raw] = []
        # listicle sections: (heading start, show, heading platform and its span) in text order
        self.sections: list[tuple[int, Show, tuple[str, int, int] | None]] = []
        self._section_starts: list[int] = []
        self._section_ends: list[int] = []  # paragraph sections end with their paragraph
        self.heading_platforms: list[tuple[str, int, int]] = []  # platforms after a date in a heading's bracket
        # people a heading names before its quoted title ("5. A and B, 'S' (P)"): (name, start, end)
        self.heading_people: list[tuple[str, int, int]] = []
        self.r22_vetted: set[str] = set()  # heading people read as persons by _r22_heading_person
        self._find()

    # -- reading titles -----------------------------------------------------------------------------

    def _trusted(self, title: str, pos: int) -> str | None:
        """Titles read inside a title-case headline are cut to a prefix that the body also uses."""
        sent = self.sents.at(pos)
        if sent is None or not sent.headline or title.startswith(("#",)) or "#" in title:
            return title
        words = title.split()
        low = self.sents.low
        for n in range(len(words), 0, -1):
            prefix = " ".join(words[:n])
            if low.count(prefix.lower()) > 1 and clean_title(prefix):
                # the body's spelling: headlines capitalise every word ("Crown Of Thorns")
                i = low.find(prefix.lower(), sent.end) if self.sents.low_same else -1
                return self.text[i: i + len(prefix)] if i >= 0 and clean_title(self.text[i: i + len(prefix)]) \
                    else prefix
        return None

    def _plain(self, title: str, weight: float) -> Show:
        key = title_key(title)
        show = self.plain.get(key)
        if show is None:
            show = self.plain[key] = Show(title)
        show.score += weight
        return show

    def _season(self, base: str, number: int, style: str, surface: str, weight: float) -> Show:
        skey = title_key(base)
        self.style.setdefault(skey, style)
        show = self.seasons.get((skey, number))
        if show is None:
            show = self.seasons[(skey, number)] = Show(self._season_title(base, number, skey), base, number)
        show.forms.add(surface)
        show.score += weight
        return show

    def _season_title(self, base: str, number: int, skey: str) -> str:
        style = self.style.get(skey, "season")
        if style == "#":
            return f"{base} #{number}"
        return f"{base} Part {number}" if style == "part" else f"{base} season {number}"

    def _find(self) -> None:
        found: list[tuple[str, int, str, str, int]] = []
        for m in self.sents.finditer(_SEASON, _W_SEASON):
            base = clean_title(m["base"])
            if not base or "#" in base:
                continue
            if m["hash"]:
                number, style = int(m["hash"]), "#"
            elif m["season"]:
                number, style = to_number(m["season"]), "season"
            elif m["partn"]:
                number, style = int(m["partn"]), "part"
            else:
                number, style = int(m["s"]), "season"
            if number is None or number > 30 or self._trusted(base, m.start()) != base:
                continue
            found.append((base, number, style, m.group().strip("\"\u201c\u2018\u201d\u2019"), m.start()))
        if any(w in self.sents.low for w in ("renew", "picked up", "order", "green", "season of")):
            for m in self.sents.finditer(_RENEWED, ("renew", "picked up", "order", "green", "confirm", "announc")):
                base = clean_title(m["t"] or m["t2"] or m["t3"])
                number = ORDINALS.get((m["o"] or m["o2"]).lower())
                if base and "#" not in base and number and 1 < number <= 30 and not _person_like(base):
                    found.append((base, number, "season", base, m.start()))
        # "Title #2" alone is just a title; it is a season when the article speaks of seasons or numbers
        # more than one instalment.
        seasonal = any(w in self.sents.low for w in _SEASONAL_WORDS)
        numbers: dict[str, set[int]] = {}
        for base, number, _, _, _ in found:
            numbers.setdefault(title_key(base), set()).add(number)
        for base, number, style, surface, _ in found:
            if style == "#" and not seasonal and len(numbers[title_key(base)]) == 1:
                self._plain(f"{base} #{number}", 2.0)
            else:
                self._season(base, number, style, surface, 2.0)
        matches = [m for m in self.sents.finditer(_QUOTED, _W_QUOTES) if _title_like(m["q"].strip())]
        quoted = {m.start("q") for m in matches}
        matches += self.sents.finditer(_LABELLED, _W_LABELS)
        matches += self.sents.finditer(_PLATFORM_TITLE, PLATFORM_WORDS + ("watch",), PLATFORM_STARTS + ("watch",))
        for m in matches:
            groups = m.groupdict()
            key = next((k for k in ("q", "lab", "pos", "watch") if groups.get(k)), None)
            if key is None or (key != "q" and m.start(key) in quoted):
                continue  # "KBS2's drama 'Three Daughters, One Roof'": the quotes tell where the title ends
            raw = groups[key].strip()
            title = quoted_title(raw) if key == "q" else clean_title(raw)
            if title and "#" not in title and groups.get("lab"):
                title = self._trusted(title, m.start())
            if title and "#" not in title and not self._is_series(title) \
                    and not (key == "pos" and _r22_family_name(title, self.text)):
                self._plain(title, 1.5)
        for sent in self.sents.items[:4]:
            m = _HEAD_REVIEW.match(self.text, sent.start, sent.end)
            title = _tail_title(m["t"] or m["t2"]) if m else None
            numbered = _NUMBERED_TITLE.fullmatch(title) if title and seasonal else None
            if numbered and clean_title(numbered[1]) == numbered[1] and 1 < int(numbered[2]) <= 30:
                # "Harbor Detectives 2 review" in an article that speaks of seasons: the second season
                self._season(numbered[1], int(numbered[2]), "season", title, 3.0)
            elif title and "#" not in title and not self._is_series(title):
                self._plain(title, 3.0)
        for m in self.sents.finditer(_APPOSITION, (", a ", ", an ", ", the ")):
            if _PLACE_FIRST.match(m["t"]) or self.text[m.start() - 1: m.start()].isalnum():
                # "In South Korea, the drama airs ...": a place that opens the sentence; "tvN, the drama":
                # the end of a word
                continue
            title = clean_title(m["t"])
            if title and "#" not in title and not self._is_series(title) and not _person_like(title):
                self._plain(title, 1.0)
        for m in self.sents.finditer(_SUBJECT, _W_EPISODES[:3]):
            title = clean_title(m["t"])
            if (title and "#" not in title and not self._is_series(title) and not _person_like(title)
                    and self._trusted(title, m.start())):
                self._plain(title, 1.0)
        for m in self.sents.finditer(_STREAM, _W_STREAM):
            title = clean_title(m["title"])
            if title and "#" not in title and not self._is_series(title) and self._trusted(title, m.start()):
                self._plain(title, 1.0)
        for m in self.sents.finditer(_FROM_PLATFORM, PLATFORM_WORDS):
            title = clean_title(m["title"])
            if title and "#" not in title and not self._is_series(title) and not _person_like(title) \
                    and _platform(m["p"]) and self._trusted(title, m.start()):
                self._plain(title, 1.0)
        if seasonal:
            self._find_numbered_quotes()
        self._drop_quoted_prefixes()
        self._find_sections()
        self._count_mentions()
        self._pick_main()
        self._find_captions()
        if not self.sections:
            self._find_subhead_sections()
        if not self.sections:
            self._find_paragraph_sections()
        if not self.sections:
            self._find_original_paragraphs()
        # a section headed by a series' bare title speaks of the season the article names
        self.sections = [(start, self.resolve(show.title) if self._is_series(show.title) else show, where)
                         for start, show, where in self.sections]

    def _drop_quoted_prefixes(self) -> None:
        """A title read short of its quotes ("Little Bakery" of 'Little Bakery on Cedar Lane', "Two Sons" of
        'Two Sons, One Farm') is no show of its own when it is never written outside the longer title."""
        longer = [show.title for show in self.plain.values() if " " in show.title]
        for key, show in list(self.plain.items()):
            homes = [t for t in longer if t != show.title and t.startswith(show.title)
                     and not t[len(show.title)].isalnum()]
            if not homes:
                continue
            alone = re.sub("|".join(re.escape(t) for t in homes), "", self.text)
            if re.search(rf"(?<!\w){re.escape(show.title)}(?!\w)", alone) is None:
                del self.plain[key]

    def _find_numbered_quotes(self) -> None:
        """"'S' vs 'S 2'" in an article that speaks of seasons: a known title quoted with a number after it is
        that season of the show ("The Cure 2" alone, with no seasons spoken of, is a title of its own)."""
        for key, show in list(self.plain.items()):
            if len(self.text) > 100 and self.text.count(show.title) < 2:
                continue
            for m in re.finditer(rf"{re.escape(show.title)} (\d{{1,2}})[\"\u201d\u2019']", self.text):
                before = self.text[m.start() - 1: m.start()]
                number = int(m[1])
                if before in "\"\u201c\u2018'" and 1 < number <= 30 and key in self.plain:
                    self._season(show.title, number, "season", m.group()[:-1], 2.0)

    def _find_sections(self) -> None:
        """Roundups: lines that are a title alone ("1. The Salt Palace (Netflix)", "Ironwood (HBO Max)", or a bare
        title with a "Where to watch:" line under it) head a section about that show.  Two such headings at
        least: one title on a line of its own is no listicle."""
        if "\n" not in self.text:
            return
        found = []
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", self.text)]
        for k, (start, line) in enumerate(lines[1:], 1):
            # a TV listing's line opens with its slot: "9.10pm | JTBC | Iron Orchard (episode 5 of 12)",
            # "Streaming pick: Glass Bell (Netflix)"; the rest is read as a heading
            line_start = start  # a section opens with its line, the slot included
            slot = _LISTING_SLOT.match(line)
            slot_platform = _platform(slot["p"]) if slot is not None and slot["p"] else None
            if slot is not None and (slot["p"] is None or slot_platform):
                start, line = start + slot.end(), line[slot.end():]
            else:
                slot = None
            people: list[tuple[str, int, int]] = []
            if line[:1].isdigit() and any(c.isupper() for c in line[3:]):
                below = self.text[start + len(line): start + len(line) + 1500]
                below = below[:m_next.start()] if (m_next := re.search(r"\n\d{1,2}[.)]\s", below)) else below
                line, one = _r22_unperson_heading(line, self.text, below)
                if one is not None:
                    people.append((one[0], start + one[1], start + one[2]))
                    self.r22_vetted.add(one[0])
            m = _HEADING.match(line.strip())
            if m is None:
                continue
            led = _PEOPLE_LED.fullmatch(m["t"].strip()) if m["n"] else None
            if led is not None:
                # "5. A and B, 'S' (P)": a ranked pairing; the heading's people are cast in S
                t0 = start + (len(line) - len(line.lstrip())) + m.start("t")
                for part in re.finditer(_PERSON_IN_HEADING, led["names"]):
                    people.append((part.group(), t0 + part.start(), t0 + part.end()))
                title = led["t"].strip()
            else:
                title = m["t"].strip().strip("\"\u201c\u2018\u201d\u2019").strip()
            if len(title) > 2 and title[0] == title[-1] == "'":
                title = title[1:-1].strip()  # "1. 'Romanised Title' - MBC": straight single quotes
            was_quoted = title != m["t"].strip() or (len(m["t"].strip()) > 2 and m["t"].strip()[0] == "'")
            # "5. Pine Ridge season 2 (Viki)": a heading may name a season of its show
            season = _HEADING_SEASON.fullmatch(title)
            base = season[1] if season else title
            if not _title_like(base) or _person_like(base) \
                    or (quoted_title(base) if was_quoted else clean_title(base)) != base:
                continue
            if season is None and (quoted_title(title) if was_quoted else clean_title(title)) is None:
                continue
            platform = m["p"] or m["p2"]
            more: list[tuple[str, int, int]] = []
            if slot is not None and slot_platform:
                if platform and not _platform(platform.strip()):
                    platform = None  # "(episode 5 of 12)": the slot's platform is the show's
                if platform is None:
                    a = slot.start("p") - slot.end()  # relative to the rest of the line
                    more = [(slot_platform, a, a + len(slot["p"]))]
            if platform and not _platform(platform.strip()):
                if m["p2"]:
                    continue  # "Title - a subtitle" is no heading of a show on a platform
                platform = None
                more = _dated_platforms(line)
            if more:
                # "1. S (January 3, Netflix)", "(January 14, tvN and TVING)": the platforms after the date
                self.heading_platforms += [(name, start + a, start + b) for name, a, b in more]
            if not m["n"] and not platform and not more:
                following = lines[k + 1][1] if k + 1 < len(lines) else ""
                if not _INFO_PLATFORM.match(following.strip()):
                    continue
            offset = start + (len(line) - len(line.lstrip()))
            where = None
            if platform:
                platform = platform.strip()
                p_start = offset + line.strip().find(platform, m.end("t"))
                where = (_platform(platform), p_start, p_start + len(platform))
            self.heading_people += people
            opens = line_start if slot is not None else offset
            if people:
                offset = start + line.find(title, m.start("t"))  # the title after the people
            # (the heading as read: a person blanked out, a quote moved after "season N")
            written = title in line[offset - start: offset - start + len(title) + 16]
            found.append((offset, title, where, season, opens, written))
        if len(found) < 2:
            return
        for offset, title, where, season, opens, written in found:
            shown = title
            if title.isupper():
                # "THE GLASS ORCHARD" over a "Where: P" line: the show in the case the rest of the page writes
                # it, else in title case
                season = _HEADING_SEASON.fullmatch(_r23_recase(title, self)) if season is not None else None
                title = season[0] if season is not None else _r23_recase(title, self)
            if season is not None and 1 <= int(season[2]) <= 30:
                show = self._season(season[1], int(season[2]), "season", title, 1.0)
            else:
                show = self.plain.get(title_key(title)) or self._plain(title, 0.0)
                show.score += 1.0
            if not written and shown not in self.text[offset:offset + len(shown) + 16]:  # (after "3. ", "Monday: ")
                continue
            self.sections.append((opens, show, where))
        self._section_starts = [start for start, _, _ in self.sections]

    def _find_captions(self) -> None:
        """Photo captions on lines of their own that name one show: (line start, line end, end of the paragraph
        under it, show)."""
        self.captions: list[tuple[int, int, int, Show]] = []
        if "[" not in self.text and "(" not in self.text and " from " not in self.text:
            return
        lines = list(re.finditer(r"[^\n]+", self.text))
        for k, m in enumerate(lines[:-1]):
            if len(m.group()) > 160 or not CAPTION_MARK.search(m.group()):
                continue
            shows = {id(show): show for _, show in self.in_sentence(m.start(), m.end())}
            if len(shows) == 1:
                self.captions.append((m.start(), m.end(), lines[k + 1].end(), next(iter(shows.values()))))

    def _find_subhead_sections(self) -> None:
        """News roundups: short lines with no closing stop between paragraphs ("'Iron Bell' gets a second season",
        "Kim Ha-na joins 'Salt Road'") each head the paragraphs under them, up to the next such line; one that
        names one show makes them a section about it.  Two such sections about two shows at least."""
        found: list[tuple[int, int, Show | None]] = []   # (line start, line end, the one show it names)
        lines = list(re.finditer(r"[^\n]+", self.text))
        for k in range(1, len(lines) - 1):
            m = lines[k]
            line = m.group().strip()
            kicker = _KICKER.fullmatch(line) is not None
            if len(line) > 90 or (len(line.split()) < 2 and not kicker) or line[-1] in ".!:;,\u2026" \
                    or not self.text.startswith("\n", m.start() - 1) \
                    or not (kicker or self.text.startswith("\n\n", m.start() - 2)) \
                    or not (kicker or self.text.startswith("\n\n", m.end())):
                continue  # not a line standing between blank lines on its own, or a sentence
            shows = {id(show): show for _, show in self.in_sentence(m.start(), m.end())}
            if kicker and not shows:
                # a news brief under a label ("RENEWED", "CASTING NEWS"): the one show its first sentence
                # names is the brief's
                sent = self.sents.at(lines[k + 1].start())
                if sent is not None:
                    shows = {id(show): show for _, show in self.in_sentence(sent.start, sent.end)}
            found.append((m.start(), m.end(), next(iter(shows.values())) if len(shows) == 1 else None))
        named = [(start, end, show) for start, end, show in found if show is not None]
        if len({title_key(show.title) for _, _, show in named}) < 2:
            return
        ends = [start for start, _, _ in found[1:]] + [len(self.text)]
        briefs = [start for start, _, _ in found if _KICKER.fullmatch(self.text[start:self.text.find("\n", start)])]
        if len(briefs) >= 2:
            # a page of briefs: each ends with its paragraph, and a paragraph whose label was lost is a brief
            # about the one show its first sentence names
            ends = [min(end, _paragraph_end(self.text, start)) for (start, _, _), end in zip(found, ends, strict=True)]
            for m in re.finditer(r"(?<=\n\n)[^\n]+", self.text):
                sent = self.sents.at(m.start())
                if any(start <= m.start() < end for (start, _, _), end in zip(found, ends, strict=True)) \
                        or sent is None:
                    continue
                shows = {id(show): show for _, show in self.in_sentence(sent.start, sent.end)}
                if len(shows) == 1:
                    found.append((m.start(), m.end(), next(iter(shows.values()))))
                    ends.append(m.end())
            order = sorted(range(len(found)), key=lambda k: found[k][0])
            found, ends = [found[k] for k in order], [ends[k] for k in order]
        for (start, _, show), end in zip(found, ends, strict=True):
            if show is not None:
                self.sections.append((start, show, None))
                self._section_ends.append(end)
        self._section_starts = [start for start, _, _ in self.sections]

    def _find_paragraph_sections(self) -> None:
        """Roundups without headings: paragraphs that open with a show as their subject ("tvN's Night Ferry is
        ...", "Finally, Paper Cranes ...") speak of that show until the paragraph ends.  Three such paragraphs
        about three different shows at least, so a review that opens one paragraph with an earlier work keeps
        its own show."""
        found: list[tuple[int, int, Show]] = []
        captions = {start: (below, show) for start, _, below, show in self.captions}
        for m in re.finditer(r"[^\n]+", self.text):
            if m.start() in captions:
                # a caption naming one show: it and the paragraph under it are that show's section
                found.append((m.start(), *captions[m.start()]))
                continue
            sent = self.sents.at(m.start())
            if sent is None or sent.headline:
                continue
            # (a lead-in is short: the show is looked for in the line's first words only)
            named = self.in_sentence(sent.start, min(sent.end, m.end(), sent.start + 120))
            if not named:
                continue
            pos, show = named[0]
            if _LEAD_IN.fullmatch(self.text[sent.start:pos]):
                found.append((m.start(), m.end(), show))
        if len({title_key(show.title) for _, _, show in found}) < 3:
            return
        for start, end, show in found:
            self.sections.append((start, show, None))
            self._section_ends.append(end)
        self._section_starts = [start for start, _, _ in self.sections]

    def _find_original_paragraphs(self) -> None:
        """A remake's news: a paragraph opening "The original 'S' aired on Fuji TV ..." speaks of the work
        remade (its cast, crew and seasons) until the paragraph ends, not of the show the article is about."""
        if "original" not in self.text or self.main is None:
            return
        for m in re.finditer(r"[^\n]+", self.text):
            lead = _ORIGINAL_LEAD.match(self.text, m.start(), m.end())
            if lead is None:
                continue
            named = self.in_sentence(lead.end(), min(m.end(), lead.end() + 80))
            if named and named[0][0] == lead.end() and named[0][1] is not self.main:
                self.sections.append((m.start(), named[0][1], None))
                self._section_ends.append(m.end())
        self._section_starts = [start for start, _, _ in self.sections]

    def section_at(self, pos: int) -> Show | None:
        """The show of the listicle section holding ``pos`` (None outside sections)."""
        k = bisect_right(self._section_starts, pos) - 1
        if k < 0 or (self._section_ends and pos >= self._section_ends[k]):
            return None
        return self.sections[k][1]

    def r22_topic_at(self, pos: int) -> Show | None:
        """The show a paragraph turns to in its opening words ("Then there is S, which ...", "Turning to S",
        "As for S", "Which brings us to S"): its facts that name no show are that show's (None elsewhere, and in
        roundups, whose sections already say)."""
        if self.sections:
            return None
        topics = getattr(self, "_r22_topics", None)
        if topics is None:
            topics = self._r22_topics = []
            for m in _R22_TOPIC_TURN.finditer(self.text):
                named = self.in_sentence(m.end(), min(len(self.text), m.end() + 80))
                if named and named[0][0] <= m.end() + 1:
                    topics.append((m.start(), _paragraph_end(self.text, m.start()), named[0][1]))
        return next((show for start, end, show in topics if start <= pos < end), None)

    def at(self, pos: int) -> Show | None:
        """The show a fact at ``pos`` that names none is about: its section's, else the main one."""
        return self.section_at(pos) or self.main

    def anaphor_at(self, pos: int) -> Show | None:
        """The show "The comedy" or "Its writer" opening the sentence at ``pos`` points back to: the one show the
        sentence before, in the same paragraph, named as its subject ("In the same slot, KBS2's 'S' slipped ...
        The comedy stars A"); None where that is not so (the caller keeps its usual reading)."""
        sents = self.sents
        k = sents.index_at(pos)
        if k < 1:
            return None
        sent, prev = sents.items[k], sents.items[k - 1]
        if not _ANAPHOR.match(self.text, sent.start, sent.end) or "\n" in self.text[prev.start:sent.start]:
            return None
        named = self.in_sentence(prev.start, prev.end)
        if not named and k >= 2 and _ANAPHOR.match(self.text, prev.start, prev.end):
            # "S wrapped filming. In it A plays C. The series also stars B": the chain points back to S
            sent, prev = prev, sents.items[k - 2]
            if "\n" in self.text[prev.start:sent.start]:
                return None
            named = self.in_sentence(prev.start, prev.end)
        if len({id(show) for _, show in named}) != 1:
            return None
        start, show = named[0]
        lead = _SUBJECT_LEAD.fullmatch(self.text, prev.start, start) or _INVERTED_LEAD.fullmatch(
            self.text, prev.start, start)
        return show if lead else None

    def season_lead(self, pos: int) -> Show | None:
        """The season a sentence opening "Season one followed ..." or "The first season's ..." speaks of, in an
        article about another season of that series; "It"/"Its" right after such a sentence means it too. The
        series is the one in scope: a roundup's item about a renewal speaks of its own show's first season."""
        main = self.at(pos)
        if main is None or main.series is None:
            return None
        sents = self.sents
        k = sents.index_at(pos)
        if k < 0:
            return None
        sent = sents.items[k]
        m = _SEASON_LEAD.match(self.text, sent.start, sent.end)
        if m is None and k >= 1 and _IT_LEAD.match(self.text, sent.start, sent.end):
            prev = sents.items[k - 1]
            if "\n" not in self.text[prev.start:sent.start]:
                m = _SEASON_LEAD.match(self.text, prev.start, prev.end)
        if m is None:
            return None
        number = to_number(m["n"]) if m["n"] else ORDINALS.get(m["o"].lower())
        if not number:
            return None
        for other in _OTHER_SEASON.finditer(self.text, m.end(), max(m.end(), pos)):
            said = other["n"] or other["o"]
            if said is None or (to_number(said) if other["n"] else ORDINALS.get(said.lower())) != number:
                return None
        return self.sibling(main, number)

    def _is_series(self, title: str) -> bool:
        key = title_key(title)
        return any(skey == key for skey, _ in self.seasons)

    def _count_mentions(self) -> None:
        text = self.text
        first = self.sents.items[0].text if self.sents.items else ""
        for show in self.plain.values():
            n = len(_mentions(text, show.title))
            show.score += n + (3 if show.title in first else 0)
            if len(self.plain) > 1 and "of" in text and _source_work(text, show.title):
                # "the Korean remake of Japanese hit 'S'": the work remade is not what the article is about
                show.score -= 3 + n
        for (skey, number), show in self.seasons.items():
            base = show.series or ""
            forms = _mentions(text, base, _season_suffix(number))
            for form in forms:
                show.forms.add(form)
            show.score += len(forms) + (3 if any(f in first for f in forms) else 0)
            bare = self.plain.pop(skey, None)  # the bare series title counts for its season
            if bare is not None:
                show.score += bare.score / 2

    def _pick_main(self) -> None:
        shows = list(self.plain.values()) + list(self.seasons.values())
        if shows:
            self.main = max(shows, key=lambda s: (s.score, -self.text.find(s.title)))

    # -- resolving ----------------------------------------------------------------------------------

    def resolve(self, surface: str | None) -> Show | None:
        """The show a surface title names (a bare series name means its best-known season)."""
        if surface is None:
            return self.main
        m = _NUMBERED.fullmatch(title_key(surface))  # a season's own title ("X season 1"), as rules name it
        if m and (m[1], int(m[2])) in self.seasons:
            return self.seasons[(m[1], int(m[2]))]
        exact = self.plain.get(title_key(surface.strip("\"\u201c\u2018\u201d\u2019 ")))
        if exact is not None:
            return exact  # a title its quotes closed ('Little Bakery on Cedar Lane'), as the book holds it
        title = clean_title(surface.strip("\"\u201c\u2018\u201d\u2019 "))
        if not title:
            return None
        key = title_key(title)
        m = _NUMBERED.fullmatch(key)
        if m and (title_key(m[1]), int(m[2])) in self.seasons:
            return self.seasons[(title_key(m[1]), int(m[2]))]
        seasons = [s for (skey, _), s in self.seasons.items() if skey == key]
        if seasons:
            main = self.main
            return main if main in seasons else max(seasons, key=lambda s: s.score)
        return self.plain.get(key) or self._plain(title, 0.0)

    def sibling(self, show: Show, number: int) -> Show | None:
        """Another season of ``show``'s series (created on demand, named as the article names seasons)."""
        if show.series is None or number < 1 or number == show.number:
            return None
        skey = title_key(show.series)
        found = self.seasons.get((skey, number))
        if found is None:
            found = self.seasons[(skey, number)] = Show(self._season_title(show.series, number, skey),
                                                        show.series, number)
        return found

    def known(self, surface: str) -> bool:
        key = title_key(surface)
        return key in self.plain or any(skey == key for skey, _ in self.seasons) or any(
            title_key(s.title) == key for s in self.seasons.values())

    def in_sentence(self, start: int, end: int) -> list[tuple[int, Show]]:
        """Known shows written inside ``[start, end)``, in order."""
        chunk = self.text[start:end]
        found: list[tuple[int, Show]] = []
        for show in list(self.plain.values()) + list(self.seasons.values()):
            first = -1  # where the show is first written, whichever spelling (the forms are a set: no order)
            for form in {show.title, *show.forms, *([show.series] if show.series else [])}:
                i = chunk.find(form)
                while i >= 0 and (chunk[i + len(form): i + len(form) + 1].isalnum()
                                  or self.text[start + i - 1: start + i].isalnum()):
                    i = chunk.find(form, i + 1)  # inside a longer word ("N" in "tvN")
                if i >= 0 and (first < 0 or i < first):
                    first = i
            if first >= 0:
                found.append((start + first, show))
        found.sort(key=lambda x: x[0])
        return found


_REMAKE_OF = re.compile(r"\b(?:remake|adaptation|reboot|version)\s+of\s+(?:(?:the|a|an|its)\s+)?"
                        r"(?:[\w+'\u2019-]+\s+){0,4}?[\"\u201c\u2018]?$", re.IGNORECASE)


def _source_work(text: str, title: str) -> bool:
    """The title is first named as the work another show remakes or adapts ("remake of Japanese hit 'S'")."""
    i = text.find(title)
    return i > 0 and _REMAKE_OF.search(text, max(0, i - 60), i) is not None


def _mentions(text: str, title: str, suffix: re.Pattern[str] | None = None) -> list[str]:
    """``re.findall(rf"(?<![\\w#]){re.escape(title)}{suffix}(?![\\w#])", text)``, found with ``str.find``."""
    if not title:
        return re.findall(rf"(?<![\w#]){suffix.pattern if suffix else ''}(?![\w#])", text)
    out: list[str] = []
    size, find = len(title), text.find
    i = find(title)
    while i >= 0:
        end = i + size
        if i and (text[i - 1].isalnum() or text[i - 1] in "_#"):
            i = find(title, i + 1)
            continue
        if suffix is not None:
            m = suffix.match(text, end)
            if m is None:
                i = find(title, i + 1)
                continue
            end = m.end()
        elif end < len(text) and (text[end].isalnum() or text[end] in "_#"):
            i = find(title, i + 1)
            continue
        out.append(text[i:end])
        i = find(title, end)
    return out


@lru_cache(maxsize=64)
def _season_suffix(number: int) -> re.Pattern[str]:
    """What follows a series title to name its season ``number`` ("season 2", " #2", " Part 2", " 2")."""
    return re.compile(rf"[\u201d\u2019\"]?[ ]?(?:#[ ]?{number}|(?i:season)[ ](?:{number}|{_word(number)})"
                      rf"|Part[ ]{number}|{number})(?![\w#])")


_NUMBERED_TITLE = re.compile(r"(.+?) (\d{1,2})")
_NUMBERED = re.compile(r"(.+?) (?:#|season |part )?(\d{1,2})")


def _word(number: int) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
    return words.get(number, str(number))


# --- platforms, seasons, episodes ------------------------------------------------------------------------

# (rule, confidence, pattern, the words a match starts with)
_PLATFORM_RULES = [
    ("platform.label", 0.9, PLATFORM_STARTS, _needs_platform(re.compile(
        rf"(?P<p>{PLATFORM})(?:'s|\u2019s)?\s+(?:(?:{_ADJ})\s+)*{_LABEL}(?:\s+(?i:review))?:?\s+{_QO}?(?P<t>{TITLE})"))),
    # "the SBS high-school drama 'S'", "the Disney+ crime series 'S'": a genre word before the kind, quoted title
    ("platform.label", 0.85, PLATFORM_STARTS, _needs_platform(re.compile(
        rf"(?P<p>{PLATFORM})\s+(?:(?!(?:and|or|the|a|an|to|in|on|with|but|from|by|is|was|has|had)\s)[a-z][\w-]*\s+)"
        rf"{{0,2}}(?:{_LABEL}|[Cc]omedy|[Mm]elodrama)\s+\u2018(?P<t>{TITLE})\u2019"))),
    # "best known for the tvN comedy Happy Bakery", "on the JTBC mystery Red Room": a work named in passing with
    # its platform before the kind, no quotes (a name there is a person's, see platform_facts)
    ("platform.label_bare", 0.75, ("the",), _needs_platform(re.compile(
        rf"\b[Tt]he\s+(?P<p>{PLATFORM})\s+(?:(?!(?:and|or|the|a|an|to|in|on|with|but|from|by|is|was|has|had)\s)"
        rf"[a-z][\w-]*\s+){{0,2}}(?:{_LABEL}|{_GENRE})\s+(?P<t>{TITLE})"))),
    # "KBS2's weekend drama Family Orchard": lower-case describing words between the possessive and the kind
    ("platform.possessive", 0.8, PLATFORM_STARTS, _needs_platform(re.compile(
        rf"(?P<p>{PLATFORM})(?:'s|\u2019s)\s+(?:(?!(?:and|or|the|a|an|to|in|on|with|but|from|by)\s)[a-z][\w-]*\s+){{1,2}}"
        rf"(?:{_LABEL}|{_GENRE})\s+{_QO}?(?P<t>{TITLE})"))),
    ("platform.possessive", 0.8, PLATFORM_STARTS, _needs_platform(re.compile(
        rf"(?P<p>{PLATFORM})(?:'s|\u2019s)\s+(?:(?:{_ADJ}|{_LABEL})\s+)*{_QO}?(?P<t>{TITLE})"))),
    ("platform.watch_on", 0.85, ("watch",), _needs_platform(re.compile(
        rf"[Ww]atch\s+{_QO}?(?P<t>{TITLE}){_QC}?\s+(?:now\s+)?on\s+(?P<p>{PLATFORM}|Max\b)"))),
    # "He directed the short-form series 'S' for TVING": a quoted work made for a platform
    ("platform.made_for", 0.75, ("directed", "wrote", "penned", "made", "created", "helmed", "co-wrote",
                                 "co-directed", "starred", "headlined"), _needs_platform(re.compile(
        rf"(?:directed|wrote|penned|made|created|helmed|co-wrote|co-directed|starred\s+in|headlined)\s+"
        rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?\u2018(?P<t>{TITLE})\u2019\s+for\s+(?P<p>{PLATFORM})"))),
    # "Over on tvN, the legal drama 'S', ...": the platform that opens the sentence
    ("platform.over_on", 0.8, ("over on",), _needs_platform(re.compile(
        rf"[Oo]ver\s+on\s+(?P<p>{PLATFORM}),\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?:{_LABEL}|[Cc]omedy"
        rf"|[Mm]elodrama)\s+{_QO}?(?P<t>{TITLE})"))),
]
_ORIGINAL = _needs_platform(
    re.compile(rf"(?:\b(?:be|is|was|as)\s+|,\s+)an?\s+(?P<p>{PLATFORM})\s+(?i:original|exclusive)"))
_ON_PLATFORM = _needs_platform(re.compile(
    rf"\b(?:stream|streams|streaming|premiere|premieres|premiered|air|airs|aired|airing|released?|available"
    rf"|debuts?|debuted|drops?|dropped|lands?|landed|arrives?|arrived|wrap(?:s|ped)\s+up)\b[^.;\n]{{0,40}}?\b(?:on|via)\s+"
    rf"(?P<p>{PLATFORM}|Max\b)"))
# a sentence whose subject is the show's episodes
_EPISODES_LEAD = re.compile(rf"(?:(?:All|The|Its|New|Both)\s+)?(?:(?:{NUMBER}|new|remaining|final|last)\s+){{0,2}}"
                            rf"(?:(?:\d{{1,3}}-minute|hour-long)\s+)?episodes\b", re.IGNORECASE)
_CREDIT = _needs_platform(re.compile(
    rf"\b(?:Photo|Photos|Image|Credit|Still|Courtesy)\s*:\s*(?:[^/\n]{{0,40}}/\s*)?(?P<p>{PLATFORM})"))
_ANTHOLOGY = re.compile(rf"(?P<p>{PLATFORM})[^.\n]{{0,80}}?\b(?:its|their)\b[^.\n]{{0,60}}?\b"
                        r"(?:anthology|series|franchise)\b")
_CAPTION_CREDIT = re.compile(rf"^\[(?:Photo|Image|Picture|Still)s?\s*:\s*(?P<p>{PLATFORM})\s*\]"
                             rf"|\((?:(?:Photo|Image|Credit|Courtesy)\s*:\s*)?(?P<p2>{PLATFORM})\s*\)$", re.MULTILINE)
_STILL_FROM = re.compile(rf"\bin\s+a\s+(?:still|scene|photo|image|clip|shot)\s+from\s+(?:the\s+)?"
                         rf"(?:(?:series|drama|show|film|movie|K-drama)\s+)?{_QO}?(?P<t>{TITLE}){_QC}?"
                         rf"(?:\s+season\s+(?P<n>\d+))?")

_EPISODES = fold_case(re.compile(
    rf"(?:\b(?P<ctx>a\s+total\s+of|total\s+of|has|have|had|having|with|comprises|comprising|consists\s+of"
    rf"|consisting\s+of|consist\s+of|spans|spanning|runs\s+for|run\s+for|ran\s+for|running\s+for|runs\s+to"
    rf"|run\s+to|only|all|its|season(?:'s|\u2019s)|across|over|at|(?:drama|series|show|thriller|romance|comedy|anthology|mystery)\s+in"
    rf"|(?:run|season|series)\s+of)\s+"
    rf"(?P<n>{NUMBER})\s+"
    rf"(?:(?P<min>\d{{1,3}})-minute\s+|(?P<hour>hour-long|one-hour)\s+)?"
    rf"(?:episodes|instalments|installments|parts|chapters)\b)"
    # "a 12-episode historical thriller": up to three describing words before the kind
    rf"|(?:\b(?P<n2>{NUMBER})-(?:episode|part)\s+(?:[a-z][a-z-]*\s+){{0,3}}?(?:series|season|drama|show|run|K-drama|anthology|thriller"
    rf"|romance|comedy|mystery|melodrama|miniseries|noir|procedural|saga))"
    rf"|(?:\b(?P<n3>{NUMBER})\s+episodes\s*\(\d{{4}}\))"
    rf"|(?:\b(?P<n4>{NUMBER})\s+(?:\d{{1,3}}-minute|hour-long|one-hour)\s+episodes\b)"
    rf"|(?:\b(?P<n5>{NUMBER})\s+episodes\s+in\s+(?:all|total)\b)"
    # "Eight episodes of roughly 50 minutes each", "It's 16 episodes, roughly 65 minutes each"
    rf"|(?:\b(?P<n6>{NUMBER})\s+episodes(?:\s+of|,)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+)?\d{{1,3}}\s+minutes)"
    # "(episode 5 of 12)": a listing's place in the run tells the run
    rf"|(?:\bepisode\s+\d{{1,3}}\s+of\s+(?P<n7>\d{{1,3}})\b)",
    re.IGNORECASE,
))
# "..., the six-part series is directed by": a clause's subject too
_THIS_COUNT = re.compile(r"(?:^|[.!?]\s+|\n)(?:The|This|Its)\s+(?:new\s+)?$|,\s+(?:the|this|its)\s+(?:new\s+)?$")
_NOT_COUNT = re.compile(r"\b(?:first|last|final|opening|next|watched|seen|after|initial)\s+(?:\w+\s+){0,2}$",
                        re.IGNORECASE)
_COUNT_FIRST = re.compile(rf"(?P<n>{NUMBER})\s+episodes\s*[,.;:]", re.IGNORECASE)
# "premieres ... with two episodes", "kicks off with a double bill of two episodes": the opening batch
_OPENS_WITH = re.compile(r"\b(?:premieres?|premiered|debuts?|debuted|opens?|opened|launch(?:es|ed)?|kicks?\s+off"
                         r"|kicked\s+off|returns?|returned|drops?|dropped)\b[^.;\n]*$", re.IGNORECASE)
# "has two episodes left": what remains of a run, not its length
# what remains of a run, not the run: "two episodes left", "nine episodes of the 16 still to go"
_LEFT = re.compile(r"\s+(?:of\s+(?:the|its)\s+\w+\s+)?(?:still\s+)?(?:left|remaining|to\s+go|to\s+air)\b")
_MINUTES = fold_case(re.compile(
    r"\b(?P<m>\d{1,3})-minute\s+(?:episodes|instalments|installments)\b"
    # "Episodes run a tight 45 minutes": one describing word after "a"
    r"|\bepisodes?\s+(?:of|running|that\s+run|run|each\s+run|lasting|last|clocking\s+in\s+at)\s+"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|a\s+[a-z]+\s+)?(?P<m2>\d{1,3})\s+minutes"
    r"|\b(?P<h>hour-long|one-hour)\s+(?:episodes|instalments|installments)\b"
    # "each lasts around 70 minutes", "each about 70 minutes long", "instalments of about 50 minutes apiece"
    r"|\beach\s+(?:episode\s+|one\s+)?(?:lasts?|lasting|runs?|running|clocking\s+in\s+at"
    r"|will\s+(?:run|last)(?:\s+for)?)?\s*"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|just\s+under\s+)?(?P<m3>\d{1,3})\s+minutes"
    r"|\b(?:episodes|instalments|installments)\s+of\s+(?:about\s+|around\s+|roughly\s+|approximately\s+)?"
    r"(?P<m4>\d{1,3})\s+minutes"
    # "Six episodes, roughly 45 minutes each": the length after the count, "each" or "apiece" closing it
    r"|\b(?:episodes|instalments|installments),\s+(?:about\s+|around\s+|roughly\s+|approximately\s+)?"
    r"(?P<m5>\d{1,3})\s+minutes\s+(?:each|apiece)\b"
    r"|\beach\s+(?:about\s+|around\s+|roughly\s+)?(?P<h2>an|one)\s+hour(?:\s+long)?\b(?!\s+(?:of|a|or|and)\b)",
    re.IGNORECASE))
_HEADER_SEASON = line_led(re.compile(r"^(?i:season)\s+(?P<s>\d{1,2})\s*[-\u2013\u2014:|]\s*(?P<n>\d{1,3})\s+episodes",
                                     re.MULTILINE))
# Info boxes: "Episodes: 16", "Platform: Netflix", "Where to watch: Disney+" (one fact per line)
# a fact box's line, with the length of each episode after the count: "Episodes: 10 (55 minutes each)",
# "Episodes: 8 x 50 min"
_PER_EPISODE = r"(?:each|apiece|per\s+episode|an\s+episode|/\s*episode)"
_INFO_EPISODES = line_led(re.compile(
    r"^(?:[Ee]pisodes|(?:[Nn]o\.?|[Nn]umber)\s+of\s+episodes)\s*[:\-\u2013|]\s*(?P<n>\d{1,3})"
    r"(?:\s*(?:\(|,|x|\u00d7)\s*(?:about\s+|around\s+|approx\.?\s+|c\.\s*)?(?P<m>\d{1,3})\s*min(?:ute)?s?\.?"
    rf"(?:\s+{_PER_EPISODE})?\)?)?\s*$", re.MULTILINE))
# "Running time: 55 min. per episode", "Runtime: 8 x 45 minutes": a length said to be each episode's
_INFO_RUNTIME = line_led(re.compile(
    r"^(?:[Rr]unning\s+time|[Rr]un\s*time|[Ll]ength|[Dd]uration)\s*[:\-\u2013|]\s*(?:(?P<n>\d{1,3})\s*(?:x|\u00d7)\s*)?"
    r"(?:about\s+|around\s+|approx\.?\s+|c\.\s*)?(?P<m>\d{1,3})\s*min(?:ute)?s?\.?"
    rf"(?:\s+{_PER_EPISODE})?\s*$", re.MULTILINE))
_INFO_PLATFORM = line_led(_needs_platform(re.compile(
    rf"^(?:[Pp]latform|[Nn]etwork|[Bb]roadcaster|[Cc]hannel|[Ss]treaming(?:\s+on)?|[Ww]here\s+to\s+(?:watch|stream)"
    rf"|[Aa]vailable\s+on|[Ww]atch\s+on|[Ww]here(?=\s*:))\s*[:\-\u2013|]\s*(?P<p>{PLATFORM})", re.MULTILINE)))
_MORE_THAN = fold_case(re.compile(
    rf"\b(?P<d>{NUMBER})\s+(?P<dir>more|fewer|less)\s+episodes\s+than\s+(?:its|the)\s+"
    rf"(?:predecessor|previous\s+season|first\s+season|last\s+season|prequel)", re.IGNORECASE))
_SIBLING = re.compile(
    rf"\b(?:in|of|for|from|with)\s+(?:its|the|their)\s+(?P<o>{ORDINAL})\s+(?:season|instalment|installment"
    r"|part|edition|outing)\b|\b(?:in|of|for|from)\s+season\s+(?P<n>one|1)\b"
    # (a reader told what to watch first: "for anyone who skipped season one")
    r"|\b(?:skipped|missed|watched|rewatched|binged|seen)\s+season\s+(?P<n3>one|1)\b"
    rf"|\bthe\s+(?P<o2>{ORDINAL})\s+(?:season|instalment|installment)\s+of\b", re.IGNORECASE)

# a sentence about another season as its subject: "The first season, directed by A, ran for 12 episodes"
# ("The first season's eight episodes were a slow build": its possessive too)
SEASON_SUBJECT = re.compile(rf"(?:The|Its)\s+(?P<o>{ORDINAL})\s+season(?=,|\s+(?:was|ran|had|aired|is|starred)"
                            rf"|(?:'s|\u2019s)\s)")

# "..., and the show streams on Viki outside Korea", "The series airs on JTBC": the show the text is about
_THE_SHOW_STREAMS = _needs_platform(re.compile(
    rf"(?:^|(?<=[.!?]\s)|,\s+(?:and|while|but)\s+|;\s+)"
    # "In South Korea, the drama airs on ENA": a place first
    rf"(?:(?:In|Outside|Across|Beyond|Throughout)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}},\s+)?"
    # ("The 16-episode series", "The legal drama": describing words, but none that points to another show)
    rf"(?:[Tt]he|[Tt]his)\s+(?:(?!(?:other|first|second|third|previous|last|original|same|earlier|next|rival)\s)"
    rf"[a-z0-9][\w-]*\s+){{0,2}}(?:show|series|drama)\s+"
    rf"(?:is\s+)?(?:now\s+|also\s+)?(?:streams|streaming|airs|airing|is\s+available|will\s+(?:also\s+)?(?:stream|air))"
    rf"\s+(?:on|via)\s+(?P<p>{PLATFORM})",
    re.MULTILINE))
# "... will air on tvN next spring and stream on Netflix outside Korea": a second platform in the same clause
_AND_STREAM_ON = _needs_platform(re.compile(
    rf"[^.;\n]{{0,40}}?\band\s+(?:will\s+)?(?:also\s+)?(?:stream|air)s?\s+(?:\w+\s+)?(?:on|via)\s+(?P<p>{PLATFORM})"))


# "It streams internationally on Netflix": "it" after a sentence about the show in scope
# "It will air Saturdays at 9 p.m. KST on JTBC and stream on TVING": a schedule between, a second platform after
_SCHEDULE = r"(?:(?:[^.;!?\n]|[ap]\.m\.){0,60}?\s)?"
_IT_STREAMS = _needs_platform(re.compile(
    rf"(?:^|(?<=[.!?]\s))It\s+(?:now\s+|also\s+)?(?:streams|airs|is\s+streaming|is\s+available"
    rf"|will\s+(?:also\s+)?(?:air|stream|premiere|be\s+available))"
    rf"\s+(?:(?:internationally|worldwide|globally|overseas|abroad|exclusively)\s+|{_SCHEDULE})(?:on|via)\s+"
    rf"(?P<p>{PLATFORM})(?:\s+(?:[^.;:!?\n]|[ap]\.m\.){{0,40}}?\band\s+(?:will\s+)?(?:also\s+)?"
    rf"(?:stream|streams|air|airs|be\s+available)\s+(?:(?:internationally|worldwide|globally|overseas|abroad)\s+)?"
    rf"(?:on|via)\s+(?P<p2>{PLATFORM}))?",
    re.MULTILINE))

# "Midnight Ferry (Paramount+)", "last year's Tin Crown on Prime Video": a passing mention of another show
# with its platform
_PAREN_PLATFORM_TAIL = rf"{_QC}?\s+\((?P<p>{PLATFORM}|Max\b)\)"
_PAREN_PLATFORM = tail_led(re.compile(rf"{_QO}?(?P<title>{TITLE})" + _PAREN_PLATFORM_TAIL),
                           re.compile(_PAREN_PLATFORM_TAIL), TITLE_CHARS, TITLE_FIRST)
_LAST_YEARS = _needs_platform(re.compile(
    rf"\b(?:[Ll]ast|[Tt]his)\s+year(?:'s|\u2019s)\s+(?:(?:hit|drama|series|thriller|show)\s+)?{_QO}?(?P<title>{TITLE})"
    rf"{_QC}?\s+(?:on|for|from)\s+(?P<p>{PLATFORM}|Max\b)"))


def _whole_quote(book: ShowBook, start: int) -> str | None:
    """The known title a quote opening right before ``start`` holds, to its closing quote ("KBS2's drama
    'Two Sons, One Farm'": a pattern's title stops at the comma, the quotes do not)."""
    if start < 1 or book.text[start - 1] not in "\"\u201c\u2018":
        return None
    m = _QUOTED.match(book.text, start - 1)
    title = quoted_title(m["q"].strip()) if m is not None else None
    return title if title and book.known(title) else None


def platform_facts(book: ShowBook, sents: Sentences) -> list[Raw]:
    text = book.text
    out: list[Raw] = []
    for rule, conf, starts, pattern in _PLATFORM_RULES:
        for m in sents.finditer(pattern, PLATFORM_WORDS, starts):
            platform = _platform(m["p"])
            group = "t" if "t" in m.groupdict() else "title"
            title = _whole_quote(book, m.start(group)) or m[group]
            if title and (_person_like(title) or rule == "platform.label_bare" and clean_title(title) != title.strip()
                          or _r22_family_name(title, book.text)):
                continue  # a person's name is no title ("the tvN drama Park Ji-hoon led"); a bare one is whole
            if platform and title and book.resolve(title) is not None and clean_title(title):
                out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), rule, conf, show=clean_title(title),
                               platform=platform))
    for m in sents.finditer(_STREAM, _W_STREAM):
        platform = _platform(m["p"])
        title = _whole_quote(book, m.start("title")) or clean_title(m["title"])
        if platform and title:
            out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.streaming", 0.9, show=title,
                           platform=platform))
    for pattern, rule in ((_PAREN_PLATFORM, "platform.paren"), (_LAST_YEARS, "platform.last_year")):
        for m in sents.finditer(pattern, ("(",) if rule == "platform.paren" else ("year's", "year\u2019s")):
            platform = _platform(m["p"])
            title = _whole_quote(book, m.start("title")) or clean_title(m["title"])
            # one capitalised word before a bracket may be anything ("Seoul (Netflix)"): a known show only;
            # "Red Thread, Blue Thread (tvN)": the end of a longer known title is no show of its own
            if title and any(len(s.title) > len(title) and s.title.endswith(f", {title}") for s in book.plain.values()):
                continue
            if platform and title and not _person_like(title) and (" " in title or book.known(title)):
                out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), rule, 0.7, show=title, platform=platform))
    for m in sents.finditer(_FROM_PLATFORM, PLATFORM_WORDS):
        platform = _platform(m["p"])
        title = _whole_quote(book, m.start("title")) or clean_title(m["title"])
        if platform and title and book.resolve(title) is not None:
            out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.from", 0.8, show=title,
                           platform=platform))
    for m in sents.finditer(_ORIGINAL, PLATFORM_WORDS):
        platform = _platform(m["p"])
        if platform:
            out.append(Raw(FactKind.PLATFORM, m.start("p"), m.end(), "platform.original", 0.8,
                           show=_sentence_show(book, sents, m.start()), platform=platform))
    for m in sents.finditer(_ON_PLATFORM, PLATFORM_WORDS):
        platform = _platform(m["p"])
        sent = sents.at(m.start())
        if platform and sent is not None:
            shows = book.in_sentence(sent.start, m.start())
            if shows:
                out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.on", 0.7, show=shows[-1][1].title,
                               platform=platform))
            elif book.section_at(m.start()) is not None and not book.in_sentence(sent.start, sent.end):
                # "This spy thriller, streaming on Viki, ...": a listicle section speaks of its own show
                out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.section", 0.7, platform=platform))
            elif _EPISODES_LEAD.match(sent.text) and not book.in_sentence(sent.start, sent.end):
                # "Eight episodes of about 50 minutes drop every Friday on Wavve": the show in scope
                out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.episodes_on", 0.7, platform=platform))
    for m in sents.finditer(_THE_SHOW_STREAMS, PLATFORM_WORDS):
        platform = _platform(m["p"])
        sent = sents.at(m.start())
        # "the show" is the show in scope only where the sentence names no show of its own
        if platform and sent is not None and book.at(m.start()) is not None \
                and not book.in_sentence(sent.start, sent.end):
            out.append(Raw(FactKind.PLATFORM, m.start("p"), m.end("p"), "platform.the_show", 0.7, platform=platform))
            more = _AND_STREAM_ON.match(text, m.end(), sent.end)
            if more is not None and _platform(more["p"]):
                out.append(Raw(FactKind.PLATFORM, more.start("p"), more.end("p"), "platform.the_show", 0.7,
                               platform=_platform(more["p"])))
    for m in sents.finditer(_IT_STREAMS, PLATFORM_WORDS):
        platform = _platform(m["p"])
        k = sents.index_at(m.start())
        scope = book.at(m.start())
        if not platform or k < 1 or scope is None or book.in_sentence(sents.items[k].start, sents.items[k].end):
            continue
        prev = sents.items[k - 1]
        named = {id(show) for _, show in book.in_sentence(prev.start, prev.end)}
        # only where the sentence before spoke of that show alone (or of its people, naming no show), in the
        # same paragraph
        if named <= {id(scope)} and "\n" not in text[prev.start:m.start()]:
            out.append(Raw(FactKind.PLATFORM, m.start("p"), m.end("p"), "platform.it", 0.7, platform=platform))
            second = _platform(m["p2"]) if m["p2"] else None
            if second:
                out.append(Raw(FactKind.PLATFORM, m.start("p2"), m.end("p2"), "platform.it", 0.7, platform=second))
    for m in sents.finditer(_INFO_PLATFORM, PLATFORM_WORDS):
        platform = _platform(m["p"])
        if platform and book.at(m.start()) is not None:
            out.append(Raw(FactKind.PLATFORM, m.start("p"), m.end("p"), "platform.info", 0.75, platform=platform))
            # "Where to watch: TVING, Viki": the rest of the line, when all of it is platforms
            line_end = text.find("\n", m.end())
            more = _platform_list(text, m.end(), len(text) if line_end < 0 else line_end)
            out += [Raw(FactKind.PLATFORM, i, j, "platform.info", 0.75, platform=name) for name, i, j in more]
    for _, _, where in book.sections:
        if where is not None:
            out.append(Raw(FactKind.PLATFORM, where[1], where[2], "platform.heading", 0.85, platform=where[0]))
    for sent in sents.having(PLATFORM_WORDS):
        # "Coupang Play has renewed its cooking thriller S", "tvN has moved the finale of S forward": a platform
        # acting on the one show its sentence names (and no other platform named there)
        m = _PLATFORM_ACTS.match(text, sent.start, sent.end)
        if m is None or len({_platform(p.group()) for p in PLATFORM_RE.finditer(text, sent.start, sent.end)}) != 1:
            continue
        named = {id(show): show for _, show in book.in_sentence(m.end(), sent.end)}
        platform = _platform(m["p"])
        if platform and len(named) == 1:
            out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.acts_on", 0.65,
                           show=next(iter(named.values())).title, platform=platform))
    listed = _listed_on(book)
    if listed is not None:
        # "The 7 best K-dramas on Disney+", "Netflix top 10 this week": the listed shows are on that platform
        name, start, end = listed
        for _, show, where in book.sections:
            if where is None:
                out.append(Raw(FactKind.PLATFORM, start, end, "platform.list_headline", 0.6, show=show.title,
                               platform=name))
    for start, end, _, show in book.captions:
        # "[Photo: Netflix] A in 'S'.", "A and B star in 'S'. (Disney+)": the credit of a still is the show's
        # platform
        m = _CAPTION_CREDIT.search(text, start, end)
        group = ("p" if m["p"] else "p2") if m is not None else ""
        platform = _platform(m[group]) if m is not None else None
        if m is not None and platform:
            out.append(Raw(FactKind.PLATFORM, m.start(group), m.end(group), "platform.caption_credit", 0.4,
                           show=show.title, platform=platform))
    for name, start, end in book.heading_platforms:
        show = book.section_at(start)
        if show is not None:
            out.append(Raw(FactKind.PLATFORM, start, end, "platform.heading_dated", 0.85, show=show.title,
                           platform=name))
    for m in sents.finditer(_CREDIT, PLATFORM_WORDS):
        platform = _platform(m["p"])
        line_start = text.rfind("\n", 0, m.start()) + 1
        still = _STILL_FROM.search(text, line_start, m.start())
        if platform and still:
            out.append(Raw(FactKind.PLATFORM, m.start("p"), m.end("p"), "platform.photo_credit", 0.4,
                           show=still["t"] + (f" season {still['n']}" if still["n"] else ""), platform=platform))
    return out


# a later season's article telling where the earlier ones were: "Disney+ has renewed S for a second season",
# "Coupang Play has confirmed a second season of its hit S", "'S' is back on SBS"
_RENEWED_BY = _needs_platform(re.compile(
    rf"(?P<p>{PLATFORM})\s+(?:has|have)\s+(?:renewed|confirmed|ordered|green-?lit|picked\s+up)\b"
    rf"|\b(?:(?:is|are)\s+back\s+on|returns\s+to|returned\s+to)\s+(?P<p2>{PLATFORM})"))
# "The first season of S ... became Wavve's most-watched original"
_EARLIER_SUBJECT = re.compile(rf"(?:The|Its)\s+(?P<o>{ORDINAL})\s+season\b")
_OWNED_BY = re.compile(rf"(?P<p>{PLATFORM})(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,3}}?(?:original|hit|series|drama|show)\b")


def earlier_platform_facts(book: ShowBook, sents: Sentences) -> list[Raw]:
    """Platforms of the earlier seasons of the season an article is about, where the text says them."""
    text, out = book.text, []
    for m in sents.finditer(_RENEWED_BY, PLATFORM_WORDS):
        main = book.at(m.start())  # the show in scope: a roundup's renewal item speaks of its own show
        if main is None or main.series is None or not main.number or main.number < 2:
            continue
        series = title_key(main.series)
        sent = sents.at(m.start())
        platform = _platform(m["p"] or m["p2"])
        earlier = book.sibling(main, main.number - 1)
        named = book.in_sentence(sent.start, sent.end) if sent is not None else []
        if platform and earlier and any(s is main or title_key(s.series or s.title) == series for _, s in named):
            # the platform that renews a show, or that it is back on, had the earlier season and has this one
            for show in (earlier, main):
                out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.earlier_season", 0.6,
                               show=show.title, platform=platform))
    main = book.main
    if main is None or main.series is None or not main.number or main.number < 2:
        return out
    for sent in sents.having(("season",)):
        m = _EARLIER_SUBJECT.match(text, sent.start, sent.end)
        number = ORDINALS.get(m["o"].lower()) if m else None
        owned = _OWNED_BY.search(text, m.end(), sent.end) if m else None
        platform = _platform(owned["p"]) if owned else None
        earlier = book.sibling(main, number) if number and number < main.number else None
        if platform and earlier:
            out.append(Raw(FactKind.PLATFORM, owned.start(), owned.end(), "platform.earlier_season", 0.6,
                           show=earlier.title, platform=platform))
    return out


def anthology_platforms(book: ShowBook) -> list[tuple[str, str, int, int]]:
    """(platform, series title, start, end) where the text says a series is the platform's own."""
    out = []
    main = book.main
    if main is None or main.series is None:
        return out
    for m in book.sents.finditer(_ANTHOLOGY, ("anthology", "series", "franchise")):
        platform = _platform(m["p"])
        if platform:
            out.append((platform, main.series, m.start(), m.end()))
    return out


# "Plus" spelled out: "Disney Plus", "Apple TV Plus", "DisneyPlus"
_SPELLED_PLUS = re.compile(r"plus$", re.IGNORECASE)


def platform_alias_facts(text: str, sents: Sentences) -> list[Raw]:
    """A platform written both ways in one article, "Disney+" and "Disney Plus": the spelled-out form is
    an alias of the platform.  An article that only ever spells it out names no alias: that is simply
    how it writes the name."""
    if "plus" not in sents.low or "+" not in text:
        return []
    symbol: set[str] = set()
    spelled: dict[str, re.Match[str]] = {}
    for m in PLATFORM_RE.finditer(text):
        written = m.group()
        platform = _platform(written)
        if platform is None or "+" not in platform:
            continue
        if "+" in written:
            symbol.add(platform)
        elif _SPELLED_PLUS.search(written):
            held = spelled.get(platform)
            if held is None or (held.group().isupper() and not written.isupper()):   # not a headline's capitals
                spelled[platform] = m
    return [Raw(FactKind.ALIAS, m.start(), m.end(), "alias.platform_spelling", 0.7, platform=platform,
                alias=" ".join(m.group().split()))
            for platform, m in spelled.items() if platform in symbol]


def _platform(spelling: str | None) -> str | None:
    if not spelling:
        return None
    if spelling[0].islower() and not spelling.startswith(("tvN", "iQIYI", "iQiyi")):
        return None  # "peacock", "max": ordinary words
    if spelling == "Max":
        return "Max"
    return platform_name(spelling)


# a sentence whose subject is a platform doing something to a show
_PLATFORM_ACTS = re.compile(
    rf"(?P<p>{PLATFORM})\s+(?:(?:has|have|will|is|officially|also|finally)\s+)*(?:renewed|confirmed|released|moved"
    r"|announced|dropped|unveiled|revealed|shared|cancell?ed|ordered|green-?lit|premiered|scheduled|postponed|delayed"
    r"|pushed|added|acquired|picked\s+up|renews|confirms|releases|moves|announces|drops|unveils|reveals|shares"
    r"|cancels|orders|premieres|schedules|postpones|delays|adds|acquires)\b")
# a listicle's headline: "The 7 best ...", "Netflix top 10 this week", "What to watch on Viki", "New on TVING"
_LIST_HEADLINE = re.compile(r"\b(?:best|top|new|what\s+to\s+(?:watch|stream)|to\s+watch|to\s+stream|picks?|ranked"
                            r"|coming|arriving|streaming\s+(?:now|this)|\d{1,3})\b", re.IGNORECASE)


def _listed_on(book: ShowBook) -> tuple[str, int, int] | None:
    """The one platform (name, span) a listicle's headline names, when the text before its first section names
    no other: three sections at least, each a show of that platform unless its heading says otherwise."""
    if len(book.sections) < 3:
        return None
    text = book.text
    first_end = text.find("\n")
    if first_end < 0 or not _LIST_HEADLINE.search(text, 0, first_end):
        return None
    found = [(_platform(m.group()), m.start(), m.end()) for m in PLATFORM_RE.finditer(text, 0, first_end)]
    names = {name for name, _, _ in found if name}
    if len(names) != 1:
        return None
    name = names.pop()
    intro = {_platform(m.group()) for m in PLATFORM_RE.finditer(text, first_end, book.sections[0][0])}
    if intro - {name, None}:
        return None
    return next((n, a, b) for n, a, b in found if n == name)


_WHO_CLAUSE = re.compile(r",\s+(?:who|whose)\b")


def _sentence_show(book: ShowBook, sents: Sentences, pos: int) -> str | None:
    sent = sents.at(pos)
    if sent is not None:
        # a show named after the count in a person's clause is that person's credit: "Twelve episodes, each
        # around 70 minutes, written by A, who also wrote P's S"
        shows = [(i, s) for i, s in book.in_sentence(sent.start, sent.end)
                 if i < pos or not _WHO_CLAUSE.search(book.text, pos, i)]
        if len({s.title for _, s in shows}) == 1:
            return shows[0][1].title
    return None


def season_episode_facts(book: ShowBook, sents: Sentences) -> list[Raw]:
    text = book.text
    out: list[Raw] = []
    main = book.main
    for m in sents.finditer(_HEADER_SEASON, _W_EPISODES):
        if main is not None and main.series and main.number == int(m["s"]):
            out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.header", 0.8, show=main.title,
                           number=int(m["n"])))
        elif main is not None and main.series is None:
            season = book._season(main.title, int(m["s"]), "season", m.group(), 0.0)
            book.main = season
            out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.header", 0.8, show=season.title,
                           number=int(m["n"])))
    for m in sents.finditer(_INFO_EPISODES, ("episodes",)):
        if book.at(m.start()) is not None and 1 <= int(m["n"]) <= 300:
            out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.info", 0.8, number=int(m["n"])))
            if m["m"] and 5 <= int(m["m"]) <= 200:
                out.append(Raw(FactKind.EPISODE_MINUTES, m.start(), m.end(), "episode_minutes.info", 0.8,
                               number=int(m["m"])))
    for m in sents.finditer(_INFO_RUNTIME, ("running time", "runtime", "run time", "length", "duration")):
        # only a length said to be each episode's, or after the count ("8 x 45 minutes"): a film's is its own
        per_episode = m["n"] is not None or re.search(_PER_EPISODE, m.group()) is not None
        if book.at(m.start()) is not None and per_episode and 5 <= int(m["m"]) <= 200:
            out.append(Raw(FactKind.EPISODE_MINUTES, m.start(), m.end(), "episode_minutes.info", 0.8,
                           number=int(m["m"])))
            if m["n"] and 1 <= int(m["n"]) <= 300:
                out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.info", 0.8, number=int(m["n"])))
    for sent in sents.having(("episodes",)):
        # "Six episodes, all at once." opening a sentence in a listicle's section: that show's count (in a
        # review "Three episodes, and I was hooked" is how far the critic got)
        m = _COUNT_FIRST.match(text, sent.start, sent.end)
        number = to_number(m["n"]) if m else None
        if number and 1 <= number <= 300 and book.section_at(m.start()) is not None and not book.in_sentence(
                sent.start, sent.end):
            out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.count_first", 0.7, number=number))
    for m in sents.finditer(_EPISODES, _W_EPISODES):
        season_owned = m["ctx"] is not None and m["ctx"].lower().startswith("season") \
            and _sibling_show(book, sents, m.start()) is not None
        late = _NOT_COUNT.search(text, max(0, m.start() - 30), m.start()) \
            if m["ctx"] or m["n4"] or m["n5"] or m["n6"] else None
        if late and not season_owned and not ("season" in late.group().lower()
                                              and _sibling_show(book, sents, m.start()) is not None):
            continue  # (but "The first season's eight episodes", "The first season ran for eight episodes")
        if m["ctx"] and m["ctx"].lower() == "with" and _OPENS_WITH.search(text, max(0, m.start() - 60), m.start()):
            continue  # "premieres on December 11 with two episodes": the first batch, not the run
        number = to_number(m["n"] or m["n2"] or m["n3"] or m["n4"] or m["n5"] or m["n6"] or m["n7"])
        if number is None or not 1 <= number <= 300 or _LEFT.match(text, m.end()):
            continue
        named = book.in_sentence(m.end(), min(len(text), m.end() + 80)) if m["n2"] else []
        if named and named[0][0] == m.end() + 1 and text[m.end()] == " ":
            show = named[0][1].title  # "The 12-episode historical thriller Tides of Jeju": the title that follows
        elif m["n2"] and _THIS_COUNT.search(text, max(0, m.start() - 12), m.start()):
            show = None  # "The 16-episode series is directed by ..., the pair behind S": the article's show
        else:
            show = _sentence_show(book, sents, m.start())
            sibling = _sibling_show(book, sents, m.start())
            if sibling is not None and (show is None or _r24_series_only(book, sents, m.start(), show)):
                # "for anyone who skipped season one: Nightrunner was an eight-episode drama": the season
                # the sentence names, not the one the series' bare name stands for elsewhere
                show = sibling
            owner = _r22_count_owner(book, sents, m.start())
            if owner is False:
                continue
            show = owner or show
        out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.count", 0.85, show=show, number=number))
    for m in sents.finditer(_MINUTES, _W_EPISODES):
        minutes = 60 if m["h"] or m["h2"] else int(m["m"] or m["m2"] or m["m3"] or m["m4"] or m["m5"])
        if 5 <= minutes <= 200:
            out.append(Raw(FactKind.EPISODE_MINUTES, m.start(), m.end(), "episode_minutes", 0.85,
                           show=_sentence_show(book, sents, m.start()) or _sibling_show(book, sents, m.start()),
                           number=minutes))
    return out


# a paragraph's opening words that turn to another show: "Then there is 'S'", "Turning to S", "As for S"
_R22_TOPIC_TURN = re.compile(r"(?:(?<=\n\n)|^)(?:Then\s+there\s+(?:is|was|are)|Then\s+there(?:'s|\u2019s)|Turning\s+to"
                             r"|As\s+for|Which\s+brings\s+us\s+to|Over\s+(?:in|on)|Now\s+for|On\s+to)\s+"
                             r"(?=[\u2018\u201c\"'A-Z])")
_R22_ITS_SEASON = re.compile(rf"(?:Its|Their)\s+{ORDINAL}\s+season\b")
_R22_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$")


def _r22_count_owner(book: ShowBook, sents: Sentences, pos: int) -> str | Literal[False] | None:
    """Whose count a sentence naming shows gives: "S is about a family, and its eight episodes ..." after
    another show in the sentence is the nearest S's before "its" in the clause; "Its second season ... is
    shorter at ten episodes, and it landed on top of S" is that season's, never the S named after the count
    (False: no show can be told)."""
    sent = sents.at(pos)
    if sent is None:
        return None
    text = book.text
    if _R22_ITS_SEASON.match(text, sent.start, sent.end):
        if any(at > pos for at, _ in book.in_sentence(sent.start, sent.end)) \
                and _sibling_show(book, sents, pos) is None:
            return False
        return None
    if not (_R22_ITS_BEFORE.search(text, max(sent.start, pos - 30), pos)
            or re.match(r"(?:its|their)\s", text[pos:pos + 6])):
        return None
    clause = max(text.rfind(";", sent.start, pos), sent.start)
    named = [(at, show) for at, show in book.in_sentence(sent.start, sent.end) if at < pos]
    if len({show.title for _, show in named}) > 1 and named[-1][0] >= clause:
        return named[-1][1].title
    return None


def _r24_series_only(book: ShowBook, sents: Sentences, pos: int, title: str) -> bool:
    """The sentence names the season ``title`` only by its series' bare name ("Nightrunner was ...")."""
    show = book.resolve(title)
    sent = sents.at(pos)
    if show is None or show.series is None or sent is None:
        return False
    return title.lower() not in sents.low[sent.start:sent.end]


def _sibling_show(book: ShowBook, sents: Sentences, pos: int) -> str | None:
    """Another season of the main show that the sentence speaks of ("In the first season, which ran for ...")."""
    sent = sents.at(pos)
    found = sibling_at(book, sent.start, sent.end) if sent is not None else None
    return found[0].title if found and found[0] is not book.at(pos) else None


def predecessor_facts(book: ShowBook, sents: Sentences, raws: list[Raw]) -> list[Raw]:
    """Facts about the previous season: "two more episodes than its predecessor" (arithmetic)."""
    out: list[Raw] = []
    for m in sents.finditer(_MORE_THAN, _W_EPISODES):
        shown = _sentence_show(book, sents, m.start())
        show = book.resolve(shown) if shown else book.main
        if show is None or show.number is None:
            continue
        prev = book.sibling(show, show.number - 1)
        counts = {r.number for r in raws if r.kind is FactKind.EPISODES and (book.resolve(r.show) is show)}
        delta = to_number(m["d"])
        if prev is None or len(counts) != 1 or delta is None:
            continue
        (count,) = counts
        number = count - delta if m["dir"].lower() == "more" else count + delta
        if number and number > 0:
            out.append(Raw(FactKind.EPISODES, m.start(), m.end(), "episodes.predecessor", 0.6, show=prev.title,
                           number=number))
    return out


def sibling_at(book: ShowBook, start: int, end: int) -> tuple[Show, int, int] | None:
    """A reference to another season of the show in scope (its section's, else the main one) inside
    ``[start, end)`` ("in its first season")."""
    main = book.at(start)
    if main is None or main.series is None:
        return None
    if not any(w in book.sents.low[start:end] for w in ("season", "instalment", "installment", "part",
                                                          "edition", "outing")):
        return None
    m = _SIBLING.search(book.text, start, end) or SEASON_SUBJECT.match(book.text, start, end)
    if not m:
        return None
    number = to_number(m["o"] or m.groupdict().get("n") or m.groupdict().get("o2") or m.groupdict().get("n3")
                       or "")
    if number is None:
        return None
    show = main if number == main.number else book.sibling(main, number)
    return (show, m.start(), m.end()) if show else None


# Platforms named in passing: "the Wavve hit S", "S tops Netflix's global chart", "S has held the number one spot
# on Netflix's top 10"
_PLATFORM_HIT = _needs_platform(re.compile(
    rf"\bthe\s+(?P<p>{PLATFORM})\s+(?:[a-z][\w-]*\s+)?(?:hit|original|smash)\s+{_QO}?(?P<t>{TITLE})"))
_CHART_TOP = _needs_platform(re.compile(
    rf"{_QO}?(?P<t>{TITLE}){_QC}?\s+(?:has\s+|have\s+)?(?:tops?|topped|leads?|led|(?:has\s+)?held\s+the\s+"
    rf"(?:number\s+one|No\.?\s?1|top)\s+(?:spot|place)\s+on)\s+(?P<p>{PLATFORM})(?:'s|\u2019s)\s+"
    rf"(?:[\w-]+\s+){{0,5}}?(?:charts?|top\s+(?:10|ten)|rankings?)\b"))


def passing_platform_facts(book: ShowBook, sents: Sentences) -> list[Raw]:
    out: list[Raw] = []
    for m in sents.finditer(_PLATFORM_HIT, (" hit ", " original ", " smash ")):
        platform, title = _platform(m["p"]), clean_title(m["t"])
        if platform and title and title == m["t"].strip() and not _person_like(title):
            out.append(Raw(FactKind.PLATFORM, m.start(), m.end(), "platform.hit", 0.75, show=title, platform=platform))
    for sent in sents.having(("chart", "top 10", "top ten", "ranking")):
        for m in _CHART_TOP.finditer(book.text, sent.start, sent.end):
            platform, title = _platform(m["p"]), clean_title(m["t"])
            # the chart's title must be one the article names as a show, not a word that opens the sentence
            if platform and title and book.known(title) and not _person_like(title):
                out.append(Raw(FactKind.PLATFORM, m.start("t"), m.end(), "platform.chart", 0.75, show=title,
                               platform=platform))
    return out
