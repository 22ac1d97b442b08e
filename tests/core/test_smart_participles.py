"""participles.json holds lemminflect's -ing forms of the verbs rules.toml inflects; it must
not drift from the word lists or from lemminflect."""

from __future__ import annotations

import tomllib

from career_core.smart import participles
from career_core.smart.rules import RULES_FILE, word_set


def test_the_stored_participles_are_what_lemminflect_says_for_every_listed_verb() -> None:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    assert participles.stored() == participles.generate(participles.verbs_to_inflect(data))


def test_the_verb_lists_hold_the_participles_of_phrasal_verbs_too() -> None:
    assert {"paying off", "setting up", "buying"} <= word_set("completion_verb") | word_set("creation_verb")
    assert "going to" not in word_set("completion_verb")  # "going to" says when, not what
