"""The HTML report in a real headless Chromium: no console error and no request, every
finding highlighted at its exact span, hover and keyboard text, links without scripts, a
10,000-word article's render time, right-to-left text, and `<script>` shown as text."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers import finding_in
from tests.report_support import (
    corpus_json,
    corpus_result,
    file_text,
    finding_span,
    joined_spans,
)
from tqcheck.documents import Document
from tqcheck.findings import Severity
from tqcheck.report.html_format import render
from tqcheck.run import LintResult

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="the browser tests need playwright (the test extras)")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian: apt-get install chromium)")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

HIGHLIGHTS = """() => [...document.querySelectorAll("section.article")].map((section) => {
  let offset = 0;
  const pieces = {};
  const painted = [];
  for (const cell of section.querySelectorAll(".tgt")) {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) { offset += node.data.length; continue; }
      if (node.tagName !== "MARK") continue;
      (pieces[node.dataset.f] ||= []).push([offset, node.textContent]);
      const style = getComputedStyle(node);
      const shown = node.textContent ? node.getClientRects().length > 0
                                     : getComputedStyle(node, "::before").content !== "none";
      painted.push(shown && style.borderBottomStyle !== "none");
    }
  }
  const text = [...section.querySelectorAll(".tgt")].map((c) => c.textContent).join("");
  return {path: section.querySelector("h2").textContent, text, pieces, painted};
})"""
FRAMES = ("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame("
          "() => done(performance.now()))))")


@dataclass
class Visit:
    """A page opened from disk, and everything it reported."""

    page: object
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def check_quiet(self, path: Path) -> None:
        """No console error, no script error, no dialog, no request but the page itself."""
        assert self.console == [] and self.dialogs == []
        assert self.requests == [path.as_uri()]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser) -> Iterator[Callable[..., Visit]]:
    """Open a file in a fresh browser context (scripts on or off)."""
    contexts = []

    def open_file(path: Path, *, scripts: bool = True) -> Visit:
        context = browser.new_context(java_script_enabled=scripts,
                                      viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)
        page.on("console", lambda m: seen.console.append(f"{m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda error: seen.console.append(f"page error: {error}"))
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message),
                                          dialog.dismiss()))
        page.goto(path.as_uri(), wait_until="load")
        return seen

    yield open_file
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory) -> tuple[Path, dict]:
    """The corpus report on disk, and the JSON report of the same run."""
    result = corpus_result()
    path = tmp_path_factory.mktemp("browser") / "corpus.html"
    path.write_text(render(result), encoding="utf-8")
    return path, corpus_json()


def highlights(shown: list[dict]) -> dict[int, tuple[str, int, int]]:
    """Each highlight of the page by its number: (path, start, end)."""
    return {int(key): (article["path"], *span) for article in shown
            for key, span in joined_spans(article["pieces"]).items()}


def findings_by_key(page: object, report: dict) -> dict[int, dict]:
    """The JSON finding each highlight of the page stands for, matched by place."""
    keys = {place: key for key, place in highlights(page.evaluate(HIGHLIGHTS)).items()}
    texts = {path: file_text(path) for path, _, _ in keys}
    return {keys[(item["path"], *finding_span(texts[item["path"]], item))]: item
            for item in report["findings"]}


def test_corpus_report_highlights_every_finding_quietly(visit, corpus_report, tmp_path):
    path, report = corpus_report
    seen = visit(path)
    shown = seen.page.evaluate(HIGHLIGHTS)
    texts = {article["path"]: article["text"] for article in shown}
    for article in shown:
        assert article["text"] == file_text(article["path"])
        assert article["painted"] and all(article["painted"])
    expected = [(item["path"], *finding_span(texts[item["path"]], item))
                for item in report["findings"]]
    assert sorted(highlights(shown).values()) == sorted(expected)
    assert [texts[p][start:end] for p, start, end in expected] == [
        item["text"] for item in report["findings"]]
    shot = tmp_path / "corpus.png"
    seen.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    seen.check_quiet(path)


def test_hover_and_keyboard_focus_tell_message_and_suggestion(visit, corpus_report):
    path, report = corpus_report
    seen = visit(path)
    page = seen.page
    found = findings_by_key(page, report)
    key, item = next((key, item) for key, item in found.items() if item["suggestion"])
    page.hover(f"#f-{key}")
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert item["message"] in tip.inner_text() and item["suggestion"] in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.focus("section.article aside a")
    page.keyboard.press("Shift+Tab")
    focused = int(page.evaluate("() => document.activeElement.dataset.f"))
    assert tip.is_visible() and found[focused]["message"] in tip.inner_text()
    seen.check_quiet(path)


def test_without_scripts_titles_tell_and_links_scroll_to_the_highlight(visit, corpus_report):
    path, report = corpus_report
    seen = visit(path, scripts=False)
    page = seen.page
    key, last = max(findings_by_key(page, report).items())
    assert last["message"] in page.get_attribute(f"#f-{key}", "title")
    page.click(f'a[href="#f-{key}"]')
    top, bottom = page.evaluate(
        f"() => {{ const box = document.getElementById('f-{key}').getBoundingClientRect();"
        " return [box.top, box.bottom]; }")
    assert bottom > 0 and top < page.viewport_size["height"]
    seen.check_quiet(path)


def long_article() -> LintResult:
    """A 10,000-word article with its source, line for line, and in each line a few
    word-long findings and a half-line one that crosses two of them."""
    line = " ".join(f"word{n}" for n in range(40)) + "."
    target = Document(path="long.en.txt", text="\n".join([line] * 250) + "\n", lang="en")
    source = Document(path="long.fr.txt", text="\n".join([line.upper()] * 250) + "\n",
                      lang="fr")
    findings = []
    for start in range(0, len(target.text), len(line) + 1):
        for offset in range(0, len(line), len(line) // 4):
            findings.append(finding_in(
                target, start + offset, start + offset + 6, rule="names/x", category="Other",
                severity=Severity.WARNING, message="a word", suggestion="Word"))
        findings.append(finding_in(
            target, start + 3, start + len(line) // 2, rule="idioms/y", category="Other",
            severity=Severity.INFO, message="a clause"))
    findings.sort(key=lambda f: f.sort_key)
    return LintResult(findings=findings, rules=[], articles=1,
                      targets={target.path: target}, sources={target.path: source})


def test_a_10000_word_article_renders_quickly(visit, tmp_path, record_property):
    result = long_article()
    [document] = result.targets.values()
    assert len(document.text.split()) == 10_000
    path = tmp_path / "long.html"
    path.write_text(render(result), encoding="utf-8")
    seen = visit(path)
    painted = seen.page.evaluate(FRAMES)
    [article] = seen.page.evaluate(HIGHLIGHTS)
    assert len(article["pieces"]) == len(result.findings) >= 1000
    seen.check_quiet(path)
    record_property("render_ms", round(painted))
    print(f"\n10,000-word article with {len(result.findings)} findings: shown after "
          f"{painted:.0f} ms")
    assert painted < 10_000


def test_markup_in_an_article_is_text_and_scripts_do_not_run(visit, tmp_path):
    text = ("Poutine <script>alert(1)</script> and <img src=x onerror=alert(2)> said\n"
            "<b>nothing</b> &amp; left.\n")
    target = Document(path="story.en.txt", text=text, lang="en")
    start = text.index("<script>")
    flagged = finding_in(target, start, start + len("<script>alert(1)</script>"),
                                  rule="house/markup", category="Other", severity=Severity.ERROR,
                                  message="markup <i>left</i>", suggestion="</script>")
    path = tmp_path / "markup.html"
    path.write_text(render(LintResult(findings=[flagged], rules=[], articles=1,
                                      targets={target.path: target})), encoding="utf-8")
    seen = visit(path)
    [article] = seen.page.evaluate(HIGHLIGHTS)
    assert article["text"] == text
    assert joined_spans(article["pieces"]) == {"0": (start, start + 25)}
    assert seen.page.evaluate("() => [document.scripts.length, document.images.length, "
                              "document.querySelectorAll('section.article b').length]") == [
        1, 0, 0]
    seen.check_quiet(path)


def test_right_to_left_text_runs_right_to_left(visit, tmp_path):
    arabic = Document(path="story.ar.txt", text="قال بوتين اليوم إن المحادثات انتهت.\n",
                      lang="ar")
    english = Document(path="story.en.txt", text="Putin said the talks ended.\n", lang="en")
    path = tmp_path / "rtl.html"
    path.write_text(render(LintResult(findings=[], rules=[], articles=2, targets={
        arabic.path: arabic, english.path: english})), encoding="utf-8")
    seen = visit(path)
    directions = seen.page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('section.article')].map("
        "(s) => [s.querySelector('h2').textContent, "
        "getComputedStyle(s.querySelector('.tgt')).direction]))")
    assert directions == {"story.ar.txt": "rtl", "story.en.txt": "ltr"}
    seen.check_quiet(path)
