"""`--format json`: the findings JSON contract (tool, version, findings, scores, summary)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from tqcheck import __version__
from tqcheck.run import LintResult

SCHEMA_VERSION = 1


def report_fields(result: LintResult) -> dict[str, object]:
    """The report's fields in order; findings and scores as iterators, so that a large run
    can be written out without building it all in memory first."""
    return {
        "tool": "tqcheck",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "findings": (f.to_dict() for f in result.in_order()),
        "scores": (score.to_dict() for score in result.scores),
        "summary": {
            "articles": result.articles,
            "rules": len(result.rules),
            "findings": len(result.findings),
            "by_severity": result.count_by_severity(),
            "by_rule": result.count_by_rule(),
        },
    }


def report_dict(result: LintResult) -> dict[str, object]:
    """The report as a JSON-ready dict, sorted deterministically."""
    return {key: list(value) if isinstance(value, Iterator) else value
            for key, value in report_fields(result).items()}


def render(result: LintResult, *, color: bool = False) -> Iterator[str]:
    """The report as indented JSON (UTF-8 text, not ASCII-escaped), in pieces: the same text
    as `json.dumps(report_dict(result), indent=2)`, one finding at a time."""
    fields = list(report_fields(result).items())
    yield "{"
    for number, (key, value) in enumerate(fields, 1):
        yield f"\n  {_dumps(key)}: "
        if isinstance(value, Iterator):
            yield from _array(value)
        else:
            yield _dumps(value).replace("\n", "\n  ")
        yield "," if number < len(fields) else "\n}\n"


def _array(items: Iterator[object]) -> Iterator[str]:
    """A list of the report, one item at a time, indented as at the report's second level."""
    first = True
    for item in items:
        yield ("[\n    " if first else ",\n    ") + _item(item)
        first = False
    yield "[]" if first else "\n  ]"


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FLAT_ITEMS = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": ")).encode
"""Encodes a flat object (string keys, scalar values) with its items laid out as json's
indenting encoder lays them out at the third level, in one call of the C encoder."""


def _item(item: object) -> str:
    """One item of a list of the report (a finding, a score) as indented JSON: a flat object
    (values of the plain scalar types), as most are, several times faster than json's
    indenting encoder (pure Python) writes it."""
    # (keys need no test: both encoders write any key the same way, or refuse it)
    if isinstance(item, dict) and item and _SCALARS.issuperset(map(type, item.values())):
        return "{\n      " + _FLAT_ITEMS(item)[1:-1] + "\n    }"
    return _dumps(item).replace("\n", "\n    ")


def _dumps(value: object) -> str:
    """One value as indented JSON."""
    return json.dumps(value, indent=2, ensure_ascii=False)
