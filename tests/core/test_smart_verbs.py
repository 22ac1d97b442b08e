"""verbs.tsv holds lemminflect's everyday verbs and their -ing forms; it must not drift from
lemminflect or from the word list it is filtered by."""

from __future__ import annotations

import pytest

from career_core.smart import verbs
from career_core.smart.rules import word_set


def test_the_stored_verbs_are_what_lemminflect_says() -> None:
    pytest.importorskip("lemminflect")
    assert verbs.participles() == verbs.generate(verbs.everyday_words().__contains__)


def test_the_stored_past_participles_are_what_lemminflect_says() -> None:
    pytest.importorskip("lemminflect")
    assert verbs.past_participles() == verbs.generate(verbs.everyday_words().__contains__, "VBN")


@pytest.mark.parametrize(("form", "verb"), [("written", "write"), ("paid", "pay"), ("started", "start"), ("begun", "begin"), ("applied", "apply")])
def test_a_past_participle_leads_back_to_its_verb(form: str, verb: str) -> None:
    assert verbs.verb_of_past()[form] == verb


@pytest.mark.parametrize(("form", "verb"), [("installing", "install"), ("setting", "set"), ("beginning", "begin"), ("lying", "lie"), ("donate", "donate")])
def test_an_ing_form_leads_back_to_its_verb(form: str, verb: str) -> None:
    assert verbs.lemma_of()[form] == verb


@pytest.mark.parametrize("word", ["tattoo", "lasagne", "rainy", "the"])
def test_words_that_are_not_verbs_are_not_listed(word: str) -> None:
    assert word not in verbs.lemma_of()


def test_the_verb_lists_hold_the_participles_of_phrasal_verbs_too() -> None:
    assert {"paying off", "setting up", "buying"} <= word_set("completion_verb") | word_set("creation_verb")
    assert "going to" not in word_set("completion_verb")  # "going to" says when, not what
