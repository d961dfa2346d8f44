"""Coverage-guided fuzzing of the rule loader and the article pipeline (atheris / libFuzzer).

    pip install -e '.[test,fuzz]'
    python tests/fuzz/fuzz_loaders.py rules -max_total_time=300
    python tests/fuzz/fuzz_loaders.py articles -max_total_time=300

`rules` feeds bytes to the YAML rule loader (and runs any rule that loads); `articles` feeds
bytes through decoding, Markdown/HTML masking, every default rule and every report format,
checking the invariants in tests/invariants.py. The seeds are the shipped rule files and
the corpus. libFuzzer prints how many inputs it ran; a crashing input is saved under
tests/fuzz/crashes/, where tests/test_fuzz_regressions.py replays it on every test run.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from tests.invariants import lint_bytes, load_rule_bytes

MARKUPS = ("text", "markdown", "html")


def fuzz_rules(data: bytes) -> None:
    """One input for the rule loader."""
    load_rule_bytes(data)


def fuzz_articles(data: bytes) -> None:
    """One input for the article pipeline; its first byte picks the markup."""
    if data:
        lint_bytes(data[1:], MARKUPS[data[0] % len(MARKUPS)])


def seed_folder(target: str) -> Path:
    """A temporary folder of seed inputs: the shipped rules or the corpus articles."""
    folder = Path(tempfile.mkdtemp(prefix=f"tqcheck-fuzz-{target}-"))
    sources = (ROOT / "rules").rglob("*.yaml") if target == "rules" else (
        ROOT / "corpus").glob("*/mt.*.txt")
    for index, source in enumerate(sorted(sources)):
        prefix = b"" if target == "rules" else bytes([index % len(MARKUPS)])
        (folder / f"seed-{index}").write_bytes(prefix + source.read_bytes())
    return folder


def main() -> None:
    """`fuzz_loaders.py rules|articles [libFuzzer options]`."""
    if len(sys.argv) < 2 or sys.argv[1] not in ("rules", "articles"):
        sys.exit(__doc__)
    target = sys.argv.pop(1)
    if not any(arg.startswith("-artifact_prefix=") for arg in sys.argv):
        sys.argv.append(f"-artifact_prefix={ROOT / 'tests' / 'fuzz' / 'crashes'}/{target}-")
    seeds = seed_folder(target)
    try:
        atheris.Setup([*sys.argv, str(seeds)],
                      fuzz_rules if target == "rules" else fuzz_articles)
        atheris.Fuzz()
    finally:
        shutil.rmtree(seeds, ignore_errors=True)


if __name__ == "__main__":
    main()
