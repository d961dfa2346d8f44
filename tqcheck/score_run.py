"""One `tqcheck score` run: systems (hypothesis files or article folders) and their references
in, aligned articles out, with a message for every file or reference that cannot be used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqcheck.compare import DEFAULT_SEED, Comparison, compare
from tqcheck.documents import Article, Document
from tqcheck.findings import Finding, Severity
from tqcheck.gates import failed_gates, gate_message
from tqcheck.inputs import LoadOptions, load_bare_file, load_paths, read_document
from tqcheck.scorecard import aligned_article, usable_references
from tqcheck.scoring import Aligned, Score, Scoring


@dataclass
class System:
    """A system's articles, aligned with their references, keyed by article name."""

    name: str
    items: dict[str, Aligned] = field(default_factory=dict)


@dataclass
class Systems:
    """The systems of a run, and what went wrong while reading them."""

    systems: list[System] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def say(self, findings: list[Finding]) -> None:
        """Keep findings about files as messages (errors apart, they change the exit code)."""
        for finding in findings:
            text = f"{finding.path}: {finding.message}"
            if finding.severity is Severity.ERROR:
                self.errors.append(text)
            else:
                self.messages.append(f"{finding.severity.value}: {text}")

    def add(self, name: str, articles: list[tuple[str, Article]]) -> None:
        """A system from its articles; articles without a usable reference are left out."""
        system = System(name)
        for key, article in articles:
            refs, problems = usable_references(article)
            self.say(problems)
            if not refs:
                usable = "usable " if article.refs else ""
                self.messages.append(f"info: {article.target.path}: no {usable}reference; "
                                     "not scored")
                continue
            item, notes = aligned_article(article, refs)
            self.say(notes)
            system.items[key] = item
        self.systems.append(system)


def read_references(refs: list[Path], options: LoadOptions, found: Systems) -> list[Document]:
    """The reference files that can be read (the others become messages)."""
    documents = []
    for path in refs:
        if not path.is_file():
            found.errors.append(f"{path.as_posix()}: reference file not found")
            continue
        document, problem = read_document(path, path.as_posix(), options.max_bytes)
        if problem:
            found.say([problem])
        documents += [document] if document else []
    return documents


def systems_from_files(hyps: list[Path], refs: list[Path], options: LoadOptions) -> Systems:
    """One system per hypothesis file, all against the same reference files (line i of each
    file is segment i)."""
    found = Systems()
    references = read_references(refs, options, found)
    for path in hyps:
        if not path.is_file():
            found.errors.append(f"{path.as_posix()}: hypothesis file not found")
            continue
        loaded = load_bare_file(path, options)
        found.say(loaded.problems)
        for article in loaded.articles:
            article.refs = references
            found.add(path.as_posix(), [("", article)])  # line i of every file matches
    return found


def systems_from_folders(roots: list[str], options: LoadOptions) -> Systems:
    """One system per folder tree of articles (article folders with ref.<lang>.txt files);
    articles are matched across systems by their path inside each tree."""
    found = Systems()
    for root in roots:
        loaded = load_paths([root], options)
        found.errors += [f"{missing}: not found" for missing in loaded.missing]
        found.errors += [f"{empty}: no articles found" for empty in loaded.empty_dirs]
        found.say(loaded.problems)
        found.add(root, [(os.path.relpath(a.id, root), a) for a in loaded.articles])
    return found


def common_items(systems: list[System], messages: list[str]) -> list[list[Aligned]]:
    """Each system's articles that every system has, in one order; an article scored as one
    document for one system is scored as one document for all."""
    keys = sorted(set.intersection(*(set(s.items) for s in systems)))
    for system in systems:
        for key in sorted(set(system.items) - set(keys)):
            messages.append(f"info: {system.name}: '{key}' is not in every system; left out "
                            "of the comparison")
    rows = []
    for system in systems:
        row = []
        for key in keys:
            item = system.items[key]
            by_lines = all(s.items[key].by_lines and len(s.items[key].hyps) == len(item.hyps)
                           for s in systems)
            row.append(item if by_lines else item.as_document())
        rows.append(row)
    return rows


@dataclass
class ScoreReport:
    """What a score run found: each system's scores, the comparison, gates and messages."""

    scores: dict[str, list[Score]]
    comparison: Comparison | None = None
    failed: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    width: int = 1


@dataclass
class ScoreSettings:
    """How to score and compare: metrics and levels, gates, the paired test and its seed."""

    scoring: Scoring = field(default_factory=Scoring)
    gates: dict[str, float] = field(default_factory=dict)
    paired: str = "bs"
    samples: int = 0
    seed: int = DEFAULT_SEED
    width: int = 1


def score_systems(found: Systems, settings: ScoreSettings) -> ScoreReport:
    """Score each system (on the articles all systems share, when they are compared), run the
    paired test and check the gates on the corpus scores."""
    systems = [s for s in found.systems if s.items]
    report = ScoreReport({}, messages=found.messages, width=settings.width)
    comparing = len(systems) > 1 and settings.paired != "none"
    rows = common_items(systems, report.messages) if comparing else \
        [list(s.items.values()) for s in systems]
    for system, items in zip(systems, rows, strict=True):
        if not items:
            continue
        scoring = replace(settings.scoring, article_level=len(items) > 1)
        report.scores[system.name] = scores = scoring.score(items)
        report.failed += [f"{system.name}: {gate_message(score, minimum, settings.width)}"
                          for score, minimum in failed_gates(
                              [s for s in scores if s.level == "corpus"], settings.gates,
                              settings.width)]
    if comparing and rows[0]:
        tokenizer = settings.scoring.tokenizer(rows[0][0])
        report.comparison = compare([(s.name, items) for s, items in zip(systems, rows,
                                                                         strict=True)],
                                    settings.scoring.metrics, tokenizer, settings.paired,
                                    settings.samples, settings.seed, settings.scoring.jobs)
    return report
