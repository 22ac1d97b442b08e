"""Decide each criterion's level from the detected evidence and the optional context.

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
  a movie"). A concrete object that is not pinned down ("coach direct reports") is partial. Broad
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
- A comes from the context: confidence 7-10 is met, 5-6 partial, 1-4 missing; support or a
  baseline alone is partial. A confidence written in the text counts when the context has
  none. Warning signs (hedges, absolutes, instant timing, outcomes others decide, a stretch of
  more than 3x in under a year) cap A at partial. Without context A is unknown unless a
  warning sign shows.
- R comes from the context: a linked objective, value, parent goal or "supports my vision"
  is met, as are two or more words shared with the vision, objectives or parent, or a why
  together with a shared word or a reason clause. A why, one shared word or a reason clause
  ("so that ...") alone is partial. Someone else's "should" makes R missing, or partial when
  the person linked the goal in its context anyway (a reason clause in the text is not
  enough). Without any of this R is unknown.
- overall weighs S, M and T 25 each and A and R 12.5 each; met counts 1, partial and unknown
  0.5, missing 0 (report.py), so a met criterion never lowers it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date

from career_core import wording
from career_core.smart import acts
from career_core.smart.checks import OPEN_COUNT, OPEN_RHYTHM
from career_core.smart.context import ScoringContext
from career_core.smart.detect import Detection, Hit, lazy_scan, run_lazy
from career_core.smart.lexicon import has_real_words
from career_core.smart.report import LEVEL_SCORE, Criterion, Evidence
from career_core.smart.rules import ADVICE, text, word_set
from career_core.smart.scan import Scan, has_perfect
from career_core.smart.time_checks import EACH_ONCE, TARGET_RATE

MAX_EVIDENCE = 60  # per criterion; enough to highlight any real goal

STRONG_S_RULES = frozenset(
    {"M.percent", "M.fraction", "M.money", "M.multiplier", "M.number", "M.number_word", "M.bound", "M.glued_unit",
     "M.ordinal", "M.placeholder", "M.slot", "M.level", "M.language_level", "M.grade", "M.admission", "M.whole", "M.free_state", "M.abstain", "M.restraint", "M.completion", "M.completion_named", "M.role", "M.made", "M.credential", "M.graduate", "M.post_nominal", "M.clock_duration", "M.goal_is",
     "S.named", "S.quoted"}
)
NAME_RULES = frozenset({"S.named", "S.quoted"})
UNCOUNTED_RHYTHMS = frozenset({"F.every", "F.every_event", "F.every_occasion", "F.cadence_word", "F.on_days"})
UNIT_RULES = frozenset({"M.glued_unit", "M.money", "M.percent", "M.multiplier", "F.slash_rate"})
OBJECT_RULES = ("S.object", "S.det_object", "S.switch", "S.activity", "S.verb_object")
VAGUE_S_RULES = frozenset({"S.vague_word", "S.vague_phrase", "S.abstract_object", "S.negative_framing", "S.others_wish"})
M_STRONG_KINDS = frozenset({"quantity", "bound", "completion", "frequency"})
M_WEAK_RULES = frozenset({"M.each", "M.named_metric"})
T_MET_KINDS = frozenset({"deadline", "duration", "start", "frequency"})
NEAR_BOUND = 40  # characters: "never work more than 50 hours" is a limit, not an absolute
STRETCH_RATIO = 3.0
STRETCH_DAYS = 366

_CONTENT_WORD = re.compile(r"[a-z][a-z'-]{3,}", re.ASCII)
_OVERLAP_STOP = word_set("overlap_stop")
_SUFFIXES = ("ments", "ment", "ings", "ing", "ers", "er", "ies", "es", "ed", "ship", "ly", "s")


_WORD_RE = re.compile(r"[a-z]+", re.ASCII)
_AMOUNT_VERBS = word_set("amount_verb") - {"up", "bring", "bringing", "lift", "better", "limit"}
_RHYTHM_ADVERBS = word_set("rhythm_adverb")
_SAME_PHRASE = re.compile(r"\s*(?:(?!and\b|or\b|then\b)[a-z'-]+\s+){0,2}", re.ASCII)  # no new clause
_MAY_PURPOSE = re.compile(r"\b(?:to|so|in\s+order|because)\b", re.ASCII)  # cheap test before G.purpose
_MAY_MANNER = re.compile(r"\b(?:on\s|timely|promptly)", re.ASCII)  # cheap test before G.manner
_COMPARATIVES = frozenset({"faster", "sooner", "earlier", "quicker", "better", "more", "less", "fewer"})


_PLAIN: dict[tuple[str, str], Criterion] = {}


def _level(level: str, evidence: Sequence[Evidence] = (), advice: str = "", reasons: Sequence[str] = ()) -> Criterion:
    if level == "met":
        advice = ""
    if not evidence:
        if not reasons:  # common ("A unknown", "T missing"): share one object
            key = (level, advice)
            found = _PLAIN.get(key)
            if found is None:
                if len(_PLAIN) > 1024:
                    _PLAIN.clear()
                found = _PLAIN[key] = Criterion(level, LEVEL_SCORE[level], (), advice)  # type: ignore[arg-type]
            return found
        return Criterion(level, LEVEL_SCORE[level], (), advice, tuple(reasons))  # type: ignore[arg-type]
    if len(evidence) == 1:
        ev: tuple[Evidence, ...] = (evidence[0],)
    else:
        unique = {(e.start, e.end, e.rule): e for e in evidence}  # tuple keys hash in C
        ev = tuple([unique[k] for k in sorted(unique)][:MAX_EVIDENCE])
    return Criterion(level, LEVEL_SCORE[level], ev, advice, tuple(reasons))  # type: ignore[arg-type]


def words_at(det: Detection, hit: Hit) -> str:
    return " ".join(det.text[hit.start : hit.end].split())


_NONE: list[Hit] = []  # shared empty result; never mutated


def _near_bound(hit: Hit, bounds: list[Hit]) -> bool:
    return any(0 <= b.start - hit.end <= NEAR_BOUND for b in bounds)


class Evidenced:
    """The detection, grouped once for the judges below."""

    def __init__(self, det: Detection) -> None:
        self.det = det
        self._lazy: dict[str, list[Hit]] = {}
        self._lazy_scan: Scan | None = None
        self._acts: list[Hit] | None = None
        self.by_rule: dict[str, list[Hit]] = {}
        self.by_criterion: dict[str, list[Hit]] = {k: [] for k in "SMART"}
        for h in det.hits:
            self.by_rule.setdefault(h.rule, []).append(h)
            for key in h.criteria:
                self.by_criterion[key].append(h)
        # a participle after "have" is read as its plain verb (scan.normalise): "started" as "start  "
        self.rewritten = has_perfect(det.lower)
        # Each cited hit's public Evidence, built once on first citation: S and M often cite the same words.
        self.evidence: dict[Hit, Evidence] = {}
        # False for gibberish, a lone number or a date; an amount with its unit ("4k", "$50") is real
        self.real = has_real_words(det.cased, det.lower) or any(
            h.rule in UNIT_RULES or (h.rule == "M.number" and det.text[h.end - 1].isalpha()) for h in det.hits
        ) or bool(self.acts())  # "try skydiving": a verb acting on a word the dictionary is too old for
        bounds = self.get("M.bound")
        self.absolutes = [h for h in self.get("A.absolute") if not _near_bound(h, bounds)] if bounds else self.get("A.absolute")
        self.negatives = [h for h in self.get("S.negative_framing") if not _near_bound(h, bounds)] if bounds else self.get("S.negative_framing")

    def lazy(self, rule_id: str) -> list[Hit]:
        """A lazy rule's hits, run once on first use."""
        found = self._lazy.get(rule_id)
        if found is None:
            if self._lazy_scan is None:
                self._lazy_scan = lazy_scan(self.det)
            found = self._lazy[rule_id] = run_lazy(rule_id, self.det, self._lazy_scan)
        return found

    def acts(self) -> list[Hit]:
        """Acts done or not done ("donate platelets", "go to a play"), found once on first use."""
        if self._acts is None:
            self._acts = [Hit(a.start, a.end, "M.act", "completion", ("S", "M"), (a.thing, a.done, a.habit)) for a in acts.find(self.det.lower)]
        return self._acts

    def open_words(self) -> list[Hit]:
        """Words that leave the goal open or say what will not happen."""
        return [h for h in self.with_criterion("S") if h.rule in VAGUE_S_RULES and h.rule != "S.negative_framing"] + self.negatives

    def words(self, hit: Hit) -> str:
        return words_at(self.det, hit)

    def is_rhythm_word(self, hit: Hit) -> bool:
        """An adverb of the rhythm ("consistently") or part of a confidence ("70% confident")."""
        if self.det.lower[hit.start : hit.end] in _RHYTHM_ADVERBS:
            return True
        return any(c.start <= hit.start < c.end for c in self.get("A.confidence"))

    def amount_words(self) -> list[str]:
        """Verbs that change an amount ("reduce", "minimise"), as written, in order."""
        return [w for w in _WORD_RE.findall(self.det.lower) if w in _AMOUNT_VERBS]

    def get(self, *rule_ids: str) -> list[Hit]:
        if len(rule_ids) == 1:
            return self.by_rule.get(rule_ids[0], _NONE)
        out: list[Hit] = []
        for rid in rule_ids:
            out.extend(self.by_rule.get(rid, ()))
        return out

    def cite(self, hits: Iterable[Hit]) -> list[Evidence]:
        cited = self.evidence
        out: list[Evidence] = []
        for h in hits:
            found = cited.get(h)
            if found is None:
                end = h.end
                if self.rewritten:  # "paid" read as "pay ": cite the word as written
                    while end < len(self.det.text) and self.det.text[end].isalpha() and self.det.lower[end] == " ":
                        end += 1
                found = cited[h] = Evidence(h.start, end, h.kind, h.rule)
            out.append(found)
        return out

    def with_criterion(self, key: str) -> list[Hit]:
        return self.by_criterion[key]

    def first_words(self, hits: list[Hit]) -> str:
        first = min(hits, key=lambda h: h.start)
        return words_at(self.det, first)


# --- S, M, T: from the text --------------------------------------------------------------------


def judge_s(ev: Evidenced) -> Criterion:
    s_hits = [h for h in ev.with_criterion("S") if h.rule != "S.negative_framing"] + ev.negatives
    strong = others_done([h for rid, hits in ev.by_rule.items() if rid in STRONG_S_RULES for h in hits], ev)
    strong += [h for h in ev.get("F.times_per") if h.value == TARGET_RATE]  # "cut takeaways to twice a month"
    vague = [h for h in s_hits if h.rule in VAGUE_S_RULES and h.value != OPEN_COUNT and h.value != OPEN_RHYTHM]
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
        return _level("missing", (), text(ADVICE, "S_nonsense" if _has_letters(ev) else "S_empty"))
    if strong:
        return _level("met", ev.cite(strong + s_hits))
    objects = ev.get(*OBJECT_RULES)
    rhythm = [h for h in ev.with_criterion("T") if h.kind == "frequency"] + [h for h in s_hits if h.value == OPEN_RHYTHM]
    if (rhythm or not objects) and not any(pins(h) for h in objects):
        doing = ev.lazy("S.verb_object")  # "post short videos twice a week"
        objects = objects + doing
        s_hits = s_hits + doing
    cut = len(ev.det.text)
    if vague:
        # "walk daily to feel better": what follows the purpose says why, not what
        cut = _purpose_start(ev)
        vague = [h for h in vague if h.start < cut]
        objects = [h for h in objects if h.start < cut]
    pinned = [h for h in objects if pins(h)] + ev.get("M.each") + ev.get("X.clock") + (names if vague else [])
    changed = [h for h in objects if changes(h)]  # "grow my subscriber base": no target
    loose = [h for h in objects if h.value is None] + ev.get("M.named_metric")
    if not vague and not pinned:
        done = [h for h in ev.acts() if h.start < cut]  # "donate platelets": one act, done or not
        pinned = [h for h in done if not h.value[2]]
        loose = loose + [h for h in done if h.value[2]]  # "post on social media": with a rhythm
    if vague:
        level = "partial" if (pinned or loose or changed or rhythm) else "missing"
        first = min(vague, key=lambda h: h.start)
        if first.rule == "S.negative_framing":
            advice = text(ADVICE, "S_negative", word=words_at(ev.det, first))
        elif first.rule == "S.abstract_object":
            advice = text(ADVICE, "S_abstract", word=first.value)
        else:
            advice = text(ADVICE, "S_vague", word=words_at(ev.det, first))
        return _level(level, ev.cite(s_hits), advice)
    kept = ev.get("M.for_duration")  # "mentor a new starter for 3 months": kept up, like a rhythm
    if pinned or (loose and (rhythm or kept)):
        return _level("met", ev.cite(s_hits + rhythm + kept))
    if changed:
        verb = min(changed, key=lambda h: h.start).value[1]
        return _level("partial", ev.cite(s_hits), text(ADVICE, "S_change", word=verb))
    if loose or rhythm:
        return _level("partial", ev.cite(s_hits), text(ADVICE, "S_generic"))
    return _level("missing", ev.cite(s_hits), text(ADVICE, "S_no_object" if _has_letters(ev) else "S_empty"))


def _has_letters(ev: Evidenced) -> bool:
    return any(ch.isalpha() for ch in ev.det.text)


def others_done(hits: list[Hit], ev: Evidenced) -> list[Hit]:
    """hits without the things someone else is to finish ("make sure she gets her book
    published"): a wish about another's act is not one's own deliverable. Numbers stay."""
    wishes = ev.get("S.others_wish")
    if not wishes:
        return hits
    start = min(h.start for h in wishes)
    return [h for h in hits if not (h.kind == "completion" and h.start >= start)]


def pins(hit: Hit) -> bool:
    """An object a determiner or a count of one pins down ("the sales team", "a puppy")."""
    return hit.value == "determined" or (isinstance(hit.value, tuple) and hit.value[0] == "one")


def changes(hit: Hit) -> bool:
    """The object of a change with no target ("grow my subscriber base")."""
    return isinstance(hit.value, tuple) and hit.value[0] == "changed"


def means_start(ev: Evidenced) -> int | None:
    """Where the goal names its means ("... by posting each recipe"), or None."""
    if " by " not in ev.det.lower:
        return None
    methods = ev.lazy("G.method")
    return min(h.start for h in methods) if methods else None


def method_habit(ev: Evidenced) -> int | None:
    """Where a means that is a concrete habit begins ("... by posting each recipe on a forum",
    "... by getting up at 6 every weekday"): a "by -ing" clause holding a thing, a name or a set
    time, and a rhythm or a count. None when there is no such clause."""
    start = means_start(ev)
    if start is None:
        return None
    things = ev.get(*OBJECT_RULES, *NAME_RULES, "X.clock")
    measures = [h for h in ev.with_criterion("M") if h.kind in ("quantity", "bound", "frequency")]
    if any(h.start >= start for h in ev.get(*VAGUE_S_RULES)):
        return None  # "... by walking more every day": the means is as open as the end
    if any(h.start >= start for h in things) and any(h.start >= start for h in measures):
        return start
    return None


def open_means(ev: Evidenced) -> int | None:
    """Where the means of an open end begins ("improve my speaking by attending courses",
    "prioritise rest by fixing up the house"), unless the means holds a measure (a rhythm or a
    count: then the habit is the measure); None when there is no such means."""
    start = means_start(ev)
    if start is None:
        return None
    if any(h.start >= start and h.kind in ("quantity", "bound", "frequency") for h in ev.with_criterion("M")):
        return None  # "... by doing my homework every night": a habit with a measure
    opened = any(h.start < start for h in ev.open_words()) or any(w in _AMOUNT_VERBS for w in _WORD_RE.findall(ev.det.lower, 0, start))
    return start if opened else None


def _purpose_start(ev: Evidenced) -> int:
    """Where the goal turns to its purpose ("join a choir to meet more people"), if something
    concrete stands before it; else the end of the text. What follows says why, not what."""
    purposes = ev.lazy("G.purpose")
    if not purposes:
        return len(ev.det.text)
    start = min(h.start for h in purposes)
    concrete = ev.get(*OBJECT_RULES) + [h for h in ev.with_criterion("M") if h.kind == "completion"]
    if any(h.end <= start and not changes(h) for h in concrete) or any(h.end <= start for h in ev.acts()):
        return start
    return len(ev.det.text)


def judge_m(ev: Evidenced) -> Criterion:
    if not ev.real:
        return _level("missing", (), text(ADVICE, "M_nonsense"))
    m_hits = ev.with_criterion("M")
    # "each team lead" is weak; "visit each branch once" counts the whole scope, one time each
    strong = others_done([h for h in m_hits if (h.kind in M_STRONG_KINDS and h.rule not in M_WEAK_RULES) or h.value == EACH_ONCE], ev)
    means = open_means(ev)
    if means is not None:
        # "improve my speaking by attending courses": the means says how; the open end stays unmeasured
        strong = [h for h in strong if not (h.kind == "completion" and h.start >= means)]
    bought = ev.lazy("G.saving_for") if " to " in ev.det.lower else _NONE
    if bought:  # "put money by to buy a campervan": the purchase says why; how much is saved stays open
        strong = [h for h in strong if not (h.kind == "completion" and h.start >= bought[0].start)]
    if strong and all(h.rule in UNCOUNTED_RHYTHMS for h in strong):
        # "reduce sugar every day", "eat a balanced diet daily": the rhythm says when, not how much
        open_ended = ev.amount_words() + [ev.words(h) for h in ev.get("S.vague_word") if not ev.is_rhythm_word(h) and h.value != OPEN_RHYTHM]
        method = method_habit(ev) if open_ended else None
        if method is not None and all(h.start >= method for h in strong):
            open_ended = []  # "... by getting up at 6 every weekday": the habit is the measure
        if open_ended:
            return _level("partial", ev.cite(strong), text(ADVICE, "M_rhythm_only", word=open_ended[0]))
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
            return _level("partial", ev.cite(strong), text(ADVICE, "M_comparative", word=ev.words(comparative[0])))
    if strong:
        return _level("met", ev.cite(strong))
    # "donate platelets", "join a choir to feel braver": one act, done or not done (before any purpose)
    opened = ev.open_words()
    first_open = min((h.start for h in opened), default=len(ev.det.text))
    purpose = _MAY_PURPOSE.search(ev.det.lower)  # a purpose can only begin at one of these words
    done: list[Hit] = []
    if first_open >= (purpose.start() if purpose else len(ev.det.text)):
        cut = _purpose_start(ev) if opened else len(ev.det.text)
        cut = min(cut, len(ev.det.text) if means is None else means, bought[0].start if bought else len(ev.det.text))
        if first_open >= cut:
            done = [h for h in ev.acts() if h.start < cut and h.value[1]]
    if done:
        return _level("met", ev.cite(done))
    weak = [h for h in m_hits if h.rule in M_WEAK_RULES]
    if weak:
        return _level("partial", ev.cite(weak), text(ADVICE, "M_partial"))
    vague = ev.get("S.vague_word")
    if vague:
        return _level("missing", (), text(ADVICE, "M_comparative", word=ev.first_words(vague)))
    return _level("missing", (), text(ADVICE, "M_missing"))


def judge_t(ev: Evidenced, context: ScoringContext | None, deadline: date | None = None, today: date | None = None) -> Criterion:
    t_hits = ev.with_criterion("T")
    good = [h for h in t_hits if h.kind in T_MET_KINDS]
    vague = [h for h in t_hits if h.kind == "vague"]
    if good and deadline is not None and today is not None and deadline < today:
        # time-bound in form, but the date is gone: the goal needs a new one
        dated = [h for h in good if h.kind in ("deadline", "duration")] or good
        latest = max(dated, key=lambda h: h.end)
        return _level("partial", ev.cite(good), text(ADVICE, "T_past", word=words_at(ev.det, latest), date=wording.day(deadline)))
    if good:
        return _level("met", ev.cite(good))
    if context is not None and context.deadline is not None:
        d = context.deadline
        date_text = wording.day(d)
        return _level("partial", ev.cite(vague), text(ADVICE, "T_context", date=date_text), (f"Deadline {wording.day(context.deadline)} in the goal's fields",))
    if vague:
        return _level("missing", ev.cite(vague), text(ADVICE, "T_vague", word=ev.first_words(vague)))
    return _level("missing", (), text(ADVICE, "T_missing"))


# --- A and R: from the context, and warning signs in the text -----------------------------------


def stretch(context: ScoringContext | None, deadline: date | None, today: date) -> float | None:
    """The baseline-to-target ratio when it is over STRETCH_RATIO in under a year, else None."""
    if context is None or context.baseline is None or context.target is None:
        return None
    base, target = context.baseline, context.target
    if not (math.isfinite(base) and math.isfinite(target)):
        return None
    direction = context.direction or ("increase" if target >= base else "decrease")
    if direction in ("increase", "at_least"):
        ratio = target / base if base > 0 else None
    elif direction in ("decrease", "at_most"):
        ratio = base / target if target > 0 and base > 0 else None
    else:
        ratio = None
    end = context.deadline or deadline
    start = context.start or today
    if ratio is None or ratio <= STRETCH_RATIO or end is None or (end - start).days > STRETCH_DAYS:
        return None
    return ratio


def judge_a(ev: Evidenced, context: ScoringContext | None, deadline: date | None, today: date) -> tuple[Criterion, float | None]:
    evidence: list[Evidence] = []
    reasons: list[str] = []
    written = ev.get("A.confidence")
    confidence = context.confidence if context is not None else None
    if confidence is not None:
        reasons.append(f"Confidence {confidence}/10")
    elif written:
        confidence = written[0].value
        evidence += ev.cite(written[:1])
        reasons.append(f"Confidence {confidence}/10, written in the goal")
    support = bool(context and context.support.strip())
    if support:
        reasons.append("Support noted")
    baseline = context is not None and context.baseline is not None
    if confidence is not None:
        level = "met" if confidence >= 7 else "partial" if confidence >= 5 else "missing"
    elif support or baseline:
        level = "partial"
    else:
        level = "unknown"

    ratio = stretch(context, deadline, today)
    warnings = [
        ("A_hedge", ev.get("A.hedge")),
        ("A_absolute", ev.absolutes),
        ("A_instant", ev.get("A.instant")),
        ("A_depends", ev.get("A.depends")),
    ]
    warned = [(key, hits) for key, hits in warnings if hits]
    for _, hits in warned:
        evidence += ev.cite(hits)
    if ratio is not None:
        reasons.append(f"Target is {ratio:.1f}× the baseline in under a year")
    if (warned or ratio is not None) and level in ("met", "unknown"):
        level = "partial"

    if level == "missing":
        advice = text(ADVICE, "A_confidence_low", n=confidence)
    elif warned:
        key, hits = warned[0]
        advice = text(ADVICE, key, word=ev.first_words(hits))
    elif ratio is not None:
        advice = text(ADVICE, "A_stretch", baseline=_num(context.baseline), target=_num(context.target), ratio=f"{ratio:.0f}")  # type: ignore[union-attr]
    elif level == "partial" and confidence is not None:
        advice = text(ADVICE, "A_confidence_mid", n=confidence)
    elif level == "partial" and support:
        advice = text(ADVICE, "A_support")
    elif level == "partial":  # a baseline alone: where you stand is known, how sure you are is not
        advice = text(ADVICE, "A_baseline")
    else:
        advice = text(ADVICE, "A_unknown")
    return _level(level, evidence, advice, reasons), ratio


def _num(x: float | None) -> str:
    return "" if x is None else (f"{x:g}")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _stems(text_: str) -> set[str]:
    return {_stem(w) for w in _CONTENT_WORD.findall(text_.lower()) if w not in _OVERLAP_STOP}


def overlap(det: Detection, context: ScoringContext) -> list[Evidence]:
    """The goal's words that also stand in the vision, the linked objectives or the parent goal."""
    others = " ".join((context.vision, " ".join(context.objectives), context.parent))
    if not others.strip():
        return []
    wanted = _stems(others)
    out: list[Evidence] = []
    seen: set[str] = set()
    for m in _CONTENT_WORD.finditer(det.lower):
        word = m.group(0)
        if word in _OVERLAP_STOP:
            continue
        stem = _stem(word)
        if stem in wanted and stem not in seen:
            seen.add(stem)
            out.append(Evidence(m.start(), m.end(), "link", "R.overlap"))
    return out


def judge_r(ev: Evidenced, context: ScoringContext | None) -> Criterion:
    links = ev.get("R.link_clause")
    should = ev.get("R.should")
    evidence = ev.cite(links)
    reasons: list[str] = []
    strong = False
    shared: list[Evidence] = []
    why = False
    if context is not None:
        for label, present in (
            ("Linked to an organisational objective", context.objectives),
            ("Linked to your values", context.values),
            ("A stepping stone of a long-term goal", context.parent.strip()),
            ("Supports your vision", context.supports_vision),
        ):
            if present:
                reasons.append(label)
                strong = True
        shared = overlap(ev.det, context)
        evidence += shared
        why = bool(context.why.strip())
        if why:
            reasons.append("Why written")
    if strong or len(shared) >= 2 or (why and (shared or links)):
        level = "met"
    elif why or shared or links:
        level = "partial"
    else:
        level = "unknown"
    if should:
        # A reason in the same sentence ("because my boss says so") does not make it the
        # person's own goal; only links they made themselves do.
        evidence += ev.cite(should)
        level = "partial" if (strong or shared or why) else "missing"
        advice = text(ADVICE, "R_should", word=ev.first_words(should))
    elif level == "partial" and shared and not (why or links):
        advice = text(ADVICE, "R_overlap")
    elif level == "partial":
        advice = text(ADVICE, "R_partial")
    else:
        advice = text(ADVICE, "R_unknown")
    return _level(level, evidence, advice, reasons)
