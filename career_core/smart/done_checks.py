"""Things done once: a thing completed, made or earned ("pay off my car loan", "bake a loaf"),
a credential ("get CPR certified") and a thing switched to ("switch to oat milk").

Why checks: whether the thing can be pointed at depends on the words around it (a wish after
it, a place before it, an abstract head), which a regular expression cannot say readably.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.lexicon import is_common
from career_core.smart.name_checks import written_as_name
from career_core.smart.object_words import ABSTRACT_HEADS, BROAD, NOT_OBJECT, builds_amount, is_broad, no_thing
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    PREV_WORDS,
    REJECT,
    VAGUE,
    Scan,
    is_abstract,
    previous_words,
    window_is_clean,
)

_PLACE_PREPS = frozenset({"on", "in", "at", "with", "using", "via", "into", "onto", "through", "during", "from", "while"})
_WISHED_AFTER = re.compile(r"\s{1,3}(?:that|which|where|who|i|with)\b", re.ASCII)
_LIKING = "|".join(sorted(word_set("liking_verb")))
_LIKED_AFTER = re.compile(
    r"\s{1,3}(?:(?:that|which)\s{1,3})?(?:i|we|you)\s{1,3}(?:really\s{1,3}|truly\s{1,3}|actually\s{1,3})?(?:" + _LIKING + r")\b",
    re.ASCII,
)
_STANDING = word_set("standing_role")
_STANDING_MODIFIERS = word_set("standing_modifier")
_ARTICLES = frozenset({"a", "an", "the"})
_IN_A_FIELD = re.compile(r"\s{1,3}(?:in|within|among|across)\s", re.ASCII)


def _check_completion(m: re.Match[str], scan: Scan) -> Any:
    noun, obj = m.group("noun"), m.group("obj")
    if builds_amount(m.groupdict().get("verb") or "", noun):
        return REJECT
    if not window_is_clean(obj) or is_broad(noun, obj):
        return REJECT  # "pay off debt" says nothing of which debt; "my credit card debt" does
    if noun in ("job", "role", "position", "career") and _WISHED_AFTER.match(scan.lower, m.end()):
        return REJECT  # "a role where I feel at home": described by a wish, not a thing one can check
    if _LIKED_AFTER.match(scan.lower, m.end()):
        return REJECT  # "find a running plan I enjoy": which plan is left to a feeling
    if noun in _STANDING and _IN_A_FIELD.match(scan.lower, m.end()) and all(w in _STANDING_MODIFIERS or w in _ARTICLES for w in obj.split()):
        return REJECT  # "an industry leader in bike repairs": a standing others grant, not a post to take
    if obj and any(w in _PLACE_PREPS for w in PREV_WORDS.findall(obj)):
        return REJECT  # "take a photo of food on the app": the app is where, not what is done
    return noun


_FIELD_STOP = word_set("function_word") | word_set("small_word")


def _check_credential(m: re.Match[str], scan: Scan) -> Any:
    """The words between the verb and "certified" name the field ("get CPR certified"); a vague
    word ("be well qualified") or a function word ("is not registered") is no field."""
    field = m.group("obj")
    if not field:
        return None
    if not window_is_clean(field) or any(w in _FIELD_STOP for w in PREV_WORDS.findall(field)):
        return REJECT
    return None


_ORDINALS = word_set("ordinal_word")
_ORGANISATIONS = frozenset({"company", "business", "organisation", "organization", "firm"})
_NOT_MADE = word_set("not_made")


def _check_made(m: re.Match[str], scan: Scan) -> Any:
    """A concrete thing after "finish the", "bake a", "earn my second": not an abstract or broad
    one ("build a relationship", "start a new life"), though a business one starts is a thing."""
    head, obj = m.group("head"), m.group("obj")
    if head in NOT_OBJECT or head in _NOT_MADE or head in VAGUE or is_abstract(head):
        return REJECT
    if head in BROAD and head not in _ORGANISATIONS:
        return REJECT
    if builds_amount(m.group("verb").lower(), head):
        return REJECT
    if obj and (not window_is_clean(obj) or any(w in NOT_OBJECT and w not in _ORDINALS for w in PREV_WORDS.findall(obj))):
        return REJECT  # "finish the first draft" is one draft; "finish the year strong" is no thing
    return head if is_common(head) or written_as_name(scan, m.start("head")) else REJECT


_NOT_A_DEED = word_set("able_not_deed")
_WANTING = word_set("able_wanting")


def _check_able(m: re.Match[str], scan: Scan) -> Any:
    """An ability shown once ("be able to change a tyre"): the verb after it names a deed, not a
    state of mind or a vague change, and the ability is the goal, not another deed's purpose."""
    verb = m.group("verb")
    if verb in _NOT_A_DEED or verb in VAGUE:
        return REJECT
    before = previous_words(scan.lower, m.start(), 2)
    if len(before) == 2 and before[1] == "to" and before[0] not in _WANTING:
        return REJECT  # "save hard to be able to retire": the ability says why
    return None


def _check_switch(m: re.Match[str], scan: Scan) -> Any:
    """What one switches to is a thing ("oat milk", "a standing desk"), not a quality or a wide
    object; a thing named is pinned down, whatever its article."""
    head, obj = m.group("head"), m.group("obj")
    if no_thing(head) or not window_is_clean(obj):
        return REJECT
    return "determined" if is_common(head) or written_as_name(scan, m.start("head")) else REJECT


def _check_ban(m: re.Match[str], scan: Scan) -> Any:
    """"No new shoes": a ban names its things, in two words at least as a kind of thing is named
    ("new shoes", "hospital visits"); "no regrets", "no more stress" name no thing."""
    words = m.group("np").split()
    head = words[-1]
    one = head.removesuffix("s")
    names_no_thing = (is_abstract(head) or head in ABSTRACT_HEADS or one in ABSTRACT_HEADS or head in BROAD
                      or head in NOT_OBJECT or not is_common(one))
    if len(words) < 2 or any(w in VAGUE for w in words) or names_no_thing:
        return REJECT
    return head


DONE_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    "ban": _check_ban,
    "completion": _check_completion,
    "credential": _check_credential,
    "made": _check_made,
    "able": _check_able,
    "switch": _check_switch,
}
