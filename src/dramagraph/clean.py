"""Clean stage: turn a ``Document`` (HTML, Markdown or plain text) into an ``Article``.

HTML pages go through trafilatura for the main text and metadata; Markdown loses its markup; every
result then goes through the plain-text boilerplate cleaner, which works on lines: it drops ad markers,
comment and login prompts, photo credits, lone numbers and section words, "ALSO READ:" link lines and
repeated headlines, and cuts the page tail from the first end-of-article marker ("Latest news",
"Related articles", "You might also like" ...).  Cleaning is idempotent.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .errors import CleanError
from .models import Article, Document

# --- normalisation -------------------------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Runs of blanks to one space; a lone " " is left alone (matching it would rewrite every word gap).
_BLANK = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # blanks other than " "
_SPACES = re.compile(rf"[ {_BLANK}]{{2,}}|[{_BLANK}]")
_ODD_BLANK = re.compile(rf"[{_BLANK}]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Titles in straight single quotes ('Harbour Lights', as many news desks write them) become curly ones, one
# character for one so offsets hold; an apostrophe is never an opener (a letter or quote stands before it),
# nor a closer when a letter follows it, so 'The Keeper's Ledger' stays one title.
_SINGLE_QUOTED = re.compile(r"(?<![\w'\u2019])'([A-Z0-9](?:[^'\n]|(?<=\w)'(?=\w)){0,60}?)'(?!\w)")

# --- lines that are never article text ----------------------------------------------------------------

_DROP = re.compile(
    r"""^(?:
      [-\u2013\u2014_*\u2022|~=\s]*advert[a-z]*[-\u2013\u2014_*\u2022|~=\s]*        # - Advertisment -
    | (?:scroll\ (?:down\ )?to\ continue.*|story\ continues\ below.*)
    | (?:please\ )?(?:enter|type)\ your\ (?:comment|name|e-?mail)(?:\ (?:address\ )?here)?\W*
    | (?:please\ )?(?:log\ ?in|sign\ ?in)\b.{0,60}
    | you\ (?:must|need\ to)\ be\ logged\ in.{0,60}
    | (?:photo|photos|image|images|picture|pic|credit|credits|photo\ credit|image\ credit|image\ source
        |source|via|courtesy)\s*[:|].*
    | [\d.,:/\s]+                                                                    # a lone number
    | (?:also\ read|read\ (?:more|also|next)|related|see\ also|recommended|must\ read|watch|listen)\s*
        :.*
    | (?:share|tweet|pin\ it|e-?mail|print|whatsapp|facebook|twitter|linkedin|copy\ link)
        (?:\ (?:this|on\ \w+|article|story))?
    # cookie banners, follow and newsletter prompts, copyright lines
    | (?:we|this\ (?:web)?site)\ uses?\ cookies\b.*
    | (?:accept|reject|manage)\ (?:all\ )?cookies.{0,40}
    | follow\ us\ on\b.*
    | (?:subscribe|sign\ up)\ (?:to|for)\ (?:our|the)\b.{0,80}newsletters?\b.*
    | (?:\u00a9|\(c\)|copyright\s*(?:\u00a9|\(c\)|\d{4}|by\b)).{0,100}
    | all\ rights\ reserved\W*
    | (?:lifestyle|entertainment|news|culture|k-?pop|k-?drama|k-?dramas|tv|television|movies|film|films
        |music|celebrity|celebrities|style|trending|home|world|opinion|features?|reviews?|arts|showbiz
        |streaming|asia|korea|sports?|business|politics|tech|health|travel|food|people|gossip)\W*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A line that starts the page tail; matched on the whole line so the words inside sentences never cut.
_END = re.compile(
    r"""^(?:
      latest(?:\ (?:news|stories|articles|posts|updates))?
    | related(?:\ (?:articles?|posts?|stories|news|content|reads|coverage|topics))?
    | (?:more|other)\ (?:from|stories|news|articles|on|in)\b.{0,50}
    # "More K-drama news", "Latest celebrity stories"
    | (?:more|other|latest|top|recent)\ (?:[\w+&-]+\ ){1,3}(?:news|stories|articles|headlines|updates)
    | also\ read                                                                    # a bare heading
    | must[\ -]reads?
    | you\ (?:might|may|could)\ also\ (?:like|enjoy|be\ interested\ in)
    | recommended(?:\ (?:to|for)\ you|\ (?:stories|articles|reads|videos))?
    | read\ (?:more|next|(?:these|this)\ next)
    | keep\ reading | more\ like\ this | you\ may\ have\ missed
    # ("TRENDING ON HALLYU WEEKLY", "Most read on the site": the list may name its site)
    | (?:most\ )?(?:popular|read|viewed)(?:\ (?:now|today|stories|articles|posts))?(?:\ on\ [\w .&'+-]{1,40})?
    | trending(?:\ (?:now|stories|articles|today))?(?:\ (?:on|at)\ [\w .&'+-]{1,40})?
    | leave\ a\ (?:comment|reply)
    # link lists under other names ("What to watch next", "Editor's pick", "Don't miss" can head a
    # listicle's own entries, so they do not end the article)
    | (?:top|hot)\ (?:stories|topics)
    | more\ (?:stories|reads)
    | in\ other\ news
    | (?:from|around)\ (?:around\ )?the\ web
    | (?:sponsored|promoted|partner)(?:\ (?:content|links?|stories|posts))?
    | what\ to\ read\ next
    | also\ on\ (?:our\ site|[\w.-]+)
    | (?:previous|next)\ (?:article|story|post)\b.{0,120}
    | post\ a\ comment
    | (?:\d+\ )?comments?(?:\ \(\d+\))?
    | (?:please\ )?(?:enter|type)\ your\ comment\W*
    | join\ the\ (?:conversation|discussion)
    | about\ the\ author
    | (?:share|tags?|topics|filed\ under)\s*:.*
    )\W{0,5}(?-i:[A-Z]{2,}\W{0,3})?$""",
    re.IGNORECASE | re.VERBOSE,
)

_FIGURE = re.compile(r"<(/?)(?:figcaption|figure)\b", re.IGNORECASE)
_FIGURE_B = re.compile(rb"<(/?)(?:figcaption|figure)\b", re.IGNORECASE)
_BULLET = re.compile(r"^[-*\u2022]\s+(?=\S)", re.MULTILINE)   # list items as trafilatura writes them
_ELLIPSIS = re.compile(r"(?:\.{3}|\u2026)\s*$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d)]*$")

# --- Markdown --------------------------------------------------------------------------------------------

_MD_RULES = [
    (re.compile(r"```.*?```", re.DOTALL), ""),
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),              # images -> nothing
    (re.compile(r"!\[[^\]\n]*\]\[[^\]\n]*\]"), ""),
    (re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),           # links -> link text
    (re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]"), r"\1"),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S.*$", re.MULTILINE), ""),
    (re.compile(r"^ {0,3}#{1,6}[ \t]*(.*?)[ \t#]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),
    (re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE), ""),   # setext underlines
    (re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*[-*+][ \t]+", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`\n]*)`"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
]


def markdown_to_text(text: str) -> str:
    """Strip Markdown markup: headings, emphasis, code, quotes; links keep their text, images go."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return html.unescape(text)


# --- HTML fallback ---------------------------------------------------------------------------------------

class _TextParser(HTMLParser):
    """Visible text of a page, one line per block element; used only when trafilatura finds nothing."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside",
                       "form", "button", "select", "iframe"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                        "article", "blockquote", "figcaption", "dd", "dt", "pre", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _html_fallback(page: str) -> str:
    parser = _TextParser()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    return "".join(parser.parts)


def _html_extract(page: str | bytes, url: str | None) -> tuple[str, dict[str, str | None]]:
    """Main text and metadata of a page (title, url, published, author)."""
    meta: dict[str, str | None] = {"title": None, "url": None, "published": None, "author": None}
    text = ""
    import trafilatura  # imported here: plain-text ingest never pays for it

    # Photo captions name who plays whom; trafilatura drops <figure>, so they are read as paragraphs.
    if isinstance(page, bytes):
        page = _FIGURE_B.sub(rb"<\1p", page) if b"figcaption" in page else page
    elif "figcaption" in page:
        page = _FIGURE.sub(r"<\1p", page)

    try:
        # favor_recall keeps credit lists ("<li>Directed by: ...</li>") that the precise mode drops
        result = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                             include_tables=True, favor_recall=True)
    except (ValueError, TypeError, AttributeError, LookupError):  # unparsable markup
        result = None
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
        text = _BULLET.sub("", data.get("text") or "")
        meta.update(title=data.get("title"), url=data.get("url"), published=data.get("date"),
                    author=data.get("author"))
    if not text.strip():
        raw = page.decode("utf-8", errors="replace") if isinstance(page, bytes) else page
        text = _html_fallback(raw)
    return text, meta


# --- the plain-text cleaner ------------------------------------------------------------------------------

def _normalise(text: str) -> list[str]:
    # each substitution only where there is something to replace: the scans cost more than the checks
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    if "'" in text:
        text = _SINGLE_QUOTED.sub(lambda m: f"\u2018{m[1]}\u2019", text)
    if "  " in text or _ODD_BLANK.search(text):
        text = _SPACES.sub(" ", text)  # one pass over the whole text, not one per line
    return [line.strip() for line in text.split("\n")]


_NON_WORD = re.compile(r"\W{2,}|[^\w ]")  # as r"\W+" to " ", without rewriting each lone space


def _fold(line: str) -> str:
    return _NON_WORD.sub(" ", line.casefold()).strip()


def _has_body(lines: list[str]) -> bool:
    """Some article text is kept already: enough characters and at least one full sentence (a search box's
    "Search this blog..." or a menu line ending in a stop is none)."""
    return sum(len(line) for line in lines) >= 120 and any(
        _SENTENCE_END.search(line) and not _ELLIPSIS.search(line) and " | " not in line for line in lines)


def _one_pass(text: str) -> str:
    lines = _normalise(text)
    kept: list[str] = []
    keys: list[str] = []
    seen: set[str] = set()
    for line in lines:
        if not line:
            kept.append("")
            keys.append("")
            continue
        if _END.match(line):
            # A tail marker after the article body ends it; one standing before any body is page chrome.
            if _has_body(kept):
                break
            continue
        if _DROP.match(line):
            continue
        key = _fold(line)
        if not key or key in seen:
            continue  # a repeated headline or caption: keep its first appearance only
        seen.add(key)
        kept.append(line)
        keys.append(key)
    # Truncated teasers ("Headline text...") of a line that is there in full.
    folded = keys
    whole = "\n".join(folded)
    out: list[str] = []
    for line, key in zip(kept, folded, strict=True):
        if line and line.rstrip().endswith(("...", "\u2026")):  # _ELLIPSIS.search(line), without a scan
            stem = _fold(_ELLIPSIS.sub("", line))
            words = stem.split(" ")
            # the teaser may carry a section label in front ("K-POP Headline text...")
            candidates = [" ".join(words[i:]) for i in range(min(4, max(1, len(words) - 4)))]
            if any(len(c) >= 20 and whole.count(c) > 1 for c in candidates) or any(
                    len(c) >= 20 and c in other for c in candidates for other in folded if other != key):
                continue
        out.append(line)
    # At most one blank line between blocks, none at the ends.
    result: list[str] = []
    for line in out:
        if line or (result and result[-1]):
            result.append(line)
    while result and not result[-1]:
        result.pop()
    return "\n".join(result)


def clean_text(text: str) -> str:
    """Plain-text boilerplate clean-up.  Raises ``CleanError`` when no readable text remains."""
    if not isinstance(text, str):
        raise CleanError(f"expected text, got {type(text).__name__}")
    # One pass is a fixed point: every kept line already passed the line filters, has a unique fold and
    # survived the teaser check against a superset of the lines a second pass would see.
    current = _one_pass(text)
    words = _WORD.finditer(current)
    if next(words, None) is None or next(words, None) is None:  # fewer than two words
        raise CleanError("no readable article text left after clean-up")
    return current


def _headline(text: str) -> str | None:
    first, sep, rest = text.partition("\n")
    if not sep or not rest.startswith("\n"):
        return None
    words = first.split()
    if not 2 <= len(words) <= 40 or len(first) > 250:
        return None
    if _SENTENCE_END.search(first) and not _ELLIPSIS.search(first):
        return None
    return first


def clean_document(doc: Document) -> Article:
    """Clean one document into an article: main text, title first, metadata from the page or ``doc``."""
    content = doc.content
    meta: dict[str, str | None] = {"title": None, "url": None, "published": None, "author": None}
    media = (doc.media_type or "text/plain").split(";")[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        body, meta = _html_extract(content, doc.url)
    else:
        body = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else str(content)
        if media in ("text/markdown", "text/x-markdown"):
            body = markdown_to_text(body)
    try:
        text = clean_text(body)
    except CleanError as err:
        raise CleanError(f"{doc.source}: {err}") from None
    title = doc.title or meta["title"]
    if title:
        title = re.sub(r"\s+", " ", _INVISIBLE.sub("", title)).strip() or None
    if title is None and media not in ("text/html", "application/xhtml+xml"):
        title = _headline(text)
    if title and _fold(text.partition("\n")[0]) != _fold(title):
        text = f"{title}\n\n{text}"
    return Article(source=doc.source, text=text, title=title, url=doc.url or meta["url"],
                   published=doc.published or meta["published"], author=doc.author or meta["author"])
