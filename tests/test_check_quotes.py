"""Rule type `quotes` with the shipped pack: each defect class, apostrophes, locales, fixes."""

from pathlib import Path

import pytest

from tests.helpers import ROOT, make_rule
from tqcheck.documents import Article, Document
from tqcheck.engine import Engine
from tqcheck.errors import RuleError
from tqcheck.loader import load_rules
from tqcheck.punctuation import scan as scan_module

PACK = ROOT / "rules" / "punctuation" / "quotes.yaml"
RULES = load_rules([PACK])
FIXTURES = Path(__file__).parent / "fixtures"


def article(text: str, lang: str = "en", source: str | None = None,
            source_lang: str | None = None) -> Article:
    doc = Document(path=f"t.{lang}.txt", text=text, lang=lang)
    src = None if source is None else Document(path="s.txt", text=source, lang=source_lang)
    return Article(id="t", target=doc, source=src, source_lang=source_lang)


def found(text: str, lang: str = "en", **kwargs) -> list[tuple[str, str]]:
    """(rule id, flagged text) of every quotes finding."""
    return [(f.rule, f.text) for f in Engine(RULES).lint(article(text, lang, **kwargs))]


def test_well_punctuated_english_news_has_no_finding():
    text = (FIXTURES / "well_punctuated.en.txt").read_text(encoding="utf-8")
    assert found(text) == []


def test_the_clean_file_is_checked_at_all():
    # the same file with one closing mark lost must be flagged (the test above can fail)
    text = (FIXTURES / "well_punctuated.en.txt").read_text(encoding="utf-8")
    broken = text.replace("It is not a luxury.”", "It is not a luxury.", 1)
    assert ("quotes/unbalanced", "“") in found(broken)


def test_well_set_german_has_no_finding():
    text = (FIXTURES / "gut_gesetzt.de.txt").read_text(encoding="utf-8")
    assert found(text, "de") == []


@pytest.mark.parametrize("text", [
    "“The first paragraph opens.\n\n“The second one continues and closes.”",
    "“One paragraph.\n“The next line continues.”",
])
def test_a_quotation_over_several_paragraphs_is_balanced(text):
    assert found(text) == []


def test_an_unclosed_quotation_before_an_unquoted_paragraph_is_unbalanced():
    assert found("“It opens here.\n\nAnd nothing continues it.") == [("quotes/unbalanced", "“")]


def test_a_closing_mark_with_nothing_open_is_unbalanced():
    assert found("He spoke of a turning point.” Then he left.") == [("quotes/unbalanced", "”")]


@pytest.mark.parametrize("text", [
    "Don't say it's over: Putin’s aides met at l’Élysée.",
    "They played rock ’n’ roll like in the ’90s, the players’ union said.",
    "‘Never,’ she said, and the fans' chant went on.",
    "“He told me, ‘Come back tomorrow,’ and left,” she said.",
])
def test_apostrophes_are_not_quotation_marks(text):
    assert found(text) == []


def test_misplaced_closing_mark_is_moved_back_to_its_word():
    [finding] = Engine(RULES).lint(article("“I worry about him, ”tackles the coach."))
    assert (finding.rule, finding.text, finding.suggestion) == ("quotes/misplaced-mark", " ”", "” ")
    assert finding.fixable


def test_opening_mark_followed_by_a_space():
    assert found("He said “ we will see” and left.") == [("quotes/misplaced-mark", "“ ")]


def test_glued_words_and_their_exceptions():
    assert found("We do not want a crisisAnna Berg told the agency.") == [
        ("quotes/glued-words", "crisisAnna")]
    assert found("She bought an iPhone on eBay, then watched YouTube at McDonald's with "
                 "MacArthur fans and LeBron.") == []


def test_a_camel_case_token_the_article_repeats_is_a_name():
    assert found("The studio fooBar opened. Visitors love fooBar.") == []


def test_unmarked_speech_needs_a_first_person_clause_and_a_named_speaker():
    assert found("Let's stay calm, declared Mr. Hansen.") == [
        ("quotes/unmarked-speech", "Let's stay calm, declared Mr. Hansen.")]
    assert found("The plan is sound, declared Mr. Hansen.") == []
    assert found("“Let's stay calm,” declared Mr. Hansen.") == []


def test_attribution_residue():
    assert found("Nobody will pay for it., writes Anna Berg.") == [
        ("quotes/attribution-residue", "it., writes")]


@pytest.mark.parametrize("text, expected", [
    ("They met in secret. talks went on.", [("punctuation/cut-sentence", "secret. talks")]),
    ("Prices rose approx. three percent in the U.S. last year, i.e. a lot.", []),
    ("It ended. .", [("punctuation/doubled", ". .")]),
    ("Apples, pears, etc., were sold... and then. . . nothing.", []),
    ("Read also : the report", [("punctuation/source-spacing", " :")]),
    ("He called it « a provocation ».", [("quotes/foreign-mark", "« "),
                                         ("quotes/foreign-mark", " »")]),
])
def test_boundaries_and_spacing(text, expected):
    assert found(text) == expected


def test_german_marks_follow_the_locale_table():
    result = Engine(RULES).lint(article('Er sprach von einem "Wendepunkt" und ging.', "de"))
    assert [(f.rule, f.text, f.suggestion) for f in result] == [
        ("quotes/foreign-mark", '"', "„"), ("quotes/foreign-mark", '"', "“")]
    assert found("Er sprach von einem „Wendepunkt“ und »Neubeginn«.", "de") == []
    assert found("Er sprach von einem 'Wendepunkt' und ging.", "de") == [
        ("quotes/foreign-mark", "'"), ("quotes/foreign-mark", "'")]
    assert found("Die Gespräche - geheim geführt - scheiterten.", "de") == [
        ("punctuation/spaced-hyphen", " - "), ("punctuation/spaced-hyphen", " - ")]


def test_english_house_style_is_consistent_within_an_article():
    text = "“One,” she said. “Two,” he said.\n\n\"Three,\" they said."
    assert found(text) == [("quotes/mixed-style", '"'), ("quotes/mixed-style", '"')]
    assert found("\"One,\" she said.\n\n\"Two,\" he said.") == []


def test_quotation_count_is_compared_with_the_aligned_source():
    source = "“We stay,” she said.\nHe left."
    lost = found("We stay, she said.\nHe left.", source=source, source_lang="en")
    assert lost == [("quotes/count-mismatch", "We stay, she said.")]
    assert found("“We stay,” she said.\nHe left.", source=source, source_lang="en") == []
    # no comparison without a source, nor for a source language not listed
    assert found("We stay, she said.\nHe left.") == []
    assert found("We stay, she said.\nHe left.", source="“我们留下，”她说。\n他走了。",
                 source_lang="zh") == []


def test_every_paragraph_is_scanned_once_for_all_rules(monkeypatch):
    calls = []
    original = scan_module.scan

    def counting(art, conventions):
        calls.append(art.id)
        return original(art, conventions)

    monkeypatch.setattr("tqcheck.checks.quotes.scan", counting)
    Engine(RULES).lint(article("It ended. .", "en"))
    assert len(calls) == 1 and len(RULES) > 5


RULE = """\
id: house/q
type: quotes
defect: unbalanced
category: Fluency/Punctuation
severity: warning
message: "{mark}"
conventions:
  locales:
    en:
      quotes: {curly: ["“", "”"]}
      single_quotes: {curly: ["‘", "’"]}
"""


def test_a_minimal_rule_of_its_own():
    rule = make_rule(RULE)
    assert [f.text for f in rule.run(article("“Open."))] == ["“"]


@pytest.mark.parametrize("change, error", [
    (("defect: unbalanced", "defect: nonsense"), "unknown defect 'nonsense'"),
    (("      single_quotes", "      style: fancy\n      single_quotes"), "unknown style 'fancy'"),
    (("      quotes: {curly: [\"“\", \"”\"]}", "      quotes: {curly: [\"“\"]}"),
     "must be \\[opening, closing\\]"),
    (("  locales:", "  colour: red\n  locales:"), "unknown key 'colour'"),
    (('message: "{mark}"', 'message: "{source_count}"'), "unknown field"),
])
def test_invalid_settings_are_rule_errors(change, error):
    with pytest.raises(RuleError, match=error):
        make_rule(RULE.replace(*change))


SEED = ROOT.parent / "shared" / "seeds" / "000_b3be838e242535f4.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is not available")
def test_seed_article_defects_and_nothing_else():
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")

    def at(needle: str, flagged: str) -> tuple[int, int, str]:
        """Line and column of `flagged` inside the line that holds `needle`."""
        number = next(i for i, line in enumerate(lines, 1) if needle in line)
        return number, lines[number - 1].index(needle) + needle.index(flagged) + 1, flagged

    speech = "Let's not be hostage to our political disagreements, proclaimed Mr. Poutine."
    expected = {
        ("quotes/attribution-residue", *at("security., writes", "security., writes")),
        ("quotes/unmarked-speech", *at(speech, speech)),
        ("quotes/glued-words", *at("crisisSergey", "crisisSergey")),
        ("punctuation/cut-sentence", *at("processes. elections", "processes. elections")),
        ("punctuation/doubled", *at("Prigojine. .", ". .")),
        ("punctuation/source-spacing", *at("Read also :", " :")),
    }
    result = Engine(RULES).lint(article(text))
    assert {(f.rule, f.line, f.column, f.text) for f in result} == expected


def test_fix_applies_the_safe_fixes_only(tmp_path):
    from typer.testing import CliRunner

    from tqcheck.cli import app

    path = tmp_path / "story.en.txt"
    path.write_text("“I worry about him, ”said the coach. Read also : « the interview ».\n"
                    "It ended,, then. Nobody will pay., writes Anna Berg.\n", encoding="utf-8")
    CliRunner().invoke(app, ["lint", str(path), "--no-default-rules", "--rules", str(PACK),
                             "--fix"])
    assert path.read_text(encoding="utf-8") == (
        "“I worry about him,” said the coach. Read also: “the interview”.\n"
        "It ended, then. Nobody will pay., writes Anna Berg.\n")
