"""A notebook whose every text field holds Markdown images and links, HTML, script and Streamlit
directives is opened on every page and section, normally and presenting: nothing is fetched from
outside this machine, no dialog opens, no tag is made from the notebook's words, and the words
are shown as typed.

Each kind of markup wraps a marker (ZQB, ZQR, …): rendered, it would make an element whose whole
text is the marker (<strong>ZQB</strong>); shown as typed, the marker sits inside the typed
punctuation (**ZQB**). The SMART report highlights words of a goal on a coloured background on
purpose, so those spans are not counted (a directive in the words would colour the text instead),
nor are the spans of the plan's Markdown preview, a code block that shows its text as typed.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Route, expect
from pydantic import BaseModel

from career_core.escape import WORD_JOINER
from career_core.models import Notebook
from career_core.sample import load_sample
from tests.e2e.conftest import Server, open_tab, wait_for_app

OUTSIDE = "198.51.100.7"  # TEST-NET-2: an address that is nobody's
# The notebook's words, longest first: each field gets the longest that fits its limit. Each starts
# with the HTML a chart reads, so that a label cut short for a chart still carries it.
CHART_HTML = f"<b>ZQH</b><a href=//{OUTSIDE}/>ZQA</a>"
PAYLOADS = [
    (f"{CHART_HTML} ![ZQI](http://{OUTSIDE}/pixel.png) [ZQK](http://{OUTSIDE}/k) <img src=http://{OUTSIDE}/i.png "
     f"onerror=alert(1)> <script>alert(2)</script> **ZQB** _ZQE_ :red[ZQR] :material/pets: :streamlit: "
     f"$ZQL^2$ https://{OUTSIDE}/auto www.example.com ana@example.com -> &lt;ZQT&gt; :smile:"),
    f"{CHART_HTML} ![ZQI](http://{OUTSIDE}/p.png) <img src=//{OUTSIDE}/i> **ZQB** :red[ZQR] :streamlit: $ZQL^2$",
    CHART_HTML,
    "**ZQB**",
]
MARKERS = ["ZQI", "ZQK", "ZQA", "ZQB", "ZQE", "ZQR", "ZQL", "ZQH", "ZQT"]
ID_LIKE = re.compile(r"(^id$|_id$|_ids$)")

VIEWS = [
    ("home", None), ("reflect", "Self-assessment"), ("reflect", "Vision"), ("reflect", "Input"),
    ("reflect", "Development list"), ("reflect", "Organisation"), ("reflect", "Private notes"),
    ("goals", "Draft"), ("goals", "My goals"), ("goals", "Goal map"), ("goals", "Focus"),
    ("plan?section=Actions", None), ("plan?section=Initiatives", None), ("plan?section=Stop+doing", None),
    ("plan?section=Timeline", None), ("plan?section=Weekly+load", None), ("plan?section=Calendar", None),
    ("progress", None), ("review", None), ("review", "Feedback"), ("review", "Coach sessions"), ("session", None),
    ("notebook", None),
]

# Elements the app draws from the notebook's words only if it read them as markup.
RENDERED = """(markers) => {
  const found = [];
  const outside = (url) => {
    if (!url) return false;
    const u = new URL(url, location.href);
    return !['data:', 'blob:', 'about:'].includes(u.protocol) && u.origin !== location.origin;
  };
  for (const el of document.querySelectorAll('img, image')) {
    const src = el.getAttribute('src') || el.getAttribute('href') || '';
    if (outside(src) || el.getAttribute('alt') === 'Streamlit logo') found.push('img ' + src);
  }
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href') || a.getAttribute('xlink:href') || '';
    if (outside(href) || href.startsWith('mailto:') || href.startsWith('javascript:')) found.push('a ' + href);
  }
  for (const s of document.querySelectorAll('script')) if (s.textContent.includes('alert(')) found.push('script');
  if (document.querySelector('.katex, mjx-container')) found.push('latex');
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.stMarkdownColoredBackground')) continue;  // the SMART report's own highlighting of words
    if (el.closest('pre')) continue;  // a code block shows text as typed; its syntax colouring splits it in spans
    const own = el.textContent.trim();
    if (markers.includes(own) && !['INPUT', 'TEXTAREA', 'OPTION'].includes(el.tagName)) found.push(el.tagName + ' ' + own);
    if (own === 'pets' && el.children.length === 0) found.push('icon ' + own);
  }
  return found;
}"""


def fill(model: BaseModel, counter: list[int]) -> None:
    """Every free-text field of `model` (and the models in it) gets the longest payload that fits."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        limit = next((m.max_length for m in info.metadata if getattr(m, "max_length", None)), 10_000)
        if isinstance(value, BaseModel):
            fill(value, counter)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for item in value:
                fill(item, counter)
        elif ID_LIKE.search(name) or name in ("schema_version",):
            continue
        elif isinstance(value, str) and type(value) is str:
            model.__dict__[name] = payload(limit, counter)
        elif isinstance(value, list) and all(type(v) is str for v in value) and value:
            model.__dict__[name] = [payload(200, counter) for _ in value]


def payload(limit: int, counter: list[int]) -> str:
    counter[0] += 1
    number = f"{counter[0]} "
    return next(number + p for p in PAYLOADS if len(number + p) <= limit)


@pytest.fixture
def marked(server: Server) -> Notebook:
    nb = load_sample(date.today())
    fill(nb, [0])
    nb = Notebook.model_validate(nb.model_dump())  # still a valid notebook
    return server.store().add("local", nb)


def open_view(page: Page, server: Server, nb: Notebook, view: str, tab: str | None, present: bool) -> None:
    sep = "&" if "?" in view else "?"
    page.goto(f"{server.url}/{view}{sep}nb={nb.id}{'&present=1' if present else ''}")
    wait_for_app(page)
    if tab is not None:
        open_tab(page, tab)
    if view == "goals" and tab == "Draft":  # the editor of a saved goal, with its highlighted report
        page.get_by_label("Working on").click()
        page.get_by_role("option").nth(1).click()
        wait_for_app(page)
    settle(page)


def settle(page: Page) -> None:
    """Wait until the page has stopped changing for a moment: Streamlit draws in steps, and charts
    after the script has finished."""
    page.wait_for_selector("[data-testid='stMain'] h1")
    page.evaluate("""() => new Promise((done) => {
      let timer = setTimeout(done, 800);
      new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 800); })
        .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
      setTimeout(done, 15000);
    })""")


@pytest.mark.parametrize("present", [False, True], ids=["normal", "presenting"])
def test_markup_in_every_field_stays_text_on_every_page(page: Page, server: Server, marked: Notebook, present: bool):
    requests: list[str] = []
    dialogs: list[str] = []

    def only_this_machine(route: Route) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_this_machine)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    shown_as_typed = False
    for view, tab in VIEWS:
        open_view(page, server, marked, view, tab, present)
        expect(page.get_by_text("This page ran into a problem")).to_have_count(0)
        rendered = page.evaluate(RENDERED, MARKERS)
        assert rendered == [], (view, tab, rendered)
        text = page.evaluate("() => document.body.innerText").replace(WORD_JOINER, "")
        shown_as_typed = shown_as_typed or ("**ZQB**" in text and ":red[ZQR]" in text)
    assert requests == [], requests
    assert dialogs == [], dialogs
    assert shown_as_typed  # the words were on the pages, as typed
