"""The command line: `tqcheck lint`, `tqcheck rules list|show|test`, `tqcheck serve`,
`tqcheck names`, `tqcheck score`."""

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tqcheck import __version__
from tqcheck.compare import DEFAULT_SEED
from tqcheck.config import FAIL_LEVELS, Config, find_config, load_config
from tqcheck.errors import TqcheckError
from tqcheck.report import FORMATS

if TYPE_CHECKING:
    from tqcheck.engine import Rule
    from tqcheck.run import LintResult

app = typer.Typer(
    name="tqcheck",
    help="Check machine-translated news: name variants, broken quotes, calques, "
    "source-language typography, site boilerplate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Document and test rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", help="Extra rule folder or file (repeatable).", show_default=False)]
NoDefaultRules = Annotated[bool, typer.Option(
    "--no-default-rules", help="Do not load the rule packs shipped with tqcheck.")]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="Config file (default: tqcheck.toml or pyproject.toml, found upward).",
    show_default=False)]


def write_report(report: str | Iterable[str], output: Path | None) -> None:
    """Write a report (whole, or in pieces) as UTF-8 to a file, or to standard output
    whatever its locale."""
    pieces = [report] if isinstance(report, str) else report
    if output is None:
        sys.stdout.flush()
        for piece in pieces:
            sys.stdout.buffer.write(piece.encode("utf-8", "surrogateescape"))
        sys.stdout.buffer.flush()
        return
    try:
        with output.open("wb") as stream:
            for piece in pieces:
                stream.write(piece.encode("utf-8", "surrogateescape"))
    except OSError as error:
        raise fail(f"cannot write {output}: {error.strerror or error}") from None


def fail(message: str) -> typer.Exit:
    """Print an error line and return the exit to raise (code 2)."""
    typer.echo(f"tqcheck: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def run_config(config_path: Path | None, rules: list[Path] | None,
               no_default_rules: bool) -> Config:
    """The config file's settings with the rule options of the command line applied."""
    config = load_config(config_path or find_config(Path.cwd()))
    config.rules += rules or []
    config.default_rules = config.default_rules and not no_default_rules
    return config


def version_callback(value: bool) -> None:
    """Print the version and stop."""
    if value:
        typer.echo(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback,
                                          is_eager=True, help="Show the version.")] = False,
) -> None:
    """tqcheck: a translation-quality checker for machine-translated news."""


@app.command()
def lint(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article folders, .txt/.md/.html files, folder trees, or - for stdin.",
        show_default=False)] = None,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Report format: {', '.join(FORMATS)}.")] = "text",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file.", show_default=False)] = None,
    jsonl: Annotated[list[Path] | None, typer.Option(
        "--jsonl", help="JSON Lines file of articles (id, mt, source, ref, source_lang, "
        "target_lang); repeatable.", show_default=False)] = None,
    rules: RulesOption = None,
    no_default_rules: NoDefaultRules = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule ids or globs (repeatable, e.g. 'names/*').",
        show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Turn off rule ids or globs (repeatable).", show_default=False)] = None,
    source_lang: Annotated[str | None, typer.Option(
        "--source-lang", help="Source language of every article (e.g. fr).",
        show_default=False)] = None,
    target_lang: Annotated[str | None, typer.Option(
        "--target-lang", help="Target language of every article (e.g. en).",
        show_default=False)] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Exit 1 on findings at or above: error, warning, info, never "
        "[default: error].", show_default=False)] = None,
    fail_under: Annotated[str | None, typer.Option(
        "--fail-under", help="Exit 1 when an article's score is below, e.g. chrf=50,bleu=20,"
        "mqm=90.", show_default=False)] = None,
    exit_zero: Annotated[bool, typer.Option(
        "--exit-zero", help="Exit 0 even with findings (errors of tqcheck itself still exit 2).")
    ] = False,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", help="Name shown for stdin input (its suffix picks the markup).",
        show_default=False)] = None,
    source_file: Annotated[Path | None, typer.Option(
        "--source-file", help="Source text of the article read from stdin.", exists=True,
        dir_okay=False, show_default=False)] = None,
    ref_file: Annotated[list[Path] | None, typer.Option(
        "--ref-file", help="Reference translation of the article read from stdin "
        "(repeatable).", exists=True, dir_okay=False, show_default=False)] = None,
    max_file_size: Annotated[int | None, typer.Option(
        "--max-file-size", help="Skip (and report) files larger than this many bytes.",
        show_default=False)] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the certain suggestions to the files, then report what is left.")
    ] = False,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Load the rules from their files, not from the rule cache.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes [default: one per core]; the output "
        "is the same for any number.", show_default=False)] = None,
    dask_scheduler: Annotated[str | None, typer.Option(
        "--dask-scheduler", help="Lint on the Dask cluster of this scheduler address; paths "
        "may then be fsspec URLs (s3://...). Needs tqcheck[dask].", show_default=False)] = None,
    config_path: ConfigOption = None,
) -> None:
    """Check articles and report findings; exit 1 when a finding reaches --fail-on."""
    from tqcheck.gates import parse_fail_under
    from tqcheck.pipeline import default_jobs, keep_for
    from tqcheck.progress import Progress
    from tqcheck.report import renderer
    from tqcheck.run import StreamOptions, holds_one_article, load_options
    from tqcheck.run import lint as run_lint

    if output_format not in FORMATS:
        raise fail(f"unknown format '{output_format}' (choose from {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise fail(f"unknown --fail-on level '{fail_on}' (choose from {', '.join(FAIL_LEVELS)})")
    if not paths and not jsonl:
        raise fail("give at least one path (or - for stdin, or --jsonl FILE)")
    if (source_file or ref_file) and "-" not in (paths or []):
        raise fail("--source-file and --ref-file go with - (the article read from stdin)")
    try:
        config = run_config(config_path, rules, no_default_rules)
        config.select = select or config.select
        config.ignore = config.ignore + (ignore or [])
        config.cache = config.cache and not no_cache
        if max_file_size is not None:
            config.max_file_size = max_file_size
        if fail_under is not None:
            config.fail_under = parse_fail_under(fail_under)
        options = load_options(
            config, source_lang=source_lang, target_lang=target_lang,
            stdin_filename=stdin_filename, stdin_source=source_file,
            stdin_refs=tuple(ref_file or ()))

        keep = keep_for(output_format == "html", fix)

        def run() -> "LintResult":
            if dask_scheduler:
                return cluster_lint()(dask_scheduler, paths or [], jsonl or [], config, options,
                                      keep)
            with Progress() as progress:
                stream = StreamOptions(jobs=jobs or default_jobs(), keep=keep,
                                       across=not holds_one_article(paths or [], jsonl or []),
                                       progress=progress)
                return run_lint(paths or [], jsonl or [], config, options, stream)

        result = run()
        if fix:
            result = apply_fixes(result, run)
    except TqcheckError as error:
        raise fail(str(error)) from None
    for missing in result.missing:
        typer.echo(f"tqcheck: error: {missing}", err=True)
    for empty in result.empty_dirs:
        typer.echo(f"tqcheck: warning: no articles found under {empty}", err=True)
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    write_report(renderer(output_format)(result, color=color), output)
    if result.missing:
        raise typer.Exit(EXIT_ERROR)
    level = fail_on or config.fail_on
    raise typer.Exit(EXIT_FINDINGS if result.fails(level) and not exit_zero else EXIT_OK)


def cluster_lint() -> Callable[..., "LintResult"]:
    """The lint run of a Dask cluster (tqcheck.dask), or an error when the extra is missing."""
    try:
        from tqcheck.dask import lint_on_cluster
    except ImportError as error:
        raise fail(f"--dask-scheduler needs the dask extra: pip install 'tqcheck[dask]' "
                   f"({error})") from None
    return lint_on_cluster


def apply_fixes(result: "LintResult", relint: Callable[[], "LintResult"]) -> "LintResult":
    """Apply the fixable findings, say what was fixed, and lint again to report what is left."""
    from tqcheck.fixes import fix_files

    fixed = fix_files(result.targets, result.findings)
    for path, why in fixed.refused.items():
        typer.echo(f"tqcheck: warning: {path}: {why}", err=True)
    if not fixed.total:
        return result
    typer.echo(f"tqcheck: fixed {fixed.total} finding{'s' if fixed.total != 1 else ''} in "
               f"{len(fixed.applied)} file{'s' if len(fixed.applied) != 1 else ''}", err=True)
    return relint()


def loaded_rules(rules: list[Path] | None, no_default_rules: bool, config_path: Path | None,
                 directories: list[Path] | None = None) -> list["Rule"]:
    """The rules a `rules` subcommand works on (explicit folders replace the defaults)."""
    from tqcheck.loader import load_rules
    from tqcheck.run import rule_paths

    try:
        config = run_config(config_path, rules, no_default_rules)
        paths = list(directories) if directories else rule_paths(config)
        return load_rules(paths)
    except TqcheckError as error:
        raise fail(str(error)) from None


@rules_app.command("list")
def rules_list(rules: RulesOption = None, no_default_rules: NoDefaultRules = False,
               config_path: ConfigOption = None) -> None:
    """List the rules: id, type, severity, category and what each one checks."""
    loaded = loaded_rules(rules, no_default_rules, config_path)
    width = max((len(r.id) for r in loaded), default=4)
    for rule in sorted(loaded, key=lambda r: r.id):
        summary = (rule.description or rule.message).strip().split("\n")[0]
        typer.echo(f"{rule.id:<{width}}  {rule.type:<9} {rule.severity.value:<8} "
                   f"{rule.category:<36} {summary}")
    typer.echo(f"{len(loaded)} rules")


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. names/variants.")],
               rules: RulesOption = None, no_default_rules: NoDefaultRules = False,
               config_path: ConfigOption = None) -> None:
    """Show one rule's documentation, settings and examples."""
    loaded = {r.id: r for r in loaded_rules(rules, no_default_rules, config_path)}
    rule = loaded.get(rule_id)
    if rule is None:
        raise fail(f"no rule '{rule_id}' (see `tqcheck rules list`)")
    lines = [rule.id, "", rule.description or "(no description)", "",
             f"type:      {rule.type}", f"category:  {rule.category}",
             f"severity:  {rule.severity.value}", f"message:   {rule.message}",
             f"languages: source {', '.join(rule.source_langs) or 'any'}; "
             f"target {', '.join(rule.target_langs) or 'any'}",
             f"defined:   {rule.origin}"]
    lines += ["", "Flags:"] + [f"  {e}" for e in rule.examples.bad]
    lines += ["", "Leaves alone:"] + [f"  {e}" for e in rule.examples.good]
    typer.echo("\n".join(lines))


@rules_app.command("test")
def rules_test(
    directories: Annotated[list[Path] | None, typer.Argument(
        help="Rule folders or files to test (default: the configured rules).",
        show_default=False)] = None,
    rules: RulesOption = None, no_default_rules: NoDefaultRules = False,
    config_path: ConfigOption = None,
) -> None:
    """Run every rule's examples: bad ones must be flagged, good ones must not."""
    from tqcheck.ruletest import check_examples

    loaded = loaded_rules(rules, no_default_rules, config_path, directories)
    failures = [failure for rule in loaded for failure in check_examples(rule)]
    for failure in failures:
        typer.echo(str(failure), err=True)
    examples = sum(len(r.examples.bad) + len(r.examples.good) for r in loaded)
    verdict = f"{len(failures)} failing" if failures else "all pass"
    typer.echo(f"{len(loaded)} rules, {examples} examples: {verdict}")
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_OK)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token_file: Annotated[Path | None, typer.Option(
        "--token-file", help="File holding the bearer token that requests must send.",
        exists=True, dir_okay=False, show_default=False)] = None,
    max_body_size: Annotated[int, typer.Option(
        "--max-body-size", help="Largest request body in bytes (413 beyond).", min=1)
    ] = 1024 * 1024,
    time_budget: Annotated[float, typer.Option(
        "--time-budget", help="Seconds a check may take (503 beyond).", min=0.001)] = 5.0,
    rules: RulesOption = None,
    no_default_rules: NoDefaultRules = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule ids or globs (repeatable).", show_default=False)
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Turn off rule ids or globs (repeatable).", show_default=False)] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Verdict 'fail' on findings at or above: error, warning, info, never "
        "[default: error].", show_default=False)] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Processes that run the checks (default: one per core).", min=1,
        show_default=False)] = None,
    config_path: ConfigOption = None,
) -> None:
    """Serve checks over HTTP: POST /v1/check, GET /v1/rules, GET /healthz, /openapi.json."""
    try:
        import uvicorn

        from tqcheck.body_limit import BodyLimit
        from tqcheck.service import Settings, create_app
    except ImportError:
        raise fail("tqcheck serve needs its extra: pip install 'tqcheck[serve]'") from None
    from tqcheck.pipeline import default_jobs
    from tqcheck.run import configured_rules

    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise fail(f"unknown --fail-on level '{fail_on}' (choose from {', '.join(FAIL_LEVELS)})")
    token = token_file.read_text("utf-8").strip() if token_file else None
    if token == "":
        raise fail(f"{token_file}: the token file is empty")
    try:
        config = run_config(config_path, rules, no_default_rules)
        config.select = select or config.select
        config.ignore = config.ignore + (ignore or [])
        config.fail_on = fail_on or config.fail_on
        settings = Settings(config=config, rules=configured_rules(config),
                            time_budget=time_budget, token=token)
    except TqcheckError as error:
        raise fail(str(error)) from None
    app = BodyLimit(create_app(settings, workers or default_jobs()), max_body_size)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


ScoreFormat = Annotated[str, typer.Option(
    "--format", "-f", help="Report format: text, json, markdown.")]


@app.command()
def score(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article folder trees with references (ref.<lang>.txt); two or more are compared.",
        show_default=False)] = None,
    hyp: Annotated[list[Path] | None, typer.Option(
        "--hyp", help="System output, one segment a line (repeatable: systems compared).",
        show_default=False)] = None,
    ref: Annotated[list[Path] | None, typer.Option(
        "--ref", help="Reference translation of the --hyp files (repeatable).",
        show_default=False)] = None,
    metrics: Annotated[str | None, typer.Option(
        "--metrics", "-m", help="Comma-separated: bleu, chrf, chrf++, ter (default: "
        "bleu,chrf,ter).", show_default=False)] = None,
    tokenize: Annotated[str | None, typer.Option(
        "--tokenize", help="BLEU tokenizer (default: by target language: 13a, zh, char).",
        show_default=False)] = None,
    target_lang: Annotated[str | None, typer.Option(
        "--target-lang", help="Language of the translations (e.g. de).", show_default=False)
    ] = None,
    segments: Annotated[bool, typer.Option(
        "--segments", help="Also score each segment (sentence-level).")] = False,
    paired: Annotated[str, typer.Option(
        "--paired", help="Test comparing systems: bs (paired bootstrap), ar (approximate "
        "randomization), none.")] = "bs",
    samples: Annotated[int, typer.Option(
        "--samples", help="Resamples (bs) or trials (ar) (default: 1000 for bs, 10000 for ar).",
        show_default=False, min=0)] = 0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the paired test.")
                    ] = DEFAULT_SEED,
    width: Annotated[int, typer.Option(
        "--width", "-w", help="Decimals printed (and gated on).", min=0, max=10)] = 1,
    fail_under: Annotated[str | None, typer.Option(
        "--fail-under", help="Exit 1 when a corpus score is below, e.g. chrf=50,bleu=20.",
        show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Worker processes computing the statistics (default: the number "
        "of cores; 1: in this process).", show_default=False, min=1)] = None,
    output_format: ScoreFormat = "text",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file.", show_default=False)] = None,
    config_path: ConfigOption = None,
) -> None:
    """Score system outputs against references (sacrebleu) and compare systems."""
    from tqcheck.gates import parse_fail_under
    from tqcheck.pipeline import default_jobs
    from tqcheck.report.score_format import RENDERERS
    from tqcheck.run import load_options
    from tqcheck.score_run import (
        ScoreSettings,
        score_systems,
        systems_from_files,
        systems_from_folders,
    )
    from tqcheck.scoring import Scoring, check_metrics, check_tokenizer

    if output_format not in RENDERERS:
        raise fail(f"unknown format '{output_format}' (choose from {', '.join(RENDERERS)})")
    if paired not in ("bs", "ar", "none"):
        raise fail(f"unknown --paired test '{paired}' (choose from bs, ar, none)")
    if bool(hyp) == bool(paths):
        raise fail("give either --hyp FILE --ref FILE, or article folders")
    if hyp and not ref or ref and not hyp:
        raise fail("--hyp and --ref go together (article folders carry their references)")
    try:
        config = run_config(config_path, None, False)
        chosen = [m.strip() for m in metrics.split(",")] if metrics else config.metrics
        check_metrics(chosen)
        if tokenize:
            check_tokenizer(tokenize)
        gates = parse_fail_under(fail_under) if fail_under else dict(config.fail_under)
        if "mqm" in gates:
            raise fail("mqm scores come from findings: gate on them with tqcheck lint")
        options = load_options(config, target_lang=target_lang)
        found = (systems_from_files(hyp or [], ref or [], options) if hyp
                 else systems_from_folders(paths or [], options))
        scoring = Scoring(tuple(chosen), tokenize, segment_level=segments,
                          jobs=jobs or default_jobs())
        settings = ScoreSettings(scoring, gates, paired, samples, seed, width)
        report = score_systems(found, settings)
    except TqcheckError as error:
        raise fail(str(error)) from None
    for message in report.messages:
        typer.echo(f"tqcheck: {message}", err=True)
    for error in found.errors:
        typer.echo(f"tqcheck: error: {error}", err=True)
    if not report.scores:
        raise fail("nothing to score (no system output with a usable reference)")
    write_report(RENDERERS[output_format](report), output)
    if found.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if report.failed else EXIT_OK)


@app.command()
def names(
    paths: Annotated[list[str], typer.Argument(
        help="Article folders, .txt/.md/.html files or folder trees.", show_default=False)],
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="Table format: text or json.")] = "text",
    varied: Annotated[bool, typer.Option(
        "--varied", help="Only the names spelled more than one way.")] = False,
    source_lang: Annotated[str | None, typer.Option(
        "--source-lang", help="Source language of every article (e.g. fr).",
        show_default=False)] = None,
    target_lang: Annotated[str | None, typer.Option(
        "--target-lang", help="Target language of every article (e.g. en).",
        show_default=False)] = None,
    rules: RulesOption = None,
    no_default_rules: NoDefaultRules = False,
    config_path: ConfigOption = None,
) -> None:
    """List the people and places the articles name: each spelling, counted per article."""
    from tqcheck.names.table import FORMATS as NAME_FORMATS
    from tqcheck.names.table import name_entities, render
    from tqcheck.run import configured_rules, load_inputs, load_options

    if output_format not in NAME_FORMATS:
        raise fail(f"unknown format '{output_format}' (choose from {', '.join(NAME_FORMATS)})")
    try:
        config = run_config(config_path, rules, no_default_rules)
        loaded = load_inputs(paths, [], load_options(config, source_lang=source_lang,
                                                     target_lang=target_lang))
        entities = name_entities(configured_rules(config), loaded.articles)
    except TqcheckError as error:
        raise fail(str(error)) from None
    for missing in loaded.missing:
        typer.echo(f"tqcheck: error: path not found: {missing}", err=True)
    if varied:
        entities = [e for e in entities if e.variants]
    sys.stdout.buffer.write(render(entities, output_format).encode("utf-8"))
    sys.stdout.buffer.flush()
    raise typer.Exit(EXIT_ERROR if loaded.missing else EXIT_OK)


def main() -> None:
    """Console-script entry point."""
    app()
