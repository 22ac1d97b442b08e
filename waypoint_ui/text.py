"""People's words on the page: as typed, never as markup (the rule is career_core.escape).

`md` for anything Streamlit reads as Markdown (markdown, captions, titles, alerts, toasts, widget
labels, radio and pill options, help), `chart_text` for Plotly. Text from the notebook or worded
by the core always goes through one of them; only the UI's own literal strings are Markdown.
"""

from __future__ import annotations

from career_core.escape import chart, markdown

md = markdown


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chart_text(text: str, limit: int | None = None) -> str:
    """People's words for a Plotly label or hover text, shortened to `limit` when given."""
    return chart(short(text, limit) if limit else text)
