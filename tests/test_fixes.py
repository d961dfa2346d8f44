"""--fix: certain suggestions applied atomically, idempotently, nothing else touched."""

import os
import stat

from typer.testing import CliRunner

from tests.helpers import finding_in
from tqcheck.cli import app
from tqcheck.documents import Document
from tqcheck.findings import Finding, Severity
from tqcheck.fixes import apply_to_text, fix_files

TEXT = "Vladimir Poutine said : « no ».\nSpread the love\n¿Why?\n"


def lint(*args):
    return CliRunner().invoke(app, ["lint", *args])


def write(tmp_path, data: bytes, name="story.en.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fix_applies_certain_suggestions_and_keeps_the_rest(tmp_path):
    path = write(tmp_path, TEXT.encode())
    result = lint(str(path), "--fix")
    assert "fixed 6 findings in 1 file" in result.stderr
    # Poutine -> Putin, " :" -> ":", "« " and " »" -> “ ”, "¿" removed, and the boilerplate
    # line removed whole.
    assert path.read_text() == "Vladimir Putin said: “no”.\nWhy?\n"
    assert "boilerplate/site-furniture" not in result.stdout


def test_second_run_changes_nothing(tmp_path):
    path = write(tmp_path, TEXT.encode())
    lint(str(path), "--fix")
    once = path.read_bytes()
    again = lint(str(path), "--fix")
    assert "fixed" not in again.stderr
    assert path.read_bytes() == once


def test_line_endings_bom_and_mode_are_kept(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode())
    os.chmod(path, 0o640)
    lint(str(path), "--fix")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2 and data.count(b"\n") == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tqcheck")]


def finding(doc: Document, start: int, end: int, suggestion: str) -> Finding:
    return finding_in(doc, start, end, rule="x/y", category="Other",
                               severity=Severity.WARNING, message="m", suggestion=suggestion,
                               fixable=True)


def test_overlapping_fixes_are_not_both_applied():
    doc = Document(path="a.txt", text="abcdef")
    text, edits = apply_to_text(doc, [finding(doc, 1, 4, "X"), finding(doc, 2, 5, "Y")])
    assert (text, edits) == ("aXef", [(1, 4, "X")])


def test_text_outside_fixed_spans_is_identical():
    doc = Document(path="a.txt", text="one Poutine two Poutine three")
    spans = [(4, 11), (16, 23)]
    text, _ = apply_to_text(doc, [finding(doc, s, e, "Putin") for s, e in spans])
    assert text == "one Putin two Putin three"


def test_a_file_changed_since_it_was_read_is_left_alone(tmp_path):
    path = write(tmp_path, b"Poutine spoke.")
    doc = Document(path=str(path), text="Poutine spoke.", digest="not-the-digest-of-the-file")
    report = fix_files({str(path): doc}, [finding(doc, 0, 7, "Putin")])
    assert report.total == 0 and "changed since it was read" in report.refused[str(path)]
    assert path.read_bytes() == b"Poutine spoke."


def test_stdin_is_never_written(tmp_path, monkeypatch):
    path = write(tmp_path, b"Poutine spoke.")
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(app, ["lint", "-", "--stdin-filename", path.name, "--fix",
                             "--target-lang", "en"], input="Poutine spoke.")
    assert path.read_bytes() == b"Poutine spoke."


def test_fix_with_the_html_report_still_shows_every_article(tmp_path):
    unfixable = "The minister said the talks would resume next week in Geneva.\n"
    write(tmp_path, TEXT.encode())
    write(tmp_path, unfixable.encode(), "other.en.txt")
    report = tmp_path / "report.html"
    lint(str(tmp_path / "story.en.txt"), str(tmp_path / "other.en.txt"), "--fix",
         "--format", "html", "-o", str(report))
    page = report.read_text(encoding="utf-8")
    assert "resume next week in Geneva" in page and "Vladimir Putin said" in page
