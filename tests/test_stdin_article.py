"""One article on stdin with its source and references from files (--source-file, --ref-file)."""

import io
import json
import subprocess
import sys

from tests.helpers import run_tqcheck
from tqcheck.inputs import LoadOptions, load_stdin

MT = "Vladimir Poutine spoke on Tuesday about the economy.\n"
SOURCE = "Vladimir Poutine a parlé mardi de l'économie.\n"
REFS = ["Vladimir Putin spoke on Tuesday about the economy.\n",
        "On Tuesday, Vladimir Putin talked about the economy.\n"]


def subprocess_with_stdin(args, text, cwd):
    """Run tqcheck in a process of its own with text on stdin."""
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], input=text.encode(),
                          cwd=cwd, capture_output=True, timeout=120, check=False)


def write_files(tmp_path):
    source = tmp_path / "story.fr.txt"
    source.write_text(SOURCE, encoding="utf-8")
    refs = []
    for number, text in enumerate(REFS, 1):
        ref = tmp_path / f"ref-{number}.txt"
        ref.write_text(text, encoding="utf-8")
        refs.append(ref)
    return source, refs


def test_stdin_article_has_its_source_and_references(tmp_path, monkeypatch):
    source, refs = write_files(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MT.encode())))
    options = LoadOptions(stdin_filename="draft.en.txt", stdin_source=source,
                          stdin_refs=tuple(refs))
    loaded = load_stdin(options)
    assert loaded.problems == []
    [article] = loaded.articles
    assert article.target.text == MT
    assert (article.target_lang, article.source_lang) == ("en", "fr")
    assert article.source is not None and article.source.text == SOURCE
    assert article.source.lang == "fr"
    assert [ref.text for ref in article.refs] == REFS
    assert [ref.lang for ref in article.refs] == ["en", "en"]


def test_stdin_languages_from_options_win(tmp_path, monkeypatch):
    source, _ = write_files(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MT.encode())))
    [article] = load_stdin(LoadOptions(stdin_source=source, source_lang="de",
                                       target_lang="en-GB")).articles
    assert (article.source_lang, article.target_lang) == ("de", "en-GB")


def test_unreadable_source_is_a_finding(tmp_path, monkeypatch):
    source = tmp_path / "empty.fr.txt"
    source.write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MT.encode())))
    loaded = load_stdin(LoadOptions(stdin_source=source))
    assert [p.rule for p in loaded.problems] == ["input/empty"]
    assert loaded.articles[0].source is None


def test_cli_stdin_with_source_and_refs_in_json(tmp_path):
    source, refs = write_files(tmp_path)
    args = ["lint", "-", "--stdin-filename", "draft.en.txt", "--source-file", str(source),
            "--format", "json"]
    for ref in refs:
        args += ["--ref-file", str(ref)]
    result = subprocess_with_stdin(args, MT, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [(f["path"], f["text"]) for f in report["findings"]] == [("draft.en.txt", "Poutine")]


def test_cli_source_file_without_stdin_is_a_usage_error(tmp_path):
    source, _ = write_files(tmp_path)
    result = run_tqcheck("lint", str(source), "--source-file", str(source), cwd=tmp_path)
    assert result.returncode == 2
    assert b"--source-file" in result.stderr


def test_cli_missing_ref_file_is_a_usage_error(tmp_path):
    result = subprocess_with_stdin(["lint", "-", "--ref-file", str(tmp_path / "nope.txt")],
                                   MT, tmp_path)
    assert result.returncode == 2
