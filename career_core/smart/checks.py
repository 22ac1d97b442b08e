"""The named checks of rules.toml: each may reject a rule's match (REJECT) or attach a value
(the word advice quotes, an object's head, a confidence). detect.py runs them.

Why checks and not bigger regular expressions: what makes a match count often depends on the
words around it (a name is not a capitalised everyday word, an object is not abstract), which a
regular expression cannot say readably.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from career_core.smart.lexicon import is_common
from career_core.smart.rules import word_set
from career_core.smart.scan import (
    AMOUNT_VERBS,
    CHANGE_AMOUNT,
    CLAUSE_END,
    DETERMINERS,
    MONTH_OR_DAY,
    NEXT_CASED,
    NEXT_WORD,
    NEXT_WORDS,
    PREV_WORDS,
    REJECT,
    SIZE,
    VAGUE,
    Scan,
    is_abstract,
    previous_words,
    sentence_initial,
    window_is_clean,
)
from career_core.smart.time_checks import TIME_CHECKS

_PREV_CASED = re.compile(r"[A-Za-z']+", re.ASCII)
_CAPITAL_RUN = re.compile(r"\b[A-Z][A-Za-z'&-]*", re.ASCII)
_INNER_CAPITAL = re.compile(r"(?<!-)[A-Z]", re.ASCII)
_VERB_OPENERS = frozenset({"to", "will", "i", "i'll", "we", "and", "then", "also", "must", "should", "can", "could", "would"})
_GRADE_CONTEXT = word_set("grade_context")
_GRADE_PHRASES = tuple(w for w in _GRADE_CONTEXT if " " in w)  # "report card": never one token
_NOT_NAME = word_set("not_name")
_BROAD = word_set("broad_object")
ATTITUDE_VERBS = word_set("attitude_verb")
_KNOWN_NAMES = word_set("known_name")
_KEEP_VERBS = word_set("keep_verb")
_SAYING = frozenset({"ensure", "sure", "means", "mean", "see", "know", "say", "said", "show", "believe", "think", "hope"})
_PHRASE_STOP = (word_set("function_word") | word_set("small_word")) - DETERMINERS - {"all", "any", "some"}
_PLACE_PREPS = frozenset({"on", "in", "at", "with", "using", "via", "into", "onto", "through", "during", "from", "while"})
NOT_OBJECT = MONTH_OR_DAY | word_set("period") | word_set("horizon_unit") | word_set("small_word") | word_set("num_word") | frozenset(
    {"own", "current", "other", "others", "same", "first", "last", "next", "end", "rest", "most", "least", "time", "times", "one", "ones", "way", "lot", "top", "whole", "entire", "new", "old", "hour", "hours", "minute", "minutes", "goal", "goals", "year's", "week's", "day's"}
)


def _check_confidence(m: re.Match[str], scan: Scan) -> Any:
    g = m.groupdict()
    raw = g["n"] or g["n2"] or g["n3"]
    value = float(raw)
    per_hundred = g["d"] == "100" or g["d2"] == "100" or g["pct"] or g["pct2"]
    if per_hundred or value > 10:
        value /= 10
    return int(min(10, max(0, round(value))))


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
# A thing described by what one wishes of it: "a role that I enjoy", "a team with a boss who ...".
_DESCRIBED_AFTER = re.compile(r"\s{1,3}(?:that|which|where|who|i\b(?!(?:'ve|\s{1,3}have)\s{1,3}never\b))\b|\s{1,3}with\s[^.,;:!?]{0,40}?\b(?:who|that|where)\b", re.ASCII)


def described_after(lower: str, end: int) -> bool:
    """Is the thing ending at end described by a wish ("a role that I enjoy")? Something "I've
    never" done is described by its being new ("a dish I've never cooked"), which is no wish."""
    return _DESCRIBED_AFTER.match(lower, end) is not None


_MONEY_STORES = word_set("money_store")
_GROWING = frozenset({"build", "building", "grow", "growing", "boost", "boosting"})


def builds_amount(verb: str, noun: str) -> bool:
    """"build an emergency fund": a fund is built up, an amount with no target; "start" or
    "open" one is a thing done."""
    words = verb.split()
    return noun in _MONEY_STORES and bool(words) and words[0] in _GROWING


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


def is_name(word: str, start: int, scan: Scan) -> bool:
    """Does a capitalised word at start name one particular thing (a person, place, product)?

    Acronyms ("PMP") and inner capitals ("McMurdo") always do, unless the whole text shouts.
    The first word of a sentence does not. Where every word is capitalised, only a word that is
    not everyday English does ("Spanish", not "Marketing"); elsewhere any capitalised word does.
    """
    if word in _NOT_NAME or word.lower() in MONTH_OR_DAY:
        return False
    if _INNER_CAPITAL.search(word, 1):  # "PMP", "McMurdo"; not "Late-Night"
        return not scan.all_caps
    if sentence_initial(scan.cased, start):
        return False
    return not (scan.title_case and is_common(word)) or word.lower() in _KNOWN_NAMES


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


_ORDINALS = word_set("ordinal_word")
_ORGANISATIONS = frozenset({"company", "business", "organisation", "organization", "firm"})
_NOT_MADE = word_set("not_made")


def _check_made(m: re.Match[str], scan: Scan) -> Any:
    """A concrete thing after "finish the", "bake a", "earn my second": not an abstract or broad
    one ("build a relationship", "start a new life"), though a business one starts is a thing."""
    head, obj = m.group("head"), m.group("obj")
    if head in NOT_OBJECT or head in _NOT_MADE or head in VAGUE or is_abstract(head):
        return REJECT
    if head in _BROAD and head not in _ORGANISATIONS:
        return REJECT
    if builds_amount(m.group("verb").lower(), head):
        return REJECT
    if obj and (not window_is_clean(obj) or any(w in NOT_OBJECT and w not in _ORDINALS for w in PREV_WORDS.findall(obj))):
        return REJECT  # "finish the first draft" is one draft; "finish the year strong" is no thing
    return head if is_common(head) or _named(scan, m.start("head")) else REJECT


def _named(scan: Scan, start: int) -> bool:
    """Is the word at start written as a name or acronym ("my Roth IRA")?"""
    return scan.cased[start].isupper() and not scan.title_case and not scan.all_caps


def no_thing(head: str) -> bool:
    """A head word that names no everyday thing: a time, a broad or vague word, a function word,
    an abstract noun."""
    return head in NOT_OBJECT or head in _BROAD or head in VAGUE or head in _PHRASE_STOP or is_abstract(head)


def _check_verb_object(m: re.Match[str], scan: Scan) -> Any:
    """An everyday thing a verb of doing acts on: loose (no determiner pins it)."""
    head, obj = m.group("head"), m.group("obj")
    if no_thing(head):
        return REJECT
    modifiers = PREV_WORDS.findall(obj or "")
    article = modifiers[0] if modifiers and modifiers[0] in ("a", "an", "some") else None
    if article:
        modifiers = modifiers[1:]
    if obj and (not window_is_clean(obj) or any(w in DETERMINERS or w in _PHRASE_STOP for w in modifiers)):
        return REJECT  # "read the report": S.det_object's; "post about it": no object
    if not is_common(head):
        return REJECT
    if article in ("a", "an") and not described_after(scan.lower, m.end()):
        return ("one", m.group("verb"))  # "eat a pear with lunch": one thing, done or not
    return None


_WANTING = frozenset({"want", "wants", "wanted", "need", "needs", "going", "plan", "plans", "planning", "like", "love", "hope", "try", "trying", "wish", "aim", "aims", "is", "are", "am", "was", "were", "be", "will", "would", "able", "decided", "decide", "intend", "expect", "start", "begin", "continue", "learn", "how", "choose", "promise", "ready", "goal", "goals", "resolution", "ought", "have", "has", "had", "not"})


def _check_purpose(m: re.Match[str], scan: Scan) -> Any:
    """"to improve" after a wish ("I want to improve") is the goal itself, not its purpose."""
    if m.group(0).startswith("to"):
        prev = previous_words(scan.lower, m.start(), 1)
        if not prev or prev[0] in _WANTING:
            return REJECT
    return None


def _check_named(m: re.Match[str], scan: Scan) -> Any:
    word = m.group(0)
    if scan.mask.find(1, m.start(), m.end()) != -1 or not is_name(word, m.start(), scan):
        return REJECT
    return word


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
            if w in _PHRASE_STOP:
                return None
    if before[-1] in _OBJECT_PREPS:
        for w in reversed(before[-5:-1]):
            if w in CHANGE_AMOUNT:
                return w
            if w in _PHRASE_STOP:
                return None
    return None


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
        if w == "that" and (i == 0 or before[i - 1] in _PHRASE_STOP or before[i - 1] in _SAYING):
            break  # "my hope is that volunteers ...", "ensure that staff ...": a clause follows
        if w in DETERMINERS or w.endswith(("'s", "s'")) or w in ("each", "every", "a", "an", "some"):
            determiner = w
        elif w == "of" and determiner:
            pass  # "each of my projects", "all of our clients"
        elif w in _PHRASE_STOP:
            break
        elif determiner:
            break  # the word before the determiner: the verb or preposition
        i -= 1
    if i >= 2 and before[i - 1] in ("and", "or") and before[i - 2] not in CHANGE_AMOUNT:
        i -= 2  # "manage and grow the sales department": managing it is a thing done
    if i >= 0 and (before[i] in ("and", "or") or before[i] in _OBJECT_PREPS):
        return determiner, _changed_by(before[: i + 1])  # "improve my pacing and my tone"
    return determiner, before[i] if i >= 0 else None


ABSTRACT_HEADS = word_set("abstract") | word_set("act_not_thing") | {"ritual", "routine"}


def _check_object(m: re.Match[str], scan: Scan) -> Any:
    start = m.start()
    clause = CLAUSE_END.split(scan.lower[max(0, start - 60) : start])[-1]
    before = PREV_WORDS.findall(clause)[-8:]
    # "Lead a team", "I will coach juniors", "Call my mum": at the start of a clause these
    # nouns are the verb.
    if not before or before[-1] in _VERB_OPENERS:
        return REJECT
    determiner, verb = _governing(before)
    if m.group(0) in _BROAD and (before[-1] in _NOT_A_MODIFIER or before[-1] in _PHRASE_STOP):
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


def _bare(obj: str | None) -> bool:
    """No word narrows the object: nothing, or only determiners ("the", "my", "all of our")."""
    return all(w in DETERMINERS or w in ("all", "of", "any", "some") for w in PREV_WORDS.findall(obj or ""))


def is_broad(head: str, obj: str | None) -> bool:
    """"the company", "debt": an object too wide to pin a goal down, with nothing narrowing it."""
    return head in _BROAD and _bare(obj)


_MONEY = word_set("money_word")
_FOR_A_PURCHASE = re.compile(r"\s{1,3}(?:for\s{1,3}(?:a|an|my|our|the|his|her|their)\s|to\s{1,3}(?:buy|afford|purchase|pay\s{1,3}for|fund)\b)", re.ASCII)


def _check_abstract_object(m: re.Match[str], scan: Scan) -> Any:
    if m.group("verb2") is not None:
        return m.group("verb2")  # a change verb with no object at all: "Improve."
    head = m.group("head")
    start, end = m.span("head")
    if head in _MONEY and _FOR_A_PURCHASE.match(scan.lower, end):
        return REJECT  # "save money for a deposit on a flat": the purchase says what, as in "save for a flat"
    if is_abstract(head) or is_broad(head, m.group("obj")):
        return head
    word = scan.cased[start:end]
    if word[0].isupper() and word[1:].islower() and not (scan.title_case or sentence_initial(scan.cased, start)):
        return head  # "improve my Spanish": a named skill or subject, changed by no target (not "NPS")
    return REJECT


def _check_baseline(m: re.Match[str], scan: Scan) -> Any:
    prev = previous_words(scan.lower, m.start(), 1)
    return REJECT if prev and prev[0] in _KEEP_VERBS else None


def _check_switch(m: re.Match[str], scan: Scan) -> Any:
    """What one switches to is a thing ("oat milk", "a standing desk"), not a quality or a wide
    object; a thing named is pinned down, whatever its article."""
    head, obj = m.group("head"), m.group("obj")
    if no_thing(head) or not window_is_clean(obj):
        return REJECT
    return "determined" if is_common(head) or _named(scan, m.start("head")) else REJECT


def _check_det_object(m: re.Match[str], scan: Scan) -> Any:
    head, obj = m.group("head"), m.group("obj")
    if head in _BROAD or head in NOT_OBJECT or is_abstract(head):
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


_SLOT_WORD = re.compile(r"[a-z#%$]+", re.ASCII)
_PLACEHOLDER_WORDS = word_set("placeholder_word")
_PLACEHOLDER_NOT_AFTER = word_set("placeholder_not_after")


def _check_placeholder(m: re.Match[str], scan: Scan) -> Any:
    said = m.group(0)
    if said[0] in "[<{":  # a bracket is a slot only when it names what goes in it
        inside = _SLOT_WORD.findall(said.lower())
        return said if inside and any(w in _PLACEHOLDER_WORDS for w in inside) else REJECT
    if said[0] in "_a":  # "___", "a certain number"
        return said
    prev = _PREV_CASED.findall(scan.cased, max(0, m.start() - 30), m.start())
    if prev:
        word = prev[-1]
        if word.lower() in _PLACEHOLDER_NOT_AFTER:
            return REJECT  # "Gen Z", "Model X"
        # "Malcolm X": a capital word before it, mid-sentence, in a sentence-case text
        if word[0].isupper() and not scan.title_case and not sentence_initial(scan.cased, m.start() - len(word) - 1):
            return REJECT
    return said


def _check_grade(m: re.Match[str], scan: Scan) -> Any:
    """A capital A-F is a grade with a sign, a plural or quotes ("B+", "A's", '"A"'), after "straight" or "all",
    or in a text about marks; "Get A Job" in a title is not one."""
    said = m.group(0).lower()
    lead = said.split()[0]
    if m.group("pl") or m.group("q") or len(m.group("g")) > 1 or lead in ("all", "mostly") or "straight" in said:
        return m.group("g")
    about_marks = scan.tokens & _GRADE_CONTEXT or any(phrase in scan.lower for phrase in _GRADE_PHRASES)
    return m.group("g") if about_marks else REJECT


_THINGS = word_set("concrete") | word_set("deliverable") | word_set("recurring_event")
_HABITS = word_set("activity")
_RECURRENCE = word_set("recurrence_adjective")
_SOME_WHEN = word_set("period") | {"point"}
_OCCASIONS = word_set("recurring_event") | word_set("item_occasion") | word_set("recurring_occasion")


_THEN_A_VERB = re.compile(r"\s{1,3}to\s{1,3}[a-z]", re.ASCII)


def _check_vague_word(m: re.Match[str], scan: Scan) -> Any:
    """A word of size before a concrete thing says which thing ("lead a small project"), not
    how much ("eat small portions"); "some" before one leaves how many open, not what ("finish
    some courses": M's question). A capitalised word in a run of names is part of the name
    ("the Good Shepherd Hospital"), not a judgement."""
    word = m.group(0)
    if word == "my best" and _THEN_A_VERB.match(scan.lower, m.end()):
        return REJECT  # "do my best to share ...": a way out (A's hedge); the goal is what follows
    if word in _RECURRENCE and _names_occasion(scan.lower, m.end()):
        return OPEN_RHYTHM  # "a regular date night": the habit is named; how often is M's question
    if word in SIZE or word == "some":
        following = NEXT_WORD.match(scan.lower, m.end())
        if word == "some" and following and following.group(1) in _SOME_WHEN:
            return REJECT  # "some day I will ...": says when (T's question), not how much
        if following and _is_thing(following.group(1), counting=word == "some"):
            return OPEN_COUNT if word == "some" else REJECT
    cased = scan.cased[m.start() : m.end()]
    if scan.has_upper and cased[0].isupper() and not cased.isupper() and _in_name_run(m.start(), m.end(), scan):
        return REJECT
    return None


_SUBORDINATORS = word_set("subordinator")


def _check_negative_framing(m: re.Match[str], scan: Scan) -> Any:
    """A negation in a clause that describes or conditions the goal ("hike the ridge when the
    heat won't be too much", "set an alarm so I don't oversleep") says nothing of what the goal
    does; in the goal's own clause it does."""
    start = max(0, m.start() - 80)
    clause = CLAUSE_END.split(scan.lower[start : m.start()])[-1]
    words = PREV_WORDS.findall(clause)
    if words and len(clause) == m.start():
        words = words[1:]  # the text opens with the condition: "When stressed don't snack" still forbids
    return REJECT if any(w in _SUBORDINATORS for w in words) else None


# "leave work on Fridays", "get to work on time": "work" is a place or a time there, not a verb.
_WEEKDAYS = word_set("weekday")
_WORK_AS_NOUN = frozenset({"leave", "leaving", "left", "at", "from", "after", "before", "off"})
_WORK_WHEN = _WEEKDAYS | frozenset({"time", "weekends", "weekend", "weekdays", "holidays", "holiday", "days", "nights", "evenings", "mornings"})


_EFFORT_ON = frozenset({"work on", "working on", "focus on", "focusing on"})
_FOLLOWING = re.compile(r"(?:\s{1,3}[a-z][a-z'-]*){1,4}", re.ASCII)


def _on_a_thing(lower: str, end: int) -> bool:
    """Does the phrase after "work on" name a thing ("the garden shed", "side projects"), not
    a quality ("my public speaking")? Its words run to the first function word."""
    following = _FOLLOWING.match(lower, end)
    for word in following.group(0).split() if following else ():
        if word in _PHRASE_STOP:
            break
        if _is_thing(word):
            return True
    return False


def _check_vague_phrase(m: re.Match[str], scan: Scan) -> Any:
    """"work on" is an open direction only when "work" is the verb and what follows is a quality
    worked on ("work on my public speaking"), not a day or the clock ("work on Saturdays"), nor
    a thing ("work on the garden shed", "focus on the quarterly report"), which is specific."""
    said = m.group(0)
    if said in _EFFORT_ON and _on_a_thing(scan.lower, m.end()):
        return REJECT
    if not said.startswith("work"):
        return None
    prev = previous_words(scan.lower, m.start(), 1)
    following = NEXT_WORD.match(scan.lower, m.end())
    when = following is not None and (following.group(1) in _WORK_WHEN or following.group(1).removesuffix("s") in _WORK_WHEN)
    return REJECT if when or (prev and prev[0] in _WORK_AS_NOUN) else None


def _names_occasion(lower: str, end: int) -> bool:
    """Does an occasion that recurs ("family nights", "cadence") follow within two words?"""
    following = NEXT_WORDS.match(lower, end)
    words = following.group(0).split() if following else ()
    return any(w in _OCCASIONS or w.removesuffix("s") in _OCCASIONS for w in words)


OPEN_COUNT = "open count"  # "some courses": which thing is said, how many is left open
OPEN_RHYTHM = "open rhythm"  # "regular family nights": which habit is said, how often is left open


def _is_thing(word: str, counting: bool = False) -> bool:
    """A concrete thing of the lists; counting, also an activity ("some volunteer work")."""
    single = word.removesuffix("s")
    return word in _THINGS or single in _THINGS or (counting and (word in _HABITS or single in _HABITS))


def _in_name_run(start: int, end: int, scan: Scan) -> bool:
    """Is the capitalised word at start..end one of a run of names, mid-sentence, in a text
    that is not written in title case or capitals?"""
    if scan.title_case or scan.all_caps or sentence_initial(scan.cased, start):
        return False
    following = NEXT_CASED.match(scan.cased, end)
    if following and following.group(1)[0].isupper() and is_name(following.group(1), following.start(1), scan):
        return True
    before = _PREV_CASED.findall(scan.cased, max(0, start - 30), start)
    if before and before[-1][0].isupper():
        at = scan.cased.rfind(before[-1], 0, start)
        return is_name(before[-1], at, scan)
    return False


_A_OR_AN = re.compile(r"\ban?\s", re.ASCII)


def _check_activity(m: re.Match[str], scan: Scan) -> Any:
    """An activity counted by "a" ("keep a journal of tide times", "go for a swim") is one thing, not a habit
    left open: it pins the goal down as "a puppy" does."""
    if not _A_OR_AN.search(scan.lower, max(0, m.start() - 40), m.start()):
        return None  # the cheap test first: no "a" before it
    prev = previous_words(scan.lower, m.start(), 3)
    counted = max((i for i, w in enumerate(prev) if w in ("a", "an")), default=None)
    if counted is None or any(w in DETERMINERS or w in _PHRASE_STOP for w in prev[counted + 1 :]):
        return None  # "a walk and journal": the count belongs to another thing
    return ("one", "a")  # "a journal", "a gratitude journal"


CHECKS: dict[str, Callable[[re.Match[str], Scan], Any]] = {
    **TIME_CHECKS,
    "grade": _check_grade,
    "placeholder": _check_placeholder,
    "confidence": _check_confidence,
    "completion": _check_completion,
    "credential": _check_credential,
    "completion_named": _check_completion_named,
    "route_named": _check_route_named,
    "made": _check_made,
    "verb_object": _check_verb_object,
    "activity": _check_activity,
    "purpose": _check_purpose,
    "named": _check_named,
    "abstract_object": _check_abstract_object,
    "object": _check_object,
    "det_object": _check_det_object,
    "switch": _check_switch,
    "baseline": _check_baseline,
    "vague_word": _check_vague_word,
    "vague_phrase": _check_vague_phrase,
    "negative_framing": _check_negative_framing,
}
