"""Long lists a page at a time: a notebook at its limits holds hundreds of goals or partners, and
drawing a card with widgets for each would take seconds on every click."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from career_core import wording

T = TypeVar("T")
PAGE_SIZE = 15


def paged(items: Sequence[T], key: str, noun: str, *, size: int = PAGE_SIZE) -> tuple[Sequence[T], DeltaGenerator]:
    """The entries of the page picked (the first page until another is), and the container to draw
    them in: above the page picker, which shows only when there is more than one page."""
    rows = st.container()
    pages = math.ceil(len(items) / size)
    page = 1
    if pages > 1:
        st.caption(f"{wording.plural(len(items), noun)}, {size} to a page.")
        page = min(st.pagination(pages, key=key) or 1, pages)
    return items[(page - 1) * size: page * size], rows
