"""A notebook's document written in runs, so that a save writes and compresses again only the
check-ins, the actions and the reviews that changed.

A notebook kept for years holds thousands of check-ins, hundreds of actions and dozens of reviews,
most of its document, and a save adds, ticks or removes one or two. All three are frozen, so a run of them that
holds the very same objects as when it was last written (career_core.frozen_runs) still has the
JSON and the Zstandard frame written then, and the fields the consistency check read
(integrity.Columns); only a run with an entry added, removed or replaced is written, and checked,
again. The JSON is byte for byte `Notebook.model_dump_json()`. With WAYPOINT_CHECK_DOCUMENTS=1 (the
tests set it) every document written is compared with that, and a difference raises.

The compressed document is a series of Zstandard frames (the part before the actions, cut at the
goals; each run of actions, a comma between runs; the part from there to the check-ins, cut at
the initiatives; each run of check-ins; the few bytes to the reviews; each run of reviews; the
part after, cut at the partners), which the Zstandard
format reads back as one text (`decompress`; the `zstd` tool does the same). A part between the
runs is compressed again only when its text changed. A notebook with up to RUN check-ins is one
frame.

One writer serves every session of a server (the store holds it), so it keeps the runs of the
last document written of a few notebooks (KEPT_NOTEBOOKS, least recently written first out): a
run replaced by a save goes with it, so a session that keeps saving holds no more than its
notebook's runs. It takes a lock around them.
"""

from __future__ import annotations

import os
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from hashlib import blake2b
from threading import Lock

import zstandard
from pydantic import TypeAdapter

from career_core.frozen_runs import RUN, Keeper
from career_core.integrity import Columns, verify
from career_core.models import Action, CheckIn, Notebook, Review

KEPT_NOTEBOOKS = 8  # the notebooks of the few people saving at one moment
ACTION_RUN = 64  # actions per run: a tick writes this many again; fewer runs compress better (a five-year notebook holds 400)
REVIEW_RUN = 8  # reviews per run: words typed into the open review write this many again (a five-year notebook holds 60)
CHECK = "WAYPOINT_CHECK_DOCUMENTS"  # "1": compare every document written with the notebook's own JSON

# Zstandard at level 1 compresses a five-year notebook three times faster than zlib did, a quarter
# smaller, and reads it back three times faster (benchmarks/store.py). Rows written before are zlib.
ZSTD_LEVEL = 1

_CHECKINS: TypeAdapter[list[CheckIn]] = TypeAdapter(list[CheckIn])
_ACTIONS: TypeAdapter[list[Action]] = TypeAdapter(list[Action])
_REVIEWS: TypeAdapter[list[Review]] = TypeAdapter(list[Review])
# Keys, outside any text (quotes inside text are escaped), that no other model has.
_SLOT = b'"checkins":[]'
_ACTION_SLOT = b'"actions":[]'
_REVIEW_SLOT = b'"reviews":[]'
_COMMA = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(b",")

Frame = tuple[bytes, bytes]  # a frame's digest (what the store keys it by) and its bytes


def digest(frame: bytes) -> bytes:
    """What a frame is known by: 16 bytes of BLAKE2b, so a frame is stored once however many
    revisions hold it (career_core.store)."""
    return blake2b(frame, digest_size=16).digest()


_COMMA_FRAME: Frame = (digest(_COMMA), _COMMA)


def compress(text: str) -> bytes:
    return _compressor().compress(text.encode())


def decompress(blob: bytes) -> str:
    """The text of a stored document: Zstandard, in one frame or several, or zlib (rows written
    by versions before Zstandard)."""
    if blob.startswith(zstandard.FRAME_HEADER):
        return zstandard.ZstdDecompressor().decompressobj(read_across_frames=True).decompress(blob).decode()
    return zlib.decompress(blob).decode()


def _compressor() -> zstandard.ZstdCompressor:
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL)  # one per call: a compressor is not thread-safe


@dataclass(slots=True, eq=False)
class _Run:
    entries: tuple[CheckIn, ...]
    json: bytes  # the entries' JSON, without the list's brackets
    frame: Frame | None = field(default=None)  # the JSON compressed, once a compressed document asked for it
    columns: Columns = field(init=False)  # the fields the consistency check reads, each read once

    def __post_init__(self) -> None:
        self.columns = Columns(self.entries)

    @classmethod
    def of(cls, entries: tuple[CheckIn, ...]) -> _Run:
        return cls(entries, _CHECKINS.dump_json(list(entries))[1:-1])

    @classmethod
    def of_actions(cls, entries: tuple[Action, ...]) -> _Run:
        return cls(entries, _ACTIONS.dump_json(list(entries))[1:-1])

    @classmethod
    def of_reviews(cls, entries: tuple[Review, ...]) -> _Run:
        return cls(entries, _REVIEWS.dump_json(list(entries))[1:-1])

    def compressed(self, compressor: zstandard.ZstdCompressor) -> Frame:
        if self.frame is None:  # two sessions may both compress it: the same bytes either way
            frame = compressor.compress(self.json)
            self.frame = (digest(frame), frame)
        return self.frame


@dataclass(frozen=True, slots=True)
class _Pieces:
    head: bytes  # the document up to the actions' opening bracket
    actions: list[_Run]
    middle: bytes  # from their closing bracket to the check-ins' opening one
    runs: list[_Run]  # the check-ins
    between: bytes  # from their closing bracket to the reviews' opening one
    reviews: list[_Run]
    tail: bytes  # from their closing bracket
    kept: _Kept  # what the writer keeps of this notebook

    def json(self) -> bytes:
        return b"".join((self.head, _joined(self.actions), self.middle, _joined(self.runs), self.between,
                         _joined(self.reviews), self.tail))


def _joined(runs: list[_Run]) -> bytes:
    return b",".join(run.json for run in runs)


class _Kept:
    """What the writer keeps of one notebook's last document: its runs of check-ins, of actions
    and of reviews, and the frames of the parts between them (cut at a few long lists, `_CUTS`),
    each with the text it was compressed from. A part whose text is byte for byte the same is not
    compressed again: a check-in leaves the goals as they were."""

    __slots__ = ("runs", "actions", "reviews", "_frames")

    def __init__(self) -> None:
        self.runs: Keeper[_Run] = Keeper(_Run.of)
        self.actions: Keeper[_Run] = Keeper(_Run.of_actions, ACTION_RUN)
        self.reviews: Keeper[_Run] = Keeper(_Run.of_reviews, REVIEW_RUN)
        self._frames: dict[str, tuple[tuple[bytes, Frame], ...]] = {}

    def frames(self, where: str, text: bytes, compressor: zstandard.ZstdCompressor) -> list[Frame]:
        """`text` (a part between the runs) compressed as frames of its parts."""
        before = self._frames.get(where, ())
        now = []
        for k, part in enumerate(_cut(text, _CUTS[where])):
            if k < len(before) and before[k][0] == part:
                now.append(before[k])
            else:
                frame = compressor.compress(part)
                now.append((part, (digest(frame), frame)))
        self._frames[where] = tuple(now)  # one assignment: another session saving reads the old or the new
        return [frame for _, frame in now]


# Where the parts between the runs are cut: keys of the notebook, outside any text (quotes in
# text are escaped). A cut elsewhere would still give back the same text, only framed otherwise.
_CUTS = {"head": (b',"goals":[',), "middle": (b',"initiatives":[',), "between": (), "tail": (b',"partners":[',)}


def _same_as_written_whole(written: bytes, notebook: Notebook) -> None:
    """Raise when the document pieced from runs is not the notebook's own JSON: an entry of a run
    changed in place (a frozen model's `__dict__` written to), which a save would have lost."""
    whole = notebook.to_json().encode()
    if written != whole:
        at = next((i for i, (a, b) in enumerate(zip(written, whole, strict=False)) if a != b), min(len(written), len(whole)))
        raise AssertionError(f"The document written in runs differs from the notebook's own JSON at byte {at:,}: "
                             f"{written[max(0, at - 60):at + 60]!r} against {whole[max(0, at - 60):at + 60]!r}")


def _frames(runs: list[_Run], compressor: zstandard.ZstdCompressor) -> list[Frame]:
    """The runs' frames, a comma's between each two."""
    out: list[Frame] = []
    for run in runs:
        if out:
            out.append(_COMMA_FRAME)
        out.append(run.compressed(compressor))
    return out


def _cut(text: bytes, keys: tuple[bytes, ...]) -> list[bytes]:
    parts, start = [], 0
    for key in keys:
        at = text.find(key, start)
        if at > start:
            parts.append(text[start:at])
            start = at
    parts.append(text[start:])
    return parts


class DocumentWriter:
    """Writes notebooks as JSON, reusing the runs of check-ins it wrote last time for each."""

    def __init__(self, kept_notebooks: int = KEPT_NOTEBOOKS) -> None:
        self.kept_notebooks = kept_notebooks
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._lock = Lock()

    def json(self, notebook: Notebook) -> str:
        if len(notebook.checkins) <= RUN:  # one run: nothing to reuse that one call would not write as fast
            return notebook.to_json()
        return self._pieces(notebook).json().decode()

    def compressed(self, notebook: Notebook) -> bytes:
        """The document as stored: `decompress` gives back `json(notebook)`."""
        return self.verified(notebook, check=False)

    def verified(self, notebook: Notebook, *, check: bool = True) -> bytes:
        """The document as stored, once `integrity.verify` passes: it raises LimitError or
        Inconsistent, and nothing is written. The check reads each kept run's columns, so it too
        reads again only the check-ins and actions that changed."""
        return b"".join(frame for _, frame in self.framed(notebook, check=check))

    def framed(self, notebook: Notebook, *, check: bool = True) -> list[Frame]:
        """`verified`, frame by frame, each with its digest: the store keeps each frame once. A
        notebook with up to RUN check-ins is one frame."""
        if len(notebook.checkins) <= RUN:
            if check:
                verify(notebook)
            frame = compress(notebook.to_json())
            return [(digest(frame), frame)]
        pieces = self._pieces(notebook)
        if check:
            # The runs were split from these very lists by _pieces, just now.
            verify(notebook, {"checkins": [run.columns for run in pieces.runs],
                              "actions": [run.columns for run in pieces.actions]}, split=("checkins", "actions"))
        compressor = _compressor()
        kept = pieces.kept
        return [*kept.frames("head", pieces.head, compressor), *_frames(pieces.actions, compressor),
                *kept.frames("middle", pieces.middle, compressor), *_frames(pieces.runs, compressor),
                *kept.frames("between", pieces.between, compressor), *_frames(pieces.reviews, compressor),
                *kept.frames("tail", pieces.tail, compressor)]

    def _pieces(self, notebook: Notebook) -> _Pieces:
        without = notebook.model_copy(update={"checkins": [], "actions": [], "reviews": []})
        rest = type(notebook).__pydantic_serializer__.to_json(without)  # what to_json() decodes, as bytes
        actions_at = rest.index(_ACTION_SLOT) + len(_ACTION_SLOT) - 1  # near the start
        reviews_at = rest.rindex(_REVIEW_SLOT) + len(_REVIEW_SLOT) - 1  # right after the check-ins
        checkins_at = rest.rindex(_SLOT, 0, reviews_at) + len(_SLOT) - 1
        with self._lock:
            kept = self._kept.get(notebook.id)
            if kept is None:  # not setdefault: that would build a _Kept on every save, to drop it
                kept = self._kept[notebook.id] = _Kept()
            self._kept.move_to_end(notebook.id)
            while len(self._kept) > self.kept_notebooks:
                self._kept.popitem(last=False)
        pieces = _Pieces(rest[:actions_at], kept.actions.runs(notebook.actions), rest[actions_at:checkins_at],
                         kept.runs.runs(notebook.checkins), rest[checkins_at:reviews_at],
                         kept.reviews.runs(notebook.reviews), rest[reviews_at:], kept)
        if os.environ.get(CHECK) == "1":  # read on each save: the tests set it after importing the store
            _same_as_written_whole(pieces.json(), notebook)
        return pieces

    def held(self) -> int:
        """How many runs (of check-ins, actions and reviews) are kept, over every notebook kept."""
        with self._lock:
            return sum(len(kept.runs) + len(kept.actions) + len(kept.reviews) for kept in self._kept.values())
