"""Rule type `source-fragment`: source-language words, phrases and sentences in the target."""

import pytest

from tests.helpers import ROOT, SOURCE_FRAGMENT_RULE, make_rule
from tqcheck.documents import Article, Document
from tqcheck.errors import RuleError

RULE = SOURCE_FRAGMENT_RULE

CLEAN_NEWS = """\
The French president received the German chancellor at the Élysée on Tuesday, a day after
the Kremlin announced new military exercises near the border.

Speaking to reporters, the minister said the army had no intention of staging a coup d'état
and that the alliance had lost none of its raison d'être. Officials in Paris said the talks
had been frank.

The Kremlin spokesman, Dmitry Peskov, called the meeting a provocation. Analysts in Berlin
expect the status quo to hold until the spring, when both leaders face elections at home.
"""


def found(text: str, target: str = "en", source_lang: str | None = None,
          source: str | None = None, refs: tuple[str, ...] = (), rule: str = RULE) -> list[str]:
    """The texts the rule flags, with their messages."""
    article = Article(id="a", target=Document(path="a.txt", text=text, lang=target),
                      source=Document(path="s.txt", text=source) if source else None,
                      refs=[Document(path="r.txt", text=r) for r in refs],
                      source_lang=source_lang)
    return [f.text for f in make_rule(rule).run(article)]


def messages(text: str, **kwargs) -> list[str]:
    """The messages of the rule's findings."""
    article = Article(id="a", target=Document(path="a.txt", text=text, lang="en"), **kwargs)
    return [f.message for f in make_rule(RULE).run(article)]


def test_clean_english_news_with_french_names_and_loanwords_is_left_alone():
    assert found(CLEAN_NEWS, source_lang="fr") == []
    assert found(CLEAN_NEWS) == []


def test_english_phrase_in_german_sentence():
    text = "Laut dem Department of Homeland Security wurden die Regeln verschärft."
    assert found(text, target="de", source_lang="en") == ["Department of Homeland Security"]


def test_french_phrase_in_english_sentence():
    text = "The mayor said the plan was une mesure de bon sens and left the room."
    assert found(text, source_lang="fr") == ["une mesure de bon sens"]


def test_lower_case_phrase_without_function_word():
    text = "He was sent off after a segunda amarilla in the last minute."
    assert found(text, source_lang="es") == ["segunda amarilla"]


def test_whole_sentence_left_in_the_source_language():
    text = ("Die Regierung hat am Montag neue Regeln beschlossen. We will not accept any of "
            "these rules because they are unfair to the workers. Die Opposition protestierte.")
    assert found(text, target="de", source_lang="en") == [
        "We will not accept any of these rules because they are unfair to the workers"]


def test_source_language_is_estimated_when_unknown_and_the_message_says_so():
    text = "The prefect spoke of une mesure de sécurité publique after the storm."
    assert messages(text) == ["'une mesure de sécurité publique' looks French (source "
                              "language estimated from the text)"]
    assert messages(text, source_lang="fr") == [
        "'une mesure de sécurité publique' looks French"]


def test_letters_of_another_script():
    assert found("The delegation met the mayor of 北京 on Monday.") == ["北京"]
    assert found("Он сказал, что", target="en") == ["Он сказал", "что"]


def test_names_are_not_fragments():
    text = "The minister met the mayor at the Place de la Concorde and at the Musée du Louvre."
    assert found(text, source_lang="fr") == []


def test_company_designator_and_acronym_mark_a_name():
    assert found("Die Firma Smith and Wesson Inc stellte Zahlen vor.", target="de",
                 source_lang="en") == []
    text = "Das Office of Health and Safety (OHS) legte den Plan vor."
    assert found(text, target="de", source_lang="en") == []
    assert found(text.replace("(OHS)", "(XYZ)"), target="de", source_lang="en") == [
        "Office of Health and Safety"]


def test_a_span_the_reference_keeps_is_accepted():
    text = "Laut dem Department of Homeland Security wurden die Regeln verschärft."
    assert found(text, target="de", source_lang="en",
                 refs=("Das Department of Homeland Security verschärfte die Regeln.",)) == []


def test_word_copied_from_the_source_where_the_source_uses_it_as_a_common_word():
    source = "Everyone is hooked on thrillers and boroughs now, she said."
    text = "Jeder ist jetzt süchtig nach Krimis, und die Boroughs sind voll, sagte sie."
    assert found(text, target="de", source_lang="en", source=source) == ["Boroughs"]
    as_name = "The Boroughs Festival opened, she said."
    assert found(text, target="de", source_lang="en", source=as_name) == []


def test_allow_list_and_unknown_target_language():
    assert found("Sie sprach über Realpolitik und den Status quo.", target="de",
                 source_lang="en") == []
    assert found("une mesure de bon sens", target=None, source_lang="fr") == []
    assert found("une mesure de bon sens", target="xx", source_lang="fr") == []


def test_missing_evidence_folder_is_a_rule_error():
    with pytest.raises(RuleError, match="folder .* not found"):
        make_rule(RULE.replace(str(ROOT / "rules" / "languages"), "/nonexistent/languages"))


def test_unknown_key_is_a_rule_error():
    with pytest.raises(RuleError, match="unknown key 'alow'"):
        make_rule(RULE + "alow: [x]\n")
