"""The scorer as it was at another git revision, for measuring beside it (evaluate, benchmarks).

A revision's career_core (the scorer and the modules it borrows, such as wording.py) is extracted with `git archive` into a temporary folder and run
in a child process with that folder first on PYTHONPATH, so both versions meet the same inputs
on the same machine and neither's modules leak into the other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Run in the child: every text's S/M/A/R/T levels and flag ids, as JSON lines. Only the public
# API every revision has (score_goal, report.criteria, report.flags) is used.
_LEVELS_CHILD = """
import json, sys
from datetime import date
from career_core.smart import score_goal
today = date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None
for line in sys.stdin:
    report = score_goal(json.loads(line), today=today)
    levels = {k: c.level for k, c in report.criteria.items()}
    flags = [getattr(f, "id", "") for f in report.flags]
    print(json.dumps({"levels": levels, "flags": flags}))
"""


@contextmanager
def extracted(rev: str, repo: Path = REPO) -> Iterator[Path | None]:
    """A temporary folder holding career_core as it is at rev, or None if git cannot."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "rev.tar"
        try:
            with open(archive, "wb") as out:
                subprocess.run(
                    ["git", "archive", rev, "career_core"],
                    cwd=repo, stdout=out, check=True, stderr=subprocess.DEVNULL,
                )
        except (subprocess.CalledProcessError, FileNotFoundError):
            yield None
            return
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        archive.unlink()
        yield Path(tmp)


def run_with(folder: Path, argv: Sequence[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run python argv in folder, with folder's career_core first on the import path (the
    working directory comes first for `python -c`, so it must not be this checkout)."""
    env = dict(os.environ, PYTHONPATH=str(folder))
    return subprocess.run([sys.executable, *argv], cwd=folder, env=env, input=stdin, capture_output=True, text=True, check=False)


def levels_at(rev: str, texts: Sequence[str], today: str = "") -> list[dict] | None:
    """Each text's {"levels": {criterion: level}, "flags": [ids]} from the scorer at rev."""
    with extracted(rev) as folder:
        if folder is None:
            return None
        child = run_with(folder, ["-c", _LEVELS_CHILD, today], "".join(json.dumps(t) + "\n" for t in texts))
    if child.returncode != 0:
        return None
    return [json.loads(line) for line in child.stdout.splitlines() if line.strip()]
