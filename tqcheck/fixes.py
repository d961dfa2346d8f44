"""`--fix`: apply the certain suggestions to the files, atomically and without losing text."""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.documents import Document, content_digest
from tqcheck.findings import Finding


@dataclass
class FixReport:
    """What --fix did: fixes applied per file, and files it refused to touch (with why)."""

    applied: dict[str, int] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Number of fixes applied."""
        return sum(self.applied.values())


def fixable_by_file(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Fixable findings grouped by file (files that exist on disk only)."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.fixable and finding.suggestion is not None and Path(finding.path).is_file():
            grouped[finding.path].append(finding)
    return grouped


def apply_to_text(document: Document,
                  findings: list[Finding]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with the findings' suggestions applied, and the (start, end, replacement)
    edits that were.

    A fix that overlaps an earlier-starting one is skipped (a later run applies it if it
    still holds), as is one whose span no longer holds the reported text or that would
    change nothing.
    """
    spans = sorted(((document.offset(f.line, f.column), document.offset(f.end_line, f.end_column),
                     f) for f in findings), key=lambda s: (s[0], s[1]))
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, finding in spans:
        replacement = finding.suggestion or ""
        current = document.text[start:end]
        if start >= last_end and current == finding.text and current != replacement:
            chosen.append((start, end, replacement))
            last_end = max(end, start + 1)
    text = document.text
    for start, end, replacement in reversed(chosen):
        text = text[:start] + replacement + text[end:]
    return text, chosen


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's content through a temporary file and a rename, keeping its mode."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tqcheck",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fix_files(documents: dict[str, Document], findings: list[Finding]) -> FixReport:
    """Apply the fixable findings to their files; a file changed since it was read is left alone."""
    report = FixReport()
    for path, found in sorted(fixable_by_file(findings).items()):
        document = documents.get(path)
        if document is None or document.digest is None:
            continue
        file = Path(path)
        try:
            current = file.read_bytes()
        except OSError as error:
            report.refused[path] = f"cannot read: {error.strerror or error}"
            continue
        if content_digest(current) != document.digest:
            report.refused[path] = "changed since it was read; not fixed"
            continue
        text, edits = apply_to_text(document, found)
        if not edits:
            continue
        data = ("\ufeff" if document.has_bom else "") + text
        try:
            write_atomically(file, data.encode("utf-8"))
        except OSError as error:
            report.refused[path] = f"cannot write: {error.strerror or error}"
            continue
        report.applied[path] = len(edits)
    return report
