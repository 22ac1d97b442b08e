"""Load rules.toml once, expand its word lists into the patterns and compile every regex.

The scorer's knowledge lives in the data file so it can be read, reviewed and extended without
touching code; this module only turns it into compiled objects at import time.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from career_core.smart import verbs

RULES_FILE = Path(__file__).with_name("rules.toml")

CRITERIA = ("S", "M", "A", "R", "T")

# Evidence kinds, by what they say about the goal. "mask", "split" and "purpose" never reach a report.
KINDS = frozenset(
    {
        "quantity",  # a number, number word, percentage, amount of money or multiple (M)
        "bound",  # a limit with a number: "at least 10", "no more than 50" (M)
        "frequency",  # a rhythm: "every week", "twice a month" (M and T)
        "completion",  # finishing a deliverable or credential, reaching a role (M)
        "metric",  # a named metric with no target yet (M, partly)
        "deadline",  # a date or the end of a period: "by March 2027", "this year" (T)
        "duration",  # a time frame from today: "within two years" (T)
        "start",  # a start: "from January 2027", "starting next week" (T)
        "named",  # a name, acronym or quoted title (S)
        "object",  # a concrete object: a team, a course, a deliverable, people (S)
        "vague",  # words that leave the goal or its timing open (S, T)
        "negative",  # says what will not happen (S)
        "confidence",  # a self-rated confidence (A)
        "hedge",  # a way out: "try to", "hopefully" (A)
        "absolute",  # no room for a bad day: "never", "always" (A)
        "instant",  # no time to get there: "overnight", "asap" (A)
        "depends",  # decided by someone else: "get promoted" (A)
        "link",  # a reason or a link to the vision or objectives (R)
        "should",  # someone else's expectation (R)
        "mask",  # numbers that are not quantities (versions, clock times)
        "split",  # a point where a second goal may start
        "purpose",  # where the goal turns to why ("... to feel calmer")
    }
)

_PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\+[a-z_]+)*)(:cap)?\}")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    criteria: tuple[str, ...]
    kind: str
    exclusive: bool
    on: str  # "lower" or "cased"
    check: str | None
    resolve: str | None
    needs: str | None
    triggers: frozenset[str] | None  # None: no word prefilter
    phrases: frozenset[tuple[str, str]]  # (first word, phrase): a trigger of several words
    also: frozenset[str] | None  # and one of these words too, when given
    also_digit: bool  # or, instead of one of those words, a digit ("#digit" in the list)
    chars: str
    not_after: re.Pattern[str] | None
    gate: re.Pattern[str] | None  # a quick search that must find something before the rule runs
    not_after_words: frozenset[str]
    lazy: bool
    doc: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DerivedRule:
    """A rule computed in code from the context rather than matched by a pattern."""

    id: str
    criteria: tuple[str, ...]
    kind: str
    doc: str


_TOKEN = re.compile(r"[a-z]+", re.ASCII)


def _alternation(words: list[str], cap: bool = False) -> str:
    """A regex matching any of words, built as a trie so shared prefixes are tried once.

    "complete", "completing", "compliance" become compl(?:et(?:e|ing)|iance): the regex engine
    checks a handful of first letters per position instead of every word. Optional tails are
    greedy, so the longest word wins, as with a longest-first alternation.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        return r"\s{1,3}" if ch == " " else re.escape(ch)

    def emit(node: dict, top: bool = False) -> str:
        ends = "" in node
        branches = [
            (f"[{ch}{ch.upper()}]" if top and cap and ch.isalpha() else esc(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return "(?:" + emit(trie, top=True) + ")"


def _triggers(raw: list[str], words: dict[str, list[str]], chars: str = "") -> tuple[frozenset[str] | None, frozenset[tuple[str, str]]]:
    """What must stand in a text for a rule to have a chance to match: one of the words, or one
    of the phrases (each with its first word, which the text must hold too).

    A word list's entry of one word counts as that word, with "s" or "es"; an entry of several
    words ("a lot", "one-on-one", "5k") must stand whole, since a pattern spells it out.
    None means the rule always runs: no triggers were given, or an entry ("1:1") has no word
    that could announce it and none of the rule's chars either.
    """
    out: set[str] = set()
    phrases: set[tuple[str, str]] = set()
    for item in raw:
        listed = item.startswith("@")
        for entry in words[item[1:]] if listed else [item]:
            low = entry.lower()
            tokens = _TOKEN.findall(low)
            if not tokens:
                if not any(ch in entry for ch in chars):
                    return None, frozenset()
            elif listed and not _TOKEN.fullmatch(low):
                phrases.add((tokens[0], low))
            else:
                out.update((tokens[0], tokens[0] + "s", tokens[0] + "es"))
    if not out and not phrases:
        return None, frozenset()
    return frozenset(out), frozenset(phrases)


def _expand(pattern: str, words: dict[str, list[str]], macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError(f"macros nest too deeply in {pattern!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in macros:
            return _expand(macros[name], words, macros, depth + 1)
        names = name.split("+")  # {a+b}: one alternation of both lists, tried as one trie
        if all(n in words for n in names):
            return _alternation([w for n in names for w in words[n]], cap=m.group(2) is not None)
        raise KeyError(f"unknown word list or macro {{{name}}}")

    return _PLACEHOLDER.sub(sub, pattern)


def _load() -> tuple[tuple[Rule, ...], tuple[DerivedRule, ...], dict, dict, dict, dict, dict]:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    words: dict[str, list[str]] = data["words"]
    for name in data.get("inflect", {}).get("verb_lists", ()):
        words[name] = verbs.with_participles(words[name])
    macros: dict[str, str] = data.get("macros", {})
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in data["rule"]:
        rid = raw["id"]
        if rid in seen:
            raise ValueError(f"duplicate rule id {rid}")
        seen.add(rid)
        kind = raw["kind"]
        criteria = tuple(raw.get("criteria", ()))
        if kind not in KINDS or not set(criteria) <= set(CRITERIA):
            raise ValueError(f"rule {rid}: unknown kind {kind!r} or criteria {criteria!r}")
        if raw.get("stage") == "lazy" and raw.get("exclusive"):
            raise ValueError(f"rule {rid}: a lazy rule cannot be exclusive (lazy rules share one scan)")
        try:
            regex = re.compile(_expand(raw["pattern"], words, macros), re.ASCII)
        except (re.error, KeyError) as exc:
            raise ValueError(f"rule {rid}: {exc}") from exc
        triggers, phrases = _triggers(raw.get("triggers", []), words, raw.get("chars", ""))
        also, also_phrases = _triggers([w for w in raw.get("also", []) if w != "#digit"], words)
        if also_phrases:  # "also" asks for a second word: a phrase's first word will do
            also = (also or frozenset()) | {word for word, _ in also_phrases}
        rules.append(
            Rule(
                id=rid,
                criteria=criteria,
                kind=kind,
                exclusive=bool(raw.get("exclusive", False)),
                on=raw.get("on", "lower"),
                check=raw.get("check"),
                resolve=raw.get("resolve"),
                needs=raw.get("needs"),
                triggers=triggers,
                phrases=phrases,
                also=also,
                also_digit="#digit" in raw.get("also", []),
                chars=raw.get("chars", "") if raw.get("triggers") is None or triggers is not None else "",
                not_after=re.compile(raw["not_after"], re.ASCII) if raw.get("not_after") else None,
                gate=re.compile(raw["gate"], re.ASCII) if raw.get("gate") else None,
                not_after_words=frozenset(raw.get("not_after_words", ())),
                lazy=raw.get("stage") == "lazy",
                doc=raw.get("doc", ""),
                regex=regex,
            )
        )
    derived = []
    for raw in data.get("derived", ()):
        if raw["id"] in seen:
            raise ValueError(f"duplicate rule id {raw['id']}")
        seen.add(raw["id"])
        derived.append(DerivedRule(raw["id"], tuple(raw["criteria"]), raw["kind"], raw.get("doc", "")))
    word_sets = {name: frozenset(w.lower() for w in ws) for name, ws in words.items()}
    word_sets["not_name"] = frozenset(words.get("not_name", ()))  # case matters for names
    return tuple(rules), tuple(derived), word_sets, data["advice"], data["flags"], data["labels"], data["badge"]


RULES, DERIVED, WORDS, ADVICE, FLAG_TEXT, LEVEL_LABELS, BADGE_TEXT = _load()
RULES_BY_ID = {r.id: r for r in RULES}
ALL_RULE_IDS = tuple(r.id for r in RULES) + tuple(d.id for d in DERIVED)


def word_set(name: str) -> frozenset[str]:
    return WORDS[name]


class _SafeFields(dict):
    def __missing__(self, key: str) -> str:
        return ""


_FILLED: dict[tuple, str] = {}  # the same advice is asked for again and again as a goal is typed


def text(table: dict[str, str], key: str, **fields: object) -> str:
    """A message from the data file with its {fields} filled; unknown fields stay empty."""
    template = table.get(key, "")
    if "{" not in template:
        return template
    memo = (id(table), key, *((name, str(value)) for name, value in fields.items()))  # what the text is made of
    found = _FILLED.get(memo)
    if found is None:
        if len(_FILLED) > 4096:
            _FILLED.clear()
        found = _FILLED[memo] = template.format_map(_SafeFields({k: str(v) for k, v in fields.items()}))
    return found
