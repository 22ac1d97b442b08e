"""The benchmarks time reruns as a server makes them: each script compiled once, not on every run."""

from __future__ import annotations

import pytest
from streamlit.runtime.scriptrunner import magic
from streamlit.testing.v1 import AppTest

from benchmarks.page_views import compiled_once
from benchmarks.pages import BARE


@pytest.mark.parametrize(("once", "compiled"), [(True, 1), (False, 4)], ids=["compiled once", "AppTest's own way"])
def test_four_runs_compile_the_script(monkeypatch, once, compiled) -> None:
    """Streamlit compiles a script through `magic.add_magic`; AppTest makes a fresh cache for
    every run, so without `compiled_once` each of four runs compiles the script again."""
    calls = []
    real = magic.add_magic
    monkeypatch.setattr(magic, "add_magic", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = AppTest.from_file(str(BARE), default_timeout=60)
    if once:
        with compiled_once():
            for _ in range(4):
                at.run()
    else:
        for _ in range(4):
            at.run()
    assert not at.exception
    assert len(calls) == compiled
