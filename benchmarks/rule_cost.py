"""Cost of each rule and rule type per article, in-process, on one core.

    python benchmarks/rule_cost.py ../shared/bench/mqm-dev [--repeat 3] [--json out.json]

Loads the default rules and the articles once, then times every rule over every article
(the best of --repeat rounds, to shed machine noise) and prints milliseconds per article.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from tqcheck.config import Config
from tqcheck.inputs import LoadOptions, load_paths
from tqcheck.loader import load_rules
from tqcheck.run import rule_paths


def measure(folder: Path, repeat: int) -> dict[str, object]:
    """Best-of-repeat seconds per rule over all articles, grouped by rule and by type."""
    rules = load_rules(rule_paths(Config()))
    articles = load_paths([str(folder)], LoadOptions()).articles
    for article in articles:
        _ = article.target.checkable  # masking is shared by all rules: time it apart
    per_rule: dict[str, float] = {}
    for rule in rules:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            for article in articles:
                if rule.applies(article):
                    rule.run(article)
            best = min(best, time.perf_counter() - start)
        per_rule[rule.id] = best
    per_type: dict[str, float] = defaultdict(float)
    for rule in rules:
        per_type[rule.type] += per_rule[rule.id]
    count = max(len(articles), 1)
    return {"articles": len(articles),
            "ms_per_article_by_type": {t: 1000 * s / count for t, s in sorted(per_type.items())},
            "ms_per_article_by_rule": {r: 1000 * s / count for r, s in sorted(per_rule.items())}}


def main() -> None:
    """Parse arguments, measure, print (and optionally write JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder of articles, e.g. the bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    result = measure(args.folder, args.repeat)
    print(f"{result['articles']} articles; ms per article (best of {args.repeat}):")
    for name, ms in result["ms_per_article_by_type"].items():
        print(f"  type {name:24} {ms:8.3f}")
    for name, ms in result["ms_per_article_by_rule"].items():
        print(f"  rule {name:40} {ms:8.3f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
