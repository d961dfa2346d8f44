"""Errors that stop a run with exit code 2: bad rules, bad configuration, bad usage."""

from __future__ import annotations


class TqcheckError(Exception):
    """An error the user must fix; printed as one line, never as a traceback."""


class RuleError(TqcheckError):
    """A rule file that cannot be loaded: names the file, the line and the rule."""

    def __init__(self, path: str, line: int | None, rule_id: str | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        rule = f" rule '{self.rule_id}':" if self.rule_id else ""
        return f"{where}:{rule} {self.message}"


class ConfigError(TqcheckError):
    """A configuration file or option that cannot be used."""
