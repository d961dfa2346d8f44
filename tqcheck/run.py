"""One lint run: rules and articles in, findings out (no printing, no formats)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqcheck.config import Config
from tqcheck.documents import Document
from tqcheck.engine import Engine, Rule, matches_any
from tqcheck.findings import SEVERITY_RANK, Finding, Severity
from tqcheck.findingstore import FindingStore
from tqcheck.inputs import InputWalk, Job, Loaded, LoadOptions, Preloaded, run_jobs
from tqcheck.loader import default_rules_dir, load_rules
from tqcheck.pipeline import Keep, Linter, Outcome, outcomes
from tqcheck.scorecard import score_articles
from tqcheck.scoring import Score


@dataclass
class LintResult:
    """What a run found, and what it ran."""

    findings: list[Finding] | FindingStore
    rules: list[Rule]
    articles: int
    targets: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Document] = field(default_factory=dict)  # by target path, when known
    missing: list[str] = field(default_factory=list)
    empty_dirs: list[str] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)

    def in_order(self) -> Iterable[Finding]:
        """The findings in report order (a run's store gives them so without a copy)."""
        if isinstance(self.findings, FindingStore):
            return self.findings
        return sorted(self.findings, key=lambda f: f.sort_key)

    def counts(self) -> Counter[tuple[str, str]]:
        """Number of findings per (severity, rule id) (a run's store counted them as it
        took them)."""
        if isinstance(self.findings, FindingStore):
            return self.findings.counts
        return Counter((f.severity.value, f.rule) for f in self.findings)

    def count_by_severity(self) -> dict[str, int]:
        """Number of findings per severity (every severity present, worst first)."""
        counts: Counter[str] = Counter()
        for (severity, _), count in self.counts().items():
            counts[severity] += count
        return {s.value: counts.get(s.value, 0) for s in sorted(Severity, key=SEVERITY_RANK.get,
                                                                 reverse=True)}

    def count_by_rule(self) -> dict[str, int]:
        """Number of findings per rule id, sorted by id."""
        counts: Counter[str] = Counter()
        for (_, rule), count in self.counts().items():
            counts[rule] += count
        return dict(sorted(counts.items()))

    def fails(self, fail_on: str) -> bool:
        """Whether a finding is at or above the fail level (`never` never fails)."""
        if fail_on == "never":
            return False
        threshold = SEVERITY_RANK[Severity(fail_on)]
        return any(Severity(severity).rank >= threshold for severity, _ in self.counts())


def rule_paths(config: Config) -> list[Path]:
    """The rule folders of a run: the shipped packs (unless turned off), then the user's."""
    return ([default_rules_dir()] if config.default_rules else []) + config.rules


def load_options(config: Config, **overrides: object) -> LoadOptions:
    """How to read inputs under a config; keyword arguments (command-line options) override."""
    return replace(LoadOptions(default_source_lang=config.source_lang,
                               default_target_lang=config.target_lang,
                               max_bytes=config.max_file_size, exclude=tuple(config.exclude)),
                   **overrides)


def select_rules(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    """Rules matching `select` (all when empty) and not matching `ignore`."""
    return [r for r in rules
            if (not select or matches_any(r.id, select)) and not matches_any(r.id, ignore)]


def load_inputs(paths: list[str], jsonl: list[Path], options: LoadOptions) -> Loaded:
    """Articles from paths and JSONL files, in the order given, all in memory."""
    return run_jobs(InputWalk(paths, options, jsonl))


def configured_rules(config: Config) -> list[Rule]:
    """Load the rules of a run and keep those its selection allows."""
    rules = load_rules(rule_paths(config), config.extra_data(), cache=config.cache)
    return select_rules(rules, config.select, config.ignore)


def lint(paths: list[str], jsonl: list[Path], config: Config, options: LoadOptions,
         stream: StreamOptions | None = None) -> LintResult:
    """Load rules, stream the articles through them, and collect every finding."""
    rules = configured_rules(config)
    walk = InputWalk(paths, options, jsonl)
    result = lint_jobs(walk, rules, config, stream or StreamOptions())
    result.missing, result.empty_dirs = walk.missing, walk.empty_dirs
    return result


def holds_one_article(paths: list[str], jsonl: list[Path]) -> bool:
    """Whether a run's inputs are one article: stdin or one file, and no JSONL batch."""
    return not jsonl and len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())


def lint_loaded(loaded: Loaded, rules: list[Rule], config: Config) -> LintResult:
    """Apply already loaded rules to already loaded articles, with the config's policies."""
    result = lint_jobs([Preloaded(loaded)], rules, config,
                       StreamOptions(keep="all", across=len(loaded.articles) > 1))
    result.missing, result.empty_dirs = loaded.missing, loaded.empty_dirs
    return result


@dataclass(frozen=True)
class StreamOptions:
    """How articles go through a run: worker processes, which whole articles are kept
    (see pipeline.Keep), whether they are compared across (not when the run is known to hold
    one article), and what is told of the progress after each load job."""

    jobs: int = 1
    keep: Keep = "referenced"
    across: bool = True
    progress: Callable[[int], None] | None = None


def lint_jobs(jobs: Iterable[Job], rules: list[Rule], config: Config,
              stream: StreamOptions) -> LintResult:
    """Lint the articles of load jobs, then across them, then score them."""
    engine = run_engine(rules, config)
    gathered = Outcome(findings=FindingStore())
    linter = Linter(engine, stream.keep, stream.across)
    for outcome in outcomes(jobs, linter, stream.jobs):
        gathered.extend(outcome)
        if stream.progress:
            stream.progress(gathered.inputs)
    return finish(gathered, engine, config)


def run_engine(rules: list[Rule], config: Config) -> Engine:
    """The engine of a run: its rules with the config's severities and per-path ignores."""
    return Engine(rules, config.severity, config.per_path_ignores, config.ignore)


def finish(gathered: Outcome, engine: Engine, config: Config) -> LintResult:
    """The end of a run, once every job is linted (the outcomes gathered in input order):
    lint across the articles, score them, and sort the findings."""
    findings = gathered.findings if isinstance(gathered.findings, FindingStore) \
        else FindingStore(gathered.findings)
    findings += engine.reported(engine.lint_across(gathered.summaries))
    kept = gathered.kept
    scores, added = score_articles([a for a in kept if a.refs], gathered.words, findings, config)
    findings += engine.reported(added)
    return LintResult(findings=findings, rules=engine.rules, articles=gathered.articles,
                      targets={a.target.path: a.target for a in kept},
                      sources={a.target.path: a.source for a in kept if a.source},
                      scores=scores)
