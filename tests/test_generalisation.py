"""Articles written for the project in the styles real outlets use (tests/generalisation/), scored against
hand-made gold the way ../shared/eval/score.py scores: loose name matching, order-free person names, a
season's ways of being written folded into one title.

The floors sit a little under what extraction reaches, so a regression shows; people in unrelated page
tails must never become cast.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from dramagraph.clean import clean_document
from dramagraph.extract import extract
from dramagraph.models import Document
from dramagraph.report import facts_document

CASES = Path(__file__).parent / "generalisation"
RELATIONS = ["role", "cast", "show-platform", "season-of-series", "season-number", "episodes",
             "episode-minutes", "director", "writer", "alias"]
PLATFORMS = {"disney plus": "disney+", "apple tv plus": "apple tv+", "apple tv": "apple tv+",
             "amazon prime video": "prime video", "hbo max": "max"}


def _norm(text) -> str:
    s = unicodedata.normalize("NFKD", str(text or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("+", " plus ").replace("#", " ")
    s = re.sub(r"[\u2018\u2019\u201c\u201d'\"`]", "", s)
    s = re.sub(r"[-\u2010-\u2015]", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", s).strip())


def _platform(text) -> str:
    s = _norm(text)
    return PLATFORMS.get(s, s.replace(" plus", "+"))


def _person(text) -> str:
    return " ".join(sorted(t for t in (_norm(t) for t in re.split(r"[\s\-\u2010-\u2015]+", str(text or ""))) if t))


def _canon(gold: dict) -> dict[str, str]:
    canon: dict[str, str] = {}
    for show in gold.get("shows") or []:
        title, series, n = _norm(show.get("title")), _norm(show.get("anthology_or_series")), show.get("season_number")
        canon[title] = title
        if series and n is not None:
            for form in (f"{series} season {n}", f"{series} {n}", f"{series} part {n}", f"{series} s{n}"):
                canon.setdefault(form, title)
    return canon


def _facts(doc: dict, canon: dict[str, str]) -> dict[str, set]:
    out: dict[str, set] = defaultdict(set)

    def show_key(text) -> str:
        return canon.get(_norm(text), _norm(text))

    for show in doc.get("shows") or []:
        title = show_key(show.get("title"))
        for p in show.get("platforms") or []:
            out["show-platform"].add((title, _platform(p)))
        series = _norm(show.get("anthology_or_series"))
        if series and series != title:
            out["season-of-series"].add((title, series))
        if series and show.get("season_number") is not None:
            out["season-number"].add((series, int(show["season_number"])))
        for key, rel in (("episodes", "episodes"), ("episode_minutes", "episode-minutes")):
            if show.get(key) is not None:
                out[rel].add((title, int(show[key])))
        for key, rel in (("directors", "director"), ("writers", "writer")):
            for who in show.get(key) or []:
                out[rel].add((title, _person(who)))
    for role in doc.get("roles") or []:
        out["role"].add((_person(role["actor"]), _person(role["character"]), show_key(role.get("show"))))
        out["cast"].add((_person(role["actor"]), show_key(role.get("show"))))
    for c in doc.get("cast") or []:
        out["cast"].add((_person(c["actor"]), show_key(c.get("show"))))
    for a in doc.get("aliases") or []:
        if _norm(a.get("name")) in canon or _norm(a.get("alias")) in canon:
            continue
        out["alias"].add(tuple(sorted((_person(a["name"]), _person(a["alias"])))))
    return out


def _predict(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    title = ""
    while lines and re.match(r"^(SOURCE|TITLE):", lines[0]):
        key, _, value = lines.pop(0).partition(":")
        title = value.strip() if key == "TITLE" else title
    body = "\n".join(lines).strip()
    article = clean_document(Document(source=path.name, content=f"{title}\n\n{body}" if title else body,
                                      media_type="text/plain"))
    return facts_document(extract(article).facts)


@pytest.fixture(scope="module")
def scores() -> dict:
    totals = {rel: [0, 0, 0] for rel in RELATIONS}
    leaks: list[tuple[str, str]] = []
    wrong: dict[str, int] = {}  # the facts no gold holds, per case that has any
    for gold_path in sorted(CASES.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = _predict(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
        canon = _canon(gold)
        g, p = _facts(gold, canon), _facts(pred, canon)
        for rel in RELATIONS:
            totals[rel][0] += len(g[rel] & p[rel])
            totals[rel][1] += len(p[rel] - g[rel])
            totals[rel][2] += len(g[rel] - p[rel])
            if p[rel] - g[rel]:
                wrong[gold_path.name] = wrong.get(gold_path.name, 0) + len(p[rel] - g[rel])
        outsiders = {_person(n) for n in gold.get("not_cast") or []}
        leaks += [(gold_path.name, a) for a, _ in p["cast"] if a in outsiders]
    tp, fp, fn = (sum(t[i] for t in totals.values()) for i in range(3))
    return {"totals": totals, "leaks": leaks, "wrong": wrong, "precision": tp / (tp + fp), "recall": tp / (tp + fn),
            "f1": 2 * tp / (2 * tp + fp + fn)}


def test_there_are_enough_cases() -> None:
    assert len(list(CASES.glob("*.gold.json"))) >= 126


def test_micro_f1_floor(scores: dict) -> None:
    assert scores["f1"] >= 0.880, scores["totals"]


def test_precision_floor(scores: dict) -> None:
    assert scores["precision"] >= 0.990, scores["totals"]


# Two articles tell a series' seasons in words only ("Its second season, which finished last month", "a second
# season in 2020"); their gold puts each fact in season 1 or 2, where extraction keeps the series' bare title.
# Every other case states no fact its gold lacks.
_SEASONS_IN_WORDS = {"r21_production_news.gold.json": 9, "r22_two_shows_essay.gold.json": 6}


def test_only_the_cases_with_seasons_told_in_words_state_wrong_facts(scores: dict) -> None:
    assert all(n <= _SEASONS_IN_WORDS.get(name, 0) for name, n in scores["wrong"].items()), scores["wrong"]


def test_roles_are_precise(scores: dict) -> None:
    tp, fp, _ = scores["totals"]["role"]
    assert tp >= 383 and fp <= 4, scores["totals"]["role"]


def test_no_person_from_a_page_tail_or_a_credit_becomes_cast(scores: dict) -> None:
    assert scores["leaks"] == []
