"""Names across articles: corpus-level findings, `tqcheck names`, --fix, a newsroom's list."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import ROOT
from tqcheck.cli import app


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working folder with an empty config (nothing above it leaks in)."""
    (tmp_path / "tqcheck.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


NAME_RULES = ("--no-default-rules", "--rules", str(ROOT / "rules" / "names"))


def invoke(*args: str):
    """Run a command with the names pack only (the other packs would only slow it down)."""
    extra = NAME_RULES if args[0] in ("lint", "names") else ()
    return CliRunner().invoke(app, [*args, *extra])


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def name_findings(result) -> list[tuple[str, str, str]]:
    """(file name, text, suggestion) of the names findings of a JSON report."""
    return [(Path(f["path"]).name, f["text"], f["suggestion"])
            for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("names/")]


STORIES = {
    "one.en.txt": "The mayor, Dorota Wiśniewska, opened the bridge on Friday.\n",
    "two.en.txt": "Dorota Wisniewska thanked the engineers for the new bridge.\n",
    "three.en.txt": "Council members said Dorota Wisniewska would run again.\n",
}


def test_a_name_spelled_otherwise_than_in_the_other_articles_is_reported(workdir):
    for name, text in STORIES.items():
        write(workdir, name, text)
    result = invoke("lint", ".", "--format", "json", "--select", "names/*")
    assert name_findings(result) == [("one.en.txt", "Wiśniewska", "Wisniewska")]
    alone = invoke("lint", "one.en.txt", "--format", "json", "--select", "names/*")
    assert name_findings(alone) == []


def test_versions_of_one_story_are_not_compared_across(workdir):
    for folder, text in (("a", STORIES["one.en.txt"]), ("b", STORIES["two.en.txt"])):
        (workdir / folder).mkdir()
        write(workdir / folder, "mt.en.txt", text)
        write(workdir / folder, "source.pl.txt", "Burmistrz otworzyła most.\n")
    result = invoke("lint", ".", "--format", "json", "--select", "names/*")
    assert name_findings(result) == []


def test_names_table_counts_spellings_per_article(workdir):
    write(workdir, "a.en.txt", "Vladimir Putin met Olaf Scholz. Later Poutine left.\n")
    write(workdir, "b.en.txt", "Putin spoke. Olaf Scholz said nothing.\n")
    result = invoke("names", "a.en.txt", "b.en.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    table = {entry["name"]: entry for entry in json.loads(result.stdout)["names"]}
    putin = table["Vladimir Putin"]
    assert putin["mentions"] == 3 and putin["variants"] == ["Poutine"]
    forms = {form["text"]: form["articles"] for form in putin["forms"]}
    assert forms == {"Vladimir Putin": {"a.en.txt": 1}, "Poutine": {"a.en.txt": 1},
                     "Putin": {"b.en.txt": 1}}
    assert table["Olaf Scholz"]["forms"] == [
        {"text": "Olaf Scholz", "articles": {"a.en.txt": 1, "b.en.txt": 1}}]
    text = invoke("names", "a.en.txt", "b.en.txt", "--varied")
    assert text.stdout.splitlines()[0] == "Vladimir Putin  (also spelled Poutine)"
    assert "Scholz" not in text.stdout


def test_names_table_keeps_look_alike_people_and_places_apart(workdir):
    write(workdir, "a.en.txt", "Donald Trump and Melania Trump met envoys of Sudan and "
          "South Sudan. Kim Jong-un and Kim Jong-il were named.\n")
    result = invoke("names", "a.en.txt", "--format", "json")
    names = {entry["name"] for entry in json.loads(result.stdout)["names"]}
    assert {"Donald Trump", "Melania Trump", "Sudan", "South Sudan", "Kim Jong-un",
            "Kim Jong-il"} <= names


def test_names_rejects_an_unknown_format(workdir):
    write(workdir, "a.en.txt", "Putin spoke.\n")
    result = invoke("names", "a.en.txt", "--format", "xml")
    assert result.exit_code == 2 and "unknown format" in result.stderr


def test_fix_applies_certain_names_only_and_a_second_run_changes_nothing(workdir):
    path = write(workdir, "a.en.txt", "Vladimir Poutine came. Olga Sokolowa spoke; Sokolova "
                 "left. Dana Berezin waved, then Dana Beresin sat.\n")
    first = invoke("lint", "a.en.txt", "--fix", "--select", "names/*", "--format", "json")
    assert "fixed 2 findings" in first.stderr
    fixed = path.read_text(encoding="utf-8")
    assert fixed == ("Vladimir Putin came. Olga Sokolova spoke; Sokolova left. "
                     "Dana Berezin waved, then Dana Beresin sat.\n")
    second = invoke("lint", "a.en.txt", "--fix", "--select", "names/*")
    assert "fixed" not in second.stderr
    assert path.read_text(encoding="utf-8") == fixed


def test_a_newsroom_list_overrides_the_house_list(workdir):
    write(workdir, "names.yaml", "data: names\nlanguage: en\npeople:\n"
          "  Zelenskyy: [Zelensky, Zelenskiy]\n  Ivo Kraljic: [Ivo Kraljič]\n")
    write(workdir, "tqcheck.toml", 'name-lists = ["names.yaml"]\n')
    write(workdir, "a.en.txt", "Zelensky met Ivo Kraljič. Zelenskyy left.\n")
    result = invoke("lint", "a.en.txt", "--format", "json", "--select", "names/*")
    assert name_findings(result) == [("a.en.txt", "Zelensky", "Zelenskyy"),
                                     ("a.en.txt", "Ivo Kraljič", "Ivo Kraljic")]


def test_a_broken_newsroom_list_is_an_error_naming_it(workdir):
    write(workdir, "names.yaml", "data: names\nlanguage: en\npeople:\n  Zelenskyy: []\n")
    write(workdir, "tqcheck.toml", 'name-lists = ["names.yaml"]\n')
    write(workdir, "a.en.txt", "Zelensky spoke.\n")
    result = invoke("lint", "a.en.txt")
    assert result.exit_code == 2
    assert "names.yaml:4" in result.stderr and "lists no variants" in result.stderr


def test_data_files_in_a_rules_folder_are_not_rules(workdir):
    rules = workdir / "my-rules"
    rules.mkdir()
    write(rules, "table.yaml", "data: transliteration\nlanguage: xx\nreplace: {a: b}\n")
    result = invoke("rules", "list", "--rules", str(rules), "--no-default-rules")
    assert result.exit_code == 0 and result.stdout.strip() == "0 rules"
