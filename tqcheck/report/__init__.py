"""Output formats, one module each, registered by the name used with --format."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tqcheck.run import LintResult

FORMATS = ("text", "json", "github", "sarif", "html")


class Renderer(Protocol):
    """A format's entry point: the whole report, as one string or in pieces."""

    def __call__(self, result: LintResult, *, color: bool = False) -> str | Iterable[str]: ...


def renderer(name: str) -> Renderer:
    """The render function of a format (its module is imported only when used)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format '{name}' (known formats: {', '.join(FORMATS)})")
    return import_module(f"tqcheck.report.{name}_format").render


def rendered(name: str, result: LintResult, *, color: bool = False) -> str:
    """A format's whole report as one string (for callers that need it all at once)."""
    report = renderer(name)(result, color=color)
    return report if isinstance(report, str) else "".join(report)
