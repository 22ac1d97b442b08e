"""Which parts of a notebook are private: hidden whenever the screen is shared (presentation mode).

One list, so every page and export agrees on what a coach or a team may not see.
"""

from __future__ import annotations

from typing import Final

# Dotted paths into the notebook model.
PRIVATE_FIELDS: Final = frozenset({
    "reflection.private_notes",
})


def is_private(path: str) -> bool:
    return path in PRIVATE_FIELDS
