"""Turn paths, stdin and JSONL into articles; unreadable inputs become `input/...` findings."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import partial
from itertools import chain
from pathlib import Path

from tqcheck.documents import Article, Document, content_digest, markup_of
from tqcheck.findings import Finding, Severity
from tqcheck.langid import detect_language
from tqcheck.yamlfile import LineMap, YamlError, read_yaml

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_EXT = r"\.(?:txt|md|markdown|html?)"
_LANG = r"(?:\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?))?"
TARGET_FILE = re.compile(rf"(?:mt|target){_LANG}{_EXT}", re.IGNORECASE)
SOURCE_FILE = re.compile(rf"source{_LANG}{_EXT}", re.IGNORECASE)
REF_FILE = re.compile(rf"ref(?:[-_.]?(?P<n>\d+))?{_LANG}{_EXT}", re.IGNORECASE)
BARE_FILE_LANG = re.compile(r".+\.(?P<lang>[a-z]{2}(?:[-_][A-Z]{2})?)\.[^.]+")
DEFAULT_EXCLUDE = ("README*", "readme*", "LICENSE*", "CHANGELOG*", "CONTRIBUTING*")
SKIPPED_DIRS = {"node_modules", "__pycache__", "venv"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BINARY_SNIFF_BYTES = 8192


@dataclass
class LoadOptions:
    """How to read inputs: languages from the CLI and config, limits and excludes."""

    source_lang: str | None = None
    target_lang: str | None = None
    default_source_lang: str | None = None
    default_target_lang: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    exclude: tuple[str, ...] = ()
    stdin_filename: str | None = None
    stdin_source: Path | None = None
    stdin_refs: tuple[Path, ...] = ()


@dataclass
class Loaded:
    """The articles read, the problems met, and what was not found at all."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # messages about paths that are not there
    empty_dirs: list[str] = field(default_factory=list)

    def extend(self, other: Loaded) -> None:
        """Add another load's results to this one."""
        self.articles += other.articles
        self.problems += other.problems
        self.missing += other.missing
        self.empty_dirs += other.empty_dirs


def problem(path: str, rule: str, message: str, severity: Severity = Severity.ERROR,
            line: int = 1, column: int = 1) -> Finding:
    """An `input/...` finding about a file that could not be checked (or only in part)."""
    return Finding(path=path, line=line, column=column, end_line=line, end_column=column,
                   rule=f"input/{rule}", category="Other", severity=severity,
                   message=message, text="")


def decode(data: bytes, path: str, max_bytes: int) -> tuple[Document | None, Finding | None]:
    """Decode file bytes into a Document, or explain why they cannot be checked."""
    if len(data) > max_bytes:
        return None, too_large(path, len(data), max_bytes)
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return None, problem(path, "binary", "file looks binary (it contains NUL bytes); "
                             "not checked")
    has_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        valid = data[:error.start].decode("utf-8-sig", errors="replace")
        line = valid.count("\n") + 1
        column = len(valid) - (valid.rfind("\n") + 1) + 1
        message = (f"not valid UTF-8: byte 0x{data[error.start]:02x} at byte offset "
                   f"{error.start}; save the file as UTF-8")
        return None, problem(path, "invalid-utf8", message, line=line, column=column)
    if not text.strip():
        return None, problem(path, "empty", "file is empty; nothing to check", Severity.WARNING)
    return Document(path=path, text=text, markup=markup_of(path), has_bom=has_bom), None


def too_large(path: str, size: int, max_bytes: int) -> Finding:
    """The problem of a file over the size limit."""
    return problem(path, "too-large", f"file is {size:,} bytes, over the {max_bytes:,}-byte "
                   "limit (raise max-file-size to check it)")


def read_document(path: Path, display: str,
                  max_bytes: int) -> tuple[Document | None, Finding | None]:
    """Read one file into a Document, or a problem finding."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, too_large(display, size, max_bytes)
        data = path.read_bytes()
    except OSError as error:
        return None, problem(display, "unreadable", f"cannot read file: {error.strerror or error}")
    document, issue = decode(data, display, max_bytes)
    if document is not None:
        document.digest = content_digest(data)
    return document, issue


def display_path(path: Path) -> str:
    """The path as shown in reports: as given, with forward slashes."""
    return path.as_posix()


def is_article_folder(directory: Path) -> bool:
    """Whether a folder holds a target file (mt.<lang>.txt or target.<lang>.*)."""
    try:
        return any(TARGET_FILE.fullmatch(p.name) and p.is_file() for p in directory.iterdir())
    except OSError:
        return False


def resolve_target_lang(options: LoadOptions, meta_lang: str | None, file_lang: str | None,
                        text: str) -> str | None:
    """Target language: CLI, then article.yaml, then file name, then config, then detection."""
    return (options.target_lang or meta_lang or file_lang or options.default_target_lang
            or detect_language(text))


def assign_langs(options: LoadOptions, meta: dict[str, object], target: Document,
                 source: Document | None, refs: list[Document], target_file_lang: str | None = None,
                 source_file_lang: str | None = None) -> str | None:
    """Set the languages of an article's documents (same precedence on both sides).

    Returns the source language, which is known even when no source text is.
    """
    target.lang = resolve_target_lang(options, _meta_str(meta, "target_lang"), target_file_lang,
                                      target.checkable)
    source_lang = (options.source_lang or _meta_str(meta, "source_lang") or source_file_lang
                   or options.default_source_lang
                   or (detect_language(source.checkable) if source else None))
    if source is not None:
        source.lang = source_lang
    for ref in refs:
        ref.lang = target.lang
    return source_lang


def _lang(match: re.Match[str] | None) -> str | None:
    """The language code captured by a file-name pattern, lower-case with a hyphen."""
    lang = match and match.group("lang")
    return lang.replace("_", "-").lower() if lang else None


def read_metadata(directory: Path, loaded: Loaded) -> dict[str, object]:
    """Read article.yaml (optional); an unreadable one is a problem, not a stop."""
    path = directory / "article.yaml"
    if not path.is_file():
        return {}
    try:
        data = read_yaml(path, display_path(path))
    except YamlError as error:
        loaded.problems.append(problem(error.path, "invalid-metadata", error.message,
                                       line=error.line or 1))
        return {}
    if not isinstance(data, LineMap):
        loaded.problems.append(problem(display_path(path), "invalid-metadata",
                                       "article.yaml must be a mapping of keys"))
        return {}
    return dict(data)


def _meta_str(meta: dict[str, object], key: str) -> str | None:
    """A string value of article.yaml, or None."""
    value = meta.get(key)
    return value if isinstance(value, str) and value else None


def _meta_list(meta: dict[str, object], key: str) -> list[str]:
    """A list-of-strings value of article.yaml (a single string counts as a list of one)."""
    value = meta.get(key)
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def load_article_folder(directory: Path, options: LoadOptions) -> Loaded:
    """Read one article folder: target, optional source, references and article.yaml."""
    loaded = Loaded()
    meta = read_metadata(directory, loaded)
    target_file = source_file = None
    ref_files: list[tuple[int, Path]] = []
    for path in sorted(directory.iterdir()):
        if not path.is_file():
            continue
        if TARGET_FILE.fullmatch(path.name) and target_file is None:
            target_file = path
        elif SOURCE_FILE.fullmatch(path.name) and source_file is None:
            source_file = path
        elif match := REF_FILE.fullmatch(path.name):
            ref_files.append((int(match.group("n") or 1), path))
    assert target_file is not None  # callers check is_article_folder first
    target, issue = read_document(target_file, display_path(target_file), options.max_bytes)
    if target is None:
        loaded.problems.append(issue)  # type: ignore[arg-type]
        return loaded
    source = None
    if source_file is not None:
        source, issue = read_document(source_file, display_path(source_file), options.max_bytes)
        loaded.problems += [issue] if issue else []
    refs = []
    for _, ref_file in sorted(ref_files):
        ref, issue = read_document(ref_file, display_path(ref_file), options.max_bytes)
        loaded.problems += [issue] if issue else []
        refs += [ref] if ref else []
    source_file_lang = _lang(SOURCE_FILE.fullmatch(source_file.name)) if source_file else None
    source_lang = assign_langs(options, meta, target, source, refs,
                               _lang(TARGET_FILE.fullmatch(target_file.name)), source_file_lang)
    loaded.articles.append(Article(id=display_path(directory), target=target, source=source,
                                   refs=refs, source_lang=source_lang, meta=meta,
                                   ignore=_meta_list(meta, "ignore")))
    return loaded


def article_from_document(document: Document, options: LoadOptions,
                          file_lang: str | None = None) -> Article:
    """A target-only article from one document, its languages resolved."""
    document.lang = resolve_target_lang(options, None, file_lang, document.checkable)
    return Article(id=document.path, target=document,
                   source_lang=options.source_lang or options.default_source_lang)


def load_bare_file(path: Path, options: LoadOptions) -> Loaded:
    """Read a single .txt/.md/.html file as a target-only article."""
    loaded = Loaded()
    document, issue = read_document(path, display_path(path), options.max_bytes)
    if document is None:
        loaded.problems.append(issue)  # type: ignore[arg-type]
    else:
        lang = _lang(BARE_FILE_LANG.fullmatch(path.name))
        loaded.articles.append(article_from_document(document, options, lang))
    return loaded


def _excluded(name: str, options: LoadOptions) -> bool:
    """Whether a file found while walking a folder is left out."""
    return any(fnmatchcase(name, glob) for glob in (*DEFAULT_EXCLUDE, *options.exclude))


def load_stdin(options: LoadOptions) -> Loaded:
    """Read one article from standard input (named by --stdin-filename, else `-`), with its
    source and references from the files of `stdin_source` and `stdin_refs`."""
    loaded = Loaded()
    name = options.stdin_filename or "-"
    target, issue = decode(sys.stdin.buffer.read(), name, options.max_bytes)
    if target is None:
        loaded.problems.append(issue)  # type: ignore[arg-type]
        return loaded
    source = None
    if options.stdin_source is not None:
        source, issue = read_document(options.stdin_source, display_path(options.stdin_source),
                                      options.max_bytes)
        loaded.problems += [issue] if issue else []
    refs = []
    for ref_file in options.stdin_refs:
        ref, issue = read_document(ref_file, display_path(ref_file), options.max_bytes)
        loaded.problems += [issue] if issue else []
        refs += [ref] if ref else []
    source_file_lang = (_lang(BARE_FILE_LANG.fullmatch(options.stdin_source.name))
                        if options.stdin_source else None)
    source_lang = assign_langs(options, {}, target, source, refs,
                               _lang(BARE_FILE_LANG.fullmatch(Path(name).name)), source_file_lang)
    loaded.articles.append(Article(id=name, target=target, source=source, refs=refs,
                                   source_lang=source_lang))
    return loaded


def walk_top_down(root: Path) -> Iterator[tuple[Path, list[str], list[str]]]:
    """Each folder of a tree top-down with the names of its folders and files, like os.walk
    (the caller may prune the folders); a Path of another file system walks itself."""
    if not isinstance(root, Path):
        yield from root.walk()
        return
    for current, dirs, files in os.walk(root):
        yield Path(current), dirs, files


def real_path(path: Path) -> str:
    """Where a path leads, links resolved (a path of another file system as it is)."""
    return os.path.realpath(path) if isinstance(path, Path) else str(path)


Job = Callable[[], Loaded]
"""One unit of loading: an article folder, a bare file, stdin or a JSONL line. Jobs are
picklable, so that they can be loaded (and linted) in other processes."""


@dataclass(frozen=True)
class Preloaded:
    """A job whose result is already known (stdin must be read by the main process)."""

    loaded: Loaded

    def __call__(self) -> Loaded:
        return self.loaded


@dataclass
class InputWalk:
    """The load jobs of a run's inputs, found lazily and in order: paths as given (folders
    walked recursively in sorted order, `-` for stdin), then JSONL files line by line.

    A file reached twice (`a.txt ./a.txt`, a folder and a file in it) gives one job, at its
    first place. Paths that are not there and folders with nothing to check are noted in
    `missing` and `empty_dirs` as the walk reaches them. `path_of` turns a command-line path
    into a Path: a local one, or one of another file system (see tqcheck.dask).
    """

    paths: list[str]
    options: LoadOptions
    jsonl: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    empty_dirs: list[str] = field(default_factory=list)
    path_of: Callable[[str], Path] = Path

    def __iter__(self) -> Iterator[Job]:
        seen: set[str] = set()
        for key, job in chain(self._path_jobs(), self._jsonl_jobs()):
            if key is None or key not in seen:
                seen.add(key or "")
                yield job

    def _path_jobs(self) -> Iterator[tuple[str | None, Job]]:
        """The jobs of the command-line paths, with the real path each one reads."""
        for raw in self.paths:
            path = self.path_of(raw)
            if raw == "-":
                yield None, Preloaded(load_stdin(self.options))
            elif path.is_dir():
                yield from self._tree_jobs(path)
            elif path.is_file():
                yield (self._folder_job(path.parent) if TARGET_FILE.fullmatch(path.name)
                       else self._file_job(path))
            else:
                self.missing.append(f"{raw}: symbolic link that loops or points nowhere"
                                    if path.is_symlink() else f"path not found: {raw}")

    def _tree_jobs(self, root: Path) -> Iterator[tuple[str | None, Job]]:
        """Every article under a folder, recursively: in each folder its bare files, then
        its article folders, then its other folders."""
        if is_article_folder(root):
            yield self._folder_job(root)
            return
        found = False
        for here, dirs, files in walk_top_down(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                             and not _excluded(d, self.options))
            article_dirs = [d for d in dirs if is_article_folder(here / d)]
            real_here = real_path(here)
            for name in sorted(files):
                if name.lower().endswith(TEXT_SUFFIXES) and not _excluded(name, self.options):
                    found = True
                    yield self._file_job(here / name, real_here)
            for name in article_dirs:
                found = True
                yield self._folder_job(here / name)
            dirs[:] = [d for d in dirs if d not in article_dirs]
        if not found:
            self.empty_dirs.append(display_path(root))

    def _folder_job(self, directory: Path) -> tuple[str, Job]:
        return real_path(directory), partial(load_article_folder, directory, self.options)

    def _file_job(self, path: Path, real_folder: str | None = None) -> tuple[str, Job]:
        """The job of a bare file, keyed by its real path: its folder's real path (when
        given, for a local file) and its name, unless the file is a link."""
        real = os.path.join(real_folder, path.name) \
            if real_folder is not None and isinstance(path, Path) else None
        if real is None or os.path.islink(real):
            real = real_path(path)
        return real, partial(load_bare_file, path, self.options)

    def _jsonl_jobs(self) -> Iterator[tuple[str | None, Job]]:
        """One job per non-blank line of each JSONL file, read as a stream."""
        for path in self.jsonl:
            shown = display_path(path)
            try:
                with path.open("rb") as stream:
                    for number, raw in enumerate(stream, 1):
                        line = raw.decode("utf-8-sig" if number == 1 else "utf-8",
                                          errors="replace").rstrip("\r\n")
                        if line.strip():
                            yield None, partial(load_jsonl_line, line, number, shown,
                                                self.options)
            except FileNotFoundError:
                self.missing.append(f"path not found: {shown}")
            except OSError as error:
                yield None, Preloaded(Loaded(problems=[
                    problem(shown, "unreadable", f"cannot read: {error.strerror}")]))


def run_jobs(walk: InputWalk) -> Loaded:
    """Load every job of a walk into memory (for small runs and tools; linting streams)."""
    loaded = Loaded()
    for job in walk:
        loaded.extend(job())
    loaded.missing += walk.missing
    loaded.empty_dirs += walk.empty_dirs
    return loaded


def load_paths(paths: list[str], options: LoadOptions) -> Loaded:
    """Load articles from command-line paths (`-` is stdin), in the order given."""
    return run_jobs(InputWalk(paths, options))


def load_jsonl(path: Path, options: LoadOptions) -> Loaded:
    """Read articles from JSON Lines: id, mt, optional source, ref (string or list), langs."""
    return run_jobs(InputWalk([], options, [path]))


def load_jsonl_line(line: str, number: int, shown: str, options: LoadOptions) -> Loaded:
    """One line of a JSONL file as an article, or a problem finding at its line."""
    loaded = Loaded()
    article = _jsonl_article(line, number, shown, options, loaded)
    loaded.articles += [article] if article else []
    return loaded


def _jsonl_article(line: str, number: int, shown: str, options: LoadOptions,
                   loaded: Loaded) -> Article | None:
    """One JSONL record as an article, or a problem finding at its line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        loaded.problems.append(problem(shown, "invalid-jsonl", f"invalid JSON: {error.msg}",
                                       line=number, column=error.colno))
        return None
    if not isinstance(record, dict) or not isinstance(record.get("mt"), str):
        loaded.problems.append(problem(shown, "invalid-jsonl",
                                       "each line must be an object with a string 'mt'",
                                       line=number))
        return None
    article_id = str(record.get("id", number))
    return article_from_record(record, article_id, f"{shown}#{article_id}", options)


def article_from_record(record: dict[str, object], article_id: str, base: str,
                        options: LoadOptions) -> Article:
    """An article from a JSON record (`mt`, optional `source`, `ref`, languages, `ignore`);
    its documents are named after `base`."""
    target = Document(path=base, text=str(record["mt"]))
    source = Document(path=f"{base}/source", text=record["source"]) \
        if isinstance(record.get("source"), str) else None
    refs_raw = record.get("ref", [])
    refs_raw = [refs_raw] if isinstance(refs_raw, str) else refs_raw
    refs = [Document(path=f"{base}/ref-{i}", text=r)
            for i, r in enumerate(refs_raw if isinstance(refs_raw, list) else [], 1)
            if isinstance(r, str)]
    source_lang = assign_langs(options, record, target, source, refs)
    return Article(id=article_id, target=target, source=source, refs=refs,
                   source_lang=source_lang, meta=record, ignore=_meta_list(record, "ignore"))
