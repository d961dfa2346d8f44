"""Rule type `name-consistency`: mentions, keys, clusters, canonical choice, guards."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, make_rule
from tqcheck.documents import Article, Document
from tqcheck.errors import RuleError

TABLES = ROOT / "rules" / "names" / "transliteration"

# The shipped conventions without a house list: whatever these tests find, clustering found.
RULE = f"""\
id: names/test
type: name-consistency
category: Fluency/Inconsistency
severity: warning
fix: true
message: "'{{text}}' -> '{{suggestion}}' ({{reason}})"
transliteration: [{TABLES}/fr.yaml, {TABLES}/de.yaml, {TABLES}/es.yaml, {TABLES}/it.yaml]
similarity: 80
min_length: 5
languages:
  en:
    skeleton: {{y: i, kh: h, ph: f}}
    titles: [Mr, President, Minister, Foreign, Opposition, Lord]
    particles: [al, bin, de, van, von, der]
    common_words: [The, In, Both, And]
    inflections: [s, es, n, an, ic, y]
    unconventional: ["[àâäçèéêëìíîïñòóôöùúûüý]", "tsch|sch", "[aeiou]j[aeiou]|j$|ja$",
                     "ow$|owa$|ew$|jew", "ou[a-z]", "ine$", "tch"]
  de:
    capitalised_nouns: true
    headline_share: 0.9
    skeleton: {{y: i}}
    titles: [Herr, Frau, Präsident]
    particles: [von, der]
    common_words: [Der, Die, Das, Ein, Eine]
    inflections: [e, en, er, es, em, n, s, r, ern, ns]
"""


@pytest.fixture(scope="module")
def rule():
    return make_rule(RULE)


def hits(rule, text: str, lang: str = "en", source: str | None = None):
    """(flagged text, suggestion) pairs, in order."""
    article = Article(id="t", target=Document(path="t.txt", text=text, lang=lang),
                      source_lang=source)
    return [(f.text, f.suggestion) for f in rule.run(article)]


def test_invented_names_are_clustered_without_any_list(rule):
    text = ("Vassili Ivantchenko won the regional vote on Sunday. His rival said that "
            "Vasily Ivanchenko had bought it. Ivantchenko denied this on the radio.")
    found = hits(rule, text)
    assert ("Ivantchenko", "Ivanchenko") in found
    assert found.count(("Ivantchenko", "Ivanchenko")) == 2
    assert {pair[0] for pair in found} & {"Vassili", "Vasily"}
    assert "Ivanchenko" not in {pair[0] for pair in found}


def test_target_convention_beats_a_source_spelling_majority(rule):
    text = " ".join(["Then Tichanowskaja spoke."] * 6 + ["Later Tikhanovskaya left."])
    found = hits(rule, text, source="de")
    assert found == [("Tichanowskaja", "Tikhanovskaya")] * 6


def test_frequency_decides_between_two_conventional_spellings(rule):
    text = "Her name is Marta Kowalik. Then Kowalik spoke, and Kowalik left. Kovalik waved."
    assert hits(rule, text) == [("Kovalik", "Kowalik")]


def test_surname_alone_and_possessive_join_the_cluster(rule):
    text = "Minister Boris Vershinin came. Vershinin's plan failed; Versinin resigned."
    assert [pair[0] for pair in hits(rule, text)] in (["Versinin"], ["Vershinin", "Vershinin"])


@pytest.mark.parametrize("text", [
    "Iran sent a team. Iraq sent a team too. Both Iran and Iraq signed.",
    "Austria won and Australia lost; Austria then met Australia again.",
    "Niger and Nigeria share a border. Troops left Niger for Nigeria.",
    "Slovakia and Slovenia voted. The envoy of Slovakia met Slovenia's envoy.",
    "Sudan and South Sudan met. South Sudan thanked Sudan.",
    "Kim Jong-un succeeded Kim Jong-il. Kim Jong-il had ruled since 1994.",
    "Ivan Ivanov and Maria Ivanova voted. Ivanov then met Ivanova.",
    "Boris Johnson met Lord Johnston. Johnston then called Johnson.",
    "Donald Trump and Melania Trump arrived. Melania Trump waved; Donald Trump spoke.",
])
def test_names_that_only_look_alike_are_not_merged(rule, text):
    assert hits(rule, text) == []


def test_german_nouns_are_not_names(rule):
    text = ("Die Polizeibeamten kamen am Abend. Ein Polizeibeamter sagte, die Beamten der "
            "Bundespolizei hätten den Bahnhof geräumt. Der Bundespolizist nannte keine Namen. "
            "Laut Polizeiangaben und Polizeibehörden war die Lage ruhig.")
    assert hits(rule, text, lang="de") == []


def test_german_names_in_runs_are_still_compared(rule):
    text = ("Herr Olaf Schmidt sprach. Olaf Schmitt antwortete, und Olaf Schmidt ging. "
            "Dann kam Olaf Schmidt zurück.")
    assert hits(rule, text, lang="de") == [("Schmitt", "Schmidt")]


def test_sentence_starts_and_headlines_do_not_make_names(rule):
    text = ("Economic Forum Opens In Tirana With Record Crowd\n"
            "Economy ministers met in Tirana. Economics was the theme.\n")
    assert hits(rule, text) == []


def test_all_capitals_are_not_names(rule):
    assert hits(rule, "POUTINE SAID NO. Then Putin spoke.") == []


def test_words_the_text_writes_in_lower_case_are_not_names(rule):
    text = "The Tourists came early. Many tourists stayed; the Tourism office was closed."
    assert hits(rule, text) == []


def test_unconventional_hits_are_fixable_and_ties_are_not(rule):
    article = Article(id="t", target=Document(
        path="t.txt", text="Olga Sokolowa spoke. Sokolova left.", lang="en"))
    [finding] = rule.run(article)
    assert (finding.text, finding.suggestion, finding.fixable) == ("Sokolowa", "Sokolova", True)
    tie = Article(id="t", target=Document(
        path="t.txt", text="Dana Berezin spoke. Then Dana Beresin left.", lang="en"))
    [finding] = rule.run(tie)
    assert finding.fixable is False


def test_languages_without_settings_are_skipped(rule):
    assert hits(rule, "Vassili Ivantchenko et Vasily Ivanchenko.", lang="fr") == []


def test_unknown_parameter_in_a_language_is_an_error():
    with pytest.raises(RuleError, match="unknown key 'titels'"):
        make_rule(RULE + "    titels: [Herr]\n")


def test_invalid_unconventional_pattern_is_an_error():
    with pytest.raises(RuleError, match="invalid regular expression"):
        make_rule(RULE.replace('"tch"]', '"tch", "("]'))


def test_missing_transliteration_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(RuleError, match="nowhere.yaml"):
        make_rule(RULE.replace(f"{TABLES}/it.yaml", str(tmp_path / "nowhere.yaml")))


def test_a_table_with_an_unknown_key_is_an_error_naming_its_file(tmp_path):
    table = tmp_path / "xx.yaml"
    table.write_text("data: transliteration\nlanguage: xx\nreplace: {a: b}\nendigns: {}\n",
                     encoding="utf-8")
    with pytest.raises(RuleError, match="unknown key 'endigns'") as caught:
        make_rule(RULE.replace(f"{TABLES}/it.yaml", str(table)))
    assert caught.value.path.endswith("xx.yaml") and caught.value.line == 4


def test_a_rule_file_is_not_a_table(tmp_path):
    table = tmp_path / "xx.yaml"
    table.write_text("id: a/b\ntype: variants\n", encoding="utf-8")
    with pytest.raises(RuleError, match="data: transliteration"):
        make_rule(RULE.replace(f"{TABLES}/it.yaml", str(table)))


def test_the_house_list_names_over_300_people_and_places_and_renamed_places_say_when():
    from tqcheck.loader import default_rules_dir, load_rules

    [shipped] = [r for r in load_rules([default_rules_dir() / "names"])
                 if r.type == "name-consistency"]
    house = shipped.check.languages["en"].house
    assert len(house.entries) >= 300
    assert house.since()["Kyiv"] == "2019" and house.since()["Mumbai"] == "1995"
    article = Article(id="t", target=Document(
        path="t.txt", text="They flew from Bombay to Kiev.", lang="en"))
    assert [(f.text, f.suggestion, f.fixable) for f in shipped.run(article)] == [
        ("Bombay", "Mumbai", True), ("Kiev", "Kyiv", True)]
    assert "since 2019" in shipped.run(article)[1].message


def test_given_names_of_different_people_are_not_merged(rule):
    text = "Vladimir Putin called Volodymyr Zelensky. Later Vladimir Putin hung up."
    assert hits(rule, text) == []
    assert hits(rule, "Volodymyr Zelensky spoke. Then Volodimir Zelensky left.") == [
        ("Volodimir", "Volodymyr")]


# A canonical spelling that holds another's variant: where the text writes it, the variant is
# no variant.
HOUSE_LIST = """\
data: names
language: en
places:
  Mumbai: [Bombay]
  Bombay Stock Exchange: [Bombay Stock Market]
  Kyiv: [Kiev]
  O’Neill: [O’Neil]
"""
PIECES = ["Bombay", "Mumbai", "Stock", "Exchange", "Market", "Kiev", "Kyiv", "x"]


@pytest.fixture(scope="module")
def house_language(tmp_path_factory):
    house = tmp_path_factory.mktemp("house") / "en.yaml"
    house.write_text(HOUSE_LIST, encoding="utf-8")
    with_house = RULE.replace("  en:\n", f"  en:\n    house_list: {house}\n")
    return make_rule(with_house).check.languages["en"]


def test_a_spelling_with_a_curly_apostrophe_is_matched_with_either_apostrophe(house_language):
    text = "O’Neil met O'Neil and O'Neill."
    assert list(house_language.house_variants(text)) == [(0, 6, "O’Neill"), (11, 17, "O’Neill")]


def test_a_variant_inside_a_house_spelling_is_looked_at_and_not_flagged(house_language):
    text = "Shares fell on the Bombay Stock Exchange."
    assert list(house_language.house_variants(text)) == []
    assert list(house_language.house_variants("Shares fell in Bombay.")) == [
        (15, 21, "Mumbai")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", ", ", "-"])),
                max_size=12).map(lambda pairs: "".join(w + s for w, s in pairs)))
def test_the_house_variants_are_the_variants_among_every_house_list_match(house_language, text):
    house = house_language.house.canonical_of()
    every = [(start, end, house[key])
             for start, end, key in house_language.house_matcher.finditer(text)
             if house[key] != key]
    assert list(house_language.house_variants(text)) == every
