"""The named checks of rules.toml, one registry: each may reject a rule's match (REJECT) or attach
a value (the word advice quotes, an object's head, a confidence). detect.py runs them.

Why checks and not bigger regular expressions: what makes a match count often depends on the
words around it (a name is not a capitalised everyday word, an object is not abstract), which a
regular expression cannot say readably. The checks live by topic: names (name_checks.py), marks
and slots (mark_checks.py), things done (done_checks.py), objects of verbs (object_checks.py,
sharing object_words.py), things counted by "a" (counted.py), vague words (vague_checks.py),
words read by their clause (framing_checks.py) and times (time_checks.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.counted import COUNTED_CHECKS
from career_core.smart.done_checks import DONE_CHECKS
from career_core.smart.framing_checks import FRAMING_CHECKS
from career_core.smart.mark_checks import MARK_CHECKS
from career_core.smart.name_checks import NAME_CHECKS
from career_core.smart.object_checks import OBJECT_CHECKS
from career_core.smart.scan import Scan
from career_core.smart.time_checks import TIME_CHECKS
from career_core.smart.vague_checks import VAGUE_CHECKS

Check = Callable[[re.Match[str], Scan], Any]
_REGISTRIES = (TIME_CHECKS, MARK_CHECKS, NAME_CHECKS, DONE_CHECKS, OBJECT_CHECKS, COUNTED_CHECKS, VAGUE_CHECKS, FRAMING_CHECKS)


def _merged(registries: tuple[dict[str, Check], ...]) -> dict[str, Check]:
    merged: dict[str, Check] = {}
    for registry in registries:
        for name, check in registry.items():
            if name in merged:
                raise ValueError(f"two topic modules name the check {name!r}")
            merged[name] = check
    return merged


CHECKS = _merged(_REGISTRIES)
