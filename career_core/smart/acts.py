"""Acts that are done or not done: a verb where a goal's verb stands, acting on a concrete thing.

Why: "Donate platelets", "installing a rain barrel", "Go to a play on my own", "pay a deposit
on a caravan" name something one can point at and tick off, yet their verbs and nouns are
in no list of the scorer's. What they share is structure, not words:
- the verb stands where a goal's verb stands: first in the goal or a sentence, or after "to",
  "will", "I", "and" ("My goal is to ...", "By spring I will ...");
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

from career_core.smart.lexicon import is_common, joins_two_words
from career_core.smart.object_words import builds_amount, described_after
from career_core.smart.rules import word_set
from career_core.smart.scan import DETERMINERS, VAGUE, is_abstract
from career_core.smart.verbs import lemma_of, verb_of_past

_TOKEN = re.compile(r"[a-z][a-z'-]*|\d+|[.!?;:,()\[\]\n\"]|/", re.ASCII)
_BOUNDARY = frozenset(".!?;:()[]\n\"")
_OPENING_MARKS = _BOUNDARY | {","}  # "On day one, unpack the boxes"
_OPENERS = word_set("act_opener")
_PARTICLES = word_set("act_particle")
_PREPOSITIONS = word_set("act_preposition")
_QUANTIFIERS = (DETERMINERS - {"own"}) | word_set("act_quantifier")
_NP_STOP = word_set("act_np_stop")
_TELIC = word_set("telic_verb") | word_set("creation_verb")
_ACHIEVE = word_set("achievement_verb")  # "find a tutor" ends; "find peace" is felt
_NOT_ACTS = (
    word_set("ongoing_verb") | word_set("amount_verb") | word_set("attitude_verb") | word_set("keep_verb")
    | word_set("function_word") | word_set("small_word")
) - {"try"} - _ACHIEVE  # "try a new class" is an act; "try to" hands over to the verb after it
_NOT_THINGS = (
    word_set("broad_object") | word_set("not_made") | word_set("abstract") | word_set("period") | word_set("horizon_unit")
    | word_set("num_word") | word_set("function_word") | word_set("small_word") | word_set("act_not_thing")
    | word_set("month") | word_set("weekday") | VAGUE
)
_BODIES = word_set("countable_body")  # "join a society": one body counted, though "the company" is broad
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
_MAY_CONDITION = re.compile(r"\b(?:if|unless|needed|case)\b", re.ASCII)
_RELATIVE = frozenset({"who", "whom", "whose", "which", "where"})
MAX_CHARS = 2_000
MAX_WORDS = 6  # a noun phrase longer than this is a clause, not a thing
_PLAINLY_ABSTRACT = ("ness", "ity", "ship", "ism")
_SUFFIXED_THINGS = word_set("suffixed_thing")  # "a sorority", "an internship": things all the same
_CONTRACTED = ("'ve", "'ll", "'re", "'d", "'m")  # "you've", "we'll": a subject and its verb


class Act(NamedTuple):
    start: int  # the verb
    end: int  # the end of the thing
    verb: str  # as its plain form ("install")
    thing: str  # the head of what it acts on ("feeder")
    done: bool = True  # False for a skill to learn ("learn to knit"): specific, but when is it done?
    habit: bool = False  # a behaviour and where it happens ("post on social media"): needs a rhythm


class _Text:
    """The words of a text, with their places worked out only when an act needs them."""

    __slots__ = ("_spans", "conditional", "lower", "words")

    def __init__(self, lower: str) -> None:
        self.lower = lower
        self.words: list[str] = _TOKEN.findall(lower, 0, MAX_CHARS)
        self._spans: list[tuple[int, int]] | None = None
        self.conditional = _MAY_CONDITION.search(lower) is not None  # cheap test before _CONDITION

    def span(self, i: int) -> tuple[int, int]:
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN.finditer(self.lower, 0, MAX_CHARS)]
        return self._spans[i]


def _skill(words: list[str], i: int) -> int | None:
    """After "learn" at words[i]: the verb of the skill ("learn to knit", "learn how to swim")."""
    k = i + 1
    if k < len(words) and words[k] == "how":
        k += 1
    if k + 1 < len(words) and words[k] == "to" and _verb(words[k + 1]):
        return k + 1
    for j in range(i + 1, min(i + 4, len(words))):  # "learn violin": a pastime named bare
        if words[j] in _HABITS:
            return j
        if words[j] in _QUANTIFIERS or words[j] in VAGUE or not words[j].isalpha():
            break
    return None


def _tool(text: _Text, i: int) -> int | None:
    """After "learn" at words[i]: the one thing a skill is learnt on ("learn how to use a wood
    lathe", "learn to operate a forklift"), whose verb goes on by nature; the skill ends when
    the thing can be worked. The index of the thing, or None."""
    words = text.words
    k = i + 1
    if k < len(words) and words[k] == "how":
        k += 1
    if not (k + 2 < len(words) and words[k] == "to" and words[k + 1] in lemma_of() and words[k + 2] in _COUNTS):
        return None
    found = _phrase(text, k + 2)
    return found[0] if found is not None and found[1] == "count" else None


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
    if (word in _NOT_THINGS or singular in _NOT_THINGS or len(word) < 3) and not (counted == "count" and singular in _BODIES):
        return False  # "the company" is broad; "join a company" ends on one of them
    if word.endswith("ed") and (word[:-2] in lemma_of() or word[:-1] in lemma_of()):
        return False  # "get involved": a state reached, not a thing
    if counted:
        if singular.endswith("ie"):
            singular = singular[:-2] + "y"  # "cities"
        if singular.endswith(_PLAINLY_ABSTRACT) and singular not in _SUFFIXED_THINGS:
            return False
        if counted == "count":
            return True
    if word in _AMOUNTS:
        return False
    if counted:
        return True
    return not is_abstract(word) or not is_common(word)


def _phrase(text: _Text, i: int) -> tuple[int, str | None] | None:
    """The noun phrase from word i: (index of its head, "count" or "definite" or None), or
    None when it holds no concrete thing. A determiner may open it; a vague word spoils it."""
    words = text.words
    counted: str | None = None  # "count": "a", "one", "2"; "definite": "the", "my", "all of my"
    while i < len(words) and (words[i] in _QUANTIFIERS or words[i].isdigit()):
        counted = "count" if words[i] in _COUNTS or words[i].isdigit() else counted or "definite"
        i += 1
    held: list[int] = []
    while i < len(words):
        word = words[i]
        if word == "/":  # "web site/app": one thing named two ways
            i += 1
            continue
        if word in _BOUNDARY or word == "," or word in _NP_STOP or word in _PREPOSITIONS or word in _PARTICLES or word.endswith(_CONTRACTED):
            break  # "a trail you've never walked": the phrase ends where a clause begins
        if word in VAGUE or word in _QUANTIFIERS or word.isdigit():
            return None  # "make more friends", "get better grades": open, or counted elsewhere
        held.append(i)
        i += 1
    if not held or len(held) > MAX_WORDS:
        return None
    head = held[-1]
    if not _thing(words[head], counted):
        return None
    end = text.span(head)[1]
    if described_after(text.lower, end) or (text.conditional and _CONDITION.match(text.lower, end)):
        return None  # "a role that I enjoy": described by a wish; "... if the pain stays": waits
    return head, counted


_OUTINGS = word_set("outing")
_TAKE_UP = word_set("pastime_start_verb")


@cache
def _outing(word: str) -> bool:
    """Can word be what one goes doing ("go bungee jumping", "go skydiving", "go ziplining")? A
    gerund of a verb that names an act, or an -ing word no list knows that is made of two everyday
    words, as new pastimes are ("kite" + "surf", "para" + "glide", "zip" + "line"): a made-up word
    ("go qwerting") is no pastime, and "thing" words and short ones like "king" are nouns."""
    if not word.endswith("ing") or word.endswith("thing") or len(word) < 7:
        return bool(word.endswith("ing") and _verb(word))
    if _verb(word) or word in _OUTINGS:
        return True
    return _pastime(word)


@cache
def _pastime(word: str) -> bool:
    """Is word a pastime named by two everyday words run together ("bird" + "watch" + "ing",
    "bee" + "keep" + "ing"), or one of the short list? Not a verb of the lists ("exercising")."""
    if not word.endswith("ing") or word.endswith("thing") or len(word) < 7 or word in _NOT_THINGS or word in _HABITS:
        return False
    stem = word.removesuffix("ing")
    return word in _OUTINGS or (word not in lemma_of() and (joins_two_words(stem) or joins_two_words(stem + "e")))


def _ends(verb: str, telic: bool, counted: str | None) -> bool:
    """Does the act end? A telic verb or a particle ends it; a counted thing ends any act ("ride
    a roller coaster"); a thing pointed at ends it unless the verb is a habit ("walk the dog")."""
    if telic or counted == "count":
        return True
    return counted == "definite" and verb not in _HABITS


_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she"})
_EACH = frozenset({"each", "every", "any", "some"})
_POSSESSIVE = frozenset({"my", "our", "your", "his", "her", "their", "its"})
_REFLEXIVES = frozenset({"myself", "yourself", "ourselves", "themselves", "himself", "herself"})


def _relative_that(words: list[str], i: int) -> bool:
    """Does "that" at words[i] open a clause that describes a noun ("each client that I see")?
    A subject follows it and a determiner stands before the noun (one word before it, or two
    when the word before "that" is no verb); "make sure that I ..." has no noun, so what
    follows is the goal itself."""
    if not (1 < i < len(words) - 1 and words[i + 1] in _SUBJECTS):
        return False
    before = words[i - 2]
    if before in _QUANTIFIERS or before in _EACH:
        return True  # "each jar that I fill": a determiner and its noun
    return i > 2 and words[i - 1] not in lemma_of() and (words[i - 3] in _QUANTIFIERS or words[i - 3] in _EACH)


# "each jar that I fill": a scope that grows with what one will do is never all done
_OPEN_SCOPE = re.compile(r"(?:each|every)\s{1,3}(?:of\s{1,3}[a-z']+\s{1,3})?(?:[a-z'-]+\s{1,3}){1,3}?(?:that|which|who|whom)\s{1,3}(?:i|we|you)\b", re.ASCII)


def acts_on_all(lower: str, start: int) -> bool:
    """Does a verb that names an act stand right before start, where a goal's verb stands ("proofread
    every chapter", "I will thank each volunteer")? Then "each" or "every" at start counts the whole
    scope, done or not; "coach direct reports" has no such count, "keep every receipt" no act,
    and "label each jar that I fill" no end."""
    begin = max(0, start - 64)  # two words back are enough; a long paste is not read from its start
    words = _TOKEN.findall(lower, begin, start)
    if begin:
        words = words[1:]  # the first may be cut in two
    if not words or _verb(words[-1]) is None or _OPEN_SCOPE.match(lower, start):
        return False
    if len(words) == 1:
        return not begin  # the verb opens the text
    return words[-2] in _OPENING_MARKS or words[-2] in _OPENERS


def find(lower: str) -> list[Act]:
    """Every act in the text, in order (lower: the lowercased, normalised text). Goals are at
    most 1,000 characters; a longer paste is read on its first MAX_CHARS."""
    text = _Text(lower)
    words = text.words
    found_at: list[tuple[int, int, str, bool, bool]] = []  # verb index, thing index, verb, done, habit
    lemmas = lemma_of()
    relative = False  # inside "... who lets me ...": a description, not the goal
    for i, word in enumerate(words):
        if word in _RELATIVE or (word == "that" and _relative_that(words, i)):
            relative = True
        elif word in _BOUNDARY:
            relative = False
        if relative or (i and words[i - 1] not in _OPENING_MARKS and words[i - 1] not in _OPENERS):
            continue
        lemma = lemmas.get(word)
        if lemma is None:
            continue
        if lemma == "learn":
            skill = _skill(words, i)
            if skill is not None:
                found_at.append((i, skill, "learn", False, False))
            else:
                tool = _tool(text, i)
                if tool is not None:
                    found_at.append((i, tool, "learn", True, False))
            continue
        if lemma == "do":
            found = _phrase(text, i + 1)  # "do a pull-up", "do a 5k": one go at a counted thing
            if found is not None and found[1] == "count" and words[i + 1] in _COUNTS:
                found_at.append((i, found[0], "do", True, False))
            elif i + 1 < len(words) and _outing(words[i + 1]) and lemmas.get(words[i + 1]) not in _NOT_THINGS:
                found_at.append((i, i + 1, "do", False, True))  # "do spinning": a habit, like "do yoga"
            continue
        verb = _verb(word) or (lemma if lemma in _MAKES else None)
        if verb is None:
            if lemma in _TAKE_UP and i + 1 < len(words) and _pastime(words[i + 1]):
                found_at.append((i, i + 1, lemma, True, False))  # "start birdwatching"
            continue
        act = _act(text, i, verb)
        if act is not None:
            found_at.append(act)
    if not found_at:
        item = _time_item(text) or _result_item(text)
        if item is not None:
            found_at.append(item)
    return [Act(text.span(i)[0], text.span(h)[1], verb, words[h], done, habit) for i, h, verb, done, habit in found_at]


_RESULT_WORDS = 4  # "my first student loan": a short thing before its participle
_RESULT_ITEM_WORDS = 12  # "Car loan paid off by the end of 2027"
_ORDINALS = word_set("ordinal_word")
_BROAD = word_set("broad_object")


def _result_item(text: _Text) -> tuple[int, int, str, bool, bool] | None:
    """A list item that names a thing and the deed done to it, with no verb before: "Car paid
    off", "Spare room cleared out by May", "Novel submitted". The thing comes first, then a past
    participle of a verb whose act ends by itself or with its particle ("paid off")."""
    words = text.words
    if len(words) > _RESULT_ITEM_WORDS:
        return None  # a sentence, not a list item
    first = 0
    while first < len(words) and words[first].isdigit():
        first += 1  # "3. Car paid off"
    past = verb_of_past()
    for p in range(first + 1, min(len(words), first + _RESULT_WORDS + 1)):
        word = words[p]
        if word in _BOUNDARY or word == "," or word in _NP_STOP or word in _PREPOSITIONS:
            return None
        verb = past.get(word)
        if verb is None or verb == word:
            continue  # "set", "cut", "run" read as nouns or plain verbs as often
        ends = p + 1 < len(words) and words[p + 1] in _PARTICLES
        if _verb(verb) is None or not (verb in _TELIC or ends):
            return None
        held = words[first:p]
        if any(w in VAGUE or w in _NOT_ACTS and w not in _QUANTIFIERS and w != "first" for w in held):
            return None
        if not (_thing(words[p - 1], "definite") or (held[0] in _ORDINALS and words[p - 1] in _BROAD)):
            return None  # "Debt paid off" says not which debt; "First debt paid off" does
        return first, p + 1 if ends else p, verb, True, False  # the whole item: "Car paid off"
    return None


_ITEM_CADENCE = word_set("item_cadence")
_ITEM_OCCASION = word_set("item_occasion")
_PERIODS = word_set("period")
_ITEM_WORDS = 8  # a list item, not a sentence
_ITEM_PREPOSITIONS = _PREPOSITIONS | _PARTICLES | {"with", "for", "by", "around"}


def _time_item(text: _Text) -> tuple[int, int, str, bool, bool] | None:
    """A short list item with no verb, headed by a time word: "Weekly board-game nights" (a habit,
    kept on its rhythm), "Day trip to the coast" (an outing done once). The words after the time
    word are the thing; what follows a preposition says with whom or where."""
    words = text.words
    first = 0
    while first < len(words) and words[first].isdigit():
        first += 1  # "3. Weekly ..."
    if len(words) - first > _ITEM_WORDS or first >= len(words):
        return None
    head_word = words[first]
    if head_word not in _ITEM_CADENCE and head_word not in _ITEM_OCCASION:
        return None
    k = first + 1
    held: list[int] = []
    while k < len(words) and words[k] not in _ITEM_PREPOSITIONS and words[k] not in _BOUNDARY and words[k] != ",":
        word = words[k]
        if held and word.removesuffix("s") in _PERIODS:
            held.append(k)  # "date nights", "movie night": a time word closing a compound
            k += 1
            continue
        if word in VAGUE or word in _NOT_THINGS or word in _NOT_ACTS or word.isdigit() or not is_common(word):
            return None
        held.append(k)
        k += 1
    if not held or len(held) > 3 or (k < len(words) and words[k] in _BOUNDARY and any(w.isalpha() for w in words[k + 1 :])):
        return None
    head = held[-1]
    named = next((i for i in reversed(held) if words[i].removesuffix("s") not in _PERIODS), None)
    if named is None or not _thing(words[named], None):
        return None
    return first, head, "", head_word in _ITEM_OCCASION, head_word in _ITEM_CADENCE


def _act(text: _Text, i: int, verb: str) -> tuple[int, int, str, bool, bool] | None:
    """The act the verb at word i names, if it names one that ends (or a habit and its place)."""
    words = text.words
    j = i + 1
    if j + 1 < len(words) and words[j] in _REFLEXIVES and words[j + 1] in _PREPOSITIONS:
        j += 1  # "introduce myself to the head teacher": the act is on whom it reaches
    telic = verb in _TELIC
    if j < len(words) and words[j] in _PARTICLES:
        telic = True  # "clean out", "get through", "walk up": the particle says it ends
        j += 1
    if verb == "go":
        outing = next((k for k in (j, j + 1) if k < len(words) and _outing(words[k])), None)
        if outing is not None:
            return i, outing, verb, True, False  # "go bungee jumping"
    if j + 1 < len(words) and words[j] == "to" and words[j + 1] in lemma_of():
        if verb in _TELIC and j == i + 1 and _verb(words[j + 1]):
            return i, j + 1, verb, True, False  # "register to vote"
        return None  # "try to save", "learn to drive": the verb after "to" is read on its own
    k = j
    while k < len(words) and k < j + 3 and words[k] in _RHYTHM_WORDS:
        k += 1  # "blog each week on our club site": the rhythm stands between verb and place
    ended = telic and j > i + 1  # a particle ends the act: "turn up for all my shifts"
    if k < len(words) and (words[k] in _PREPOSITIONS or (ended and words[k] in _AFTER_PARTICLE)) and verb not in _MAKES:
        found = _phrase(text, k + 1)  # "sleep under the stars", "go to a play"
        if found and found[1] and _ends(verb, telic or words[k] in _TOWARDS, found[1]):
            return i, found[0], verb, True, False
        if found and verb not in _TELIC and words[k] in _PLACES:
            return i, found[0], verb, False, True  # "blog each week on our club site": a habit and its place
        return None
    if verb == "go":
        return None  # "go the distance", "go the extra mile": a way of speaking, not a place
    if verb == "try" and j < len(words) and words[j] not in _HABITS and _outing(words[j]):
        return i, j, verb, True, False  # "try skydiving": one go at a pastime ends when it is had
    if verb in _TAKE_UP and (verb != "take" or j == i + 2) and j < len(words) and _pastime(words[j]):
        return i, j, verb, True, False  # "begin beekeeping": a pastime no list knows, taken up
    found = _phrase(text, j)
    if found is None:
        return None
    head, counted = found
    if verb in _ACHIEVE:  # "master this scale"; "master my nerves", "find my voice" are felt
        return (i, head, verb, True, False) if counted and words[j] not in _POSSESSIVE else None
    if verb in _MAKES and verb not in _TELIC:
        # "grow my own vegetables", "raise a puppy": a thing made; "grow my list": an amount
        own = "own" in words[j:head]
        return (i, head, verb, True, False) if (counted == "count" and words[head] not in _BODIES) or own else None
    if _ends(verb, telic, counted) and not builds_amount(verb, words[head]):
        return i, head, verb, True, False
    return None
