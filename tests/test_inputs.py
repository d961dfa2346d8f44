"""Reading inputs: article folders, bare files, trees, stdin, JSONL, and bad files."""

import io
import json
import sys

import pytest

from tqcheck.inputs import LoadOptions, load_jsonl, load_paths, load_stdin

EN = "The president met the chancellor in Berlin on Tuesday to talk about trade and energy."
FR = "Le président a rencontré le chancelier à Berlin mardi pour parler de commerce et d'énergie."


def make_folder(root, name="a", files=None):
    folder = root / name
    folder.mkdir(parents=True)
    for filename, content in (files or {"mt.en.txt": EN}).items():
        path = folder / filename
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def test_article_folder_with_source_refs_and_metadata(tmp_path):
    folder = make_folder(tmp_path, files={
        "mt.en.txt": EN, "source.fr.txt": FR, "ref.en.txt": EN, "ref-2.en.txt": EN,
        "article.yaml": "title: Trade\nignore: [names/*]\n", "notes.txt": "not an article",
    })
    loaded = load_paths([str(folder)], LoadOptions())
    [article] = loaded.articles
    assert article.target.path.endswith("a/mt.en.txt")
    assert article.source.path.endswith("a/source.fr.txt")
    assert [r.path.rsplit("/", 1)[1] for r in article.refs] == ["ref.en.txt", "ref-2.en.txt"]
    assert (article.target_lang, article.source_lang) == ("en", "fr")
    assert article.ignore == ["names/*"]
    assert loaded.problems == []


def test_language_precedence_cli_then_metadata_then_file_name(tmp_path):
    folder = make_folder(tmp_path, files={"mt.en.txt": EN, "article.yaml": "target_lang: en-GB\n"})
    [article] = load_paths([str(folder)], LoadOptions()).articles
    assert article.target_lang == "en-GB"
    [article] = load_paths([str(folder)], LoadOptions(target_lang="en-US")).articles
    assert article.target_lang == "en-US"


def test_config_default_then_detection_for_bare_files(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(FR, encoding="utf-8")
    [article] = load_paths([str(path)], LoadOptions(default_target_lang="de")).articles
    assert article.target_lang == "de"
    [article] = load_paths([str(path)], LoadOptions()).articles
    assert article.target_lang == "fr"


def test_bare_file_language_from_its_name(tmp_path):
    path = tmp_path / "story.en.md"
    path.write_text(FR, encoding="utf-8")
    [article] = load_paths([str(path)], LoadOptions()).articles
    assert (article.target_lang, article.target.markup) == ("en", "markdown")


def test_tree_is_recursive_sorted_and_skips_readmes_and_hidden(tmp_path):
    make_folder(tmp_path / "b", "z-article")
    make_folder(tmp_path / "b", "a-article")
    (tmp_path / "b" / "loose.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "README.md").write_text("# about", encoding="utf-8")
    make_folder(tmp_path / ".git", "hidden")
    loaded = load_paths([str(tmp_path)], LoadOptions(target_lang="en"))
    names = [a.target.path[len(str(tmp_path)) + 1:] for a in loaded.articles]
    assert names == ["b/loose.txt", "b/a-article/mt.en.txt", "b/z-article/mt.en.txt"]


def test_a_target_file_given_directly_loads_its_folder(tmp_path):
    folder = make_folder(tmp_path, files={"mt.en.txt": EN, "source.fr.txt": FR})
    [article] = load_paths([str(folder / "mt.en.txt")], LoadOptions()).articles
    assert article.source is not None


@pytest.mark.parametrize("content, rule, severity", [
    (b"", "input/empty", "warning"),
    (b"  \n\t\n", "input/empty", "warning"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "input/binary", "error"),
    (b"caf\xe9 au lait", "input/invalid-utf8", "error"),
])
def test_bad_files_become_input_findings(tmp_path, content, rule, severity):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    loaded = load_paths([str(path), str(good)], LoadOptions(target_lang="en"))
    [problem] = loaded.problems
    assert (problem.rule, problem.severity.value, problem.path) == (rule, severity, str(path))
    assert [a.target.path for a in loaded.articles] == [str(good)]


def test_invalid_utf8_points_at_the_bad_byte(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("first line\nsecond é ".encode() + b"\xff rest")
    [problem] = load_paths([str(path)], LoadOptions()).problems
    assert (problem.line, problem.column) == (2, len("second é ") + 1)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(EN * 10, encoding="utf-8")
    [problem] = load_paths([str(path)], LoadOptions(max_bytes=100)).problems
    assert problem.rule == "input/too-large"


def test_bom_is_not_text_and_does_not_shift_columns(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfPoutine spoke.")
    [article] = load_paths([str(path)], LoadOptions(target_lang="en")).articles
    assert article.target.text.startswith("Poutine") and article.target.has_bom
    assert article.target.position(0) == (1, 1)


def test_missing_paths_are_collected(tmp_path):
    loaded = load_paths([str(tmp_path / "nope"), str(tmp_path)], LoadOptions())
    assert loaded.missing == [f"path not found: {tmp_path / 'nope'}"]
    assert loaded.empty_dirs == [str(tmp_path)]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EN.encode())))
    [article] = load_stdin(LoadOptions(stdin_filename="draft.en.md")).articles
    assert (article.target.path, article.target_lang, article.target.markup) == (
        "draft.en.md", "en", "markdown")


def test_jsonl_articles_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [json.dumps({"id": "one", "mt": EN, "source": FR, "ref": [EN, EN],
                        "source_lang": "fr", "target_lang": "en"}),
            "{not json", json.dumps({"id": "two"}), "", json.dumps({"mt": EN})]
    path.write_text("\n".join(rows), encoding="utf-8")
    loaded = load_jsonl(path, LoadOptions())
    assert [a.id for a in loaded.articles] == ["one", "5"]
    first = loaded.articles[0]
    assert (first.source_lang, first.target_lang, len(first.refs)) == ("fr", "en", 2)
    assert [(p.rule, p.line) for p in loaded.problems] == [
        ("input/invalid-jsonl", 2), ("input/invalid-jsonl", 3)]


def test_invalid_article_yaml_is_reported_and_the_article_still_checked(tmp_path):
    folder = make_folder(tmp_path, files={"mt.en.txt": EN, "article.yaml": "title: [oops\n"})
    loaded = load_paths([str(folder)], LoadOptions())
    assert len(loaded.articles) == 1
    assert [p.rule for p in loaded.problems] == ["input/invalid-metadata"]


def test_a_file_reached_twice_is_checked_once(tmp_path, monkeypatch):
    folder = make_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    loaded = load_paths(["a", "./a/mt.en.txt", str(folder), "a/"], LoadOptions())
    assert [a.target.path for a in loaded.articles] == ["a/mt.en.txt"]


def test_a_linked_bare_file_in_a_walked_folder_is_checked_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "news" / "zz-link.en.txt").symlink_to(tmp_path / "news" / "story.en.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "news")
    loaded = load_paths(["news", "linked", "news/story.en.txt"], LoadOptions())
    assert [a.target.path for a in loaded.articles] == ["news/story.en.txt"]
