"""Regular expressions that compile on first use, so cached rules that never run cost nothing.

A compiled `re`/`regex` pattern pickles as its source and is re-compiled when unpickled; a
LazyPattern pickles as its source too, but compiles only when a method is first called.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

ENGINES = ("re", "regex")


class LazyPattern:
    """A pattern of the `re` or `regex` module that behaves like the compiled pattern.

    Created directly it compiles at once, so an invalid expression raises where it is written
    (as `engine.compile` would); unpickled it waits until first used.
    """

    __slots__ = ("pattern", "flags", "engine", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, engine: ModuleType | str = "re") -> None:
        self.pattern = pattern
        self.flags = flags
        self.engine = engine if isinstance(engine, str) else engine.__name__
        if self.engine not in ENGINES:
            raise ValueError(f"unknown regular expression engine {self.engine!r}")
        self._compiled: Any = None
        self.compiled()

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = importlib.import_module(self.engine).compile(self.pattern,
                                                                          self.flags)
        return self._compiled

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been compiled already."""
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:
        """Everything else (search, finditer, groupindex ...) is the compiled pattern's."""
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LazyPattern):
            return NotImplemented
        return (self.pattern, self.flags, self.engine) == (other.pattern, other.flags,
                                                          other.engine)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags, self.engine))

    def __reduce__(self) -> tuple[Any, ...]:
        return _uncompiled, (self.pattern, self.flags, self.engine)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r}, {self.engine!r})"


def _uncompiled(pattern: str, flags: int, engine: str) -> LazyPattern:
    """A LazyPattern restored from a pickle: compiled on first use."""
    lazy = LazyPattern.__new__(LazyPattern)
    lazy.pattern, lazy.flags, lazy.engine, lazy._compiled = pattern, flags, engine, None
    return lazy
