"""Peak server memory when ten visitors of a public demo (private mode) each upload a notebook at the limits.

    python benchmarks/private_memory.py [--sessions N] [--budget-mb MB]

Starts a real Waypoint server in private mode, opens N browser tabs (Chromium contexts: separate
visitors), and has every tab upload the same 10 MB notebook file at the limits at once
(tests/synthetic.py's five-year notebook ten times over). Prints the server's resident memory
(RSS, from /proc) at rest, its peak while the uploads run, with every tab open, and after the tabs
close and their sessions end, plus how many uploads were taken in and how many were asked to wait.
`--budget-mb 0` lifts the budget (waypoint_ui.private_sessions), for the figure without it. The
server ends sessions 5 s after their tab closes (Streamlit's default is 120 s) so the figure after
closing comes in seconds; the memory given back is the same.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from career_core.exports.notebook_file import to_bytes  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, Server, wait_for_app  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402
from waypoint_ui.private_sessions import BUDGET_BYTES, BUDGET_ENV  # noqa: E402

TAKEN, WAITS = "as a new notebook and opened it", "holding as many large notebooks as it can"


def memory_mb(server: Server, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for the server")


class Peak:
    """The highest RSS seen, sampled every 50 ms while `watching`."""

    def __init__(self, server: Server) -> None:
        self.server, self.value, self._stop = server, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.value = max(self.value, memory_mb(self.server))
            time.sleep(0.05)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def outcome(page: Page) -> str:
    page.wait_for_function(f"() => document.body.innerText.includes({TAKEN!r}) || "
                           f"document.body.innerText.includes({WAITS!r}) || "
                           "document.body.innerText.includes('could not') ", timeout=600_000)
    text = page.inner_text("body")
    return "taken in" if TAKEN in text else "asked to wait" if WAITS in text else "refused"


def settle(server: Server, seconds: float) -> float:
    time.sleep(seconds)
    return memory_mb(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--budget-mb", type=float, default=None, help="default: the app's own budget")
    parser.add_argument("--log", action="store_true", help="print the server's log at the end")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        notebook = tmp / "at-the-limits.json"
        notebook.write_bytes(to_bytes(five_year_notebook(scale=10)))
        os.environ["STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL"] = "5"
        if args.budget_mb is not None:
            os.environ[BUDGET_ENV] = str(args.budget_mb or 1_000_000)
        server = Server(tmp, secrets='[waypoint]\nmode = "private"\n')
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
                contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(args.sessions)]
                pages = [c.new_page() for c in contexts]
                for page in pages:
                    page.goto(f"{server.url}/notebook")
                    wait_for_app(page)
                rest = settle(server, 2)
                budget = "none" if args.budget_mb == 0 else f"{args.budget_mb or BUDGET_BYTES / 2**20:g} MB"
                print(f"file: {notebook.stat().st_size / 2**20:.1f} MB, {args.sessions} private sessions, budget {budget}")
                print(f"  server at rest, {args.sessions} tabs open            {rest:7.0f} MB")
                with Peak(server) as peak:
                    for page in pages:  # all at once: each upload starts before the last has finished
                        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(notebook))
                    outcomes = [outcome(page) for page in pages]
                    for page in pages:
                        wait_for_app(page)
                    held = settle(server, 3)
                print(f"  peak while the uploads ran             {peak.value:7.0f} MB")
                print(f"  every tab still open, uploads done     {held:7.0f} MB")
                print(f"  uploads taken in: {outcomes.count('taken in')}, asked to wait: {outcomes.count('asked to wait')}, "
                      f"refused otherwise: {outcomes.count('refused')}")
                for context in contexts:
                    context.close()
                browser.close()
            after = settle(server, 45)
            print(f"  45 s after every tab closed            {after:7.0f} MB")
            print(f"  highest RSS of the server process      {memory_mb(server, 'VmHWM'):7.0f} MB")
            if args.log:
                print(server.log.read_text())
        finally:
            server.stop()


if __name__ == "__main__":
    main()
