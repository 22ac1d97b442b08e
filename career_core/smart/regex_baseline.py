"""A plain regex SMART checker, the yardstick the scorer must clearly beat.

This is the "forty lines of regex" anyone could write in an afternoon: a number or a rhythm is
measurable, a date word after "by" or a rhythm is time-bound, and a goal is specific unless it
leans on a vague verb with no number. It was written before reading any labelled public goal and
is never tuned; python -m career_core.smart.evaluate prints its figures beside the scorer's.
Its handful of patterns stays inline on purpose: it is a fixed reference, not part of the rules.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|once|twice|half"
_RHYTHM = r"daily|weekly|monthly|yearly|annually|every|each|per"
_MONTHS = r"jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sep(tember)?|oct(ober)?|nov(ember)?|dec(ember)?"

MEASURE = re.compile(rf"\d|%|\$|\b({_NUMBER_WORDS}|{_RHYTHM})\b", re.IGNORECASE)
TIME = re.compile(
    rf"\b(by|before|until|within|in|over|during|this|next|end of)\s+(the\s+)?(\d|next|end|{_MONTHS}|q[1-4]|"
    rf"week|month|year|quarter|semester|summer|spring|fall|autumn|winter|tomorrow|today)"
    rf"|\b(19|20)\d\d\b|\b({_RHYTHM})\b|\b(today|tonight|tomorrow)\b",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(improve|better|more|less|enhance|work on|focus on|be|become|get|try|learn|grow|develop|increase|reduce)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z]{2,}")


def predict(text: str) -> dict[str, bool]:
    """S, M, T and smart (S and M and T) as the regex sees them."""
    m = bool(MEASURE.search(text))
    t = bool(TIME.search(text))
    s = len(WORD.findall(text)) >= 3 and (m or not VAGUE.search(text))
    return {"S": s, "M": m, "T": t, "smart": s and m and t}
