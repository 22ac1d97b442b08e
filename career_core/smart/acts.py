"""Acts that are done or not done: a verb where a goal's verb stands, acting on a concrete thing.

Why: "Donate blood", "installing a bird feeder", "Go to a movie by myself", "put down a deposit on
a family vacation" name something one can point at and tick off, yet their verbs and nouns are
in no list of the scorer's. What they share is structure, not words:
- the verb stands where a goal's verb stands: first in the goal or a sentence, or after "to",
  "will", "I", "and" ("My goal is to ...", "In two weeks I will ...");
- the thing is concrete: an everyday word that is not abstract, broad or a unit of time;
- the act ends when it is done (it is telic): the verb brings something about by itself
  (acquire, make, give, reach: "get", "bake", "donate", "visit"), a particle says it is finished
  ("clean out", "get through", "walk up"), or the thing is counted or pointed at ("a", "the",
  "my": "ride a roller coaster" ends, "coach direct reports" goes on).
Verbs that go on by nature ("keep", "study", "use"), change an amount ("improve") or state a
feeling or wish ("love", "want") name no act here; other rules read those.

Everything is read from the lowercased text detect.py made; an act is cited as "M.act".
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from career_core.smart.checks import builds_amount, described_after
from career_core.smart.lexicon import is_common
from career_core.smart.rules import word_set
from career_core.smart.scan import DETERMINERS, VAGUE, is_abstract
from career_core.smart.verbs import lemma_of

_TOKEN = re.compile(r"[a-z][a-z'-]*|\d+|[.!?;:,()\[\]\n\"]|/", re.ASCII)
_BOUNDARY = frozenset(".!?;:()[]\n\"")
_OPENING_MARKS = _BOUNDARY | {","}  # "On day one, unpack the boxes"
_OPENERS = word_set("act_opener")
_PARTICLES = word_set("act_particle")
_PREPOSITIONS = word_set("act_preposition")
_QUANTIFIERS = (DETERMINERS - {"own"}) | word_set("act_quantifier")
_NP_STOP = word_set("act_np_stop")
_TELIC = word_set("telic_verb") | word_set("creation_verb")
_NOT_ACTS = (
    word_set("ongoing_verb") | word_set("amount_verb") | word_set("attitude_verb") | word_set("keep_verb")
    | word_set("function_word") | word_set("small_word")
) - {"try"}  # "try a new class" is an act; "try to" hands over to the verb after it
_NOT_THINGS = (
    word_set("broad_object") | word_set("not_made") | word_set("abstract") | word_set("period") | word_set("horizon_unit")
    | word_set("num_word") | word_set("function_word") | word_set("small_word") | word_set("act_not_thing")
    | word_set("month") | word_set("weekday") | VAGUE
)
_AMOUNTS = word_set("rate_noun")  # "taper my mileage": an amount, unless one is counted ("a deposit")
# "visit a doctor if the pain stays": an act that waits on a condition is not a commitment.
_CONDITION = re.compile(r"[^.;:!?]{0,60}?\b(?:if|unless|when\s+needed|as\s+needed|in\s+case)\b", re.ASCII)
# Verbs that grow either a thing or an amount: a thing when it is counted or one's own.
_MAKES = frozenset({"grow", "raise", "develop", "build"})
_RHYTHM_WORDS = frozenset(
    {"every", "each", "other", "day", "night", "morning", "evening", "week", "weekday", "daily", "nightly", "weekly", "once", "twice", "a", "per"}
)
_PLACES = frozenset({"on", "in", "at", "inside", "around"})  # where a habit happens
_AFTER_PARTICLE = frozenset({"for", "with", "to", "on"})
_COUNTS = frozenset({"a", "an", "one", "another"})
_HABITS = word_set("activity")
_TOWARDS = frozenset({"to", "into", "onto", "across", "from"})  # motion with an end: "walk to the shop"
_RELATIVE = frozenset({"who", "whom", "whose", "which", "where"})
MAX_CHARS = 2_000
MAX_WORDS = 6  # a noun phrase longer than this is a clause, not a thing
_PLAINLY_ABSTRACT = ("ness", "ity", "ship", "ism")


class Act(NamedTuple):
    start: int  # the verb
    end: int  # the end of the thing
    verb: str  # as its plain form ("install")
    thing: str  # the head of what it acts on ("feeder")
    done: bool = True  # False for a skill to learn ("learn to knit"): specific, but when is it done?
    habit: bool = False  # a behaviour and where it happens ("post on social media"): needs a rhythm


class _Tok(NamedTuple):
    start: int
    end: int
    word: str


def _skill(toks: list[_Tok], i: int) -> int | None:
    """After "learn" at toks[i]: the verb of the skill ("learn to knit", "learn how to swim")."""
    k = i + 1
    if k < len(toks) and toks[k].word == "how":
        k += 1
    if k + 1 < len(toks) and toks[k].word == "to" and _verb(toks[k + 1].word):
        return k + 1
    return None


@cache
def _verb(word: str) -> str | None:
    """word as a plain verb that can name an act, or None."""
    verb = lemma_of().get(word)
    if verb is None or verb in _NOT_ACTS or word in _NOT_ACTS:
        return None
    return verb


@cache
def _thing(word: str, counted: str | None) -> bool:
    """Can word be the concrete thing an act is about ("feeder", "blood", "lighthouse")? What
    is counted ("a vacation", "a celebration") is a thing unless plainly abstract; a word no
    list knows ("lasagne") is taken for a thing, as most unknown words in a goal are nouns."""
    singular = word.removesuffix("s") if len(word) > 3 and not word.endswith("ss") else word
    if word in _NOT_THINGS or singular in _NOT_THINGS or len(word) < 3:
        return False
    if word.endswith("ed") and (word[:-2] in lemma_of() or word[:-1] in lemma_of()):
        return False  # "get involved": a state reached, not a thing
    if counted == "count":
        return not singular.endswith(_PLAINLY_ABSTRACT)
    if word in _AMOUNTS:
        return False
    if counted:
        return not singular.endswith(_PLAINLY_ABSTRACT)
    return not is_abstract(word) or not is_common(word)


def _phrase(lower: str, toks: list[_Tok], i: int) -> tuple[int, str | None] | None:
    """The noun phrase from toks[i]: (index of its head, "count" or "definite" or None), or
    None when it holds no concrete thing. A determiner may open it; a vague word spoils it."""
    counted: str | None = None  # "count": "a", "one", "2"; "definite": "the", "my", "all of my"
    while i < len(toks) and (toks[i].word in _QUANTIFIERS or toks[i].word.isdigit()):
        counted = "count" if toks[i].word in _COUNTS or toks[i].word.isdigit() else counted or "definite"
        i += 1
    words: list[int] = []
    while i < len(toks):
        word = toks[i].word
        if word == "/":  # "web site/app": one thing named two ways
            i += 1
            continue
        if word in _BOUNDARY or word == "," or word in _NP_STOP or word in _PREPOSITIONS or word in _PARTICLES:
            break
        if word in VAGUE or word in _QUANTIFIERS or word.isdigit():
            return None  # "make more friends", "get better grades": open, or counted elsewhere
        words.append(i)
        i += 1
    if not words or len(words) > MAX_WORDS:
        return None
    head = words[-1]
    if described_after(lower, toks[head].end) or _CONDITION.match(lower, toks[head].end):
        return None  # "a job that I love": described by a wish, not one thing to point at
    return (head, counted) if _thing(toks[head].word, counted) else None


def _ends(verb: str, telic: bool, counted: str | None) -> bool:
    """Does the act end? A telic verb or a particle ends it; a counted thing ends any act ("ride
    a roller coaster"); a thing pointed at ends it unless the verb is a habit ("walk the dog")."""
    if telic or counted == "count":
        return True
    return counted == "definite" and verb not in _HABITS


def _opens(toks: list[_Tok], i: int) -> bool:
    if i == 0:
        return True
    before = toks[i - 1].word
    return before in _OPENING_MARKS or before in _OPENERS


def find(lower: str) -> list[Act]:
    """Every act in the text, in order (lower: the lowercased, normalised text). Goals are at
    most 1,000 characters; a longer paste is read on its first MAX_CHARS."""
    toks = [_Tok(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(lower, 0, MAX_CHARS)]
    out: list[Act] = []
    relative = False  # inside "... who doesn't make me want to ...": a description, not the goal
    for i, tok in enumerate(toks):
        if tok.word in _RELATIVE:
            relative = True
        elif tok.word in _BOUNDARY:
            relative = False
        if relative or not _opens(toks, i):
            continue
        if lemma_of().get(tok.word) == "learn":
            skill = _skill(toks, i)
            if skill is not None:
                out.append(Act(tok.start, toks[skill].end, "learn", toks[skill].word, done=False))
            continue
        verb = _verb(tok.word) or (lemma_of().get(tok.word) if lemma_of().get(tok.word) in _MAKES else None)
        if verb is None:
            continue
        j = i + 1
        telic = verb in _TELIC
        if j < len(toks) and toks[j].word in _PARTICLES:
            telic = True  # "clean out", "get through", "walk up": the particle says it ends
            j += 1
        if verb == "go":
            outing = next((k for k in (j, j + 1) if k < len(toks) and toks[k].word.endswith("ing") and _verb(toks[k].word)), None)
            if outing is not None:
                out.append(Act(tok.start, toks[outing].end, verb, toks[outing].word))  # "go bungee jumping"
                continue
        if j + 1 < len(toks) and toks[j].word == "to" and toks[j + 1].word in lemma_of():
            if verb in _TELIC and j == i + 1 and _verb(toks[j + 1].word):
                out.append(Act(tok.start, toks[j + 1].end, verb, toks[j + 1].word))  # "register to vote"
            continue  # "try to save", "learn to drive": the verb after "to" is read on its own
        k = j
        while k < len(toks) and k < j + 3 and toks[k].word in _RHYTHM_WORDS:
            k += 1  # "post every day on social media": the rhythm stands between verb and place
        ended = telic and j > i + 1  # a particle ends the act: "show up for all my classes"
        if k < len(toks) and (toks[k].word in _PREPOSITIONS or (ended and toks[k].word in _AFTER_PARTICLE)) and verb not in _MAKES:
            found = _phrase(lower, toks, k + 1)  # "sleep under the stars", "go to a movie"
            if found and found[1] and _ends(verb, telic or toks[k].word in _TOWARDS, found[1]):
                out.append(Act(tok.start, toks[found[0]].end, verb, toks[found[0]].word))
            elif found and verb not in _TELIC and toks[k].word in _PLACES:
                # "post every day on social media": a habit where it happens, done when its rhythm says
                out.append(Act(tok.start, toks[found[0]].end, verb, toks[found[0]].word, done=False, habit=True))
            continue
        if verb == "go":
            continue  # "go the distance", "go the extra mile": a way of speaking, not a place
        found = _phrase(lower, toks, j)
        if found and verb in _MAKES and verb not in _TELIC:
            # "grow my own vegetables", "raise a puppy": a thing made; "grow my list": an amount
            own = any(t.word == "own" for t in toks[j : found[0]])
            if found[1] == "count" or own:
                out.append(Act(tok.start, toks[found[0]].end, verb, toks[found[0]].word))
            continue
        if found and _ends(verb, telic, found[1]) and not builds_amount(verb, toks[found[0]].word):
            out.append(Act(tok.start, toks[found[0]].end, verb, toks[found[0]].word))
    return out
