"""How much a Store save and load cost next to plain JSON, for the sample and a five-year notebook.

The target is that saving and loading through the store each stay within 5x of `json.dumps` /
`json.loads` of the same data (`notebook.model_dump(mode="json")`), timed in the same run on
the same machine, so the ratio holds wherever it is measured. The store runs on a temporary
SQLite file in WAL mode, as it does for a person on a laptop.

    python benchmarks/store.py [--repeat N] [--profile]

Prints the median and 90th percentile of each timing, the ratios (store / plain JSON, on the
medians and on the p90s), and the size of the stored document, raw and compressed. Below that,
where the time goes: the parts of a save (serialising, compressing) and of a load (the SQL
select, validating the document), and, for comparison only, validating with a subclass of
`Notebook` whose `mode="before"` `_migrate` validator is replaced by a no-op: a before-validator
on the root model makes pydantic build the whole document as Python dicts and lists before
validating it, instead of validating straight from the JSON. `--profile` adds the top functions
(cProfile, cumulative time) of a save and a load of the five-year notebook.

Then, beside a plain save timed in the same loop: a draft write (the text of one form field,
written about once a second while someone types; target: at most 1x a plain save), a three-way
merge of two five-year notebooks (`career_core.merge.merge`, both sides edited in different
places; target: at most 3x a plain save), and a whole merged save (`Store.save_merging` of a
stale tab: reading the revision the tab started from and the stored one, the merge and the
write; target: at most 3x a plain save). Where the merged save's time goes is shown below it:
reading the two stored revisions as the store does (`career_core.rebuild`, reusing what the tab
holds) against reading them in full (`Store.load_revision` and `Store.load`), as it did before.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from career_core.document_runs import DocumentWriter, compress, decompress  # noqa: E402
from career_core.merge import merge  # noqa: E402
from career_core.models import CheckIn, Goal, Notebook  # noqa: E402
from career_core.plan.actions import tick  # noqa: E402
from career_core.rebuild import Known  # noqa: E402
from career_core.sample import load_sample  # noqa: E402
from career_core.schema import frames  # noqa: E402
from career_core.store import Store, revisions  # noqa: E402
from tests.synthetic import five_year_notebook  # noqa: E402

OWNER = "bench"
TARGET = 5.0
T = TypeVar("T")
DRAFT_TARGET = 1.0
MERGE_TARGET = 3.0
DRAFT = "Lead the platform team of twelve engineers by March 2027, with a deputy who can run it " * 4


@dataclass
class Timing:
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        return statistics.quantiles(self.samples, n=10, method="inclusive")[-1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench(name: str, notebook: Notebook, repeat: int, warmup: int = 3) -> bool:
    data = notebook.model_dump(mode="json")
    text = json.dumps(data)
    document = notebook.to_json().encode()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        with store.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        current = store.add(OWNER, notebook)

        def save() -> None:
            nonlocal current
            current = store.save(OWNER, current)

        def load() -> None:
            store.load(OWNER, current.id)

        query = sa.select(revisions.c.document).where(revisions.c.notebook_id == current.id,
                                                      revisions.c.revision == sa.bindparam("revision"))

        def select() -> None:
            with store.engine.connect() as conn:
                conn.execute(query, {"revision": current.revision}).scalar_one()

        text_doc = document.decode()
        blob = DocumentWriter().compressed(notebook)  # as stored: frames once it holds more than a run of check-ins
        # Interleave store and plain JSON so both see the same machine state (caches, CPU clock,
        # other processes); the parts after the first four explain where the store's time goes.
        steps: list[tuple[str, Callable[[], object]]] = [
            ("dumps", lambda: json.dumps(data)),
            ("save", save),
            ("loads", lambda: json.loads(text)),
            ("load", load),
            ("to_json", notebook.to_json),
            ("compress", lambda: compress(text_doc)),
            ("zlib", lambda: zlib.compress(document, 1)),
            ("select", select),
            ("decompress", lambda: decompress(blob)),
            ("validate", lambda: Notebook.model_validate_json(text_doc)),
        ]
        times: dict[str, list[float]] = {key: [] for key, _ in steps}
        for i in range(warmup + repeat):
            for key, fn in steps:
                elapsed = timed(fn)
                if i >= warmup:
                    times[key].append(elapsed)
        store.engine.dispose()

    t = {k: Timing(v) for k, v in times.items()}
    save_ratio = t["save"].median / t["dumps"].median
    load_ratio = t["load"].median / t["loads"].median
    print(f"\n== {name}: {len(notebook.goals)} goals, {len(notebook.actions)} actions, "
          f"{len(notebook.checkins)} check-ins, {len(notebook.reviews)} reviews")
    print(f"document: {len(document):,} bytes, {len(DocumentWriter().compressed(notebook)):,} compressed as stored "
          f"(Zstandard level 1, {len(compress(text_doc)):,} in one frame), {len(zlib.compress(document, 1)):,} with zlib level 1 (as stored before); "
          f"SQLite journal_mode={mode}; {repeat} repetitions")
    print(f"{'':22}{'median':>11}{'p90':>11}")
    rows = [("json.dumps", "dumps"), ("Store.save", "save"), ("json.loads", "loads"), ("Store.load", "load")]
    for label, key in rows:
        print(f"{label:22}{ms(t[key].median):>11}{ms(t[key].p90):>11}")
    ok = save_ratio <= TARGET and load_ratio <= TARGET
    print(f"{'save / json.dumps':22}{save_ratio:10.2f}x{t['save'].p90 / t['dumps'].p90:10.2f}x")
    print(f"{'load / json.loads':22}{load_ratio:10.2f}x{t['load'].p90 / t['loads'].p90:10.2f}x")
    print(f"target: each within {TARGET:g}x on the median -> {'met' if ok else 'MISSED'}")
    print("where the time goes (medians):")
    for label, key in [
        ("save: Notebook.to_json", "to_json"),
        ("save: Zstandard level 1", "compress"),
        ("  (zlib level 1, before)", "zlib"),
        ("load: SQL select only", "select"),
        ("load: decompress", "decompress"),
        ("load: model_validate_json", "validate"),
    ]:
        print(f"  {label:30}{ms(t[key].median):>11}")
    return ok


def stored_bytes(store: Store) -> int:
    """Everything the database holds of notebooks' documents: revision rows and the frames they list."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(sa.func.length(revisions.c.document)), 0))).scalar_one()
        kept = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(sa.func.length(frames.c.frame)), 0))).scalar_one()
    return rows + kept


def bench_stored_per_save(name: str, notebook: Notebook, saves: int = 50) -> None:
    """What one check-in adds to the database (and a hosted database is sent), against the document."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        current = store.add(OWNER, notebook)
        first = stored_bytes(store)
        goal = current.checkins[-1].goal_id if current.checkins else current.goals[0].id
        for i in range(saves):
            current.checkins.append(CheckIn(goal_id=goal, on=date.today(), value=float(i)))
            current = store.save(OWNER, current)
        per_save = (stored_bytes(store) - first) / saves
        store.engine.dispose()
    print(f"\n== stored per check-in, {name}: {per_save / 1000:.1f} KB a save over {saves} saves "
          f"(the first revision {first / 1000:.1f} KB, the document {len(DocumentWriter().compressed(notebook)) / 1000:.1f} KB compressed)")


def clocked(fn: Callable[..., T], *args: object) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def edit_mine(nb: Notebook, i: int) -> None:
    """This tab: a check-in and a goal's why."""
    nb.checkins.append(CheckIn(goal_id=nb.goals[0].id, on=nb.checkins[-1].on, value=1, note=f"tab A {i}"))
    nb.goals[3].why = f"Why, as written in tab A, round {i}"


def edit_theirs(nb: Notebook, i: int) -> None:
    """The other tab: the vision, a new goal, a tick on an action."""
    nb.vision.statement = f"The vision, as written in tab B, round {i}"
    nb.goals.append(Goal(statement=f"A goal added in tab B, round {i}"))
    tick(nb, nb.actions[5].id, nb.checkins[-1].on)


def bench_drafts_and_merges(name: str, notebook: Notebook, repeat: int, warmup: int = 3) -> bool:
    text = notebook.to_json()
    base = Notebook.model_validate_json(text)
    mine, theirs = Notebook.model_validate_json(text), Notebook.model_validate_json(text)
    edit_mine(mine, 0)
    edit_theirs(theirs, 0)
    times: dict[str, list[float]] = {"save": [], "draft": [], "merge": [], "merged save": [],
                                     "reads, rebuilt": [], "reads, in full": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        current = store.add(OWNER, notebook)
        for i in range(warmup + repeat):
            elapsed: dict[str, float] = {}
            elapsed["save"], current = clocked(store.save, OWNER, current)
            elapsed["draft"], _ = clocked(store.save_draft, OWNER, current.id, "goals.draft.statement", f"{DRAFT}{i}")
            elapsed["merge"], _ = clocked(merge, base, mine, theirs)
            tab, other = store.load(OWNER, current.id), store.load(OWNER, current.id)
            edit_theirs(other, i)
            store.save(OWNER, other)
            edit_mine(tab, i)
            elapsed["reads, rebuilt"], _ = clocked(read_rebuilt, store, tab)
            elapsed["reads, in full"], _ = clocked(read_in_full, store, tab)
            elapsed["merged save"], outcome = clocked(store.save_merging, OWNER, tab)
            assert outcome.merged and not outcome.conflicts
            current = outcome.notebook
            if i >= warmup:
                for key, value in elapsed.items():
                    times[key].append(value)
        store.engine.dispose()

    t = {k: Timing(v) for k, v in times.items()}
    result = merge(base, mine, theirs)
    assert not result.conflicts
    print(f"\n== drafts and merges, {name}: {len(notebook.goals)} goals, {len(notebook.checkins)} check-ins; "
          f"{repeat} repetitions, interleaved")
    print(f"{'':22}{'median':>11}{'p90':>11}{'/ save':>9}")
    for label in times:
        ratio = t[label].median / t["save"].median
        print(f"{label:22}{ms(t[label].median):>11}{ms(t[label].p90):>11}{ratio:8.2f}x")
    draft_ratio = t["draft"].median / t["save"].median
    merge_ratio = t["merge"].median / t["save"].median
    merged_ratio = t["merged save"].median / t["save"].median
    ok = draft_ratio <= DRAFT_TARGET and merge_ratio <= MERGE_TARGET
    print(f"targets: draft write within {DRAFT_TARGET:g}x, merge within {MERGE_TARGET:g}x of a plain save on the median "
          f"-> {'met' if ok else 'MISSED'}; merged save within {MERGE_TARGET:g}x -> "
          f"{'met' if merged_ratio <= MERGE_TARGET else 'missed'} ({merged_ratio:.2f}x)")
    return ok


def read_rebuilt(store: Store, tab: Notebook) -> None:
    """The two stored revisions as `save_merging` reads them: rebuilt against what the tab holds."""
    mine = Known.of(tab)
    base = Known.read(store._revision_document(OWNER, tab.id, tab.revision), [mine], check=False)
    Known.read(store._document(OWNER, tab.id), [mine, base])


def read_in_full(store: Store, tab: Notebook) -> None:
    store.load_revision(OWNER, tab.id, tab.revision)
    store.load(OWNER, tab.id)


def profile(notebook: Notebook, repeat: int = 20, top: int = 18) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'profile.db'}")
        current = store.add(OWNER, notebook)
        for label, fn in [("save", lambda nb: store.save(OWNER, nb)), ("load", lambda nb: store.load(OWNER, nb.id))]:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(repeat):
                result = fn(current)
                if label == "save":
                    current = result
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
            print(f"\n== cProfile: Store.{label} of the five-year notebook, {repeat} calls")
            print(out.getvalue().split("\n\n", 1)[-1].strip())
        store.engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed repetitions per notebook (default 200)")
    parser.add_argument("--profile", action="store_true", help="also profile save and load of the five-year notebook")
    args = parser.parse_args()

    print(f"Python {sys.version.split()[0]}; median and p90 of {args.repeat} runs each")
    ok = bench("sample notebook", load_sample(), args.repeat)
    five = five_year_notebook()
    ok &= bench("five-year notebook", five, max(20, args.repeat // 4))
    ok &= bench_drafts_and_merges("sample notebook", load_sample(), max(20, args.repeat // 4))
    ok &= bench_drafts_and_merges("five-year notebook", five, max(20, args.repeat // 4))
    bench_stored_per_save("sample notebook", load_sample())
    bench_stored_per_save("five-year notebook", five)
    if args.profile:
        profile(five)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
