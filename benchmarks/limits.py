"""What reading a notebook file costs at the documented limits, and what a hostile file costs.

    python benchmarks/limits.py [--repeat N]

Each file is written to a temporary folder first; each case then runs in a fresh Python process
that reads the file's bytes (what the server holds after an upload anyway) and calls
`notebook_file.read`, so one case's memory cannot hide in another's. For each it prints:
- the outcome (accepted, or the start of the message it was refused with);
- the median time of `read` over the runs, and its ratio to plain `json.loads` of the same bytes
  timed in the same process (the baseline any reader pays);
- peak memory: the growth of the process's resident high-water mark (VmHWM) during the first read,
  and the peak of Python's own allocations (tracemalloc) in a separate run of the same read.
Then the memory one notebook at the limits takes once read (its models alone), which is what a
server holds per open notebook at the limits.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from career_core import limits  # noqa: E402
from career_core.exports.notebook_file import to_bytes  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402

TODAY = date(2026, 11, 20)

CHILD = r"""
import gc, json, statistics, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
from career_core.exports.notebook_file import ImportProblem, read

data = open(sys.argv[2], "rb").read()
repeat = int(sys.argv[3])

def outcome():
    try:
        nb = read(data).notebook
        return "accepted", nb
    except ImportProblem as exc:
        return "refused: " + str(exc), None

def rss_mb():
    # The resident high-water mark of this process (VmHWM; ru_maxrss would carry the parent's over exec).
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024

gc.collect()
before = rss_mb()
result, nb = outcome()
grown = rss_mb() - before
del nb
gc.collect()

times, base = [], []
for _ in range(repeat):
    t = time.perf_counter(); outcome(); times.append(time.perf_counter() - t)
    t = time.perf_counter()
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        pass
    base.append(time.perf_counter() - t)

tracemalloc.start()
outcome()
peak = tracemalloc.get_traced_memory()[1] / 2**20
tracemalloc.stop()
print(json.dumps({"result": result, "read": statistics.median(times), "json": statistics.median(base),
                  "rss": grown, "peak": peak}))
"""

MODEL = r"""
import gc, sys, tracemalloc
sys.path.insert(0, sys.argv[1])
from career_core.exports.notebook_file import read
data = open(sys.argv[2], "rb").read()
gc.collect()
tracemalloc.start()
nb = read(data).notebook
gc.collect()
print(tracemalloc.get_traced_memory()[0] / 2**20)
"""


def notebook_json(**fields: object) -> bytes:
    return json.dumps({"schema_version": 1, "title": "Hostile", **fields}).encode()


def chain(n: int) -> list[dict]:
    return [{"id": f"g{i}", "statement": f"Level {i}", "parent_id": f"g{i - 1}" if i else None} for i in range(n)]


def goals(n: int) -> list[dict]:
    return [{"statement": f"Lead a team of {i % 90 + 10} people by June 2028 and keep overtime under 5 hours a week",
             "why": "A bigger team is the next step towards the division role.", "category": "People",
             "metric": {"name": "Team size", "unit": "people", "baseline": 5, "target": 10}} for i in range(n)]


def cases() -> list[tuple[str, bytes]]:
    at_limits = to_bytes(five_year_notebook(0, TODAY, scale=10))
    weekly = notebook_json(goals=[{"id": "g", "statement": "Lead a team of 10 by 2028"}],
                           actions=[{"title": f"Step {i}", "goal_id": "g", "recurrence": "weekly",
                                     "start": "2026-01-05"} for i in range(2_000)])
    return [
        ("five-year notebook (40 goals, 400 actions, 5,000 check-ins)", to_bytes(five_year_notebook(0, TODAY))),
        ("notebook at the limits (400 goals, 4,000 actions, 50,000 check-ins)", at_limits),
        ("2,000 weekly actions", weekly),
        ("110,000 goals with their fields (the probe's file)", notebook_json(goals=goals(110_000))),
        ("110,000 short goals, under 20 MB", notebook_json(goals=[{"statement": "Lead a team"}] * 110_000)),
        ("a million empty objects", notebook_json(goals=[{}] * 1_000_000)),
        ("the densest file under the value limit: 490,000 empty goals", notebook_json(goals=[{}] * 490_000)),
        ("25 MB of text", notebook_json(vision={"statement": "x" * (25 * 2**20)})),
        ("JSON nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
        ("a goal with 100,000 fields", notebook_json(goals=[{f"f{i}": i for i in range(100_000)}])),
        ("stepping stones 400 deep", notebook_json(goals=chain(400))),
        ("105,000 completed dates", notebook_json(actions=[{"title": "x", "done_on": ["2026-01-01"] * 5_000}] * 21)),
        ("50,000 check-ins, each with an error", notebook_json(
            goals=[{"id": "g", "statement": "x"}], checkins=[{"goal_id": "g", "value": "not a number", "x": 1}] * 50_000)),
    ]


def run(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"Limits: {limits.FILE_MB} MB a file, {limits.JSON_VALUES:,} values, nesting {limits.JSON_DEPTH}, "
          f"{limits.LISTS['goals'].limit} goals, {limits.LISTS['actions'].limit:,} actions, "
          f"{limits.LISTS['checkins'].limit:,} check-ins\n")
    print(f"{'file':<70} {'size':>8} {'read':>9} {'÷ json':>7} {'RSS +':>8} {'py peak':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases():
            path = Path(tmp) / "file.json"
            path.write_bytes(data)
            f = json.loads(run(CHILD, str(path), str(args.repeat)))
            ratio = f["read"] / f["json"] if f["json"] > 0 else float("nan")
            print(f"{name:<70} {len(data) / 2**20:6.1f}MB {f['read'] * 1000:7.0f}ms {ratio:6.2f}x "
                  f"{f['rss']:6.0f}MB {f['peak']:6.0f}MB  {f['result'][:90]}")
        path = Path(tmp) / "limits.json"
        path.write_bytes(to_bytes(five_year_notebook(0, TODAY, scale=10)))
        held = float(run(MODEL, str(path)))
        print(f"\nOne notebook at the limits, once read, holds {held:.0f} MB of Python objects "
              f"({10 * held:.0f} MB for ten open at once).")


if __name__ == "__main__":
    main()
