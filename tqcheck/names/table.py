"""The name table of `tqcheck names`: every entity, its spellings and their counts per
article, as text or JSON."""

from __future__ import annotations

import json

from tqcheck import __version__
from tqcheck.checks.name_consistency import NameConsistencyCheck
from tqcheck.documents import Article
from tqcheck.engine import Rule
from tqcheck.names.entities import Entity

FORMATS = ("text", "json")


def name_entities(rules: list[Rule], articles: list[Article]) -> list[Entity]:
    """The entities named in the articles, by the first name-consistency rule of each one."""
    table: list[Entity] = []
    left = list(articles)
    for rule in rules:
        if isinstance(rule.check, NameConsistencyCheck):
            chosen = [a for a in left if rule.applies(a)]
            table += rule.check.entities(chosen)
            left = [a for a in left if a not in chosen]
    return sorted(table, key=lambda e: (-e.total, e.name))


def render(entities: list[Entity], output_format: str) -> str:
    """The table in a format of FORMATS."""
    return render_json(entities) if output_format == "json" else render_text(entities)


def render_text(entities: list[Entity]) -> str:
    """One block per entity: its name, then each spelling with its count per article."""
    lines = []
    for entity in entities:
        marker = f"  (also spelled {', '.join(entity.variants)})" if entity.variants else ""
        lines.append(f"{entity.name}{marker}")
        width = max(len(text) for text in entity.spellings)
        for text, counts in entity.spellings.items():
            where = ", ".join(f"{path} {count}" for path, count in sorted(counts.items()))
            lines.append(f"  {text:<{width}}  {where}")
    lines.append(f"{len(entities)} names, "
                 f"{sum(bool(e.variants) for e in entities)} spelled more than one way")
    return "\n".join(lines) + "\n"


def render_json(entities: list[Entity]) -> str:
    """The table as JSON: entities with their spellings and counts per article."""
    data = {"tool": "tqcheck", "version": __version__,
            "names": [{"name": e.name, "mentions": e.total, "variants": e.variants,
                       "forms": [{"text": text, "articles": dict(sorted(counts.items()))}
                                     for text, counts in e.spellings.items()]}
                      for e in entities]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
