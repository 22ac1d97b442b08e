"""The -ing forms of the verbs in rules.toml's verb lists: "pay off" is also "paying off".

Why: goals are often written as gerunds ("Paying off student loans", "Setting up a reading
corner"), and a list that holds only "pay off" misses them. English spelling (doubling in
"setting", "beginning"; "-ie" to "-ying") is lemminflect's job, not ours, but lemminflect takes
about half a second to load, so its answers are stored once in participles.json beside this file
and read at import. tests/core/test_smart_participles.py checks the stored file against
lemminflect, and `python -c "from career_core.smart.participles import main; main()"` rewrites it.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

STORE = Path(__file__).with_name("participles.json")
RULES_FILE = Path(__file__).with_name("rules.toml")
# "going to" says when, not what: "go" stays without its participle.
NOT_INFLECTED = frozenset({"go"})


def verbs_to_inflect(data: dict) -> list[str]:
    """The first word of every entry of the lists rules.toml names under [inflect]."""
    words = data["words"]
    firsts = {entry.split()[0] for name in data.get("inflect", {}).get("verb_lists", ()) for entry in words[name]}
    return sorted(firsts - NOT_INFLECTED)


def generate(verbs: list[str]) -> dict[str, list[str]]:
    """verb -> its present participles, for the words lemminflect knows as base-form verbs."""
    from lemminflect import getAllInflections  # a development dependency: only this needs it

    out: dict[str, list[str]] = {}
    for verb in verbs:
        forms = getAllInflections(verb, upos="VERB")
        if verb in forms.get("VB", ()) and forms.get("VBG"):
            out[verb] = sorted(forms["VBG"])
    return out


def stored() -> dict[str, list[str]]:
    return json.loads(STORE.read_text(encoding="utf-8"))


def with_participles(entries: list[str], table: dict[str, list[str]]) -> list[str]:
    """entries, then each entry again with its first word as a participle, without repeats."""
    out = list(entries)
    for entry in entries:
        first, _, rest = entry.partition(" ")
        for form in table.get(first, ()):
            out.append(f"{form} {rest}" if rest else form)
    return list(dict.fromkeys(out))


def main() -> None:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    table = generate(verbs_to_inflect(data))
    lines = [f"{json.dumps(verb)}: {json.dumps(forms)}" for verb, forms in sorted(table.items())]
    STORE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(table)} verbs written to {STORE.name}")
