"""The one-page development plan as Markdown: readable as plain text, tidy when rendered.

People's own words are escaped, so a goal that happens to contain `*`, `#` or `[` reads exactly
as it was typed wherever the file is opened.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from career_core import wording
from career_core.exports.plan_document import PlanDocument, plan_document
from career_core.models import Notebook
from career_core.progress import GoalProgress

_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Markdown-safe text: inline markup characters escaped, line starts that would make lists
    or headings neutralised, line breaks kept."""
    text = " ".join(text.split("\r"))
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text.replace("\n", "  \n")


def render(doc: PlanDocument) -> str:
    out: list[str] = [f"# Development plan: {escape(doc.title)}", "", f"*As of {wording.day(doc.on)}*", ""]

    out += ["## Vision", ""]
    out.append(escape(doc.vision) if doc.vision else "*No vision written yet.*")
    details = []
    if doc.target_role:
        details.append(f"**Target role:** {escape(doc.target_role)}")
    if doc.responsibility:
        details.append(f"**Responsibility:** {escape(doc.responsibility)}")
    if doc.horizon_year:
        details.append(f"**Horizon:** {doc.horizon_year}")
    if details:
        out += ["", "  \n".join(details)]
    out.append("")

    out += ["## Goals", ""]
    if not doc.goals:
        out += ["*No active goals.*", ""]
    for g in doc.goals:
        indent = "    " if g.stepping_stone else ""
        kind = "Long-term goal" if g.long_term else ("Stepping stone" if g.stepping_stone else "Goal")
        out.append(f"{indent}- **{escape(g.statement)}**  ")
        out.append(f"{indent}  {kind} · " + " · ".join(escape(f) for f in g.facts()))
    out.append("")

    out += ["## Initiatives", ""]
    if not doc.initiatives:
        out += ["*No initiatives under way.*"]
    for i in doc.initiatives:
        when = f" ({escape(i.when())})" if i.when() else ""
        line = f"- **{escape(i.title)}**{when} · {i.status}"
        if i.success_measure:
            line += f"  \n  Success looks like: {escape(i.success_measure)}"
        out.append(line)
    out.append("")

    out += ["## Next actions", ""]
    if not doc.actions:
        out += ["*Nothing due in the next 30 days.*"]
    for a in doc.actions:
        when = wording.due(a.due, doc.on, overdue=a.overdue, with_year=True)
        goal = f" · for: {escape(a.goal)}" if a.goal else ""
        out.append(f"- [ ] {escape(a.title)} ({when}){goal}")
    out.append("")

    out += ["## Stop doing", ""]
    if not doc.stop_doing:
        out += ["*Nothing on the stop-doing list.*"]
    for s in doc.stop_doing:
        out.append(f"- {escape(s.line())}")
    if doc.hours_freed:
        out += ["", f"Together this frees about {wording.number(doc.hours_freed)} hours a week."]
    out.append("")
    return "\n".join(out)


def build(
    notebook: Notebook,
    today: date,
    *,
    scores: Mapping[str, int | None] | None = None,
    progress: Mapping[str, GoalProgress] | None = None,
) -> str:
    return render(plan_document(notebook, today, scores=scores, progress=progress))
