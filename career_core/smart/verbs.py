"""English verbs and their -ing forms, from lemminflect, stored in verbs.tsv beside this file
(and their past participles in past_participles.tsv).

Why: the scorer needs two facts about words its own lists do not hold. Whether a word can be a
verb ("donate", "install": a goal that opens with one names an act), and a verb's -ing form
("Paying off student loans", "installing a rain barrel": lists of goals are often gerunds).
English spelling ("setting", "beginning", "lying") is lemminflect's job, not ours, but
lemminflect takes about half a second to load, so its answers for the everyday verbs (those
Webster's lists, as lexicon.py reads it) are stored once and read at import.
tests/core/test_smart_verbs.py checks the stored file against lemminflect, and
`python -c "from career_core.smart.verbs import main; main()"` rewrites it.
"""

from __future__ import annotations

import csv
import gzip
from functools import cache
from pathlib import Path

STORE = Path(__file__).with_name("verbs.tsv")
PAST_STORE = Path(__file__).with_name("past_participles.tsv")  # "have finished", "paid off"
# "going to" says when, not what: "go" keeps no participle in the scorer's verb lists.
NOT_INFLECTED = frozenset({"go"})


def generate(is_everyday, tag: str = "VBG") -> dict[str, tuple[str, ...]]:
    """verb -> its present participles (tag "VBN": its past participles), for every lowercase
    verb lemminflect knows that is_everyday accepts. Reads lemminflect (a development
    dependency: only this needs it). A regular verb's past participle is its past tense, which
    lemminflect lists only once, as VBD."""
    from lemminflect import Inflections, getAllInflections

    with gzip.open(Inflections().infl_lu_fn, "rt", encoding="utf-8") as f:
        lemmas = sorted({row[0] for row in csv.reader(f) if len(row) > 1 and row[1] == "verb" and row[0].isalpha() and row[0].islower()})
    out: dict[str, tuple[str, ...]] = {}
    for verb in lemmas:
        if not is_everyday(verb):
            continue
        forms = getAllInflections(verb, upos="VERB")
        found = forms.get(tag, ()) or (forms.get("VBD", ()) if tag == "VBN" else ())
        inflected = sorted(form for form in found if form.isalpha())
        if verb in forms.get("VB", ()) and forms.get("VBG") and inflected:
            out[verb] = tuple(inflected)
    return out


def _read(store: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in store.read_text(encoding="utf-8").splitlines():
        verb, _, forms = line.partition("\t")
        out[verb] = tuple(forms.split())
    return out


@cache
def participles() -> dict[str, tuple[str, ...]]:
    """verb -> its -ing forms, as stored."""
    return _read(STORE)


@cache
def past_participles() -> dict[str, tuple[str, ...]]:
    """verb -> its past participles ("write" -> "written"), as stored."""
    return _read(PAST_STORE)


@cache
def verb_of_past() -> dict[str, str]:
    """Every stored past participle -> its verb ("written" -> "write"). Kept apart from
    lemma_of: "-ed" words describe as often as they act ("a trained coach")."""
    out: dict[str, str] = {}
    for verb, forms in past_participles().items():
        for form in forms:
            out.setdefault(form, verb)
    return out


@cache
def lemma_of() -> dict[str, str]:
    """Every stored verb and -ing form -> its verb ("installing" -> "install")."""
    out = {verb: verb for verb in participles()}
    for verb, forms in participles().items():
        for form in forms:
            out.setdefault(form, verb)
    return out


def with_participles(entries: list[str]) -> list[str]:
    """entries, then each entry again with its first word as an -ing form ("pay off" ->
    "paying off"), without repeats."""
    table = participles()
    out = list(entries)
    for entry in entries:
        first, _, rest = entry.partition(" ")
        if first in NOT_INFLECTED:
            continue
        for form in table.get(first, ()):
            out.append(f"{form} {rest}" if rest else form)
    return list(dict.fromkeys(out))


def everyday_words() -> frozenset[str]:
    """Webster's lowercase words (the list lexicon.py reads), without the scorer's own lists."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower())


def main() -> None:
    everyday = everyday_words().__contains__
    for store, tag in ((STORE, "VBG"), (PAST_STORE, "VBN")):
        table = generate(everyday, tag)
        store.write_text("".join(f"{verb}\t{' '.join(forms)}\n" for verb, forms in table.items()), encoding="utf-8")
        print(f"{len(table)} verbs written to {store.name}")
