"""Turn a matched time expression into a date, relative to a given today.

Choices (the same everywhere, so people can predict them):
- A named period resolves to its last day: "March 2027" -> 31 March 2027, "in 2027" and
  "by 2028" -> 31 December, "Q3" -> 30 September, "H1" -> 30 June.
- Without a year, the next such period that has not ended: "by June" in July 2026 is
  30 June 2027; "by Q3" on 15 October 2026 is 30 September 2027.
- Fiscal years are read as calendar years (we do not know the organisation's year start).
- Seasons follow the northern hemisphere: spring ends 31 May, summer 31 August, autumn
  30 November, winter the last day of the following February.
- "within two years", "in the next 12 months" count from today; "this week" ends on Sunday.
- Numeric dates are day first ("03/04/2027" is 3 April) unless that cannot be a date.
- Semesters, terms, sprints and occasions ("my next annual review") make a goal time-bound
  but have no date we can know, so they resolve to None.
Every function returns None rather than raising on out-of-range input.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}
WEEKDAYS = {n: i for i, n in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
NUMBER_WORDS.update({"a": 1, "an": 1, "dozen": 12, "hundred": 100})
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30)}
MAX_COUNT = 1000  # "within 5000 years" is time-bound, but not a date worth computing

Groups = Mapping[str, str | None]


def month_end(year: int, month: int) -> date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, with the day clamped to the month's length ("30 February" is its last day)."""
    end = month_end(year, month)
    if end is None or day < 1:
        return None
    return end.replace(day=min(day, end.day))


def add_months(start: date, months: int) -> date | None:
    total = start.year * 12 + (start.month - 1) + months
    return safe_date(total // 12, total % 12 + 1, start.day)


def _year(groups: Groups, *names: str) -> int | None:
    for name in names:
        raw = groups.get(name)
        if raw:
            value = int(raw)
            return value + 2000 if value < 100 else value
    return None


def _count(raw: str | None) -> int | None:
    """The number in "two", "12", "twenty-five", "a couple of", "a few"; None when there is none."""
    if raw is None:
        return None
    raw = " ".join(raw.replace("-", " ").split())
    if raw.isdigit():
        return int(raw)
    if raw.startswith(("a couple", "couple")):
        return 2
    if raw in ("few", "a few"):
        return 3  # "within the next few weeks": a small count, at most about three
    total = 0
    for part in raw.split():
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total


def _not_past(today: date, make: Callable[[int], date | None]) -> date | None:
    """The first of this year's or next year's period ends that is not before today."""
    this = make(today.year)
    if this is not None and this >= today:
        return this
    return make(today.year + 1)


def _month(groups: Groups) -> int | None:
    return MONTHS.get((groups.get("mon") or "").lower().rstrip("."))


def iso_date(groups: Groups, today: date) -> date | None:
    return safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))


def numeric_date(groups: Groups, today: date) -> date | None:
    a, b = int(groups["a"]), int(groups["b"])
    year = _year(groups, "y")
    if year is None:
        return None
    day, month = (b, a) if a <= 12 < b else (a, b)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return safe_date(year, month, day)


def day_month(groups: Groups, today: date) -> date | None:
    month, day = _month(groups), int(groups["d"])
    if month is None:
        return None
    year = _year(groups, "y")
    if year is not None:
        return safe_date(year, month, day)
    return _not_past(today, lambda y: safe_date(y, month, day))


def month_year(groups: Groups, today: date) -> date | None:
    month, year = _month(groups), _year(groups, "y")
    return month_end(year, month) if month and year else None


def month_prep(groups: Groups, today: date) -> date | None:
    month = _month(groups)
    return _not_past(today, lambda y: month_end(y, month)) if month else None


def quarter(groups: Groups, today: date) -> date | None:
    digit = groups.get("q") or groups.get("qn")
    q = int(digit) if digit else QUARTER_WORDS.get((groups.get("qw") or "").lower())
    if not q:
        return None
    year = _year(groups, "y", "y2")
    if year is not None:
        return month_end(year, 3 * q)
    return _not_past(today, lambda y: month_end(y, 3 * q))


def half(groups: Groups, today: date) -> date | None:
    h = int(groups["h"]) if groups.get("h") else (1 if groups.get("hw") == "first" else 2)
    year = _year(groups, "y", "y2", "y3")
    rel = groups.get("rel")
    if year is None and rel == "next":
        year = today.year + 1
    elif year is None and rel in ("this", "the"):
        year = today.year
    if year is not None:
        return month_end(year, 6 * h)
    return _not_past(today, lambda y: month_end(y, 6 * h))


def fiscal(groups: Groups, today: date) -> date | None:
    year = _year(groups, "y", "y2")
    return month_end(year, 12) if year else None


def year(groups: Groups, today: date) -> date | None:
    return month_end(int(groups["y"]), 12)


def _period_end(unit: str, start: date) -> date | None:
    if unit == "day":
        return start
    if unit in ("week", "weekend"):
        return start + timedelta(days=6 - start.weekday())  # the weekend ends with the week
    if unit == "month":
        return month_end(start.year, start.month)
    if unit == "quarter":
        return month_end(start.year, 3 * ((start.month - 1) // 3 + 1))
    if unit == "half":
        return month_end(start.year, 6 if start.month <= 6 else 12)
    if unit == "year":
        return month_end(start.year, 12)
    return None  # semester, term, sprint: no calendar we can know


def period(groups: Groups, today: date) -> date | None:
    """"this year", "next quarter", "the end of next month": the end of that period."""
    unit = groups["unit"]
    rel = " ".join((groups.get("rel") or "this").split())
    end = _period_end(unit, today)
    if end is None or rel in ("this",):
        return end
    # next / the next / the coming / the following: the period after the current one
    return _period_end(unit, end + timedelta(days=1)) if end < date.max else None


def last_period(groups: Groups, today: date) -> date | None:
    """"last year", "this past summer": the end of the period before the current one (a
    narrated goal: its date is gone, so the app asks for a new one)."""
    unit = groups["unit"]
    if unit in SEASON_END or unit == "winter":
        ends = [season({"season": unit, "y": str(y)}, today) for y in (today.year - 2, today.year - 1, today.year)]
        return max((e for e in ends if e is not None and e < today), default=None)
    first = {"week": today - timedelta(days=today.weekday()), "weekend": today - timedelta(days=today.weekday()),
             "month": today.replace(day=1), "quarter": date(today.year, 3 * ((today.month - 1) // 3) + 1, 1),
             "year": date(today.year, 1, 1)}.get(unit)
    return _period_end(unit, first - timedelta(days=1)) if first is not None and first > date.min else None


def horizon(groups: Groups, today: date) -> date | None:
    """"within two years", "for the next six months": today plus that much."""
    n = _count(groups.get("n"))
    if n is None:
        n = 1  # "over the coming year", "for the next quarter"
    if n > MAX_COUNT:
        return None
    unit = groups["unit"]
    try:
        if unit == "day":
            return today + timedelta(days=n)
        if unit in ("week", "fortnight"):
            return today + timedelta(weeks=n * (2 if unit == "fortnight" else 1))
        if unit == "month":
            return add_months(today, n)
        if unit == "quarter":
            return add_months(today, 3 * n)
        if unit == "year":
            return add_months(today, 12 * n)
        if unit == "decade":
            return add_months(today, 120 * n)
    except OverflowError:
        return None
    return None  # sprints, semesters, terms


def season(groups: Groups, today: date) -> date | None:
    name = groups["season"]
    yr = _year(groups, "y")

    def end(y: int) -> date | None:
        if name == "winter":
            return month_end(y + 1, 2)
        m, d = SEASON_END[name]
        return safe_date(y, m, d)

    return end(yr) if yr is not None else _not_past(today, end)


def weekday(groups: Groups, today: date) -> date | None:
    ahead = (WEEKDAYS[groups["wd"]] - today.weekday()) % 7
    if ahead == 0 and groups.get("prep") == "next":
        ahead = 7
    return today + timedelta(days=ahead)


def day_word(groups: Groups, today: date) -> date | None:
    w = groups["w"]
    if w in ("today", "tonight", "eod"):
        return today
    if w == "tomorrow":
        return today + timedelta(days=1)
    return _period_end({"eow": "week", "eom": "month", "eoq": "quarter", "eoy": "year"}[w], today)


RESOLVERS: dict[str, Callable[[Groups, date], date | None]] = {
    "iso_date": iso_date,
    "numeric_date": numeric_date,
    "day_month": day_month,
    "month_year": month_year,
    "month_prep": month_prep,
    "quarter": quarter,
    "half": half,
    "fiscal": fiscal,
    "year": year,
    "period": period,
    "last_period": last_period,
    "horizon": horizon,
    "season": season,
    "weekday": weekday,
    "day_word": day_word,
}


def resolve(name: str, groups: Groups, today: date) -> date | None:
    """The date a time expression stands for, or None; never raises."""
    try:
        return RESOLVERS[name](groups, today)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
