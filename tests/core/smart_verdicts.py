"""The one way the scorer's tables of cases read a report: "SMt", a capital letter for a criterion
met and a small one for a criterion not met, scored on a fixed day."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pytest

from career_core.smart import score_goal

TODAY = date(2026, 10, 15)


def verdict(text: str) -> str:
    report = score_goal(text, today=TODAY)
    return "".join(k if report.criteria[k].level == "met" else k.lower() for k in "SMT")


def check(text: str, expected: str) -> None:
    assert verdict(text) == expected, f"{text!r}: got {verdict(text)}, want {expected}"


def family_cases(families: Mapping[str, Sequence[tuple[str, str]]]) -> list:
    """The rows of tables of cases, one table per family, as parameters named "family: text"."""
    return [pytest.param(text, expected, id=f"{family}: {text}") for family, rows in families.items()
            for text, expected in rows]
