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


def chart_text(text: str) -> str:
    """People's words for a Plotly label or hover: Plotly reads a few HTML tags, so escape them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
