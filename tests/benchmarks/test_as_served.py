"""The benchmarks time the app as it is served: with the self-checks the tests turn on (every
chart's properties checked, every document written compared with the notebook's whole JSON) off.
A benchmark builds on the tests' helpers, and importing one must not turn the checks on, in the
script or in a server it starts: that once made a check-in on the five-year notebook read 1.5×
the sample's in benchmarks/pages.py, where the app itself reads 1.2×."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SELF_CHECKS

BENCHMARKS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py") if p.stem != "__init__")


def test_the_tests_run_with_the_self_checks_on() -> None:
    assert {k: os.environ.get(k) for k in SELF_CHECKS} == SELF_CHECKS


@pytest.mark.parametrize("script", BENCHMARKS)
def test_importing_a_benchmark_leaves_the_self_checks_off(script: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in SELF_CHECKS}
    probe = (f"import os, benchmarks.{script}; "
             f"print(sorted(k for k in {sorted(SELF_CHECKS)!r} if k in os.environ))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
