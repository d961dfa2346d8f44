"""proselint, the comparison linter, in a virtual environment of the benchmark's own (made
once with pip, then reused)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench_runs import Unavailable

VENV = Path(__file__).resolve().parent / ".venv-proselint"
REQUIREMENT = "proselint>=0.16,<0.17"  # `proselint check PATH` is the 0.16 command line


def installed(python: Path) -> bool:
    """Whether this interpreter can import proselint."""
    return python.exists() and subprocess.run([str(python), "-c", "import proselint"],
                                              capture_output=True, check=False).returncode == 0


def proselint_python(venv: Path = VENV) -> Path:
    """The interpreter of a venv holding proselint, made with pip when it is not there yet."""
    python = venv / "bin" / "python"
    if not installed(python):
        print(f"installing proselint in {venv} ...", file=sys.stderr, flush=True)
        install_step([sys.executable, "-m", "venv", str(venv)], venv)
        install_step([str(python), "-m", "pip", "install", "--quiet", REQUIREMENT], venv)
    return python


def install_step(argv: list[str], venv: Path) -> None:
    """Run one step of the installation; Unavailable, with pip's last word, when it fails."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=600)
    except subprocess.TimeoutExpired:
        raise Unavailable(f"installing proselint in {venv} took over 10 minutes") from None
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise Unavailable(f"proselint could not be installed in {venv}: "
                          f"{lines[-1] if lines else 'no message'}")
