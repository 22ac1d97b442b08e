"""Is a capitalised word a name (a person, place, product, route) or only a capital?

Why apart: whether "Spanish" or "Marketing" names one thing depends on how the whole text is
cased (a title, capitals throughout), which S's named-thing rules and the vague-word check share.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.lexicon import is_common
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    MONTH_OR_DAY,
    NEXT_CASED,
    REJECT,
    Scan,
    sentence_initial,
    window_is_clean,
)

PREV_CASED = re.compile(r"[A-Za-z']+", re.ASCII)
_CAPITAL_RUN = re.compile(r"\b[A-Z][A-Za-z'&-]*", re.ASCII)
_INNER_CAPITAL = re.compile(r"(?<!-)[A-Z]", re.ASCII)
_NOT_NAME = word_set("not_name")
_KNOWN_NAMES = word_set("known_name")
# "spend NO money", "DO IT TODAY": a small word in capitals is said loudly, not an acronym; "IT"
# (the department) and "US" (the country) are the two that also name something.
_EMPHASISED = (word_set("function_word") | word_set("small_word")) - {"it", "us"}


def is_name(word: str, start: int, scan: Scan) -> bool:
    """Does a capitalised word at start name one particular thing (a person, place, product)?

    Acronyms ("PMP") and inner capitals ("McMurdo") always do, unless the whole text shouts.
    The first word of a sentence does not. Where every word is capitalised, only a word that is
    not everyday English does ("Spanish", not "Marketing"); elsewhere any capitalised word does.
    """
    if word in _NOT_NAME or word.lower() in MONTH_OR_DAY:
        return False
    if word.isupper() and word.lower() in _EMPHASISED:
        return False  # "spend NO money": emphasis
    if _INNER_CAPITAL.search(word, 1):  # "PMP", "McMurdo"; not "Late-Night"
        return not scan.all_caps
    if sentence_initial(scan.cased, start):
        return False
    return not (scan.title_case and is_common(word)) or word.lower() in _KNOWN_NAMES


def written_as_name(scan: Scan, start: int) -> bool:
    """Is the word at start written as a name or acronym ("my Roth IRA")?"""
    return scan.cased[start].isupper() and not scan.title_case and not scan.all_caps


def in_name_run(start: int, end: int, scan: Scan) -> bool:
    """Is the capitalised word at start..end one of a run of names, mid-sentence, in a text
    that is not written in title case or capitals?"""
    if scan.title_case or scan.all_caps or sentence_initial(scan.cased, start):
        return False
    following = NEXT_CASED.match(scan.cased, end)
    if following and following.group(1)[0].isupper() and is_name(following.group(1), following.start(1), scan):
        return True
    before = PREV_CASED.findall(scan.cased, max(0, start - 30), start)
    if before and before[-1][0].isupper():
        at = scan.cased.rfind(before[-1], 0, start)
        return is_name(before[-1], at, scan)
    return False


def _check_named(m: re.Match[str], scan: Scan) -> Any:
    word = m.group(0)
    if scan.mask.find(1, m.start(), m.end()) != -1 or not is_name(word, m.start(), scan):
        return REJECT
    return word


def _check_completion_named(m: re.Match[str], scan: Scan) -> Any:
    name = m.group("name")
    if scan.mask.find(1, m.start("name"), m.end("name")) != -1:
        return REJECT  # claimed as something else ("Year 5 pupils", "Daily at 7am")
    if name[0] in "'\"":
        return None if window_is_clean(m.group("obj").lower()) else REJECT
    if not window_is_clean(m.group("obj").lower()):
        return REJECT
    # a name of several capitalised words counts when one of them is a name ("the Christmas
    # Markt", where "Christmas" alone is an everyday word in a title-like sentence)
    end = m.start("name")
    for word in _CAPITAL_RUN.finditer(scan.cased, end, end + 80):
        if scan.cased[end : word.start()].strip():
            break  # the run of capitalised words has ended
        if is_name(word.group(0), word.start(), scan):
            return name
        end = word.end()
    return REJECT


_ROUTE_LINKS = frozenset({"of", "de", "du", "la", "to", "the", "and"})  # "Walls of Jericho", "Camino de Santiago"


def _check_route_named(m: re.Match[str], scan: Scan) -> Any:
    """A way, race or peak counts when a word of its capitalised run is a name ("the Pennine
    Way"); the run may go on through small linking words ("the Walls of Jericho")."""
    if scan.mask.find(1, m.start("name"), m.end("name")) != -1:
        return REJECT  # claimed as something else ("hike Saturday mornings" is a day)
    end = m.start("name")
    for word in _CAPITAL_RUN.finditer(scan.cased, end, end + 80):
        gap = scan.cased[end : word.start()].split()
        if len(gap) > 2 or any(w not in _ROUTE_LINKS for w in gap):
            break  # the run of capitalised words has ended
        if is_name(word.group(0), word.start(), scan):
            return m.group("name")
        end = word.end()
    return REJECT


NAME_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    "named": _check_named,
    "completion_named": _check_completion_named,
    "route_named": _check_route_named,
}
