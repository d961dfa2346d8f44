"""Data files of the `name-consistency` type (transliteration tables, house name lists),
read as strictly as rules.

A data file is a YAML mapping whose `data:` key says what it holds; the rule loader
leaves such files to the rules that name them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tqcheck.checks.base import Params
from tqcheck.errors import RuleError
from tqcheck.names.house import HouseEntry, HouseList
from tqcheck.names.keys import Replacer
from tqcheck.yamlfile import LineList, LineMap, YamlError, read_yaml

HOUSE_KINDS = ("people", "places")


def read_data(path: Path, kind: str, rule_id: str | None) -> Params:
    """The mapping of a data file of one kind, ready for strict reading."""
    display = path.as_posix()
    try:
        data = read_yaml(path, display)
    except YamlError as error:
        raise RuleError(display, error.line, rule_id, error.message) from None
    if not isinstance(data, LineMap) or data.get("data") != kind:
        raise RuleError(display, getattr(data, "line", 1), rule_id,
                        f"not a {kind} file (it must be a mapping starting with 'data: {kind}')")
    params = Params(data, display, rule_id)
    params.get("data", str)
    params.get("description", str, "")
    return params


def string_map(params: Params, key: str, default: Any = None) -> dict[str, str]:
    """A mapping of strings to strings."""
    mapping = params.get(key, dict, default if default is not None else {})
    for source, target in mapping.items():
        line = mapping.line_of(source) if isinstance(mapping, LineMap) else None
        params.expect(source, str, key, line)
        params.expect(target, str, f"{key}: {source}", line)
    return dict(mapping)


def load_table(path: Path, rule_id: str | None) -> tuple[str, Replacer]:
    """A transliteration table: its source language and its replacements."""
    params = read_data(path, "transliteration", rule_id)
    language = params.get("language", str)
    table = Replacer(string_map(params, "replace"), string_map(params, "endings"))
    params.finish()
    return language, table


def load_house_list(path: Path, rule_id: str | None) -> tuple[str, HouseList]:
    """A house name list (`people:` and `places:` mapping canonical spellings to variants)
    and the target language it is for."""
    params = read_data(path, "names", rule_id)
    language = params.get("language", str)
    entries: list[HouseEntry] = []
    seen: dict[str, str] = {}
    for kind in HOUSE_KINDS:
        names: LineMap = params.get(kind, dict, LineMap())
        for canonical, value in names.items():
            line = names.line_of(canonical)
            params.expect(canonical, str, kind, line)
            entry = _entry(params, canonical, value, line)
            for spelling in entry.spellings:
                if spelling in seen:
                    raise params.error(f"'{spelling}' is listed twice (under '{seen[spelling]}' "
                                       f"and '{canonical}')", line=line)
                seen[spelling] = canonical
            entries.append(entry)
    params.finish()
    return language, HouseList(tuple(entries))


def _entry(params: Params, canonical: str, value: Any, line: int) -> HouseEntry:
    """One entry: a variant, a list of variants, or `{variants: [...], since: ...}`."""
    since = None
    if isinstance(value, LineMap):
        sub = Params(value, params.path, params.rule_id)
        variants = sub.str_list("variants")
        since_value = sub.get("since", (str, int), None)
        since = None if since_value is None else str(since_value)
        sub.finish()
    else:
        params.expect(value, (str, list), canonical, line)
        variants = [value] if isinstance(value, str) else list(value)
        lines = value.item_lines if isinstance(value, LineList) else []
        for index, variant in enumerate(variants):
            params.expect(variant, str, canonical, lines[index] if index < len(lines) else line)
    if not variants:
        raise params.error(f"'{canonical}' lists no variants", line=line)
    if canonical in variants:
        raise params.error(f"'{canonical}' lists itself as a variant", line=line)
    return HouseEntry(canonical, tuple(variants), since)
