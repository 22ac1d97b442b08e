"""Run workers in separate processes that start their work at the same moment (races on purpose)."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from typing import Any


def run_together(target: Callable[..., None], args: list[tuple[Any, ...]], timeout: float = 120) -> list[Any]:
    """Run `target(*a, gate, out)` in one spawned process per `a`; `gate` is a barrier the
    workers meet at, `out` a queue each puts its result on. Returns the results; fails the test
    if a worker does not finish cleanly."""
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    gate = ctx.Barrier(len(args), timeout=60)
    procs = [ctx.Process(target=target, args=(*a, gate, out)) for a in args]
    for p in procs:
        p.start()
    results = [out.get(timeout=timeout) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results
