"""Showing people's own words safely: never as HTML, and Markdown only when escaped."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'^])")


def md(text: str) -> str:
    """Escape every Markdown (and Streamlit directive) character so the text shows as typed."""
    return _PUNCT.sub(r"\\\1", text).replace("\n", "  \n")


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chart_text(text: str, limit: int | None = None) -> str:
    """People's words for a Plotly label or hover, shortened to `limit`: Plotly reads a few HTML tags, so
    they are escaped, and a line break would break the label, so it becomes a space."""
    text = short(text, limit) if limit else text.replace("\n", " ")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
