"""Load rules from YAML files, strictly: every mistake is an error naming file, line and rule."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from tqcheck.categories import MQM_CATEGORIES
from tqcheck.checks import CHECK_TYPES
from tqcheck.checks.base import Params
from tqcheck.engine import Examples, Rule, template_fields
from tqcheck.errors import RuleError, TqcheckError
from tqcheck.findings import Severity
from tqcheck.rulecache import load_cached
from tqcheck.yamlfile import LineList, LineMap, YamlError, parse_yaml, read_text

RULE_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*(?:/[a-z0-9]+(?:[-_][a-z0-9]+)*)+")
LANG_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
RULE_FILE_SUFFIXES = (".yaml", ".yml")
ID_LINE = re.compile(r"""\s*(?:-\s+)?id:\s*["']?([\w/-]+)""")


class RuleLoadErrors(TqcheckError):
    """One or more rule files could not be loaded; one line per error."""

    def __init__(self, errors: list[RuleError | YamlError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


def default_rules_dir() -> Path:
    """The rule packs shipped with tqcheck (inside the wheel, or `rules/` in a checkout)."""
    package = Path(__file__).resolve().parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent / "rules"


def shown_path(path: Path) -> str:
    """A path as shown in messages: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def rule_files(directory: Path) -> list[Path]:
    """YAML files under a directory (or the file itself), in a deterministic order."""
    if directory.is_file():
        return [directory]
    return sorted(p for p in directory.rglob("*") if p.suffix in RULE_FILE_SUFFIXES and p.is_file())


def load_rules(paths: list[Path], extra: Mapping[str, list[Path]] | None = None, *,
               cache: bool = False) -> list[Rule]:
    """Load every rule under the given folders or files; raise RuleLoadErrors listing all errors.

    `extra` names extra data files by kind (e.g. `names` lists), for the rules that use them.
    With `cache`, rules loaded before from unchanged files come from the rule cache.
    """
    if not cache:
        return _load_rules(paths, extra)
    extra_files = sorted((kind, [str(file) for file in files])
                         for kind, files in (extra or {}).items())
    settings = ([str(path) for path in paths], extra_files)
    listing = [[str(file) for file in rule_files(path)] if path.exists() else None
               for path in paths]
    return load_cached(settings, listing, lambda: _load_rules(paths, extra))


def _load_rules(paths: list[Path], extra: Mapping[str, list[Path]] | None) -> list[Rule]:
    """Load every rule under the given folders or files (see load_rules)."""
    rules: list[Rule] = []
    errors: list[RuleError | YamlError] = []
    seen: dict[str, str] = {}
    for path in paths:
        if not path.exists():
            errors.append(YamlError(str(path), None, "rules path not found"))
            continue
        for file in rule_files(path):
            for rule_or_error in load_rule_file(file, extra):
                if isinstance(rule_or_error, Rule):
                    rule = rule_or_error
                    if rule.id in seen:
                        path_str, _, line = rule.origin.rpartition(":")
                        message = f"duplicate rule id (first defined at {seen[rule.id]})"
                        errors.append(RuleError(path_str, int(line), rule.id, message))
                        continue
                    seen[rule.id] = rule.origin
                    rules.append(rule)
                else:
                    errors.append(rule_or_error)
    if errors:
        raise RuleLoadErrors(errors)
    return rules


def load_rule_file(file: Path, extra: Mapping[str, list[Path]] | None = None
                   ) -> list[Rule | RuleError | YamlError]:
    """The rules of one file (a mapping or a list of mappings), or the errors found in it."""
    display = shown_path(file)
    try:
        text = read_text(file, display)
    except YamlError as error:
        return [error]
    return load_rule_text(text, display, extra)


def load_rule_text(text: str, display: str, extra: Mapping[str, list[Path]] | None = None
                   ) -> list[Rule | RuleError | YamlError]:
    """The rules of one rule file's text, or the errors found in it.

    A data file (a mapping with a `data:` key, read by the rules that name it) has no rules.
    """
    try:
        data = parse_yaml(text, display)
    except YamlError as error:
        return [RuleError(display, error.line, rule_id_before(text, error.line), error.message)]
    if data is None:
        return [YamlError(display, None, "empty rule file")]
    if isinstance(data, LineMap) and "data" in data:
        return []
    items = data if isinstance(data, LineList) else [data]
    lines = data.item_lines if isinstance(data, LineList) else [getattr(data, "line", 1)]
    results: list[Rule | RuleError | YamlError] = []
    for item, line in zip(items, lines, strict=True):
        if not isinstance(item, LineMap):
            results.append(RuleError(display, line, None, "a rule must be a mapping of keys"))
            continue
        try:
            results.append(build_rule(item, display, extra))
        except RuleError as error:
            results.append(error)
    return results


def rule_id_before(text: str, line: int | None) -> str | None:
    """The last `id:` written at or above a line of a text that does not parse as YAML."""
    ids = [m.group(1) for row in text.splitlines()[:line] if (m := ID_LINE.match(row))]
    return ids[-1] if ids else None


def build_rule(mapping: LineMap, path: str, extra: Mapping[str, list[Path]] | None = None
               ) -> Rule:
    """Validate one rule mapping and build the Rule with its configured check."""
    raw_id = mapping.get("id")
    rule_id = raw_id if isinstance(raw_id, str) else None
    params = Params(mapping, path, rule_id, extra)
    rule_id = params.get("id", str)
    if not RULE_ID.fullmatch(rule_id):
        raise params.error(f"invalid id '{rule_id}': use lower-case 'family/name' "
                           "(letters, digits, '-', '_')", "id")
    type_name = params.get("type", str)
    if type_name not in CHECK_TYPES:
        raise params.error(f"unknown type '{type_name}' (known types: "
                           f"{', '.join(sorted(CHECK_TYPES))})", "type")
    category = params.get("category", str)
    if category not in MQM_CATEGORIES:
        raise params.error(f"unknown MQM category '{category}' (for example "
                           "'Fluency/Punctuation', 'Fluency/Inconsistency', "
                           "'Accuracy/Source language fragment')", "category")
    severity = _severity(params)
    message = params.get("message", str)
    description = params.get("description", str, "")
    examples = _examples(params)
    source_langs, target_langs = _applies_to(params)
    fix = params.get("fix", bool, False)
    check = CHECK_TYPES[type_name](params)
    params.finish()
    _check_message(params, message, check.message_fields)
    bad, good = check.entry_examples()
    examples = Examples(bad=examples.bad + bad, good=examples.good + good,
                        source=examples.source)
    return Rule(id=rule_id, type=type_name, category=category, severity=severity,
                message=message, check=check, origin=f"{path}:{mapping.line}",
                description=description.strip(), examples=examples,
                source_langs=source_langs, target_langs=target_langs, fix=fix)


def _severity(params: Params) -> Severity:
    """Read `severity` (error, warning or info)."""
    value = params.get("severity", str)
    try:
        return Severity(value)
    except ValueError:
        raise params.error(f"unknown severity '{value}' (use error, warning or info)",
                           "severity") from None


def _examples(params: Params) -> Examples:
    """Read `examples: {bad: [...], good: [...], source: ...}`."""
    mapping = params.get("examples", dict, None)
    if mapping is None:
        return Examples()
    sub = Params(mapping, params.path, params.rule_id)
    examples = Examples(bad=tuple(sub.str_list("bad", [])), good=tuple(sub.str_list("good", [])),
                        source=sub.get("source", str, None))
    sub.finish()
    return examples


def _applies_to(params: Params) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Read `applies_to: {source: [fr], target: [en]}`."""
    mapping = params.get("applies_to", dict, None)
    if mapping is None:
        return (), ()
    sub = Params(mapping, params.path, params.rule_id)
    langs = []
    for side in ("source", "target"):
        codes = sub.str_list(side, [])
        for code in codes:
            if not LANG_CODE.fullmatch(code):
                raise sub.error(f"'{code}' is not a language code (like en, fr, pt-BR)", side)
        langs.append(tuple(codes))
    sub.finish()
    return langs[0], langs[1]


def _check_message(params: Params, message: str, allowed: frozenset[str]) -> None:
    """The message template may only use fields the rule's type provides."""
    try:
        used = template_fields(message)
    except ValueError as error:
        raise params.error(f"invalid message template: {error}", "message") from None
    unknown = used - allowed
    if unknown:
        raise params.error(f"message uses unknown field {{{sorted(unknown)[0]}}} (this type "
                           f"provides: {', '.join(sorted(allowed))})", "message")
