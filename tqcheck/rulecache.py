"""An on-disk cache of loaded rule sets, so that a run does not parse the same YAML again.

An entry is used only while everything the loading depended on is unchanged: the content of
every file it read, the list of rule files, the load settings, the working folder, tqcheck's
code and the Python version. Rule errors are never cached (a failed load writes nothing), and
a missing, corrupt or unwritable cache only means loading the rules again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqcheck import __version__
from tqcheck.yamlfile import folder_listing, observed_reads

if TYPE_CHECKING:
    from tqcheck.engine import Rule

CACHE_DIR_VARIABLE = "TQCHECK_CACHE_DIR"
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """Where entries live: $TQCHECK_CACHE_DIR, else $XDG_CACHE_HOME/tqcheck or ~/.cache/tqcheck."""
    if os.environ.get(CACHE_DIR_VARIABLE):
        return Path(os.environ[CACHE_DIR_VARIABLE])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tqcheck"


def load_cached(settings: object, listing: object, load: Callable[[], list[Rule]]
                ) -> list[Rule]:
    """The rules `load()` gives, from the cache when an entry for the same settings (e.g. the
    rule paths as given) has the same listing (e.g. the rule files found) and read files that
    are all unchanged; otherwise loaded, and stored if loading succeeds."""
    where = (__version__, sys.version, os.getcwd(), settings)
    try:
        key = (where, listing, code_stamp())
        entry = cache_dir() / f"rules-{_digest(repr(where).encode())}.pickle"
    except (OSError, RuntimeError):  # a module gone while stamped; no home folder for a cache
        return load()
    cached = _read(entry, key)
    if cached is not None:
        return cached
    read: dict[str, str] = {}

    def note(path: Path, data: bytes) -> None:
        read[os.path.abspath(path)] = _digest(data)

    with observed_reads(note):
        rules = load()
    _write(entry, (key, read), rules)
    return rules


def code_stamp() -> list[tuple[str, int, int]]:
    """Name, size and modification time of each of tqcheck's modules (checks may change)."""
    stamp = []
    for folder, _, names in os.walk(PACKAGE):
        for name in names:
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                stamp.append((os.path.join(folder, name), status.st_size, status.st_mtime_ns))
    return sorted(stamp)


def _read(entry: Path, key: Any) -> list[Rule] | None:
    """The rules of an entry whose key matches and whose files are unchanged, else None."""
    try:
        with entry.open("rb") as stream:
            cached_key, read = pickle.load(stream)
            if cached_key != key or not all(_file_digest(path) == digest
                                            for path, digest in read.items()):
                return None
            return pickle.load(stream)
    except Exception:  # noqa: BLE001 - any damage to an entry (truncated, stale classes ...)
        return None


def _write(entry: Path, header: Any, rules: list[Rule]) -> None:
    """Store an entry atomically; a cache that cannot be written is skipped silently."""
    temporary = None
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".rules-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(header, stream, pickle.HIGHEST_PROTOCOL)
            pickle.dump(rules, stream, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):  # unwritable, unpicklable
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _file_digest(path: str) -> str | None:
    """Digest of a file's content (of a folder's listing), or None when it cannot be read."""
    try:
        if os.path.isdir(path):
            return _digest(folder_listing(Path(path)))
        with open(path, "rb") as stream:
            return _digest(stream.read())
    except OSError:
        return None


def _digest(data: bytes) -> str:
    """A short content digest."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
