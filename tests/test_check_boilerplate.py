"""Rule type `boilerplate`: whole furniture lines (removed by --fix) and title-like phrases."""

from tests.helpers import make_rule, run_tqcheck
from tqcheck.documents import Article, Document

RULE = """\
id: boilerplate/t
type: boilerplate
category: Other
severity: error
message: "'{phrase}' is furniture"
fix: true
phrases: [Spread the love, Leave a Comment, Laisser un commentaire]
"""


def hits(text: str) -> list[tuple[str, str | None, bool]]:
    """(text, suggestion, fixable) of each finding."""
    article = Article(id="a", target=Document(path="a.txt", text=text, lang="en"))
    return [(f.text, f.suggestion, f.fixable) for f in make_rule(RULE).run(article)]


def test_a_furniture_line_is_reported_whole_with_its_line_break():
    assert hits("News.\n  Spread the love :\nMore news.") == [("  Spread the love :\n", "", True)]
    assert hits("News.\nlaisser un commentaire") == [("laisser un commentaire", "", True)]


def test_inside_a_line_only_the_listed_spelling_is_reported_and_not_fixed():
    assert hits("Spread the love Two months later, the inquiry goes on.") == [
        ("Spread the love", None, False)]
    assert hits("He said he would leave a comment on the blog.") == []


def test_fix_removes_the_furniture_lines(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "b.yaml").write_text(RULE, encoding="utf-8")
    story = tmp_path / "story.en.txt"
    story.write_text("The vote is on Sunday.\nSpread the love\nLeave a Comment", encoding="utf-8")
    result = run_tqcheck("lint", str(story), "--no-default-rules", "--rules", str(rules),
                         "--fix")
    assert story.read_text(encoding="utf-8") == "The vote is on Sunday.\n"
    assert result.returncode == 0, result.stderr
