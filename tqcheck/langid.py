"""Language identification of whole texts (langdetect, deterministic, loaded on first use)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langdetect.detector import Detector
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


@cache
def _new_detector() -> Callable[[], Detector]:
    """A maker of detectors over langdetect's profiles that share one memo of words read."""
    from tqcheck.langid_detector import NgramReader, WordDetector

    factory = _detector_factory()
    return partial(WordDetector, factory, NgramReader(factory.word_lang_prob_map))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if next(islice(filter(str.isalpha, sample), MIN_LETTERS - 1, None), None) is None:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _new_detector()()
        detector.append(sample)
        return detector.detect().split("-")[0]
    except LangDetectException:
        return None
