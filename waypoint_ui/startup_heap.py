"""Keep the garbage collector off what lives as long as the server: the imported modules.

Streamlit, pandas, Plotly and pydantic leave about 200,000 tracked objects behind their imports.
CPython's full collection walks every one of them, and a save with a five-year notebook leaves
enough new long-lived objects (a revision's progress, charts and calendar) to start one every
few saves: a pause of about 100 ms on top of a 45 ms rerun. Frozen once, after the first run has
imported the pages, those objects are left out of every later collection, which then takes
about 10 ms (benchmarks/pages.py's "rerun worst" column shows the difference).

The first run's own objects are frozen too; what of them becomes garbage in a reference cycle
later is never collected. That is one run's worth, once per process.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_done = False


def freeze_once() -> bool:
    """Collect, then freeze every tracked object, the first time a process asks; True then."""
    global _done
    if _done:
        return False
    with _lock:
        if _done:
            return False
        gc.collect()
        gc.freeze()
        _done = True
        return True
