"""The rule cache: the same rules as loading them, reloaded whenever a file they came from
changes, never caching errors, and never failing a run because of the cache itself."""

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import VARIANTS_RULE as RULE
from tqcheck import langevidence, loader
from tqcheck.cli import app
from tqcheck.loader import RuleLoadErrors, default_rules_dir, load_rules
from tqcheck.rulecache import CACHE_DIR_VARIABLE, cache_dir
from tqcheck.ruletest import check_examples

TABLE_RULE = """\
id: names/test-consistency
type: name-consistency
category: Fluency/Inconsistency
severity: warning
message: "'{text}' is a variant of '{suggestion}' ({reason})"
transliteration: [../tables/fr.yaml]
languages:
  en: {}
"""

TABLE = "data: transliteration\nlanguage: fr\nreplace: {ou: u}\n"

FRAGMENT_RULE = """\
id: untranslated/test-fragment
type: source-fragment
category: Accuracy/Source language fragment
severity: warning
message: "'{text}' looks {language}"
languages: ../languages
"""


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of the test's own, and a working folder beside it."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def summary(rules) -> list[tuple[str, str, str]]:
    return [(rule.id, rule.origin, rule.message) for rule in rules]


def refuse_parsing(monkeypatch) -> None:
    """Make any YAML parsing by the loader fail the test."""
    def parse(*_args):
        raise AssertionError("the rules were parsed, not taken from the cache")
    monkeypatch.setattr(loader, "parse_yaml", parse)


def load_error(paths: list[Path]) -> str:
    with pytest.raises(RuleLoadErrors) as caught:
        load_rules(paths, cache=True)
    return str(caught.value)


def test_a_second_load_comes_from_the_cache_with_the_same_rules(cache, tmp_path, monkeypatch):
    folder = tmp_path / "rules"
    write(folder / "a.yaml", RULE)
    write(folder / "b.yaml", RULE.replace("test-variants", "second"))
    first = load_rules([folder], cache=True)
    refuse_parsing(monkeypatch)
    assert summary(load_rules([folder], cache=True)) == summary(first)
    assert summary(first) == [("names/test-variants", "rules/a.yaml:1", first[0].message),
                              ("names/second", "rules/b.yaml:1", first[1].message)]


def test_an_edited_rule_file_is_loaded_again(cache, tmp_path):
    rule = write(tmp_path / "rules" / "a.yaml", RULE)
    load_rules([rule.parent], cache=True)
    write(rule, RULE.replace("should be", "is spelled"))
    assert load_rules([rule.parent], cache=True)[0].message == "'{text}' is spelled '{suggestion}'"


def test_a_new_rule_file_is_loaded(cache, tmp_path):
    folder = tmp_path / "rules"
    write(folder / "a.yaml", RULE)
    load_rules([folder], cache=True)
    write(folder / "b.yaml", RULE.replace("test-variants", "second"))
    assert [r.id for r in load_rules([folder], cache=True)] == ["names/test-variants",
                                                                "names/second"]


def test_a_data_file_outside_the_rule_folder_is_watched(cache, tmp_path):
    rule = write(tmp_path / "rules" / "names.yaml", TABLE_RULE)
    table = write(tmp_path / "tables" / "fr.yaml", TABLE)
    load_rules([rule.parent], cache=True)
    write(table, TABLE + "endigns: {}\n")
    assert "unknown key 'endigns'" in load_error([rule.parent])


def copy_language(code: str, folder: Path) -> None:
    for name in (f"{code}.yaml", f"{code}.trigrams.yaml"):
        shutil.copy(default_rules_dir() / "languages" / name, folder / name)


def cached_languages(folder: Path, monkeypatch) -> dict[str, str]:
    """The languages (code: name) of the first rule under a folder, loaded without parsing
    any language evidence (so from the cache)."""
    with monkeypatch.context() as patched:
        patched.setattr(langevidence, "parse_yaml", lambda *_: pytest.fail("evidence parsed"))
        rule = load_rules([folder], cache=True)[0]
    return {code: language.name for code, language in rule.check.languages.items()}


def test_language_evidence_is_cached_with_its_folder_watched(cache, tmp_path, monkeypatch):
    rule = write(tmp_path / "rules" / "fragment.yaml", FRAGMENT_RULE)
    languages = tmp_path / "languages"
    languages.mkdir()
    for code in ("de", "en"):
        copy_language(code, languages)
    load_rules([rule.parent], cache=True)
    assert cached_languages(rule.parent, monkeypatch) == {"de": "German", "en": "English"}
    copy_language("fr", languages)
    assert [*load_rules([rule.parent], cache=True)[0].check.languages] == ["de", "en", "fr"]
    english = languages / "en.yaml"
    english.write_text(english.read_text("utf-8").replace("name: English", "name: Englisch"),
                       "utf-8")
    assert load_rules([rule.parent], cache=True)[0].check.languages["en"].name == "Englisch"


def test_a_malformed_rule_gives_its_error_every_time(cache, tmp_path):
    rule = write(tmp_path / "rules" / "a.yaml", RULE + "entriez: {}\n")
    errors = [load_error([rule.parent]) for _ in range(2)]
    assert errors[0] == errors[1]
    assert "rules/a.yaml:8:" in errors[0] and "unknown key 'entriez'" in errors[0]
    assert not list(cache.glob("*.pickle"))


def test_a_rule_broken_after_caching_gives_its_error(cache, tmp_path):
    rule = write(tmp_path / "rules" / "a.yaml", RULE)
    load_rules([rule.parent], cache=True)
    write(rule, RULE.replace("type: variants", "type: pattern").replace(
        "entries:\n  Putin: [Poutine]\n", "patterns:\n  - '(unclosed'\n"))
    message = load_error([rule.parent])
    assert "rules/a.yaml:7:" in message and "invalid regular expression '(unclosed'" in message


def test_a_removed_rules_path_is_an_error_despite_the_cache(cache, tmp_path):
    kept = write(tmp_path / "kept" / "a.yaml", RULE).parent
    gone = tmp_path / "gone"
    gone.mkdir()
    load_rules([kept, gone], cache=True)
    gone.rmdir()
    assert "rules path not found" in load_error([kept, gone])


def test_origins_follow_the_working_folder(cache, tmp_path, monkeypatch):
    rule = write(tmp_path / "rules" / "a.yaml", RULE)
    load_rules([rule.parent.resolve()], cache=True)
    monkeypatch.chdir(rule.parent)
    [cached] = load_rules([rule.parent.resolve()], cache=True)
    assert cached.origin == "a.yaml:1"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", "truncate"])
def test_a_damaged_entry_is_ignored_and_replaced(cache, tmp_path, monkeypatch, damage):
    rule = write(tmp_path / "rules" / "a.yaml", RULE)
    expected = summary(load_rules([rule.parent], cache=True))
    [entry] = cache.glob("*.pickle")
    content = entry.read_bytes()
    entry.write_bytes(content[:len(content) // 2] if damage == "truncate" else damage)
    assert summary(load_rules([rule.parent], cache=True)) == expected
    refuse_parsing(monkeypatch)
    assert summary(load_rules([rule.parent], cache=True)) == expected


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = write(tmp_path / "not-a-folder", "a file where the cache folder would be\n")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker))
    rule = write(tmp_path / "rules" / "a.yaml", RULE)
    assert [r.id for r in load_rules([rule.parent], cache=True)] == ["names/test-variants"]


def test_cached_shipped_rules_pass_their_examples(cache, monkeypatch):
    fresh = load_rules([default_rules_dir()], cache=True)
    refuse_parsing(monkeypatch)
    cached = load_rules([default_rules_dir()], cache=True)
    assert summary(cached) == summary(fresh)
    assert [str(f) for rule in cached for f in check_examples(rule)] == []


def test_the_cache_folder_is_chosen_by_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "tqcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "tqcheck"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"


@pytest.mark.parametrize(("config", "option", "cached"), [
    ("", [], True), ("", ["--no-cache"], False), ("cache = false\n", [], False)])
def test_lint_uses_the_cache_unless_told_not_to(cache, tmp_path, config, option, cached):
    write(tmp_path / "tqcheck.toml", config)
    article = write(tmp_path / "story.en.txt", "Vladimir Putin spoke on Tuesday.\n")
    result = CliRunner().invoke(app, ["lint", str(article), "--exit-zero", *option])
    assert result.exit_code == 0, result.output
    assert bool(list(cache.glob("*.pickle"))) is cached
