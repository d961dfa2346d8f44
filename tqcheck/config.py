"""Configuration: `tqcheck.toml` or `[tool.tqcheck]` in pyproject.toml, found upward."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError
from tqcheck.findings import Severity
from tqcheck.gates import check_gates
from tqcheck.inputs import DEFAULT_MAX_BYTES
from tqcheck.mqm import MqmSettings, parse_mqm
from tqcheck.scoring import DEFAULT_METRICS, METRICS

CONFIG_FILES = ("tqcheck.toml", ".tqcheck.toml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass
class Config:
    """Settings of a run; CLI options override what a config file says."""

    rules: list[Path] = field(default_factory=list)
    default_rules: bool = True
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    source_lang: str | None = None
    target_lang: str | None = None
    fail_on: str = "error"
    max_file_size: int = DEFAULT_MAX_BYTES
    exclude: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=lambda: list(DEFAULT_METRICS))
    fail_under: dict[str, float] = field(default_factory=dict)
    mqm: MqmSettings = field(default_factory=MqmSettings)
    name_lists: list[Path] = field(default_factory=list)
    cache: bool = True
    path: Path | None = None

    def extra_data(self) -> dict[str, list[Path]]:
        """Data files the rules read besides their own, by kind (e.g. house name lists)."""
        return {"names": self.name_lists}


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above a folder (a pyproject.toml counts only with a
    [tool.tqcheck] table)."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.tqcheck] table."""
    import tomllib  # imported when a file is read: most runs find none to read

    try:
        return "tqcheck" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: Path | None) -> Config:
    """Read a config file (None gives the defaults); errors name the file and the key."""
    if path is None:
        return Config()
    import tomllib

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tqcheck", {})
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    """Validate a config table strictly (unknown keys and wrong types are errors)."""
    known = {f.name.replace("_", "-") for f in fields(Config) if f.name != "path"}
    for key in data:
        if key not in known:
            raise ConfigError(f"{path}: unknown config key '{key}' "
                              f"(known keys: {', '.join(sorted(known))})")
    config = Config(path=path)
    base = path.parent
    config.rules = [base / p for p in _str_list(data, "rules", path)]
    config.name_lists = [base / p for p in _str_list(data, "name-lists", path)]
    config.default_rules = _typed(data, "default-rules", bool, path, True)
    config.cache = _typed(data, "cache", bool, path, True)
    config.select = _str_list(data, "select", path)
    config.ignore = _str_list(data, "ignore", path)
    config.exclude = _str_list(data, "exclude", path)
    config.source_lang = _typed(data, "source-lang", str, path, None)
    config.target_lang = _typed(data, "target-lang", str, path, None)
    config.fail_on = _choice(_typed(data, "fail-on", str, path, "error"), FAIL_LEVELS,
                             f"{path}: fail-on")
    config.max_file_size = _typed(data, "max-file-size", int, path, DEFAULT_MAX_BYTES)
    config.metrics = [_choice(m, METRICS, f"{path}: metrics")
                      for m in _str_list(data, "metrics", path)] or list(DEFAULT_METRICS)
    config.fail_under = check_gates(_typed(data, "fail-under", dict, path, {}),
                                    f"{path}: fail-under")
    config.mqm = parse_mqm(_typed(data, "mqm", dict, path, {}), f"{path}: mqm")
    ignores = _typed(data, "per-path-ignores", dict, path, {})
    config.per_path_ignores = {glob: _str_list(ignores, glob, path) for glob in ignores}
    overrides = _typed(data, "severity", dict, path, {})
    config.severity = {glob: parse_severity(_typed(overrides, glob, str, path, ""),
                                            f"{path}: severity of '{glob}'")
                       for glob in overrides}
    return config


def parse_severity(value: str, where: str) -> Severity:
    """A severity name, or a ConfigError saying where it was wrong."""
    return Severity(_choice(value, tuple(s.value for s in Severity), where))


def _choice(value: str, choices: tuple[str, ...], where: str) -> str:
    """Value if it is one of the choices, else a ConfigError."""
    if value not in choices:
        raise ConfigError(f"{where}: '{value}' is not one of {', '.join(choices)}")
    return value


def _typed(data: dict[str, Any], key: str, kind: type, path: Path, default: Any) -> Any:
    """A value of the given type, or the default when absent."""
    value = data.get(key, default)
    if value is not default and (not isinstance(value, kind) or
                                 (kind is int and isinstance(value, bool))):
        raise ConfigError(f"{path}: '{key}' must be of type {kind.__name__}")
    return value


def _str_list(data: dict[str, Any], key: str, path: Path) -> list[str]:
    """A list of strings (absent means empty)."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return value
