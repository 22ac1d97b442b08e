"""The benchmarks time the app as it is served: with the self-checks the tests turn on (every
chart's properties checked, every document written compared with the notebook's whole JSON) off.
A benchmark builds on the tests' helpers, and importing one must not turn the checks on, in the
script or in a server it starts: that once made a check-in on the five-year notebook read 1.5×
the sample's in benchmarks/pages.py, where the app itself reads 1.2×."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SELF_CHECKS

BENCHMARKS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py") if p.stem != "__init__")


def test_the_tests_run_with_the_self_checks_on() -> None:
    assert {k: os.environ.get(k) for k in SELF_CHECKS} == SELF_CHECKS


def test_importing_any_benchmark_leaves_the_self_checks_off() -> None:
    """Every script imported in turn in one fresh interpreter (one start, not 17): the first after
    which a check is on is named."""
    env = {k: v for k, v in os.environ.items() if k not in SELF_CHECKS}
    probe = ("import importlib, json, os, sys\n"
             f"for script in {BENCHMARKS!r}:\n"
             "    importlib.import_module(f'benchmarks.{script}')\n"
             f"    on = sorted(k for k in {sorted(SELF_CHECKS)!r} if k in os.environ)\n"
             "    if on:\n"
             "        print(json.dumps([script, on])); sys.exit(0)\n"
             "print(json.dumps(None))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) is None, "importing this benchmark turned the checks on"


def test_every_benchmark_script_is_imported() -> None:
    assert len(BENCHMARKS) >= 17 and {"pages", "server_memory", "servers"} <= set(BENCHMARKS)
