"""Score a goal from the command line: python -m career_core.smart "goal text" [--today YYYY-MM-DD]

Prints each criterion with its level, the words that count and the advice, then the flags.
Handy for trying a rule change before writing its test.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from career_core.smart.report import SmartReport
from career_core.smart.scorer import score_goal


def render(text: str, report: SmartReport) -> str:
    lines = [f"Overall {report.overall}/100 - {'SMART' if report.is_smart else 'not SMART yet'}"]
    if report.deadline:
        lines.append(f"Deadline: {report.deadline.isoformat()}")
    for key, c in report.criteria.items():
        words = ", ".join(f"“{text[e.start:e.end]}” ({e.kind})" for e in c.evidence)
        lines.append(f"{key}  {c.label:<17} {words}")
        for reason in c.reasons:
            lines.append(f"     · {reason}")
        if c.advice:
            lines.append(f"     → {c.advice}")
    for flag in report.flags:
        lines.append(f"! {flag.id}: {flag.message}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m career_core.smart", description="Score a goal against SMART.")
    parser.add_argument("text", help="the goal, in quotes")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="score as if today were YYYY-MM-DD")
    args = parser.parse_args(argv)
    print(render(args.text, score_goal(args.text, today=args.today)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
