"""When a page fails anyway: a calm message with what to do and a way back, never a traceback.

The frame (app.py) runs every page inside `caught`; Streamlit's own handler of script errors
gets `handle` for what escapes it (a fragment, a later element), and its log line of the error is
rewritten by `SafeRecord`. Logs name the kind of error and where in Waypoint's code it happened,
never its message, which can quote a notebook's words or ids. `client.showErrorDetails = "none"`
(.streamlit/config.toml) is the last guard: an error raised in a widget callback before the page
runs shows Streamlit's short notice without details.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from streamlit.errors import FragmentHandledException
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

log = logging.getLogger("waypoint")

ROOT = Path(__file__).resolve().parent.parent


def where(exc: BaseException) -> str:
    """The innermost place in Waypoint's own code the error passed ("app_pages/plan.py:120 in
    load_section"): enough to find the bug, and no user text."""
    place = "outside Waypoint's code"
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(ROOT) and ".venv" not in path.parts:
            place = f"{path.relative_to(ROOT).as_posix()}:{frame.lineno} in {frame.name}"
    return place


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__} at {where(exc)}"


def show(exc: BaseException) -> None:
    """Log the failure safely and tell the person what happened and what to do."""
    log.error("A page failed: %s", describe(exc))
    st.error(
        "**This page ran into a problem and stopped.** Your notebook is safe: nothing was changed or "
        "lost by this. Try again; if it happens again, open another page. If it started after a change "
        "you made, the Notebooks page can restore the revision before it.",
        icon=":material/report:",
    )
    st.caption("Whoever runs this Waypoint can find where it failed in the server's log, which never "
               "holds what you wrote.")
    left, mid, right = st.columns(3)
    left.button("Try again", icon=":material/refresh:", key="failure.retry")
    with mid:
        _link("home", "Go to Home", ":material/home:")
    with right:
        _link("notebook", "Open Notebooks", ":material/menu_book:")


def _link(page: str, label: str, icon: str) -> None:
    path = ROOT / "app_pages" / f"{page}.py"
    if path.exists():
        st.page_link(str(path), label=label, icon=icon)


def handle(exc: Exception) -> bool:
    """Streamlit's script-error hook: show the calm notice instead of the exception."""
    try:
        show(exc)
    except Exception:  # noqa: BLE001 - drawing failed too: Streamlit's short notice is the fallback
        return False
    return True


@contextmanager
def caught() -> Iterator[None]:
    """Run a page; an error it raises becomes the calm notice (st.stop and st.rerun pass through:
    they are not Exceptions)."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.on_script_error = handle  # fragments drawn in this run fail the same calm way
    try:
        yield
    except FragmentHandledException:
        pass  # a fragment of the page failed, and `handle` has said so already
    except Exception as exc:  # noqa: BLE001 - the point: no exception reaches the person
        show(exc)


class SafeRecord(logging.Filter):
    """Streamlit logs a script's uncaught error with its message and traceback; keep the kind and
    Waypoint's place only."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.msg, record.args = "Uncaught error in the app: %s", (describe(record.exc_info[1]),)
            record.exc_info, record.exc_text = None, None
        return True


def install_log_filter() -> None:
    """Once per server: Streamlit's logger of uncaught errors gets SafeRecord."""
    logger = logging.getLogger("streamlit.error_util")
    if not any(isinstance(f, SafeRecord) for f in logger.filters):
        logger.addFilter(SafeRecord())
