"""What a session still holds after its runs: for the stale-widget test and benchmarks/pages.py."""

from __future__ import annotations

import gc

from streamlit.runtime.state.common import TESTING_KEY


def _without_apptest_store() -> None:
    """AppTest keeps every callback it has seen under its own testing key, a store a browser
    session does not have: entries for widgets the session no longer knows are dropped first."""
    for state in (o for o in gc.get_objects() if type(o).__name__ == "SessionState"):
        known = state._new_widget_state.widget_metadata  # noqa: SLF001
        for store in (state._old_state, state._new_session_state):  # noqa: SLF001
            if isinstance(kept := store.get(TESTING_KEY), dict):
                store[TESTING_KEY] = {k: v for k, v in kept.items() if k in known}


def page_runs_alive() -> int:
    """Globals of page-script runs still reachable: each holds that run's notebook-derived data."""
    _without_apptest_store()
    gc.collect()
    return sum(1 for o in gc.get_objects()
               if isinstance(o, dict) and o.get("__name__") == "__main__" and "app_pages" in str(o.get("__file__", "")))


def objects_alive() -> int:
    """Objects the garbage collector tracks once garbage is gone."""
    _without_apptest_store()
    gc.collect()
    return len(gc.get_objects())
