"""Let go of widgets a session no longer draws.

Streamlit drops a stale widget's value at the end of a run, but keeps its metadata for as long as
the session lives, and the metadata holds the widget's callback. A callback defined in a page
script keeps that run's whole page alive: its globals hold the notebook's progress, charts and
calendar as they were. Forms whose key changes after each save (the check-in form starts afresh,
a tick's key names its date) left one run's derived data behind per save: about 5,000 objects a
check-in with a five-year notebook, which also made every full garbage collection longer.

`forget()`, called at the start of every full run, removes the metadata of widgets that hold no
value any more: Streamlit considers them stale already (a widget without metadata is stale to it).
It reaches into Streamlit's session state, which has no public way to do this; the version is
pinned, and tests/app/test_stale_widgets.py fails if these internals move.
"""

from __future__ import annotations

from streamlit.runtime.scriptrunner import get_script_run_ctx


def forget() -> int:
    """Remove the metadata of widgets with no value left; return how many were removed."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return 0
    safe = ctx.session_state
    state = safe._state  # noqa: SLF001 - see the module's docstring
    with safe._lock:  # noqa: SLF001 - the lock Streamlit's own accesses take
        widgets = state._new_widget_state  # noqa: SLF001
        live = widgets.states.keys() | state._old_state.keys()  # noqa: SLF001
        stale = [wid for wid in widgets.widget_metadata if wid not in live]
        for wid in stale:
            del widgets.widget_metadata[wid]
    return len(stale)
