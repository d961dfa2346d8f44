"""Findings: what a rule reports, placed in a file by line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tqcheck.documents import Placement
from tqcheck.records import pickled_by_fields


class Severity(StrEnum):
    """How bad a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Numeric rank for comparisons (higher is worse)."""
        return SEVERITY_RANK[self]


SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """One defect found in one file.

    line/column are 1-based; end_column is exclusive; columns count code points.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: Severity
    message: str
    text: str
    suggestion: str | None = None
    fixable: bool = False

    @classmethod
    def at(
        cls,
        placement: Placement,
        start: int,
        end: int,
        text: str,
        *,
        rule: str,
        category: str,
        severity: Severity,
        message: str,
        suggestion: str | None = None,
        fixable: bool = False,
    ) -> Finding:
        """Build a finding for the code-point span [start, end) of a document (or of the
        lines kept of one), whose text is `text`."""
        line, column = placement.position(start)
        end_line, end_column = placement.position(end)
        return cls(
            path=placement.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule,
            category=category,
            severity=severity,
            message=message,
            text=text,
            suggestion=suggestion,
            fixable=fixable and suggestion is not None,
        )

    @property
    def sort_key(self) -> tuple:
        """Deterministic order: by file, then position, then rule."""
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule)

    def to_dict(self) -> dict[str, object]:
        """The finding as in the findings JSON contract."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "text": self.text,
            "suggestion": self.suggestion,
        }
