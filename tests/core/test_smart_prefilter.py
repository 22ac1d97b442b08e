"""The scorer skips a rule whose words cannot all be in a text (rules.toml: triggers, chars, also,
needs). That only saves time: a text's evidence is the same as with every rule run."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import career_core.smart.detect as detection
from career_core.smart.rules import RULES

WORDS = sorted({w for r in RULES for w in (r.triggers or frozenset()) | (r.also or frozenset())} | {
    "the", "my", "a", "I", "will", "to", "of", "end", "students", "pupils", "Sales", "Team", "B+", "10kg", "$250",
    "3x", "30", "12", "2027", "June", "Friday", "%", "/", ".", ",", "-", ":", "'s", "k"})
EVERY_RULE = [i for i, r in enumerate(RULES) if not r.lazy]


def _all_rules(scan: detection.Scan) -> list[int]:
    return EVERY_RULE


@pytest.fixture
def every_rule_run(monkeypatch: pytest.MonkeyPatch):
    def run(text: str) -> tuple:
        with monkeypatch.context() as patched:
            patched.setattr(detection, "_active", _all_rules)
            return detection.detect(text).hits
    return run


@pytest.mark.parametrize(
    "text",
    [
        "Hire a deputy two weeks before the launch",  # an offset: 'before' is its second word
        "Pass the bar in my 2nd year",  # a stage of a programme: an ordinal and a period word
        "Break even in month 18",  # a numbered month: needs a digit
        "I have 16 weeks to save the deposit",
        "Read more in the first place",  # an ordinal without a period word: the rule is skipped
    ],
)
def test_skipping_rules_never_changes_the_evidence(every_rule_run, text):
    assert detection.detect(text).hits == every_rule_run(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join))
def test_skipping_rules_never_changes_the_evidence_of_any_text(text):
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(detection, "_active", _all_rules)
        everything = detection.detect(text).hits
    assert detection.detect(text).hits == everything


def test_a_lone_change_verb_is_a_change_verb_so_its_rule_is_run():
    from career_core.smart.rules import word_set

    assert word_set("lone_change_verb") <= word_set("change_verb")
