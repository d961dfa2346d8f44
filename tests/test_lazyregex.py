"""Lazily compiled patterns: same matches as compiled ones, errors where written, no compile
when unpickled until first used."""

import pickle
import re

import pytest
import regex

from tqcheck.lazyregex import LazyPattern


def test_it_matches_like_the_compiled_pattern():
    lazy = LazyPattern(r"(?P<word>\w+)ine\b", re.IGNORECASE)
    text = "Poutine met PUTINE and Medvedev."
    expected = re.compile(r"(?P<word>\w+)ine\b", re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in expected.finditer(text)]
    assert lazy.sub("X", text) == expected.sub("X", text)
    assert lazy.groupindex == {"word": 1}


def test_the_regex_engine_keeps_its_features():
    lazy = LazyPattern(r"\p{Lu}\p{Ll}+", regex.VERSION0, regex)
    assert [m.group() for m in lazy.finditer("Élise met Özil", timeout=1.0)] == ["Élise", "Özil"]


@pytest.mark.parametrize(("engine", "error"), [(re, re.error), (regex, regex.error)])
def test_an_invalid_pattern_fails_where_it_is_written(engine, error):
    with pytest.raises(error):
        LazyPattern("(unclosed", 0, engine)


def test_unpickling_compiles_nothing_until_first_use(monkeypatch):
    pickled = pickle.dumps(LazyPattern(r"gr[ae]y", re.IGNORECASE))
    compiled = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real_compile(*args))
    restored = pickle.loads(pickled)
    assert compiled == []
    assert restored.search("a GREY day").group() == "GREY"
    assert compiled == [("gr[ae]y", re.IGNORECASE)]


def test_patterns_with_the_same_source_and_flags_are_equal():
    assert LazyPattern("a+") == pickle.loads(pickle.dumps(LazyPattern("a+")))
    assert LazyPattern("a+") != LazyPattern("a+", re.IGNORECASE)
    assert LazyPattern("a+") != LazyPattern("a+", 0, regex)
