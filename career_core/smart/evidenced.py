"""The detection grouped once for the judges of each criterion: hits by rule and by criterion,
lazy rules run on first use, evidence cited once, and the one way to build a Criterion.

Why apart from the judges: S, M and T (text_criteria.py), A and R (context_criteria.py) and the
flags (flags.py) all read the same grouped evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from career_core.smart import acts
from career_core.smart.detect import Detection, Hit, lazy_scan, run_lazy
from career_core.smart.lexicon import has_real_words
from career_core.smart.report import LEVEL_SCORE, Criterion, Evidence, new_criterion, new_evidence
from career_core.smart.rules import word_set
from career_core.smart.scan import Scan, has_perfect

MAX_EVIDENCE = 60  # per criterion; enough to highlight any real goal

NAME_RULES = frozenset({"S.named", "S.quoted"})
UNIT_RULES = frozenset({"M.glued_unit", "M.money", "M.percent", "M.multiplier", "F.slash_rate"})
OBJECT_RULES = ("S.object", "S.occasion", "S.det_object", "S.switch", "S.activity", "S.verb_object")
VAGUE_S_RULES = frozenset({"S.vague_word", "S.vague_phrase", "S.abstract_object", "S.negative_framing", "S.others_wish"})
NEAR_BOUND = 40  # characters: "never work more than 50 hours" is a limit, not an absolute

_WORD_RE = re.compile(r"[a-z]+", re.ASCII)
AMOUNT_VERBS = word_set("amount_verb") - {"up", "bring", "bringing", "lift", "better", "limit"}
_RHYTHM_ADVERBS = word_set("rhythm_adverb")


_PLAIN: dict[tuple[str, str], Criterion] = {}


def criterion(level: str, evidence: Sequence[Evidence] = (), advice: str = "", reasons: Sequence[str] = ()) -> Criterion:
    """A criterion's verdict; met needs no advice, and each piece of evidence is cited once, in order."""
    if level == "met":
        advice = ""
    if not evidence:
        if not reasons:  # common ("A unknown", "T missing"): share one object
            key = (level, advice)
            found = _PLAIN.get(key)
            if found is None:
                if len(_PLAIN) > 1024:
                    _PLAIN.clear()
                found = _PLAIN[key] = new_criterion(level, LEVEL_SCORE[level], (), advice, ())  # type: ignore[arg-type]
            return found
        return new_criterion(level, LEVEL_SCORE[level], (), advice, tuple(reasons))  # type: ignore[arg-type]
    if len(evidence) == 1:
        ev: tuple[Evidence, ...] = (evidence[0],)
    else:
        unique = {(e.start, e.end, e.rule): e for e in evidence}  # tuple keys hash in C
        ev = tuple([unique[k] for k in sorted(unique)][:MAX_EVIDENCE])
    return new_criterion(level, LEVEL_SCORE[level], ev, advice, tuple(reasons))  # type: ignore[arg-type]


def words_at(det: Detection, hit: Hit) -> str:
    return " ".join(det.text[hit.start : hit.end].split())


NO_HITS: list[Hit] = []  # shared empty result; never mutated


def _near_bound(hit: Hit, bounds: list[Hit]) -> bool:
    return any(0 <= b.start - hit.end <= NEAR_BOUND for b in bounds)


class Evidenced:
    """The detection, grouped once for the judges."""

    def __init__(self, det: Detection) -> None:
        self.det = det
        self._lazy: dict[str, list[Hit]] = {}
        self._lazy_scan: Scan | None = None
        self._acts: list[Hit] | None = None
        by_rule: dict[str, list[Hit]] = {}
        by_criterion: dict[str, list[Hit]] = {"S": [], "M": [], "A": [], "R": [], "T": []}
        for h in det.hits:
            found = by_rule.get(h.rule)
            if found is None:
                by_rule[h.rule] = [h]
            else:
                found.append(h)
            for key in h.criteria:
                by_criterion[key].append(h)
        self.by_rule, self.by_criterion = by_rule, by_criterion
        # a participle after "have" is read as its plain verb (scan.normalise): "started" as "start  "
        self.rewritten = has_perfect(det.lower)
        # Each cited hit's public Evidence, built once on first citation: S and M often cite the same words.
        self.evidence: dict[Hit, Evidence] = {}
        # False for gibberish, a lone number or a date; an amount with its unit ("4k", "$50") is real
        self.real = has_real_words(det.cased, det.lower) or any(
            h.rule in UNIT_RULES or (h.rule == "M.number" and det.text[h.end - 1].isalpha()) for h in det.hits
        ) or bool(self.acts())  # "try skydiving": a verb acting on a word the dictionary is too old for
        bounds = by_rule.get("M.bound")
        absolutes, negatives = by_rule.get("A.absolute", NO_HITS), by_rule.get("S.negative_framing", NO_HITS)
        self.absolutes = [h for h in absolutes if not _near_bound(h, bounds)] if bounds and absolutes else absolutes
        self.negatives = [h for h in negatives if not _near_bound(h, bounds)] if bounds and negatives else negatives

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

    def amount_words(self, end: int | None = None) -> list[str]:
        """Verbs that change an amount ("reduce", "minimise"), as written, in order, before end."""
        lower = self.det.lower
        return [w for w in _WORD_RE.findall(lower, 0, len(lower) if end is None else end) if w in AMOUNT_VERBS]

    def get(self, *rule_ids: str) -> list[Hit]:
        if len(rule_ids) == 1:
            return self.by_rule.get(rule_ids[0], NO_HITS)
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
                found = cited[h] = new_evidence(h.start, end, h.kind, h.rule)
            out.append(found)
        return out

    def with_criterion(self, key: str) -> list[Hit]:
        return self.by_criterion[key]

    def first_words(self, hits: list[Hit]) -> str:
        first = min(hits, key=lambda h: h.start)
        return words_at(self.det, first)
