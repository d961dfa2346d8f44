"""A non-editable install (the wheel) carries the default rule packs and finds them."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("hatchling", reason="building the wheel needs hatchling (test extras)")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The project built as a wheel and installed into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(work / "dist"), str(ROOT)], check=True)
    [wheel] = (work / "dist").glob("tqcheck-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                    "--target", str(work / "site"), str(wheel)], check=True)
    return wheel, work


def run_installed(work: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the installed copy from outside the checkout (so the source tree is not on the path)."""
    env = {**os.environ, "PYTHONPATH": str(work / "site")}
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], cwd=work, env=env,
                          capture_output=True, text=True, check=False)


def test_wheel_contains_every_rule_file(installed):
    wheel, _ = installed
    shipped = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    with zipfile.ZipFile(wheel) as archive:
        packed = {n.removeprefix("tqcheck/rules/") for n in archive.namelist()
                  if n.startswith("tqcheck/rules/")}
    assert shipped and shipped <= packed


def test_installed_copy_lints_with_the_packaged_rules(installed):
    _, work = installed
    where = run_installed(work, "rules", "list")
    assert where.returncode == 0, where.stderr
    source_count = subprocess.run([sys.executable, "-m", "tqcheck", "rules", "list"], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout
    assert where.stdout.splitlines()[-1] == source_count.splitlines()[-1]
    probe = subprocess.run(
        [sys.executable, "-c", "import tqcheck.loader as l; print(l.default_rules_dir())"],
        cwd=work, env={**os.environ, "PYTHONPATH": str(work / "site")},
        capture_output=True, text=True, check=True)
    assert Path(probe.stdout.strip()).is_relative_to(work / "site")
    lint = run_installed(work, "lint", str(ROOT / "corpus"), "--format", "json")
    assert lint.returncode == 1 and '"names/inconsistent-spelling"' in lint.stdout


def test_installed_copy_inlines_the_html_report_assets(installed):
    _, work = installed
    article = next((ROOT / "corpus").glob("*/mt.en.txt"))
    report = run_installed(work, "lint", str(article), "--no-default-rules", "--format", "html")
    assert report.returncode == 0, report.stderr
    for asset in ("report.css", "report.js"):
        shipped = (ROOT / "tqcheck" / "report" / "assets" / asset).read_text(encoding="utf-8")
        assert shipped.strip() and shipped in report.stdout
