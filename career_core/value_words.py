"""Which of a person's values a piece of writing speaks to: by meaning, not only by the value's words.

"Good people leaving because nobody grows them" speaks to "Growing people" without naming it.
Both the text and each value are cut into words and reduced to their stems (Snowball's English
stemmer), so "grows", "growing" and "growth" are one word; a value is named when one of its own
words, or a word of the same group in data/value_words.toml, stands in the text. Words that say
nothing on their own ("time", "people", "my") do not count, unless a value has no other word.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import snowballstemmer

WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "value_words.toml"
_WORD = re.compile(r"[a-z]+")
_STEMMER = snowballstemmer.stemmer("english")


def stems(text: str) -> frozenset[str]:
    """The stems of the words of `text`, lowercased ("always-online" gives "alway" and "onlin")."""
    return frozenset(_STEMMER.stemWords(_WORD.findall(text.casefold())))


@cache
def _lexicon() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    generic = stems(" ".join(data["generic"]["words"]))
    groups = tuple(stems(" ".join(g["words"])) for g in data["group"])
    return generic, groups


@cache
def _concept(value: str) -> frozenset[str]:
    """The stems that stand for a value: its own telling words and the words grouped with them."""
    generic, groups = _lexicon()
    own = stems(value)
    telling = own - generic or own
    return telling.union(*(g for g in groups if telling & g))


def values_in_text(text: str, values: Iterable[str]) -> list[str]:
    """The values (in their order) that `text` speaks to."""
    found = stems(text)
    return [v for v in values if v.strip() and _concept(v) & found]
