"""Inputs of the benchmark, built from a folder of real articles: a corpus of bare translation
files, one long article, and aligned hypothesis and reference files."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from tqcheck.documents import Article
from tqcheck.inputs import LoadOptions, load_paths


def load_articles(folder: Path) -> list[Article]:
    """The articles of a folder tree, read as `tqcheck lint` reads them."""
    articles = load_paths([str(folder)], LoadOptions()).articles
    if not articles:
        raise ValueError(f"no articles in {folder}")
    return articles


def bare_name(number: int, article: Article) -> str:
    """`a00001.de.txt`: a file name carrying the target language and the markup suffix."""
    lang = f".{article.target_lang}" if article.target_lang else ""
    return f"a{number:05d}{lang}{Path(article.target.path).suffix or '.txt'}"


def build_corpus(articles: list[Article], count: int, folder: Path) -> Path:
    """`count` bare translation files in a new `folder`, going round the articles (so they
    repeat when there are fewer than `count`)."""
    folder.mkdir(parents=True)
    for number, article in zip(range(1, count + 1), itertools.cycle(articles), strict=False):
        (folder / bare_name(number, article)).write_text(article.target.text, encoding="utf-8",
                                                         newline="")
    return folder


def long_article(articles: list[Article], words: int) -> tuple[str, str | None]:
    """About `words` words of translation (whole paragraphs, going round the articles) in the
    most common target language, and that language."""
    lang = Counter(article.target_lang for article in articles).most_common(1)[0][0]
    paragraphs = [paragraph for article in articles if article.target_lang == lang
                  for paragraph in article.target.text.splitlines() if paragraph.strip()]
    if not paragraphs:
        raise ValueError("the articles have no text")
    taken: list[str] = []
    count = 0
    for paragraph in itertools.cycle(paragraphs):
        taken.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return "\n".join(taken) + "\n", lang


def aligned_segments(article: Article) -> list[tuple[str, str]]:
    """(translation, reference) line pairs of an article whose first reference has as many
    lines as its translation; none otherwise."""
    if not article.refs:
        return []
    hyps, refs = article.target.text.splitlines(), article.refs[0].text.splitlines()
    return list(zip(hyps, refs, strict=True)) if len(hyps) == len(refs) else []


def score_files(articles: list[Article], segments: int, folder: Path) -> tuple[Path, Path]:
    """A hypothesis and a reference file of `segments` aligned lines in `folder`, going round
    the articles that have a reference."""
    pairs = [pair for article in articles for pair in aligned_segments(article)]
    if not pairs:
        raise ValueError("no article has a reference aligned with its translation")
    chosen = list(itertools.islice(itertools.cycle(pairs), segments))
    hyp, ref = folder / "hyp.txt", folder / "ref.txt"
    hyp.write_text("".join(h + "\n" for h, _ in chosen), encoding="utf-8")
    ref.write_text("".join(r + "\n" for _, r in chosen), encoding="utf-8")
    return hyp, ref
