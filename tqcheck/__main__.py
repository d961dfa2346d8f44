"""Run tqcheck as `python -m tqcheck`."""

from tqcheck.cli import main

main()
