"""Which way a goal's metric goes: where the baseline and the target say it, they decide.

A target below the baseline is a decrease, one above it an increase. "Increase" chosen with a
target below the baseline (or "decrease" with one above) is a contradiction: the model refuses it
beside the direction field, a notebook file that holds one has it repaired on import (the numbers
win), and a change of baseline or target turns an increase or decrease round to follow them.
Limits ("at most", "at least") and done/not done are the person's choice: a floor below today's
value or a limit above it is a limit that already holds, not a contradiction.

A leaf: plain strings and numbers, so the model, the import repair and the pages share it.
"""

from __future__ import annotations

from typing import Final

from career_core import wording

INCREASE: Final = "increase"
DECREASE: Final = "decrease"
MOVES: Final = (INCREASE, DECREASE)  # the directions the numbers decide


def implied(baseline: float | None, target: float | None) -> str | None:
    """"increase" or "decrease" as the numbers say it; None when they do not (one missing, or equal)."""
    if baseline is None or target is None or target == baseline:
        return None
    return INCREASE if target > baseline else DECREASE


def contradiction(direction: str, baseline: float | None, target: float | None, unit: str = "") -> str | None:
    """Why `direction` cannot stand beside these numbers, in words; None when it can."""
    said = implied(baseline, target)
    if direction not in MOVES or said is None or said == direction:
        return None
    side = "below" if said == DECREASE else "above"
    label = "Decrease to the target" if said == DECREASE else "Increase to the target"
    return (f"The target ({wording.number(target, unit)}) is {side} the baseline ({wording.number(baseline, unit)}), "
            f"so this goal goes {'down' if said == DECREASE else 'up'}: choose “{label}”, or change the numbers.")


def follow(direction: str, baseline: float | None, target: float | None) -> str:
    """The direction once the numbers have their say: an increase or decrease they contradict turns round."""
    said = implied(baseline, target)
    return said if direction in MOVES and said is not None else direction
