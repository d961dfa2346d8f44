"""Rule types that compare the translation with its source: `copy-through`, `numbers`,
`length-ratio`; and the line alignment they share."""

import pytest

from tests.helpers import ROOT, make_rule
from tqcheck.alignment import aligned_segments, line_spans
from tqcheck.checks.numbers import readings
from tqcheck.documents import Article, Document
from tqcheck.errors import RuleError

HEAD = """\
id: source/t
category: Accuracy/Mistranslation
severity: warning
message: "{text}"
"""
COPY = HEAD + "type: copy-through\n"
NUMBERS = HEAD + f"type: numbers\nlanguages: {ROOT / 'rules' / 'languages'}\n"
LENGTH = HEAD + "type: length-ratio\n"


def found(rule: str, target: str, source: str | None, source_lang: str = "fr") -> list[str]:
    """The texts a rule flags in a target checked against its source."""
    article = Article(id="a", target=Document(path="a.txt", text=target, lang="en"),
                      source=Document(path="s.txt", text=source) if source else None,
                      source_lang=source_lang)
    return [f.text for f in make_rule(rule).run(article)]


def test_lines_align_when_the_non_empty_line_counts_match():
    target = Document(path="t", text="One.\n\n  Two. \nThree.", lang="en")
    source = Document(path="s", text="Un.\nDeux.\n\nTrois.")
    article = Article(id="a", target=target, source=source)
    assert [(s.text, s.source) for s in aligned_segments(article)] == [
        ("One.", "Un."), ("Two.", "Deux."), ("Three.", "Trois.")]
    article.source = Document(path="s", text="Un. Deux.\nTrois.")
    assert aligned_segments(article) is None
    assert line_spans("a\r\n\r\nb") == [(0, 1), (5, 6)]


def test_copy_through_aligned_and_unaligned():
    source = "Le ministre a démissionné lundi soir.\nLa police enquête sur l'incendie du dépôt."
    target = "The minister resigned on Monday evening.\nLa police enquête sur l’incendie du dépôt."
    assert found(COPY, target, source) == ["La police enquête sur l’incendie du dépôt."]
    unaligned = "The minister resigned.\n\nHe left.\nLa police enquête sur l'incendie du dépôt."
    assert found(COPY, unaligned, source) == ["La police enquête sur l'incendie du dépôt."]


def test_copy_through_leaves_short_lines_and_same_language_alone():
    assert found(COPY, "Emmanuel Macron", "Emmanuel Macron") == []
    text = "The council met again on Monday evening."
    assert found(COPY, text, text, source_lang="en") == []
    assert found(COPY, text, None) == []


@pytest.mark.parametrize("token, values", [
    ("3.000", {"3", "3000"}), ("3,000", {"3", "3000"}), ("3 000", {"3000"}),
    ("1,5", {"1.5"}), ("1.234,5", {"1234.5"}), ("1,234.5", {"1234.5"}), ("2023", {"2023"})])
def test_number_readings(token, values):
    assert {format(v, "f") for v in readings(token)} == values


def test_numbers_missing_or_changed_are_reported_per_segment():
    source = "Le taux est passé à 3,5 % en 2023.\nDeux blessés et 1 200 évacués."
    target = "The rate rose to 3.5% in 2022.\nTwo injured and 1,200 evacuated."
    article = Article(id="a", target=Document(path="a.txt", text=target, lang="en"),
                      source=Document(path="s.txt", text=source), source_lang="fr")
    [finding] = make_rule(NUMBERS.replace('"{text}"', '"{numbers}"')).run(article)
    assert (finding.line, finding.message) == (1, "2023")
    assert found(NUMBERS, "Two injured and 1,200 evacuated.", "2 blessés et 1.200 évacués.") == []


def test_numbers_need_aligned_segments():
    assert found(NUMBERS, "The rate rose.", "Le taux a monté.\nDe 3 %.") == []


def test_length_ratio():
    source = "Le Premier ministre a annoncé mardi une hausse des salaires des enseignants."
    assert found(LENGTH, "The prime minister spoke.", source) == ["The prime minister spoke."]
    full = "On Tuesday the prime minister announced a pay rise for teachers."
    assert found(LENGTH, full, source) == []
    assert found(LENGTH, "Yes.", "Oui, certes.") == []


@pytest.mark.parametrize("rule, change, message", [
    (LENGTH, "min_ratio: 1.5\n", "between 0 and 1"),
    (COPY, "min_similarity: 0\n", "between 0 and 100"),
    (NUMBERS.replace(str(ROOT / "rules" / "languages"), "/nowhere"), "", "not found"),
])
def test_parameter_errors(rule, change, message):
    with pytest.raises(RuleError, match=message):
        make_rule(rule + change)
