"""The MQM error categories a rule may report, spelled as in WMT MQM annotations."""

MQM_CATEGORIES: frozenset[str] = frozenset(
    {
        "Accuracy/Addition",
        "Accuracy/Creative Reinterpretation",
        "Accuracy/Gender Mismatch",
        "Accuracy/Mistranslation",
        "Accuracy/Omission",
        "Accuracy/Source language fragment",
        "Fluency/Character encoding",
        "Fluency/Grammar",
        "Fluency/Inconsistency",
        "Fluency/Punctuation",
        "Fluency/Register",
        "Fluency/Spelling",
        "Fluency/Text-Breaking",
        "Locale convention/Address format",
        "Locale convention/Currency format",
        "Locale convention/Date format",
        "Locale convention/Name format",
        "Locale convention/Number format",
        "Locale convention/Telephone format",
        "Locale convention/Time format",
        "Non-translation!",
        "Style/Archaic or obscure word choice",
        "Style/Bad sentence structure",
        "Style/Unnatural or awkward",
        "Terminology/Inappropriate for context",
        "Terminology/Inconsistent",
        "Other",
    }
)
