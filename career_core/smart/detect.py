"""Find the evidence in a goal: run every rule of rules.toml over the text, in order.

Why a separate step: detection depends only on the text, so it can be tested rule by rule
(tests/core/test_smart_rules.py) and reused; judging the criteria comes after (criteria.py).

The text is normalised on a copy of equal length (quotes and dashes unified, lowercased where
that keeps one character per character), so every span found points into the original text.
Exclusive rules claim the characters they match; a later exclusive rule cannot fire there.
That is how "2027" in "by March 2027" is a date and never a quantity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from career_core.smart.lexicon import is_common
from career_core.smart.rules import RULES, Rule, word_set

MAX_CHARS = 20_000  # goals are at most 1,000 characters; longer input is scored on its start
MAX_HITS_PER_RULE = 200  # a 10,000-character paste of "every week" needs no more evidence

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u2026": ".",
    }
)

_DIGIT = re.compile(r"[0-9]")
_TOKEN = re.compile(r"[a-z]+", re.ASCII)  # the same tokens rules.py derives triggers with
_WORD = re.compile(r"[a-z0-9'&.-]+", re.ASCII)
_PREV_WORDS = re.compile(r"[a-z']+", re.ASCII)
_PREV_CASED = re.compile(r"[A-Za-z']+", re.ASCII)
_CASED_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*", re.ASCII)
_CAPITAL_RUN = re.compile(r"\b[A-Z][A-Za-z'&-]*", re.ASCII)
_INNER_CAPITAL = re.compile(r"(?<!-)[A-Z]", re.ASCII)
_CLAUSE_END = re.compile(r"[.,;:!?()\n]")
_NEXT_WORD = re.compile(r"[ \t]{1,3}([a-z][a-z'-]*)", re.ASCII)
_NEXT_WORDS = re.compile(r"(?:[ \t]{1,3}[a-z][a-z'-]*){0,2}", re.ASCII)  # "weekly grocery spend"
_NEXT_CASED = re.compile(r"[ \t]{1,3}([A-Za-z0-9][A-Za-z0-9'-]*)", re.ASCII)
# Words after a cadence word that show it is not describing a noun ("meet weekly with ...").
_NOT_A_NOUN = frozenset({"with", "for", "at", "in", "on", "by", "to", "and", "or", "until", "from", "during", "so", "because", "if", "when", "as", "about", "through", "over", "after", "before"})
_VERB_OPENERS = frozenset({"to", "will", "i", "i'll", "we", "and", "then", "also", "must", "should", "can", "could", "would"})
_START_PREPS = frozenset({"from", "since", "starting", "beginning", "effective", "after"})
_DETERMINERS = frozenset({"the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "own"})
_DEADLINE_PREPS = frozenset({"by", "before", "until", "till", "ahead of", "no later than", "in time for"})
_ONE_DAY_NEXT = re.compile(r"\s{1,3}(?:a|an|per|each|every|of|off|to)\b", re.ASCII)
_ONE_DAY_PREV = frozenset({"for", "in", "within", "on", "per", "a", "of", "every", "each", "first", "the", "last", "by", "from", "after", "than"})
_ABSTRACT_SUFFIXES = ("ship", "ness", "ity", "ism", "ence", "ance", "ency", "ancy", "ing", "ment", "tion", "sion")

_MONTH_OR_DAY = word_set("month") | word_set("weekday")
_DATED = _MONTH_OR_DAY | {"spring", "summer", "autumn", "fall", "winter"}  # "at the autumn fair"
_VAGUE = word_set("vague_modifier")
_CONCRETE = word_set("concrete") | word_set("deliverable") | word_set("recurring_event") | word_set("role") | word_set("occupation")
_GRADE_CONTEXT = word_set("grade_context")
_ABSTRACT = word_set("abstract")
_NOT_NAME = word_set("not_name")
_SMALL_WORDS = word_set("small_word")
_BROAD = word_set("broad_object")
_AMOUNT_VERBS = word_set("amount_verb")
_ATTITUDE_VERBS = word_set("attitude_verb")
_KNOWN_NAMES = word_set("known_name")
_KEEP_VERBS = word_set("keep_verb")
_RATE_NOUNS = word_set("rate_noun")
_CHANGE_AMOUNT = _AMOUNT_VERBS - {"up", "bring", "bringing", "limit", "prioritise", "prioritize"}
_SAYING = frozenset({"ensure", "sure", "means", "mean", "see", "know", "say", "said", "show", "believe", "think", "hope"})
# Words that end a noun phrase when walking back from its noun.
_PHRASE_STOP = (word_set("function_word") | word_set("small_word")) - _DETERMINERS - {"all", "any", "some"}
_PLACE_PREPS = frozenset({"on", "in", "at", "with", "using", "via", "into", "onto", "through", "during", "from", "while"})
# Words that end a determiner phrase without naming a thing ("my best", "the morning").
_NOT_OBJECT = _MONTH_OR_DAY | word_set("period") | word_set("horizon_unit") | word_set("small_word") | word_set("num_word") | frozenset(
    {"own", "current", "other", "others", "same", "first", "last", "next", "end", "rest", "most", "least", "time", "times", "one", "ones", "way", "lot", "top", "whole", "entire", "new", "old", "hour", "hours", "minute", "minutes", "goal", "goals", "year's", "week's", "day's"}
)

REJECT: Any = object()  # a check returns this to drop a match


class Hit(NamedTuple):
    """One piece of evidence: where it stands, which rule found it, and what it means.

    A NamedTuple rather than a dataclass: a goal produces dozens and tuples are built in C.
    """

    start: int
    end: int
    rule: str
    kind: str
    criteria: tuple[str, ...]
    value: Any = None  # the word a piece of advice quotes, a confidence, an abstract head,
    # "determined" or ("changed", verb) for an object
    groups: tuple[tuple[str, str | None], ...] = ()  # for resolving dates later


@dataclass(frozen=True, slots=True)
class Detection:
    text: str  # the original text (possibly cut at MAX_CHARS)
    cased: str  # normalised (quotes, dashes, spaces), same length
    lower: str  # normalised and lowercased, same length
    hits: tuple[Hit, ...]


def normalise(text: str) -> tuple[str, str]:
    """(cased, lower) copies of text with one character per original character."""
    cased = text.translate(_TRANSLATE)
    lower = cased.lower()
    if len(lower) != len(cased):  # a few characters lowercase to two ("İ"): keep those as is
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in cased)
    return cased, lower


def _is_title_case(cased: str) -> bool:
    """Capitals that say nothing about names: most words capitalised ("Lead The Sales Team"),
    or, in a short text, every word but the small ones ("Improve Marketing", "Find My Place")."""
    words = [w for w in _CASED_WORD.findall(cased) if len(w) > 1]
    if len(words) >= 4:
        caps = sum(1 for w in words if w[0].isupper())
        if caps >= 0.7 * len(words):
            return True
    # months and weekdays are capitalised in any sentence, so they say nothing either way
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w.lower() not in _MONTH_OR_DAY]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def _previous_words(lower: str, start: int, n: int = 2) -> list[str]:
    return _PREV_WORDS.findall(lower, max(0, start - 40), start)[-n:]


def _sentence_initial(cased: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and cased[i] in " \t\"'([{*-\u2022>":
        i -= 1
    return i < 0 or cased[i] in ".!?:;\n\r"


def _window_is_clean(obj: str | None) -> bool:
    """The words between a verb and its object hold no vague word and no sentence end."""
    if not obj:
        return True
    for word in _WORD.findall(obj):
        if word in _VAGUE or (word.endswith(".") and len(word) > 2):
            return False
    return not any(v in obj for v in ("a lot", "lots of", "a bit"))


def is_abstract(word: str) -> bool:
    """An outcome word with no behaviour in it ("skills", "morale", "thinking")."""
    singular = word.removesuffix("s")
    if word in _CONCRETE or singular in _CONCRETE:
        return False
    if word in _ABSTRACT or word in _VAGUE:
        return True
    return len(word) > 5 and word.endswith(_ABSTRACT_SUFFIXES)


class _Scan:
    """One text being scanned: its two copies, the claimed characters, and cheap facts."""

    __slots__ = ("_all_caps", "_title_case", "cased", "has_digit", "has_upper", "lower", "mask", "named", "tokens")

    def __init__(self, cased: str, lower: str, tokens: frozenset[str] | None = None) -> None:
        self.cased, self.lower = cased, lower
        self.mask = bytearray(len(lower))
        self.tokens: set[str] | frozenset[str] = set(_TOKEN.findall(lower)) if tokens is None else tokens
        self.has_digit = _DIGIT.search(lower) is not None
        self.has_upper = cased[1:] != lower[1:]  # a capital first letter names nothing
        self.named = False  # set once S.named or S.quoted finds a name
        self._title_case: bool | None = None
        self._all_caps: bool | None = None

    @property
    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = self.has_upper and _is_title_case(self.cased)
        return self._title_case

    @property
    def all_caps(self) -> bool:
        """Shouting ("LEAD THE SALES TEAM"): most letters capitals, so acronyms say nothing."""
        if self._all_caps is None:
            letters = [ch for ch in self.cased[:2000] if ch.isalpha()]
            self._all_caps = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
        return self._all_caps


# --- checks: each may reject a match (REJECT) or attach a value --------------------------------


def _check_confidence(m: re.Match[str], scan: _Scan) -> Any:
    g = m.groupdict()
    raw = g["n"] or g["n2"] or g["n3"]
    value = float(raw)
    per_hundred = g["d"] == "100" or g["d2"] == "100" or g["pct"] or g["pct2"]
    if per_hundred or value > 10:
        value /= 10
    return int(min(10, max(0, round(value))))


def _check_vague_time(m: re.Match[str], scan: _Scan) -> Any:
    if m.group("oneday") is not None:
        if _ONE_DAY_NEXT.match(scan.lower, m.end()):
            return REJECT
        prev = _previous_words(scan.lower, m.start(), 1)
        if prev and prev[0] in _ONE_DAY_PREV:
            return REJECT
    return m.group(0)


_WHOLE_PERIOD_PREPS = ("over the ", "throughout the ", "during the ", "across the ")
_WHOLE_PERIOD_UNITS = frozenset({"semester", "term", "year", "quarter"})


def _check_horizon(m: re.Match[str], scan: _Scan) -> Any:
    if m.group("n") is not None or m.group("rel") is not None:
        return None
    # "over the semester", "throughout the year": the whole of the current period
    said = " ".join(m.group(0).split())
    return None if said.startswith(_WHOLE_PERIOD_PREPS) and m.group("unit") in _WHOLE_PERIOD_UNITS else REJECT


def _check_season(m: re.Match[str], scan: _Scan) -> Any:
    return None if (m.group("prep") or m.group("rel") or m.group("y")) else REJECT


def _check_event(m: re.Match[str], scan: _Scan) -> Any:
    """An occasion is a deadline after "by", "before"...; after "at" or "in" only when it is the
    next one or dated ("at my next review", "at the March all-hands")."""
    prep = " ".join(m.group("prep").split())
    q = m.group("q")
    if prep in _DEADLINE_PREPS or (q and not (prep == "for" and q.startswith("first"))):
        return None  # "train for my first marathon" is what for, not when
    return None if any(w.removesuffix("'s") in _DATED for w in _PREV_WORDS.findall(m.group(0))) else REJECT


def _check_cadence_word(m: re.Match[str], scan: _Scan) -> Any:
    start = m.start()
    if scan.cased[start].isupper() and not scan.title_case and not scan.all_caps and not _sentence_initial(scan.cased, start):
        following = _NEXT_CASED.match(scan.cased, m.end())
        if following and (following.group(1)[0].isupper() or following.group(1)[0].isdigit()):
            return REJECT  # "roll out Maths Daily 10", "join Weekly Wins": a programme's name
    prev = _previous_words(scan.lower, start, 3)
    if prev and prev[-1] in _CHANGE_AMOUNT:
        return REJECT  # "raise weekly footfall": a metric to change, not a rhythm to keep
    following = _NEXT_WORD.match(scan.lower, m.end())
    next_two = _NEXT_WORDS.match(scan.lower, m.end())
    rate = next_two is not None and any(w in _RATE_NOUNS for w in next_two.group(0).split())
    if prev and (prev[-1] in _DETERMINERS or prev[-1].endswith(("'s", "s'"))):
        if rate and not (len(prev) > 1 and prev[-2] in _CHANGE_AMOUNT):
            return m.group(0)  # "keep my weekly grocery spend under £90": a rate to keep
        return REJECT  # "the weekly report": a thing that exists, not a new rhythm
    # "the shared weekly quiz" names a thing too; "review the notes weekly" is a rhythm
    if len(prev) >= 2 and prev[-2] in _DETERMINERS and following and following.group(1) not in _NOT_A_NOUN and not rate:
        return REJECT
    return m.group(0)


_WISHED_AFTER = re.compile(r"\s{1,3}(?:that|which|where|who|i|with)\b", re.ASCII)


def _check_completion(m: re.Match[str], scan: _Scan) -> Any:
    noun, obj = m.group("noun"), m.group("obj")
    if not _window_is_clean(obj) or is_broad(noun, obj):
        return REJECT  # "pay off debt" says nothing of which debt; "my credit card debt" does
    if noun in ("job", "role", "position", "career") and _WISHED_AFTER.match(scan.lower, m.end()):
        return REJECT  # "a role where I feel at home": described by a wish, not a thing one can check
    if obj and any(w in _PLACE_PREPS for w in _PREV_WORDS.findall(obj)):
        return REJECT  # "take a photo of food on the app": the app is where, not what is done
    return noun


def is_name(word: str, start: int, scan: _Scan) -> bool:
    """Does a capitalised word at start name one particular thing (a person, place, product)?

    Acronyms ("PMP") and inner capitals ("McMurdo") always do, unless the whole text shouts.
    The first word of a sentence does not. Where every word is capitalised, only a word that is
    not everyday English does ("Spanish", not "Marketing"); elsewhere any capitalised word does.
    """
    if word in _NOT_NAME or word.lower() in _MONTH_OR_DAY:
        return False
    if _INNER_CAPITAL.search(word, 1):  # "PMP", "McMurdo"; not "Late-Night"
        return not scan.all_caps
    if _sentence_initial(scan.cased, start):
        return False
    return not (scan.title_case and is_common(word)) or word.lower() in _KNOWN_NAMES


def _check_completion_named(m: re.Match[str], scan: _Scan) -> Any:
    name = m.group("name")
    if scan.mask.find(1, m.start("name"), m.end("name")) != -1:
        return REJECT  # claimed as something else ("Year 5 pupils", "Daily at 7am")
    if name[0] in "'\"":
        return None if _window_is_clean(m.group("obj").lower()) else REJECT
    if not _window_is_clean(m.group("obj").lower()):
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


_ORGANISATIONS = frozenset({"company", "business", "organisation", "organization", "firm"})
_NOT_MADE = word_set("not_made")


def _check_made(m: re.Match[str], scan: _Scan) -> Any:
    """A concrete thing after "finish the", "bake a", "earn my second": not an abstract or broad
    one ("build a relationship", "start a new life"), though a business one starts is a thing."""
    head, obj = m.group("head"), m.group("obj")
    if head in _NOT_OBJECT or head in _NOT_MADE or head in _VAGUE or is_abstract(head):
        return REJECT
    if head in _BROAD and head not in _ORGANISATIONS:
        return REJECT
    if obj and (not _window_is_clean(obj) or any(w in _NOT_OBJECT for w in _PREV_WORDS.findall(obj))):
        return REJECT
    return head if is_common(head) else REJECT


def _check_verb_object(m: re.Match[str], scan: _Scan) -> Any:
    """An everyday thing a verb of doing acts on: loose (no determiner pins it)."""
    head, obj = m.group("head"), m.group("obj")
    if head in _NOT_OBJECT or head in _BROAD or head in _VAGUE or head in _PHRASE_STOP or is_abstract(head):
        return REJECT
    modifiers = _PREV_WORDS.findall(obj or "")
    if modifiers and modifiers[0] in ("a", "an", "some"):
        modifiers = modifiers[1:]
    if obj and (not _window_is_clean(obj) or any(w in _DETERMINERS or w in _PHRASE_STOP for w in modifiers)):
        return REJECT  # "read the report": S.det_object's; "post about it": no object
    return None if is_common(head) else REJECT


_WANTING = frozenset({"want", "wants", "wanted", "need", "needs", "going", "plan", "plans", "planning", "like", "love", "hope", "try", "trying", "wish", "aim", "aims", "is", "are", "am", "was", "were", "be", "will", "would", "able", "decided", "decide", "intend", "expect", "start", "begin", "continue", "learn", "how", "choose", "promise", "ready", "goal", "goals", "resolution", "ought", "have", "has", "had", "not"})


def _check_purpose(m: re.Match[str], scan: _Scan) -> Any:
    """"to improve" after a wish ("I want to improve") is the goal itself, not its purpose."""
    if m.group(0).startswith("to"):
        prev = _previous_words(scan.lower, m.start(), 1)
        if not prev or prev[0] in _WANTING:
            return REJECT
    return None


def _check_named(m: re.Match[str], scan: _Scan) -> Any:
    word = m.group(0)
    if scan.mask.find(1, m.start(), m.end()) != -1 or not is_name(word, m.start(), scan):
        return REJECT
    return word


def _clause_words(lower: str, start: int, n: int = 8) -> list[str]:
    """The last n words before start, within its clause."""
    clause = _CLAUSE_END.split(lower[max(0, start - 80) : start])[-1]
    return _PREV_WORDS.findall(clause)[-n:]


# Words before a noun that do not narrow it: determiners, particles and verbs.
_NOT_A_MODIFIER = _DETERMINERS | {"off", "down", "up", "out", "of", "all", "any", "some"} | frozenset(
    entry.split()[0] for name in ("completion_verb", "doing_verb", "change_verb", "amount_verb", "action_verb", "creation_verb") for entry in word_set(name)
)
_OBJECT_PREPS = frozenset({"in", "at", "on", "within", "across", "among", "throughout", "of"})


def _changed_by(before: list[str]) -> str | None:
    """The change verb a noun phrase belongs to when it is the second of two ("improve my pacing
    and my tone") or says where the change happens ("improve tool use in our workshop",
    "raise my score on the final exam"): then it is not a thing done either."""
    if not before:
        return None
    if before[-1] in ("and", "or"):
        for w in reversed(before[:-1]):
            if w in _CHANGE_AMOUNT:
                return w
            if w in _PHRASE_STOP:
                return None
    if before[-1] in _OBJECT_PREPS:
        for w in reversed(before[-5:-1]):
            if w in _CHANGE_AMOUNT:
                return w
            if w in _PHRASE_STOP:
                return None
    return None


def _governing(before: list[str]) -> tuple[bool, str | None]:
    """Walk back from a noun over its modifiers: is it pinned by a determiner ("the sales
    department", "my team's roadmap", "each of my projects"), and which word stands before the
    phrase (its verb, when there is one)? A function word ends the phrase: in "my hope is that
    volunteers", "my" belongs to "hope", not to "volunteers"."""
    determined = False
    i = len(before) - 1
    while i >= 0:
        w = before[i]
        if w == "that" and (i == 0 or before[i - 1] in _PHRASE_STOP or before[i - 1] in _SAYING):
            break  # "my hope is that volunteers ...", "ensure that staff ...": a clause follows
        if w in _DETERMINERS or w.endswith(("'s", "s'")) or w in ("each", "every"):
            determined = True
        elif w == "of" and determined:
            pass  # "each of my projects", "all of our clients"
        elif w in _PHRASE_STOP:
            break
        elif determined:
            break  # the word before the determiner: the verb or preposition
        i -= 1
    if i >= 2 and before[i - 1] in ("and", "or") and before[i - 2] not in _CHANGE_AMOUNT:
        i -= 2  # "manage and grow the sales department": managing it is a thing done
    if i >= 0 and (before[i] in ("and", "or") or before[i] in _OBJECT_PREPS):
        return determined, _changed_by(before[: i + 1])  # "improve my pacing and my tone"
    return determined, before[i] if i >= 0 else None


def _check_object(m: re.Match[str], scan: _Scan) -> Any:
    start = m.start()
    clause = _CLAUSE_END.split(scan.lower[max(0, start - 60) : start])[-1]
    before = _PREV_WORDS.findall(clause)[-8:]
    # "Lead a team", "I will coach juniors", "Call my mum": at the start of a clause these
    # nouns are the verb.
    if not before or before[-1] in _VERB_OPENERS:
        return REJECT
    determined, verb = _governing(before)
    if m.group(0) in _BROAD and (before[-1] in _NOT_A_MODIFIER or before[-1] in _PHRASE_STOP):
        return REJECT  # "pay off my debt": which debt? ("my student debt" says)
    if verb in _CHANGE_AMOUNT:
        return ("changed", verb)  # "grow my subscriber base": which way, not how far; nothing is done
    return "determined" if determined else None


def _bare(obj: str | None) -> bool:
    """No word narrows the object: nothing, or only determiners ("the", "my", "all of our")."""
    return all(w in _DETERMINERS or w in ("all", "of", "any", "some") for w in _PREV_WORDS.findall(obj or ""))


def is_broad(head: str, obj: str | None) -> bool:
    """"the company", "debt": an object too wide to pin a goal down, with nothing narrowing it."""
    return head in _BROAD and _bare(obj)


def _check_abstract_object(m: re.Match[str], scan: _Scan) -> Any:
    if m.group("verb2") is not None:
        return m.group("verb2")  # a change verb with no object at all: "Improve."
    head = m.group("head")
    return head if is_abstract(head) or is_broad(head, m.group("obj")) else REJECT


def _check_baseline(m: re.Match[str], scan: _Scan) -> Any:
    prev = _previous_words(scan.lower, m.start(), 1)
    return REJECT if prev and prev[0] in _KEEP_VERBS else None


def _check_det_object(m: re.Match[str], scan: _Scan) -> Any:
    head, obj = m.group("head"), m.group("obj")
    if head in _BROAD or head in _NOT_OBJECT or is_abstract(head):
        return REJECT
    if obj and (not _window_is_clean(obj) or any(w in _NOT_OBJECT for w in _PREV_WORDS.findall(obj))):
        return REJECT
    before = _previous_words(scan.lower, m.start(), 3)
    linked = bool(before) and (before[-1] in ("and", "or") or before[-1] in _OBJECT_PREPS)
    if any(w in _AMOUNT_VERBS for w in before[-2:]) or (linked and _changed_by(_clause_words(scan.lower, m.start()))):
        return REJECT  # "raise my grade", "grow in my faith": a change needs a concrete target
    if any(w in _ATTITUDE_VERBS for w in before):
        return REJECT  # "embrace the journey", "step out of my comfort zone": felt, not done
    return "determined" if is_common(head) else REJECT


_SLOT_WORD = re.compile(r"[a-z#%$]+", re.ASCII)
_PLACEHOLDER_WORDS = word_set("placeholder_word")
_PLACEHOLDER_NOT_AFTER = word_set("placeholder_not_after")


def _check_placeholder(m: re.Match[str], scan: _Scan) -> Any:
    said = m.group(0)
    if said[0] in "[<{":  # a bracket is a slot only when it names what goes in it
        inside = _SLOT_WORD.findall(said.lower())
        return said if inside and any(w in _PLACEHOLDER_WORDS for w in inside) else REJECT
    if said[0] == "_":
        return said
    prev = _PREV_CASED.findall(scan.cased, max(0, m.start() - 30), m.start())
    if prev:
        word = prev[-1]
        if word.lower() in _PLACEHOLDER_NOT_AFTER:
            return REJECT  # "Gen Z", "Model X"
        # "Malcolm X": a capital word before it, mid-sentence, in a sentence-case text
        if word[0].isupper() and not scan.title_case and not _sentence_initial(scan.cased, m.start() - len(word) - 1):
            return REJECT
    return said


def _check_grade(m: re.Match[str], scan: _Scan) -> Any:
    """A capital A-F is a grade with a sign or a plural ("B+", "A's"), after "straight" or "all",
    or in a text about marks; "Get A Job" in a title is not one."""
    lead = m.group(0).split()[0].lower()
    if m.group("pl") or len(m.group("g")) > 1 or lead in ("straight", "all", "mostly"):
        return m.group("g")
    return m.group("g") if scan.tokens & _GRADE_CONTEXT else REJECT


CHECKS: dict[str, Callable[[re.Match[str], _Scan], Any]] = {
    "grade": _check_grade,
    "placeholder": _check_placeholder,
    "confidence": _check_confidence,
    "vague_time": _check_vague_time,
    "horizon": _check_horizon,
    "season": _check_season,
    "event": _check_event,
    "cadence_word": _check_cadence_word,
    "completion": _check_completion,
    "completion_named": _check_completion_named,
    "made": _check_made,
    "verb_object": _check_verb_object,
    "purpose": _check_purpose,
    "named": _check_named,
    "abstract_object": _check_abstract_object,
    "object": _check_object,
    "det_object": _check_det_object,
    "baseline": _check_baseline,
}


def _kind(rule: Rule, scan: _Scan, start: int) -> str:
    """Deadline rules read as a start after "from", "since", "starting (in)"."""
    if rule.kind != "deadline":
        return rule.kind
    first = _PREV_WORDS.match(scan.lower, start)
    if first and first.group(0) in _START_PREPS:
        return "start"
    prev = _previous_words(scan.lower, start)
    if prev and prev[-1] in _START_PREPS:
        return "start"
    if len(prev) == 2 and prev[-1] in ("in", "on", "the", "early", "late", "mid") and prev[0] in _START_PREPS:
        return "start"
    return "deadline"


class _Plan:
    """What running one rule needs, looked up once at import rather than per goal."""

    __slots__ = ("cased", "check", "finditer", "finds_names", "keep_groups", "needs_named", "not_after", "not_after_words", "rule", "span")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.finditer = rule.regex.finditer
        self.cased = rule.on == "cased"
        self.span = "span" in rule.regex.groupindex
        self.check = CHECKS[rule.check] if rule.check else None
        self.keep_groups = rule.resolve is not None
        self.not_after = rule.not_after.match if rule.not_after else None
        self.not_after_words = rule.not_after_words
        self.needs_named = rule.needs == "named"
        self.finds_names = rule.id in ("S.named", "S.quoted")


_PLANS = tuple(_Plan(r) for r in RULES)
_INDEX = {r.id: i for i, r in enumerate(RULES)}
_LAZY = frozenset(i for i, r in enumerate(RULES) if r.lazy)
_ALWAYS = frozenset(i for i, r in enumerate(RULES) if r.triggers is None and not r.chars) - _LAZY
_NEEDS_DIGIT = frozenset(i for i, r in enumerate(RULES) if r.needs == "digit")
_NEEDS_UPPER = frozenset(i for i, r in enumerate(RULES) if r.needs == "upper")
_BY_TOKEN: dict[str, list[int]] = {}
_BY_CHAR: dict[str, list[int]] = {}
for _i, _r in enumerate(RULES):
    if _r.lazy:
        continue
    for _t in _r.triggers or ():
        _BY_TOKEN.setdefault(_t, []).append(_i)
    for _c in _r.chars:
        _BY_CHAR.setdefault(_c, []).append(_i)


def _active(scan: _Scan) -> list[int]:
    """The rules that can match this text, in order: a rule whose trigger words and characters
    are all absent cannot match, so it is not run (this only saves time)."""
    on = set(_ALWAYS)
    for token in scan.tokens:
        ids = _BY_TOKEN.get(token)
        if ids:
            on.update(ids)
    for ch, ids in _BY_CHAR.items():
        if ch in scan.lower:
            on.update(ids)
    if not scan.has_digit:
        on -= _NEEDS_DIGIT
    if not scan.has_upper:
        on -= _NEEDS_UPPER
    return sorted(on)


def _run(plan: _Plan, scan: _Scan, hits: list[Hit]) -> None:
    rule = plan.rule
    if plan.needs_named and not scan.named:
        return
    check, mask, exclusive = plan.check, scan.mask, rule.exclusive
    not_after, not_after_words = plan.not_after, plan.not_after_words
    source = scan.cased if plan.cased else scan.lower
    count = 0
    for m in plan.finditer(source):
        start, end = m.span("span") if plan.span and m.group("span") is not None else m.span()
        if end <= start or (exclusive and mask.find(1, start, end) != -1):
            continue
        if not_after is not None and start > 0 and not_after(source, start - 1):
            continue
        if not_after_words and any(w in not_after_words for w in _previous_words(scan.lower, start, 1)):
            continue
        value = check(m, scan) if check is not None else None
        if value is REJECT:
            continue
        if exclusive:
            mask[start:end] = b"\x01" * (end - start)
        groups = tuple(m.groupdict().items()) if plan.keep_groups else ()
        hits.append(Hit(start, end, rule.id, _kind(rule, scan, m.start()), rule.criteria, value, groups))
        count += 1
        if count >= MAX_HITS_PER_RULE:
            break
    if count and plan.finds_names:
        scan.named = True


def detect(text: str) -> Detection:
    """Every rule's evidence in text, in rule order then position."""
    text = text[:MAX_CHARS]
    cased, lower = normalise(text)
    scan = _Scan(cased, lower)
    hits: list[Hit] = []
    for i in _active(scan):
        _run(_PLANS[i], scan, hits)
    return Detection(text=text, cased=cased, lower=lower, hits=tuple(hits))


def run_lazy(rule_id: str, det: Detection) -> list[Hit]:
    """Run a lazy rule (one detection skips) over a detected text, for code that needs it."""
    plan = _PLANS[_INDEX[rule_id]]
    scan = _Scan(det.cased, det.lower, frozenset())  # lazy rules need no word prefilter
    hits: list[Hit] = []
    _run(plan, scan, hits)
    return hits
