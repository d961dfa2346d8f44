"""YAML reading that remembers line numbers, so errors can name the line."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

ReadObserver = Callable[[Path, bytes], None]
_observer: ContextVar[ReadObserver | None] = ContextVar("read_observer", default=None)


class YamlError(Exception):
    """A YAML file that cannot be read or parsed; carries the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class LineMap(dict):
    """A YAML mapping that knows the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """Line of a key, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that knows the line of each of its items."""

    line: int = 0
    item_lines: list[int]


@cache
def _line_loader(fast: bool) -> type:
    """A safe loader building LineMap/LineList and refusing duplicate keys: with `fast`, on
    libyaml's parser when PyYAML has it, else on the pure-Python one (slower, but with more
    precise error messages). PyYAML is imported on first use: rules from the cache need none."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader

    class LineLoader(base):  # type: ignore[valid-type,misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
            mapping = LineMap()
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {}
            self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise yaml.constructor.ConstructorError(
                        None, None, "mapping keys must be plain values", key_node.start_mark
                    )
                if key in mapping:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark
                    )
                mapping[key] = self.construct_object(value_node, deep=True)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            return mapping

        def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
            items = LineList(self.construct_object(child, deep=True) for child in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                               LineLoader.construct_mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                               LineLoader.construct_sequence)
    return LineLoader


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text into LineMap/LineList values; raise YamlError naming the line."""
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader(fast=True))  # noqa: S506 - safe loader
    except yaml.YAMLError:
        pass  # parsed again below, for the pure-Python parser's more precise message
    try:
        return yaml.load(text, Loader=_line_loader(fast=False))  # noqa: S506 - safe loader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(p for p in (error.context, error.problem) if p) or str(error)
        if error.context_mark and line and error.context_mark.line + 1 != line:
            problem += f" (the {error.context.split()[-1] if error.context else 'block'} "
            problem += f"starts at line {error.context_mark.line + 1})"
        raise YamlError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise YamlError(path, None, f"invalid YAML: {error}") from None


def read_text(path: Path, display: str) -> str:
    """A YAML file's text; raise YamlError when it cannot be read or is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise YamlError(display, None, f"cannot read: {error.strerror or error}") from None
    observer = _observer.get()
    if observer is not None:
        observer(path, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise YamlError(display, None, "not valid UTF-8") from None


def folder_listing(folder: Path) -> bytes:
    """The names in a folder, sorted, one a line (what `list_folder` tells the observer)."""
    return "\n".join(sorted(os.listdir(folder))).encode("utf-8", "surrogateescape")


def list_folder(folder: Path) -> list[Path]:
    """The entries of a folder, sorted by name; the observer is told of the listing."""
    listing = folder_listing(folder)
    observer = _observer.get()
    if observer is not None:
        observer(folder, listing)
    return [folder / name for name in listing.decode("utf-8", "surrogateescape").splitlines()]


def read_yaml(path: Path, display: str | None = None) -> Any:
    """Read and parse a YAML file; raise YamlError for unreadable or invalid files."""
    shown = display or str(path)
    return parse_yaml(read_text(path, shown), shown)


@contextmanager
def observed_reads(observer: ReadObserver) -> Iterator[None]:
    """Call `observer(path, content)` for every file `read_text` reads within the block."""
    token = _observer.set(observer)
    try:
        yield
    finally:
        _observer.reset(token)
