"""`--format html`: one self-contained page (inline style and script, no requests): the
corpus overview, then every article with its findings highlighted in place."""

from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files

from tqcheck.engine import family_of
from tqcheck.report.article_stats import article_stats
from tqcheck.report.html_article import Numbered, article_section
from tqcheck.report.html_overview import overview
from tqcheck.run import LintResult

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
PALETTE_SIZE = 10


@cache
def asset(name: str) -> str:
    """A stylesheet or script shipped with the package (inlined into every page)."""
    return files("tqcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


def family_palette(result: LintResult) -> dict[str, int]:
    """A colour number for each rule family of the run, in name order."""
    families = {family_of(r.id) for r in result.rules} | {family_of(f.rule)
                                                          for f in result.findings}
    return {family: i % PALETTE_SIZE for i, family in enumerate(sorted(families))}


def render(result: LintResult, *, color: bool = False) -> str:
    """The whole report as one HTML document."""
    palette = family_palette(result)
    numbered: Numbered = list(enumerate(result.in_order()))
    by_path: dict[str, Numbered] = {}
    for key, finding in numbered:
        by_path.setdefault(finding.path, []).append((key, finding))
    stats = article_stats(result)
    unchecked = [(key, f) for key, f in numbered if f.path not in result.targets]
    sections = "".join(
        article_section(index, article, result.targets[article.path],
                        result.sources.get(article.path), by_path.get(article.path, []), palette)
        for index, article in enumerate(stats))
    title = "tqcheck report" + (f": {stats[0].path}" if len(stats) == 1 else "")
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f"<title>{escape(title)}</title><style>{asset('report.css')}</style></head>"
            f'<body><main id="top">{overview(result, stats, unchecked, palette)}{sections}'
            f'</main><div id="tip" role="tooltip" hidden></div>'
            f"<script>{asset('report.js')}</script></body></html>\n")
