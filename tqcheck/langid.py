"""Language identification of whole texts (langdetect, deterministic, loaded on first use)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

SAMPLE_CHARS = 5000
MIN_LETTERS = 20


@cache
def _detector_factory() -> DetectorFactory:
    """langdetect's profiles, loaded once, with a fixed seed so results never vary."""
    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0
    detector_factory.init_factory()
    return detector_factory._factory


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _detector_factory().create()
        detector.append(sample)
        return detector.detect().split("-")[0]
    except LangDetectException:
        return None
