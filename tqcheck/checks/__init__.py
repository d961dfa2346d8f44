"""Rule types, one module each, registered by the `type:` name used in rule YAML."""

from __future__ import annotations

from tqcheck.checks.base import Check
from tqcheck.checks.boilerplate import BoilerplateCheck
from tqcheck.checks.calques import CalquesCheck
from tqcheck.checks.copy_through import CopyThroughCheck
from tqcheck.checks.length_ratio import LengthRatioCheck
from tqcheck.checks.name_consistency import NameConsistencyCheck
from tqcheck.checks.numbers import NumbersCheck
from tqcheck.checks.pattern import PatternCheck
from tqcheck.checks.phrases import PhrasesCheck
from tqcheck.checks.quotes import QuotesCheck
from tqcheck.checks.source_fragment import SourceFragmentCheck
from tqcheck.checks.variants import VariantsCheck

CHECK_TYPES: dict[str, type[Check]] = {
    check.type_name: check for check in (BoilerplateCheck, CalquesCheck, CopyThroughCheck,
                                        LengthRatioCheck, NameConsistencyCheck, NumbersCheck,
                                        PatternCheck,
                                        PhrasesCheck, QuotesCheck, SourceFragmentCheck,
                                        VariantsCheck)
}
