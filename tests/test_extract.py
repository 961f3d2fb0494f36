"""Extract stage: one test per rule with articles written for the project, plus property tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dramagraph.clean import clean_document
from dramagraph.extract import extract
from dramagraph.extract.shows import quoted_title
from dramagraph.models import Article, Document, FactKind
from dramagraph.report import facts_document


def facts_of(text: str):
    return extract(Article(source="test", text=text)).facts


def roles(text: str) -> set[tuple[str, str, str | None]]:
    return {(f.person, f.character, f.show) for f in facts_of(text) if f.kind is FactKind.ROLE}


def cast(text: str) -> set[tuple[str, str]]:
    return {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.CAST}


def kinds(text: str, kind: FactKind) -> set[tuple]:
    return {(f.show, f.person, f.platform, f.series, f.number, f.alias) for f in facts_of(text) if f.kind is kind}


HEAD = "Streamline K-drama Lantern Harbour: a quiet harbour mystery\n\n"


def test_plays():
    assert roles(HEAD + "Mira Holt plays Oona Vey, a ferry captain.") == {("Mira Holt", "Oona Vey", "Lantern Harbour")}


def test_will_portray_and_breathe_life():
    text = HEAD + ("Mira Holt will portray the character of Oona Vey, a captain. "
                   "Dae Rin will breathe life into the character of Kwon Ha-neul, a diver.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour"),
                           ("Dae Rin", "Kwon Ha-neul", "Lantern Harbour")}


def test_takes_on_turns_into_becomes():
    text = HEAD + ("Mira Holt takes on the role of Oona Vey, a captain. Dae Rin turns into Kwon Ha-neul, who "
                   "can breathe underwater. Tomas Pell becomes Frank, a smuggler.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour"), ("Dae Rin", "Kwon Ha-neul",
                           "Lantern Harbour"), ("Tomas Pell", "Frank", "Lantern Harbour")}


def test_becomes_needs_a_character_like_name():
    assert roles(HEAD + "Tomas Pell becomes more interesting in the second half.") == set()


def test_as_in_photo_caption_and_photographer_is_not_cast():
    text = HEAD + ("Mira Holt as Oona Vey (left) and Dae Rin as K in a still from \u201cLantern Harbour\u201d. "
                   "Photo: Jun Arlo/Streamline")
    facts = facts_of(text)
    assert {(f.person, f.character) for f in facts if f.kind is FactKind.ROLE} == {("Mira Holt", "Oona Vey"),
                                                                                   ("Dae Rin", "K")}
    assert all(f.person != "Jun Arlo" for f in facts)


def test_character_then_actor_in_brackets():
    text = HEAD + "Starring: Mira Holt, Dae Rin\n\nThe story follows Oona Vey (Mira Holt) and Kwon Ha-neul (Dae Rin)."
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour"), ("Dae Rin", "Kwon Ha-neul",
                                                                         "Lantern Harbour")}


def test_played_by_with_description():
    text = HEAD + "A drifter known only as Q, played by real-life drummer Tomas Pell in his debut, arrives."
    assert roles(text) == {("Tomas Pell", "Q", "Lantern Harbour")}


def test_respective_list_and_next_sentence():
    text = HEAD + ("Mira Holt,Dae Rin and Tomas Pell play Oona, Kwon and Frank |\n"
                   "The cast also includes rising stars, including Ana Sol, Ben Oka, and Cy Dane. "
                   "They\u2019ll each play Dora Lin, Eli Moor, and Fay Rook.")
    assert roles(text) == {
        ("Mira Holt", "Oona", "Lantern Harbour"), ("Dae Rin", "Kwon", "Lantern Harbour"),
        ("Tomas Pell", "Frank", "Lantern Harbour"), ("Ana Sol", "Dora Lin", "Lantern Harbour"),
        ("Ben Oka", "Eli Moor", "Lantern Harbour"), ("Cy Dane", "Fay Rook", "Lantern Harbour")}


def test_surnames_and_descriptions_in_coordinated_pair():
    text = HEAD + ("Lead cast: Park Ha-eun, Yoon Tae-ri\n\n"
                   "Park and Yoon play violinist Seo Min-ji and retired boxer Kang Do-il.")
    assert roles(text) == {("Park Ha-eun", "Seo Min-ji", "Lantern Harbour"),
                           ("Yoon Tae-ri", "Kang Do-il", "Lantern Harbour")}


def test_role_in_another_show_with_platform():
    text = HEAD + ("Lead cast: Mira Holt\n\nMira Holt (aka Mimi Holt), best known for playing Iris Dall in "
                   "Netflix\u2019s Salt Road adaptation, leads the cast.")
    facts = facts_of(text)
    assert ("Mira Holt", "Iris Dall", "Salt Road") in roles(text)
    assert {(f.person, f.alias) for f in facts if f.kind is FactKind.ALIAS} == {("Mira Holt", "Mimi Holt")}


def test_other_show_credits_are_cast_not_characters():
    text = HEAD + ("This upcoming series starring Night Train actress Mira Holt and Gold Coast actor Dae Rin "
                   "arrives soon.")
    assert roles(text) == set()
    assert {("Mira Holt", "Night Train"), ("Dae Rin", "Gold Coast"), ("Mira Holt", "Lantern Harbour"),
            ("Dae Rin", "Lantern Harbour")} <= cast(text)


def test_filmography_brackets():
    text = HEAD + "Lead cast: Mira Holt\n\nThe lead is Mira Holt (Night Train and Gold Coast), a rising actress."
    assert {("Mira Holt", "Night Train"), ("Mira Holt", "Gold Coast")} <= cast(text)
    assert roles(text) == set()


def test_spearheaded_by_and_group_lists():
    text = HEAD + ("Spearheaded by Mira Holt and Dae Rin, Lantern Harbour arrives in May. It made stars of "
                   "performers such as Tomas Pell and Ana Sol.")
    assert cast(text) == {("Mira Holt", "Lantern Harbour"), ("Dae Rin", "Lantern Harbour"),
                          ("Tomas Pell", "Lantern Harbour"), ("Ana Sol", "Lantern Harbour")}


def test_person_without_show_link_is_not_cast():
    assert cast("Mira Holt and Dae Rin went to the beach.\n\nThey had fun.") == set()


def test_platform_rules_normalise_names():
    text = HEAD + "Lantern Harbour is streaming on Disney Plus. Watch Salt Road on Apple TV."
    platforms = {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    assert ("Lantern Harbour", "Disney+") in platforms
    assert ("Salt Road", "Apple TV+") in platforms


def test_season_hash_and_predecessor_arithmetic():
    text = ("Streamline K-drama Tide Songs #2 returns\n\nStreamline invites us into Tide Songs #2, the second "
            "part of its anthology. Tide Songs #2 has three more episodes than its predecessor, with only "
            "eight 30-minute instalments.")
    seasons = {(s, series, n) for s, _, _, series, n, _ in kinds(text, FactKind.SEASON)}
    assert seasons == {("Tide Songs #2", "Tide Songs", 2), ("Tide Songs #1", "Tide Songs", 1)}
    episodes = {(s, n) for s, _, _, _, n, _ in kinds(text, FactKind.EPISODES)}
    assert episodes == {("Tide Songs #2", 8), ("Tide Songs #1", 5)}
    assert {(s, n) for s, _, _, _, n, _ in kinds(text, FactKind.EPISODE_MINUTES)} == {("Tide Songs #2", 30)}


def test_season_word_and_number_alias():
    text = ("Streamline K-drama review: Salt Road season 2 sails on\n\nSalt Road 2 begins where the first "
            "run stopped, with Iris Dall (Mira Holt) at sea.")
    facts = facts_of(text)
    assert {(f.show, f.series, f.number) for f in facts if f.kind is FactKind.SEASON} == {
        ("Salt Road season 2", "Salt Road", 2)}
    assert {(f.show, f.alias) for f in facts if f.kind is FactKind.ALIAS} == {("Salt Road season 2", "Salt Road 2")}
    assert ("Mira Holt", "Iris Dall", "Salt Road season 2") in roles(text)


def test_hash_title_without_season_talk_is_plain():
    text = "Streamline Kdrama Tide Songs #1 arrives\n\nTide Songs #1 will have a total of four episodes."
    facts = facts_of(text)
    assert not [f for f in facts if f.kind is FactKind.SEASON]
    assert {(f.show, f.number) for f in facts if f.kind is FactKind.EPISODES} == {("Tide Songs #1", 4)}


def test_credit_lines_exclude_source_author():
    text = ("Watch Salt Road on Netflix\nWritten by: Ana Sol, Ben Oka, Cy Dane (based on the novel by)\n"
            "Directed by: Ben Oka\nStarring: Mira Holt, Dae Rin\n")
    facts = facts_of(text)
    assert {f.person for f in facts if f.kind is FactKind.WRITER} == {"Ana Sol", "Ben Oka"}
    assert {f.person for f in facts if f.kind is FactKind.DIRECTOR} == {"Ben Oka"}


def test_director_relative_clause_and_surnames_only():
    text = HEAD + ("Ana Sol, who also wrote the Dae Rin Kdrama Gold Coast, will direct the drama. "
                   "With seasoned directors Kim and Choi at the helm, it looks good.")
    facts = facts_of(text)
    assert {(f.show, f.person) for f in facts if f.kind is FactKind.DIRECTOR} == {("Lantern Harbour", "Ana Sol")}
    assert {(f.show, f.person) for f in facts if f.kind is FactKind.WRITER} == {("Gold Coast", "Ana Sol")}
    assert ("Dae Rin", "Gold Coast") in cast(text)


def test_name_variants_resolve_to_first_spelling():
    text = HEAD + "Starring: Han Ji Woo\n\nJi-woo Han plays Oona Vey. Later Han Ji-woo as Oona Vey shines."
    assert roles(text) == {("Han Ji Woo", "Oona Vey", "Lantern Harbour")}
    ex = extract(Article(source="t", text=text))
    person = next(e for e in ex.entities if e.name == "Han Ji Woo")
    assert "Ji-woo Han" in person.variants


def test_misspelt_list_name_becomes_alias():
    text = HEAD + ("The parents will be played by Kim Seong Ho and Lee Ara. Kim Song Ho plays Baek Dal, "
                   "while Lee Ara plays Yoon Seul.")
    facts = facts_of(text)
    assert {(f.person, f.alias) for f in facts if f.kind is FactKind.ALIAS} == {("Kim Song Ho", "Kim Seong Ho")}
    assert all(f.person != "Kim Seong Ho" for f in facts if f.kind is FactKind.CAST)


def test_platform_written_both_ways_gets_its_spelled_out_alias():
    both = ("NEW ON DISNEY PLUS: Lantern Harbour\n\nLantern Harbour is streaming on Disney+. Fans of Disney Plus "
            "originals will know the cast. Salt Road is on Apple TV+.")
    assert kinds(both, FactKind.ALIAS) == {(None, None, "Disney+", None, None, "Disney Plus")}
    alias = next(f for f in facts_of(both) if f.kind is FactKind.ALIAS)
    assert alias.evidence.rule == "alias.platform_spelling" and "Fans of Disney Plus" in alias.evidence.sentence
    # one way only, however often: that is how the article writes the name, not an alias
    assert kinds(HEAD + "Lantern Harbour is on Disney Plus. Disney Plus has it.", FactKind.ALIAS) == set()
    assert kinds(HEAD + "Lantern Harbour is on Disney+. Salt Road is on Apple TV Plus.", FactKind.ALIAS) == set()


def test_band_and_boilerplate_people_are_not_cast():
    text = HEAD + "Lead cast: Mira Holt\n\nMira Holt (of the boy band XQ:Z) plays Oona Vey."
    assert cast(text) == {("Mira Holt", "Lantern Harbour")}


def test_roundup_without_roles_gives_no_roles():
    text = ("Ten dramas to watch this winter\n\nThe list runs from thrillers to romances. Fans of sea stories "
            "will find plenty here, and the best of them are quiet ones.")
    assert roles(text) == set() and cast(text) == set()


def _check_evidence(article: Article) -> None:
    for fact in extract(article).facts:
        ev = fact.evidence
        assert ev is not None
        assert 0 <= ev.start < ev.end <= len(article.text)
        span = article.text[ev.start: ev.end]
        assert span.strip() and span in ev.sentence
        assert 0.0 <= ev.confidence <= 1.0 and ev.rule


def test_evidence_spans_on_written_articles():
    for text in (HEAD + "Mira Holt plays Oona Vey. Lantern Harbour is streaming on Netflix.",
                 "Streamline K-drama Tide Songs #2\n\nTide Songs #2 has two more episodes than its predecessor, "
                 "with only six 40-minute instalments. Keum and Noh play Ana and Bo."):
        _check_evidence(Article(source="t", text=text))


WORDS = st.sampled_from(["Mira Holt", "plays", "as", "Oona Vey", "(", ")", "Netflix", "season", "2", "#3",
                         "Starring:", ",", "and", "\u201cLantern Harbour\u201d", "Watch", "on", "K-drama",
                         "\n", ".", "They\u2019ll each play", "episodes", "six", "Directed by:", "aka",
                         "Kim", "in its first season", "its predecessor", "two more episodes than"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_extract_never_raises_and_spans_hold(words):
    _check_evidence(Article(source="t", text=" ".join(words)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_extract_never_raises_on_any_text(text):
    _check_evidence(Article(source="t", text=text))


SHARED = Path(__file__).parents[1].parent / "shared"


def _dev_case(stem: str) -> tuple[dict, dict]:
    folder = SHARED / "corpus" / "dev"
    if not (folder / f"{stem}.txt").exists():
        pytest.skip("../shared/corpus/dev is not present")
    lines = (folder / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    title = ""
    while lines and lines[0].startswith(("SOURCE:", "TITLE:")):
        key, _, value = lines.pop(0).partition(":")
        title = value.strip() if key == "TITLE" else title
    body = "\n".join(lines).strip()
    text = f"{title}\n\n{body}" if title else body
    article = clean_document(Document(source=stem, content=text, media_type="text/plain"))
    gold = json.loads((folder / f"{stem}.gold.json").read_text(encoding="utf-8"))
    return facts_document(extract(article).facts), gold


def test_seed_article_scores_perfectly_without_leaks():
    pred, gold = _dev_case("00_soundtrack2")
    score = SHARED / "eval" / "score.py"
    sys.path.insert(0, str(score.parent))
    try:
        import score as scorer  # noqa: PLC0415
    finally:
        sys.path.pop(0)
    canon = scorer.title_variants(gold)
    g, p = scorer.facts(gold, canon), scorer.facts(pred, canon)
    for rel in scorer.RELATIONS:
        assert g[rel] == p[rel], rel
    outsiders = {scorer.person(n) for n in gold["not_cast"]}
    assert not {a for a, _ in p["cast"]} & outsiders


@pytest.mark.parametrize("stem", ["00_soundtrack2", "01_soundtrack1_epicstream", "05_sweet_home2_sianzzz",
                                  "08_alice_in_borderland_s2_crossthenetflixstream", "12_moving_cast_zapzee"])
def test_dev_articles_leak_no_outsider(stem):
    pred, gold = _dev_case(stem)
    from dramagraph.names import person_key
    outsiders = {person_key(n) for n in gold.get("not_cast") or []}
    named = {person_key(c["actor"]) for c in pred["cast"]} | {person_key(r["actor"]) for r in pred["roles"]}
    assert not named & outsiders


def test_score_script_runs_on_dev_set():
    folder = SHARED / "corpus" / "dev"
    if not folder.exists():
        pytest.skip("../shared is not present")
    assert subprocess.run([sys.executable, "-c", "import dramagraph.extract"], check=False).returncode == 0


# -- the main show from headline and subject contexts ---------------------------------------------------


def test_headline_review_names_the_main_show():
    text = ("The Paper Ferry review: a slow crossing worth taking\n\n"
            "Mira Holt plays Oona Vey, a ferry captain with a secret.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "The Paper Ferry")}


def test_review_label_first_and_season_review_headlines():
    assert roles("Review: Salt Orchard is a patient family saga\n\nMira Holt plays Oona Vey, the eldest.") == {
        ("Mira Holt", "Oona Vey", "Salt Orchard")}
    text = "TITLE: Netflix's Quiet Tide season 2 review\n\nMira Holt plays Oona Vey again."
    assert {f.show for f in facts_of(text) if f.kind is FactKind.ROLE} == {"Quiet Tide season 2"}


def test_apposition_original_and_subject_episode_count():
    text = ("Mira Holt and Dae Rin lead a quiet romance\n\n"
            "Rain falls on The Glass Kiln, a Streamline original about a glassblower. Mira Holt plays Oona Vey. "
            "The Glass Kiln has 16 episodes, released two a week, and is streaming on Netflix.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "The Glass Kiln")}
    assert kinds(text, FactKind.EPISODES) == {("The Glass Kiln", None, None, None, 16, None)}
    assert ("The Glass Kiln", None, "Netflix", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_platform_original_apposition_and_will_run_for():
    text = ("Casting news\n\nNetflix confirmed the cast of The Iron Kettle, a Netflix original legal thriller. "
            "The Iron Kettle will run for twelve episodes.")
    assert kinds(text, FactKind.PLATFORM) == {("The Iron Kettle", None, "Netflix", None, None, None)}
    assert kinds(text, FactKind.EPISODES) == {("The Iron Kettle", None, None, None, 12, None)}


def test_info_box_lines():
    text = HEAD + "Mira Holt plays Oona Vey.\nEpisodes: 10\nWhere to watch: Disney+"
    assert kinds(text, FactKind.EPISODES) == {("Lantern Harbour", None, None, None, 10, None)}
    assert ("Lantern Harbour", None, "Disney+", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_counted_minute_episodes_in_all():
    text = HEAD + "The season is brisk: eight 50-minute episodes in all."
    assert kinds(text, FactKind.EPISODES) == {("Lantern Harbour", None, None, None, 8, None)}


def test_role_without_any_show_is_dropped():
    assert roles("Mira Holt plays Oona Vey, a ferry captain. It is a quiet story.") == set()


def test_person_like_subject_is_not_a_show():
    text = "Mira Holt plays Oona Vey in a quiet story\n\nHan Ji-woo has 16 episodes to win us over."
    assert {f.show for f in facts_of(text)} <= {None}


# -- people ------------------------------------------------------------------------------------------------


def test_possessive_role_of_a_known_actor():
    text = HEAD + "Starring: Mira Holt, Dae Rin\n\nDae Rin's Kwon Ha-neul, a diver, steals every scene."
    assert ("Dae Rin", "Kwon Ha-neul", "Lantern Harbour") in roles(text)


def test_possessive_of_an_unknown_name_is_not_a_role():
    text = HEAD + "Starring: Mira Holt\n\nOona's stern guardian Madam Go arrives. Ha-neul's Kwon Ji-su, a diver, waits."
    assert roles(text) == set()


def test_as_with_description_and_aka_aside():
    text = HEAD + ("Tomas Pell as rival skater Ji Eun-bi has a strong moment. Joining them is Lim Ga-eun, also "
                   "known as Ella Lim, as Oona's younger sister Yeo Jin.")
    assert roles(text) == {("Tomas Pell", "Ji Eun-bi", "Lantern Harbour"), ("Lim Ga-eun", "Yeo Jin",
                                                                             "Lantern Harbour")}
    assert ("Lim Ga-eun", "Ella Lim") in {(f.person, f.alias) for f in facts_of(text) if f.kind is FactKind.ALIAS}


def test_as_with_a_place_is_not_a_role():
    assert roles(HEAD + "Mira Holt as a lawyer in Seoul is convincing.") == set()


def test_job_word_is_not_part_of_character_name():
    text = HEAD + "Detective Gil Mu-yeong (Na Hyun-soo) follows the trail."
    assert roles(text) == {("Na Hyun-soo", "Gil Mu-yeong", "Lantern Harbour")}


def test_plural_people_then_list_is_cast():
    text = HEAD + "Lantern Harbour leaned on two famous faces, Gong Hae-won and Ryu Ji-seok."
    assert cast(text) == {("Gong Hae-won", "Lantern Harbour"), ("Ryu Ji-seok", "Lantern Harbour")}


def test_apposition_roles_with_long_descriptors():
    text = HEAD + ("Lee Ga-eun, as Oona's oldest friend and rival Kwon Ha-neul, holds the film together. "
                   "And Moon Tae-ho, as the ferry's gruff night captain Baek Il-do, gets the best jokes.")
    assert roles(text) == {("Lee Ga-eun", "Kwon Ha-neul", "Lantern Harbour"),
                           ("Moon Tae-ho", "Baek Il-do", "Lantern Harbour")}


def test_credits_told_in_passing():
    text = HEAD + ("Jang Se-ri, best known for her role as nurse Ahn Bo-ra in the medical drama Night Ward, will play "
                   "diver Kwon Ha-neul. Moon Tae-ho joins her as harbour master Baek Il-do. He was last seen in the "
                   "drama Salt Kings. Fresh off the series Iron Kite, Yoon Ji-ho plays the ferry's cook. His turn as "
                   "the smuggler Oh Dal-su in Paper Tide won him an award.")
    found = roles(text)
    assert ("Jang Se-ri", "Kwon Ha-neul", "Lantern Harbour") in found
    assert ("Jang Se-ri", "Ahn Bo-ra", "Night Ward") in found
    assert ("Yoon Ji-ho", "Oh Dal-su", "Paper Tide") in found
    assert {("Moon Tae-ho", "Salt Kings"), ("Yoon Ji-ho", "Iron Kite")} <= cast(text)


def test_a_pronoun_with_two_possible_people_credits_nobody():
    text = HEAD + "Jang Se-ri and Moon Tae-ho lead the cast. He was last seen in the drama Salt Kings."
    assert not any(show == "Salt Kings" for _, show in cast(text))


def test_credits_in_passing_of_a_person_already_cast_in_another_order_or_spelling():
    text = HEAD + ("Jang Se-ri plays diver Kwon Ha-neul, and Moon Tae-ho plays harbour master Baek Il-do. "
                   "Se-ri Jang was last seen in the drama Salt Kings. Ahn Dal-mi, fresh off the series Iron Kite, "
                   "is a joy. Critics loved it, while Moon Taeho is best known for his role as the smuggler Oh Dal-su "
                   "in Paper Tide.")
    found = cast(text)
    assert ("Jang Se-ri", "Salt Kings") in found
    assert ("Moon Tae-ho", "Oh Dal-su", "Paper Tide") in roles(text)
    # a person the article casts in no role of its own is not credited from an apposition alone
    assert not any(show == "Iron Kite" for _, show in found)


def test_the_show_streams_on_platform():
    text = HEAD + "Its eight episodes were written by Cho Mi-na, and the show streams on Viki outside Korea."
    assert ("Lantern Harbour", None, "Viki", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_as_on_a_heading_line_of_its_own():
    text = HEAD + "Who is who\n\nYoon Bo-mi as Captain Seo Ra-ri\nWho is Seo Ra-ri? The ferry's captain.\n"
    assert roles(text) == {("Yoon Bo-mi", "Seo Ra-ri", "Lantern Harbour")}


def test_abbreviated_form_of_address_before_a_character():
    text = HEAD + "Newcomer Baek Un-ha joins the cast as Dr. Ju Hye-ra, the island's only doctor."
    assert roles(text) == {("Baek Un-ha", "Ju Hye-ra", "Lantern Harbour")}


def test_star_opposite_leads_the_show_as_and_turns_up_as():
    text = HEAD + ("Mira Holt leads the show as Oona Vey, a ferry captain. Dae Rin will star opposite her as Kwon "
                   "Ha-neul. Tomas Pell turns up as the smuggler Ko Dal-bong.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour"), ("Dae Rin", "Kwon Ha-neul", "Lantern Harbour"),
                           ("Tomas Pell", "Ko Dal-bong", "Lantern Harbour")}


def test_a_verdict_then_as_is_a_role_but_not_a_label_or_comparison():
    text = HEAD + ("Jin Ae-ra is quietly superb as Oona Vey, and Pak Do-gyun is a revelation as Kwon Ha-neul. "
                   "Song Mi-rae is as good as Han Seo-jun. Ko Eun-gyeol is better known as Rhee Ko.")
    assert roles(text) == {("Jin Ae-ra", "Oona Vey", "Lantern Harbour"), ("Pak Do-gyun", "Kwon Ha-neul",
                                                                          "Lantern Harbour")}


def test_a_verdict_with_an_unnamed_part_is_cast():
    text = HEAD + "Starring: Mira Holt\n\nYu Na-bi is heartbreaking as a diver's widow who will not leave."
    assert ("Yu Na-bi", "Lantern Harbour") in cast(text)
    assert roles(text) == set()


def test_rounding_out_players_include_and_the_show_features():
    text = HEAD + ("Rounding out the main cast are Ahn Mi-so and Gu Tae-ri. Supporting players include Lee Ro-un "
                   "and Ha Jin-se. The show also features Choi Ba-da in a small role. The series features Busan "
                   "and its fish market.")
    assert cast(text) == {(p, "Lantern Harbour") for p in ("Ahn Mi-so", "Gu Tae-ri", "Lee Ro-un", "Ha Jin-se",
                                                          "Choi Ba-da")}


def test_with_credit_line_under_a_roundup_heading():
    text = ("New dramas this week\n\n1. Salt Kings (tvN)\nWith: Kim Da-rae, Seo Ji-bin\nA fishing family feud.\n\n"
            "2. Iron Kite (Netflix)\nCast: Oh Min-gyu\nA stunt pilot's comeback.\n")
    assert cast(text) == {("Kim Da-rae", "Salt Kings"), ("Seo Ji-bin", "Salt Kings"), ("Oh Min-gyu", "Iron Kite")}


def test_minutes_will_run_about_and_run_a_tight():
    assert kinds(HEAD + "Each episode will run about 55 minutes.", FactKind.EPISODE_MINUTES) == {
        ("Lantern Harbour", None, None, None, 55, None)}
    assert kinds(HEAD + "Episodes run a brisk 40 minutes.", FactKind.EPISODE_MINUTES) == {
        ("Lantern Harbour", None, None, None, 40, None)}


def test_platform_possessive_with_describing_words_before_the_kind():
    text = HEAD + "Mira Holt was also offered the lead in MBC's weekend family drama ‘Plum Street’."
    assert ("Plum Street", None, "MBC", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_a_place_opening_the_sentence_is_no_show():
    text = HEAD + "In South Korea, the drama airs on JTBC every Friday. Outside Korea, the series streams on Viki."
    assert {(f.show, f.platform) for f in facts_of(text) if f.kind is FactKind.PLATFORM} == {
        ("Lantern Harbour", "JTBC"), ("Lantern Harbour", "Viki")}


SEASON2 = "‘Salt Kings’ season 2 review: the family is back\n\n"


def crew(text: str) -> set[tuple[str, str, str]]:
    return {(f.kind.value, f.person, f.show) for f in facts_of(text) if f.kind in (FactKind.DIRECTOR, FactKind.WRITER)}


def test_the_director_is_and_the_scripts_are_again_by():
    text = HEAD + "The director is Wi Sung-jae. The scripts are again by Ok Da-hye."
    assert crew(text) == {("director", "Wi Sung-jae", "Lantern Harbour"), ("writer", "Ok Da-hye", "Lantern Harbour")}


def test_crew_as_in_the_first_season_reaches_both_seasons():
    text = SEASON2 + ("The first season of Salt Kings ran on MBC. As in the first season, the director is Wi Sung-jae "
                      "and the writer is Ok Da-hye. Jo Mi-ran plays the eldest daughter Ju Hana.")
    assert crew(text) == {(k, p, s) for k, p in (("director", "Wi Sung-jae"), ("writer", "Ok Da-hye"))
                          for s in ("Salt Kings season 2", "Salt Kings season 1")}
    # without the comparison the earlier season keeps no crew
    assert all(s == "Salt Kings season 2" for _, _, s in crew(text.replace("As in the first season, the", "The")))


def test_made_is_a_directors_credit_only_for_a_director():
    text = HEAD + ("Director Wi Sung-jae, who also made ‘Iron Kite’, keeps it tense. Mira Holt, who made ‘Salt "
                   "Kings’ a hit, plays Oona Vey.")
    assert ("director", "Wi Sung-jae", "Iron Kite") in crew(text)
    assert not any(s == "Salt Kings" for _, _, s in crew(text))


def test_crew_after_a_contrast_stays_with_the_new_season():
    text = SEASON2 + ("The first season of Salt Kings ran on MBC. Like its predecessor, the new season is written by "
                      "Ok Da-hye, but the new director, Wi Sung-jae, prefers long takes.")
    assert ("writer", "Ok Da-hye", "Salt Kings season 1") in crew(text)
    assert ("director", "Wi Sung-jae", "Salt Kings season 1") not in crew(text)


def test_in_which_she_played_credits_the_show_before_it():
    # the person: the sentence's one name (a family name alone too), else the sentence before's one person
    text = HEAD + ("Seo Ha-na plays Oona Vey. It is Seo's first lead since the medical drama ‘Night Ward’, in which "
                   "she played the nurse Ahn Bo-ra. Jo Dal-rae will be familiar from ‘Iron Kite’, where she played "
                   "Ko Yu-mi.")
    assert roles(text) == {("Seo Ha-na", "Oona Vey", "Lantern Harbour"), ("Seo Ha-na", "Ahn Bo-ra", "Night Ward"),
                           ("Jo Dal-rae", "Ko Yu-mi", "Iron Kite")}


def test_reprising_a_role_in_a_second_season_casts_the_first():
    text = SEASON2 + "Returning stars Jo Mi-ran and Wi Tae-o reprise their roles as Dr. Ju Hana and Kang Bo-ri."
    assert roles(text) == {("Jo Mi-ran", "Ju Hana", "Salt Kings season 2"), ("Wi Tae-o", "Kang Bo-ri",
                                                                               "Salt Kings season 2")}
    assert {("Jo Mi-ran", "Salt Kings season 1"), ("Wi Tae-o", "Salt Kings season 1")} <= cast(text)
    # a first season's review: nothing earlier to reprise from
    assert cast(HEAD + "Mira Holt reprises her role as Oona Vey.") == set()


def test_whose_part_is_a_role_but_not_a_co_star():
    text = SEASON2 + ("Starring: Jo Mi-ran\n\nMissing is Yang Do-hoon, whose paramedic Ji Sang-bin was written out in "
                      "the first season's finale. Jo Mi-ran, whose co-star Wi Tae-o has left, carries the show.")
    assert roles(text) == {("Yang Do-hoon", "Ji Sang-bin", "Salt Kings season 1")}


def test_cast_in_passing_for_a_person_the_article_casts():
    text = HEAD + ("Seo Ha-na plays Oona Vey, and Jo Dal-rae plays Kwon Ha-neul. Seo most recently appeared in the "
                   "tvN romance ‘Plum Street’. Jo, who broke out in the 2019 film ‘Paper Boats’, is terrific.\n"
                   "Where have I seen Jo Dal-rae before?\nShe had a breakout turn in ‘Iron Kite’ and a small part "
                   "in the film ‘Salt Kings’.\nYu Bo-ram, so good in last year's ‘Night Ward’, is wasted here.")
    assert {(p, s) for p, s in cast(text) if s != "Lantern Harbour"} == {
        ("Seo Ha-na", "Plum Street"), ("Jo Dal-rae", "Paper Boats"), ("Jo Dal-rae", "Iron Kite"),
        ("Jo Dal-rae", "Salt Kings")}  # Yu Bo-ram: the article casts her in no part of its own


def test_cast_in_passing_needs_one_person_it_can_name():
    text = HEAD + ("Seo Ha-na plays Oona Vey, and Seo Ji-bin plays Kwon Ha-neul. Seo most recently appeared in the "
                   "drama ‘Plum Street’. Seo Ha-na and Seo Ji-bin share a scene.\nShe is best known for playing "
                   "the king in ‘Iron Kite’.")
    assert {(p, s) for p, s in cast(text) if s != "Lantern Harbour"} == set()


def test_weekend_drama_label_names_the_platform():
    text = HEAD + "The MBC weekend drama Plum Street ended its run on Sunday."
    assert ("Plum Street", None, "MBC", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_participle_apposition_playing_a_character():
    text = HEAD + "Veteran Gu Ok-ja, playing Oona's nosy aunt Mrs Bae, has the best lines."
    assert roles(text) == {("Gu Ok-ja", "Mrs Bae", "Lantern Harbour")}


def test_supporting_them_are_with_an_as_apposition():
    text = HEAD + ("Supporting them are Lee Ro-un, as Oona's cousin and deckhand Ha Jin-se, and Choi Ba-da as the "
                   "harbour's ghost.")
    assert roles(text) == {("Lee Ro-un", "Ha Jin-se", "Lantern Harbour")}


def test_possessive_with_describing_words_but_not_a_co_star():
    text = HEAD + ("Starring: Mira Holt, Dae Rin, Yu Na-bi\n\nYu Na-bi's night ferry guard Ahn Kyung-ja gets the best "
                   "lines. Mira Holt's co-star Dae Rin-ho is also good.")
    assert roles(text) == {("Yu Na-bi", "Ahn Kyung-ja", "Lantern Harbour")}


def test_is_the_description_then_the_character_named():
    text = HEAD + ("Choo Hae-bin is the sceptical harbour officer, Hwang In-seok, who comes round. Ok Da-hye is the "
                   "director, Wi Sung-jae, for the second time.")
    assert roles(text) == {("Choo Hae-bin", "Hwang In-seok", "Lantern Harbour")}


def test_cast_in_passing_with_audiences_and_a_pronoun_mid_sentence():
    text = HEAD + ("Seo Ha-na plays Oona Vey. Seo Ha-na has spent a decade playing nice women. Audiences first "
                   "noticed her in the youth drama Plum Street, and she previously impressed audiences in Iron Kite "
                   "as a DJ.")
    assert {(p, s) for p, s in cast(text) if s != "Lantern Harbour"} == {("Seo Ha-na", "Plum Street"),
                                                                          ("Seo Ha-na", "Iron Kite")}


def test_episodes_as_the_subject_of_a_platform_sentence_and_n_part_counts():
    text = HEAD + "Mira Holt plays Oona Vey. Eight episodes of about 50 minutes drop every Friday on Wavve."
    assert ("Lantern Harbour", None, "Wavve", None, None, None) in kinds(text, FactKind.PLATFORM)
    text = "Interview: Mira Holt on ‘Plum Street’\n\nIn MBC’s six-part thriller Plum Street, she plays Oona Vey."
    assert ("Plum Street", None, None, None, 6, None) in kinds(text, FactKind.EPISODES)


def test_the_n_part_series_after_a_clause_is_the_articles_show():
    text = HEAD + ("Mira Holt plays Oona Vey. Created by Ko Eun-bi, who also wrote the drama ‘Plum Street’, the "
                   "six-part series is directed by Wi Sung-jae.")
    assert kinds(text, FactKind.EPISODES) == {("Lantern Harbour", None, None, None, 6, None)}


def test_the_pair_behind_an_earlier_show_made_it_too():
    text = HEAD + ("The series is directed by Wi Sung-jae and written by Ok Da-hye, the pair behind ‘Plum Street’. "
                   "It is written by Ko Eun-bi, the team behind nothing yet.")
    assert {("director", "Wi Sung-jae", "Plum Street"), ("writer", "Ok Da-hye", "Plum Street")} <= crew(text)
    # one person is no pair
    alone = HEAD + "It is written by Ko Eun-bi, the pair behind Iron Kite."
    assert not any(s == "Iron Kite" for _, _, s in crew(alone))


def test_a_family_name_alone_stands_for_the_western_name_the_article_made_a_subject():
    text = HEAD + ("Tamsin Okoro smiles at the memory of her audition. In the series, Okoro plays Wenna Lisle, a "
                   "harbour pilot.")
    assert roles(text) == {("Tamsin Okoro", "Wenna Lisle", "Lantern Harbour")}
    # a two-word title in the subject slot is written as a title elsewhere ("in S"), so it is no one's name
    text = HEAD + ("Copper Bay was the surprise of the spring. Fans of Copper Bay will like this. Bay plays Wenna "
                   "Lisle.")
    assert roles(text) == set()


def test_parts_with_no_names_played_by_a_list_after_a_comma():
    text = HEAD + "The ferry captain has two grown sons, played by Ivo Brandt and Kit Mallory."
    assert cast(text) == {("Ivo Brandt", "Lantern Harbour"), ("Kit Mallory", "Lantern Harbour")}


def test_is_a_possessive_description_then_the_character_named():
    text = HEAD + ("Choo Hae-bin had one short film behind her. Choo is her neighbour, Hwang In-seok, who saw "
                   "everything.")
    assert roles(text) == {("Choo Hae-bin", "Hwang In-seok", "Lantern Harbour")}


def test_is_a_form_of_address_then_the_character_named():
    text = HEAD + "Opposite her, Rory Dunmore is Sergeant Euan Tallis, the island's only police officer."
    assert roles(text) == {("Rory Dunmore", "Euan Tallis", "Lantern Harbour")}
    # a job, not a part: "Director" names the crew's trade here
    assert roles(HEAD + "The voice on the phone is Director Euan Tallis, she says.") == set()


def test_british_police_ranks_are_forms_of_address():
    assert roles(HEAD + "Mira Holt stars as DCI Oona Vey.") == {("Mira Holt", "Oona Vey", "Lantern Harbour")}


def test_british_streamers_are_platforms():
    text = HEAD + "Mira Holt plays Oona Vey. All six episodes arrive on ITVX on Sunday."
    assert ("Lantern Harbour", None, "ITVX", None, None, None) in kinds(text, FactKind.PLATFORM)
    text = HEAD + "Mira Holt plays Oona Vey. The series is streaming on BBC iPlayer."
    assert ("Lantern Harbour", None, "BBC iPlayer", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_renewal_news_is_about_the_season_it_renews_and_the_first_season_as_a_subject():
    text = ("Quayside Lights renewed for a second season\n\nWavve has renewed the legal drama Quayside Lights for a "
            "second season. Mira Holt returns as Oona Vey. The first season, directed by Tam Brody-Kerr and written "
            "by Ines Volk-Ward, ran for 10 episodes.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Quayside Lights season 2")}
    crew = {(f.kind, f.show, f.person) for f in facts_of(text) if f.kind in (FactKind.DIRECTOR, FactKind.WRITER)}
    assert crew == {(FactKind.DIRECTOR, "Quayside Lights season 1", "Tam Brody-Kerr"),
                    (FactKind.WRITER, "Quayside Lights season 1", "Ines Volk-Ward")}
    assert kinds(text, FactKind.EPISODES) == {("Quayside Lights season 1", None, None, None, 10, None)}


def test_a_possessive_after_a_leading_the_belongs_to_the_title():
    text = ("The Lamplighter’s Son review – a damp, absorbing coastal mystery\n\nThe Lamplighter’s Son, a new "
            "four-part thriller, is set on a windy headland. Mira Holt plays Oona Vey, a coastguard.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "The Lamplighter’s Son")}
    # an owner before a title stays outside it
    text = HEAD + "Mira Holt plays Oona Vey. Streamline's Copper Bell, a new thriller, arrives next month."
    assert not any("Streamline" in (f.show or "") for f in facts_of(text))


def test_a_recap_sentence_opening_with_an_actors_possessive_names_the_part():
    text = (HEAD + "Kang Bo-reum's Yeon Da-som has spent the season saving the lighthouse. Later, Seo Min-gyu's "
            "Cha Ho-jin, the harbourmaster, gets one good scene, and Nam Ji-ae's Pyo Sun-hee, the nurse, "
            "finally speaks up.")
    assert roles(text) == {("Kang Bo-reum", "Yeon Da-som", "Lantern Harbour"),
                           ("Nam Ji-ae", "Pyo Sun-hee", "Lantern Harbour")}
    # a possessive with a descriptor is someone in the person's life, not a part
    assert roles(HEAD + "Kang Bo-reum's husband Yeon Da-som is a banker.") == set()


def test_a_numbered_heading_may_name_a_season_of_its_show():
    text = ("The best dramas of spring\n\nOur picks.\n\n1. Copper Bell (Streamline)\nA bell-maker's feud. "
            "Cast: Mira Holt, Tam Brody.\n\n2. Quayside Lights season 2 (Viki)\nThe dock crew returns. "
            "Cast: Ines Volk, Oona Vey.\n")
    assert ("Ines Volk", "Quayside Lights season 2") in cast(text)
    assert ("Quayside Lights season 2", None, "Viki", None, None, None) in kinds(text, FactKind.PLATFORM)
    assert ("Mira Holt", "Copper Bell") in cast(text)


def test_a_passing_show_with_its_platform_in_brackets_or_as_last_years():
    text = (HEAD + "Mira Holt plays Oona Vey. Also new: the second half of Copper Bell (Viki). Director Tam Brody, "
            "who also directed last year's Quayside Lights on Wavve, keeps it taut.")
    found = kinds(text, FactKind.PLATFORM)
    assert ("Copper Bell", None, "Viki", None, None, None) in found
    assert ("Quayside Lights", None, "Wavve", None, None, None) in found
    assert ("Quayside Lights", "Tam Brody") in {(f.show, f.person) for f in facts_of(text)
                                                if f.kind is FactKind.DIRECTOR}
    # one capitalised word in front of a bracket is no show
    assert not any(f.show == "Busan" for f in facts_of(HEAD + "Mira Holt plays Oona Vey in Busan (Viki)."))


def test_a_part_without_a_name_in_a_starring_list_takes_no_name_from_the_list():
    text = HEAD + "Starring Mira Holt as the widow, Tam Brody-Kerr, and Ines Volk."
    assert roles(text) == set()
    assert roles(HEAD + "Mira Holt stars as his sister, Oona Vey, who runs the ferry.") == {
        ("Mira Holt", "Oona Vey", "Lantern Harbour")}


def test_outside_a_starring_list_a_described_part_keeps_its_name_before_a_list():
    text = HEAD + "The cast also has Mira Holt as Oona's older sister, Ines Volk-Ward, and Tam Brody as a porter."
    assert ("Mira Holt", "Ines Volk-Ward", "Lantern Harbour") in roles(text)


def test_a_title_in_straight_single_quotes_is_a_show():
    text = clean_document(Document(source="test", content=(
        "'Copper Bell' climbs to 9 percent\n\nThe Streamline drama 'Copper Bell' rose again on Sunday. "
        "Mira Holt plays Oona Vey, a bell-maker."), media_type="text/plain")).text
    assert roles(text) == {("Mira Holt", "Oona Vey", "Copper Bell")}


def test_actor_then_character_in_brackets_when_the_text_calls_the_actor_by_family_name():
    text = (HEAD + "Joo Min-seo (Oh Ga-yeon)\nJoo was the soul of the show as the harbour pilot Oh Ga-yeon.\n\n"
            "Ban Ha-rin (Tae Soo-ah)\nBan, who played the diver, has since moved to film.")
    found = roles(text)
    assert ("Joo Min-seo", "Oh Ga-yeon", "Lantern Harbour") in found
    assert ("Ban Ha-rin", "Tae Soo-ah", "Lantern Harbour") in found
    assert not any(person in ("Oh Ga-yeon", "Tae Soo-ah") for person, _, _ in found)


def test_in_which_he_plays_goes_to_the_family_name_subject_not_the_part_it_played():
    text = (HEAD + "Joo played the ferry's captain, Oh Ga-yeon. Later he returned with the drama "
            "\u2018Iron Quay\u2019, in which he plays a detective, Tae Soo-ah.\n\nJoo Min-seo now lives in Busan.")
    found = roles(text)
    assert ("Joo Min-seo", "Tae Soo-ah", "Iron Quay") in found
    assert not any(person == "Oh Ga-yeon" for person, _, _ in found)


def test_a_genre_word_between_platform_and_kind_before_a_quoted_title():
    text = ("Where are they now\n\nShe leads the Wavve crime series \u2018Iron Quay\u2019 and the Viki comedy "
            "\u2018Copper Bell\u2019. Mira Holt plays Oona Vey.")
    found = kinds(text, FactKind.PLATFORM)
    assert ("Iron Quay", None, "Wavve", None, None, None) in found
    assert ("Copper Bell", None, "Viki", None, None, None) in found


def test_the_comedy_after_a_sentence_about_another_show_is_that_show():
    text = (HEAD + "Lantern Harbour rose to 8 percent on Sunday, and Mira Holt plays Oona Vey in it.\n\n"
            "In the late slot, KBS2's \u2018Copper Bell\u2019 fell to 3 percent. The comedy stars Dae Rin "
            "and Tomas Pell.\n\nOver on MBC, the legal drama \u2018Iron Quay\u2019 held at 5 percent. "
            "Its writer, Ines Volk-Ward, wrote two hits before.")
    found = cast(text)
    assert ("Dae Rin", "Copper Bell") in found and ("Tomas Pell", "Copper Bell") in found
    assert not any(show == "Lantern Harbour" for person, show in found if person != "Mira Holt")
    writers = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.WRITER}
    assert writers == {("Ines Volk-Ward", "Iron Quay")}


def test_the_series_after_a_passing_mention_stays_with_the_main_show():
    # the sentence before names another show, but not as its subject: "The series" is still the article's
    text = (HEAD + "Director Oh Ga-yeon made \u2018Copper Bell\u2019 in 2019. The series also stars Dae Rin and "
            "Tomas Pell. Mira Holt plays Oona Vey.")
    found = cast(text)
    assert ("Dae Rin", "Lantern Harbour") in found and ("Dae Rin", "Copper Bell") not in found


def test_episodes_left_is_no_episode_count():
    text = HEAD + "Lantern Harbour has two episodes left. Mira Holt plays Oona Vey."
    assert kinds(text, FactKind.EPISODES) == set()


def test_a_short_word_ending_a_platform_is_no_title():
    text = HEAD + "On tvN, the drama \u2018Iron Quay\u2019 ends tonight. Mira Holt plays Oona Vey."
    assert not any(f.show == "N" for f in facts_of(text))


def test_a_bracketed_title_after_a_credited_person_is_not_the_show_of_the_next_credit():
    text = (HEAD + "Directed by Oh Ga-yeon (\u2018Copper Bell\u2019) and written by Ines Volk-Ward, the series "
            "follows a harbour pilot.")
    writers = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.WRITER}
    directors = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.DIRECTOR}
    assert writers == {("Ines Volk-Ward", "Lantern Harbour")}
    assert ("Oh Ga-yeon", "Lantern Harbour") in directors


def test_whose_turn_as_a_described_part_is_a_role():
    text = HEAD + "Viewers warmed to newcomer Mira Holt, whose turn as the deckhand Oona Vey trended online."
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour")}


def test_a_part_list_stops_before_a_name_that_opens_an_as_pair():
    text = (HEAD + "The show is carried by Mira Holt, who plays the stubborn matriarch Oona Vey, and Dae Rin as "
            "her estranged son Kwon Ha-neul.")
    found = roles(text)
    assert ("Mira Holt", "Oona Vey", "Lantern Harbour") in found
    assert not any(character == "Dae Rin" for _, character, _ in found)


def test_it_streams_on_a_platform_after_a_sentence_about_the_show():
    text = HEAD + "Lantern Harbour runs for 16 episodes. It streams internationally on Netflix."
    assert ("Lantern Harbour", None, "Netflix", None, None, None) in kinds(text, FactKind.PLATFORM)
    other = HEAD + "Lantern Harbour is new. Director Oh made Copper Bell, a drama. It streams on Netflix."
    assert not any(platform == "Netflix" for _, _, platform, _, _, _ in kinds(other, FactKind.PLATFORM))


def test_a_with_sentence_of_full_names_credits_the_cast():
    text = HEAD + "Mira Holt plays Oona Vey. A fine thriller. With Kwon Ha-neul and Park Do-yun."
    found = cast(text)
    assert ("Kwon Ha-neul", "Lantern Harbour") in found and ("Park Do-yun", "Lantern Harbour") in found
    titles = HEAD + "Mira Holt plays Oona Vey. With Copper Bell and Iron Quay."
    assert not any(person in ("Copper Bell", "Iron Quay") for person, _ in cast(titles))
    assert not any(person == "Kwon Ha-neul" for person, _ in cast(HEAD + "With Kwon Ha-neul and his dog."))


def test_he_directed_a_quoted_show_for_a_platform():
    text = (HEAD + "Mira Holt plays Oona Vey.\n\nKwon Ha-neul has moved behind the camera. He directed the "
            "short-form series \u2018Iron Quay\u2019 for TVING last year.")
    directors = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.DIRECTOR}
    assert directors == {("Kwon Ha-neul", "Iron Quay")}
    assert ("Iron Quay", None, "TVING", None, None, None) in kinds(text, FactKind.PLATFORM)
    # two people in the sentence before: "he" is nobody in particular
    two = (HEAD + "Kwon Ha-neul met Park Do-yun. He directed the series \u2018Iron Quay\u2019 later.")
    assert not any(f.kind is FactKind.DIRECTOR for f in facts_of(two))


def test_over_on_a_platform_the_drama_names_its_platform():
    text = HEAD + "Mira Holt plays Oona Vey. Over on tvN, the legal drama \u2018Iron Quay\u2019 held steady."
    assert ("Iron Quay", None, "tvN", None, None, None) in kinds(text, FactKind.PLATFORM)
    assert not any(show == "Lantern Harbour" and platform == "tvN"
                   for show, _, platform, _, _, _ in kinds(text, FactKind.PLATFORM))


def test_as_two_parts_they_takes_the_pair_of_the_sentence_before():
    text = (HEAD + "Kwon Ha-neul and Park Do-yun are wonderful together. As Choi Man-sik and Yang Hye-ok, they "
            "bicker over noodles.")
    assert roles(text) == {("Kwon Ha-neul", "Choi Man-sik", "Lantern Harbour"),
                           ("Park Do-yun", "Yang Hye-ok", "Lantern Harbour")}
    assert roles(HEAD + "Kwon Ha-neul and Park Do-yun are wonderful together. As the weeks pass, they bicker.") \
        == set()


def test_a_second_season_piece_names_the_first_seasons_platform_where_the_text_says_it():
    renewed = ("Streamline renews Copper Bell\n\nNetflix has renewed the legal drama Copper Bell for a second "
               "season. Copper Bell season 2 starts filming in May. Mira Holt plays Oona Vey in Copper Bell season 2.")
    found = kinds(renewed, FactKind.PLATFORM)
    assert ("Copper Bell season 1", None, "Netflix", None, None, None) in found
    assert ("Copper Bell season 2", None, "Netflix", None, None, None) in found
    subject = ("Copper Bell season 2 review\n\nThe first season of Copper Bell became Wavve's most-watched original. "
               "Copper Bell season 2 is sharper. Mira Holt plays Oona Vey.")
    assert ("Copper Bell season 1", None, "Wavve", None, None, None) in kinds(subject, FactKind.PLATFORM)
    # a first-season piece says nothing of another season's platform
    plain = HEAD + "Netflix has renewed Lantern Harbour. Mira Holt plays Oona Vey."
    assert not any(show and "season" in show for show, *_ in kinds(plain, FactKind.PLATFORM))


def test_episode_counts_in_listicle_notes_and_runs():
    text = ("What to stream this week\n\n1. Copper Bell (Netflix)\nA bell-maker hides a secret. Six episodes, all "
            "at once.\n\n2. Iron Quay (Wavve)\nThe harbour saga returns for a second run of eight episodes.")
    found = {(show, number) for show, _, _, _, number, _ in kinds(text, FactKind.EPISODES)}
    assert found == {("Copper Bell", 6), ("Iron Quay", 8)}
    review = HEAD + "Three episodes, and I was hooked. Mira Holt plays Oona Vey."
    assert kinds(review, FactKind.EPISODES) == set()
    assert {n for *_, n, _ in kinds(HEAD + "Lantern Harbour is an eight-episode coastal noir.",
                                     FactKind.EPISODES)} == {8}


def test_parts_then_played_by_a_list_respectively():
    text = (HEAD + "The regulars \u2013 a cabbie named Kang Do-il and a retired nurse, Min Soon-ja \u2013 are "
            "played by Park Do-yun and Kwon Ha-neul, respectively, and each gets an episode.")
    assert roles(text) == {("Park Do-yun", "Kang Do-il", "Lantern Harbour"),
                           ("Kwon Ha-neul", "Min Soon-ja", "Lantern Harbour")}
    uneven = (HEAD + "Kang Do-il, Min Soon-ja and Seo Ha-rin are played by Park Do-yun and Kwon Ha-neul, "
              "respectively.")
    assert roles(uneven) == set()


def test_original_director_returns_credits_the_season_before_too():
    text = ("Copper Bell season 2 confirmed\n\nStreamline has confirmed Copper Bell season 2. Original director "
            "Kwon Ha-neul returns behind the camera. Mira Holt plays Oona Vey in Copper Bell season 2.")
    directors = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.DIRECTOR}
    assert directors == {("Kwon Ha-neul", "Copper Bell season 2"), ("Kwon Ha-neul", "Copper Bell season 1")}
    first = HEAD + "Original director Kwon Ha-neul returns behind the camera. Mira Holt plays Oona Vey."
    assert {f.show for f in facts_of(first) if f.kind is FactKind.DIRECTOR} == {"Lantern Harbour"}


def test_paren_actor_as_character_after_a_role_noun():
    text = HEAD + "The new ferry pilot (Tess Marlow as Dana Quill) arrives in a storm."
    assert roles(text) == {("Tess Marlow", "Dana Quill", "Lantern Harbour")}


def test_paren_title_and_surname_marks_the_actor_outside():
    text = HEAD + ("Ahn So-ri (Jung Da-bin) is the clerk who hears everything; Bae Kyung-ho (Captain Ryu) is the "
                   "skipper who hears nothing.")
    assert roles(text) == {("Ahn So-ri", "Jung Da-bin", "Lantern Harbour"),
                           ("Bae Kyung-ho", "Captain Ryu", "Lantern Harbour")}
    # alone, the usual "Character (Actor)" order stands
    assert roles(HEAD + "Ahn So-ri (Jung Da-bin) is the clerk who hears everything.") == {
        ("Jung Da-bin", "Ahn So-ri", "Lantern Harbour")}


def test_awards_nominees_under_category_headings():
    text = ("Drama awards: the nominees\n\nThe critics named their nominees on Friday.\n\n"
            "Best Actress, Drama\n- Noh Ga-eun, \"Quiet Tide\" (Netflix)\n- Ryu Se-bin, \"Glass Orchard\" (Wavve)\n\n"
            "Best Supporting Actor\n- Kim Tae-ri for playing the ferryman Oh Dal-soo in \"Quiet Tide\"\n\n"
            "Best Screenplay\n- Pyo Min-ah, \"Glass Orchard\"\n\n"
            "Last year's winner, Seo Ji-hoon, is not on the list.\n")
    assert cast(text) == {("Noh Ga-eun", "Quiet Tide"), ("Ryu Se-bin", "Glass Orchard")}
    assert roles(text) == {("Kim Tae-ri", "Oh Dal-soo", "Quiet Tide")}
    assert {(s, p) for s, p, *_ in kinds(text, FactKind.WRITER)} == {("Glass Orchard", "Pyo Min-ah")}


def test_a_part_called_by_its_family_name_in_plot_keeps_the_character_in_front_of_the_bracket():
    text = (HEAD + "Baek Gi-tae (Moon Ho-sung), the harbour's moneylender, runs the island. Baek lends the "
            "widow money and waits. Ra Ji-won (Seo Eun-chae) arrives in the first episode.")
    found = roles(text)
    assert ("Moon Ho-sung", "Baek Gi-tae", "Lantern Harbour") in found
    assert ("Seo Eun-chae", "Ra Ji-won", "Lantern Harbour") in found
    assert not any(person == "Baek Gi-tae" for person, _, _ in found)


def test_played_by_inside_a_bracket_with_a_describing_word():
    text = HEAD + "The ferry's cook, Nam Bo-ok (played by veteran Yeo Hwa-ja), knows every secret."
    assert roles(text) == {("Yeo Hwa-ja", "Nam Bo-ok", "Lantern Harbour")}


def test_a_ratings_chart_line_with_an_english_title_in_brackets_heads_a_section():
    text = ("Weekly ratings: the top three\n\n"
            "1. 'Pado Sori' (Sound of Waves) - KBS2 - 17.2%\nMira Holt plays the diver Oona Vey.\n\n"
            "2. 'Byeol-ui Jip' (House of Stars) - SBS - 8.9%\nThe comedy with Ivo Brandt held steady.\n")
    assert ("Pado Sori", None, "KBS2", None, None, None) in kinds(text, FactKind.PLATFORM)
    assert ("Byeol-ui Jip", None, "SBS", None, None, None) in kinds(text, FactKind.PLATFORM)
    assert roles(text) == {("Mira Holt", "Oona Vey", "Pado Sori")}


def test_in_it_and_the_series_point_back_to_the_show_two_sentences_before():
    text = (HEAD + "Mira Holt starred in Lantern Harbour. Lantern Harbour made her famous.\n\n"
            "Her next project, Wavve's \u2018Iron Quay\u2019, wrapped filming in May. In it Holt plays Oona Vey, "
            "a diver. The series also stars Ivo Brandt.")
    assert ("Mira Holt", "Oona Vey", "Iron Quay") in roles(text)
    assert ("Ivo Brandt", "Iron Quay") in cast(text)
    assert ("Ivo Brandt", "Lantern Harbour") not in cast(text)


def test_an_abbreviated_form_of_address_stays_with_the_family_name_it_goes_with():
    text = HEAD + "Ivo Brandt as the pawnbroker Mr. Tal, and Kit Mallory as the landlady Mrs. Ock."
    assert roles(text) == {("Ivo Brandt", "Mr. Tal", "Lantern Harbour"), ("Kit Mallory", "Mrs. Ock", "Lantern Harbour")}


def test_a_quoted_title_with_a_number_is_a_season_where_the_article_speaks_of_seasons():
    text = ("\u2018Copper Bell\u2019 or \u2018Copper Bell 2\u2019: which season wins?\n\n"
            "The second season of \u2018Copper Bell\u2019 is out. \u2018Copper Bell 2\u2019 moves the shop to Busan. "
            "Mira Holt plays Oona Vey.")
    assert ("Mira Holt", "Oona Vey", "Copper Bell season 2") in roles(text)
    # with no seasons spoken of, the number is part of the title
    text = "\u2018Copper Bell\u2019 and \u2018Copper Bell 2\u2019 are two films.\n\nMira Holt plays Oona Vey."
    assert not any(f.kind is FactKind.SEASON for f in facts_of(text))


def test_a_sentence_opening_with_season_one_speaks_of_the_first_season():
    text = ("\u2018Copper Bell 2\u2019 review: the second season moves to Busan\n\n"
            "\u2018Copper Bell 2\u2019 is on Netflix. Season one followed Oona Vey (Mira Holt), a locksmith. "
            "Its eight episodes were tight. Ivo Brandt plays Tal Ruun.")
    found = roles(text)
    assert ("Mira Holt", "Oona Vey", "Copper Bell season 1") in found
    assert ("Ivo Brandt", "Tal Ruun", "Copper Bell season 2") in found
    episodes = {(f.show, f.number) for f in facts_of(text) if f.kind is FactKind.EPISODES}
    assert episodes == {("Copper Bell season 1", 8)}


def test_a_season_one_sentence_that_turns_to_the_new_season_gives_the_rest_to_that_season():
    text = ("\u2018Copper Bell 2\u2019 review: the second season moves to Busan\n\n"
            "\u2018Copper Bell 2\u2019 is on Netflix. Season one director Ada Lunn has moved on, and the new season "
            "is directed by Bo Reyes. Season one director Cy Marr left; season two is directed by Di Vance.")
    directors = {(s, p) for s, p, *_ in kinds(text, FactKind.DIRECTOR)}
    assert ("Copper Bell season 2", "Bo Reyes") in directors and ("Copper Bell season 1", "Bo Reyes") not in directors
    assert ("Copper Bell season 1", "Di Vance") not in directors


def test_a_possessive_inside_the_words_describing_a_part_after_as():
    text = HEAD + "The cast also includes Ivo Brandt as the harbourmaster's son Tal Ruun."
    assert roles(text) == {("Ivo Brandt", "Tal Ruun", "Lantern Harbour")}


def test_you_may_recognise_a_cast_member_from_earlier_shows():
    text = (HEAD + "Mira Holt plays Oona Vey. You may recognise Mira Holt from \u2018Iron Quay\u2019 and "
            "\u2018Copper Bell\u2019.")
    found = cast(text)
    assert {("Mira Holt", "Iron Quay"), ("Mira Holt", "Copper Bell")} <= found
    # a person the article does not cast is no one's credit
    text = HEAD + "You may recognise Ivo Brandt from \u2018Iron Quay\u2019."
    assert ("Ivo Brandt", "Iron Quay") not in cast(text)


# --- round 13: captions, listicle leads, nicknames, season-one crew -----------------------------------------

def test_caption_line_gives_its_show_to_the_paragraph_below():
    text = ("First look: three new dramas, in pictures\n\n"
            "[Photo: Netflix] Yoon Da-rae and Kim Bo-seul in ‘Saltmarsh’.\n\n"
            "Netflix has shared stills from ‘Saltmarsh’, a thriller set on a tidal flat. Yoon plays Ha Min-gyeol, "
            "a ranger.\n\n"
            "Over on Disney+, ‘Copper Lane’ follows two rival bakers.\n\n"
            "TVING’s ‘Night Orchard’ is a ghost story.\n\n"
            "Wavve’s ‘Paper Kites’ closes the list, and Ryu Jae-in plays Bang Ga-on in Paper Kites.\n")
    assert ("Yoon Da-rae", "Ha Min-gyeol", "Saltmarsh") in roles(text)
    assert {("Yoon Da-rae", "Saltmarsh"), ("Kim Bo-seul", "Saltmarsh")} <= cast(text)
    assert ("Saltmarsh", None, "Netflix", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_caption_with_a_bracketed_credit_names_cast_and_platform():
    text = ("New stills\n\nThe streamer shared new images this week.\n\n"
            "Seo Ga-ram (left) and Min Tae-o star in ‘Copper Lane’. (Disney+)\n\n"
            "The comedy follows two rival bakers.\n\n"
            "[Photo: Wavve] Ko Eun-ha in ‘Paper Kites’.\n\n"
            "Ko returns to television after three years.\n")
    assert cast(text) >= {("Seo Ga-ram", "Copper Lane"), ("Min Tae-o", "Copper Lane"), ("Ko Eun-ha", "Paper Kites")}
    platforms = {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    assert {("Copper Lane", "Disney+"), ("Paper Kites", "Wavve")} <= platforms
    # a lone "A in S" line with no credit is no caption: it could be any sentence fragment
    assert ("Ko Eun-ha", "Paper Kites") not in cast("New stills\n\nKo Eun-ha in ‘Paper Kites’.\n\nMore soon.\n")


def test_season_one_director_is_credited_to_the_first_season():
    text = ("Copper Bell season 2: new cast and a new director\n\nStreamline has confirmed Copper Bell season 2. "
            "Season one director Kwon Ha-neul has moved on, and the new season will be directed by Bae Yu-ri. "
            "Mira Holt plays Oona Vey in Copper Bell season 2.")
    directors = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.DIRECTOR}
    assert directors == {("Kwon Ha-neul", "Copper Bell season 1"), ("Bae Yu-ri", "Copper Bell season 2")}


def test_a_list_of_names_before_lead_or_play_is_cast():
    listicle = ("Five dramas to watch if you loved Saltmarsh\n\n"
                "1. ‘Copper Lane’ (Netflix, 2021)\n\nSeo Ga-ram and Min Tae-o lead a gentle ensemble.\n\n"
                "2. ‘Paper Kites’ (Wavve, 2023)\n\nKo Eun-ha and Yoon Da-rae play strangers who share a flat.\n\n"
                "3. ‘Night Orchard’ (TVING, 2022)\n\nKim Bo-seul plays Ha Min-gyeol opposite Ryu Jae-in as the "
                "gardener.\n")
    assert cast(listicle) >= {("Seo Ga-ram", "Copper Lane"), ("Min Tae-o", "Copper Lane"),
                              ("Ko Eun-ha", "Paper Kites"), ("Yoon Da-rae", "Paper Kites"),
                              ("Ryu Jae-in", "Night Orchard")}
    # the verb must follow the list itself: "..., and B will play the X" is another clause's subject
    text = HEAD + "Tess Marlow will play the minister Oona Vey, and Mira Holt will play the harbour master."
    assert "Oona Vey" not in {p for p, _ in cast(text)}


def test_wrapped_up_on_a_platform():
    text = ("Dramas like Saltmarsh\n\n‘Saltmarsh’ wrapped up on Netflix last weekend, and fans want more.")
    assert ("Saltmarsh", None, "Netflix", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_nickname_in_quotes_inside_a_full_name():
    text = ("Review: Rain Ledger\n\nThe drama follows Phon (Kittisak “Nam” Boonyarat), a ferry clerk, and Dao, "
            "a law student played by Areeya “Fern” Suksawat.")
    # ("Dao, a law student played by A": a description in apposition before "played by", round 15)
    assert roles(text) == {("Kittisak Boonyarat", "Phon", "Rain Ledger"), ("Areeya Suksawat", "Dao", "Rain Ledger")}
    assert ("Areeya Suksawat", "Rain Ledger") in cast(text)
    aliases = {(p, a) for _, p, _, _, _, a in kinds(text, FactKind.ALIAS)}
    assert {("Kittisak Boonyarat", "Nam"), ("Areeya Suksawat", "Fern")} <= aliases
    # a quoted title between two capitalised words is no nickname
    assert not kinds(HEAD + "Fans of ‘Night Orchard’ will like it.", FactKind.ALIAS)


def test_quoted_title_led_by_a_list_and_iqiyi_in_brackets():
    text = HEAD + "Fans of last year’s hit ‘Jade Ferry’ (iQIYI), led by Zhao Mei-lin and Xiao Bo, will like it."
    assert {("Zhao Mei-lin", "Jade Ferry"), ("Xiao Bo", "Jade Ferry")} <= cast(text)
    assert ("Jade Ferry", None, "iQIYI", None, None, None) in kinds(text, FactKind.PLATFORM)


def test_returning_and_back_as_in_a_second_season_are_first_season_cast_too():
    text = ("Copper Bell season 2 confirmed\n\nStreamline has confirmed Copper Bell season 2. Mira Holt returns as "
            "the captain, Oona Vey. Tess Marlow is also back as Dana Quill.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Copper Bell season 2"),
                           ("Tess Marlow", "Dana Quill", "Copper Bell season 2")}
    assert {("Mira Holt", "Copper Bell season 1"), ("Tess Marlow", "Copper Bell season 1")} <= cast(text)
    # in a single-season piece "returns as" is only the role
    assert cast(HEAD + "Mira Holt returns as the captain, Oona Vey.") <= {("Mira Holt", "Lantern Harbour")}


def test_directed_by_a_who_made_s_and_the_duo_behind_last_years_s():
    text = HEAD + "It is directed by Kwon Ha-neul, who made Copper Bell, and the pace shows."
    directors = {(f.person, f.show) for f in facts_of(text) if f.kind is FactKind.DIRECTOR}
    assert ("Kwon Ha-neul", "Copper Bell") in directors
    duo = HEAD + ("Lantern Harbour is directed by Bae Yu-ri and written by Seo Ga-ram, the duo behind last year’s "
                  "‘Night Orchard’.")
    crew = {(f.kind, f.person, f.show) for f in facts_of(duo) if f.kind in (FactKind.DIRECTOR, FactKind.WRITER)}
    assert {(FactKind.DIRECTOR, "Bae Yu-ri", "Night Orchard"), (FactKind.WRITER, "Seo Ga-ram", "Night Orchard")} <= crew


# --- round 14: previews with dated headings, interviews, Japanese reviews, chart news ----------------------


def test_its_leads_after_a_chart_sentence_with_an_inverted_subject():
    text = ("Harbour Lines holds the top spot\n\nHarbour Lines stars Noh Ga-eun as Bae Yu-ri.\n\n"
            "In third place was Wavve's legal drama Copper Court, which climbed two spots. Its leads, Pyo Min-ah "
            "and Seol Dae-ho, posted a thank-you message.")
    assert cast(text) >= {("Pyo Min-ah", "Copper Court"), ("Seol Dae-ho", "Copper Court")}
    assert not {p for p, s in cast(text) if s == "Harbour Lines"} & {"Pyo Min-ah", "Seol Dae-ho"}


def test_created_by_is_no_writer_credit_when_the_writer_is_named_too():
    text = HEAD + "Created by Moon Hae-il and written by Tak Eun-bi, the ten-part series premiered on Friday."
    writers = {p for _, p, *_ in kinds(text, FactKind.WRITER)}
    assert writers == {"Tak Eun-bi"}
    # alone, "created by" still credits the writer
    assert {p for _, p, *_ in kinds(HEAD + "The series was created by Moon Hae-il.", FactKind.WRITER)} == {
        "Moon Hae-il"}


def test_title_with_a_possessive_after_two_words():
    text = ("The Harbour Keeper's Diary review\n\nNetflix's new Japanese series The Harbour Keeper's "
            "Diary (Yoru no Nikki) takes its time. Kenta Oshiro stars as Mori Taichi, a retired clerk. "
            "The Harbour Keeper's Diary is streaming now on Netflix.")
    assert kinds(text, FactKind.PLATFORM) == {("The Harbour Keeper's Diary", None, "Netflix", None, None, None)}
    assert roles(text) == {("Kenta Oshiro", "Mori Taichi", "The Harbour Keeper's Diary")}


def test_a_likeness_before_the_kind_is_no_title():
    text = HEAD + "Kenta Oshiro was last on Hulu's Seoul Noir-style thriller Dark Ferry."
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {("Dark Ferry", "Hulu")}


def test_dated_listicle_heading_gives_each_platform():
    text = ("New dramas this month\n\nHere is what arrives.\n\n1. Salt Bridge (March 3, Netflix)\n\n"
            "Noh Ga-eun plays a ferry pilot.\n\n2. Quiet Lantern (March 14, tvN and TVING)\n\n"
            "Pyo Min-ah plays a nurse.\n")
    platforms = {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    assert platforms == {("Salt Bridge", "Netflix"), ("Quiet Lantern", "tvN"), ("Quiet Lantern", "TVING")}
    # a bracket whose list holds something that is no platform gives none
    odd = text.replace("tvN and TVING", "tvN and the web")
    assert ("Quiet Lantern", "tvN") not in {(s, p) for s, _, p, *_ in kinds(odd, FactKind.PLATFORM)}


def test_is_the_descriptor_and_name_without_a_comma():
    text = HEAD + ("Noh Ga-eun is the harbour pilot Bae Yu-ri, a widow. Kenta Oshiro is the night clerk Mori "
                   "Taichi, who sees everything.")
    assert roles(text) == {("Noh Ga-eun", "Bae Yu-ri", "Lantern Harbour"),
                           ("Kenta Oshiro", "Mori Taichi", "Lantern Harbour")}
    assert roles(HEAD + "Noh Ga-eun is the actor Pyo Min-ah, in a way.") == set()


def test_family_name_is_given_name_who():
    text = HEAD + "Kang Dae-ho and Pyo Min-ah lead the drama. Kang is Ha-jun, who fixes nets; Pyo plays a nurse."
    assert ("Kang Dae-ho", "Ha-jun", "Lantern Harbour") in roles(text)
    # a family name no full name of the article stands for gives nothing
    assert roles(HEAD + "Kang is Ha-jun, who fixes nets.") == set()


def test_title_role_and_known_to_fans_as():
    text = HEAD + "Seol Dae-ho, known to fans as SDH, takes the title role of the exiled king Yi Won."
    assert roles(text) == {("Seol Dae-ho", "Yi Won", "Lantern Harbour")}
    assert {(p, a) for _, p, _, _, _, a in kinds(text, FactKind.ALIAS)} == {("Seol Dae-ho", "SDH")}


def test_capitalised_compound_adjective_ends_the_character_list():
    text = ("Interview: Ha-rin Bae on her first lead in \u2018Salt Bridge\u2019\n\nHa-rin Bae laughs a lot.\n\n"
            "In Salt Bridge, now streaming on Netflix, Bae plays Yoon Da-som, a Michelin-starred chef.")
    assert roles(text) == {("Ha-rin Bae", "Yoon Da-som", "Salt Bridge")}


def test_best_known_for_and_familiar_from_in_apposition():
    text = HEAD + ("Kang Dae-ho plays Bae Yu-ri. Kang, familiar to many viewers from Hulu's noir thriller Glass "
                   "Street, is superb. Pyo Min-ah plays Oh Sun. Pyo Min-ah, best known for Paper Tide, co-stars.")
    assert cast(text) >= {("Kang Dae-ho", "Glass Street"), ("Pyo Min-ah", "Paper Tide")}
    # a person the article does not cast gives nothing
    assert ("Seo Ji-hoon", "Paper Tide") not in cast(HEAD + "Seo Ji-hoon, best known for Paper Tide, hosts.")


def test_platform_hit_and_its_writer():
    text = HEAD + ("The series is written by Moon Hae-il, who previously wrote the Wavve hit Night Ferry 7.")
    assert ("Night Ferry 7", None, "Wavve", None, None, None) in kinds(text, FactKind.PLATFORM)
    assert {(s, p) for s, p, *_ in kinds(text, FactKind.WRITER)} == {("Lantern Harbour", "Moon Hae-il"),
                                                                      ("Night Ferry 7", "Moon Hae-il")}


def test_a_show_that_tops_a_platform_chart():
    text = ("\u2018Copper Court\u2019 tops Netflix's global chart\n\nCopper Court has held the number one spot on "
            "Netflix's global top 10 for a second week.")
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {("Copper Court", "Netflix")}
    # a word that is no show the article names is no chart entry
    assert kinds("Chart news\n\nFans top Netflix's charts again.", FactKind.PLATFORM) == set()


def test_script_by_novelist_and_players_among_them():
    text = HEAD + ("The script, by novelist Moon Hae-il, adapts her own book. The supporting players, among them "
                   "Kenta Oshiro and Pyo Min-ah, mostly drift through.")
    assert {(s, p) for s, p, *_ in kinds(text, FactKind.WRITER)} == {("Lantern Harbour", "Moon Hae-il")}
    assert cast(text) == {("Kenta Oshiro", "Lantern Harbour"), ("Pyo Min-ah", "Lantern Harbour")}
    assert cast(HEAD + "The players, among them several newcomers, drift.") == set()


# --- section headings: chart numbers, years in brackets, news subheads ------------------------------------

def test_chart_numbers_and_a_year_before_the_channel_head_listicle_sections():
    text = ("Streamline top 10 this week\n\n"
            "No. 1: Copper Bell\n\nMira Holt plays Oona Vey, a locksmith.\n\n"
            "#2 Iron Quay\n\nThe drama stars Dae Rin.\n\n"
            "3. Salt Meadow (2019, Wavve)\n\nTomas Pell plays Frank Orr.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Copper Bell"), ("Tomas Pell", "Frank Orr", "Salt Meadow")}
    assert ("Dae Rin", "Iron Quay") in cast(text)
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {("Salt Meadow", "Wavve")}
    # a year bracket with no platform after it gives none
    text = "Best of Mira Holt\n\n1. Copper Bell (2019)\n\nShe plays Oona.\n\n2. Iron Quay (2021)\n\nShe stars."
    assert kinds(text, FactKind.PLATFORM) == set()


def test_news_subheads_give_their_show_to_the_paragraphs_under_them():
    text = ("Drama news this week: a renewal and two castings\n\n"
            "\u2018Copper Bell\u2019 gets a second run\n\n"
            "Streamline has renewed the thriller Copper Bell. It was written by Ada Lunn.\n\n"
            "Dae Rin joins \u2018Iron Quay\u2019\n\n"
            "Dae Rin has joined Iron Quay as Kwon Ha-neul. Director Bo Reyes is behind the camera. "
            "The drama also stars Tomas Pell.\n\n"
            "Quick hits\n\n"
            "Mira Holt visited Busan.")
    assert roles(text) == {("Dae Rin", "Kwon Ha-neul", "Iron Quay")}
    assert ("Tomas Pell", "Iron Quay") in cast(text) and ("Tomas Pell", "Copper Bell") not in cast(text)
    assert {(s, p) for s, p, *_ in kinds(text, FactKind.DIRECTOR)} == {("Iron Quay", "Bo Reyes")}
    assert {(s, p) for s, p, *_ in kinds(text, FactKind.WRITER)} == {("Copper Bell", "Ada Lunn")}


def test_one_subhead_naming_a_show_makes_no_sections():
    text = ("Copper Bell review: a slow locksmith drama\n\n"
            "Why \u2018Iron Quay\u2019 fans will like it\n\n"
            "Copper Bell stars Mira Holt as Oona Vey. The drama also stars Tomas Pell.")
    assert ("Tomas Pell", "Copper Bell") in cast(text)


def test_a_show_before_as_is_never_the_actor_and_the_one_who_joined_it_plays_the_part():
    text = "Iron Quay adds a diver\n\n" + "Dae Rin has joined \u2018Iron Quay\u2019 as Kwon Ha-neul, a diver."
    assert roles(text) == {("Dae Rin", "Kwon Ha-neul", "Iron Quay")}
    text = HEAD + "Dae Rin has joined the cast of Iron Quay as the diver Kwon Ha-neul."
    assert roles(text) == {("Dae Rin", "Kwon Ha-neul", "Iron Quay")}
    # an unmarked name after "joined" may be a person as well as a show: no role rather than a wrong one
    assert roles(HEAD + "Dae Rin has joined Iron Quay as Kwon Ha-neul.") == set()
    assert roles(HEAD + "Dae Rin joined Mira Holt as Kwon Ha-neul.") == set()


# Round 16: people a page names who are no cast (singers, hosts, producers, actors who left a show)

def test_title_in_quotes_stars_a_list():
    text = HEAD + "\u2018Lantern Harbour\u2019 stars Goh Mi-rae and Pyo Dan-bi. The JTBC drama is slow."
    assert cast(text) == {("Goh Mi-rae", "Lantern Harbour"), ("Pyo Dan-bi", "Lantern Harbour")}
    # a quote that closes no title the sentence names ("the word 'quiet' stars ...") gives nothing
    assert cast(HEAD + "He said \u201cquiet\u201d stars Goh Mi-rae.") == set()


def test_in_which_a_person_starred_names_the_show_before_it():
    text = HEAD + ("Mira Holt plays Oona Vey. Fans compared it with \u2018Copper Court\u2019, in which Seo Ban-ya "
                   "starred, and with \u2018Salt Bridge\u2019, where Yoo Gun-ho starred opposite Mira Holt.")
    assert {("Seo Ban-ya", "Copper Court"), ("Yoo Gun-ho", "Salt Bridge")} <= cast(text)
    assert ("Seo Ban-ya", "Lantern Harbour") not in cast(text)
    assert ("Yoo Gun-ho", "Lantern Harbour") not in cast(text)


def test_starred_in_a_work_that_is_no_show_of_the_article():
    text = HEAD + ("Mira Holt plays Oona Vey. Singer Kwon Bo-ri, who starred in the musical \u2018Red Pier\u2019, "
                   "sings the theme. Idol Ryu Ha-eun starred in a commercial last year.")
    assert cast(text) == set()
    # starring "in" the article's own show is still cast
    assert ("Jo Ha-na", "Lantern Harbour") in cast(HEAD + "Jo Ha-na starred in Lantern Harbour last spring.")


def test_a_bare_pd_title_is_no_director():
    text = HEAD + "PD Bae Sun-ho said the story was personal. CEO Yoon Dae-sung thanked the fans."
    assert kinds(text, FactKind.DIRECTOR) == set() and cast(text) == set()
    # "directed by PD A" says it outright, and "Director A" still counts
    assert {p for _, p, *_ in kinds(HEAD + "It is directed by PD Bae Sun-ho.", FactKind.DIRECTOR)} == {"Bae Sun-ho"}
    assert {p for _, p, *_ in kinds(HEAD + "Director Bae Sun-ho said little.", FactKind.DIRECTOR)} == {"Bae Sun-ho"}


def test_an_actor_who_left_the_show_plays_nothing_in_it():
    text = HEAD + ("Goo Tae-min had been cast as Do Ki-chan but left the project; Lee Jun-ho will play Do Ki-chan "
                   "instead. Mira Holt plays Oona Vey.")
    assert roles(text) == {("Lee Jun-ho", "Do Ki-chan", "Lantern Harbour"), ("Mira Holt", "Oona Vey",
                                                                            "Lantern Harbour")}
    text = HEAD + ("Actor Kim Dal-ho has stepped down from \u2018Lantern Harbour\u2019. Kim Dal-ho was to play "
                   "Seo Woo. Kwon Min-ah will replace Bae Ha-ri in the role of Yoo Seon; Bae Ha-ri plays Yoo Seon "
                   "in the first script.")
    assert roles(text) == set()
    # leaving an agency, a set or fans in tears is no exit from the show
    text = HEAD + ("Mira Holt plays Oona Vey. Mira Holt left her agency last year. Mira Holt left fans of the "
                   "drama in tears. Her character replaced her father as head of the firm.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour")}


def test_it_will_air_on_a_schedule_and_stream_on_a_second_platform():
    text = HEAD + ("Mira Holt plays Oona Vey. Goh Mi-rae appears as her aunt, Seo Ha. It will air Fridays at "
                   "9 p.m. KST on JTBC and stream on TVING.")
    assert {p for _, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {"JTBC", "TVING"}
    # "it" after a sentence about another show is not the article's show
    text = HEAD + "Mira Holt plays Oona Vey. Fans loved \u2018Copper Court\u2019. It will air on JTBC."
    assert ("Lantern Harbour", None, "JTBC", None, None, None) not in kinds(text, FactKind.PLATFORM)


def test_a_listicle_headline_naming_one_platform_puts_its_shows_on_it():
    body = ("\n\nOur picks for the week.\n\n"
            "1. Copper Bell\n\nMira Holt plays a locksmith.\n\n"
            "2. Iron Quay (Wavve)\n\nDae Rin stars.\n\n"
            "3. Salt Meadow\n\nTomas Pell stars.")
    platforms = {(s, p) for s, _, p, *_ in kinds("The 3 best K-dramas on Netflix right now" + body,
                                                   FactKind.PLATFORM)}
    assert platforms == {("Copper Bell", "Netflix"), ("Iron Quay", "Wavve"), ("Salt Meadow", "Netflix")}
    # two platforms in the headline, or another one in the intro: no telling which show is where
    two = "The 3 best K-dramas on Netflix and Disney+" + body
    assert {(s, p) for s, _, p, *_ in kinds(two, FactKind.PLATFORM)} == {("Iron Quay", "Wavve")}
    other = "The 3 best K-dramas on Netflix" + body.replace("Our picks", "Some are on TVING. Our picks")
    assert {(s, p) for s, _, p, *_ in kinds(other, FactKind.PLATFORM)} == {("Iron Quay", "Wavve")}


PROFILE = ("Happy birthday, Yoon Ha-rin! Her best roles, ranked\n\n"
           "Yoon Ha-rin turns 34 today. Here are her finest parts.\n\n"
           "1. Copper Bell (2019, Wavve)\n\n"
           "Her debut. She played Oona Vey, a locksmith.\n\n"
           "2. Dry Season (2021, Viki)\n\n"
           "Her Ada Lunn, a florist who hates flowers, made the show.\n\n"
           "3. Iron Quay (2023, Netflix)\n\n"
           "Yoon's turn as prosecutor Kwon Ha-neul won her an award. In this 10-episode drama she is "
           "Kwon Ha-neul, a prosecutor with a secret.")


def test_in_a_profile_she_and_her_are_the_person_it_is_about():
    found = roles(PROFILE)
    assert found == {("Yoon Ha-rin", "Oona Vey", "Copper Bell"), ("Yoon Ha-rin", "Ada Lunn", "Dry Season"),
                     ("Yoon Ha-rin", "Kwon Ha-neul", "Iron Quay")}
    # a title ending in "Season" on a heading of its own keeps it
    assert ("Dry Season", "Viki") in {(s, p) for s, _, p, *_ in kinds(PROFILE, FactKind.PLATFORM)}


def test_outside_a_profile_her_part_is_nobody_s():
    text = PROFILE.replace("Happy birthday, Yoon Ha-rin! Her best roles, ranked",
                           "Mira Holt and Dae Rin: their best roles") + " Dae Rin Dae Rin Dae Rin Dae Rin Dae Rin"
    found = roles(text)
    assert ("Mira Holt", "Ada Lunn", "Dry Season") not in found and ("Dae Rin", "Ada Lunn", "Dry Season") not in found


def test_a_turn_as_followed_by_another_show_is_no_part_in_the_show_in_scope():
    text = HEAD + "Mira Holt plays Oona Vey. Holt's turn as the diver Kwon Ha-neul in Salt Meadow won an award."
    assert all(show != "Lantern Harbour" or c != "Kwon Ha-neul" for _, c, show in roles(text))


def test_a_platform_acting_on_the_one_show_of_its_sentence_carries_it():
    text = HEAD + ("Coupang Play has renewed its cooking thriller \u2018Copper Bell\u2019 for a second run. "
                   "MBC's historical caper \u2018Iron Quay\u2019 ends tonight. "
                   "Netflix has confirmed that \u2018Salt Meadow\u2019, a JTBC drama, returns.")
    platforms = {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    assert {("Copper Bell", "Coupang Play"), ("Iron Quay", "MBC")} <= platforms
    assert ("Salt Meadow", "Netflix") not in platforms   # two platforms in the sentence: no telling


def test_cameos_and_a_praised_performance_as_a_part():
    text = HEAD + ("Lead actor Kang Tae-ri has been praised for a restrained performance as auditor Nam Kyu-bin. "
                   "Lee Gun-ho will make a cameo in Disney+'s \u2018Copper Bell\u2019.")
    assert roles(text) == {("Kang Tae-ri", "Nam Kyu-bin", "Lantern Harbour")}
    assert ("Lee Gun-ho", "Copper Bell") in cast(text)
    # no one person before "a performance as": nobody's part
    assert roles(HEAD + "Critics compared it with a performance as Nam Kyu-bin.") == set()


# Round 15: general mechanisms seen failing on unseen articles


def test_possessive_with_a_form_of_address():
    text = HEAD + "Yun Da-som's Dr. Cha Eun-gyeol is still the only night doctor on the island."
    assert roles(text) == {("Yun Da-som", "Cha Eun-gyeol", "Lantern Harbour")}
    # an address with no possessive before it gives no part
    assert roles(HEAD + "Dr. Cha Eun-gyeol is still the only night doctor on the island.") == set()


def test_part_described_in_apposition_then_played_by():
    text = HEAD + "Her rival is Moon Ha-jin, a smooth harbour official played by newcomer Ji Seo-won."
    assert roles(text) == {("Ji Seo-won", "Moon Ha-jin", "Lantern Harbour")}
    # a relative clause, not a description, between the part and "played by"
    assert roles(HEAD + "It follows Moon Ha-jin, a man who is later played by Ji Seo-won.") == set()


def test_person_with_a_nameless_part_in_apposition():
    text = HEAD + "Veteran actor Noh Gil-ho, as a retired diver who never leaves the pier, steals episode three."
    assert cast(text) == {("Noh Gil-ho", "Lantern Harbour")}
    # a place in apposition is no person
    assert cast(HEAD + "Busan Harbour, as the backdrop of the whole season, looks grey.") == set()
    # a stage name in apposition is no person of its own
    aka = HEAD + "Joining them is Noh Ga-eun, also known as Ella Noh, as the diver's younger sister Yeo Jin."
    assert "Ella Noh" not in {p for p, _ in cast(aka)}


def test_a_month_is_no_title():
    text = HEAD + "The drama wrapped filming ahead of its October premiere on Netflix."
    assert {s for s, *_ in kinds(text, FactKind.PLATFORM)} <= {"Lantern Harbour"}
    assert "October" not in {s for s, *_ in kinds(text, FactKind.PLATFORM)}


def test_a_premiere_batch_is_no_episode_count():
    text = HEAD + "Lantern Harbour premieres on Netflix on May 2 with three episodes, and runs for 10 episodes."
    assert {n for _, _, _, _, n, _ in kinds(text, FactKind.EPISODES)} == {10}
    # "with N episodes" that tells the run still counts
    assert {n for _, _, _, _, n, _ in kinds(HEAD + "It is a short series with six episodes.",
                                             FactKind.EPISODES)} == {6}


ROUNDUP = ("Weekend picks: two mysteries\n\nLantern Harbour\n\nWhere to watch: {where}\nCast: Mira Holt, Pyo Min-ah\n\n"
           "{note}\n\nGrey Pier\n\nWhere to watch: Netflix\nCast: Kang Dae-ho\n\nA thriller.")


def test_info_line_lists_every_platform():
    text = ROUNDUP.format(where="Wavve, Viki", note="A mystery.")
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {
        ("Lantern Harbour", "Wavve"), ("Lantern Harbour", "Viki"), ("Grey Pier", "Netflix")}
    # a list that is not all platforms adds nothing past the first
    odd = ROUNDUP.format(where="Wavve, Fridays", note="A mystery.")
    assert {(s, p) for s, _, p, *_ in kinds(odd, FactKind.PLATFORM)} == {("Lantern Harbour", "Wavve"),
                                                                         ("Grey Pier", "Netflix")}


def test_each_around_an_hour():
    text = ROUNDUP.format(where="Wavve", note="Six episodes, each around an hour, of fog.")
    assert {(s, n) for s, *_, n, _ in kinds(text, FactKind.EPISODE_MINUTES)} == {("Lantern Harbour", 60)}
    assert kinds(ROUNDUP.format(where="Wavve", note="We spent each an hour or so on the pier."),
                 FactKind.EPISODE_MINUTES) == set()


def test_first_seasons_possessive_count_and_returns_to():
    text = ("\u2018Salt Road\u2019 season 2 review\n\nTwo years after its first season, Salt Road returns to "
            "Netflix for a second run of ten episodes. The first season's eight episodes were slow.")
    eps = {(s, n) for s, _, _, _, n, _ in kinds(text, FactKind.EPISODES)}
    assert eps == {("Salt Road season 2", 10), ("Salt Road season 1", 8)}
    assert ("Salt Road season 1", "Netflix") in {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    # "last season's" is no first season and no count of this one
    last = ("\u2018Salt Road\u2019 season 2 review\n\nSalt Road season 2 is on Netflix. Last season's eight "
            "episodes were slow.")
    assert kinds(last, FactKind.EPISODES) == set()


def test_the_described_show_airs_and_streams():
    text = HEAD + "The 12-episode series will air on JTBC in May and stream on Netflix outside Korea."
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} >= {("Lantern Harbour", "JTBC"),
                                                                          ("Lantern Harbour", "Netflix")}
    # "the other drama" points to another show
    other = HEAD + "The other drama will air on JTBC in May."
    assert "JTBC" not in {p for _, _, p, *_ in kinds(other, FactKind.PLATFORM)}


def test_passing_credits_after_a_platform_possessive():
    text = HEAD + ("Kang Dae-ho, who fans will remember as the shy forger in Coupang Play's Ink Trail, plays Bae "
                   "Yu-ri. Pyo Min-ah plays Oh Sun. Pyo recently finished the JTBC drama Salt Letters.")
    assert cast(text) >= {("Kang Dae-ho", "Ink Trail"), ("Pyo Min-ah", "Salt Letters")}
    # "finished" with no show named by its kind or quotes is no credit
    assert ("Pyo Min-ah", "Busan") not in cast(HEAD + "Pyo Min-ah plays Oh Sun. Pyo recently finished the Busan "
                                                      "marathon.")


def test_the_duo_behind_a_platforms_show_and_a_lone_family_name_director():
    text = HEAD + ("Lantern Harbour is written by Yoon Chae-rim and directed by Ra Ki-bum, the duo behind Netflix's "
                   "Cold Tide. Ra previously directed the Wavve series Grey Pier.")
    directors = {(s, p) for s, p, *_ in kinds(text, FactKind.DIRECTOR)}
    assert directors == {("Lantern Harbour", "Ra Ki-bum"), ("Cold Tide", "Ra Ki-bum"), ("Grey Pier", "Ra Ki-bum")}
    assert ("Cold Tide", "Yoon Chae-rim") in {(s, p) for s, p, *_ in kinds(text, FactKind.WRITER)}
    # a family name two people share tells nothing
    two = HEAD + "It is directed by Ra Ki-bum and Ra Min-ji. Ra previously directed the Wavve series Grey Pier."
    assert "Grey Pier" not in {s for s, *_ in kinds(two, FactKind.DIRECTOR)}


LISTINGS = ("Tonight's TV\n\nOur picks.\n\n9.10pm | JTBC | Iron Gate (episode 5 of 12)\nNam Gyu-ri plays the "
            "eldest daughter, Seo Hye-won.\n\n9.50pm | SBS | Night Ledger (episode 11 of 16)\nJeon Ha-rang and "
            "Go Min-seok star in this office thriller.\n\nStreaming pick: Glass Pier (Netflix)\nAll eight episodes "
            "are up.")


def test_tv_listing_lines_head_sections():
    platforms = {(s, p) for s, _, p, *_ in kinds(LISTINGS, FactKind.PLATFORM)}
    assert platforms == {("Iron Gate", "JTBC"), ("Night Ledger", "SBS"), ("Glass Pier", "Netflix")}
    assert {(s, n) for s, _, _, _, n, _ in kinds(LISTINGS, FactKind.EPISODES)} == {
        ("Iron Gate", 12), ("Night Ledger", 16), ("Glass Pier", 8)}
    assert roles(LISTINGS) == {("Nam Gyu-ri", "Seo Hye-won", "Iron Gate")}
    # a slot whose middle is no platform heads nothing
    odd = LISTINGS.replace("| JTBC |", "| Live |").replace("| SBS |", "| Replay |")
    assert ("Iron Gate", "JTBC") not in {(s, p) for s, _, p, *_ in kinds(odd, FactKind.PLATFORM)}


def test_ranked_pairings_heading_people_then_quoted_title():
    text = ("The best couples, ranked\n\nOur picks.\n\n2. Hwang Bo-mi and Jang Seok-hoon, \u2018Rain Ticket\u2019 "
            "(Disney+)\n\nA time-travel romance.\n\n1. Choi Da-in and Lee Hwan, \u2018Night Courier\u2019 (Netflix)"
            "\n\nLee's delivery rider, Gang Woo-jin, falls for Choi's insomniac novelist, Ha Seol, at last.")
    assert cast(text) >= {("Hwang Bo-mi", "Rain Ticket"), ("Jang Seok-hoon", "Rain Ticket"),
                          ("Choi Da-in", "Night Courier"), ("Lee Hwan", "Night Courier")}
    assert roles(text) == {("Lee Hwan", "Gang Woo-jin", "Night Courier"), ("Choi Da-in", "Ha Seol", "Night Courier")}
    # a heading that is a sentence about people names no show
    plain = ("News\n\nOur picks.\n\n1. Hwang Bo-mi and Jang Seok-hoon, friends\n\nThey met.\n\n2. Kim Ha-na, a star"
             "\n\nOk.")
    assert cast(plain) == set()


def test_possessive_pairs_listed_with_and():
    text = HEAD + ("Yang Si-won plays Baek Hae-in. Do Ha-neul plays Moon Ji-ho. Yang Si-won's grieving florist Baek "
                   "Hae-in and Do Ha-neul's quiet undertaker Moon Ji-ho should not work on paper.")
    assert roles(text) == {("Yang Si-won", "Baek Hae-in", "Lantern Harbour"),
                           ("Do Ha-neul", "Moon Ji-ho", "Lantern Harbour")}
    # a family name alone that two people share owns nothing
    two = HEAD + ("Lee Hwan and Lee Da-som star. Lee's delivery rider, Gang Woo-jin, falls for her.")
    assert roles(two) == set()


def test_a_starring_list_goes_on_after_a_nameless_part():
    text = HEAD + ("It stars Jo In-seong as a ferry captain facing redundancy, Cha Mi-rae as his estranged daughter, "
                   "Jo Soo-a, and Bae Yeong-gil as the island's only police officer.")
    assert cast(text) == {("Jo In-seong", "Lantern Harbour"), ("Cha Mi-rae", "Lantern Harbour"),
                          ("Bae Yeong-gil", "Lantern Harbour")}
    assert roles(text) == {("Cha Mi-rae", "Jo Soo-a", "Lantern Harbour")}
    # a place after "and" is no cast
    assert ("Busan Port", "Lantern Harbour") not in cast(
        HEAD + "It stars Jo In-seong as a captain, and Busan Port as the backdrop.")


def test_which_premieres_on_and_a_dated_title():
    text = ("Profile: a director\n\nShe spent three years on her new series, Winter Pier, which premieres on Disney+ "
            "on February 7. She followed it with Coupang Play's Blue Hour in 2022.")
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {("Winter Pier", "Disney+"),
                                                                          ("Blue Hour", "Coupang Play")}
    # a year that is part of a title stays
    assert ("Class of 1999", "Netflix") in {(s, p) for s, _, p, *_ in kinds(
        "News\n\nClass of 1999 is streaming on Netflix.", FactKind.PLATFORM)}


def test_a_cut_word_after_of_or_the_belongs_to_the_title():
    text = ("Where to watch \u2018Orchard of Stars\u2019\n\n"
            "Orchard of Stars streams on Netflix. Mira Holt plays Oona Vey in Love from the Star.")
    platforms = {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    assert platforms == {("Orchard of Stars", "Netflix")}
    # the word still ends a headline's title where no "of"/"the" stands before it
    text = "Copper Bell Stars Mira Holt as a locksmith\n\nCopper Bell streams on Netflix."
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {("Copper Bell", "Netflix")}


def test_schedule_headings_name_the_day_before_the_show():
    text = ("New dramas this week\n\nMonday: Blue Salt (tvN)\n\nA romance starring Ryu Ha-eun.\n\n"
            "Wednesday: The Quiet Hour (Netflix)\n\nWoo Min-seok plays Ko Ji-hoon.\n\n"
            "Saturday: Red Thread, Blue Thread (tvN)\n\nA fantasy romance with Jang Ha-ri.")
    platforms = {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    assert platforms == {("Blue Salt", "tvN"), ("The Quiet Hour", "Netflix"), ("Red Thread, Blue Thread", "tvN")}
    assert roles(text) == {("Woo Min-seok", "Ko Ji-hoon", "The Quiet Hour")}


def test_an_interview_s_speaker_labels_and_questions():
    text = ("Q&A: Yoon Ha-rin on playing twins in \u2018Copper Bell\u2019\n\n"
            "Yoon Ha-rin plays both Oh Min-ji and Oh Min-seo, twins who swap lives, in Copper Bell.\n\n"
            "Q: What was it like working with Kang Do-yun?\n\n"
            "Yoon: He is so generous. He plays Kwon Do-jin, the man who falls for the wrong twin.\n\n"
            "Q: You were last seen in the medical drama \u2018Night Surgeons\u2019. Was comedy a relief?")
    assert roles(text) == {("Yoon Ha-rin", "Oh Min-ji", "Copper Bell"), ("Yoon Ha-rin", "Oh Min-seo", "Copper Bell"),
                           ("Kang Do-yun", "Kwon Do-jin", "Copper Bell")}
    assert ("Yoon Ha-rin", "Night Surgeons") in cast(text)
    # "plays both" something that is no pair of names is no part
    assert roles(HEAD + "Mira Holt plays both sides well.") == set()


def test_earlier_credits_after_a_platform_s_possessive_and_a_family_name_subject():
    text = HEAD + ("Park Min-cheol plays Oh Tae-gu, a cheerful officer. Park starred in tvN's \u2018Sweet Bakery "
                   "Street\u2019. He broke out in tvN's Iron Quay and recently appeared in Coupang Play's Glass Alley.")
    assert {("Park Min-cheol", "Sweet Bakery Street"), ("Park Min-cheol", "Iron Quay"),
            ("Park Min-cheol", "Glass Alley")} <= cast(text)
    # a bare "appeared in" before no title in quotes and no platform's possessive is no credit
    assert not any(show == "Busan" for _, show in cast(HEAD + "Park Min-cheol plays Oh Tae-gu. He appeared in "
                                                             "Busan for a fan meeting."))


def test_cast_lists_with_performer_descriptions_and_parts():
    text = HEAD + ("Kwon Yi-na and veteran actor Oh Dal-soo round out the main cast. "
                   "Ryu Jeong-min and child actor Seo Ah-young star. "
                   "The supporting cast, including Yoo Jin-sol as the island's nervous doctor and Heo Dal-mi as a "
                   "fisherwoman who knows too much, fill out the village.")
    assert {("Kwon Yi-na", "Lantern Harbour"), ("Oh Dal-soo", "Lantern Harbour"), ("Ryu Jeong-min", "Lantern Harbour"),
            ("Seo Ah-young", "Lantern Harbour"), ("Yoo Jin-sol", "Lantern Harbour"),
            ("Heo Dal-mi", "Lantern Harbour")} <= cast(text)
    # any other word before the second name still ends the list
    assert ("Kwon Yi-na", "Lantern Harbour") not in cast(HEAD + "Kwon Yi-na and her friend Oh Dal-soo star.")


def test_crew_who_made_a_show_named_by_its_kind():
    text = HEAD + ("Director Byun Sang-woo, who made the Netflix thriller Cold Harbor, shoots in greys. It is "
                   "written by Seo Mi-rim, who also wrote the hit romance Spring Ferry.")
    assert ("Cold Harbor", "Byun Sang-woo") in {(s, p) for s, p, *_ in kinds(text, FactKind.DIRECTOR)}
    assert ("Spring Ferry", "Seo Mi-rim") in {(s, p) for s, p, *_ in kinds(text, FactKind.WRITER)}


# -- round 17 ----------------------------------------------------------------------------------------------------


RENEWAL_ROUNDUP = ("Drama news this week\n\nA busy week.\n\n'Salt Cellar' gets a second season\n\n"
           "Wavve has renewed its baking mystery Salt Cellar for a second season. Oh Ji-rim and Han Bo-kyung will "
           "return as sisters Ma Deok-hee and Ma Deok-ja. The first season ran for ten episodes and was written by "
           "Seo Yu-bin.\n\nNo Tae-il joins 'Kite Street'\n\nNo Tae-il has joined the cast of KBS2's weekend "
           "comedy Kite Street, where he will play a postman, Ryu Gang-du.\n")


def test_renewal_item_in_a_roundup_gives_the_new_and_the_first_season():
    # "renewed its baking mystery S for a second season" is a season; the item's "The first season ..." and
    # the returning cast go to that show's first season, not to the roundup's main show
    facts = facts_of(RENEWAL_ROUNDUP)
    seasons = {(f.show, f.series, f.number) for f in facts if f.kind is FactKind.SEASON}
    assert {("Salt Cellar season 1", "Salt Cellar", 1), ("Salt Cellar season 2", "Salt Cellar", 2)} <= seasons
    assert ("Salt Cellar season 1", 10) in {(f.show, f.number) for f in facts if f.kind is FactKind.EPISODES}
    assert crew(RENEWAL_ROUNDUP) >= {("writer", "Seo Yu-bin", "Salt Cellar season 1")}
    assert ("writer", "Seo Yu-bin", "Salt Cellar season 2") not in crew(RENEWAL_ROUNDUP)
    assert roles(RENEWAL_ROUNDUP) >= {("Oh Ji-rim", "Ma Deok-hee", "Salt Cellar season 2"),
                              ("Han Bo-kyung", "Ma Deok-ja", "Salt Cellar season 2")}
    assert cast(RENEWAL_ROUNDUP) >= {("Oh Ji-rim", "Salt Cellar season 1"), ("Han Bo-kyung", "Salt Cellar season 1")}
    assert {(s, p) for s, _, p, *_ in kinds(RENEWAL_ROUNDUP, FactKind.PLATFORM)} >= {
        ("Salt Cellar season 1", "Wavve"), ("Salt Cellar season 2", "Wavve"), ("Kite Street", "KBS2")}
    # the other item's show keeps no season and no renewal cast
    assert ("No Tae-il", "Salt Cellar season 1") not in cast(RENEWAL_ROUNDUP)
    assert ("Kite Street", 10) not in {(f.show, f.number) for f in facts if f.kind is FactKind.EPISODES}


def test_renewed_its_kind_title_for_a_season():
    text = "News\n\nTVING has renewed their legal drama Paper Court for a third season."
    other = "News\n\nKBS has confirmed a second season of its quiz comedy Lucky Desk."
    assert ("Paper Court season 3", "Paper Court", 3) in {
        (f.show, f.series, f.number) for f in facts_of(text) if f.kind is FactKind.SEASON}
    assert ("Lucky Desk season 2", "Lucky Desk", 2) in {
        (f.show, f.series, f.number) for f in facts_of(other) if f.kind is FactKind.SEASON}
    # no ordinal season, no season
    assert not [f for f in facts_of("News\n\nTVING has renewed its deal with Paper Court Studios.")
                if f.kind is FactKind.SEASON]


def test_returns_as_a_nameless_part_and_as_director_in_a_second_season():
    text = ("'Dock Nine' season 2 confirmed\n\nENA has confirmed a second season of its comedy Dock Nine. "
            "Comedian Yeo Bong-gu also returns as the harbour master. Season two will have eight episodes, with "
            "Tak Min-seo returning as director.")
    assert cast(text) >= {("Yeo Bong-gu", "Dock Nine season 2"), ("Yeo Bong-gu", "Dock Nine season 1")}
    assert crew(text) == {("director", "Tak Min-seo", "Dock Nine season 2"),
                          ("director", "Tak Min-seo", "Dock Nine season 1")}
    # a first appearance is no return: no earlier season
    new = HEAD + "Yeo Bong-gu joins the cast as the harbour master."
    assert cast(new) == {("Yeo Bong-gu", "Lantern Harbour")}
    # "returns as director of" another body is no credit
    assert crew(HEAD + "Tak Min-seo returns as director of the Busan festival.") == set()


def test_the_platform_kind_title_named_in_passing():
    text = HEAD + ("Park, best known for the tvN comedy Happy Pantry, is chilling. The pair previously worked "
                   "together on the JTBC mystery Red Attic.")
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} >= {("Happy Pantry", "tvN"),
                                                                          ("Red Attic", "JTBC")}
    # a person's name after the kind is no title
    assert not {s for s, _, p, *_ in kinds(HEAD + "It was the tvN drama Park Ji-hoon led to a win.",
                                           FactKind.PLATFORM) if s and "Park" in s}


# --- round 18 ---------------------------------------------------------------------------------------------


def _platforms(text: str) -> set[tuple[str, str]]:
    return {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}


def test_chinese_streamers_are_platforms():
    text = ("Roundup\n\nThe fantasy drama \u2018Willow Gate\u2019 is streaming on Tencent Video. "
            "The campus comedy \u2018Rain Club\u2019 is streaming on Youku.")
    assert _platforms(text) == {("Willow Gate", "Tencent Video"), ("Rain Club", "Youku")}
    # a company named in passing is no platform
    assert _platforms("News\n\nTencent bought a stake in the studio behind \u2018Willow Gate\u2019.") == set()


def test_news_briefs_under_capital_labels():
    text = ("Drama briefs\n\nDrama briefs\n\nRENEWED\nMBC has renewed the spy comedy \u2018Paper Tiger Club\u2019 "
            "for more. Yoo Han-gyeol plays the hapless agent Cha Deok-su. Filming starts soon.\n\n"
            "STREAMING\nThe mystery \u2018Copper Bell\u2019 arrives on Netflix on Friday. Im Se-ra stars as "
            "Kang Bo-ri, a locksmith.\n\nFESTIVAL\nThe Wavve original \u2018Quiet Reef\u2019 goes to Busan. "
            "Director Noh Jin-pyo will attend with Ha Min-gi.")
    assert roles(text) == {("Yoo Han-gyeol", "Cha Deok-su", "Paper Tiger Club"),
                           ("Im Se-ra", "Kang Bo-ri", "Copper Bell")}
    # a brief whose label was lost is about the one show its first sentence names
    lost = text.replace("STREAMING\n", "\n")
    assert roles(lost) == roles(text)
    # a label over a paragraph that names no show makes no section
    assert roles("News\n\nVERDICT\nKim Da-eun plays Oh Mi-ra. It works.") <= {("Kim Da-eun", "Oh Mi-ra", None)}


def test_quotes_close_a_title_with_on_and_a_comma():
    text = ("Picks\n\nThe comedy \u2018Little Bakery on Cedar Lane\u2019 is streaming on Netflix. "
            "KBS2\u2019s family drama \u2018Two Sons, One Farm\u2019 hit a new high.")
    assert _platforms(text) == {("Little Bakery on Cedar Lane", "Netflix"), ("Two Sons, One Farm", "KBS2")}
    # "on" before a platform or a lower-case word still ends the title
    assert quoted_title("Little Bakery on Netflix") == "Little Bakery"
    assert quoted_title("Little Bakery on sale") == "Little Bakery"


def test_plural_describers_are_no_part_of_a_name():
    text = "News\n\n\u2018Rain Club\u2019 is a campus comedy. Newcomers Lin Xiao-tong and Han Zhe lead the cast."
    assert cast(text) == {("Lin Xiao-tong", "Rain Club"), ("Han Zhe", "Rain Club")}
    # a single word before the names is still theirs to drop only when it describes them
    assert cast("News\n\n\u2018Rain Club\u2019 is a comedy. Lin Xiao-tong and Han Zhe lead the cast.") == {
        ("Lin Xiao-tong", "Rain Club"), ("Han Zhe", "Rain Club")}


def test_episodes_still_to_go_are_no_run():
    text = HEAD + "Episode 7 is the turning point, with nine episodes of the 16 still to go."
    assert kinds(text, FactKind.EPISODES) == set()
    # a run told with "with" still counts
    assert {n for *_, n, _ in kinds(HEAD + "The thriller comes with 16 episodes.", FactKind.EPISODES)} == {16}


def test_a_title_ends_before_and_from():
    text = HEAD + ("You will know her from the SBS legal drama Objection Ten and from Disney+'s \u2018Neon Tide\u2019. "
                   "Mira Holt plays Oona Vey.")
    assert not any(" and " in s for s, *_ in kinds(text, FactKind.PLATFORM))


def test_a_people_a_co_star_and_a_character_s_job_are_no_titles_or_crew():
    text = ("\u2018The Long Way North\u2019 review: Apple TV+'s Korean-American saga is handsome\n\n"
            "Apple TV+'s Korean-American saga is handsome. The Long Way North premieres on Apple TV+ on Friday.")
    assert {s for s, *_ in kinds(text, FactKind.PLATFORM)} == {"The Long Way North"}
    text = HEAD + "Mira Holt is filming the tvN drama Moonlit Garden with Go Ara-mi."
    assert not any("with" in s for s, *_ in kinds(text, FactKind.PLATFORM))
    text = HEAD + "Nobody was crueller than Oh Dong-hoon's hospital director Kang Jae-pil."
    assert kinds(text, FactKind.DIRECTOR) == set()


def test_a_news_profile_s_subject_has_the_credits_told_after_the_family_name():
    text = ("Actor Min Jae-hoon to marry in spring, agency confirms\n\n"
            "Actor Min Jae-hoon will marry in April, his agency said.\n\n"
            "Min, 36, is best known for playing the gruff detective Jo Seok-hwan in the OCN thriller \u2018Black "
            "Rain\u2019. He most recently appeared in Netflix's \u2018Ten Thousand Doors\u2019.")
    assert roles(text) == {("Min Jae-hoon", "Jo Seok-hwan", "Black Rain")}
    assert ("Min Jae-hoon", "Ten Thousand Doors") in cast(text)


# -- wire-copy news: earlier parts, bracketed works, slots in the week, roundup paragraphs --------------------


def _wire(text: str) -> str:
    """The text as the cleaner hands it on: news desks' straight-quoted titles in curly quotes."""
    return clean_document(Document(source="wire.txt", content=text, media_type="text/plain")).text


def test_a_part_that_made_an_actor_s_name_is_a_role_in_that_show():
    text = ("Bae Ri-on and Cho Min-ha to lead ENA's 'Salt Letters'\n\n"
            "Bae Ri-on will play Ko Dan-bi in ENA's 'Salt Letters'.\n\n"
            "Bae Ri-on first won audiences' hearts as the stubborn baker Yun Seo-ri in tvN's 'Flour Moon.' "
            "Cho Min-ha, who is still best remembered as the exiled Princess Ryu Hae-in of 'Iron Lotus' (2020), "
            "plays Gu Tae-ra.")
    found = roles(_wire(text))
    assert ("Bae Ri-on", "Yun Seo-ri", "Flour Moon") in found
    assert ("Cho Min-ha", "Ryu Hae-in", "Iron Lotus") in found
    # being known "as" a label is no part
    assert not any(c == "Ko Dan-bi" and s != "Salt Letters" for _, c, s in found)
    assert roles(HEAD + "Mira Holt is best known as the host of Sunday Kitchen.") == set()


def test_headlining_and_rising_to_stardom_through_a_show_are_credits():
    text = ("Bae Ri-on to lead ENA's 'Salt Letters'\n\n"
            "Bae Ri-on will play Ko Dan-bi in ENA's 'Salt Letters'.\n\n"
            "Bae Ri-on rose to stardom through KBS2's 'Winter Stall' and went on to headline Netflix's thriller "
            "'Glass Kiln.' She later proved her range in Disney+'s 'Low Tide,' where she played Im Yeon-ju, a diver.")
    assert {("Bae Ri-on", "Winter Stall"), ("Bae Ri-on", "Glass Kiln")} <= cast(_wire(text))
    assert ("Bae Ri-on", "Im Yeon-ju", "Low Tide") in roles(_wire(text))
    # "led" needs a title in quotes or after a platform's possessive
    assert not any(s == "The Way" for _, s in cast(HEAD + "Mira Holt plays Oona Vey. Mira Holt led The Way home."))


def test_a_bracket_of_earlier_works_with_years_credits_the_person_before_it():
    text = ("SBS's 'Tide Clock' unveils first stills\n\n"
            "Seo Yu-na plays Han Bo-ri, a forecaster, and Ji Ha-ram plays Kwon Tae-o, a detective.\n\n"
            "The drama brings together Ji Ha-ram ('Copper Club,' 2022) and Seo Yu-na ('Pebble Lane,' 2023; "
            "'Ninth Stair,' 2024). It is directed by Bae Sung-jin ('Night Stall,' 2020).")
    assert {("Ji Ha-ram", "Copper Club"), ("Seo Yu-na", "Pebble Lane"),
            ("Seo Yu-na", "Ninth Stair")} <= cast(_wire(text))
    assert ("Night Stall", "Bae Sung-jin") in {(s, p) for s, p, *_ in kinds(_wire(text), FactKind.DIRECTOR)}
    # a bracket that is no list of works credits nothing
    assert not any(s in ("2022", "Seoul") for _, s in cast(HEAD + "Mira Holt plays Oona Vey. Mira Holt (Seoul, "
                                                                  "2022) was there."))


def test_a_slot_in_the_week_is_no_title_and_keeps_the_platform_s_show():
    text = HEAD + "Meanwhile, SBS's Friday-Saturday drama 'Cold Table' ended its run on Saturday."
    assert ("Cold Table", None, "SBS", None, None, None) in kinds(_wire(text), FactKind.PLATFORM)
    assert not any("Friday" in (s or "") for s, *_ in kinds(_wire(text), FactKind.PLATFORM))


def test_roundup_paragraphs_opening_with_a_scene_setting_phrase_are_about_their_show():
    text = ("Weekend ratings: 'Tofu Lane' hits a new high\n\n"
            "KBS2's weekend drama 'Tofu Lane' scored 21.7 percent. Jang Mi-ra plays Bong Sun-ae.\n\n"
            "Up against the KBS2 juggernaut on Saturday night, MBC's 'Queen of Docks' recorded 6.8 percent. "
            "The drama stars Kim Ha-jin as an auctioneer.\n\n"
            "Over on cable, tvN's Saturday-Sunday drama 'Dear Inspector' held first place. Co-star Pyo Eun-ha "
            "has drawn praise for her turn as the cynical landlady, Goh Mal-ja.\n\n"
            "Finally, ENA's Monday-Tuesday drama 'Nine Steps' slipped to 2.1 percent. Lee Do-won, who played the "
            "title role of chef Park Mu-yeol, thanked viewers.")
    assert ("Kim Ha-jin", "Queen of Docks") in cast(_wire(text))
    assert {("Pyo Eun-ha", "Goh Mal-ja", "Dear Inspector"),
            ("Lee Do-won", "Park Mu-yeol", "Nine Steps")} <= roles(_wire(text))
    assert ("Dear Inspector", None, "tvN", None, None, None) in kinds(_wire(text), FactKind.PLATFORM)


def test_a_remake_s_news_is_about_the_remake_and_its_original_paragraph_about_the_original():
    text = ("A and B to lead Korean remake of Japanese hit 'Kasa no Mori'\n\n"
            "Disney+ confirmed that Han Ji-woo and Seo Ye-rin lead 'Umbrella Forest' (working title), its Korean "
            "adaptation of the Japanese hit 'Kasa no Mori'.\n\n"
            "The original 'Kasa no Mori' aired on Fuji TV in 2019. Ryota Mori starred as Kudo Ren, a clerk. "
            "It was written by Noriko Ame.\n\n"
            "Han Ji-woo plays Do Yun-seok, a railway clerk. 'Umbrella Forest' is directed by Kwon Hae-jin, who "
            "directed the MBC melodrama 'Rain on Sunday,' and written by Yang Jin-seo.")
    found = roles(_wire(text))
    assert ("Han Ji-woo", "Do Yun-seok", "Umbrella Forest") in found
    assert ("Ryota Mori", "Kudo Ren", "Kasa no Mori") in found
    writers = {(s, p) for s, p, *_ in kinds(_wire(text), FactKind.WRITER)}
    assert ("Kasa no Mori", "Noriko Ame") in writers and ("Umbrella Forest", "Yang Jin-seo") in writers
    # a quoted title closed after the sentence's comma keeps its words ("on Sunday")
    assert ("Rain on Sunday", "Kwon Hae-jin") in {(s, p) for s, p, *_ in kinds(_wire(text), FactKind.DIRECTOR)}
    # without a remake the most-named show stays the article's
    plain = "'Kasa no Mori' review\n\nThe drama 'Kasa no Mori' is on Netflix. Ryota Mori plays Kudo Ren."
    assert roles(_wire(plain)) == {("Ryota Mori", "Kudo Ren", "Kasa no Mori")}


# -- round 22: ranked headings led by a person, a described quoted title, a family name after a platform --

def test_a_ranked_heading_led_by_its_actor_heads_a_section_about_its_show():
    text = ("The best turns of the year\n\nOur picks, argued over for weeks.\n\n"
            "3. Seo Min-ah, \u2018Copper Bell\u2019 (tvN)\n\nSeo is magnetic. Ryu Gang-ho plays her brother, "
            "Tak Il-do.\n\n"
            "2. Dae-ryun Oh \u2014 Glass Orchard (Netflix)\n\nOh carries every scene.\n\n"
            "1. Wind Road (Wavve): Pak Ye-seul\n\nPak is a marvel here.")
    found = cast(text)
    assert {("Seo Min-ah", "Copper Bell"), ("Dae-ryun Oh", "Glass Orchard"), ("Pak Ye-seul", "Wind Road")} <= found
    assert roles(text) == {("Ryu Gang-ho", "Tak Il-do", "Copper Bell")}
    assert {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)} == {
        ("Copper Bell", "tvN"), ("Glass Orchard", "Netflix"), ("Wind Road", "Wavve")}
    # a heading's person the section never speaks of again is a character, not the actor
    text = ("The best villains of the year\n\nOur picks.\n\n"
            "2. Yang Su-ri in \u2018Copper Bell\u2019 (tvN)\n\nMoon Ha-na's schemer was a delight.\n\n"
            "1. Madam Joo in \u2018Wind Road\u2019 (Wavve)\n\nKo Bit-na's matriarch terrified us.")
    assert not any(p in ("Yang Su-ri", "Madam Joo") for p, _ in cast(text))


def test_a_heading_names_a_season_after_a_comma_or_a_quoted_title():
    text = ("Shows to watch next\n\nStart here.\n\n"
            "1. Stone Harbour, season 2 (Wavve, 2024)\n\nLee Ha-jun is back as Captain Ro Min.\n\n"
            "2. Kim Da-som in \u2018Night Loom\u2019 season 3 (TVING)\n\nKim is superb.")
    seasons = {(s, n) for s, _, _, _, n, _ in kinds(text, FactKind.SEASON)}
    assert {("Stone Harbour season 2", 2), ("Night Loom season 3", 3)} <= seasons
    assert not any("Kim Da-som" in s or "," in s for s, _ in seasons)
    assert ("Lee Ha-jun", "Captain Ro Min", "Stone Harbour season 2") in roles(text) or \
        ("Lee Ha-jun", "Ro Min", "Stone Harbour season 2") in roles(text)


def test_a_credit_s_capitalised_describer_leads_to_the_quoted_title():
    text = HEAD + "It comes from director Noh Eun-bi, who also made the Goryeo ghost story \u2018Paper Shrine\u2019."
    found = {s for s, *_ in kinds(text, FactKind.DIRECTOR)}
    assert "Paper Shrine" in found and "Goryeo" not in found
    # an unquoted title after a credit verb stays what it was
    text = HEAD + "It comes from director Noh Eun-bi, who also made Paper Shrine in 2019."
    assert "Paper Shrine" in {s for s, *_ in kinds(text, FactKind.DIRECTOR)}


def test_a_platform_s_family_name_is_a_person_not_a_show():
    text = HEAD + ("Writer Baek Ji-yu moved from TVING to Netflix this year. Netflix's Baek is gentler. "
                   "TVING's Baek was stranger.")
    assert not any(s == "Baek" for s, *_ in kinds(text, FactKind.PLATFORM))
    # a one-word title after a platform's possessive is still read where no such person is named
    assert ("Moonrise", "Netflix") in {(s, p) for s, _, p, *_ in kinds(
        HEAD + "Netflix's Moonrise is gentler. Moonrise is streaming now.", FactKind.PLATFORM)}


def test_its_count_after_two_shows_is_the_nearer_one_s():
    text = HEAD + ("\u2018Salt Road\u2019 is a show about a village; \u2018Kite Hill\u2019 is a show about a school, "
                   "and its ten episodes fly by.")
    assert {(s, n) for s, _, _, _, n, _ in kinds(text, FactKind.EPISODES)} == {("Kite Hill", 10)}
    # "Its second season ... at six episodes, and it aired beside S": no show can be told, so no count
    text = ("Essay: Salt Road and Kite Hill\n\n\u2018Salt Road\u2019 began in 2021. Its second season is shorter at "
            "six episodes, and it aired beside \u2018Kite Hill\u2019.")
    assert not any(s == "Kite Hill" for s, *_ in kinds(text, FactKind.EPISODES))


def test_a_paragraph_turning_to_another_show_keeps_its_parts_there():
    text = ("Two shows by one writer\n\n\u2018Salt Road\u2019 is the better show. Mira Holt plays Oona Vey.\n\n"
            "Then there is \u2018Kite Hill\u2019, which is gentler. Go Ara-mi plays the teacher Bae Yun-seo.")
    assert roles(text) == {("Mira Holt", "Oona Vey", "Salt Road"), ("Go Ara-mi", "Bae Yun-seo", "Kite Hill")}
    # a paragraph that only names another show in passing stays with the article's show
    text = ("Two shows by one writer\n\n\u2018Salt Road\u2019 is the better show. Mira Holt plays Oona Vey.\n\n"
            "Unlike \u2018Kite Hill\u2019, it is never gentle. Go Ara-mi plays the teacher Bae Yun-seo.")
    assert ("Go Ara-mi", "Bae Yun-seo", "Salt Road") in roles(text)


# -- round 23: unseen page layouts ------------------------------------------------------------------------------

_R23_GUIDE = ("New this week: \u2018Salt Meadow\u2019 and more\n\n"
              "Here is what is new.\n\n"
              "SALT MEADOW\nWhere: Netflix | When: Friday\nCast: Ines Varga, Tomas Reyl\n\n"
              "Ines Varga plays Ada Brook, a shepherd.\n\n"
              "THE PAPER LANTERN CLUB\nWhere: Viki | When: Available now\nCast: Oh Min-seo\n\n"
              "Oh Min-seo plays Yoon Da-eun, a student. Ten episodes.\n")


def test_r23_capital_headings_over_a_where_line_head_sections():
    assert roles(_R23_GUIDE) == {("Ines Varga", "Ada Brook", "Salt Meadow"),
                                 ("Oh Min-seo", "Yoon Da-eun", "The Paper Lantern Club")}
    assert ("Tomas Reyl", "Salt Meadow") in cast(_R23_GUIDE)
    assert {(s, p) for s, _, p, *_ in kinds(_R23_GUIDE, FactKind.PLATFORM)} == {
        ("Salt Meadow", "Netflix"), ("The Paper Lantern Club", "Viki")}
    # capitals with no "Where:" line under them are a kicker, no show
    plain = _R23_GUIDE.replace("Where: Netflix | ", "").replace("Where: Viki | ", "")
    assert not any(s == "The Paper Lantern Club" for s, *_ in kinds(plain, FactKind.PLATFORM))
    assert ("Oh Min-seo", "Yoon Da-eun", "The Paper Lantern Club") not in roles(plain)


def test_r23_minutes_after_the_episode_count():
    text = HEAD + "Eight episodes, roughly 50 minutes each."
    assert {n for *_, n, _ in kinds(text, FactKind.EPISODE_MINUTES)} == {50}
    # minutes with no "each" are a total, not an episode's length
    assert kinds(HEAD + "Eight episodes, 50 minutes of it set at sea.", FactKind.EPISODE_MINUTES) == set()


def test_r23_a_subject_of_any_origin_before_an_aside_keeps_its_part():
    text = HEAD + "Cast: Ines Varga, Tomas Reyl\n\nInes Varga, in her first lead since her Emmy win, plays Ada Brook."
    assert roles(text) == {("Ines Varga", "Ada Brook", "Lantern Harbour")}
    # a name the article writes only once, of no shape known to be a person's, is no subject
    assert roles(HEAD + "Silver Point, in its first run since 2020, stars as Ada Brook.") == set()


def test_r23_is_back_too_as():
    text = HEAD + "Mira Holt is back, too, as the clerk Oona Vey."
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour")}
    assert roles(HEAD + "Mira Holt is back, too, and Oona Vey is happy.") == set()


def test_r23_a_family_name_is_a_described_part():
    text = HEAD + "Cast: Tomas Reyl, Ines Varga\n\nReyl is Luke, the winemaker who lies; Varga plays Ada Brook."
    assert ("Tomas Reyl", "Luke", "Lantern Harbour") in roles(text)
    # a family name the article never gives a full name for, or a place after "is", is no part
    assert not any(c == "Luke" for _, c, _ in roles(HEAD + "Reyl is Luke, the winemaker who lies."))
    text = HEAD + "Cast: Tomas Reyl\n\nReyl is Lantern Harbour, the heart of it."
    assert not any(p == "Tomas Reyl" and c != "Ada Brook" for p, c, _ in roles(text))


def test_r23_an_awards_ceremony_and_a_part_s_job_title_are_no_show_or_crew():
    text = HEAD + "Mira Holt won a prize at the KBS Drama Awards last year."
    assert not any(s == "Awards" for s, *_ in kinds(text, FactKind.PLATFORM))
    text = HEAD + "Tomas Reyl has been cast as Oona's demanding boss, Director Kang Dae-pil."
    assert kinds(text, FactKind.DIRECTOR) == set()
    assert roles(text) == {("Tomas Reyl", "Kang Dae-pil", "Lantern Harbour")}
    # a director named after a comma that closes no part is still the show's director
    text = HEAD + "The series was shot in Busan, and Director Kang Dae-pil keeps it moving."
    assert {p for _, p, *_ in kinds(text, FactKind.DIRECTOR)} == {"Kang Dae-pil"}


def test_r23_joining_the_pair_and_earlier_work_in_passing():
    text = HEAD + "Mira Holt joins the pair as Oona Vey, a clerk."
    assert roles(text) == {("Mira Holt", "Oona Vey", "Lantern Harbour")}
    text = HEAD + "Mira Holt plays Oona Vey. Holt appeared in the MBC comedy \u2018Seoul Runners\u2019 last year."
    assert ("Mira Holt", "Seoul Runners") in cast(text)
    text = HEAD + ("Mira Holt plays Oona Vey. Holt, who drew attention as the courier in Netflix's \u2018Midnight "
                   "Relay\u2019, was discharged.")
    assert ("Mira Holt", "Midnight Relay") in cast(text)
    # a bare "appeared in" before a place, and someone the article does not cast, say nothing
    assert cast(HEAD + "Mira Holt plays Oona Vey. Holt appeared in Busan last year.") == set()
    text = HEAD + "Mira Holt plays Oona Vey. Dae Park, who drew attention as a cop in \u2018Night Relay\u2019, waved."
    assert cast(text) == set()


def test_r23_her_role_as_told_of_the_sentence_s_subject_by_family_name():
    text = HEAD + ("Seo Ji-an plays Oona Vey. Seo debuted in 2019 and won a prize for her role as the violinist "
                   "Ahn Sol in KBS2's \u2018Quiet Strings\u2019.")
    assert ("Seo Ji-an", "Ahn Sol", "Quiet Strings") in roles(text)
    # a family name of nobody the article casts is no one's
    assert ("Seo Ji-an", "Ahn Sol", "Quiet Strings") not in roles(text.replace("Seo debuted", "Kim debuted"))


def test_r23_brought_to_life_by_after_an_aside_and_a_gapped_second_pair():
    text = HEAD + ("The middle child, Yoo Da-mi, a failed poet who never left, is brought to life by Gong Ha-yeon, "
                   "and the youngest, Yoo Da-jun, by Nam Tae-ho in his first major role.")
    assert roles(text) == {("Gong Ha-yeon", "Yoo Da-mi", "Lantern Harbour"),
                           ("Nam Tae-ho", "Yoo Da-jun", "Lantern Harbour")}
    # "by" after no verb of playing names no actor
    assert roles(HEAD + "The middle child, Yoo Da-mi, is loved by Gong Ha-yeon.") == set()


def test_r23_a_comma_inside_the_closing_quote_is_no_part_of_the_title():
    text = HEAD + "Mira Holt, remembered for \"Rice Cake Road,\" plays Oona Vey. \"Rice Cake Road\" aired on MBC."
    assert ("Rice Cake Road", "MBC") in {(s, p) for s, _, p, *_ in kinds(text, FactKind.PLATFORM)}
    # a quoted remark that ends with a comma stays no title
    text = HEAD + "\"I wanted to make a quiet drama,\" Kang said. It streams on Netflix."
    assert not any("quiet" in (s or "") for s, *_ in kinds(text, FactKind.PLATFORM))


def test_r23_a_full_name_is_a_described_part_and_a_count_before_minutes():
    text = HEAD + "The basics: Jang Seo-yun is Yeon-hwa, a 999-year-old fox who wants to be human."
    assert roles(text) == {("Jang Seo-yun", "Yeon-hwa", "Lantern Harbour")}
    # a place after "is" is no part; a name of no person's shape, written once, is no actor
    assert roles(HEAD + "The basics: Jang Seo-yun is Busan, a port city.") == set()
    assert roles(HEAD + "The basics: Silver Point is Marlow, a town by the sea.") == set()
    text = HEAD + "It's 16 episodes, roughly 65 minutes each."
    assert {n for *_, n, _ in kinds(text, FactKind.EPISODES)} == {16}
    assert kinds(HEAD + "It's 16 episodes, give or take.", FactKind.EPISODES) == set()


def test_a_part_in_apposition_to_an_actor_and_a_fronted_part():
    text = ("JTBC's 'Pear Orchard' holds its first script reading\n\n"
            "Jang Ye-won plays Kang Yu-ri in JTBC's 'Pear Orchard'.\n\n"
            "Veteran actress Ahn Bok-sun, the siblings' sharp-tongued grandmother Kim Deok-hee, stole the room. "
            "In the role of middle child Kang Yu-seok, a failed cook who left home, Choi Gun-woo displayed a "
            "knack for comedy.")
    assert {("Ahn Bok-sun", "Kim Deok-hee", "Pear Orchard"),
            ("Choi Gun-woo", "Kang Yu-seok", "Pear Orchard")} <= roles(_wire(text))
    # "actor A, the director B": a job is no part
    other = HEAD + "Mira Holt plays Oona Vey. Actor Lee Min-jun, the director Park Chan-il, and others came."
    assert not any(p == "Lee Min-jun" for p, *_ in roles(other))


def test_season_inside_an_unquoted_title_and_credits_after_a_platform_s_possessive():
    text = ("TVING's 'Vault Nine' review\n\n"
            "TVING's 'Vault Nine' is a heist drama. Gong Ha-ri, who broke out as the runaway bride Yeo Bo-ra in "
            "JTBC's Wedding Season Strikes Back, plays Choo Da-in. Twelve episodes, each around 70 minutes, are "
            "written by Ko Yeon-ja, who also wrote Coupang Play's Red Ink.")
    facts = facts_of(_wire(text))
    assert ("Gong Ha-ri", "Yeo Bo-ra", "Wedding Season Strikes Back") in roles(_wire(text))
    assert not any(f.show == "Wedding" for f in facts)
    assert ("Red Ink", "Ko Yeon-ja") in {(s, p) for s, p, *_ in kinds(_wire(text), FactKind.WRITER)}
    # the run is the show's, not the one in the writer's clause
    assert {(s, n) for s, _, _, _, n, _ in kinds(_wire(text), FactKind.EPISODE_MINUTES)} == {("Vault Nine", 70)}
    # a season's number still ends a title
    assert not any("Season" in (f.show or "") for f in facts_of(HEAD + "Lantern Harbour Season 2 is coming."))


def test_a_part_played_in_the_first_season_is_that_season_s():
    text = ("'Night Relay 2' confirmed for Coupang Play\n\n"
            "Season 2 of 'Night Relay' is coming to Coupang Play. Ryu Ji-an returns as Park Do-yun.\n\n"
            "Kim Bit-sol, who played Do-yun's ex-wife Seo Yun-hee in the first season, will not appear.")
    found = roles(_wire(text))
    assert ("Kim Bit-sol", "Seo Yun-hee", "Night Relay season 1") in found
    assert not any(p == "Kim Bit-sol" and s == "Night Relay season 2" for p, s in cast(_wire(text)))


# Round 24: general mechanisms found on unseen articles


def test_r24_an_earlier_part_in_a_lower_case_platform_s_show_or_after_describing_words():
    text = HEAD + ("Mira Holt plays Oona Vey. Jang Se-ri, best known for playing the shy baker Kim Bo-ra in "
                   "tvN's Rice Cake Road, plays Oona's sister Oona Kim. Rice Cake Road aired on tvN.")
    assert ("Jang Se-ri", "Kim Bo-ra", "Rice Cake Road") in roles(text)
    text = HEAD + ("Mira Holt plays Oona Vey. For Holt, who played Hana Lee in KBS2's period saga "
                   "\u201cWillow Gate\u201d, it is a first modern role. Willow Gate aired on KBS2.")
    assert ("Mira Holt", "Hana Lee", "Willow Gate") in roles(text)
    # describing words before an unquoted name are no show: the part stays in the article's show
    text = HEAD + "Mira Holt plays Oona Vey. Jang Se-ri played the baker Kim Bo-ra in their old town Busan."
    assert ("Jang Se-ri", "Kim Bo-ra", "Lantern Harbour") in roles(text)


def test_r24_a_rank_and_a_title_before_a_character_s_name():
    text = HEAD + "Mira Holt plays Crown Princess Hye-won, and Jang Se-ri plays Grand Prince Yi Seon-gu."
    assert roles(text) == {("Mira Holt", "Hye-won", "Lantern Harbour"),
                           ("Jang Se-ri", "Yi Seon-gu", "Lantern Harbour")}
    # before a family name alone the rank and title stay: they are how the part is known
    assert roles(HEAD + "Mira Holt plays Crown Princess Yoon.") == {("Mira Holt", "Crown Princess Yoon",
                                                                     "Lantern Harbour")}


def test_r24_the_first_part_of_an_anthology_leads_a_sentence():
    text = ("Review: 'Moonflower 2' finds a new couple\n\n"
            "Moonflower 2 is the second part of Streamline's romance anthology Moonflower. "
            "The first instalment paired Mira Holt with Jang Se-ri as Oona Vey. "
            "This time Kang Do-yun plays Yoo Bin-na.")
    r = roles(text)
    assert any(p == "Jang Se-ri" and s != "Moonflower 2" and "1" in (s or "") for p, _, s in r)
    assert any(p == "Kang Do-yun" and "2" in (s or "") for p, _, s in r)


def test_r24_brought_to_life_after_a_long_aside_by_the_veteran():
    text = HEAD + ("Kwon Mi-sook, a retired teacher who still owns the building and never lets her son forget it, "
                   "is brought to life by the veteran Pyeon Ha-na.")
    assert roles(text) == {("Pyeon Ha-na", "Kwon Mi-sook", "Lantern Harbour")}
    assert roles(HEAD + "Kwon Mi-sook, a retired teacher, is loved by the veteran Pyeon Ha-na.") == set()


def test_r24_two_romanisations_of_one_name_are_one_person():
    text = HEAD + ("Kwon Mi-sook is brought to life by the veteran Pyeon Ha-na.\n\nLantern Harbour\n"
                   "Starring: Pyun Ha-na, Jang Se-ri")
    assert ("Pyun Ha-na", "Lantern Harbour") not in cast(text)
    assert ("Pyeon Ha-na", "Pyun Ha-na") in {(s, a) for s, p, _, _, _, a in kinds(text, FactKind.ALIAS)} | {
        (p, a) for s, p, _, _, _, a in kinds(text, FactKind.ALIAS)}
    # another given name is another person
    text = HEAD + ("Kwon Mi-sook is brought to life by Pyeon Ha-na.\n\nLantern Harbour\nStarring: Pyun Ha-ra")
    assert ("Pyun Ha-ra", "Lantern Harbour") in cast(text)


def test_r24_a_search_box_before_the_tags_line_is_no_article_text():
    page = ("Saltwater Review: Quiet and Kind\n\nKettle Notes\n"
            "Home | Reviews | Recaps | My Watchlist | About Me | Contact\nSearch this blog...\n\n"
            "Saltwater Review: Quiet and Kind\n\nPosted on May 2 by reeds\nTags: Netflix, K-drama\n\n"
            "Hi all! Saltwater is a quiet drama, and Mira Holt plays Oona Vey with great warmth.")
    assert "Mira Holt plays Oona Vey" in _wire(page)
    # a tags line after the article's own text still ends it
    page = ("Saltwater Review\n\nSaltwater is a quiet drama about a ferry town and the people in it, told slowly. "
            "Mira Holt plays Oona Vey.\nTags: Netflix, K-drama\nKang Bo-ra plays Yoo Min in another show.")
    assert "Kang Bo-ra" not in _wire(page)


def test_r24_a_season_the_reader_skipped_owns_the_count_the_series_name_gives():
    text = ("Glass Harbour season 2 review: louder\n\nGlass Harbour season 2 is on Netflix. For anyone who skipped "
            "season one: Glass Harbour was a surprise hit, an eight-episode thriller. Season 2 has ten episodes.")
    counts = {(s, n) for s, _, _, _, n, _ in kinds(text, FactKind.EPISODES)}
    assert ("Glass Harbour season 1", 8) in counts and ("Glass Harbour season 2", 8) not in counts
    # a count in a sentence naming no other season stays with the season the article is about
    text = ("Glass Harbour season 2 review: louder\n\nGlass Harbour season 2 is on Netflix. "
            "Glass Harbour is an eight-episode thriller.")
    assert {n for s, _, _, _, n, _ in kinds(text, FactKind.EPISODES) if s == "Glass Harbour season 2"} == {8}


def test_r24_a_list_item_s_marker_does_not_hide_its_subject():
    text = HEAD + "The new faces:\n- Do Ha-rin is Magpie, a rival courier with a white helmet.\n- Nam Gi-su is here."
    assert ("Do Ha-rin", "Magpie", "Lantern Harbour") in roles(text)
    # a hyphen inside a line is no marker
    assert roles(HEAD + "The new faces - Do Ha-rin is here.") == set()


def test_r24_a_place_before_a_noun_describes_a_part_and_names_no_second_one():
    assert roles(HEAD + "Kim Da-hye plays Takeshi Mori, a super polite Osaka fixer.") == {
        ("Kim Da-hye", "Takeshi Mori", "Lantern Harbour")}
    # two parts in a list are still two
    assert roles(HEAD + "Kim Da-hye and Park Bo-ra play the couriers Raven and Magpie.") == {
        ("Kim Da-hye", "Raven", "Lantern Harbour"), ("Park Bo-ra", "Magpie", "Lantern Harbour")}


def test_r24_a_pronoun_played_by_names_the_part_of_the_sentence_before():
    text = HEAD + ("Much of the charm comes from her younger brother, Yoo Da-jun, who is deaf. He is played by "
                   "Nam Tae-ho, himself a deaf actor.")
    assert roles(text) == {("Nam Tae-ho", "Yoo Da-jun", "Lantern Harbour")}
    # across a paragraph break the pronoun may mean anyone: nothing
    text = HEAD + "Her younger brother is Yoo Da-jun.\n\nHe is played by Nam Tae-ho."
    assert ("Nam Tae-ho", "Yoo Da-jun", "Lantern Harbour") not in roles(text)


def test_r24_casting_news_verbs_lists_and_cameos():
    text = HEAD + ("Streamline announced the complete cast, confirming Kim Da-hye, Park Bo-ra and Luna, with a "
                   "special appearance by Ha Seo-jin. Kim Da-hye takes the lead as Yoo Min-ji. Park Bo-ra rounds "
                   "out the crew as Jo Han-sol. There's a fun cameo from Nam Gi-su in episode 4.")
    assert {("Kim Da-hye", "Yoo Min-ji", "Lantern Harbour"), ("Park Bo-ra", "Jo Han-sol", "Lantern Harbour")} \
        <= roles(text)
    assert {("Kim Da-hye", "Lantern Harbour"), ("Ha Seo-jin", "Lantern Harbour"),
            ("Nam Gi-su", "Lantern Harbour")} <= cast(text)
    # "confirmed" without casting words is no cast list; a cameo in a musical's talk is still read only as said
    text = HEAD + "Mira Holt plays Oona Vey. The agency confirmed Kim Da-hye, Park Bo-ra and Jo Han-sol will marry."
    assert not {p for p, _ in cast(text)} & {"Kim Da-hye", "Park Bo-ra", "Jo Han-sol"}


def test_a_fact_box_gives_the_run_and_each_episode_s_length():
    box = "Netflix's 'Glass Kite' is a thriller. Kim Ha-ra plays Yoon Seo-ji.\n\nTitle: Glass Kite\n"
    head = "Glass Kite review: a tense thriller\n\n"

    def run(line: str) -> set:
        facts = facts_of(_wire(head + box + line))
        return {(f.kind, f.number) for f in facts if f.kind in (FactKind.EPISODES, FactKind.EPISODE_MINUTES)}

    assert run("Episodes: 10 (55 minutes each)") == {(FactKind.EPISODES, 10), (FactKind.EPISODE_MINUTES, 55)}
    assert run("Running time: 48 min. per episode") == {(FactKind.EPISODE_MINUTES, 48)}
    assert run("Runtime: 8 x 45 minutes") == {(FactKind.EPISODES, 8), (FactKind.EPISODE_MINUTES, 45)}
    # a length not said to be each episode's is a film's, or the whole run's
    assert run("Length: 120 minutes") == set()


def test_a_portrayal_of_and_stepping_into_the_shoes_of_a_part():
    text = ("'Glass Kite' review\n\nKim Ha-ra plays Yoon Seo-ji in 'Glass Kite'. Lee Do-jin, praised for his "
            "portrayal of Cha Min-gu in Disney+'s 'Iron Hill', steps into the shoes of detective Baek Jun-ho.")
    assert {("Lee Do-jin", "Cha Min-gu", "Iron Hill"), ("Lee Do-jin", "Baek Jun-ho", "Glass Kite")} <= roles(_wire(text))
    assert roles(HEAD + "Mira Holt steps into the shoes of her late mother.") == set()
