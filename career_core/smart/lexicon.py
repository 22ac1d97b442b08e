"""Is a word an everyday English word? Two questions the scorer cannot answer from its own lists.

- In a title ("Improve Marketing", "Find My Place") every word is capitalised, so capitals say
  nothing about names: a capitalised word is a name there only when it is not a common word.
- Gibberish ("asdf qwer 123") holds no real word at all, so it says nothing specific.

The word list is Webster's Second International (web2, public domain) from the english-words
package, where only proper nouns are capitalised: a word whose lowercase form is listed is a
common word. It is loaded on first use (about 0.1 s, once per process). Modern words it lacks
("email", "app") come from the scorer's own word lists in rules.toml.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from career_core.smart.rules import WORDS

_LETTERS = re.compile(r"[a-z][a-z'-]*", re.ASCII)
_ACRONYM = re.compile(r"\b[A-Z]{2,}[A-Za-z0-9]*\b", re.ASCII)
_NOT_NAME = frozenset(WORDS["not_name"])
# Words that say when or how much but never what: they do not make a text a goal.
_EMPTY = frozenset(
    w
    for name in ("function_word", "small_word", "month", "month_abbr", "weekday", "period", "horizon_unit", "num_word")
    for entry in WORDS[name]
    for w in entry.split()
)

# Endings to strip, and what to put back, so "healthier", "things", "journaling" find their entry.
_INFLECTIONS = (
    ("iest", "y"), ("ier", "y"), ("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("est", ""),
    ("ers", ""), ("er", ""), ("er", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""), ("'s", ""),
)
# Irregular plurals, whose stems may be one letter: "feet", "teeth", "women", "mice", "geese".
_IRREGULAR = (("eet", "oot"), ("eeth", "ooth"), ("men", "man"), ("ice", "ouse"), ("eese", "oose"))


@cache
def _common() -> frozenset[str]:
    from english_words import (
        get_english_words_set,  # imported late: only some texts need it
    )

    web2 = get_english_words_set(["web2"])
    ours = {w for name, words in WORDS.items() if name != "not_name" for entry in words for w in entry.split()}
    return frozenset(w for w in web2 if w.islower()) | frozenset(w for w in ours if w.isalpha())


def _forms(word: str) -> list[str]:
    forms = [word]
    for ending, back in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            forms.append(stem + back)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "running" -> "run"
                forms.append(stem[:-1])
    for ending, back in _IRREGULAR:
        if word.endswith(ending) and len(word) > len(ending):
            forms.append(word[: -len(ending)] + back)
    return forms


@lru_cache(maxsize=4096)
def is_common(word: str) -> bool:
    """True when word, lowercased, is an everyday English word (in any simple inflection)."""
    common = _common()
    parts = [p for p in word.lower().split("-") if p]  # "Late-Night": both halves are common
    return bool(parts) and all(any(form in common for form in _forms(part)) for part in parts)


def has_real_words(cased: str, lower: str) -> bool:
    """Does the text hold an everyday word that says what or how, or an acronym ("PMP")?

    False for gibberish, a lone number or a date ("asdf qwer 123 by 2020", "2027", "by June").
    """
    for m in _LETTERS.finditer(lower):  # word by word: the usual goal's first word settles it
        w = m.group()
        if w not in _EMPTY and len(w) > 1 and is_common(w):
            return True
    unknown = [w for w in _LETTERS.findall(lower) if 5 < len(w) <= _LONGEST_COMPOUND and w not in _EMPTY][:_COMPOUNDS_ASKED]
    if any(_is_compound(w) for w in unknown):
        return True
    shouting = cased.isupper()
    return not shouting and any(a not in _NOT_NAME for a in _ACRONYM.findall(cased))


# Bounds that keep pasted gibberish quick: a longer run of letters is no word, and a text whose
# first few unknown words are no compounds is not made real by later ones.
_LONGEST_COMPOUND = 24
_COMPOUNDS_ASKED = 6
_PREFIXES = tuple(sorted(WORDS["word_prefix"], key=len, reverse=True))


def joins_two_words(word: str) -> bool:
    """Is word two everyday words of three letters or more written as one ("wakeboard", "postcards")?"""
    return any(is_common(word[:cut]) and is_common(word[cut:]) for cut in range(3, len(word) - 2))


def _is_compound(word: str) -> bool:
    """A word the dictionary lacks but which joins two of its words ("postcards", "lunchbox") or a
    prefix and one ("ebooks", "microgreens"). Asked only of gibberish candidates, never of names:
    "Facebook" joins two words too, yet it is a name."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and is_common(word[len(prefix) :]):
            return True
    return joins_two_words(word)
