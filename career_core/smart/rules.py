"""Load rules.toml once, expand its word lists into the patterns and compile every regex.

The scorer's knowledge lives in the data file so it can be read, reviewed and extended without
touching code; this module only turns it into compiled objects at import time.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

RULES_FILE = Path(__file__).with_name("rules.toml")

CRITERIA = ("S", "M", "A", "R", "T")

# Evidence kinds, by what they say about the goal. "mask" and "split" never reach a report.
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
    }
)

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


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
    doc: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DerivedRule:
    """A rule computed in code from the context rather than matched by a pattern."""

    id: str
    criteria: tuple[str, ...]
    kind: str
    doc: str


def _alternation(words: list[str]) -> str:
    escaped = [re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(set(words), key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def _expand(pattern: str, words: dict[str, list[str]], macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError(f"macros nest too deeply in {pattern!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in macros:
            return _expand(macros[name], words, macros, depth + 1)
        if name in words:
            return _alternation(words[name])
        raise KeyError(f"unknown word list or macro {{{name}}}")

    return _PLACEHOLDER.sub(sub, pattern)


def _load() -> tuple[tuple[Rule, ...], tuple[DerivedRule, ...], dict, dict, dict, dict]:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    words: dict[str, list[str]] = data["words"]
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
        try:
            regex = re.compile(_expand(raw["pattern"], words, macros), re.ASCII)
        except (re.error, KeyError) as exc:
            raise ValueError(f"rule {rid}: {exc}") from exc
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
    return tuple(rules), tuple(derived), word_sets, data["advice"], data["flags"], data["labels"]


RULES, DERIVED, WORDS, ADVICE, FLAG_TEXT, LEVEL_LABELS = _load()
RULES_BY_ID = {r.id: r for r in RULES}
ALL_RULE_IDS = tuple(r.id for r in RULES) + tuple(d.id for d in DERIVED)


def word_set(name: str) -> frozenset[str]:
    return WORDS[name]


class _SafeFields(dict):
    def __missing__(self, key: str) -> str:
        return ""


def text(table: dict[str, str], key: str, **fields: object) -> str:
    """A message from the data file with its {fields} filled; unknown fields stay empty."""
    return table.get(key, "").format_map(_SafeFields({k: str(v) for k, v in fields.items()}))
