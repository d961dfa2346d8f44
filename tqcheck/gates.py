"""Quality gates on scores: `--fail-under chrf=50,bleu=20,mqm=90`."""

from __future__ import annotations

from tqcheck.errors import ConfigError
from tqcheck.findings import Finding, Severity
from tqcheck.scoring import Score

GATED_METRICS = ("bleu", "chrf", "chrf++", "mqm")
GATE_RULE = "scores/fail-under"


def check_gates(gates: dict[str, object], where: str) -> dict[str, float]:
    """Validate metric -> minimum score (TER is an error rate, so it cannot be gated)."""
    checked = {}
    for metric, minimum in gates.items():
        if metric not in GATED_METRICS:
            hint = " (TER is an error rate: lower is better)" if metric == "ter" else ""
            raise ConfigError(f"{where}: cannot gate on '{metric}'{hint}; "
                              f"choose from {', '.join(GATED_METRICS)}")
        if isinstance(minimum, bool) or not isinstance(minimum, int | float):
            raise ConfigError(f"{where}: the minimum of '{metric}' must be a number")
        checked[metric] = float(minimum)
    return checked


def parse_fail_under(text: str) -> dict[str, float]:
    """Parse `chrf=50,bleu=20` into {"chrf": 50.0, "bleu": 20.0}."""
    gates: dict[str, object] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        metric, equals, value = part.partition("=")
        try:
            if not equals:
                raise ValueError(part)
            gates[metric.strip().lower()] = float(value)
        except ValueError:
            raise ConfigError(f"--fail-under: '{part}' is not METRIC=NUMBER (e.g. chrf=50)") \
                from None
    return check_gates(gates, "--fail-under")


def failed_gates(scores: list[Score], gates: dict[str, float], width: int = 1) -> list[
        tuple[Score, float]]:
    """The scores under their minimum, compared as printed (rounded to `width` decimals)."""
    return [(score, gates[score.metric]) for score in scores
            if score.metric in gates and float(score.shown(width)) < gates[score.metric]]


def gate_message(score: Score, minimum: float, width: int = 1) -> str:
    """Why a score fails its gate."""
    return f"{score.name} {score.shown(width)} is under the minimum {minimum:g} (--fail-under)"


def gate_findings(scores: list[Score], gates: dict[str, float], width: int = 1) -> list[Finding]:
    """An error finding for each article score under its minimum, at the article's start."""
    return [Finding(path=score.article, line=1, column=1, end_line=1, end_column=1,
                    rule=GATE_RULE, category="Other", severity=Severity.ERROR,
                    message=gate_message(score, minimum, width), text="")
            for score, minimum in failed_gates(scores, gates, width)
            if score.level == "article" and score.article]
