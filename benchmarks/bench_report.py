"""The benchmark's figures: medians per task and tool, ratios, checks; as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench_runs import Sample


@dataclass(frozen=True)
class Row:
    """The medians of one tool on one task of `items` articles or segments."""

    task: str
    tool: str
    items: int
    median: Sample

    @property
    def per_wall_second(self) -> float:
        """Items per second of wall-clock time."""
        return self.items / self.median.wall

    @property
    def per_cpu_second(self) -> float:
        """Items per second of CPU time."""
        return self.items / self.median.cpu


@dataclass
class Results:
    """Everything one benchmark run found."""

    machine: dict[str, object] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)
    ms_per_article_by_rule_type: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def row(self, task: str, tool: str) -> Row:
        """The row of a tool on a task."""
        return next(row for row in self.rows if (row.task, row.tool) == (task, tool))


def table(results: Results) -> str:
    """The figures as a plain-text table, then the ratios, checks, rule costs and skips."""
    lines = [f"{'task':26} {'tool':24} {'wall s':>8} {'CPU s':>8} {'items/s':>9} "
             f"{'items/CPU s':>11} {'max RSS MiB':>11}"]
    lines += [f"{row.task:26} {row.tool:24} {row.median.wall:8.2f} {row.median.cpu:8.2f} "
              f"{row.per_wall_second:9.1f} {row.per_cpu_second:11.1f} "
              f"{row.median.max_rss_mib:11.1f}" for row in results.rows]
    sections = [("ratios", {k: f"{v:.2f}" for k, v in results.ratios.items()}),
                ("checks", {k: "yes" if v else "NO" for k, v in results.checks.items()}),
                ("CPU ms per article by rule type (in-process)",
                 {k: f"{v:.3f}" for k, v in results.ms_per_article_by_rule_type.items()}),
                ("machine", {k: str(v) for k, v in results.machine.items()})]
    width = max((len(name) for _, values in sections for name in values), default=0)
    for title, values in sections:
        if values:
            lines += ["", f"{title}:"] + [f"  {name:{width}}  {value}"
                                           for name, value in values.items()]
    for title, reasons in (("skipped", results.skipped), ("FAILED", results.failed)):
        if reasons:
            lines += ["", f"{title}:"] + [f"  {reason}" for reason in reasons]
    return "\n".join(lines)


def to_json(results: Results) -> dict[str, object]:
    """The figures as JSON-ready data, rows with their per-second rates."""
    data = asdict(results)
    data["rows"] = [{**asdict(row), "per_wall_second": row.per_wall_second,
                     "per_cpu_second": row.per_cpu_second} for row in results.rows]
    return data


def write_json(results: Results, path: Path) -> None:
    """Write the figures as a JSON file."""
    path.write_text(json.dumps(to_json(results), indent=2) + "\n", encoding="utf-8")
