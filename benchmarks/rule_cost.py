"""Cost of each rule and rule type per article, in-process, on one core.

    python benchmarks/rule_cost.py ../shared/bench/mqm-dev [--repeat 3] [--json out.json]

Every round loads the default rules and the articles afresh (so no rule starts with what an
earlier round remembered; loading the articles, which masks them, is timed apart), then
applies the rules article by article in the order `lint` does, so work that
rules share (one quotes scan per article) counts for the first rule that does it. Checks
that look across articles are timed apart: summarising each article (before its checks, as
in `lint`, which may reuse what summarising found), then comparing the summaries. The best
of --repeat rounds, to shed machine noise, is printed in CPU milliseconds per article.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from tqcheck.checks.base import Summary
from tqcheck.config import Config
from tqcheck.inputs import LoadOptions, load_paths
from tqcheck.loader import load_rules
from tqcheck.run import rule_paths


def one_round(folder: Path) -> tuple[int, dict[str, float], dict[str, str]]:
    """Seconds spent per rule (and in masking, and across articles) in one fresh round."""
    rules = load_rules(rule_paths(Config()))
    seconds: dict[str, float] = defaultdict(float)
    start = time.process_time()
    articles = load_paths([str(folder)], LoadOptions()).articles
    seconds["(loading and masking)"] = time.process_time() - start
    summaries: dict[str, list[Summary]] = defaultdict(list)
    for article in articles:
        for rule in rules:
            if not rule.applies(article):
                continue
            if rule.check.looks_across_articles:
                start = time.process_time()
                summary = rule.check.summarise(article)
                if summary is not None:
                    summaries[rule.id].append(summary)
                seconds[f"{rule.id} (across articles)"] += time.process_time() - start
            start = time.process_time()
            rule.run(article)
            seconds[rule.id] += time.process_time() - start
    for rule in rules:
        if rule.check.looks_across_articles:
            start = time.process_time()
            rule.run_across(summaries[rule.id])
            seconds[f"{rule.id} (across articles)"] += time.process_time() - start
    types = {rule.id: rule.type for rule in rules}
    return len(articles), seconds, types


def measure(folder: Path, repeat: int) -> dict[str, object]:
    """Best-of-repeat CPU seconds per rule over all articles, grouped by rule and by type."""
    best: dict[str, float] = {}
    count, types = 0, {}
    for _ in range(repeat):
        count, seconds, types = one_round(folder)
        best = {name: min(s, best.get(name, s)) for name, s in seconds.items()}
    per_type: dict[str, float] = defaultdict(float)
    for name, spent in best.items():
        per_type[types.get(name, name)] += spent
    count = max(count, 1)
    return {"articles": count,
            "ms_per_article_total": 1000 * sum(best.values()) / count,
            "ms_per_article_by_type": {t: 1000 * s / count for t, s in sorted(per_type.items())},
            "ms_per_article_by_rule": {r: 1000 * s / count for r, s in sorted(best.items())}}


def main() -> None:
    """Parse arguments, measure, print (and optionally write JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder of articles, e.g. the bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    result = measure(args.folder, args.repeat)
    print(f"{result['articles']} articles; CPU ms per article (best of {args.repeat}):")
    print(f"  total {result['ms_per_article_total']:8.3f}")
    for name, ms in result["ms_per_article_by_type"].items():
        print(f"  type {name:40} {ms:8.3f}")
    for name, ms in result["ms_per_article_by_rule"].items():
        print(f"  rule {name:40} {ms:8.3f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
