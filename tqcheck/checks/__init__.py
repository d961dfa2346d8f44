"""Rule types, one module each, registered by the `type:` name used in rule YAML."""

from __future__ import annotations

from tqcheck.checks.base import Check
from tqcheck.checks.pattern import PatternCheck
from tqcheck.checks.phrases import PhrasesCheck
from tqcheck.checks.variants import VariantsCheck

CHECK_TYPES: dict[str, type[Check]] = {
    check.type_name: check for check in (PatternCheck, PhrasesCheck, VariantsCheck)
}
