"""A goal's text as the rules of rules.toml scan it: normalised copies of equal length, the
facts rules ask about (capitals, digits, title case), and the word sets they share.

Why separate from detect.py: the checks (checks.py) and the engine that runs the rules
(detect.py) both read a text the same way; this is that one way.
"""

from __future__ import annotations

import re
from typing import Any

from career_core.smart.rules import word_set
from career_core.smart.verbs import verb_of_past

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
PREV_WORDS = re.compile(r"[a-z']+", re.ASCII)
_CASED_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*", re.ASCII)
# Words after a cadence word that show it is not describing a noun ("meet weekly with ...").
START_PREPS = frozenset({"from", "since", "starting", "beginning", "effective", "after"})
DETERMINERS = frozenset({"the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "own"})
_ABSTRACT_SUFFIXES = ("ship", "ness", "ity", "ism", "ence", "ance", "ency", "ancy", "ing", "ment", "tion", "sion")

MONTH_OR_DAY = word_set("month") | word_set("weekday")
VAGUE = word_set("vague_modifier")
SIZE = word_set("size_word")  # before a thing, a size says which one ("a small project")
_CONCRETE = word_set("concrete") | word_set("deliverable") | word_set("recurring_event") | word_set("role") | word_set("occupation") | word_set("suffixed_thing")
_ABSTRACT = word_set("abstract")
_SMALL_WORDS = word_set("small_word")
AMOUNT_VERBS = word_set("amount_verb")
CHANGE_AMOUNT = AMOUNT_VERBS - {"up", "bring", "bringing", "limit", "prioritise", "prioritize"}
CLAUSE_END = re.compile(r"[.,;:!?()\n]")
NEXT_WORD = re.compile(r"[ \t]{1,3}([a-z][a-z'-]*)", re.ASCII)
NEXT_WORDS = re.compile(r"(?:[ \t]{1,3}[a-z][a-z'-]*){0,2}", re.ASCII)  # "weekly grocery spend"
NEXT_CASED = re.compile(r"[ \t]{1,3}([A-Za-z0-9][A-Za-z0-9'-]*)", re.ASCII)
# Words that end a noun phrase when walking back from its noun.
# Words that end a determiner phrase without naming a thing ("my best", "the morning").

REJECT: Any = object()  # a check returns this to drop a match


def normalise(text: str) -> tuple[str, str]:
    """(cased, lower) copies of text with one character per original character."""
    # "`" is the one ASCII character the table changes; str.translate looks each character up
    cased = (text.replace("`", "'") if "`" in text else text) if text.isascii() else text.translate(_TRANSLATE)
    lower = cased.lower()
    if len(lower) != len(cased):  # a few characters lowercase to two ("İ"): keep those as is
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in cased)
    if has_perfect(lower):
        cased, lower = _plain_perfect(cased, lower)
    if _LIST_MARKER.match(lower) or "\n" in lower:
        cased, lower = _without_list_markers(cased, lower)
    return cased, lower


# "1. ", "2) ", "(3) ", "a) ", "#4 " opening a line: the item's place in a list, no count and no
# word of the goal. "1.5 km" and "3 books" are no markers: a number needs "." or ")" after it.
_LIST_MARKER = re.compile(r"[ \t]*(?:\(?(?:\d{1,2}|[a-z])\)|\d{1,2}\.(?![\d.])|#\d{1,2}(?![\d.,]))", re.ASCII)
_LINE_START = re.compile(r"\n")


def _without_list_markers(cased: str, lower: str) -> tuple[str, str]:
    """Both copies with each list marker opening a line blanked out (same length): the words
    after it then open a sentence, as they do in the list."""
    starts = [0, *(m.end() for m in _LINE_START.finditer(lower))]
    for start in starts:
        m = _LIST_MARKER.match(lower, start)
        if m is None:
            continue
        blank = " " * (m.end() - start)
        cased = cased[:start] + blank + cased[m.end() :]
        lower = lower[:start] + blank + lower[m.end() :]
    return cased, lower


def has_perfect(lower: str) -> bool:
    """Whether a text may hold a participle after "have", the one rewrite `normalise` makes."""
    return "have " in lower or "having " in lower or "'ve " in lower


# "plan to have started my degree", "I've written the draft": the deed is the verb's, done by then
_PERFECT = re.compile(r"\b(?:have|having|'ve)\s(?:already\s|finally\s|successfully\s)?([a-z]{3,20})\b(?=\s[a-z0-9])", re.ASCII)
_AUXILIARY = frozenset({"been", "had", "gone", "got", "gotten"})  # "have been to", "have had": no deed of their own


def _plain_perfect(cased: str, lower: str) -> tuple[str, str]:
    """Both copies with each participle after "have" as its plain verb, padded with spaces to
    the same length ("started" -> "start  "), so every rule reads the deed as it reads "start";
    left as it is when the plain verb is longer or would leave a gap of more than three spaces,
    which the rules' patterns do not bridge."""
    for m in reversed(list(_PERFECT.finditer(lower))):
        past = m.group(1)
        verb = verb_of_past().get(past)
        if verb is None or past in _AUXILIARY or verb == past or not 0 < len(past) - len(verb) + 1 <= 3:
            continue
        start, end = m.span(1)
        plain = verb + " " * (len(past) - len(verb))
        lower = lower[:start] + plain + lower[end:]
        cased = cased[:start] + (plain[0].upper() if cased[start].isupper() else plain[0]) + plain[1:] + cased[end:]
    return cased, lower


def _is_title_case(cased: str) -> bool:
    """Capitals that say nothing about names: most words capitalised ("Lead The Sales Team"),
    or, in a short text, every word but the small ones ("Improve Marketing", "Find My Place")."""
    words = [w for w in _CASED_WORD.findall(cased) if len(w) > 1]
    if len(words) >= 4:
        caps = sum(1 for w in words if w[0].isupper())
        if caps >= 0.7 * len(words):
            # "Finish reading The Glass Orchard": a lowercase word before capitals shows the writer
            # does not capitalise every word; the capitals after it are a title's
            last_cap = max(i for i, w in enumerate(words) if w[0].isupper())
            lowercase = any(w[0].islower() and w not in _SMALL_WORDS and len(w) > 3 for w in words[:last_cap])
            if not lowercase or caps >= 0.9 * len(words):
                return True
    # months and weekdays are capitalised in any sentence, so they say nothing either way
    content = 0
    for w in words:
        low = w.lower()
        if low in _SMALL_WORDS or low in MONTH_OR_DAY:
            continue
        if not w[0].isupper():
            return False
        content += 1
    return content >= 2


def previous_words(lower: str, start: int, n: int = 2) -> list[str]:
    return PREV_WORDS.findall(lower, max(0, start - 40), start)[-n:]


def sentence_initial(cased: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and cased[i] in " \t\"'([{*-\u2022>":
        i -= 1
    return i < 0 or cased[i] in ".!?:;\n\r"


def window_is_clean(obj: str | None) -> bool:
    """The words between a verb and its object hold no vague word and no sentence end."""
    if not obj:
        return True
    for word in _WORD.findall(obj):
        if (word in VAGUE and word not in SIZE) or (word.endswith(".") and len(word) > 2):
            return False
    return not any(v in obj for v in ("a lot", "lots of", "a bit"))


def is_abstract(word: str) -> bool:
    """An outcome word with no behaviour in it ("skills", "morale", "thinking")."""
    singular = word.removesuffix("s")
    if word in _CONCRETE or singular in _CONCRETE:
        return False
    if word in _ABSTRACT or word in VAGUE:
        return True
    return len(word) > 5 and word.endswith(_ABSTRACT_SUFFIXES)


class Scan:
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

    def fresh(self) -> Scan:
        """The same text with nothing claimed, no name found and no word prefilter, keeping the
        facts that depend on the text alone (digits, capitals, title case) instead of reading
        them again."""
        scan = Scan.__new__(Scan)
        scan.cased, scan.lower, scan.tokens = self.cased, self.lower, frozenset()
        scan.mask = bytearray(len(self.lower))
        scan.has_digit, scan.has_upper, scan.named = self.has_digit, self.has_upper, False
        scan._title_case, scan._all_caps = self._title_case, self._all_caps
        return scan

    @property
    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = self.has_upper and _is_title_case(self.cased)
        return self._title_case

    @property
    def all_caps(self) -> bool:
        """Shouting ("LEAD THE SALES TEAM"): most letters capitals, so acronyms say nothing."""
        if self._all_caps is None:
            head = self.cased[:2000]
            if head.isascii():  # the usual case, counted in C: an ASCII capital is a letter
                letters, capitals = sum(map(str.isalpha, head)), sum(map(str.isupper, head))
            else:
                alpha = [ch for ch in head if ch.isalpha()]
                letters, capitals = len(alpha), sum(ch.isupper() for ch in alpha)
            self._all_caps = letters > 0 and capitals >= 0.8 * letters
        return self._all_caps
