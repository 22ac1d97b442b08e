"""The object of a verb: pinned by a determiner ("the sales report", "my roadmap"), changed with
no target ("grow my subscriber base"), abstract ("improve my confidence") or loose ("eat pears").

Why a walk back over the words: which determiner pins a noun and which verb governs it decide
whether the goal names a thing done, and both can stand several words before the noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.lexicon import is_common
from career_core.smart.object_words import (
    ABSTRACT_HEADS,
    ATTITUDE_VERBS,
    BROAD,
    NOT_OBJECT,
    PHRASE_STOP,
    described_after,
    is_broad,
    no_thing,
)
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    AMOUNT_VERBS,
    CHANGE_AMOUNT,
    CLAUSE_END,
    DETERMINERS,
    NEXT_WORD,
    PREV_WORDS,
    REJECT,
    Scan,
    is_abstract,
    previous_words,
    sentence_initial,
    window_is_clean,
)

_VERB_OPENERS = frozenset({"to", "will", "i", "i'll", "we", "and", "then", "also", "must", "should", "can", "could", "would"})
_SAYING = frozenset({"ensure", "sure", "means", "mean", "see", "know", "say", "said", "show", "believe", "think", "hope"})


def _check_verb_object(m: re.Match[str], scan: Scan) -> Any:
    """An everyday thing a verb of doing acts on: loose (no determiner pins it)."""
    head, obj = m.group("head"), m.group("obj")
    if no_thing(head):
        return REJECT
    modifiers = PREV_WORDS.findall(obj or "")
    article = modifiers[0] if modifiers and modifiers[0] in ("a", "an", "some") else None
    if article:
        modifiers = modifiers[1:]
    if obj and (not window_is_clean(obj) or any(w in DETERMINERS or w in PHRASE_STOP for w in modifiers)):
        return REJECT  # "read the report": S.det_object's; "post about it": no object
    if not is_common(head) and not names_a_product(head):
        return REJECT
    if article in ("a", "an") and not described_after(scan.lower, m.end()):
        return ("one", m.group("verb"))  # "eat a pear with lunch": one thing, done or not
    return None


_WORDLIKE = re.compile(r"[a-z]{4,20}", re.ASCII)
_VOWEL = re.compile(r"[aeiouy]", re.ASCII)


def names_a_product(word: str) -> bool:
    """A word no dictionary knows, in the place of a thing one takes or uses ("take lisinopril",
    "use Zentrova"), is the name of a product, a medicine or an app: a name pins the thing down.
    It must look like a word (letters, a vowel); a text of gibberish is caught before S is read."""
    return _WORDLIKE.fullmatch(word) is not None and _VOWEL.search(word) is not None


def _clause_words(lower: str, start: int, n: int = 8) -> list[str]:
    """The last n words before start, within its clause."""
    clause = CLAUSE_END.split(lower[max(0, start - 80) : start])[-1]
    return PREV_WORDS.findall(clause)[-n:]


# Words before a noun that do not narrow it: determiners, particles and verbs.
_NOT_A_MODIFIER = DETERMINERS | {"off", "down", "up", "out", "of", "all", "any", "some"} | frozenset(
    entry.split()[0] for name in ("completion_verb", "doing_verb", "change_verb", "amount_verb", "action_verb", "creation_verb") for entry in word_set(name)
)


# "improve tool use in our workshop", "grow as a leader": after a change, where or in which
# capacity it happens, not a thing done.
_OBJECT_PREPS = frozenset({"in", "at", "on", "within", "across", "among", "throughout", "of", "as"})


def _changed_by(before: list[str]) -> str | None:
    """The change verb a noun phrase belongs to when it is the second of two ("improve my pacing
    and my tone") or says where the change happens ("improve tool use in our workshop",
    "raise my score on the final exam"): then it is not a thing done either."""
    if not before:
        return None
    if before[-1] in ("and", "or"):
        for w in reversed(before[:-1]):
            if w in CHANGE_AMOUNT:
                return w
            if w in PHRASE_STOP:
                return None
    if before[-1] in _OBJECT_PREPS:
        for w in reversed(before[-5:-1]):
            if w in CHANGE_AMOUNT:
                return w
            if w in PHRASE_STOP:
                return None
    return None


_PINNING = DETERMINERS | {"each", "every", "a", "an", "some"}  # words that say which one(s)


def _governing(before: list[str]) -> tuple[str | None, str | None]:
    """Walk back from a noun over its modifiers: which determiner pins it ("the sales
    department", "my team's roadmap", "each of my projects", "a puppy", "some courses": which
    ones is open, not what), and which word stands
    before the phrase (its verb, when there is one)? A function word ends the phrase: in "my
    hope is that volunteers", "my" belongs to "hope", not to "volunteers"."""
    determiner: str | None = None
    i = len(before) - 1
    while i >= 0:
        w = before[i]
        if w == "that" and (i == 0 or before[i - 1] in PHRASE_STOP or before[i - 1] in _SAYING):
            break  # "my hope is that volunteers ...", "ensure that staff ...": a clause follows
        if w in _PINNING or w.endswith(("'s", "s'")):
            determiner = w
        elif w == "of" and determiner:
            pass  # "each of my projects", "all of our clients"
        elif w in PHRASE_STOP:
            break
        elif determiner:
            break  # the word before the determiner: the verb or preposition
        i -= 1
    if i >= 2 and before[i - 1] in ("and", "or") and before[i - 2] not in CHANGE_AMOUNT:
        i -= 2  # "manage and grow the sales department": managing it is a thing done
    if i >= 0 and (before[i] in ("and", "or") or before[i] in _OBJECT_PREPS):
        return determiner, _changed_by(before[: i + 1])  # "improve my pacing and my tone"
    return determiner, before[i] if i >= 0 else None


def _check_object(m: re.Match[str], scan: Scan) -> Any:
    start = m.start()
    clause = CLAUSE_END.split(scan.lower[max(0, start - 60) : start])[-1]
    before = PREV_WORDS.findall(clause)[-8:]
    # "Lead a team", "I will coach juniors", "Call my mum": at the start of a clause these
    # nouns are the verb.
    if not before or before[-1] in _VERB_OPENERS:
        return REJECT
    determiner, verb = _governing(before)
    if m.group(0) in BROAD and (before[-1] in _NOT_A_MODIFIER or before[-1] in PHRASE_STOP):
        return REJECT  # "pay off my debt": which debt? ("my student debt" says)
    if verb in CHANGE_AMOUNT:
        return ("changed", verb)  # "grow my subscriber base": which way, not how far; nothing is done
    following = NEXT_WORD.match(scan.lower, m.end()) if determiner else None
    if following is not None and following.group(1) in ABSTRACT_HEADS:
        return None  # "a workout ritual", "the graduate level": it only says what kind
    if determiner in ("a", "an"):
        if described_after(scan.lower, m.end()):
            return None  # "a role that I enjoy": described by a wish, not one thing to point at
        return ("one", verb)  # "train a puppy": one thing, which is done or not
    return "determined" if determiner else None


_MONEY = word_set("money_word")
_FOR_A_PURCHASE = re.compile(r"\s{1,3}(?:for\s{1,3}(?:a|an|my|our|the|his|her|their)\s|to\s{1,3}(?:buy|afford|purchase|pay\s{1,3}for|fund)\b)", re.ASCII)


# "improve spoken and written Welsh": the first of two paired modifiers is no head; the phrase's
# head is the word after the second one.
_PAIRED = re.compile(r"\s{1,3}(?:and|or|&)\s{1,3}[a-z'-]{2,30}\s{1,3}([a-z][a-z'-]{0,30})(?=\s{0,3}(?:$|[.,;:!?)(]|\s(?:for|by|in|at|to|so|with|this|next|within|before)\b))", re.ASCII)


def _check_abstract_object(m: re.Match[str], scan: Scan) -> Any:
    if m.group("verb2") is not None:
        return m.group("verb2")  # a change verb with no object at all: "Improve."
    head = m.group("head")
    start, end = m.span("head")
    if head in _MONEY and _FOR_A_PURCHASE.match(scan.lower, end):
        return REJECT  # "save money for a deposit on a flat": the purchase says what, as in "save for a flat"
    found = _aimless(head, start, end, m.group("obj"), scan)
    if found is REJECT:
        paired = _PAIRED.match(scan.lower, end)
        if paired is not None:
            return _aimless(paired.group(1), *paired.span(1), None, scan)
    return found


def _aimless(head: str, start: int, end: int, obj: str | None, scan: Scan) -> Any:
    """The head a change aims at when it is abstract, broad or a named skill; else REJECT."""
    if is_abstract(head) or is_broad(head, obj):
        return head
    word = scan.cased[start:end]
    if word[0].isupper() and word[1:].islower() and not (scan.title_case or sentence_initial(scan.cased, start)):
        return head  # "improve my Spanish": a named skill or subject, changed by no target (not "NPS")
    return REJECT


def _check_det_object(m: re.Match[str], scan: Scan) -> Any:
    head, obj = m.group("head"), m.group("obj")
    if head in BROAD or head in NOT_OBJECT or is_abstract(head):
        return REJECT
    if obj and (not window_is_clean(obj) or any(w in NOT_OBJECT for w in PREV_WORDS.findall(obj))):
        return REJECT
    before = previous_words(scan.lower, m.start(), 3)
    linked = bool(before) and (before[-1] in ("and", "or") or before[-1] in _OBJECT_PREPS)
    if any(w in AMOUNT_VERBS for w in before[-2:]) or (linked and _changed_by(_clause_words(scan.lower, m.start()))):
        return REJECT  # "raise my grade", "grow in my faith": a change needs a concrete target
    if any(w in ATTITUDE_VERBS for w in before):
        return REJECT  # "embrace the journey", "step out of my comfort zone": felt, not done
    return "determined" if is_common(head) else REJECT


OBJECT_CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    "verb_object": _check_verb_object,
    "object": _check_object,
    "abstract_object": _check_abstract_object,
    "det_object": _check_det_object,
}
