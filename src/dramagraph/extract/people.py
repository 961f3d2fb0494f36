"""People: who plays whom, who is in the cast, who directed and wrote a show.

Every rule reads a person only from a slot that marks one (before "plays", after "Starring:", inside
"Character (Actor)" ...).  Names are surface strings here; ``coref`` resolves surnames, given names and
spelling variants afterwards.
"""

from __future__ import annotations

import re

from ..models import FactKind
from ..names import KOREAN_SURNAMES, fold, person_key
from .lexicon import NAME, NAME_STOP, NUMBER, ORDINAL, PLATFORM, POSS, TOK, UP, platform_name, to_number
from .shows import _QC, _QO, _STILL_FROM, TITLE, TITLE_CHARS, TITLE_FIRST, ShowBook, clean_title, quoted_title
from .text import (
    Name,
    Raw,
    Sentence,
    Sentences,
    clean_name,
    descriptor_ok,
    fold_case,
    leading_list,
    line_led,
    mask_parens,
    name_after,
    name_before,
    needs,
    split_list,
    tail_led,
)

_AUX_WORDS = frozenset("will would also each then now later is set going to was are were has have had reportedly "
                       "currently previously once who".split())
# "is superb as", "was a revelation as", "is quietly devastating as": praise, then the part; never "is known
# as", "is seen as" (names and labels), "is as good as" (a comparison), nor a participle ("is billed as")
_VERDICT = (r"(?:is|was)\s+(?:[a-z]+ly\s+)?(?:(?:a|an|the|his|her|their)\s+)?"
            r"(?!(?:as|so|such|same|just|twice|half|not|also|better|best|well|set|back|born|reborn|often|known)\b)"
            r"(?![a-z]+(?:ed|en|wn)\b)[a-z]{3,}\s+as")
_ROLE_VERB = re.compile(
    r"\b(?:(?P<play>plays?|played|playing|portrays?|portrayed|portraying)(?!\s+by\b)(?:\s+the\s+(?:roles?|characters?"
    r"|parts?)\s+of)?"
    r"|(?P<take>(?:takes?|took|taking|take)\s+on\s+the\s+(?:roles?|parts?|characters?)\s+of"
    # "B steps into the shoes of detective C"
    r"|(?:steps?|stepped|stepping)\s+into\s+the\s+(?:shoes|role|part)\s+of"
    r"|(?:breathes?|breathed|breathing)\s+life\s+into\s+(?:the\s+)?(?:characters?|roles?)\s+of"
    # "B will star opposite her as C", "A leads the show as C", "B turns up as the loan shark C"
    r"|(?:co-)?(?:stars?|starred|starring|appears?|appeared)(?:\s+(?:opposite|alongside)\s+(?:him|her|them))?\s+as"
    r"|(?:leads?|led|leading)(?:\s+the\s+(?:show|series|drama|cast|ensemble|line-?up))?\s+as"
    r"|(?:turns?|turned|turning|shows?|showed|pops?|popped)\s+up\s+as"
    r"|(?:is|was|are|were|been|being)\s+cast\s+as"
    r"|in\s+the\s+role\s+of"
    # casting news: "B joins the cast as C", "D rounds out the main cast as C", "A and B reprise their roles as"
    r"|(?:joins?|joined|joining)(?:\s+(?:them|him|her|the\s+(?:main\s+|supporting\s+)?(?:cast|ensemble|line-?up"
    r"|pair|duo|trio|couple|leads)))?"
    r"\s+as|(?:rounds?|rounded|rounding)\s+out\s+the\s+(?:main\s+|supporting\s+)?(?:cast|line-?up|crew|ensemble"
    r"|team|gang)\s+as"
    # "A takes the lead as C", "B takes the title role as D"
    r"|(?:takes?|took|taking)\s+(?:the|a)\s+(?:(?:lead|leading|title|main|central)\s+)?(?:lead|role|part)\s+as"
    r"|(?:reprises?|reprised|reprising|resumes?|resuming)\s+(?:his|her|their)\s+roles?\s+as"
    r"|(?:returns?|returned|returning)(?:,\s+too,)?\s+as|(?:is|are)\s+(?:also\s+)?back(?:,\s+too,)?\s+as)"
    r"|(?P<become>(?:turns?|turned|turning)\s+into|becomes?|became)"
    # a review's verdict: "B is his match as C", "A is quietly devastating as C" (see _VERDICT)
    rf"|(?P<verdict>{_VERDICT}))\s+")
_W_ROLE = ("play", "portray", "take", "took", "breath", "into the",
           "turn", "become", "became", "star", "appear", "cast as",
           "role of", "join", "rounds out", "rounded out", "rounding out", "repris", "resum", "return", "lead",
           "led as", " up as", " as ", "back as")
_KNOWN_FOR = re.compile(r"(?:known|famous|remembered|recogni[sz]ed|acclaimed|praised|lauded|best\s+known)\s+for"
                        r"(?:\s+(?:his|her|their))?\s*$")
_PRONOUN = re.compile(r"(?:^|\W)(?:They|The\s+(?:trio|duo|pair|actors|actresses|three|four|five|newcomers"
                      r"|youngsters|stars))\s*$")
_AFTER_BECOME = re.compile(r"\s*(?:[,.;:!?)|(\u2013\u2014]|$|\s+(?:who|in|on|and|a|an|with)\b)")
# a character's name also ends where its line does: "Jeon Ha-rim as Kang Yu-jin" as a guide's heading line
_AFTER_AS = re.compile(r"(?=\n)|\s*(?:[,.;:!?|(\u2013\u2014]|$|\s+(?:in|and|on|who|with|from|is|was|opposite|has|had"
                       r"|gets|steals|brings|gives|makes|does|shines|delivers|are|were)\b)")
# "A as C", "A as rival skater C", "A, also known as B, as Dam's younger sister C"
# Name-led rules are tried only in front of their tails (a self-contained piece of the pattern after the
# name): a name holds letters, spaces and hyphens and starts with a capital.
_NAME_FIRST = re.compile(f"[{UP}]")
# ("the ferryman's daughter C": a possessive may sit inside the describing words)
_AS_TAIL = (rf"as\s+(?P<d>(?:{TOK}{POSS}\s+)?(?:[a-z][\w-]*(?:'s|\u2019s)?\s+){{0,4}}(?:[a-z][\w-]*,\s+)?)"
            rf"(?P<c>{NAME})")
# (the optional "also known as" clause widens the part before the tail too much: the tail only narrows
# the sentences read)
_AS = needs(re.compile(rf"(?P<p>{NAME})(?:,?\s+(?:also\s+known\s+as|a\.k\.a\.?|aka)\s+{NAME},)?,?\s+" + _AS_TAIL),
            re.compile(_AS_TAIL))
# casting news: "A has joined 'S' as C", "A joins the cast of S as the diver C", "A joined tvN's 'S' as C"
_JOINED_AS = needs(re.compile(
    rf"(?P<p>{NAME})\s+(?:(?:has|have|had|will|officially)\s+)*(?:joins?|joined|joining)\s+"
    rf"(?:(?P<cast>the\s+(?:cast|line-?up)\s+of\s+)(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?(?P<t>{TITLE})"
    rf"|(?:(?:{PLATFORM}|[A-Z][\w+.-]*)(?:'s|\u2019s)\s+)?{_QO}(?P<q>[^\n\"\u201c\u201d\u2018\u2019]{{2,60}}?){_QC})"
    r",?\s+" + _AS_TAIL), re.compile(r"\bjoin"))
# "A, as Yeon-woo's best friend and rival C, steals ...", "A, as the station's grumpy veteran producer C, ...":
# inside an apposition closed by a comma the descriptor may be longer (possessives, "and"); the character
# is the last name before the closing comma
_AS_APPOS_TAIL = (rf",\s+as\s+(?P<d>(?:(?:his|her|their|the|a|an|{TOK}{POSS}|[a-z][\w-]*(?:'s|\u2019s)?)\s+){{1,7}})"
                  rf"(?P<c>{NAME}),\s")
_AS_APPOS = needs(re.compile(rf"(?P<p>{NAME})" + _AS_APPOS_TAIL), re.compile(_AS_APPOS_TAIL))
_APPOS_HEAD = re.compile(r"(?:his|her|their|the|a|an|[\w-]+(?:'s|\u2019s))$")
# ("Kang Ri-an, a slick hospital administrator played by A": a description in apposition may stand between)
_PLAYED_BY = re.compile(
    rf"(?P<c>{NAME})(?:\s*,\s+(?P<ap>(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{1,5}})|\s*,\s+|\s+\(|\s+)(?:who\s+(?:is|was|will\s+be)\s+|is\s+|was\s+|will\s+be\s+)?(?:played|portrayed)\s+by\s+"
    rf"(?P<d>(?:[a-z][\w-]*\s+){{0,4}})(?P<p>{NAME})")
# "... are played by A and B", "her own children, played by A and B": parts with no names, the people cast
_PLAYED_BY_LIST = re.compile(r"(?:\b(?:will\s+be|are|were|is|was|to\s+be)\s+|,\s+)(?:played|portrayed)\s+by\s+")
_PAREN = re.compile(rf"(?P<o>{NAME})\s+\((?P<i>[^()\n]{{1,90}})\)")
_AKA = re.compile(rf"^(?:aka|a\.k\.a\.?|also\s+known\s+as|known\s+as|real\s+name|born|formerly|n\u00e9e)"
                  rf"\s+(?P<a>{NAME})$", re.IGNORECASE)
_AKA_INLINE = re.compile(rf"(?P<p>{NAME}),?\s+(?:also\s+known\s+as|better\s+known\s+as|a\.k\.a\.?)\s+(?P<a>{NAME})")
_CAST_LABEL = re.compile(r"(?:^|(?<=\s))(?:(?:Lead|Main|Principal|Supporting|Voice|Full)\s+)?(?:[Cc]ast|CAST"
                         r"|Starring|STARRING|Stars|Cast\s+members|With|WITH)\s*:\s*")
_WITH_ONLY = re.compile(r"With\s+(?P<list>[A-Z][^.!?;:()\n]{3,120}?)\s*\.")
_STARRING = fold_case(re.compile(
    r"\b(?:starring|co-starring|headlined\s+by|fronted\s+by|spearheaded\s+by|led\s+by\s+stars?"
    r"|featuring\s+(?:actors?|actress(?:es)?|stars?))\s+", re.IGNORECASE))
# "'S' (P), led by A and B, ...": a quoted title, then the people who lead it
_TITLE_LED_BY = re.compile(r"[\"\u201d\u2019](?:\s*\([^()\n]{1,40}\))?,\s+led\s+by\s+(?=[A-Z])")
_GROUP = re.compile(
    r"\b(?:(?:actors?|actresses|performers|players|stars|leads|names|cast\s+members|ensemble)\s+(?:such\s+as|like"
    r"|including|include)"
    # "Rounding out the main cast are A and B"
    r"|(?:[Rr]ounding|[Rr]ounded)\s+out\s+the\s+(?:main\s+|supporting\s+)?(?:cast|ensemble|line-?up)\s+(?:are|is|were|was)"
    r"|[Ss]upporting\s+(?:them|him|her|the\s+leads?)\s+(?:are|is|were|was)"
    r"|(?:the\s+)?cast\s+(?:also\s+)?(?:includes?|including|features?|boasts?)(?:\s+[a-z-]+){0,3}(?:,\s*including)?"
    r"|the\s+leads\s+are(?:\s+[a-z-]+){0,2})\s+")
# "The show also features A and B in smaller roles": the show itself as the subject, then the list
_SHOW_FEATURES = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:show|series|drama|K-drama|cast)\s+(?:also\s+)?"
                            r"features\s+(?=[A-Z])")
# "leaned on two famous faces, Gong Hae-won and Ryu Ji-seok": a plural of people, then the list itself
_FACES = re.compile(r"\b(?:[a-z]+\s+){0,3}(?:faces|stars|names|leads|actors|actresses)\s*,\s+(?=[A-Z])")
_CREDIT_TITLE_TAIL = rf"(?:actor|actress|star|lead|alum|heartthrob)\s+(?P<p>{NAME})"
_CREDIT_TITLE = tail_led(re.compile(rf"(?<![\w'\u2019])(?P<t>{TITLE})\s+" + _CREDIT_TITLE_TAIL),
                         re.compile(_CREDIT_TITLE_TAIL), TITLE_CHARS, TITLE_FIRST)
_PERSON_SHOW = re.compile(
    rf"\bthe\s+(?P<p>{NAME})(?:-led|-starring|\s+starrer)?\s+(?:K-?drama|Kdrama|drama|series|film|movie|show)\s+"
    rf"{_QO}?(?P<t>{TITLE})")
_WHO_WROTE_TAIL = (r"(?:who\s+)?(?:also\s+|previously\s+|once\s+|has\s+|had\s+)?"
                   r"(?P<v>wrote|penned|scripted|directed|helmed|co-wrote|co-directed|made)\s+(?!by\b)")
# "He directed the short-form series 'S' for TVING": the one person the sentence before is about
_PRONOUN_CREDIT = re.compile(
    rf"(?:He|She)\s+(?:also\s+|previously\s+|later\s+|then\s+)?(?P<v>directed|wrote|penned|helmed|co-wrote"
    rf"|co-directed)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?\u2018(?P<t>{TITLE})\u2019")
# a descriptor's lowercase rest and the quoted title it leads to: " ghost story 'S'", " period thriller “S”"
_R22_KIND_THEN_QUOTE = re.compile(rf"[ ](?:[a-z][\w-]*[ ]){{1,3}}[\u2018\u201c\"](?P<t>{TITLE})[\u2019\u201d\"]")
_DIRECTOR_BEFORE = re.compile(r"\b(?:[Dd]irector|[Ff]ilmmaker|PD|[Dd]irected\s+by)\s+$")
# the kind of show a credit names before its title: "the Netflix thriller S", "the hit romance S"
_KIND = (r"(?:K-?drama|Kdrama|drama|series|show|film|movie|sitcom|thriller|romance|comedy|mystery|melodrama"
         r"|rom-?com|horror|procedural|miniseries)")
_WHO_WROTE = re.compile(
    rf"(?P<p>{NAME}),?\s+" + _WHO_WROTE_TAIL +
    # ("who also wrote Coupang Play's Red Ink", "who directed JTBC's 'The Quiet Ward'": the platform's possessive)
    rf"(?:the\s+|(?:last|this)\s+year(?:'s|\u2019s)\s+|(?:{PLATFORM})(?:'s|\u2019s)\s+)?"
    rf"(?:(?:hit|acclaimed|popular|beloved)\s+)*(?:(?:(?P<star>{NAME})[-\s]+(?:starrer\s+|led\s+)?"
    rf"|(?:(?:[a-z][\w-]*|{PLATFORM})\s+){{1,2}}(?={_KIND}\s))?"
    rf"{_KIND}\s+)?{_QO}?(?P<t>{TITLE})")
tail_led(_WHO_WROTE, re.compile(_WHO_WROTE_TAIL), "-,", _NAME_FIRST)
# "working from a script by B", "the writing, by B,", "the script comes from newcomer B"
_SCRIPT_BY = re.compile(r"\b(?:scripts?|screenplays?|teleplays?|writing)\s*,?\s+(?:(?:is|was|are|were|comes?)\s+)?"
                        r"(?:again\s+|once\s+more\s+)?(?:by|from)\s+"
                        r"(?:(?:newcomer|veteran|writer|screenwriter|first-time\s+writer|novelist|author)\s+)?(?=[A-Z])")
# "the director is A and the writer is B"
_THE_JOB_IS = re.compile(r"\b[Tt]he\s+(?P<k>director|writer|screenwriter|scriptwriter)\s+(?:is|was)\s+"
                         r"(?:again\s+|once\s+again\s+|still\s+)?(?=[A-Z])")
# "As in the first season, ...", "Like its predecessor, the new season is directed by A": the crew of the
# season the article is about is the earlier one's too
_AS_BEFORE = re.compile(r"(?:As\s+(?:in|with|on|for)|Like)\s+(?:its|the)\s+(?P<w>predecessor|first\s+season"
                        r"|previous\s+season|last\s+season|season\s+one|earlier\s+season)\b")
_CONTRAST = re.compile(r",\s+(?:but|while|whereas|though|although|yet)\b|;")
_WILL_DIRECT_TAIL = (r"(?:will|is\s+set\s+to|is\s+going\s+to|would|is\s+to)\s+"
                     r"(?:also\s+)?(?P<v>direct|helm|write|pen)\s+(?:the|this)\s+(?:upcoming\s+|new\s+)?"
                     r"(?:K-?drama|Kdrama|drama|series|show|project|film|movie|anthology|season)\b")
_WILL_DIRECT = needs(re.compile(rf"(?P<p>{NAME})(?:\s*,\s*who\b[^,\n]{{0,120}},)?\s+" + _WILL_DIRECT_TAIL),
                     re.compile(_WILL_DIRECT_TAIL))
_CREDIT_LINE = line_led(re.compile(
    r"(?:^|(?<=\n))\s*(?P<k>Directed\s+by|Directors?|Direction|Written\s+by|Writers?|Screenplay(?:\s+by)?"
    r"|Screenwriters?|Script(?:\s+by)?)\s*[:\-\u2013]\s*(?P<list>[^\n]+)", re.IGNORECASE))
_BY_INLINE = re.compile(
    r"\b(?P<k>(?i:directed|helmed|written|penned|scripted|created))\s+by\s+(?:(?:director|filmmaker|PD|writer|screenwriter"
    r"|showrunner)\s+)?")
_WRITTEN_BY_TOO = re.compile(r"\b(?i:written|penned|scripted)\s+by\b")
_SOURCE_WORK = re.compile(r"(?:novel|webtoon|comic|book|manga|memoir|play|story|based\s+on)\b[^.\n]{0,30}$",
                          re.IGNORECASE)
# no bare "PD": the title covers producers and variety-show makers too ("PD A said", "'Running Man' PD B")
_JOB_BEFORE = re.compile(r"\b(?P<k>[Dd]irector|[Dd]irectors|[Ss]creenwriter|[Ss]criptwriter|[Ww]riter|[Ww]riters)"
                         r"(?:\s+|,\s+(?=[A-Z][^,.;]{2,40},))(?=[A-Z])")

# a performer's description inside a list: "A and child actor B star", "A and veteran actress B"
_PERFORMER = (r"(?:(?:(?:veteran|child|rookie|young|newcomer|former\s+idol)\s+)?"
              r"(?:actor|actress|star|newcomer|rookie)\s+|(?:veteran|newcomer|rookie)\s+)")
_NAME_LIST_END = re.compile(rf"(?:(?:{NAME})(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+){_PERFORMER}?)*(?:{NAME})$")
_NAME_LIST = re.compile(rf"(?:{NAME})(?:\s*,\s*(?:and\s+)?(?:{NAME}))+(?:\s*,?\s+(?:and|&)\s+(?:{NAME}))?")
_CLAUSE_CUT = re.compile(r"[;:(\u2013\u2014|]|,\s+(?:who|which|a|an|the|while|whose|and\s+the)\b")
# works that are not on screen: "starred in the musical ‘S’" names no show
_R24_NOT_SCREEN = (r"(?:musical|play|stage|opera|commercial|advert|ad|album|single|song|novel|book|webtoon|comic|game"
                   r"|podcast|campaign|music)\b")
# ("in tvN's S": a platform may start lower-case; "in KBS2's period saga ‘S’": any words before a quoted title)
_IN_SHOW = re.compile(rf"\s*(?:\([^()]*\)\s*)?in\s+(?:the\s+)?(?:(?:{PLATFORM}|[A-Z][\w ]*?\+?)(?:'s|\u2019s)\s+)?"
                      rf"(?:(?:hit|new|upcoming|series|drama|show|film|movie|K-drama)\s+|(?:(?!{_R24_NOT_SCREEN})[a-z][\w-]*\s+){{1,3}}(?={_QO}))*"
                      rf"{_QO}?(?P<t>{TITLE})")
# a photo caption on a line of its own: "A (left) and B in Show.", "A and B in a still from “Show”. Photo: ..."
_SIDE = r"(?:\s*\((?:left|right|centre|center|middle|top|bottom|front|back)\))?"
# "[Photo: P] A in 'S'.", "A and B star in 'S'. (P)": a credit in brackets before or after; one name only
# where the bracketed credit opens the line
_CAPTION_CAST = re.compile(
    rf"^(?P<lead>\[(?:Photo|Image|Picture|Still)s?\s*:[^\]\n]{{1,40}}\]\s*)?"
    rf"(?P<names>(?:{NAME}){_SIDE}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?:{NAME}){_SIDE})*)\s+(?:star\s+)?in\s+"
    rf"(?:a\s+(?:still|scene|photo|image)\s+from\s+)?(?:the\s+)?{_QO}?(?P<t>{TITLE})[\"\u201d\u2019]?"
    rf"(?:\s+season\s+(?P<n>\d{{1,2}}))?\s*\.?(?:\s+(?:Photo|Photos|Image|Credit|Courtesy)\s*:[^\n]*"
    rf"|\s*\((?:(?:Photo|Image|Credit|Courtesy)\s*:\s*)?[^()\n]{{1,40}}\))?$",
    re.MULTILINE)
_POSS_HEAD = re.compile(rf"^{TOK}{POSS}\s*")
_LIST_CUT = re.compile(r"[;:.!?\u2013\u2014|]\s|\s+(?:in|on|as|at|for|to|with|who|which|is|are|was|were|has"
                       r"|have|will|and\s+more)\b")
_NAME_WHO_END = re.compile(rf"{NAME}\s*,?\s*(?:who\s+)?$")
_CAST_VERB = re.compile(r"\b(?:star\w*|lead\w*|led|launch\w*|headline\w*|front\w*|cast)\b")


def _left(text: str, start: int, end: int) -> tuple[str, int]:
    """The clause before a verb, auxiliaries removed: (masked text, its end offset)."""
    seg = mask_parens(text[start:end]).rstrip()
    while seg:
        head, _, last = seg.rpartition(" ")
        word = last.lower()
        if word.endswith(("'ll", "\u2019ll")):
            seg = seg[: len(seg) - 3].rstrip()
        elif word in _AUX_WORDS:
            seg = head.rstrip()
        else:
            break
    return seg, start + len(seg)


def _subject_list(text: str, start: int, end: int) -> list[Name]:
    seg, seg_end = _left(text, start, end)
    clause_start = max(seg.rfind(";"), seg.rfind(":"), seg.rfind(" while "), seg.rfind(" whereas "))
    clause_start = clause_start + 1 if clause_start >= 0 else 0
    return split_list(seg[clause_start:], start + clause_start, "none")[-6:] if seg.strip() else []


_WHO_END = re.compile(r",\s*who\s+(?:[a-z]+\s+){0,2}$")


def _trailing_names(text: str, start: int, end: int) -> list[Name]:
    """The list of names that ends the clause ``text[start:end]`` ("..., and C" before a verb)."""
    seg, _ = _left(text, start, end)
    seg = seg.rstrip()
    if seg.endswith(",") and (_WHO_END.search(text, start, end) or text.startswith(("playing ", "portraying "), end)):
        # "Also starring is Dae-ho Choi, who plays ...", "Veteran Kwak Bok-hee, playing ... C, has ..."
        seg = seg[:-1].rstrip()
    # walk back over the list: names separated by commas or "and"
    m = _NAME_LIST_END.search(seg)
    if not m:
        return []
    # (the only words before a name that the list pattern lets in are a performer's: "child actor B")
    return split_list(m.group(), start + m.start(), "lower" if re.search(_PERFORMER, m.group()) else "none")


def role_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    last_end = -1  # where the previous role of the same sentence ended: "A plays C, and B plays D"
    for m in sents.finditer(_ROLE_VERB, _W_ROLE):
        sent = sents.at(m.start())
        if sent is None:
            continue
        head = last_end if sent.start <= last_end < m.start() else sent.start
        left_seg, _ = _left(text, sent.start, m.start())
        kind = "play" if m["play"] else "take" if m["take"] else "become" if m["become"] else "verdict"
        if kind == "become":
            c = name_after(text, m.end())
            chars = [c] if c and _AFTER_BECOME.match(text, c.end) and not re.match(POSS, text[c.end:]) else []
        else:
            # "A plays both C1 and C2": one person, two parts
            both = text.startswith("both ", m.end()) and kind == "play"
            chars = leading_list(text, m.end() + (5 if both else 0), sent.end)
            chars = [c for c in chars if not re.match(POSS, text[c.end: c.end + 2])]
            if both and len(chars) == 2:
                persons = _trailing_names(text, head, m.start())
                if len(persons) == 1:
                    show = _show_after(text, chars[-1].end, sent.end, book)
                    out += [_role(text, persons[0], c, "role.plays_both", 0.85, show) for c in chars]
                continue
        if not chars:
            continue
        show = _show_after(text, chars[-1].end, sent.end, book)
        if _KNOWN_FOR.search(left_seg):
            subject = _last_person(text, sent.start, m.start()) or _profile_lead(text, sent, book)
            if subject and len(chars) == 1:
                out.append(_role(text, subject, chars[0], "role.known_for", 0.8, show))
            continue
        last_end = chars[-1].end
        persons = _trailing_names(text, head, m.start())
        rule = f"role.{kind}"
        if not persons and _PRONOUN.search(left_seg.rstrip()):
            persons = _previous_list(text, sents, sent, len(chars))
            rule = "role.respective_next"
        which = _IN_WHICH.search(left_seg.rstrip()) if not persons and len(chars) == 1 else None
        if which is not None and show is None and book.known(clean_title(which["t"]) or "\0"):
            # "... since the drama S, in which she played C": S is the show, the sentence's one person plays
            found = _sentence_person(text, sent, sent.start + which.start(), book) or \
                _previous_person(text, sents, sent, book)
            if found is not None:
                out.append(_role(text, found, chars[0], "role.in_which", 0.7, clean_title(which["t"])))
            continue
        if not persons and len(chars) == 1 and _SINGULAR.search(left_seg.rstrip()):
            # "He will play C": the one person the sentence before names (in a profile, where it names nobody,
            # the person the profile is about, unless "he" stands in a clause about another work)
            found = _previous_person(text, sents, sent, book,
                                     profile=not re.search(r"\b(?:which|where|whom|that)\b", left_seg))
            if found is not None:
                out.append(_role(text, found, chars[0], "role.pronoun", 0.6, show))
            continue
        if not persons and len(chars) == 1 and head == sent.start:
            # "A, best known for her role as C1 in S, will play C2": the subject before a comma-closed apposition
            ap = _APPOS_SUBJECT.fullmatch(left_seg)
            p = clean_name(ap["p"], sent.start + ap.start("p")) if ap else None
            if p is not None and (_person_shaped(p.text) or _r23_named_again(text, p, book)):
                out.append(_role(text, p, chars[0], "role.after_apposition", 0.75, show))
            continue
        if not persons:
            continue
        if len(persons) == len(chars):
            conf = {"play": 0.9, "take": 0.9, "become": 0.75, "verdict": 0.75}[kind]
            if len(persons) > 1:
                rule, conf = ("role.respective" if rule != "role.respective_next" else rule), 0.85
            # "A and B reprise their roles as C and D" in a second season: they were in the first (cast only:
            # whether the part was the same one there is the reader's inference, not the text's)
            # "A returns as C", "B is also back as D": the same
            earlier = _first_season(book, show, m.start()) if _RETURNING.match(m.group()) else None
            for p, c in zip(persons, chars, strict=True):
                out.append(_role(text, p, c, rule, conf, show))
                if earlier is not None:
                    out.append(Raw(FactKind.CAST, p.start, p.end, "cast.reprised", 0.6, person=p.text,
                                   show=earlier.title))
    return out


_RETURNING = re.compile(r"(?i:repris|return|(?:is|are)\s+(?:also\s+)?back\b)")


def _first_season(book: ShowBook, show: str | None, pos: int):
    """The first season of the show a role names (or of the one in scope: a roundup's renewal item) when that
    show is its second season."""
    season = book.resolve(show) if show else book.at(pos)
    if season is None or season.series is None or season.number != 2:
        return None
    return book.sibling(season, 1)


# (a comma before the closing quote too: "‘S,’ in which she ...", as news desks write it)
_QC_COMMA = rf"(?:,{_QC}|{_QC}?,?)"
_IN_WHICH = re.compile(rf"{_QO}?(?P<t>{TITLE}){_QC_COMMA}\s+(?:in\s+which|where)\s+(?:he|she)$")


def _sentence_person(text: str, sent, end: int, book: ShowBook) -> Name | None:
    """The one person ``text[sent.start:end]`` names: a full name or a family name alone ("It is Bae's first
    lead since ..."), resolved later; None when it names none or several."""
    found: dict[str, Name] = {}
    seg = mask_parens(text[sent.start:end])
    for m in re.finditer(NAME, seg):
        name = clean_name(m.group(), sent.start + m.start())
        if name is None or book.known(name.text):
            continue
        if _person_shaped(name.text) or (" " not in name.text and fold(name.text) in KOREAN_SURNAMES):
            found.setdefault(person_key(name.text), name)
    return next(iter(found.values())) if len(found) == 1 else None


_APPOS_SUBJECT = re.compile(rf"(?:And\s+)?(?P<p>{NAME}),\s+[a-z][^,;:()]*,")


def _clause(text: str, start: int, end: int) -> str:
    seg = text[start:end]
    cut = _CLAUSE_CUT.search(seg)
    return seg[: cut.start()] if cut else seg


def _last_person(text: str, start: int, end: int) -> Name | None:
    seg = mask_parens(text[start:end])
    found = None
    for m in re.finditer(NAME, seg):
        name = clean_name(m.group(), start + m.start())
        if name and " " in name.text:
            found = name
    return found


_SINGULAR = re.compile(r"(?:^|\W)(?:[Hh]e|[Ss]he|The\s+(?:actor|actress|star|singer|idol))\s*$")


def _profile_lead(text: str, sent, book: ShowBook) -> Name | None:
    """A sentence opening with the family name of the person a profile is about ("Min, 36, is best known for
    ..."): that person."""
    subject = profile_subject(text, book)
    lone = _LONE_SUBJECT.match(text, sent.start, sent.end) if subject else None
    if lone is None or lone["f"] != subject.split()[0]:
        return None
    return Name(subject, lone.start("f"), lone.end("f"))


def profile_subject(text: str, book: ShowBook) -> str | None:
    """The person a profile is about: the one person-shaped full name its headline holds ("Happy birthday,
    Yoon Hae-jin! Her five best roles"), when the article names no other person more often."""
    cached = getattr(book, "_profile_subject", False)
    if cached is not False:
        return cached
    subject = None
    first_end = text.find("\n")
    if first_end > 0:
        names = {person_key(n.text): n.text for n in (clean_name(m.group(), m.start())
                                                        for m in re.finditer(NAME, text[:first_end]))
                 if n is not None and " " in n.text and _person_shaped(n.text) and not book.known(n.text)}
        if len(names) == 1:
            subject = next(iter(names.values()))
            family = subject.split()[0]
            mentions = text.count(family)
            # another full name written as often as the subject's family name: a piece about two people
            others = {m.group() for m in re.finditer(NAME, text) if " " in m.group() and m.group() != subject}
            if any(text.count(o) >= mentions for o in others if _person_shaped(o)):
                subject = None
    book._profile_subject = subject  # type: ignore[attr-defined]
    return subject


def _previous_person(text: str, sents: Sentences, sent, book: ShowBook, profile: bool = False) -> Name | None:
    """The one full name the sentence before ``sent`` holds (None when it names none or several); with
    ``profile``, where it names nobody, in a profile (see ``profile_subject``), the person it is about."""
    i = sents.index_at(sent.start)
    if i == 0:
        return None
    prev = sents.items[i - 1]
    if i >= 2 and _PRONOUN_LEAD.match(prev.text) and not any(
            " " in m.group() for m in re.finditer(NAME, _SPEAKER.sub("", prev.text, 1))):
        # "Q: What was it like working with A? / B: He is so generous. He plays C": a sentence that only
        # goes on about "he" passes the question back to the one before it
        prev = sents.items[i - 2]
    seg = mask_parens(_SPEAKER.sub(lambda m: " " * len(m.group()), prev.text, 1))
    found: dict[str, Name] = {}
    for m in re.finditer(NAME, seg):
        name = clean_name(m.group(), prev.start + m.start())
        if name is None or " " not in name.text or book.known(name.text) or not _person_shaped(name.text):
            continue
        if _AS_SLOT.search(seg, max(0, m.start() - 60), m.start()) or _PLAYED_SLOT.search(seg, 0, m.start()):
            continue  # "His turn as the loyal bodyguard Heo Jin", "Jang played the captain, Do Han-gyeol"
        found.setdefault(person_key(name.text), name)
    if not found:
        # "Jang played the captain, C. ... in which he plays D": a family name alone as the subject
        lone = _LONE_SUBJECT.match(seg)
        if lone and fold(lone["f"]) in KOREAN_SURNAMES:
            return Name(lone["f"], prev.start + lone.start("f"), prev.start + lone.end("f"))
        subject = profile_subject(text, book) if profile else None
        if subject is not None:
            # the pronoun of ``sent`` stands for the subject: the span stays in ``sent``
            return Name(subject, sent.start, sent.start)
    return next(iter(found.values())) if len(found) == 1 else None


# an interview's speaker label: "Q: ...", "Yoo: ..." (a name's letters and a colon opening the line)
_SPEAKER = re.compile(rf"^(?:Q|A|[{UP}][a-z]+(?:\s[{UP}][\w-]+)?)\s*:\s+")
_PRONOUN_LEAD = re.compile(rf"(?:(?:Q|A|[{UP}][a-z]+(?:\s[{UP}][\w-]+)?)\s*:\s+)?(?:He|She)\s")
_PLAYED_SLOT = re.compile(r"\b(?:plays|played|playing|portrays|portrayed)\b[^.;:()]{0,50}$")
_LONE_SUBJECT = re.compile(rf"(?P<f>[{UP}][a-z]+)(?=(?:,\s+\d{{1,3}},)?,?\s+(?:who\s+)?[a-z])")  # ("Min, 36, is")


_AS_SLOT = re.compile(r"\bas\s+(?:(?:the|a|an|his|her|their|[a-z][\w-]*)\s+){0,4}$")
_SHOW_SLOT = re.compile(r"\b(?:in|from|of|on)\s+$")
# "A has joined S as C": the slot before "as" holds the show the subject joined, not a person
_JOINED_SHOW = re.compile(rf"(?P<p>{NAME})\s+(?:(?:has|have|had|will|officially)\s+)*(?:joins?|joined|joining)\s+"
                          rf"(?:(?:{PLATFORM}|[A-Z][\w+.-]*)(?:'s|\u2019s)\s+)?$")


def _korean_full(name: str) -> bool:
    """A Korean family name, then a hyphenated given name: "Go Eun-sae"."""
    words = name.split()
    return len(words) == 2 and fold(words[0]) in KOREAN_SURNAMES and "-" in words[1]


def _r23_named_again(text: str, name: Name, book: ShowBook) -> bool:
    """A full name of any origin ("Miranda Holt", "Kenji Fujimoto") that the article writes again, whole or
    its last word alone ("Cast: Miranda Holt", "Holt ..."), and that names no show: a person, where the shape
    alone says too little."""
    words = name.text.split()
    if not 2 <= len(words) <= 3 or book.known(name.text) or not all(w[:1].isupper() for w in words):
        return False
    rest = text[:name.start] + text[name.end:]
    return re.search(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", rest) is not None


def _person_shaped(name: str) -> bool:
    """Two or three words, one of them a Korean family name at either end, or a hyphenated given name."""
    words = name.split()
    if not 2 <= len(words) <= 3:
        return False
    ends = (fold(words[0]), fold(words[-1]))
    return ends[0] in KOREAN_SURNAMES or ends[1] in KOREAN_SURNAMES or any("-" in w for w in words)


_PLAYED_BY_RESP = re.compile(r"\b(?:are|were|will\s+be)\s+(?:played|portrayed)\s+by\s+(?P<people>[A-Z][^.;:()]{3,120}?)"
                             r",?\s+respectively\b")
_THEY_AFTER = re.compile(r",\s+(?:they|the\s+(?:two|pair|couple|duo)|both)\b")
_AND_LIST = re.compile(rf"(?:{NAME})(?:\s*,\s*(?:{NAME}))*\s*,?\s+(?:and|&)\s+(?:{NAME})")


def _previous(sents: Sentences, sent) -> Sentence | None:
    i = sents.index_at(sent.start)
    return sents.items[i - 1] if i else None


def _previous_pair_list(text: str, sents: Sentences, sent, count: int) -> list[Name]:
    """The one list of ``count`` names ("A and B", "A, B and C") in the sentence before ``sent``."""
    prev = _previous(sents, sent)
    if prev is None:
        return []
    seg = mask_parens(prev.text)
    found = [names for m in _AND_LIST.finditer(seg)
             if len(names := split_list(m.group(), prev.start + m.start(), "none")) == count]
    return found[0] if len(found) == 1 else []


def _previous_list(text: str, sents: Sentences, sent, count: int) -> list[Name]:
    prev = _previous(sents, sent)
    if prev is None:
        return []
    seg = mask_parens(prev.text)
    best: list[Name] = []
    for m in _NAME_LIST.finditer(seg):
        names = split_list(m.group(), prev.start + m.start(), "none")
        if len(names) == count:
            best = names
    return best


def _show_after(text: str, pos: int, end: int, book: ShowBook) -> str | None:
    """A show named right after a role: "... in a still from “Show”", "... in Show"."""
    still = _STILL_FROM.search(text, pos, end)
    if still:
        return still["t"] + (f" season {still['n']}" if still["n"] else "")
    m = _IN_SHOW.match(text, pos, end)
    if m and book.known(clean_title(m["t"]) or "\0"):
        return clean_title(m["t"])
    m = _IN_SEASON.match(text, pos, end)
    if m is not None:
        # "A, who played C in the first season, ...": that season of the series the article is about
        main = book.at(pos)
        number = to_number(m["n"] or m["o"])
        other = book.sibling(main, number) if main is not None and main.series and number else None
        return other.title if other is not None else None
    return None


_IN_SEASON = re.compile(rf",?\s+in\s+(?:the\s+(?P<o>{ORDINAL})\s+season|season\s+(?P<n>{NUMBER}))\b")


def _role(text: str, p: Name, c: Name, rule: str, conf: float, show: str | None) -> Raw:
    c = _character(text, c)
    return Raw(FactKind.ROLE, min(p.start, c.start), max(p.end, c.end), rule, conf, person=p.text,
               character=c.text, show=show)


# Forms of address written before a character's name.  "Queen Min Ga-ryeong" is Min Ga-ryeong; "Director
# Pyo", "Agent Rho", "Mrs Gil" are known by the title and a surname only, so the title stays.
_HONORIFIC = frozenset("""
queen king prince princess lady lord sir dame mr mrs ms miss dr doctor professor prof reverend rev father
mother sister brother captain capt detective det officer agent inspector sergeant sgt lieutenant lt commander
general colonel major director chairman chairwoman president judge prosecutor attorney nurse chef teacher
master madam madame grandma grandpa grandmother grandfather uncle aunt auntie chief coach manager minister
headmaster headmistress principal dean warden governor mayor ambassador
dci di ds dc dsi pc
""".split())
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\.?[ ]$")
# words that rank a title written before a name: "Crown Princess", "Grand Prince", "Queen Dowager"
_R24_RANK = frozenset("crown grand royal dowager consort deputy chief head senior junior".split())


def _character(text: str, c: Name) -> Name:
    words = c.text.split()
    if len(words) >= 3 and words[0].lower() in _R24_RANK and words[1].lower() in _HONORIFIC \
            and ("-" in words[2] or len(words) >= 4):
        # "Crown Princess Hye-ryeon", "Grand Prince Yi Seon": a rank and a title before the name
        rest = c.text.split(None, 2)[2]
        return Name(rest, c.end - len(rest), c.end)
    if len(words) >= 3 and words[0].lower().rstrip(".") in _HONORIFIC:
        rest = c.text[len(words[0]):].lstrip()
        return Name(rest, c.end - len(rest), c.end)
    if len(words) == 1 and words[0].lower() in _HONORIFIC:
        # "the pawnbroker Mr. Baek": the stop after the address cut the name; a full name after it stands alone
        m = _AFTER_ADDRESS.match(text, c.end)
        after = clean_name(m["n"], m.start("n")) if m else None
        if after is not None:
            return after if " " in after.text else Name(text[c.start:after.end], c.start, after.end)
    if len(words) == 1:
        m = _WORD_BEFORE.search(text, max(0, c.start - 16), c.start)
        if m and m.group(1).lower() in _HONORIFIC:
            return Name(text[m.start(1): c.end], m.start(1), c.end)
    return c


_AFTER_ADDRESS = re.compile(rf"\.?[ ](?P<n>{NAME})")


# "B is the sceptical police officer, Hwang In-seok, who ...": a part described, then named in apposition
# "Jonah is her neighbour, Caleb Wren, who ...": the same with a possessive for the article
_IS_THE = re.compile(rf"(?P<p>{NAME})\s+is\s+(?:the|his|her|their)\s+(?P<d>(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*),"
                     rf"\s+(?P<c>{NAME}),")
# "Callum Reid is Sergeant Euan Morrison, the ...": a part named with its form of address (see _HONORIFIC)
_IS_TITLED = re.compile(rf"(?P<p>{NAME})\s+is\s+(?P<h>[A-Z][A-Za-z]+)\s+(?P<c>{NAME})(?=\s*[,;.]|\s+in\s)")
# the trade, not a part: "A is the director, B, ..."
_NOT_A_PART = frozenset("star lead leads actor actress creator showrunner screenwriter scriptwriter cast "
                        "ensemble head ceo representative spokesperson".split())


_LIST_GOES_ON = re.compile(rf"\s*,\s*(?:and\s+)?{NAME}\s*(?:[,.]|and\b|$)")


def as_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for sent in sents.having(("respectively",)):
        # "The regulars - a driver named C1 and a teacher, C2 - are played by A1 and A2, respectively"
        m = _PLAYED_BY_RESP.search(text, sent.start, sent.end)
        if m is None:
            continue
        persons = split_list(m["people"], m.start("people"), "none")
        chars = [n for n in (clean_name(c.group(), sent.start + c.start())
                             for c in re.finditer(NAME, mask_parens(text[sent.start:m.start()])))
                 if n is not None and " " in n.text and not book.known(n.text)]
        if len(persons) >= 2 and len(persons) == len(chars) and persons[-1].end == m.end("people") \
                and all(_person_shaped(p.text) and _person_shaped(c.text) for p, c in zip(persons, chars, strict=True)):
            out += [_role(text, p, c, "role.played_by_respectively", 0.75, None)
                    for p, c in zip(persons, chars, strict=True)]
    for sent in sents.having(("as ",)):
        # "A and B are wonderful together. As C and D, they bicker ...": the pair of the sentence before, in order
        if not text.startswith("As ", sent.start):
            continue
        chars = leading_list(text, sent.start + 3, sent.end)
        if len(chars) < 2 or not _THEY_AFTER.match(text, chars[-1].end, sent.end):
            continue
        persons = _previous_pair_list(text, sents, sent, len(chars))
        if len(persons) == len(chars) and all(" " in p.text and _person_shaped(p.text) for p in persons):
            out += [_role(text, p, c, "role.as_they", 0.75, None) for p, c in zip(persons, chars, strict=True)]
    def as_matches():
        for m in sents.finditer(_AS, (" as ",)):
            yield m
            # "A as a captain facing redundancy, B as his daughter, C": the name read as A's part opens the
            # next pair, which the first match swallowed
            if re.match(r"\s+as\s", text[m.end():m.end() + 5]):
                again = _AS.match(text, m.start("c"))
                if again is not None:
                    yield again

    for m in as_matches():
        sent = sents.at(m.start())
        if sent is None or not _AFTER_AS.match(text, m.end()) or re.match(POSS, text[m.end():m.end() + 2]):
            continue
        # ("as his estranged daughter, C": a possessive determiner opens a description like "the")
        head = re.sub(r"^(?:his|her|their)\s+", "", _POSS_HEAD.sub("", m["d"] or ""))
        if m["d"] and not descriptor_ok(head.replace(",", " ").strip() or "x"):
            continue
        if "," in m["d"] and _LIST_GOES_ON.match(text, m.end()) and any(
                w in text[sent.start:m.start("d")].lower() for w in ("starring", "cast:", "with:")):
            continue  # "Starring A as the widow, B, and C": the name after the comma is the list's next person
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        if p is None or c is None or " " not in p.text:
            continue
        if _SHOW_SLOT.search(text, max(sent.start, p.start - 6), p.start):
            continue  # "impressed audiences in Spring Radio as a DJ": a show, not a person, before "as"
        j = _JOINED_SHOW.search(text, sent.start, p.start)
        if j is not None or book.known(p.text):
            # "Dae Rin has joined 'Iron Quay' as C": what was joined is a show (known, quoted or "the cast of"),
            # and the one who joined plays C in it; a known show before "as" is never the actor
            actor = clean_name(j["p"], j.start("p")) if j else None
            title = clean_title(p.text)
            if actor is not None and title and " " in actor.text and not book.known(actor.text) \
                    and book.known(title):
                out.append(_role(text, actor, c, "role.joined_as", 0.75, title))
            continue
        show = _show_after(text, c.end, sent.end, book)
        caption = show is not None and _STILL_FROM.search(text, c.end, sent.end) is not None
        out.append(_role(text, p, c, "role.caption" if caption else "role.as", 0.85 if caption else 0.75, show))
    for m in sents.finditer(_JOINED_AS, ("join",)):
        if not _AFTER_AS.match(text, m.end()) or (m["d"] and not descriptor_ok(
                _POSS_HEAD.sub("", m["d"]).replace(",", " ").strip() or "x")):
            continue
        p, c = clean_name(m["p"], m.start("p")), clean_name(m["c"], m.start("c"))
        title = clean_title(m["t"] or m["q"])
        if p is not None and c is not None and title and " " in p.text and not book.known(p.text):
            out.append(_role(text, p, c, "role.joined_as", 0.8, title))
    for m in sents.finditer(_AS_APPOS, (" as ",)):
        sent = sents.at(m.start())
        if sent is None or not _appos_descriptor(m["d"]):
            continue
        before = text[sent.start:m.start()].strip()
        if before not in ("", "And", "But") and not before.endswith((",", ";", " are", " is")):
            continue  # the person must open its clause: "A, as ... C, verb"
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        if p is None or c is None or " " not in p.text or not _person_shaped(p.text):
            continue
        out.append(_role(text, p, c, "role.as_apposition", 0.75, _show_after(text, c.end, sent.end, book)))
    for m in sents.finditer(_IS_THE, (" is the ", " is his ", " is her ", " is their ")):
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        sent = sents.at(m.start())
        words = m["d"].lower().split()
        if p is None or c is None or sent is None or p.text != m["p"] or c.text != m["c"]:
            continue
        if not descriptor_ok(m["d"]) or any(w in _WHOSE_NOT_PART or w in _NOT_A_PART for w in words):
            continue
        # a family or given name alone is kept only when the resolver finds the one person it stands for
        if (_person_shaped(p.text) or " " not in p.text) and _person_shaped(c.text) and not book.known(c.text):
            out.append(_role(text, p, c, "role.is_the", 0.7, _show_after(text, c.end, sent.end, book)))
    for m in sents.finditer(_IS_TITLED, (" is ",)):
        if m["h"].lower() not in _HONORIFIC or m["h"].lower() in ("director", "chairman", "president", "ceo"):
            continue
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        sent = sents.at(m.start())
        if p is None or c is None or sent is None or p.text != m["p"] or book.known(c.text):
            continue
        if " " in c.text and (" " in p.text or _person_shaped(c.text)):
            out.append(_role(text, p, c, "role.is_titled", 0.7, _show_after(text, c.end, sent.end, book)))
    for m in sents.finditer(_PLAYED_BY, ("played by", "portrayed by")):
        c = clean_name(m["c"], m.start("c"))
        p = clean_name(m["p"], m.start("p"))
        sent = sents.at(m.start())
        if m["ap"] and not descriptor_ok(m["ap"].split(None, 1)[1]):
            continue  # "C, a man who is played by": a clause, not a description
        if c and p and sent:
            out.append(_role(text, p, c, "role.played_by", 0.9, _show_after(text, p.end, sent.end, book)))
    for m in sents.finditer(_R23_BROUGHT_BY, (" by ",)):
        # "C, a failed novelist who ..., is brought to life by A, and the youngest, D, by B": a long aside
        # before the verb, and a second pair that leaves the verb out
        sent = sents.at(m.start())
        for ck, pk in (("c", "p"), ("c2", "p2")):
            if m[ck] is None:
                continue
            c, p = clean_name(m[ck], m.start(ck)), clean_name(m[pk], m.start(pk))
            if sent and c and p and c.text == m[ck] and " " in p.text and not book.known(c.text) \
                    and not book.known(p.text):
                out.append(_role(text, p, c, "role.brought_to_life_by", 0.8,
                                 _show_after(text, p.end, sent.end, book)))
    return out


# Credits told in passing about a person: "her role as prosecutor C in the legal drama S", "His turn as the
# gangster C in S", "He was last seen in the tvN drama S", "Fresh off the drama S, A plays ..."
_SHOW_REF = (rf"(?:the\s+)?(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?"
             rf"(?:(?:(?:{TOK}|[a-z]\w*)(?:'s|\u2019s|\+)?\s+){{0,3}}?(?:drama|series|show|film|movie"
             rf"|thriller|sitcom|K-drama)\s+)?{_QO}?(?P<t>{TITLE})")
_TURN_AS = re.compile(rf"\b(?P<pr>[Hh]is|[Hh]er)\s+(?:(?:role|turn|part|performance)\s+as|portrayal\s+of)\s+"
                      rf"(?P<d>(?:(?:the|a|an|[a-z][\w-]*)\s+){{0,4}})(?P<c>{NAME})\s+in\s+" + _SHOW_REF)
# the same part with no show after it: "A has drawn praise for her turn as Min's cynical landlady, C." (the show
# is the one in scope; the person is the one the sentence names before it)
_TURN_AS_HERE = re.compile(rf"\b(?:[Hh]is|[Hh]er)\s+(?:role|turn|performance|portrayal)\s+as\s+"
                           rf"(?P<d>(?:{TOK}{POSS}\s+)?(?:(?:the|a|an|[a-z][\w-]*)\s+){{0,4}}(?:[a-z][\w-]*,\s+)?)"
                           rf"(?P<c>{NAME})(?=\s*[,.;!?]|\s*$)")
_SUBJECT_APPOS = re.compile(rf"(?:And\s+)?(?P<p>{NAME}),\s+(?:[a-z][\w-]*\s+){{1,4}}$")
_LAST_SEEN = re.compile(r"(?:(?:Q|[A-Z][a-z]+)\s*:\s+)?(?:(?P<you>You)\s+were"
                        r"|(?:[Hh]e|[Ss]he)\s+(?:was|is|has\s+been))\s+(?:last|most"
                        r"\s+recently|recently|previously)\s+seen\s+in\s+" + _SHOW_REF)
_FRESH_OFF = re.compile(r"(?:Fresh\s+(?:off|from)|Coming\s+off)\s+" + _SHOW_REF + rf",\s+(?P<p>{NAME})\s+[a-z]")
# the same credits with a person the article already casts as the named subject: "A was last seen in S",
# "..., while A is best known for his role as C in S", "A, fresh off the drama S, proves ..."
_NAMED_LAST_SEEN = re.compile(rf"(?P<p>{NAME})\s+(?:was|is|has\s+been)\s+(?:last|most\s+recently|recently"
                              r"|previously)\s+seen\s+in\s+" + _SHOW_REF)
_NAMED_KNOWN_FOR = re.compile(rf"(?:^|,\s+(?:while|whereas|and|but)\s+)(?P<p>{NAME})\s+(?:is|was|remains)\s+"
                              r"(?:perhaps\s+|still\s+)?(?:best\s+)?(?:known|remembered)\s+for\s+$")
_NAMED_FRESH_OFF = re.compile(rf"(?P<p>{NAME}),\s+(?:fresh\s+(?:off|from)|coming\s+off)\s+" + _SHOW_REF
                              + r",\s+[a-z]")


_R23_OPENING_NAME = re.compile(rf"(?P<p>{NAME})(?:,\s+\d{{1,2}},)?\s+[a-z]")


def _r23_cast_subject(text: str, start: int, lead: str, known_people: frozenset[str], key) -> Name | None:
    """The name opening a sentence whose lead names no other person, when it is one the article casts, in full
    or by the family name of just one of them."""
    m = _R23_OPENING_NAME.match(lead)
    if m is None or key is None or re.search(rf"(?<![\w-]){NAME}[ ][{UP}][\w]*-[a-z]", lead[m.end():]):
        return None
    p = clean_name(m["p"], start + m.start("p"))
    if p is None or p.text != m["p"]:
        return None
    if " " in p.text:
        return p if key(p.text) in known_people else None
    w = re.escape(p.text)
    fits = {key(f.group()) for f in re.finditer(rf"(?<![\w-])(?:{w}[ ]{TOK}|{TOK}[ ]{w})(?![\w-])", text)}
    return p if len(fits & known_people) == 1 else None


def passing_credit_facts(text: str, sents: Sentences, book: ShowBook, known_people: frozenset[str] = frozenset(),
                         key=None) -> list[Raw]:
    """Roles and cast of a person in other shows, only where the person is certain: the sentence's own
    subject, for "He"/"His" the one person the sentence before names, or a person the article already casts
    named as the sentence's subject (in whatever order or spelling)."""
    out: list[Raw] = []

    def known(m) -> Name | None:
        p = clean_name(m["p"], sent.start + m.start("p"))
        ok = p is not None and key is not None and key(p.text) in known_people and _person_shaped(p.text)
        return p if ok else None

    for sent in sents.items:
        seg = text[sent.start:sent.end]
        for m in _TURN_AS.finditer(seg):
            title = clean_title(m["t"])
            d = m["d"].strip()
            if not title or (d and not descriptor_ok(d)):
                continue
            c = clean_name(m["c"], sent.start + m.start("c"))
            lead = seg[:m.start()]
            if m["pr"][0] == "H" and not lead.strip():
                p = _previous_person(text, sents, sent, book)
            else:
                s = _SUBJECT_APPOS.fullmatch(lead)
                p = clean_name(s["p"], sent.start + s.start("p")) if s and _KNOWN_FOR.search(lead) else None
                if p is None and (s := _NAMED_KNOWN_FOR.search(lead)):
                    p = known(s)
                if p is None and m["pr"] in ("her", "his"):
                    # "Seo debuted in 2019 and won a prize for her role as C in S": the sentence's subject, a
                    # person the article casts (in full or by the one family name that fits)
                    p = _r23_cast_subject(text, sent.start, lead, known_people, key)
                    if p is not None and c is not None:
                        out.append(_role(text, p, c, "role.credit_in_passing", 0.7, title))
                    continue
            if p is None or c is None or not _person_shaped(p.text):
                continue
            out.append(_role(text, p, c, "role.credit_in_passing", 0.7, title))
        for m in _TURN_AS_HERE.finditer(seg) if " as " in seg else ():
            d = m["d"].replace(",", " ").split()
            if d and d[0].endswith(("'s", "\u2019s")):
                d = d[1:]
            c = clean_name(m["c"], sent.start + m.start("c"))
            if c is None or c.text != m["c"] or book.known(c.text) or (d and not descriptor_ok(" ".join(d))):
                continue
            p = _sentence_person(text, sent, sent.start + m.start(), book)
            if p is not None and " " in p.text and _person_shaped(p.text):
                out.append(_role(text, p, c, "role.turn_as", 0.65, None))
        m = _LAST_SEEN.match(seg)
        if m and clean_title(m["t"]):
            if m["you"]:
                # an interviewer's "You were last seen in S": the one person the interview is about
                subject = profile_subject(text, book)
                p = Name(subject, sent.start, sent.start) if subject else None
            else:
                p = _previous_person(text, sents, sent, book)
            if p is not None:
                out.append(Raw(FactKind.CAST, sent.start + m.start("t"), sent.start + m.end("t"), "cast.last_seen",
                               0.6, person=p.text, show=clean_title(m["t"])))
        m = _FRESH_OFF.match(seg)
        if m and clean_title(m["t"]):
            p = clean_name(m["p"], sent.start + m.start("p"))
            if p is not None and _person_shaped(p.text):
                out.append(Raw(FactKind.CAST, p.start, p.end, "cast.fresh_off", 0.6, person=p.text,
                               show=clean_title(m["t"])))
        for rx, rule in ((_NAMED_LAST_SEEN, "cast.last_seen"), (_NAMED_FRESH_OFF, "cast.fresh_off")):
            m = rx.match(seg)
            if m and clean_title(m["t"]) and (p := known(m)) is not None:
                out.append(Raw(FactKind.CAST, p.start, p.end, rule, 0.6, person=p.text, show=clean_title(m["t"])))
    return out


# Other credits told in passing, each with the show after "in" (or "on"): "most recently appeared in the tvN
# romance S", "broke out in the 2021 film S", "had a breakout turn in S and a small part in the film T", "is best
# known for playing the king in S", "recently wrapped filming on S", "A, so good in last year's S, ..."
# ("Coupang Play's Glass Cage": a platform's possessive before the title)
_PASSING_REF = (rf"(?:the\s+)?(?:(?:last|this)\s+year(?:'s|\u2019s)\s+|(?:{PLATFORM})(?:'s|\u2019s)\s+)?"
                rf"(?:(?:(?:{TOK}|[a-z]\w*|\d{{4}})(?:'s|\u2019s|\+)?\s+){{0,3}}?(?:drama|series|show|film|movie|thriller|sitcom|K-drama|romance|comedy|mystery|melodrama"
                rf"|romcom|rom-com)\s+)?{_QO}?(?P<t>{TITLE})")
_PASSING_PART = r"(?:a|an|his|her)\s+(?:[a-z-]+\s+){0,2}(?:turn|part|role|appearance|cameo)"
_APPEARED_IN = re.compile(
    r"(?:(?:was|is|has\s+been)\s+(?:last|most\s+recently|recently|previously)\s+seen\s+in"
    r"|(?:most\s+recently|recently|previously|also|last|first)\s+(?:appeared|starred|featured)\s+in"
    # a bare "starred in": only before a title in quotes or after a platform's possessive (see passing_cast_facts)
    r"|(?P<bare>(?:starred|appeared|featured)\s+in"
    # "went on to headline Netflix's thriller 'S'": leading a show, with the same title test as "starred in"
    r"|went\s+on\s+to\s+(?:headline|front|lead|star\s+in)|headlined|fronted|led)"
    r"|(?:broke\s+out|(?:rose|shot)\s+to\s+(?:fame|stardom|prominence)|made\s+(?:his|her)\s+(?:debut|name))"
    r"\s+(?:in|through|with)"
    # "Bae, who drew attention as the motorbike courier in S": noticed in a part the article does not name
    r"|(?:drew|drawn|caught|grabbed|won)\s+(?:attention|notice|praise)\s+(?:as\s+(?:(?:the|a|an|[a-z][\w-]*)\s+){1,5}?)?in"
    rf"|(?:had|made)\s+{_PASSING_PART}\s+in"
    r"|(?:is|was)\s+(?:perhaps\s+|still\s+)?(?:best\s+)?(?:known|remembered)\s+for\s+(?:(?:his|her)\s+"
    r"(?:turn|role|part|performance)\s+as|playing)\s+(?:(?:the|a|an|[a-z][\w-]*)\s+){1,5}?in"
    r"|(?:recently\s+)?wrapped\s+(?:filming|shooting)\s+on"
    # "B recently finished the JTBC drama S": a finished show named with its kind or in quotes
    r"|(?:recently|just)\s+(?:finished|wrapped|completed)(?=\s+(?:the\s+)?(?:[\w+]+\s+){0,2}?(?:drama|series|show"
    r"|thriller|sitcom|K-drama|romance|comedy|mystery|melodrama)\s|\s+[\"\u201c\u2018])"
    # "A, who fans will remember as the hacker in S": the person is the object of the relative clause
    r"|,\s+who(?:m)?\s+(?:fans|viewers|audiences)\s+(?:will|may|might|would|should)\s+(?:remember|recogni[sz]e)\s+"
    r"(?:from|as\s+(?:(?:the|a|an|[a-z][\w-]*)\s+){1,5}?in)"
    r"|(?:(?:first|previously|also)\s+)?(?:impressed|wowed|charmed|won\s+over)\s+(?:audiences|viewers|fans|critics)\s+in"
    # "Audiences first noticed him in S": the person is the object
    r"|(?P<obj>(?:Audiences|Viewers|Fans|Critics)\s+(?:first\s+)?(?:noticed|met|saw|spotted|fell\s+for)\s+(?:him|her)\s+in)"
    r"|(?:so\s+|very\s+)?(?:good|great|memorable|superb|excellent|wonderful|brilliant|terrific)\s+in)\s+"
    + _PASSING_REF)
# A part in another show that made the person's name: "is still best remembered as the ruthless Prince C of S",
# "first captured viewers' attention as the cold-blooded heir C in P's S", "broke out as C in S"
_EARLIER_AS = re.compile(
    r"(?:(?:is|was|remains)\s+(?:perhaps\s+|still\s+|probably\s+)?(?:best\s+|most\s+|widely\s+)?(?:known|remembered)"
    r"|(?:first\s+)?(?:captured|caught|grabbed|won|stole)\s+(?:(?:viewers|audiences|fans|critics)(?:'|\u2019)\s+|the\s+"
    r"public(?:'s|\u2019s)\s+)?(?:attention|hearts|notice)"
    r"|(?:rose|shot)\s+to\s+(?:fame|stardom|prominence)|broke\s+out|made\s+(?:his|her)\s+(?:name|mark))"
    rf"\s+as\s+(?P<d>(?:(?:the|a|an|[a-z][\w-]*)\s+){{0,5}}?)(?P<c>{NAME})\s+(?:in|of|from|on)\s+" + _PASSING_REF)
_EARLIER_WORDS = ("known", "remembered", "attention", "hearts", "notice", "fame", "stardom", "prominence", "broke out",
                  "made his", "made her")
# "You may recognise A from S1 and S2": the person is the object, named in full
_RECOGNISE = re.compile(rf"\b(?:recogni[sz]e|remember)\s+(?P<p>{NAME})\s+from\s+" + _PASSING_REF)
_AND_TITLE = re.compile(rf"{_QC}?\s+and\s+" + _PASSING_REF)
_AND_PART = re.compile(rf"{_QC}?\s+and\s+(?:{_PASSING_PART}|(?:(?:recently|later|also|then|most\s+recently)\s+)?"
                       rf"(?:appeared|starred|featured))\s+in\s+" + _PASSING_REF)
# who: the name that opens the clause ("A, who broke out in", "..., and B recently wrapped", "A, so good in")
_PASSING_NAMED = re.compile(rf"(?:^(?:And\s+|But\s+)?|[,;]\s+(?:and|while|whereas|but)\s+)(?P<p>{NAME})"
                            r"(?:,\s+who|,)?\s*$")
_PASSING_PRONOUN = re.compile(r"(?:^(?:He|She|The\s+(?:[a-z-]+\s+)?(?:actor|actress|star))"
                              r"|[,;]\s+(?:and|but)\s+(?:he|she))\s*$")
_PRAISE = ("good", "great", "memorable", "superb", "excellent", "wonderful", "brilliant", "terrific", "so ", "very ")


def passing_cast_facts(text: str, sents: Sentences, book: ShowBook, actors: tuple[str, ...]) -> list[Raw]:
    """Cast of other shows named in passing, only for a person the article already casts (named in full or by
    the one family name that fits, or as "He"/"She" after a sentence naming just that person)."""
    if not actors:
        return []
    ends: dict[str, set[str]] = {}
    for name in actors:
        words = name.split()
        for w in (words[0], words[-1]):
            ends.setdefault(fold(w).replace("-", ""), set()).add(person_key(name))
    keys = {person_key(n) for n in actors}

    def who(lead: str, sent) -> Name | None:
        m = _PASSING_NAMED.search(lead)
        p = clean_name(m["p"], sent.start + m.start("p")) if m is not None else None
        if p is not None:  # a name ("She" is none)
            if " " in p.text:
                return p if person_key(p.text) in keys and _person_shaped(p.text) else None
            return p if len(ends.get(fold(p.text).replace("-", ""), ())) == 1 else None
        if _PASSING_PRONOUN.search(lead) or not lead.strip():
            # "..., and he previously ...": a person named earlier in the sentence, else in the one before
            here = _sentence_person(text, sent, sent.start + len(lead), book) if lead.strip() else None
            p = here or _previous_person(text, sents, sent, book)
            if p is not None and " " not in p.text:  # "Park plays C. He broke out in S": the one Park cast
                return p if len(ends.get(fold(p.text).replace("-", ""), ())) == 1 else None
            return p if p is not None and person_key(p.text) in keys else None
        return None

    out: list[Raw] = []
    for sent in sents.having(("seen in", "appeared in", "starred in", "featured in", "broke out", "rose to ",
                              "shot to ", "headline", "fronted", "led ", "went on to", " as ",
                              "finished", "completed",
                              "made his", "made her", "had a", "had an", "had his", "had her", "known for",
                              "remembered for", "wrapped", " in ", "recognis", "recogniz", "remember ")):
        seg = text[sent.start:sent.end]
        for m in _RECOGNISE.finditer(seg):
            p = clean_name(m["p"], sent.start + m.start("p"))
            if p is None or " " not in p.text or person_key(p.text) not in keys:
                continue
            more = _AND_TITLE.match(seg, m.end())
            for t in (m, more) if more else (m,):
                title = clean_title(t["t"])
                if title and title == t["t"].strip():
                    out.append(Raw(FactKind.CAST, sent.start + m.start(), sent.start + t.end("t"),
                                   "cast.recognise_from", 0.6, person=p.text, show=title))
        earlier = " as " in seg and any(w in seg for w in _EARLIER_WORDS)
        for m in _EARLIER_AS.finditer(seg) if earlier else ():
            title = clean_title(m["t"])
            c = clean_name(m["c"], sent.start + m.start("c"))
            d = m["d"].strip()
            if not title or title != m["t"].strip() or c is None or c.text != m["c"] or (d and not descriptor_ok(d)):
                continue
            p = who(seg[:m.start()], sent)
            if p is not None and not book.known(p.text) and not book.known(c.text):
                out.append(_role(text, p, c, "role.earlier_as", 0.65, title))
        last: Name | None = None  # the person of the sentence's credit before: "A starred in S and went on to ..."
        for m in _APPEARED_IN.finditer(seg):
            praise = m.group().startswith(_PRAISE)
            lead = seg[:m.start()]
            if praise and not lead.rstrip().endswith(","):
                continue  # "A, so good in S, ...": only as an aside after the name
            if not lead.strip() and not m["obj"]:
                continue  # a verb with no subject at all
            if m["bare"] and not re.match(rf"\s+(?:the\s+)?(?:(?:{PLATFORM})(?:'s|\u2019s)\s+|(?:(?:{PLATFORM})\s+)?"
                                          rf"(?:[a-z-]+\s+){{0,2}}{_QO})",
                                          seg[m.end("bare"):m.end("bare") + 40]):
                continue  # "She appeared in Busan": a bare "appeared in" needs a title in quotes or a platform's
            p = who(lead, sent)
            if p is None and last is not None and re.search(rf"{_QC}?\s+and\s*$", lead):
                p = last
            if p is None:
                continue
            last = p
            more = _AND_PART.match(seg, m.end())  # "... in S and a small part in the film T"
            for t in (m, more) if more else (m,):
                title = clean_title(t["t"])
                if title == t["t"].strip() and not book.known(p.text) and clean_name(title, 0) != title:
                    out.append(Raw(FactKind.CAST, sent.start + m.start(), sent.start + t.end("t"), "cast.in_passing",
                                   0.6, person=p.text, show=title))
    return out


def _appos_descriptor(d: str) -> bool:
    """Lower-case describing words, a possessive or determiner only first and "and" only between words."""
    words = d.split()
    if words and _APPOS_HEAD.match(words[0]):
        words = words[1:]
    if not words or words[-1] == "and" or words[0] == "and":
        return False
    return descriptor_ok(" ".join(w for w in words if w != "and"))


def paren_mentions(text: str) -> list[tuple[Name, Name | None, str, int, int]]:
    """Every "Outer (inner)" pair: (outer, inner name or None, inner text, inner start, inner end)."""
    out = []
    i = text.find("(")
    while i >= 0:
        close = text.find(")", i + 1, i + 92)
        j = i
        i = text.find("(", i + 1)
        if close < 0 or "\n" in text[j:close] or (0 <= i < close) or j == 0 or text[j - 1] != " ":
            continue
        outer = name_before(text, j - 1)
        raw_inner = text[j + 1: close]
        inner_text = raw_inner.strip()
        if outer is None or not inner_text:
            continue
        i_start = j + 1 + raw_inner.find(inner_text)
        inner = clean_name(inner_text, i_start)
        if inner is not None and inner.text != inner_text:
            inner = None
        out.append((outer, inner, inner_text, i_start, close))
    return out


def _family_name(name: str) -> str:
    words = name.split()
    return words[0] if fold(words[0]) in KOREAN_SURNAMES or "-" in words[-1] else words[-1]


# what the press says of an actor named by the family name alone ("Joo was the soul of the show as ...", "Ban,
# who played ...", "Kwak gives the finale's best scene"); a part's family name does plot ("Oh hires her ...")
_PERFORMS = re.compile(r"[^.!?\n]{0,60}?\b(?:play(?:s|ed|ing)?|as|role|part|performance|turn|scene|show|series"
                       r"|acting|casting|cast|debut|original|character|leads|stars|starred|appears|appeared"
                       r"|returns|returned|reprises)\b")


def _called_by_family_name(text: str, name: str) -> bool:
    """The name's family name stands alone somewhere, no capitalised word or hyphen joined to it, in words about
    a performance."""
    family = _family_name(name)
    for m in re.finditer(rf"\b{re.escape(family)}\b", text):
        before, after = text[max(0, m.start() - 30): m.start()], text[m.end(): m.end() + 2]
        if re.search(r"[A-Z][\w-]*[ -]$|-$", before) or re.match(r"[ -][A-Z]|-", after):
            continue
        if _PERFORMS.match(text, m.end()):
            return True
    return False


# "The consultant (A as C)": the pair inside the bracket, actor first
_PAREN_AS = re.compile(rf"\((?P<p>{NAME})\s+as\s+(?P<c>{NAME})\)")
# a form of address plus one word names a character ("Director Heo"); words that are also given names are left out
_TITLE_ONLY = _HONORIFIC - frozenset("dean major king lady".split())


def _titled(name: str) -> bool:
    words = name.split()
    return len(words) == 2 and words[0].lower() in _TITLE_ONLY and "-" not in words[1]


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not re.search(r"[.!?]\s|\n", text[lo:hi])


_ROLE_NEXT = re.compile(r"\s*(?:will\s+|also\s+)?(?:plays?|played|portrays?|stars\s+as|takes\s+on|is\s+cast\s+as)\b")


# an earlier work in a bracket: a title in quotes, or one followed by its year ("‘S,’ 2023", "S, 2021", "‘S’")
_BRACKET_WORK = re.compile(rf"\s*(?:{_QO}(?P<q>[^\n\"\u201c\u201d\u2018\u2019]{{2,60}}?),?{_QC}"
                           rf"\s*(?:,?\s*(?:19|20)\d\d)?|(?P<t>[^\n,;()]{{2,60}}?),\s*(?:19|20)\d\d)\s*")


def _bracket_works(inner: str) -> list[str]:
    """The titles of a bracket that lists earlier works and nothing else, separated by ";" or ","."""
    works: list[str] = []
    for piece in re.split(r";", inner):
        pos = 0
        while pos < len(piece):
            m = _BRACKET_WORK.match(piece, pos)
            if m is None:
                return []
            raw = m["q"] or m["t"]
            title = clean_title(raw)
            if not title or title != raw.strip() or (m["t"] and " " not in title):
                return []  # (unquoted, one word and a year is as often a place: "(Seoul, 2022)")
            works.append(title)
            pos = m.end()
            if piece.startswith(",", pos):
                pos += 1
            elif pos < len(piece):
                return []
    return works


def paren_facts(text: str, known_people: set[str], known_chars: set[str], book: ShowBook,
                key, known_crew: dict | None = None) -> list[Raw]:
    known_crew = known_crew or {}
    """"Character (Actor)" or "Actor (Character)", "Actor (Show A and Show B)", "Name (aka Other)"."""
    out: list[Raw] = []
    mentions = paren_mentions(text)
    # "A (Director Heo)" puts the actor outside; another pair in that sentence follows the same order
    actor_outside = [o.start for o, _, i, *_ in mentions if " " in o.text and _titled(i) and not _titled(o.text)]
    for pair in _PAREN_AS.finditer(text):
        if " " in pair["p"] and not book.known(pair["p"]) and not book.known(pair["c"]):
            p, c = Name(pair["p"], pair.start("p"), pair.end("p")), Name(pair["c"], pair.start("c"), pair.end("c"))
            out.append(_role(text, p, c, "role.paren_as", 0.8, None))
    for outer, inner, inner_text, i_start, i_end in mentions:
        if " " in outer.text and _titled(inner_text) and not _titled(outer.text) and not book.known(outer.text):
            out.append(_role(text, outer, Name(inner_text, i_start, i_end), "role.paren_titled", 0.7, None))
            continue
        aka = _AKA.match(inner_text)
        if aka and aka.group().lower().startswith("real name") and " " in aka["a"] and " " not in outer.text:
            # "Jay (real name Choi Jae-min)": the stage name is the alias of the person
            out.append(Raw(FactKind.ALIAS, outer.start, i_end, "alias.real_name", 0.9, person=aka["a"],
                           alias=outer.text))
            continue
        if aka:
            if " " in outer.text:
                out.append(Raw(FactKind.ALIAS, outer.start, i_end, "alias.aka", 0.9, person=outer.text,
                               alias=aka["a"]))
            continue
        okey = key(outer.text)
        if inner is not None and " " in inner.text and okey in known_people and _ROLE_NEXT.match(text, i_end + 1):
            # "A (Earlier Show) plays C": the bracket is a credit, the character comes after the verb
            title = clean_title(inner.text)
            if title:
                out.append(Raw(FactKind.CAST, outer.start, i_end, "cast.filmography", 0.7, person=outer.text,
                               show=title))
            continue
        if inner is not None and okey in known_crew and " " in outer.text:
            title = clean_title(inner.text)  # "Director A (Earlier Show)"
            if title:
                out.append(Raw(known_crew[okey], outer.start, i_end, f"{known_crew[okey].value}.filmography", 0.7,
                               person=outer.text, show=title, strict_person=True))
            continue
        works = _bracket_works(inner_text) if inner is None else []
        if works and (okey in known_people or okey in known_crew) and " " in outer.text:
            # "A (‘Pebble Road,’ 2023; ‘The Ninth Floor,’ 2024)": earlier works of a person the article credits
            kind = known_crew.get(okey, FactKind.CAST)
            for t in works:
                out.append(Raw(kind, outer.start, i_end, f"{kind.value}.filmography", 0.7, person=outer.text,
                               show=t, strict_person=kind is not FactKind.CAST))
            continue
        if inner is None:
            if okey in known_people and not inner_text[:1].islower():
                titles = [clean_title(t) for t in re.split(r"\s*(?:,|\band\b|&|/)\s*", inner_text)]
                if len(titles) > 1 and all(titles) and not any(re.fullmatch(r"\d{4}", t or "") for t in titles):
                    for t in titles:
                        out.append(Raw(FactKind.CAST, outer.start, i_end, "cast.filmography", 0.7,
                                       person=outer.text, show=t))
            continue
        ikey = key(inner.text)
        if book.known(inner.text) or book.known(outer.text):
            continue
        if ikey in known_people or (okey in known_chars and ikey not in known_chars):
            person, char, conf = inner, outer, 0.85
        elif okey in known_people or ikey in known_chars:
            person, char, conf = outer, inner, 0.8
        elif " " in outer.text and any(_same_sentence(text, outer.start, s) for s in actor_outside):
            person, char, conf = outer, inner, 0.7
        elif " " in inner.text and " " in outer.text and _called_by_family_name(text, outer.text) \
                and not _called_by_family_name(text, inner.text):
            # "Jang Woo-seok (Do Han-gyeol)" then "Jang played ...": the press calls actors, not characters,
            # by the family name alone, so that name is the actor's
            person, char, conf = outer, inner, 0.6
        elif " " in inner.text or " " not in outer.text:
            person, char, conf = inner, outer, 0.6
        elif fold(inner.text) in KOREAN_SURNAMES and okey not in known_people:
            person, char, conf = inner, outer, 0.6  # "Ri Su-kyung (Gong)": the actor's surname, resolved later
        else:
            continue
        if " " not in person.text and person is not inner:
            continue
        out.append(_role(text, person, char, "role.paren", conf, None))
    return out


# "Seol Bo-ra's night security guard Ahn Kyung-ja gets ...": up to three describing words before the character
# ("A's Dr. C": a form of address with a stop may stand before the part, which is named without it)
# ("Lee's delivery rider, Gang Woo-jin,": a description closed by a comma)
_POSSESSIVE_TAIL = (rf"{POSS}\s+(?P<d>(?:[a-z][\w-]*\s+){{0,3}}(?:[a-z][\w-]*,\s+)?)"
                    rf"(?:(?:Dr|Mr|Mrs|Ms|Prof|Det|Sgt|Lt|Capt|Insp)\.\s+)?"
                    rf"(?P<c>{NAME})"
                    rf"(?=\s*,|\s+(?:is|was|has|had|steals|gives|brings|makes|shines|who|does"
                    rf"|remains|becomes|gets|stands|proves|feels|should|could|would|will|can|must)\b"
                    # "A's florist C and B's undertaker D": pairs listed with "and"
                    rf"|\s+and\s+{TOK}(?:[ ]{TOK}){{0,2}}{POSS}\s)")
_POSSESSIVE = tail_led(re.compile(rf"(?P<p>{NAME})" + _POSSESSIVE_TAIL), re.compile(_POSSESSIVE_TAIL), "-",
                       _NAME_FIRST)


# "Yang Do-hoon, whose paramedic Ji Sang-bin was written out": the part a person plays, told with "whose"
_WHOSE = re.compile(rf"(?P<p>{NAME}),\s+whose\s+(?P<d>(?:[a-z][\w-]*\s+){{1,3}})(?P<c>{NAME})\s+(?:is|was|has|had"
                    rf"|will|gets|got|dies|died|returns|returned|becomes|became|remains|must)\b")
# "A, whose turn as the deckhand C trended": a performance named by the part
_WHOSE_TURN = re.compile(rf"(?P<p>{NAME}),\s+whose\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:turn|performance|portrayal"
                         rf"|role|take)\s+as\s+(?P<d>(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}})(?P<c>{NAME})")
# people in a person's life or work, not parts: "A, whose co-star B ..."
_WHOSE_NOT_PART = frozenset("co-star co-stars costar colleague partner wife husband agency manager friend brother "
                            "sister father mother son daughter girlfriend boyfriend fiance fiancee label group "
                            "bandmate director writer producer mentor rival teacher".split())


def possessive_facts(text: str, sents: Sentences, known_people: set[str], known_chars: set[str], book: ShowBook,
                     key) -> list[Raw]:
    """"Cheon Dong-hyuk's Pyo Gun, the delivery rider": an actor already known as one, then a character."""
    from .shows import sibling_at

    out: list[Raw] = []
    for m in sents.finditer(_WHOSE, ("whose",)):
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        words = m["d"].split()
        if p is None or c is None or p.text != m["p"] or c.text != m["c"] or not descriptor_ok(m["d"]):
            continue
        if any(w.lower() in _WHOSE_NOT_PART for w in words) or not (_person_shaped(p.text)
                                                                     and _person_shaped(c.text)):
            continue
        if key(c.text) in known_people or book.known(c.text) or book.known(p.text):
            continue
        sent = sents.at(m.start())
        found = sibling_at(book, sent.start, sent.end) if sent is not None else None
        out.append(_role(text, p, c, "role.whose", 0.65, found[0].title if found else None))
    for m in sents.finditer(_WHOSE_TURN, ("whose",)):
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        if p is None or c is None or p.text != m["p"] or c.text != m["c"] or not descriptor_ok(m["d"] or "the"):
            continue
        # "whose turn as" says the rest: a full name, then a part of up to three words
        if " " not in p.text or len(c.text.split()) > 3 or key(c.text) in known_people \
                or book.known(c.text) or book.known(p.text):
            continue
        sent = sents.at(m.start())
        found = sibling_at(book, sent.start, sent.end) if sent is not None else None
        out.append(_role(text, p, c, "role.whose_turn", 0.7, found[0].title if found else None))
    for m in sents.finditer(_POSSESSIVE, ("'s ", "\u2019s ")):
        p = clean_name(m["p"], m.start("p"))
        c = clean_name(m["c"], m.start("c"))
        if p is None or c is None or p.text != m["p"] or c.text != m["c"]:
            continue
        comma = m["d"].rstrip().endswith(",")
        if comma and not re.match(r"\s*(?:,|and\b|\.|;)", text[m.end():]):
            continue  # "A's rider, C, ...": the apposition closes after the part
        if " " not in p.text:
            # "Lee's delivery rider, Gang Woo-jin,": a family name alone owns a described, full-named part; the
            # resolver keeps it only where one person has that family name
            if comma and fold(p.text) in KOREAN_SURNAMES and " " in c.text and _person_shaped(c.text) \
                    and descriptor_ok(m["d"].replace(",", " ")) and not book.known(c.text):
                out.append(_role(text, p, c, "role.possessive_family", 0.6, None))
            continue
        if m["d"] and (not descriptor_ok(m["d"].replace(",", " "))
                       or any(w in _WHOSE_NOT_PART for w in m["d"].lower().split())):
            continue  # "A's co-star B": a person in A's life, not A's part
        ckey = key(c.text)
        if ckey in known_people or book.known(c.text):
            continue
        if key(p.text) not in known_people:
            # a recap's "Go Eun-sae's Yoon Da-hee has ...": an unknown owner is an actor only when a sentence
            # opens with a Korean full name, the part is a full name too and no descriptor stands between
            sent = sents.at(m.start())
            lead = text[sent.start: m.start("p")].strip() if sent is not None else "?"
            if (m["d"] or " " not in c.text or (lead and not lead.endswith((", and", ", while")))
                    or not _korean_full(p.text)):
                continue
            out.append(_role(text, p, c, "role.possessive_lead", 0.6, None))
        elif " " in c.text or ckey in known_chars:
            out.append(_role(text, p, c, "role.possessive", 0.7, None))
    return out


def cast_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for name, start, end in book.heading_people:
        show = book.section_at(end)
        if show is not None and (_person_shaped(name) or name in book.r22_vetted) and not book.known(name):
            out.append(Raw(FactKind.CAST, start, end, "cast.heading_people", 0.75, person=name, show=show.title))
    for pattern, rule, conf, heads, words in (
            (_CAST_LABEL, "cast.label", 0.9, "none", ("cast", "starring", "stars", "with:")),
            (_STARRING, "cast.starring", 0.85, "any", ("starring", "headlined", "fronted", "spearheaded", "led by",
                                                       "featuring")),
            (_GROUP, "cast.group", 0.7, "lower", ("such as", "like", "including", "include", "feature", "boast",
                                                  "leads are", "out the", "supporting")),
            (_FACES, "cast.group", 0.7, "none", ("faces,", "stars,", "names,", "leads,", "actors,", "actresses,")),
            (_SHOW_FEATURES, "cast.show_features", 0.7, "none", ("feature",)),
            (_TITLE_LED_BY, "cast.title_led_by", 0.8, "none", ("led by",))):
        for m in sents.finditer(pattern, words):
            sent = sents.at(m.start())
            if sent is None:
                continue
            seg = mask_parens(text[m.end(): sent.end])
            cut = _LIST_CUT.search(seg)
            seg = seg[: cut.start()] if cut else seg
            names = []
            for n in split_list(seg, m.end(), heads):
                if book.known(n.text):
                    break  # "Spearheaded by A and B, Show arrives": the list ended before the title
                if rule == "cast.show_features" and " " not in n.text:
                    break  # "The series features Seoul ...": a place, not a person
                names.append(n)
            # a show named before the list in the same sentence ("The cast of X includes ..."), else main
            before = book.in_sentence(sent.start, m.start())
            show = before[-1][1].title if before and m.start() - before[-1][0] < 60 else None
            for n in names:
                out.append(Raw(FactKind.CAST, n.start, n.end, rule, conf, person=n.text, show=show))
    for sent in sents.having(("with ",)):
        # "With A and B." as a sentence of its own (a listicle's credit without a colon): every item a full name
        m = _WITH_ONLY.fullmatch(text, sent.start, sent.end)
        if m is None:
            continue
        names = split_list(m["list"], m.start("list"), "none")
        # nothing else marks them as people: names shaped like people's, never a known title
        if names and all(_person_shaped(n.text) and not book.known(n.text) for n in names) \
                and names[0].start == m.start("list") and names[-1].end == m.end("list"):
            out += [Raw(FactKind.CAST, n.start, n.end, "cast.with_only", 0.8, person=n.text) for n in names]
    if " in " in text:
        for m in _CAPTION_CAST.finditer(text):
            title = clean_title(m["t"])
            if not title or not book.known(title):
                continue
            seg = re.sub(r"\((?:[a-z]+)\)", lambda x: " " * len(x.group()), m["names"])
            names = split_list(seg, m.start("names"), "none")
            if (len(names) >= 2 or (names and m["lead"])) and all(" " in n.text for n in names):
                show = title + (f" season {m['n']}" if m["n"] else "")
                for n in names:
                    out.append(Raw(FactKind.CAST, n.start, n.end, "cast.caption", 0.8, person=n.text, show=show))
    for m in sents.finditer(_PLAYED_BY_LIST, ("played by", "portrayed by")):
        sent = sents.at(m.start())
        if sent is None or _NAME_WHO_END.search(text[sent.start: m.start()]):
            continue
        for n in split_list(mask_parens(_clause(text, m.end(), sent.end)), m.end(), "none"):
            out.append(Raw(FactKind.CAST, n.start, n.end, "cast.played_by", 0.75, person=n.text))
    for m in sents.finditer(_CREDIT_TITLE, ("actor", "actress", " star ", " lead ", "alum", "heartthrob")):
        title = clean_title(m["t"])
        p = clean_name(m["p"], m.start("p"))
        sent = sents.at(m.start())
        if title and p and " " in p.text and sent and not sent.headline and clean_name(title, 0) != title:
            out.append(Raw(FactKind.CAST, m.start(), p.end, "cast.credit", 0.75, person=p.text, show=title))
    for m in sents.finditer(_PERSON_SHOW, ("drama", "series", "film", "movie", "show")):
        p = clean_name(m["p"], m.start("p"))
        title = clean_title(m["t"])
        if p and title and " " in p.text:
            out.append(Raw(FactKind.CAST, p.start, m.end(), "cast.person_show", 0.7, person=p.text, show=title))
    return out + _star_facts(text, sents, book)


# "The drama stars A and B as ...", "..., also streaming on Netflix, stars A": the show (or "it") stars a list
# "'S' stars A and B": a closing quote of a title the sentence names
_SHOW_STARS = re.compile(r"(?:,|(?<=[\u2019\u201d\"])|\b(?:[Ii]t|which|that|also|series|drama|show|thriller|comedy"
                         r"|romance|mystery|sitcom|melodrama|K-drama))\s+(?:also\s+)?(?:stars|starred|co-stars)\s+(?=[A-Z])")
# "A and B star.", "A and B star in this mystery", "A leads the cast as a palace physician"
_STAR_VERB = re.compile(r"\b(?:star|stars|co-star|co-stars|starred|headlines?|leads?\s+the\s+(?:cast|ensemble)"
                        r"|(?:round|rounds|rounded)\s+out\s+the\s+(?:main\s+|supporting\s+)?(?:cast|line-?up))"
                        r"(?=\s*[.,;]|\s+(?:in|alongside|opposite)\b|\s+as\s+(?:a|an|the)\s)")
_LIST_LEADS = re.compile(
    r"(?<=[a-z]) (?:lead\s+(?:a|an|the|this|its)\s+(?:[\w-]+\s+){0,3}?(?:cast|ensemble|drama|series|show|comedy"
    r"|thriller|romance|melodrama|K-drama|mystery|story)\b|play\s+(?:two\s+|the\s+|a\s+pair\s+of\s+)?"
    r"(?!with\b|in\b|out\b|off\b|up\b|down\b|along\b|it\b)[a-z]+)")
# "B plays the grumpy food critic", "A, who played Yeo-wool's mother", "with B as the royal guard": a role
# that has no name is still a part in the show
_UNNAMED_PART = re.compile(
    rf"(?:(?P<p>{NAME})(?:,\s+who)?\s+(?:plays|played|portrays|portrayed|is\s+playing|stars\s+as|starred\s+as"
    # casting news: "B also returns as the station chief", "D joins the cast as a rookie officer"
    rf"|(?:also\s+)?(?P<back>returns|returned|is\s+back|are\s+back)\s+as"
    rf"|(?:also\s+)?(?:joins|joined|has\s+joined)\s+the\s+(?:main\s+|supporting\s+)?cast\s+as"
    rf"|{_VERDICT})"
    rf"|\b(?:with|opposite)\s+(?P<w>{NAME})\s+as"
    # "Veteran actress A, as a retired boxer who ..., gets the funniest episode": the part in apposition
    rf"|(?P<a>{NAME}),\s+as)\s+(?:a|an|the|his|her|their|{TOK}{POSS})\s+(?:[a-z][\w-]*)")


_NEXT_AS_PAIR = re.compile(rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<p>{NAME})\s+as\s+"
                           rf"(?:a|an|the|his|her|their|{TOK}{POSS})\s")


_APPOS_OPENER = re.compile(r"\s*(?:[A-Za-z][a-z-]*\s+){0,3}")


def _opens_sentence(before: str) -> bool:
    """Nothing but up to three describing words before a name ("Veteran actress"), and no "as" among them."""
    return _APPOS_OPENER.fullmatch(before) is not None and not {"as", "aka"} & set(before.lower().split())


# "starred in the musical ...", "starred in a commercial", "starred in ‘X’" where X is no show the book knows
_ELSEWHERE = re.compile(r"\s+in\s+(?:(?:the|a|an|his|her|their|several|two|three|many)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
                        r"(?:musicals?|plays?|films?|movies?|commercials?|adverts?|ads|music\s+videos?|operas?"
                        r"|stage|theatre|theater|variety|[\u2018\u201c\"])")
# a title, then "in which" or "where" opening the clause the people are in
_WHICH_TITLE = re.compile(rf"{_QO}?(?P<t>{TITLE}){_QC_COMMA}\s+(?:in\s+which|where|on\s+which)\s+$")
_QUOTE_OPEN_BEFORE = {"\u2019": "\u2018", "\u201d": "\u201c"}


def _star_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for m in sents.finditer(_SHOW_STARS, ("stars", "starred")):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        seg = mask_parens(text[m.end(): sent.end])
        cut = _LIST_CUT.search(seg)
        before = book.in_sentence(sent.start, m.start())
        if text[m.start() - 1: m.start()] in "\u2019\u201d\"" and not (
                before and text.rfind(_QUOTE_OPEN_BEFORE.get(text[m.start() - 1], "\""), sent.start, m.start() - 1)
                <= before[-1][0] - 1):
            continue  # a quote closed before "stars" that is no known title's ("a song 'X' stars ...")
        show = before[-1][1].title if before else None
        from .shows import sibling_at
        earlier = sibling_at(book, sent.start, m.start())
        if earlier is not None:
            show = earlier[0].title  # "The first season of X, which starred A and B"
        for n in split_list(seg[: cut.start()] if cut else seg, m.end(), "none"):
            if " " in n.text and not book.known(n.text):
                out.append(Raw(FactKind.CAST, n.start, n.end, "cast.show_stars", 0.8, person=n.text, show=show))
        if cut is not None and seg[cut.start():].lstrip().startswith("as "):
            # "stars A as a ferry captain, B as his daughter, C, and D as the island's officer": the list goes on
            # in pairs after the first part
            for nxt in _NEXT_AS_PAIR.finditer(seg, cut.end()):
                n = clean_name(nxt["p"], m.end() + nxt.start("p"))
                if n is not None and n.text == nxt["p"] and _person_shaped(n.text) and not book.known(n.text):
                    out.append(Raw(FactKind.CAST, n.start, n.end, "cast.show_stars", 0.75, person=n.text,
                                   show=show))
    for m in sents.finditer(_STAR_VERB, ("star", "headline", "lead", "round")):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        show = _show_after(text, m.end(), sent.end, book)
        if show is None and _ELSEWHERE.match(text, m.end(), sent.end):
            continue  # "A, who starred in the musical 'Rent'": a work that is no show of the article's
        names = _trailing_names(text, sent.start, m.start())
        which = _WHICH_TITLE.search(text, sent.start, names[0].start) if names and show is None else None
        if which is not None and book.known(clean_title(which["t"]) or "\0"):
            show = clean_title(which["t"])  # "'S', in which A starred": S, not the article's show
        for n in names:
            if " " in n.text and not book.known(n.text):
                out.append(Raw(FactKind.CAST, n.start, m.end(), "cast.star_verb", 0.8, person=n.text, show=show))
    for m in sents.finditer(_LIST_LEADS, ("lead", "play")):
        # "A and B lead this eight-episode drama", "A and B play strangers who ...": a list of two names at
        # least before a plural verb of acting
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        names = _trailing_names(text, sent.start, m.start())
        if len(names) < 2 or names[-1].end != m.start() or not all(" " in n.text and not book.known(n.text)
                                                                   for n in names):
            continue
        show = _show_after(text, m.end(), sent.end, book)
        for n in names:
            out.append(Raw(FactKind.CAST, n.start, m.end(), "cast.list_leads", 0.75, person=n.text, show=show))
    for m in sents.finditer(_UNNAMED_PART, ("play", "portray", "stars as", "starred as", "with", "opposite",
                                            " as ", "return", "back as", "cast as")):
        sent = sents.at(m.start())
        group = "p" if m["p"] else "w" if m["w"] else "a"
        p = clean_name(m[group], m.start(group))
        if sent is None or sent.headline or p is None or " " not in p.text or book.known(p.text):
            continue
        if group == "a" and (not _person_shaped(p.text) or not _opens_sentence(text[sent.start:p.start])):
            # "Seoul, as the backdrop": only a person's name; and only one that opens its sentence after at
            # most a few describing words ("Veteran actress A, as ..."), not "B, also known as A, as ..."
            continue
        if _SHOW_SLOT.search(text, max(sent.start, p.start - 6), p.start):
            continue
        show = _show_after(text, m.end(), sent.end, book)
        if show is None:
            # "A, who played Do-yoon's ex-wife C in the first season, ...": the season said in the clause
            cut = text.find(",", m.end(), sent.end)
            at = _IN_SEASON.search(text, m.end(), cut if cut > 0 else sent.end)
            show = _show_after(text, at.start(), sent.end, book) if at else None
        out.append(Raw(FactKind.CAST, p.start, m.end(), "cast.unnamed_part", 0.75, person=p.text, show=show))
        earlier = _first_season(book, show, m.start()) if m["back"] else None
        if earlier is not None:
            # "B also returns as the station chief" in a second season: B was in the first
            out.append(Raw(FactKind.CAST, p.start, m.end(), "cast.reprised", 0.6, person=p.text,
                           show=earlier.title))
    return out


def season_cast_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    """"A and B helped to launch the anthology in its first season" -> cast of that season."""
    from .shows import sibling_at

    out: list[Raw] = []
    for sent in sents.having(("season", "instalment", "installment", "part", "edition", "outing")):
        found = sibling_at(book, sent.start, sent.end)
        if not found:
            continue
        show, s_start, _ = found
        masked = mask_parens(sent.text)
        rel = s_start - sent.start
        left = max(masked.rfind(",", 0, rel), masked.rfind(";", 0, rel)) + 1
        right_candidates = [i for i in (masked.find(",", rel), masked.find(";", rel)) if i >= 0]
        right = min(right_candidates) if right_candidates else len(masked)
        clause = masked[left:right]
        if not _CAST_VERB.search(clause):
            continue
        for m in re.finditer(NAME, clause):
            name = clean_name(m.group(), sent.start + left + m.start())
            if name and " " in name.text:
                out.append(Raw(FactKind.CAST, name.start, name.end, "cast.season_clause", 0.6, person=name.text,
                               show=show.title))
    return out


# "with A returning as director", "B is back as head writer": the job in the show in scope, and (it is a return)
# in the season before it
_BACK_AS_CREW = re.compile(rf"(?P<p>{NAME})\s+(?:also\s+|will\s+)?(?:returns|returning|returned|return|is\s+back)"
                           r"\s+as\s+(?:the\s+)?(?:(?:series|show|drama)(?:'|\u2019)s?\s+|head\s+|lead\s+)?"
                           r"(?P<k>director|writer|screenwriter)\b(?!\s+of\b)")


def _back_as_crew(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for m in sents.finditer(_BACK_AS_CREW, ("return", "is back")):
        p = clean_name(m["p"], m.start("p"))
        sent = sents.at(m.start())
        if p is None or " " not in p.text or sent is None or sent.headline or book.known(p.text):
            continue
        kind = FactKind.DIRECTOR if m["k"] == "director" else FactKind.WRITER
        out.append(Raw(kind, p.start, m.end(), f"{kind.value}.back_as", 0.75, person=p.text, show=None,
                       strict_person=True))
        now = book.at(m.start())
        earlier = book.sibling(now, now.number - 1) if now is not None and now.number and now.number > 1 else None
        if earlier is not None:
            out.append(Raw(kind, p.start, m.end(), f"{kind.value}.original", 0.6, person=p.text,
                           show=earlier.title, strict_person=True))
    return out


_CLOSER = {"\u2018": "\u2019", "\u201c": "\u201d", '"': '"'}


def _whole_quoted(text: str, start: int, title: str | None) -> str | None:
    """A title read from inside quotes, as long as its quotes make it ("‘Rain on Sunday’", not "Rain")."""
    closer = _CLOSER.get(text[start - 1: start]) if title and start else None
    end = text.find(closer, start, start + 80) if closer else -1
    if end < 0:
        return title
    whole = quoted_title(text[start:end].rstrip(",. "))
    return whole if whole and whole.startswith(title) else title


def crew_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = _back_as_crew(text, sents, book)
    for m in sents.finditer(_CREDIT_LINE, ("direct", "writ", "screenplay", "script")):
        kind = FactKind.DIRECTOR if m["k"].lower().startswith("direct") else FactKind.WRITER
        items = m["list"]
        base = m.start("list")
        for part in re.finditer(r"[^,;/&]+", items):
            item = part.group()
            after = items[part.end():].lstrip(" ,")
            if re.match(r"\((?:based|original|from|adapted|author|creator)", item[item.find("("):] if "(" in item
                        else after, re.IGNORECASE):
                continue
            item = re.sub(r"\s*\(.*$", "", item).strip()
            item = re.sub(r"^(?:and|&)\s+", "", item)
            name = clean_name(item, base + part.start() + part.group().find(item)) if item else None
            if name and " " in name.text and name.text == item:
                out.append(Raw(kind, name.start, name.end, f"{kind.value}.credit_line", 0.9, person=name.text,
                               show=None, strict_person=True))
    for m in sents.finditer(_BY_INLINE, ("directed by", "helmed by", "written by", "penned by", "scripted by",
                                         "created by")):
        verb = m["k"].lower()  # "Directed by A and written by B, the series ...": a sentence may open with one
        if verb not in ("directed", "helmed") and _SOURCE_WORK.search(text, max(0, m.start() - 40), m.start()):
            continue
        sent = sents.at(m.start())
        if sent is None or text[m.start() - 3: m.start()].endswith(": "):
            continue
        kind = FactKind.DIRECTOR if verb in ("directed", "helmed") else FactKind.WRITER
        if verb == "created" and _WRITTEN_BY_TOO.search(text, m.end(), sent.end):
            continue  # "Created by A and written by B": the text names the writer apart from the creator
        for n in split_list(mask_parens(_clause(text, m.end(), sent.end)), m.end(), "none"):
            if " " in n.text:
                out.append(Raw(kind, n.start, n.end, f"{kind.value}.by", 0.85, person=n.text,
                               show=_show_before(book, sents, m.start()), strict_person=True))
    for m in sents.finditer(_WHO_WROTE, ("wrote", "penned", "scripted", "directed", "helmed", "made")):
        p = clean_name(m["p"], m.start("p"))
        title = _whole_quoted(text, m.start("t"), clean_title(m["t"]))
        later = _R22_KIND_THEN_QUOTE.match(text, m.end("t"))
        if later is not None and title is not None and " " not in title:
            # "who also made the Joseon ghost story 'S'": the capitalised word described the show in quotes
            title = clean_title(later["t"])
        sent = sents.at(m.start())
        # "Gu previously directed the Netflix series S": a family name alone opening the sentence stands for
        # the article's one full name with it (the resolver drops it where there is none or several)
        lone = p is not None and " " not in p.text and sent is not None and p.start == sent.start \
            and fold(p.text) in KOREAN_SURNAMES and m["v"] != "made"
        if not p or not title or (" " not in p.text and not lone):
            continue
        if m["v"] == "made" and not _DIRECTOR_BEFORE.search(text, max(0, p.start - 12), p.start):
            continue  # "made" is a director's credit only for a person called a director
        kind = FactKind.WRITER if m["v"] in ("wrote", "penned", "scripted", "co-wrote") else FactKind.DIRECTOR
        if lone:
            out.append(Raw(kind, p.start, m.end("t"), f"{kind.value}.who", 0.7, person=p.text, show=title))
            continue
        # "Writers A and B, who co-wrote S": every name of the list before "who"
        names = _trailing_names(text, sent.start, m.end("p")) if sent is not None else []
        for n in names if p.text in {n.text for n in names} else [p]:
            if " " in n.text:
                out.append(Raw(kind, n.start, m.end("t"), f"{kind.value}.who", 0.8, person=n.text, show=title,
                               strict_person=True))
        star = clean_name(m["star"], m.start("star")) if m["star"] else None
        if star and " " in star.text:
            out.append(Raw(FactKind.CAST, star.start, m.end("t"), "cast.person_show", 0.7, person=star.text,
                           show=title))
    for m in sents.finditer(_PRONOUN_CREDIT, ("he ", "she "), ("he ", "she ")):
        sent = sents.at(m.start())
        title = clean_title(m["t"])
        if sent is None or m.start() != sent.start or not title or not book.known(title):
            continue
        p = _previous_person(text, sents, sent, book)
        if p is not None:
            kind = FactKind.DIRECTOR if "direct" in m["v"] or m["v"] == "helmed" else FactKind.WRITER
            # a family name alone ("Cha, who played ...") is resolved to the article's one full name for it
            out.append(Raw(kind, m.start(), m.end(), f"{kind.value}.pronoun", 0.7, person=p.text, show=title,
                           strict_person=" " in p.text))
    for m in sents.finditer(_WILL_DIRECT, ("direct", "helm", "write", " pen ")):
        p = clean_name(m["p"], m.start("p"))
        if p and " " in p.text:
            kind = FactKind.DIRECTOR if m["v"] in ("direct", "helm") else FactKind.WRITER
            out.append(Raw(kind, p.start, m.end(), f"{kind.value}.will", 0.85, person=p.text, strict_person=True))
    for m in sents.finditer(_SCRIPT_BY, ("script", "screenplay", "teleplay", "writing")):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        for n in split_list(mask_parens(_clause(text, m.end(), sent.end)), m.end(), "none"):
            if " " in n.text:
                out.append(Raw(FactKind.WRITER, n.start, n.end, "writer.script_by", 0.8, person=n.text,
                               show=_show_before(book, sents, m.start()), strict_person=True))
    for m in sents.finditer(_THE_JOB_IS, ("director is", "writer is", "director was", "writer was")):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        kind = FactKind.DIRECTOR if m["k"] == "director" else FactKind.WRITER
        n = name_after(text, m.end())
        if n is not None and " " in n.text and not book.known(n.text):
            out.append(Raw(kind, m.start(), n.end, f"{kind.value}.the_job_is", 0.8, person=n.text,
                           show=_show_before(book, sents, m.start()), strict_person=True))
    for m in sents.finditer(_JOB_BEFORE, ("director", "writer")):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        before = _JOB_WORD_BEFORE.search(text, max(sent.start, m.start() - 30), m.start())
        if before is not None and before[1] in _NOT_CREW:
            continue  # "A's hospital director Kang Jae-pil", "the museum director C": a character's job
        if _R23_PART_APPOSITION.search(text, max(sent.start, m.start() - 80), m.start()):
            continue  # "B has been cast as Seung-gi's demanding boss, Director Oh": the part, with its job
        kind = FactKind.DIRECTOR if m["k"].lower() in ("director", "directors") else FactKind.WRITER
        show = _season_job(book, sent.start, m.start()) or _show_before(book, sents, m.start())
        if m["k"].endswith("s"):
            # "Writers A and B, who ...": the list, but not "directors Kim and Choi" (surnames)
            for n in split_list(mask_parens(_clause(text, m.end(), sent.end)), m.end(), "none"):
                if " " in n.text:
                    out.append(Raw(kind, m.start(), n.end, f"{kind.value}.title", 0.7, person=n.text, show=show,
                                   strict_person=True))
            continue
        n = name_after(text, m.end())
        if n is None or " " not in n.text:
            continue
        out.append(Raw(kind, m.start(), n.end, f"{kind.value}.title", 0.7, person=n.text, show=show,
                       strict_person=True))
    return out + _earlier_crew(text, sents, book, out) + _pair_behind(text, sents, out)


_JOB_WORD_BEFORE = re.compile(r"\b([a-z][\w-]*)\s+$")
# the places and trades whose director is a character's job, not the show's director
_NOT_CREW = frozenset("""hospital museum company school bank agency orchestra theatre theater research art music
casting marketing managing executive finance branch department hotel zoo gallery lab laboratory prison police funeral
shelter centre center clinic club camp choir station project programme program ward firm""".split())


# "... directed by A and written by B, the pair behind S": the same crew made S
_PAIR_BEHIND = re.compile(rf",\s+the\s+(?:pair|duo|trio|team|creative\s+team)\s+(?:behind|that\s+made|who\s+made)\s+"
                          rf"(?:the\s+|(?:last|this)\s+year(?:'s|\u2019s)\s+|(?:{PLATFORM})(?:'s|\u2019s)\s+)?"
                          rf"(?:(?:hit|acclaimed|[a-z]+)\s+)?(?:(?:drama|series|show|film)\s+)?{_QO}?(?P<t>{TITLE})")


def _pair_behind(text: str, sents: Sentences, crew: list[Raw]) -> list[Raw]:
    out = []
    for raw in crew:
        sent = sents.at(raw.start)
        m = _PAIR_BEHIND.search(text, raw.end, sent.end) if sent is not None and raw.end < sent.end else None
        title = clean_title(m["t"]) if m else None
        if title and len({r.person for r in crew if sent.start <= r.start < m.start()}) >= 2:
            out.append(Raw(raw.kind, raw.start, m.end(), f"{raw.kind.value}.pair_behind", 0.7, person=raw.person,
                           show=title, strict_person=True))
    return out


def _earlier_crew(text: str, sents: Sentences, book: ShowBook, crew: list[Raw]) -> list[Raw]:
    """Crew of the main season in a sentence that opens "As in the first season" or "Like its predecessor":
    the earlier season's crew as well."""
    main = book.main
    if main is None or main.series is None or not main.number or main.number < 2:
        return []
    out = []
    for raw in crew:
        if raw.rule.endswith(".title") and _ORIGINAL_JOB.search(text, max(0, raw.start - 12), raw.start) \
                and book.resolve(raw.show) is main:
            # "Original director A returns": A had the job in the season before too
            earlier = book.sibling(main, main.number - 1)
            if earlier is not None:
                out.append(Raw(raw.kind, raw.start, raw.end, f"{raw.kind.value}.original", 0.6, person=raw.person,
                               show=earlier.title, strict_person=True))
            continue
        sent = sents.at(raw.start)
        m = _AS_BEFORE.match(text, sent.start, sent.end) if sent is not None else None
        if m is None or book.resolve(raw.show) is not main:
            continue
        turn = _CONTRAST.search(text, m.end(), sent.end)
        if turn is not None and raw.start >= turn.start():
            continue  # "Like its predecessor, it is written by A, but the new director, B, ...": A only
        number = 1 if m["w"].startswith(("first", "season")) else main.number - 1
        earlier = book.sibling(main, number)
        if earlier is not None:
            out.append(Raw(raw.kind, raw.start, raw.end, f"{raw.kind.value}.as_before", 0.6, person=raw.person,
                           show=earlier.title, strict_person=True))
    return out


_ORIGINAL_JOB = re.compile(r"\b(?:[Oo]riginal|[Rr]eturning)\s+$")
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,")
_PERSON_PAREN = re.compile(r"([A-Z][\w-]*[a-z])\s*\([^()]*\)")


def _show_before(book: ShowBook, sents: Sentences, pos: int) -> str | None:
    """The show a credit at ``pos`` belongs to: the last one named before it in its sentence, outside
    relative clauses ("B, who helmed Night Patrol, and written by C": not Night Patrol); else the main one."""
    sent = sents.at(pos)
    if sent is None:
        return None
    chunk = book.text[sent.start:pos]
    masked = _RELATIVE.sub(lambda m: " " * len(m.group()), chunk)
    # "Directed by A ('S') and written by B": a bracketed title right after a person is that person's earlier work
    masked = _PERSON_PAREN.sub(lambda m: m[1] + " " * (len(m.group()) - len(m[1])), masked)
    shows = [s for i, s in book.in_sentence(sent.start, pos) if masked[i - sent.start] != " "]
    if not shows and "season" in book.sents.low[sent.start:pos]:
        from .shows import SEASON_SUBJECT, sibling_at
        # "The first season, directed by A, ...": that season is the sentence's subject ("As in the first
        # season, the director is A" is not: the credit is the main show's)
        if SEASON_SUBJECT.match(book.text, sent.start, pos):
            earlier = sibling_at(book, sent.start, pos)
            return earlier[0].title if earlier else None
    return shows[-1].title if shows else None


# "Season one director A", "First-season writer B": the job in another season of the article's series
_SEASON_JOB = re.compile(rf"(?:\b[Ss]eason\s+(?P<n>{NUMBER})|\b(?P<o>{ORDINAL})[- ][Ss]eason(?:'s|\u2019s)?)\s+$")


def _season_job(book: ShowBook, start: int, pos: int) -> str | None:
    main = book.main
    if main is None or main.series is None or pos - start < 7:
        return None
    m = _SEASON_JOB.search(book.text, max(start, pos - 30), pos)
    number = to_number(m["n"] or m["o"]) if m else None
    if number is None:
        return None
    show = main if number == main.number else book.sibling(main, number)
    return show.title if show else None


def _first_show(book: ShowBook, sents: Sentences, pos: int) -> str | None:
    sent = sents.at(pos)
    if sent is None:
        return None
    shows = book.in_sentence(sent.start, sent.end)
    return shows[0][1].title if shows else None


# a nickname in quotes inside a full name, as Thai actors are credited: 'Nattapong “Kla” Srisuk'
_NICKNAME = re.compile(rf"(?<![\w-])(?P<g>{TOK})[ ][\u201c\"](?P<n>{TOK})[\u201d\"][ ](?P<f>{TOK})(?![\w-])")
_NICK_PAREN = re.compile(rf"(?P<c>{NAME})\s*\($")
_NICK_PLAYED = re.compile(r"\b(?:played|portrayed)\s+by\s+$")


def nickname_facts(text: str, sents: Sentences) -> list[Raw]:
    """'G “N” F': N is an alias of G F; 'C (G “N” F)' a role and 'played by G “N” F' a part in the show."""
    out: list[Raw] = []
    if "\u201c" not in text and '"' not in text:
        return out
    for m in _NICKNAME.finditer(text):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        person = f"{m['g']} {m['f']}"
        out.append(Raw(FactKind.ALIAS, m.start(), m.end(), "alias.nickname", 0.8, person=person, alias=m["n"]))
        before = text[max(sent.start, m.start() - 60): m.start()]
        paren = _NICK_PAREN.search(before)
        c = clean_name(paren["c"], m.start() - len(before) + paren.start("c")) if paren else None
        if c is not None and text.startswith(")", m.end()):
            out.append(Raw(FactKind.ROLE, c.start, m.end() + 1, "role.nickname_paren", 0.8, person=person,
                           character=c.text))
        elif _NICK_PLAYED.search(before):
            out.append(Raw(FactKind.CAST, m.start(), m.end(), "cast.nickname_played_by", 0.75, person=person))
    return out


def alias_facts(text: str, sents: Sentences) -> list[Raw]:
    out = []
    for m in sents.finditer(_AKA_INLINE, ("known as", "a.k.a")):
        p = clean_name(m["p"], m.start("p"))
        a = clean_name(m["a"], m.start("a"))
        if p and a and " " in p.text:
            out.append(Raw(FactKind.ALIAS, p.start, a.end, "alias.aka", 0.85, person=p.text, alias=a.text))
    return out


# an awards piece: a category heading ("Best Actor, Drama", "Best Screenplay") and bulleted nominees under it
_CATEGORY = re.compile(r"(?im)^(?:best|outstanding)\b[^\n]{0,50}?\b(?P<k>actor|actress|performance|acting"
                       r"|screenplay|writing|writer|direction|directing|director)\b[^\n]{0,40}$")
_CATEGORY_KIND = {"screenplay": FactKind.WRITER, "writing": FactKind.WRITER, "writer": FactKind.WRITER,
                  "direction": FactKind.DIRECTOR, "directing": FactKind.DIRECTOR, "director": FactKind.DIRECTOR}
# "- A, "S" (P)" and "- A for playing the smuggler C in "S""
_NOMINEE = re.compile(rf"[-\u2022*]\s+(?P<p>{NAME})(?:,\s+|\s+for\s+(?:playing|portraying)\s+"
                      rf"(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?P<c>{NAME})\s+in\s+)"
                      rf"{_QO}?(?P<t>{TITLE}){_QC_COMMA}\s*(?:\([^()\n]*\))?\s*$")


def nominee_facts(text: str, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for head in _CATEGORY.finditer(text):
        kind = _CATEGORY_KIND.get(head["k"].lower(), FactKind.CAST)
        pos = head.end() + 1
        for line in text[pos:].split("\n"):
            m = _NOMINEE.fullmatch(line.strip())
            if not m:
                break  # the bulleted list is over
            start = pos + line.find(m.group())
            title = clean_title(m["t"])
            if title and book.known(title) and not book.known(m["p"]):
                p = Name(m["p"], start + m.start("p"), start + m.end("p"))
                if m["c"] and kind is FactKind.CAST:
                    out.append(_role(text, p, Name(m["c"], start + m.start("c"), start + m.end("c")),
                                     "role.nominee", 0.8, title))
                elif not m["c"]:
                    out.append(Raw(kind, p.start, start + m.end("t"), f"{kind.value}.nominee", 0.8, person=p.text,
                                   show=title))
            pos += len(line) + 1
    return out



# Parts named after "is" with no comma between the describing words and the name: "A is the prosecutor C, her
# former classmate", "A is the local police officer C, who ..."; and a given name alone after a family name
# alone in a preview: "Ok is Yeon-hee, who runs the last ferry"
_IS_THE_NAMED = re.compile(rf"(?P<p>{NAME})\s+is\s+the\s+(?P<d>(?:[a-z][\w-]*\s+){{1,3}})(?P<c>{NAME})"
                           rf"(?=\s*[,;.]|\s+(?:who|in)\b)")
_IS_NAME_WHO = re.compile(rf"(?P<p>{TOK})\s+is\s+(?P<c>{TOK}),\s+(?:who|a|an)\s")
_R23_PART_APPOSITION = re.compile(r"\b(?:as|plays?|played|playing|portrays?|portrayed|portraying)\s+"
                                  r"(?:the|a|an|his|her|their|[\w-]+(?:'s|\u2019s))\s+[^,;.()]{1,50},\s*$")
_R23_BROUGHT_BY = re.compile(
    rf"(?P<c>{NAME})(?:,\s+(?:a|an|the|his|her)\s+[^,;.()\n]{{3,110}},)?\s+(?:is|was|will\s+be)\s+"
    rf"(?:brought\s+to\s+life|played|portrayed|embodied)\s+by\s+"
    rf"(?:(?:the|veteran|young|rookie|newcomer|child|actor|actress|singer-actor|singer-actress)\s+){{0,3}}(?P<p>{NAME})(?:\s+in\s+[^,;.\n]{{0,30}})?"
    rf"(?:,?\s+and\s+(?:the|his|her)\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*,\s+(?P<c2>{NAME}),\s+by\s+(?P<p2>{NAME}))?")
# (never a place: "A is Busan, a city by the sea")
_R23_SURNAME_IS = re.compile(rf"(?P<p>{TOK}(?:[ ]{TOK}){{0,2}})\s+is\s+(?P<c>{TOK}),\s+(?:the|a|an)\s+"
                             r"(?!(?:[a-z-]+\s+)?(?:city|town|village|country|region|province|district|island|place"
                             r"|port|capital|nation)\b)[a-z0-9]")
# "A, known to fans as CWJ, takes the title role of the exiled prince C"
# ("B, who played the title role of chef C, thanked viewers": a relative clause too)
_TITLE_ROLE = re.compile(rf"(?P<p>{NAME})(?:,[^,.;\n]{{1,40}},|,\s+who)?\s+(?:takes?|took|will\s+take|plays?|played)\s+"
                         rf"(?:on\s+)?the\s+(?:title|lead|leading|main|central)\s+(?:role|part)\s+(?:of|as)\s+"
                         rf"(?:(?:the|a|an)\s+)?(?P<d>(?:[a-z][\w-]*\s+){{0,3}})(?P<c>{NAME})")
_KNOWN_TO_AS = re.compile(rf"(?P<p>{NAME}),\s+known\s+to\s+(?:fans|friends|viewers|audiences|many)\s+as\s+"
                          rf"(?P<a>{NAME}),")


# "The supporting players, among them A and B, ...": the cast of the show in scope
_AMONG_THEM = re.compile(r"(?:^|(?<=\s))(?:[Tt]he|[Ii]ts)\s+(?:supporting\s+|main\s+)?(?:players|cast|ensemble)"
                         r",\s+(?:among\s+them|including)\s+(?=[A-Z])")


_AS_PART = re.compile(r"\s+as\s+(?:the|a|an|his|her|their)\s+(?:[a-z][\w'\u2019-]*\s*)+?(?=\s+and\s+[A-Z]|$)")


def named_part_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for m in sents.finditer(_AMONG_THEM, ("among them", "including")):
        sent = sents.at(m.start())
        if sent is None or sent.headline:
            continue
        seg = text[m.end():sent.end].split(",")[0]
        # "including A as the nervous doctor and B as a fisherwoman who ...": each name's part blanked out
        seg = _AS_PART.sub(lambda x: " " * len(x.group()), seg)
        names = split_list(seg, m.end(), "none")
        if names and all(2 <= len(n.text.split()) <= 3 and not book.known(n.text) for n in names):
            out += [Raw(FactKind.CAST, n.start, n.end, "cast.among_them", 0.7, person=n.text) for n in names]
    for m in sents.finditer(_IS_THE_NAMED, (" is the ",)):
        p, c = clean_name(m["p"], m.start("p")), clean_name(m["c"], m.start("c"))
        sent = sents.at(m.start())
        words = m["d"].lower().split()
        if p is None or c is None or sent is None or p.text != m["p"] or c.text != m["c"]:
            continue
        if not descriptor_ok(m["d"].strip()) or any(w in _WHOSE_NOT_PART or w in _NOT_A_PART for w in words):
            continue
        # two names of two or three words each, neither a show the article names
        if 2 <= len(p.text.split()) <= 3 and 2 <= len(c.text.split()) <= 3 and not book.known(c.text) \
                and not book.known(p.text):
            out.append(_role(text, p, c, "role.is_the_named", 0.7, _show_after(text, c.end, sent.end, book)))
    for m in sents.finditer(_IS_NAME_WHO, (" is ",)):
        sent = sents.at(m.start())
        # a family name alone opening its clause (the resolver must find the one person it stands for) and a
        # hyphenated given name: the part
        if sent is None or "-" not in m["c"] or "-" in m["p"] or book.known(m["c"]):
            continue
        before = text[sent.start:m.start()].rstrip()
        if before and not before.endswith((";", ",")) or fold(m["p"]) not in KOREAN_SURNAMES:
            continue
        p, c = clean_name(m["p"], m.start("p")), clean_name(m["c"], m.start("c"))
        if p is not None and c is not None and p.text == m["p"] and c.text == m["c"]:
            out.append(_role(text, p, c, "role.is_given_name", 0.7, None))
    for m in sents.finditer(_R23_SURNAME_IS, (" is ",)):
        # "Castellano is Luke, the winemaker who ...": a family name opening its clause, of a full name the
        # article writes elsewhere ("Cast: Owen Castellano"), and a part described after the comma
        sent = sents.at(m.start())
        if sent is None or sent.headline or book.known(m["c"]) or book.known(m["p"]) or platform_name(m["c"]):
            continue
        before = text[sent.start:m.start()].rstrip()
        if before and not before.endswith((";", ",", ":")) or m["c"].lower() in NAME_STOP:
            continue
        p, c = clean_name(m["p"], m.start("p")), clean_name(m["c"], m.start("c"))
        if p is not None and " " in p.text:
            # "Jang Seo-yun is Yeon-hwa, a 999-year-old gumiho": a full name, a person's by shape or named again
            if p.text != m["p"] or not (_person_shaped(p.text) or _r23_named_again(text, p, book)):
                continue
        else:
            full = re.search(rf"(?<![\w-]){TOK}[ ]{re.escape(m['p'])}(?![\w-])", text)
            if full is None or book.known(full.group()):
                continue
        if p is not None and c is not None and p.text == m["p"] and c.text == m["c"]:
            out.append(_role(text, p, c, "role.is_described", 0.7, None))
    for m in sents.finditer(_TITLE_ROLE, ("title role", "title part", "lead role", "leading role", "central role",
                                          "lead part", "main role", "main part")):
        p, c = clean_name(m["p"], m.start("p")), clean_name(m["c"], m.start("c"))
        sent = sents.at(m.start())
        if p is None or c is None or sent is None or " " not in p.text or not _person_shaped(p.text):
            continue
        if (m["d"] and not descriptor_ok(m["d"].strip())) or book.known(c.text):
            continue
        out.append(_role(text, p, c, "role.title_role", 0.8, _show_after(text, c.end, sent.end, book)))
    for m in sents.finditer(_KNOWN_TO_AS, ("known to",)):
        p, a = clean_name(m["p"], m.start("p")), clean_name(m["a"], m.start("a"))
        if p and a and " " in p.text and _person_shaped(p.text):
            out.append(Raw(FactKind.ALIAS, p.start, a.end, "alias.known_to_as", 0.8, person=p.text, alias=a.text))
    return out


# A person the article casts, opening a sentence with a credit in apposition: "A, best known for S, takes ...",
# "A, familiar to international audiences from Prime Video's thriller S, is ..."
_KNOWN_FROM = re.compile(
    rf"(?P<p>{NAME}),\s+(?:(?:perhaps\s+)?best\s+known\s+for|familiar\s+(?:to\s+(?:[a-z]+\s+){{1,3}})?from)\s+"
    rf"(?:the\s+)?(?:{PLATFORM}(?:'s|\u2019s)\s+)?(?:(?:[A-Za-z][\w-]*\s+){{0,3}}?(?:drama|series|show|film|movie"
    rf"|thriller|sitcom|romance|comedy|mystery|K-drama)\s+)?{_QO}?(?P<t>{TITLE})(?:{_QC}?(?=,)|(?=,{_QC}))")
# "Shim Ara, who previously wrote the Wavve hit S": a writer's or director's earlier work named by its platform
_WHO_WROTE_HIT = re.compile(
    rf"(?P<p>{NAME}),\s+who\s+(?:also\s+|previously\s+|once\s+|has\s+|had\s+)?(?P<v>wrote|penned|scripted|directed"
    rf"|helmed|co-wrote|co-directed)\s+the\s+{PLATFORM}\s+(?:[a-z][\w-]*\s+)?(?:hit|original|smash)\s+"
    rf"{_QO}?(?P<t>{TITLE})")


def known_from_facts(text: str, sents: Sentences, book: ShowBook, actors: tuple[str, ...]) -> list[Raw]:
    out: list[Raw] = []
    if actors:
        ends: dict[str, set[str]] = {}
        for name in actors:
            words = name.split()
            for w in (words[0], words[-1]):
                ends.setdefault(fold(w).replace("-", ""), set()).add(person_key(name))
        keys = {person_key(n) for n in actors}
        for m in sents.finditer(_KNOWN_FROM, ("known for", "familiar ")):
            sent = sents.at(m.start())
            p = clean_name(m["p"], m.start("p"))
            title = clean_title(m["t"])
            if sent is None or p is None or p.text != m["p"] or not title or title != m["t"].strip():
                continue
            if text[sent.start:m.start()].strip() not in ("", "And", "But"):
                continue  # the person opens the sentence
            ok = (person_key(p.text) in keys and _person_shaped(p.text)) if " " in p.text else \
                len(ends.get(fold(p.text).replace("-", ""), ())) == 1
            if ok and not book.known(p.text) and clean_name(title, 0) != title:
                out.append(Raw(FactKind.CAST, p.start, m.end("t"), "cast.known_from", 0.6, person=p.text, show=title))
    for m in sents.finditer(_WHO_WROTE_HIT, ("wrote the", "penned the", "scripted the", "directed the", "helmed the")):
        p = clean_name(m["p"], m.start("p"))
        title = clean_title(m["t"])
        if p is None or " " not in p.text or not title:
            continue
        # (strict: kept only for a person another rule credits in full)
        kind = FactKind.DIRECTOR if m["v"] in ("directed", "helmed", "co-directed") else FactKind.WRITER
        out.append(Raw(kind, p.start, m.end("t"), f"{kind.value}.who_hit", 0.8, person=p.text, show=title,
                       strict_person=True))
    return out


# An actor who leaves a show before it is made plays nothing in it: "A has stepped down from the drama",
# "A exits 'S'", "A dropped out of the project", "B will replace A", "A was replaced by B"
_LEAVE = re.compile(
    r"\b(?:(?:stepped|steps|step|stepping)\s+down\s+from|(?:dropped|drops|drop|dropping|pulled|pulls|pull|pulling"
    r"|bowed|bows|bow)\s+out\s+(?:of|from)|(?:withdrew|withdraws|withdrawn|withdrawing)\s+from"
    r"|(?:exited|exits|exit|exiting|left|leaves|leaving|quit|quits))\s+"
    r"(?=[\u2018\u201c\"]|(?:(?:the|an?|his|her|their)\s+)?(?:[\w+-]+(?:'s|\u2019s)\s+)?"
    r"(?:(?!(?:of|in|on|for|with|at|to|and|by|from)\s)[\w-]+\s+){0,3}?"
    r"(?:drama|K-drama|series|project|show|cast|production|role|part)\b)")
_LEAVE_WORDS = ("stepped down", "steps down", "step down", "stepping down", " out of", " out from", "withdr",
                "exit", " left ", "leaves", "leaving", "quit")
_REPLACE_OBJ = re.compile(r"\b(?:replac(?:e|es|ed|ing)|in\s+place\s+of|taking\s+over\s+from|takes?\s+over\s+from)"
                          r"\s+(?=[A-Z])")
_REPLACED_BY = re.compile(r"\s+(?:was|has\s+been|had\s+been|will\s+be|is|is\s+being)\s+replaced\s+by\b")
_PART_WORDS = re.compile(r"\b(?:role|part|cast|drama|series|project|show|production|character)\b")


def departures(text: str, sents: Sentences, book: ShowBook) -> list[tuple[Name, str | None, int]]:
    """People the article says left a show before it was made: (name, the show's title or None for the one
    the sentence is about, where it is said). Their roles and cast in that show are dropped."""
    out: list[tuple[Name, str | None, int]] = []

    def show_in(start: int, end: int) -> str | None:
        found = book.in_sentence(start, end)
        return found[0][1].title if found else None

    for m in sents.finditer(_LEAVE, _LEAVE_WORDS):
        sent = sents.at(m.start())
        if sent is None:
            continue
        who = _trailing_names(text, sent.start, m.start())[-1:]
        if not who:
            # "A had been cast as C but left the project": the person the sentence opens with
            first = name_after(text, sent.start)
            who = [first] if first is not None and first.start == sent.start and " " in first.text \
                and _person_shaped(first.text) else []
        for n in who:
            out.append((n, show_in(m.end(), sent.end), m.start()))
    for sent in sents.having(("replac", "in place of", "over from")):
        if not _PART_WORDS.search(text, sent.start, sent.end):
            continue  # "she replaced her father as head of the firm": a plot, not a casting change
        for m in _REPLACE_OBJ.finditer(text, sent.start, sent.end):
            n = name_after(text, m.end())
            if n is not None and not book.known(n.text):
                out.append((n, show_in(sent.start, sent.end), m.start()))
        for m in _REPLACED_BY.finditer(text, sent.start, sent.end):
            for n in _trailing_names(text, sent.start, m.start())[-1:]:
                out.append((n, show_in(sent.start, sent.end), m.start()))
    return out


# Parts told with a pronoun or a family name, for the show in scope (a listicle section's, else the article's):
# "Yoon's turn as prosecutor C won her ...", "Her C, a florist who ...", "In it she is C, a motel owner",
# "As the grieving mother C in Director A's drama, Yoon barely ..."
_SCOPE_TURN = re.compile(rf"(?:(?P<pr>\b[Hh]is|\b[Hh]er)|(?P<n>{NAME})(?:'s|\u2019s)|(?P<a>\b(?:for|with)\s+(?:a|an)))"
                         rf"\s+(?:(?:[a-z]+\s+){{0,2}}?)"
                         rf"(?:role|turn|part|performance|portrayal)\s+as\s+(?P<d>(?:(?:the|a|an|[a-z][\w-]*)\s+)"
                         rf"{{0,4}})(?P<c>{NAME})")
_HER_PART = re.compile(rf"(?:Her|His)\s+(?P<c>{NAME}),\s+(?:a|an|the)\s+[a-z]")
_SHE_IS = re.compile(rf"(?:^|\b(?:[Ii]n\s+(?:it|which|this(?:\s+[\w+-]+){{0,4}}?)|[Hh]ere|[Tt]his\s+time)\s*,?\s+)"
                     rf"(?:[Ss]he|[Hh]e)\s+is\s+"
                     rf"(?P<c>{NAME}),\s+(?:a|an|the)\s+[a-z]")
# "A will make a cameo in P's S", "B made a special cameo appearance in 'S'"
_CAMEO = re.compile(rf"(?P<p>{NAME})\s+(?:(?:will|is\s+set\s+to|is\s+to|also|briefly)\s+)*(?:makes?|made|making)\s+"
                    rf"(?:a\s+)?(?:(?:special|brief|surprise|short)\s+)?(?:cameo(?:\s+appearance)?|guest\s+appearance)"
                    rf"\s+in\s+(?:(?:{PLATFORM})(?:'s|\u2019s)\s+)?" + _SHOW_REF)
_AS_LEAD = re.compile(rf"As\s+(?:the|a|an|his|her)\s+(?P<d>(?:[a-z][\w-]*\s+){{0,4}})(?P<c>{NAME})"
                      rf"(?:\s+in\s+[^,.;]{{1,80}})?,\s+(?P<p>{NAME})\s+[a-z]")


def scope_part_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for m in sents.finditer(_SCOPE_TURN, ("role as", "turn as", "part as", "performance as", "portrayal as")):
        sent = sents.at(m.start())
        c = clean_name(m["c"], m.start("c"))
        if sent is None or c is None or " " not in c.text and "-" not in c.text \
                or not re.match(r"\s*(?:[,.;:!?)\u2013\u2014]|$)|\s+[a-z]", text[m.end():m.end() + 3]):
            continue  # the name ends the part: punctuation or a verb after it
        if m["d"] and not descriptor_ok(m["d"].strip() or "x"):
            continue
        if m["pr"]:
            p = _previous_person(text, sents, sent, book, profile=True) if m.start() == sent.start else None
        elif m["a"]:
            # "A has been praised for a restrained performance as auditor C": the one person before it
            before = {person_key(n.text): n for n in (clean_name(x.group(), sent.start + x.start())
                                                     for x in re.finditer(NAME, text[sent.start:m.start()]))
                      if n is not None and " " in n.text and _person_shaped(n.text) and not book.known(n.text)}
            p = next(iter(before.values())) if len(before) == 1 else None
        else:
            p = clean_name(m["n"], m.start("n"))
        if p is None or book.known(p.text):
            continue
        if re.match(r"\s+(?:in|on|for|from)\b", text[c.end:c.end + 6]):
            continue  # "His turn as C in S": a credit in another show (see passing_credit_facts)
        out.append(_role(text, p, c, "role.turn_as", 0.7, None))  # the show in scope, as _resolve finds it
    for pattern, rule, words in ((_HER_PART, "role.her_part", ("her ", "his ")),
                                 (_SHE_IS, "role.she_is", ("she is", "he is"))):
        for m in sents.finditer(pattern, words):
            sent = sents.at(m.start())
            c = clean_name(m["c"], m.start("c"))
            if sent is None or c is None or (pattern is _HER_PART and m.start() != sent.start):
                continue
            subject = profile_subject(text, book)
            if subject is None:
                continue  # whom "her" means is certain only in a piece about one person: that person
            if not book.known(c.text):
                out.append(_role(text, Name(subject, m.start(), m.start()), c, rule, 0.6, None))
    for m in sents.finditer(_CAMEO, ("cameo", "guest appearance")):
        p = clean_name(m["p"], m.start("p"))
        title = clean_title(m["t"])
        if p is not None and title and " " in p.text and _person_shaped(p.text) and not book.known(p.text):
            out.append(Raw(FactKind.CAST, m.start(), m.end(), "cast.cameo", 0.7, person=p.text, show=title))
    for m in sents.finditer(_AS_LEAD, ("as ",)):
        sent = sents.at(m.start())
        if sent is None or m.start() != sent.start or (m["d"] and not descriptor_ok(m["d"].strip() or "x")):
            continue
        c, p = clean_name(m["c"], m.start("c")), clean_name(m["p"], m.start("p"))
        if c is None or p is None or book.known(p.text) or book.known(c.text):
            continue
        out.append(_role(text, p, c, "role.as_lead", 0.7, _show_after(text, c.end, sent.end, book)))
    return out


# A part named in apposition to a person the sentence calls an actor: "Veteran actress A, the siblings'
# sharp-tongued grandmother C, stole ..." (the word "actor" or "actress" says which of the two names is whose)
_ACTOR_APPOS = re.compile(
    rf"\b(?:[Aa]ctor|[Aa]ctress)\s+(?P<p>{NAME}),\s+(?:the|a|an|his|her|their|{TOK}{POSS}|[a-z]+s(?:'|\u2019))\s+"
    rf"(?P<d>(?:[a-z][\w-]*(?:s'|s\u2019)?\s+){{0,4}})(?P<c>{NAME}),\s")
# A fronted part: "In the role of middle child C, a failed restaurateur ..., A displayed ..."
_FRONTED_ROLE = re.compile(rf"In\s+the\s+(?:(?:title|lead|leading|main)\s+)?role\s+of\s+"
                           rf"(?P<d>(?:(?:the|a|an|[a-z][\w-]*)\s+){{0,4}})(?P<c>{NAME}),")
_CLAUSE_SUBJECT = re.compile(rf",\s+(?P<p>{NAME})\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b")


def wire_part_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for m in sents.finditer(_ACTOR_APPOS, ("actor ", "actress ")):
        p, c = clean_name(m["p"], m.start("p")), clean_name(m["c"], m.start("c"))
        d = " ".join(w for w in m["d"].split() if not w.endswith(("'", "\u2019")))  # ("the siblings' ...")
        if p is None or c is None or p.text != m["p"] or c.text != m["c"] or (d and not descriptor_ok(d)):
            continue
        if " " in p.text and _person_shaped(p.text) and not book.known(p.text) and not book.known(c.text):
            out.append(_role(text, p, c, "role.actor_apposition", 0.75, None))
    for m in sents.finditer(_FRONTED_ROLE, ("in the ",), ("in the ",)):
        sent = sents.at(m.start())
        c = clean_name(m["c"], m.start("c"))
        d = m["d"].strip()
        if sent is None or m.start() != sent.start or c is None or c.text != m["c"] or (d and not descriptor_ok(d)):
            continue
        s = _CLAUSE_SUBJECT.search(text, m.end() - 1, sent.end)
        p = clean_name(s["p"], s.start("p")) if s else None
        if p is not None and p.text == s["p"] and " " in p.text and _person_shaped(p.text) and not book.known(p.text):
            out.append(_role(text, p, c, "role.fronted", 0.7, None))
    return out


# A part named in one sentence and given its actor in the next by a pronoun: "... her younger brother, Park
# Ji-ho, who is deaf. He is played by A", "Her brother C has been recast. He's now played by A"
_R24_PRONOUN_PLAYED = re.compile(
    rf"(?:He|She)(?:\s+is|\s+was|\s+will\s+be|['\u2019]s)\s+(?:(?:now|also|still|instead)\s+)?(?:played|portrayed)"
    rf"\s+by\s+(?:(?:the|veteran|young|rookie|newcomer|child|actor|actress)\s+){{0,3}}(?P<p>{NAME})")
# a cameo told by who makes it: "there's a fun cameo from A in episode 4", "a surprise cameo by B"
_R24_CAMEO_FROM = re.compile(rf"\b(?:a|an)\s+(?:[a-z]+\s+){{0,2}}?(?:cameo|guest\s+appearance|special\s+appearance)"
                             rf"(?:\s+appearance)?"
                             rf"\s+(?:from|by)\s+(?P<p>{NAME})")


def r24_part_facts(text: str, sents: Sentences, book: ShowBook) -> list[Raw]:
    out: list[Raw] = []
    for sent in sents.having(("played by", "portrayed by")):
        m = _R24_PRONOUN_PLAYED.match(text, sent.start, sent.end)
        prev = _previous(sents, sent) if m else None
        if m is None or prev is None or "\n\n" in text[prev.end:sent.start]:
            continue
        p = clean_name(m["p"], m.start("p"))
        if p is None or p.text != m["p"] or " " not in p.text or book.known(p.text):
            continue
        # the part: the last full name of the sentence before that no verb of acting follows
        names = [n for n in (clean_name(x.group(), x.start()) for x in re.finditer(NAME, text[prev.start:prev.end]))
                 if n is not None]
        names = [Name(n.text, prev.start + n.start, prev.start + n.end) for n in names
                 if (" " in n.text or "-" in n.text) and _person_shaped(n.text)]
        c = names[-1] if names else None
        if c is None or book.known(c.text) or _ROLE_NEXT.match(text, c.end) or person_key(c.text) == person_key(
                p.text):
            continue
        out.append(_role(text, p, c, "role.pronoun_played_by", 0.7, None))
    for m in sents.finditer(_R24_CAMEO_FROM, ("cameo", "guest appearance", "special appearance")):
        p = clean_name(m["p"], m.start("p"))
        if p is not None and p.text == m["p"] and " " in p.text and _person_shaped(p.text) and not book.known(p.text):
            out.append(Raw(FactKind.CAST, p.start, p.end, "cast.cameo_from", 0.7, person=p.text))
    for sent in sents.having(("confirming ", "confirmed ")):
        # casting news: "TVING announced the complete cast, confirming A, B, C and D"
        m = _R24_CONFIRMING.search(text, sent.start, sent.end)
        if m is None or not _R24_CAST_WORD.search(text, sent.start, m.start()):
            continue
        seg = mask_parens(text[m.end(): sent.end])
        cut = _LIST_CUT.search(seg)
        names = split_list(seg[: cut.start()] if cut else seg, m.end(), "none")
        if len(names) >= 2 and all(_person_shaped(n.text) or " " not in n.text for n in names) \
                and sum(" " in n.text for n in names) >= 2:
            out += [Raw(FactKind.CAST, n.start, n.end, "cast.confirming", 0.75, person=n.text)
                    for n in names if not book.known(n.text)]
    return out


_R24_CONFIRMING = re.compile(r"\b(?:confirming|confirmed)\s+(?=[A-Z])")
_R24_CAST_WORD = re.compile(r"\b(?:cast|casting|line-?up|ensemble)\b")
