"""The scorer skips a rule whose words cannot all be in a text (rules.toml: triggers, chars, also,
needs, gate). That only saves time: a text's evidence is the same as with every rule run."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import career_core.smart.detect as detection
from career_core.smart.rules import RULES

WORDS = sorted({w for r in RULES for w in (r.triggers or frozenset()) | (r.also or frozenset())} | {
    phrase for r in RULES for _, phrase in r.phrases} | {
    "the", "my", "a", "I", "will", "to", "of", "end", "students", "pupils", "Sales", "Team", "B+", "10kg", "$250",
    "3x", "30", "12", "2027", "June", "Friday", "%", "/", ".", ",", "-", ":", "'s", "k"})
EVERY_RULE = [detection._PLANS[i] for i, r in enumerate(RULES) if not r.lazy]


def _all_rules(scan: detection.Scan) -> list:
    return EVERY_RULE


def _run_everything(patched: pytest.MonkeyPatch) -> None:
    """No prefilter and no gates: every rule searched over every text."""
    patched.setattr(detection, "_active", _all_rules)
    for plan in detection._PLANS:
        patched.setattr(plan, "gate", None)


@pytest.fixture
def every_rule_run(monkeypatch: pytest.MonkeyPatch):
    def run(text: str) -> tuple:
        with monkeypatch.context() as patched:
            _run_everything(patched)
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
        "Water the garden a lot",  # a phrase of a word list, standing whole
        "Water the garden a  lot",  # two spaces: the pattern's \s{1,3} still matches
        "Water the garden a\tlot",
        "Ask a lotus grower for advice",  # "a lot" inside other words: a pattern needs it whole
        "Hold a weekly 1:1 with each report",  # an entry with no word, announced by its ':'
        "Read 3 books a month",  # 'also' with '#digit': a digit stands in for a number word
        "Read three books a month",
        "Read books a month",
        "Get a B+ in chemistry by June",  # a gate: a grade letter after a space
        "Get straight As this term",
        "Get A levels done",
        "Land a part in the spring play",  # 'also': a part, like a role or a spot
    ],
)
def test_skipping_rules_never_changes_the_evidence(every_rule_run, text):
    assert detection.detect(text).hits == every_rule_run(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join))
def test_skipping_rules_never_changes_the_evidence_of_any_text(text):
    with pytest.MonkeyPatch.context() as patched:
        _run_everything(patched)
        everything = detection.detect(text).hits
    assert detection.detect(text).hits == everything


def test_a_lone_change_verb_is_a_change_verb_so_its_rule_is_run():
    from career_core.smart.rules import word_set

    assert word_set("lone_change_verb") <= word_set("change_verb")


def test_a_lazy_rule_may_not_claim_characters(tmp_path, monkeypatch):
    """Lazy rules share one scan per goal (detect.lazy_scan), so none may be exclusive."""
    import career_core.smart.rules as rules

    broken = tmp_path / "rules.toml"
    text = rules.RULES_FILE.read_text(encoding="utf-8").replace('id = "G.manner"', 'id = "G.manner"\nexclusive = true', 1)
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_FILE", broken)
    with pytest.raises(ValueError, match="lazy"):
        rules._load()


@pytest.mark.parametrize(
    "text",
    ["Run 5k every Sunday and 10k every other Sunday by June 2027", "every every every week", "Read 2 books, then 3 books, then 4 books a month"],
)
def test_a_rule_run_from_its_first_search_finds_what_a_full_run_finds(text):
    """detect searches each rule once and hands the match on; the rest of the run goes on from its end."""
    for plan in detection._PLANS:
        scan = detection.Scan(*detection.normalise(text))
        first = plan.search(scan.cased if plan.cased else scan.lower)
        from_first: list = []
        if first is not None:
            detection._run(plan, scan, from_first, first)
        scan = detection.Scan(*detection.normalise(text))
        full: list = []
        detection._run(plan, scan, full)
        assert from_first == full, plan.id
