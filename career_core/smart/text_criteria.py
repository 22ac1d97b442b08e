"""Judge S, M and T from the text: the detected evidence, and for T the context's deadline.

The rules of judgement (DESIGN.md, "The SMART scorer"):
- A text with no real word (gibberish, a lone number or date) is neither specific nor
  measurable, whatever else it holds.
- S is met by a number, a level, a placeholder or a finished deliverable, even next to vague
  words ("improve sales performance by 15%"); by a name unless a vague word leaves the result
  open ("a good GPA"); otherwise by a concrete object that is pinned down ("the sales
  department", "your bed"), a set time ("at 6:30 am") or a concrete behaviour on a rhythm
  ("yoga twice a week", "post short videos twice a week"), as long as no vague word leaves it
  open. "a" or "an" pins a concrete thing as a count of one ("train a puppy"), unless a wish
  describes it ("a role that I enjoy"); so does an act that ends (acts.py: "donate platelets", "go to
  a movie"), and "some" or "many" before everyday things ("bake some loaves": how many is M's
  question). A count per period is a number ("eat healthy meals twice a week"), except for a
  direction ("work on"). With no vague word, a rhythm pins the deed named before it, whatever
  its verb ("take thyroid medication every morning"; counted.names_what). A negation after the
  first thing named is part of the goal, not its frame. A concrete object that is not pinned
  down ("coach direct reports") is partial. Broad
  objects ("the company", "my debt") pin nothing down, and neither does the object of a change
  with no target ("grow my subscriber base", "improve tool use in our workshop"): that says
  which way, not where to. What follows a purpose ("... to feel calmer", "so that") says why,
  not what; a concrete habit given as the means ("... by posting each recipe on a cooking forum")
  pins down a vague end.
- M is met by a quantity, a bound, a rhythm, a finished deliverable, credential or role, or an
  act that ends (done or not done) when nothing before its purpose leaves the goal open;
  "each team lead" or a named metric with no target ("our NPS") is partial, and so is a rhythm
  with no count that repeats an open-ended change ("reduce sugar every day": when, but not how
  much) unless the rhythm belongs to a concrete means, and a completion whose point is its
  speed ("clear my overdraft sooner"). A deliverable in the means of an open end ("improve my
  speaking by attending courses") measures the means, not the end, unless the means has a
  rhythm or a count.
- T is met by a date, a deadline, a time frame, a start date or a rhythm. Vague time words
  ("soon") do not count. A deadline already past is partial: the goal needs a new date. When
  the text has no time frame but the context has a deadline, T is partial: the goal should say
  its deadline itself.

A and R come from the context (context_criteria.py); where a goal turns to its means or purpose
is read in clauses.py.
"""

from __future__ import annotations

import re
from datetime import date

from career_core import wording
from career_core.smart.acts import acts_on_all
from career_core.smart.clauses import changes, done_by_me, method_habit, open_means, pins, purpose_start, time_clause
from career_core.smart.context import ScoringContext
from career_core.smart.counted import after_a_verb, names_what
from career_core.smart.detect import Hit
from career_core.smart.evidenced import (
    AMOUNT_VERBS,
    NAME_RULES,
    NO_HITS,
    OBJECT_RULES,
    VAGUE_S_RULES,
    Evidenced,
    criterion,
    words_at,
)
from career_core.smart.report import Criterion
from career_core.smart.rules import ADVICE, text, word_set
from career_core.smart.time_checks import EACH_ONCE, TARGET_RATE
from career_core.smart.vague_checks import OPEN_COUNT, OPEN_RHYTHM
from career_core.smart.verbs import lemma_of

STRONG_S_RULES = frozenset(
    {"M.percent", "M.fraction", "M.money", "M.multiplier", "M.number", "M.number_word", "M.bound", "M.glued_unit",
     "M.ordinal", "M.placeholder", "M.slot", "M.level", "M.language_level", "M.grade", "M.admission", "M.whole", "M.free_state", "M.ban", "M.kept_diet", "M.abstain", "M.restraint", "M.buy_only", "M.completion", "M.completion_named", "M.role", "M.made", "M.credential", "M.graduate", "M.post_nominal", "M.clock_duration", "M.goal_is",
     "S.named", "S.quoted"}
)
UNCOUNTED_RHYTHMS = frozenset({"F.every", "F.every_event", "F.every_occasion", "F.cadence_word", "F.on_days"})
M_STRONG_KINDS = frozenset({"quantity", "bound", "completion", "frequency"})
M_WEAK_RULES = frozenset({"M.each", "M.named_metric"})
T_MET_KINDS = frozenset({"deadline", "duration", "start", "frequency"})

_SAME_PHRASE = re.compile(r"\s*(?:(?!and\b|or\b|then\b)[a-z'-]+\s+){0,2}", re.ASCII)  # no new clause
_MAY_PURPOSE = re.compile(r"\b(?:to|so|in\s+order|because)\b", re.ASCII)  # cheap test before G.purpose
_MAY_MANNER = re.compile(r"\b(?:on\s|timely|promptly)", re.ASCII)  # cheap test before G.manner
_OPEN_TIMES = re.compile(r"\b(?:few|several|couple)\b", re.ASCII)
_COMPARATIVES = frozenset({"faster", "sooner", "earlier", "quicker", "better", "more", "less", "fewer"})
# verbs whose deed goes on by nature or changes an amount: a deadline does not close it
_OPEN_DEEDS = (word_set("ongoing_verb") - word_set("frame_verb")) | word_set("lone_change_verb") | word_set("amount_verb")
_WORD = re.compile(r"[a-z]+", re.ASCII)


def judge_s(ev: Evidenced) -> Criterion:
    s_hits = [h for h in ev.with_criterion("S") if h.rule != "S.negative_framing"] + ev.negatives
    strong = done_by_me([h for rid, hits in ev.by_rule.items() if rid in STRONG_S_RULES for h in hits], ev)
    # a count per period is a number ("eat healthy meals twice a week", "cut takeaways to twice a
    # month") that pins a vague quality down; not a direction ("work on my confidence"), which
    # it only makes a habit, and not "a few times a week", which leaves the count open
    if "F.times_per" in ev.by_rule:
        direction = bool(ev.get("S.vague_phrase", "S.abstract_object"))
        strong += [h for h in ev.by_rule["F.times_per"] if h.value == TARGET_RATE or not (direction or _OPEN_TIMES.search(ev.det.lower, h.start, h.end))]
    vague = [h for h in s_hits if h.rule in VAGUE_S_RULES and h.value != OPEN_COUNT and h.value != OPEN_RHYTHM]
    if vague and ev.negatives:
        # "tell my sister that I'm quitting", "sort the shed and don't buy more boxes": a
        # negation after a thing the goal names is a part of it, not how the goal is framed
        first_thing = min((h.start for h in ev.get(*OBJECT_RULES)), default=len(ev.det.text))
        vague = [h for h in vague if h.rule != "S.negative_framing" or h.start < first_thing]
    if vague:
        method = method_habit(ev)
        if method is not None:
            # "get my shop noticed more by posting each product on a forum": the means pin it down
            vague = [h for h in vague if h.start >= method]
    names = [h for h in strong if h.rule in NAME_RULES]
    if vague and names:
        # "a good GPA", "more proficient with Excel": the name says what about, not what result
        strong = [h for h in strong if h.rule not in NAME_RULES]
    if not ev.real:
        # gibberish, a lone number or a date: no action or outcome, whatever else it holds
        return criterion("missing", (), text(ADVICE, "S_nonsense" if _has_letters(ev) else "S_empty"))
    if strong:
        return criterion("met", ev.cite(strong + s_hits))
    objects = ev.get(*OBJECT_RULES)
    # "stretch before bed": an occasion of every day says when the habit happens, as a rhythm does
    rhythm = [h for h in ev.with_criterion("T") if h.kind == "frequency"] + [h for h in s_hits if h.value == OPEN_RHYTHM] + ev.get("S.daily_anchor")
    if (rhythm or not objects) and not any(pins(h) for h in objects):
        doing = ev.lazy("S.verb_object")  # "post short videos twice a week"
        objects = objects + doing
        s_hits = s_hits + doing
    cut = len(ev.det.text)
    if vague:
        # "walk daily to feel better": what follows the purpose says why, not what
        cut = purpose_start(ev)
        vague = [h for h in vague if h.start < cut]
        objects = [h for h in objects if h.start < cut]
    # "eat a pear a day": "a" counts the thing done each time, as "one" would
    pinned = [h for h in objects if pins(h)] + [h for h in s_hits if h.value == OPEN_COUNT and after_a_verb(ev.det.lower, h.start)] + ev.get("M.each") + ev.get("X.clock") + ev.get("F.one_per") + (names if vague else [])
    changed = [h for h in objects if changes(h)]  # "grow my subscriber base": no target
    loose = [h for h in objects if h.value is None] + ev.get("M.named_metric")
    if not vague and not pinned:
        done = [h for h in ev.acts() if h.start < cut]  # "donate platelets": one act, done or not
        pinned = [h for h in done if not h.value[2]]
        loose = loose + [h for h in done if h.value[2]]  # "post on social media": with a rhythm
        if not pinned:
            # "file my receipts in a folder": "a" counts one everyday thing, as "the" points at one
            pinned = [h for h in ev.lazy("S.one_thing") if h.start < cut]
            s_hits = s_hits + pinned
    if vague:
        if pinned and any(h.kind == "frequency" for h in ev.with_criterion("T")) and all(h.start >= min(p.end for p in pinned) for h in vague):
            # "make my bed each morning, however late I get up": a concrete deed on a rhythm is
            # named before any vague word, which only qualifies a side matter, not the deed
            return criterion("met", ev.cite(s_hits + rhythm))
        level = "partial" if (pinned or loose or changed or rhythm) else "missing"
        first = min(vague, key=lambda h: h.start)
        if first.rule == "S.negative_framing":
            advice = text(ADVICE, "S_negative", word=words_at(ev.det, first))
        elif first.rule == "S.abstract_object":
            advice = text(ADVICE, "S_abstract", word=first.value)
        else:
            advice = text(ADVICE, "S_vague", word=words_at(ev.det, first))
        return criterion(level, ev.cite(s_hits), advice)
    kept = ev.get("M.for_duration")  # "mentor a new starter for 3 months": kept up, like a rhythm
    if pinned or (loose and (rhythm or kept)):
        return criterion("met", ev.cite(s_hits + rhythm + kept))
    if changed:
        verb = min(changed, key=lambda h: h.start).value[1]
        return criterion("partial", ev.cite(s_hits), text(ADVICE, "S_change", word=verb))
    if rhythm and names_what(ev.det.lower[: min(h.start for h in rhythm)]):
        # "take my tablets daily", "consume oily fish once a week": with no vague word, what is
        # done on the rhythm is the goal, whether or not its verb is in a list
        return criterion("met", ev.cite(s_hits + rhythm))
    if loose:
        return criterion("partial", ev.cite(s_hits), text(ADVICE, "S_generic"))
    return criterion("missing", ev.cite(s_hits), text(ADVICE, "S_no_object" if _has_letters(ev) else "S_empty"))


def _has_letters(ev: Evidenced) -> bool:
    return any(ch.isalpha() for ch in ev.det.text)


def judge_m(ev: Evidenced, specific: bool = False) -> Criterion:
    """specific: S is met (a concrete deed or thing), which a deadline can close."""
    if not ev.real:
        return criterion("missing", (), text(ADVICE, "M_nonsense"))
    m_hits = ev.with_criterion("M")
    # "each team lead" is weak; "visit each branch once" counts the whole scope, one time each
    strong = done_by_me([h for h in m_hits if (h.kind in M_STRONG_KINDS and h.rule not in M_WEAK_RULES) or h.value == EACH_ONCE], ev)
    # "proofread every chapter", "bake each of my nephews a cake": an act on every one of them is a whole scope
    if "M.each" in ev.by_rule:
        strong += [h for h in ev.by_rule["M.each"] if h.value != EACH_ONCE and acts_on_all(ev.det.lower, h.start)]
    means = open_means(ev)
    if means is not None:
        # "improve my speaking by attending courses": the means says how; the open end stays unmeasured
        strong = [h for h in strong if not (h.kind == "completion" and h.start >= means)]
    bought = ev.lazy("G.saving_for") if " to " in ev.det.lower else NO_HITS
    if bought:  # "put money by to buy a campervan": the purchase says why; how much is saved stays open
        strong = [h for h in strong if not (h.kind == "completion" and h.start >= bought[0].start)]
    if strong and all(h.rule in UNCOUNTED_RHYTHMS for h in strong):
        # "reduce sugar every day", "eat a balanced diet daily": the rhythm says when, not how much
        open_ended = ev.amount_words() + [ev.words(h) for h in ev.get("S.vague_word") if not ev.is_rhythm_word(h) and h.value != OPEN_RHYTHM]
        method = method_habit(ev) if open_ended else None
        if method is not None and all(h.start >= method for h in strong):
            open_ended = []  # "... by getting up at 6 every weekday": the habit is the measure
        if open_ended and _deed_before_open_words(ev, min(h.start for h in strong), min(h.end for h in strong)):
            open_ended = []  # "study for an hour every day, and more at weekends": the deed on the rhythm is counted
        if open_ended:
            return criterion("partial", ev.cite(strong), text(ADVICE, "M_rhythm_only", word=open_ended[0]))
    if strong and all(h.kind == "completion" for h in strong):
        # "clear my overdraft sooner": done or not, but the goal is the speed, which has no yardstick
        after = max(h.end for h in strong)
        comparative = [
            h for h in ev.get("S.vague_word")
            if h.start >= after and ev.det.lower[h.start : h.end] in _COMPARATIVES and _SAME_PHRASE.fullmatch(ev.det.lower, after, h.start)
        ]
        if not comparative and _MAY_MANNER.search(ev.det.lower, after) and not ev.get("M.each") and not ev.get("M.whole"):
            # "deliver the launch on time": the point is a manner; "every commitment on time" and
            # "all my assignments on time" count them
            comparative = [h for h in ev.lazy("G.manner") if h.start >= after and _SAME_PHRASE.fullmatch(ev.det.lower, after, h.start)]
        if comparative:
            return criterion("partial", ev.cite(strong), text(ADVICE, "M_comparative", word=ev.words(comparative[0])))
    if strong:
        return criterion("met", ev.cite(strong))
    # "donate platelets", "join a choir to feel braver": one act, done or not done (before any purpose)
    opened = ev.open_words()
    first_open = min((h.start for h in opened), default=len(ev.det.text))
    purpose = _MAY_PURPOSE.search(ev.det.lower)  # a purpose can only begin at one of these words
    done: list[Hit] = []
    if first_open >= (purpose.start() if purpose else len(ev.det.text)):
        cut = purpose_start(ev) if opened else len(ev.det.text)
        cut = min(cut, len(ev.det.text) if means is None else means, bought[0].start if bought else len(ev.det.text))
        if first_open >= cut:
            done = [h for h in ev.acts() if h.start < cut and h.value[1]]
    if done and (span := time_clause(ev)) is not None:
        done = [h for h in done if not span[0] <= h.start < span[1]]  # "... before I start a course": when, not what
    if done:
        return criterion("met", ev.cite(done))
    weak = [h for h in m_hits if h.rule in M_WEAK_RULES]
    if weak:
        return criterion("partial", ev.cite(weak), text(ADVICE, "M_partial"))
    vague = ev.get("S.vague_word")
    if vague:
        return criterion("missing", (), text(ADVICE, "M_comparative", word=ev.first_words(vague)))
    if specific:
        # "have the sonata by heart by June", "sit the N3 this year": a concrete deed with a
        # deadline is done or not done by then; not one that goes on ("learn Welsh by May")
        dated = [h for h in ev.with_criterion("T") if h.kind == "deadline" or h.kind == "duration"]
        if dated and not ev.amount_words() and not _goes_on(ev.det.lower):
            return criterion("met", ev.cite(dated))
    return criterion("missing", (), text(ADVICE, "M_missing"))


def _deed_before_open_words(ev: Evidenced, rhythm_start: int, rhythm_end: int) -> bool:
    """Is a deed named before the first rhythm ("post a blog entry weekly (or more)"), with every
    open word after it? Then the open word only adds to a counted deed, as in judge_s."""
    opens = [m.start() for m in _WORD.finditer(ev.det.lower) if m.group() in AMOUNT_VERBS]
    opens += [h.start for h in ev.get("S.vague_word") if not ev.is_rhythm_word(h) and h.value != OPEN_RHYTHM]
    return min(opens, default=rhythm_end) >= rhythm_end and names_what(ev.det.lower[:rhythm_start])


def _goes_on(lower: str) -> bool:
    """Does a verb that goes on by nature or changes an amount stand in the text?"""
    lemmas = lemma_of()
    return any(lemmas.get(w, w) in _OPEN_DEEDS for w in _WORD.findall(lower))


def judge_t(ev: Evidenced, context: ScoringContext | None, deadline: date | None = None, today: date | None = None) -> Criterion:
    t_hits = ev.with_criterion("T")
    good = [h for h in t_hits if h.kind in T_MET_KINDS]
    vague = [h for h in t_hits if h.kind == "vague"]
    if good and deadline is not None and today is not None and deadline < today:
        # time-bound in form, but the date is gone: the goal needs a new one
        dated = [h for h in good if h.kind in ("deadline", "duration")] or good
        latest = max(dated, key=lambda h: h.end)
        return criterion("partial", ev.cite(good), text(ADVICE, "T_past", word=words_at(ev.det, latest), date=wording.day(deadline)))
    if good:
        return criterion("met", ev.cite(good))
    if context is not None and context.deadline is not None:
        d = context.deadline
        date_text = wording.day(d)
        return criterion("partial", ev.cite(vague), text(ADVICE, "T_context", date=date_text), (f"Deadline {wording.day(context.deadline)} in the goal's fields",))
    if vague:
        return criterion("missing", ev.cite(vague), text(ADVICE, "T_vague", word=ev.first_words(vague)))
    return criterion("missing", (), text(ADVICE, "T_missing"))
