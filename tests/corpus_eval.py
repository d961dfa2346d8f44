"""Detection on the annotated sample corpus: recall per defect family, precision of findings.

Run `python -m tests.corpus_eval` for the table; tests/test_corpus.py holds the bar.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from tqcheck.config import Config
from tqcheck.findings import Finding
from tqcheck.inputs import LoadOptions
from tqcheck.run import lint

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@dataclass(frozen=True)
class Defect:
    """One annotated defect: the spans of its text on its line (any occurrence counts)."""

    path: str
    line: int
    spans: tuple[tuple[int, int], ...]
    family: str
    text: str


def annotated_defects(corpus: Path) -> list[Defect]:
    """Every defect listed in the corpus's defects.yaml files, located in its mt file."""
    defects = []
    for annotation in sorted(corpus.glob("*/defects.yaml")):
        [mt] = sorted(annotation.parent.glob("mt.*.txt"))
        lines = mt.read_text(encoding="utf-8").split("\n")
        for entry in yaml.safe_load(annotation.read_text(encoding="utf-8"))["defects"]:
            line_text = lines[entry["line"] - 1]
            starts, start = [], line_text.find(entry["text"])
            while start >= 0:
                starts.append(start)
                start = line_text.find(entry["text"], start + 1)
            spans = tuple((s + 1, s + 1 + len(entry["text"])) for s in starts)
            defects.append(Defect(mt.as_posix(), entry["line"], spans, entry["family"],
                                  entry["text"]))
    return defects


def overlaps(finding: Finding, defect: Defect) -> bool:
    """Whether a finding shares a character with one of the defect's spans."""
    if finding.path != defect.path or not finding.line <= defect.line <= finding.end_line:
        return False
    start = finding.column if finding.line == defect.line else 1
    end = finding.end_column if finding.end_line == defect.line else sys.maxsize
    return any(start < e and s < end for s, e in defect.spans)


def evaluate(corpus: Path = CORPUS) -> dict[str, object]:
    """Recall per family and precision over all findings of the default rules."""
    defects = annotated_defects(corpus)
    findings = list(lint([str(corpus)], [], Config(), LoadOptions()).findings)
    found = Counter(d.family for d in defects if any(overlaps(f, d) for f in findings))
    total = Counter(d.family for d in defects)
    true_positives = [f for f in findings if any(overlaps(f, d) for d in defects)]
    return {
        "recall": {family: (found[family], total[family]) for family in sorted(total)},
        "precision": (len(true_positives), len(findings)),
        "false_positives": [f for f in findings if f not in true_positives],
        "missed": [d for d in defects if not any(overlaps(f, d) for f in findings)],
    }


def main() -> None:
    """Print the table."""
    result = evaluate()
    print(f"{'family':14}{'found':>7}{'of':>5}{'recall':>8}")
    for family, (hit, total) in result["recall"].items():
        print(f"{family:14}{hit:>7}{total:>5}{hit / total:>8.2f}")
    tp, n = result["precision"]
    print(f"\nprecision: {tp}/{n} findings overlap an annotated defect ({tp / n:.2f})")
    for f in result["false_positives"]:
        print(f"  unannotated: {f.path}:{f.line}:{f.column} {f.rule} {f.text!r}")
    for d in result["missed"]:
        print(f"  missed ({d.family}): {d.path}:{d.line} {d.text!r}")


if __name__ == "__main__":
    main()
