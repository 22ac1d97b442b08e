"""Where a merge conflict sits and what its values are, in a person's words, not field paths.

A conflict reads "Goal “Lead the platform team” → deadline", and its values read as a person
typed or picked them: text exactly as typed, dates as "31 Mar 2027", choices by their label, an
id by the statement or title of what it points at. The nouns and field names are data
(data/merge_words.toml), read once per process and checked as they are read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from career_core import wording

WORDS_PATH = Path(__file__).resolve().parents[1] / "data" / "merge_words.toml"

# Fields that hold the id of another entry, and the list that entry lives in: shown by its name.
REFERENCES = {
    "parent_id": "goals",
    "goal_id": "goals",
    "goal_ids": "goals",
    "objective_ids": "org_objectives",
    "initiative_id": "initiatives",
}

EMPTY = "(empty)"
LABEL_LENGTH = 60

# Names an entry of a list by its id: ("goals", "4f2a…") -> "Lead the platform team", or None.
Refer = Callable[[str, str], str | None]


@dataclass(frozen=True, slots=True)
class ItemNoun:
    noun: str
    name: str


@dataclass(frozen=True, slots=True)
class Words:
    sections: dict[str, str]
    items: dict[str, ItemNoun]
    fields: dict[str, str]


@cache
def words() -> Words:
    data = tomllib.loads(WORDS_PATH.read_text(encoding="utf-8"))
    try:
        items = {k: ItemNoun(str(v["noun"]), str(v["name"])) for k, v in data["items"].items()}
        sections, fields = dict(data["sections"]), dict(data["fields"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{WORDS_PATH.name}: every [items] entry needs a noun and a name ({exc})") from exc
    if not all(isinstance(v, str) and v for v in [*sections.values(), *fields.values()]):
        raise ValueError(f"{WORDS_PATH.name}: every name must be non-empty text")
    return Words(sections, items, fields)


def field(name: str) -> str:
    return words().fields.get(name, name.replace("_", " "))


def section(name: str) -> str:
    return words().sections.get(name, field(name).capitalize())


def shorten(text: str, limit: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def item(list_name: str, entry: BaseModel, refer: Refer) -> str:
    """'Goal “Lead the platform team”', 'Check-in of 03 Mar 2026', 'Decision on “Lead …”'."""
    noun = words().items.get(list_name)
    if noun is None:
        return field(list_name).capitalize()
    named = getattr(entry, noun.name, None)
    if isinstance(named, date):
        return f"{noun.noun} of {value(named)}"
    if noun.name in REFERENCES and isinstance(named, str):
        named = refer(REFERENCES[noun.name], named) or "a deleted entry"
    return f"{noun.noun} “{shorten(str(named))}”" if named else noun.noun


def value(v: Any, *, refers_to: str | None = None, refer: Refer | None = None) -> str:
    """A field's value as a person reads it; text exactly as typed."""
    if v is None or v == "" or v == []:
        return EMPTY
    if refers_to and refer is not None:
        ids = v if isinstance(v, list) else [v]
        return ", ".join(f"“{shorten(refer(refers_to, i) or 'a deleted entry')}”" for i in ids)
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, datetime):
        return wording.moment(v)
    if isinstance(v, date):
        return wording.day(v)
    if isinstance(v, Enum):
        return str(getattr(v, "label", v.value))
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, list):
        return ", ".join(value(x) for x in v)
    if isinstance(v, BaseModel):
        return "; ".join(f"{field(k)}: {value(x)}" for k, x in v if x not in (None, "", []))
    return str(v)


def ranking(values: list[Any]) -> str:
    return " ".join(f"{i}. {value(v)}" for i, v in enumerate(values, 1)) or EMPTY
